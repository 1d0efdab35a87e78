package learn

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Mean returns the model whose weights are the means of the weights of
// ms, as when several trainers run with different seeds are averaged into
// one (a feature missing from a model counts as zero there). The models
// must have the same number of classes; the result is quantised anew.
func Mean(ms ...*Model) (*Model, error) {
	if len(ms) == 0 {
		return nil, fmt.Errorf("%w: no models to average", ErrFormat)
	}
	classes := ms[0].classes
	type cw struct {
		class uint16
		w     float64
	}
	sum := make(map[uint32][]cw, ms[0].n)
	var one [1]Entry
	for _, m := range ms {
		if m.classes != classes {
			return nil, fmt.Errorf("%w: models of %d and %d classes", ErrFormat, classes, m.classes)
		}
		for _, s := range m.slots {
			if s.key == 0 {
				continue
			}
			ws := sum[s.key]
		next:
			for _, e := range m.entries(s, &one) {
				w := float64(e.W) * float64(m.scale) / float64(len(ms))
				for i := range ws {
					if ws[i].class == e.Class {
						ws[i].w += w
						continue next
					}
				}
				ws = append(ws, cw{e.Class, w})
			}
			sum[s.key] = ws
		}
	}
	maxAbs := 0.0
	keys := make([]uint32, 0, len(sum))
	for k, ws := range sum {
		keys = append(keys, k)
		for _, c := range ws {
			maxAbs = max(maxAbs, math.Abs(c.w))
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	slices.Sort(keys)
	b := newBuilder(classes, float32(scale), len(keys))
	var es []Entry
	for _, k := range keys {
		es = es[:0]
		for _, c := range sum[k] {
			if q := math.Round(c.w / scale); q != 0 {
				es = append(es, Entry{Class: c.class, W: int16(q)})
			}
		}
		if len(es) > 0 {
			slices.SortFunc(es, func(a, b Entry) int { return cmp.Compare(a.Class, b.Class) })
			b.add(k, es)
		}
	}
	return b.model()
}

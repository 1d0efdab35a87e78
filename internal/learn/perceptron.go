package learn

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Trainer is a multiclass averaged perceptron over hashed features. Weights
// are created on the first update of a feature, so the table holds only
// features that ever took part in a mistake. It is not safe for concurrent
// use.
type Trainer struct {
	classes int
	w       map[uint64]*trainWeights
	step    int64
}

// trainWeights are one feature's weights: one entry per class it has seen.
type trainWeights struct {
	e []trainEntry
}

type trainEntry struct {
	class int32
	w     float32
	total float64 // sum of w over the steps before ts
	ts    int64   // step of the last change
}

// NewTrainer returns a trainer for the given number of classes.
func NewTrainer(classes int) *Trainer {
	return &Trainer{classes: classes, w: make(map[uint64]*trainWeights, 1<<16)}
}

// Features returns how many features have weights.
func (t *Trainer) Features() int { return len(t.w) }

// Score adds the current weights of feats to scores (len ≥ classes).
func (t *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		fw := t.w[f]
		if fw == nil {
			continue
		}
		for _, e := range fw.e {
			scores[e.class] += e.w
		}
	}
}

// Tick advances the averaging clock by one example. Call it once per
// training example, mistake or not.
func (t *Trainer) Tick() { t.step++ }

// Update moves the weights of feats towards class truth and away from
// class guess. It does nothing when they are equal.
func (t *Trainer) Update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		fw := t.w[f]
		if fw == nil {
			fw = &trainWeights{}
			t.w[f] = fw
		}
		fw.add(int32(truth), 1, t.step)
		fw.add(int32(guess), -1, t.step)
	}
}

func (fw *trainWeights) add(class int32, d float32, step int64) {
	for i := range fw.e {
		e := &fw.e[i]
		if e.class == class {
			e.total += float64(step-e.ts) * float64(e.w)
			e.ts = step
			e.w += d
			return
		}
	}
	fw.e = append(fw.e, trainEntry{class: class, w: d, ts: step})
}

// AverageOptions set how the averaged weights are frozen into a Model.
type AverageOptions struct {
	// MinWeight drops averaged weights whose magnitude is below it (in
	// update units; default 0: keep every non-zero weight).
	MinWeight float64
}

// Average returns the averaged weights as a frozen Model, quantised to
// 16 bits. The trainer can go on training afterwards. It fails when the
// model would hold more than 16M weights (raise MinWeight).
func (t *Trainer) Average(o AverageOptions) (*Model, error) { return Ensemble(o, t) }

// Ensemble returns the mean of the averaged weights of trainers ts (run
// with different seeds, say) as one frozen Model, quantised to 16 bits:
// one model scored at the cost of one, whose weights are pruned by
// o.MinWeight after the mean is taken. A feature missing from a trainer
// counts as zero there. The trainers must have the same number of classes
// and can go on training afterwards.
func Ensemble(o AverageOptions, ts ...*Trainer) (*Model, error) {
	if len(ts) == 0 {
		return nil, fmt.Errorf("%w: no trainers to average", ErrFormat)
	}
	type cw struct {
		class int32
		w     float64
	}
	classes := ts[0].classes
	avg := make(map[uint64][]cw, len(ts[0].w))
	for _, t := range ts {
		if t.classes != classes {
			return nil, fmt.Errorf("%w: trainers of %d and %d classes", ErrFormat, classes, t.classes)
		}
		step := float64(max(t.step, 1)) * float64(len(ts))
		for k, fw := range t.w {
			vals := avg[k]
		next:
			for _, e := range fw.e {
				a := (e.total + float64(t.step-e.ts)*float64(e.w)) / step
				for i := range vals {
					if vals[i].class == e.class {
						vals[i].w += a
						continue next
					}
				}
				vals = append(vals, cw{e.class, a})
			}
			avg[k] = vals
		}
	}
	maxAbs := 0.0
	for _, vals := range avg {
		for _, v := range vals {
			maxAbs = max(maxAbs, math.Abs(v.w))
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	type fe struct {
		key uint64
		e   []Entry
	}
	feats := make([]fe, 0, len(avg))
	for k, vals := range avg {
		var es []Entry
		for _, v := range vals {
			if math.Abs(v.w) < o.MinWeight {
				continue
			}
			q := math.Round(v.w / scale)
			if q == 0 {
				continue
			}
			es = append(es, Entry{Class: uint16(v.class), W: int16(q)})
		}
		if len(es) > 0 {
			slices.SortFunc(es, func(a, b Entry) int { return int(a.Class) - int(b.Class) })
			feats = append(feats, fe{k, es})
		}
	}
	// In hash order, so that of two features that fold to one key the same
	// one is kept on every run.
	slices.SortFunc(feats, func(a, b fe) int { return cmp.Compare(a.key, b.key) })
	b := newBuilder(classes, float32(scale), len(feats))
	for _, f := range feats {
		b.add(fold(f.key), f.e)
	}
	return b.model()
}

package learn

import (
	"math/rand/v2"
	"testing"
)

// TestScoreDense checks that Score adds the same weights whether a feature
// is scored from a dense row or from its entries: features with few and
// many weights, extreme weights, an odd number of classes, a class named
// twice, absent features and more features than a block.
func TestScoreDense(t *testing.T) {
	f := func(classes int) {
		t.Helper()
		rng := rand.New(rand.NewPCG(1, uint64(classes)))
		b := newBuilder(classes, 1, 400)
		want := map[uint32][]Entry{}
		for k := uint32(1); k <= 400; k++ {
			n := 1 + rng.IntN(classes)
			var es []Entry
			for range n {
				w := int16(rng.IntN(65536) - 32768)
				if rng.IntN(4) == 0 {
					w = []int16{32767, -32768}[rng.IntN(2)]
				}
				es = append(es, Entry{Class: uint16(rng.IntN(classes)), W: w})
			}
			b.add(k, es)
			want[k] = es
		}
		m, err := b.model()
		if err != nil {
			t.Fatal(err)
		}
		if classes <= lanes*maxWidth && len(m.dense) == 0 {
			t.Fatalf("%d classes: no dense rows", classes)
		}
		for trial := 0; trial < 50; trial++ {
			var feats []uint64
			sum := make([]int32, classes)
			for range 1 + rng.IntN(300) {
				k := uint32(1 + rng.IntN(500)) // above 400: absent
				feats = append(feats, uint64(k))
				for _, e := range want[k] {
					sum[e.Class] += int32(e.W)
				}
			}
			got := make([]int32, classes)
			m.Score(feats, got)
			for c := range got {
				if got[c] != sum[c] {
					t.Fatalf("%d classes, trial %d: class %d scored %d, want %d", classes, trial, c, got[c], sum[c])
				}
			}
		}
	}
	f(103)
	f(64)
	f(200) // too many classes for dense rows
}

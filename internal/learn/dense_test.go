package learn

import (
	"bytes"
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
		// The entries behind a dense row are written as they were read.
		var w1, w2 bytes.Buffer
		if _, err := m.WriteTo(&w1); err != nil {
			t.Fatal(err)
		}
		m2, _, err := DecodeModel(w1.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m2.WriteTo(&w2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w1.Bytes(), w2.Bytes()) {
			t.Fatalf("%d classes: model written again differs", classes)
		}
		for k, es := range want {
			var one [1]Entry
			got := m.entries(m.slots[m.find(k)], &one)
			if len(got) != len(es) {
				t.Fatalf("%d classes: feature %d has %d entries, want %d", classes, k, len(got), len(es))
			}
			for i := range es {
				if got[i] != es[i] {
					t.Fatalf("%d classes: feature %d entry %d is %v, want %v", classes, k, i, got[i], es[i])
				}
			}
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
	f(9)
	f(200) // too many classes for dense rows
}

// find returns the index of key k's slot.
func (m *Model) find(k uint32) uint64 {
	i := home(k, m.mask)
	for m.slots[i].key != k {
		i = (i + 1) & m.mask
	}
	return i
}

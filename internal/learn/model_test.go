package learn

import (
	"bytes"
	"testing"
)

// TestTrainAndRoundTrip trains on a small separable problem, freezes the
// model, writes and reads it, and checks that every example is classified
// right by the trainer's averaged weights and the read model alike.
func TestTrainAndRoundTrip(t *testing.T) {
	// Class c is signalled by feature String("c"+digit) among noise.
	type ex struct {
		feats []uint64
		class int
	}
	var exs []ex
	for i := 0; i < 300; i++ {
		c := i % 3
		exs = append(exs, ex{[]uint64{Hash1(1, uint64(c)), Hash1(2, uint64(i%7)), Template(0)}, c})
	}
	tr := NewTrainer(3)
	scores := make([]float32, 3)
	for it := 0; it < 5; it++ {
		for _, e := range exs {
			clear(scores)
			tr.Score(e.feats, scores)
			best := 0
			for k := range scores {
				if scores[k] > scores[best] {
					best = k
				}
			}
			tr.Update(e.feats, e.class, best)
			tr.Tick()
		}
	}
	m, err := tr.Average(AverageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, n, err := DecodeModel(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if n != buf.Len() {
		t.Fatalf("decoded %d of %d bytes", n, buf.Len())
	}
	if m2.Features() != m.Features() || m2.Weights() != m.Weights() || m2.Classes() != 3 {
		t.Fatalf("read %d features %d weights, wrote %d %d", m2.Features(), m2.Weights(), m.Features(), m.Weights())
	}
	for _, mm := range []*Model{m, m2} {
		for _, e := range exs {
			s := make([]int32, 3)
			mm.Score(e.feats, s)
			best := 0
			for k := range s {
				if s[k] > s[best] {
					best = k
				}
			}
			if best != e.class {
				t.Fatalf("example %v: got class %d, want %d", e.feats, best, e.class)
			}
		}
	}
	for k := 0; k < buf.Len(); k += 7 {
		if _, _, err := DecodeModel(buf.Bytes()[:k]); err == nil {
			t.Fatalf("model cut at byte %d decoded without error", k)
		}
	}
}

func TestZigzag(t *testing.T) {
	for _, w := range []int16{0, 1, -1, 2, -2, 32767, -32768, 1234, -1234} {
		if got := unzigzag(zigzag(w)); got != w {
			t.Fatalf("zigzag %d → %d", w, got)
		}
	}
}

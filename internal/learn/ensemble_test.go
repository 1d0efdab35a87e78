package learn

import (
	"errors"
	"testing"
)

// TestEnsemble averages two trainers that disagree on one feature and
// agree on another, and checks that the weights are pruned after the mean
// is taken: a weight of 2 in one trainer only is 1 in the mean, under a
// MinWeight of 1.5, while the shared one stays.
func TestEnsemble(t *testing.T) {
	a, b := NewTrainer(2), NewTrainer(2)
	f, g, h := Hash1(1, 1), Hash1(2, 2), Hash1(3, 3)
	a.Update([]uint64{f, g}, 0, 1)
	a.Update([]uint64{h}, 0, 1)
	a.Update([]uint64{h}, 0, 1)
	a.Tick()
	b.Update([]uint64{f}, 1, 0)
	b.Update([]uint64{g}, 0, 1)
	b.Update([]uint64{g}, 0, 1)
	b.Tick()
	m, err := Ensemble(AverageOptions{MinWeight: 1.2}, a, b)
	if err != nil {
		t.Fatal(err)
	}
	score := func(x uint64) [2]float32 {
		s := make([]int32, 2)
		m.Score([]uint64{x}, s)
		return [2]float32{float32(s[0]) * m.Scale(), float32(s[1]) * m.Scale()}
	}
	if s := score(f); s != [2]float32{} {
		t.Fatalf("feature voted both ways: mean %v, want 0 0", s)
	}
	if s := score(g); s[0] < 1.499 || s[0] > 1.501 || s[1] != -s[0] {
		t.Fatalf("feature 1 and 2 times for class 0: mean %v, want +1.5 -1.5", s)
	}
	if s := score(h); s != [2]float32{} {
		t.Fatalf("feature 2 times in one trainer: mean %v, want pruned", s)
	}
	one, err := Ensemble(AverageOptions{}, a)
	if err != nil {
		t.Fatal(err)
	}
	s := make([]int32, 2)
	one.Score([]uint64{h}, s)
	if w := float32(s[0]) * one.Scale(); w < 1.999 || w > 2.001 {
		t.Fatalf("ensemble of one: weight %g, want 2", w)
	}
	if _, err := Ensemble(AverageOptions{}, a, NewTrainer(3)); !errors.Is(err, ErrFormat) {
		t.Fatalf("ensemble of 2- and 3-class trainers: err %v, want ErrFormat", err)
	}
	if _, err := Ensemble(AverageOptions{}); !errors.Is(err, ErrFormat) {
		t.Fatalf("ensemble of no trainers: err %v, want ErrFormat", err)
	}
}

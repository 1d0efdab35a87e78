package learn

import (
	"errors"
	"testing"
)

// TestMean averages two models that disagree on one feature and agree on
// another, and checks the weights of the mean.
func TestMean(t *testing.T) {
	a, b := NewTrainer(2), NewTrainer(2)
	f, g := Hash1(1, 1), Hash1(2, 2)
	a.Update([]uint64{f, g}, 0, 1)
	a.Tick()
	b.Update([]uint64{f}, 1, 0)
	b.Update([]uint64{g}, 0, 1)
	b.Tick()
	ma, err := a.Average(AverageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	mb, err := b.Average(AverageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Mean(ma, mb)
	if err != nil {
		t.Fatal(err)
	}
	sf, sg := make([]int32, 2), make([]int32, 2)
	m.Score([]uint64{f}, sf)
	m.Score([]uint64{g}, sg)
	if sf[0] != 0 || sf[1] != 0 {
		t.Fatalf("feature voted both ways: mean %v, want 0 0", sf)
	}
	if w := float32(sg[0]) * m.Scale(); w < 0.999 || w > 1.001 || sg[1] != -sg[0] {
		t.Fatalf("feature voted one way: mean %v (scale %g), want +1 -1", sg, m.Scale())
	}
	if m.Features() != 1 {
		t.Fatalf("mean holds %d features, want 1 (the zeroed one dropped)", m.Features())
	}
	if _, err := Mean(ma, emptyModel(3)); !errors.Is(err, ErrFormat) {
		t.Fatalf("mean of 2- and 3-class models: err %v, want ErrFormat", err)
	}
	if _, err := Mean(); !errors.Is(err, ErrFormat) {
		t.Fatalf("mean of no models: err %v, want ErrFormat", err)
	}
}

// emptyModel returns an empty model of n classes.
func emptyModel(n int) *Model {
	m, _ := NewTrainer(n).Average(AverageOptions{})
	return m
}

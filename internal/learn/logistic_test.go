package learn

import (
	"math"
	"testing"
)

// TestLogistic: on data drawn from a known model the fit recovers its
// weights, and a feature that separates the classes gets a positive
// weight whose size the l2 penalty bounds.
func TestLogistic(t *testing.T) {
	// p(y|x1) = 0.2 when x1 = 0, 0.6 when x1 = 1: weights (log 1/4, log 6).
	var x [][]float64
	var y []bool
	for i := 0; i < 100; i++ {
		x1 := float64(i % 2)
		x = append(x, []float64{1, x1})
		pos := i%10 < 2
		if x1 == 1 {
			pos = i%10 != 1 && i%10 != 3
		}
		y = append(y, pos)
	}
	w, err := Logistic(x, y, 0)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(w[0]-math.Log(0.25)) > 0.01 || math.Abs(w[1]-math.Log(6)) > 0.01 {
		t.Errorf("weights %v, want [%.3f %.3f]", w, math.Log(0.25), math.Log(6))
	}
	sep := [][]float64{{1, 0}, {1, 0}, {1, 1}, {1, 1}}
	w, err = Logistic(sep, []bool{false, false, true, true}, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	if w[1] <= 0 || w[1] > 20 {
		t.Errorf("separating weight %v, want positive and bounded", w[1])
	}
	if _, err := Logistic(x, y[:3], 0); err == nil {
		t.Error("mismatched labels: no error")
	}
}

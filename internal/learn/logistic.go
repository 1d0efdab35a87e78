package learn

import (
	"errors"
	"math"
)

// Logistic fits a binary logistic regression to dense feature vectors x
// (the same length each, a bias feature included by the caller) and labels
// y, minimising the mean log-loss plus l2/2 times the squared weights
// (every weight but the first, the bias), by Newton's method: exact for
// the few features and hundreds of examples it is meant for, and
// deterministic. It returns the weights.
func Logistic(x [][]float64, y []bool, l2 float64) ([]float64, error) {
	if len(x) == 0 || len(x) != len(y) {
		return nil, errors.New("learn: logistic needs as many labels as examples, at least one")
	}
	d := len(x[0])
	for _, v := range x {
		if len(v) != d {
			return nil, errors.New("learn: logistic examples differ in length")
		}
	}
	n := float64(len(x))
	w := make([]float64, d)
	g := make([]float64, d)
	h := make([][]float64, d)
	for i := range h {
		h[i] = make([]float64, d)
	}
	for iter := 0; iter < 50; iter++ {
		for i := range g {
			g[i] = 0
			clear(h[i])
		}
		for k, v := range x {
			p := Sigmoid(dot(w, v))
			t := 0.0
			if y[k] {
				t = 1
			}
			r := p*(1-p) + 1e-9
			for i := range v {
				g[i] += (p - t) * v[i] / n
				for j := range v {
					h[i][j] += r * v[i] * v[j] / n
				}
			}
		}
		for i := 1; i < d; i++ {
			g[i] += l2 * w[i]
			h[i][i] += l2
		}
		h[0][0] += 1e-6
		step, err := solve(h, g)
		if err != nil {
			return nil, err
		}
		change := 0.0
		for i := range w {
			w[i] -= step[i]
			change = max(change, math.Abs(step[i]))
		}
		if change < 1e-8 {
			break
		}
	}
	return w, nil
}

// Sigmoid is the logistic function.
func Sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// solve solves a x = b by Gaussian elimination with partial pivoting; a
// and b are left as they were.
func solve(a [][]float64, b []float64) ([]float64, error) {
	n := len(b)
	m := make([][]float64, n)
	for i := range m {
		m[i] = append(append(make([]float64, 0, n+1), a[i]...), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-12 {
			return nil, errors.New("learn: logistic: singular system (a feature never varies; raise l2)")
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := m[i][n]
		for k := i + 1; k < n; k++ {
			s -= m[i][k] * x[k]
		}
		x[i] = s / m[i][i]
	}
	return x, nil
}

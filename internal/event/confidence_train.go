package event

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/newsgraph/newsgraph/internal/learn"
)

// ConfidenceExample is a record read by hand: the confidence features the
// coder gave it, whether it is right, and its document (the unit of
// cross-validation).
type ConfidenceExample struct {
	X     []float64
	Right bool
	Doc   string
}

// confidenceFit is one model TrainConfidence weighs: the features it
// reads and its l2 penalty.
type confidenceFit struct {
	name string
	only []int // the features read; nil: all
	l2   float64
}

// confidenceFits are the models TrainConfidence chooses from: the
// hand-set score rescaled (Platt scaling: bias and rule, unpenalised),
// and every feature at several penalties.
var confidenceFits = []confidenceFit{
	{"rescaled rule", []int{fBias, fRule}, 1e-6},
	{"all features", nil, 0.01}, {"all features", nil, 0.03}, {"all features", nil, 0.1},
	{"all features", nil, 0.3}, {"all features", nil, 1},
}

// masked returns x with the features f does not read set to 0.
func (f confidenceFit) masked(x []float64) []float64 {
	if f.only == nil {
		return x
	}
	y := make([]float64, len(x))
	for _, i := range f.only {
		y[i] = x[i]
	}
	return y
}

// TrainConfidence fits the confidence model to judged records: of
// confidenceFits, the logistic regression with the lowest log-loss in
// 5-fold cross-validation by document (a document's records are all in
// one fold), refitted on every record. It logs each fit's
// cross-validated log-loss.
func TrainConfidence(ex []ConfidenceExample, log io.Writer) (*ConfidenceModel, error) {
	if len(ex) < 20 {
		return nil, errors.New("event: too few judged records to train the confidence (want 20 or more)")
	}
	for _, e := range ex {
		if len(e.X) != int(nFeatures) {
			return nil, fmt.Errorf("event: an example has %d features, want %d", len(e.X), nFeatures)
		}
	}
	docs := map[string]int{}
	var names []string
	for _, e := range ex {
		if _, ok := docs[e.Doc]; !ok {
			docs[e.Doc] = 0
			names = append(names, e.Doc)
		}
	}
	sort.Strings(names)
	for i, n := range names {
		docs[n] = i % 5
	}
	best, bestLoss := confidenceFits[0], math.Inf(1)
	for _, fit := range confidenceFits {
		loss, n := 0.0, 0
		for fold := 0; fold < 5; fold++ {
			var x [][]float64
			var y []bool
			for _, e := range ex {
				if docs[e.Doc] != fold {
					x, y = append(x, fit.masked(e.X)), append(y, e.Right)
				}
			}
			w, err := learn.Logistic(x, y, fit.l2)
			if err != nil {
				return nil, err
			}
			for _, e := range ex {
				if docs[e.Doc] == fold {
					p := min(max(learn.Sigmoid(dotW(w, fit.masked(e.X))), 1e-3), 1-1e-3)
					if e.Right {
						loss -= math.Log(p)
					} else {
						loss -= math.Log(1 - p)
					}
					n++
				}
			}
		}
		loss /= float64(n)
		fmt.Fprintf(log, "%-13s l2 %-6g cross-validated log-loss %.4f\n", fit.name, fit.l2, loss)
		if loss < bestLoss {
			best, bestLoss = fit, loss
		}
	}
	x := make([][]float64, len(ex))
	y := make([]bool, len(ex))
	for i, e := range ex {
		x[i], y[i] = best.masked(e.X), e.Right
	}
	w, err := learn.Logistic(x, y, best.l2)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "chose %s, l2 %g; trained on %d records of %d documents\n", best.name, best.l2, len(ex), len(names))
	m := &ConfidenceModel{}
	copy(m.W[:], w)
	return m, nil
}

func dotW(w, x []float64) float64 {
	s := 0.0
	for i := range w {
		s += w[i] * x[i]
	}
	return s
}

// Package eval holds the scorers that measure each extraction stage against
// a gold file: precision, recall and F1 and the stage-specific metrics. The
// `newsgraph eval` subcommands print them.
package eval

import (
	"fmt"
	"io"
)

// PRF counts true positives, false positives and false negatives.
type PRF struct {
	TP, FP, FN int
}

// Add adds o's counts to p.
func (p *PRF) Add(o PRF) { p.TP += o.TP; p.FP += o.FP; p.FN += o.FN }

// Precision returns TP / (TP + FP), 0 when undefined.
func (p PRF) Precision() float64 {
	if p.TP+p.FP == 0 {
		return 0
	}
	return float64(p.TP) / float64(p.TP+p.FP)
}

// Recall returns TP / (TP + FN), 0 when undefined.
func (p PRF) Recall() float64 {
	if p.TP+p.FN == 0 {
		return 0
	}
	return float64(p.TP) / float64(p.TP+p.FN)
}

// F1 returns the harmonic mean of precision and recall.
func (p PRF) F1() float64 {
	pr, rc := p.Precision(), p.Recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}

// WriteRow prints one aligned row: label, P, R, F1 and the counts.
func (p PRF) WriteRow(w io.Writer, label string) {
	fmt.Fprintf(w, "%-12s P=%.3f R=%.3f F1=%.3f  (tp=%d fp=%d fn=%d)\n", label, p.Precision(), p.Recall(), p.F1(), p.TP, p.FP, p.FN)
}

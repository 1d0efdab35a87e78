package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Judgment is one event record read by hand: its key (document id,
// sentence, source code, CAMEO code, trigger, target code, mode; "-" for
// a missing actor) and whether it is right by the judging rule of
// docs/EVENTS-JUDGED.md. One JSON object per line:
//
//	{"key": ["8010842", "0", "IGOG7", "020", "urges", "RUS", "asserted"], "right": true}
type Judgment struct {
	Key   [7]string `json:"key"`
	Right bool      `json:"right"`
}

// ReadJudgments reads judgments (JSON Lines); a later line for the same
// key overrides an earlier one.
func ReadJudgments(path string) (map[[7]string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read judgments: %w", err)
	}
	defer f.Close()
	out := map[[7]string]bool{}
	err = eachJSONL(f, func(n int, line []byte) error {
		var j Judgment
		if err := json.Unmarshal(line, &j); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out[j.Key] = j.Right
		return nil
	})
	return out, err
}

// EventKey is the key of event e of document d, as judgments name it.
func EventKey(d *text.Document, e *text.Event) [7]string {
	tgt := "-"
	if e.Target != nil && e.Target.Code != "" {
		tgt = e.Target.Code
	}
	src := e.Source.Code
	if src == "" {
		src = "-"
	}
	mode := e.Mode
	if mode == "" {
		mode = text.ModeAsserted
	}
	return [7]string{d.ID, strconv.Itoa(e.Sentence), src, e.CAMEO, d.Slice(e.Trigger), tgt, mode}
}

// Scored is a judged record with the confidence the coder gave it.
type Scored struct {
	Confidence float64
	Right      bool
}

// ConfidenceResult describes how well confidences foretell judgments.
type ConfidenceResult struct {
	Records, Judged int
	Scored          []Scored
}

// Add records the confidence and judgment of each event of d that has a
// judgment.
func (r *ConfidenceResult) Add(d *text.Document, judged map[[7]string]bool) {
	for i := range d.Events {
		e := &d.Events[i]
		r.Records++
		if right, ok := judged[EventKey(d, e)]; ok {
			r.Judged++
			r.Scored = append(r.Scored, Scored{e.Confidence, right})
		}
	}
}

// Write prints the share right, the log-loss and Brier score of the
// confidences, the area under the ROC curve, and precision and the number
// kept at thresholds.
func (r *ConfidenceResult) Write(w io.Writer) {
	right := 0
	ll, brier := 0.0, 0.0
	for _, s := range r.Scored {
		p := min(max(s.Confidence, 1e-3), 1-1e-3)
		t := 0.0
		if s.Right {
			right++
			t = 1
		}
		ll -= t*math.Log(p) + (1-t)*math.Log(1-p)
		brier += (p - t) * (p - t)
	}
	n := float64(max(len(r.Scored), 1))
	fmt.Fprintf(w, "records %d, judged %d (unjudged %d), right %d = %.3f\n", r.Records, r.Judged, r.Records-r.Judged, right, float64(right)/n)
	fmt.Fprintf(w, "mean confidence %.3f, log-loss %.3f, Brier %.3f, AUC %.3f\n", meanConf(r.Scored), ll/n, brier/n, auc(r.Scored))
	for _, th := range []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8} {
		k, ok := 0, 0
		for _, s := range r.Scored {
			if s.Confidence >= th {
				k++
				if s.Right {
					ok++
				}
			}
		}
		fmt.Fprintf(w, "  confidence >= %.1f: precision %d/%d = %.3f, right kept %d/%d\n", th, ok, k, ratio(ok, k), ok, right)
	}
}

func meanConf(s []Scored) float64 {
	t := 0.0
	for _, x := range s {
		t += x.Confidence
	}
	return t / float64(max(len(s), 1))
}

// auc is the probability that a right record scores above a wrong one
// (ties count half).
func auc(s []Scored) float64 {
	x := append([]Scored(nil), s...)
	sort.Slice(x, func(i, j int) bool { return x[i].Confidence < x[j].Confidence })
	var pos, neg, sum float64
	for i := 0; i < len(x); {
		j := i
		var p, n float64
		for ; j < len(x) && x[j].Confidence == x[i].Confidence; j++ {
			if x[j].Right {
				p++
			} else {
				n++
			}
		}
		sum += p * (neg + n/2)
		pos += p
		neg += n
		i = j
	}
	if pos == 0 || neg == 0 {
		return math.NaN()
	}
	return sum / (pos * neg)
}

package timex_test

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// TestTBAQ scores the tagger on TempEval-3 TBAQ (skipped without the
// shared data) and fails below the floors; `newsgraph eval dates` prints
// the same scores.
func TestTBAQ(t *testing.T) {
	docs, err := eval.ReadTimexGold(devdata.File(t, "tbaq.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := eval.ScoreDates(context.Background(), timex.Default(), docs, os.Getenv("TIMEX_ERRORS") != "")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("strict F1 %.3f relaxed F1 %.3f value F1 %.3f type acc %.3f", s.Strict.F1(), s.Relaxed.F1(), s.Value.F1(), s.TypeAccuracy())
	for _, e := range s.Errors {
		if k := os.Getenv("TIMEX_ERRORS"); k == "all" || k == e.Kind {
			t.Logf("%-8s %s pub=%s gold=%q %s %s sys=%q %s %s | %s", e.Kind, e.Doc, e.Published, e.Gold.Text, e.Gold.Type, e.Gold.Value, e.System.Text, e.System.Type, e.System.Value, e.Where)
		}
	}
	if s.Strict.F1() < 0.87 || s.Value.F1() < 0.795 {
		t.Errorf("tbaq quality dropped: strict F1 %.3f (floor 0.87), value F1 %.3f (floor 0.795)", s.Strict.F1(), s.Value.F1())
	}
}

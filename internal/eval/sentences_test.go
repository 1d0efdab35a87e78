package eval

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
)

func TestSentencesGMB(t *testing.T) {
	p := devdata.File(t, "gmb-dev.conll")
	gold, err := ReadConll(p)
	if err != nil {
		t.Fatal(err)
	}
	s := Sentences(gold, 20)
	t.Logf("gold=%d predicted=%d matched=%d accuracy=%.4f", s.Gold, s.Predicted, s.Matched, s.Accuracy())
	if s.Accuracy() < 0.98 {
		t.Errorf("sentence accuracy %.4f < 0.98", s.Accuracy())
	}
}

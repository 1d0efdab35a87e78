package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// TestRecall: a gold event is found by an asserted record of its story
// with the same root and the same countries; a hypothetical record, or
// another story's, finds nothing; a bare IGO matches any body.
func TestRecall(t *testing.T) {
	gold := []GoldEvent{
		{Story: "a", Source: "RUSGOV", Target: "UKR", CAMEO: "190"},
		{Story: "a", Source: "IGOUNO", Target: "-", CAMEO: "020"},
		{Story: "a", Source: "CHN", Target: "USA", CAMEO: "110"},
		{Story: "b", Source: "USA", Target: "IRN", CAMEO: "163"},
	}
	r := NewRecall(gold)
	d := text.NewDocument("a", "", "x")
	d.Events = []text.Event{
		{Source: text.EventActor{Code: "RUSMIL"}, Target: &text.EventActor{Code: "UKR"}, CAMEO: "193", Mode: text.ModeAsserted},
		{Source: text.EventActor{Code: "IGO"}, CAMEO: "023", Mode: text.ModeAsserted},
		{Source: text.EventActor{Code: "CHN"}, Target: &text.EventActor{Code: "USA"}, CAMEO: "111", Mode: text.ModeHypothetical},
	}
	r.Add(d)
	var b bytes.Buffer
	r.Write(&b, true)
	out := b.String()
	if !strings.Contains(out, "gold events 3 in 1 stories; found 2 = 0.667") {
		t.Errorf("got %q", out)
	}
	if !strings.Contains(out, "missed a [0] CHN>USA 110") || strings.Contains(out, "IRN") {
		t.Errorf("misses: %q", out)
	}
}

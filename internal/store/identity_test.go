package store

import (
	"testing"

	"github.com/newsgraph/newsgraph/record"
)

// TestEventMode: what counts leave out. A requested act ("urged Moscow to
// free the prisoners": the freeing) carries the hypothetical flag and is
// left out; an intent recoded to the codebook's intent codes is counted; a
// record older than the mode field is read by its flags.
func TestEventMode(t *testing.T) {
	for _, c := range []struct {
		ev   record.Event
		want string
	}{
		{record.Event{Mode: "asserted"}, ""},
		{record.Event{Mode: "negated", Negated: true}, ModeNegated},
		{record.Event{Mode: "hypothetical", Hypothetical: true}, ModeHypothetical},
		{record.Event{Mode: "requested", Hypothetical: true}, ModeHypothetical},
		{record.Event{Mode: "intended", CAMEO: "036"}, ""},
		{record.Event{Negated: true}, ModeNegated},
		{record.Event{Hypothetical: true}, ModeHypothetical},
	} {
		if got := EventMode(&c.ev); got != c.want {
			t.Errorf("%+v: %q, want %q", c.ev, got, c.want)
		}
	}
}

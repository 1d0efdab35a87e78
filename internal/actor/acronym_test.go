package actor

import (
	"testing"

	"github.com/newsgraph/newsgraph/record"
)

// TestShortAcronyms: a short acronym of the dictionary matches only in
// capitals, and the tagger's team decision stands.
func TestShortAcronyms(t *testing.T) {
	d := annotate(t, "", "The WHO warned of a new wave. Fans of Doctor Who queued all night.", "2024-01-01",
		map[string][]string{record.ORG: {"WHO", "Who"}})
	if a := entityAt(d, "WHO", 0); a == nil || code(a.Actor) == "" {
		t.Errorf("WHO: want an IGO actor, got %+v", a)
	}
	if e := entityAt(d, "Who", 0); e == nil || e.Actor != nil {
		t.Errorf("Who (Doctor Who): want no actor, got %+v", e)
	}
}

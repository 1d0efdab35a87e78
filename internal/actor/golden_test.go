package actor

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/record"
)

// TestFixtureGolden compares every entity actor and mention of the fixture
// article with testdata/fixture.golden; -update rewrites it for review.
func TestFixtureGolden(t *testing.T) {
	d := fixture(t)
	var b strings.Builder
	for _, e := range d.Entities {
		fmt.Fprintf(&b, "entity  %-22q %-4s %s\n", d.Slice(e.Span), e.Type, actorLine(e.Actor))
	}
	for _, m := range d.Mentions {
		ent := "-"
		if m.Entity >= 0 {
			ent = fmt.Sprintf("%q", d.Slice(d.Entities[m.Entity].Span))
		}
		fmt.Fprintf(&b, "mention %-22q %-7s → %-20s %s\n", d.Slice(m.Span), m.Kind, ent, actorLine(m.Actor))
	}
	golden.Check(t, "testdata/fixture.golden", []byte(b.String()))
}

func actorLine(a *record.Actor) string {
	if a == nil {
		return "-"
	}
	return strings.TrimSpace(fmt.Sprintf("%s %s %s %s", a.Code, a.Country, a.Role, a.Name))
}

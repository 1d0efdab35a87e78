package actor

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/record"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

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
	const path = "testdata/fixture.golden"
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("fixture actors differ from %s (go test -run FixtureGolden -update, then review the diff):\n%s", path, got)
	}
}

func actorLine(a *record.Actor) string {
	if a == nil {
		return "-"
	}
	return strings.TrimSpace(fmt.Sprintf("%s %s %s %s", a.Code, a.Country, a.Role, a.Name))
}

package geo

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/internal/text"
)

// TestGolden compares the places of the fixture articles, one line per
// place (span text, name, country, feature, point, dateline mark), with
// testdata/fixture.golden. Run with -update to rewrite it and read the diff.
func TestGolden(t *testing.T) {
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i, fd := range readFixture(t) {
		d := text.NewDocument(fmt.Sprint(i), "", fd.text)
		if err := a.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "# article %d\n", i+1)
		for _, p := range d.Places {
			mark := ""
			if d.Dateline != nil && *d.Dateline == p.Span {
				mark = " dateline"
			}
			fmt.Fprintf(&b, "%d-%d %q -> %s %s %s %.2f,%.2f%s\n", p.Start, p.End, d.Slice(p.Span), p.Name, p.Country, p.Feature, p.Lat, p.Lon, mark)
		}
	}
	golden.Check(t, "testdata/fixture.golden", []byte(b.String()))
}

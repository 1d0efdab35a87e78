package geo

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

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
	const path = "testdata/fixture.golden"
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("places differ from %s (go test -run Golden -update rewrites it):\n%s", path, got)
	}
}

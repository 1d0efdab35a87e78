package quote

import (
	"flag"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestGolden compares every quote of the fixture article, one a line
// (kind|content|speaker|name|cue), with testdata/article.golden; run with
// -update to rewrite it, and read the diff.
func TestGolden(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := text.NewDocument("fixture", "", string(raw))
	annotate(t, newAnnotator(t, Options{}), d)
	got := show(d)
	const path = "testdata/article.golden"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Golden -update)", err)
	}
	if got != string(want) {
		t.Errorf("quotes differ from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

package quote

import (
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/internal/text"
)

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
	golden.Check(t, "testdata/article.golden", []byte(show(d)))
}

package source

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/record"
)

// TestTextRule: a NUL anywhere in any field is refused by the one text
// rule (the binary sniff sees only the body's head), and invalid UTF-8 in
// any field is repaired.
func TestTextRule(t *testing.T) {
	line := func(m map[string]string) string {
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	body := "Officials met in Geneva on Monday."
	lines := []string{
		line(map[string]string{"id": "good-1", "title": "Talks", "text": body}),
		line(map[string]string{"id": "nul-title", "title": "Tal\x00ks", "text": body}),
		line(map[string]string{"id": "nul-late", "title": "Talks", "text": strings.Repeat("Long text. ", 1000) + "\x00"}),
		line(map[string]string{"id": "nul-source", "source": "Wi\x00re", "text": body}),
		line(map[string]string{"id": "good-2", "title": "Talks", "text": body}),
	}
	// encoding/json writes valid UTF-8; this line's source is not.
	lines = append(lines, `{"id":"bad-utf8","source":"Wire `+"\xff"+`","text":"`+body+`"}`)
	p := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range collect(t, []string{p}, Options{}) {
		switch {
		case it.Err != nil:
			if !errors.Is(it.Err, pipeline.ErrRejected) || !errors.Is(it.Err, record.ErrBadText) {
				t.Errorf("%s: error %v is not a text-rule rejection", it.Origin, it.Err)
			}
			got = append(got, it.Origin+" rejected")
		default:
			if err := it.Doc.Record().CheckText(); err != nil {
				t.Errorf("%s: %v", it.Doc.ID, err)
			}
			got = append(got, it.Doc.ID+" "+it.Doc.Source)
		}
	}
	want := []string{"good-1 ", p + ":2 rejected", p + ":3 rejected", p + ":4 rejected", "good-2 ", "bad-utf8 Wire \ufffd"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

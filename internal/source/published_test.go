package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublished checks that every reader's publication date is validated
// (a bad one dropped with a warning, the document kept) and that a missing
// one is taken from the page, the URL, the dateline or --published, in
// that order, with where it came from.
func TestPublished(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "a.jsonl")
	lines := []string{
		`{"id":"given","published":"2023-02-22T10:00:00Z","text":"Talks resumed."}`,
		`{"id":"words","published":"yesterday","text":"Talks resumed."}`,
		`{"id":"range","published":"2023-13-45T99:99:99Z","url":"https://x.org/2023/02/21/talks","text":"Talks resumed."}`,
		`{"id":"url","url":"https://x.org/news/2023-02-20-talks","text":"Talks resumed."}`,
		`{"id":"dateline","text":"MOSCOW, Feb 19 (AA) – Talks resumed."}`,
		`{"id":"batch","text":"Talks resumed."}`,
	}
	if err := os.WriteFile(jsonl, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range collect(t, []string{jsonl, "testdata/corpus/sub/page.html"}, Options{Published: "2023-03-01"}) {
		if it.Err != nil {
			t.Fatalf("%s: %v", it.Origin, it.Err)
		}
		d := it.Doc
		got = append(got, strings.Join([]string{filepath.Base(d.ID), d.Published, d.PublishedFrom, strings.Join(d.Warnings, ";")}, "|"))
	}
	want := []string{
		"given|2023-02-22T10:00:00Z|given|",
		`words|2023-03-01|given|record: published is not a date: "yesterday" is not YYYY-MM-DD or an RFC 3339 time; dropped`,
		`range|2023-02-21|url|record: published is not a date: "2023-13-45T99:99:99Z" is not YYYY-MM-DD or an RFC 3339 time; dropped`,
		"url|2023-02-20|url|",
		"dateline|2023-02-19|dateline|",
		"batch|2023-03-01|given|",
		"page.html|2024-07-03|html|",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

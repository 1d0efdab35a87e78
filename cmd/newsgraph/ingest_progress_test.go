package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store/ingest"
	"github.com/newsgraph/newsgraph/internal/text"
)

// TestIngestReportsUndated checks that ingest names each dropped date and
// ends by counting the undated articles and saying how to date them.
func TestIngestReportsUndated(t *testing.T) {
	var buf bytes.Buffer
	p := newIngestProgress(&buf, 0)
	dated := text.NewDocument("a", "", "Talks.")
	dated.Published = "2023-02-22"
	undated := text.NewDocument("b", "", "Talks.")
	undated.Warnings = []string{`record: published is not a date: "yesterday" is not YYYY-MM-DD or an RFC 3339 time; dropped`}
	p.result(pipeline.Result{Doc: dated, Origin: "a.jsonl:1"})
	p.result(pipeline.Result{Doc: undated, Origin: "a.jsonl:2"})
	p.stop()
	p.summary(ingest.Summary{Read: 2})
	out := buf.String()
	for _, want := range []string{
		`newsgraph: a.jsonl:2: warning: record: published is not a date: "yesterday"`,
		"ingest: 1 of 2 articles annotated have no publication date",
		"--published YYYY-MM-DD",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

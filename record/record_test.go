package record_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/record"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(record.JSONSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, r *record.Record) {
	t.Helper()
	if err := r.Check(); err != nil {
		t.Error(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("record %s does not match the schema: %v", r.ID, err)
	}
}

func annotate(t *testing.T, args ...string) []*record.Record {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var out []*record.Record
	for r := range p.Process(ctx, source.Open(ctx, args, source.Options{}), 0) {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Origin, r.Err)
			continue
		}
		out = append(out, r.Record)
	}
	return out
}

// TestFixtureRecords runs the default pipeline on the project's own
// article and checks the record against the schema and its spans.
func TestFixtureRecords(t *testing.T) {
	s := compileSchema(t)
	for _, r := range annotate(t, "../internal/text/testdata/article.txt") {
		validate(t, s, r)
	}
}

func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	bad := `{"schema":"newsgraph.record/v1","id":"x","language":"en","text":"a","sentences":[],"entities":[{"start":0,"end":1,"text":"a","type":"PERSON"}],"places":[],"dates":[],"amounts":[],"quotes":[],"events":[]}`
	v, _ := jsonschema.UnmarshalJSON(strings.NewReader(bad))
	if s.Validate(v) == nil {
		t.Error("schema accepted entity type PERSON")
	}
	r := &record.Record{Schema: record.Schema, ID: "x", Text: "Wang’s visit", Entities: []record.Entity{{Start: 0, End: 5, Text: "Wang’s"}}}
	if r.Check() == nil {
		t.Error("Check accepted a wrong span text")
	}
}

// TestSeed checks the canonical article end to end: a valid record whose
// text is title + blank line + body, with 15 sentences.
func TestSeed(t *testing.T) {
	p := devdata.File(t, "seed/seed-article.json")
	raw, _ := os.ReadFile(p)
	var in struct{ Title, Text string }
	json.Unmarshal(raw, &in)
	recs := annotate(t, p)
	if len(recs) != 1 {
		t.Fatalf("got %d records", len(recs))
	}
	r := recs[0]
	validate(t, compileSchema(t), r)
	if r.Text != in.Title+"\n\n"+in.Text {
		t.Error("text is not title + blank line + body")
	}
	if len(r.Sentences) != 15 {
		t.Errorf("got %d sentences, want 15", len(r.Sentences))
	}
}

// TestWikinewsRecords validates the records of a real corpus.
func TestWikinewsRecords(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	p := devdata.File(t, "articles/wikinews.jsonl")
	s := compileSchema(t)
	recs := annotate(t, p)
	if len(recs) < 250 {
		t.Errorf("only %d records", len(recs))
	}
	for _, r := range recs {
		validate(t, s, r)
	}
}

// TestSchemaPublished checks the schema's publication date rules: a record
// as ParsePublished leaves it passes, "yesterday" (which records used to
// carry as given) and an unknown published_from do not.
func TestSchemaPublished(t *testing.T) {
	s := compileSchema(t)
	f := func(fields string, ok bool) {
		t.Helper()
		doc := `{"schema":"newsgraph.record/v1","id":"x","language":"en","text":"a","sentences":[],"entities":[],"places":[],"dates":[],"amounts":[],"quotes":[],"events":[]` + fields + `}`
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); (err == nil) != ok {
			t.Errorf("%s: valid %v, want %v (%v)", fields, err == nil, ok, err)
		}
	}
	f(`,"published":"2023-02-22","published_from":"dateline"`, true)
	f(`,"published":"2023-02-22T10:30:00.5+03:00","published_from":"given"`, true)
	f(`,"published":"yesterday"`, false)
	f(`,"published":"2023-02-22 yesterday"`, false)
	f(`,"published":"2023-02-22","published_from":"guess"`, false)
}

// TestBadPublishedNeverInRecord annotates articles whose publication dates
// are not dates: the records are valid, undated, and no event or date
// carries the bad value (they used to carry "yesterday" and event dates
// 2023-13-45).
func TestBadPublishedNeverInRecord(t *testing.T) {
	path := t.TempDir() + "/bad.jsonl"
	body := `Russian President Vladimir Putin met China's top diplomat Wang Yi in Moscow on Wednesday. On Thursday, Wang will travel to Budapest.`
	lines := `{"id":"a","published":"yesterday","text":"` + body + `"}` + "\n" +
		`{"id":"b","published":"2023-13-45T99:99:99Z","text":"` + body + `"}` + "\n"
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	s := compileSchema(t)
	recs := annotate(t, path)
	if len(recs) != 2 {
		t.Fatalf("%d records", len(recs))
	}
	for _, r := range recs {
		validate(t, s, r)
		if r.Published != "" || r.PublishedFrom != "" {
			t.Errorf("%s: published %q from %q", r.ID, r.Published, r.PublishedFrom)
		}
		if len(r.Events) == 0 {
			t.Errorf("%s: no events to check", r.ID)
		}
		for _, e := range r.Events {
			if strings.Contains(e.Date, "yesterday") || strings.HasPrefix(e.Date, "2023-13") {
				t.Errorf("%s: event date %q", r.ID, e.Date)
			}
		}
		for _, d := range r.Dates {
			if strings.HasPrefix(d.Value, "2023-13") {
				t.Errorf("%s: date value %q", r.ID, d.Value)
			}
		}
	}
}

package ingest

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
	"github.com/newsgraph/newsgraph/internal/text"
)

func TestSkipStored(t *testing.T) {
	s := openStore(t)
	recs := storetest.Fixture()
	if _, err := s.Put(context.Background(), recs[:2]); err != nil {
		t.Fatal(err)
	}
	doc := func(id, url, title, body string) pipeline.Item {
		d := text.NewDocument(id, title, body)
		d.URL = url
		return pipeline.Item{Doc: d, Origin: id}
	}
	in := make(chan pipeline.Item, 8)
	title, body, _ := cut(recs[1].Text)
	in <- doc(recs[0].ID, "", "x", "changed text")                        // same id
	in <- doc("new-1", recs[0].URL, "x", "changed text")                  // same URL
	in <- doc("new-2", "", title, body)                                   // same content as recs[1]
	in <- doc("new-3", "", "Fresh", "A story not stored yet.")            // new
	in <- pipeline.Item{Origin: "bad.jsonl:3", Err: pipeline.ErrRejected} // reader error
	close(in)
	var skipped []string
	var passed []string
	for it := range SkipStored(context.Background(), s, in, func(it pipeline.Item) { skipped = append(skipped, it.Origin) }) {
		passed = append(passed, it.Origin)
	}
	if len(skipped) != 3 || len(passed) != 2 || passed[0] != "new-3" || passed[1] != "bad.jsonl:3" {
		t.Fatalf("skipped %v, passed %v", skipped, passed)
	}
}

// cut splits a fixture text into title and body.
func cut(s string) (string, string, bool) {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '\n' && s[i+1] == '\n' {
			return s[:i], s[i+2:], true
		}
	}
	return "", s, false
}

package event

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/syntax"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// TestRetellings: the same event told in the title and again in the lede
// is one record with two tellings, dated by the telling that dates it;
// the same dyad and act on another day is another event (an undated
// telling would be either).
func TestRetellings(t *testing.T) {
	c := fixtureCoder(t)
	d := text.NewDocument("t", "", "Putin condemned Ukraine.\n\nPutin condemned Ukraine on Monday.\n\nBiden condemned Russia on Monday.\n\nOn Tuesday, Biden condemned Russia again.")
	d.Published = "2024-03-01"
	for _, a := range []interface {
		Annotate(context.Context, *text.Document) error
	}{text.Segmenter{}, syntax.Embedded(), timex.Default(), c} {
		if err := a.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if len(d.Events) != 3 {
		t.Fatalf("%d records, want 3 (Putin's told twice; Biden's on two days): %+v", len(d.Events), d.Events)
	}
	e := d.Events[0]
	if e.Source.Code != "RUSGOV" || e.Sentence != 0 || len(e.Mentions) != 1 || e.Mentions[0].Sentence != 1 || d.Slice(e.Mentions[0].Trigger) != "condemned" {
		t.Errorf("first record %+v, want RUSGOV in sentence 0 told again in sentence 1", e)
	}
	if e.Date != "2024-02-26" {
		t.Errorf("first record dated %q, want Monday's 2024-02-26", e.Date)
	}
	for _, e := range d.Events[1:] {
		if len(e.Mentions) != 0 || e.Source.Code != "USAGOV" {
			t.Errorf("record %+v, want Biden's, told once", e)
		}
	}
}

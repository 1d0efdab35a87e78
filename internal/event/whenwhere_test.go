package event

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/syntax"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// TestEventPlace: an event's place is the locative phrase the tree hangs
// on its trigger, before a nearer place in another clause; the dateline
// places what was said there or done by its country's actors, not what
// others did elsewhere.
func TestEventPlace(t *testing.T) {
	c := fixtureCoder(t)
	body := "BEIJING -- Putin met Xi in Moscow, days after a blast in Minsk. Russian troops attacked Ukrainian soldiers. Putin condemned Ukraine."
	d := text.NewDocument("t", "", body)
	d.Published = "2024-03-01"
	for _, a := range []interface {
		Annotate(context.Context, *text.Document) error
	}{text.Segmenter{}, syntax.Embedded()} {
		if err := a.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	place := func(name, country string) {
		i := strings.Index(body, name)
		if name == "BEIJING" {
			d.Dateline = &text.Span{Start: i, End: i + len(name)}
		}
		d.Places = append(d.Places, text.Place{Span: text.Span{Start: i, End: i + len(name)}, Name: name, Country: country})
	}
	place("BEIJING", "CHN")
	place("Moscow", "RUS")
	place("Minsk", "BLR")
	if err := c.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range d.Events {
		w := "none"
		if e.Place != nil {
			w = e.Place.Name + "/" + e.Place.From
		}
		got[d.Slice(e.Trigger)] = w
	}
	for trig, want := range map[string]string{
		"met":       "Moscow/" + record.PlaceFromAttachment,
		"attacked":  "none",
		"condemned": "BEIJING/" + record.PlaceFromDateline,
	} {
		if got[trig] != want {
			t.Errorf("%s: place %q, want %q (all: %v)", trig, got[trig], want, got)
		}
	}
}

package text

import (
	"context"
	"testing"
	"unicode/utf8"
)

func TestRecordCodePointOffsets(t *testing.T) {
	d := NewDocument("x", "Ünï “title”", "Wang’s visit to Moscow — 日本.")
	Segmenter{}.Annotate(context.Background(), d)
	// An entity over "Moscow" in bytes.
	i := len(d.Title) + 2 + len("Wang’s visit to ")
	d.Entities = append(d.Entities, Entity{Span: Span{i, i + len("Moscow")}, Type: "LOC"})
	r := d.Record()
	runes := []rune(r.Text)
	for _, s := range r.Sentences {
		if s.End > len(runes) || s.Start > s.End {
			t.Fatalf("bad sentence %+v", s)
		}
	}
	e := r.Entities[0]
	if string(runes[e.Start:e.End]) != "Moscow" || e.Text != "Moscow" {
		t.Errorf("entity %+v slices to %q", e, string(runes[e.Start:e.End]))
	}
	if e.Start != utf8.RuneCountInString(r.Text[:i]) {
		t.Errorf("start %d", e.Start)
	}
}

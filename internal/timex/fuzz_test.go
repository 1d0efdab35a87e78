package timex

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// FuzzTagger checks that no input makes the tagger panic or produce a
// span outside the text or out of order.
func FuzzTagger(f *testing.F) {
	for _, s := range []string{
		"February 24 last year", "by 2024", "last week on Wednesday", "three years ago", "the 1990s",
		"10:35 a.m. EDT Thursday", "3/4/2021 and 2021-03-04", "mid-2020", "the first anniversary of the war which started on February 24 last year",
		"every other week", "the 20th century", "'90s", "the last half of 1989", "twenty-five-year", "Jan. 31 ,", "May 31st of",
		"Soon Friday.", "Held Friday", "the year two thousand and", "this coming", "Earlier in the year",
	} {
		f.Add(s, "2023-02-22")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, s, pub string) {
		d := text.NewDocument("f", "", s)
		d.Published = pub
		_ = (text.Segmenter{}).Annotate(context.Background(), d)
		if err := Default().Annotate(context.Background(), d); err != nil {
			return
		}
		prev := 0
		for _, x := range d.Dates {
			if x.Start < prev || x.End <= x.Start || x.End > len(d.Text) {
				t.Fatalf("bad span %v (prev end %d) in %q", x.Span, prev, s)
			}
			if x.Type == "" || x.Value == "" {
				t.Fatalf("empty type or value for %q in %q", d.Slice(x.Span), s)
			}
			prev = x.End
		}
	})
}

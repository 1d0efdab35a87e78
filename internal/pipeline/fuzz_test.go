package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/text"
)

// fuzzMinBytes is the size every fuzz input is repeated up to, so that
// work that grows faster than the text shows as a missed time limit.
const fuzzMinBytes = 100 << 10

// FuzzLargeDocument runs the whole default pipeline over large documents
// (each input repeated to at least 100 kB) under a time budget: no panic,
// no budget exceeded, every span inside the text. The seeds are built here:
// a news paragraph, a list of place names, one long line without spaces,
// a long quotation.
func FuzzLargeDocument(f *testing.F) {
	def, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	// A generous budget: 100 kB takes a fraction of a second; quadratic
	// work at 1 MB takes minutes.
	p, err := NewWithOptions(Options{TimeBudget: 20 * time.Second, BudgetPerMiB: 20 * time.Second}, def.Stages()...)
	if err != nil {
		f.Fatal(err)
	}
	names := []string{"Paris", "Springfield", "Lagos", "Kharkiv", "Portland, Maine", "Georgia", "Victoria", "Jordan", "San José", "Mbanza Congo"}
	var list strings.Builder
	for i := 0; list.Len() < fuzzMinBytes; i++ {
		list.WriteString(names[i%len(names)])
		list.WriteString("\n")
	}
	f.Add(largeText(fuzzMinBytes))
	f.Add(list.String())
	f.Add(strings.Repeat("Moscow-Beijing-Washington-", fuzzMinBytes/26+1))
	f.Add(`"` + strings.Repeat("We will meet in Geneva on Monday, ", fuzzMinBytes/34+1) + `" said Dr. Ana Ruiz.`)
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return
		}
		body := s
		if len(body) < fuzzMinBytes {
			body = strings.Repeat(s, fuzzMinBytes/len(s)+1)
		}
		body = body[:min(len(body), 1<<20)]
		d := text.NewDocument("fuzz", "", body)
		d.Published = "2024-03-05"
		err := p.Run(context.Background(), d)
		if errors.Is(err, ErrTimeBudget) {
			t.Fatalf("%d bytes: %v", len(body), err)
		}
		if err != nil {
			return // a stage may refuse a document; it must not hang or panic
		}
		r := d.Record()
		n := len([]rune(r.Text))
		for _, pl := range r.Places {
			if pl.Start < 0 || pl.End > n || pl.Start >= pl.End {
				t.Fatalf("place %+v outside the text (%d code points)", pl, n)
			}
		}
		for _, e := range r.Entities {
			if e.Start < 0 || e.End > n || e.Start >= e.End {
				t.Fatalf("entity %+v outside the text (%d code points)", e, n)
			}
		}
	})
}

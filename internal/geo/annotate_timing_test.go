package geo

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// fixtureText joins the hand-written fixture articles (without marks) into
// one news-like text of about 2 KB.
func fixtureText(b testing.TB) string {
	var parts []string
	for _, d := range readFixture(b) {
		parts = append(parts, d.text)
	}
	return strings.Join(parts, "\n\n")
}

// BenchmarkAnnotate measures recognition and resolution on a segmented
// article, gazetteer already loaded.
func BenchmarkAnnotate(b *testing.B) {
	a, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	body := fixtureText(b)
	d := text.NewDocument("bench", "", body)
	if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	toks, sents := d.Tokens, d.Sentences
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		d.Tokens, d.Sentences = toks, sents
		d.Entities, d.Places, d.Dateline = d.Entities[:0], d.Places[:0], nil
		if err := a.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

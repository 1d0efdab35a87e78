package syntax_test

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/syntax"
	"github.com/newsgraph/newsgraph/internal/text"
)

// benchDocs reads and segments the articles of a stream in ../shared (the
// benchmark skips without it).
func benchDocs(b *testing.B, name string) ([]*text.Document, int) {
	path := devdata.File(b, "articles/"+name)
	if _, err := os.Stat(path); err != nil {
		b.Skip(err)
	}
	var docs []*text.Document
	n := 0
	for it := range source.Open(context.Background(), []string{path}, source.Options{}) {
		if it.Err != nil {
			continue
		}
		d := it.Doc
		(text.Segmenter{}).Annotate(context.Background(), d)
		docs = append(docs, d)
		n += len(d.Text)
	}
	return docs, n
}

func benchSyntax(b *testing.B, name string) {
	docs, n := benchDocs(b, name)
	a := syntax.Embedded()
	words := 0
	for _, d := range docs {
		words += len(d.Tokens)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := a.Annotate(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkSyntaxWikinews tags and parses the Wikinews stream.
func BenchmarkSyntaxWikinews(b *testing.B) { benchSyntax(b, "wikinews.jsonl") }

// BenchmarkSyntaxVOA tags and parses the VOA stream.
func BenchmarkSyntaxVOA(b *testing.B) { benchSyntax(b, "voa-stories.jsonl") }


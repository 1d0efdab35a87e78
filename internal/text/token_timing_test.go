package text

import (
	"context"
	"os"
	"strings"
	"testing"
)

func loadArticle(b *testing.B) string {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(raw)
}

func BenchmarkTokenize(b *testing.B) {
	s := loadArticle(b)
	var toks []Token
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		toks = Tokenize(toks[:0], s)
	}
}

// BenchmarkSegment measures tokenizer + sentence splitter, as the pipeline
// runs them, on a realistic article.
func BenchmarkSegment(b *testing.B) {
	s := strings.Repeat(loadArticle(b), 4)
	d := &Document{Text: s}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Segmenter{}.Annotate(context.Background(), d)
	}
}

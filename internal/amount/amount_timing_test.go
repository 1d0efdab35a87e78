package amount_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/amount"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// BenchmarkTagger measures the amount tagger alone over a news-like
// article (testdata/article.txt, written for this test) repeated to ~30 KB.
func BenchmarkTagger(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat(string(raw)+"\n", 8)
	d := text.NewDocument("bench", "", body)
	d.Published = "2024-03-14"
	ctx := context.Background()
	if err := (text.Segmenter{}).Annotate(ctx, d); err != nil {
		b.Fatal(err)
	}
	if err := timex.Default().Annotate(ctx, d); err != nil {
		b.Fatal(err)
	}
	at := amount.Default()
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := at.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	if len(d.Amounts) == 0 {
		b.Fatal("no amounts found")
	}
}

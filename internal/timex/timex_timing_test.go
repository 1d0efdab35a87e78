package timex

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// BenchmarkTagger measures the tagger alone over a news-like article
// (testdata/article.txt, written for this test) repeated to ~30 KB.
func BenchmarkTagger(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat(string(raw)+"\n", 8)
	d := text.NewDocument("bench", "", body)
	d.Published = "2024-03-14"
	if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	tg := Default()
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := tg.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	if len(d.Dates) == 0 {
		b.Fatal("no dates found")
	}
}

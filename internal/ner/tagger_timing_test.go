package ner

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/text"
)

// BenchmarkTagger measures tagging alone (segmentation done once) over a
// news article written for the tests.
func BenchmarkTagger(b *testing.B) {
	body, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	d := text.NewDocument("bench", "", string(body))
	if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		d.Entities = d.Entities[:0]
		if err := tg.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad measures reading the embedded model.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		if _, err := readEmbedded(); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms/load")
	}
}

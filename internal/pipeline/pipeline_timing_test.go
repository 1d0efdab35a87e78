package pipeline

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// BenchmarkDefault measures the whole default chain on a realistic article
// (one core: b.N documents in sequence).
func BenchmarkDefault(b *testing.B) {
	raw, err := os.ReadFile("../text/testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		d := text.NewDocument("bench", "", string(raw))
		d.Published = "2024-03-05"
		if err := p.Run(ctx, d); err != nil {
			b.Fatal(err)
		}
		_ = d.Record()
	}
}

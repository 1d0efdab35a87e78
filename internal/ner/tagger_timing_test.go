package ner

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/text"
)

// BenchmarkTagger measures tagging alone (segmentation done once) over a
// news article written for the tests.
func BenchmarkTagger(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	benchTagging(b, func() *Tagger { return tg })
}

// BenchmarkTaggerColdCache measures tagging with an empty word-score
// cache, as for the first article a tagger sees.
func BenchmarkTaggerColdCache(b *testing.B) {
	m, err := DefaultModel()
	if err != nil {
		b.Fatal(err)
	}
	benchTagging(b, func() *Tagger { return New(m) })
}

// benchTagging tags the test article once a round with the tagger tagger
// returns, and reports MB per CPU-second: on a shared machine wall time
// overstates the cost, and CPU time per byte is what "MB/s per core" means.
func benchTagging(b *testing.B, tagger func() *Tagger) {
	body, err := os.ReadFile("testdata/article.txt")
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
	cpu0 := cpuTime()
	for b.Loop() {
		d.Entities = d.Entities[:0]
		if err := tagger().Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)*float64(len(body))/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// cpuTime returns the user + system CPU time of the process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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

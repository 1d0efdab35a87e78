package event_test

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/event"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/text"
)

// cpuTime returns the process's user+system CPU time; on a shared machine
// it measures the work better than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func loadArticle(b *testing.B) (string, string) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(raw)
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '\n' && s[i+1] == '\n' {
			return s[:i], s[i+2:]
		}
	}
	return "", s
}

// BenchmarkPipeline runs the whole default pipeline (events last) on a
// news-like article written for the project and reports sentences/s.
func BenchmarkPipeline(b *testing.B) {
	title, body := loadArticle(b)
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	sents := 0
	b.ReportAllocs()
	b.SetBytes(int64(len(title) + len(body)))
	cpu0 := cpuTime()
	for b.Loop() {
		d := text.NewDocument("bench", title, body)
		d.Published = "2024-03-05"
		if err := p.Run(ctx, d); err != nil {
			b.Fatal(err)
		}
		sents += len(d.Sentences)
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(sents)/cpu.Seconds(), "sentences/cpu-s")
	}
}

// BenchmarkCoder runs the event coder alone on a pre-annotated article.
func BenchmarkCoder(b *testing.B) {
	title, body := loadArticle(b)
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	c, err := event.Default()
	if err != nil {
		b.Fatal(err)
	}
	d := text.NewDocument("bench", title, body)
	d.Published = "2024-03-05"
	ctx := context.Background()
	if err := p.Run(ctx, d); err != nil {
		b.Fatal(err)
	}
	sents := 0
	b.ReportAllocs()
	b.SetBytes(int64(len(d.Text)))
	cpu0 := cpuTime()
	for b.Loop() {
		if err := c.Annotate(ctx, d); err != nil {
			b.Fatal(err)
		}
		sents += len(d.Sentences)
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(sents)/cpu.Seconds(), "sentences/cpu-s")
	}
}

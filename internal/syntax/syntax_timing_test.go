package syntax_test

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

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
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			if err := a.Annotate(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
	cpu := (cpuTime() - cpu0).Seconds()
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	// On a shared machine the wall clock counts other processes' time too;
	// the process's CPU time does not.
	b.ReportMetric(float64(words)*float64(b.N)/cpu, "words/cpu-s")
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSyntaxWikinews tags and parses the Wikinews stream.
func BenchmarkSyntaxWikinews(b *testing.B) { benchSyntax(b, "wikinews.jsonl") }

// BenchmarkSyntaxVOA tags and parses the VOA stream.
func BenchmarkSyntaxVOA(b *testing.B) { benchSyntax(b, "voa-stories.jsonl") }

// BenchmarkLoad decodes the embedded model, as every process does once.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := syntax.ReadEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}

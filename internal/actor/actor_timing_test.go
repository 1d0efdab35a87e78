package actor_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/text"
)

// exampleDocs reads the project's example articles (examples/*.json, one
// public-domain VOA story per file), segmented and tagged.
func exampleDocs(tb testing.TB) ([]*text.Document, int) {
	files, err := filepath.Glob("../../examples/*.json")
	if err != nil || len(files) == 0 {
		tb.Skipf("skipping: no examples/*.json (%v)", err)
	}
	var jsonl bytes.Buffer
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		if err := json.Compact(&jsonl, b); err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		jsonl.WriteByte('\n')
	}
	docs, n := readDocs(tb, &jsonl)
	for _, d := range docs {
		if err := ner.Embedded().Annotate(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
	}
	return docs, n
}

// readDocs reads JSON Lines articles from r, segmented, and their total
// size in bytes.
func readDocs(tb testing.TB, r io.Reader) ([]*text.Document, int) {
	var docs []*text.Document
	n := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var a struct{ ID, Title, Text, Published string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		d := text.NewDocument(a.ID, a.Title, a.Text)
		d.Published = a.Published
		if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
		n += len(d.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs, n
}

// BenchmarkResolver measures the actor stage alone over tagged articles.
func BenchmarkResolver(b *testing.B) {
	docs, n := exampleDocs(b)
	r := actor.Embedded()
	ents := make([][]text.Entity, len(docs))
	for i, d := range docs {
		ents[i] = append([]text.Entity(nil), d.Entities...)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, d := range docs {
			d.Entities = append(d.Entities[:0], ents[k]...)
			if err := r.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTaggerAndResolver measures tagging plus actors, the issue's
// throughput target (≥ 2 MB/s per core).
func BenchmarkTaggerAndResolver(b *testing.B) {
	docs, n := exampleDocs(b)
	benchTaggerAndResolver(b, docs, n)
}

// BenchmarkTaggerAndResolverWikinews measures the same over the 270
// Wikinews articles of ../shared/data (567 KB, each tagged once an
// iteration): a stream of different news rather than a few articles again
// and again, so that the word caches do not flatter it.
func BenchmarkTaggerAndResolverWikinews(b *testing.B) {
	f, err := os.Open(devdata.File(b, "articles/wikinews.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	docs, n := readDocs(b, f)
	benchTaggerAndResolver(b, docs, n)
}

// benchTaggerAndResolver tags docs (n bytes in all) and resolves their
// actors b.N times.
func benchTaggerAndResolver(b *testing.B, docs []*text.Document, n int) {
	r := actor.Embedded()
	tg := ner.Embedded()
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			d.Entities, d.Mentions = d.Entities[:0], d.Mentions[:0]
			if err := tg.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
			if err := r.Annotate(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestLoadTime reports how long the embedded dictionary takes to load.
func TestLoadTime(t *testing.T) {
	start := time.Now()
	r, err := actor.New(actor.Options{Dictionary: "data"})
	if err != nil {
		t.Fatal(err)
	}
	c, o, p, g, n := r.Dictionary().Size()
	t.Logf("load %s: %d countries, %d orgs, %d people, %d groups, %d phrases", time.Since(start), c, o, p, g, n)
}

// BenchmarkLoad measures loading the shipped dictionary from its folder
// (the embedded one is the same files) and reports the heap it holds
// once loaded (heap-MB).
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := actor.Open("data"); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, err := actor.Open("data")
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(d)
}

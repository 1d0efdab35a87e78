package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/text"
)

// BenchmarkThroughput annotates the Wikinews dev corpus with the default
// pipeline, alone ("annotate") and then stored into SQLite ("ingest"), so
// that the cost of storage shows as the drop in articles/s. Run it with
// -count to alternate the two.
func BenchmarkThroughput(b *testing.B) {
	path := devdata.File(b, "articles/wikinews.jsonl")
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*text.Document
	size := 0
	for it := range source.Open(context.Background(), []string{path}, source.Options{}) {
		if it.Err == nil {
			docs = append(docs, it.Doc)
			size += len(it.Doc.Text)
		}
	}
	// items returns fresh, unannotated copies of the documents.
	items := func() <-chan pipeline.Item {
		ch := make(chan pipeline.Item, 16)
		go func() {
			defer close(ch)
			for _, d := range docs {
				c := &text.Document{ID: d.ID, URL: d.URL, Source: d.Source, Title: d.Title, Published: d.Published,
					Language: d.Language, Text: d.Text, BodyStart: d.BodyStart}
				ch <- pipeline.Item{Doc: c, Origin: d.ID}
			}
		}()
		return ch
	}
	b.Run("annotate", func(b *testing.B) {
		b.SetBytes(int64(size))
		n := 0
		for b.Loop() {
			for r := range p.Process(context.Background(), items(), 0) {
				if r.Err == nil {
					r.Record = r.Doc.Record() // as ingest would have it
					n++
				}
			}
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	})
	b.Run("ingest", func(b *testing.B) {
		b.SetBytes(int64(size))
		n := 0
		for b.Loop() {
			b.StopTimer()
			s, err := sqlite.Open(context.Background(), sqlite.Options{Path: filepath.Join(b.TempDir(), "t.db")})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			sum, err := Run(context.Background(), s, p.Process(context.Background(), items(), 0), Options{})
			if err != nil {
				b.Fatal(err)
			}
			n += sum.Added
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
	})
}

package ingest

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// BenchmarkThroughput annotates the Wikinews dev corpus with the default
// pipeline, alone and then stored into SQLite, so that the cost of storage
// shows as the drop in articles/s (throughput-loss-%: the share of
// annotate's articles/s that ingest loses; storage-cost-%: the extra time
// of ingest over annotate alone, a stricter figure; the -cpu- variants: the
// same in CPU time, which the load of other processes disturbs less).
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
	// Each round runs both, one after the other, so that the machine's
	// load weighs on them alike.
	var annotate, store, annotateCPU, storeCPU time.Duration
	n := 0
	b.SetBytes(int64(2 * size)) // each round reads the corpus twice
	for b.Loop() {
		t0, c0 := time.Now(), cpuTime()
		for r := range p.Process(context.Background(), items(), 0) {
			if r.Err == nil {
				r.Record = r.Doc.Record() // as ingest has it
			}
		}
		annotate += time.Since(t0)
		annotateCPU += cpuTime() - c0
		b.StopTimer()
		s, err := sqlite.Open(context.Background(), sqlite.Options{Path: filepath.Join(b.TempDir(), "t.db")})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t0, c0 = time.Now(), cpuTime()
		sum, err := Run(context.Background(), s, p.Process(context.Background(), items(), 0), Options{})
		if err != nil {
			b.Fatal(err)
		}
		store += time.Since(t0)
		storeCPU += cpuTime() - c0
		n += sum.Added
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n)/annotate.Seconds(), "annotate-articles/s")
	b.ReportMetric(float64(n)/store.Seconds(), "ingest-articles/s")
	b.ReportMetric(100*(store.Seconds()-annotate.Seconds())/annotate.Seconds(), "storage-cost-%")
	b.ReportMetric(100*(storeCPU.Seconds()-annotateCPU.Seconds())/annotateCPU.Seconds(), "storage-cpu-%")
	// The same as a drop in throughput: the share of annotate's articles/s
	// that ingest loses (1 - ingest rate / annotate rate), in wall time and
	// in CPU time.
	b.ReportMetric(100*(1-annotate.Seconds()/store.Seconds()), "throughput-loss-%")
	b.ReportMetric(100*(1-annotateCPU.Seconds()/storeCPU.Seconds()), "throughput-loss-cpu-%")
}

// cpuTime returns the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPut stores the annotated Wikinews dev corpus into a new SQLite
// store each round, in batches of the default size, without annotating:
// Put's own cost (put-cpu-ms: CPU per round, steadier than the shares of
// BenchmarkThroughput).
func BenchmarkPut(b *testing.B) {
	path := devdata.File(b, "articles/wikinews.jsonl")
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	in := make(chan pipeline.Item, 16)
	go func() {
		defer close(in)
		for it := range source.Open(context.Background(), []string{path}, source.Options{}) {
			if it.Err == nil {
				in <- pipeline.Item{Doc: it.Doc, Origin: it.Doc.ID}
			}
		}
	}()
	var recs []*record.Record
	size := 0
	for r := range p.Process(context.Background(), in, 0) {
		if r.Err == nil {
			recs = append(recs, r.Doc.Record())
			size += len(r.Doc.Text)
		}
	}
	var o Options
	o.EnsureDefaults()
	var cpu time.Duration
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		s, err := sqlite.Open(context.Background(), sqlite.Options{Path: filepath.Join(b.TempDir(), "t.db")})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := cpuTime()
		for i := 0; i < len(recs); i += o.BatchSize {
			if _, err := s.Put(context.Background(), recs[i:min(i+o.BatchSize, len(recs))]); err != nil {
				b.Fatal(err)
			}
		}
		cpu += cpuTime() - c0
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "put-cpu-ms")
	b.ReportMetric(float64(b.N*len(recs))/b.Elapsed().Seconds(), "articles/s")
}

//go:build linux

package pipeline_test

import (
	"context"
	"runtime"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/text"
)

// streamArticle is one article of a stream as read, before annotation.
type streamArticle struct{ id, title, body, published string }

// readStream reads the articles of a stream in ../shared/data/articles
// (the benchmark skips without it) and returns them with their size in
// bytes.
func readStream(b *testing.B, name string) ([]streamArticle, int) {
	path := devdata.File(b, "articles/"+name)
	var arts []streamArticle
	n := 0
	for it := range source.Open(context.Background(), []string{path}, source.Options{}) {
		if it.Err != nil {
			b.Fatal(it.Err)
		}
		d := it.Doc
		arts = append(arts, streamArticle{d.ID, d.Title, d.Text, d.Published})
		n += len(d.Text)
	}
	return arts, n
}

// threadCPU returns the CPU time of the calling thread (Linux
// CLOCK_THREAD_CPUTIME_ID, to the nanosecond): with the goroutine locked
// to its thread, what a stage spent, without the time of other processes
// on a shared machine.
func threadCPU() time.Duration {
	const clockThreadCPUTime = 3
	var ts syscall.Timespec
	if _, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); e != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}

// processCPU returns the CPU time of the process (all threads, the
// garbage collector's included).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchStream runs the default pipeline over a stream, one article after
// another on one goroutine, and reports MB per CPU-second of the process
// ("MB/s per core") and, per stage, MB per CPU-second of the stage alone.
func benchStream(b *testing.B, name string) {
	arts, n := readStream(b, name)
	p, err := pipeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	// The locked thread's CPU time is the stages' own.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	ctx := context.Background()
	stages := p.Stages()
	spent := make([]time.Duration, len(stages))
	b.SetBytes(int64(n))
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		for _, a := range arts {
			d := text.NewDocument(a.id, a.title, a.body)
			d.Published = a.published
			for i, s := range stages {
				t0 := threadCPU()
				if err := s.Annotate(ctx, d); err != nil {
					b.Fatal(err)
				}
				spent[i] += threadCPU() - t0
			}
			_ = d.Record()
		}
	}
	mb := float64(n) * float64(b.N) / 1e6
	if cpu := (processCPU() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(mb/cpu, "MB/cpu-s")
	}
	for i, s := range stages {
		if t := spent[i].Seconds(); t > 0 {
			b.ReportMetric(mb/t, s.Name()+"-MB/cpu-s")
		}
	}
}

// BenchmarkStreamWikinews runs the default pipeline over the Wikinews stream.
func BenchmarkStreamWikinews(b *testing.B) { benchStream(b, "wikinews.jsonl") }

// BenchmarkStreamVOA runs the default pipeline over the VOA stream.
func BenchmarkStreamVOA(b *testing.B) { benchStream(b, "voa-stories.jsonl") }

package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
	"github.com/newsgraph/newsgraph/record"
)

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), sqlite.Options{Path: filepath.Join(t.TempDir(), "t.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func feed(recs []*record.Record, failEvery int) <-chan pipeline.Result {
	ch := make(chan pipeline.Result)
	go func() {
		defer close(ch)
		for i, r := range recs {
			if failEvery > 0 && i%failEvery == 0 {
				ch <- pipeline.Result{Origin: "x.jsonl:1", Err: pipeline.ErrRejected}
			}
			ch <- pipeline.Result{Record: r, Origin: r.ID}
		}
	}()
	return ch
}

func TestRun(t *testing.T) {
	s := openStore(t)
	recs := storetest.Synthetic(250, 2)
	seen := 0
	sum, err := Run(context.Background(), s, feed(recs, 50), Options{BatchSize: 32, OnResult: func(pipeline.Result) { seen++ }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 255 || sum.Failed != 5 || sum.Added != 250 || sum.Batches != 8 || seen != 255 {
		t.Fatalf("summary %+v, seen %d", sum, seen)
	}
	// Again: nothing new.
	sum, err = Run(context.Background(), s, feed(recs, 0), Options{BatchSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 0 || sum.Duplicates != 250 {
		t.Fatalf("second run %+v", sum)
	}
}

// TestStopStoresBatchInHand cancels mid-stream: what was received is stored.
func TestStopStoresBatchInHand(t *testing.T) {
	s := openStore(t)
	recs := storetest.Synthetic(10, 1)
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan pipeline.Result)
	go func() {
		for _, r := range recs[:5] {
			in <- pipeline.Result{Record: r}
		}
		cancel()
		close(in)
	}()
	sum, err := Run(ctx, s, in, Options{BatchSize: 100, FlushEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.Stats(context.Background())
	if !sum.Interrupted || sum.Added != 5 || st.Articles != 5 {
		t.Fatalf("summary %+v, stats %+v", sum, st)
	}
}

// TestFlushEvery commits a partial batch of a slow stream.
func TestFlushEvery(t *testing.T) {
	s := openStore(t)
	in := make(chan pipeline.Result)
	done := make(chan Summary)
	go func() {
		sum, _ := Run(context.Background(), s, in, Options{BatchSize: 100, FlushEvery: 20 * time.Millisecond})
		done <- sum
	}()
	in <- pipeline.Result{Record: storetest.Synthetic(1, 1)[0]}
	deadline := time.Now().Add(5 * time.Second)
	for {
		st, _ := s.Stats(context.Background())
		if st.Articles == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("partial batch not flushed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(in)
	<-done
}

type failing struct{ store.Store }

func (failing) Put(context.Context, []*record.Record) (store.PutResult, error) {
	return store.PutResult{}, errors.New("disk full")
}

func TestPutError(t *testing.T) {
	recs := storetest.Synthetic(100, 1)
	_, err := Run(context.Background(), failing{}, feed(recs, 0), Options{BatchSize: 10})
	if err == nil {
		t.Fatal("Put error not returned")
	}
}

// TestRunRejected: a record the store refuses (a NUL in its title) is
// reported with its origin and the rest of its batch is stored.
func TestRunRejected(t *testing.T) {
	s := openStore(t)
	recs := storetest.Synthetic(10, 1)
	recs[3].Title = "bad\x00title"
	in := make(chan pipeline.Result)
	go func() {
		defer close(in)
		for i, r := range recs {
			in <- pipeline.Result{Record: r, Origin: fmt.Sprintf("in.jsonl:%d", i+1)}
		}
	}()
	var rejected []string
	sum, err := Run(context.Background(), s, in, Options{BatchSize: 4, OnRejected: func(origin string, err error) {
		rejected = append(rejected, origin+": "+err.Error())
	}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 9 || sum.Failed != 1 || sum.Rejected != 1 || len(rejected) != 1 ||
		!strings.HasPrefix(rejected[0], `in.jsonl:4: cannot store article syn-000003: title: record: text cannot be stored: NUL`) {
		t.Fatalf("summary %+v, rejected %q", sum, rejected)
	}
}

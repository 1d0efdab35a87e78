package queue

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// refusingStore refuses every batch holding an article of bad (with
// store.ErrBadRecord, naming none, as a database's data error does) or of
// stuck (with an error it does not classify).
type refusingStore struct {
	store.Store
	bad, stuck string
}

func (s *refusingStore) Put(ctx context.Context, recs []*record.Record) (store.PutResult, error) {
	for _, r := range recs {
		switch r.ID {
		case s.bad:
			return store.PutResult{}, fmt.Errorf("%w: value too long for its column", store.ErrBadRecord)
		case s.stuck:
			return store.PutResult{}, errors.New("permission denied for this article")
		}
	}
	return s.Store.Put(ctx, recs)
}

// TestPoison: a NUL in a title, an article the store refuses by a data
// error and one it refuses for no stated reason are dead-lettered with
// their reasons (the last after its delivery count reached the limit); the
// articles batched with them are stored; nothing is retried forever.
func TestPoison(t *testing.T) {
	q, o := testQueue(t, "poison")
	ctx := context.Background()
	const n = 6
	for i := 0; i < n; i++ {
		if _, err := q.Publish(ctx, article(i)); err != nil {
			t.Fatal(err)
		}
		if i == 2 {
			nul := article(100)
			nul.ID, nul.Title = "nul-title", "Bad\x00title"
			bad, stuck := article(101), article(102)
			bad.ID, stuck.ID = "bad-record", "stuck"
			for _, a := range []Article{nul, bad, stuck} {
				if _, err := q.Publish(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, _ := newTestStore(t, "poison")
	w := NewWorker(q, p, &refusingStore{Store: s, bad: "bad-record", stuck: "stuck"},
		WorkerOptions{Batch: 16, MaxBackoff: 400 * time.Millisecond})
	drain(t, q, w, time.Minute)
	stats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := q.Status(ctx)
	dl, err := q.DeadLetters(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range dl {
		got = append(got, d.ID+": "+d.Reason)
	}
	slices.Sort(got)
	t.Logf("store %d articles; queue %+v; worker %+v; dead letters:\n%s", stats.Articles, st, w.Stats(), strings.Join(got, "\n"))
	if stats.Articles != n || st.Dead != 3 || st.Backlog != 0 || st.InFlight != 0 || len(got) != 3 {
		t.Fatalf("stored %d, want %d; queue %+v", stats.Articles, n, st)
	}
	want := []string{
		"bad-record: cannot store: store: record cannot be stored: value too long",
		"nul-title: rejected: title: record: text cannot be stored: NUL character at byte 3",
		fmt.Sprintf("stuck: cannot store after %d deliveries: permission denied", o.MaxDeliver),
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("dead letter %q, want %q…", got[i], want[i])
		}
	}
}

// counting is a stage that counts how often each document is annotated,
// slowly.
type counting struct {
	delay time.Duration
	mu    sync.Mutex
	n     map[string]int
}

func (*counting) Name() string { return "counting" }
func (c *counting) Annotate(_ context.Context, d *text.Document) error {
	time.Sleep(c.delay)
	c.mu.Lock()
	c.n[d.ID]++
	c.mu.Unlock()
	return nil
}

// TestSlowBatchInProgress: a batch that takes longer to annotate than the
// ack wait is reported in progress, so it is not delivered to a second
// worker and annotated twice.
func TestSlowBatchInProgress(t *testing.T) {
	q, _ := testQueue(t, "slow")
	q.opts.AckWait = time.Second
	ctx := context.Background()
	const n = 8
	for i := 0; i < n; i++ {
		if _, err := q.Publish(ctx, article(i)); err != nil {
			t.Fatal(err)
		}
	}
	s, _ := newTestStore(t, "slow")
	c := &counting{delay: 600 * time.Millisecond, n: map[string]int{}}
	p := pipeline.New(c) // 4 articles × 600 ms = 2.4 s a batch, ack wait 1 s
	w1 := NewWorker(q, p, s, WorkerOptions{Batch: 4, Workers: 1})
	w2 := NewWorker(q, p, s, WorkerOptions{Batch: 4, Workers: 1})
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w2.Run(runCtx) }()
	drain(t, q, w1, time.Minute)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	twice := 0
	for id, k := range c.n {
		if k != 1 {
			t.Errorf("%s annotated %d times", id, k)
			twice++
		}
	}
	st, _ := q.Status(ctx)
	s1, s2 := w1.Stats(), w2.Stats()
	t.Logf("annotated %d articles; workers %+v %+v; queue %+v", len(c.n), s1, s2, st)
	if len(c.n) != n || s1.Stored+s2.Stored != n || s1.Duplicates+s2.Duplicates != 0 || st.Redelivered != 0 {
		t.Errorf("stored %d, duplicates %d, queue %+v", s1.Stored+s2.Stored, s1.Duplicates+s2.Duplicates, st)
	}
}

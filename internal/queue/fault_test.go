package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/backend"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// The SIGKILL test runs a worker in a child process: this test binary,
// re-executed with helperEnv set to its configuration.
const helperEnv = "NEWSGRAPH_TEST_WORKER"

type helperConfig struct {
	Queue   Options
	DB      string // sqlite path or postgres URL
	DelayMs int    // per document, so that batches are slow enough to be killed in
}

// slow is a stage that makes annotation take time.
type slow time.Duration

func (slow) Name() string { return "slow" }
func (s slow) Annotate(ctx context.Context, _ *text.Document) error {
	time.Sleep(time.Duration(s))
	return nil
}

func helperWorker() int {
	var c helperConfig
	if err := json.Unmarshal([]byte(os.Getenv(helperEnv)), &c); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 2
	}
	ctx := context.Background()
	q, err := Open(ctx, c.Queue)
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 2
	}
	p, err := pipeline.Default()
	if err != nil {
		return 2
	}
	p = pipeline.New(append(p.Stages(), slow(time.Duration(c.DelayMs)*time.Millisecond))...)
	s, err := backend.Open(ctx, c.DB, false)
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		return 2
	}
	w := NewWorker(q, p, s, WorkerOptions{Batch: 6, Workers: 2})
	w.Run(ctx) // until killed
	return 0
}

// snapshot is what must be equal between a faulty and a fault-free run.
type snapshot struct {
	IDs   []string
	Stats store.Stats
}

func takeSnapshot(t *testing.T, s store.Store) snapshot {
	t.Helper()
	ctx := context.Background()
	var snap snapshot
	err := s.Records(ctx, store.Filter{}, func(r *record.Record) error {
		snap.IDs = append(snap.IDs, r.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	snap.Stats, err = s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// TestKillWorker kills a worker with SIGKILL in the middle of a batch; a
// second worker gets the unacknowledged batch again, and the database ends
// equal to the one of a run without faults.
func TestKillWorker(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	needNATS(t)
	const n = 36
	ctx := context.Background()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}

	// Fault-free reference.
	qa, _ := testQueue(t, "ref")
	for i := 0; i < n; i++ {
		qa.Publish(ctx, article(i))
	}
	ref, _ := newTestStore(t, "ref")
	drain(t, qa, NewWorker(qa, p, ref, WorkerOptions{Batch: 6}), 2*time.Minute)
	want := takeSnapshot(t, ref)

	// Faulty run: a child worker is killed mid-batch.
	qb, ob := testQueue(t, "kill")
	for i := 0; i < n; i++ {
		qb.Publish(ctx, article(i))
	}
	db, dsn := newTestStore(t, "kill")
	cfg, _ := json.Marshal(helperConfig{Queue: ob, DB: dsn, DelayMs: 150})
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+string(cfg))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until it has stored something and holds a batch in flight.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		st, _ := qb.Status(ctx)
		stats, _ := db.Stats(ctx)
		if stats.Articles > 0 && st.InFlight > 0 && stats.Articles < n {
			t.Logf("killing worker: %d stored, %d in flight", stats.Articles, st.InFlight)
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("child worker made no progress: %+v", st)
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	before, _ := db.Stats(ctx)
	st, _ := qb.Status(ctx)
	t.Logf("after kill: %d stored, queue %+v", before.Articles, st)

	w := NewWorker(qb, p, db, WorkerOptions{Batch: 6})
	drain(t, qb, w, 2*time.Minute)
	got := takeSnapshot(t, db)
	st, _ = qb.Status(ctx)
	t.Logf("after recovery: %d articles, %d events, %d mentions; queue %+v; second worker %+v",
		got.Stats.Articles, got.Stats.Events, got.Stats.Mentions, st, w.Stats())
	if !sameSet(got.IDs, want.IDs) {
		t.Errorf("articles differ: got %d, want %d", len(got.IDs), len(want.IDs))
	}
	if got.Stats.Articles != n || got.Stats.Events != want.Stats.Events || got.Stats.Mentions != want.Stats.Mentions ||
		got.Stats.Entities != want.Stats.Entities || got.Stats.Quotes != want.Stats.Quotes {
		t.Errorf("database differs from the fault-free run:\n got %+v\nwant %+v", got.Stats, want.Stats)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}

// TestGracefulStop stops a worker in the middle of a batch: it finishes
// the batch (stores and acknowledges it) before returning, so nothing is
// left in flight for the ack-wait to redeliver.
func TestGracefulStop(t *testing.T) {
	q, _ := testQueue(t, "stop")
	ctx := context.Background()
	for i := 0; i < 12; i++ {
		q.Publish(ctx, article(i))
	}
	s, _ := newTestStore(t, "stop")
	p, _ := pipeline.Default()
	p = pipeline.New(append(p.Stages(), slow(100*time.Millisecond))...)
	w := NewWorker(q, p, s, WorkerOptions{Batch: 6, Workers: 1})
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(runCtx) }()
	for {
		st, _ := q.Status(ctx)
		if st.InFlight > 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel() // mid-batch: annotation of 6 articles takes 600 ms
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	st, _ := q.Status(ctx)
	stats, _ := s.Stats(ctx)
	t.Logf("after stop: stored %d, queue %+v", stats.Articles, st)
	if st.InFlight != 0 || stats.Articles != 6 || st.Backlog != 6 {
		t.Errorf("stop left work behind: %d stored, queue %+v", stats.Articles, st)
	}
}

package queue

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/backend"
	"github.com/newsgraph/newsgraph/internal/store/postgres"
)

// natsURL is the NATS server the tests use; they skip when it is down.
const natsURL = "nats://127.0.0.1:4222"

func needNATS(t testing.TB) {
	t.Helper()
	c, err := net.DialTimeout("tcp", "127.0.0.1:4222", time.Second)
	if err != nil {
		t.Skipf("skipping: NATS with JetStream is not running on 127.0.0.1:4222 (%v)", err)
	}
	c.Close()
}

// testQueue opens a queue on a stream of its own, deleted at the end.
func testQueue(t testing.TB, name string) (*Queue, Options) {
	t.Helper()
	needNATS(t)
	suffix := fmt.Sprintf("%s_%d", name, rand.IntN(1<<30))
	o := Options{URL: natsURL, Stream: "NGTEST_" + suffix, Subject: "ngtest." + suffix + ".articles",
		DeadSubject: "ngtest." + suffix + ".dead", Consumer: "w_" + suffix, AckWait: 3 * time.Second, MaxDeliver: 3}
	q, err := Open(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		q.Delete(context.Background())
		q.Close()
	})
	return q, o
}

var people = []string{"Vladimir Putin", "Xi Jinping", "Emmanuel Macron", "Olaf Scholz", "Narendra Modi", "Recep Tayyip Erdogan"}
var cities = []string{"Moscow", "Beijing", "Paris", "Berlin", "New Delhi", "Ankara"}

// article returns a news-like synthetic article, different for each i.
func article(i int) Article {
	a, b := people[i%len(people)], people[(i+1)%len(people)]
	c := cities[i%len(cities)]
	body := fmt.Sprintf("%s met %s in %s on Tuesday to discuss trade worth $%d billion, officials said. "+
		"The two leaders signed %d agreements and condemned attacks on shipping in the Red Sea. "+
		"\"We will deepen our cooperation,\" %s told reporters after talks that lasted %d hours.",
		a, b, c, 10+i, 2+i%7, a, 1+i%5)
	return Article{ID: fmt.Sprintf("synthetic-%04d", i), Title: fmt.Sprintf("Talks number %d in %s", i, c),
		Published: fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28), Source: "Test Wire", Body: body}
}

// pgURL is the PostgreSQL database the tests use when it is running.
const pgURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

func havePostgres() bool {
	c, err := net.DialTimeout("tcp", "127.0.0.1:5432", time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// newTestStore opens an empty store for a test and returns it with its
// name for backend.Open: PostgreSQL in a schema of its own when it runs
// (the scale-out store), else the embedded SQLite in a temporary folder.
func newTestStore(t testing.TB, name string) (store.Store, string) {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), name+".db")
	if havePostgres() {
		schema := fmt.Sprintf("ngq_%s_%d", name, rand.IntN(1<<30))
		dsn = pgURL + "&schema=" + schema
		t.Cleanup(func() { postgres.DropSchema(context.Background(), pgURL, schema) })
	}
	s, err := backend.Open(context.Background(), dsn, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dsn
}

// drain runs w until the queue has nothing left to do.
func drain(t testing.TB, q *Queue, w *Worker, limit time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		st, err := q.Status(context.Background())
		if err == nil && st.Backlog == 0 && st.InFlight == 0 && st.Consumers > 0 && st.Done > 0 {
			break
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestPublishConsumeDeadLetter(t *testing.T) {
	q, _ := testQueue(t, "flow")
	ctx := context.Background()
	const n = 24
	for i := 0; i < n; i++ {
		if dup, err := q.Publish(ctx, article(i)); err != nil || dup {
			t.Fatalf("publish %d: dup=%v err=%v", i, dup, err)
		}
	}
	// Re-publishing the same id is dropped by the server.
	if dup, err := q.Publish(ctx, article(3)); err != nil || !dup {
		t.Fatalf("re-publish: dup=%v err=%v", dup, err)
	}
	// Poison: not JSON; and an empty document.
	if _, err := q.js.Publish(ctx, q.opts.Subject, []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	if _, err := q.Publish(ctx, Article{ID: "empty-1", Body: "  "}); err != nil {
		t.Fatal(err)
	}
	st, _ := q.Status(ctx)
	if st.Published != n+2 || st.Backlog != n+2 {
		t.Fatalf("status before: %+v", st)
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, _ := newTestStore(t, "flow")
	w := NewWorker(q, p, s, WorkerOptions{Batch: 8})
	drain(t, q, w, 60*time.Second)
	ws := w.Stats()
	stats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st, _ = q.Status(ctx)
	t.Logf("worker %+v; queue %+v; store articles=%d events=%d", ws, st, stats.Articles, stats.Events)
	if stats.Articles != n || ws.Stored != n || ws.Dead != 2 || st.Dead != 2 || st.Backlog != 0 || st.InFlight != 0 {
		t.Errorf("stored %d (worker %d), dead %d/%d, status %+v", stats.Articles, ws.Stored, ws.Dead, st.Dead, st)
	}
	dl, err := q.DeadLetters(ctx, 10)
	if err != nil || len(dl) != 2 {
		t.Fatalf("dead letters %+v %v", dl, err)
	}
	reasons := dl[0].Reason + " | " + dl[1].Reason
	if !strings.Contains(reasons, "malformed article") || !strings.Contains(reasons, "empty document") {
		t.Errorf("reasons: %s", reasons)
	}
}

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) != "" {
		os.Exit(helperWorker())
	}
	os.Exit(m.Run())
}

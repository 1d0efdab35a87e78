package queue

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/internal/pipeline"
)

func TestDeadSubjectOf(t *testing.T) {
	f := func(subject, want string) {
		t.Helper()
		if got := DeadSubjectOf(subject); got != want {
			t.Errorf("DeadSubjectOf(%q) = %q, want %q", subject, got, want)
		}
	}
	f("newsgraph.articles", "newsgraph.dead")
	f("eu.newsgraph.articles", "eu.newsgraph.dead")
	f("news.eu", "news.eu.dead")
	f("articles", "articles.dead")
}

// consumers counts the consumers of q's stream.
func consumers(t *testing.T, q *Queue) int {
	t.Helper()
	n := 0
	for range q.stream.ListConsumers(context.Background()).Info() {
		n++
	}
	return n
}

// TestStatusOnlyReads: status and dead letters create no consumer (one
// leaked per call before), and a mistyped stream name is an error, not a
// new stream.
func TestStatusOnlyReads(t *testing.T) {
	q, o := testQueue(t, "status")
	ctx := context.Background()
	if err := q.deadLetter(ctx, "x1", "test reason", []byte("{}")); err != nil {
		t.Fatal(err)
	}
	before := consumers(t, q)
	for range 5 {
		r, err := OpenExisting(ctx, Options{URL: o.URL, Stream: o.Stream})
		if err != nil {
			t.Fatal(err)
		}
		st, err := r.Status(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Subject != o.Subject || st.DeadSubject != o.DeadSubject || st.Dead != 1 || st.DedupWindow != 24*time.Hour {
			t.Errorf("status %+v", st)
		}
		dl, err := r.DeadLetters(ctx, 10)
		if err != nil || len(dl) != 1 || dl[0].ID != "x1" || dl[0].Reason != "test reason" {
			t.Errorf("dead letters %+v %v", dl, err)
		}
		r.Close()
	}
	if after := consumers(t, q); after != before {
		t.Errorf("consumers: %d before, %d after five status calls", before, after)
	}
	typo := o.Stream + "_TYPO"
	_, err := OpenExisting(ctx, Options{URL: o.URL, Stream: typo})
	if !errors.Is(err, ErrNoStream) || !strings.Contains(err.Error(), o.Stream) {
		t.Errorf("mistyped stream: %v", err)
	}
	if _, err := q.js.Stream(ctx, typo); !errors.Is(err, jetstream.ErrStreamNotFound) {
		t.Errorf("stream %s was created: %v", typo, err)
	}
}

// TestRequeue: an article the stream saw is dropped as a duplicate unless
// requeued.
func TestRequeue(t *testing.T) {
	q, _ := testQueue(t, "requeue")
	ctx := context.Background()
	a := article(1)
	if dup, err := q.Publish(ctx, a); err != nil || dup {
		t.Fatalf("publish: %v %v", dup, err)
	}
	if dup, err := q.Publish(ctx, a); err != nil || !dup {
		t.Fatalf("publish again: %v %v", dup, err)
	}
	if err := q.Requeue(ctx, a); err != nil {
		t.Fatal(err)
	}
	if st, _ := q.Status(ctx); st.Published != 2 {
		t.Errorf("published %d, want 2", st.Published)
	}
}

// TestLargeArticle: an article above the server's payload limit (1 MB by
// default) and below the readers' --max-bytes goes through the queue: its
// body travels in the object store, which is emptied once it is stored.
func TestLargeArticle(t *testing.T) {
	q, _ := testQueue(t, "large")
	ctx := context.Background()
	limit := q.nc.MaxPayload()
	big := article(7)
	big.ID = "big-1"
	var b strings.Builder
	for i := 0; b.Len() < int(limit)*3/2; i++ {
		b.WriteString(article(i).Body)
		b.WriteString("\n\n")
	}
	big.Body = b.String()
	// The plain message is refused by the server.
	if _, err := q.js.Publish(ctx, q.opts.Subject, []byte(big.Body)); err == nil {
		t.Fatalf("the server took a %d-byte message; its limit is %d", len(big.Body), limit)
	}
	if _, err := q.Publish(ctx, big); err != nil {
		t.Fatalf("publish %d bytes (server limit %d): %v", len(big.Body), limit, err)
	}
	if _, err := q.Publish(ctx, article(8)); err != nil {
		t.Fatal(err)
	}
	s, _ := newTestStore(t, "large")
	w := NewWorker(q, pipeline.New(slow(0)), s, WorkerOptions{Batch: 4})
	drain(t, q, w, time.Minute)
	r, err := s.Article(ctx, "big-1")
	if err != nil {
		t.Fatalf("the large article was not stored: %v (worker %+v)", err, w.Stats())
	}
	if want := big.Title + "\n\n" + big.Body; r.Text != want {
		t.Errorf("stored text of %d bytes, want %d", len(r.Text), len(want))
	}
	obs, err := q.bodyStore(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if left, err := obs.List(ctx); !errors.Is(err, jetstream.ErrNoObjectsFound) || len(left) != 0 {
		t.Errorf("object store keeps %d bodies after storing (%v)", len(left), err)
	}
	t.Logf("article of %d bytes through a server with a %d-byte payload limit; worker %+v", len(big.Body), limit, w.Stats())
}

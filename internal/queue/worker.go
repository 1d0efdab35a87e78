package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// WorkerOptions configures a worker.
type WorkerOptions struct {
	// Batch is the number of articles pulled, annotated and stored together
	// (one store transaction). Default 32.
	Batch int
	// Workers annotate a batch in parallel. Default GOMAXPROCS.
	Workers int
	// FetchWait is how long a pull waits for articles. Default 2s.
	FetchWait time.Duration
	// MaxBackoff caps the wait between retries when the store or the queue
	// fails. Default 30s.
	MaxBackoff time.Duration
	// Log receives progress and errors. Default: discard.
	Log *slog.Logger
}

// EnsureDefaults fills unset fields with their defaults.
func (o *WorkerOptions) EnsureDefaults() {
	if o.Batch <= 0 {
		o.Batch = 32
	}
	if o.FetchWait <= 0 {
		o.FetchWait = 2 * time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 30 * time.Second
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

// WorkerStats counts what a worker did and where its time went.
type WorkerStats struct {
	Stored, Duplicates, Dead, Batches, Retries int64
	QueueTime, AnnotateTime, StoreTime         time.Duration
}

// Worker pulls articles from the queue, annotates them and stores them.
type Worker struct {
	q    *Queue
	p    *pipeline.Pipeline
	s    store.Store
	opts WorkerOptions

	stored, dups, dead, batches, retries atomic.Int64
	queueNs, annotateNs, storeNs         atomic.Int64
}

// NewWorker makes a worker over q, p and s.
func NewWorker(q *Queue, p *pipeline.Pipeline, s store.Store, o WorkerOptions) *Worker {
	o.EnsureDefaults()
	return &Worker{q: q, p: p, s: s, opts: o}
}

// Stats returns the counts so far; safe to call while Run runs.
func (w *Worker) Stats() WorkerStats {
	return WorkerStats{
		Stored: w.stored.Load(), Duplicates: w.dups.Load(), Dead: w.dead.Load(),
		Batches: w.batches.Load(), Retries: w.retries.Load(),
		QueueTime: time.Duration(w.queueNs.Load()), AnnotateTime: time.Duration(w.annotateNs.Load()),
		StoreTime: time.Duration(w.storeNs.Load()),
	}
}

// Run processes batches until ctx is done. On stop it finishes the batch in
// hand (annotated batches are stored and acknowledged) and returns nil; a
// batch it cannot store is left unacknowledged so it is delivered again.
func (w *Worker) Run(ctx context.Context) error {
	cons, err := w.consumer(ctx)
	if err != nil {
		return err
	}
	backoff := time.Duration(0)
	for ctx.Err() == nil {
		t0 := time.Now()
		msgs, err := w.fetch(cons)
		if err != nil {
			backoff = w.wait(ctx, backoff, "cannot fetch", err)
			continue
		}
		backoff = 0
		if len(msgs) == 0 {
			continue // idle: not counted as queue time
		}
		w.queueNs.Add(int64(time.Since(t0)))
		w.batch(ctx, msgs)
	}
	return nil
}

// fetch takes what is pending, up to a batch, without waiting; when
// nothing is, it waits up to FetchWait for the first messages.
func (w *Worker) fetch(cons jetstream.Consumer) ([]jetstream.Msg, error) {
	var msgs []jetstream.Msg
	b, err := cons.FetchNoWait(w.opts.Batch)
	if err != nil {
		return nil, err
	}
	for m := range b.Messages() {
		msgs = append(msgs, m)
	}
	if len(msgs) > 0 {
		return msgs, nil
	}
	if err := b.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) {
		return nil, err
	}
	b, err = cons.Fetch(w.opts.Batch, jetstream.FetchMaxWait(w.opts.FetchWait))
	if err != nil {
		return nil, err
	}
	for m := range b.Messages() {
		msgs = append(msgs, m)
	}
	if err := b.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && len(msgs) == 0 {
		return nil, err
	}
	return msgs, nil
}

func (w *Worker) consumer(ctx context.Context) (jetstream.Consumer, error) {
	c, err := w.q.stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       w.q.opts.Consumer,
		Description:   "newsgraph workers",
		FilterSubject: w.q.opts.Subject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       w.q.opts.AckWait,
		MaxDeliver:    w.q.opts.MaxDeliver + 1, // the last delivery dead-letters
		MaxAckPending: 10000,
	})
	if err != nil {
		return nil, fmt.Errorf("cannot create consumer %s: %w", w.q.opts.Consumer, err)
	}
	return c, nil
}

// wait sleeps for the next backoff step (doubling, capped) or until ctx is
// done, and returns the step.
func (w *Worker) wait(ctx context.Context, prev time.Duration, what string, err error) time.Duration {
	next := prev * 2
	if next == 0 {
		next = 250 * time.Millisecond
	}
	if next > w.opts.MaxBackoff {
		next = w.opts.MaxBackoff
	}
	w.retries.Add(1)
	w.opts.Log.Warn(what, "err", err, "retry_in", next)
	select {
	case <-ctx.Done():
	case <-time.After(next):
	}
	return next
}

// storeAttempts is how often a batch is stored before the worker, when the
// store answers but refuses it (an error neither store.ErrBadRecord nor
// store.Unavailable), stores its articles one by one and gives back those
// that still fail: their delivery count rises, and the last delivery
// dead-letters them with the reason.
const storeAttempts = 3

// batch annotates, stores and acknowledges one batch.
func (w *Worker) batch(ctx context.Context, msgs []jetstream.Msg) {
	// Decode; a message that is not an article, breaks the text rule or
	// was delivered too often is a dead letter.
	in := make(chan pipeline.Item, len(msgs))
	var live []jetstream.Msg
	refOf := map[jetstream.Msg]string{} // messages whose body is in the object store
	for _, m := range msgs {
		if n := delivered(m); n > w.q.opts.MaxDeliver {
			w.deadLetter(ctx, m, idOf(m), fmt.Sprintf("delivered %d times without success", n))
			continue
		}
		var a Article
		err := json.Unmarshal(m.Data(), &a)
		if err == nil && a.BodyRef != "" {
			if err := w.q.body(ctx, &a); err != nil {
				if errors.Is(err, jetstream.ErrObjectNotFound) {
					w.deadLetter(ctx, m, a.ID, "body missing: "+err.Error())
					continue
				}
				w.opts.Log.Warn("cannot read a large body; given back", "id", a.ID, "err", err)
				m.NakWithDelay(w.opts.MaxBackoff / 4)
				continue
			}
			refOf[m] = a.BodyRef
		}
		if err != nil || a.ID == "" || strings.TrimSpace(a.Body) == "" {
			reason := "message has no article id"
			switch {
			case err != nil:
				reason = "malformed article: " + err.Error()
			case a.ID != "":
				reason = "empty document"
			}
			w.deadLetter(ctx, m, idOf(m), reason)
			continue
		}
		d, err := a.Document()
		if err != nil {
			w.deadLetter(ctx, m, a.ID, "rejected: "+err.Error())
			continue
		}
		for _, warn := range d.Warnings {
			w.opts.Log.Warn("article changed", "id", a.ID, "warning", warn)
		}
		live = append(live, m)
		in <- pipeline.Item{Doc: d, Origin: a.ID}
	}
	close(in)
	if len(live) == 0 {
		return
	}
	// Annotation goes on even if ctx is cancelled now: finishing the batch
	// in hand is the graceful stop. Meanwhile the batch is reported in
	// progress, so that a batch slower than the ack wait is not delivered
	// to another worker too.
	work := context.WithoutCancel(ctx)
	stopAlive := keepAlive(live, w.q.opts.AckWait)
	t0 := time.Now()
	var recs []*record.Record
	msgOf := map[*record.Record]jetstream.Msg{}
	i := 0
	for r := range w.p.Process(work, in, w.opts.Workers) {
		m := live[i]
		i++
		if r.Err != nil {
			w.deadLetter(ctx, m, r.Origin, r.Err.Error())
			continue
		}
		recs = append(recs, r.Record)
		msgOf[r.Record] = m
	}
	stopAlive()
	w.annotateNs.Add(int64(time.Since(t0)))
	// Store. A record the store refuses is found by splitting the batch
	// and dead-lettered; the rest is stored. While the store is down the
	// batch is kept alive and retried with backoff; on stop with the store
	// still down it is given back.
	backoff := time.Duration(0)
	for attempt := 1; ; attempt++ {
		t1 := time.Now()
		res, bad, err := store.PutSplit(work, w.s, recs)
		w.storeNs.Add(int64(time.Since(t1)))
		w.stored.Add(int64(res.Added))
		w.dups.Add(int64(res.Duplicates))
		if len(bad) > 0 {
			rejected := map[*record.Record]bool{}
			for _, b := range bad {
				rejected[b.Record] = true
				w.deadLetter(ctx, msgOf[b.Record], b.Record.ID, "cannot store: "+b.Err.Error())
			}
			recs = slices.DeleteFunc(recs, func(r *record.Record) bool { return rejected[r] })
		}
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			for _, r := range recs {
				msgOf[r].Nak()
			}
			w.opts.Log.Warn("stopping with the store down: batch given back", "articles", len(recs), "err", err)
			return
		}
		if !store.Unavailable(err) && attempt >= storeAttempts {
			w.opts.Log.Warn("the store refuses the batch: storing its articles one by one", "articles", len(recs), "err", err)
			recs = w.isolate(ctx, recs, msgOf)
			break
		}
		for _, r := range recs {
			msgOf[r].InProgress()
		}
		backoff = w.wait(ctx, backoff, "cannot store batch", err)
	}
	t2 := time.Now()
	for _, r := range recs {
		m := msgOf[r]
		if err := m.DoubleAck(work); err != nil {
			// Not acknowledged: it will come again, and Put will skip it.
			w.opts.Log.Warn("cannot acknowledge", "id", idOf(m), "err", err)
			continue
		}
		if err := w.q.dropBody(work, refOf[m]); err != nil {
			w.opts.Log.Warn("cannot delete a stored article's body from the object store", "id", idOf(m), "err", err)
		}
	}
	w.queueNs.Add(int64(time.Since(t2)))
	w.batches.Add(1)
	w.opts.Log.Info("batch stored", "articles", len(recs), "stored", w.stored.Load())
}

// isolate stores recs one by one, after the store refused them together
// for a reason it put on no record, and returns those stored. Each of the
// others is given back to be delivered again later (its delivery count
// rises) and dead-lettered with the reason on its last delivery, so that
// a poison article never holds the queue forever.
func (w *Worker) isolate(ctx context.Context, recs []*record.Record, msgOf map[*record.Record]jetstream.Msg) []*record.Record {
	work := context.WithoutCancel(ctx)
	var stored []*record.Record
	for _, r := range recs {
		res, err := w.s.Put(work, []*record.Record{r})
		if err == nil {
			w.stored.Add(int64(res.Added))
			w.dups.Add(int64(res.Duplicates))
			stored = append(stored, r)
			continue
		}
		m := msgOf[r]
		switch n := delivered(m); {
		case errors.Is(err, store.ErrBadRecord):
			w.deadLetter(ctx, m, r.ID, "cannot store: "+err.Error())
		case n >= w.q.opts.MaxDeliver:
			w.deadLetter(ctx, m, r.ID, fmt.Sprintf("cannot store after %d deliveries: %v", n, err))
		default:
			m.NakWithDelay(w.opts.MaxBackoff / 4)
		}
	}
	return stored
}

// keepAlive reports msgs in progress every third of the ack wait until
// the returned function is called.
func keepAlive(msgs []jetstream.Msg, ackWait time.Duration) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(max(ackWait/3, 50*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, m := range msgs {
					m.InProgress() // an acknowledged message refuses it; fine
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// delivered returns how often m was delivered, 1 when unknown.
func delivered(m jetstream.Msg) int {
	if meta, err := m.Metadata(); err == nil {
		return int(meta.NumDelivered)
	}
	return 1
}

func (w *Worker) deadLetter(ctx context.Context, m jetstream.Msg, id, reason string) {
	work := context.WithoutCancel(ctx)
	if err := w.q.deadLetter(work, id, reason, m.Data()); err != nil {
		w.opts.Log.Error("cannot dead-letter; leaving for redelivery", "id", id, "err", err)
		m.Nak()
		return
	}
	w.dead.Add(1)
	w.opts.Log.Warn("dead letter", "id", id, "reason", reason)
	m.Term()
}

// idOf returns the article id of a message: its Nats-Msg-Id header.
func idOf(m jetstream.Msg) string {
	if h := m.Headers(); h != nil {
		if id := h.Get("Nats-Msg-Id"); id != "" {
			return id
		}
	}
	if meta, err := m.Metadata(); err == nil {
		return fmt.Sprintf("stream-seq-%d", meta.Sequence.Stream)
	}
	return ""
}

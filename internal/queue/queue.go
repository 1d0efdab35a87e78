// Package queue is newsgraph's durable work queue for scale-out, on NATS
// JetStream: `newsgraph ingest --queue` publishes articles to a stream
// (de-duplicated by article id), and `newsgraph worker` pulls them in
// batches with a durable consumer, annotates, stores and acknowledges only
// after the store has committed. Documents that cannot be processed go to a
// dead-letter subject with the reason. It sits between the readers
// (internal/source) and the store (internal/store) when the pipeline runs
// on many machines.
package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Options configures the queue. The same values must be used by the
// publishers and the workers of one deployment.
type Options struct {
	// URL is the NATS server list, e.g. "nats://127.0.0.1:4222". Required.
	URL string
	// Stream is the JetStream stream name. Default "NEWSGRAPH".
	Stream string
	// Subject carries articles. Default "newsgraph.articles".
	Subject string
	// DeadSubject carries dead letters. Default "newsgraph.dead".
	DeadSubject string
	// Consumer is the durable consumer the workers share. Default "newsgraph-workers".
	Consumer string
	// AckWait is how long a delivered message may stay unacknowledged before
	// it is delivered again (a worker that dies loses its batch to another
	// after this). Default 60s.
	AckWait time.Duration
	// MaxDeliver bounds deliveries of one message; after the last one it is
	// dead-lettered by the worker. Default 5.
	MaxDeliver int
	// DedupWindow is JetStream's window for dropping a re-published article
	// id. Default 24h.
	DedupWindow time.Duration
	// Replicas of the stream in a NATS cluster. Default 1.
	Replicas int
	// Name is the client connection name. Default "newsgraph".
	Name string
}

// EnsureDefaults fills unset fields with their defaults.
func (o *Options) EnsureDefaults() {
	if o.Stream == "" {
		o.Stream = "NEWSGRAPH"
	}
	if o.Subject == "" {
		o.Subject = "newsgraph.articles"
	}
	if o.DeadSubject == "" {
		o.DeadSubject = "newsgraph.dead"
	}
	if o.Consumer == "" {
		o.Consumer = "newsgraph-workers"
	}
	if o.AckWait <= 0 {
		o.AckWait = 60 * time.Second
	}
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = 5
	}
	if o.DedupWindow <= 0 {
		o.DedupWindow = 24 * time.Hour
	}
	if o.Replicas <= 0 {
		o.Replicas = 1
	}
	if o.Name == "" {
		o.Name = "newsgraph"
	}
}

// Validate reports options that cannot work.
func (o *Options) Validate() error {
	if o.URL == "" {
		return errors.New("queue: no NATS URL")
	}
	if o.Subject == o.DeadSubject {
		return errors.New("queue: article and dead-letter subjects must differ")
	}
	return nil
}

// Article is the message body: one article before annotation.
type Article struct {
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Title     string `json:"title,omitempty"`
	Author    string `json:"author,omitempty"`
	Published string `json:"published,omitempty"`
	Body      string `json:"body"`
}

// FromDocument makes the message of a freshly read document.
func FromDocument(d *text.Document) Article {
	return Article{ID: d.ID, URL: d.URL, Source: d.Source, Title: d.Title, Author: d.Author,
		Published: d.Published, Body: d.Text[d.BodyStart:]}
}

// Document makes the document to annotate from a message, applying the
// text rule (text.Document.Clean) as the readers do: a message published
// by another client may hold what they would have refused.
func (a Article) Document() (*text.Document, error) {
	d := text.NewDocument(a.ID, a.Title, a.Body)
	d.URL, d.Source, d.Author, d.Published = a.URL, a.Source, a.Author, a.Published
	if err := d.Clean(); err != nil {
		return nil, err
	}
	return d, nil
}

// Queue is a connection to the work queue.
type Queue struct {
	opts   Options
	nc     *nats.Conn
	js     jetstream.JetStream
	stream jetstream.Stream
}

// Open connects to NATS and creates or updates the stream.
func Open(ctx context.Context, o Options) (*Queue, error) {
	o.EnsureDefaults()
	if err := o.Validate(); err != nil {
		return nil, err
	}
	nc, err := nats.Connect(o.URL, nats.Name(o.Name), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second),
		nats.Timeout(5*time.Second))
	if err != nil {
		return nil, fmt.Errorf("cannot connect to NATS at %s: %w", o.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("cannot use JetStream: %w", err)
	}
	st, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        o.Stream,
		Description: "newsgraph articles to annotate, and dead letters",
		Subjects:    []string{o.Subject, o.DeadSubject},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  o.DedupWindow,
		Replicas:    o.Replicas,
	})
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("cannot create stream %s: %w", o.Stream, err)
	}
	return &Queue{opts: o, nc: nc, js: js, stream: st}, nil
}

// Close closes the connection.
func (q *Queue) Close() {
	if q.nc != nil {
		q.nc.Drain()
		q.nc.Close()
	}
}

// Publish sends one article. A second article with the same id within the
// de-duplication window is dropped by the server; dup reports that.
func (q *Queue) Publish(ctx context.Context, a Article) (dup bool, err error) {
	b, err := json.Marshal(a)
	if err != nil {
		return false, fmt.Errorf("cannot encode article %s: %w", a.ID, err)
	}
	ack, err := q.js.Publish(ctx, q.opts.Subject, b, jetstream.WithMsgID(a.ID))
	if err != nil {
		return false, fmt.Errorf("cannot publish article %s: %w", a.ID, err)
	}
	return ack.Duplicate, nil
}

// Header names on dead letters.
const (
	HeaderReason = "Newsgraph-Reason"
	HeaderID     = "Newsgraph-Id"
)

// DeadLetter is one dead letter as read back.
type DeadLetter struct {
	ID     string
	Reason string
	Body   []byte
}

// deadLetter publishes body to the dead-letter subject with its reason.
func (q *Queue) deadLetter(ctx context.Context, id, reason string, body []byte) error {
	m := nats.NewMsg(q.opts.DeadSubject)
	m.Header.Set(HeaderReason, reason)
	m.Header.Set(HeaderID, id)
	m.Data = body
	// The id makes a redelivered poison message dead-letter once.
	msgID := "dead:" + id
	if id == "" {
		msgID = ""
	}
	var opts []jetstream.PublishOpt
	if msgID != "" {
		opts = append(opts, jetstream.WithMsgID(msgID))
	}
	if _, err := q.js.PublishMsg(ctx, m, opts...); err != nil {
		return fmt.Errorf("cannot dead-letter %s: %w", id, err)
	}
	return nil
}

// DeadLetters reads up to max dead letters, oldest first, without
// consuming them.
func (q *Queue) DeadLetters(ctx context.Context, max int) ([]DeadLetter, error) {
	c, err := q.js.OrderedConsumer(ctx, q.opts.Stream, jetstream.OrderedConsumerConfig{FilterSubjects: []string{q.opts.DeadSubject}})
	if err != nil {
		return nil, fmt.Errorf("cannot read dead letters: %w", err)
	}
	st, err := q.Status(ctx)
	if err != nil {
		return nil, err
	}
	n := min(max, int(st.Dead))
	var out []DeadLetter
	for len(out) < n {
		b, err := c.Fetch(n-len(out), jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			return out, fmt.Errorf("cannot read dead letters: %w", err)
		}
		got := 0
		for m := range b.Messages() {
			got++
			out = append(out, DeadLetter{ID: m.Headers().Get(HeaderID), Reason: m.Headers().Get(HeaderReason), Body: m.Data()})
		}
		if got == 0 {
			break
		}
	}
	return out, nil
}

// Status is the state of the queue.
type Status struct {
	Published   uint64 `json:"published"`   // articles in the stream
	Backlog     uint64 `json:"backlog"`     // articles not yet delivered to a worker
	InFlight    int    `json:"in_flight"`   // delivered, not yet acknowledged
	Redelivered int    `json:"redelivered"` // in flight and delivered more than once
	Done        uint64 `json:"done"`        // acknowledged: stored or dead-lettered
	Dead        uint64 `json:"dead"`        // dead letters
	Consumers   int    `json:"consumers"`   // durable consumers on the stream
}

// Status reads the stream's and the consumer's state.
func (q *Queue) Status(ctx context.Context) (Status, error) {
	var s Status
	info, err := q.stream.Info(ctx, jetstream.WithSubjectFilter(">"))
	if err != nil {
		return s, fmt.Errorf("cannot read stream %s: %w", q.opts.Stream, err)
	}
	s.Published = info.State.Subjects[q.opts.Subject]
	s.Dead = info.State.Subjects[q.opts.DeadSubject]
	s.Consumers = info.State.Consumers
	ci, err := q.stream.Consumer(ctx, q.opts.Consumer)
	if errors.Is(err, jetstream.ErrConsumerNotFound) {
		s.Backlog = s.Published
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("cannot read consumer %s: %w", q.opts.Consumer, err)
	}
	c, err := ci.Info(ctx)
	if err != nil {
		return s, fmt.Errorf("cannot read consumer %s: %w", q.opts.Consumer, err)
	}
	s.Backlog = c.NumPending
	s.InFlight = c.NumAckPending
	s.Redelivered = c.NumRedelivered
	if n := c.NumPending + uint64(c.NumAckPending); s.Published > n {
		s.Done = s.Published - n
	}
	return s, nil
}

// Delete removes the stream and everything in it (for tests and resets).
func (q *Queue) Delete(ctx context.Context) error {
	if err := q.js.DeleteStream(ctx, q.opts.Stream); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
		return fmt.Errorf("cannot delete stream %s: %w", q.opts.Stream, err)
	}
	return nil
}

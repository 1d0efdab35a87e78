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
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
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
	// DeadSubject carries dead letters. Default: derived from Subject
	// (DeadSubjectOf), so that a second pipeline with a subject of its own
	// on the same NATS gets a dead-letter subject of its own too.
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
		o.DeadSubject = DeadSubjectOf(o.Subject)
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

// DeadSubjectOf returns the default dead-letter subject of an article
// subject: its last token "articles" replaced by "dead"
// (newsgraph.articles → newsgraph.dead), else ".dead" appended
// (news.eu → news.eu.dead).
func DeadSubjectOf(subject string) string {
	if base, ok := strings.CutSuffix(subject, ".articles"); ok && base != "" {
		return base + ".dead"
	}
	return subject + ".dead"
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
	// PublishedFrom says where the reader found Published (given, html,
	// url, dateline); empty for given.
	PublishedFrom string `json:"published_from,omitempty"`
	Body          string `json:"body"`
	// BodyRef names the object of the queue's object store that holds
	// the body when the message would exceed the server's payload limit;
	// Body is empty then.
	BodyRef string `json:"body_ref,omitempty"`
}

// FromDocument makes the message of a freshly read document.
func FromDocument(d *text.Document) Article {
	return Article{ID: d.ID, URL: d.URL, Source: d.Source, Title: d.Title, Author: d.Author,
		Published: d.Published, PublishedFrom: d.PublishedFrom, Body: d.Text[d.BodyStart:]}
}

// Document makes the document to annotate from a message, applying the
// text rule (text.Document.Clean) and the publication-date rule
// (text.Document.ResolvePublished) as the readers do: a message published
// by another client may hold what they would have refused. A bad date is
// dropped and named in d.Warnings.
func (a Article) Document() (*text.Document, error) {
	d := text.NewDocument(a.ID, a.Title, a.Body)
	d.URL, d.Source, d.Author, d.Published, d.PublishedFrom = a.URL, a.Source, a.Author, a.Published, a.PublishedFrom
	if err := d.Clean(); err != nil {
		return nil, err
	}
	d.ResolvePublished("")
	return d, nil
}

// Queue is a connection to the work queue.
type Queue struct {
	opts   Options
	nc     *nats.Conn
	js     jetstream.JetStream
	stream jetstream.Stream

	bodiesMu sync.Mutex
	bodies   jetstream.ObjectStore // opened when first needed
}

// ErrNoStream says that the stream named by Options.Stream does not exist
// (OpenExisting never creates one).
var ErrNoStream = errors.New("queue: no such stream")

// connect connects to NATS.
func connect(o Options) (*nats.Conn, jetstream.JetStream, error) {
	nc, err := nats.Connect(o.URL, nats.Name(o.Name), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second),
		nats.Timeout(5*time.Second))
	if err != nil {
		return nil, nil, fmt.Errorf("cannot connect to NATS at %s: %w", o.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, fmt.Errorf("cannot use JetStream: %w", err)
	}
	return nc, js, nil
}

// OpenExisting connects to the stream of an existing queue without
// creating or changing anything, for `queue status` and `queue delete`: a
// mistyped stream name fails with ErrNoStream and the names of the streams
// that exist. Subjects left empty in o are taken from the stream.
func OpenExisting(ctx context.Context, o Options) (*Queue, error) {
	if o.URL == "" {
		return nil, errors.New("queue: no NATS URL")
	}
	subject, dead := o.Subject, o.DeadSubject
	o.EnsureDefaults()
	nc, js, err := connect(o)
	if err != nil {
		return nil, err
	}
	st, err := js.Stream(ctx, o.Stream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		var names []string
		for n := range js.StreamNames(ctx).Name() {
			if !strings.HasPrefix(n, "OBJ_") && !strings.HasPrefix(n, "KV_") {
				names = append(names, n)
			}
		}
		nc.Close()
		return nil, fmt.Errorf("%w %q on %s (streams there: %s); ingest --queue and worker create it", ErrNoStream, o.Stream, o.URL, strings.Join(names, ", "))
	}
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("cannot read stream %s: %w", o.Stream, err)
	}
	subs := st.CachedInfo().Config.Subjects
	if subject == "" && len(subs) > 0 {
		o.Subject = subs[0]
		if dead == "" {
			o.DeadSubject = DeadSubjectOf(o.Subject)
			if len(subs) == 2 && !slices.Contains(subs, o.DeadSubject) {
				o.DeadSubject = subs[1]
			}
		}
	}
	if !slices.Contains(subs, o.Subject) {
		nc.Close()
		return nil, fmt.Errorf("queue: stream %s carries %s, not %s (give --subject)", o.Stream, strings.Join(subs, ", "), o.Subject)
	}
	return &Queue{opts: o, nc: nc, js: js, stream: st}, nil
}

// Open connects to NATS and creates or updates the stream.
func Open(ctx context.Context, o Options) (*Queue, error) {
	o.EnsureDefaults()
	if err := o.Validate(); err != nil {
		return nil, err
	}
	nc, js, err := connect(o)
	if err != nil {
		return nil, err
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
		return nil, fmt.Errorf("cannot create stream %s with subjects %s and %s: %w", o.Stream, o.Subject, o.DeadSubject, err)
	}
	return &Queue{opts: o, nc: nc, js: js, stream: st}, nil
}

// Options returns the options in use, defaults filled in.
func (q *Queue) Options() Options { return q.opts }

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
	return q.publish(ctx, a, a.ID)
}

// Requeue sends one article again, whatever the stream saw before: its
// message id is the article id and a fresh suffix, so the server's
// de-duplication does not drop it. A worker skips it if it is stored.
func (q *Queue) Requeue(ctx context.Context, a Article) error {
	_, err := q.publish(ctx, a, a.ID+"#requeued-"+rand.Text())
	return err
}

// publish sends a under the message id msgID. A body that would make the
// message larger than the server's payload limit goes to the queue's
// object store (chunked there), and the message names it.
func (q *Queue) publish(ctx context.Context, a Article, msgID string) (dup bool, err error) {
	b, err := json.Marshal(a)
	if err != nil {
		return false, fmt.Errorf("cannot encode article %s: %w", a.ID, err)
	}
	if int64(len(b)) > q.maxData() {
		obs, err := q.bodyStore(ctx, true)
		if err != nil {
			return false, fmt.Errorf("cannot publish article %s of %d bytes: %w", a.ID, len(b), err)
		}
		if _, err := obs.PutBytes(ctx, msgID, []byte(a.Body)); err != nil {
			return false, fmt.Errorf("cannot publish article %s of %d bytes: cannot store its body: %w", a.ID, len(b), err)
		}
		a.Body, a.BodyRef = "", msgID
		if b, err = json.Marshal(a); err != nil {
			return false, fmt.Errorf("cannot encode article %s: %w", a.ID, err)
		}
		if int64(len(b)) > q.maxData() {
			return false, fmt.Errorf("cannot publish article %s: its fields other than the body take %d bytes, above the server's payload limit", a.ID, len(b))
		}
	}
	ack, err := q.js.Publish(ctx, q.opts.Subject, b, jetstream.WithMsgID(msgID))
	if err != nil {
		return false, fmt.Errorf("cannot publish article %s: %w", a.ID, err)
	}
	return ack.Duplicate, nil
}

// maxData is the largest message body sent as is: the server's payload
// limit (1 MB unless configured) less room for the headers.
func (q *Queue) maxData() int64 {
	return q.nc.MaxPayload() - 4096
}

// bodiesBucket names the object store of the bodies too large for a
// message: the stream's name with "_bodies".
func (q *Queue) bodiesBucket() string { return q.opts.Stream + "_bodies" }

// bodyStore returns the object store of large bodies, creating it when
// create is set.
func (q *Queue) bodyStore(ctx context.Context, create bool) (jetstream.ObjectStore, error) {
	q.bodiesMu.Lock()
	defer q.bodiesMu.Unlock()
	if q.bodies != nil {
		return q.bodies, nil
	}
	var obs jetstream.ObjectStore
	var err error
	if create {
		obs, err = q.js.CreateOrUpdateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: q.bodiesBucket(),
			Description: "newsgraph: bodies of articles too large for one message of stream " + q.opts.Stream,
			Storage:     jetstream.FileStorage, Replicas: q.opts.Replicas})
	} else {
		obs, err = q.js.ObjectStore(ctx, q.bodiesBucket())
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open object store %s: %w", q.bodiesBucket(), err)
	}
	q.bodies = obs
	return obs, nil
}

// body returns the body of a, fetching it from the object store when the
// message names one.
func (q *Queue) body(ctx context.Context, a *Article) error {
	if a.BodyRef == "" {
		return nil
	}
	obs, err := q.bodyStore(ctx, false)
	if err != nil {
		return err
	}
	b, err := obs.GetBytes(ctx, a.BodyRef)
	if err != nil {
		return fmt.Errorf("cannot read the body of %s from object store %s: %w", a.ID, q.bodiesBucket(), err)
	}
	a.Body = string(b)
	return nil
}

// dropBody deletes the stored body of a message once its article is
// stored; a failure leaves an orphan object, not a wrong result.
func (q *Queue) dropBody(ctx context.Context, ref string) error {
	if ref == "" {
		return nil
	}
	obs, err := q.bodyStore(ctx, false)
	if err != nil {
		return err
	}
	return obs.Delete(ctx, ref)
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
// consuming them and without creating a consumer: it reads the stream's
// messages on the dead-letter subject by sequence.
func (q *Queue) DeadLetters(ctx context.Context, max int) ([]DeadLetter, error) {
	var out []DeadLetter
	seq := uint64(1)
	for len(out) < max {
		m, err := q.stream.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(q.opts.DeadSubject))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			break
		}
		if err != nil {
			return out, fmt.Errorf("cannot read dead letters: %w", err)
		}
		out = append(out, DeadLetter{ID: m.Header.Get(HeaderID), Reason: m.Header.Get(HeaderReason), Body: m.Data})
		seq = m.Sequence + 1
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
	Consumers   int    `json:"consumers"`   // consumers on the stream

	Subject     string        `json:"subject"`      // carries articles
	DeadSubject string        `json:"dead_subject"` // carries dead letters
	DedupWindow time.Duration `json:"dedup_window"` // a re-published id is dropped within it
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
	s.Subject, s.DeadSubject, s.DedupWindow = q.opts.Subject, q.opts.DeadSubject, info.Config.Duplicates
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

// Delete removes the stream and everything in it, with the object store
// of its large bodies (for tests and resets).
func (q *Queue) Delete(ctx context.Context) error {
	if err := q.js.DeleteStream(ctx, q.opts.Stream); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) {
		return fmt.Errorf("cannot delete stream %s: %w", q.opts.Stream, err)
	}
	if err := q.js.DeleteObjectStore(ctx, q.bodiesBucket()); err != nil && !errors.Is(err, jetstream.ErrStreamNotFound) &&
		!errors.Is(err, jetstream.ErrBucketNotFound) {
		return fmt.Errorf("cannot delete object store %s: %w", q.bodiesBucket(), err)
	}
	return nil
}

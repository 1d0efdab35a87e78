// Package ingest moves annotated records from the pipeline into a Store in
// batches, one transaction each, while annotation goes on: the last step of
// `newsgraph ingest`. Stopping (ctx done) stores the batch in hand and
// returns; a crash loses at most the uncommitted batches, which a re-run
// stores again, since Put skips what is already there. A record the store
// refuses is found by splitting its batch (store.PutSplit), reported with
// its origin, and the rest of the batch is stored.
package ingest

import (
	"context"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// Options configures Run.
type Options struct {
	// BatchSize is the number of records per transaction; default 64.
	BatchSize int
	// FlushEvery stores a partial batch after this long, so that slow
	// streams (feeds, stdin) are committed promptly; default 2s.
	FlushEvery time.Duration
	// OnResult, if set, is called for every result, failed or not, in input
	// order, from Run's goroutine.
	OnResult func(pipeline.Result)
	// OnRejected, if set, is called for every record the store refused
	// (store.ErrBadRecord), with its origin, from Run's goroutine.
	OnRejected func(origin string, err error)
}

// EnsureDefaults fills in the defaults.
func (o *Options) EnsureDefaults() {
	if o.BatchSize <= 0 {
		o.BatchSize = 64
	}
	if o.FlushEvery <= 0 {
		o.FlushEvery = 2 * time.Second
	}
}

// Validate reports bad options.
func (o *Options) Validate() error {
	if o.BatchSize > 100000 {
		return fmt.Errorf("ingest: batch size %d above 100000", o.BatchSize)
	}
	return nil
}

// Summary counts what Run did.
type Summary struct {
	store.PutResult
	Read        int           // results received
	Failed      int           // results with an error, and records the store refused
	Rejected    int           // records the store refused (counted in Failed too)
	Batches     int           // transactions committed
	PutTime     time.Duration // time spent in Put
	Interrupted bool          // ctx was done before the input ended
}

// Run stores the records of in into s until in is closed or ctx is done,
// then stores the batch in hand. It returns the first Put error, after
// which nothing more is stored.
func Run(ctx context.Context, s store.Store, in <-chan pipeline.Result, o Options) (Summary, error) {
	o.EnsureDefaults()
	var sum Summary
	if err := o.Validate(); err != nil {
		return sum, err
	}
	// Put must finish even when ctx is cancelled: that is the clean stop.
	putCtx := context.WithoutCancel(ctx)
	type batchOf struct {
		recs    []*record.Record
		origins map[string]string // record id → origin
	}
	type done struct {
		res     store.PutResult
		bad     []store.Rejected
		origins map[string]string
		dur     time.Duration
		err     error
	}
	batches := make(chan batchOf, 1)
	results := make(chan done, 1)
	go func() {
		defer close(results)
		for b := range batches {
			t := time.Now()
			res, bad, err := store.PutSplit(putCtx, s, b.recs)
			results <- done{res, bad, b.origins, time.Since(t), err}
			if err != nil {
				for range batches {
				}
				return
			}
		}
	}()
	var firstErr error
	collect := func(d done) {
		for _, r := range d.bad {
			sum.Failed++
			sum.Rejected++
			if o.OnRejected != nil {
				origin := d.origins[r.Record.ID]
				if origin == "" {
					origin = r.Record.ID
				}
				o.OnRejected(origin, fmt.Errorf("cannot store article %s: %w", r.Record.ID, r.Err))
			}
		}
		if d.err != nil {
			if firstErr == nil {
				firstErr = d.err
			}
			return
		}
		sum.PutResult.Add(d.res)
		sum.PutTime += d.dur
		sum.Batches++
	}
	pending := 0 // batches sent, results not yet collected
	send := func(b batchOf) {
		for {
			select {
			case batches <- b:
				pending++
				return
			case d := <-results:
				pending--
				collect(d)
			}
		}
	}
	tick := time.NewTicker(o.FlushEvery)
	defer tick.Stop()
	batch := batchOf{recs: make([]*record.Record, 0, o.BatchSize), origins: map[string]string{}}
	flush := func() {
		send(batch)
		batch = batchOf{recs: make([]*record.Record, 0, o.BatchSize), origins: map[string]string{}}
	}
loop:
	for firstErr == nil {
		select {
		case r, ok := <-in:
			if !ok {
				break loop
			}
			sum.Read++
			if o.OnResult != nil {
				o.OnResult(r)
			}
			if r.Err != nil || r.Record == nil {
				sum.Failed++
				continue
			}
			batch.recs = append(batch.recs, r.Record)
			batch.origins[r.Record.ID] = r.Origin
			if len(batch.recs) >= o.BatchSize {
				flush()
			}
		case <-tick.C:
			if len(batch.recs) > 0 {
				flush()
			}
		case d := <-results:
			pending--
			collect(d)
		}
	}
	if len(batch.recs) > 0 && firstErr == nil {
		send(batch)
	}
	close(batches)
	for d := range results {
		pending--
		collect(d)
	}
	if pending != 0 && firstErr == nil {
		panic(fmt.Sprintf("BUG: ingest: %d batches unaccounted for", pending))
	}
	sum.Interrupted = ctx.Err() != nil
	if firstErr != nil {
		return sum, fmt.Errorf("cannot store batch: %w", firstErr)
	}
	return sum, nil
}

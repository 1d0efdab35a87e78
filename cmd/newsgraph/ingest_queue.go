package main

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/queue"
	"github.com/newsgraph/newsgraph/internal/source"
	"github.com/newsgraph/newsgraph/internal/store/ingest"
)

// publishOptions are the choices of `ingest --queue` about what is done
// already.
type publishOptions struct {
	// db, when set, is the store the workers write to: articles it holds
	// are skipped, and the others are published whatever the stream saw.
	db string
	// requeue publishes articles the stream saw within its
	// de-duplication window again.
	requeue bool
}

// publish is `ingest --queue`: it reads the sources and publishes each
// article to the work queue for the workers, instead of annotating here.
func publish(ctx context.Context, args []string, src source.Options, qo queue.Options, po publishOptions) error {
	q, err := openQueue(ctx, qo)
	if err != nil {
		return err
	}
	defer q.Close()
	prog := newProgress(os.Stderr, "published")
	items := source.Open(ctx, args, src)
	var stored atomic.Int64
	requeue := po.requeue
	if po.db != "" {
		// The workers' store decides what is done: what it holds is
		// skipped, the rest is published even if the stream saw it.
		st, err := openStore(ctx, po.db, true)
		if err != nil {
			return err
		}
		defer st.Close()
		items = ingest.SkipStored(ctx, st, items, func(pipeline.Item) { stored.Add(1) })
		requeue = true
	}
	var read, undated atomic.Int64
	items = watchDates(ctx, items, prog, &read, &undated)
	sum := q.PublishAll(ctx, items, queue.PublishOptions{Requeue: requeue}, prog.fail)
	prog.stop()
	o := q.Options()
	fmt.Fprintf(os.Stderr, "published %d articles to stream %s (subject %s)", sum.Published, o.Stream, o.Subject)
	if po.db != "" {
		fmt.Fprintf(os.Stderr, "; %d already stored in %s, skipped", stored.Load(), redactDSN(po.db))
	}
	fmt.Fprintf(os.Stderr, "; %d failed\n", sum.Failed)
	if n := undated.Load(); n > 0 {
		fmt.Fprintf(os.Stderr, "%d of %d articles read have no publication date (none given, and none in the page's metadata, the URL or a dateline); their events will be undated. "+
			"Give one with a \"published\" field per article, or --published YYYY-MM-DD for the batch\n", n, read.Load())
	}
	if sum.Duplicates > 0 {
		fmt.Fprintf(os.Stderr, "%d articles not published: the stream saw their ids within its de-duplication window (%s), so they are queued or done already;\n"+
			"  give --db with the workers' store to publish what it does not hold, or --requeue to publish them all again\n",
			sum.Duplicates, o.DedupWindow)
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	if sum.Failed > 0 {
		return errFailed
	}
	return nil
}

// watchDates passes items on, reporting each document's warnings (a
// dropped publication date) and counting the documents read and those
// without a date.
func watchDates(ctx context.Context, items <-chan pipeline.Item, prog *progress, read, undated *atomic.Int64) <-chan pipeline.Item {
	out := make(chan pipeline.Item)
	go func() {
		defer close(out)
		for it := range items {
			if it.Err == nil && it.Doc != nil {
				read.Add(1)
				if it.Doc.Published == "" {
					undated.Add(1)
				}
				prog.warn(it.Origin, it.Doc.Warnings)
			}
			select {
			case out <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

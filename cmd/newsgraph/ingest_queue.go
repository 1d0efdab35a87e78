package main

import (
	"context"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/internal/queue"
	"github.com/newsgraph/newsgraph/internal/source"
)

// publish is `ingest --queue`: it reads the sources and publishes each
// article to the work queue for the workers, instead of annotating here.
func publish(ctx context.Context, args []string, src source.Options, qo queue.Options) error {
	q, err := openQueue(ctx, qo)
	if err != nil {
		return err
	}
	defer q.Close()
	prog := newProgress(os.Stderr, "published")
	sum := q.PublishAll(ctx, source.Open(ctx, args, src), prog.fail)
	prog.stop()
	fmt.Fprintf(os.Stderr, "published %d articles to %s (%d already queued, %d failed)\n", sum.Published, qo.Stream, sum.Duplicates, sum.Failed)
	if ctx.Err() != nil {
		return errInterrupted
	}
	if sum.Failed > 0 {
		return errFailed
	}
	return nil
}

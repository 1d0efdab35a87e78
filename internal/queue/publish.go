package queue

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// PublishOptions configures PublishAll.
type PublishOptions struct {
	// Requeue publishes every article even when the stream saw its id
	// within its de-duplication window (Queue.Requeue). Default false: the
	// server drops such an article and it is counted in Duplicates.
	Requeue bool
}

// PublishSummary counts what PublishAll did.
type PublishSummary struct {
	Published, Duplicates, Failed int
}

// PublishAll publishes every document read from in. Reader errors and
// publish errors are passed to onErr with the item's origin and counted;
// the rest goes on.
func (q *Queue) PublishAll(ctx context.Context, in <-chan pipeline.Item, o PublishOptions, onErr func(origin string, err error)) PublishSummary {
	var s PublishSummary
	for it := range in {
		if it.Err != nil || it.Doc == nil {
			s.Failed++
			if onErr != nil {
				err := it.Err
				if err == nil {
					err = pipeline.ErrRejected
				}
				onErr(it.Origin, err)
			}
			continue
		}
		var dup bool
		var err error
		if o.Requeue {
			err = q.Requeue(ctx, FromDocument(it.Doc))
		} else {
			dup, err = q.Publish(ctx, FromDocument(it.Doc))
		}
		switch {
		case err != nil:
			s.Failed++
			if onErr != nil {
				onErr(it.Origin, err)
			}
		case dup:
			s.Duplicates++
		default:
			s.Published++
		}
	}
	return s
}

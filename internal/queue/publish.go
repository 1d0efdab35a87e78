package queue

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// PublishSummary counts what PublishAll did.
type PublishSummary struct {
	Published, Duplicates, Failed int
}

// PublishAll publishes every document read from in. Reader errors and
// publish errors are passed to onErr with the item's origin and counted;
// the rest goes on.
func (q *Queue) PublishAll(ctx context.Context, in <-chan pipeline.Item, onErr func(origin string, err error)) PublishSummary {
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
		dup, err := q.Publish(ctx, FromDocument(it.Doc))
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

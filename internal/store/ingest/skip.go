package ingest

import (
	"context"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store"
)

// SkipStored passes on the items of in except the documents that s already
// holds (same id, URL or content), for which it calls onSkip, so that a
// re-run does not annotate them again. A store that does not implement
// store.Seen gets every item; items with reader errors always pass.
func SkipStored(ctx context.Context, s store.Store, in <-chan pipeline.Item, onSkip func(pipeline.Item)) <-chan pipeline.Item {
	seen, ok := s.(store.Seen)
	if !ok {
		return in
	}
	out := make(chan pipeline.Item, cap(in))
	go func() {
		defer close(out)
		for it := range in {
			if it.Err == nil && it.Doc != nil {
				known, err := seen.Seen(ctx, it.Doc.ID, it.Doc.URL, dedup.ContentHash(it.Doc.Text))
				if err == nil && known {
					if onSkip != nil {
						onSkip(it)
					}
					continue
				}
			}
			select {
			case out <- it:
			case <-ctx.Done():
				for range in {
				}
				return
			}
		}
	}()
	return out
}

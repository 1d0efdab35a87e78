package backend

import (
	"context"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
)

// OpenWait opens the store named by dsn like Open, but while the store is
// out of reach (store.Unavailable: refused, reset, starting up) it waits
// and tries again, the wait doubling from 250 ms up to maxBackoff (default
// 30 s), until ctx is done. Other errors (a wrong password, a missing
// database) return at once. onRetry, if set, hears each failed attempt.
func OpenWait(ctx context.Context, dsn string, readOnly bool, maxBackoff time.Duration, onRetry func(err error, next time.Duration)) (store.Store, error) {
	if maxBackoff <= 0 {
		maxBackoff = 30 * time.Second
	}
	next := 250 * time.Millisecond
	for {
		s, err := Open(ctx, dsn, readOnly)
		if err == nil || !store.Unavailable(err) {
			return s, err
		}
		if onRetry != nil {
			onRetry(err, next)
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%w (gave up waiting: %w)", err, ctx.Err())
		case <-time.After(next):
		}
		next = min(next*2, maxBackoff)
	}
}

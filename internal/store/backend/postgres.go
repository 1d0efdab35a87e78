package backend

import (
	"context"
	"errors"

	"github.com/newsgraph/newsgraph/internal/store"
)

func openPostgres(ctx context.Context, dsn string, readOnly bool) (store.Store, error) {
	return nil, errors.New("postgres: not built yet")
}

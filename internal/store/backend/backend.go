// Package backend opens a store.Store by name: a PostgreSQL URL
// (postgres://…) for the scale-out store, anything else as the path of the
// embedded SQLite database. Commands take --db and call Open.
package backend

import (
	"context"
	"net/url"
	"strings"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the store named by dsn.
func Open(ctx context.Context, dsn string, readOnly bool) (store.Store, error) {
	if IsPostgres(dsn) {
		return openPostgres(ctx, dsn, readOnly)
	}
	return sqlite.Open(ctx, sqlite.Options{Path: strings.TrimPrefix(dsn, "sqlite://"), ReadOnly: readOnly})
}

// Redact returns a PostgreSQL URL with its password replaced by "xxxxx".
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://(unparsable)"
	}
	return u.Redacted()
}

package backend

import (
	"context"
	"fmt"
	"net/url"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/postgres"
)

// openPostgres opens a PostgreSQL store. The URL's own "schema" parameter
// (postgres://host/db?schema=news) names the schema that holds the tables;
// default public.
func openPostgres(ctx context.Context, dsn string, readOnly bool) (store.Store, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, fmt.Errorf("cannot parse PostgreSQL URL %s: %w", Redact(dsn), err)
	}
	q := u.Query()
	schema := q.Get("schema")
	q.Del("schema")
	u.RawQuery = q.Encode()
	return postgres.Open(ctx, postgres.Options{URL: u.String(), Schema: schema, ReadOnly: readOnly})
}

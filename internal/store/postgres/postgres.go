// Package postgres is the scale-out Store: PostgreSQL (or any compatible
// cluster) through pgx, with the same tables, identity rules and results as
// the embedded SQLite backend, versioned migrations, batched writes (one
// round trip per article for all its layers), PostgreSQL's own full-text
// search, and idempotent upserts so that redelivered work never duplicates.
// Writers from many processes take a transaction-level advisory lock, so
// that de-duplication and event counts stay exact under concurrency.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/newsgraph/newsgraph/internal/store"
)

// Options configures a Store.
type Options struct {
	// URL is the connection string, e.g. "postgres://postgres@127.0.0.1:5432/news". Required.
	URL string
	// Schema is the PostgreSQL schema that holds the tables; default "public".
	// Tests use one of their own.
	Schema string
	// ReadOnly opens for queries only: no migration; default false.
	ReadOnly bool
	// MaxConns bounds the connection pool; default 8.
	MaxConns int32
}

// EnsureDefaults fills in the defaults.
func (o *Options) EnsureDefaults() {
	if o.Schema == "" {
		o.Schema = "public"
	}
	if o.MaxConns <= 0 {
		o.MaxConns = 8
	}
}

// Validate reports bad options.
func (o *Options) Validate() error {
	if o.URL == "" {
		return errors.New("postgres: no URL")
	}
	for _, c := range o.Schema {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return fmt.Errorf("postgres: schema name %q: use lower-case letters, digits and _", o.Schema)
		}
	}
	return nil
}

// writeLock is the advisory lock key that serialises writers.
const writeLock = 0x6e657773 // "news"

// Store is the PostgreSQL backend of store.Store.
type Store struct {
	pool     *pgxpool.Pool
	readOnly bool
	mu       sync.Mutex
	added    int
}

var _ store.Store = (*Store)(nil)

// Open connects, creates the schema when needed and migrates it.
func Open(ctx context.Context, o Options) (*Store, error) {
	o.EnsureDefaults()
	if err := o.Validate(); err != nil {
		return nil, err
	}
	cfg, err := pgxpool.ParseConfig(o.URL)
	if err != nil {
		return nil, fmt.Errorf("cannot parse PostgreSQL URL: %w", err)
	}
	cfg.MaxConns = o.MaxConns
	schema := o.Schema
	cfg.AfterConnect = func(ctx context.Context, c *pgx.Conn) error {
		_, err := c.Exec(ctx, "SET search_path TO "+pgx.Identifier{schema}.Sanitize())
		return err
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("cannot connect to PostgreSQL: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("cannot connect to PostgreSQL: %w", err)
	}
	s := &Store{pool: pool, readOnly: o.ReadOnly}
	if !o.ReadOnly {
		if err := s.migrate(ctx, schema); err != nil {
			pool.Close()
			return nil, fmt.Errorf("cannot migrate PostgreSQL schema %s: %w", schema, err)
		}
	}
	return s, nil
}

// Close closes the pool, refreshing planner statistics when this store
// added articles.
func (s *Store) Close() error {
	s.mu.Lock()
	added := s.added
	s.mu.Unlock()
	if !s.readOnly && added > 0 {
		s.pool.Exec(context.Background(), "ANALYZE events")
	}
	s.pool.Close()
	return nil
}

// migrate applies the migrations not yet applied, under an advisory lock so
// that workers starting together migrate once.
func (s *Store) migrate(ctx context.Context, schema string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", writeLock+1); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+pgx.Identifier{schema}.Sanitize()); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, "CREATE TABLE IF NOT EXISTS newsgraph_schema (version INTEGER NOT NULL)"); err != nil {
		return err
	}
	var v int
	err = tx.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM newsgraph_schema").Scan(&v)
	if err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this program's %d", v, len(migrations))
	}
	for ; v < len(migrations); v++ {
		if _, err := tx.Exec(ctx, migrations[v]); err != nil {
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if _, err := tx.Exec(ctx, "DELETE FROM newsgraph_schema"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "INSERT INTO newsgraph_schema VALUES ($1)", v+1); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}

// DropSchema removes a schema and everything in it (for tests).
func DropSchema(ctx context.Context, url, schema string) error {
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	_, err = c.Exec(ctx, "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
	return err
}

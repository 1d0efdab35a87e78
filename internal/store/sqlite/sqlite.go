// Package sqlite is the embedded default Store: one SQLite file (pure Go,
// modernc.org/sqlite, no C toolchain), WAL journal, one transaction per Put,
// FTS5 over article text. The schema is in schema.go and docs/STORE.md.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"sync"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/newsgraph/newsgraph/internal/store"
)

// Options configures a Store.
type Options struct {
	// Path is the database file; default "newsgraph.db".
	Path string
	// ReadOnly opens the database for queries only; default false.
	ReadOnly bool
	// BusyTimeoutMS is how long a writer waits for another process's lock,
	// in milliseconds; default 10000.
	BusyTimeoutMS int
}

// EnsureDefaults fills in the defaults.
func (o *Options) EnsureDefaults() {
	if o.Path == "" {
		o.Path = "newsgraph.db"
	}
	if o.BusyTimeoutMS <= 0 {
		o.BusyTimeoutMS = 10000
	}
}

// Validate reports bad options.
func (o *Options) Validate() error {
	if o.Path == ":memory:" {
		return errors.New("sqlite: in-memory databases are not supported; use a file in a temporary folder")
	}
	return nil
}

// Store is the SQLite backend of store.Store.
type Store struct {
	db       *sql.DB
	readOnly bool
	mu       sync.Mutex // one writer at a time within the process
	added    int        // articles added by this Store, under mu
	w        *writer    // Put's connection and statements, under mu
	bufs     *buffers   // Put's reusable buffers, under mu
}

var _ store.Store = (*Store)(nil)

// Open opens (creating and migrating when needed) the database at o.Path.
func Open(ctx context.Context, o Options) (*Store, error) {
	o.EnsureDefaults()
	if err := o.Validate(); err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", o.BusyTimeoutMS))
	// A new database gets 8 KiB pages: about half the WAL frames (a write
	// call each) of 4 KiB pages for the same rows; Put costs 10% less. The
	// driver runs these pragmas in alphabetical order, so journal_mode(WAL),
	// which creates the file, is set below, after page_size. Both are
	// no-ops on an existing database.
	q.Add("_pragma", "page_size(8192)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// Foreign keys are declared but not enforced: Put, the only writer,
	// adds the parent rows first, and enforcing them costs a lookup of the
	// parent per row and a statement journal per multi-row INSERT
	// (TestForeignKeys checks them with PRAGMA foreign_key_check).
	q.Add("_pragma", "cache_size(-32000)")
	q.Add("_pragma", "temp_store(MEMORY)") // statement journals in memory, not temp files
	q.Set("_txlock", "immediate")
	if o.ReadOnly {
		q.Set("mode", "ro")
	}
	dsn := "file:" + (&url.URL{Path: o.Path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", o.Path, err)
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot open %s: %w", o.Path, err)
	}
	if !o.ReadOnly { // WAL is kept in the file, for every connection
		if _, err := db.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
			db.Close()
			return nil, fmt.Errorf("cannot open %s: %w", o.Path, err)
		}
	}
	s := &Store{db: db, readOnly: o.ReadOnly}
	if !o.ReadOnly {
		if err := s.migrate(ctx); err != nil {
			db.Close()
			return nil, fmt.Errorf("cannot migrate %s: %w", o.Path, err)
		}
	} else if v, err := s.version(ctx); err != nil || v != len(migrations) {
		db.Close()
		if err == nil {
			err = fmt.Errorf("schema version %d, want %d (open it once read-write to migrate)", v, len(migrations))
		}
		return nil, fmt.Errorf("cannot open %s: %w", o.Path, err)
	}
	return s, nil
}

// Close refreshes the query planner's statistics when this store added
// articles (ANALYZE; the planner needs them to choose between an index and a
// scan in date order) and closes the database.
func (s *Store) Close() error {
	s.mu.Lock()
	added := s.added
	werr := s.closeWriter()
	s.mu.Unlock()
	if !s.readOnly && added > 0 {
		var events int
		s.db.QueryRow("SELECT count(*) FROM events").Scan(&events)
		if events > 500000 {
			s.db.Exec("PRAGMA analysis_limit = 20000")
		}
		s.db.Exec("ANALYZE")
	}
	return errors.Join(werr, s.db.Close())
}

func (s *Store) version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate applies the migrations the database has not seen, each in its own
// transaction together with the new user_version.
func (s *Store) migrate(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		v, err := s.version(ctx)
		if err != nil {
			return err
		}
		if v > len(migrations) {
			return fmt.Errorf("schema version %d is newer than this program's %d", v, len(migrations))
		}
		if v == len(migrations) {
			return nil
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		// Another process may have migrated while we waited for the lock.
		var now int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
			tx.Rollback()
			return err
		}
		if now != v {
			tx.Rollback()
			continue
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
}

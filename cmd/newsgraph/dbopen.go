package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/backend"
)

// errNoDatabase says that --db names no newsgraph database. Only ingest
// creates one; every other command opens what exists, so a mistyped name is
// this error, never a new, empty database.
var errNoDatabase = errors.New("no newsgraph database")

// sqliteMagic opens every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// createStore opens the store named by dsn for ingest, creating a SQLite
// file that does not exist yet.
func createStore(ctx context.Context, dsn string) (store.Store, error) {
	return backend.Open(ctx, dsn, false)
}

// openStore opens an existing store named by dsn: a SQLite file (that must
// exist and be a SQLite database) or a PostgreSQL URL (whose server says
// when the database does not exist).
func openStore(ctx context.Context, dsn string, readOnly bool) (store.Store, error) {
	if !backend.IsPostgres(dsn) {
		if err := checkSQLiteFile(strings.TrimPrefix(dsn, "sqlite://")); err != nil {
			return nil, err
		}
	}
	return backend.Open(ctx, dsn, readOnly)
}

// checkSQLiteFile reports errNoDatabase, with the reason and what to do,
// unless path is a SQLite database file.
func checkSQLiteFile(path string) error {
	fail := func(why string) error {
		return fmt.Errorf("cannot open database %s: %w: %s", path, errNoDatabase, why)
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fail("no such file (newsgraph ingest creates one; --db or NEWSGRAPH_DB names another)")
	}
	if err != nil {
		return fmt.Errorf("cannot open database %s: %w", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		return fail("not a regular file")
	}
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		return fail("the file is empty")
	case err != nil && err != io.ErrUnexpectedEOF:
		return fmt.Errorf("cannot read database %s: %w", path, err)
	case !bytes.Equal(head[:n], []byte(sqliteMagic)):
		return fail("not a SQLite database")
	}
	return nil
}

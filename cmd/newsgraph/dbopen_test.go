package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTypoCreatesNothing runs every command that reads a database with a
// --db that names no database: each fails with errNoDatabase and leaves no
// file behind (serve used to create and serve an empty database).
func TestTypoCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	notDB := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notDB, []byte("not a database at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := func(db, why string, args ...string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		err := execute(ctx, append(args, "--db", db)...)
		if !errors.Is(err, errNoDatabase) || !strings.Contains(err.Error(), why) {
			t.Errorf("%v --db %s: error %v, want %v (%s)", args, db, err, errNoDatabase, why)
		}
		if _, err := os.Stat(filepath.Join(dir, "typo.db")); err == nil {
			t.Fatalf("%v created %s", args, db)
		}
	}
	typo := filepath.Join(dir, "typo.db")
	f(typo, "no such file", "serve", "--addr", "127.0.0.1:0")
	f(typo, "no such file", "serve", "--read-only", "--addr", "127.0.0.1:0")
	f(typo, "no such file", "query", "events")
	f(typo, "no such file", "query", "actors")
	f(typo, "no such file", "dyad", "RUS", "CHN")
	f(typo, "no such file", "export", "--format", "csv")
	f("sqlite://"+typo, "no such file", "query", "events")
	f(empty, "empty", "serve", "--addr", "127.0.0.1:0")
	f(notDB, "not a SQLite database", "query", "events")
	f(dir, "not a regular file", "export", "--format", "jsonl")
}

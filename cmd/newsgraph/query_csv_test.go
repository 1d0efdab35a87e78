package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

// TestQueryEventsCSV checks that `query events --format csv` writes the one
// event table of `export --format csv`: same header, same cells.
func TestQueryEventsCSV(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.Options{Path: filepath.Join(t.TempDir(), "q.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Put(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	p, err := st.Events(ctx, store.Filter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var got, want bytes.Buffer
	w := newWriter(&got, "csv", eventCols)
	if err := w.write(p.Items); err != nil {
		t.Fatal(err)
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	if _, err := export.Write(ctx, st, &want, export.Options{Format: export.CSV}); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("query events --format csv differs from export --format csv:\n%s\nwant\n%s", got.String(), want.String())
	}
}

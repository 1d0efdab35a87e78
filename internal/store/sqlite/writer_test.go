package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
	"github.com/newsgraph/newsgraph/record"
)

// TestPutFailure checks that a failed Put, on the writer connection, leaves
// nothing stored and the Store usable: the next Put stores everything and
// queries see it.
func TestPutFailure(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, filepath.Join(t.TempDir(), "test.db"))
	defer s.Close()
	fx := storetest.Fixture()
	count := func() int {
		t.Helper()
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	// A bad record after good ones: the good ones were written in the
	// transaction, which is rolled back.
	bad := append(append([]*record.Record{}, fx...), &record.Record{Text: "no id"})
	if _, err := s.Put(ctx, bad); err == nil {
		t.Fatal("Put of a record without an id succeeded")
	}
	if n := count(); n != 0 {
		t.Fatalf("%d articles after a failed Put, want 0", n)
	}

	// A done context fails the Put before it writes.
	done, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Put(done, fx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Put with a done context: %v, want context.Canceled", err)
	}

	res, err := s.Put(ctx, fx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != len(fx)-res.Duplicates || res.Added == 0 {
		t.Fatalf("Put after failures: %+v of %d records", res, len(fx))
	}
	if n := count(); n != res.Added {
		t.Fatalf("%d articles, want %d", n, res.Added)
	}
	p, err := s.Articles(ctx, store.Filter{Text: "Moscow"})
	if err != nil || len(p.Items) == 0 {
		t.Fatalf("articles on Moscow: %+v, %v", p.Items, err)
	}
	// Stored again, all are duplicates.
	res, err = s.Put(ctx, fx)
	if err != nil || res.Added != 0 || res.Duplicates != len(fx) {
		t.Fatalf("Put again: %+v, %v; want %d duplicates", res, err, len(fx))
	}
}

package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

// testURL is the database the tests use: $NEWSGRAPH_TEST_POSTGRES, else
// the local test database. Tests skip when it is not reachable.
func testURL(t testing.TB) string {
	t.Helper()
	url := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if url == "" {
		url = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	c, err := net.DialTimeout("tcp", "127.0.0.1:5432", time.Second)
	if err != nil && os.Getenv("NEWSGRAPH_TEST_POSTGRES") == "" {
		t.Skipf("skipping: PostgreSQL is not running on 127.0.0.1:5432 (%v)", err)
	}
	if c != nil {
		c.Close()
	}
	return url
}

// openTemp opens a store in a schema of its own, dropped at the end.
func openTemp(t testing.TB) *Store {
	t.Helper()
	url := testURL(t)
	schema := fmt.Sprintf("ngtest_%d", rand.IntN(1<<30))
	s, err := Open(context.Background(), Options{URL: url, Schema: schema})
	if err != nil {
		t.Skipf("skipping: cannot open PostgreSQL at %s: %v", url, err)
	}
	t.Cleanup(func() { DropSchema(context.Background(), url, schema) })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

// TestBisectDataError: PostgreSQL refuses a record the text rule passes
// (a URL too long for its unique index); the error names no record, so
// PutSplit halves the batch until it finds it, and stores the rest.
func TestBisectDataError(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	ctx := context.Background()
	recs := storetest.Synthetic(6, 1)
	long := make([]byte, 12000)
	for i := range long {
		long[i] = "abcdefghijklmnopqrstuvwxyz0123456789"[rand.IntN(36)]
	}
	recs[4].URL = "https://example.org/" + string(long)
	_, err := s.Put(ctx, recs)
	if !errors.Is(err, store.ErrBadRecord) {
		t.Fatalf("Put with a 12 kB URL: %v, want ErrBadRecord", err)
	}
	res, bad, err := store.PutSplit(ctx, s, recs)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 5 || len(bad) != 1 || bad[0].Record.ID != recs[4].ID {
		t.Fatalf("PutSplit: %+v, rejected %v", res, bad)
	}
	t.Logf("rejected %s: %v", bad[0].Record.ID, bad[0].Err)
}

// TestUnavailable: a store whose server is gone fails with
// store.ErrUnavailable, not ErrBadRecord, so nothing is split or rejected.
func TestUnavailable(t *testing.T) {
	s := openTemp(t)
	s.pool.Close()
	_, err := s.Put(context.Background(), storetest.Synthetic(2, 1))
	if !errors.Is(err, store.ErrUnavailable) || errors.Is(err, store.ErrBadRecord) {
		t.Fatalf("Put on a closed pool: %v", err)
	}
}

// TestMigration3 opens a store as schema 2 left it (no running counts) and
// checks that migration 3 fills them from the rows: the unfiltered listings
// that read them answer as before.
func TestMigration3(t *testing.T) {
	ctx := context.Background()
	url := testURL(t)
	schema := fmt.Sprintf("ngtest_%d", rand.IntN(1<<30))
	s, err := Open(ctx, Options{URL: url, Schema: schema})
	if err != nil {
		t.Skipf("skipping: cannot open PostgreSQL at %s: %v", url, err)
	}
	t.Cleanup(func() { DropSchema(context.Background(), url, schema) })
	if _, err := s.Put(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	counted := func(s *Store) string {
		t.Helper()
		a, err := s.Actors(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.Places(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		e, err := s.EventPlaces(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Items) == 0 || len(p.Items) == 0 || len(e.Items) == 0 {
			t.Fatalf("nothing counted: %+v %+v %+v", a, p, e)
		}
		return fmt.Sprintf("%+v\n%+v\n%+v", a.Items, p.Items, e.Items)
	}
	want := counted(s)
	for _, q := range []string{"DROP TABLE actor_counts", "DROP TABLE place_counts", "DROP TABLE event_places", "UPDATE newsgraph_schema SET version = 2"} {
		if _, err := s.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err = Open(ctx, Options{URL: url, Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := counted(s); got != want {
		t.Errorf("running counts after migration 3:\n%s\nwant\n%s", got, want)
	}
}

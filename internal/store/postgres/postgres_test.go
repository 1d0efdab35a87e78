package postgres

import (
	"context"
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

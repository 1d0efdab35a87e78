package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/store/postgres"
)

// pgTestURL is the PostgreSQL database of the tests; they skip when it is
// not running.
const pgTestURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

func needPostgres(t *testing.T) {
	t.Helper()
	c, err := net.DialTimeout("tcp", "127.0.0.1:5432", time.Second)
	if err != nil {
		t.Skipf("skipping: PostgreSQL is not running on 127.0.0.1:5432 (%v)", err)
	}
	c.Close()
}

// TestIngestPostgresNUL: a NUL in one article's title used to fail the
// whole batch in PostgreSQL (0 stored, no article named); now that article
// is refused by name and the others are stored.
func TestIngestPostgresNUL(t *testing.T) {
	needPostgres(t)
	bin := buildBinary(t)
	in := filepath.Join(t.TempDir(), "three.jsonl")
	lines := `{"id":"good-1","title":"Putin met Xi","text":"Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday."}
{"id":"nul-title","title":"Bad\u0000title","text":"Officials met in Geneva on Monday to discuss trade."}
{"id":"good-2","title":"Macron visits Berlin","text":"French President Emmanuel Macron visited Berlin on Wednesday for talks with Olaf Scholz."}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("ngcmd_nul_%d", rand.IntN(1<<30))
	t.Cleanup(func() { postgres.DropSchema(context.Background(), pgTestURL, schema) })
	out, err := exec.Command(bin, "ingest", "-q", "--db", pgTestURL+"&schema="+schema, in).CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("ingest: %v, want exit code 1\n%s", err, out)
	}
	if !strings.Contains(string(out), "three.jsonl:2: ") || !strings.Contains(string(out), "title: record: text cannot be stored: NUL") {
		t.Errorf("the bad article is not named:\n%s", out)
	}
	c, err := pgx.Connect(context.Background(), pgTestURL)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	var ids string
	if err := c.QueryRow(context.Background(), "SELECT string_agg(id, ',' ORDER BY id) FROM "+pgx.Identifier{schema, "articles"}.Sanitize()).Scan(&ids); err != nil {
		t.Fatal(err)
	}
	if ids != "good-1,good-2" {
		t.Errorf("stored %q, want good-1,good-2\n%s", ids, out)
	}
}

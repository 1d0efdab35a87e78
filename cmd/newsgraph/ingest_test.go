package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// These tests build the newsgraph binary, ingest a generated corpus and
// interrupt the ingest with SIGKILL and SIGINT. They take a while; -short
// skips them.

func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping: builds the binary (-short)")
	}
	bin := filepath.Join(t.TempDir(), "newsgraph")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// corpus writes n generated news-like articles as JSONL, with some exact
// and near duplicates among them, and returns its path.
func corpus(t *testing.T, n int) string {
	t.Helper()
	actors := []struct{ who, where string }{
		{"Russian President Vladimir Putin", "Moscow"}, {"Chinese Foreign Minister Wang Yi", "Beijing"},
		{"US Secretary of State Antony Blinken", "Washington"}, {"Ukrainian President Volodymyr Zelensky", "Kyiv"},
		{"Israeli Prime Minister Benjamin Netanyahu", "Jerusalem"}, {"Turkish President Recep Tayyip Erdogan", "Ankara"},
		{"French President Emmanuel Macron", "Paris"}, {"Indian Prime Minister Narendra Modi", "New Delhi"},
	}
	verbs := []string{"met", "criticised", "praised", "accused", "thanked", "warned", "called on", "threatened"}
	topics := []string{"trade", "energy supplies", "the war in Ukraine", "grain exports", "sanctions", "climate finance",
		"a ceasefire", "nuclear talks", "border security", "refugees"}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := 0; i < n; i++ {
		a, c := actors[i%len(actors)], actors[(i*3+1)%len(actors)]
		v, tp := verbs[(i/3)%len(verbs)], topics[(i*7)%len(topics)]
		day := fmt.Sprintf("2023-%02d-%02d", 1+i%12, 1+(i*5)%28)
		paras := []string{
			fmt.Sprintf("%s %s %s in %s on Tuesday, officials said, in talks that focused on %s.", a.who, v, c.who, a.where, tp),
			fmt.Sprintf("The meeting, number %d in a series this year, lasted about %d hours, according to a statement.", i, 1+i%5),
			fmt.Sprintf("\"We discussed %s openly,\" %s told reporters after the talks, adding that more meetings were planned.", tp, a.who),
			fmt.Sprintf("Analysts said the talks on %s showed how relations had shifted since the spring of %d.", tp, 2015+i%8),
		}
		art := map[string]string{"id": fmt.Sprintf("gen-%05d", i), "title": fmt.Sprintf("%s %s %s", a.who, v, c.who),
			"text": strings.Join(paras, "\n\n"), "published": day, "source": fmt.Sprintf("Outlet %d", i%7),
			"url": fmt.Sprintf("https://news.example/%d", i)}
		enc.Encode(art)
		switch {
		case i%50 == 7: // exact copy under another id and URL
			art["id"], art["url"] = art["id"]+"-copy", art["url"]+"?copy"
			enc.Encode(art)
		case i%50 == 13: // near-duplicate: new headline, one paragraph dropped
			art["id"], art["url"] = art["id"]+"-syndicated", art["url"]+"?syn"
			art["title"] = "Talks on " + tp
			art["text"] = strings.Join([]string{paras[0], paras[1], paras[3]}, "\n\n")
			enc.Encode(art)
		}
	}
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func ingestCmd(bin, db, corpus string) *exec.Cmd {
	cmd := exec.Command(bin, "ingest", "--quiet", "--batch", "8", "--workers", "1", "--db", db, corpus)
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	return cmd
}

func runIngest(t *testing.T, bin, db, corpus string) string {
	t.Helper()
	var stderr bytes.Buffer
	cmd := ingestCmd(bin, db, corpus)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ingest %s: %v\n%s", db, err, stderr.String())
	}
	return stderr.String()
}

// articles returns how many articles db holds, 0 while it cannot tell.
func articles(db string) int {
	h, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(2000)")
	if err != nil {
		return 0
	}
	defer h.Close()
	var n int
	if h.QueryRow("SELECT count(*) FROM articles").Scan(&n) != nil {
		return 0
	}
	return n
}

// dump returns every stored row of db in a canonical order, and fails the
// test when the database is not intact.
func dump(t *testing.T, db string) string {
	t.Helper()
	h, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var ok string
	if err := h.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("%s: integrity check %q %v", db, ok, err)
	}
	var b strings.Builder
	for _, q := range []string{
		"SELECT * FROM articles ORDER BY n",
		"SELECT * FROM bands ORDER BY key, article",
		"SELECT rowid, * FROM entities ORDER BY rowid",
		"SELECT * FROM place_keys ORDER BY id",
		"SELECT * FROM article_places ORDER BY article, place",
		"SELECT rowid, * FROM amounts ORDER BY rowid",
		"SELECT rowid, * FROM quotes ORDER BY rowid",
		"SELECT * FROM events ORDER BY n",
		"SELECT * FROM event_counts ORDER BY source_key, target_key, quad",
		"SELECT * FROM totals ORDER BY name",
		"SELECT * FROM mentions ORDER BY event, article, start",
		"SELECT * FROM actor_counts ORDER BY code",
		"SELECT * FROM place_counts ORDER BY name, country, lat, lon",
		"SELECT * FROM event_places ORDER BY name, country, lat, lon, quad",
		"SELECT * FROM key_places ORDER BY key, place",
		"SELECT * FROM key_event_places ORDER BY key, place, quad",
		"SELECT * FROM entity_names ORDER BY code, text, name",
		"SELECT * FROM key_months ORDER BY key, month, other",
		"SELECT * FROM day_places ORDER BY day, place, quad",
		"SELECT * FROM code_months ORDER BY key, code, side, month, other, okey",
		`SELECT rowid FROM article_text WHERE article_text MATCH '"talks"' ORDER BY rowid`,
	} {
		rows, err := h.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		fmt.Fprintf(&b, "%s\n", q)
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for _, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				fmt.Fprintf(&b, "%v\x1f", v)
			}
			b.WriteByte('\n')
		}
		rows.Close()
	}
	return b.String()
}

// interrupt starts an ingest into db, waits until some batches are
// committed, sends sig and returns the process's stderr and error.
func interrupt(t *testing.T, bin, db, corpus string, total int, sig os.Signal) (string, error) {
	t.Helper()
	var stderr bytes.Buffer
	cmd := ingestCmd(bin, db, corpus)
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for articles(db) < 16 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("ingest stored nothing in 2 minutes")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(sig)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if n := articles(db); n >= total {
			t.Skipf("ingest finished (%d articles) before the signal; nothing was interrupted", n)
		}
		return stderr.String(), err
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("ingest did not stop within 30s of %v", sig)
	}
	return "", nil
}

func TestIngestCrashSafety(t *testing.T) {
	bin := buildBinary(t)
	const n = 400
	src := corpus(t, n)
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.db")
	runIngest(t, bin, clean, src)
	want := dump(t, clean)
	stored := articles(clean)
	if stored != n+n/50 { // the near-duplicates are stored, the exact copies not
		t.Fatalf("clean run stored %d articles, want %d", stored, n+n/50)
	}
	again := runIngest(t, bin, clean, src)
	if dump(t, clean) != want {
		t.Fatal("a second ingest of the same corpus changed the database")
	}
	if !strings.Contains(again, " 0 stored") {
		t.Errorf("second ingest summary: %s", again)
	}

	t.Run("SIGKILL", func(t *testing.T) {
		db := filepath.Join(dir, "killed.db")
		interrupt(t, bin, db, src, stored, syscall.SIGKILL)
		got := articles(db)
		runIngest(t, bin, db, src)
		if dump(t, db) != want {
			t.Fatalf("killed after %d articles and re-run: the database differs from an uninterrupted run", got)
		}
		t.Logf("killed after %d of %d articles; the re-run completed the same database", got, stored)
	})

	t.Run("SIGINT", func(t *testing.T) {
		db := filepath.Join(dir, "interrupted.db")
		stderr, err := interrupt(t, bin, db, src, stored, os.Interrupt)
		if err == nil || !strings.Contains(stderr, "interrupted") {
			t.Fatalf("SIGINT: exit %v, stderr:\n%s", err, stderr)
		}
		got := articles(db)
		if !strings.Contains(stderr, fmt.Sprintf(" %d stored", got)) {
			t.Errorf("SIGINT: %d articles in the database, summary says:\n%s", got, stderr)
		}
		runIngest(t, bin, db, src)
		if dump(t, db) != want {
			t.Fatalf("interrupted after %d articles and re-run: the database differs from an uninterrupted run", got)
		}
		t.Logf("interrupted after %d of %d articles; clean stop, the re-run completed the same database", got, stored)
	})
}

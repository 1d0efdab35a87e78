package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/queue"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

// TestQueueWhatIsDone: `ingest --queue` says why it publishes nothing the
// second time (the stream's de-duplication window) and what to do;
// `--db` of the workers' store decides instead, so an empty store gets
// every article again; `queue status` shows the subjects and the window,
// and a mistyped stream name is an error that creates nothing.
func TestQueueWhatIsDone(t *testing.T) {
	c, err := net.DialTimeout("tcp", "127.0.0.1:4222", time.Second)
	if err != nil {
		t.Skipf("skipping: NATS with JetStream is not running on 127.0.0.1:4222 (%v)", err)
	}
	c.Close()
	bin := buildBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	var lines []string
	for i := range 3 {
		lines = append(lines, fmt.Sprintf(`{"id":"q-%d","title":"Talks %d","text":"Officials met in Geneva on day %d to discuss trade."}`, i, i, i))
	}
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	suffix := fmt.Sprint(rand.IntN(1 << 30))
	stream, subject := "NGCMD_"+suffix, "ngcmd."+suffix+".articles"
	t.Cleanup(func() {
		q, err := queue.OpenExisting(context.Background(), queue.Options{URL: "nats://127.0.0.1:4222", Stream: stream})
		if err == nil {
			q.Delete(context.Background())
			q.Close()
		}
	})
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("newsgraph %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	q := []string{"--queue", "nats://127.0.0.1:4222", "--stream", stream, "--subject", subject}
	out := run(append(append([]string{"ingest"}, q...), in)...)
	if !strings.Contains(out, "published 3 articles") {
		t.Errorf("first publish:\n%s", out)
	}
	out = run(append(append([]string{"ingest"}, q...), in)...)
	if !strings.Contains(out, "published 0 articles") || !strings.Contains(out, "3 articles not published: the stream saw their ids") ||
		!strings.Contains(out, "--requeue") {
		t.Errorf("second publish does not say why:\n%s", out)
	}
	db := filepath.Join(dir, "workers.db")
	s, err := sqlite.Open(context.Background(), sqlite.Options{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	out = run(append(append([]string{"ingest", "--db", db}, q...), in)...)
	if !strings.Contains(out, "published 3 articles") || !strings.Contains(out, "0 already stored") {
		t.Errorf("publish against an empty store:\n%s", out)
	}
	out = run("queue", "status", "--queue", "nats://127.0.0.1:4222", "--stream", stream)
	for _, want := range []string{"subject      " + subject, "dead letters ngcmd." + suffix + ".dead", "dedup window 24h0m0s", "published    6"} {
		if !strings.Contains(out, want) {
			t.Errorf("queue status lacks %q:\n%s", want, out)
		}
	}
	typo, err := exec.Command(bin, "queue", "status", "--queue", "nats://127.0.0.1:4222", "--stream", stream+"X").CombinedOutput()
	if err == nil || !strings.Contains(string(typo), "no such stream") || !strings.Contains(string(typo), stream) {
		t.Errorf("mistyped stream: %v\n%s", err, typo)
	}
	if _, err := queue.OpenExisting(context.Background(), queue.Options{URL: "nats://127.0.0.1:4222", Stream: stream + "X"}); err == nil {
		t.Errorf("queue status created stream %sX", stream)
	}
}

// Command faultrun is the scale-out fault run of issue 18: it publishes a
// corpus (default: the Wikinews dev set) to a fresh JetStream stream, adds
// poison messages (malformed JSON, no id, an empty body, a NUL in a title,
// a URL too long for PostgreSQL's index), runs two workers into a fresh
// PostgreSQL schema, SIGKILLs one mid-run (a third takes its place), stops
// PostgreSQL for 20 s, and once the queue is empty checks that every good
// article is stored exactly once, that the events equal those of a
// single-process SQLite ingest of the same corpus, and that every poison
// message is dead-lettered with its reason. PostgreSQL is started again
// whatever happens.
//
//	go run ./scripts/faultrun [-corpus FILE] [-outage 20s]
//
// Needs NATS with JetStream on 127.0.0.1:4222, PostgreSQL on 127.0.0.1:5432
// (database test, trust auth) and pg_ctlcluster to stop and start it.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/queue"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/backend"
	"github.com/newsgraph/newsgraph/internal/store/postgres"
)

func main() {
	corpus := flag.String("corpus", filepath.Join(devdata.Dir(), "articles", "wikinews.jsonl"), "JSONL corpus")
	natsURL := flag.String("nats", "nats://127.0.0.1:4222", "NATS URL")
	pgURL := flag.String("pg", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable", "PostgreSQL database")
	outage := flag.Duration("outage", 20*time.Second, "how long PostgreSQL is stopped")
	keep := flag.Bool("keep", false, "keep the stream, the schema and the work folder")
	flag.Parse()
	if err := run(*corpus, *natsURL, *pgURL, *outage, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "faultrun:", err)
		os.Exit(1)
	}
}

// poison is what the queue gets besides the corpus, with the reason its
// dead letter must give.
var poison = []struct {
	id, body, reason string
}{
	{"", `{not json`, "malformed article"},
	{"", `{"title":"No id","body":"Officials met in Geneva."}`, "message has no article id"},
	{"poison-empty", `{"id":"poison-empty","body":"   "}`, "empty document"},
	{"poison-nul-title", `{"id":"poison-nul-title","title":"Bad\u0000title","body":"Officials met in Geneva on Monday to discuss trade."}`,
		"rejected: title: record: text cannot be stored: NUL"},
	{"poison-long-url", "", "cannot store: "}, // body made below: a 12 kB URL PostgreSQL cannot index
}

func run(corpus, natsURL, pgURL string, outage time.Duration, keep bool) error {
	ctx := context.Background()
	if _, err := os.Stat(corpus); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "faultrun-")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(work)
	}
	bin := filepath.Join(work, "newsgraph")
	step("building newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/newsgraph").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}

	// Reference: one process, SQLite.
	ref := filepath.Join(work, "ref.db")
	step("reference: newsgraph ingest --db %s %s", ref, corpus)
	t0 := time.Now()
	out, err := exec.Command(bin, "ingest", "-q", "--db", ref, corpus).CombinedOutput()
	fmt.Print(indent(string(out)))
	if err != nil && !exitCode1(err) {
		return fmt.Errorf("reference ingest: %v", err)
	}
	step("reference done in %.0fs", time.Since(t0).Seconds())

	tag := fmt.Sprintf("%d", os.Getpid())
	stream, subject := "NGFAULT_"+tag, "ngfault."+tag+".articles"
	schema := "ngfault_" + tag
	db := pgURL + "&schema=" + schema
	q := []string{"--queue", natsURL, "--stream", stream, "--subject", subject, "--consumer", "w_" + tag}
	if !keep {
		defer func() {
			if qq, err := queue.OpenExisting(ctx, queue.Options{URL: natsURL, Stream: stream}); err == nil {
				qq.Delete(ctx)
				qq.Close()
			}
			postgres.DropSchema(ctx, pgURL, schema)
		}()
	}

	step("publishing %s to stream %s", corpus, stream)
	out, err = exec.Command(bin, append(append([]string{"ingest"}, q...), corpus)...).CombinedOutput()
	fmt.Print(indent(string(out)))
	if err != nil && !exitCode1(err) {
		return fmt.Errorf("ingest --queue: %v", err)
	}
	if err := publishPoison(ctx, natsURL, subject); err != nil {
		return err
	}

	// Two workers; the first is killed, a third takes its place.
	workers := map[string]*exec.Cmd{}
	start := func(name string) error {
		log, err := os.Create(filepath.Join(work, name+".log"))
		if err != nil {
			return err
		}
		c := exec.Command(bin, append(append([]string{"worker"}, q...), "--db", db, "--batch", "8", "--workers", "1",
			"--ack-wait", "15s", "--max-deliver", "4")...)
		c.Stdout, c.Stderr = log, log
		if err := c.Start(); err != nil {
			return err
		}
		workers[name] = c
		step("worker %s started (pid %d)", name, c.Process.Pid)
		return nil
	}
	defer func() {
		for _, c := range workers {
			if c.ProcessState == nil {
				c.Process.Signal(syscall.SIGINT)
				c.Wait()
			}
		}
	}()
	pgVersion, err := clusterVersion()
	if err != nil {
		return err
	}
	pgUp := true
	defer func() {
		if !pgUp {
			pgCtl(pgVersion, "start")
		}
	}()
	if err := start("A"); err != nil {
		return err
	}
	if err := start("B"); err != nil {
		return err
	}
	st, err := backend.Open(ctx, db, false) // the workers migrate too; this waits for the schema
	if err != nil {
		return err
	}
	defer st.Close()
	stored := func() int {
		s, err := st.Stats(ctx)
		if err != nil {
			return -1
		}
		return s.Articles
	}
	waitFor := func(n int) {
		for deadline := time.Now().Add(10 * time.Minute); time.Now().Before(deadline) && stored() < n; {
			time.Sleep(200 * time.Millisecond)
		}
	}
	b, err := os.ReadFile(corpus)
	if err != nil {
		return err
	}
	lines := strings.Count(string(b), "\n")
	waitFor(lines / 4)
	step("%d stored: SIGKILL worker A", stored())
	workers["A"].Process.Signal(syscall.SIGKILL)
	workers["A"].Wait()
	if err := start("C"); err != nil {
		return err
	}
	waitFor(lines / 2)
	step("%d stored: stopping PostgreSQL for %s", stored(), outage)
	if err := pgCtl(pgVersion, "stop"); err != nil {
		return err
	}
	pgUp = false
	time.Sleep(outage)
	if err := pgCtl(pgVersion, "start"); err != nil {
		return err
	}
	pgUp = true
	step("PostgreSQL started again")

	qq, err := queue.OpenExisting(ctx, queue.Options{URL: natsURL, Stream: stream, Subject: subject, Consumer: "w_" + tag})
	if err != nil {
		return err
	}
	defer qq.Close()
	t1 := time.Now()
	var qs queue.Status
	for time.Since(t1) < 15*time.Minute {
		qs, err = qq.Status(ctx)
		if err == nil && qs.Backlog == 0 && qs.InFlight == 0 {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	step("queue drained: %+v", qs)
	for _, name := range []string{"B", "C"} {
		c := workers[name]
		c.Process.Signal(syscall.SIGINT)
		c.Wait()
		b, _ := os.ReadFile(filepath.Join(work, name+".log"))
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "worker:") {
				step("worker %s: %s", name, l)
			}
		}
	}
	return check(ctx, ref, st, qq)
}

// publishPoison sends the poison messages as another client could.
func publishPoison(ctx context.Context, natsURL, subject string) error {
	nc, err := nats.Connect(natsURL)
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	for _, p := range poison {
		body := p.body
		if p.id == "poison-long-url" {
			b, _ := json.Marshal(queue.Article{ID: p.id, URL: "https://example.org/" + noise(12000),
				Title: "Long address", Body: "Officials met in Geneva on Monday to discuss trade and energy."})
			body = string(b)
		}
		var opts []jetstream.PublishOpt
		if p.id != "" {
			opts = append(opts, jetstream.WithMsgID(p.id))
		}
		if _, err := js.Publish(ctx, subject, []byte(body), opts...); err != nil {
			return fmt.Errorf("cannot publish poison %q: %w", p.id, err)
		}
	}
	step("published %d poison messages", len(poison))
	return nil
}

// noise returns n letters that do not compress.
func noise(n int) string {
	b := make([]byte, n)
	x := uint64(88172645463325252)
	for i := range b {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		b[i] = "abcdefghijklmnopqrstuvwxyz0123456789"[x%36]
	}
	return string(b)
}

// check compares the PostgreSQL store with the reference and reads the
// dead letters.
func check(ctx context.Context, refPath string, got store.Store, q *queue.Queue) error {
	ref, err := backend.Open(ctx, refPath, true)
	if err != nil {
		return err
	}
	defer ref.Close()
	problems := 0
	fail := func(format string, args ...any) {
		problems++
		fmt.Printf("  FAIL "+format+"\n", args...)
	}
	refIDs, err := articleIDs(ctx, ref)
	if err != nil {
		return err
	}
	gotIDs, err := articleIDs(ctx, got)
	if err != nil {
		return err
	}
	step("articles: reference %d, queue run %d", len(refIDs), len(gotIDs))
	if !slices.Equal(refIDs, gotIDs) {
		fail("article ids differ: %d only in the reference, %d only in the queue run", len(minus(refIDs, gotIDs)), len(minus(gotIDs, refIDs)))
	}
	rs, _ := ref.Stats(ctx)
	gs, _ := got.Stats(ctx)
	step("reference: %d events, %d mentions, %d entities, %d quotes; queue run: %d events, %d mentions, %d entities, %d quotes",
		rs.Events, rs.Mentions, rs.Entities, rs.Quotes, gs.Events, gs.Mentions, gs.Entities, gs.Quotes)
	refEv, err := eventKeys(ctx, ref)
	if err != nil {
		return err
	}
	gotEv, err := eventKeys(ctx, got)
	if err != nil {
		return err
	}
	if !slices.Equal(refEv, gotEv) {
		a, b := minus(refEv, gotEv), minus(gotEv, refEv)
		fail("events differ: %d only in the reference, %d only in the queue run", len(a), len(b))
		for _, e := range a[:min(5, len(a))] {
			fmt.Println("    ref only:", e)
		}
		for _, e := range b[:min(5, len(b))] {
			fmt.Println("    run only:", e)
		}
	} else {
		step("events identical: %d (id, date, actors, CAMEO, mentions, articles, sources, tone)", len(refEv))
	}
	if rs.Mentions != gs.Mentions || rs.Entities != gs.Entities || rs.Quotes != gs.Quotes || rs.Amounts != gs.Amounts {
		fail("counts differ")
	}
	dl, err := q.DeadLetters(ctx, 100)
	if err != nil {
		return err
	}
	step("%d dead letters:", len(dl))
	for _, d := range dl {
		fmt.Printf("    %s: %.160s\n", orNone(d.ID), d.Reason)
	}
	for _, p := range poison {
		found := false
		for _, d := range dl {
			if (p.id == "" || d.ID == p.id) && strings.HasPrefix(d.Reason, p.reason) {
				found = true
			}
		}
		if !found {
			fail("poison %q not dead-lettered with %q", p.id, p.reason)
		}
	}
	if len(dl) != len(poison) {
		fail("%d dead letters, want %d (only the poison)", len(dl), len(poison))
	}
	if problems > 0 {
		return fmt.Errorf("%d checks failed", problems)
	}
	step("PASS: every good article stored once, events identical to the single-process SQLite run, every poison message dead-lettered with its reason")
	return nil
}

func articleIDs(ctx context.Context, s store.Store) ([]string, error) {
	var ids []string
	f := store.Filter{Limit: store.MaxLimit}
	for {
		p, err := s.Articles(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, a := range p.Items {
			ids = append(ids, a.ID)
		}
		if p.Next == "" {
			break
		}
		f.Cursor = p.Next
	}
	slices.Sort(ids)
	return ids, nil
}

// eventKeys lists the events with what must not depend on the order the
// articles were stored in.
func eventKeys(ctx context.Context, s store.Store) ([]string, error) {
	var out []string
	f := store.Filter{Limit: store.MaxLimit}
	for {
		p, err := s.Events(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, e := range p.Items {
			tgt := ""
			if e.Target != nil {
				tgt = e.Target.Code
			}
			out = append(out, fmt.Sprintf("%s %s %s>%s %s mentions=%d articles=%d sources=%d tone=%.6f",
				e.ID, e.Date, e.Source.Code, tgt, e.CAMEO, e.NumMentions, e.NumArticles, e.NumSources, math.Round(e.AvgTone*1e6)/1e6))
		}
		if p.Next == "" {
			break
		}
		f.Cursor = p.Next
	}
	slices.Sort(out)
	return out, nil
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); !ok {
			out = append(out, x)
		}
	}
	return out
}

// clusterVersion returns the version of the local PostgreSQL cluster.
func clusterVersion() (string, error) {
	ents, err := os.ReadDir("/etc/postgresql")
	if err != nil || len(ents) == 0 {
		return "", fmt.Errorf("no PostgreSQL cluster under /etc/postgresql: %v", err)
	}
	return ents[0].Name(), nil
}

func pgCtl(version, action string) error {
	args := []string{"--skip-systemctl-redirect", version, "main", action}
	out, err := exec.Command("pg_ctlcluster", args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctlcluster %s: %v\n%s", action, err, out)
	}
	return nil
}

// exitCode1 reports whether err is newsgraph's exit status 1: some
// documents failed and were reported, the rest went on.
func exitCode1(err error) bool {
	ee, ok := err.(*exec.ExitError)
	return ok && ee.ExitCode() == 1
}

func step(format string, args ...any) {
	fmt.Printf("%s  %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ") + "\n"
}

func orNone(s string) string {
	if s == "" {
		return "(no id)"
	}
	return s
}

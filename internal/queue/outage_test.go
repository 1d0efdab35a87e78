package queue

import (
	"context"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store/backend"
)

// proxy forwards loopback TCP connections to a target and can cut them
// all, refusing new ones, to simulate the target going down.
type proxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	down   bool
	conns  []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target}
	go p.serve()
	t.Cleanup(func() { ln.Close(); p.cut() })
	return p
}

func (p *proxy) serve() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		down := p.down
		p.mu.Unlock()
		if down {
			c.Close()
			continue
		}
		u, err := net.DialTimeout("tcp", p.target, 2*time.Second)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, u)
		p.mu.Unlock()
		go func() { io.Copy(u, c); u.Close() }()
		go func() { io.Copy(c, u); c.Close() }()
	}
}

// cut closes every connection; while down, new ones are refused.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.down = true
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *proxy) restore() {
	p.mu.Lock()
	p.down = false
	p.mu.Unlock()
}

// TestStoreOutage takes PostgreSQL away from a working worker for a few
// seconds (its connections cut and refused): the worker backs off, keeps
// its batch, and resumes; nothing is lost or duplicated.
func TestStoreOutage(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	if !havePostgres() {
		t.Skip("skipping: PostgreSQL is not running on 127.0.0.1:5432")
	}
	q, _ := testQueue(t, "outage")
	ctx := context.Background()
	const n = 30
	for i := 0; i < n; i++ {
		q.Publish(ctx, article(i))
	}
	s0, dsn := newTestStore(t, "outage") // creates and migrates the schema
	s0.Close()
	px := newProxy(t, "127.0.0.1:5432")
	dsn = strings.Replace(dsn, "127.0.0.1:5432", px.ln.Addr().String(), 1)
	s, err := backend.Open(ctx, dsn, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, _ := pipeline.Default()
	p = pipeline.New(append(p.Stages(), slow(40*time.Millisecond))...)
	w := NewWorker(q, p, s, WorkerOptions{Batch: 5, Workers: 2, MaxBackoff: time.Second})

	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(runCtx) }()
	for w.Stats().Stored < 5 {
		time.Sleep(20 * time.Millisecond)
	}
	px.cut()
	t.Logf("PostgreSQL cut after %d stored", w.Stats().Stored)
	time.Sleep(4 * time.Second)
	during := w.Stats()
	px.restore()
	t.Logf("restored: %d stored, %d retries during the outage", during.Stored, during.Retries)
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		st, _ := q.Status(ctx)
		if st.Backlog == 0 && st.InFlight == 0 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	cancel()
	<-done
	ws := w.Stats()
	stats, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := q.Status(ctx)
	t.Logf("after: store %d articles, %d mentions; worker %+v; queue %+v", stats.Articles, stats.Mentions, ws, st)
	if during.Retries == 0 {
		t.Error("the worker did not notice the outage")
	}
	if stats.Articles != n || ws.Dead != 0 || st.Backlog != 0 || st.InFlight != 0 {
		t.Errorf("lost or duplicated work: %d articles of %d, %d dead, queue %+v", stats.Articles, n, ws.Dead, st)
	}
}

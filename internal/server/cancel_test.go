package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/text"
)

// blocker is an annotator that works until its context ends and reports
// when it started and how it ended.
type blocker struct {
	started chan struct{}
	ended   chan error
}

func (b blocker) Run(ctx context.Context, d *text.Document) error {
	close(b.started)
	<-ctx.Done()
	b.ended <- ctx.Err()
	return ctx.Err()
}

// TestIngestStopsWhenClientGoes checks that POST /api/v1/articles
// annotates with the request's context: a client that goes away stops
// its annotation (and frees the annotation slot).
func TestIngestStopsWhenClientGoes(t *testing.T) {
	b := blocker{started: make(chan struct{}), ended: make(chan error, 1)}
	s, err := New(fixtureStore(t), b, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	ts := srv.URL
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "POST", ts+"/api/v1/articles", strings.NewReader(`{"text": "Leaders met in Geneva."}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
	}()
	select {
	case <-b.started:
	case <-time.After(10 * time.Second):
		t.Fatal("annotation never started")
	}
	cancel()
	select {
	case err := <-b.ended:
		if err == nil {
			t.Errorf("annotation ended without an error")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("annotation still running 10 s after the client went away")
	}
}

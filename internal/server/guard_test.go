package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// TestCrossSiteWrites checks that a web page of another site cannot post
// into a loopback server that needs no token: a body must be declared JSON
// (which a no-cors fetch or a form cannot do) and the browser's Origin and
// Sec-Fetch-Site must say same origin. API clients, which send neither,
// still work.
func TestCrossSiteWrites(t *testing.T) {
	ts := testServer(t, Options{})
	tok := testServer(t, Options{Token: "0123456789abcdef0123"})
	n := 0
	f := func(srv *httptest.Server, ctype string, hdr map[string]string, want int, msg string) {
		t.Helper()
		n++
		body := fmt.Sprintf(`{"id": "xs-%d", "text": "Leaders met in Paris on day %d."}`, n, n)
		code, got := do(t, "POST", srv.URL+"/api/v1/articles", ctype, body, hdr)
		if code != want || !strings.Contains(got, msg) {
			t.Errorf("POST %s %v: %d %s, want %d with %q", ctype, hdr, code, got, want, msg)
		}
		if want >= 400 && !json.Valid([]byte(got)) {
			t.Errorf("POST %v: error body is not JSON: %s", hdr, got)
		}
	}
	const js = "application/json"
	// What a page can send cross-site without a preflight.
	f(ts, "", nil, 415, "Content-Type is missing")
	f(ts, "text/plain", nil, 415, "Content-Type text/plain")
	f(ts, "application/x-www-form-urlencoded", nil, 415, "Content-Type")
	// What a browser says of a request from another site.
	f(ts, js, map[string]string{"Origin": "https://evil.example"}, 403, "cross-origin")
	f(ts, js, map[string]string{"Origin": "null"}, 403, "cross-origin")
	f(ts, js, map[string]string{"Sec-Fetch-Site": "cross-site"}, 403, "cross-origin")
	f(ts, js, map[string]string{"Sec-Fetch-Site": "same-site", "Origin": "http://other.localhost"}, 403, "cross-origin")
	f(tok, js, map[string]string{"Origin": "https://evil.example", "Authorization": "Bearer 0123456789abcdef0123"}, 403, "cross-origin")
	// A DNS name rebound to 127.0.0.1 is same-origin to the browser.
	f(ts, js, map[string]string{"Host": "rebind.example:8080", "Origin": "http://rebind.example:8080"}, 403, "not a loopback name")
	// Same origin and plain API clients pass.
	f(ts, js, map[string]string{"Origin": ts.URL}, 200, `"added":1`)
	f(ts, js, map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": ts.URL}, 200, `"added":1`)
	f(ts, js, nil, 200, `"added":1`)
	f(ts, "application/x-ndjson", nil, 200, `"added":1`)
	f(ts, js, map[string]string{"Host": "localhost"}, 200, `"added":1`)
	// With a token the Host may be anything (a reverse proxy's name).
	f(tok, js, map[string]string{"Host": "news.example.org", "Authorization": "Bearer 0123456789abcdef0123"}, 200, `"added":1`)
	// Reads are not affected.
	code, _ := do(t, "GET", ts.URL+"/api/v1/stats", "", "", map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
	if code != 200 {
		t.Errorf("cross-site GET: %d", code)
	}
}

// TestReadOnly checks that a server given a nil *pipeline.Pipeline, as
// `serve --read-only` does, answers a POST with 403 instead of panicking.
func TestReadOnly(t *testing.T) {
	var pipe *pipeline.Pipeline
	s, err := New(fixtureStore(t), pipe, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	code, body := do(t, "POST", ts.URL+"/api/v1/articles", "application/json", `{"text": "Leaders met."}`, nil)
	if code != http.StatusForbidden || !strings.Contains(body, "read-only") || !json.Valid([]byte(body)) {
		t.Errorf("POST to a read-only server: %d %s", code, body)
	}
}

// downStore is a store whose database cannot be reached.
type downStore struct {
	store.Store
	err error
}

func (d downStore) Events(context.Context, store.Filter) (store.Page[store.Event], error) {
	return store.Page[store.Event]{}, d.err
}

func (d downStore) Stats(context.Context) (store.Stats, error) { return store.Stats{}, d.err }

func (d downStore) Put(context.Context, []*record.Record) (store.PutResult, error) {
	return store.PutResult{}, fmt.Errorf("cannot begin: %w", d.err)
}

// refused returns the error of dialling a port where nothing listens, as a
// PostgreSQL driver meets it when the database is down.
func refused(t *testing.T) error {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c, err := net.Dial("tcp", addr)
	if err == nil {
		c.Close()
		t.Skip("a port just closed accepts connections")
	}
	return err
}

// TestAPINits covers the small API faults: non-finite bbox, a query string
// Go's parser drops a pair of, a store outage, wrong methods and the case
// of the bearer scheme.
func TestAPINits(t *testing.T) {
	ts := testServer(t, Options{})
	tok := testServer(t, Options{Token: "0123456789abcdef0123"})
	f := func(srv *httptest.Server, method, path string, hdr map[string]string, want int, msg string) {
		t.Helper()
		ctype := ""
		if method == "POST" {
			ctype = "application/json"
		}
		code, got := do(t, method, srv.URL+path, ctype, `{"text": "Leaders met in Rome."}`, hdr)
		if code != want || !strings.Contains(got, msg) {
			t.Errorf("%s %s: %d %.200s, want %d with %q", method, path, code, got, want, msg)
		}
	}
	f(ts, "GET", "/api/v1/events?bbox=NaN,0,10,10", nil, 400, `"bbox"`)
	f(ts, "GET", "/api/v1/events?bbox=0,0,10,Inf", nil, 400, `"bbox"`)
	f(ts, "GET", "/api/v1/events?bbox=NaN,NaN,NaN,NaN", nil, 400, `"bbox"`)
	f(ts, "GET", "/api/v1/events?limit=1;drop", nil, 400, "malformed query string")
	f(ts, "GET", "/events?limit=1;drop", nil, 400, "malformed query string")
	f(ts, "GET", "/api/v1/events?limit=1", nil, 200, `"items"`)

	f(ts, "DELETE", "/api/v1/events", nil, 405, "not allowed")
	f(ts, "PUT", "/api/v1/articles", nil, 405, "not allowed")
	f(ts, "POST", "/api/v1/events", nil, 405, "not allowed")
	f(ts, "POST", "/events", nil, 405, "not allowed")
	f(ts, "GET", "/api/v1/nothing", nil, 404, "no API endpoint")
	f(ts, "DELETE", "/api/v1/nothing", nil, 404, "no API endpoint")
	code, _, allow := doAllow(t, "DELETE", ts.URL+"/api/v1/articles")
	if code != 405 || allow != "GET, HEAD, POST" {
		t.Errorf("DELETE /api/v1/articles: %d, Allow %q", code, allow)
	}

	f(tok, "POST", "/api/v1/articles", map[string]string{"Authorization": "bearer 0123456789abcdef0123"}, 200, `"added":1`)
	f(tok, "POST", "/api/v1/articles", map[string]string{"Authorization": "BEARER 0123456789abcdef0123"}, 200, `"duplicates":1`)
	f(tok, "POST", "/api/v1/articles", map[string]string{"Authorization": "bearer wrong"}, 401, "bearer token")
	f(tok, "POST", "/api/v1/articles", map[string]string{"Authorization": "Bearer0123456789abcdef0123"}, 401, "bearer token")

	// A store out of reach is 503, on the API and on the pages.
	s, err := New(downStore{fixtureStore(t), refused(t)}, segmenter{}, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	down := httptest.NewServer(s.Handler())
	defer down.Close()
	f(down, "GET", "/api/v1/events", nil, 503, "unavailable")
	f(down, "GET", "/api/v1/stats", nil, 503, "unavailable")
	f(down, "GET", "/events", nil, 503, "unavailable")
	f(down, "POST", "/api/v1/articles", nil, 503, "unavailable")
}

func doAllow(t *testing.T, method, url string) (int, string, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	return resp.StatusCode, resp.Status, resp.Header.Get("Allow")
}

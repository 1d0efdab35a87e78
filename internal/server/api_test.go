package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// segmenter stands in for the pipeline in this package's tests, so that
// they do not depend on every stage; the e2e tests use the real pipeline.
type segmenter struct{}

func (segmenter) Run(ctx context.Context, d *text.Document) error {
	return text.Segmenter{}.Annotate(ctx, d)
}

func testServer(t testing.TB, opts Options) *httptest.Server {
	t.Helper()
	s, err := New(fixtureStore(t), segmenter{}, opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func do(t *testing.T, method, url, ctype, body string, hdr map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for k, v := range hdr {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestAPI(t *testing.T) {
	ts := testServer(t, Options{})
	f := func(path string, want ...string) {
		t.Helper()
		code, body := do(t, "GET", ts.URL+path, "", "", nil)
		if code != 200 {
			t.Fatalf("GET %s: %d %s", path, code, body)
		}
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: no %q in %.300s", path, w, body)
			}
		}
	}
	f("/healthz", "ok")
	f("/api/v1/openapi.json", `"openapi": "3.0.3"`, "/api/v1/events")
	f("/api/v1/stats", `"articles":10`)
	f("/api/v1/articles", `"fx-meeting"`)
	f("/api/v1/articles?q=Samarkand", `"fx-series-00"`)
	f("/api/v1/articles?q=Xi+AND+Putin+%22", `"fx-series-00"`)
	f("/api/v1/articles?q=NEAR(+OR+*", `"items":[]`)
	f("/api/v1/articles/fx-meeting", `"text":"Putin and Wang Yi`)
	f("/api/v1/events?dyad=RUS:CHN", `"CONSULT"`, `"quad_class":4`)
	f("/api/v1/events?dyad=RUS>UKR&quad=4&since=2023-01-01&until=2023-12-31", `"ASSAULT"`)
	f("/api/v1/events?cameo=04&limit=2", `"next"`)
	f("/api/v1/events?plover=consult&place=moscow", `"Moscow"`)
	f("/api/v1/events?bbox=40,20,70,60", `"Moscow"`)
	f("/api/v1/actors", `"RUSGOV"`)
	f("/api/v1/dyads?dyad=RUS:CHN&by=month", `"period":"2022-09-01"`)
	f("/api/v1/places?actor=RUS", `"Moscow"`)
	f("/api/v1/quotes", `key to global stability`)
	f("/api/v1/amounts", `"USD"`)
	f("/metrics", "newsgraph_http_requests_total")

	// Paging: following next cursors visits every event once.
	seen := map[string]bool{}
	url := ts.URL + "/api/v1/events?limit=3"
	for i := 0; url != "" && i < 20; i++ {
		code, body := do(t, "GET", url, "", "", nil)
		if code != 200 {
			t.Fatalf("page %d: %d %s", i, code, body)
		}
		var p struct {
			Items []struct{ ID string }
			Next  string
		}
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Items {
			if seen[e.ID] {
				t.Fatalf("event %s twice", e.ID)
			}
			seen[e.ID] = true
		}
		url = ""
		if p.Next != "" {
			url = ts.URL + "/api/v1/events?limit=3&cursor=" + p.Next
		}
	}
	if len(seen) < 10 {
		t.Fatalf("paged through %d events, want at least 10", len(seen))
	}
}

// TestBadRequests checks that bad input gets a 4xx with a message that
// names the problem, never a 5xx.
func TestBadRequests(t *testing.T) {
	ts := testServer(t, Options{MaxBodyBytes: 4096})
	tok := testServer(t, Options{Token: "0123456789abcdef0123"})
	f := func(srv *httptest.Server, method, path, ctype, body string, hdr map[string]string, wantCode int, wantMsg string) {
		t.Helper()
		code, got := do(t, method, srv.URL+path, ctype, body, hdr)
		if code != wantCode {
			t.Errorf("%s %s: status %d, want %d (%s)", method, path, code, wantCode, got)
		}
		if code >= 500 {
			t.Errorf("%s %s: server error %d", method, path, code)
		}
		if !strings.Contains(got, wantMsg) {
			t.Errorf("%s %s: message %q lacks %q", method, path, got, wantMsg)
		}
	}
	get := func(path string, want int, msg string) { t.Helper(); f(ts, "GET", path, "", "", nil, want, msg) }
	get("/api/v1/events?colour=red", 400, `"colour"`)
	get("/api/v1/events?actor=RUS&actor=CHN", 400, "given 2 times")
	get("/api/v1/events?actor=R%C3%9CS", 400, `"actor"`)
	get("/api/v1/events?dyad=RUS", 400, `"dyad"`)
	get("/api/v1/events?dyad=RUS:CHN:USA", 400, `"dyad"`)
	get("/api/v1/events?cameo=0a", 400, `"cameo"`)
	get("/api/v1/events?cameo=12345", 400, `"cameo"`)
	get("/api/v1/events?plover=CON%20SULT", 400, `"plover"`)
	get("/api/v1/events?quad=5", 400, `"quad"`)
	get("/api/v1/events?quad=x", 400, `"quad"`)
	get("/api/v1/events?min_confidence=1.5", 400, `"min_confidence"`)
	get("/api/v1/events?min_confidence=NaN", 400, `"min_confidence"`)
	get("/api/v1/events?min_confidence=0.5", 200, `"items"`)
	get("/api/v1/events?since=2023-02-30", 400, `"since"`)
	get("/api/v1/events?until=22-02-2023", 400, `"until"`)
	get("/api/v1/events?since=2023-03-01&until=2023-02-01", 400, `"until"`)
	get("/api/v1/events?bbox=1,2,3", 400, `"bbox"`)
	get("/api/v1/events?bbox=10,0,0,10", 400, `"bbox"`)
	get("/api/v1/events?bbox=0,0,100,10", 400, `"bbox"`)
	get("/api/v1/events?limit=0", 400, `"limit"`)
	get("/api/v1/events?limit=1000000", 400, `"limit"`)
	get("/api/v1/events?limit=-1", 400, `"limit"`)
	get("/api/v1/events?cursor=garbage", 400, `"cursor"`)
	get("/api/v1/events?cursor="+strings.Repeat("x", 600), 400, `"cursor"`)
	get("/api/v1/events?q=%22%22%22", 400, `"q"`)
	get("/api/v1/articles?q="+strings.Repeat("a", 600), 400, `"q"`)
	get("/api/v1/quotes?place="+strings.Repeat("p", 300), 400, `"place"`)
	get("/api/v1/dyads", 400, `"dyad"`)
	get("/api/v1/dyads?dyad=RUS:CHN&by=year", 400, `"by"`)
	get("/api/v1/dyads?dyad=RUS:CHN&limit=3", 400, `"limit"`)
	get("/api/v1/places?cursor=abc", 400, `"cursor"`)
	get("/api/v1/articles/nope", 404, "no article")
	get("/api/v1/articles/fx-meeting?x=1", 400, `"x"`)
	get("/api/v1/events/0000000000000000/mentions", 404, "no event")
	get("/api/v1/nothing", 404, "no API endpoint")
	get("/events.csv?quad=9", 400, `"quad"`)

	post := func(srv *httptest.Server, ctype, body string, hdr map[string]string, want int, msg string) {
		t.Helper()
		f(srv, "POST", "/api/v1/articles", ctype, body, hdr, want, msg)
	}
	post(ts, "application/json", `{"title": "x", "text": `, nil, 400, "bad JSON")
	post(ts, "application/json", `{"text": 42}`, nil, 400, `field \"text\"`)
	post(ts, "application/json", `[{"text": "Fine."}, {"text": "Fine too."}, {"text": 42}]`, nil, 400, `article 3: bad JSON: field \"text\"`)
	post(ts, "application/json", `[{"text": "Fine."}, "a string"]`, nil, 400, `article 2: bad JSON: want an article object, got JSON string`)
	post(ts, "application/json", `{"title": "no text"}`, nil, 400, `\"text\" is missing`)
	post(ts, "application/json", `   `, nil, 400, "empty body")
	post(ts, "application/json", `[]`, nil, 400, "no articles")
	// A bad date is dropped and reported; the article is stored undated.
	post(ts, "application/json", `{"id": "bad-date", "text": "Hello.", "published": "yesterday"}`, nil, 200, `"warnings":["record: published is not a date: \"yesterday\"`)
	post(ts, "application/json", `{"id": "bad-range", "text": "Hello.", "published": "2023-13-45T99:99:99Z", "url": "https://x.org/2023/02/22/a"}`, nil, 200, `"published":"2023-02-22","published_from":"url","warnings":["record: published is not a date: \"2023-13-45T99:99:99Z\"`)
	post(ts, "application/json", `{"title": "Bad\u0000title", "text": "Hello."}`, nil, 400, `\"title\": record: text cannot be stored: NUL`)
	post(ts, "application/json", `{"text": "Hel\u0000lo."}`, nil, 400, `\"text\": record: text cannot be stored: NUL`)
	post(ts, "application/json", `{"text": "`+strings.Repeat("a", 5000)+`"}`, nil, 413, "larger than 4096")
	post(ts, "application/x-ndjson", "{\"text\": \"One.\"}\n{\"text\": \"Two.\"\n", nil, 400, "line 2")
	post(ts, "text/html", `<p>hi</p>`, nil, 415, "Content-Type")
	post(ts, "application/json; charset", `{"text": "x"}`, nil, 415, "malformed Content-Type")
	post(tok, "application/json", `{"text": "Hello."}`, nil, 401, "bearer token")
	post(tok, "application/json", `{"text": "Hello."}`, map[string]string{"Authorization": "Bearer wrong"}, 401, "bearer token")
	post(tok, "application/json", `{"text": "Hello."}`, map[string]string{"Authorization": "Basic abc"}, 401, "bearer token")

	// Beyond loopback without a token, ingestion is refused.
	s, err := New(fixtureStore(t), segmenter{}, Options{Addr: "0.0.0.0:8080"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	open := httptest.NewServer(s.Handler())
	defer open.Close()
	post(open, "application/json", `{"text": "Hello."}`, nil, 403, "beyond loopback")

	// The right token works, and re-posting is a duplicate.
	hdr := map[string]string{"Authorization": "Bearer 0123456789abcdef0123"}
	post(tok, "application/json", `{"id": "new-1", "title": "Talks", "text": "Leaders met in Paris."}`, hdr, 200, `"added":1`)
	post(tok, "application/json", `{"id": "new-1", "title": "Talks", "text": "Leaders met in Paris."}`, hdr, 200, `"duplicates":1`)
	post(tok, "application/x-ndjson", "{\"id\": \"new-2\", \"text\": \"One.\"}\n\n{\"id\": \"new-3\", \"text\": \"Two.\"}\n", hdr, 200, `"added":2`)
	f(tok, "GET", "/api/v1/articles/new-1", "", "", nil, 200, "Leaders met in Paris.")
	f(tok, "GET", "/metrics", "", "", nil, 200, `newsgraph_articles_ingested_total{result="added"} 3`)
}

func TestOptions(t *testing.T) {
	f := func(addr string, want bool) {
		t.Helper()
		if got := Loopback(addr); got != want {
			t.Errorf("Loopback(%q) = %v", addr, got)
		}
	}
	f("127.0.0.1:8080", true)
	f("[::1]:8080", true)
	f("localhost:80", true)
	f(":8080", false)
	f("0.0.0.0:8080", false)
	f("192.168.1.2:8080", false)
	f("nonsense", false)
	if _, err := New(nil, nil, Options{Addr: "nope"}, nil); err == nil {
		t.Error("bad address accepted")
	}
	if _, err := New(nil, nil, Options{Token: "short"}, nil); err == nil {
		t.Error("short token accepted")
	}
}

func TestWords(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		if got := words(in); got != want {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
	f("Putin AND Wang", "putin and wang")
	f(`"NEAR(a b)" OR -c*`, "near a b or c")
	f("Ürümqi, 2023!", "ürümqi 2023")
	f(`"""`, "")
	f(strings.Repeat("w ", 20), strings.TrimSpace(strings.Repeat("w ", 16)))
}

// TestMetricsRoutes checks that requests are counted by route pattern.
func TestMetricsRoutes(t *testing.T) {
	ts := testServer(t, Options{})
	do(t, "GET", ts.URL+"/api/v1/events?quad=1", "", "", nil)
	do(t, "GET", ts.URL+"/api/v1/events?quad=7", "", "", nil)
	_, body := do(t, "GET", ts.URL+"/metrics", "", "", nil)
	for _, want := range []string{
		`newsgraph_http_requests_total{code="200",method="GET",route="GET /api/v1/events"} 1`,
		`newsgraph_http_requests_total{code="400",method="GET",route="GET /api/v1/events"} 1`,
		`newsgraph_http_errors_total{class="client",route="GET /api/v1/events"} 1`,
		`newsgraph_http_request_duration_seconds_count{route="GET /api/v1/events"} 2`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// FuzzRequests sends arbitrary query strings to every GET route and checks
// that bad input never gets a 5xx.
func FuzzRequests(f *testing.F) {
	st := fixtureStore(f)
	s, err := New(st, segmenter{}, Options{}, nil)
	if err != nil {
		f.Fatal(err)
	}
	h := s.Handler()
	routes := []string{"/api/v1/events", "/api/v1/articles", "/api/v1/actors", "/api/v1/quotes", "/api/v1/amounts", "/api/v1/places",
		"/api/v1/dyads", "/api/v1/articles/fx-meeting", "/events", "/events.csv", "/dyad", "/map", "/", "/articles/fx-meeting", "/actors/RUS"}
	f.Add(uint8(0), "actor=RUS&dyad=RUS:CHN&cameo=04&quad=1&since=2023-01-01&until=2023-02-01&bbox=1,2,3,4&q=x&limit=5")
	f.Add(uint8(6), "dyad=RUS>CHN&by=week")
	f.Add(uint8(10), "a=RUS&b=CHN&by=day&since=2022-01-01")
	f.Add(uint8(2), "cursor=eyJ4IjoxfQ&q=%22NEAR(")
	f.Add(uint8(13), "at=5")
	f.Fuzz(func(t *testing.T, route uint8, query string) {
		target := routes[int(route)%len(routes)] + "?" + query
		req, err := http.NewRequest("GET", "http://x"+target, nil)
		if err != nil {
			return
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("GET %s: %d %s", target, w.Code, w.Body.String())
		}
	})
}

// FuzzIngest posts arbitrary bodies: never a 5xx.
func FuzzIngest(f *testing.F) {
	st := fixtureStore(f)
	s, err := New(st, segmenter{}, Options{MaxBodyBytes: 1 << 16}, nil)
	if err != nil {
		f.Fatal(err)
	}
	h := s.Handler()
	f.Add(`{"id":"a","title":"T","text":"Leaders met.","published":"2023-02-22"}`, false)
	f.Add("{\"text\":\"x\\u0000y\"}\n{\"id\":\"\\n\",\"text\":\"b\"}", true)
	f.Add(`[{"text":"a","url":"http://x"},{"text":"a","url":"http://x"}]`, false)
	f.Fuzz(func(t *testing.T, body string, jsonl bool) {
		req := httptest.NewRequest("POST", "http://127.0.0.1/api/v1/articles", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if jsonl {
			req.Header.Set("Content-Type", "application/x-ndjson")
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("POST %q: %d %s", body, w.Code, w.Body.String())
		}
	})
}

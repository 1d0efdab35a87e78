package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHighlight(t *testing.T) {
	f := func(text string, as []annotation, want string) {
		t.Helper()
		if got := string(highlight(text, as)); got != want {
			t.Errorf("highlight(%q)\n got %s\nwant %s", text, got, want)
		}
	}
	f("plain <b>", nil, "plain &lt;b&gt;")
	// Code points, not bytes: "’" and "—" are 3 bytes each.
	f("China’s Wang — met", []annotation{{8, 12, "e0", "hl ent ent-per", "PER", "PER"}, {15, 18, "t0", "hl trigger", "040", "ev"}},
		`China’s <span class="seg hl ent ent-per" data-ids="e0" title="PER">Wang<span class="lbl" aria-hidden="true">PER</span></span> — <span class="seg hl trigger" data-ids="t0" title="ev">met<span class="lbl" aria-hidden="true">040</span></span>`)
	// Overlap: a quote around an entity is cut into segments.
	f("“Go, Ann”", []annotation{{0, 9, "q0", "quote", "", "quote"}, {5, 8, "e0", "hl ent ent-per", "PER", "Ann"}},
		`<span class="seg quote quote-start" data-ids="q0" title="quote">“Go, </span><span class="seg quote hl ent ent-per" data-ids="q0 e0" title="Ann">Ann<span class="lbl" aria-hidden="true">PER</span></span><span class="seg quote quote-end" data-ids="q0" title="quote">”</span>`)
	// Bad spans are skipped, never a panic.
	f("abc", []annotation{{-1, 2, "x", "hl", "", ""}, {2, 9, "y", "hl", "", ""}, {2, 2, "z", "hl", "", ""}, {2, 1, "w", "hl", "", ""}}, "abc")
}

// FuzzHighlight checks that any spans over any text give well-formed
// output that keeps the text.
func FuzzHighlight(f *testing.F) {
	f.Add("China’s Wang — met", 8, 12, 0, 18)
	f.Add("", 0, 0, -1, 5)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		if !utf8.ValidString(text) {
			return
		}
		out := string(highlight(text, []annotation{{a, b, "e0", "hl ent", "PER", "x"}, {c, d, "q0", "quote", "", ""}}))
		if strings.Count(out, "<span") != strings.Count(out, "</span>") {
			t.Fatalf("unbalanced spans: %s", out)
		}
	})
}

// FuzzParams checks that no query string makes the filter parser panic or
// accept an unknown parameter.
func FuzzParams(f *testing.F) {
	f.Add("actor=RUS&dyad=RUS:CHN&cameo=04&quad=1&since=2023-01-01&until=2023-02-01&bbox=1,2,3,4&q=x&limit=5")
	f.Add("dyad=%3A&limit=-0&bbox=NaN,NaN,NaN,NaN")
	f.Fuzz(func(t *testing.T, q string) {
		v, err := url.ParseQuery(q)
		if err != nil {
			return
		}
		p, err := newParams(v, filterParams)
		if err != nil {
			return
		}
		fl, err := p.filter(1000)
		if err != nil {
			return
		}
		if fl.Limit < 1 || fl.Limit > 1000 || fl.QuadClass < 0 || fl.QuadClass > 4 {
			t.Fatalf("accepted filter %+v from %q", fl, q)
		}
	})
}

// FuzzDecodeArticles checks the POST body parser on any input.
func FuzzDecodeArticles(f *testing.F) {
	f.Add([]byte(`{"title":"t","text":"x"}`), false)
	f.Add([]byte("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), true)
	f.Add([]byte(`[{"text":"a"},{"text":""}]`), false)
	f.Fuzz(func(t *testing.T, body []byte, jsonl bool) {
		arts, err := decodeArticles(body, jsonl, 10, 1000)
		if err != nil {
			return
		}
		if len(arts) == 0 || len(arts) > 10 {
			t.Fatalf("%d articles accepted", len(arts))
		}
		for _, a := range arts {
			if strings.TrimSpace(a.Text) == "" || len(a.Text) > 1000 || !validID(a.ID) {
				t.Fatalf("bad article accepted: %+v", a)
			}
		}
	})
}

func TestPages(t *testing.T) {
	ts := testServer(t, Options{})
	f := func(path string, code int, want ...string) {
		t.Helper()
		got, body := do(t, "GET", ts.URL+path, "", "", nil)
		if got != code {
			t.Fatalf("GET %s: %d, want %d: %.300s", path, got, code, body)
		}
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: no %q", path, w)
			}
		}
	}
	f("/", 200, "fx-meeting", "CHN – RUS")
	f("/?q=Samarkand", 200, "Xi and Putin meet in Samarkand")
	f("/articles/fx-meeting", 200, `data-ids="t0"`, "CONSULT", "Vladimir Putin")
	f("/articles/missing", 404, "No article")
	f("/events?quad=4", 200, "SEIZE", "ASSAULT")
	f("/events?quad=9", 400, `&#34;quad&#34;`, `role="alert"`, `name="actor"`)
	f("/events?actor=&dyad=&quad=", 200, "CONSULT") // an empty form
	f("/dyad?a=RUS&b=CHN", 200, `class="bar"`, "2022-10")
	f("/dyad?a=RUS&b=C%20N", 400, "actor code")
	f("/map", 200, `class="mk-event"`, "Moscow")
	f("/actors/RUSGOV", 200, "Vladimir Putin", "key to global stability")
	f("/actors/%3Cscript%3E", 400, "Malformed")
	f("/nowhere", 404, "no page")
	f("/static/style.css", 200, "--accent")
	f("/static/world.json", 200, "Afghanistan")

	// Paging through the explorer, three rows a page, keeps the filter.
	next, rows := "/events?limit=3&quad=1", 0
	for i := 0; next != "" && i < 10; i++ {
		_, body := do(t, "GET", ts.URL+next, "", "", nil)
		rows += strings.Count(body, `<td class="nowrap">`)
		next = ""
		if j := strings.Index(body, `rel="next"`); j >= 0 {
			k := strings.LastIndex(body[:j], `href="`)
			next = strings.ReplaceAll(body[k+6:j-2], "&amp;", "&")
			if !strings.Contains(next, "quad=1") {
				t.Fatalf("next page %q drops the filter", next)
			}
		}
	}
	if rows != 6 {
		t.Errorf("paged through %d verbal-cooperation events, want 6", rows)
	}
	f("/articles/fx-meeting?at=999999", 200, "CONSULT")
	f("/articles/fx-meeting?at=-3", 400, "at")
	f("/events/0123456789abcdef", 404, "No event")
	_, js := do(t, "GET", ts.URL+"/api/v1/events?dyad=RUS>UKR", "", "", nil)
	var evs struct{ Items []struct{ ID string } }
	if err := json.Unmarshal([]byte(js), &evs); err != nil || len(evs.Items) != 1 {
		t.Fatalf("RUS>UKR events: %v %s", err, js)
	}
	f("/events/"+evs.Items[0].ID, 200, "ASSAULT", "Kharkiv", "?at=")

	got, body := do(t, "GET", ts.URL+"/events.csv?dyad=RUS:CHN", "", "", nil)
	if got != 200 || !strings.HasPrefix(body, "id,date,source_code") || strings.Count(body, "\n") != 10 {
		t.Errorf("CSV: %d, %d lines:\n%s", got, strings.Count(body, "\n"), body)
	}
}

// BenchmarkArticlePage renders the article view of a news-like record.
func BenchmarkArticlePage(b *testing.B) {
	st := fixtureStore(b)
	s, err := New(st, nil, Options{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	rec := meeting()
	b.ReportAllocs()
	b.SetBytes(int64(len(rec.Text)))
	for b.Loop() {
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, httptest.NewRequestWithContext(context.Background(), http.MethodGet, "/articles/fx-meeting", nil))
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkHighlight measures the span renderer alone.
func BenchmarkHighlight(b *testing.B) {
	rec := meeting()
	as := annotations(rec)
	b.ReportAllocs()
	b.SetBytes(int64(len(rec.Text)))
	for b.Loop() {
		highlight(rec.Text, as)
	}
}

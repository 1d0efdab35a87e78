package server

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/internal/server/browsertest"
)

// screenshots is where the browser tests save their PNGs (git-ignored).
var screenshots = filepath.Join("..", "..", "artifacts", "screenshots")

// serveLoopback starts the server on a free loopback port.
func serveLoopback(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(fixtureStore(t), segmenter{}, Options{Addr: ln.Addr().String()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil && err != http.ErrServerClosed {
			t.Error(err)
		}
	})
	return "http://" + ln.Addr().String()
}

func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	browsertest.Shot(t, ctx, screenshots, name)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	return browsertest.Eval[T](t, ctx, js)
}

func do1(t *testing.T, ctx context.Context, acts ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	browsertest.Do(t, ctx, acts...)
}

// segText is the text of the segments of annotation id, without labels.
const segTextJS = `(id) => Array.from(document.querySelectorAll('[data-ids~="'+id+'"]')).map(e => Array.from(e.childNodes).filter(n => n.nodeType === 3).map(n => n.data).join('')).join('')`

func TestBrowserArticle(t *testing.T) {
	ctx := browsertest.Start(t)
	base := serveLoopback(t)
	do1(t, ctx, chromedp.Navigate(base+"/articles/fx-meeting"), chromedp.WaitVisible(chromedp.CSS("#doc-text")))

	// Every layer is highlighted, at the right code-point offsets although
	// curly quotes and a dash precede the spans.
	counts := eval[map[string]int](t, ctx, `(() => { const c = {}; for (const k of ["ent","place","date","amount","quote","trigger"]) c[k] = new Set(Array.from(document.querySelectorAll("#doc-text .seg."+k)).flatMap(e => e.dataset.ids.split(" "))).size; return c })()`)
	for k, min := range map[string]int{"ent": 12, "place": 4, "date": 2, "amount": 1, "quote": 1, "trigger": 4} {
		if counts[k] < min {
			t.Errorf("%d %s highlights, want at least %d", counts[k], k, min)
		}
	}
	seg := func(id, want string) {
		t.Helper()
		if got := eval[string](t, ctx, "("+segTextJS+")("+jsString(id)+")"); got != want {
			t.Errorf("annotation %s shows %q, want %q", id, got, want)
		}
	}
	seg("e1", "Wang Yi")
	seg("e5", "Wang Yi")
	seg("m0", "$200 billion")
	seg("q0", "“key to global stability.”")
	seg("t2", "held talks")

	// Clicking an event highlights its trigger, source and target.
	do1(t, ctx, chromedp.Click(chromedp.CSS(`button.ev[data-ev="2"]`)))
	focus := eval[map[string]string](t, ctx, `(() => { const f = s => Array.from(document.querySelectorAll(s)).map(e => Array.from(e.childNodes).filter(n => n.nodeType === 3).map(n => n.data).join('')).join(''); return {t: f(".focus-t"), s: f(".focus-s"), g: f(".focus-g"), pressed: document.querySelector('button.ev[data-ev="2"]').getAttribute("aria-pressed")} })()`)
	want := map[string]string{"t": "held talks", "s": "Wang", "g": "Sergey Lavrov", "pressed": "true"}
	for k, v := range want {
		if focus[k] != v {
			t.Errorf("after clicking event 3, %s = %q, want %q", k, focus[k], v)
		}
	}
	do1(t, ctx, chromedp.Click(chromedp.CSS(`button.ev[data-ev="0"]`)))
	accessible(t, ctx, "article")
	shot(t, ctx, "article-fixture")

	// Actor page.
	do1(t, ctx, chromedp.Navigate(base+"/actors/RUSGOV"), chromedp.WaitVisible(chromedp.CSS("dl.entry")))
	if name := eval[string](t, ctx, `document.querySelector("dl.entry").textContent`); !strings.Contains(name, "Vladimir Putin") {
		t.Errorf("actor entry %q lacks the name", name)
	}
	accessible(t, ctx, "actor")
	shot(t, ctx, "actor-rusgov")
}

func TestBrowserEventsDyadMap(t *testing.T) {
	ctx := browsertest.Start(t)
	base := serveLoopback(t)

	// Events explorer: filter by quad class through the form.
	do1(t, ctx, chromedp.Navigate(base+"/events"), chromedp.WaitVisible(chromedp.CSS("#events-table")))
	all := eval[int](t, ctx, `document.querySelectorAll("#events-table tbody tr").length`)
	do1(t, ctx,
		chromedp.SetValue(chromedp.CSS(`select[name="quad"]`), "4"),
		chromedp.SetValue(chromedp.CSS(`input[name="actor"]`), "RUS"),
		chromedp.Click(chromedp.CSS(`form.filters button[type="submit"]`)))
	waitURL(t, ctx, "quad=4")
	do1(t, ctx, chromedp.WaitVisible(chromedp.CSS("#events-table")))
	loc := eval[string](t, ctx, `location.search`)
	if !strings.Contains(loc, "quad=4") || !strings.Contains(loc, "actor=RUS") {
		t.Errorf("filter form sent %q", loc)
	}
	quads := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#events-table tbody tr td:nth-child(5)")).map(td => td.dataset.v)`)
	if len(quads) == 0 || len(quads) >= all {
		t.Errorf("quad filter left %d of %d rows", len(quads), all)
	}
	for _, q := range quads {
		if q != "4" {
			t.Errorf("row with quad class %s after filtering on 4", q)
		}
	}
	if csv := eval[string](t, ctx, `document.getElementById("csv").getAttribute("href")`); !strings.Contains(csv, "quad=4") {
		t.Errorf("CSV link %q ignores the filter", csv)
	}
	accessible(t, ctx, "events")
	shot(t, ctx, "events-filtered")
	// Sorting by Goldstein, descending after two clicks.
	do1(t, ctx, chromedp.Navigate(base+"/events"), chromedp.WaitVisible(chromedp.CSS("#events-table")),
		chromedp.Click(chromedp.CSS(`th button[data-col="5"]`)), chromedp.Click(chromedp.CSS(`th button[data-col="5"]`)))
	gs := eval[[]float64](t, ctx, `Array.from(document.querySelectorAll("#events-table tbody tr td:nth-child(6)")).map(td => parseFloat(td.dataset.v))`)
	for i := 1; i < len(gs); i++ {
		if gs[i] > gs[i-1] {
			t.Fatalf("Goldstein column not sorted descending: %v", gs)
		}
	}
	shot(t, ctx, "events")

	// Evidence: from a row to the event, then to the article with the
	// trigger selected.
	do1(t, ctx, chromedp.Navigate(base+"/events?dyad=CHNGOV>RUSGOV"), chromedp.WaitVisible(chromedp.CSS("#events-table")),
		chromedp.Click(chromedp.CSS(`#events-table tbody tr td:nth-child(9) a`)), chromedp.WaitVisible(chromedp.CSS("dl.entry")),
		chromedp.Click(chromedp.CSS(`table.data tbody a`)), chromedp.WaitVisible(chromedp.CSS("#doc-text")))
	if sel := eval[string](t, ctx, `Array.from(document.querySelectorAll(".focus-t")).map(e => e.firstChild.data).join("")`); sel != "held talks" {
		t.Errorf("evidence link selected %q, want the trigger %q", sel, "held talks")
	}
	shot(t, ctx, "evidence")

	// Dyad view: pick RUS and CHN, get a chart with one bar per month.
	do1(t, ctx, chromedp.Navigate(base+"/dyad"), chromedp.WaitVisible(chromedp.CSS(`input[name="a"]`)),
		chromedp.SetValue(chromedp.CSS(`input[name="a"]`), "RUS"),
		chromedp.SetValue(chromedp.CSS(`input[name="b"]`), "CHN"),
		chromedp.Click(chromedp.CSS(`form.filters button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("#dyad-chart svg")))
	bars := eval[int](t, ctx, `document.querySelectorAll("#dyad-chart a.bar").length`)
	if bars < 5 {
		t.Errorf("%d bars in the RUS–CHN chart, want at least 5", bars)
	}
	accessible(t, ctx, "dyad")
	shot(t, ctx, "dyad-rus-chn")
	// A bar leads to its events.
	do1(t, ctx, chromedp.Click(chromedp.CSS(`#dyad-chart a.bar[data-period="2023-01-01"] rect.hit`)), chromedp.WaitVisible(chromedp.CSS("#events-table")))
	rows := eval[int](t, ctx, `document.querySelectorAll("#events-table tbody tr").length`)
	if loc := eval[string](t, ctx, `decodeURIComponent(location.search)`); !strings.Contains(loc, "since=2023-01-01") || rows != 2 {
		t.Errorf("bar of 2023-01 led to %q with %d rows, want 2", loc, rows)
	}

	// Map: the outline and the markers.
	do1(t, ctx, chromedp.Navigate(base+"/map"), chromedp.WaitVisible(chromedp.CSS("#world-map svg")))
	m := eval[map[string]int](t, ctx, `({land: document.querySelectorAll("#world-map .land path").length, events: document.querySelectorAll("#world-map .mk-event").length, places: document.querySelectorAll("#world-map .mk-place").length})`)
	if m["land"] < 150 || m["events"] < 5 || m["places"] < 5 {
		t.Errorf("map has %v", m)
	}
	accessible(t, ctx, "map")
	shot(t, ctx, "map")

	do1(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(".cards")))
	accessible(t, ctx, "overview")
	shot(t, ctx, "overview")
}

// a11yJS lists basic accessibility problems of the current page: a
// missing language, form fields without a label, buttons without a name,
// images without a title, not exactly one h1.
const a11yJS = `(() => {
  const p = [];
  if (!document.documentElement.lang) p.push("no lang");
  for (const el of document.querySelectorAll("input:not([type=hidden]), select, textarea"))
    if (!el.closest("label") && !(el.id && document.querySelector('label[for="' + el.id + '"]')) && !el.getAttribute("aria-label")) p.push("unlabelled " + el.outerHTML.slice(0, 60));
  for (const b of document.querySelectorAll("button, a[href]"))
    if (!b.textContent.trim() && !b.getAttribute("aria-label") && !b.querySelector("title")) p.push("nameless " + b.outerHTML.slice(0, 60));
  for (const s of document.querySelectorAll("svg[role=img]"))
    if (!s.querySelector("title") && !s.getAttribute("aria-label")) p.push("svg without title");
  const h1 = document.querySelectorAll("h1").length;
  if (h1 !== 1) p.push(h1 + " h1 elements");
  return p;
})()`

// accessible fails the test for the problems a11yJS finds.
func accessible(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	for _, p := range eval[[]string](t, ctx, a11yJS) {
		t.Errorf("%s: %s", page, p)
	}
}

// waitURL waits until the page's URL contains s: a form submission or a
// click has navigated.
func waitURL(t *testing.T, ctx context.Context, s string) {
	t.Helper()
	for i := 0; i < 100; i++ {
		// While the page navigates, evaluating fails ("Inspected target
		// navigated or closed"): try again rather than fail.
		href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		if err == nil && strings.Contains(href, s) {
			if state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState`)); err == nil && state == "complete" {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("page did not navigate to a URL with %q", s)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

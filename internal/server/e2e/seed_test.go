// Package e2e holds the end-to-end test of the whole chain: the seed
// article posted to a running server, annotated by the default pipeline,
// stored in SQLite and shown in headless Chromium.
package e2e

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/server"
	"github.com/newsgraph/newsgraph/internal/server/browsertest"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

var screenshots = filepath.Join("..", "..", "..", "artifacts", "screenshots")

// TestSeedArticle posts the seed through the API and checks that its article
// view highlights every layer the pipeline produced.
func TestSeedArticle(t *testing.T) {
	seed := devdata.File(t, "seed/seed-article.json")
	ctx := browsertest.Start(t)
	st, err := sqlite.Open(context.Background(), sqlite.Options{Path: filepath.Join(t.TempDir(), "seed.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pipe, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s, err := server.New(st, pipe, server.Options{Addr: ln.Addr().String()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Serve(sctx, ln)
	base := "http://" + ln.Addr().String()

	body, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(base+"/api/v1/articles", "application/json", strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	var res server.IngestResult
	json.NewDecoder(resp.Body).Decode(&res)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(res.Articles) != 1 {
		t.Fatalf("POST seed: %d %+v", resp.StatusCode, res)
	}
	id := res.Articles[0].ID

	// The record as the API gives it, to compare with the page.
	resp, err = http.Get(base + "/api/v1/articles/" + id)
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Entities, Places, Dates, Amounts, Quotes, Events []json.RawMessage
	}
	json.NewDecoder(resp.Body).Decode(&rec)
	resp.Body.Close()

	browsertest.Do(t, ctx, chromedp.Navigate(base+"/articles/"+id), chromedp.WaitVisible(chromedp.CSS("#doc-text")))
	got := browsertest.Eval[map[string]int](t, ctx, `(() => { const c = {}; for (const [k, p] of [["e","ent"],["p","place"],["d","date"],["m","amount"],["q","quote"],["t","trigger"]]) c[p] = new Set(Array.from(document.querySelectorAll("#doc-text .seg")).flatMap(e => e.dataset.ids.split(" ").filter(x => new RegExp("^"+k+"\\d+$").test(x)))).size; return c })()`)
	want := map[string]int{"ent": len(rec.Entities), "place": len(rec.Places), "date": len(rec.Dates), "amount": len(rec.Amounts), "quote": len(rec.Quotes), "trigger": len(rec.Events)}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%d %s highlights, the record has %d", got[k], k, n)
		}
	}
	t.Logf("seed highlights: %v", got)
	if text := browsertest.Eval[string](t, ctx, `document.getElementById("doc-text").innerText`); !strings.Contains(text, "Wang Yi") {
		t.Errorf("article text not shown: %.200q", text)
	}
	if n := len(rec.Events); n > 0 {
		browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(`button.ev[data-ev="0"]`)))
		if f := browsertest.Eval[int](t, ctx, `document.querySelectorAll(".focus-t").length`); f == 0 {
			t.Error("clicking the first event highlights no trigger")
		}
	}
	browsertest.Shot(t, ctx, screenshots, "article-seed")
}

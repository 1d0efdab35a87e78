package server

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// undatedArticle is an article without a publication date whose one
// event, Russia–China talks, has no date either.
func undatedArticle() *record.Record {
	b := newRB("fx-undated", "Fixture Wire", "", "Russia and China hold talks", "Russia held talks with China on energy, officials said.")
	b.ent("Russia", 1, record.LOC, russia).ent("China", 1, record.LOC, china)
	b.event(evSpec{trigger: "held talks", src: "Russia", srcN: 1, tgt: "China", tgtN: 1, srcCode: "RUS", tgtCode: "CHN", cameo: "040", plover: "CONSULT", quad: 1, goldstein: 1})
	return b.r
}

// TestCounting checks the pages and endpoints whose numbers the store
// counts: undated events are counted alike by the overview, the dyad
// series and page and the actor page; places and event places are paged.
func TestCounting(t *testing.T) {
	st := fixtureStore(t)
	if _, err := st.Put(context.Background(), []*record.Record{undatedArticle()}); err != nil {
		t.Fatal(err)
	}
	s, err := New(st, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	get := func(path string, into any) string {
		t.Helper()
		code, body := do(t, "GET", ts.URL+path, "", "", nil)
		if code != 200 {
			t.Fatalf("GET %s: %d %s", path, code, body)
		}
		if into != nil {
			if err := json.Unmarshal([]byte(body), into); err != nil {
				t.Fatalf("GET %s: %v", path, err)
			}
		}
		return body
	}

	var stats store.Stats
	get("/api/v1/stats", &stats)
	top := 0
	for _, d := range stats.TopDyads {
		if d.A == "CHN" && d.B == "RUS" {
			top = d.Events
		}
	}
	if stats.Undated != 1 || top == 0 {
		t.Fatalf("stats: %d undated, CHN–RUS %d events; want 1 undated", stats.Undated, top)
	}
	var dy struct {
		Points  []store.DyadPoint
		Undated store.DyadPoint
		Total   int
	}
	get("/api/v1/dyads?dyad=RUS:CHN&by=month", &dy)
	sum := dy.Undated.Events
	for _, p := range dy.Points {
		sum += p.Events
	}
	if dy.Undated.Events != 1 || dy.Total != top || sum != top {
		t.Errorf("dyad RUS:CHN: undated %+v, total %d, sum %d; want 1 undated and %d in all, as the overview", dy.Undated, dy.Total, sum, top)
	}
	home := get("/", nil)
	page := get("/dyad?a=RUS&b=CHN", nil)
	want := "Cooperation and conflict, " + strconv.Itoa(top) + " events"
	if !strings.Contains(home, strconv.Itoa(top)+" events") || !strings.Contains(page, want) || !strings.Contains(page, "1 of these events have no date") {
		t.Errorf("dyad page does not count as the overview (%d events, 1 undated): %.2000s", top, page)
	}
	if a := get("/actors/RUS", nil); !strings.Contains(a, "1 events without a date") || !strings.Contains(a, "Latest events") {
		t.Errorf("actor page: no undated count or latest events")
	}
	if ev := get("/events?dyad=RUS:CHN", nil); !strings.Contains(ev, `<span class="muted">undated</span>`) {
		t.Errorf("events page: the undated event is not marked undated")
	}
	var sumRUS store.ActorSummary
	get("/api/v1/actors/RUSGOV", &sumRUS)
	if sumRUS.Code != "RUSGOV" || sumRUS.Events == 0 || sumRUS.Mentions == 0 || len(sumRUS.Months) == 0 {
		t.Errorf("actor summary: %+v", sumRUS)
	}
	// Places are paged by cursor; event places count the map's markers.
	var pl store.Page[store.PlaceCount]
	get("/api/v1/places?limit=1", &pl)
	if len(pl.Items) != 1 || pl.Next == "" {
		t.Fatalf("places page 1: %+v", pl)
	}
	first := pl.Items[0]
	get("/api/v1/places?limit=1&cursor="+pl.Next, &pl)
	if len(pl.Items) != 1 || pl.Items[0] == first || pl.Items[0].Mentions > first.Mentions {
		t.Errorf("places page 2: %+v after %+v", pl, first)
	}
	var ep store.Page[store.EventPlaceCount]
	get("/api/v1/event-places?dyad=RUS:CHN", &ep)
	if len(ep.Items) == 0 || ep.Items[0].Name != "Moscow" || ep.Items[0].Events < ep.Items[len(ep.Items)-1].Events {
		t.Errorf("event places of RUS:CHN: %+v", ep)
	}
	if m := get("/map?dyad=RUS:CHN", nil); !strings.Contains(m, "Moscow") || !strings.Contains(m, "Samarkand") {
		t.Errorf("map of RUS:CHN without Moscow and Samarkand")
	}
}

// TestEventsCSVLayout checks that the workbench's CSV is the one event
// table of `export --format csv`: same header, same cells.
func TestEventsCSVLayout(t *testing.T) {
	st := fixtureStore(t)
	s, err := New(st, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	code, body := do(t, "GET", ts.URL+"/events.csv", "", "", nil)
	if code != 200 {
		t.Fatalf("events.csv: %d", code)
	}
	var want strings.Builder
	if _, err := export.Write(context.Background(), st, &want, export.Options{Format: export.CSV}); err != nil {
		t.Fatal(err)
	}
	if body != want.String() {
		t.Errorf("events.csv differs from export --format csv:\n%s\nwant\n%s", body, want.String())
	}
}

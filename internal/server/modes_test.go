package server

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/record"
)

// denials is an article whose two events between Russia and China are
// one denied and one only possible.
func denials() *record.Record {
	b := newRB("fx-denials", "Fixture Wire", "2023-05-10", "Moscow denies arms deal with Beijing",
		"Russia did not sign an arms deal with China, the Kremlin said. Russia could sanction China, a minister warned.")
	b.ent("Russia", 0, record.LOC, russia).ent("China", 0, record.LOC, china).ent("Russia", 1, record.LOC, russia).ent("China", 1, record.LOC, china)
	b.event(evSpec{trigger: "sign", src: "Russia", tgt: "China", srcCode: "RUS", tgtCode: "CHN", cameo: "057", plover: "AGREE", quad: 1, goldstein: 8,
		place: "Moscow", country: "RUS", lat: 55.75, lon: 37.62, date: "2023-05-10"})
	b.event(evSpec{trigger: "sanction", src: "Russia", srcN: 1, tgt: "China", tgtN: 1, srcCode: "RUS", tgtCode: "CHN", cameo: "163", plover: "SANCTION", quad: 4, goldstein: -8,
		place: "Moscow", country: "RUS", lat: 55.75, lon: 37.62, date: "2023-05-10"})
	b.r.Events[0].Negated, b.r.Events[0].Mode = true, "negated"
	b.r.Events[1].Hypothetical, b.r.Events[1].Mode = true, "hypothetical"
	return b.r
}

// TestAllModes checks that the API and the workbench leave negated and
// hypothetical events out of listings, dyad series and maps unless
// all_modes=true.
func TestAllModes(t *testing.T) {
	st, err := sqlite.Open(context.Background(), sqlite.Options{Path: filepath.Join(t.TempDir(), "modes.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Put(context.Background(), append([]*record.Record{meeting(), denials()}, series()...)); err != nil {
		t.Fatal(err)
	}
	s, err := New(st, segmenter{}, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	f := func(path string, code int, want, wantNot []string) {
		t.Helper()
		got, body := do(t, "GET", ts.URL+path, "", "", nil)
		if got != code {
			t.Fatalf("GET %s: %d, want %d: %.300s", path, got, code, body)
		}
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: no %q in %.500s", path, w, body)
			}
		}
		for _, w := range wantNot {
			if strings.Contains(body, w) {
				t.Errorf("GET %s: %q in %.500s", path, w, body)
			}
		}
	}
	none := []string(nil)
	f("/api/v1/events?dyad=RUS:CHN&since=2023-05-01", 200, []string{`"items":[]`}, []string{`"AGREE"`, `"SANCTION"`})
	f("/api/v1/events?dyad=RUS:CHN&since=2023-05-01&all_modes=true", 200, []string{`"mode":"negated"`, `"mode":"hypothetical"`}, none)
	f("/api/v1/dyads?dyad=RUS:CHN&since=2023-05-01", 200, []string{`"points":[]`}, none)
	f("/api/v1/dyads?dyad=RUS:CHN&since=2023-05-01&all_modes=true", 200, []string{`"period":"2023-05-01","events":2`, `"total":2`}, none)
	f("/api/v1/event-places?since=2023-05-01", 200, []string{`"items":[]`}, none)
	f("/api/v1/event-places?since=2023-05-01&all_modes=1", 200, []string{`"name":"Moscow"`, `"events":2`}, none)
	f("/api/v1/articles?cameo=163&since=2023-05-01", 200, []string{`"items":[]`}, none)
	f("/api/v1/articles?cameo=163&all_modes=true", 200, []string{`"fx-denials"`}, none)
	f("/api/v1/events?all_modes=maybe", 400, []string{"all_modes"}, none)
	f("/events.csv?dyad=RUS:CHN&since=2023-05-01", 200, none, []string{"SANCTION"})
	f("/events.csv?dyad=RUS:CHN&since=2023-05-01&all_modes=true", 200, []string{"SANCTION", "AGREE"}, none)
	// The workbench: the box is there, and checked keeps its state.
	f("/events?dyad=RUS:CHN&since=2023-05-01", 200, []string{`name="all_modes"`, "No events match"}, []string{`class="mode"`})
	f("/events?dyad=RUS:CHN&since=2023-05-01&all_modes=true", 200, []string{`class="mode">negated`, `value="true" checked`}, none)
	f("/dyad?a=RUS&b=CHN&since=2023-05-01", 200, []string{"Cooperation and conflict, 0 events"}, none)
	f("/dyad?a=RUS&b=CHN&since=2023-05-01&all_modes=true", 200, []string{"Cooperation and conflict, 2 events", "all_modes=true"}, none)
	f("/map?since=2023-05-01&all_modes=true", 200, []string{`value="true" checked`}, none)
	f("/", 200, []string{`id="uncounted">2 more</a>`}, none)
	f("/actors/RUS", 200, []string{"Include them"}, none)
	f("/actors/RUS?all_modes=true", 200, []string{"Negated and hypothetical events included", "all_modes=true"}, none)
	events := func(path string) int {
		t.Helper()
		_, body := do(t, "GET", ts.URL+path, "", "", nil)
		var a struct{ Events int }
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			t.Fatal(err)
		}
		return a.Events
	}
	if n, all := events("/api/v1/actors/CHN"), events("/api/v1/actors/CHN?all_modes=true"); all-n != 2 {
		t.Errorf("CHN's events: %d counted, %d of every mode; want 2 more", n, all)
	}
	f("/api/v1/actors/CHN?all_modes=nope", 400, []string{"all_modes"}, none)
}

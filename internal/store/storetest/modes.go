package storetest

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store"
)

// testModes: negated and hypothetical events are stored with their mode
// but left out of listings, dyads, maps and event conditions on articles
// unless the filter asks for every mode.
func testModes(t *testing.T, s store.Store) {
	fixture(t, s)
	ctx := context.Background()
	if n := len(events(t, s, store.Filter{})); n != 7 {
		t.Errorf("%d counted events, want 7", n)
	}
	all := events(t, s, store.Filter{AllModes: true})
	modes := map[string]string{}
	for _, e := range all {
		if e.Mode != "" {
			modes[e.Source.Code+">"+e.Target.Code+" "+e.CAMEO] = e.Mode
		}
	}
	if len(all) != 9 || len(modes) != 2 || modes["IRNGOV>USAGOV 036"] != store.ModeNegated || modes["CHNGOV>RUSGOV 042"] != store.ModeHypothetical {
		t.Errorf("every mode: %d events, uncounted %v; want 9 with IRNGOV>USAGOV 036 negated, CHNGOV>RUSGOV 042 hypothetical", len(all), modes)
	}
	// The negated event keeps its mode in its identity.
	neg := events(t, s, store.Filter{AllModes: true, Dyad: &store.Dyad{A: "IRN", B: "USA"}})
	if len(neg) != 1 || neg[0].ID != store.EventID("2023-05-02|IRNGOV|USAGOV|036||negated") {
		t.Errorf("IRN:USA with every mode: %+v", neg)
	}
	if evs := events(t, s, store.Filter{Dyad: &store.Dyad{A: "IRN", B: "USA"}}); len(evs) != 0 {
		t.Errorf("IRN:USA counted: %+v, want none", evs)
	}

	dyad := func(q store.DyadQuery) (events, mentions int) {
		t.Helper()
		ser, err := s.Dyad(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range append(ser.Points, ser.Undated) {
			events, mentions = events+p.Events, mentions+p.Mentions
		}
		return events, mentions
	}
	rc := store.DyadQuery{Dyad: store.Dyad{A: "RUS", B: "CHN"}}
	if n, m := dyad(rc); n != 2 || m != 4 {
		t.Errorf("RUS:CHN counted: %d events, %d mentions; want 2, 4", n, m)
	}
	rc.AllModes = true
	if n, m := dyad(rc); n != 3 || m != 5 {
		t.Errorf("RUS:CHN every mode: %d events, %d mentions; want 3, 5", n, m)
	}
	if n, _ := dyad(store.DyadQuery{Dyad: store.Dyad{A: "IRN", B: "USA"}}); n != 0 {
		t.Errorf("IRN:USA counted: %d events, want 0", n)
	}
	if n, _ := dyad(store.DyadQuery{Dyad: store.Dyad{A: "IRN", B: "USA"}, AllModes: true}); n != 1 {
		t.Errorf("IRN:USA every mode: %d events, want 1", n)
	}

	// Maps: the running counts (no condition, a key, dates) and the
	// grouped events answer alike.
	moscow := func(f store.Filter) int {
		t.Helper()
		p, err := s.EventPlaces(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range p.Items {
			if x.Name == "Moscow" {
				return x.Events
			}
		}
		return 0
	}
	for _, f := range []store.Filter{{}, {Actor: "RUS"}, {From: "2000-01-01"}, {Actor: "RUSGOV"}, {QuadClass: 1}} {
		if n := moscow(f); n != 2 {
			t.Errorf("events at Moscow, %+v: %d, want 2", f, n)
		}
		f.AllModes = true
		if n := moscow(f); n != 3 {
			t.Errorf("events at Moscow, %+v: %d, want 3", f, n)
		}
	}

	// An event condition on articles asks for counted events too.
	arts := func(f store.Filter) []string {
		t.Helper()
		p, err := s.Articles(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range p.Items {
			ids = append(ids, a.ID)
		}
		return ids
	}
	if got := arts(store.Filter{CAMEO: "036"}); len(got) != 1 || got[0] != "moscow-talks" {
		t.Errorf("articles with a counted 036: %v", got)
	}
	if got := arts(store.Filter{CAMEO: "036", AllModes: true}); len(got) != 2 {
		t.Errorf("articles with any 036: %v, want moscow-talks and no-talks", got)
	}
	// Actor pages: the running counts and the grouped events of every mode
	// differ by the uncounted events with the actor on a side.
	for code, extra := range map[string]int{"RUS": 1, "RUSGOV": 1, "RUSG": 1, "CHNGOV": 1, "IRN": 1, "USAGOV": 1, "UKR": 0} {
		a, err := s.Actor(ctx, code, false)
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Actor(ctx, code, true)
		if err != nil {
			t.Fatal(err)
		}
		if b.Events-a.Events != extra {
			t.Errorf("Actor(%s): %d events counted, %d of every mode; want %d more", code, a.Events, b.Events, extra)
		}
	}
	// The mentions of an uncounted event are kept as evidence.
	ms, err := s.Mentions(ctx, neg[0].ID)
	if err != nil || len(ms) != 1 || ms[0].ArticleID != "no-talks" {
		t.Errorf("mentions of the negated event: %+v %v", ms, err)
	}
}

// Package storetest is the conformance suite that every store.Store backend
// runs: the SQLite default and the PostgreSQL backend pass the same tests.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"sort"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// Opener returns a new, empty store; the suite closes it.
type Opener func(t *testing.T) store.Store

// Run runs the conformance suite against the backend that open makes.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"Duplicates", testDuplicates},
		{"NearDuplicate", testNearDuplicate},
		{"EventMentions", testEventMentions},
		{"Retellings", testRetellings},
		{"MinConfidence", testMinConfidence},
		{"EventFilters", testEventFilters},
		{"Paging", testPaging},
		{"Articles", testArticles},
		{"Listings", testListings},
		{"Dyad", testDyad},
		{"Modes", testModes},
		{"Stats", testStats},
		{"BadInput", testBadInput},
		{"Newest", testNewest},
		{"Places", testPlaces},
		{"EventPlaces", testEventPlaces},
		{"PlaceCounting", testPlaceCounting},
		{"Actor", testActor},
		{"Undated", testUndated},
		{"AtomicBatch", testAtomicBatch},
		{"BadText", testBadText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
}

func put(t *testing.T, s store.Store, recs []*record.Record) store.PutResult {
	t.Helper()
	res, err := s.Put(context.Background(), recs)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return res
}

func fixture(t *testing.T, s store.Store) []*record.Record {
	t.Helper()
	recs := Fixture()
	put(t, s, recs)
	return recs
}

func events(t *testing.T, s store.Store, f store.Filter) []store.Event {
	t.Helper()
	p, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatalf("Events(%+v): %v", f, err)
	}
	return p.Items
}

func cameos(evs []store.Event) []string {
	out := []string{}
	for _, e := range evs {
		out = append(out, e.CAMEO)
	}
	sort.Strings(out)
	return out
}

func testRoundTrip(t *testing.T, s store.Store) {
	recs := fixture(t, s)
	for _, want := range recs {
		got, err := s.Article(context.Background(), want.ID)
		if err != nil {
			t.Fatalf("Article(%q): %v", want.ID, err)
		}
		if !reflect.DeepEqual(jsonOf(t, got), jsonOf(t, want)) {
			t.Errorf("Article(%q) differs from what was put:\n got %s\nwant %s", want.ID, jsonOf(t, got), jsonOf(t, want))
		}
	}
	if _, err := s.Article(context.Background(), "no-such-id"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(missing): %v, want ErrNotFound", err)
	}
	var ids []string
	err := s.Records(context.Background(), store.Filter{}, func(r *record.Record) error {
		ids = append(ids, r.ID)
		return nil
	})
	if err != nil || len(ids) != len(recs) {
		t.Fatalf("Records: %d records, %v; want %d", len(ids), err, len(recs))
	}
	for i, r := range recs {
		if ids[i] != r.ID {
			t.Errorf("Records[%d] = %s, want %s (storage order)", i, ids[i], r.ID)
		}
	}
	stop := errors.New("stop")
	n := 0
	if err := s.Records(context.Background(), store.Filter{}, func(*record.Record) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("Records did not stop on fn's error: %v after %d", err, n)
	}
}

func jsonOf(t *testing.T, r *record.Record) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func testIdempotent(t *testing.T, s store.Store) {
	recs := Fixture()
	first := put(t, s, recs)
	if first.Added != len(recs) || first.Duplicates != 0 {
		t.Fatalf("first Put: %+v, want %d added", first, len(recs))
	}
	before, _ := s.Stats(context.Background())
	second := put(t, s, Fixture())
	if second.Added != 0 || second.Duplicates != len(recs) || second.Events != 0 || second.Mentions != 0 {
		t.Fatalf("second Put: %+v, want all %d duplicates", second, len(recs))
	}
	after, _ := s.Stats(context.Background())
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("re-ingest changed the store:\nbefore %+v\nafter  %+v", before, after)
	}
	evs := events(t, s, store.Filter{CAMEO: "042"})
	if len(evs) != 1 || evs[0].NumMentions != 3 {
		t.Fatalf("after re-ingest: %+v, want one 042 event with 3 mentions", evs)
	}
}

func testDuplicates(t *testing.T, s store.Store) {
	recs := Fixture()
	put(t, s, recs[:1])
	f := func(name string, mod func(r *record.Record), dup bool) {
		t.Helper()
		r := *Fixture()[0]
		mod(&r)
		res := put(t, s, []*record.Record{&r})
		if got := res.Duplicates == 1; got != dup {
			t.Errorf("%s: %+v, duplicate %v, want %v", name, res, got, dup)
		}
	}
	f("same id", func(r *record.Record) { r.URL = "https://other.example/1"; r.Text += " Updated." }, true)
	f("same url", func(r *record.Record) { r.ID = "other-1"; r.Text += " Updated." }, true)
	f("same normalised text", func(r *record.Record) {
		r.ID, r.URL = "other-2", "https://other.example/2"
		r.Text = "  " + r.Text + "!!"
	}, true)
	f("new article", func(r *record.Record) {
		r.ID, r.URL = "other-3", ""
		r.Text = "A different article altogether about a football match."
	}, false)
	// Two copies in one batch: the second is a duplicate of the first.
	a, b := *recs[3], *recs[3]
	b.ID = "copy-in-batch"
	b.URL = ""
	res := put(t, s, []*record.Record{&a, &b})
	if res.Added != 1 || res.Duplicates != 1 {
		t.Errorf("copies in one batch: %+v, want 1 added, 1 duplicate", res)
	}
}

func testNearDuplicate(t *testing.T, s store.Store) {
	res := put(t, s, Fixture())
	if res.NearDuplicates != 1 {
		t.Errorf("Put: %+v, want 1 near-duplicate (herald-moscow)", res)
	}
	p, err := s.Articles(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	story := map[string]string{}
	for _, a := range p.Items {
		story[a.ID] = a.Story
	}
	if story["herald-moscow"] != "moscow-talks" {
		t.Errorf("herald-moscow in story %q, want moscow-talks", story["herald-moscow"])
	}
	if story["wire-4411"] != "wire-4411" || story["moscow-talks"] != "moscow-talks" {
		t.Errorf("stories: %v; wire-4411 and moscow-talks should be their own", story)
	}
}

func testEventMentions(t *testing.T, s store.Store) {
	fixture(t, s)
	all := events(t, s, store.Filter{})
	// 10 coded events in the fixture: 3 report one meeting, 1 is negated,
	// 1 hypothetical.
	if len(all) != 7 {
		t.Fatalf("%d events, want 7: %+v", len(all), all)
	}
	evs := events(t, s, store.Filter{CAMEO: "042"})
	if len(evs) != 1 {
		t.Fatalf("042 events: %+v", evs)
	}
	e := evs[0]
	want := store.Event{ID: e.ID, Date: "2023-02-22", Source: store.ActorRef{Code: "RUSGOV", Country: "RUS", Name: ""},
		Target: &store.ActorRef{Code: "CHNGOV", Country: "CHN"}, CAMEO: "042", PLOVER: "CONSULT", QuadClass: 1, Goldstein: 1.9,
		Place:       &record.EventPlace{Name: "Moscow", Country: "RUS", Lat: 55.7558, Lon: 37.6173},
		NumMentions: 3, NumArticles: 3, NumStories: 2, NumSources: 3, AvgTone: e.AvgTone,
		FirstArticle: "moscow-talks", SourceURL: "https://ledger.example/world/moscow-talks", Published: "2023-02-22", Trigger: "received"}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("meeting event:\n got %+v\nwant %+v", e, want)
	}
	if d := e.AvgTone - (-0.4+1.2-0.2)/3; d > 1e-9 || d < -1e-9 {
		t.Errorf("AvgTone %v, want mean of article tones %v", e.AvgTone, (-0.4+1.2-0.2)/3)
	}
	if e.ID != store.EventID("2023-02-22|RUSGOV|CHNGOV|042|moscow/RUS") {
		t.Errorf("event id %s does not follow store.EventKey", e.ID)
	}
	ms, err := s.Mentions(context.Background(), e.ID)
	if err != nil {
		t.Fatal(err)
	}
	var arts []string
	for _, m := range ms {
		arts = append(arts, m.ArticleID)
		if m.Trigger == "" || m.End <= m.Start {
			t.Errorf("mention without trigger span: %+v", m)
		}
	}
	if !reflect.DeepEqual(arts, []string{"moscow-talks", "wire-4411", "herald-moscow"}) {
		t.Errorf("mention articles %v", arts)
	}
}

// testRetellings: an event told again in the same article (the record's
// Event.Mentions) is one event with one mention per telling.
func testRetellings(t *testing.T, s store.Store) {
	recs := Fixture()[:1]
	r := recs[0]
	var ev *record.Event
	for i := range r.Events {
		if _, _, ok := store.EventKey(r, &r.Events[i]); ok {
			ev = &r.Events[i]
			break
		}
	}
	if ev == nil {
		t.Fatal("fixture's first record has no stored event")
	}
	ev.Mentions = []record.EventMention{{Sentence: ev.Sentence, Start: ev.Start + 1, End: ev.End + 1, Trigger: ev.Trigger}}
	res := put(t, s, recs)
	key, _, _ := store.EventKey(r, ev)
	ms, err := s.Mentions(context.Background(), store.EventID(key))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || res.Mentions < 2 {
		t.Errorf("an event told twice: %d mentions stored (%d counted), want 2: %+v", len(ms), res.Mentions, ms)
	}
	evs := events(t, s, store.Filter{CAMEO: ev.CAMEO})
	for _, e := range evs {
		if e.ID == store.EventID(key) && e.NumMentions != 2 {
			t.Errorf("NumMentions %d, want 2", e.NumMentions)
		}
	}
}

// testMinConfidence: MinConfidence keeps the events some article reports
// with at least that confidence, in listings and dyad counts alike.
func testMinConfidence(t *testing.T, s store.Store) {
	recs := fixture(t, s)
	all := events(t, s, store.Filter{})
	best := map[string]float64{}
	for _, r := range recs {
		for i := range r.Events {
			if key, _, ok := store.EventKey(r, &r.Events[i]); ok {
				id := store.EventID(key)
				best[id] = max(best[id], r.Events[i].Confidence)
			}
		}
	}
	for _, thr := range []float64{0.5, 0.8, 0.95} {
		want := 0
		for _, e := range all {
			if best[e.ID] >= thr {
				want++
			}
		}
		got := events(t, s, store.Filter{MinConfidence: thr})
		if len(got) != want {
			t.Errorf("min confidence %g: %d events, want %d", thr, len(got), want)
		}
		for _, e := range got {
			if best[e.ID] < thr {
				t.Errorf("min confidence %g: event %s at %g", thr, e.ID, best[e.ID])
			}
		}
	}
	if err := (&store.Filter{MinConfidence: 1.5}).Validate(); err == nil {
		t.Error("min confidence 1.5 accepted")
	}
}

func testEventFilters(t *testing.T, s store.Store) {
	fixture(t, s)
	f := func(name string, fl store.Filter, want ...string) {
		t.Helper()
		got := cameos(events(t, s, fl))
		sort.Strings(want)
		if want == nil {
			want = []string{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: CAMEO codes %v, want %v", name, got, want)
		}
	}
	dyad := func(s string) *store.Dyad {
		d, err := store.ParseDyad(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	f("all", store.Filter{}, "036", "042", "111", "141", "163", "175", "195")
	f("actor country", store.Filter{Actor: "RUS"}, "036", "042", "195")
	f("actor code prefix", store.Filter{Actor: "RUSMIL"}, "195")
	f("actor lower case", store.Filter{Actor: "chn"}, "036", "042", "111", "163")
	f("dyad either way", store.Filter{Dyad: dyad("RUS:CHN")}, "036", "042")
	f("dyad directed", store.Filter{Dyad: dyad("RUS>CHN")}, "042")
	f("dyad directed back", store.Filter{Dyad: dyad("CHN>RUS")}, "036")
	f("dyad none", store.Filter{Dyad: dyad("USA:RUS")})
	f("cameo prefix", store.Filter{CAMEO: "1"}, "111", "141", "163", "175", "195")
	f("cameo exact", store.Filter{CAMEO: "163"}, "163")
	f("plover", store.Filter{PLOVER: "consult"}, "036", "042")
	f("quad", store.Filter{QuadClass: 4}, "163", "175", "195")
	f("from", store.Filter{From: "2023-03-09"}, "111", "163", "195")
	f("to", store.Filter{To: "2023-03-08"}, "036", "042", "141", "175")
	f("range", store.Filter{From: "2023-03-01", To: "2023-03-31"}, "141", "175", "195")
	f("place", store.Filter{Place: "moscow"}, "036", "042")
	f("bbox", store.Filter{BBox: &store.BBox{MinLat: 40, MinLon: 20, MaxLat: 60, MaxLon: 45}}, "036", "042", "141", "175", "195")
	f("text", store.Filter{Text: "blacklist"}, "111", "163")
	f("text two words", store.Filter{Text: "water cannon"}, "141", "175")
	f("text no match", store.Filter{Text: "volcano"})
	f("article", store.Filter{Article: "wire-4411"}, "042")
	f("combined", store.Filter{Actor: "GEO", QuadClass: 4, Place: "Tbilisi"}, "175")
}

func testPaging(t *testing.T, s store.Store) {
	put(t, s, Synthetic(120, 3))
	all := events(t, s, store.Filter{Limit: store.MaxLimit})
	var got []string
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("paging does not end")
		}
		p, err := s.Events(context.Background(), store.Filter{Limit: 25, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Items {
			got = append(got, e.ID)
		}
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	if len(got) != len(all) {
		t.Fatalf("paged %d events, want %d", len(got), len(all))
	}
	for i, e := range all {
		if got[i] != e.ID {
			t.Fatalf("page order differs at %d", i)
		}
		if i > 0 && (all[i-1].Date > e.Date || (all[i-1].Date == e.Date && all[i-1].ID >= e.ID)) {
			t.Fatalf("events not ordered by date then id at %d", i)
		}
	}
	// Articles page too.
	n, cursor := 0, ""
	for {
		p, err := s.Articles(context.Background(), store.Filter{Limit: 50, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		n += len(p.Items)
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	if n != 120 {
		t.Fatalf("paged %d articles, want 120", n)
	}
}

func testArticles(t *testing.T, s store.Store) {
	fixture(t, s)
	f := func(name string, fl store.Filter, want ...string) {
		t.Helper()
		p, err := s.Articles(context.Background(), fl)
		if err != nil {
			t.Fatal(err)
		}
		got := []string{}
		for _, a := range p.Items {
			got = append(got, a.ID)
		}
		sort.Strings(got)
		sort.Strings(want)
		if want == nil {
			want = []string{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	f("text", store.Filter{Text: "Kremlin"}, "herald-moscow", "moscow-talks", "wire-4411")
	f("text diacritics-insensitive", store.Filter{Text: "KREMLIN readout"}, "herald-moscow", "moscow-talks")
	f("actor", store.Filter{Actor: "USA"}, "chip-sanctions")
	f("date", store.Filter{From: "2023-02-23", To: "2023-03-09"}, "herald-moscow", "tbilisi-protest")
	f("quad via events", store.Filter{QuadClass: 4}, "chip-sanctions", "kyiv-strike", "tbilisi-protest")
	f("dyad via events", store.Filter{Dyad: &store.Dyad{A: "CHN", B: "RUS"}}, "herald-moscow", "moscow-talks", "wire-4411")
	p, _ := s.Articles(context.Background(), store.Filter{Article: "kyiv-strike"})
	if len(p.Items) != 1 {
		t.Fatal("kyiv-strike not listed")
	}
	a := p.Items[0]
	if a.Title != "Missiles hit Kyiv energy sites overnight" || a.Published != "2023-03-10" || a.Events != 1 || a.Tone != -6.5 || a.Words == 0 || a.Source != "Daily Ledger" {
		t.Errorf("article row %+v", a)
	}
}

func testListings(t *testing.T, s store.Store) {
	fixture(t, s)
	ctx := context.Background()
	ap, err := s.Actors(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, a := range ap.Items {
		counts[a.Code] = a.Mentions
	}
	if counts["RUSGOV"] != 3 || counts["CHN"] != 2 || counts["USAGOV"] != 1 {
		t.Errorf("actor mentions %v", counts)
	}
	if ap.Items[0].Code != "RUSGOV" {
		t.Errorf("most mentioned actor %s, want RUSGOV", ap.Items[0].Code)
	}
	ap, _ = s.Actors(ctx, store.Filter{Actor: "CHN"})
	for _, a := range ap.Items {
		if a.Country != "CHN" {
			t.Errorf("actor filter CHN listed %+v", a)
		}
	}
	qp, err := s.Quotes(ctx, store.Filter{})
	if err != nil || len(qp.Items) != 2 {
		t.Fatalf("quotes: %+v %v", qp, err)
	}
	qp, _ = s.Quotes(ctx, store.Filter{Actor: "CHN"})
	if len(qp.Items) != 1 || qp.Items[0].ArticleID != "chip-sanctions" || qp.Items[0].Speaker != "China's commerce ministry" || qp.Items[0].SpeakerCode != "CHNGOV" {
		t.Errorf("quotes by CHN: %+v", qp.Items)
	}
	mp, err := s.Amounts(ctx, store.Filter{})
	if err != nil || len(mp.Items) != 4 {
		t.Fatalf("amounts: %+v %v", mp, err)
	}
	mp, _ = s.Amounts(ctx, store.Filter{Text: "Kyiv"})
	if len(mp.Items) != 2 || mp.Items[0].Value != 6 || mp.Items[1].Object != "people injured" {
		t.Errorf("amounts in Kyiv articles: %+v", mp.Items)
	}
	mp, _ = s.Amounts(ctx, store.Filter{Limit: 1})
	if len(mp.Items) != 1 || mp.Next == "" {
		t.Fatalf("amounts page 1: %+v", mp)
	}
	mp2, _ := s.Amounts(ctx, store.Filter{Limit: 10, Cursor: mp.Next})
	if len(mp2.Items) != 3 || mp2.Items[0] == mp.Items[0] {
		t.Errorf("amounts page 2: %+v", mp2)
	}
}

func testDyad(t *testing.T, s store.Store) {
	fixture(t, s)
	ser, err := s.Dyad(context.Background(), store.DyadQuery{Dyad: store.Dyad{A: "RUS", B: "CHN"}, By: store.ByMonth})
	if err != nil {
		t.Fatal(err)
	}
	if ser.Undated != (store.DyadPoint{}) {
		t.Errorf("RUS:CHN undated: %+v, want none", ser.Undated)
	}
	pts := ser.Points
	want := []store.DyadPoint{{Period: "2023-02-01", Events: 2, Mentions: 4, Quad: [5]int{0, 2, 0, 0, 0},
		GoldsteinSum: 5.9, GoldsteinMean: 2.95}}
	if len(pts) == 1 {
		want[0].Tone = pts[0].Tone
	}
	if !reflect.DeepEqual(pts, want) {
		t.Errorf("RUS:CHN by month:\n got %+v\nwant %+v", pts, want)
	}
	ser, _ = s.Dyad(context.Background(), store.DyadQuery{Dyad: store.Dyad{A: "CHN", B: "USA"}, By: store.ByWeek})
	pts = ser.Points
	if len(pts) != 1 || pts[0].Period != "2023-04-03" || pts[0].Quad[3] != 1 || pts[0].Quad[4] != 1 {
		t.Errorf("CHN:USA by week: %+v", pts)
	}
	ser, _ = s.Dyad(context.Background(), store.DyadQuery{Dyad: store.Dyad{A: "USA", B: "CHN", Directed: true}, By: store.ByDay})
	pts = ser.Points
	if len(pts) != 1 || pts[0].Events != 1 || pts[0].GoldsteinSum != -8 {
		t.Errorf("USA>CHN by day: %+v", pts)
	}
	ser, _ = s.Dyad(context.Background(), store.DyadQuery{Dyad: store.Dyad{A: "RUS", B: "CHN"}, From: "2023-03-01"})
	pts = ser.Points
	if len(pts) != 0 {
		t.Errorf("RUS:CHN from March: %+v", pts)
	}
}

func testStats(t *testing.T, s store.Store) {
	fixture(t, s)
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := store.Stats{Articles: 7, Stories: 6, Events: 7, Mentions: 9, Entities: 11, Places: 4, Quotes: 2, Amounts: 4,
		Quad: [5]int{0, 2, 0, 2, 3}, FirstDate: "2023-02-22", LastDate: "2023-04-03", Uncounted: 2,
		TopDyads: []store.DyadCount{{A: "CHN", B: "RUS", Events: 2}, {A: "CHN", B: "USA", Events: 2}, {A: "RUS", B: "UKR", Events: 1}}}
	if !reflect.DeepEqual(st, want) {
		t.Errorf("Stats:\n got %+v\nwant %+v", st, want)
	}
}

func testBadInput(t *testing.T, s store.Store) {
	fixture(t, s)
	ctx := context.Background()
	f := func(name string, fl store.Filter, want error) {
		t.Helper()
		if _, err := s.Events(ctx, fl); !errors.Is(err, want) {
			t.Errorf("%s: Events error %v, want %v", name, err, want)
		}
	}
	f("quad", store.Filter{QuadClass: 7}, store.ErrBadFilter)
	f("cameo", store.Filter{CAMEO: "04'; DROP TABLE events; --"}, store.ErrBadFilter)
	f("date", store.Filter{From: "22/02/2023"}, store.ErrBadFilter)
	f("limit", store.Filter{Limit: store.MaxLimit + 1}, store.ErrBadFilter)
	f("cursor", store.Filter{Cursor: "garbage"}, store.ErrBadCursor)
	if _, err := s.Articles(ctx, store.Filter{Cursor: "Zm9v"}); !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("Articles bad cursor: %v", err)
	}
	if _, err := s.Dyad(ctx, store.DyadQuery{Dyad: store.Dyad{A: "RUS"}}); !errors.Is(err, store.ErrBadFilter) {
		t.Errorf("Dyad without B: %v", err)
	}
	if _, err := s.Dyad(ctx, store.DyadQuery{Dyad: store.Dyad{A: "RUS", B: "CHN"}, By: "year"}); !errors.Is(err, store.ErrBadFilter) {
		t.Errorf("Dyad by year: %v", err)
	}
	// Free text with query syntax must not break the query.
	for _, q := range []string{`"unbalanced`, "NEAR(", "a AND OR b", "*", "'; --"} {
		if _, err := s.Articles(ctx, store.Filter{Text: q}); err != nil {
			t.Errorf("Articles(Text %q): %v", q, err)
		}
	}
}

func testAtomicBatch(t *testing.T, s store.Store) {
	recs := Fixture()
	bad := *recs[1]
	bad.ID = ""
	if _, err := s.Put(context.Background(), []*record.Record{recs[0], &bad}); err == nil {
		t.Fatal("Put accepted a record without id")
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 0 || st.Events != 0 {
		t.Fatalf("failed batch left %+v", st)
	}
	if res := put(t, s, recs); res.Added != len(recs) {
		t.Fatalf("Put after a failed batch: %+v", res)
	}
}

// testBadText: a record that breaks the text rule (a NUL in its title,
// which PostgreSQL cannot store) fails Put naming the record, leaves
// nothing behind, and PutSplit stores the others and reports it.
func testBadText(t *testing.T, s store.Store) {
	ctx := context.Background()
	recs := Synthetic(3, 1)
	recs[1].Title = "Synthetic\x00report"
	_, err := s.Put(ctx, recs)
	var re *store.RecordError
	if !errors.Is(err, store.ErrBadRecord) || !errors.Is(err, record.ErrBadText) || !errors.As(err, &re) || re.ID != recs[1].ID {
		t.Fatalf("Put with a NUL in a title: %v", err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 0 {
		t.Fatalf("failed batch left %+v (%v)", st, err)
	}
	res, bad, err := store.PutSplit(ctx, s, recs)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || len(bad) != 1 || bad[0].Record.ID != recs[1].ID || !errors.Is(bad[0].Err, record.ErrBadText) {
		t.Fatalf("PutSplit: %+v, rejected %+v", res, bad)
	}
	if _, err := s.Article(ctx, recs[2].ID); err != nil {
		t.Errorf("the record after the bad one: %v", err)
	}
}

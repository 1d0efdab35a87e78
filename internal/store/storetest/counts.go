package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// The counting tests: listings that the store aggregates (places, event
// places, the actor summary), events newest first, and undated events
// counted alike everywhere.

func testNewest(t *testing.T, s store.Store) {
	fixture(t, s)
	ctx := context.Background()
	asc := events(t, s, store.Filter{})
	var desc []store.Event
	f := store.Filter{Newest: true, Limit: 2}
	for i := 0; i < 10; i++ {
		p, err := s.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		desc = append(desc, p.Items...)
		if p.Next == "" {
			break
		}
		f.Cursor = p.Next
	}
	if len(desc) != len(asc) {
		t.Fatalf("newest first: %d events in pages of 2, want %d", len(desc), len(asc))
	}
	for i := range asc {
		if desc[len(desc)-1-i].ID != asc[i].ID {
			t.Fatalf("newest first is not the listing reversed at %d: %s vs %s", i, desc[len(desc)-1-i].ID, asc[i].ID)
		}
	}
	if got := events(t, s, store.Filter{Newest: true, Actor: "RUS", Limit: 1}); len(got) != 1 || got[0].CAMEO != "195" {
		t.Errorf("latest RUS event: %+v, want the strike of 2023-03-10", got)
	}
	// An actor code (on a side of most events: the listing walks the
	// dates) and a key, newest first in pages of one: the listing reversed.
	for _, code := range []string{"CHNGOV", "USA", "RUSMIL"} {
		asc := events(t, s, store.Filter{Actor: code})
		var desc []store.Event
		f := store.Filter{Actor: code, Newest: true, Limit: 1}
		for i := 0; i < 10; i++ {
			p, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			desc = append(desc, p.Items...)
			if f.Cursor = p.Next; f.Cursor == "" {
				break
			}
		}
		if len(asc) == 0 || len(desc) != len(asc) {
			t.Fatalf("%s newest first: %d events, want %d", code, len(desc), len(asc))
		}
		for i := range asc {
			if desc[len(desc)-1-i].ID != asc[i].ID {
				t.Errorf("%s newest first is not the listing reversed at %d", code, i)
			}
		}
	}
}

func testPlaces(t *testing.T, s store.Store) {
	fixture(t, s)
	ctx := context.Background()
	list := func(f store.Filter) []store.PlaceCount {
		t.Helper()
		p, err := s.Places(ctx, f)
		if err != nil {
			t.Fatalf("Places(%+v): %v", f, err)
		}
		return p.Items
	}
	pc := func(name, country string, lat, lon float64, m, a int) store.PlaceCount {
		return store.PlaceCount{Name: name, Country: country, Lat: lat, Lon: lon, Feature: "PPLC", Mentions: m, Articles: a}
	}
	want := []store.PlaceCount{pc("Moscow", "RUS", 55.7558, 37.6173, 2, 2), pc("Kyiv", "UKR", 50.45, 30.5236, 1, 1), pc("Tbilisi", "GEO", 41.7151, 44.8271, 1, 1)}
	if got := list(store.Filter{}); !reflect.DeepEqual(got, want) {
		t.Errorf("places:\n got %+v\nwant %+v", got, want)
	}
	// A condition that every article meets takes the grouping path: same
	// answer as the running counts.
	if got := list(store.Filter{From: "2000-01-01"}); !reflect.DeepEqual(got, want) {
		t.Errorf("places from 2000:\n got %+v\nwant %+v", got, want)
	}
	if got := list(store.Filter{Actor: "UKR"}); !reflect.DeepEqual(got, want[1:2]) {
		t.Errorf("places in articles naming UKR: %+v", got)
	}
	if got := list(store.Filter{Dyad: &store.Dyad{A: "GEO", B: "GEO"}}); !reflect.DeepEqual(got, want[2:]) {
		t.Errorf("places in articles of GEO:GEO events: %+v", got)
	}
	p, err := s.Places(ctx, store.Filter{Limit: 2})
	if err != nil || len(p.Items) != 2 || p.Next == "" {
		t.Fatalf("places page 1: %+v %v", p, err)
	}
	p, err = s.Places(ctx, store.Filter{Limit: 2, Cursor: p.Next})
	if err != nil || !reflect.DeepEqual(p.Items, want[2:]) || p.Next != "" {
		t.Errorf("places page 2: %+v %v", p, err)
	}
	if _, err := s.Places(ctx, store.Filter{Cursor: "garbage"}); !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("places bad cursor: %v", err)
	}
}

func testEventPlaces(t *testing.T, s store.Store) {
	fixture(t, s)
	ctx := context.Background()
	list := func(f store.Filter) []store.EventPlaceCount {
		t.Helper()
		p, err := s.EventPlaces(ctx, f)
		if err != nil {
			t.Fatalf("EventPlaces(%+v): %v", f, err)
		}
		return p.Items
	}
	want := []store.EventPlaceCount{
		{Name: "Moscow", Country: "RUS", Lat: 55.7558, Lon: 37.6173, Events: 2, Quad: [5]int{0, 2, 0, 0, 0}},
		{Name: "Tbilisi", Country: "GEO", Lat: 41.7151, Lon: 44.8271, Events: 2, Quad: [5]int{0, 0, 0, 1, 1}},
		{Name: "Kyiv", Country: "UKR", Lat: 50.45, Lon: 30.5236, Events: 1, Quad: [5]int{0, 0, 0, 0, 1}},
	}
	if got := list(store.Filter{}); !reflect.DeepEqual(got, want) {
		t.Errorf("event places:\n got %+v\nwant %+v", got, want)
	}
	if got := list(store.Filter{From: "2000-01-01"}); !reflect.DeepEqual(got, want) {
		t.Errorf("event places from 2000:\n got %+v\nwant %+v", got, want)
	}
	q4 := []store.EventPlaceCount{want[2], want[1]}
	q4[0].Quad, q4[1].Quad, q4[1].Events = [5]int{0, 0, 0, 0, 1}, [5]int{0, 0, 0, 0, 1}, 1
	if got := list(store.Filter{QuadClass: 4}); !reflect.DeepEqual(got, q4) {
		t.Errorf("event places of quad 4:\n got %+v\nwant %+v", got, q4)
	}
	if want[1].MainQuad() != 3 || want[0].MainQuad() != 1 || (store.EventPlaceCount{}).MainQuad() != 0 {
		t.Errorf("MainQuad: %d %d", want[1].MainQuad(), want[0].MainQuad())
	}
	p, err := s.EventPlaces(ctx, store.Filter{Limit: 1, Cursor: store.EncodeCursor("2")})
	if err != nil || len(p.Items) != 1 || p.Items[0].Name != "Kyiv" || p.Next != "" {
		t.Errorf("event places from offset 2: %+v %v", p, err)
	}
}

func testActor(t *testing.T, s store.Store) {
	fixture(t, s)
	ctx := context.Background()
	got, err := s.Actor(ctx, "rusgov", false)
	if err != nil {
		t.Fatal(err)
	}
	want := store.ActorSummary{Code: "RUSGOV", Mentions: 3, Articles: 3,
		Names:  []store.Count{{Label: "Kremlin", N: 2}, {Label: "Vladimir Putin", N: 1}},
		People: []string{"Kremlin", "Vladimir Putin"}, Recent: []string{"herald-moscow", "wire-4411", "moscow-talks"},
		Events: 2, Months: []store.Count{{Label: "2023-02-01", N: 2}}, Partners: []store.Count{{Label: "CHNGOV", N: 2}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Actor(RUSGOV):\n got %+v\nwant %+v", got, want)
	}
	got, err = s.Actor(ctx, "RUS", false)
	if err != nil {
		t.Fatal(err)
	}
	want = store.ActorSummary{Code: "RUS", Mentions: 1, Articles: 1, Names: []store.Count{{Label: "Russia", N: 1}},
		People: []string{"Russia"}, Recent: []string{"moscow-talks"}, Events: 3,
		Months:   []store.Count{{Label: "2023-02-01", N: 2}, {Label: "2023-03-01", N: 1}},
		Partners: []store.Count{{Label: "CHNGOV", N: 2}, {Label: "UKR", N: 1}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Actor(RUS):\n got %+v\nwant %+v", got, want)
	}
	got, err = s.Actor(ctx, "ZZZ", false)
	if err != nil || got.Mentions != 0 || got.Events != 0 || len(got.Names) != 0 {
		t.Errorf("Actor(ZZZ): %+v %v, want nothing counted", got, err)
	}
	for _, bad := range []string{"", "RU'S", "RUS GOV"} {
		if _, err := s.Actor(ctx, bad, false); !errors.Is(err, store.ErrBadFilter) {
			t.Errorf("Actor(%q): %v, want ErrBadFilter", bad, err)
		}
	}
}

// undatedRecord is an article without a publication date whose one event
// has no date either: RUSGOV consults CHNGOV.
func undatedRecord() *record.Record {
	b := build("undated-talks", "https://wire.example/undated", "Wire Service", "",
		"Russian and Chinese officials hold talks",
		`Russian officials held talks with a Chinese delegation on energy cooperation, the foreign ministry said.`)
	b.entity("Russian officials", record.ORG, &record.Actor{Code: "RUSGOV", Country: "RUS", Name: "Russian government"})
	b.event("held talks", "RUSGOV", "CHNGOV", "040", "CONSULT", 1, 1, "", "", 0, 0)
	return b.record()
}

func testUndated(t *testing.T, s store.Store) {
	put(t, s, append(Fixture(), undatedRecord()))
	ctx := context.Background()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Events != 8 || st.Undated != 1 || st.TopDyads[0] != (store.DyadCount{A: "CHN", B: "RUS", Events: 3}) {
		t.Errorf("stats: %d events, %d undated, top dyad %+v; want 8, 1, CHN–RUS 3", st.Events, st.Undated, st.TopDyads[0])
	}
	// The dyad counts the undated event as the overview does, whatever the
	// period and the bounds.
	for _, q := range []store.DyadQuery{{By: store.ByMonth}, {By: store.ByDay}, {From: "2023-03-01"}, {To: "2023-01-31"}} {
		q.Dyad = store.Dyad{A: "RUS", B: "CHN"}
		ser, err := s.Dyad(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if ser.Undated.Events != 1 || ser.Undated.Mentions != 1 || ser.Undated.Quad[1] != 1 || ser.Undated.GoldsteinMean != 1 {
			t.Errorf("dyad %+v: undated %+v, want 1 event", q, ser.Undated)
		}
		for _, p := range ser.Points {
			if p.Period == "" {
				t.Errorf("dyad %+v: a period without a date: %+v", q, p)
			}
		}
	}
	ser, _ := s.Dyad(ctx, store.DyadQuery{Dyad: store.Dyad{A: "RUS", B: "CHN"}})
	if ser.Total() != 3 {
		t.Errorf("dyad total %d (%+v), want 3 as the overview counts", ser.Total(), ser)
	}
	evs := events(t, s, store.Filter{Dyad: &store.Dyad{A: "RUS", B: "CHN"}})
	if len(evs) != 3 || evs[0].Date != "" || evs[0].CAMEO != "040" {
		t.Errorf("RUS:CHN events: %+v, want 3 with the undated one first", evs)
	}
	if evs := events(t, s, store.Filter{Dyad: &store.Dyad{A: "RUS", B: "CHN"}, From: "2023-01-01"}); len(evs) != 2 {
		t.Errorf("RUS:CHN events from 2023: %d, want the 2 dated", len(evs))
	}
	a, err := s.Actor(ctx, "RUSGOV", false)
	if err != nil || a.Events != 3 || a.Undated != 1 || len(a.Months) != 1 || a.Months[0].N != 2 {
		t.Errorf("Actor(RUSGOV): %+v %v, want 3 events, 1 undated", a, err)
	}
}

// testPlaceCounting checks the filtered listings of places and event
// places, which group rows by place, against counts made by hand: a place
// named twice in one article counts two mentions and one article; an
// actor's filter takes the articles naming it (once, however many of their
// entities match) and the events on either side (once, when both do);
// pages of a filtered listing follow on.
func testPlaceCounting(t *testing.T, s store.Store) {
	ctx := context.Background()
	const paris, lyon, brest = "Paris", "Lyon", "Brest"
	geo := map[string][2]float64{paris: {48.8566, 2.3522}, lyon: {45.764, 4.8357}, brest: {48.3904, -4.4861}}
	art := func(id, published, body string, actors []string, places []string) *builder {
		b := build(id, "", "outlet", published, "Report "+id, body)
		for _, a := range actors {
			b.entity(a, "ORG", &record.Actor{Code: a, Country: a[:3]})
		}
		for i, p := range places {
			b.r.Places = append(b.r.Places, record.Place{Start: i, End: i + 1, Text: p, Name: p, Country: "FRA",
				Lat: geo[p][0], Lon: geo[p][1], Feature: "PPLA"})
		}
		return b
	}
	ev := func(b *builder, src, tgt, cameo string, quad int, place string) {
		b.event("met", src, tgt, cameo, "CONSULT", quad, 1, place, "FRA", geo[place][0], geo[place][1])
	}
	a := art("pc-a", "2024-02-01", "FRA met DEU in Paris and Paris again, then Lyon.", []string{"FRA", "DEU"}, []string{paris, paris, lyon})
	ev(a, "FRA", "DEU", "040", 1, paris)
	ev(a, "DEU", "FRA", "190", 4, lyon)
	ev(a, "FRA", "FRAGOV", "036", 1, paris) // FRA on both sides: one event of FRA
	// FRA twice, as a code and by the country of FRAGOV: one article of FRA.
	b := art("pc-b", "2024-03-01", "FRAGOV met ITA in Lyon; Brest too.", []string{"FRAGOV", "ITA", "FRA"}, []string{lyon, brest})
	ev(b, "FRAGOV", "ITA", "042", 1, lyon)
	ev(b, "ITA", "FRAGOV", "130", 3, brest)
	c := art("pc-c", "2024-04-01", "ITA met DEU in Brest.", []string{"ITA", "DEU"}, []string{brest})
	ev(c, "ITA", "DEU", "057", 1, brest)
	put(t, s, []*record.Record{a.record(), b.record(), c.record()})

	pc := func(name string, m, n int) store.PlaceCount {
		return store.PlaceCount{Name: name, Country: "FRA", Lat: geo[name][0], Lon: geo[name][1], Feature: "PPLA", Mentions: m, Articles: n}
	}
	epc := func(name string, quads ...int) store.EventPlaceCount {
		p := store.EventPlaceCount{Name: name, Country: "FRA", Lat: geo[name][0], Lon: geo[name][1], Events: len(quads)}
		for _, q := range quads {
			p.Quad[q]++
		}
		return p
	}
	for _, tc := range []struct {
		f      store.Filter
		places []store.PlaceCount
		events []store.EventPlaceCount
	}{
		{store.Filter{}, []store.PlaceCount{pc(brest, 2, 2), pc(lyon, 2, 2), pc(paris, 2, 1)},
			[]store.EventPlaceCount{epc(brest, 3, 1), epc(lyon, 4, 1), epc(paris, 1, 1)}},
		{store.Filter{From: "2024-01-01"}, []store.PlaceCount{pc(brest, 2, 2), pc(lyon, 2, 2), pc(paris, 2, 1)},
			[]store.EventPlaceCount{epc(brest, 3, 1), epc(lyon, 4, 1), epc(paris, 1, 1)}},
		{store.Filter{Actor: "FRA"}, []store.PlaceCount{pc(lyon, 2, 2), pc(paris, 2, 1), pc(brest, 1, 1)},
			[]store.EventPlaceCount{epc(lyon, 4, 1), epc(paris, 1, 1), epc(brest, 3)}},
		{store.Filter{Actor: "FRAGOV"}, []store.PlaceCount{pc(brest, 1, 1), pc(lyon, 1, 1)},
			[]store.EventPlaceCount{epc(brest, 3), epc(lyon, 1), epc(paris, 1)}},
		{store.Filter{Actor: "ITA"}, []store.PlaceCount{pc(brest, 2, 2), pc(lyon, 1, 1)},
			[]store.EventPlaceCount{epc(brest, 3, 1), epc(lyon, 1)}},
		{store.Filter{Actor: "DEU", To: "2024-03-31"}, []store.PlaceCount{pc(paris, 2, 1), pc(lyon, 1, 1)},
			[]store.EventPlaceCount{epc(lyon, 4), epc(paris, 1)}},
		{store.Filter{From: "2024-03-01"}, []store.PlaceCount{pc(brest, 2, 2), pc(lyon, 1, 1)},
			[]store.EventPlaceCount{epc(brest, 3, 1), epc(lyon, 1)}},
		{store.Filter{QuadClass: 1}, []store.PlaceCount{pc(brest, 2, 2), pc(lyon, 2, 2), pc(paris, 2, 1)},
			[]store.EventPlaceCount{epc(paris, 1, 1), epc(brest, 1), epc(lyon, 1)}},
		{store.Filter{Actor: "ESP"}, nil, nil},
	} {
		var places []store.PlaceCount
		var events []store.EventPlaceCount
		f := tc.f
		for i := 0; i < 5; i++ { // pages of one
			f.Limit = 1
			p, err := s.Places(ctx, f)
			if err != nil {
				t.Fatalf("Places(%+v): %v", f, err)
			}
			places = append(places, p.Items...)
			if f.Cursor = p.Next; f.Cursor == "" {
				break
			}
		}
		f = tc.f
		for i := 0; i < 5; i++ {
			f.Limit = 1
			p, err := s.EventPlaces(ctx, f)
			if err != nil {
				t.Fatalf("EventPlaces(%+v): %v", f, err)
			}
			events = append(events, p.Items...)
			if f.Cursor = p.Next; f.Cursor == "" {
				break
			}
		}
		if !reflect.DeepEqual(places, tc.places) {
			t.Errorf("Places(%+v):\n got %+v\nwant %+v", tc.f, places, tc.places)
		}
		if !reflect.DeepEqual(events, tc.events) {
			t.Errorf("EventPlaces(%+v):\n got %+v\nwant %+v", tc.f, events, tc.events)
		}
	}
}

// CompareActors checks that s.Actor answers for each of codes (at least
// ten) what grouped computes from the backend's own rows, the latest
// events aside.
func CompareActors(t *testing.T, s store.Store, codes []string, grouped func(code string) store.ActorSummary) {
	t.Helper()
	if len(codes) < 10 {
		t.Fatalf("only %d codes", len(codes))
	}
	for _, code := range codes {
		got, err := s.Actor(context.Background(), code, false)
		if err != nil {
			t.Fatal(err)
		}
		got.Recent = nil
		if want := grouped(code); !reflect.DeepEqual(got, want) {
			t.Errorf("Actor(%s):\n got %+v\nwant %+v", code, got, want)
		}
	}
}

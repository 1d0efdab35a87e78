package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
	"github.com/newsgraph/newsgraph/record"
)

func open(t *testing.T) store.Store {
	t.Helper()
	s, err := Open(context.Background(), Options{Path: filepath.Join(t.TempDir(), "test.db")})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

func openStore(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestNearDuplicateAcrossPuts stores the fixture one record per Put, then
// its first record alone and the others in chunks of two: the near-duplicate
// is found among stored articles, not in the batch.
func TestNearDuplicateAcrossPuts(t *testing.T) {
	t.Run("one per Put", func(t *testing.T) {
		var batches [][]*record.Record
		for _, r := range storetest.Fixture() {
			batches = append(batches, []*record.Record{r})
		}
		testNearAcross(t, batches)
	})
	t.Run("chunks", func(t *testing.T) {
		defer func(n int) { nearChunk = n }(nearChunk)
		nearChunk = 2
		fx := storetest.Fixture()
		testNearAcross(t, [][]*record.Record{fx[:1], fx[1:]})
	})
}

func testNearAcross(t *testing.T, batches [][]*record.Record) {
	ctx := context.Background()
	s := openStore(t, filepath.Join(t.TempDir(), "test.db"))
	defer s.Close()
	var sum store.PutResult
	for _, b := range batches {
		res, err := s.Put(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		sum.Add(res)
	}
	if sum.NearDuplicates != 1 {
		t.Fatalf("Puts: %+v, want 1 near-duplicate", sum)
	}
	p, err := s.Articles(ctx, store.Filter{Article: "herald-moscow"})
	if err != nil || len(p.Items) != 1 || p.Items[0].Story != "moscow-talks" {
		t.Fatalf("herald-moscow: %+v, %v; want it in story moscow-talks", p.Items, err)
	}
}

// TestForeignKeys checks the references that Put keeps by construction
// (SQLite does not enforce them, see Open).
func TestForeignKeys(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, filepath.Join(t.TempDir(), "test.db"))
	defer s.Close()
	for _, recs := range [][]*record.Record{storetest.Fixture(), storetest.Synthetic(200, 3)} {
		if _, err := s.Put(ctx, recs); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Fatal("foreign_key_check reports broken references")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestVersion3 opens a store as version 3 left it: records as plain JSON,
// no running total of places.
func TestVersion3(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "test.db")
	s := openStore(t, path)
	recs := storetest.Fixture()
	if _, err := s.Put(ctx, recs); err != nil {
		t.Fatal(err)
	}
	// A store of version 3 held no uncounted events.
	for _, q := range []string{"DELETE FROM mentions WHERE event IN (SELECT n FROM events WHERE mode != '')", "DELETE FROM events WHERE mode != ''"} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	want, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		js, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, "UPDATE articles SET record = ? WHERE id = ?", js, r.ID); err != nil {
			t.Fatal(err)
		}
	}
	wantActors, wantPlaces, wantEventPlaces := counted(t, s)
	wantFiltered := filtered(t, s)
	// Undo versions 11, 8, 7, then 6 (the places rows again, from the
	// records).
	for _, q := range []string{"DROP INDEX events_uncounted", "DROP INDEX events_dyad",
		"CREATE INDEX events_dyad ON events(source_key, target_key, day, quad, goldstein, num_mentions, avg_tone)",
		"DROP INDEX events_target_key", "CREATE INDEX events_target_key ON events(target_key, day, id)",
		"DROP INDEX events_cameo", "CREATE INDEX events_cameo ON events(cameo, day, id)",
		"DROP INDEX events_quad", "CREATE INDEX events_quad ON events(quad, day, id)",
		"DROP INDEX events_plover", "CREATE INDEX events_plover ON events(plover, day, id)",
		"DROP INDEX events_place", "CREATE INDEX events_place ON events(place_name COLLATE NOCASE, day, id) WHERE place_name IS NOT NULL",
		"DROP TABLE code_months", "DROP TABLE day_places", "DROP TABLE entity_names", "DROP TABLE key_months", "DROP TABLE key_places", "DROP TABLE key_event_places", "DROP INDEX events_day", "DROP INDEX events_source_actor", "DROP INDEX events_target_actor",
		"CREATE INDEX events_day ON events(day, id)", "ALTER TABLE events DROP COLUMN place", "ALTER TABLE events DROP COLUMN mode",
		"DROP TABLE article_places", "DROP TABLE place_keys",
		`CREATE TABLE places (article INTEGER NOT NULL REFERENCES articles(n), start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
			name TEXT NOT NULL, country TEXT NOT NULL DEFAULT '', lat REAL NOT NULL, lon REAL NOT NULL, feature TEXT NOT NULL DEFAULT '', geonameid INTEGER NOT NULL DEFAULT 0)`,
		"CREATE INDEX places_article ON places(article, name, country, lat, lon, feature, geonameid)"} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for _, r := range recs {
		for _, x := range r.Places {
			if _, err := s.db.ExecContext(ctx, `INSERT INTO places SELECT n, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM articles WHERE id = ?`,
				x.Start, x.End, x.Text, x.Name, x.Country, x.Lat, x.Lon, x.Feature, x.GeonameID, r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Then version 5, then 4.
	for _, q := range []string{"DROP TABLE actor_counts", "DROP TABLE place_counts", "DROP TABLE event_places",
		"DROP INDEX entities_code",
		"CREATE INDEX entities_code ON entities(code) WHERE code != ''",
		"CREATE TABLE dates (article INTEGER NOT NULL REFERENCES articles(n), start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL)",
		"DELETE FROM totals WHERE name = 'places'", "CREATE INDEX dates_article ON dates(article)", "PRAGMA user_version = 3"} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	s = openStore(t, path)
	defer s.Close()
	got, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Places == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("Stats after migration:\n%+v\nwant\n%+v", got, want)
	}
	// Version 5 fills the running counts from the rows.
	gotActors, gotPlaces, gotEventPlaces := counted(t, s)
	if !reflect.DeepEqual(gotActors, wantActors) || !reflect.DeepEqual(gotPlaces, wantPlaces) || !reflect.DeepEqual(gotEventPlaces, wantEventPlaces) {
		t.Errorf("running counts after migration:\n%+v\n%+v\n%+v\nwant\n%+v\n%+v\n%+v", gotActors, gotPlaces, gotEventPlaces, wantActors, wantPlaces, wantEventPlaces)
	}
	// Version 6 numbers the places of the articles and events, 7 counts
	// them by actor key, 8 counts for actor pages.
	if got := filtered(t, s); !reflect.DeepEqual(got, wantFiltered) {
		t.Errorf("filtered places after migration:\n%+v\nwant\n%+v", got, wantFiltered)
	}
	for _, r := range recs {
		a, err := s.Article(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, r) {
			t.Errorf("Article(%q) from JSON: %+v, want %+v", r.ID, a, r)
		}
	}
}

// TestNewFile checks the settings a new database file gets.
func TestNewFile(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "test.db"))
	defer s.Close()
	var size int
	var mode string
	if err := s.db.QueryRow("PRAGMA page_size").Scan(&size); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if size != 8192 || mode != "wal" {
		t.Errorf("page_size %d, journal_mode %s; want 8192, wal", size, mode)
	}
}

// counted returns the unfiltered listings that read the running counts.
func counted(t *testing.T, s *Store) ([]store.Actor, []store.PlaceCount, []store.EventPlaceCount) {
	t.Helper()
	ctx := context.Background()
	a, err := s.Actors(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Places(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.EventPlaces(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Items) == 0 || len(p.Items) == 0 || len(e.Items) == 0 {
		t.Fatalf("nothing counted: %+v %+v %+v", a, p, e)
	}
	return a.Items, p.Items, e.Items
}

// filtered returns listings of places and event places that group the rows
// of some articles or events, each rendered as text.
func filtered(t *testing.T, s *Store) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	for _, f := range []store.Filter{{From: "2000-01-01"}, {From: "2023-03-01", To: "2023-03-31"}, {To: "2023-02-28"}, {Actor: "RUS"}, {Actor: "UKR"}, {Actor: "CHN"}, {Actor: "RUSGOV"}, {QuadClass: 4}} {
		p, err := s.Places(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		e, err := s.EventPlaces(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%+v: %+v %+v", f, p.Items, e.Items))
	}
	for _, code := range []string{"RUS", "RUSGOV", "CHN", "UKR", "GEOOPP"} {
		a, err := s.Actor(ctx, code, false)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%+v", a))
	}
	return out
}

// TestActorCounts checks that the running counts of actor pages
// (entity_names, actor_counts, key_months) answer as grouping the entity
// and event rows did.
func TestActorCounts(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, filepath.Join(t.TempDir(), "test.db"))
	defer s.Close()
	recs := append(storetest.Fixture(), storetest.Synthetic(60, 4)...)
	// An event whose two sides start with the same code (RUSGOV, RUSGOVX):
	// one event of RUSGOV, RUSG and RUS.
	ev := recs[0].Events[0]
	ev.CAMEO, ev.Source.Code = "043", "RUSGOV"
	ev.Target = &record.EventActor{Code: "RUSGOVX", Country: "RUS", Start: ev.Target.Start, End: ev.Target.End, Text: ev.Target.Text}
	recs[0].Events = append(recs[0].Events, ev)
	for i := 0; i < len(recs); i += 16 {
		if _, err := s.Put(ctx, recs[i:min(i+16, len(recs))]); err != nil {
			t.Fatal(err)
		}
	}
	grouped := func(code string) store.ActorSummary {
		b := store.NewActorBuilder(code)
		rows, err := s.db.QueryContext(ctx, `SELECT text, name, count(*) FROM entities WHERE code = ? GROUP BY text, name`, code)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var text, name string
			var n int
			if err := rows.Scan(&text, &name, &n); err != nil {
				t.Fatal(err)
			}
			b.AddEntities(text, name, n)
		}
		rows.Close()
		var articles int
		if err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT article) FROM entities WHERE code = ?`, code).Scan(&articles); err != nil {
			t.Fatal(err)
		}
		var w where
		src, tgt, src2 := side(&w, "source", code), side(&w, "target", code), side(&w, "source", code)
		rows, err = s.db.QueryContext(ctx, `SELECT substr(day, 1, 7), other, count(*) FROM (
			SELECT e.day AS day, e.target_code AS other FROM events e WHERE `+src+` AND e.mode = ''
			UNION ALL SELECT e.day, e.source_code FROM events e WHERE `+tgt+` AND NOT (`+src2+`) AND e.mode = '') GROUP BY 1, 2`, w.args...)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var month, other string
			var n int
			if err := rows.Scan(&month, &other, &n); err != nil {
				t.Fatal(err)
			}
			b.AddEvents(month, other, n)
		}
		rows.Close()
		return b.Summary(articles, nil)
	}
	var codes []string
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT code FROM entities UNION SELECT DISTINCT source_key FROM events UNION SELECT DISTINCT target_key FROM events WHERE target_key != ''`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		rows.Scan(&c)
		codes = append(codes, c)
	}
	rows.Close()
	for _, c := range codes {
		if len(c) > 4 {
			codes = append(codes, c[:4]) // a prefix of codes
		}
	}
	codes = append(codes, "RUSGOVX")
	storetest.CompareActors(t, s, codes, grouped)
}

// TestActorsByActor checks that the actor listing filtered by an actor
// alone, read from the running counts, answers as grouping the entities.
func TestActorsByActor(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, filepath.Join(t.TempDir(), "test.db"))
	defer s.Close()
	recs := append(storetest.Fixture(), storetest.Synthetic(60, 4)...)
	// An entity of a country under a code of another prefix.
	recs[0].Entities[0].Actor = &record.Actor{Code: "IGOUNO", Country: "RUS", Name: "United Nations"}
	if _, err := s.Put(ctx, recs); err != nil {
		t.Fatal(err)
	}
	for _, x := range []string{"RUS", "RUSGOV", "CHN", "USA", "UKR", "IGO", "R", "ZZZ"} {
		got, err := s.Actors(ctx, store.Filter{Actor: x, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT code, max(country), max(name), count(*), count(DISTINCT article) FROM entities
			WHERE code != '' AND ((code >= ? AND code < ?) OR country = ?) GROUP BY code ORDER BY 4 DESC, 1`, x, prefixEnd(x), x)
		if err != nil {
			t.Fatal(err)
		}
		var want []store.Actor
		for rows.Next() {
			var a store.Actor
			if err := rows.Scan(&a.Code, &a.Country, &a.Name, &a.Mentions, &a.Articles); err != nil {
				t.Fatal(err)
			}
			want = append(want, a)
		}
		rows.Close()
		if !reflect.DeepEqual(got.Items, want) {
			t.Errorf("Actors(%s):\n got %+v\nwant %+v", x, got.Items, want)
		}
	}
}

// TestEventPlacesByDays checks that the event places of a period, read from
// the running counts by day, answer as grouping the events.
func TestEventPlacesByDays(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, filepath.Join(t.TempDir(), "test.db"))
	defer s.Close()
	if _, err := s.Put(ctx, append(storetest.Fixture(), storetest.Synthetic(80, 4)...)); err != nil {
		t.Fatal(err)
	}
	for _, f := range []store.Filter{{From: "2000-01-01"}, {To: "2023-06-30"}, {From: "2023-02-01", To: "2023-05-31"}, {From: "2099-01-01"}} {
		f.Limit = 1000
		got, err := s.EventPlaces(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var w where
		eventConds(&w, &f)
		w.add("e.place_name IS NOT NULL")
		rows, err := s.db.QueryContext(ctx, `SELECT e.place_name, e.place_country, e.lat, e.lon, count(*), sum(e.quad = 1), sum(e.quad = 2), sum(e.quad = 3), sum(e.quad = 4)
			FROM events e`+w.sql()+` GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 1, 2, 3, 4`, w.args...)
		if err != nil {
			t.Fatal(err)
		}
		var want []store.EventPlaceCount
		for rows.Next() {
			var p store.EventPlaceCount
			if err := rows.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Events, &p.Quad[1], &p.Quad[2], &p.Quad[3], &p.Quad[4]); err != nil {
				t.Fatal(err)
			}
			want = append(want, p)
		}
		rows.Close()
		if f.From == "2000-01-01" && len(want) < 3 {
			t.Fatalf("only %d event places", len(want))
		}
		if !reflect.DeepEqual(got.Items, want) {
			t.Errorf("EventPlaces(%s..%s):\n got %+v\nwant %+v", f.From, f.To, got.Items, want)
		}
	}
}

package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
)

// testURL is the database the tests use: $NEWSGRAPH_TEST_POSTGRES, else
// the local test database. Tests skip when it is not reachable.
func testURL(t testing.TB) string {
	t.Helper()
	url := os.Getenv("NEWSGRAPH_TEST_POSTGRES")
	if url == "" {
		url = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	c, err := net.DialTimeout("tcp", "127.0.0.1:5432", time.Second)
	if err != nil && os.Getenv("NEWSGRAPH_TEST_POSTGRES") == "" {
		t.Skipf("skipping: PostgreSQL is not running on 127.0.0.1:5432 (%v)", err)
	}
	if c != nil {
		c.Close()
	}
	return url
}

// openTemp opens a store in a schema of its own, dropped at the end.
func openTemp(t testing.TB) *Store {
	t.Helper()
	url := testURL(t)
	schema := fmt.Sprintf("ngtest_%d", rand.IntN(1<<30))
	s, err := Open(context.Background(), Options{URL: url, Schema: schema})
	if err != nil {
		t.Skipf("skipping: cannot open PostgreSQL at %s: %v", url, err)
	}
	t.Cleanup(func() { DropSchema(context.Background(), url, schema) })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

// TestBisectDataError: PostgreSQL refuses a record the text rule passes
// (a URL too long for its unique index); the error names no record, so
// PutSplit halves the batch until it finds it, and stores the rest.
func TestBisectDataError(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	ctx := context.Background()
	recs := storetest.Synthetic(6, 1)
	long := make([]byte, 12000)
	for i := range long {
		long[i] = "abcdefghijklmnopqrstuvwxyz0123456789"[rand.IntN(36)]
	}
	recs[4].URL = "https://example.org/" + string(long)
	_, err := s.Put(ctx, recs)
	if !errors.Is(err, store.ErrBadRecord) {
		t.Fatalf("Put with a 12 kB URL: %v, want ErrBadRecord", err)
	}
	res, bad, err := store.PutSplit(ctx, s, recs)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 5 || len(bad) != 1 || bad[0].Record.ID != recs[4].ID {
		t.Fatalf("PutSplit: %+v, rejected %v", res, bad)
	}
	t.Logf("rejected %s: %v", bad[0].Record.ID, bad[0].Err)
}

// TestUnavailable: a store whose server is gone fails with
// store.ErrUnavailable, not ErrBadRecord, so nothing is split or rejected.
func TestUnavailable(t *testing.T) {
	s := openTemp(t)
	s.pool.Close()
	_, err := s.Put(context.Background(), storetest.Synthetic(2, 1))
	if !errors.Is(err, store.ErrUnavailable) || errors.Is(err, store.ErrBadRecord) {
		t.Fatalf("Put on a closed pool: %v", err)
	}
}

// TestMigrations opens a store as schema 2 left it (places rows, no running
// counts, no place numbers) and checks that migrations 3 to 7 fill the
// running counts and number the places from the rows: the listings, filtered
// and not, answer as before.
func TestMigrations(t *testing.T) {
	ctx := context.Background()
	url := testURL(t)
	schema := fmt.Sprintf("ngtest_%d", rand.IntN(1<<30))
	s, err := Open(ctx, Options{URL: url, Schema: schema})
	if err != nil {
		t.Skipf("skipping: cannot open PostgreSQL at %s: %v", url, err)
	}
	t.Cleanup(func() { DropSchema(context.Background(), url, schema) })
	recs := storetest.Fixture()
	if _, err := s.Put(ctx, recs); err != nil {
		t.Fatal(err)
	}
	counted := func(s *Store) string {
		t.Helper()
		a, err := s.Actors(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		out := fmt.Sprintf("%+v", a.Items)
		for _, f := range []store.Filter{{}, {From: "2000-01-01"}, {From: "2023-03-01", To: "2023-03-31"}, {To: "2023-02-28"}, {Actor: "RUS"}, {Actor: "UKR"}, {Actor: "CHN"}, {Actor: "RUSGOV"}, {QuadClass: 4}} {
			p, err := s.Places(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			e, err := s.EventPlaces(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Items) == 0 || len(p.Items) == 0 || len(e.Items) == 0 {
				t.Fatalf("nothing counted (%+v): %+v %+v %+v", f, a, p, e)
			}
			out += fmt.Sprintf("\n%+v: %+v %+v", f, p.Items, e.Items)
		}
		for _, code := range []string{"RUS", "RUSGOV", "CHN", "UKR", "GEOOPP"} {
			a, err := s.Actor(ctx, code, false)
			if err != nil {
				t.Fatal(err)
			}
			out += fmt.Sprintf("\n%+v", a)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return out + fmt.Sprintf("\n%+v", st)
	}
	// A store of schema 7 held no uncounted events.
	for _, q := range []string{"DELETE FROM mentions WHERE event IN (SELECT n FROM events WHERE mode != '')", "DELETE FROM events WHERE mode != ''"} {
		if _, err := s.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	want := counted(s)
	// Undo migrations 8 to 5, then 4 (the places rows again, from the records).
	for _, q := range []string{"DROP INDEX events_uncounted", "DROP INDEX events_dyad",
		"CREATE INDEX events_dyad ON events(source_key, target_key, day, quad, goldstein, num_mentions, avg_tone)",
		"DROP INDEX events_target_key", "CREATE INDEX events_target_key ON events(target_key, day, id)",
		"DROP INDEX events_cameo", "CREATE INDEX events_cameo ON events(cameo, day, id)",
		"DROP INDEX events_quad", "CREATE INDEX events_quad ON events(quad, day, id)",
		"DROP INDEX events_plover", "CREATE INDEX events_plover ON events(plover, day, id)",
		"DROP INDEX events_place", "CREATE INDEX events_place ON events(lower(place_name), day, id) WHERE place_name IS NOT NULL",
		"DROP TABLE entity_names", "DROP TABLE key_months", "DROP TABLE day_places", "DROP TABLE key_places", "DROP TABLE key_event_places", "DROP INDEX events_day", "DROP INDEX events_source_actor", "DROP INDEX events_target_actor", "DROP INDEX entities_country",
		"CREATE INDEX events_day ON events(day, id)", "CREATE INDEX events_source_actor ON events(source_key, source_code, day) INCLUDE (target_code)",
		"CREATE INDEX events_target_actor ON events(target_key, target_code, day) INCLUDE (source_key, source_code)",
		"CREATE INDEX entities_country ON entities(country) WHERE country != ''",
		"ALTER TABLE events DROP COLUMN place", "ALTER TABLE events DROP COLUMN mode", "DROP TABLE article_places", "DROP TABLE place_keys",
		`CREATE TABLE places (article BIGINT NOT NULL REFERENCES articles(n), start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
			name TEXT NOT NULL, country TEXT NOT NULL DEFAULT '', lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL,
			feature TEXT NOT NULL DEFAULT '', geonameid BIGINT NOT NULL DEFAULT 0)`,
		"CREATE INDEX places_article ON places(article)"} {
		if _, err := s.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	for _, r := range recs {
		for _, x := range r.Places {
			if _, err := s.pool.Exec(ctx, `INSERT INTO places SELECT n, $1, $2, $3, $4, $5, $6, $7, $8, $9 FROM articles WHERE id = $10`,
				x.Start, x.End, x.Text, x.Name, x.Country, x.Lat, x.Lon, x.Feature, x.GeonameID, r.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Undo migration 3.
	for _, q := range []string{"DROP TABLE actor_counts", "DROP TABLE place_counts", "DROP TABLE event_places", "UPDATE newsgraph_schema SET version = 2"} {
		if _, err := s.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err = Open(ctx, Options{URL: url, Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := counted(s); got != want {
		t.Errorf("listings after migrations 3 to 7:\n%s\nwant\n%s", got, want)
	}
}

// TestActorCounts checks that the running counts of actor pages
// (entity_names, actor_counts, key_months) answer as grouping the entity
// and event rows did.
func TestActorCounts(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	ctx := context.Background()
	recs := append(storetest.Fixture(), storetest.Synthetic(60, 4)...)
	for i := 0; i < len(recs); i += 16 {
		if _, err := s.Put(ctx, recs[i:min(i+16, len(recs))]); err != nil {
			t.Fatal(err)
		}
	}
	grouped := func(code string) store.ActorSummary {
		b := store.NewActorBuilder(code)
		rows, err := s.pool.Query(ctx, `SELECT text, name, count(*) FROM entities WHERE code = $1 GROUP BY text, name`, code)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var text, name string
			var n int64
			if err := rows.Scan(&text, &name, &n); err != nil {
				t.Fatal(err)
			}
			b.AddEntities(text, name, int(n))
		}
		rows.Close()
		var articles int64
		if err := s.pool.QueryRow(ctx, `SELECT count(DISTINCT article) FROM entities WHERE code = $1`, code).Scan(&articles); err != nil {
			t.Fatal(err)
		}
		var w where
		src, tgt := side(&w, "source", code), side(&w, "target", code)
		rows, err = s.pool.Query(ctx, `SELECT substr(day, 1, 7), other, count(*) FROM (
			SELECT e.day AS day, e.target_code AS other FROM events e WHERE `+src+` AND e.mode = ''
			UNION ALL SELECT e.day, e.source_code FROM events e WHERE `+tgt+` AND NOT (`+src+`) AND e.mode = '') x GROUP BY 1, 2`, w.args...)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var month, other string
			var n int64
			if err := rows.Scan(&month, &other, &n); err != nil {
				t.Fatal(err)
			}
			b.AddEvents(month, other, int(n))
		}
		rows.Close()
		return b.Summary(int(articles), nil)
	}
	var codes []string
	rows, err := s.pool.Query(ctx, `SELECT code FROM entities WHERE code != '' UNION SELECT source_key FROM events UNION SELECT target_key FROM events WHERE target_key != ''`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		codes = append(codes, c)
	}
	rows.Close()
	storetest.CompareActors(t, s, codes, grouped)
}

package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/store"
)

// Places lists the places named in articles matching f; see store.Store.
// The places rows of the matching articles are grouped; pages are offsets.
func (s *Store) Places(ctx context.Context, f store.Filter) (store.Page[store.PlaceCount], error) {
	f, err := f.Prepared()
	if err != nil {
		return store.Page[store.PlaceCount]{}, err
	}
	off, err := store.DecodeIntCursor(f.Cursor)
	if err != nil {
		return store.Page[store.PlaceCount]{}, err
	}
	var w where
	// Without a condition, the running counts (place_counts) answer.
	q := `SELECT name, country, lat, lon, feature, geonameid, mentions, articles FROM place_counts
		ORDER BY mentions DESC, name, country, lat, lon LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	if !f.Unfiltered() {
		w = where{}
		articleConds(&w, &f, true)
		q = `SELECT p.name, p.country, p.lat, p.lon, max(p.feature COLLATE "C"), max(p.geonameid), count(*), count(DISTINCT p.article)
		FROM places p WHERE p.article IN (SELECT a.n FROM articles a` + w.sql() + `) GROUP BY p.name, p.country, p.lat, p.lon
		ORDER BY 7 DESC, p.name COLLATE "C", p.country COLLATE "C", p.lat, p.lon LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	}
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return store.Page[store.PlaceCount]{}, fmt.Errorf("cannot list places: %w", err)
	}
	next := store.OffsetCursors(int64(off))
	page, err := collect(rows, f.Limit, func(r pgx.Rows) (store.PlaceCount, string, error) {
		var p store.PlaceCount
		var geonameid, mentions, articles int64
		err := r.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Feature, &geonameid, &mentions, &articles)
		p.GeonameID, p.Mentions, p.Articles = int(geonameid), int(mentions), int(articles)
		return p, next(), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list places: %w", err)
	}
	return page, nil
}

// EventPlaces lists the places of events matching f; see store.Store.
// The matching events are grouped; pages are offsets.
func (s *Store) EventPlaces(ctx context.Context, f store.Filter) (store.Page[store.EventPlaceCount], error) {
	f, err := f.Prepared()
	if err != nil {
		return store.Page[store.EventPlaceCount]{}, err
	}
	off, err := store.DecodeIntCursor(f.Cursor)
	if err != nil {
		return store.Page[store.EventPlaceCount]{}, err
	}
	// Without a condition, the running counts (event_places) answer.
	from := `event_places x`
	var w where
	if !f.Unfiltered() {
		eventConds(&w, &f)
		w.add("e.place_name IS NOT NULL")
		from = `(SELECT e.place_name AS name, e.place_country AS country, e.lat, e.lon, e.quad, 1 AS events FROM events e` + w.sql() + `) x`
	}
	q := `SELECT x.name, x.country, x.lat, x.lon, sum(x.events),
		coalesce(sum(x.events) FILTER (WHERE x.quad = 1), 0), coalesce(sum(x.events) FILTER (WHERE x.quad = 2), 0),
		coalesce(sum(x.events) FILTER (WHERE x.quad = 3), 0), coalesce(sum(x.events) FILTER (WHERE x.quad = 4), 0)
		FROM ` + from + ` GROUP BY x.name, x.country, x.lat, x.lon
		ORDER BY 5 DESC, x.name COLLATE "C", x.country COLLATE "C", x.lat, x.lon LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return store.Page[store.EventPlaceCount]{}, fmt.Errorf("cannot list event places: %w", err)
	}
	next := store.OffsetCursors(int64(off))
	page, err := collect(rows, f.Limit, func(r pgx.Rows) (store.EventPlaceCount, string, error) {
		var p store.EventPlaceCount
		var n [5]int64
		err := r.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &n[0], &n[1], &n[2], &n[3], &n[4])
		p.Events = int(n[0])
		for q := 1; q <= 4; q++ {
			p.Quad[q] = int(n[q])
		}
		return p, next(), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list event places: %w", err)
	}
	return page, nil
}

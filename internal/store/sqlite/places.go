package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/store"
)

// Places lists the places named in articles matching f; see store.Store.
// Without a condition it reads the running counts (place_counts), else it
// groups the places rows of the matching articles. Pages are offsets.
func (s *Store) Places(ctx context.Context, f store.Filter) (store.Page[store.PlaceCount], error) {
	var page store.Page[store.PlaceCount]
	f, err := f.Prepared()
	if err != nil {
		return page, err
	}
	off, err := offsetCursor(f.Cursor)
	if err != nil {
		return page, err
	}
	q := `SELECT name, country, lat, lon, feature, geonameid, mentions, articles FROM place_counts
		ORDER BY mentions DESC, name, country, lat, lon LIMIT ? OFFSET ?`
	var args []any
	if !f.Unfiltered() {
		var w where
		articleIn(&w, "p.article", &f, true)
		q = `SELECT p.name, p.country, p.lat, p.lon, max(p.feature), max(p.geonameid), count(*), count(DISTINCT p.article)
			FROM places p` + w.sql() + `
			GROUP BY p.name, p.country, p.lat, p.lon ORDER BY 7 DESC, 1, 2, 3, 4 LIMIT ? OFFSET ?`
		args = w.args
	}
	rows, err := s.db.QueryContext(ctx, q, append(args, f.Limit+1, off)...)
	if err != nil {
		return page, fmt.Errorf("cannot list places: %w", err)
	}
	next := store.OffsetCursors(int64(off))
	page, err = collect(rows, f.Limit, func(r *sql.Rows) (store.PlaceCount, string, error) {
		var p store.PlaceCount
		err := r.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Feature, &p.GeonameID, &p.Mentions, &p.Articles)
		return p, next(), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list places: %w", err)
	}
	return page, nil
}

// EventPlaces lists the places of events matching f; see store.Store.
// Without a condition it reads the running counts (event_places), else it
// groups the matching events. Pages are offsets.
func (s *Store) EventPlaces(ctx context.Context, f store.Filter) (store.Page[store.EventPlaceCount], error) {
	var page store.Page[store.EventPlaceCount]
	f, err := f.Prepared()
	if err != nil {
		return page, err
	}
	off, err := offsetCursor(f.Cursor)
	if err != nil {
		return page, err
	}
	from := `event_places x`
	var args []any
	if !f.Unfiltered() {
		var w where
		eventConds(&w, &f)
		w.add("e.place_name IS NOT NULL")
		from = `(SELECT e.place_name AS name, e.place_country AS country, e.lat AS lat, e.lon AS lon, e.quad AS quad, 1 AS events
			FROM events e` + w.sql() + `) x`
		args = w.args
	}
	q := `SELECT x.name, x.country, x.lat, x.lon, sum(x.events),
		sum(CASE x.quad WHEN 1 THEN x.events ELSE 0 END), sum(CASE x.quad WHEN 2 THEN x.events ELSE 0 END),
		sum(CASE x.quad WHEN 3 THEN x.events ELSE 0 END), sum(CASE x.quad WHEN 4 THEN x.events ELSE 0 END)
		FROM ` + from + ` GROUP BY x.name, x.country, x.lat, x.lon ORDER BY 5 DESC, 1, 2, 3, 4 LIMIT ? OFFSET ?`
	rows, err := s.db.QueryContext(ctx, q, append(args, f.Limit+1, off)...)
	if err != nil {
		return page, fmt.Errorf("cannot list event places: %w", err)
	}
	next := store.OffsetCursors(int64(off))
	page, err = collect(rows, f.Limit, func(r *sql.Rows) (store.EventPlaceCount, string, error) {
		var p store.EventPlaceCount
		err := r.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Events, &p.Quad[1], &p.Quad[2], &p.Quad[3], &p.Quad[4])
		return p, next(), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list event places: %w", err)
	}
	return page, nil
}

package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/store"
)

// Places lists the places named in articles matching f; see store.Store.
// Without a condition it reads the running counts (place_counts), else it
// groups the article_places rows of the matching articles by place number
// and names the page's places (feature and geonameid are place_counts',
// the largest over all articles). Pages are offsets.
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
	if f.KeyOnly(3) {
		q = `SELECT k.name, k.country, k.lat, k.lon, c.feature, c.geonameid, x.mentions, x.articles
			FROM key_places x
			CROSS JOIN place_keys k ON k.id = x.place
			CROSS JOIN place_counts c ON c.name = k.name AND c.country = k.country AND c.lat = k.lat AND c.lon = k.lon
			WHERE x.key = ? ORDER BY x.mentions DESC, k.name, k.country, k.lat, k.lon LIMIT ? OFFSET ?`
		args = []any{f.Actor}
	} else if !f.Unfiltered() {
		var w where
		articleIn(&w, "p.article", &f, true)
		q = `SELECT k.name, k.country, k.lat, k.lon, c.feature, c.geonameid, g.mentions, g.articles
			FROM (SELECT p.place AS place, sum(p.mentions) AS mentions, count(*) AS articles FROM article_places p` + w.sql() + `
				GROUP BY p.place) g
			CROSS JOIN place_keys k ON k.id = g.place
			CROSS JOIN place_counts c ON c.name = k.name AND c.country = k.country AND c.lat = k.lat AND c.lon = k.lon
			ORDER BY g.mentions DESC, k.name, k.country, k.lat, k.lon LIMIT ? OFFSET ?`
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
// groups the matching events by place number (read with the quad class
// from the covering indexes of the date and actor filters) and names the
// page's places. Pages are offsets.
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
	q := `SELECT x.name, x.country, x.lat, x.lon, sum(x.events),
		sum(CASE x.quad WHEN 1 THEN x.events ELSE 0 END), sum(CASE x.quad WHEN 2 THEN x.events ELSE 0 END),
		sum(CASE x.quad WHEN 3 THEN x.events ELSE 0 END), sum(CASE x.quad WHEN 4 THEN x.events ELSE 0 END)
		FROM event_places x GROUP BY x.name, x.country, x.lat, x.lon ORDER BY 5 DESC, 1, 2, 3, 4 LIMIT ? OFFSET ?`
	var args []any
	// The running counts hold only counted events: with every mode, the
	// events themselves are grouped.
	if f.KeyOnly(1) && !f.AllModes {
		q = `SELECT k.name, k.country, k.lat, k.lon, sum(x.events),
			sum(CASE x.quad WHEN 1 THEN x.events ELSE 0 END), sum(CASE x.quad WHEN 2 THEN x.events ELSE 0 END),
			sum(CASE x.quad WHEN 3 THEN x.events ELSE 0 END), sum(CASE x.quad WHEN 4 THEN x.events ELSE 0 END)
			FROM key_event_places x CROSS JOIN place_keys k ON k.id = x.place
			WHERE x.key = ? GROUP BY x.place ORDER BY 5 DESC, k.name, k.country, k.lat, k.lon LIMIT ? OFFSET ?`
		args = []any{f.Actor}
	} else if f.DatesOnly() && !f.AllModes {
		var w where
		if f.From != "" {
			w.add("x.day >= ?", f.From)
		}
		if f.To != "" {
			w.add("x.day <= ? AND x.day != ''", f.To)
		}
		q = `SELECT k.name, k.country, k.lat, k.lon, g.events, g.q1, g.q2, g.q3, g.q4
			FROM (SELECT x.place AS place, sum(x.events) AS events, sum(CASE x.quad WHEN 1 THEN x.events ELSE 0 END) AS q1,
				sum(CASE x.quad WHEN 2 THEN x.events ELSE 0 END) AS q2, sum(CASE x.quad WHEN 3 THEN x.events ELSE 0 END) AS q3,
				sum(CASE x.quad WHEN 4 THEN x.events ELSE 0 END) AS q4 FROM day_places x` + w.sql() + ` GROUP BY x.place) g
			CROSS JOIN place_keys k ON k.id = g.place
			ORDER BY g.events DESC, k.name, k.country, k.lat, k.lon LIMIT ? OFFSET ?`
		args = w.args
	} else if !f.Unfiltered() || f.AllModes {
		var w where
		eventConds(&w, &f)
		w.add("e.place IS NOT NULL")
		q = `SELECT k.name, k.country, k.lat, k.lon, g.events, g.q1, g.q2, g.q3, g.q4
			FROM (SELECT e.place AS place, count(*) AS events, sum(e.quad = 1) AS q1, sum(e.quad = 2) AS q2,
				sum(e.quad = 3) AS q3, sum(e.quad = 4) AS q4 FROM events e` + w.sql() + ` GROUP BY e.place) g
			CROSS JOIN place_keys k ON k.id = g.place
			ORDER BY g.events DESC, k.name, k.country, k.lat, k.lon LIMIT ? OFFSET ?`
		args = w.args
	}
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

package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/store"
)

// Places lists the places named in articles matching f; see store.Store.
// Without a condition the running counts (place_counts) answer, else the
// article_places rows of the matching articles are grouped by place number
// and the page's places named (feature and geonameid are place_counts', the
// largest over all articles). Pages are offsets.
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
	if f.KeyOnly(3) {
		w = where{}
		q = `SELECT k.name, k.country, k.lat, k.lon, c.feature, c.geonameid, x.mentions, x.articles
		FROM key_places x JOIN place_keys k ON k.id = x.place
		JOIN place_counts c ON c.name = k.name AND c.country = k.country AND c.lat = k.lat AND c.lon = k.lon
		WHERE x.key = ` + w.arg(f.Actor) + ` ORDER BY x.mentions DESC, k.name, k.country, k.lat, k.lon LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	} else if !f.Unfiltered() {
		w = where{}
		articleIn(&w, "p.article", &f)
		q = `SELECT k.name, k.country, k.lat, k.lon, c.feature, c.geonameid, g.mentions, g.articles
		FROM (SELECT p.place, sum(p.mentions) AS mentions, count(*) AS articles FROM article_places p` + w.sql() + `
			GROUP BY p.place) g
		JOIN place_keys k ON k.id = g.place
		JOIN place_counts c ON c.name = k.name AND c.country = k.country AND c.lat = k.lat AND c.lon = k.lon
		ORDER BY g.mentions DESC, k.name, k.country, k.lat, k.lon LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
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
// Without a condition the running counts (event_places) answer, else the
// matching events are grouped by place number (in the indexes of the date
// and actor filters) and the page's places named. Pages are offsets.
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
	var w where
	q := `SELECT x.name, x.country, x.lat, x.lon, sum(x.events),
		coalesce(sum(x.events) FILTER (WHERE x.quad = 1), 0), coalesce(sum(x.events) FILTER (WHERE x.quad = 2), 0),
		coalesce(sum(x.events) FILTER (WHERE x.quad = 3), 0), coalesce(sum(x.events) FILTER (WHERE x.quad = 4), 0)
		FROM event_places x GROUP BY x.name, x.country, x.lat, x.lon
		ORDER BY 5 DESC, x.name COLLATE "C", x.country COLLATE "C", x.lat, x.lon LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	// The running counts hold only counted events: with every mode, the
	// events themselves are grouped.
	if f.KeyOnly(1) && !f.AllModes {
		w = where{}
		q = `SELECT k.name, k.country, k.lat, k.lon, sum(x.events),
			coalesce(sum(x.events) FILTER (WHERE x.quad = 1), 0), coalesce(sum(x.events) FILTER (WHERE x.quad = 2), 0),
			coalesce(sum(x.events) FILTER (WHERE x.quad = 3), 0), coalesce(sum(x.events) FILTER (WHERE x.quad = 4), 0)
		FROM key_event_places x JOIN place_keys k ON k.id = x.place
		WHERE x.key = ` + w.arg(f.Actor) + ` GROUP BY k.id, k.name, k.country, k.lat, k.lon
		ORDER BY 5 DESC, k.name, k.country, k.lat, k.lon LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	} else if f.DatesOnly() && !f.AllModes {
		w = where{}
		if f.From != "" {
			w.add("x.day >= " + w.arg(f.From))
		}
		if f.To != "" {
			w.add("x.day <= " + w.arg(f.To) + " AND x.day != ''")
		}
		q = `SELECT k.name, k.country, k.lat, k.lon, sum(x.events),
			coalesce(sum(x.events) FILTER (WHERE x.quad = 1), 0), coalesce(sum(x.events) FILTER (WHERE x.quad = 2), 0),
			coalesce(sum(x.events) FILTER (WHERE x.quad = 3), 0), coalesce(sum(x.events) FILTER (WHERE x.quad = 4), 0)
		FROM day_places x JOIN place_keys k ON k.id = x.place` + w.sql() + ` GROUP BY k.id, k.name, k.country, k.lat, k.lon
		ORDER BY 5 DESC, k.name, k.country, k.lat, k.lon LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	} else if !f.Unfiltered() || f.AllModes {
		w = where{}
		from := placedEvents(&w, &f)
		q = `SELECT k.name, k.country, k.lat, k.lon, g.events, g.q1, g.q2, g.q3, g.q4
		FROM (SELECT e.place, count(*) AS events, count(*) FILTER (WHERE e.quad = 1) AS q1, count(*) FILTER (WHERE e.quad = 2) AS q2,
			count(*) FILTER (WHERE e.quad = 3) AS q3, count(*) FILTER (WHERE e.quad = 4) AS q4 FROM ` + from + ` GROUP BY e.place) g
		JOIN place_keys k ON k.id = g.place
		ORDER BY g.events DESC, k.name, k.country, k.lat, k.lon LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	}
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

// placedEvents returns a FROM clause of the events matching f that have a
// place, as e with at least their place and quad class. With an actor, it
// reads the events with the actor as source, then those with it as target
// only, each from its side's index (an OR of both sides scans a whole
// index).
func placedEvents(w *where, f *store.Filter) string {
	if f.Actor == "" {
		eventConds(w, f)
		w.add("e.place IS NOT NULL")
		return "events e" + w.sql()
	}
	g := *f
	g.Actor = ""
	src := where{args: w.args}
	src.add(side(&src, "source", f.Actor))
	eventConds(&src, &g)
	src.add("e.place IS NOT NULL")
	tgt := where{args: src.args}
	tgt.add(side(&tgt, "target", f.Actor) + " AND NOT " + side(&tgt, "source", f.Actor))
	eventConds(&tgt, &g)
	tgt.add("e.place IS NOT NULL")
	w.args = tgt.args
	return "(SELECT e.place, e.quad FROM events e" + src.sql() + " UNION ALL SELECT e.place, e.quad FROM events e" + tgt.sql() + ") e"
}

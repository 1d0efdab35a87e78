package postgres

import (
	"context"
	"fmt"
	"strconv"

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
	in := ""
	if !f.Unfiltered() {
		articleConds(&w, &f, true)
		in = ` WHERE p.article IN (SELECT a.n FROM articles a` + w.sql() + `)`
	}
	q := `SELECT p.name, p.country, p.lat, p.lon, max(p.feature), max(p.geonameid), count(*), count(DISTINCT p.article)
		FROM places p` + in + ` GROUP BY p.name, p.country, p.lat, p.lon
		ORDER BY 7 DESC, p.name COLLATE "C", p.country COLLATE "C", p.lat, p.lon LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return store.Page[store.PlaceCount]{}, fmt.Errorf("cannot list places: %w", err)
	}
	i := off
	page, err := collect(rows, f.Limit, func(r pgx.Rows) (store.PlaceCount, string, error) {
		var p store.PlaceCount
		var geonameid, mentions, articles int64
		err := r.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Feature, &geonameid, &mentions, &articles)
		p.GeonameID, p.Mentions, p.Articles = int(geonameid), int(mentions), int(articles)
		i++
		return p, store.EncodeCursor(strconv.FormatInt(i, 10)), err
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
	var w where
	eventConds(&w, &f)
	w.add("e.place_name IS NOT NULL")
	q := `SELECT e.place_name, e.place_country, e.lat, e.lon, count(*),
		count(*) FILTER (WHERE e.quad = 1), count(*) FILTER (WHERE e.quad = 2),
		count(*) FILTER (WHERE e.quad = 3), count(*) FILTER (WHERE e.quad = 4)
		FROM events e` + w.sql() + ` GROUP BY e.place_name, e.place_country, e.lat, e.lon
		ORDER BY 5 DESC, e.place_name COLLATE "C", e.place_country COLLATE "C", e.lat, e.lon LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return store.Page[store.EventPlaceCount]{}, fmt.Errorf("cannot list event places: %w", err)
	}
	i := off
	page, err := collect(rows, f.Limit, func(r pgx.Rows) (store.EventPlaceCount, string, error) {
		var p store.EventPlaceCount
		var n [5]int64
		err := r.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &n[0], &n[1], &n[2], &n[3], &n[4])
		p.Events = int(n[0])
		for q := 1; q <= 4; q++ {
			p.Quad[q] = int(n[q])
		}
		i++
		return p, store.EncodeCursor(strconv.FormatInt(i, 10)), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list event places: %w", err)
	}
	return page, nil
}

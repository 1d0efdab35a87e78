package sqlite

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/store"
)

// Dyad returns a dyad's series; see store.Store. Rows are grouped by day and
// quad class in SQL and folded into periods here.
func (s *Store) Dyad(ctx context.Context, q store.DyadQuery) ([]store.DyadPoint, error) {
	q.EnsureDefaults()
	if err := q.Validate(); err != nil {
		return nil, err
	}
	f := store.Filter{Dyad: &q.Dyad}
	var w where
	eventOnly(&w, &f)
	w.add("e.day != ''")
	if q.From != "" {
		w.add("e.day >= ?", q.From)
	}
	if q.To != "" {
		w.add("e.day <= ?", q.To)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.day, e.quad, count(*), sum(e.num_mentions), sum(e.goldstein), sum(e.avg_tone)
		FROM events e`+w.sql()+` GROUP BY e.day, e.quad ORDER BY e.day`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("cannot read dyad %s: %w", q.Dyad, err)
	}
	defer rows.Close()
	var out []store.DyadPoint
	var tone []float64
	for rows.Next() {
		var day string
		var quad, n, m int
		var gs, ts float64
		if err := rows.Scan(&day, &quad, &n, &m, &gs, &ts); err != nil {
			return nil, fmt.Errorf("cannot read dyad %s: %w", q.Dyad, err)
		}
		p := store.PeriodStart(day, q.By)
		if len(out) == 0 || out[len(out)-1].Period != p {
			out = append(out, store.DyadPoint{Period: p})
			tone = append(tone, 0)
		}
		pt := &out[len(out)-1]
		pt.Events += n
		pt.Mentions += m
		if quad >= 1 && quad <= 4 {
			pt.Quad[quad] += n
		}
		pt.GoldsteinSum += gs
		tone[len(tone)-1] += ts
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("cannot read dyad %s: %w", q.Dyad, err)
	}
	for i := range out {
		if out[i].Events > 0 {
			out[i].GoldsteinMean = out[i].GoldsteinSum / float64(out[i].Events)
			out[i].Tone = tone[i] / float64(out[i].Events)
		}
	}
	return out, nil
}

// Stats summarises the store; see store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(DISTINCT story) FROM articles),
		(SELECT count(*) FROM events), (SELECT count(*) FROM mentions),
		(SELECT count(*) FROM entities), (SELECT count(*) FROM places),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM amounts),
		(SELECT coalesce(min(day), '') FROM events WHERE day != ''), (SELECT coalesce(max(day), '') FROM events WHERE day != '')`).
		Scan(&st.Articles, &st.Stories, &st.Events, &st.Mentions, &st.Entities, &st.Places, &st.Quotes, &st.Amounts, &st.FirstDate, &st.LastDate)
	if err != nil {
		return st, fmt.Errorf("cannot read stats: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT quad, count(*) FROM events GROUP BY quad`)
	if err != nil {
		return st, fmt.Errorf("cannot read stats: %w", err)
	}
	for rows.Next() {
		var q, n int
		if err := rows.Scan(&q, &n); err != nil {
			rows.Close()
			return st, fmt.Errorf("cannot read stats: %w", err)
		}
		if q >= 1 && q <= 4 {
			st.Quad[q] = n
		}
	}
	rows.Close()
	rows, err = s.db.QueryContext(ctx, `SELECT min(x, y), max(x, y), count(*) FROM (
		SELECT CASE WHEN source_country != '' THEN source_country ELSE substr(source_code, 1, 3) END AS x,
		       CASE WHEN target_country != '' THEN target_country ELSE substr(target_code, 1, 3) END AS y
		FROM events WHERE target_code != '') WHERE x != y GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10`)
	if err != nil {
		return st, fmt.Errorf("cannot read stats: %w", err)
	}
	defer rows.Close()
	st.TopDyads = []store.DyadCount{}
	for rows.Next() {
		var d store.DyadCount
		if err := rows.Scan(&d.A, &d.B, &d.Events); err != nil {
			return st, fmt.Errorf("cannot read stats: %w", err)
		}
		st.TopDyads = append(st.TopDyads, d)
	}
	return st, rows.Err()
}

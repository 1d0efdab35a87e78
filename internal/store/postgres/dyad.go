package postgres

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/store"
)

// Dyad returns a dyad's series; see store.Store. Rows are grouped by day and
// quad class in SQL and folded into periods here; undated events (day ”)
// are counted whatever the From and To bounds, which no date of theirs can
// meet or miss.
func (s *Store) Dyad(ctx context.Context, q store.DyadQuery) (store.DyadSeries, error) {
	var none store.DyadSeries
	q.EnsureDefaults()
	if err := q.Validate(); err != nil {
		return none, err
	}
	f := store.Filter{Dyad: &q.Dyad, AllModes: q.AllModes}
	var w where
	eventOnly(&w, &f)
	if q.From != "" {
		w.add("(e.day >= " + w.arg(q.From) + " OR e.day = '')")
	}
	if q.To != "" {
		w.add("e.day <= " + w.arg(q.To))
	}
	rows, err := s.pool.Query(ctx, `SELECT e.day, e.quad, count(*), sum(e.num_mentions), sum(e.goldstein), sum(e.avg_tone)
		FROM events e`+w.sql()+` GROUP BY e.day, e.quad ORDER BY e.day`, w.args...)
	if err != nil {
		return none, fmt.Errorf("cannot read dyad %s: %w", q.Dyad, err)
	}
	defer rows.Close()
	b := store.NewSeriesBuilder(q.By)
	for rows.Next() {
		var day string
		var quad int
		var n, m int64
		var gs, ts float64
		if err := rows.Scan(&day, &quad, &n, &m, &gs, &ts); err != nil {
			return none, fmt.Errorf("cannot read dyad %s: %w", q.Dyad, err)
		}
		b.Add(day, quad, int(n), int(m), gs, ts)
	}
	if err := rows.Err(); err != nil {
		return none, fmt.Errorf("cannot read dyad %s: %w", q.Dyad, err)
	}
	return b.Series(), nil
}

// Stats summarises the store; see store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	var counts [8]int64
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(DISTINCT story) FROM articles),
		(SELECT count(*) FROM events) - (SELECT count(*) FROM events WHERE mode != ''),
		(SELECT count(*) FROM mentions) - (SELECT coalesce(sum(num_mentions), 0) FROM events WHERE mode != ''),
		(SELECT count(*) FROM entities), (SELECT coalesce(sum(mentions), 0) FROM place_counts),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM amounts),
		coalesce((SELECT day FROM events WHERE day != '' AND mode = '' ORDER BY day LIMIT 1), ''),
		coalesce((SELECT day FROM events WHERE day != '' AND mode = '' ORDER BY day DESC LIMIT 1), ''),
		(SELECT count(*) FROM events WHERE day = '' AND mode = ''), (SELECT count(*) FROM events WHERE mode != '')`).
		Scan(&counts[0], &counts[1], &counts[2], &counts[3], &counts[4], &counts[5], &counts[6], &counts[7], &st.FirstDate, &st.LastDate, &st.Undated, &st.Uncounted)
	if err != nil {
		return st, fmt.Errorf("cannot read stats: %w", err)
	}
	st.Articles, st.Stories, st.Events, st.Mentions = int(counts[0]), int(counts[1]), int(counts[2]), int(counts[3])
	st.Entities, st.Places, st.Quotes, st.Amounts = int(counts[4]), int(counts[5]), int(counts[6]), int(counts[7])
	rows, err := s.pool.Query(ctx, `SELECT quad, sum(events) FROM event_counts GROUP BY quad`)
	if err != nil {
		return st, fmt.Errorf("cannot read stats: %w", err)
	}
	for rows.Next() {
		var q int
		var n int64
		if err := rows.Scan(&q, &n); err != nil {
			rows.Close()
			return st, fmt.Errorf("cannot read stats: %w", err)
		}
		if q >= 1 && q <= 4 {
			st.Quad[q] = int(n)
		}
	}
	rows.Close()
	rows, err = s.pool.Query(ctx, `SELECT source_key, target_key, sum(events) FROM event_counts
		WHERE target_key != '' AND target_key != source_key GROUP BY 1, 2`)
	if err != nil {
		return st, fmt.Errorf("cannot read stats: %w", err)
	}
	defer rows.Close()
	pairs := map[[2]string]int{}
	for rows.Next() {
		var a, b string
		var n int64
		if err := rows.Scan(&a, &b, &n); err != nil {
			return st, fmt.Errorf("cannot read stats: %w", err)
		}
		pairs[[2]string{a, b}] += int(n)
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("cannot read stats: %w", err)
	}
	st.TopDyads = store.TopDyads(pairs)
	return st, nil
}

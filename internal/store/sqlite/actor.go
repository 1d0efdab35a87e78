package sqlite

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/store"
)

// Actor summarises one actor code; see store.Store. The names and the
// articles are running counts (entity_names, actor_counts); the events by
// month and partner too: by key (key_months) for three letters or fewer,
// else by each side's code (code_months); with allModes, which the running
// counts do not hold, the events themselves are grouped.
func (s *Store) Actor(ctx context.Context, code string, allModes bool) (store.ActorSummary, error) {
	code, err := store.ActorCode(code)
	if err != nil {
		return store.ActorSummary{}, err
	}
	fail := func(err error) (store.ActorSummary, error) {
		return store.ActorSummary{}, fmt.Errorf("cannot summarise actor %s: %w", code, err)
	}
	b := store.NewActorBuilder(code)
	rows, err := s.db.QueryContext(ctx, `SELECT text, name, n FROM entity_names WHERE code = ?`, code)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var text, name string
		var n int
		if err := rows.Scan(&text, &name, &n); err != nil {
			rows.Close()
			return fail(err)
		}
		b.AddEntities(text, name, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	var articles int
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT articles FROM actor_counts WHERE code = ?), 0)`, code).Scan(&articles); err != nil {
		return fail(err)
	}
	var recent []string
	rows, err = s.db.QueryContext(ctx, `SELECT a.id FROM (SELECT DISTINCT article FROM entities WHERE code = ? AND code != '' ORDER BY article DESC LIMIT 3) x
		JOIN articles a ON a.n = x.article ORDER BY x.article DESC`, code)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fail(err)
		}
		recent = append(recent, id)
	}
	rows.Close()
	// Events by month and other side: by key for three letters or fewer
	// (sides match by key), else by key and code, where a target row
	// counts unless its source matches too.
	q, args := `SELECT month, other, events FROM key_months WHERE key = ?`, []any{code}
	if len(code) > 3 {
		end := prefixEnd(code)
		q, args = `SELECT month, other, sum(events) FROM code_months WHERE key = ? AND code >= ? AND code < ?
			AND (side = 0 OR NOT (okey = ? AND other >= ? AND other < ?)) GROUP BY 1, 2`,
			[]any{code[:3], code, end, code[:3], code, end}
	}
	if allModes {
		// Events with the actor as source, then as target and not as
		// source, of every mode.
		var w where
		src, tgt, src2 := side(&w, "source", code), side(&w, "target", code), side(&w, "source", code)
		q, args = `SELECT substr(day, 1, 7), other, count(*) FROM (
			SELECT e.day AS day, e.target_code AS other FROM events e WHERE `+src+`
			UNION ALL SELECT e.day, e.source_code FROM events e WHERE `+tgt+` AND NOT (`+src2+`)) GROUP BY 1, 2`, w.args
	}
	rows, err = s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var month, other string
		var n int
		if err := rows.Scan(&month, &other, &n); err != nil {
			return fail(err)
		}
		b.AddEvents(month, other, n)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	return b.Summary(articles, recent), nil
}

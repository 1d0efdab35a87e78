package postgres

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/store"
)

// Actor summarises one actor code; see store.Store. The names and the
// articles are running counts (entity_names, actor_counts); the events by
// month and partner too for a key of three letters or fewer (key_months),
// else, and with allModes (which the running counts do not hold), one
// grouped query over either side's code.
func (s *Store) Actor(ctx context.Context, code string, allModes bool) (store.ActorSummary, error) {
	code, err := store.ActorCode(code)
	if err != nil {
		return store.ActorSummary{}, err
	}
	fail := func(err error) (store.ActorSummary, error) {
		return store.ActorSummary{}, fmt.Errorf("cannot summarise actor %s: %w", code, err)
	}
	b := store.NewActorBuilder(code)
	rows, err := s.pool.Query(ctx, `SELECT text, name, n FROM entity_names WHERE code = $1`, code)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var text, name string
		var n int64
		if err := rows.Scan(&text, &name, &n); err != nil {
			rows.Close()
			return fail(err)
		}
		b.AddEntities(text, name, int(n))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	var articles int64
	if err := s.pool.QueryRow(ctx, `SELECT coalesce((SELECT articles FROM actor_counts WHERE code = $1), 0)`, code).Scan(&articles); err != nil {
		return fail(err)
	}
	var recent []string
	rows, err = s.pool.Query(ctx, `SELECT a.id FROM (SELECT DISTINCT article FROM entities WHERE code = $1 AND code != '' ORDER BY article DESC LIMIT 3) x
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
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	// Events with the actor as source, then as target and not as source.
	var w where
	src := side(&w, "source", code)
	tgt := side(&w, "target", code)
	counted := " AND e.mode = ''"
	if allModes {
		counted = ""
	}
	q, args := `SELECT substr(day, 1, 7), other, count(*) FROM (
			SELECT e.day AS day, e.target_code AS other FROM events e WHERE `+src+counted+`
			UNION ALL
			SELECT e.day, e.source_code FROM events e WHERE `+tgt+` AND NOT (`+src+`)`+counted+`) x
		GROUP BY 1, 2`, w.args
	if len(code) <= 3 && !allModes { // sides match by key
		q, args = `SELECT month, other, events FROM key_months WHERE key = $1`, []any{code}
	}
	rows, err = s.pool.Query(ctx, q, args...)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var month, other string
		var n int64
		if err := rows.Scan(&month, &other, &n); err != nil {
			return fail(err)
		}
		b.AddEvents(month, other, int(n))
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	return b.Summary(int(articles), recent), nil
}

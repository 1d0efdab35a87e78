package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// minNearWords is the fewest words an article needs to be compared for
// near-duplicates: shorter texts share shingles by chance.
const minNearWords = 20

// Put stores recs in one transaction; see store.Store. Writers serialise on
// an advisory lock, so a record that another worker stored a moment ago is
// seen and skipped rather than duplicated.
func (s *Store) Put(ctx context.Context, recs []*record.Record) (store.PutResult, error) {
	var res store.PutResult
	if len(recs) == 0 {
		return res, nil
	}
	if s.readOnly {
		return res, errors.New("postgres: store opened read-only")
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return res, fmt.Errorf("cannot begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", writeLock); err != nil {
		return res, fmt.Errorf("cannot lock for writing: %w", err)
	}
	touched := map[string]bool{}
	for _, r := range recs {
		if r == nil {
			continue
		}
		if err := put(ctx, tx, r, &res, touched); err != nil {
			return store.PutResult{}, fmt.Errorf("cannot store article %q: %w", r.ID, err)
		}
	}
	if len(touched) > 0 {
		ids := make([]string, 0, len(touched))
		for id := range touched {
			ids = append(ids, id)
		}
		if _, err := tx.Exec(ctx, `UPDATE events e SET
			num_mentions = (SELECT count(*) FROM mentions WHERE event = e.n),
			num_articles = (SELECT count(DISTINCT article) FROM mentions WHERE event = e.n),
			num_stories  = (SELECT count(DISTINCT a.story) FROM mentions m JOIN articles a ON a.n = m.article WHERE m.event = e.n),
			num_sources  = (SELECT count(DISTINCT a.outlet) FROM mentions m JOIN articles a ON a.n = m.article WHERE m.event = e.n AND a.outlet != ''),
			avg_tone     = (SELECT coalesce(avg(a.tone), 0) FROM articles a WHERE a.n IN (SELECT article FROM mentions WHERE event = e.n))
			WHERE e.id = ANY($1)`, ids); err != nil {
			return store.PutResult{}, fmt.Errorf("cannot count mentions: %w", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return store.PutResult{}, fmt.Errorf("cannot commit: %w", err)
	}
	s.mu.Lock()
	s.added += res.Added
	s.mu.Unlock()
	return res, nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func put(ctx context.Context, tx pgx.Tx, r *record.Record, res *store.PutResult, touched map[string]bool) error {
	if r.ID == "" {
		return errors.New("record has no id")
	}
	hash := dedup.ContentHash(r.Text)
	var dup bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS(SELECT 1 FROM articles WHERE id = $1) OR EXISTS(SELECT 1 FROM articles WHERE url = $2)
		OR EXISTS(SELECT 1 FROM articles WHERE content_hash = $3)`, r.ID, nullString(r.URL), hash).Scan(&dup); err != nil {
		return err
	}
	if dup {
		res.Duplicates++
		return nil
	}
	sig := dedup.Sign(r.Text)
	bands := sig.Bands()
	keys := make([]int64, len(bands))
	for i, b := range bands {
		keys[i] = int64(b)
	}
	nwords := countWords(r.Text)
	var story *int64
	if nwords >= minNearWords {
		rows, err := tx.Query(ctx, `SELECT a.n, a.story, a.signature FROM articles a
			WHERE a.n IN (SELECT article FROM bands WHERE key = ANY($1)) ORDER BY a.n`, keys)
		if err != nil {
			return err
		}
		best := 0.0
		for rows.Next() {
			var n, st int64
			var b []byte
			if err := rows.Scan(&n, &st, &b); err != nil {
				rows.Close()
				return err
			}
			other, err := dedup.ParseSignature(b)
			if err != nil {
				continue
			}
			if sim := dedup.Similarity(&sig, &other); sim >= dedup.Threshold && sim > best {
				best = sim
				st := st
				story = &st
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if story != nil {
		res.NearDuplicates++
	}
	js, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("cannot encode record: %w", err)
	}
	var tone float64
	var words int
	if r.Tone != nil {
		tone, words = r.Tone.Tone, r.Tone.WordCount
	}
	if words == 0 {
		words = nwords
	}
	var n int64
	err = tx.QueryRow(ctx, `INSERT INTO articles (id, url, source, outlet, title, published, day, language, content_hash, story, signature, tone, words, num_events, record)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($10, 0), $11, $12, $13, $14, $15)
		RETURNING n`,
		r.ID, nullString(r.URL), r.Source, store.ArticleSource(r), r.Title, r.Published, store.Day(r.Published),
		r.Language, hash, story, sig.Bytes(), tone, words, len(r.Events), js).Scan(&n)
	if err != nil {
		return err
	}
	res.Added++

	// Every layer of the article goes in one round trip.
	b := &pgx.Batch{}
	if story == nil && nwords >= minNearWords {
		b.Queue(`INSERT INTO bands (key, article) SELECT unnest($1::bigint[]), $2 ON CONFLICT DO NOTHING`, keys, n)
	}
	for _, e := range r.Entities {
		var code, country, name string
		if e.Actor != nil {
			code, country, name = e.Actor.Code, e.Actor.Country, e.Actor.Name
		}
		b.Queue(`INSERT INTO entities (article, start, "end", text, type, code, country, name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			n, e.Start, e.End, e.Text, e.Type, code, country, name)
	}
	for _, x := range r.Places {
		b.Queue(`INSERT INTO places (article, start, "end", text, name, country, lat, lon, feature, geonameid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			n, x.Start, x.End, x.Text, x.Name, x.Country, x.Lat, x.Lon, x.Feature, x.GeonameID)
	}
	for _, x := range r.Dates {
		b.Queue(`INSERT INTO dates (article, start, "end", text, type, value) VALUES ($1, $2, $3, $4, $5, $6)`,
			n, x.Start, x.End, x.Text, x.Type, x.Value)
	}
	for _, x := range r.Amounts {
		b.Queue(`INSERT INTO amounts (article, start, "end", text, value, unit, object) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			n, x.Start, x.End, x.Text, x.Value, x.Unit, x.Object)
	}
	for _, q := range r.Quotes {
		var sp, code string
		if q.Speaker != nil {
			sp = q.Speaker.Name
			if sp == "" {
				sp = q.Speaker.Text
			}
			if q.Speaker.Actor != nil {
				code = q.Speaker.Actor.Code
			}
		}
		b.Queue(`INSERT INTO quotes (article, start, "end", text, kind, speaker, speaker_code) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			n, q.Start, q.End, q.Text, q.Kind, sp, code)
	}
	var newEvents []int // indexes in the batch of the event inserts
	var newMentions []int
	for i := range r.Events {
		ev := &r.Events[i]
		key, day, ok := store.EventKey(r, ev)
		if !ok {
			continue
		}
		id := store.EventID(key)
		var tc, tco, tn, tkey string
		if ev.Target != nil {
			tc, tco, tn = ev.Target.Code, ev.Target.Country, ev.Target.Name
			tkey = store.ActorKey(tc, tco)
		}
		var pn, plat, plon any
		var pc string
		if ev.Place != nil {
			pn, pc, plat, plon = ev.Place.Name, ev.Place.Country, ev.Place.Lat, ev.Place.Lon
		}
		skey := store.ActorKey(ev.Source.Code, ev.Source.Country)
		newEvents = append(newEvents, b.Len())
		b.Queue(`WITH ins AS (
			INSERT INTO events (id, key, day, source_key, target_key, source_code, source_country, source_name, target_code, target_country, target_name,
				cameo, plover, quad, goldstein, place_name, place_country, lat, lon, first_article, trigger)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
			ON CONFLICT (id) DO NOTHING RETURNING source_key, target_key, quad)
			INSERT INTO event_counts (source_key, target_key, quad, events) SELECT source_key, target_key, quad, 1 FROM ins
			ON CONFLICT (source_key, target_key, quad) DO UPDATE SET events = event_counts.events + 1`,
			id, key, day, skey, tkey, ev.Source.Code, ev.Source.Country, ev.Source.Name, tc, tco, tn,
			ev.CAMEO, ev.PLOVER, ev.QuadClass, ev.Goldstein, pn, pc, plat, plon, n, ev.Trigger)
		newMentions = append(newMentions, b.Len())
		b.Queue(`INSERT INTO mentions (event, article, start, "end", sentence, trigger, confidence)
			SELECT n, $2, $3, $4, $5, $6, $7 FROM events WHERE id = $1 ON CONFLICT DO NOTHING`,
			id, n, ev.Start, ev.End, ev.Sentence, ev.Trigger, ev.Confidence)
		touched[id] = true
	}
	if _, err := tx.Exec(ctx, `UPDATE articles SET story = n WHERE n = $1 AND story = 0`, n); err != nil {
		return err
	}
	br := tx.SendBatch(ctx, b)
	ei, mi := 0, 0
	for i := 0; i < b.Len(); i++ {
		tag, err := br.Exec()
		if err != nil {
			br.Close()
			return err
		}
		if ei < len(newEvents) && newEvents[ei] == i {
			ei++
			res.Events += int(tag.RowsAffected())
		}
		if mi < len(newMentions) && newMentions[mi] == i {
			mi++
			res.Mentions += int(tag.RowsAffected())
		}
	}
	return br.Close()
}

// countWords counts the runs of non-space bytes of s without allocating.
func countWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

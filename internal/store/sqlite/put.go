package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/dedup"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// minNearWords is the fewest words an article needs to be compared for
// near-duplicates: shorter texts share shingles by chance.
const minNearWords = 20

// Put stores recs in one transaction; see store.Store.
func (s *Store) Put(ctx context.Context, recs []*record.Record) (store.PutResult, error) {
	var res store.PutResult
	if len(recs) == 0 {
		return res, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("cannot begin: %w", err)
	}
	defer tx.Rollback()
	p, err := newPutter(ctx, tx)
	if err != nil {
		return res, err
	}
	defer p.close()
	for _, r := range recs {
		if r == nil {
			continue
		}
		if err := p.put(ctx, r, &res); err != nil {
			return store.PutResult{}, fmt.Errorf("cannot store article %q: %w", r.ID, err)
		}
	}
	for n := range p.touched {
		if _, err := p.count.ExecContext(ctx, n); err != nil {
			return store.PutResult{}, fmt.Errorf("cannot count mentions: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return store.PutResult{}, fmt.Errorf("cannot commit: %w", err)
	}
	s.added += res.Added
	return res, nil
}

// putter holds the prepared statements of one Put.
type putter struct {
	tx      *sql.Tx
	stmts   []*sql.Stmt
	touched map[int64]bool

	exists, article, band, fts, candSig               *sql.Stmt
	entity, place, date, amount, quote, event, eventN *sql.Stmt
	mention, count, tally, total                      *sql.Stmt
}

func newPutter(ctx context.Context, tx *sql.Tx) (*putter, error) {
	p := &putter{tx: tx, touched: map[int64]bool{}}
	prep := func(dst **sql.Stmt, q string) error {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return fmt.Errorf("cannot prepare %q: %w", q, err)
		}
		p.stmts = append(p.stmts, st)
		*dst = st
		return nil
	}
	for _, x := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&p.exists, `SELECT EXISTS(SELECT 1 FROM articles WHERE id = ?1) OR EXISTS(SELECT 1 FROM articles WHERE url = ?2) OR EXISTS(SELECT 1 FROM articles WHERE content_hash = ?3)`},
		{&p.article, `INSERT INTO articles (id, url, source, outlet, title, published, day, language, content_hash, story, signature, tone, words, num_events, record, num_entities)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, coalesce(?10, (SELECT coalesce(max(n), 0) + 1 FROM articles)), ?11, ?12, ?13, ?14, ?15, ?16)`},
		{&p.band, `INSERT OR IGNORE INTO bands (key, article) VALUES (?, ?)`},
		{&p.fts, `INSERT INTO article_text (rowid, text) VALUES (?, ?)`},
		{&p.candSig, `SELECT a.n, a.story, a.signature FROM articles a WHERE a.n IN (SELECT article FROM bands WHERE key IN (` + placeholders(dedup.NumBands) + `)) ORDER BY a.n`},
		{&p.entity, `INSERT INTO entities (article, start, "end", text, type, code, country, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`},
		{&p.place, `INSERT INTO places (article, start, "end", text, name, country, lat, lon, feature, geonameid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&p.date, `INSERT INTO dates (article, start, "end", text, type, value) VALUES (?, ?, ?, ?, ?, ?)`},
		{&p.amount, `INSERT INTO amounts (article, start, "end", text, value, unit, object) VALUES (?, ?, ?, ?, ?, ?, ?)`},
		{&p.quote, `INSERT INTO quotes (article, start, "end", text, kind, speaker, speaker_code) VALUES (?, ?, ?, ?, ?, ?, ?)`},
		// A new event starts with the counts of its first mention; an event
		// mentioned again is recounted at the end of Put.
		{&p.event, `INSERT INTO events (id, key, day, source_key, target_key, source_code, source_country, source_name, target_code, target_country, target_name,
			cameo, plover, quad, goldstein, place_name, place_country, lat, lon, first_article, trigger,
			num_mentions, num_articles, num_stories, num_sources, avg_tone)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, ?, ?) ON CONFLICT (id) DO NOTHING`},
		{&p.eventN, `SELECT n FROM events WHERE id = ?`},
		{&p.total, `INSERT INTO totals (name, n) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET n = n + excluded.n`},
		{&p.tally, `INSERT INTO event_counts (source_key, target_key, quad, events) VALUES (?, ?, ?, 1)
			ON CONFLICT (source_key, target_key, quad) DO UPDATE SET events = events + 1`},
		{&p.mention, `INSERT OR IGNORE INTO mentions (event, article, start, "end", sentence, trigger, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)`},
		{&p.count, `UPDATE events SET
			num_mentions = (SELECT count(*) FROM mentions WHERE event = ?1),
			num_articles = (SELECT count(DISTINCT article) FROM mentions WHERE event = ?1),
			num_stories  = (SELECT count(DISTINCT a.story) FROM mentions m JOIN articles a ON a.n = m.article WHERE m.event = ?1),
			num_sources  = (SELECT count(DISTINCT a.outlet) FROM mentions m JOIN articles a ON a.n = m.article WHERE m.event = ?1 AND a.outlet != ''),
			avg_tone     = (SELECT coalesce(avg(a.tone), 0) FROM articles a WHERE a.n IN (SELECT article FROM mentions WHERE event = ?1))
			WHERE n = ?1`},
	} {
		if err := prep(x.dst, x.q); err != nil {
			p.close()
			return nil, err
		}
	}
	return p, nil
}

func (p *putter) close() {
	for _, st := range p.stmts {
		st.Close()
	}
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (p *putter) put(ctx context.Context, r *record.Record, res *store.PutResult) error {
	if r.ID == "" {
		return errors.New("record has no id")
	}
	hash := dedup.ContentHash(r.Text)
	var dup bool
	if err := p.exists.QueryRowContext(ctx, r.ID, nullString(r.URL), hash).Scan(&dup); err != nil {
		return err
	}
	if dup {
		res.Duplicates++
		return nil
	}
	sig := dedup.Sign(r.Text)
	bands := sig.Bands()
	nwords := dedup.CountWords(r.Text)
	var story any // nil: a story of its own
	if nwords >= minNearWords {
		args := make([]any, len(bands))
		for i, b := range bands {
			args[i] = b
		}
		rows, err := p.candSig.QueryContext(ctx, args...)
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
				best, story = sim, st
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
	day := store.Day(r.Published)
	ins, err := p.article.ExecContext(ctx, r.ID, nullString(r.URL), r.Source, store.ArticleSource(r), r.Title, r.Published, day,
		r.Language, hash, story, sig.Bytes(), tone, words, len(r.Events), js, len(r.Entities))
	if err != nil {
		return err
	}
	n, err := ins.LastInsertId()
	if err != nil {
		return err
	}
	res.Added++
	if len(r.Entities) > 0 {
		if _, err := p.total.ExecContext(ctx, "entities", len(r.Entities)); err != nil {
			return err
		}
	}
	// Only a story's first article is indexed: copies are compared with it,
	// which keeps the candidates of a much-syndicated story to one.
	if story == nil && nwords >= minNearWords {
		for _, b := range bands {
			if _, err := p.band.ExecContext(ctx, b, n); err != nil {
				return err
			}
		}
	}
	if _, err := p.fts.ExecContext(ctx, n, r.Text); err != nil {
		return err
	}
	for _, e := range r.Entities {
		if e.Actor == nil || e.Actor.Code == "" {
			continue // in the record only; counted in num_entities
		}
		if _, err := p.entity.ExecContext(ctx, n, e.Start, e.End, e.Text, e.Type, e.Actor.Code, e.Actor.Country, e.Actor.Name); err != nil {
			return err
		}
	}
	for _, x := range r.Places {
		if _, err := p.place.ExecContext(ctx, n, x.Start, x.End, x.Text, x.Name, x.Country, x.Lat, x.Lon, x.Feature, x.GeonameID); err != nil {
			return err
		}
	}
	for _, x := range r.Dates {
		if _, err := p.date.ExecContext(ctx, n, x.Start, x.End, x.Text, x.Type, x.Value); err != nil {
			return err
		}
	}
	for _, x := range r.Amounts {
		if _, err := p.amount.ExecContext(ctx, n, x.Start, x.End, x.Text, x.Value, x.Unit, x.Object); err != nil {
			return err
		}
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
		if _, err := p.quote.ExecContext(ctx, n, q.Start, q.End, q.Text, q.Kind, sp, code); err != nil {
			return err
		}
	}
	sources := 0 // num_sources of a new event: 1 when the article has an outlet
	if store.ArticleSource(r) != "" {
		sources = 1
	}
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
		ins, err := p.event.ExecContext(ctx, id, key, day, skey, tkey, ev.Source.Code, ev.Source.Country, ev.Source.Name, tc, tco, tn,
			ev.CAMEO, ev.PLOVER, ev.QuadClass, ev.Goldstein, pn, pc, plat, plon, n, ev.Trigger, sources, tone)
		if err != nil {
			return err
		}
		isNew := false
		if k, _ := ins.RowsAffected(); k > 0 {
			isNew = true
			res.Events++
			if _, err := p.tally.ExecContext(ctx, skey, tkey, ev.QuadClass); err != nil {
				return err
			}
		}
		var en int64
		if err := p.eventN.QueryRowContext(ctx, id).Scan(&en); err != nil {
			return err
		}
		ins, err = p.mention.ExecContext(ctx, en, n, ev.Start, ev.End, ev.Sentence, ev.Trigger, ev.Confidence)
		if err != nil {
			return err
		}
		if k, _ := ins.RowsAffected(); k > 0 {
			res.Mentions++
			if !isNew {
				p.touched[en] = true
			}
		}
	}
	return nil
}

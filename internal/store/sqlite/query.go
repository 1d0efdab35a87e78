package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// where collects the conditions of a query and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// prefixEnd returns the smallest string greater than every string with
// prefix p, for an index range scan.
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return "\U0010ffff"
}

// side matches actor filter x on one side of event e, by store.MatchActor.
func side(w *where, col, x string) string { return sideOf(w, "e.", col, x) }

// sideOf is side on the columns ref+col_key and ref+col_code: "+e." keeps
// SQLite from reading them by index.
func sideOf(w *where, ref, col, x string) string {
	if len(x) <= 3 {
		w.args = append(w.args, x)
		return fmt.Sprintf("%s%s_key = ?", ref, col)
	}
	w.args = append(w.args, x[:3], x, prefixEnd(x))
	return fmt.Sprintf("(%s%s_key = ? AND %s%s_code >= ? AND %s%s_code < ?)", ref, col, ref, col, ref, col)
}

// ftsQuery turns free text into an FTS5 query in which every word must
// occur; it returns "" when s has no words.
func ftsQuery(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`"` + w + `"`)
	}
	return b.String()
}

// eventOnly adds the conditions that only events have (dyad, codes, place,
// and the counted modes unless f.AllModes).
func eventOnly(w *where, f *store.Filter) {
	if !f.AllModes {
		w.conds = append(w.conds, "e.mode = ''")
	}
	if d := f.Dyad; d != nil {
		ab := side(w, "source", d.A) + " AND " + side(w, "target", d.B)
		if d.Directed {
			w.conds = append(w.conds, "("+ab+")")
		} else {
			ba := side(w, "source", d.B) + " AND " + side(w, "target", d.A)
			w.conds = append(w.conds, "(("+ab+") OR ("+ba+"))")
		}
	}
	if f.CAMEO != "" {
		w.add("e.cameo >= ? AND e.cameo < ?", f.CAMEO, prefixEnd(f.CAMEO))
	}
	if f.PLOVER != "" {
		w.add("e.plover = ?", f.PLOVER)
	}
	if f.QuadClass != 0 {
		w.add("e.quad = ?", f.QuadClass)
	}
	if f.MinConfidence > 0 {
		w.add("EXISTS (SELECT 1 FROM mentions mc WHERE mc.event = e.n AND mc.confidence >= ?)", f.MinConfidence)
	}
	if f.Place != "" {
		w.add("e.place_name = ? COLLATE NOCASE", f.Place)
	}
	if b := f.BBox; b != nil {
		w.add("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?", b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
	}
}

func hasEventOnly(f *store.Filter) bool {
	return f.Dyad != nil || f.CAMEO != "" || f.PLOVER != "" || f.QuadClass != 0 || f.MinConfidence > 0 || f.Place != "" || f.BBox != nil
}

// eventConds adds every condition of f to a query over events e.
func eventConds(w *where, f *store.Filter) {
	if f.Actor != "" {
		w.conds = append(w.conds, "("+side(w, "source", f.Actor)+" OR "+side(w, "target", f.Actor)+")")
	}
	eventOnly(w, f)
	if f.From != "" {
		w.add("e.day >= ?", f.From)
	}
	if f.To != "" {
		w.add("e.day <= ? AND e.day != ''", f.To)
	}
	if q := ftsQuery(f.Text); q != "" {
		w.add("e.n IN (SELECT event FROM mentions WHERE article IN (SELECT rowid FROM article_text WHERE article_text MATCH ?))", q)
	}
	if f.Article != "" {
		w.add("e.n IN (SELECT event FROM mentions WHERE article = (SELECT n FROM articles WHERE id = ?))", f.Article)
	}
}

// articleConds adds the conditions of f to a query over articles a. When
// actor is false the Actor condition is left to the caller.
func articleConds(w *where, f *store.Filter, actor bool) {
	if f.From != "" {
		w.add("a.day >= ?", f.From)
	}
	if f.To != "" {
		w.add("a.day <= ? AND a.day != ''", f.To)
	}
	if q := ftsQuery(f.Text); q != "" {
		w.add("a.n IN (SELECT rowid FROM article_text WHERE article_text MATCH ?)", q)
	}
	if f.Article != "" {
		w.add("a.id = ?", f.Article)
	}
	if actor && f.Actor != "" {
		// code != '' and country != '' let SQLite use the partial indexes.
		w.add(`a.n IN (SELECT article FROM entities WHERE code >= ? AND code < ? AND code != ''
			UNION SELECT article FROM entities WHERE country = ? AND country != '')`,
			f.Actor, prefixEnd(f.Actor), f.Actor)
	}
	if hasEventOnly(f) {
		var ew where
		eventOnly(&ew, f)
		w.add("a.n IN (SELECT m.article FROM mentions m JOIN events e ON e.n = m.event"+ew.sql()+")", ew.args...)
	}
}

// articleIn adds the conditions of f on col, the article number of a table
// of annotation rows (entities, places), as articleConds selects articles;
// it reads the articles table only for conditions on its columns, so that
// an actor or event condition costs no lookup of the (large) article rows.
// When actor is false the Actor condition is left to the caller.
func articleIn(w *where, col string, f *store.Filter, actor bool) {
	var aw where
	if f.From != "" {
		aw.add("a.day >= ?", f.From)
	}
	if f.To != "" {
		aw.add("a.day <= ? AND a.day != ''", f.To)
	}
	if f.Article != "" {
		aw.add("a.id = ?", f.Article)
	}
	if len(aw.conds) > 0 {
		w.add(col+" IN (SELECT a.n FROM articles a"+aw.sql()+")", aw.args...)
	}
	if q := ftsQuery(f.Text); q != "" {
		w.add(col+" IN (SELECT rowid FROM article_text WHERE article_text MATCH ?)", q)
	}
	if actor && f.Actor != "" {
		// The entities of the country whose codes lie outside the prefix's
		// range, as two ranges of the (country, code, article) index: the
		// rows the code range gave are not read again.
		end := prefixEnd(f.Actor)
		w.add(col+` IN (SELECT article FROM entities WHERE code >= ? AND code < ? AND code != ''
			UNION ALL SELECT article FROM entities WHERE country = ? AND country != '' AND code < ?
			UNION ALL SELECT article FROM entities WHERE country = ? AND country != '' AND code >= ?)`,
			f.Actor, end, f.Actor, f.Actor, f.Actor, end)
	}
	if hasEventOnly(f) {
		var ew where
		eventOnly(&ew, f)
		w.add(col+" IN (SELECT m.article FROM mentions m JOIN events e ON e.n = m.event"+ew.sql()+")", ew.args...)
	}
}

// collect reads rows into a page of at most limit items and closes them
// (see store.CollectPage).
func collect[T any](rows *sql.Rows, limit int, scan func(*sql.Rows) (T, string, error)) (store.Page[T], error) {
	defer rows.Close()
	return store.CollectPage(rows, limit, scan)
}

// Events lists events; see store.Store.
func (s *Store) Events(ctx context.Context, f store.Filter) (store.Page[store.Event], error) {
	var page store.Page[store.Event]
	f, err := f.Prepared()
	if err != nil {
		return page, err
	}
	var w where
	frequent, err := s.frequentActor(ctx, &f)
	if err != nil {
		return page, fmt.Errorf("cannot list events: %w", err)
	}
	if frequent {
		// Walk the events in date order and keep the actor's: a page is
		// found within a few hundred rows, where the actor's indexes would
		// give thousands of rows to sort.
		w.conds = append(w.conds, "("+sideOf(&w, "+e.", "source", f.Actor)+" OR "+sideOf(&w, "+e.", "target", f.Actor)+")")
		g := f
		g.Actor = ""
		eventConds(&w, &g)
	} else {
		eventConds(&w, &f)
	}
	order, after := "e.day, e.id", ">"
	if f.Newest {
		order, after = "e.day DESC, e.id DESC", "<"
	}
	if f.Cursor != "" {
		c, err := store.DecodeCursor(f.Cursor, 2)
		if err != nil {
			return page, err
		}
		w.add("(e.day, e.id) "+after+" (?, ?)", c[0], c[1])
	}
	// Pick the page's rows by index first, then read their columns: sorting
	// only keys keeps a page cheap when many events match.
	q := `SELECT ` + eventCols + ` FROM (SELECT e.n AS k FROM events e` + w.sql() + ` ORDER BY ` + order + ` LIMIT ?) AS page
		JOIN events e ON e.n = page.k JOIN articles a ON a.n = e.first_article ORDER BY ` + order
	rows, err := s.db.QueryContext(ctx, q, append(w.args, f.Limit+1)...)
	if err != nil {
		return page, fmt.Errorf("cannot list events: %w", err)
	}
	page, err = collect(rows, f.Limit, func(r *sql.Rows) (store.Event, string, error) {
		e, err := scanEvent(r)
		return e, store.EncodeCursor(e.Date, e.ID), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list events: %w", err)
	}
	return page, nil
}

// frequentActor reports whether f selects events by an actor alone (with
// dates at most) and that actor is on a side of at least one event in
// twenty: then a page of the listing is cheaper found by walking the events
// in date order than through the actor's indexes, which yield every one of
// its events to sort. A three-letter key's events are read from the running
// counts of event_counts; a longer code's are counted in the actor
// indexes, which costs a pass over its entries, a fraction of sorting them.
func (s *Store) frequentActor(ctx context.Context, f *store.Filter) (bool, error) {
	if f.Actor == "" || hasEventOnly(f) || f.Text != "" || f.Article != "" {
		return false, nil
	}
	var mine, all int64
	q, args := `SELECT
		coalesce((SELECT sum(events) FROM event_counts WHERE source_key = ?1), 0) +
		coalesce((SELECT sum(events) FROM event_counts WHERE target_key = ?1 AND source_key != ?1), 0),
		coalesce((SELECT sum(events) FROM event_counts), 0)`, []any{f.Actor}
	if len(f.Actor) > 3 {
		var w where
		src, tgt, src2 := side(&w, "source", f.Actor), side(&w, "target", f.Actor), side(&w, "source", f.Actor)
		q, args = `SELECT (SELECT count(*) FROM events e WHERE `+src+`) +
			(SELECT count(*) FROM events e WHERE `+tgt+` AND NOT `+src2+`),
			coalesce((SELECT sum(events) FROM event_counts), 0)`, w.args
	}
	if err := s.db.QueryRowContext(ctx, q, args...).Scan(&mine, &all); err != nil {
		return false, err
	}
	return all > 0 && mine*20 >= all, nil
}

const eventCols = `e.id, e.day, e.source_code, e.source_country, e.source_name, e.target_code, e.target_country, e.target_name,
	e.cameo, e.plover, e.quad, e.goldstein, e.place_name, e.place_country, e.lat, e.lon,
	e.num_mentions, e.num_articles, e.num_stories, e.num_sources, e.avg_tone, a.id, coalesce(a.url, ''), a.published, e.trigger, e.mode`

func scanEvent(rows *sql.Rows) (store.Event, error) {
	var e store.Event
	var tc, tco, tn string
	var pn sql.NullString
	var pc string
	var lat, lon sql.NullFloat64
	err := rows.Scan(&e.ID, &e.Date, &e.Source.Code, &e.Source.Country, &e.Source.Name, &tc, &tco, &tn,
		&e.CAMEO, &e.PLOVER, &e.QuadClass, &e.Goldstein, &pn, &pc, &lat, &lon,
		&e.NumMentions, &e.NumArticles, &e.NumStories, &e.NumSources, &e.AvgTone, &e.FirstArticle, &e.SourceURL, &e.Published, &e.Trigger, &e.Mode)
	if tc != "" {
		e.Target = &store.ActorRef{Code: tc, Country: tco, Name: tn}
	}
	if pn.Valid {
		e.Place = &record.EventPlace{Name: pn.String, Country: pc, Lat: lat.Float64, Lon: lon.Float64}
	}
	return e, err
}

// Mentions lists the mentions of one event; see store.Store.
func (s *Store) Mentions(ctx context.Context, eventID string) ([]store.Mention, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, a.id, a.source, coalesce(a.url, ''), a.day, m.sentence, m.start, m."end", m.trigger, m.confidence
		FROM mentions m JOIN events e ON e.n = m.event JOIN articles a ON a.n = m.article
		WHERE e.id = ? ORDER BY m.article, m.start`, eventID)
	if err != nil {
		return nil, fmt.Errorf("cannot list mentions: %w", err)
	}
	defer rows.Close()
	var out []store.Mention
	for rows.Next() {
		var m store.Mention
		if err := rows.Scan(&m.EventID, &m.ArticleID, &m.Source, &m.URL, &m.Published, &m.Sentence, &m.Start, &m.End, &m.Trigger, &m.Confidence); err != nil {
			return nil, fmt.Errorf("cannot list mentions: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Articles lists articles; see store.Store.
func (s *Store) Articles(ctx context.Context, f store.Filter) (store.Page[store.Article], error) {
	var page store.Page[store.Article]
	f, err := f.Prepared()
	if err != nil {
		return page, err
	}
	var w where
	articleConds(&w, &f, true)
	if f.Cursor != "" {
		c, err := store.DecodeCursor(f.Cursor, 2)
		if err != nil {
			return page, err
		}
		w.add("(a.day, a.id) > (?, ?)", c[0], c[1])
	}
	q := `SELECT a.id, coalesce(a.url, ''), a.source, a.title, a.day, (SELECT id FROM articles s WHERE s.n = a.story),
		a.num_events, a.tone, a.words FROM articles a` + w.sql() + ` ORDER BY a.day, a.id LIMIT ?`
	rows, err := s.db.QueryContext(ctx, q, append(w.args, f.Limit+1)...)
	if err != nil {
		return page, fmt.Errorf("cannot list articles: %w", err)
	}
	page, err = collect(rows, f.Limit, func(r *sql.Rows) (store.Article, string, error) {
		var a store.Article
		err := r.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &a.Published, &a.Story, &a.Events, &a.Tone, &a.Words)
		return a, store.EncodeCursor(a.Published, a.ID), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list articles: %w", err)
	}
	return page, nil
}

func offsetCursor(c string) (int, error) {
	n, err := store.DecodeIntCursor(c)
	return int(n), err
}

// Actors lists coded actors; see store.Store.
func (s *Store) Actors(ctx context.Context, f store.Filter) (store.Page[store.Actor], error) {
	var page store.Page[store.Actor]
	f, err := f.Prepared()
	if err != nil {
		return page, err
	}
	off, err := offsetCursor(f.Cursor)
	if err != nil {
		return page, err
	}
	var w where
	// Without a condition, the running counts (actor_counts) answer.
	q := `SELECT code, country, name, mentions, articles FROM actor_counts ORDER BY mentions DESC, code LIMIT ? OFFSET ?`
	if f.ActorOnly() {
		// An actor alone: every entity of a code that starts with it
		// matches, so the code's running counts answer; the entities of
		// its country under other codes (two ranges of the country index)
		// are grouped.
		end := prefixEnd(f.Actor)
		q = `SELECT code, country, name, mentions, articles FROM actor_counts WHERE code >= ? AND code < ?
			UNION ALL SELECT code, max(country), max(name), count(*), count(DISTINCT article) FROM entities
				WHERE country = ? AND country != '' AND code != '' AND (code < ? OR code >= ?) GROUP BY code
			ORDER BY 4 DESC, 1 LIMIT ? OFFSET ?`
		w.args = append(w.args, f.Actor, end, f.Actor, f.Actor, end)
	} else if !f.Unfiltered() {
		from := "entities x"
		w.add("x.code != ''")
		if f.Actor != "" {
			// Two index ranges: codes that start with Actor, and the other
			// codes of its country.
			end := prefixEnd(f.Actor)
			from = `(SELECT code, country, name, article FROM entities WHERE code >= ? AND code < ? AND code != ''
				UNION ALL SELECT code, country, name, article FROM entities WHERE country = ? AND country != '' AND NOT (code >= ? AND code < ?)) x`
			w.args = append(w.args, f.Actor, end, f.Actor, f.Actor, end)
		}
		articleIn(&w, "x.article", &f, false)
		q = `SELECT x.code, max(x.country), max(x.name), count(*), count(DISTINCT x.article)
		FROM ` + from + w.sql() +
			` GROUP BY x.code ORDER BY count(*) DESC, x.code LIMIT ? OFFSET ?`
	}
	rows, err := s.db.QueryContext(ctx, q, append(w.args, f.Limit+1, off)...)
	if err != nil {
		return page, fmt.Errorf("cannot list actors: %w", err)
	}
	next := store.OffsetCursors(int64(off))
	page, err = collect(rows, f.Limit, func(r *sql.Rows) (store.Actor, string, error) {
		var a store.Actor
		err := r.Scan(&a.Code, &a.Country, &a.Name, &a.Mentions, &a.Articles)
		return a, next(), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list actors: %w", err)
	}
	return page, nil
}

// Quotes lists quotations; see store.Store. Actor matches the speaker.
func (s *Store) Quotes(ctx context.Context, f store.Filter) (store.Page[store.Quote], error) {
	var page store.Page[store.Quote]
	f, err := f.Prepared()
	if err != nil {
		return page, err
	}
	after, err := store.DecodeIntCursor(f.Cursor)
	if err != nil {
		return page, err
	}
	var w where
	w.add("q.rowid > ?", after)
	if f.Actor != "" {
		w.add("q.speaker_code >= ? AND q.speaker_code < ?", f.Actor, prefixEnd(f.Actor))
	}
	articleConds(&w, &f, false)
	q := `SELECT q.rowid, a.id, a.day, q.start, q."end", q.text, q.kind, q.speaker, q.speaker_code
		FROM quotes q JOIN articles a ON a.n = q.article` + w.sql() + ` ORDER BY q.rowid LIMIT ?`
	rows, err := s.db.QueryContext(ctx, q, append(w.args, f.Limit+1)...)
	if err != nil {
		return page, fmt.Errorf("cannot list quotes: %w", err)
	}
	page, err = collect(rows, f.Limit, func(r *sql.Rows) (store.Quote, string, error) {
		var x store.Quote
		var id int64
		err := r.Scan(&id, &x.ArticleID, &x.Published, &x.Start, &x.End, &x.Text, &x.Kind, &x.Speaker, &x.SpeakerCode)
		return x, store.EncodeCursor(strconv.FormatInt(id, 10)), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list quotes: %w", err)
	}
	return page, nil
}

// Amounts lists amounts; see store.Store.
func (s *Store) Amounts(ctx context.Context, f store.Filter) (store.Page[store.Amount], error) {
	var page store.Page[store.Amount]
	f, err := f.Prepared()
	if err != nil {
		return page, err
	}
	after, err := store.DecodeIntCursor(f.Cursor)
	if err != nil {
		return page, err
	}
	var w where
	w.add("x.rowid > ?", after)
	articleConds(&w, &f, true)
	q := `SELECT x.rowid, a.id, a.day, x.start, x."end", x.text, x.value, x.unit, x.object
		FROM amounts x JOIN articles a ON a.n = x.article` + w.sql() + ` ORDER BY x.rowid LIMIT ?`
	rows, err := s.db.QueryContext(ctx, q, append(w.args, f.Limit+1)...)
	if err != nil {
		return page, fmt.Errorf("cannot list amounts: %w", err)
	}
	page, err = collect(rows, f.Limit, func(r *sql.Rows) (store.Amount, string, error) {
		var x store.Amount
		var id int64
		err := r.Scan(&id, &x.ArticleID, &x.Published, &x.Start, &x.End, &x.Text, &x.Value, &x.Unit, &x.Object)
		return x, store.EncodeCursor(strconv.FormatInt(id, 10)), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list amounts: %w", err)
	}
	return page, nil
}

// Article returns one stored record; see store.Store.
func (s *Store) Article(ctx context.Context, id string) (*record.Record, error) {
	var js []byte
	err := s.db.QueryRowContext(ctx, `SELECT record FROM articles WHERE id = ?`, id).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read article %q: %w", id, err)
	}
	var r record.Record
	if err := decodeRecord(js, &r); err != nil {
		return nil, fmt.Errorf("cannot decode article %q: %w", id, err)
	}
	return &r, nil
}

// Records walks stored records; see store.Store.
func (s *Store) Records(ctx context.Context, f store.Filter, fn func(*record.Record) error) error {
	f, err := f.Prepared()
	if err != nil {
		return err
	}
	var w where
	articleConds(&w, &f, true)
	rows, err := s.db.QueryContext(ctx, `SELECT a.record FROM articles a`+w.sql()+` ORDER BY a.n`, w.args...)
	if err != nil {
		return fmt.Errorf("cannot read records: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var js []byte
		if err := rows.Scan(&js); err != nil {
			return fmt.Errorf("cannot read records: %w", err)
		}
		r := new(record.Record)
		if err := decodeRecord(js, r); err != nil {
			return fmt.Errorf("cannot decode record: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Seen reports whether an article with this id, URL or content hash is
// stored; see store.Seen.
func (s *Store) Seen(ctx context.Context, id, url, contentHash string) (bool, error) {
	var ok bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS(SELECT 1 FROM articles WHERE id = ?1) OR EXISTS(SELECT 1 FROM articles WHERE url = ?2)
		OR EXISTS(SELECT 1 FROM articles WHERE content_hash = ?3)`, id, nullString(url), contentHash).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("cannot look up article %q: %w", id, err)
	}
	return ok, nil
}

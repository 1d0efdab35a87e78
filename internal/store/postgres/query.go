package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// where collects the conditions of a query and numbers their arguments.
type where struct {
	conds []string
	args  []any
}

// arg adds an argument and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// prefixEnd returns the smallest string greater than every string with
// prefix p (codes are ASCII and compared in the "C" collation).
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0x7f {
			b[i]++
			return string(b[:i+1])
		}
	}
	return "\x7f"
}

// side matches actor filter x on one side of event e, by store.MatchActor.
func side(w *where, col, x string) string {
	if len(x) <= 3 {
		return fmt.Sprintf("e.%s_key = %s", col, w.arg(x))
	}
	return fmt.Sprintf("(e.%s_key = %s AND e.%s_code >= %s AND e.%s_code < %s)", col, w.arg(x[:3]), col, w.arg(x), col, w.arg(prefixEnd(x)))
}

// eventOnly adds the conditions that only events have (dyad, codes, place,
// and the counted modes unless f.AllModes).
func eventOnly(w *where, f *store.Filter) {
	if !f.AllModes {
		w.add("e.mode = ''")
	}
	if d := f.Dyad; d != nil {
		ab := side(w, "source", d.A) + " AND " + side(w, "target", d.B)
		if d.Directed {
			w.add("(" + ab + ")")
		} else {
			ba := side(w, "source", d.B) + " AND " + side(w, "target", d.A)
			w.add("((" + ab + ") OR (" + ba + "))")
		}
	}
	if f.CAMEO != "" {
		w.add("e.cameo >= " + w.arg(f.CAMEO) + " AND e.cameo < " + w.arg(prefixEnd(f.CAMEO)))
	}
	if f.PLOVER != "" {
		w.add("e.plover = " + w.arg(f.PLOVER))
	}
	if f.QuadClass != 0 {
		w.add("e.quad = " + w.arg(f.QuadClass))
	}
	if f.MinConfidence > 0 {
		w.add("EXISTS (SELECT 1 FROM mentions mc WHERE mc.event = e.n AND mc.confidence >= " + w.arg(f.MinConfidence) + ")")
	}
	if f.Place != "" {
		w.add("lower(e.place_name) = lower(" + w.arg(f.Place) + ")")
	}
	if b := f.BBox; b != nil {
		w.add(fmt.Sprintf("e.lat BETWEEN %s AND %s AND e.lon BETWEEN %s AND %s", w.arg(b.MinLat), w.arg(b.MaxLat), w.arg(b.MinLon), w.arg(b.MaxLon)))
	}
}

func hasEventOnly(f *store.Filter) bool {
	return f.Dyad != nil || f.CAMEO != "" || f.PLOVER != "" || f.QuadClass != 0 || f.MinConfidence > 0 || f.Place != "" || f.BBox != nil
}

// eventConds adds every condition of f to a query over events e.
func eventConds(w *where, f *store.Filter) {
	if f.Actor != "" {
		w.add("(" + side(w, "source", f.Actor) + " OR " + side(w, "target", f.Actor) + ")")
	}
	eventOnly(w, f)
	if f.From != "" {
		w.add("e.day >= " + w.arg(f.From))
	}
	if f.To != "" {
		w.add("e.day <= " + w.arg(f.To) + " AND e.day != ''")
	}
	if strings.TrimSpace(f.Text) != "" {
		w.add("e.n IN (SELECT m.event FROM mentions m JOIN articles a ON a.n = m.article WHERE a.fts @@ plainto_tsquery('english', " + w.arg(f.Text) + "))")
	}
	if f.Article != "" {
		w.add("e.n IN (SELECT event FROM mentions WHERE article = (SELECT n FROM articles WHERE id = " + w.arg(f.Article) + "))")
	}
}

// articleConds adds the conditions of f to a query over articles a. When
// actor is false the Actor condition is left to the caller.
func articleConds(w *where, f *store.Filter, actor bool) {
	if f.From != "" {
		w.add("a.day >= " + w.arg(f.From))
	}
	if f.To != "" {
		w.add("a.day <= " + w.arg(f.To) + " AND a.day != ''")
	}
	if strings.TrimSpace(f.Text) != "" {
		w.add("a.fts @@ plainto_tsquery('english', " + w.arg(f.Text) + ")")
	}
	if f.Article != "" {
		w.add("a.id = " + w.arg(f.Article))
	}
	if actor && f.Actor != "" {
		w.add("a.n IN (SELECT article FROM entities WHERE code >= " + w.arg(f.Actor) + " AND code < " + w.arg(prefixEnd(f.Actor)) +
			" UNION SELECT article FROM entities WHERE country = " + w.arg(f.Actor) + ")")
	}
	if hasEventOnly(f) {
		// The event conditions number their arguments after ours.
		sub := where{args: w.args}
		eventOnly(&sub, f)
		w.args = sub.args
		w.add("a.n IN (SELECT m.article FROM mentions m JOIN events e ON e.n = m.event" + sub.sql() + ")")
	}
}

// articleIn adds the conditions of f on col, the article number of a table
// of annotation rows (article_places), as articleConds selects articles; it
// reads the articles table only for conditions on its columns, so that an
// actor or event condition costs no pass over the article rows.
func articleIn(w *where, col string, f *store.Filter) {
	sub := where{args: w.args}
	articleConds(&sub, &store.Filter{From: f.From, To: f.To, Text: f.Text, Article: f.Article}, false)
	w.args = sub.args
	if len(sub.conds) > 0 {
		w.add(col + " IN (SELECT a.n FROM articles a" + sub.sql() + ")")
	}
	if f.Actor != "" {
		from, to := w.arg(f.Actor), w.arg(prefixEnd(f.Actor))
		// The country's entities whose codes lie outside the prefix's range,
		// as two ranges of the (country, code) index.
		w.add(col + " IN (SELECT article FROM entities WHERE code >= " + from + " AND code < " + to +
			" UNION ALL SELECT article FROM entities WHERE country = " + from + " AND code < " + from +
			" UNION ALL SELECT article FROM entities WHERE country = " + from + " AND code >= " + to + ")")
	}
	if hasEventOnly(f) {
		sub := where{args: w.args}
		eventOnly(&sub, f)
		w.args = sub.args
		w.add(col + " IN (SELECT m.article FROM mentions m JOIN events e ON e.n = m.event" + sub.sql() + ")")
	}
}

// collect reads rows into a page of at most limit items and closes them
// (see store.CollectPage).
func collect[T any](rows pgx.Rows, limit int, scan func(pgx.Rows) (T, string, error)) (store.Page[T], error) {
	defer rows.Close()
	return store.CollectPage(rows, limit, scan)
}

// Events lists events; see store.Store.
func (s *Store) Events(ctx context.Context, f store.Filter) (store.Page[store.Event], error) {
	f, err := f.Prepared()
	if err != nil {
		return store.Page[store.Event]{}, err
	}
	var w where
	eventConds(&w, &f)
	order, after := "e.day, e.id", ">"
	if f.Newest {
		order, after = "e.day DESC, e.id DESC", "<"
	}
	if f.Cursor != "" {
		c, err := store.DecodeCursor(f.Cursor, 2)
		if err != nil {
			return store.Page[store.Event]{}, err
		}
		w.add("(e.day, e.id) " + after + " (" + w.arg(c[0]) + ", " + w.arg(c[1]) + ")")
	}
	q := `SELECT ` + eventCols + ` FROM events e JOIN articles a ON a.n = e.first_article` + w.sql() +
		` ORDER BY ` + order + ` LIMIT ` + w.arg(f.Limit+1)
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return store.Page[store.Event]{}, fmt.Errorf("cannot list events: %w", err)
	}
	page, err := collect(rows, f.Limit, func(r pgx.Rows) (store.Event, string, error) {
		e, err := scanEvent(r)
		return e, store.EncodeCursor(e.Date, e.ID), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list events: %w", err)
	}
	return page, nil
}

const eventCols = `e.id, e.day, e.source_code, e.source_country, e.source_name, e.target_code, e.target_country, e.target_name,
	e.cameo, e.plover, e.quad, e.goldstein, e.place_name, e.place_country, e.lat, e.lon,
	e.num_mentions, e.num_articles, e.num_stories, e.num_sources, e.avg_tone, a.id, coalesce(a.url, ''), a.published, e.trigger, e.mode`

func scanEvent(rows pgx.Rows) (store.Event, error) {
	var e store.Event
	var tc, tco, tn string
	var pn *string
	var pc string
	var lat, lon *float64
	err := rows.Scan(&e.ID, &e.Date, &e.Source.Code, &e.Source.Country, &e.Source.Name, &tc, &tco, &tn,
		&e.CAMEO, &e.PLOVER, &e.QuadClass, &e.Goldstein, &pn, &pc, &lat, &lon,
		&e.NumMentions, &e.NumArticles, &e.NumStories, &e.NumSources, &e.AvgTone, &e.FirstArticle, &e.SourceURL, &e.Published, &e.Trigger, &e.Mode)
	if tc != "" {
		e.Target = &store.ActorRef{Code: tc, Country: tco, Name: tn}
	}
	if pn != nil {
		p := &record.EventPlace{Name: *pn, Country: pc}
		if lat != nil && lon != nil {
			p.Lat, p.Lon = *lat, *lon
		}
		e.Place = p
	}
	return e, err
}

// Mentions lists the mentions of one event; see store.Store.
func (s *Store) Mentions(ctx context.Context, eventID string) ([]store.Mention, error) {
	rows, err := s.pool.Query(ctx, `SELECT e.id, a.id, a.source, coalesce(a.url, ''), a.day, m.sentence, m.start, m."end", m.trigger, m.confidence
		FROM mentions m JOIN events e ON e.n = m.event JOIN articles a ON a.n = m.article
		WHERE e.id = $1 ORDER BY m.article, m.start`, eventID)
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
	f, err := f.Prepared()
	if err != nil {
		return store.Page[store.Article]{}, err
	}
	var w where
	articleConds(&w, &f, true)
	if f.Cursor != "" {
		c, err := store.DecodeCursor(f.Cursor, 2)
		if err != nil {
			return store.Page[store.Article]{}, err
		}
		w.add("(a.day, a.id) > (" + w.arg(c[0]) + ", " + w.arg(c[1]) + ")")
	}
	q := `SELECT a.id, coalesce(a.url, ''), a.source, a.title, a.day, (SELECT id FROM articles s WHERE s.n = a.story),
		a.num_events, a.tone, a.words FROM articles a` + w.sql() + ` ORDER BY a.day, a.id LIMIT ` + w.arg(f.Limit+1)
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return store.Page[store.Article]{}, fmt.Errorf("cannot list articles: %w", err)
	}
	page, err := collect(rows, f.Limit, func(r pgx.Rows) (store.Article, string, error) {
		var a store.Article
		err := r.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &a.Published, &a.Story, &a.Events, &a.Tone, &a.Words)
		return a, store.EncodeCursor(a.Published, a.ID), err
	})
	if err != nil {
		return page, fmt.Errorf("cannot list articles: %w", err)
	}
	return page, nil
}

// Actors lists coded actors; see store.Store.
func (s *Store) Actors(ctx context.Context, f store.Filter) (store.Page[store.Actor], error) {
	f, err := f.Prepared()
	if err != nil {
		return store.Page[store.Actor]{}, err
	}
	off, err := store.DecodeIntCursor(f.Cursor)
	if err != nil {
		return store.Page[store.Actor]{}, err
	}
	var w where
	// Without a condition, the running counts (actor_counts) answer.
	q := `SELECT code, country, name, mentions, articles FROM actor_counts ORDER BY mentions DESC, code
		LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	if f.ActorOnly() {
		// An actor alone: every entity of a code that starts with it
		// matches, so the code's running counts answer; the entities of
		// its country under other codes are grouped.
		w = where{}
		from, to := w.arg(f.Actor), w.arg(prefixEnd(f.Actor))
		q = `SELECT code, country, name, mentions, articles FROM actor_counts WHERE code >= ` + from + ` AND code < ` + to + `
			UNION ALL SELECT code, max(country), max(name COLLATE "C"), count(*), count(DISTINCT article) FROM entities
				WHERE country = ` + from + ` AND code != '' AND (code < ` + from + ` OR code >= ` + to + `) GROUP BY code
			ORDER BY 4 DESC, 1 LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	} else if !f.Unfiltered() {
		w = where{}
		w.add("x.code != ''")
		if f.Actor != "" {
			w.add("((x.code >= " + w.arg(f.Actor) + " AND x.code < " + w.arg(prefixEnd(f.Actor)) + ") OR x.country = " + w.arg(f.Actor) + ")")
		}
		articleConds(&w, &f, false)
		q = `SELECT x.code, max(x.country), max(x.name COLLATE "C"), count(*), count(DISTINCT x.article)
		FROM entities x JOIN articles a ON a.n = x.article` + w.sql() +
			` GROUP BY x.code ORDER BY count(*) DESC, x.code LIMIT ` + w.arg(f.Limit+1) + ` OFFSET ` + w.arg(off)
	}
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return store.Page[store.Actor]{}, fmt.Errorf("cannot list actors: %w", err)
	}
	next := store.OffsetCursors(int64(off))
	page, err := collect(rows, f.Limit, func(r pgx.Rows) (store.Actor, string, error) {
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
	f, err := f.Prepared()
	if err != nil {
		return store.Page[store.Quote]{}, err
	}
	after, err := store.DecodeIntCursor(f.Cursor)
	if err != nil {
		return store.Page[store.Quote]{}, err
	}
	var w where
	w.add("q.n > " + w.arg(after))
	if f.Actor != "" {
		w.add("q.speaker_code >= " + w.arg(f.Actor) + " AND q.speaker_code < " + w.arg(prefixEnd(f.Actor)))
	}
	articleConds(&w, &f, false)
	q := `SELECT q.n, a.id, a.day, q.start, q."end", q.text, q.kind, q.speaker, q.speaker_code
		FROM quotes q JOIN articles a ON a.n = q.article` + w.sql() + ` ORDER BY q.n LIMIT ` + w.arg(f.Limit+1)
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return store.Page[store.Quote]{}, fmt.Errorf("cannot list quotes: %w", err)
	}
	page, err := collect(rows, f.Limit, func(r pgx.Rows) (store.Quote, string, error) {
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
	f, err := f.Prepared()
	if err != nil {
		return store.Page[store.Amount]{}, err
	}
	after, err := store.DecodeIntCursor(f.Cursor)
	if err != nil {
		return store.Page[store.Amount]{}, err
	}
	var w where
	w.add("x.n > " + w.arg(after))
	articleConds(&w, &f, true)
	q := `SELECT x.n, a.id, a.day, x.start, x."end", x.text, x.value, x.unit, x.object
		FROM amounts x JOIN articles a ON a.n = x.article` + w.sql() + ` ORDER BY x.n LIMIT ` + w.arg(f.Limit+1)
	rows, err := s.pool.Query(ctx, q, w.args...)
	if err != nil {
		return store.Page[store.Amount]{}, fmt.Errorf("cannot list amounts: %w", err)
	}
	page, err := collect(rows, f.Limit, func(r pgx.Rows) (store.Amount, string, error) {
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
	err := s.pool.QueryRow(ctx, `SELECT record FROM articles WHERE id = $1`, id).Scan(&js)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read article %q: %w", id, err)
	}
	var r record.Record
	if err := json.Unmarshal(js, &r); err != nil {
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
	rows, err := s.pool.Query(ctx, `SELECT a.record FROM articles a`+w.sql()+` ORDER BY a.n`, w.args...)
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
		if err := json.Unmarshal(js, r); err != nil {
			return fmt.Errorf("cannot decode record: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

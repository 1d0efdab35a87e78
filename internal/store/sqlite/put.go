package sqlite

import (
	"cmp"
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"slices"

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
	if err := store.CheckRecords(recs); err != nil {
		return res, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return res, fmt.Errorf("cannot begin: %w", err)
	}
	w, err := s.writer(ctx)
	if err != nil {
		return res, fmt.Errorf("cannot begin: %w", err)
	}
	var putErr error
	err = w.conn.Raw(func(dc any) error {
		c, ok := dc.(driverConn)
		if !ok {
			putErr = fmt.Errorf("cannot begin: driver connection %T cannot prepare with a context", dc)
			return nil
		}
		res, putErr = s.put(ctx, w, c, recs)
		if putErr != nil {
			// A failed Put leaves nothing behind: its statements are
			// finalized and its connection, which a failed rollback may
			// have left in the transaction, is closed, not pooled.
			w.finalize()
			return driver.ErrBadConn
		}
		return nil
	})
	if putErr == nil && err != nil {
		putErr = err
	}
	if putErr != nil {
		s.closeWriter()
		return store.PutResult{}, classify(putErr)
	}
	s.added += res.Added
	return res, nil
}

// put stores recs in one transaction on c, the writer's driver connection.
func (s *Store) put(ctx context.Context, w *writer, c driverConn, recs []*record.Record) (store.PutResult, error) {
	var res store.PutResult
	tx, err := c.BeginTx(ctx, driver.TxOptions{})
	if err != nil {
		return res, fmt.Errorf("cannot begin: %w", err)
	}
	if err := s.putTx(ctx, w, c, recs, &res); err != nil {
		if rerr := tx.Rollback(); rerr != nil {
			err = errors.Join(err, fmt.Errorf("cannot roll back: %w", rerr))
		}
		return store.PutResult{}, err
	}
	// As database/sql's Tx: a transaction whose context is done by now is
	// rolled back, not committed.
	if err := ctx.Err(); err != nil {
		tx.Rollback()
		return store.PutResult{}, fmt.Errorf("cannot commit: %w", err)
	}
	if err := tx.Commit(); err != nil { // rolls back when it fails
		return store.PutResult{}, fmt.Errorf("cannot commit: %w", err)
	}
	return res, nil
}

// putTx writes recs in the transaction begun on c.
func (s *Store) putTx(ctx context.Context, w *writer, c driverConn, recs []*record.Record, res *store.PutResult) error {
	p, err := newPutter(ctx, s, w, c)
	if err != nil {
		return err
	}
	arts, err := p.fresh(ctx, recs, res)
	if err != nil {
		return err
	}
	if err := p.near.load(ctx, p, arts); err != nil {
		return fmt.Errorf("cannot look up near-duplicates: %w", err)
	}
	for _, a := range arts {
		if err := p.put(ctx, a, res); err != nil {
			if isDataErr(err) {
				return &store.RecordError{ID: a.r.ID, Err: err}
			}
			return fmt.Errorf("cannot store article %q: %w", a.r.ID, err)
		}
	}
	return p.finish(ctx)
}

// article is a record that Put will add, with what dedup computed of it.
type article struct {
	r      *record.Record
	hash   string // dedup.ContentHash
	sig    dedup.Signature
	nwords int
}

// near reports whether a is compared for near-duplicates.
func (a *article) near() bool { return a.nwords >= minNearWords }

// fresh returns the records of recs that are not stored yet, nor earlier in
// recs (same id, URL or content hash), and counts the others as duplicates.
func (p *putter) fresh(ctx context.Context, recs []*record.Record, res *store.PutResult) ([]*article, error) {
	var arts []*article
	seen := map[string]bool{} // "i" id, "u" URL, "h" hash of arts
	for _, r := range recs {
		if r == nil {
			continue
		}
		if r.ID == "" {
			return nil, &store.RecordError{Err: errors.New("record has no id")}
		}
		// Signed before the duplicate check, in the same pass over the words:
		// ingest skips stored articles before annotation, so Put sees few.
		hash, sig := dedup.Fingerprint(r.Text)
		dup := seen["i"+r.ID] || seen["h"+hash] || (r.URL != "" && seen["u"+r.URL])
		if !dup {
			if _, err := p.w.queryRow(ctx, p.exists, p.row[:1], r.ID, nullString(r.URL), hash); err != nil {
				return nil, fmt.Errorf("cannot store article %q: %w", r.ID, err)
			}
			dup = p.row[0] != int64(0)
		}
		if dup {
			res.Duplicates++
			continue
		}
		seen["i"+r.ID], seen["h"+hash] = true, true
		if r.URL != "" {
			seen["u"+r.URL] = true
		}
		arts = append(arts, &article{r: r, hash: hash, sig: sig, nwords: dedup.CountWords(r.Text)})
	}
	return arts, nil
}

// tally is a key of the event_counts table.
type tally struct {
	source, target string
	quad           int
}

// band is a row of the bands table.
type band struct{ key, article int64 }

// putter holds the statements and the collected rows of one Put.
type putter struct {
	s       *Store
	w       *writer
	c       driverConn // w's driver connection, in the Put's transaction
	row     [4]driver.Value
	touched map[int64]bool
	ents    int // entities of the added articles, for totals
	nplaces int // places of the added articles, for totals

	placeIDs            map[placeKey]int64 // place_keys numbers met in this Put
	placeFind, placeAdd driverStmt
	artPlaces           map[int64]int64 // one article's place numbers and their mentions

	near near // near-duplicate candidates

	exists, article, fts          driverStmt
	event, eventN, mention, count driverStmt
	count3, total                 driverStmt
	tally                         map[tally]int // new events per pair and quad class
	bufs                          *buffers

	counts counts // running counts of actors, places and event places

	bands                                             []band // written sorted, see finish
	bandRows, entities, artPlaceRows, amounts, quotes *insert
}

// buffers are what Put reuses from one call to the next (under Store.mu).
type buffers struct {
	rec                                               recordEncoder
	keys                                              []byte // near.load's
	bandRows, entities, artPlaceRows, amounts, quotes *insert
}

func newBuffers() *buffers {
	return &buffers{
		bandRows:     newInsert("INSERT OR IGNORE INTO bands", "key", "article"),
		entities:     newInsert("INSERT INTO entities", "article", "start", `"end"`, "text", "type", "code", "country", "name"),
		artPlaceRows: newInsert("INSERT INTO article_places", "article", "place", "mentions"),
		amounts:      newInsert("INSERT INTO amounts", "article", "start", `"end"`, "text", "value", "unit", "object"),
		quotes:       newInsert("INSERT INTO quotes", "article", "start", `"end"`, "text", "kind", "speaker", "speaker_code"),
	}
}

func newPutter(ctx context.Context, s *Store, w *writer, c driverConn) (*putter, error) {
	if s.bufs == nil {
		s.bufs = newBuffers()
	}
	b := s.bufs
	p := &putter{s: s, w: w, c: c, touched: map[int64]bool{}, tally: map[tally]int{}, bufs: b,
		placeIDs: map[placeKey]int64{}, artPlaces: map[int64]int64{},
		bandRows: b.bandRows, entities: b.entities, artPlaceRows: b.artPlaceRows, amounts: b.amounts, quotes: b.quotes}
	for _, in := range []*insert{p.bandRows, p.entities, p.artPlaceRows, p.amounts, p.quotes} {
		in.reset() // after a failed Put
	}
	for _, x := range []struct {
		dst *driverStmt
		q   string
	}{
		{&p.exists, `SELECT EXISTS(SELECT 1 FROM articles WHERE id = ?1) OR EXISTS(SELECT 1 FROM articles WHERE url = ?2) OR EXISTS(SELECT 1 FROM articles WHERE content_hash = ?3)`},
		{&p.article, `INSERT INTO articles (id, url, source, outlet, title, published, day, language, content_hash, story, signature, tone, words, num_events, record, num_entities)
			VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, coalesce(?10, (SELECT coalesce(max(n), 0) + 1 FROM articles)), ?11, ?12, ?13, ?14, ?15, ?16)`},
		{&p.fts, `INSERT INTO article_text (rowid, text) VALUES (?, ?)`},
		{&p.placeFind, `SELECT id FROM place_keys WHERE name = ? AND country = ? AND lat = ? AND lon = ?`},
		{&p.placeAdd, `INSERT INTO place_keys (name, country, lat, lon) VALUES (?, ?, ?, ?)`},
		// A new event starts with the counts of its first mention; an event
		// mentioned again is recounted at the end of Put.
		{&p.event, `INSERT INTO events (id, key, day, source_key, target_key, source_code, source_country, source_name, target_code, target_country, target_name,
			cameo, plover, quad, goldstein, place_name, place_country, lat, lon, place, first_article, trigger, mode,
			num_mentions, num_articles, num_stories, num_sources, avg_tone)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, ?, ?) ON CONFLICT (id) DO NOTHING`},
		{&p.eventN, `SELECT n FROM events WHERE id = ?`},
		{&p.total, `INSERT INTO totals (name, n) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET n = n + excluded.n`},
		{&p.count3, `INSERT INTO event_counts (source_key, target_key, quad, events) VALUES (?, ?, ?, ?)
			ON CONFLICT (source_key, target_key, quad) DO UPDATE SET events = events + excluded.events`},
		{&p.mention, `INSERT OR IGNORE INTO mentions (event, article, start, "end", sentence, trigger, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)`},
		{&p.count, `UPDATE events SET
			num_mentions = (SELECT count(*) FROM mentions WHERE event = ?1),
			num_articles = (SELECT count(DISTINCT article) FROM mentions WHERE event = ?1),
			num_stories  = (SELECT count(DISTINCT a.story) FROM mentions m JOIN articles a ON a.n = m.article WHERE m.event = ?1),
			num_sources  = (SELECT count(DISTINCT a.outlet) FROM mentions m JOIN articles a ON a.n = m.article WHERE m.event = ?1 AND a.outlet != ''),
			avg_tone     = (SELECT coalesce(avg(a.tone), 0) FROM articles a WHERE a.n IN (SELECT article FROM mentions WHERE event = ?1))
			WHERE n = ?1`},
	} {
		st, err := p.stmt(ctx, x.q)
		if err != nil {
			return nil, err
		}
		*x.dst = st
	}
	return p, nil
}

// stmt returns the statement q on the writer's connection. Statements are
// prepared once per Store (see writer.stmt) and kept until Close.
func (p *putter) stmt(ctx context.Context, q string) (driverStmt, error) {
	return p.w.stmt(ctx, p.c, q)
}

// finish writes the collected rows and the totals.
func (p *putter) finish(ctx context.Context) error {
	// Band keys are random: in key order the inserts walk the index
	// once instead of jumping about it (a third cheaper).
	slices.SortFunc(p.bands, func(a, b band) int { return cmp.Compare(a.key, b.key) })
	for _, b := range p.bands {
		p.bandRows.add(b.key, b.article)
	}
	for _, in := range []*insert{p.bandRows, p.entities, p.artPlaceRows, p.amounts, p.quotes} {
		if err := p.flush(ctx, in); err != nil {
			return fmt.Errorf("cannot store rows (%s): %w", in.head, err)
		}
	}
	for _, t := range []struct {
		name string
		n    int
	}{{"entities", p.ents}, {"places", p.nplaces}} {
		if t.n == 0 {
			continue
		}
		if _, err := p.w.exec(ctx, p.total, t.name, int64(t.n)); err != nil {
			return fmt.Errorf("cannot count %s: %w", t.name, err)
		}
	}
	for t, n := range p.tally {
		if _, err := p.w.exec(ctx, p.count3, t.source, t.target, int64(t.quad), int64(n)); err != nil {
			return fmt.Errorf("cannot count events: %w", err)
		}
	}
	if err := p.counts.write(ctx, p); err != nil {
		return err
	}
	for n := range p.touched {
		if _, err := p.w.exec(ctx, p.count, n); err != nil {
			return fmt.Errorf("cannot count mentions: %w", err)
		}
	}
	return nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (p *putter) put(ctx context.Context, a *article, res *store.PutResult) error {
	r := a.r
	var story any // nil: a story of its own
	if a.near() {
		if st, ok := p.near.story(a); ok {
			story = st
			res.NearDuplicates++
		}
	}
	blob, err := p.bufs.rec.encode(r)
	if err != nil {
		return err
	}
	tone, words := store.ArticleTone(r, a.nwords)
	day, src := store.Day(r.Published), store.ArticleSource(r)
	ins, err := p.w.exec(ctx, p.article, r.ID, nullString(r.URL), r.Source, src, r.Title, r.Published, day,
		r.Language, a.hash, story, a.sig.Bytes(), tone, int64(words), int64(len(r.Events)), blob, int64(len(r.Entities)))
	if err != nil {
		return err
	}
	n, err := ins.LastInsertId()
	if err != nil {
		return err
	}
	res.Added++
	p.ents += len(r.Entities)
	p.nplaces += len(r.Places)
	// Only a story's first article is indexed: copies are compared with it,
	// which keeps the candidates of a much-syndicated story to one.
	if story == nil && a.near() {
		for _, k := range p.near.add(a, n) {
			p.bands = append(p.bands, band{k, n})
		}
	}
	if _, err := p.w.exec(ctx, p.fts, n, r.Text); err != nil {
		return err
	}
	for _, e := range r.Entities {
		if e.Actor == nil || e.Actor.Code == "" {
			continue // in the record only; counted in num_entities
		}
		p.entities.add(n, int64(e.Start), int64(e.End), e.Text, e.Type, e.Actor.Code, e.Actor.Country, e.Actor.Name)
	}
	if err := p.articlePlaces(ctx, n, r.Places); err != nil {
		return err
	}
	p.counts.article(r)
	p.counts.articleKeys(r, p.artPlaces)
	for _, x := range r.Amounts {
		p.amounts.add(n, int64(x.Start), int64(x.End), x.Text, x.Value, x.Unit, x.Object)
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		sp, code := store.QuoteSpeaker(q)
		p.quotes.add(n, int64(q.Start), int64(q.End), q.Text, q.Kind, sp, code)
	}
	sources := int64(0) // num_sources of a new event: 1 when the article has an outlet
	if src != "" {
		sources = 1
	}
	for i := range r.Events {
		ev := &r.Events[i]
		key, day, ok := store.EventKey(r, ev)
		if !ok {
			continue
		}
		id := store.EventID(key)
		tc, tco, tn, tkey := store.EventTarget(ev)
		var pn, plat, plon, pid any
		var pc string
		var placeN int64
		if x := ev.Place; x != nil {
			pn, pc, plat, plon = x.Name, x.Country, x.Lat, x.Lon
			if placeN, err = p.placeID(ctx, placeKey{x.Name, x.Country, x.Lat, x.Lon}); err != nil {
				return err
			}
			pid = placeN
		}
		skey := store.ActorKey(ev.Source.Code, ev.Source.Country)
		mode := store.EventMode(ev)
		ins, err := p.w.exec(ctx, p.event, id, key, day, skey, tkey, ev.Source.Code, ev.Source.Country, ev.Source.Name, tc, tco, tn,
			ev.CAMEO, ev.PLOVER, int64(ev.QuadClass), ev.Goldstein, pn, pc, plat, plon, pid, n, ev.Trigger, mode, sources, tone)
		if err != nil {
			return err
		}
		var en int64
		isNew := false
		if k, _ := ins.RowsAffected(); k > 0 {
			isNew = true
			en, err = ins.LastInsertId()
		} else {
			var found bool
			found, err = p.w.queryRow(ctx, p.eventN, p.row[:1], id)
			if err == nil && !found {
				err = fmt.Errorf("event %s neither added nor found", id)
			}
			en, _ = p.row[0].(int64)
		}
		if err != nil {
			return err
		}
		if isNew {
			res.Events++
		}
		// The running counts hold the counted events only.
		if isNew && mode == "" {
			p.tally[tally{skey, tkey, ev.QuadClass}]++
			p.counts.event(ev, day, placeN, skey, tkey, ev.Source.Code, tc)
		}
		// The event's first telling and its retellings in the article.
		for j := -1; j < len(ev.Mentions); j++ {
			start, end, sent, trig := ev.Start, ev.End, ev.Sentence, ev.Trigger
			if j >= 0 {
				m := &ev.Mentions[j]
				start, end, sent, trig = m.Start, m.End, m.Sentence, m.Trigger
			}
			ins, err = p.w.exec(ctx, p.mention, en, n, int64(start), int64(end), int64(sent), trig, ev.Confidence)
			if err != nil {
				return err
			}
			if k, _ := ins.RowsAffected(); k > 0 {
				res.Mentions++
				if !isNew || j >= 0 {
					p.touched[en] = true // recounted from its mentions
				}
			}
		}
	}
	return nil
}

// placeID returns the number of place k in place_keys, adding it when new.
func (p *putter) placeID(ctx context.Context, k placeKey) (int64, error) {
	if id, ok := p.placeIDs[k]; ok {
		return id, nil
	}
	found, err := p.w.queryRow(ctx, p.placeFind, p.row[:1], k.name, k.country, k.lat, k.lon)
	if err != nil {
		return 0, fmt.Errorf("cannot find place %s: %w", k.name, err)
	}
	id, _ := p.row[0].(int64)
	if !found {
		res, err := p.w.exec(ctx, p.placeAdd, k.name, k.country, k.lat, k.lon)
		if err != nil {
			return 0, fmt.Errorf("cannot add place %s: %w", k.name, err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return 0, fmt.Errorf("cannot add place %s: %w", k.name, err)
		}
	}
	p.placeIDs[k] = id
	return id, nil
}

// articlePlaces adds the article_places rows of article n: each place it
// names by number, with its mentions.
func (p *putter) articlePlaces(ctx context.Context, n int64, places []record.Place) error {
	clear(p.artPlaces)
	for _, x := range places {
		id, err := p.placeID(ctx, placeKey{x.Name, x.Country, x.Lat, x.Lon})
		if err != nil {
			return err
		}
		p.artPlaces[id]++
	}
	for id, m := range p.artPlaces {
		p.artPlaceRows.add(n, id, m)
	}
	return nil
}

package postgres

import (
	"context"
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

// item is one record of a Put with what the identity rules need.
type item struct {
	r      *record.Record
	hash   string
	sig    dedup.Signature
	bands  [dedup.NumBands]int64
	words  int
	n      int64
	story  int64
	near   bool
	isHead bool // a story's first article: its bands are indexed
}

// candidate is a story head that a new article may be a copy of.
type candidate struct {
	n, story int64
	sig      dedup.Signature
	bands    [dedup.NumBands]int64
}

// Put stores recs in one transaction; see store.Store. It makes a fixed
// number of round trips whatever the batch size: one to find stored
// duplicates, one for near-duplicate candidates, one to number the new
// articles and one pipelined batch with every row. Writers serialise on an
// advisory lock, so a record that another worker stored a moment ago is
// seen and skipped rather than duplicated.
//
// A record that breaks the text rule fails the batch with a
// *store.RecordError; a data error from the server wraps
// store.ErrBadRecord and a lost connection store.ErrUnavailable, so that
// store.PutSplit can find the bad record and a caller can wait out an
// outage.
func (s *Store) Put(ctx context.Context, recs []*record.Record) (store.PutResult, error) {
	if s.readOnly {
		return store.PutResult{}, errors.New("postgres: store opened read-only")
	}
	if err := store.CheckRecords(recs); err != nil {
		return store.PutResult{}, err
	}
	res, err := s.put(ctx, recs)
	if err != nil {
		return store.PutResult{}, classify(ctx, err)
	}
	return res, nil
}

func (s *Store) put(ctx context.Context, recs []*record.Record) (store.PutResult, error) {
	var res store.PutResult
	items := make([]*item, 0, len(recs))
	for _, r := range recs {
		if r == nil {
			continue
		}
		if r.ID == "" {
			return res, &store.RecordError{Err: errors.New("record has no id")}
		}
		items = append(items, &item{r: r, hash: dedup.ContentHash(r.Text), words: dedup.CountWords(r.Text)})
	}
	if len(items) == 0 {
		return res, nil
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return res, fmt.Errorf("cannot begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", writeLock); err != nil {
		return res, fmt.Errorf("cannot lock for writing: %w", err)
	}
	items, dups, err := dropDuplicates(ctx, tx, items)
	if err != nil {
		return res, fmt.Errorf("cannot check duplicates: %w", err)
	}
	res.Duplicates = dups
	if len(items) == 0 {
		return res, tx.Commit(ctx)
	}
	if err := assignStories(ctx, tx, items); err != nil {
		return res, fmt.Errorf("cannot find near-duplicates: %w", err)
	}
	var c columns
	for _, it := range items {
		if err := c.add(it); err != nil {
			return store.PutResult{}, &store.RecordError{ID: it.r.ID, Err: err}
		}
		res.Added++
		if it.near {
			res.NearDuplicates++
		}
	}
	b := &pgx.Batch{}
	c.queue(b)
	br := tx.SendBatch(ctx, b)
	for i := 0; i < b.Len(); i++ {
		switch i {
		case c.eventsAt:
			var n int
			if err := br.QueryRow().Scan(&n); err != nil {
				br.Close()
				return store.PutResult{}, fmt.Errorf("cannot store events: %w", err)
			}
			res.Events += n
		default:
			tag, err := br.Exec()
			if err != nil {
				br.Close()
				return store.PutResult{}, fmt.Errorf("cannot store batch: %w", err)
			}
			if i == c.mentionsAt {
				res.Mentions += int(tag.RowsAffected())
			}
		}
	}
	if err := br.Close(); err != nil {
		return store.PutResult{}, fmt.Errorf("cannot store batch: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return store.PutResult{}, fmt.Errorf("cannot commit: %w", err)
	}
	s.mu.Lock()
	s.added += res.Added
	s.mu.Unlock()
	return res, nil
}

// dropDuplicates removes the items whose id, URL or content is already
// stored or comes earlier in the batch, and counts them.
func dropDuplicates(ctx context.Context, tx pgx.Tx, items []*item) ([]*item, int, error) {
	var ids, urls, hashes []string
	for _, it := range items {
		ids = append(ids, it.r.ID)
		if it.r.URL != "" {
			urls = append(urls, it.r.URL)
		}
		hashes = append(hashes, it.hash)
	}
	seen := map[string]bool{}
	rows, err := tx.Query(ctx, `SELECT id, coalesce(url, ''), content_hash FROM articles
		WHERE id = ANY($1) OR url = ANY($2) OR content_hash = ANY($3)`, ids, urls, hashes)
	if err != nil {
		return nil, 0, err
	}
	for rows.Next() {
		var id, url, hash string
		if err := rows.Scan(&id, &url, &hash); err != nil {
			rows.Close()
			return nil, 0, err
		}
		seen["i"+id], seen["h"+hash] = true, true
		if url != "" {
			seen["u"+url] = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	kept := items[:0]
	dups := 0
	for _, it := range items {
		if seen["i"+it.r.ID] || seen["h"+it.hash] || (it.r.URL != "" && seen["u"+it.r.URL]) {
			dups++
			continue
		}
		seen["i"+it.r.ID], seen["h"+it.hash] = true, true
		if it.r.URL != "" {
			seen["u"+it.r.URL] = true
		}
		kept = append(kept, it)
	}
	return kept, dups, nil
}

// assignStories numbers the new articles and puts each in the story of the
// most similar earlier story head that shares an LSH band with it (stored,
// or earlier in the batch), else in a story of its own.
func assignStories(ctx context.Context, tx pgx.Tx, items []*item) error {
	var keys []int64
	for _, it := range items {
		if it.words >= minNearWords {
			it.sig = dedup.Sign(it.r.Text)
			it.bands = it.sig.Bands()
			keys = append(keys, it.bands[:]...)
		}
	}
	var heads []*candidate
	if len(keys) > 0 {
		rows, err := tx.Query(ctx, `SELECT a.n, a.story, a.signature FROM articles a
			WHERE a.n IN (SELECT article FROM bands WHERE key = ANY($1)) ORDER BY a.n`, keys)
		if err != nil {
			return err
		}
		for rows.Next() {
			var c candidate
			var b []byte
			if err := rows.Scan(&c.n, &c.story, &b); err != nil {
				rows.Close()
				return err
			}
			if c.sig, err = dedup.ParseSignature(b); err != nil {
				continue
			}
			c.bands = c.sig.Bands()
			heads = append(heads, &c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('articles', 'n')) FROM generate_series(1, $1)`, len(items))
	if err != nil {
		return err
	}
	i := 0
	for rows.Next() {
		if err := rows.Scan(&items[i].n); err != nil {
			rows.Close()
			return err
		}
		i++
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, it := range items {
		it.story = it.n
		if it.words < minNearWords {
			continue
		}
		best := 0.0
		for _, c := range heads {
			if !shareBand(&it.bands, &c.bands) {
				continue
			}
			if sim := dedup.Similarity(&it.sig, &c.sig); sim >= dedup.Threshold && sim > best {
				best, it.story, it.near = sim, c.story, true
			}
		}
		if !it.near {
			it.isHead = true
			heads = append(heads, &candidate{n: it.n, story: it.n, sig: it.sig, bands: it.bands})
		}
	}
	return nil
}

func shareBand(a, b *[dedup.NumBands]int64) bool {
	for i := range a {
		if a[i] == b[i] {
			return true
		}
	}
	return false
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

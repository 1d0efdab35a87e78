package sqlite

import (
	"context"
	"io"
	"slices"
	"strconv"

	"github.com/newsgraph/newsgraph/internal/dedup"
)

// near finds each new article's story among the candidates that share an
// LSH band with it: stored articles, read for the whole Put in one query,
// and the articles added earlier in the same Put, kept here. Only a story's
// first article has bands (see docs/STORE.md).
type near struct {
	keys  map[int64][]int64 // band key -> articles with that band, ascending
	cands map[int64]cand    // article -> its story and signature
}

// cand is a candidate article.
type cand struct {
	story int64
	sig   dedup.Signature
}

// nearChunk is the most articles whose band keys load looks up in one
// query (a variable for tests).
var nearChunk = 512

// load reads the stored articles that share a band with one of arts.
func (nr *near) load(ctx context.Context, p *putter, arts []*article) error {
	nr.keys, nr.cands = make(map[int64][]int64, dedup.NumBands*len(arts)), map[int64]cand{}
	// The keys drive the join, each a lookup in bands' primary key, rather
	// than "key IN (SELECT value FROM json_each(?))", for which SQLite first
	// builds a temporary b-tree of the keys.
	st, err := p.stmt(ctx, `SELECT b.key, a.n, a.story, a.signature FROM json_each(?) j
		CROSS JOIN bands b ON b.key = j.value JOIN articles a ON a.n = b.article`)
	if err != nil {
		return err
	}
	// The keys go in as one JSON array per chunk of articles.
	list := p.bufs.keys[:0]
	defer func() { p.bufs.keys = list }()
	for len(arts) > 0 {
		chunk := arts[:min(nearChunk, len(arts))]
		arts = arts[len(chunk):]
		list = append(list[:0], '[')
		for _, a := range chunk {
			if !a.near() {
				continue
			}
			for _, k := range a.sig.Bands() {
				if len(list) > 1 {
					list = append(list, ',')
				}
				list = strconv.AppendInt(list, k, 10)
			}
		}
		if len(list) == 1 {
			continue
		}
		list = append(list, ']')
		if err := nr.query(ctx, p, st, string(list)); err != nil {
			return err
		}
	}
	return nil
}

// query adds the stored articles that have one of the band keys in list.
func (nr *near) query(ctx context.Context, p *putter, st driverStmt, list string) error {
	rows, err := p.w.query(ctx, st, list)
	if err != nil {
		return err
	}
	defer rows.Close()
	row := p.row[:]
	for {
		if err := rows.Next(row); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		k, _ := row[0].(int64)
		n, _ := row[1].(int64)
		story, _ := row[2].(int64)
		b, _ := row[3].([]byte)
		sig, err := dedup.ParseSignature(b)
		if err != nil {
			continue // not comparable
		}
		nr.keys[k] = append(nr.keys[k], n)
		nr.cands[n] = cand{story: story, sig: sig}
	}
}

// story returns the story of a's most similar candidate, the earliest of
// equals, when the similarity reaches dedup.Threshold.
func (nr *near) story(a *article) (int64, bool) {
	var ns []int64
	for _, k := range a.sig.Bands() {
		ns = append(ns, nr.keys[k]...)
	}
	slices.Sort(ns)
	ns = slices.Compact(ns)
	best, story, ok := 0.0, int64(0), false
	for _, n := range ns {
		c := nr.cands[n]
		if sim := dedup.Similarity(&a.sig, &c.sig); sim >= dedup.Threshold && sim > best {
			best, story, ok = sim, c.story, true
		}
	}
	return story, ok
}

// add makes a, stored as article n and the first of its story, a candidate
// for the rest of the Put, and returns its band keys.
func (nr *near) add(a *article, n int64) [dedup.NumBands]int64 {
	bands := a.sig.Bands()
	for _, k := range bands {
		nr.keys[k] = append(nr.keys[k], n)
	}
	nr.cands[n] = cand{story: n, sig: a.sig}
	return bands
}

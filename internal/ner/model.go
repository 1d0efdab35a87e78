package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"math/bits"
	"slices"
)

// ErrModel marks a model file that cannot be read.
var ErrModel = errors.New("ner: bad model file")

// modelMagic starts every model file (after gzip).
const modelMagic = "newsgraph-ner-1\n"

// Model is the trained weight table: for each known feature hash, one weight
// per tag. It is immutable after loading and safe for concurrent use.
type Model struct {
	// table is an open-addressing hash table (linear probing, load under
	// 0.4 so that a miss, the common case, reads one cache line): each
	// entry holds the high 32 bits of a feature hash and its row + 1; zero
	// is an empty entry. The low bits of the hash choose the home entry,
	// so hash and entry together identify a feature but for a 2^-32 chance.
	table []uint64
	mask  uint64
	// w holds numTags weights per row.
	w []float32
	// keys holds the full hash of each row, for WriteTo.
	keys []uint64
	// edge holds, per neighbour offset, the scores a missing neighbour
	// (past the sentence's edge) gives.
	edge [len(neighbourOffsets)][numTags]float32
	lexicon
}

type entry struct {
	key uint64
	row int
}

// entries returns the features sorted by hash.
func (m *Model) entries() []entry {
	es := make([]entry, len(m.keys))
	for r, k := range m.keys {
		es[r] = entry{k, r}
	}
	slices.SortFunc(es, func(a, b entry) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	return es
}

// newModel builds the lookup table over feats, whose weights are w
// (numTags per feature, in the same order).
func newModel(feats []uint64, w []float32, lx lexicon) *Model {
	size := 1 << bits.Len(uint(len(feats)*5/2))
	m := &Model{table: make([]uint64, size), mask: uint64(size - 1), w: w, keys: feats, lexicon: lx}
	for r, f := range feats {
		i := f & m.mask
		for m.table[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.table[i] = f&^0xFFFFFFFF | uint64(r+1)
	}
	var feats2 []uint64
	for k, off := range neighbourOffsets {
		feats2 = neighbourFeatures(feats2[:0], nil, off)
		m.score(&m.edge[k], feats2)
	}
	return m
}

// Features returns the number of features in the model.
func (m *Model) Features() int { return len(m.w) / numTags }

// row returns the weights of feature f, or nil when it is unknown.
func (m *Model) row(f uint64) []float32 {
	hi := f &^ 0xFFFFFFFF
	i := f & m.mask
	for {
		e := m.table[i]
		if e == 0 {
			return nil
		}
		if e&^0xFFFFFFFF == hi {
			r := int(e&0xFFFFFFFF-1) * numTags
			return m.w[r : r+numTags : r+numTags]
		}
		i = (i + 1) & m.mask
	}
}

// score adds the weights of feats to sc.
func (m *Model) score(sc *[numTags]float32, feats []uint64) {
	for _, f := range feats {
		if w := m.row(f); w != nil {
			for t := range sc {
				sc[t] += w[t]
			}
		}
	}
}

// WriteTo writes the model in its compressed binary form: gzip of the magic,
// the tag count, the quantisation step, the feature count, then per feature
// (sorted by hash) the hash delta as a uvarint, a bit mask of its non-zero
// tags and their weights as zig-zag varints in steps of the quantum; then
// the word clusters: their count and, per word (sorted), its length, bytes
// and signature; then the gazetteer: its count and, per name (sorted by
// hash), the hash delta and the type index + 1; then the given names: their
// count and their sorted lower-case hash deltas.
// Weights whose magnitude is below prune are dropped.
func (m *Model) WriteTo(w io.Writer, prune float32) (int64, error) {
	es := m.entries()
	var maxAbs float32
	for _, x := range m.w {
		maxAbs = max(maxAbs, abs32(x))
	}
	quantum := maxAbs / 30000
	if quantum == 0 {
		quantum = 1
	}
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, fmt.Errorf("cannot compress model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	put := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	bw.WriteString(modelMagic)
	put(numTags)
	put(uint64(math.Float32bits(quantum)))
	// Count kept features first.
	kept := 0
	for _, e := range es {
		for _, x := range m.w[e.row*numTags : (e.row+1)*numTags] {
			if abs32(x) >= prune && int64(math.Round(float64(x/quantum))) != 0 {
				kept++
				break
			}
		}
	}
	put(uint64(kept))
	last := uint64(0)
	for _, e := range es {
		ws := m.w[e.row*numTags : (e.row+1)*numTags]
		var bitsMask uint64
		var q [numTags]int64
		for t, x := range ws {
			if abs32(x) >= prune {
				q[t] = int64(math.Round(float64(x / quantum)))
				if q[t] != 0 {
					bitsMask |= 1 << t
				}
			}
		}
		if bitsMask == 0 {
			continue
		}
		put(e.key - last)
		last = e.key
		put(bitsMask)
		for t := range ws {
			if bitsMask&(1<<t) != 0 {
				put(zigzag(q[t]))
			}
		}
	}
	words := slices.Sorted(maps.Keys(m.clusters))
	put(uint64(len(words)))
	for _, w := range words {
		put(uint64(len(w)))
		bw.WriteString(w)
		put(uint64(m.clusters[w]))
	}
	hs := slices.Sorted(maps.Keys(m.gazetteer))
	put(uint64(len(hs)))
	last = 0
	for _, h := range hs {
		put(h - last)
		last = h
		put(uint64(m.gazetteer[h]))
	}
	fn := slices.Sorted(maps.Keys(m.firstNames))
	put(uint64(len(fn)))
	last = 0
	for _, h := range fn {
		put(h - last)
		last = h
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("cannot write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("cannot write model: %w", err)
	}
	return cw.n, nil
}

// ReadModel reads a model written by WriteTo.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	defer zr.Close()
	br := bufio.NewReaderSize(zr, 1<<16)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, fmt.Errorf("%w: not a newsgraph NER model", ErrModel)
	}
	get := func() uint64 {
		x, e := binary.ReadUvarint(br)
		if e != nil && err == nil {
			err = e
		}
		return x
	}
	if nt := get(); nt != numTags {
		return nil, fmt.Errorf("%w: %d tags, want %d", ErrModel, nt, numTags)
	}
	quantum := math.Float32frombits(uint32(get()))
	n := get()
	if err != nil || n > 1<<26 {
		return nil, fmt.Errorf("%w: bad header", ErrModel)
	}
	feats := make([]uint64, n)
	w := make([]float32, int(n)*numTags)
	key := uint64(0)
	for i := range feats {
		key += get()
		feats[i] = key
		mask := get()
		for t := 0; t < numTags; t++ {
			if mask&(1<<t) != 0 {
				w[i*numTags+t] = float32(unzigzag(get())) * quantum
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%w: truncated at feature %d: %w", ErrModel, i, err)
		}
		if key == 0 || (i > 0 && key == feats[i-1]) {
			return nil, fmt.Errorf("%w: bad feature key at %d", ErrModel, i)
		}
	}
	nw := get()
	if err != nil || nw > 1<<24 {
		return nil, fmt.Errorf("%w: bad cluster count", ErrModel)
	}
	lx := lexicon{clusters: make(map[string]uint32, nw)}
	var wb []byte
	for i := uint64(0); i < nw; i++ {
		l := get()
		if err != nil || l > 1<<10 {
			return nil, fmt.Errorf("%w: bad cluster word %d", ErrModel, i)
		}
		wb = append(wb[:0], make([]byte, l)...)
		if _, e := io.ReadFull(br, wb); e != nil {
			return nil, fmt.Errorf("%w: truncated cluster word %d: %w", ErrModel, i, e)
		}
		lx.clusters[string(wb)] = uint32(get())
	}
	ng := get()
	if err != nil || ng > 1<<24 {
		return nil, fmt.Errorf("%w: bad gazetteer", ErrModel)
	}
	lx.gazetteer = make(map[uint64]uint8, ng)
	h := uint64(0)
	for i := uint64(0); i < ng; i++ {
		h += get()
		if t := get(); t > 0 && t <= uint64(len(types)) {
			lx.gazetteer[h] = uint8(t)
		}
	}
	nf := get()
	if err != nil || nf > 1<<24 {
		return nil, fmt.Errorf("%w: bad name list", ErrModel)
	}
	lx.firstNames = make(map[uint64]bool, nf)
	h = 0
	for i := uint64(0); i < nf; i++ {
		h += get()
		lx.firstNames[h] = true
	}
	if err != nil {
		return nil, fmt.Errorf("%w: truncated clusters, gazetteer or names: %w", ErrModel, err)
	}
	return newModel(feats, w, lx), nil
}

func zigzag(x int64) uint64   { return uint64((x << 1) ^ (x >> 63)) }
func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

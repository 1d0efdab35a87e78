package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/newsgraph/newsgraph/internal/learn"
)

// ErrModel marks a model file that cannot be read.
var ErrModel = errors.New("ner: bad model file")

// modelMagic starts every model file (after gzip). Version 2 holds the
// weights as a learn.Model.
const modelMagic = "newsgraph-ner-2\n"

// Model is the trained tagger: the perceptron's weights (a learn.Model over
// the tags, in quanta of lm.Scale()) and the lexicon the features read. It
// is immutable after loading and safe for concurrent use.
type Model struct {
	lm *learn.Model
	// edge holds, per neighbour offset, the scores a missing neighbour
	// (past the sentence's edge) gives.
	edge [len(neighbourOffsets)][numTags]int32
	lexicon
}

// newModel wraps the weights lm and the lexicon lx.
func newModel(lm *learn.Model, lx lexicon) *Model {
	m := &Model{lm: lm, lexicon: lx}
	var feats []uint64
	for k, off := range neighbourOffsets {
		feats = neighbourFeatures(feats[:0], nil, off)
		m.score(&m.edge[k], feats)
	}
	return m
}

// Features returns the number of features in the model.
func (m *Model) Features() int { return m.lm.Features() }

// score adds the weights of feats to sc, in quanta.
func (m *Model) score(sc *[numTags]int32, feats []uint64) { m.lm.Score(feats, sc[:]) }

// WriteTo writes the model in its compressed binary form: gzip of the magic,
// the weights as learn.Model.WriteTo writes them, then the word clusters:
// their count and, per word (sorted), its length, bytes and signature; then
// the gazetteer: its count and, per name (sorted by hash), the hash delta
// and the type index + 1; then the given names: their count and their
// sorted lower-case hash deltas. Weights whose magnitude is below prune
// are dropped.
func (m *Model) WriteTo(w io.Writer, prune float32) (int64, error) {
	lm := m.lm
	if prune > 0 {
		lm = lm.Prune(float64(prune))
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
	if _, err := lm.WriteTo(bw); err != nil {
		return cw.n, fmt.Errorf("cannot write model: %w", err)
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
	last := uint64(0)
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
	// Read into a buffer of the size the gzip trailer records, not one
	// that doubles as it fills (the model is read whole).
	var buf bytes.Buffer
	if br, ok := r.(*bytes.Reader); ok {
		buf.Grow(gzipSize(br))
	}
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	data := buf.Bytes()
	if !bytes.HasPrefix(data, []byte(modelMagic)) {
		return nil, fmt.Errorf("%w: not a newsgraph NER model (version 2)", ErrModel)
	}
	lm, n, err := learn.DecodeModel(data[len(modelMagic):])
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrModel, err)
	}
	if lm.Classes() != numTags {
		return nil, fmt.Errorf("%w: %d tags, want %d", ErrModel, lm.Classes(), numTags)
	}
	br := bytes.NewReader(data[len(modelMagic)+n:])
	get := func() uint64 {
		x, e := binary.ReadUvarint(br)
		if e != nil && err == nil {
			err = e
		}
		return x
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
	return newModel(lm, lx), nil
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

// gzipSize returns the uncompressed size that the gzip stream in r records
// in its trailer (modulo 4 GiB) plus the byte that lets reading to the end
// stop without growing the buffer, or 0 when r is too short for a trailer.
func gzipSize(r *bytes.Reader) int {
	n := r.Size()
	if n < 18 {
		return 0
	}
	var t [4]byte
	if _, err := r.ReadAt(t[:], n-4); err != nil {
		return 0
	}
	return int(binary.LittleEndian.Uint32(t[:])) + bytes.MinRead
}

package ner

import "math"

// tagStart stands for the tag before the first word in tag features.
const tagStart = numTags

// decoder holds the buffers of one tagging call; reused through a pool so
// that steady-state tagging allocates nothing.
type decoder struct {
	toks  []token
	feats []uint64
	tags  []uint8
	probs []float32
	ents  []Entity
	parts [][2]int
	// Word score cache: the summed weights of each word's own features
	// and of the features it gives its neighbours, by word hash.
	cache map[uint64]int32
	recs  []wordRec
	recOf []int32
	base  [][numTags]int32
	// sub tags the parts of hyphenated words.
	sub      *decoder
	partTag  []uint8
	partProb []float32
	// Per-document maps of harmonize.
	names, surnames map[string]bool
	votes           map[string][len(types)]float32
	// Per-document state of repeats and commonOpeners.
	repeat  repeatScratch
	openers map[uint64]bool
}

// reset prepares the decoder for a sentence of n words.
func (d *decoder) reset(n int) {
	d.toks = d.toks[:0]
	if cap(d.tags) < n {
		d.tags = make([]uint8, n)
		d.probs = make([]float32, n)
	}
	d.tags = d.tags[:n]
	d.probs = d.probs[:n]
}

// wordRec holds the cached scores of one word: of its own features and,
// for each offset k in neighbourOffsets, of the features it gives a word
// when it stands at that offset from it.
type wordRec struct {
	own [numTags]int32
	nb  [len(neighbourOffsets)][numTags]int32
}

// maxCachedWords bounds a decoder's word cache (about 1 KB a word).
const maxCachedWords = 1 << 13

// wordIndex returns the index in d.recs of the scores of word t, computing
// them on first sight.
func (m *Model) wordIndex(d *decoder, t *token) int32 {
	if r, ok := d.cache[t.word]; ok {
		return r
	}
	var rec wordRec
	d.feats = intrinsicFeatures(d.feats[:0], t)
	m.score(&rec.own, d.feats)
	for k, off := range neighbourOffsets {
		d.feats = neighbourFeatures(d.feats[:0], t, off)
		m.score(&rec.nb[k], d.feats)
	}
	r := int32(len(d.recs))
	d.recs = append(d.recs, rec)
	d.cache[t.word] = r
	return r
}

// edgeScores returns the scores that the missing neighbour at offset k
// (past a sentence edge) gives.
func (m *Model) edgeScores(k int) *[numTags]int32 { return &m.edge[k] }

// staticScores fills d.base with the scores of the features of each
// position that do not depend on earlier tags.
func (m *Model) staticScores(d *decoder) {
	n := len(d.toks)
	if d.cache == nil {
		d.cache = map[uint64]int32{}
	}
	if len(d.recs)+n > maxCachedWords {
		clear(d.cache)
		d.recs = d.recs[:0]
	}
	d.recOf = d.recOf[:0]
	for i := range d.toks {
		d.recOf = append(d.recOf, m.wordIndex(d, &d.toks[i]))
	}
	if cap(d.base) < n {
		d.base = make([][numTags]int32, n, 2*n)
	}
	d.base = d.base[:n]
	caps := headline(d.toks)
	for i := range d.toks {
		sc := d.recs[d.recOf[i]].own
		for k, off := range neighbourOffsets {
			var nb *[numTags]int32
			if j := i + off; j >= 0 && j < n {
				nb = &d.recs[d.recOf[j]].nb[k]
			} else {
				nb = m.edgeScores(k)
			}
			for t := range sc {
				sc[t] += nb[t]
			}
		}
		d.feats = contextFeatures(d.feats[:0], d.toks, i, caps)
		m.score(&sc, d.feats)
		d.base[i] = sc
	}
}

// decode tags d.toks greedily left to right, each word's tag chosen with
// the two tags before it as features, under the BIO constraint. It fills
// d.tags and d.probs (the softmax probability of each chosen tag).
func (m *Model) decode(d *decoder) {
	m.staticScores(d)
	prev, prev2 := tagStart, tagStart
	for i := range d.toks {
		d.feats = dynamicFeatures(d.feats[:0], &d.toks[i], prev, prev2)
		sc := d.base[i]
		m.score(&sc, d.feats)
		best := tagO
		for t := 1; t < numTags; t++ {
			if sc[t] > sc[best] && allowed(prev, t) {
				best = t
			}
		}
		d.tags[i] = uint8(best)
		d.probs[i] = softmaxOf(&sc, m.lm.Scale(), best, prev)
		prev2, prev = prev, best
	}
}

// softmaxOf returns the softmax probability of tag best among the tags
// allowed after prev (among O and the B- tags when prev is -1), for scores
// sc in quanta of scale.
func softmaxOf(sc *[numTags]int32, scale float32, best, prev int) float32 {
	var z float64
	for t := 0; t < numTags; t++ {
		if prev < 0 && (t == tagO || isBegin(t)) || prev >= 0 && allowed(prev, t) {
			z += math.Exp(float64(sc[t]-sc[best]) * float64(scale))
		}
	}
	return float32(1 / z)
}

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
	// sub tags the parts of hyphenated words.
	sub      *decoder
	partTag  []uint8
	partProb []float32
	// Per-document maps of harmonize.
	names, surnames map[string]bool
	votes           map[string][len(types)]float32
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

// decode tags d.toks greedily left to right, each word's tag chosen with
// the two tags before it as features, under the BIO constraint. It fills
// d.tags and d.probs (the softmax probability of each chosen tag).
func (m *Model) decode(d *decoder) {
	caps := headline(d.toks)
	prev, prev2 := tagStart, tagStart
	for i := range d.toks {
		d.feats = staticFeatures(d.feats[:0], d.toks, i, caps)
		d.feats = dynamicFeatures(d.feats, &d.toks[i], prev, prev2)
		var sc [numTags]float32
		m.score(&sc, d.feats)
		best := tagO
		for t := 1; t < numTags; t++ {
			if sc[t] > sc[best] && allowed(prev, t) {
				best = t
			}
		}
		d.tags[i] = uint8(best)
		d.probs[i] = softmaxOf(&sc, best, prev)
		prev2, prev = prev, best
	}
}

// softmaxOf returns the softmax probability of tag best among the tags
// allowed after prev (among O and the B- tags when prev is -1).
func softmaxOf(sc *[numTags]float32, best, prev int) float32 {
	var z float64
	for t := 0; t < numTags; t++ {
		if prev < 0 && (t == tagO || isBegin(t)) || prev >= 0 && allowed(prev, t) {
			z += math.Exp(float64(sc[t] - sc[best]))
		}
	}
	return float32(1 / z)
}

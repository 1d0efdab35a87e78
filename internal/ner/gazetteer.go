package ner

// The gazetteer lists the names tagged in the training corpus: the hash of
// each name's word sequence and the type it was tagged with most often.
// Marking a sentence with its longest gazetteer matches gives the tagger a
// feature for multi-word names it saw whole ("Security Council"). While
// training, each sentence is marked with a gazetteer made without the
// sentence's own tenth of the corpus (jackknifing), so that the feature is
// as reliable in training as on new text.

// maxGazWords is the longest name the gazetteer matches.
const maxGazWords = 6

// gazFolds is the number of jackknife folds.
const gazFolds = 10

// phraseHash returns the hash of words toks[i:j].
func phraseHash(toks []token, i, j int) uint64 {
	h := uint64(0x9A2E)
	for k := i; k < j; k++ {
		h = mix(h, toks[k].word)
	}
	return h
}

// gazCounts counts, per phrase hash, how often it was tagged with each type.
type gazCounts map[uint64]*[len(types)]int32

func (g gazCounts) add(s Sentence, toks []token) {
	for _, e := range s.Entities() {
		if e.End-e.Start > maxGazWords {
			continue
		}
		h := phraseHash(toks, e.Start, e.End)
		c := g[h]
		if c == nil {
			c = new([len(types)]int32)
			g[h] = c
		}
		c[(beginOf(e.Type)-1)/2]++
	}
}

// lookupFunc returns the type index + 1 of a phrase hash, 0 when unknown.
type lookupFunc func(h uint64) uint8

// markGazetteer sets toks[i].gaz to the B-/I- tag of the longest gazetteer
// match covering it, left to right, or O.
func markGazetteer(toks []token, look lookupFunc) {
	for i := range toks {
		toks[i].gaz = tagO
	}
	for i := 0; i < len(toks); {
		best, typ := 0, uint8(0)
		if toks[i].cap {
			for j := i + 1; j <= min(len(toks), i+maxGazWords); j++ {
				if t := look(phraseHash(toks, i, j)); t != 0 {
					best, typ = j-i, t
				}
			}
		}
		if best == 0 {
			i++
			continue
		}
		b := uint8(1 + 2*(typ-1))
		toks[i].gaz = b
		for k := i + 1; k < i+best; k++ {
			toks[k].gaz = b + 1
		}
		i += best
	}
}

// majority returns the type index + 1 with the largest count in c minus
// minus (nil for none), 0 when all are zero.
func majority(c, minus *[len(types)]int32) uint8 {
	best, bc := uint8(0), int32(0)
	for t := range c {
		n := c[t]
		if minus != nil {
			n -= minus[t]
		}
		if n > bc {
			best, bc = uint8(t+1), n
		}
	}
	return best
}

package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/learn"
)

// Features are 64-bit hashes of (template, value), made with the hashing of
// internal/learn: no strings are built, so extracting them allocates
// nothing. A template is a small constant mixed into the value's hash.
// Words are hashed with FNV-1a (learn.String) a byte or a rune at a time.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Feature templates.
const (
	fBias uint64 = iota + 1
	fWord
	fLower
	fSuf2
	fSuf3
	fSuf4
	fPre2
	fPre3
	fShape
	fSShape
	fLowerP1
	fLowerN1
	fLowerP2
	fLowerN2
	fSShapeP1
	fSShapeN1
	fBigramP
	fBigramN
	fShapeTri
	fFirst
	fCaps
	fTitleP1
	fPrevTag
	fPrev2Tag
	fPrevTagLower
	fPrevTagShape
	fSShapeP2
	fSShapeN2
	fLen
	fLowerP1Shape
	fShapeLowerN1
	fTitleP2
	fPre1
	fSuf1
	fCluster
	fClusterP1
	fClusterN1
	fWordP1
	fWordN1
	fPrevTagCluster
	fPrevTagLowerN1
	fLowerP3
	fLowerN3
	fGaz
	fFirstName
	fFirstNameP1
	fFirstNameN1
)

// mix combines a template or earlier hash a with value hash b (learn.Add),
// never returning 0. The embedded model's features were hashed so: a
// change here needs a retrained model.
func mix(a, b uint64) uint64 {
	h := learn.Add(a, b)
	if h == 0 {
		h = 1
	}
	return h
}

// token holds the hashes of one word's own properties.
type token struct {
	word, lower, shape, sshape uint64
	suf2, suf3, suf4           uint64
	pre2, pre3                 uint64
	title                      bool // a title word (President, Mr.)
	cap                        bool // starts with an upper-case letter
	length                     uint64
	cluster                    uint32 // signature, 0 when unknown
	gaz                        uint8  // gazetteer B-/I- tag, see markGazetteer
	firstName                  bool   // a known given name
}

// Sentinel hashes for positions outside the sentence.
var (
	hBOS = learn.String("<s>")
	hEOS = learn.String("</s>")
)

func hashRune(h uint64, r rune) uint64 {
	for r > 0 {
		h ^= uint64(r & 0xff)
		h *= fnvPrime
		r >>= 8
	}
	return h
}

// normRune maps typographic variants onto one form: curly quotes to
// straight, dashes to '-', digits to '0'.
func normRune(r rune) rune {
	switch r {
	case '’', '‘', '`', '´':
		return '\''
	case '“', '”', '«', '»':
		return '"'
	case '‐', '‑', '‒', '–', '—':
		return '-'
	}
	if r >= '0' && r <= '9' {
		return '0'
	}
	return r
}

// shapeClass returns the shape character of r: X, x, d or r itself.
func shapeClass(r rune) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'x'
	case r >= 'A' && r <= 'Z':
		return 'X'
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return normRune(r)
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return normRune(r)
}

// token computes the hashes of word w.
func (lx *lexicon) token(w string) token {
	var t token
	t.word = fnvOffset
	t.lower = fnvOffset
	t.shape = fnvOffset
	t.sshape = fnvOffset
	// Runes of the lower-case form for prefixes and suffixes.
	var low [64]rune
	n := 0
	var prevShape rune
	run := 0
	first := true
	for _, r := range w {
		nr := normRune(r)
		t.word = hashRune(t.word, nr)
		lr := unicode.ToLower(nr)
		t.lower = hashRune(t.lower, lr)
		if n < len(low) {
			low[n] = lr
		}
		n++
		sc := shapeClass(r)
		if first {
			t.cap = sc == 'X'
			first = false
		}
		if sc == prevShape {
			run++
		} else {
			run = 1
			t.sshape = hashRune(t.sshape, sc)
		}
		if run <= 4 {
			t.shape = hashRune(t.shape, sc)
		}
		prevShape = sc
	}
	m := n
	if m > len(low) {
		m = len(low)
	}
	affix := func(tmpl uint64, rs []rune) uint64 {
		h := hashRune(fnvOffset, rune(tmpl))
		for _, r := range rs {
			h = hashRune(h, r)
		}
		return h
	}
	if m >= 3 {
		t.suf2 = affix(2, low[m-2:m])
		t.pre2 = affix(3, low[:2])
	}
	if m >= 4 {
		t.suf3 = affix(4, low[m-3:m])
		t.pre3 = affix(5, low[:3])
	}
	if m >= 5 {
		t.suf4 = affix(6, low[m-4:m])
	}
	switch {
	case n <= 2:
		t.length = uint64(n)
	case n <= 4:
		t.length = 3
	default:
		t.length = 5
	}
	t.title = isTitle(w)
	t.cluster = lx.cluster(w)
	t.firstName = t.cap && lx.firstNames[t.lower]
	return t
}

// staticFeatures appends the features of position i that do not depend on
// earlier tags. caps says the sentence is a headline (most words capitalised).
// They are the word's own features, its neighbours' and the features of the
// context as a whole; the tagger caches the first two per word (see
// wordScores), training lists them all here.
func staticFeatures(dst []uint64, toks []token, i int, caps bool) []uint64 {
	dst = intrinsicFeatures(dst, &toks[i])
	for _, off := range neighbourOffsets {
		var nb *token
		if j := i + off; j >= 0 && j < len(toks) {
			nb = &toks[j]
		}
		dst = neighbourFeatures(dst, nb, off)
	}
	return contextFeatures(dst, toks, i, caps)
}

// neighbourOffsets are the positions, relative to a word, whose words give
// it features of their own.
var neighbourOffsets = [...]int{-3, -2, -1, 1, 2, 3}

// intrinsicFeatures appends the features of word t alone.
func intrinsicFeatures(dst []uint64, t *token) []uint64 {
	dst = append(dst,
		mix(fBias, 0),
		mix(fWord, t.word),
		mix(fLower, t.lower),
		mix(fShape, t.shape),
		mix(fSShape, t.sshape),
		mix(fLen, mix(t.length, t.sshape)),
	)
	if t.suf2 != 0 {
		dst = append(dst, mix(fSuf2, t.suf2), mix(fPre2, t.pre2))
	}
	if t.suf3 != 0 {
		dst = append(dst, mix(fSuf3, t.suf3), mix(fPre3, t.pre3))
	}
	if t.suf4 != 0 {
		dst = append(dst, mix(fSuf4, t.suf4))
	}
	if t.firstName {
		dst = append(dst, mix(fFirstName, t.sshape))
	}
	if t.cluster != 0 {
		for _, n := range clusterPrefixes {
			dst = append(dst, mix(fCluster, mix(uint64(n), uint64(t.cluster>>(clusterBits-n)))))
		}
		dst = append(dst, mix(fCluster, mix(uint64(t.cluster>>(clusterBits-10)), t.sshape)))
	} else {
		dst = append(dst, mix(fCluster, mix(99, t.sshape)))
	}
	return dst
}

// neighbourFeatures appends the features that the word nb at offset off
// gives; nb is nil past the sentence's edges.
func neighbourFeatures(dst []uint64, nb *token, off int) []uint64 {
	switch off {
	case -1:
		if nb == nil {
			return append(dst, mix(fLowerP1, hBOS))
		}
		dst = append(dst, mix(fLowerP1, nb.lower), mix(fWordP1, nb.word))
		if nb.cluster != 0 {
			dst = append(dst, mix(fClusterP1, uint64(nb.cluster>>(clusterBits-10))))
		}
	case 1:
		if nb == nil {
			return append(dst, mix(fLowerN1, hEOS))
		}
		dst = append(dst, mix(fLowerN1, nb.lower), mix(fWordN1, nb.word))
		if nb.cluster != 0 {
			dst = append(dst, mix(fClusterN1, uint64(nb.cluster>>(clusterBits-10))))
		}
	case -2:
		if nb == nil {
			return append(dst, mix(fLowerP2, hBOS))
		}
		dst = append(dst, mix(fLowerP2, nb.lower))
	case 2:
		if nb == nil {
			return append(dst, mix(fLowerN2, hEOS))
		}
		dst = append(dst, mix(fLowerN2, nb.lower))
	case -3:
		if nb != nil {
			dst = append(dst, mix(fLowerP3, nb.lower))
		}
	case 3:
		if nb != nil {
			dst = append(dst, mix(fLowerN3, nb.lower))
		}
	}
	return dst
}

// contextFeatures appends the features of position i that combine several
// words or depend on the word's place in the sentence.
func contextFeatures(dst []uint64, toks []token, i int, caps bool) []uint64 {
	t := &toks[i]
	lp1, ln1 := hBOS, hEOS
	sp1, sp2, sn1, sn2 := hBOS, hBOS, hEOS, hEOS
	tp1 := false
	if i > 0 {
		lp1, sp1, tp1 = toks[i-1].lower, toks[i-1].sshape, toks[i-1].title
	}
	if i > 1 {
		sp2 = toks[i-2].sshape
	}
	if i+1 < len(toks) {
		ln1, sn1 = toks[i+1].lower, toks[i+1].sshape
	}
	if i+2 < len(toks) {
		sn2 = toks[i+2].sshape
	}
	dst = append(dst,
		mix(fSShapeP1, mix(sp1, t.sshape)),
		mix(fSShapeN1, mix(t.sshape, sn1)),
		mix(fSShapeP2, mix(sp2, sp1)),
		mix(fSShapeN2, mix(sn1, sn2)),
		mix(fBigramP, mix(lp1, t.lower)),
		mix(fBigramN, mix(t.lower, ln1)),
		mix(fShapeTri, mix(mix(sp1, t.sshape), sn1)),
		mix(fLowerP1Shape, mix(lp1, t.sshape)),
		mix(fShapeLowerN1, mix(t.sshape, ln1)),
	)
	if t.gaz != tagO {
		dst = append(dst, mix(fGaz, uint64(t.gaz)), mix(fGaz, mix(uint64(t.gaz), t.sshape)))
	}
	if i > 0 && toks[i-1].firstName {
		dst = append(dst, mix(fFirstNameP1, t.sshape))
	}
	if i+1 < len(toks) && toks[i+1].firstName {
		dst = append(dst, mix(fFirstNameN1, t.sshape))
	}
	if i == 0 {
		dst = append(dst, mix(fFirst, t.sshape), mix(fFirst, mix(t.lower, 1)))
	}
	if caps {
		dst = append(dst, mix(fCaps, t.sshape), mix(fCaps, mix(t.lower, 2)))
	}
	if tp1 {
		dst = append(dst, mix(fTitleP1, t.sshape))
		if i > 1 && toks[i-2].title {
			dst = append(dst, mix(fTitleP2, t.sshape))
		}
	}
	return dst
}

// dynamicFeatures appends the features of position i that depend on the
// tags chosen for the two positions before it.
func dynamicFeatures(dst []uint64, t *token, prev, prev2 int) []uint64 {
	if t.cluster != 0 {
		dst = append(dst, mix(fPrevTagCluster, mix(uint64(prev), uint64(t.cluster>>(clusterBits-10)))))
	}
	return append(dst,
		mix(fPrevTag, uint64(prev)),
		mix(fPrev2Tag, uint64(prev2*16+prev)),
		mix(fPrevTagLower, mix(uint64(prev), t.lower)),
		mix(fPrevTagShape, mix(uint64(prev), t.sshape)),
	)
}

// headline reports whether a sentence looks like a headline: at least four
// words and most of them capitalised, so capitals say little.
func headline(toks []token) bool {
	words, caps := 0, 0
	for i := range toks {
		if toks[i].suf2 == 0 && !toks[i].cap { // short non-capitalised: a, of, to
			continue
		}
		words++
		if toks[i].cap {
			caps++
		}
	}
	return words >= 4 && caps*10 >= words*8
}

package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Token tests and the small phrase heuristics shared by the passes.

func (st *state) tok(i int) string { return st.s[st.toks[i].Start:st.toks[i].End] }

func (st *state) isWord(i int) bool {
	return i >= 0 && i < len(st.toks) && st.toks[i].Kind == text.Word
}

func (st *state) is(i int, w string) bool {
	return i >= 0 && i < len(st.toks) && st.tok(i) == w
}

func (st *state) cls(i int) uint16 {
	if i < 0 || i >= len(st.toks) {
		return 0
	}
	return st.tcls[i]
}

func (st *state) isCap(i int) bool {
	if !st.isWord(i) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(st.tok(i))
	return unicode.IsUpper(r)
}

// isPunct reports whether token i is punctuation (quotes, commas, ...).
func (st *state) isPunct(i int) bool {
	return i >= 0 && i < len(st.toks) && (st.toks[i].Kind == text.Punct || st.toks[i].Kind == text.Symbol)
}

// isEnd reports whether token i ends a clause: . ! ? ; or out of range.
func (st *state) isEnd(i int) bool {
	if i < 0 || i >= len(st.toks) {
		return true
	}
	switch st.tok(i) {
	case ".", "!", "?", ";", "…":
		return true
	}
	return false
}

func (st *state) isComma(i int) bool {
	if i < 0 || i >= len(st.toks) {
		return false
	}
	switch st.tok(i) {
	case ",", "—", "–", "--":
		return true
	}
	return false
}

// sameSentence reports whether tokens i and j are in one sentence.
func (st *state) sameSentence(i, j int) bool {
	if i < 0 || j < 0 || i >= len(st.toks) || j >= len(st.toks) {
		return false
	}
	return st.sentOf[i] == st.sentOf[j] && st.sentOf[i] >= 0
}

// sentence returns the token range of the sentence holding token i.
func (st *state) sentence(i int) (int, int) {
	si := st.sentOf[i]
	if si < 0 {
		return i, i + 1
	}
	s := st.d.Sentences[si]
	return s.FirstToken, s.EndToken
}

// matchCue returns the cue that starts at token i: its class and token
// count, or 0. The longest form wins.
func (st *state) matchCue(i int) (byte, int) {
	if i < 0 || i >= len(st.toks) {
		return 0, 0
	}
	return st.tcue[i].class, int(st.tcue[i].n)
}

// lookupWord returns the class bits of token i and the longest cue that
// starts there, with one map lookup for the word. reset calls it once per
// token.
func (st *state) lookupWord(i int) (uint16, cueMatch) {
	if !st.isWord(i) {
		return 0, cueMatch{}
	}
	var buf [maxWord]byte
	b, ok := lower(&buf, st.tok(i))
	if !ok {
		return 0, cueMatch{}
	}
	wi := st.a.lx.words[string(b)]
	var cl byte
	best := 0
	for _, c := range wi.cues {
		if len(c.words) <= best || i+len(c.words) > len(st.toks) {
			continue
		}
		ok := true
		for k := 1; k < len(c.words); k++ {
			var b2 [maxWord]byte
			w, ok2 := lower(&b2, st.tok(i+k))
			if !ok2 || string(w) != c.words[k] {
				ok = false
				break
			}
		}
		if ok {
			best, cl = len(c.words), c.class
		}
	}
	if cl == classNominal && st.a.opt.NoNominal {
		cl, best = 0, 0
	}
	return wi.cls, cueMatch{cl, uint8(best)}
}

// isParticiple reports whether the cue word at i ends in -ing.
func (st *state) isParticiple(i int) bool {
	w := st.tok(i)
	return len(w) > 4 && w[len(w)-3:] == "ing"
}

// skipLeft steps left from j over auxiliaries and adverbs, not below lo.
func (st *state) skipLeft(j, lo int) int {
	for j >= lo && j >= 0 && (st.cls(j)&wSkip != 0 || st.isAdverb(j)) {
		j--
	}
	return j
}

// npLeft returns the noun phrase that ends at token j (inclusive) and
// starts at or after lo: a pronoun, or up to eight words that are not
// function words. ok is false when there is none.
func (st *state) npLeft(j, lo int) (int, int, bool) {
	if j < lo || !st.isWord(j) {
		return 0, 0, false
	}
	c := st.cls(j)
	if c&wPronoun != 0 {
		return j, j + 1, true
	}
	if c&wStop != 0 {
		return 0, 0, false
	}
	k := j
	for k-1 >= lo && k > j-7 {
		p := k - 1
		if !st.isWord(p) && st.toks[p].Kind != text.Number {
			// Keep "Mr." style and hyphenated tokens and numbers; stop at punctuation.
			break
		}
		pc := st.cls(p)
		if pc&(wStop|wPronoun) != 0 {
			// "of"/"for" inside a name: A spokesman for Mayor Jackson.
			if (st.is(p, "of") || st.is(p, "for")) && st.isCap(p+1) && p-1 >= lo && st.isWord(p-1) && st.cls(p-1)&wStop == 0 {
				k = p
				continue
			}
			break
		}
		if st.matchCueWord(p) {
			break
		}
		k = p
	}
	if st.cls(j)&wTime != 0 {
		return 0, 0, false
	}
	return st.trimNP(k, j+1)
}

// trimNP drops leading words that cannot open a noun phrase (verbs,
// adverbs: "features a New York Times", "including ones") from [a, b) and
// reports whether a phrase is left: one opening with a capital, a
// determiner or possessive, or else its head alone when that is a plural
// or collective noun.
func (st *state) trimNP(a, b int) (int, int, bool) {
	for k := a; k < b; k++ {
		if st.isCap(k) || st.cls(k)&(wDet|wPossessive) != 0 {
			return k, b, true
		}
		if st.is(k, "of") || st.is(k, "for") {
			continue
		}
	}
	// Adjectives before a plural or collective head: top black lawmakers.
	if a := b - 1; st.isWord(a) {
		w := st.tok(a)
		if st.cls(a)&wCollective != 0 || len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && st.cls(a)&wStop == 0 && !st.isAdverb(a) {
			return a, b, true
		}
	}
	return 0, 0, false
}

// matchCueWord reports whether token i starts a cue.
func (st *state) matchCueWord(i int) bool {
	c, _ := st.matchCue(i)
	return c != 0
}

// npRight returns the noun phrase that starts at token i, not at or
// beyond hi: a pronoun, or words up to a comma, a clause end or a
// function word.
func (st *state) npRight(i, hi int) (int, int, bool) {
	if i >= hi || !st.isWord(i) {
		return 0, 0, false
	}
	c := st.cls(i)
	if c&wPronoun != 0 && c&wStop == 0 || st.is(i, "he") || st.is(i, "she") {
		return i, i + 1, true
	}
	if c&wStop != 0 && c&wDet == 0 {
		return 0, 0, false
	}
	k := i + 1
	for k < hi && k < i+10 && st.isWord(k) {
		kc := st.cls(k)
		if kc&wStop != 0 {
			if (st.is(k, "of") || st.is(k, "for")) && st.isCap(k+1) {
				k++
				continue
			}
			break
		}
		k++
	}
	if st.cls(k-1)&wTime != 0 {
		return 0, 0, false
	}
	return i, k, true
}

// nameOf returns the name inside a speaker phrase: its trailing run of
// capitalised words after any titles, or "" when it holds none.
func (st *state) nameOf(i, j int) text.Span {
	e := j
	for e > i && !st.isCap(e-1) {
		e--
	}
	if e == i {
		return text.Span{}
	}
	b := e
	for b > i && st.isCap(b-1) && st.cls(b-1)&(wTitle|wStop|wDet) == 0 {
		b--
	}
	if b == e {
		return text.Span{}
	}
	return text.Span{Start: st.toks[b].Start, End: st.toks[e-1].End}
}

// isAdverb reports whether token i is a lowercase -ly word (directly).
func (st *state) isAdverb(i int) bool {
	w := st.tok(i)
	return len(w) > 4 && w[len(w)-2:] == "ly" && w[0] >= 'a' && w[0] <= 'z' && st.isWord(i)
}

package quote

import (
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// reported finds reported speech in every sentence: X said (that) C,
// X told Y (that) C, C, X said, and according to X, C. Cues inside direct
// quotes or already used by one are skipped.
func (st *state) reported() {
	for si, s := range st.d.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			if st.used[i] || st.quoted[i] || st.insideReported(si, i) {
				continue
			}
			cl, n := st.matchCue(i)
			if cl == 0 || cl != classAccording && st.nounUse(si, i) {
				continue
			}
			var ok bool
			if cl == classAccording {
				ok = st.according(si, s, i, n)
			} else {
				ok = st.clause(si, s, i, n, cl)
			}
			if ok {
				st.useCue(i, i+n)
				i += n - 1
			}
		}
	}
}

// nounUse reports whether the cue form at token i is used as a noun or
// name (the report, his remarks, the United States): after a determiner,
// possessive or preposition, or capitalised inside a sentence that is not
// the headline.
func (st *state) nounUse(si, i int) bool {
	if st.cls(i-1)&wNounCtx != 0 && !st.is(i-1, "to") {
		return true
	}
	// Trump’s claim that ...: a possessive noun cue with a clause.
	if (st.is(i-1, "’s") || st.is(i-1, "'s")) && !st.is(i+1, "that") {
		return true
	}
	s := st.d.Sentences[si]
	headline := si == 0 && st.titleCase(s.FirstToken, s.EndToken)
	return i > s.FirstToken && st.isCap(i) && !headline && !st.allCaps(i)
}

// titleCase reports whether most words of [i, j) are capitalised, as in
// a headline (Trump Could Address Clean Energy, Lindsey Graham Says).
func (st *state) titleCase(i, j int) bool {
	words, caps := 0, 0
	for k := i; k < j; k++ {
		if st.isWord(k) {
			words++
			if st.isCap(k) {
				caps++
			}
		}
	}
	return words > 0 && caps*10 >= words*6
}

// allCaps reports whether word i is written in capitals (a transcript
// speaker label).
func (st *state) allCaps(i int) bool {
	w := st.tok(i)
	for k := 0; k < len(w); k++ {
		if w[k] >= 'a' && w[k] <= 'z' {
			return false
		}
	}
	return true
}

// transcripts handles interview transcripts and headline attributions: a
// paragraph that opens with a speaker label of capitalised words and a
// colon (PENCE: Well, ...; Q: ...; Sanders: Brexit could help Trump). The
// rest of the paragraph is the speaker's direct speech; the colon is the
// cue. Labels such as "Update:" and place datelines are not speakers.
func (st *state) transcripts() {
	for si, s := range st.d.Sentences {
		f := s.FirstToken
		if !st.toks[f].Has(text.NewlineBefore) && f != 0 {
			continue
		}
		f0 := f
		if m, n := mark(st.s, st.toks, f); m == markOpen || m == markBoth {
			f += n
		}
		k := f
		for k < s.EndToken && k < f+4 && st.isCap(k) {
			k++
		}
		if k == f || k >= s.EndToken || st.tok(k) != ":" || k+1 >= s.EndToken || st.cls(f)&wLabel != 0 && len(st.tok(f)) > 1 || st.place(f, k) {
			continue
		}
		// The paragraph runs to the next line break.
		e := k + 1
		for e < len(st.toks) && !st.toks[e].Has(text.NewlineBefore) {
			e++
		}
		for i := f0; i < e; i++ {
			st.quoted[i] = i > k
			st.transcript[i] = true
		}
		st.useCue(k, k+1)
		st.qs = append(st.qs, pending{content: st.span(k+1, e), kind: record.QuoteDirect, cue: st.span(k, k+1), hasCue: true,
			speaker: st.span(f, k), hasSpk: true, inherit: -1, sentence: si})
	}
}

// according handles "according to X": X up to a comma or the clause end,
// the content the rest of the sentence.
func (st *state) according(si int, s text.Sentence, i, n int) bool {
	a, b, ok := st.npRight(i+n, s.EndToken)
	if !ok {
		return false
	}
	// Let the phrase run over "of"/"for" and names to the comma.
	for b < s.EndToken && st.isWord(b) && b < a+12 {
		b++
	}
	p := pending{kind: record.QuoteReported, cue: st.span(i, i+n), hasCue: true,
		speaker: st.span(a, b), hasSpk: true, inherit: -1, sentence: si}
	first := st.contentStart(s.FirstToken, s.EndToken)
	switch {
	case i == first || i == s.FirstToken:
		c := b
		if st.isComma(c) {
			c++
		}
		e := st.contentEnd(c, s.EndToken)
		if e <= c {
			return false
		}
		p.content = st.span(c, e)
	case st.isComma(i - 1):
		e := st.trimEnd(first, i-1)
		if e <= first {
			return false
		}
		p.content = st.span(first, e)
	default:
		return false
	}
	st.qs = append(st.qs, p)
	return true
}

// clause handles a verb cue at [i, i+n): content after it (X said C) or
// before it (C, X said / C, said X).
func (st *state) clause(si int, s text.Sentence, i, n int, cl byte) bool {
	// Inverted: C, said X.
	if st.isComma(i-1) && !st.isParticiple(i) {
		if a, b, ok := st.npRight(i+n, s.EndToken); ok && st.cls(a)&wComp == 0 && (st.isEnd(b) || st.isComma(b) || b == s.EndToken) {
			first := st.contentStart(s.FirstToken, s.EndToken)
			if e := st.trimEnd(first, i-1); e > first {
				st.qs = append(st.qs, pending{content: st.span(first, e), kind: record.QuoteReported,
					cue: st.span(i, i+n), hasCue: true, speaker: st.span(a, b), hasSpk: true, inherit: -1, sentence: si})
				return true
			}
		}
	}
	at, ok := st.speakerBefore(i, n)
	if !ok {
		return false
	}
	p := pending{kind: record.QuoteReported, cue: at.cue, hasCue: true, speaker: at.speaker, hasSpk: at.hasSpk,
		inherit: at.inherit, sentence: si}
	// C, X said (in a statement).
	spStart := st.d.TokenAt(at.speaker.Start)
	if at.hasSpk && st.isComma(spStart-1) && st.tailIsAdjunct(i+n, s.EndToken) && !st.contentAfterComma(i+n, s.EndToken) {
		first := st.contentStart(s.FirstToken, s.EndToken)
		if e := st.trimEnd(first, spStart-1); e > first {
			p.content = st.span(first, e)
			st.qs = append(st.qs, p)
			return true
		}
		return false
	}
	// X said (that) C.
	c := i + n
	if cl == classAddressee {
		c = st.skipAddressee(c, s.EndToken)
	} else if k := st.findComp(c, s.EndToken); k > 0 {
		c = k
	}
	if c < s.EndToken && (st.tok(c) == ":" || st.tok(c) == ",") {
		c++
	}
	e := st.contentEnd(c, s.EndToken)
	if e <= c || st.wordsIn(c, e) < 2 {
		return false
	}
	// A direct quote right after the cue was attributed by the direct pass.
	if k, _ := mark(st.s, st.toks, c); k != 0 {
		return false
	}
	p.content = st.span(c, e)
	st.qs = append(st.qs, p)
	return true
}

// contentStart returns the first token of a sentence's content, after a
// leading dateline dash or headline marks.
func (st *state) contentStart(first, end int) int {
	for k := first; k < end && k < first+12; k++ {
		if st.is(k, "–") || st.is(k, "—") || st.is(k, "―") || st.is(k, "--") {
			if k+1 < end && st.isWord(k-1) || st.is(k-1, ")") {
				return k + 1
			}
		}
	}
	return first
}

// trimEnd returns the end of content [first, e): trailing commas, dashes
// and final periods dropped, closing quotes kept.
func (st *state) trimEnd(first, e int) int {
	for e > first {
		switch st.tok(e - 1) {
		case ",", ".", ";", ":", "—", "–", "--", "!", "?":
			e--
			continue
		}
		break
	}
	return e
}

// contentEnd returns where reported content starting at c ends: before a
// later attribution of the sentence (", adding", "and said",
// ", according to") or at the sentence end, final punctuation dropped.
func (st *state) contentEnd(c, end int) int {
	inQuote := false
	for k := c; k < end; k++ {
		if m, _ := mark(st.s, st.toks, k); m != 0 {
			inQuote = !inQuote
			continue
		}
		if inQuote || k == c {
			continue
		}
		if st.isComma(k-1) || st.is(k-1, "and") {
			if cl, _ := st.matchCue(k); cl != 0 && (st.isParticiple(k) || st.is(k-1, "and") || cl == classAccording) {
				b := k - 1
				if st.is(b, "and") && st.isComma(b-1) {
					b--
				}
				return st.trimEnd(c, b)
			}
		}
		if st.is(k, ";") {
			return st.trimEnd(c, k)
		}
		// ..., the source added. / ..., but they cautioned that ...
		if st.isComma(k) {
			j := k + 1
			conj := st.is(j, "but") || st.is(j, "and")
			if conj {
				j++
			}
			if a, b, ok := st.npRight(j, end); ok && b < end {
				cue := st.skipRight(b, end)
				if cl, n := st.matchCue(cue); cl != 0 && cl != classAccording && a < b &&
					(st.tailIsAdjunct(cue+n, end) || conj && (st.cls(a)&wPronoun != 0 || st.isCap(a))) {
					return st.trimEnd(c, k)
				}
			}
		}
	}
	return st.trimEnd(c, end)
}

// contentAfterComma reports whether a cue at i-1 is followed by a comma
// and then the reported clause (Mr. Obama said, a majority of Americans
// ...), rather than by another attribution (said, adding that ...).
func (st *state) contentAfterComma(i, end int) bool {
	if !st.is(i, ",") || i+1 >= end {
		return false
	}
	if cl, _ := st.matchCue(i + 1); cl != 0 {
		return false
	}
	return st.wordsIn(i+1, end) >= 4
}

// tailIsAdjunct reports whether the tokens after a cue up to the clause
// end are empty or an adjunct (in a statement, on Tuesday, to reporters).
func (st *state) tailIsAdjunct(i, end int) bool {
	if i >= end || st.isEnd(i) || st.isComma(i) {
		return true
	}
	if st.cls(i)&wAdjunct == 0 {
		return false
	}
	for k := i; k < end && k < i+8; k++ {
		if st.isEnd(k) || st.isComma(k) {
			return true
		}
		if st.cls(k)&wComp != 0 {
			return false
		}
	}
	return false
}

// findComp returns the complementiser "that" within a few tokens after a
// cue (said in a statement that ...), or 0.
func (st *state) findComp(i, end int) int {
	// After an adjunct (in a statement, at a stop in Toledo, Ohio,) the
	// "that" may come late; after an addressee (warned voters that) early.
	limit, commas := 4, false
	if st.cls(i)&wAdjunct != 0 {
		limit, commas = 12, true
	}
	for k := i; k < end && k < i+limit; k++ {
		if st.is(k, "that") {
			return k
		}
		if st.isPunct(k) && !(commas && st.is(k, ",")) || st.tcue[k].class != 0 {
			return 0
		}
	}
	return 0
}

// skipAddressee steps over the addressee after a cue such as "told":
// to the complementiser when one is near, else over one short phrase.
func (st *state) skipAddressee(i, end int) int {
	for k := i; k < end && k < i+6; k++ {
		if st.cls(k)&wComp != 0 || st.is(k, "to") {
			return k
		}
		if st.isPunct(k) {
			break
		}
	}
	if i >= end || !st.isWord(i) {
		return i
	}
	switch {
	case st.isCap(i):
		k := i
		for k < end && st.isCap(k) {
			k++
		}
		return k
	case st.cls(i)&wDet != 0:
		if i+2 < end && st.isWord(i+1) {
			return i + 2
		}
	}
	return i + 1
}

func (st *state) wordsIn(i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if st.toks[k].Kind == text.Word || st.toks[k].Kind == text.Number {
			n++
		}
	}
	return n
}

// skipRight steps right from i over auxiliaries and adverbs.
func (st *state) skipRight(i, end int) int {
	for i < end && (st.cls(i)&wSkip != 0 || st.isAdverb(i)) {
		i++
	}
	return i
}

// insideReported reports whether token i lies in the content of a reported
// quote of sentence si found already.
func (st *state) insideReported(si, i int) bool {
	off := st.toks[i].Start
	for k := len(st.qs) - 1; k >= 0 && st.qs[k].sentence == si; k-- {
		if q := &st.qs[k]; q.kind == record.QuoteReported && q.content.Start <= off && off < q.content.End {
			return true
		}
	}
	return false
}

// place reports whether tokens [i, j) are the dateline or a place entity.
func (st *state) place(i, j int) bool {
	sp := st.span(i, j)
	if dl := st.d.Dateline; dl != nil && dl.Overlaps(sp) {
		return true
	}
	for _, e := range st.d.Entities {
		if e.Start >= sp.End {
			break
		}
		if e.Overlaps(sp) && e.Type == record.LOC {
			return true
		}
	}
	return false
}

package quote

import (
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// attribution is a cue with its speaker phrase, found next to a quote.
type attribution struct {
	cue     text.Span
	speaker text.Span
	hasSpk  bool
	end     int // first token after the attribution
	inherit int // pending quote to take the speaker from, or -1
}

// words counts the word tokens of segment g.
func (st *state) words(g segment) int {
	n := 0
	for i := g.first; i < g.end; i++ {
		if st.toks[i].Kind == text.Word || st.toks[i].Kind == text.Number {
			n++
		}
	}
	return n
}

// opensSentence reports whether segment g starts its sentence (or line).
func (st *state) opensSentence(g segment) bool {
	f, _ := st.sentence(g.first)
	return f == g.first || st.toks[g.first].Has(text.NewlineBefore)
}

func (st *state) span(i, j int) text.Span {
	return text.Span{Start: st.toks[i].Start, End: st.toks[j-1].End}
}

// direct attributes the quoted segments: a cue after the closing mark
// (“...,” he said / said Wang), or before the opening one (He added, “...”).
// A quote split by its attribution is merged into one.
func (st *state) direct() {
	st.segQ = st.segQ[:0]
	for range st.segs {
		st.segQ = append(st.segQ, -1)
	}
	// Tokens inside long or attributed quotes are not cue candidates.
	for _, g := range st.segs {
		if st.words(g) > st.a.opt.MaxPartialWords || st.opensSentence(g) {
			for i := g.first; i < g.end; i++ {
				st.quoted[i] = true
			}
		}
	}
	for gi := 0; gi < len(st.segs); gi++ {
		g := st.segs[gi]
		if st.transcript[g.first] {
			st.segQ[gi] = -2 // inside a transcript turn: not a quote of its own
			continue
		}
		var at attribution
		var ok bool
		if st.opensSentence(g) {
			if at, ok = st.after(g); !ok {
				at, ok = st.before(g)
			}
		} else if at, ok = st.before(g); !ok {
			at, ok = st.after(g)
		}
		if !ok {
			continue
		}
		p := pending{content: g.Span, kind: record.QuoteDirect, cue: at.cue, hasCue: true,
			speaker: at.speaker, hasSpk: at.hasSpk, inherit: at.inherit, sentence: int(st.sentOf[g.first])}
		// “A,” he said, “B.”: the next segment starts right after the
		// attribution, in the same paragraph, without a cue of its own.
		if at.end > g.end && gi+1 < len(st.segs) {
			h := st.segs[gi+1]
			if st.bridges(at.end, h.first) && !h.cont && !st.toks[h.first].Has(text.NewlineBefore) {
				if _, own := st.after(h); !own {
					p.content.End = h.End
					st.segQ[gi] = len(st.qs)
					gi++
				}
			}
		}
		st.segQ[gi] = len(st.qs)
		st.qs = append(st.qs, p)
	}
}

// bridges reports whether the tokens [i, j) between an attribution and
// the next quote are a short stretch of the same paragraph without cues
// (she said, clapping. “...”), so that the two quotes are one.
func (st *state) bridges(i, j int) bool {
	if j < i || j > i+10 {
		return false
	}
	for k := i; k < j; k++ {
		if st.toks[k].Has(text.NewlineBefore) || st.tcue[k].class != 0 {
			return false
		}
		if m, _ := mark(st.s, st.toks, k); m != 0 {
			return false
		}
	}
	return true
}

// after looks for the attribution right after segment g's closing mark.
func (st *state) after(g segment) (attribution, bool) {
	i := g.end
	if !g.closed || i >= len(st.toks) || st.toks[i].Has(text.NewlineBefore) {
		return attribution{}, false
	}
	// Byline style: “...” ― Pamela Padilla (the dash is the cue).
	if at, ok := st.dashSpeaker(i); ok {
		return at, true
	}
	if st.isComma(i) {
		i++
	}
	if i >= len(st.toks) || st.toks[i].Has(text.NewlineBefore) {
		return attribution{}, false
	}
	// A capitalised word after the closing mark may open a new sentence
	// (“...” She adds, “...”): then the attribution must end there.
	newSentence := !st.sameSentence(g.end-1, i)
	// Inverted: said Wang, said a spokesman for the mayor.
	if cl, n := st.matchCue(i); cl == classSpeech || cl == classAddressee {
		if a, b, ok := st.npRight(i+n, len(st.toks)); ok && !st.crossesLine(i, b) && (!newSentence || st.isEnd(b)) {
			st.useCue(i, i+n)
			return attribution{cue: st.span(i, i+n), speaker: st.span(a, b), hasSpk: true, end: st.attrEnd(b), inherit: -1}, true
		}
	}
	// Speaker first: he said, Wang told reporters, Mr. Reyes also said.
	paren := -1
	for k := i + 1; k < len(st.toks) && k <= i+10; k++ {
		if st.is(k, "(") && paren < 0 {
			// Rep. Gwen Moore (D-Wis.) said: step over the parenthesis.
			e := k + 1
			for e < len(st.toks) && e < k+8 && !st.is(e, ")") && !st.toks[e].Has(text.NewlineBefore) {
				e++
			}
			if !st.is(e, ")") {
				return attribution{}, false
			}
			paren, k = k, e
			continue
		}
		if !st.isWord(k) || st.toks[k].Has(text.NewlineBefore) {
			return attribution{}, false
		}
		cl, n := st.matchCue(k)
		if cl != classSpeech && cl != classAddressee {
			continue
		}
		if newSentence && !st.isEnd(k+n) && !st.tailIsAdjunct(k+n, len(st.toks)) {
			return attribution{}, false
		}
		j := st.skipLeft(k-1, i)
		if paren >= 0 && st.is(j, ")") {
			j = paren - 1
		}
		a, b, ok := st.npLeft(j, i)
		if !ok || a != i {
			return attribution{}, false
		}
		st.useCue(k, k+n)
		return attribution{cue: st.span(k, k+n), speaker: st.span(a, b), hasSpk: true, end: st.attrEnd(k + n), inherit: -1}, true
	}
	return attribution{}, false
}

// attrEnd returns the token after an attribution that ends at i: past
// an addressee or adjunct up to the next comma or clause end.
func (st *state) attrEnd(i int) int {
	for k := i; k < len(st.toks) && k < i+8; k++ {
		if st.toks[k].Has(text.NewlineBefore) {
			return k
		}
		if st.isComma(k) || st.isEnd(k) || st.tok(k) == ":" {
			return k + 1
		}
		if k, _ := mark(st.s, st.toks, k); k != 0 {
			break
		}
	}
	return i
}

func (st *state) crossesLine(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if st.toks[k].Has(text.NewlineBefore) {
			return true
		}
	}
	return false
}

func (st *state) useCue(i, j int) {
	for k := i; k < j; k++ {
		st.used[k] = true
	}
}

// before looks for the attribution right before segment g's opening
// mark: He added, “...”; X said: "..."; saying that "...".
func (st *state) before(g segment) (attribution, bool) {
	j := g.first - 1
	if j < 0 {
		return attribution{}, false
	}
	if st.toks[g.first].Has(text.NewlineBefore) && st.tok(j) != ":" {
		return attribution{}, false
	}
	punct := st.isComma(j) || st.tok(j) == ":"
	if punct || st.is(j, "that") {
		j--
	}
	// The cue ends at j, or, before a comma or colon, at j-1 or j-2 with an
	// addressee between (told reporters: "...").
	backs := []int{0, 1, 2}
	if !punct {
		backs = backs[:1]
	}
	for _, back := range backs {
		e := j - back
		for c := e; c >= 0 && c >= e-1; c-- {
			cl, n := st.matchCue(c)
			if cl == 0 || c+n-1 != e || (back > 0 && cl != classAddressee) || cl == classAccording {
				continue
			}
			if st.quoted[c] || !st.sameSentence(c, j) && st.tok(g.first-1) != ":" {
				continue
			}
			return st.speakerBefore(c, n)
		}
	}
	return attribution{}, false
}

// speakerBefore finds the speaker of the cue at [c, c+n) on its left:
// the subject phrase, the speaker of a coordinated or participial cue in
// the same sentence, or none.
func (st *state) speakerBefore(c, n int) (attribution, bool) {
	at := attribution{cue: st.span(c, c+n), end: c + n, inherit: -1}
	first, _ := st.sentence(c)
	j := st.skipLeft(c-1, first)
	if j < first {
		return at, false
	}
	// Sen. Lindsey Graham (R-S.C.) told: step over the parenthesis.
	if st.is(j, ")") {
		k := j - 1
		for k > first && k > j-8 && !st.is(k, "(") {
			k--
		}
		if st.is(k, "(") && k > first {
			j = k - 1
		}
	}
	// Progressive (is warning, He’s claiming): step over the be-form.
	// Passive (was told, is expected): no speaker on the left.
	if st.cls(j)&wPassive != 0 {
		if !st.isParticiple(c) {
			return at, false
		}
		if j = st.skipLeft(j-1, first); j < first {
			return at, false
		}
	}
	// Possessive noun cue: Trump’s claim that ...
	if st.is(j+1, "’s") || st.is(j+1, "'s") {
		j = c - 2
	}
	// Coordinated (and said) or participial (, saying): same speaker as the
	// previous attribution in the sentence.
	if st.is(j, "and") || st.isComma(j) && st.isParticiple(c) {
		if p := st.lastInSentence(int(st.sentOf[c])); p >= 0 {
			at.inherit = p
			st.useCue(c, c+n)
			return at, true
		}
		if st.is(j, "and") {
			return at, false
		}
	}
	// Appositive or relative clause: Kessler, who has led the union, said.
	if st.isComma(j) {
		k := j - 1
		for k >= first && !st.isComma(k) && k > j-25 {
			k--
		}
		if k < first || !st.isComma(k) {
			return at, false
		}
		if st.isCap(k+1) && st.cls(k+1)&wStop == 0 {
			if a, b, ok := st.npLeft(j-1, k+1); ok && a == k+1 {
				at.speaker, at.hasSpk = st.span(a, b), true
				st.useCue(c, c+n)
				return at, true
			}
		}
		a, b, ok := st.npLeft(k-1, first)
		if !ok {
			return at, false
		}
		at.speaker, at.hasSpk = st.span(a, b), true
		st.useCue(c, c+n)
		return at, true
	}
	a, b, ok := st.npLeft(j, first)
	if !ok {
		// A word that opens no speaker phrase (a verb, an adverb): keep the
		// attribution with its speaker unknown.
		if st.isWord(j) && st.cls(j)&(wStop|wPronoun) == 0 && st.a.opt.KeepUnknownSpeaker {
			st.useCue(c, c+n)
			return at, true
		}
		return at, false
	}
	at.speaker, at.hasSpk = st.span(a, b), true
	st.useCue(c, c+n)
	return at, true
}

// lastInSentence returns the index of the last pending quote of sentence
// si with a speaker (own or inherited), or -1.
func (st *state) lastInSentence(si int) int {
	for i := len(st.qs) - 1; i >= 0; i-- {
		if st.qs[i].sentence == si && (st.qs[i].hasSpk || st.qs[i].inherit >= 0) {
			return i
		}
		if st.qs[i].sentence != si {
			break
		}
	}
	return -1
}

// cueless classifies the quoted segments left without an attribution:
// a short one inside a sentence is partial; a long one continuing a quote
// from the paragraph before inherits its speaker; the rest are direct
// quotes whose speaker is the nearest quoted speaker before them.
func (st *state) cueless() {
	for gi, g := range st.segs {
		if st.segQ[gi] != -1 {
			continue
		}
		si := int(st.sentOf[g.first])
		switch {
		case g.cont && gi > 0 && st.segQ[gi-1] >= 0:
			st.segQ[gi] = len(st.qs)
			st.qs = append(st.qs, pending{content: g.Span, kind: record.QuoteDirect, inherit: st.segQ[gi-1], sentence: si})
		case !st.opensSentence(g) || st.words(g) <= st.a.opt.MaxPartialWords:
			if st.a.opt.DropPartial {
				continue
			}
			st.segQ[gi] = len(st.qs)
			st.qs = append(st.qs, pending{content: g.Span, kind: record.QuotePartial, inherit: -1, sentence: si})
		default:
			p := pending{content: g.Span, kind: record.QuoteDirect, inherit: -1, sentence: si}
			for k := gi - 1; k >= 0 && k >= gi-2; k-- {
				if q := st.segQ[k]; q >= 0 && st.qs[q].kind == record.QuoteDirect {
					p.inherit = q
					break
				}
			}
			st.segQ[gi] = len(st.qs)
			st.qs = append(st.qs, p)
		}
	}
}

// dashSpeaker reads a dash at token i followed by a name of one to five
// capitalised words that ends its line or sentence.
func (st *state) dashSpeaker(i int) (attribution, bool) {
	switch st.tok(i) {
	case "―", "—", "–", "-", "--":
	default:
		return attribution{}, false
	}
	a := i + 1
	b := a
	for b < len(st.toks) && b < a+5 && st.isCap(b) && !st.toks[b].Has(text.NewlineBefore) {
		b++
	}
	if b == a || b < len(st.toks) && !st.toks[b].Has(text.NewlineBefore) && !st.isEnd(b) && !st.isComma(b) {
		return attribution{}, false
	}
	st.useCue(i, i+1)
	return attribution{cue: st.span(i, i+1), speaker: st.span(a, b), hasSpk: true, end: b, inherit: -1}, true
}

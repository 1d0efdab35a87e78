package event

// The shallow parser: noun-phrase chunks, verb groups with tense, negation
// and modality, and the left-to-right search for subjects. It works on one
// sentence's tokens and their Penn tags; every index is sentence-relative.

import "github.com/newsgraph/newsgraph/internal/text"

// tok is one token of the sentence under analysis.
type tok struct {
	text  string
	tag   string
	lemma string // lowercase lemma when the word is in the lexicon, else ""
	np    int    // index of the NP chunk holding it, or -1
	vg    int    // index of the verb group holding it, or -1
	quote bool   // inside a short quotation (scare quotes)
	used  bool   // consumed as a literal by a verb pattern
}

// np is a noun-phrase chunk [start, end) with its head token.
type np struct {
	start, end int
	head       int
	poss       int  // NP chunk of its possessor ("Russia's war"), or -1
	possessor  bool // this NP is followed by 's
	quoted     bool
	pron       bool
}

// vg is a verb group: auxiliaries, adverbs and the main verb.
type vg struct {
	start, end int
	main       int    // token of the main verb
	lemma      string // lemma of the main verb
	neg        bool   // not, n't, never
	future     bool   // will, shall, going to
	modal      bool   // would, could, may, might, should, must
	modalWord  string // the modal, lowercase
	passive    bool   // be/get + participle
	inf        bool   // to + verb
	finite     bool
	ing        bool // a bare participle (Speaking after ...)
	// conj is 1 + the infinitive group this bare verb is coordinated
	// with ("to give a speech and meet"), or 0.
	conj     int
	subj     []int
	subjDone bool
}

func isNounTag(t string) bool {
	return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" || t == "PRP" || t == "CD" || t == "EX"
}

func isVerbTag(t string) bool { return len(t) >= 2 && t[0] == 'V' && t[1] == 'B' }

func isNPTag(t string) bool {
	switch t {
	case "DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "$", "WP$":
		return true
	}
	return false
}

// isQuoteChar reports whether s is a quotation mark; open tells which way
// a typographic one faces.
func isQuoteChar(s string) (quote bool, open, close bool) {
	switch s {
	case "\"", "``", "''":
		return true, false, false
	case "\u201c", "\u00ab":
		return true, true, false
	case "\u201d", "\u00bb":
		return true, false, true
	}
	return false, false, false
}

// parser holds the per-sentence analysis; it is reused across sentences.
type parser struct {
	toks []tok
	nps  []np
	vgs  []vg
	// doc is the sentence's view of the document (views.of): its
	// entities, mentions, places and dates only.
	doc *text.Document
	// first is the sentence's first token in the document: token i of
	// the parser is doc.Tokens[first+i], its tree doc.Syntax[first+i].
	first int
	// tr is the sentence's dependency tree (tree.go).
	tr tree
	// si is the sentence's index in doc.
	si int
}

// rel is the dependency relation of token i to its head in the syntax
// layer, "" without one.
func (p *parser) rel(i int) string {
	if i < 0 || i >= len(p.tr.rel) {
		return ""
	}
	return p.tr.rel[i]
}

func (p *parser) reset() {
	p.toks = p.toks[:0]
	p.nps = p.nps[:0]
	p.vgs = p.vgs[:0]
}

// markQuotes flags tokens inside short quotations (at most maxScare tokens),
// which are names for things, never actors.
func (p *parser) markQuotes() {
	const maxScare = 8
	open := -1
	for i := range p.toks {
		q, o, c := isQuoteChar(p.toks[i].text)
		if !q {
			continue
		}
		if open < 0 && !c || o {
			open = i
			continue
		}
		if open >= 0 {
			if i-open-1 <= maxScare && !clauseBetween(p, open+1, i) {
				for k := open + 1; k < i; k++ {
					p.toks[k].quote = true
				}
			}
			open = -1
		}
	}
}

// clauseBetween reports whether tokens [a, b) hold a finite verb: a
// quotation of what was said ("\"We urge Ukraine to negotiate,\" Lavrov
// said"), not a name in scare quotes.
func clauseBetween(p *parser, a, b int) bool {
	for k := a; k < b; k++ {
		switch p.toks[k].tag {
		case "VBZ", "VBP", "VBD", "MD":
			return true
		}
	}
	return false
}

// chunk finds the NP chunks and verb groups.
func (p *parser) chunk() {
	t := p.toks
	n := len(t)
	for i := range t {
		t[i].np, t[i].vg = -1, -1
	}
	// Verb groups first, so that participles used as modifiers inside NPs
	// ("the armed forces") can be taken back by the NP pass.
	for i := 0; i < n; {
		tg := t[i].tag
		if !(tg == "MD" || isVerbTag(tg) || (tg == "TO" && i+1 < n && (t[i+1].tag == "VB" || (t[i+1].tag == "RB" && i+2 < n && t[i+2].tag == "VB")))) {
			i++
			continue
		}
		// A participle between a determiner/adjective and a noun is a modifier.
		if (tg == "VBN" || tg == "VBG") && i > 0 && i+1 < n && isNPTag(t[i-1].tag) && t[i-1].tag != "CD" && (isNounTag(t[i+1].tag) || t[i+1].tag == "JJ") && t[i-1].tag != "NNP" && t[i-1].tag != "NNPS" && t[i-1].tag != "NN" && t[i-1].tag != "NNS" && t[i+1].tag != "PRP" {
			i++
			continue
		}
		// ... or right after a full verb: "reject proposed changes".
		if (tg == "VBN" || tg == "VBG") && len(p.vgs) > 0 && p.vgs[len(p.vgs)-1].end == i && i+1 < n &&
			(t[i+1].tag == "JJ" || t[i+1].tag == "NN" || t[i+1].tag == "NNS" || t[i+1].tag == "NNP") && !isAux(t[p.vgs[len(p.vgs)-1].main].lemma) {
			i++
			continue
		}
		g := vg{start: i, main: -1}
		j := i
		if tg == "TO" {
			g.inf = true
			j++
		}
		for j < n {
			tj := t[j].tag
			if tj == "MD" || isVerbTag(tj) {
				// A verb joins the group only after an auxiliary or "to":
				// "reject proposed changes" is a verb and a modifier.
				if g.main >= 0 && t[g.main].tag != "MD" && !isAux(t[g.main].lemma) {
					break
				}
				g.main = j
				j++
				continue
			}
			if tj == "RB" && j+1 < n {
				// Adverbs inside the group: "has not directly supported".
				k := j
				for k < n && t[k].tag == "RB" {
					k++
				}
				if k < n && (isVerbTag(t[k].tag)) && g.main >= 0 && t[g.main].tag != "VBG" {
					j = k
					continue
				}
			}
			break
		}
		if g.main < 0 {
			i = j
			if i == g.start {
				i++
			}
			continue
		}
		g.end = j
		p.fillVG(&g)
		for k := g.start; k < g.end; k++ {
			t[k].vg = len(p.vgs)
		}
		p.vgs = append(p.vgs, g)
		i = j
	}
	// Noun phrases.
	prevPoss := -1
	for i := 0; i < n; {
		if t[i].vg >= 0 || !(isNPTag(t[i].tag) || t[i].tag == "PRP") {
			prevPoss = -1
			i++
			continue
		}
		c := np{start: i, head: -1, poss: -1}
		if t[i].tag == "PRP" {
			c.end, c.head, c.pron = i+1, i, true
		} else {
			j := i
			for j < n && t[j].vg < 0 && isNPTag(t[j].tag) {
				// A determiner inside a run starts a new NP ("gave Kyiv the
				// weapons"), so does an adjective after a noun ("Kyiv next week").
				if j > i && (t[j].tag == "DT" || t[j].tag == "PRP$") && t[j-1].tag != "PDT" {
					break
				}
				if j > i && (t[j].tag == "JJ" || t[j].tag == "JJR" || t[j].tag == "JJS") && isNounTag(t[j-1].tag) && t[j-1].tag != "CD" {
					break
				}
				if isNounTag(t[j].tag) || t[j].tag == "$" {
					c.head = j
				}
				j++
			}
			c.end = j
		}
		if c.head < 0 {
			prevPoss = -1
			i = c.end
			continue
		}
		if c.end < n && t[c.end].tag == "POS" {
			c.possessor = true
		}
		c.poss = prevPoss
		for k := c.start; k < c.end; k++ {
			if t[k].quote {
				c.quoted = true
			}
		}
		// Quoted right after an opening quote: "“special military operation”".
		if c.start > 0 {
			if q, _, _ := isQuoteChar(t[c.start-1].text); q {
				c.quoted = c.quoted || t[c.start].quote
			}
		}
		idx := len(p.nps)
		for k := c.start; k < c.end; k++ {
			t[k].np = idx
		}
		p.nps = append(p.nps, c)
		i = c.end
		prevPoss = -1
		if c.possessor {
			prevPoss = idx
			i++ // skip 's
			// Skip an opening quote between the possessor and its noun.
			if i < n {
				if q, _, _ := isQuoteChar(t[i].text); q {
					i++
				}
			}
		}
	}
	p.finitePastParticiples()
	p.coordinatedInfinitives()
}

// coordinatedInfinitives marks a bare verb after "and"/"or" that shares an
// earlier infinitive's "to" ("to give a speech and meet with") as an
// infinitive of the same matrix.
func (p *parser) coordinatedInfinitives() {
	t := p.toks
	for gi := range p.vgs {
		g := &p.vgs[gi]
		if g.inf || g.finite || t[g.main].tag != "VB" || g.main != g.start || g.start == 0 {
			continue
		}
		if l := t[g.start-1].lemma; l != "and" && l != "or" {
			continue
		}
		for k := gi - 1; k >= 0 && g.start-p.vgs[k].end <= 16; k-- {
			m := &p.vgs[k]
			if m.finite {
				break
			}
			if m.inf {
				g.inf = true
				g.conj = k + 1
				if m.conj > 0 {
					g.conj = m.conj
				}
				break
			}
		}
	}
}

// finitePastParticiples retags a bare participle right after its subject as
// a past tense ("soldiers arrested 100 people"), unless an agent follows
// ("the helicopter captured by ...").
func (p *parser) finitePastParticiples() {
	t := p.toks
	for gi := range p.vgs {
		g := &p.vgs[gi]
		if mt := t[g.main].tag; (mt == "VBN" || mt == "VBD") && g.main == g.start && g.start > 0 && t[g.start-1].np >= 0 {
			// "There were ten soldiers killed": a participle after the noun
			// of an existential "there be" is a passive.
			if s := p.nps[t[g.start-1].np].start; s >= 2 && t[s-1].lemma == "be" && t[s-2].tag == "EX" {
				t[g.main].tag = "VBN"
				g.passive, g.finite = true, false
				continue
			}
		}
		if t[g.main].tag != "VBN" || g.main != g.start || g.start == 0 || t[g.start-1].np < 0 {
			continue
		}
		if g.end < len(t) && (t[g.end].lemma == "by" || t[g.end].text == ",") {
			continue
		}
		if p.finiteFollows(gi) {
			continue // "a report released Tuesday in Kigali alleged ..."
		}
		t[g.main].tag = "VBD"
		g.finite = true
		g.passive = false
	}
}

// fillVG sets the group's lemma and flags.
func (p *parser) fillVG(g *vg) {
	t := p.toks
	g.lemma = t[g.main].lemma
	if g.lemma == "" {
		g.lemma = lowerASCII(t[g.main].text)
	}
	haveAux, beAux := false, false
	for k := g.start; k < g.end; k++ {
		tk := &t[k]
		l := tk.lemma
		switch {
		case tk.tag == "MD":
			switch l {
			case "will", "shall":
				g.future = true
			default:
				g.modal = true
				g.modalWord = l
				if l == "" {
					g.modalWord = lowerASCII(tk.text)
				}
			}
			g.finite = true
		case l == "not" || l == "never" || tk.text == "n't" || tk.text == "n’t":
			g.neg = true
		case k < g.main && isVerbTag(tk.tag):
			if l == "have" {
				haveAux = true
			}
			if l == "be" || l == "get" {
				beAux = true
			}
			if tk.tag == "VBD" || tk.tag == "VBZ" || tk.tag == "VBP" {
				g.finite = true
			}
		}
	}
	mt := t[g.main].tag
	if mt == "VBD" || mt == "VBZ" || mt == "VBP" {
		g.finite = true
	}
	if (mt == "VBN" || mt == "VBD") && beAux && g.lemma != "be" {
		g.passive = true
	}
	if haveAux && mt == "VBD" {
		t[g.main].tag = "VBN"
	}

	if mt == "VBG" && g.main == g.start {
		g.ing = true
	}
	// "is going to attack": the future marker, the event is the infinitive.
	if g.lemma == "go" && mt == "VBG" && g.end < len(t) && t[g.end].tag == "TO" {
		g.future = true
	}
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if b[k] >= 'A' && b[k] <= 'Z' {
					b[k] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// coordinated returns the NP chunks coordinated with NP c to its right
// ("Russia and China", "Russia, China and Iran"), c first.
func (p *parser) coordinated(dst []int, c int) []int {
	dst = append(dst, c)
	t := p.toks
	for {
		e := p.nps[c].end
		if e+1 >= len(t) {
			return dst
		}
		sep := t[e]
		if !(sep.lemma == "and" || (sep.text == "," && e+2 < len(t))) {
			return dst
		}
		nxt := e + 1
		if sep.text == "," && t[nxt].lemma == "and" {
			nxt++
		}
		if nxt >= len(t) || t[nxt].np < 0 || t[nxt].np == c || p.nps[t[nxt].np].start != nxt {
			return dst
		}
		// "X, who ..." or "X, Y said" is not a list.
		c2 := t[nxt].np
		if sep.text == "," && t[nxt-1].lemma != "and" {
			e2 := p.nps[c2].end
			if e2 >= len(t) || !(t[e2].lemma == "and" || t[e2].text == ",") {
				return dst
			}
		}
		// "fighting the army, and the United Nations says ...": the
		// subject of a new clause is not a list member.
		if s0 := p.nps[dst[0]].start; s0 > 0 && t[s0-1].vg >= 0 {
			if e2 := p.nps[c2].end; e2 < len(t) && t[e2].vg >= 0 && p.vgs[t[e2].vg].finite && p.vgs[t[e2].vg].start == e2 {
				return dst // an object list ends where a new clause begins
			}
		}
		dst = append(dst, c2)
		c = c2
	}
}

// firstConjunct returns the first NP chunk of the list that chunk c ends
// ("the US" for "Switzerland" in "the US, Russia, and Switzerland").
func (p *parser) firstConjunct(c int) int {
	t := p.toks
	first := c
	for {
		s := p.nps[first].start
		if s >= 3 && t[s-1].lemma == "and" && t[s-2].text == "," && t[s-3].np >= 0 {
			s-- // "X, Y, and Z"
		}
		if s >= 2 && (t[s-1].lemma == "and" || t[s-1].text == ",") && t[s-2].np >= 0 {
			prev := t[s-2].np
			// Only when prev is itself a list member ending right there,
			// not the object of a fronted phrase ("Since Assad's fall,
			// the U.S. and other Western nations have called").
			if p.nps[prev].end == s-1 && !(t[s-1].text == "," && (frontedObject(p, prev) || temporalChunk(p, prev) || p.nps[first].pron)) {
				first = prev
				continue
			}
		}
		return first
	}
}

// subject finds the subject NP chunks of verb group gi, following
// coordination, relative pronouns, appositions and coordinated verb phrases.
func (p *parser) subject(gi int) []int {
	g := &p.vgs[gi]
	if g.subjDone {
		return g.subj
	}
	g.subjDone = true
	t := p.toks
	i := g.start - 1
	for i >= 0 {
		tk := t[i]
		switch {
		case tk.tag == "RB" || tk.tag == "MD":
			i--
			continue
		case tk.text == ")":
			// Skip a parenthesis: "the Serbian Workers' Union (SSS) stopped".
			k := i - 1
			for k >= 0 && t[k].text != "(" && k > i-12 {
				k--
			}
			if k < 0 || t[k].text != "(" {
				return g.subj
			}
			i = k - 1
			continue
		case tk.np >= 0 && temporalChunk(p, tk.np):
			// "released Tuesday": a time phrase is never the subject.
			i = p.nps[tk.np].start - 1
			if i >= 0 && t[i].tag == "IN" {
				i-- // "on Thursday"
			}
			continue
		case tk.vg >= 0 && tk.vg != gi && !p.vgs[tk.vg].finite && t[p.vgs[tk.vg].main].tag == "VBN":
			// A reduced relative: "a report released Tuesday ... alleged".
			i = p.vgs[tk.vg].start - 1
			continue
		case tk.np >= 0:
			c := tk.np
			// An NP inside a PP ("the leader of Russia"): go to its head NP.
			for {
				s := p.nps[c].start
				if p.nps[c].poss >= 0 {
					break
				}
				if s >= 2 && (t[s-1].tag == "IN" && t[s-1].lemma != "that") && t[s-2].np >= 0 && (t[s-1].text == "of" || t[s-1].text == "for") {
					c = t[s-2].np
					continue
				}

				break
			}
			// A PP between subject and verb ("Israel on Wednesday released",
			// "the commander in Iraq said"): the subject is before it.
			if s := p.nps[c].start; s >= 2 && t[s-1].tag == "IN" && t[s-1].lemma != "that" && t[s-1].text != "because" {
				k := s - 2
				for k >= 0 && (t[k].tag == "RB" || t[k].tag == "IN") {
					k-- // "Washington along with its allies demanded"
				}
				// "The Red Cross operating in Iraq said": over the participle.
				if k >= 0 && t[k].vg >= 0 && t[k].vg != gi && !p.vgs[t[k].vg].finite {
					k = p.vgs[t[k].vg].start - 1
				}
				if k >= 0 && t[k].np >= 0 {
					i = k
					continue
				}
			}
			first := p.firstConjunct(c)
			// "our deals with Albania and France are yielding": those
			// dealt with are no subject; the noun before them is.
			if s := p.nps[first].start; s >= 2 && (t[s-1].text == "with" || t[s-1].text == "between") && t[s-2].np >= 0 {
				if h := t[p.nps[t[s-2].np].head].tag; h == "NN" || h == "NNS" {
					first, c = t[s-2].np, t[s-2].np
				}
			}
			g.subj = p.coordinated(g.subj[:0], first)
			found := false
			for _, x := range g.subj {
				found = found || x == c
			}
			if !found {
				g.subj = p.coordinated(g.subj[:0], c)
			}
			return g.subj
		case tk.tag == "WDT" || tk.tag == "WP":
			// Relative clause: the antecedent before "which"/"who".
			k := i - 1
			if k >= 0 && t[k].text == "," {
				k--
			}
			if k >= 0 && t[k].np >= 0 {
				g.subj = append(g.subj[:0], t[k].np)
			}
			return g.subj
		case tk.lemma == "and" || tk.lemma == "but" || tk.text == ",":
			// Coordinated verb phrase: "X met Y and said", "has not ..., but has condemned".
			k := i - 1
			for k >= 0 && (t[k].text == "," || t[k].tag == "RB") {
				k--
			}
			// Walk back over the previous VP to its verb group.
			for k >= 0 && t[k].vg < 0 && t[k].text != ";" && k > i-14 {
				k--
			}
			if tk.text == "," && !(i+1 < len(t) && (t[i+1].lemma == "and" || t[i+1].lemma == "but")) {
				if t[i+1].vg == gi {
					// An apposition: "Pakistan, a key U.S. ally, has refused";
					// a participial phrase: "attacks, occurring weekly, have
					// killed".
					for k := i - 1; k >= 1 && k >= i-15; k-- {
						if t[k].vg >= 0 && (p.vgs[t[k].vg].finite || p.vgs[t[k].vg].inf) {
							break
						}
						if t[k].text == "," && t[k-1].np >= 0 {
							i = k - 1 // the NP before the apposition, over its PPs
							goto next
						}
					}
				}
				if t[i+1].vg != gi {
					return g.subj
				}
			}
			if k >= 0 && t[k].vg >= 0 && t[k].vg != gi {
				s := p.subject(t[k].vg)
				g.subj = append(g.subj[:0], s...)
			}
			return g.subj
		default:
			return g.subj
		}
	next:
	}
	return g.subj
}

// temporalChunk reports whether NP chunk ni is a time phrase.
func temporalChunk(p *parser, ni int) bool {
	ch := &p.nps[ni]
	for i := ch.start; i < ch.end; i++ {
		switch lowerASCII(p.toks[i].text) {
		case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
			"yesterday", "tomorrow", "week", "weekend", "month", "year", "night", "morning", "evening":
			continue
		}
		if t := p.toks[i].tag; t == "DT" || t == "JJ" || t == "CD" {
			continue
		}
		return false
	}
	return true
}

func isAux(lemma string) bool {
	return lemma == "be" || lemma == "have" || lemma == "do" || lemma == "get" || lemma == "will"
}

// finiteFollows reports whether a finite verb group follows group gi in
// the same clause (no conjunction, comma or complementiser between), which
// makes gi a reduced relative rather than the clause's verb.
func (p *parser) finiteFollows(gi int) bool {
	t := p.toks
	for i := p.vgs[gi].end; i < len(t); i++ {
		switch t[i].text {
		case ",", ";", ":", "and", "but", "or", "that", "which", "who", "as", "while", "when", "after", "before", "because", "if":
			return false
		}
		if vi := t[i].vg; vi >= 0 && vi != gi {
			g := &p.vgs[vi]
			m := t[g.main].tag
			return g.start == i && (m == "VBD" || m == "VBZ" || m == "VBP" || t[g.start].tag == "MD" || (g.finite && !g.inf))
		}
	}
	return false
}

// frontedObject reports whether NP ni (with its possessors) is the object
// of a preposition: "Since Assad's fall", "After the talks".
func frontedObject(p *parser, ni int) bool {
	for hop := 0; hop < 3; hop++ {
		st := p.nps[ni].start
		if st >= 2 && p.toks[st-1].tag == "POS" && p.toks[st-2].np >= 0 {
			ni = p.toks[st-2].np // "Assad 's fall"
			continue
		}
		return st >= 1 && (p.toks[st-1].tag == "IN" || p.toks[st-1].tag == "TO")
	}
	return false
}

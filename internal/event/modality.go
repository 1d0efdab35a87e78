package event

// Modality: events intended, threatened, refused, demanded, claimed or
// conditional, read off the verbs that govern them (intent.go recodes).

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// modalContexts recodes verb events that are intended, threatened, refused
// or demanded: complements of "agree to", "threaten to", "refuse to",
// future tense, reported "would", and reported "must"/"should".
func (c *Coder) modalContexts(p *parser, s *scratch) {
	for ki := range s.cands {
		k := &s.cands[ki]
		g := &p.vgs[k.vg]
		ctx := ctxNone
		neg := k.neg
		switch {
		case g.inf:
			m := c.matrix(p, k.vg)
			if m < 0 {
				break
			}
			hv := k.vg // the first infinitive of a coordination
			if g.conj > 0 {
				hv = g.conj - 1
			}
			mg := &p.vgs[m]
			ctx = matrixContext[mg.lemma]
			if c.objectBetween(p, m, hv) >= 0 && !requestMatrix[mg.lemma] && mg.lemma != "be" && !orderMatrix[mg.lemma] {
				// "continued their strike to demand ...", "sent experts to
				// investigate": a purpose clause of the matrix subject.
				k.purpose = true
				k.src, k.fallback = append([]int(nil), p.subject(m)...), true
				break
			}
			if requestMatrix[mg.lemma] {
				// "Obama wants Putin to attack": a request to the object.
				if obj := c.objectBetween(p, m, hv); obj >= 0 {
					if x, ok := c.dict.codes["020"]; ok {
						k.code = x
						k.src = append([]int(nil), p.subject(m)...)
						k.tgt = []int{obj}
						k.hypo, k.future, k.neg = mg.modal, false, mg.neg
						for kj := range s.cands {
							if s.cands[kj].vg == m {
								s.cands[kj].dropped = true
							}
						}
					}
					continue
				}
			}
			if mg.lemma == "be" {
				// "is ready to", "are willing to", "was prepared to".
				for i := mg.end; i < g.start; i++ {
					switch strings.ToLower(p.toks[i].text) {
					case "ready", "willing", "prepared", "determined", "committed", "eager", "keen":
						ctx = ctxIntent
					case "unwilling", "reluctant", "unable":
						ctx = ctxRefuse
					}
				}
			}
			if ctx == ctxNone {
				if actualMatrix[mg.lemma] {
					// "tried to hack", "began to withdraw": done, not hoped.
					k.hypo = mg.modal
					k.src, k.fallback = append([]int(nil), p.subject(m)...), false
					k.neg = mg.neg
				}
				break
			}
			neg = mg.neg
			if g.start > 0 && (p.toks[g.start-1].lemma == "not" || p.toks[g.start-1].lemma == "never") {
				neg = !neg // "vowed not to return"
			}
			k.relative = k.relative || inRelative(p, mg.start)
			k.src, k.fallback = append([]int(nil), p.subject(m)...), false
			k.future = mg.future
			k.hypo = mg.modal && !(mg.modalWord == "would" && k.speaker >= 0)
			var mc cand
			c.flagClause(p, &mc, mg.start)
			k.hypo = k.hypo || mc.hypo
			// The complement carries the event; the matrix verb's own
			// coding ("agreed" 030) gives way.
			for kj := range s.cands {
				if s.cands[kj].vg == m {
					s.cands[kj].dropped = true
				}
			}
			if mg.future {
				k.future = false
			}
		case g.future:
			ctx = ctxIntent
			k.future = false
		case g.modal && (g.modalWord == "would" || g.modalWord == "wo") && k.speaker >= 0:
			ctx = ctxIntent
			k.hypo = false
		case k.pat.head == "must":
			continue
		case g.modal && (g.modalWord == "must" || g.modalWord == "should") && k.speaker >= 0:
			ctx = ctxDemand
			k.hypo = false
			k.tgt = append([]int(nil), k.src...)
			k.src = []int{k.speaker}
			k.speaker = -1
			k.demand = true
		}
		if ctx == ctxNone {
			continue
		}
		// "will withdraw ... unless": a conditional intent is a threat.
		if ctx == ctxIntent && conditionalAfter(p, k.trigger) {
			ctx = ctxThreat
			if k.code.CAMEO[:2] < "14" {
				if x, ok := c.dict.codes["130"]; ok {
					k.code = x
					k.neg = false
					continue
				}
			}
		}
		k.intended = ctx == ctxIntent
		code := c.recode(k.code.CAMEO, ctx, neg)
		if code != k.code.CAMEO || ctx != ctxNone {
			k.neg = false
		}
		if x, ok := c.dict.codes[code]; ok {
			k.code = x
		}
	}
}

// statePassive verbs in the passive before "to" say what their subject
// stands ready to do ("is committed to", "is determined to").
var statePassive = map[string]bool{"commit": true, "determine": true, "prepare": true, "dedicate": true, "pledge": true}

// orderMatrix verbs make their object the doer of the complement
// ("urged Putin to make", "ordered the paper to suspend").
var orderMatrix = map[string]bool{"urge": true, "ask": true, "order": true, "tell": true, "call": true,
	"force": true, "press": true, "persuade": true, "allow": true, "permit": true, "invite": true, "encourage": true}

// requestMatrix verbs with an object before "to" make a request of it.
var requestMatrix = map[string]bool{"want": true, "expect": true, "need": true, "wish": true, "encourage": true, "invite": true}

// actualMatrix verbs make their complement an act that happened.
var actualMatrix = map[string]bool{"try": true, "attempt": true, "begin": true, "start": true, "continue": true,
	"resume": true, "manage": true, "move": true, "rush": true, "help": true, "schedule": true}

// conditionalAfter reports whether an "unless" clause follows token i (an
// ultimatum; "if" makes an offer or a refusal conditional, not a threat).
func conditionalAfter(p *parser, i int) bool {
	for k := i + 1; k < len(p.toks); k++ {
		switch p.toks[k].text {
		case "unless":
			return true
		case ";":
			return false
		}
	}
	return false
}

// askedConjunct reports whether trigger i is a later conjunct of the
// complement of a verb that asks or intends ("urged Kabul to hold the
// perpetrators accountable and cooperate with Pakistan": the cooperating
// is asked for too), by the tree.
func askedConjunct(p *parser, i int) bool {
	if p.tr.rel[i] != "conj" {
		return false
	}
	// Up the conjuncts and open complements: "cooperate" hangs on
	// "accountable", the complement of "hold", the complement of "urge".
	for j, steps := i, 0; steps < 6; steps++ {
		j = p.tr.firstConjunct(j)
		h := p.tr.head[j]
		if h < 0 || p.tr.rel[j] != "xcomp" {
			return false
		}
		if l := p.tr.lemma[h]; orderMatrix[l] || requestMatrix[l] || intentMatrix[l] || l == "demand" {
			return true
		}
		j = h
	}
	return false
}

// matrix returns the verb group whose infinitive complement group gi is
// ("agreed to boost", "urged Putin to make"), or -1.
func (c *Coder) matrix(p *parser, gi int) int {
	if p.vgs[gi].conj > 0 {
		gi = p.vgs[gi].conj - 1 // "to give a speech and meet": give's
	}
	g := &p.vgs[gi]
	if gi == 0 {
		return -1
	}
	m := gi - 1
	if g.start-p.vgs[m].end > 8 {
		return -1
	}
	for i := p.vgs[m].end; i < g.start; i++ {
		if tx := p.toks[i].text; tx == "," || tx == ";" || p.toks[i].tag == "IN" && tx != "than" {
			return -1
		}
	}
	return m
}

// flagClause marks events under "if"/"unless" as hypothetical.
func (c *Coder) flagClause(p *parser, k *cand, start int) {
	for i := start - 1; i >= 0 && i >= start-12; i-- {
		tx := p.toks[i].text
		if tx == "if" || tx == "If" || tx == "unless" || tx == "Unless" || tx == "whether" {
			k.hypo = true
			return
		}
		if tx == ";" {
			return
		}
	}
}

// claimVerbs report another's act as a charge ("X claimed that Y attacked").
var claimVerbs = map[string]bool{"claim": true, "allege": true, "charge": true}

// claims turns a conflictual act reported by "claim"/"allege" into the
// claim itself: an accusation of the doer (112), or a claim of
// responsibility when the doer is the claimant (015).
func (c *Coder) claims(p *parser, s *scratch) {
	for ki := range s.cands {
		k := &s.cands[ki]
		if k.dropped || k.code.QuadClass < 3 || len(k.src) == 0 {
			continue
		}
		cv := -1
		for vi := range p.vgs {
			if vi != k.vg && claimVerbs[p.vgs[vi].lemma] && p.vgs[vi].end <= p.vgs[k.vg].start {
				cv = vi
			}
		}
		if cv < 0 {
			continue
		}
		claimant := p.subject(cv)
		if len(claimant) == 0 {
			continue
		}
		code := "112"
		doer := k.src[0]
		if doer == claimant[0] || doer >= 0 && p.nps[doer].pron {
			code = "015"
		}
		x, ok := c.dict.codes[code]
		if !ok {
			continue
		}
		k.code = x
		if code == "112" {
			k.tgt = append([]int(nil), k.src...)
		}
		k.src = append([]int(nil), claimant...)
		k.trigger = p.vgs[cv].main
		k.speaker = -1
	}
}

// demandPattern is the pattern behind demands read off "must"/"should".
func (c *Coder) demandPattern(x *Code) *pattern {
	return &pattern{code: x, kind: verbPattern, head: "must"}
}

// question reports whether the sentence under analysis is a question: it
// ends with a question mark, before any closing quotes.
func question(p *parser) bool {
	for i := len(p.toks) - 1; i >= 0; i-- {
		if q, _, _ := isQuoteChar(p.toks[i].text); q {
			continue
		}
		return p.toks[i].text == "?"
	}
	return false
}

// intentMatrix verbs make their open complement an intended act ("plans
// to visit", "vowed to retaliate").
var intentMatrix = map[string]bool{"plan": true, "intend": true, "vow": true, "pledge": true, "promise": true,
	"aim": true, "seek": true, "prepare": true, "threaten": true, "agree": true, "decide": true, "hope": true,
	"want": true, "offer": true, "propose": true}

// modeOf returns the modality of candidate k (text.ModeAsserted, ...):
// negated; asked of someone ("urged Putin to make": the making is
// requested); intended (the complement of "plans to", "vowed to", or the
// future tense); hypothetical (a modal, a condition, another
// complement); else asserted. An intent recoded to the codebook's intent
// code ("vowed to retaliate": 03x) is intended.
func modeOf(p *parser, k *cand) string {
	switch {
	case k.neg:
		return text.ModeNegated
	case k.intended:
		return text.ModeIntended
	case k.hypo:
		i := p.tr.firstConjunct(k.trigger) // "urged X to hold ... and cooperate": as hold
		if h := p.tr.head[i]; h >= 0 && (p.tr.rel[i] == "xcomp" || p.tr.rel[i] == "ccomp") {
			switch l := p.toks[h].lemma; {
			case orderMatrix[l] || requestMatrix[l] && l != "want" || l == "demand":
				return text.ModeRequested
			case intentMatrix[l]:
				return text.ModeIntended
			}
		}
		return text.ModeHypothetical
	case k.future:
		return text.ModeIntended
	}
	return text.ModeAsserted
}

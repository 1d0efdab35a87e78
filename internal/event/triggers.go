package event

// Triggers: the verb and noun patterns of the dictionary matched on the
// chunked sentence (verb groups, nominal events), with their targets.

import (
	"strings"
)

// match tries pattern pt on the tokens after position from (exclusive end
// limit) and returns the target NP (-1 if none), the number of literal
// words matched, and whether it matched.
func (c *Coder) match(p *parser, pt *pattern, from, limit int, passive bool, used []int) (target int, ok bool, usedOut []int) {
	target = -1
	pos := from
	prevLiteral := true // the head itself
	for wi, alts := range pt.words {
		if alts[0] == "*" && wi == 0 && passive {
			// "was attacked (by X)": the object is the subject.
			continue
		}
		if alts[0] == "*" {
			// The next NP, reached over adverbs, quantifiers ("more than",
			// "up to") and time phrases ("on Friday") only.
			k := pos
			for k < limit {
				tk := &p.toks[k]
				// "up to 16", "at least 8".
				if k+1 < limit && (tk.text == "up" && p.toks[k+1].text == "to" || tk.text == "at" && p.toks[k+1].text == "least") {
					k += 2
					continue
				}
				if tk.tag == "RB" || tk.tag == "RP" || tk.np < 0 && tk.vg < 0 && (tk.tag == "DT" || tk.tag == "VBN" || tk.tag == "VBG" || tk.tag == "JJ") || quantifier[strings.ToLower(tk.text)] {
					k++
					continue
				}
				if tk.np >= 0 && p.nps[tk.np].start == k && temporalNP(p, tk.np) {
					k = p.nps[tk.np].end
					continue
				}
				if (tk.tag == "IN") && k+1 < limit && p.toks[k+1].np >= 0 && temporalNP(p, p.toks[k+1].np) {
					k = p.nps[p.toks[k+1].np].end
					continue
				}
				break
			}
			if k >= limit || p.toks[k].np < 0 {
				return -1, false, used
			}
			ni := p.toks[k].np
			if p.nps[ni].start != k && !prevLiteral {
				return -1, false, used
			}
			target = ni
			pos = p.nps[ni].end
			if co := p.coordinated(nil, ni); len(co) > 1 {
				pos = p.nps[co[len(co)-1]].end
			}
			if p.nps[ni].possessor && pos < limit {
				// Target is the possessor; skip its noun phrase too.
				pos++
				if pos < limit && p.toks[pos].np >= 0 {
					pos = p.nps[p.toks[pos].np].end
				}
			}
			prevLiteral = false
			continue
		}
		found := -1
		maxSkip := 6
		if wi == 0 {
			maxSkip = 5
		}
		skippedNoun := false
		for k := pos; k < limit && k <= pos+maxSkip; k++ {
			tk := &p.toks[k]
			if (tk.text == "," || tk.text == ";" || tk.tag == "WDT" || tk.tag == "WP") && !matchWord(tk, alts) {
				break
			}
			if matchWord(tk, alts) {
				// A preposition after a skipped object belongs to it, not to
				// the pattern: "met Xi in Moscow" is not "meet in".
				if !(skippedNoun && (tk.tag == "IN" || tk.tag == "TO" || tk.tag == "RP")) {
					found = k
				}
				break
			}
			if isNounTag(tk.tag) && !temporal[strings.ToLower(tk.text)] {
				skippedNoun = true
			}
			// Do not skip a preposition to find a noun, nor a finite verb.
			if tk.vg >= 0 && k > from && p.vgs[tk.vg].finite && !p.vgs[tk.vg].inf && tk.tag != "VB" {
				break
			}
		}
		if found < 0 {
			return -1, false, used
		}
		used = append(used, found)
		pos = found + 1
		prevLiteral = true
	}
	return target, true, used
}

func matchWord(tk *tok, alts []string) bool {
	for _, a := range alts {
		if tk.lemma == a && tk.lemma != "" {
			return true
		}
		if a == "to" && tk.tag == "TO" {
			return true
		}
	}
	return false
}

// clauseLimit returns the token where the clause after token i ends.
func clauseLimit(p *parser, i int) int {
	n := len(p.toks)
	lim := i + 16
	if lim > n {
		lim = n
	}
	for k := i; k < lim; k++ {
		tx := p.toks[k].text
		if tx == ";" || tx == ":" || (tx == "." && k == n-1) {
			return k
		}
	}
	return lim
}

func (c *Coder) verbEvents(p *parser, s *scratch) {
	for gi := range p.vgs {
		g := &p.vgs[gi]
		if p.toks[g.main].used {
			continue
		}
		pats := c.dict.verbs[g.lemma]
		if len(pats) == 0 && g.modalWord != "must" && g.modalWord != "should" {
			continue
		}
		limit := clauseLimit(p, g.end)
		var best *pattern
		target := -1
		for _, pt := range pats {
			s.ints = s.ints[:0]
			tg, ok, used := c.match(p, pt, g.end, limit, g.passive, s.ints)
			s.ints = used
			if !ok {
				continue
			}
			best, target = pt, tg
			break
		}
		passiveObject := false
		if best == nil && g.passive {
			// "Evidence against Russia was presented by the US": the
			// pattern's object is the subject, its PPs follow it.
			if subj := p.subject(gi); len(subj) > 0 {
				ch := &p.nps[subj[0]]
				for _, pt := range pats {
					if len(pt.words) < 2 || pt.words[0][0] == "*" || !matchWord(&p.toks[ch.head], pt.words[0]) {
						continue
					}
					rest := *pt
					rest.words = pt.words[1:]
					s.ints = s.ints[:0]
					tg, ok, used := c.match(p, &rest, ch.end, g.start, false, s.ints)
					s.ints = used
					if ok && tg >= 0 {
						best, target, passiveObject = pt, tg, true
						break
					}
				}
			}
		}
		if best == nil && (g.modalWord == "must" || g.modalWord == "should") && !g.neg {
			// "X said Y must ensure security": a demand whatever Y must do.
			if sp := c.speakerOf(p, gi); sp >= 0 {
				if x, ok := c.dict.codes["100"]; ok {
					k := cand{pat: c.demandPattern(x), code: x, trigger: g.main, vg: gi, speaker: -1,
						src: []int{sp}, tgt: append([]int(nil), p.subject(gi)...), demand: true}
					s.cands = append(s.cands, k)
				}
			}
			continue
		}
		if (best == nil || len(best.words) == 0) && g.lemma == "deny" && g.end < limit && p.toks[g.end].vg >= 0 && p.vgs[p.toks[g.end].vg].ing {
			// "Israel denied carrying out the attack on Iran": a denial of
			// responsibility (016) aimed at the act's target.
			if x, ok := c.dict.codes["016"]; ok {
				k := cand{pat: &pattern{code: x, kind: verbPattern, head: "deny"}, code: x, trigger: g.main, vg: gi, speaker: c.speakerOf(p, gi),
					src: append([]int(nil), p.subject(gi)...)}
				for i := p.vgs[p.toks[g.end].vg].end; i+1 < limit; i++ {
					if w := p.toks[i].text; (w == "on" || w == "against" || w == "at") && p.toks[i+1].np >= 0 {
						k.tgt = p.coordinated(nil, p.toks[i+1].np)
						break
					}
				}
				s.cands = append(s.cands, k)
			}
			continue
		}
		if best == nil || best.block {
			continue
		}
		for _, k := range s.ints {
			p.toks[k].used = true
		}
		if target < 0 && len(s.ints) > 0 {
			// "demanded that Hamas renounce": the complement's subject.
			if last := s.ints[len(s.ints)-1]; p.toks[last].text == "that" && last+1 < len(p.toks) && p.toks[last+1].np >= 0 {
				target = p.toks[last+1].np
			}
		}
		if target < 0 && len(s.ints) > 0 && !g.passive {
			// "freed 150 Palestinian prisoners" ("V free prisoner"): the
			// people named in the pattern are its target.
			if u := &p.toks[s.ints[0]]; u.np >= 0 && personNoun[u.lemma] && p.nps[u.np].head == s.ints[0] {
				target = u.np
			} else if u.np >= 0 && p.nps[u.np].head == s.ints[0] && p.nps[u.np].poss >= 0 {
				// "rejected the EU's proposal" ("V reject proposal"): the
				// possessor of the pattern's object.
				target = p.nps[u.np].poss
			}
		}
		k := cand{pat: best, code: best.code, trigger: g.main, vg: gi, speaker: -1, neg: g.neg, future: g.future, hypo: g.modal}
		if !c.callSense(p, &k, g, target) {
			continue
		}
		c.welcomeSense(p, &k, g)
		if !objectSense(p, &k, g) {
			continue
		}
		if target >= 0 {
			k.tgt = p.coordinated(nil, target)
			if isEventNoun(c, &p.toks[p.nps[target].head]) {
				if a := agentAfter(p, target, limit); a >= 0 && verbal(best.code.CAMEO) {
					// "condemned the invasion of Ukraine by Russia": the
					// doer of the act condemned.
					k.tgt = p.coordinated(nil, a)
				} else if pt := c.placeTarget(p, p.nps[target].end, limit); len(pt) > 0 {
					// "claimed responsibility for an attack ... in Kenya":
					// an event is no actor; where it happened stands in.
					k.tgt, k.setting = pt, true
				}
			}
		}
		if len(k.tgt) == 0 {
			k.tgt = c.placeTarget(p, g.end, limit)
			k.setting = len(k.tgt) > 0
		}
		switch {
		case passiveObject:
			k.passive = true
			k.setting = false
			for i := g.end; i < limit-1; i++ {
				if p.toks[i].lemma == "by" && p.toks[i+1].np >= 0 {
					k.src = p.coordinated(nil, p.toks[i+1].np)
					break
				}
			}
		case g.passive && statePassive[g.lemma] && g.end < len(p.toks) && p.toks[g.end].text == "to":
			// "Vietnam is committed to opening up": a state of the subject.
			k.src = append([]int(nil), p.subject(gi)...)
			k.tgt = nil
		case g.passive:
			// "was attacked by X": the subject is the target.
			k.passive = true
			k.setting = false
			k.tgt = c.subjectOf(p, gi)
			if a := p.tr.agent(g.main); chunkOf(p, a) >= 0 {
				k.src = p.treeCoordinated(a)
				break
			}
			for i := g.end; i < limit-1; i++ {
				if p.toks[i].lemma == "by" && p.toks[i+1].np >= 0 {
					k.src = p.coordinated(nil, p.toks[i+1].np)
					break
				}
			}
		case g.inf || g.ing:
			if ts, inh := p.tr.subject(p, g.main); p.usableSubject(ts) {
				k.src, k.fallback = p.treeCoordinated(ts), inh
				if h := p.tr.head[g.main]; h >= 0 && p.tr.rel[g.main] == "xcomp" && p.toks[h].lemma == "deny" {
					k.neg = true // "denied carrying out the attack"
				}
			} else {
				k.src, k.fallback = c.controller(p, gi)
			}
			if g.inf {
				k.hypo = true
			}
		default:
			k.src = c.subjectOf(p, gi)
		}
		c.flagClause(p, &k, g.start)
		k.relative = inRelative(p, g.start)
		if g.ing && g.start > 0 && p.toks[g.start-1].tag == "IN" {
			k.relative = true // a gerund: "arrested for collaborating with"
		}
		if best.reverse {
			k.src, k.tgt = k.tgt, k.src
		}
		k.speaker = c.speakerOf(p, gi)
		s.cands = append(s.cands, k)
	}
}

func (c *Coder) nounEvents(p *parser, s *scratch) {
	for i := range p.toks {
		tk := &p.toks[i]
		if tk.used || tk.np < 0 || tk.quote || !(tk.tag == "NN" || tk.tag == "NNS" || tk.tag == "JJ") {
			continue
		}
		var pats []*pattern
		if len(tk.text) <= len(s.buf) {
			b := s.buf[:len(tk.text)]
			for j := 0; j < len(b); j++ {
				ch := tk.text[j]
				if ch >= 'A' && ch <= 'Z' {
					ch += 'a' - 'A'
				}
				b[j] = ch
			}
			if h, ok := c.dict.nounLex[string(b)]; ok {
				pats = c.dict.nouns[h]
			}
		}
		if len(pats) == 0 {
			pats = c.dict.nouns[tk.lemma]
		}
		if len(pats) == 0 {
			continue
		}
		limit := clauseLimit(p, i+1)
		var best *pattern
		target := -1
		for _, pt := range pats {
			s.ints = s.ints[:0]
			tg, ok, used := c.match(p, pt, i+1, limit, false, s.ints)
			s.ints = used
			if ok {
				best, target = pt, tg
				break
			}
		}
		if best == nil || best.block {
			continue
		}
		if target < 0 && len(s.ints) > 0 {
			if last := s.ints[len(s.ints)-1]; p.toks[last].text == "that" && last+1 < len(p.toks) && p.toks[last+1].np >= 0 {
				target = p.toks[last+1].np
			}
		}
		if target < 0 {
			// "a mediation effort (on Saturday) between the Emirates and
			// Saudi Arabia".
			e := p.nps[tk.np].end
			if e+1 < limit && p.toks[e].tag == "IN" && p.toks[e+1].np >= 0 && temporalChunk(p, p.toks[e+1].np) {
				e = p.nps[p.toks[e+1].np].end
			}
			if e+1 < limit && p.toks[e].text == "between" && p.toks[e+1].np >= 0 {
				target = p.toks[e+1].np
			}
		}
		k := cand{pat: best, code: best.code, trigger: i, vg: -1, speaker: -1}
		if target >= 0 {
			k.tgt = p.coordinated(nil, target)
		} else if violent(best.code.CAMEO) {
			k.tgt = victims(p, tk.np)
		}
		if len(k.tgt) == 0 {
			k.tgt = c.placeTarget(p, p.nps[tk.np].end, limit)
			k.setting = len(k.tgt) > 0
		}
		ch := &p.nps[tk.np]
		switch {
		case agentAfter(p, tk.np, limit) >= 0:
			// "the hijacking of the train by militants": the agent after "by".
			k.src = p.coordinated(nil, agentAfter(p, tk.np, limit))
		case ch.poss >= 0:
			k.src = p.coordinated(nil, ch.poss)
			// "Russia and China's talks": the first conjunct is left of the possessor.
		case ch.start < i && hasActorTag(p, ch.start, i):
			k.src = []int{-2 - ch.start} // modifiers [ch.start, i), encoded
		case ch.start < i && p.toks[ch.start].tag == "PRP$":
			// "mounted its invasion": the light verb's subject; "said their
			// forces completed their withdrawal": the pronoun's referent.
			if src, fb := c.governor(p, ch.start); !fb && len(src) > 0 {
				k.src = src
			} else {
				k.src = []int{-2 - ch.start}
			}
		default:
			k.src, k.fallback = c.governor(p, ch.start)
			if len(k.tgt) == 0 && k.fallback {
				// "to end the war": no actor of its own; not an event here.
				continue
			}
		}
		// A nominal governed by a negated or modal light verb shares its
		// flags ("did not launch an attack"); the object of a verb of its
		// own ("has never condemned Russia's invasion") is taken as fact.
		if gi := c.governingVG(p, ch.start); gi >= 0 {
			g := &p.vgs[gi]
			if lightVerbs[g.lemma] || weakLightVerbs[g.lemma] || aspectVerbs[g.lemma] || len(c.dict.verbs[g.lemma]) == 0 {
				k.neg, k.hypo, k.future = g.neg, g.modal, g.future
			}
			k.speaker = c.speakerOf(p, gi)
		}
		k.relative = inRelative(p, ch.start)
		for _, u := range s.ints {
			p.toks[u].used = true
		}
		s.cands = append(s.cands, k)
	}
}

// agentAfter returns the NP chunk after "by" that follows nominal event
// chunk ni, over one "of" phrase ("the hijacking of the train by
// militants"), or -1.
func agentAfter(p *parser, ni, limit int) int {
	e := p.nps[ni].end
	if e+1 < limit && p.toks[e].text == "of" && p.toks[e+1].np >= 0 {
		e = p.nps[p.toks[e+1].np].end
	}
	if e+1 >= limit || p.toks[e].text != "by" {
		return -1
	}
	a := p.toks[e+1].np
	if a < 0 || p.nps[a].start != e+1 || temporalChunk(p, a) {
		return -1
	}
	return a
}

func isEventNoun(c *Coder, tk *tok) bool { return len(c.dict.nouns[tk.lemma]) > 0 }

// hasActorTag reports whether tokens [a, b) hold a name or a capitalised
// adjective ("US", "Israeli") that may name the event's source.
func hasActorTag(p *parser, a, b int) bool {
	for i := a; i < b; i++ {
		t := &p.toks[i]
		if (t.tag == "NNP" || t.tag == "NNPS" || t.tag == "JJ") && t.text != "" && t.text[0] >= 'A' && t.text[0] <= 'Z' {
			return true
		}
	}
	return false
}

// personNoun lemmas name people that a pattern may spell out ("release
// prisoners", "expel diplomats"); their noun phrase is the event's target.
var personNoun = map[string]bool{"prisoner": true, "hostage": true, "detainee": true, "captive": true,
	"diplomat": true, "ambassador": true, "envoy": true, "journalist": true, "reporter": true, "citizen": true,
	"national": true, "refugee": true, "migrant": true, "soldier": true, "troop": true, "civilian": true,
	"activist": true, "dissident": true, "protester": true, "demonstrator": true, "suspect": true,
	"official": true, "worker": true, "leader": true, "opposition": true, "militant": true, "rebel": true}

// quantifier words may stand between a verb and its object.
var quantifier = map[string]bool{"more": true, "less": true, "fewer": true, "than": true,
	"least": true, "about": true, "nearly": true, "almost": true, "some": true, "over": true,
	"around": true, "roughly": true, "approximately": true}

// temporal nouns head time phrases, which are never objects.
var temporal = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tomorrow": true, "tonight": true,
	"week": true, "weekend": true, "month": true, "year": true, "night": true, "morning": true, "evening": true,
	"afternoon": true, "day": true, "days": true, "weeks": true, "months": true, "years": true, "time": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true}

// temporalNP reports whether NP chunk ni is a time phrase ("Friday", "last
// week", "March 3"), which is never an object.
func temporalNP(p *parser, ni int) bool {
	ch := &p.nps[ni]
	if !temporal[strings.ToLower(p.toks[ch.head].text)] && p.toks[ch.head].tag != "CD" {
		return false
	}
	hasTime := false
	for i := ch.start; i < ch.end; i++ {
		t := &p.toks[i]
		switch {
		case temporal[strings.ToLower(t.text)]:
			hasTime = true
		case t.tag == "DT" || t.tag == "JJ" || t.tag == "CD":
		default:
			return false
		}
	}
	return hasTime
}

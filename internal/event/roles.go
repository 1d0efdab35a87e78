package event

// Roles: who did it and to whom. Subjects, controllers of infinitives,
// speakers of reported events, governors of nominal events, and the
// resolution of their noun phrases to actors.

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// speechVerbs introduce reported events.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "stress": true, "announce": true, "state": true, "claim": true,
	"report": true, "insist": true, "note": true, "declare": true, "allege": true, "believe": true, "warn": true,
	"conclude": true, "argue": true, "reiterate": true,
}

// objectBetween returns the NP chunk between matrix group m and its
// complement group g ("wants Putin to"), or -1.
func (c *Coder) objectBetween(p *parser, m, g int) int {
	for i := p.vgs[m].end; i < p.vgs[g].start; i++ {
		if p.toks[i].np >= 0 && p.toks[i].tag != "PRP$" {
			return p.toks[i].np
		}
	}
	return -1
}

// controller finds the subject of an infinitive or participle clause: the
// object of the verb before it ("urged Putin to make"), else that verb's
// subject, else the subject of the next finite verb ("Speaking after ...,
// Putin said").
func (c *Coder) controller(p *parser, gi int) ([]int, bool) {
	if p.vgs[gi].conj > 0 {
		gi = p.vgs[gi].conj - 1
	}
	g := &p.vgs[gi]
	if g.inf {
		// "the invitation for him to visit": the object of "for".
		if i := g.start - 1; i > 0 && p.toks[i].np >= 0 && !p.nps[p.toks[i].np].quoted {
			if ch := &p.nps[p.toks[i].np]; ch.start > 0 && p.toks[ch.start-1].lemma == "for" {
				return []int{p.toks[i].np}, false
			}
		}
		// Matrix verb group right before "to", if near.
		if k := gi - 1; k >= 0 && g.start-p.vgs[k].end <= 8 {
			for i := p.vgs[k].end; i < g.start; i++ {
				ni := p.toks[i].np
				if ni < 0 || p.toks[i].tag == "PRP$" {
					continue
				}
				if st := p.nps[ni].start; st > 0 && (p.toks[st-1].tag == "IN" || p.toks[st-1].tag == "TO") && p.toks[st-1].lemma != "for" && p.toks[st-1].lemma != "by" {
					// "were in Washington to meet", "flew to Beijing
					// to meet": a place, not the one asked to act.
					i = p.nps[ni].end - 1
					continue
				}
				return []int{ni}, false
			}
			return append([]int(nil), p.subject(k)...), false
		}
		return nil, true
	}
	// "issued a declaration demanding ...": the doer of the clause before.
	if g.start > 0 && p.toks[g.start-1].np >= 0 {
		for k := gi - 1; k >= 0; k-- {
			if p.vgs[k].finite {
				return append([]int(nil), p.subject(k)...), true
			}
		}
	}
	for k := gi + 1; k < len(p.vgs); k++ {
		if p.vgs[k].finite {
			return append([]int(nil), p.subject(k)...), true
		}
	}
	return nil, true
}

// speakerOf returns the subject of a speech verb that reports verb group gi.
func (c *Coder) speakerOf(p *parser, gi int) int {
	for k := range p.vgs {
		if k == gi || !speechVerbs[p.vgs[k].lemma] || !p.vgs[k].finite {
			continue
		}
		if subj := p.subject(k); len(subj) > 0 {
			return subj[0]
		}
	}
	return -1
}

// governingVG returns the verb group whose object or PP holds the NP at
// token start: the nearest group to its left in the same clause.
func (c *Coder) governingVG(p *parser, start int) int {
	for i := start - 1; i >= 0 && i >= start-8; i-- {
		tk := &p.toks[i]
		if tk.vg >= 0 {
			return tk.vg
		}
		if tk.text == "," || tk.text == ";" || tk.tag == "WDT" || tk.tag == "WP" {
			return -1
		}
	}
	return -1
}

// governor guesses the source of a nominal event: the subject of the verb
// that governs it, or of the main clause after a fronted phrase.
func (c *Coder) governor(p *parser, start int) ([]int, bool) {
	if gi := c.governingVG(p, start); gi >= 0 {
		g := &p.vgs[gi]
		if g.ing || g.inf {
			src, _ := c.controller(p, gi)
			return src, true
		}
		// "hold talks", "launch a war": the subject acts.
		switch {
		case lightVerbs[g.lemma]:
			// Light verbs: the subject does the nominal event.
			return append([]int(nil), p.subject(gi)...), false
		case weakLightVerbs[g.lemma]:
			return append([]int(nil), p.subject(gi)...), true
		case start > 0 && (strings.EqualFold(p.toks[start-1].text, "after") || strings.EqualFold(p.toks[start-1].text, "during")) && start-1 > g.end:
			// "retook the village after fierce fighting with guerrillas":
			// the subject took part, less surely.
			return append([]int(nil), p.subject(gi)...), true
		}
		return nil, true
	}
	// A fronted phrase ("After a meeting with X, Putin said"): main subject.
	for i := start; i < len(p.toks); i++ {
		if p.toks[i].text == "," {
			for k := i + 1; k < len(p.toks); k++ {
				if vi := p.toks[k].vg; vi >= 0 && p.vgs[vi].finite {
					return append([]int(nil), p.subject(vi)...), true
				}
			}
			break
		}
		if p.toks[i].vg >= 0 {
			break
		}
	}
	return nil, true
}

// actorOf resolves NP chunk ni (or encoded modifier span) to an actor.
func (c *Coder) actorOf(d *text.Document, si int, p *parser, ni int) (*record.Actor, text.Span, bool) {
	if p.doc != nil {
		d = p.doc // the sentence's layers only
	}
	first := d.Sentences[si].FirstToken
	span := func(a, b int) text.Span {
		return text.Span{Start: d.Tokens[first+a].Start, End: d.Tokens[first+b-1].End}
	}
	if ni <= -2 {
		a := -2 - ni
		b := a
		for b < len(p.toks) && p.toks[b].np == p.toks[a].np && !isEventNoun(c, &p.toks[b]) {
			b++
		}
		if b == a {
			return nil, text.Span{}, false
		}
		sp := span(a, b)
		act, ok := c.res.Resolve(d, sp)
		return act, sp, ok
	}
	if ni < 0 {
		return nil, text.Span{}, false
	}
	orig := ni
	if ch := &p.nps[ni]; ch.possessor && ni+1 < len(p.nps) && p.nps[ni+1].poss == ni && !p.nps[ni+1].quoted {
		// "China's senior diplomat Wang Yi": the possessed noun phrase when
		// it names an actor itself.
		n2 := &p.nps[ni+1]
		sp := span(n2.start, n2.end)
		if act, ok := c.res.Resolve(d, sp); ok && act.Country != "" {
			return act, sp, true
		}
	}
	for hop := 0; hop < 3; hop++ {
		ch := &p.nps[ni]
		if ch.quoted {
			return nil, text.Span{}, false
		}
		sp := span(ch.start, ch.end)
		if act, ok := c.res.Resolve(d, sp); ok {
			if hop == 0 && bareNoun(p, ni) && ch.end+1 < len(p.toks) && (p.toks[ch.end].text == "of" || p.toks[ch.end].text == "from") && p.toks[ch.end+1].np >= 0 {
				// "the leader of the Taliban insurgency", "the leader of
				// Russia", "top diplomats from the Group of Seven": a
				// generic noun is of the actor named after "of" or
				// "from", not of the article's country.
				if x, _, ok := c.actorOf(d, si, p, p.toks[ch.end+1].np); ok && x.Code != "" && (x.Country != "" || strings.HasPrefix(x.Code, "IGO")) {
					if x.Sector == "" && act.Sector != "" {
						x = &record.Actor{Code: x.Country + act.Sector, Country: x.Country, Sector: act.Sector, Role: act.Role}
					}
					return x, sp, true
				}
			}
			if act.Country == "" && ch.poss >= 0 {
				// "Taiwan's minister": the possessor's country.
				if pa, _, ok := c.actorOf(d, si, p, ch.poss); ok && pa.Country != "" {
					sector := act.Sector
					if sector == "" {
						sector = act.Code
					}
					act = &record.Actor{Code: pa.Country + sector, Country: pa.Country, Sector: sector, Role: act.Role, Name: act.Name}
				}
			}
			if act.Country == "" && ch.end < len(p.toks) {
				// "President obama": a title whose name the chunker left
				// out; the entity right after it is the actor.
				next := d.Tokens[first+ch.end].Span
				for i := range d.Entities {
					e := &d.Entities[i]
					if e.Start == next.Start && e.Actor != nil && e.Actor.Country != "" && e.Type == record.PER {
						a := *e.Actor
						return &a, text.Span{Start: sp.Start, End: e.End}, true
					}
				}
			}
			return act, sp, true
		}
		// A place the geo stage resolved stands for its country ("in Alaska").
		for i := range d.Places {
			pl := &d.Places[i]
			if pl.Country != "" && sp.Contains(pl.Span) && p.toks[ch.head].tag == "NNP" {
				return &record.Actor{Code: pl.Country, Country: pl.Country, Name: pl.Name}, sp, true
			}
		}
		switch {
		case ch.poss >= 0:
			ni = ch.poss
		case ch.end+1 < len(p.toks) && (p.toks[ch.end].text == "of" || p.toks[ch.end].text == "by" || p.toks[ch.end].text == "with") && p.toks[ch.end+1].np >= 0:
			// "the leader of Russia", "an admission by Moscow".
			ni = p.toks[ch.end+1].np
		default:
			return c.unresolved(d, p, orig, span)
		}
	}
	return c.unresolved(d, p, orig, span)
}

// bareNoun reports whether NP chunk ni is a common noun with nothing that
// names whose it is: no name, no capitalised modifier, no possessor.
func bareNoun(p *parser, ni int) bool {
	ch := &p.nps[ni]
	if ch.poss >= 0 || ch.pron {
		return false
	}
	for i := ch.start; i < ch.end; i++ {
		switch t := &p.toks[i]; t.tag {
		case "DT", "PDT", "CD":
		case "NN", "NNS", "JJ", "JJR", "JJS", "VBN", "VBG":
			if isUpperWord(t.text) && i > ch.start {
				return false
			}
			if isUpperWord(t.text) && t.tag == "JJ" && i > 0 {
				return false // "Russian officials" (not "Top diplomats" opening a sentence)
			}
		default:
			return false
		}
	}
	return true
}

// unresolved returns NP ni as an actor without a code when Options.Unresolved
// is set.
func (c *Coder) unresolved(d *text.Document, p *parser, ni int, span func(a, b int) text.Span) (*record.Actor, text.Span, bool) {
	ch := &p.nps[ni]
	if !c.o.Unresolved || ch.quoted || p.toks[ch.head].tag == "CD" || p.toks[ch.head].tag == "EX" {
		return nil, text.Span{}, false
	}
	sp := span(ch.start, ch.end)
	return &record.Actor{Name: d.Slice(sp)}, sp, true
}

// antecedent resolves the pronoun "it" or "them" of NP ni, which the actor
// stage leaves to the event coder, to the nearest actor named before it
// in the sentence that is a country, a government or an organisation and
// none of srcs ("Pakistan blamed India, accusing it of ...": India).
func (c *Coder) antecedent(d *text.Document, si int, p *parser, ni int, srcs []side) (*record.Actor, text.Span, bool) {
	if ni < 0 || !p.nps[ni].pron {
		return nil, text.Span{}, false
	}
	if w := strings.ToLower(p.toks[p.nps[ni].head].text); w != "it" && w != "them" {
		return nil, text.Span{}, false
	}
	for k := ni - 1; k >= 0; k-- {
		if p.nps[k].pron || p.nps[k].quoted {
			continue
		}
		a, sp, ok := c.actorOf(d, si, p, k)
		if !ok || a.Code == "" || a.Country == "" && !strings.HasPrefix(a.Code, "IGO") {
			continue
		}
		if tg := p.toks[p.nps[k].head].tag; tg != "NNP" && tg != "NNPS" && tg != "NN" || namesPerson(p.doc, sp) || namesNonCountryPlace(p.doc, sp) {
			continue // a person, a plural group, a sea or a town is no "it"
		}
		for _, s := range srcs {
			if s.act.Code == a.Code {
				a = nil
				break
			}
		}
		if a != nil {
			return a, sp, true
		}
	}
	return nil, text.Span{}, false
}

// namesPerson reports whether a person's name (a PER entity) lies in span sp.
func namesPerson(d *text.Document, sp text.Span) bool {
	if d == nil {
		return false
	}
	for i := range d.Entities {
		if e := &d.Entities[i]; e.Type == record.PER && sp.Contains(e.Span) {
			return true
		}
	}
	return false
}

// namesNonCountryPlace reports whether a place of the places layer that
// is no country (a sea, a region, a town) lies in span sp.
func namesNonCountryPlace(d *text.Document, sp text.Span) bool {
	if d == nil {
		return false
	}
	for i := range d.Places {
		if pl := &d.Places[i]; sp.Contains(pl.Span) && !strings.HasPrefix(pl.Feature, "PCL") {
			return true
		}
	}
	return false
}

// side is one resolved actor of an event with the span it was read from.
type side struct {
	act *record.Actor
	sp  text.Span
}

// locatedActor resolves a target that is a thing or a group of people by
// where it is or comes from: "the refineries in Iran", "dissidents from
// Egypt".
func (c *Coder) locatedActor(d *text.Document, si int, p *parser, ni int) (*record.Actor, text.Span, bool) {
	if ni < 0 {
		return nil, text.Span{}, false
	}
	ch := &p.nps[ni]
	if ch.quoted || ch.pron || ch.end+1 >= len(p.toks) {
		return nil, text.Span{}, false
	}
	if tx := p.toks[ch.end].text; (tx == "in" || tx == "from") && p.toks[ch.end+1].np >= 0 {
		if t := p.toks[ch.head].tag; t == "NN" || t == "NNS" {
			return c.actorOf(d, si, p, p.toks[ch.end+1].np)
		}
	}
	return nil, text.Span{}, false
}

// namedDoer reports whether candidate k has a subject noun phrase that is
// not a first- or second-person pronoun, even if no actor resolves it.
func (c *Coder) namedDoer(p *parser, k *cand) bool {
	for _, ni := range k.src {
		if ni < 0 {
			return true // capitalised modifiers ("US sanctions")
		}
		ch := &p.nps[ni]
		if ch.quoted {
			continue
		}
		if ch.pron {
			switch strings.ToLower(p.toks[ch.head].text) {
			case "i", "we", "you", "me", "us":
				continue
			}
		}
		return true
	}
	return false
}

// unknownAgent reports whether the subject of candidate k is a name or a
// word for a person or group (the actor stage knew neither).
func unknownAgent(p *parser, k *cand) bool {
	for _, ni := range k.src {
		if ni < 0 || p.nps[ni].quoted || p.nps[ni].pron {
			continue
		}
		h := &p.toks[p.nps[ni].head]
		if h.tag == "NNP" || h.tag == "NNPS" || personNoun[h.lemma] || agentSuffix(h.text) {
			return true
		}
	}
	return false
}

// agentSuffix reports whether noun w names a person by its ending
// ("politician", "veteran", "leader", "spokesman").
func agentSuffix(w string) bool {
	for _, s := range []string{"ian", "ist", "man", "men", "eran", "erans", "ians", "ists", "or", "ors"} {
		if len(w) > len(s)+2 && strings.HasSuffix(strings.ToLower(w), s) {
			return true
		}
	}
	return false
}

func eventActor(a *record.Actor, sp text.Span) text.EventActor {
	return text.EventActor{Span: sp, Code: a.Code, Country: a.Country, Name: a.Name}
}

// lightVerbs make their subject the doer of the nominal event they govern
// ("staged a protest", "launched an air strike").
var lightVerbs = map[string]bool{"hold": true, "launch": true, "wage": true, "conduct": true, "carry": true,
	"begin": true, "start": true, "stage": true, "impose": true, "continue": true, "resume": true, "mount": true,
	"order": true, "step": true, "organize": true, "organise": true, "lead": true, "escalate": true, "intensify": true,
	"reiterate": true, "renew": true, "repeat": true, "voice": true, "express": true, "issue": true, "lodge": true,
	"file": true, "make": true, "deliver": true, "use": true, "apply": true, "pose": true}

// weakLightVerbs suggest it with less confidence.
var weakLightVerbs = map[string]bool{"have": true, "sign": true, "announce": true, "end": true, "call": true,
	"join": true, "host": true, "attend": true, "seek": true, "reach": true, "propose": true,
	"plan": true, "demand": true, "agree": true}

// aspectVerbs keep, widen or narrow the nominal event they govern ("would
// keep its sanctions"), which shares their modality.
var aspectVerbs = map[string]bool{"keep": true, "maintain": true, "extend": true, "expand": true,
	"tighten": true, "step": true, "prolong": true}

// inRelative reports whether token i is inside a relative clause: a
// "which"/"who"/"that" (as a relative pronoun) opens the clause before it.
func inRelative(p *parser, i int) bool {
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		t := &p.toks[k]
		if t.tag == "WDT" || t.tag == "WP" {
			return true
		}
		if t.text == "that" {
			// "said that X attacked" reports the event; "demanded an
			// admission that X murdered" subordinates it.
			for j := k - 1; j >= 0 && j >= k-8; j-- {
				if vi := p.toks[j].vg; vi >= 0 {
					return !speechVerbs[p.vgs[vi].lemma]
				}
			}
			return true
		}
		if t.vg >= 0 || t.text == ";" {
			return false
		}
	}
	return false
}

// verbal reports whether CAMEO code x is a verbal act aimed at someone:
// comment, appeal, praise, demand, disapproval, rejection, threat.
func verbal(x string) bool {
	switch x[:2] {
	case "01", "02", "05", "10", "11", "12", "13":
		return x[:3] != "010"
	}
	return false
}

// verbalTarget finds whom a verbal act is aimed at when its object is no
// actor: the noun phrase after against/on/at/toward(s) that follows the
// object ("threatening retaliation against Washington", "blamed attacks
// on militants"), or the agent of a participle after it ("the
// allegations made by Pakistan"). It reads the verb's own clause only: a
// complement ("warned that ...") or another verb ends it. againstOnly
// takes "against" alone, for violence ("fighting an insurgency against
// the state"; "on", "at" give its place there).
func verbalTarget(p *parser, k *cand, againstOnly bool) []int {
	g := &p.vgs[k.vg]
	obj := false
	for i := g.end; i < len(p.toks) && i < g.end+12; i++ {
		t := &p.toks[i]
		switch {
		case t.np >= 0:
			if temporalNP(p, t.np) {
				i = p.nps[t.np].end - 1
				continue
			}
			if obj {
				return nil
			}
			obj = true
			i = p.nps[t.np].end - 1
		case t.vg >= 0:
			v := &p.vgs[t.vg]
			if p.toks[v.main].tag != "VBN" || v.finite || v.end >= len(p.toks) || p.toks[v.end].text != "by" {
				return nil
			}
			i = v.end - 1 // "made" before "by"
		case t.text == "against" || !againstOnly && (t.text == "on" || t.text == "at" || t.text == "toward" || t.text == "towards" || t.text == "by"):
			if !obj || i+1 >= len(p.toks) || p.toks[i+1].np < 0 {
				return nil
			}
			return p.coordinated(nil, p.toks[i+1].np)
		case t.tag == "RB" || t.tag == "JJ" || t.tag == "DT" || t.tag == "CD":
		default:
			return nil
		}
	}
	return nil
}

// thirdPlural reports whether NP ni is "they"/"them": said by one
// speaker they are others ("Whether they agree or not, they should
// talk," Rubio said), by several the speakers ("Palestinian leaders said
// they would boycott").
func thirdPlural(p *parser, ni int) bool {
	switch lowerASCII(p.toks[p.nps[ni].head].text) {
	case "they", "them":
		return true
	}
	return false
}

// possessivePronoun reports whether NP ni opens with its/their/his/her,
// not reflexive ("its own positions").
func possessivePronoun(p *parser, ni int) bool {
	st := p.nps[ni].start
	return ni >= 0 && p.toks[st].tag == "PRP$" && !(st+1 < len(p.toks) && p.toks[st+1].text == "own")
}

// singular reports whether NP ni names one: a singular head, not
// coordinated.
func singular(p *parser, ni int) bool {
	h := p.toks[p.nps[ni].head].tag
	return (h == "NN" || h == "NNP") && len(p.coordinated(nil, ni)) <= 1
}

// charges are what a denial or rejection answers.
var charges = map[string]bool{
	"allegation": true, "allegations": true, "accusation": true, "accusations": true, "claim": true, "claims": true,
	"charge": true, "charges": true, "criticism": true, "report": true, "reports": true, "assertion": true,
}

// accuser returns, for a denial or rejection (016, 12x) of charges
// without a target ("Beijing denies the allegations"), the source of the
// latest accusation or criticism (11x) against the same country in this
// sentence or the two before it, or nil.
func (c *Coder) accuser(d *text.Document, si int, p *parser, k *cand, src *record.Actor) *side {
	if x := k.code.CAMEO; x[:3] != "016" && x[:2] != "12" || src.Country == "" {
		return nil
	}
	g := &p.vgs[k.vg]
	if g.end >= len(p.toks) || p.toks[g.end].np < 0 {
		return nil
	}
	if h := &p.toks[p.nps[p.toks[g.end].np].head]; !charges[lowerASCII(h.text)] {
		return nil
	}
	for i := len(d.Events) - 1; i >= 0; i-- {
		e := &d.Events[i]
		if e.Sentence < si-2 {
			break
		}
		if e.CAMEO[:2] != "11" || e.Target == nil || e.Target.Country != src.Country || e.Source.Country == src.Country {
			continue
		}
		a := &record.Actor{Code: e.Source.Code, Country: e.Source.Country, Name: e.Source.Name}
		return &side{a, e.Source.Span}
	}
	return nil
}

// nationalityList returns one side per country named by a list of
// nationalities on the head of NP chunk ni ("French, German and British
// leaders", "U.S., Chinese and Russian representatives"), read from the
// tree (an adjective or compound on the head and its conjuncts), each with
// the sector the head gives; nil unless there are two or more.
func (c *Coder) nationalityList(d *text.Document, si int, p *parser, ni int) []side {
	if ni < 0 {
		return nil
	}
	h := p.nps[ni].head
	first := d.Sentences[si].FirstToken
	var out []side
	for i, hi := range p.tr.head {
		if hi != h || p.tr.rel[i] != "amod" && p.tr.rel[i] != "compound" {
			continue
		}
		cs := conjuncts(&p.tr, i)
		if len(cs) == 0 {
			continue // "Iranian American journalist": one person, not a list
		}
		out = out[:0]
		for _, x := range append([]int{i}, cs...) {
			a, ok := c.res.Resolve(d, d.Tokens[first+x].Span)
			if !ok || a == nil || a.Country == "" || strings.HasPrefix(a.Code, "IGO") {
				continue
			}
			dup := false
			for _, o := range out {
				dup = dup || o.act.Country == a.Country
			}
			if !dup {
				out = append(out, side{a, d.Tokens[first+x].Span})
			}
		}
		if len(out) >= 2 {
			break
		}
	}
	if len(out) < 2 {
		return nil
	}
	sector := ""
	if a, ok := c.res.Resolve(d, d.Tokens[first+h].Span); ok && a != nil {
		sector = a.Sector
	}
	if ch := &p.nps[ni]; sector == "" {
		// "leaders", a title: the sector the phrase takes.
		if a, ok := c.res.Resolve(d, text.Span{Start: d.Tokens[first+ch.start].Start, End: d.Tokens[first+ch.end-1].End}); ok && a != nil {
			sector = a.Sector
		}
	}
	for i := range out {
		a := &record.Actor{Code: out[i].act.Country + sector, Country: out[i].act.Country, Sector: sector}
		out[i].act = a
	}
	return out
}

// conjuncts returns the tokens conjoined to token i.
func conjuncts(t *tree, i int) []int {
	var out []int
	for j, h := range t.head {
		if h == i && t.rel[j] == "conj" {
			out = append(out, j)
		}
	}
	return out
}

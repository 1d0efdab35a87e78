package event

// The dependency tree of the sentence under analysis, read from the syntax
// layer: who is the subject of a verb, who controls an infinitive, which
// noun is the agent of a passive, the object, and whether a word lies in
// another clause than the verb. Every index is sentence-relative, as in
// parse.go.

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// subjectOf returns the subject NP chunks of verb group gi: from the
// tree, else from the chunker's left-to-right search. When no actor
// resolves the tree's subject but the chunker's is a phrase of it after
// "of" or "from" that resolves, that phrase ("leaders from the U.S. and
// China": the U.S. and China).
func (c *Coder) subjectOf(p *parser, gi int) []int {
	if ts, _ := p.tr.subject(p, p.vgs[gi].main); p.usableSubject(ts) {
		tree := p.treeCoordinated(ts)
		if list := p.ofList(tree); len(list) > 1 {
			return list // "officials from Russia and China": both
		}
		if c.resolves(p, tree) {
			return tree
		}
		chunk := p.subject(gi)
		if len(chunk) > 0 && chunk[0] >= 0 && p.tr.ofPhrase(p, p.nps[chunk[0]].head, ts) && c.resolves(p, chunk) {
			return append([]int(nil), chunk...)
		}
		return tree
	}
	return append([]int(nil), p.subject(gi)...)
}

// ofPhrase reports whether word x hangs from word ts through an "of" or
// "from" phrase, coordination and compounds only ("leaders from the U.S.
// and China": China, the U.S.).
func (t *tree) ofPhrase(p *parser, x, ts int) bool {
	via := false
	for steps := 0; x >= 0 && steps < 8; steps++ {
		if x == ts {
			return via
		}
		switch t.rel[x] {
		case "conj", "appos", "flat", "compound":
		case "nmod":
			cs := t.child(x, "case")
			if cs < 0 || p.toks[cs].lemma != "of" && p.toks[cs].lemma != "from" {
				return false
			}
			via = true
		default:
			return false
		}
		x = t.head[x]
	}
	return false
}

// ofList returns the coordinated NP chunks after "of" or "from" that
// follow a lone bare generic noun nps ("officials from Russia and
// China"), or nil.
func (p *parser) ofList(nps []int) []int {
	if len(nps) != 1 || nps[0] < 0 || !bareNoun(p, nps[0]) {
		return nil
	}
	e := p.nps[nps[0]].end
	if e+1 >= len(p.toks) || p.toks[e].text != "of" && p.toks[e].text != "from" || p.toks[e+1].np < 0 {
		return nil
	}
	return p.coordinated(nil, p.toks[e+1].np)
}

// resolves reports whether some NP chunk of nps resolves to an actor.
func (c *Coder) resolves(p *parser, nps []int) bool {
	if p.doc == nil {
		return false
	}
	for _, ni := range nps {
		if a, _, ok := c.actorOf(p.doc, p.si, p, ni); ok && a.Code != "" {
			return true
		}
	}
	return false
}

// tree is one sentence's dependency tree.
type tree struct {
	head  []int    // head token, -1 for the root
	rel   []string // relation to the head
	lemma []string // the syntax layer's lemma (the coder's lexicon knows fewer words)
}

// load fills t from the syntax layer of sentence si of d.
func (t *tree) load(d *text.Document, si int) {
	sent := d.Sentences[si]
	t.head, t.rel, t.lemma = t.head[:0], t.rel[:0], t.lemma[:0]
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		h := -1
		if x := d.Syntax[k].Head; x >= sent.FirstToken && x < sent.EndToken {
			h = x - sent.FirstToken
		}
		t.head = append(t.head, h)
		t.rel = append(t.rel, d.Syntax[k].Rel)
		t.lemma = append(t.lemma, strings.ToLower(d.Syntax[k].Lemma))
	}
}

// child returns the first dependent of i with one of the relations, or -1.
func (t *tree) child(i int, rels ...string) int {
	for k, h := range t.head {
		if h != i {
			continue
		}
		for _, r := range rels {
			if t.rel[k] == r {
				return k
			}
		}
	}
	return -1
}

// childWithCase returns the first dependent of i with relation rel whose
// own "case" dependent is the word prep ("met with X": obl with "with").
func (t *tree) childWithCase(p *parser, i int, rel, prep string) int {
	for k, h := range t.head {
		if h != i || t.rel[k] != rel {
			continue
		}
		if c := t.child(k, "case"); c >= 0 && p.toks[c].lemma == prep {
			return k
		}
	}
	return -1
}

// relativeWord reports whether token i is a relative pronoun ("who",
// "which", "that") standing for the noun a relative clause modifies.
func relativeWord(p *parser, i int) bool {
	switch p.toks[i].tag {
	case "WP", "WDT":
		return true
	}
	return p.toks[i].lemma == "that" && p.toks[i].tag != "DT"
}

// subject returns the token that is the doer of verb i in the tree: its
// nominal subject, the subject of the verb it is coordinated with ("met X
// and said"), the object or else the subject of the verb whose open
// complement it is ("urged Putin to make", "agreed to supply"), the noun a
// relative or participial clause modifies ("troops who fired", "troops
// fighting"), or the subject of the clause a participial adverbial
// belongs to ("Speaking in Moscow, Putin said"). inherited is true when
// the doer was found through an adverbial or adnominal clause, a weaker
// reading than a subject or a controller. It returns -1 when the tree
// names none.
func (t *tree) subject(p *parser, i int) (subj int, inherited bool) {
	if s := t.subordinatedSubject(p, i); s >= 0 {
		return s, false
	}
	for steps := 0; i >= 0 && steps < 8; steps++ {
		if c := t.child(i, "nsubj", "nsubj:pass", "nsubj:outer"); c >= 0 {
			if relativeWord(p, c) && t.rel[i] == "acl:relcl" {
				return t.head[i], inherited
			}
			return c, inherited
		}
		h := t.head[i]
		if h < 0 {
			return -1, false
		}
		inherited = inherited || t.rel[i] == "acl" || t.rel[i] == "advcl"
		switch t.rel[i] {
		case "conj":
			if !isVerbTag(p.toks[h].tag) && t.child(h, "cop") < 0 {
				return -1, false
			}
			if tg := p.toks[i].tag; (tg == "VBD" || tg == "VBZ" || tg == "VBP") && t.rel[h] == "acl" {
				// "expressed sorrow over lives lost and urged Haiti to
				// act": a finite verb the parse joined to a participle
				// modifier is the clause verb's conjunct.
				x := t.head[h]
				for steps := 0; x >= 0 && !isVerbTag(p.toks[x].tag) && steps < 6; steps++ {
					x = t.head[x]
				}
				if x >= 0 && isVerbTag(p.toks[x].tag) {
					i = x
					continue
				}
			}
			i = h
		case "xcomp":
			if o := t.child(h, "obj", "iobj"); o >= 0 {
				return o, inherited
			}
			if f := t.addressee(p, h, i); f >= 0 {
				return f, inherited
			}
			i = h
		case "acl:relcl":
			return h, inherited
		case "acl":
			// "troops fighting in X": the troops; "a declaration
			// demanding X", "a proposal urging Y": the doer of the verb
			// whose object the thing is.
			// An infinitive ("were in Washington to meet") is rather the
			// purpose of the clause's doer.
			if tg := p.toks[h].tag; (tg == "NNP" || tg == "NNPS" || tg == "PRP" || personNoun[p.toks[h].lemma]) && p.toks[i].tag != "VB" {
				return h, inherited
			}
			// "the invitation for Putin to visit": the noun after "for".
			if f := t.childWithCase(p, h, "nmod", "for"); f >= 0 && p.toks[i].tag == "VB" {
				return f, inherited
			}
			if t.rel[h] != "obj" && t.rel[h] != "obl" || t.head[h] < 0 {
				return -1, false
			}
			i = t.head[h]
		case "advcl":
			// "after X left", "if ...": a clause of its own; but a
			// gerund after a preposition is the doer's ("hinting at
			// lifting", "by imposing").
			m := t.child(i, "mark")
			if f := t.addressee(p, h, i); m >= 0 && t.lemma[m] == "to" && f >= 0 {
				return f, inherited // "called for Moscow to free": Moscow
			}
			if m >= 0 && !(p.toks[i].tag == "VBG" && gerundMarks[t.lemma[m]]) {
				return -1, false
			}
			if o := t.child(h, "obj"); m >= 0 && o >= 0 {
				return o, inherited // "accused India of providing": India
			}
			i = h
		default:
			return -1, false
		}
	}
	return -1, false
}

// addressee returns the oblique of verb h before its infinitive i that an
// appeal addresses ("called for Moscow to free", "called on Kyiv to
// withdraw", "appealed to the UN to act"), or -1.
func (t *tree) addressee(p *parser, h, i int) int {
	if !appealVerbs[t.lemma[h]] {
		return -1
	}
	for k := h + 1; k < i; k++ {
		if t.head[k] != h || t.rel[k] != "obl" {
			continue
		}
		if c := t.child(k, "case"); c >= 0 {
			switch t.lemma[c] {
			case "for", "on", "upon", "to", "with":
				return k
			}
		}
	}
	return -1
}

// appealVerbs take their addressee in an oblique before the infinitive
// of what they ask.
var appealVerbs = map[string]bool{"call": true, "appeal": true, "press": true, "plead": true, "push": true,
	"petition": true, "lobby": true, "look": true, "rely": true, "count": true, "wait": true}

// firstConjunct returns the first of the coordinated nouns that i belongs
// to ("Russia" in "the US, Russia and Switzerland": "the US").
func (t *tree) firstConjunct(i int) int {
	for n := 0; n < 8 && i >= 0 && t.rel[i] == "conj" && t.head[i] >= 0; n++ {
		i = t.head[i]
	}
	return i
}

// clauseDepth counts the adverbial and adnominal clauses (advcl, acl,
// acl:relcl) on the way from token i to the root: an event told in such a
// clause ("after rebels kidnapped", "a proposal urging") is seldom the
// sentence's main one.
func (t *tree) clauseDepth(i int) int {
	n := 0
	for steps := 0; i >= 0 && steps < 64; steps++ {
		switch t.rel[i] {
		case "advcl", "acl", "acl:relcl":
			n++
		}
		i = t.head[i]
	}
	return n
}

// usableSubject reports whether the tree's subject word ts heads a noun
// phrase that can be a doer: a time phrase ("this month, Ishiba
// visited", a parse slip) is not.
func (p *parser) usableSubject(ts int) bool {
	c := chunkOf(p, ts)
	return c >= 0 && !temporalChunk(p, c)
}

// treeCoordinated returns the NP chunks of noun i and of the nouns
// coordinated with it ("the BLA and other separatist groups"), from the
// tree; where the tree coordinates nothing it falls back on the chunker's
// reading of the list around i ("the US, Russia, and Switzerland").
func (p *parser) treeCoordinated(i int) []int {
	first := p.tr.firstConjunct(i)
	var out []int
	add := func(k int) {
		c := chunkOf(p, k)
		if c < 0 {
			return
		}
		for _, x := range out {
			if x == c {
				return
			}
		}
		out = append(out, c)
	}
	add(first)
	for k, h := range p.tr.head {
		if h == first && p.tr.rel[k] == "conj" {
			add(k)
		}
	}
	if len(out) == 1 {
		// Only a list that holds the tree's noun: "office, China
		// conducted" is no list.
		if list := p.coordinated(nil, p.firstConjunct(out[0])); slices.Contains(list, out[0]) {
			return list
		}
	}
	return out
}

// dropAppositions removes from the NP chunks nps those headed by a common
// noun that the tree makes an apposition of another of them ("Lai, a
// 77-year-old British national": one person, not two).
func (p *parser) dropAppositions(nps []int) []int {
	if len(nps) < 2 {
		return nps
	}
	out := nps[:0:0]
	for _, c := range nps {
		if c >= 0 {
			h := p.nps[c].head
			// A name in apposition is rather a list the parse took for
			// one ("the US, Russia, and Switzerland").
			if x := p.tr.head[h]; p.tr.rel[h] == "appos" && isNounTag(p.toks[h].tag) && p.toks[h].tag != "NNP" && p.toks[h].tag != "NNPS" &&
				x >= 0 && slices.Contains(nps, chunkOf(p, x)) && chunkOf(p, x) != c {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// hearsayVerbs report what someone did without the text vouching for it.
var hearsayVerbs = map[string]bool{"accuse": true, "allege": true, "claim": true, "suspect": true, "charge": true}

// claimed reports whether word i is the verb of a clause that a claim
// verb governs ("accused India of providing", "alleged that France
// helped", "claimed to be holding"), at most two clauses up.
func (t *tree) claimed(p *parser, i int) bool {
	for steps := 0; steps < 2 && i >= 0; steps++ {
		switch t.rel[i] {
		case "ccomp", "xcomp", "advcl", "conj":
		default:
			return false
		}
		h := t.head[i]
		if h < 0 {
			return false
		}
		if hearsayVerbs[t.lemma[h]] && t.rel[i] != "conj" {
			return true
		}
		i = h
	}
	return false
}

// gerundMarks introduce a gerund whose doer is the governing clause's.
var gerundMarks = map[string]bool{"at": true, "of": true, "for": true, "by": true, "in": true, "on": true,
	"without": true, "about": true, "through": true, "despite": true}

// subordinators open a clause; the parse sometimes takes them for
// prepositions and the clause's subject for their object ("before
// Russia invaded Ukraine": Russia as an nmod with "before").
var subordinators = map[string]bool{"before": true, "after": true, "since": true, "until": true,
	"while": true, "as": true, "because": true, "when": true, "once": true}

// subordinatedSubject returns the noun right before verb i's group when
// the tree has no subject for i and makes that noun the object of a
// subordinator, or -1.
func (t *tree) subordinatedSubject(p *parser, i int) int {
	if t.child(i, "nsubj", "nsubj:pass", "nsubj:outer", "csubj") >= 0 || p.toks[i].vg < 0 {
		return -1
	}
	b := p.vgs[p.toks[i].vg].start - 1
	if b < 0 || p.toks[b].np < 0 {
		return -1
	}
	h := p.nps[p.toks[b].np].head
	if h != b && p.nps[p.toks[b].np].end != b+1 {
		return -1
	}
	if cs := t.child(h, "case", "mark"); cs >= 0 && subordinators[p.toks[cs].lemma] && cs == p.nps[p.toks[b].np].start-1 {
		return h
	}
	return -1
}

// weighVerbs consider an act without doing it.
var weighVerbs = map[string]bool{"consider": true, "discuss": true, "hint": true, "mull": true, "weigh": true,
	"contemplate": true, "debate": true, "propose": true, "suggest": true, "explore": true, "study": true,
	"interested": true}

// weighed reports whether word i is the verb of a clause that a verb of
// weighing governs ("hinting at lifting", "considering imposing").
func (t *tree) weighed(p *parser, i int) bool {
	switch t.rel[i] {
	case "xcomp", "ccomp", "advcl", "acl":
	default:
		return false
	}
	h := t.head[i]
	return h >= 0 && weighVerbs[t.lemma[h]]
}

// agent returns the obl:agent of passive verb i ("was attacked by X"), or -1.
func (t *tree) agent(i int) int { return t.child(i, "obl:agent") }

// chunkOf returns the NP chunk of token i, -1 if i is no part of one.
func chunkOf(p *parser, i int) int {
	if i < 0 || i >= len(p.toks) {
		return -1
	}
	return p.toks[i].np
}

// treeObjects returns the NP chunks the tree makes the object or indirect
// object of verb trigger k, with their conjuncts, and for an appeal or
// demand the addressee of "call for/on X to V", "appeal to X to V".
func treeObjects(p *parser, k *cand) []int {
	var out []int
	t := &p.tr
	for i, h := range t.head {
		if h != k.trigger {
			continue
		}
		switch t.rel[i] {
		case "obj", "iobj":
		case "obl":
			// The addressee of an appeal: "called on X to V".
			if !appealCode(k.code.CAMEO) || t.addressee(p, k.trigger, t.child(k.trigger, "xcomp", "advcl")) != i {
				continue
			}
		default:
			continue
		}
		out = p.addWithConjuncts(out, i)
	}
	return out
}

// addWithConjuncts appends to out the NP chunk headed by token i and those
// of its conjuncts, each once.
func (p *parser) addWithConjuncts(out []int, i int) []int {
	add := func(i int) {
		if ni := chunkOf(p, i); ni >= 0 && p.nps[ni].head == i && !slices.Contains(out, ni) {
			out = append(out, ni)
		}
	}
	add(i)
	for j, hj := range p.tr.head {
		if hj == i && p.tr.rel[j] == "conj" {
			add(j)
		}
	}
	return out
}

// appealCode reports whether CAMEO code x is an appeal or a demand (02x,
// 10x), whose addressee is its target.
func appealCode(x string) bool { return x[:2] == "02" || x[:2] == "10" }

// headNamesActor reports whether the head word of NP chunk ni names an
// actor by itself: an object pronoun ("him", "them"), or a name or a word
// for people or a body ("Ukraine", "the rebels", "the government"); not a
// thing that an actor word modifies ("the military drills", "their
// concerns") or that reaches an actor through "with" ("the Malabar
// exercise with the other three countries").
func (c *Coder) headNamesActor(d *text.Document, si int, p *parser, ni int) bool {
	h := p.nps[ni].head
	if p.toks[h].tag == "PRP" {
		switch strings.ToLower(p.toks[h].text) {
		case "him", "her", "them", "us", "it":
			return true
		}
		return false
	}
	first := d.Sentences[si].FirstToken
	sp := d.Tokens[first+h].Span
	if tg := p.toks[h].tag; tg == "NNP" || tg == "NNPS" {
		// A name of several words ("the United Nations"): the chunk's own
		// words, without a phrase after it.
		sp.Start = d.Tokens[first+p.nps[ni].start].Start
	}
	a, ok := c.res.Resolve(d, sp)
	return ok && a != nil && a.Code != ""
}

// thingDoer reports whether NP chunk ni, the doer of a verb with CAMEO
// code x, is a thing rather than an actor: its head word is a thing an
// actor word modifies ("a second Iranian ship", "a French military base",
// "the Chinese Exclusion Act"), not a weapon of an attack ("Russian drones
// struck Kyiv").
func (c *Coder) thingDoer(d *text.Document, si int, p *parser, ni int, x string) bool {
	h := p.nps[ni].head
	l := p.toks[h].lemma
	if !thingNouns[l] || violent(x) && weaponNouns[l] {
		return false
	}
	return !c.headNamesActor(d, si, p, ni)
}

// thingNouns are things that news names with an actor's adjective ("the
// Iranian ship", "a U.S. base", "the Chinese economy") and that do nothing
// political themselves.
var thingNouns = map[string]bool{"ship": true, "vessel": true, "tanker": true, "boat": true, "plane": true,
	"aircraft": true, "jet": true, "helicopter": true, "drone": true, "base": true, "building": true, "hotel": true,
	"port": true, "airport": true, "site": true, "facility": true, "plant": true, "factory": true, "camp": true,
	"product": true, "goods": true, "export": true, "import": true, "investment": true, "economy": true,
	"market": true, "currency": true, "law": true, "act": true, "bill": true, "constitution": true,
	"report": true, "study": true, "survey": true, "document": true, "letter": true, "video": true, "film": true,
	"book": true, "website": true, "system": true, "program": true, "programme": true, "project": true,
	"plan": true, "policy": true, "deal": true, "agreement": true, "pact": true, "decision": true, "move": true,
	"measure": true, "tariff": true, "weapon": true, "missile": true, "rocket": true, "satellite": true,
	"company": false, "partnership": true, "relation": true, "tie": true, "interest": true}

// weaponNouns stand for those who use them as the doers of an attack.
var weaponNouns = map[string]bool{"drone": true, "missile": true, "rocket": true, "plane": true,
	"aircraft": true, "jet": true, "helicopter": true, "ship": true, "vessel": true, "boat": true}

// clausePeople returns the NP chunks of the subjects and objects of the
// participial and relative clauses on noun h, with their conjuncts ("a
// bus transporting a paramilitary force", "a hotel where elders and
// officials were meeting").
func clausePeople(p *parser, h int) []int {
	var out []int
	t := &p.tr
	for cl, hc := range t.head {
		if hc != h || t.rel[cl] != "acl" && t.rel[cl] != "acl:relcl" {
			continue
		}
		for i, hi := range t.head {
			if hi != cl {
				continue
			}
			switch t.rel[i] {
			case "obj", "nsubj", "nsubj:pass":
				if !relativeWord(p, i) {
					out = p.addWithConjuncts(out, i)
				}
			}
		}
	}
	return out
}

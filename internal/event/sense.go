package event

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Sense: a pattern's verb or noun has one meaning among several, and the
// arguments decide which. "called the FDA" is a telephone call, "called
// the alert extreme" is criticism and "a town called Låsby" no event;
// "held five men" is a detention, "held a session" is not; "cholera has
// killed 1,200" is a death toll, not an assault.

// callComplement is what follows "call X" when it names rather than
// phones: a noun phrase, an adjective or a quotation ("called the death
// a suicide", "called the alert extreme", "called it 'a punishment'").
// It returns the complement's start token, or -1.
func callComplement(p *parser, obj int) int {
	if obj < 0 {
		return -1
	}
	ch := &p.nps[obj]
	for i := ch.start + 1; i < ch.end; i++ {
		if quoteMark(p.toks[i].text) {
			return i // "called Canada “one of ...”" chunked as one phrase
		}
	}
	i := ch.end
	if i >= len(p.toks) {
		return -1
	}
	if p.toks[i].tag == "POS" && i+1 < len(p.toks) && p.toks[i+1].np >= 0 {
		// "called Tamalt's death a shocking blow": past the possessed noun.
		i = p.nps[p.toks[i+1].np].end
		if i >= len(p.toks) {
			return -1
		}
	}
	if p.toks[i].tag == "IN" && i+1 < len(p.toks) && p.toks[i+1].np >= 0 {
		// "called the detention center at Guantanamo Bay “the perfect
		// place”": past a prepositional phrase of the object.
		if j := p.nps[p.toks[i+1].np].end; j < len(p.toks) && (quoteMark(p.toks[j].text) || p.toks[j].tag == "JJ") {
			return j
		}
		return -1
	}
	t := &p.toks[i]
	if t.np >= 0 || t.tag == "JJ" || t.tag == "DT" || quoteMark(t.text) || t.tag == "RB" && i+1 < len(p.toks) && p.toks[i+1].tag == "JJ" {
		return i
	}
	return -1
}

func quoteMark(w string) bool {
	switch w {
	case "\"", "“", "”", "``", "''", "‘", "’":
		return true
	}
	return false
}

// disparaging words in the complement of "call X ...": the speaker
// disapproves of X ("called X a liar", "called the alert imprudent").
var disparaging = map[string]bool{
	"liar": true, "lie": true, "lies": true, "criminal": true, "terrorist": true, "terrorism": true, "murder": true,
	"murderer": true, "dictator": true, "thug": true, "traitor": true, "puppet": true, "propaganda": true, "plot": true,
	"provocation": true, "shameful": true, "shocking": true, "outrageous": true, "unacceptable": true, "unbearable": true,
	"imprudent": true, "extreme": true, "irresponsible": true, "illegal": true, "illegitimate": true, "absurd": true,
	"baseless": true, "ridiculous": true, "heinous": true, "disgrace": true, "disgraceful": true, "blow": true,
	"insult": true, "disappointing": true, "abusive": true, "nasty": true, "farce": true, "sham": true, "fraud": true, "hypocrisy": true, "hypocritical": true, "brutal": true,
	"barbaric": true, "cowardly": true, "aggression": true, "aggressive": true, "dangerous": true, "reckless": true,
	"punishment": true, "violation": true, "crime": true, "genocide": true, "racist": true, "unjust": true,
	"unfair": true, "wrong": true, "mistake": true, "failure": true, "nonsense": true, "hostile": true,
}

// callSense settles the telephone code (041) of "call X": kept when X is
// called, recoded to criticism (111) when X is named something
// disparaging, dropped when X is only named or the call convenes a
// meeting ("called an emergency cabinet meeting"). It returns false to
// drop the candidate.
func (c *Coder) callSense(p *parser, k *cand, g *vg, obj int) bool {
	if k.code.CAMEO != "041" || g.lemma != "call" {
		return true
	}
	if g.passive || p.toks[g.main].tag == "VBN" && !g.finite || reducedRelative(p, g.main) {
		return false // "a town called Låsby", "a program called ..."
	}
	if g.start > 0 && p.toks[g.start-1].np >= 0 && p.finiteFollows(k.vg) {
		return false // "a defector from the group called the Sea Org was persuaded"
	}
	if g.start > 0 {
		switch p.toks[g.start-1].text {
		case "what", "What", "which", "who":
			return false // "what it called resistance workers"
		}
		if g.start > 1 && p.toks[g.start-2].text == "what" {
			return false // "what they called a victory"
		}
	}
	if g.end < len(p.toks) && p.toks[g.end].np >= 0 {
		obj = p.toks[g.end].np // the object itself, not a target further on
	}
	if obj >= 0 {
		switch lowerASCII(p.toks[p.nps[obj].head].text) {
		case "meeting", "meetings", "session", "sessions", "election", "elections", "referendum", "vote", "strike", "summit", "conference",
			"halt", "truce", "ceasefire", "recess", "inquiry", "hearing", "press", "news":
			return false
		}
	}
	at := callComplement(p, obj)
	if at < 0 {
		return true
	}
	end := clauseLimit(p, at)
	for i := at; i < end && i < at+12; i++ {
		if i > at && p.toks[i].vg >= 0 {
			break // "the perfect place to hold criminals": a clause of its own
		}
		if disparaging[lemmaOf(&p.toks[i])] {
			if x, ok := c.dict.codes["111"]; ok {
				k.code = x
				return true
			}
		}
	}
	return false
}

// custodyVerbs take a person or group as object in their custody sense:
// "held five men", "released the hostages", not "held a session",
// "released its annual report", "hold shares".
var custodyVerbs = map[string]bool{"hold": true, "release": true, "free": true, "detain": true, "arrest": true, "jail": true, "imprison": true,
	"return": true, "charge": true, "recognize": true, "recognise": true}

// custodySense reports whether a custody candidate (arrest 173,
// release 084x, ban 132 by "hold") has a person or group for object. The
// object must resolve to an actor or be a noun for people.
func (c *Coder) custodySense(k *cand, lemma string, p *parser, tgts []side) bool {
	if !custodyVerbs[lemma] {
		return true
	}
	cc := k.code.CAMEO
	if cc[:2] != "17" && cc[:3] != "084" && cc != "132" && cc[:2] != "08" && cc[:3] != "054" {
		return true
	}
	if k.passive {
		return true // "were held in Evin", "was freed": the subject is the person
	}
	if len(tgts) > 0 && !k.setting {
		return true
	}
	for _, ni := range k.tgt {
		if ni < 0 || ni >= len(p.nps) {
			continue
		}
		if p.nps[ni].pron || people(p, ni) {
			return true
		}
		// "thousands of Tamil civilian refugees": the people after "of".
		if e := p.nps[ni].end; e+1 < len(p.toks) && p.toks[e].text == "of" {
			for i := e + 1; i < len(p.toks) && i < e+6 && p.toks[i].np >= 0; i = p.nps[p.toks[i].np].end {
				if people(p, p.toks[i].np) {
					return true
				}
			}
		}
	}
	return false
}

// peopleNouns name people or groups of them.
var peopleNouns = map[string]bool{
	"people": true, "person": true, "man": true, "men": true, "woman": true, "women": true, "child": true, "children": true,
	"civilian": true, "refugee": true, "migrant": true, "student": true, "journalist": true, "reporter": true,
	"activist": true, "protester": true, "demonstrator": true, "soldier": true, "troop": true, "officer": true,
	"official": true, "member": true, "leader": true, "worker": true, "employee": true, "citizen": true, "national": true,
	"suspect": true, "militant": true, "rebel": true, "fighter": true, "opponent": true, "dissident": true, "critic": true,
	"crew": true, "sailor": true, "fisherman": true, "passenger": true, "tourist": true, "doctor": true, "nurse": true,
	"lawyer": true, "priest": true, "monk": true, "villager": true, "resident": true, "family": true, "relative": true,
	"aide": true, "delegation": true, "team": true, "envoy": true, "mission": true, "minister": true, "politician": true, "lawmaker": true, "candidate": true, "blogger": true,
}

func people(p *parser, ni int) bool {
	l := lemmaOf(&p.toks[p.nps[ni].head])
	if personNoun[l] || peopleNouns[l] {
		return true
	}
	if n := len(l); n > 3 && l[n-1] == 's' {
		return personNoun[l[:n-1]] || peopleNouns[l[:n-1]]
	}
	return false
}

// nonAgents are causes of death and damage that are no actors: a
// disease, a disaster, an accident. "cholera has killed 1,200" is a
// death toll, not an assault.
var nonAgents = map[string]bool{
	"disease": true, "epidemic": true, "outbreak": true, "pandemic": true, "virus": true, "flu": true, "influenza": true,
	"cholera": true, "plague": true, "malaria": true, "ebola": true, "measles": true, "covid": true, "covid-19": true,
	"coronavirus": true, "infection": true, "illness": true, "fever": true, "tuberculosis": true, "aids": true, "hiv": true,
	"h5n1": true, "dengue": true, "typhoid": true, "meningitis": true, "cancer": true, "famine": true,
	"storm": true, "cyclone": true, "hurricane": true, "typhoon": true, "tornado": true, "earthquake": true, "quake": true,
	"tsunami": true, "flood": true, "flooding": true, "floods": true, "landslide": true, "mudslide": true, "avalanche": true,
	"wildfire": true, "blaze": true, "fire": true, "heat": true, "heatwave": true, "drought": true, "rain": true, "rains": true,
	"snow": true, "cold": true, "lightning": true, "eruption": true, "volcano": true, "disaster": true,
	"accident": true, "crash": true, "collision": true, "derailment": true, "capsize": true, "collapse": true, "stampede": true,
	"overdose": true, "poisoning": true,
}

// nonAgentCause reports whether a violent candidate's cause is a
// disease, a disaster or an accident: its subject (or agent) names one,
// or, with no doer named, the clause around the trigger does ("nine
// people were killed after an outbreak of cholera").
func nonAgentCause(p *parser, k *cand) bool {
	if r := k.code.CAMEO[:2]; r != "18" && r != "19" && r != "20" {
		return false
	}
	for _, ni := range k.src {
		if ni < 0 || ni >= len(p.nps) {
			continue
		}
		for i := p.nps[ni].start; i < p.nps[ni].end; i++ {
			if nonAgentWord(&p.toks[i]) {
				return true
			}
		}
	}
	// The tree: the trigger's subject or agent, and its causes ("after an
	// outbreak of cholera", "in a crash"), with their own modifiers
	// ("a cholera epidemic in Angola").
	if p.doc == nil || p.doc.Syntax == nil {
		return false
	}
	trig := p.first + k.trigger
	subject := false
	for i := range p.toks {
		h := p.doc.Syntax[p.first+i].Head
		if h != trig {
			continue
		}
		if r := p.rel(i); r == "nsubj" || r == "obl:agent" {
			subject = true
		}
		switch p.rel(i) {
		case "nsubj", "obl:agent", "obl", "advcl", "nmod", "csubj":
		default:
			continue
		}
		if nonAgentWord(&p.toks[i]) {
			return true
		}
		for j := range p.toks {
			if p.doc.Syntax[p.first+j].Head == p.first+i && nonAgentWord(&p.toks[j]) {
				switch p.rel(j) {
				case "compound", "amod", "nmod", "flat", "appos":
					return true
				}
			}
		}
	}
	if subject {
		return false
	}
	// No doer in the tree ("nine people were killed ... after an outbreak
	// of cholera"; a tree that missed the subject): the clause's words.
	for i := 0; i < min(k.trigger+14, len(p.toks)); i++ {
		if nonAgentWord(&p.toks[i]) {
			return true
		}
	}
	return false
}

func nonAgentWord(t *tok) bool { return nonAgents[lemmaOf(t)] }

// lemmaOf is a token's lemma, or its lowercased text when the lexicon
// does not know it.
func lemmaOf(t *tok) string {
	if t.lemma != "" {
		return t.lemma
	}
	return lowerASCII(t.text)
}

// reciprocal reports whether co-subjects of an event with no target act
// on each other: "A and B met", "signed", "clashed", but not "A and B
// supported the call" or "reject claims".
func reciprocal(cameo string) bool {
	switch cameo[:2] {
	case "04", "06", "19":
		return true
	case "03":
		return true
	case "05":
		return cameo[:3] == "057" || cameo[:3] == "046"
	}
	return false
}

// duplicate reports whether events already holds ev's trigger with the
// same source and target codes: one record per trigger and dyad ("the
// five nurses and one doctor arrived", two people of one country).
func duplicate(events []text.Event, ev *text.Event) bool {
	for i := len(events) - 1; i >= 0; i-- {
		e := &events[i]
		if e.Sentence != ev.Sentence {
			return false
		}
		if e.Trigger != ev.Trigger || e.CAMEO != ev.CAMEO || e.Source.Code != ev.Source.Code {
			continue
		}
		if (e.Target == nil) != (ev.Target == nil) || e.Target != nil && e.Target.Code != ev.Target.Code {
			continue
		}
		return true
	}
	return false
}

// dealtWith reports whether source NP ni is a thing done with others
// ("our deals with Albania and France are yielding benefits"): a common
// noun, not people, followed by "with". Those it was done with are no
// source; as a target ("signed an agreement with the EU") they are.
func dealtWith(p *parser, ni int) bool {
	if ni < 0 || ni >= len(p.nps) {
		return false
	}
	ch := &p.nps[ni]
	h := p.toks[ch.head].tag
	return (h == "NN" || h == "NNS") && !ch.pron && !people(p, ni) && ch.end < len(p.toks) && p.toks[ch.end].text == "with"
}

// bareNominal reports whether a nominal event names no one it was done
// to: "the Russia-Ukraine war", "a Ukraine ceasefire deal", "their talks
// in Canada". A careful coder records an act told by a noun only with
// both its sides; protests (14x) have none to name, and violence may have
// only the place it struck ("Russian shelling in the east of Ukraine").
// figurative reports whether candidate k is violence only in a figure of
// speech: a "trade war", a "price war", a "war of words"; "engaged with"
// (taking part in, not fighting).
func figurative(p *parser, k *cand) bool {
	if k.code.CAMEO[:2] != "19" && k.code.CAMEO[:2] != "18" {
		return false
	}
	i := k.trigger
	t := &p.toks[i]
	switch t.lemma {
	case "war":
		for j := i - 1; j >= 0 && j >= i-3 && (p.toks[j].np == t.np || p.toks[j].text == "-"); j-- {
			for _, w := range strings.FieldsFunc(strings.ToLower(p.toks[j].text), func(r rune) bool { return r == '-' }) {
				if figurativeWar[w] {
					return true // "trade war", "tariff-trade wars"
				}
			}
		}
		return i+2 < len(p.toks) && p.toks[i+1].text == "of" && (p.toks[i+2].lemma == "word" || p.toks[i+2].text == "words")
	case "engage":
		return k.passive || i+1 < len(p.toks) && p.toks[i+1].text == "with" // "are deeply engaged with TikTok"
	}
	return false
}

// loneFighter reports whether violence k is told of one person with
// nobody fought ("he's still fighting", "she fought on"): a figure of
// speech, not a clash; a person may attack or kill someone named.
func loneFighter(d *text.Document, p *parser, k *cand, srcs, tgts []side) bool {
	if !violent(k.code.CAMEO) || len(tgts) > 0 || len(srcs) != 1 || len(k.src) != 1 || k.src[0] < 0 {
		return false
	}
	ch := &p.nps[k.src[0]]
	if ch.pron {
		switch strings.ToLower(p.toks[ch.head].text) {
		case "he", "she", "i":
			return true
		}
		return false
	}
	return namesPerson(d, srcs[0].sp) && (p.toks[ch.head].tag == "NNP" || p.toks[ch.head].tag == "NNPS")
}

// figurativeWar words make a "war" no fighting.
var figurativeWar = map[string]bool{"trade": true, "tariff": true, "price": true, "culture": true, "currency": true,
	"chip": true, "tech": true, "technology": true, "propaganda": true, "information": true, "bidding": true, "turf": true}

func bareNominal(k *cand, tgts []side) bool {
	if k.pat.kind != nounPattern || k.code.CAMEO[:2] == "14" {
		return false
	}
	return len(tgts) == 0 || k.setting && !violent(k.code.CAMEO)
}

// victims are the subject of a passive "killed", "wounded", "injured"
// that nominal ni is the means of: "four children were killed in Israeli
// tank shelling" (the shelling's target is the children).
func victims(p *parser, ni int) []int {
	s := p.nps[ni].start
	if s < 2 || (p.toks[s-1].text != "in" && p.toks[s-1].text != "by") {
		return nil
	}
	vi := p.toks[s-2].vg
	if vi < 0 {
		return nil
	}
	g := &p.vgs[vi]
	switch g.lemma {
	case "kill", "wound", "injure", "hurt", "maim":
	default:
		return nil
	}
	if !g.passive {
		return nil
	}
	return append([]int(nil), p.subject(vi)...)
}

// welcomeSense: "welcome X to Y" hosts a visit (043) only when X is
// people or an actor; "welcomed Ukraine's agreement to a ceasefire" is an
// optimistic comment on it (013).
func (c *Coder) welcomeSense(p *parser, k *cand, g *vg) {
	if k.code.CAMEO != "043" || g.lemma != "welcome" || g.end >= len(p.toks) || p.toks[g.end].np < 0 {
		return
	}
	ni := p.toks[g.end].np
	if p.nps[ni].possessor && ni+1 < len(p.nps) && p.nps[ni+1].poss == ni {
		ni++ // "Ukraine's agreement"
	}
	h := &p.toks[p.nps[ni].head]
	if isEventNoun(c, h) || !people(p, ni) && !isUpperWord(h.text) && !p.nps[ni].pron {
		if x, ok := c.dict.codes["013"]; ok {
			k.code = x
		}
	}
}

// policyNouns are what a government considers as an option (014).
var policyNouns = map[string]bool{
	"proposal": true, "plan": true, "option": true, "options": true, "request": true, "offer": true, "measure": true,
	"sanction": true, "bill": true, "resolution": true, "move": true, "idea": true, "step": true, "deal": true,
	"agreement": true, "law": true, "ban": true, "action": true, "response": true, "appeal": true, "demand": true,
	"bid": true, "application": true, "candidacy": true, "withdrawal": true, "deployment": true, "strike": true,
}

// objectSense checks verbs whose code holds for some objects only:
// "received the delegation" hosts a visit (043), "received $94 million"
// or "received support" does not; "considers the proposal" weighs a
// policy option (014), "consider changing their name" or "considers AI a
// tool" does not.
func objectSense(p *parser, k *cand, g *vg) bool {
	obj := -1
	if g.end < len(p.toks) {
		obj = p.toks[g.end].np
	}
	switch {
	case g.lemma == "receive" && k.code.CAMEO[:2] == "04":
		if g.passive {
			return true
		}
		return obj >= 0 && (p.nps[obj].pron || people(p, obj) || p.toks[p.nps[obj].head].tag == "NNP")
	case g.lemma == "consider" && k.code.CAMEO == "014":
		if obj < 0 || callComplement(p, obj) >= 0 {
			return false
		}
		return policyNouns[lemmaOf(&p.toks[p.nps[obj].head])] || policyNouns[lowerASCII(p.toks[p.nps[obj].head].text)]
	}
	return true
}

// placeApposition keeps one target of "Sofia, Bulgaria": a place and,
// after a comma, the country it is in are one place.
func placeApposition(d *text.Document, tgts []side) []side {
	for i := 1; i < len(tgts); i++ {
		a, b := &tgts[i-1], &tgts[i]
		if a.act.Country != "" && a.act.Country == b.act.Country && b.act.Code == b.act.Country && a.sp.End <= b.sp.Start &&
			strings.TrimSpace(d.Text[a.sp.End:b.sp.Start]) == "," {
			return append(tgts[:i], tgts[i+1:]...)
		}
	}
	return tgts
}

// homecoming reports whether a visit (042) goes to the visitor's own
// country or its capital: "the five Bulgarian nurses arrived in Sofia"
// came home; no state was visited.
func homecoming(cameo string, src, tgt *side) bool {
	if cameo[:3] != "042" {
		return false
	}
	t := tgt.act
	return t.Country != "" && src.act.Country == t.Country && (t.Code == t.Country || t.Code == t.Country+"GOV")
}

// reducedRelative reports whether the tree makes verb i modify a noun
// ("a town called Låsby": acl of "town"). A noun opening the sentence is
// taken for the verb's subject, whatever the tree says ("Zelensky called
// the offer a lie").
func reducedRelative(p *parser, i int) bool {
	if r := p.rel(i); r != "acl" && r != "amod" {
		return false
	}
	h := p.doc.Syntax[p.first+i].Head - p.first
	if h <= 0 || h >= len(p.toks) || h > i {
		return false
	}
	switch p.toks[h].tag {
	case "NN", "NNS", "NNP", "NNPS":
		return true
	}
	return false
}

// boilerplate reports whether a sentence is a link or a caption, not
// news: "READ MORE: ...", "Related: ...", "More: ...", "See also ...",
// "Watch: ...", "FILE PHOTO ...", "FILE - ..." (a photo caption).
func boilerplate(words []string) bool {
	if len(words) < 2 {
		return false
	}
	w0, w1 := strings.ToLower(words[0]), strings.ToLower(words[1])
	switch {
	case (w0 == "read" || w0 == "see") && (w1 == "more" || w1 == "also"):
		return true
	case (w0 == "more" || w0 == "related" || w0 == "watch" || w0 == "listen" || w0 == "photo") && (w1 == ":" || w1 == "|"):
		return true
	case words[0] == "FILE" && (w1 == "photo" || w1 == "-" || w1 == "–" || w1 == "—"):
		return true
	}
	return false
}

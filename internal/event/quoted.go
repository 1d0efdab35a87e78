package event

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// The verbal acts a quotation can be: what the speaker did by saying it.
const (
	actAccuse   = "accuse"   // 11x: "They are liars", "Kyiv has betrayed every agreement"
	actDemand   = "demand"   // 10x: "Kyiv must withdraw its troops", "Stop the shelling"
	actThreaten = "threaten" // 13x: "we will respond with force", "they will pay"
)

// quoteAct is one verbal act found in a quotation's content: its CAMEO
// code and the token of the clause that tells it.
type quoteAct struct {
	kind  string
	cameo string
	tok   int // document token of the clause's predicate
	// target is the token whose actor the act is aimed at (the subject
	// of an accusation or a demand, the object of a threat), -1 when the
	// content names none.
	target int
}

// quoteEvents adds the verbal event of each quotation that the quote stage
// attributed to a speaker with an actor code and whose content accuses,
// demands or threatens: one event per quotation, kind of act and target,
// from the speaker (as the actor stage resolved him), aimed at the party
// the content names (the subject of the accusation or demand, the object
// of the threat, a pronoun as the actor stage resolved it) or else the one
// its framing names ("said of the Ukrainian leadership", "told Kyiv"), its
// trigger the quotation's span. A quotation whose act the coder already
// found from the speaker in its sentences ("warned that ...", "we will
// bomb") adds nothing but the target, when the coder's record has none.
// The saying is told as fact: the event is asserted.
func (c *Coder) quoteEvents(d *text.Document) {
	if len(d.Quotes) == 0 || d.Syntax == nil {
		return
	}
	n := len(d.Events)
	for qi := range d.Quotes {
		q := &d.Quotes[qi]
		if q.Kind != record.QuoteDirect || q.Speaker == nil || q.Speaker.Actor == nil || q.Speaker.Actor.Code == "" {
			continue
		}
		c.quoteActs(d, q, n)
	}
	if len(d.Events) > n {
		sort.SliceStable(d.Events, func(i, j int) bool { return d.Events[i].Sentence < d.Events[j].Sentence })
	}
}

// quoteActs finds the acts of quotation q and adds their events; events
// before index n are the coder's own.
func (c *Coder) quoteActs(d *text.Document, q *text.Quote, n int) {
	speaker := q.Speaker.Actor
	type found struct {
		act quoteAct
		si  int
		tgt *text.EventActor
	}
	var acts []found
	for si := range d.Sentences {
		sent := &d.Sentences[si]
		if sent.End <= q.Start || sent.Start >= q.End {
			continue
		}
		if asks(d, sent, q) {
			continue
		}
		for _, a := range c.quoteClauses(d, sent, q) {
			acts = append(acts, found{a, si, c.quoteTarget(d, q, si, a)})
		}
	}
	// "It must withdraw its troops. Otherwise we will respond with
	// force": an act without a target of its own is aimed at the party
	// the quotation's other acts are.
	var named *text.EventActor
	for _, f := range acts {
		if f.tgt != nil && f.tgt.Code != speaker.Code {
			named = f.tgt
			break
		}
	}
	type key struct{ root, target string }
	seen := map[key]bool{}
	for _, f := range acts {
		a, tgt := f.act, f.tgt
		if tgt == nil && a.kind != actAccuse {
			tgt = named
		}
		code, ok := c.dict.codes[a.cameo]
		if !ok || tgt == nil || tgt.Code == speaker.Code || bystander(tgt.Code) || tgt.Country != "" && tgt.Country == speaker.Country && a.kind != actAccuse {
			continue
		}
		k := key{a.cameo[:2], tgt.Code}
		if seen[k] {
			continue
		}
		if i := coded(d.Events[:n], q, speaker.Code, a.cameo[:2]); i >= 0 {
			// "We will bomb Kyiv", coded from the speaker without a
			// target: the content names it.
			if e := &d.Events[i]; e.Target == nil {
				e.Target = tgt
			}
			seen[k] = true
			continue
		}
		seen[k] = true
		date := ""
		if len(d.Published) >= 10 {
			date = d.Published[:10]
		}
		d.Events = append(d.Events, text.Event{Source: eventActor(speaker, q.Speaker.Span), Target: tgt, CAMEO: code.CAMEO,
			PLOVER: code.PLOVER, PLOVERMode: code.Mode, Mode: text.ModeAsserted, QuadClass: code.QuadClass,
			Goldstein: code.Goldstein, Sentence: f.si, Trigger: q.Span, Date: date, Confidence: quoteConfidence})
	}
}

// bystander reports whether code is a party that accusations, demands and
// threats in the news are not aimed at: civilians, the media, schools.
func bystander(code string) bool {
	return strings.HasSuffix(code, "CVL") || strings.HasSuffix(code, "MED") || strings.HasSuffix(code, "EDU")
}

// quoteConfidence is the confidence of an event read from a quotation's
// content (see EVENTS-QUOTES.md for how often they were right).
const quoteConfidence = 0.6

// asks reports whether the part of sentence sent inside quotation q
// asks: a question accuses, demands or threatens only rhetorically.
func asks(d *text.Document, sent *text.Sentence, q *text.Quote) bool {
	end := min(sent.End, q.End)
	s := strings.TrimRight(d.Text[max(sent.Start, q.Start):end], " \"'”’,")
	return strings.HasSuffix(s, "?")
}

// coded returns the index of an event the coder already found, in
// quotation q or its cue, from the speaker with a code that starts with
// root, or -1.
func coded(events []text.Event, q *text.Quote, speaker, root string) int {
	for i := range events {
		e := &events[i]
		if e.Source.Code == speaker && strings.HasPrefix(e.CAMEO, root) && (q.Span.Overlaps(e.Trigger) || q.Cue != nil && q.Cue.Overlaps(e.Trigger)) {
			return i
		}
	}
	return -1
}

// inside reports whether token i lies inside quotation q.
func inside(d *text.Document, q *text.Quote, i int) bool {
	return d.Tokens[i].Start >= q.Start && d.Tokens[i].End <= q.End
}

// quoteClauses returns the acts of the clauses of sentence sent that lie
// inside quotation q.
func (c *Coder) quoteClauses(d *text.Document, sent *text.Sentence, q *text.Quote) []quoteAct {
	var acts []quoteAct
	for i := sent.FirstToken; i < sent.EndToken; i++ {
		if !inside(d, q, i) {
			continue
		}
		if a, ok := c.clauseAct(d, sent, q, i); ok {
			acts = append(acts, a)
		}
	}
	return acts
}

// kids returns the dependents of token h in sentence sent.
func kids(d *text.Document, sent *text.Sentence, h int) []int {
	var out []int
	for i := sent.FirstToken; i < sent.EndToken; i++ {
		if d.Syntax[i].Head == h {
			out = append(out, i)
		}
	}
	return out
}

// child returns the first dependent of h whose relation starts with rel,
// or -1.
func child(d *text.Document, sent *text.Sentence, h int, rels ...string) int {
	for _, k := range kids(d, sent, h) {
		for _, r := range rels {
			if d.Syntax[k].Rel == r || strings.HasPrefix(d.Syntax[k].Rel, r+":") {
				return k
			}
		}
	}
	return -1
}

// hasAux reports whether h has an auxiliary (or a negation, for "not")
// whose lemma is one of lemmas.
func hasAux(d *text.Document, sent *text.Sentence, h int, lemmas ...string) bool {
	for _, k := range kids(d, sent, h) {
		r := d.Syntax[k].Rel
		if r != "aux" && r != "advmod" && r != "aux:pass" {
			continue
		}
		l := strings.ToLower(d.Syntax[k].Lemma)
		w := strings.ToLower(d.TokenText(k))
		for _, x := range lemmas {
			if l == x || w == x {
				return true
			}
		}
	}
	return false
}

// negated reports whether h is negated ("not", "never", "no longer").
func negated(d *text.Document, sent *text.Sentence, h int) bool {
	for _, k := range kids(d, sent, h) {
		if w := strings.ToLower(d.TokenText(k)); d.Syntax[k].Rel == "advmod" && (w == "not" || w == "n't" || w == "n’t" || w == "never") {
			return true
		}
	}
	return false
}

// firstPerson reports whether token i is I, we, us or me: the speaker's
// own side.
func firstPerson(d *text.Document, i int) bool {
	switch strings.ToLower(d.TokenText(i)) {
	case "i", "we", "us", "me", "[we]":
		return true
	}
	return false
}

// clauseAct reads the act of the clause whose predicate is token h, if
// any: a label or a wrongdoing told of someone (accuse), what someone
// must or should do, or a bare order (demand), what the speaker's side
// will do to someone, or what someone will pay or face (threaten).
func (c *Coder) clauseAct(d *text.Document, sent *text.Sentence, q *text.Quote, h int) (quoteAct, bool) {
	sx := d.Syntax[h]
	lemma := strings.ToLower(sx.Lemma)
	subj := child(d, sent, h, "nsubj")
	if subj >= 0 && !inside(d, q, subj) {
		subj = -1
	}
	neg := negated(d, sent, h)
	switch r := sx.Rel; {
	case r == "acl" || strings.HasPrefix(r, "acl:") || r == "advcl" || r == "csubj" || child(d, sent, h, "mark") >= 0 && r != "xcomp":
		// "so that they should get an education", "the rule that any
		// submission ... should": a subordinate clause is no act.
		return quoteAct{}, false
	}
	modal := hasAux(d, sent, h, "will", "would", "'ll", "’ll", "shall", "could", "may", "might", "can", "must", "should")
	// Accusation by a label: "They are liars", "the regime is responsible".
	if child(d, sent, h, "cop") >= 0 && subj >= 0 && !neg && !modal && !firstPerson(d, subj) {
		if code, ok := accuseLabels[lemma]; ok {
			return quoteAct{kind: actAccuse, cameo: code, tok: h, target: subj}, true
		}
	}
	if sx.UPOS != "VERB" {
		return quoteAct{}, false
	}
	// Demand: "Kyiv must withdraw", "they should stop", "Europe needs to act".
	if subj >= 0 && !firstPerson(d, subj) && hasAux(d, sent, h, "must", "should", "ought") {
		if retribution[lemma] {
			// "they must pay": a threat of retribution.
			return quoteAct{kind: actThreaten, cameo: "130", tok: h, target: subj}, true
		}
		return quoteAct{kind: actDemand, cameo: demandCode(d, sent, h), tok: h, target: subj}, true
	}
	if lemma == "have" && subj >= 0 && !firstPerson(d, subj) && !neg && !modal {
		if x := child(d, sent, h, "xcomp"); x >= 0 && d.Syntax[x].UPOS == "VERB" && hasAux(d, sent, x, "to") {
			return quoteAct{kind: actDemand, cameo: demandCode(d, sent, x), tok: x, target: subj}, true
		}
	}
	// "We demand that Kyiv withdraw", "Pakistan expects the Afghan
	// government to uphold its responsibilities": the speaker's side
	// demanding of another.
	if demands[lemma] && subj >= 0 && !neg && !modal {
		if o := child(d, sent, h, "obj"); o >= 0 && child(d, sent, h, "xcomp") >= 0 {
			return quoteAct{kind: actDemand, cameo: demandCode(d, sent, child(d, sent, h, "xcomp")), tok: h, target: o}, true
		}
		if x := child(d, sent, h, "ccomp"); x >= 0 && lemma != "expect" {
			if s := child(d, sent, x, "nsubj"); s >= 0 {
				return quoteAct{kind: actDemand, cameo: demandCode(d, sent, x), tok: h, target: s}, true
			}
		}
	}
	// Demand by a bare order: "Withdraw your troops", "Stop the attacks".
	if subj < 0 && sx.XPOS == "VB" && imperative(d, sent, q, h) && orders[lemma] {
		return quoteAct{kind: actDemand, cameo: demandCode(d, sent, h), tok: h, target: -1}, true
	}
	// Threat: "we will respond with force", "they will pay".
	future := hasAux(d, sent, h, "will", "'ll", "’ll", "shall") || goingTo(d, sent, h)
	if future && neg && lemma == "hesitate" && subj >= 0 && firstPerson(d, subj) {
		// "We will not hesitate to strike": what the speaker's side
		// will not hesitate to do, it threatens.
		if x := child(d, sent, h, "xcomp"); x >= 0 {
			if code, ok := c.threatCode(strings.ToLower(d.Syntax[x].Lemma)); ok {
				return quoteAct{kind: actThreaten, cameo: code, tok: x, target: child(d, sent, x, "obj")}, true
			}
		}
	}
	if future && !neg && subj >= 0 {
		if firstPerson(d, subj) {
			if code, ok := c.threatCode(lemma); ok {
				return quoteAct{kind: actThreaten, cameo: code, tok: h, target: child(d, sent, h, "obj")}, true
			}
		} else if retribution[lemma] {
			return quoteAct{kind: actThreaten, cameo: "130", tok: h, target: subj}, true
		}
	}
	// Accusation by a wrongdoing told as done: "Kyiv has betrayed every
	// agreement", "the authorities have failed to address the threat".
	if subj >= 0 && !neg && !modal && !firstPerson(d, subj) && sx.XPOS != "VB" && sx.Rel != "xcomp" {
		if code, ok := wrongdoings[lemma]; ok {
			return quoteAct{kind: actAccuse, cameo: code, tok: h, target: subj}, true
		}
	}
	return quoteAct{}, false
}

// goingTo reports "be going to V" on h.
func goingTo(d *text.Document, sent *text.Sentence, h int) bool {
	hd := d.Syntax[h].Head
	return d.Syntax[h].Rel == "xcomp" && hd >= 0 && strings.EqualFold(d.TokenText(hd), "going") && hasAux(d, sent, hd, "be", "am", "is", "are", "'re", "’re")
}

// imperative reports whether h opens its clause inside quotation q: only
// punctuation, quotation marks, "please" and adverbs come before it.
func imperative(d *text.Document, sent *text.Sentence, q *text.Quote, h int) bool {
	if r := d.Syntax[h].Rel; r != "root" && r != "conj" && r != "parataxis" && r != "ccomp" {
		return false
	}
	for i := h - 1; i >= sent.FirstToken && inside(d, q, i); i-- {
		switch d.Syntax[i].UPOS {
		case "PUNCT", "ADV", "CCONJ", "INTJ":
			continue
		}
		if strings.EqualFold(d.TokenText(i), "please") {
			continue
		}
		return false
	}
	return true
}

// demandCode returns the code of a demand whose demanded act is h:
// withdrawal (106), ceasefire (107), talks (108), else 100.
func demandCode(d *text.Document, sent *text.Sentence, h int) string {
	l := strings.ToLower(d.Syntax[h].Lemma)
	switch l {
	case "withdraw", "leave", "retreat", "pull":
		return "106"
	case "negotiate", "talk":
		return "108"
	case "stop", "cease", "end", "halt":
		if o := child(d, sent, h, "obj"); o >= 0 {
			switch strings.ToLower(d.Syntax[o].Lemma) {
			case "fire", "fighting", "hostility", "attack", "shelling", "bombing", "war", "aggression", "strike":
				return "107"
			}
		}
	}
	return "100"
}

// accuseLabels are what calling someone accuses them of: names (111
// criticise or denounce) and guilt (112 accuse).
var accuseLabels = map[string]string{
	"liar": "111", "criminal": "112", "terrorist": "112", "murderer": "112", "killer": "112", "thug": "111",
	"bandit": "111", "aggressor": "112", "occupier": "112", "invader": "112", "traitor": "111", "puppet": "111",
	"fascist": "111", "nazi": "111", "hypocrite": "111", "warmonger": "111", "dictator": "111", "tyrant": "111",
	"gangster": "111", "mafia": "111", "hitman": "112", "gun": "112", "mercenary": "111", "coward": "111",
	"responsible": "112", "guilty": "112", "complicit": "112", "culpable": "112", "corrupt": "112",
	"hypocritical": "111", "irresponsible": "111", "illegitimate": "111", "barbaric": "111", "brutal": "111",
	"criminalization": "111", "provocation": "111", "provocative": "111", "lie": "111", "disgrace": "111",
	"disgraceful": "111", "shameful": "111", "outrageous": "111", "unacceptable": "111",
}

// wrongdoings are acts whose telling, of someone else, accuses them: 112
// accuse; a failure to act is criticism (111).
var wrongdoings = map[string]string{
	"lie": "112", "betray": "112", "violate": "112", "deceive": "112", "cheat": "112", "steal": "112",
	"rig": "112", "sabotage": "112", "orchestrate": "112", "mastermind": "112", "sponsor": "112",
	"harbor": "112", "harbour": "112", "undermine": "112", "interfere": "112", "meddle": "112",
	"destabilize": "112", "destabilise": "112", "commit": "112", "fail": "111", "ignore": "111",
	"provoke": "112", "loot": "112", "massacre": "112", "rip": "112", "usurp": "112",
}

// demands are the verbs by which the speaker's side demands in so many
// words.
var demands = map[string]bool{"demand": true, "insist": true, "expect": true, "require": true}

// orders are the verbs of a bare order that demands of another party.
var orders = map[string]bool{
	"stop": true, "withdraw": true, "leave": true, "release": true, "free": true, "end": true, "halt": true,
	"cease": true, "return": true, "pull": true, "hand": true, "surrender": true, "lift": true,
	"respect": true, "negotiate": true, "abandon": true, "drop": true,
}

// threatVerbs are what the speaker's side threatens to do: force (138),
// sanctions and cuts (1312, 131), else 130.
var threatVerbs = map[string]string{
	"respond": "138", "retaliate": "138", "strike": "138", "attack": "138", "destroy": "138", "hit": "138",
	"crush": "138", "annihilate": "138", "punish": "130", "invade": "138", "bomb": "138", "shoot": "138",
	"fight": "138", "defend": "138", "sanction": "1312", "boycott": "1312", "expel": "131", "cut": "131",
	"sever": "131", "suspend": "131", "block": "131",
}

// threatCode returns the code of a threat to do what verb lemma says: its
// own (threatVerbs), else, for a verb whose plain pattern in the
// dictionary is material conflict (quad class 4: CAMEO's threats are of
// such acts), threat of force (138) for force, of sanctions (1312) for
// sanctions and cuts, else 130.
func (c *Coder) threatCode(lemma string) (string, bool) {
	if code, ok := threatVerbs[lemma]; ok {
		return code, true
	}
	for _, pt := range c.dict.verbs[lemma] {
		if len(pt.words) > 0 || pt.block || pt.code == nil || pt.code.QuadClass != 4 {
			continue
		}
		switch pt.code.CAMEO[:2] {
		case "18", "19", "20":
			return "138", true
		case "16":
			return "1312", true
		}
		return "130", true
	}
	return "", false
}

// retribution is what a party is told it will undergo: "they will pay",
// "will face the consequences", "will regret it".
var retribution = map[string]bool{"pay": true, "face": true, "regret": true, "suffer": true, "rue": true}

// quoteTarget resolves the target of act a of quotation q in sentence si:
// the actor of the token the content names (through the entity and
// mention layers: a pronoun as the actor stage resolved it), else the
// party the framing names: "said of X", "about X", the cue's addressee
// ("told Kyiv", "warned Washington"). nil when none.
func (c *Coder) quoteTarget(d *text.Document, q *text.Quote, si int, a quoteAct) *text.EventActor {
	sent := &d.Sentences[si]
	if a.target >= 0 {
		if t := subtreeActor(d, sent, a.target); t != nil {
			return t
		}
		if d.Syntax[a.target].UPOS == "PRON" {
			// "Kyiv has betrayed every agreement. It must withdraw": a
			// pronoun the actor stage left unresolved is the last party
			// the quotation named before it, other than the speaker.
			for i := a.target - 1; i >= 0 && inside(d, q, i); i-- {
				if t := tokenActor(d, d.Tokens[i].Span); t != nil && t.Code != q.Speaker.Actor.Code {
					return t
				}
			}
		}
	}
	return framing(d, q)
}

// subtreeActor returns the actor of the entity or mention that covers
// token h, else the first in h's subtree, else nil.
func subtreeActor(d *text.Document, sent *text.Sentence, h int) *text.EventActor {
	if t := tokenActor(d, d.Tokens[h].Span); t != nil {
		return t
	}
	for i := sent.FirstToken; i < sent.EndToken; i++ {
		if i != h && dominates(d, h, i) {
			if t := tokenActor(d, d.Tokens[i].Span); t != nil {
				return t
			}
		}
	}
	return nil
}

// dominates reports whether token h is an ancestor of token i.
func dominates(d *text.Document, h, i int) bool {
	for k := 0; i >= 0 && k < 64; k++ {
		i = d.Syntax[i].Head
		if i == h {
			return true
		}
	}
	return false
}

// tokenActor returns the coded actor of the entity or mention overlapping
// span sp, or nil.
func tokenActor(d *text.Document, sp text.Span) *text.EventActor {
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Actor != nil && e.Actor.Code != "" && e.Overlaps(sp) {
			t := eventActor(e.Actor, e.Span)
			return &t
		}
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Actor != nil && m.Actor.Code != "" && m.Overlaps(sp) {
			t := eventActor(m.Actor, m.Span)
			return &t
		}
	}
	return nil
}

// framing returns the party the words around quotation q name as what it
// is about or whom it addresses: an "of", "about" or "against" phrase or
// an object of the cue or of the speaker ("said Lavrov of the Ukrainian
// leadership", "told Kyiv"); media and audiences are no target.
func framing(d *text.Document, q *text.Quote) *text.EventActor {
	if q.Cue == nil {
		return nil
	}
	cue := -1
	for i := range d.Tokens {
		if d.Tokens[i].Start >= q.Cue.Start && d.Tokens[i].End <= q.Cue.End {
			cue = i
			break
		}
	}
	if cue < 0 {
		return nil
	}
	si := d.SentenceOf(d.Tokens[cue].Start)
	if si < 0 {
		return nil
	}
	sent := &d.Sentences[si]
	heads := []int{cue}
	for i := sent.FirstToken; i < sent.EndToken; i++ {
		if q.Speaker.Contains(d.Tokens[i].Span) && d.Syntax[i].Head >= 0 && !q.Speaker.Contains(d.Tokens[d.Syntax[i].Head].Span) {
			heads = append(heads, i) // the speaker phrase's head
		}
	}
	for _, h := range heads {
		for _, k := range kids(d, sent, h) {
			if inside(d, q, k) {
				continue
			}
			r := d.Syntax[k].Rel
			ok := false
			switch {
			case r == "obj" || r == "iobj":
				ok = h == cue
			case r == "obl" || r == "nmod" || strings.HasPrefix(r, "obl:") || strings.HasPrefix(r, "nmod:"):
				if cs := child(d, sent, k, "case"); cs >= 0 {
					switch strings.ToLower(d.TokenText(cs)) {
					case "of", "about", "against", "on":
						ok = true
					case "to":
						ok = h == cue
					}
				}
			}
			if !ok {
				continue
			}
			if t := subtreeActor(d, sent, k); t != nil && !strings.HasSuffix(t.Code, "MED") && (q.Speaker.Actor.Country == "" || t.Country != q.Speaker.Actor.Country) {
				return t
			}
		}
	}
	return nil
}

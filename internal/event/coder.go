// Package event finds political events in news text and codes them in CAMEO
// and PLOVER: who did what to whom, when and where. It is the last stage of
// the pipeline: it reads the syntax, entity, mention, place and date
// layers, chunks each sentence over the syntax layer's Penn tags
// (tags.go, parse.go),
// matches the verb and noun patterns of its dictionary (data/verbs.txt),
// checks their senses against the tree (sense.go) and fills
// Document.Events.
package event

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// Coder is the event annotator. It is immutable and safe for concurrent use.
type Coder struct {
	o    Options
	dict *Dictionary
	res  Resolver
	conf *ConfidenceModel
	pool sync.Pool
}

// New makes a coder with options o; res resolves noun phrases to actors
// (nil means LayerResolver).
func New(o Options, res Resolver) (*Coder, error) {
	o.EnsureDefaults()
	if err := o.Validate(); err != nil {
		return nil, err
	}
	dict, err := LoadDictionary(o.Dictionary)
	if err != nil {
		return nil, err
	}
	if res == nil {
		res = LayerResolver{}
	}
	conf := o.Confidence
	if conf == nil {
		if conf, err = embeddedConfidenceModel(); err != nil {
			return nil, err
		}
	}
	c := &Coder{o: o, dict: dict, res: res, conf: conf}
	c.pool.New = func() any { return &scratch{} }
	return c, nil
}

var (
	defaultOnce  sync.Once
	defaultCoder *Coder
	defaultErr   error
)

// Default returns the coder with the embedded dictionary and
// the actor stage's resolver (internal/actor), built once.
func Default() (*Coder, error) {
	defaultOnce.Do(func() {
		res, err := actor.Default()
		if err != nil {
			defaultErr = fmt.Errorf("cannot load event coder: %w", err)
			return
		}
		defaultCoder, defaultErr = New(Options{}, res)
	})
	return defaultCoder, defaultErr
}

// Embedded returns Default's coder for the pipeline. The embedded
// dictionary and model are checked by the package tests, so failing to load
// them is a broken build and panics.
func Embedded() *Coder {
	c, err := Default()
	if err != nil {
		panic("BUG: " + err.Error())
	}
	return c
}

// Dictionary returns the coder's dictionary.
func (c *Coder) Dictionary() *Dictionary { return c.dict }

// Name returns "events".
func (c *Coder) Name() string { return "events" }

type scratch struct {
	words []string
	child []uint16
	names []uint8
	p     parser
	buf   [64]byte
	cands []cand
	ints  []int
	views views
}

// cand is an event found in a sentence before actors are attached.
type cand struct {
	pat      *pattern
	code     *Code // the code after recoding (intent, threat, refusal, demand)
	trigger  int   // token
	src, tgt []int // NP chunks
	passive  bool
	fallback bool // source guessed from the clause, not read off the parse
	neg      bool
	hypo     bool
	future   bool
	speaker  int // NP chunk of the speaker of a reported event, or -1
	vg       int
	dropped  bool // superseded by a recoded complement
	relative bool // inside a relative or complement clause ("which ...", "demanded that ...")
	purpose  bool // a purpose clause ("... to demand")
	setting  bool // the target is only the event's setting ("in Beijing")
	intended bool // recoded as an intent ("vowed to", "will")
	demand   bool // a speaker's "X must", "X should": a demand of X
}

// ErrNoSyntax marks a document that reached the coder without the syntax
// layer (internal/syntax) it reads.
var ErrNoSyntax = errors.New("event: no syntax layer: the syntax stage must run before the event coder")

// Annotate fills d.Events. It reads the syntax layer (internal/syntax):
// its part-of-speech tags and its tree.
func (c *Coder) Annotate(ctx context.Context, d *text.Document) error {
	if d.Syntax == nil && len(d.Tokens) > 0 {
		return ErrNoSyntax
	}
	s := c.pool.Get().(*scratch)
	defer c.pool.Put(s)
	d.Events = d.Events[:0]
	s.views.build(d)
	defer func() { s.p.doc = nil }()
	for si, sent := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if sent.EndToken-sent.FirstToken < 2 || sent.EndToken-sent.FirstToken > 200 {
			continue
		}
		c.sentence(d, si, s)
	}
	c.quoteEvents(d)
	d.Events = mergeRetellings(d.Events, d.Published)
	return nil
}

func (c *Coder) sentence(d *text.Document, si int, s *scratch) {
	sent := d.Sentences[si]
	s.words = s.words[:0]
	for i := sent.FirstToken; i < sent.EndToken; i++ {
		s.words = append(s.words, d.TokenText(i))
	}
	if boilerplate(s.words) {
		return
	}
	p := &s.p
	c.chunkSentence(d, s.views.of(d, si), si, s)
	s.cands = s.cands[:0]
	c.verbEvents(p, s)
	c.modalContexts(p, s)
	c.claims(p, s)
	c.nounEvents(p, s)
	if len(s.cands) == 0 {
		return
	}
	// Plain statements give way to any other event in the sentence.
	other := false
	for _, k := range s.cands {
		if k.code.CAMEO[:2] != "01" {
			other = true
		}
	}
	for _, k := range s.cands {
		if k.dropped {
			continue
		}
		if k.code.CAMEO[:3] == "010" && (other || !c.o.Statements) {
			continue
		}
		c.emit(d, si, p, &k, s)
	}
}

// chunkSentence fills s.p with the tokens of sentence si (s.words), their
// tags and lemmas, and its chunks; v is the sentence's view of d's layers.
func (c *Coder) chunkSentence(d, v *text.Document, si int, s *scratch) {
	sent := d.Sentences[si]
	p := &s.p
	p.reset()
	p.doc = v
	p.first, p.si = sent.FirstToken, si
	s.names = nameTags(s.names, d, p.doc, si)
	p.tr.load(d, si)
	s.child = p.tr.childRels(s.child)
	for i, w := range s.words {
		l, _ := c.dict.lex.lemma(w, s.buf[:])
		if l == "" || !isKnown(c.dict.lex, l) {
			l = ""
		}
		if w == "n't" || w == "n’t" {
			l = "not"
		}
		tag := nameTag(pennTag(d, sent.FirstToken+i, w, s.child[i]), w, s.names[i])
		if w == "'s" || w == "’s" {
			if i > 0 && (s.words[i-1] == "it" || s.words[i-1] == "It" || s.words[i-1] == "that" || s.words[i-1] == "there") {
				tag = "VBZ"
			} else if tag != "VBZ" {
				tag = "POS"
			}
		}
		if i > 0 && (tag == "NN" || tag == "NNP") && l != "" && len(c.dict.verbs[l]) > 0 && !isUpperWord(w) {
			// "would blockade Paris": a noun tag after a modal on a verb
			// of the dictionary is the tagger's slip.
			if p.toks[i-1].tag == "MD" {
				tag = "VB"
			}
		}
		p.toks = append(p.toks, tok{text: w, tag: tag, lemma: l})
	}
	p.markQuotes()
	p.chunk()
}

func isKnown(lx lexicon, l string) bool { _, ok := lx[l]; return ok }

// emit attaches actors, date and place to candidate k and appends the
// events to d.Events: one per source-target pair, both directions for a
// compound actor without a target.
func (c *Coder) emit(d *text.Document, si int, p *parser, k *cand, s *scratch) {
	v := d // the sentence's view for reading layers; events go to d
	if p.doc != nil {
		v = p.doc
	}
	var srcs, tgts []side
	k.src, k.tgt = p.dropAppositions(k.src), p.dropAppositions(k.tgt)
	for _, ni := range k.src {
		if dealtWith(p, ni) {
			continue
		}
		if k.vg >= 0 && ni >= 0 && c.thingDoer(v, si, p, ni, k.code.CAMEO) {
			// "a second Iranian ship is heading to Iran", "a military
			// plane used to help troops": a thing that an actor word
			// modifies does nothing; a nominal's modifier ("Iranian
			// sanctions") is its doer, and a weapon is its user's.
			continue
		}
		if list := c.nationalityList(v, si, p, ni); len(list) > 1 {
			srcs = append(srcs, list...) // "French, German and British leaders"
			continue
		}
		if a, sp, ok := c.actorOf(d, si, p, ni); ok {
			srcs = append(srcs, side{a, sp})
		} else if ni >= 0 && p.tr.rel[p.nps[ni].head] == "obj" {
			// "accusing it of providing": the doer is the object "it".
			if a, sp, ok := c.antecedent(d, si, p, ni, nil); ok {
				srcs = append(srcs, side{a, sp})
			}
		}
	}
	for _, ni := range k.tgt {
		if list := c.nationalityList(v, si, p, ni); len(list) > 1 {
			tgts = append(tgts, list...)
			continue
		}
		if a, sp, ok := c.actorOf(d, si, p, ni); ok {
			tgts = append(tgts, side{a, sp})
		} else if a, sp, ok := c.locatedActor(d, si, p, ni); ok {
			tgts = append(tgts, side{a, sp})
		} else if a, sp, ok := c.antecedent(d, si, p, ni, srcs); ok {
			tgts = append(tgts, side{a, sp})
		}
	}
	if (len(tgts) == 0 || k.setting) && k.vg >= 0 && !k.passive && (verbal(k.code.CAMEO) || violent(k.code.CAMEO)) {
		// "threatening retaliation against Washington", "blamed attacks on
		// militants", "reject the allegations made by Pakistan",
		// "fighting an insurgency against the state".
		for _, ni := range verbalTarget(p, k, !verbal(k.code.CAMEO)) {
			if a, sp, ok := c.actorOf(d, si, p, ni); ok {
				if len(tgts) > 0 && k.setting {
					tgts, k.setting = tgts[:0], false
				}
				tgts = append(tgts, side{a, sp})
			}
		}
	}
	if len(tgts) == 0 && k.vg >= 0 && !k.passive && k.pat.kind == verbPattern {
		// "Turkey threatens US with retaliation", "refused him access",
		// "called for the Taliban to lift the ban": the tree's object,
		// indirect object or addressee where the pattern named no target.
		for _, ni := range treeObjects(p, k) {
			if c.headNamesActor(v, si, p, ni) {
				if a, sp, ok := c.actorOf(d, si, p, ni); ok {
					tgts = append(tgts, side{a, sp})
				} else if a, sp, ok := c.antecedent(d, si, p, ni, srcs); ok {
					tgts = append(tgts, side{a, sp})
				}
				continue
			}
			// A thing is aimed at whose it is when its own words name a
			// country or an international body ("rejected an Indian
			// proposal", "a US offer"), not a sector ("the military
			// drills") nor a possessive pronoun ("reaffirmed their
			// concerns").
			if possessivePronoun(p, ni) {
				continue
			}
			ch := &p.nps[ni]
			own := text.Span{Start: v.Tokens[v.Sentences[si].FirstToken+ch.start].Start, End: v.Tokens[v.Sentences[si].FirstToken+ch.end-1].End}
			if a, ok := c.res.Resolve(v, own); ok && a != nil && (a.Country != "" && a.Sector == "" || strings.HasPrefix(a.Code, "IGO") || violent(k.code.CAMEO)) &&
				!(len(srcs) > 0 && srcs[0].act.Code == a.Code) {
				// An attack on a thing of a sector is on the sector: "a
				// military convoy", "a police station".
				tgts = append(tgts, side{a, own})
				continue
			}
			if violent(k.code.CAMEO) {
				// "ambushed a bus transporting a paramilitary force",
				// "attacked a hotel where officials were meeting": the
				// people the thing held.
				for _, x := range clausePeople(p, ch.head) {
					if c.headNamesActor(v, si, p, x) {
						if a, sp, ok := c.actorOf(d, si, p, x); ok {
							tgts = append(tgts, side{a, sp})
						}
					}
				}
			}
		}
		if len(tgts) == 0 && violent(k.code.CAMEO) {
			// "detonated explosives near a military convoy": what a
			// blast was set off at, when its words name an actor.
			for i, h := range p.tr.head {
				if h != k.trigger || p.tr.rel[i] != "obl" {
					continue
				}
				cs := p.tr.child(i, "case")
				if cs < 0 || p.tr.lemma[cs] != "near" && p.tr.lemma[cs] != "outside" {
					continue
				}
				if ni := chunkOf(p, i); ni >= 0 {
					ch := &p.nps[ni]
					own := text.Span{Start: v.Tokens[v.Sentences[si].FirstToken+ch.start].Start, End: v.Tokens[v.Sentences[si].FirstToken+ch.end-1].End}
					if a, ok := c.res.Resolve(v, own); ok && a != nil && a.Sector != "" && !(len(srcs) > 0 && srcs[0].act.Code == a.Code) {
						tgts = append(tgts, side{a, own})
					}
				}
			}
		}
	}
	// "Syria says it is willing to withdraw": an unresolved pronoun
	// subject of a reported event is the speaker.
	if len(srcs) == 0 && len(k.src) == 1 && k.src[0] >= 0 && p.nps[k.src[0]].pron && k.speaker >= 0 && !(thirdPlural(p, k.src[0]) && singular(p, k.speaker)) && k.speaker != k.src[0] {
		if a, sp, ok := c.actorOf(d, si, p, k.speaker); ok {
			srcs = append(srcs, side{a, sp})
		}
	}
	if len(srcs) == 1 && len(tgts) <= 1 && k.speaker >= 0 && len(k.tgt) == 1 && possessivePronoun(p, k.tgt[0]) &&
		(len(tgts) == 0 || srcs[0].act.Code == tgts[0].act.Code) {
		// "Iran said Israel attacked its embassy": the possessive of a
		// reported act's object that would make the doer its own target,
		// or that nothing resolves, is the speaker's.
		if a, sp, ok := c.actorOf(d, si, p, k.speaker); ok && a.Code != srcs[0].act.Code {
			tgts = append(tgts[:0], side{a, sp})
		}
	}
	if len(srcs) == 0 && (len(tgts) == 0 || k.setting || !k.passive && k.pat.kind == verbPattern && !c.namedDoer(p, k)) {
		// Nobody did it: "a pause in the bombing in Aleppo", "Returning
		// America to peace", "I supported Reagan". A passive ("Kyiv was
		// shelled") or a nominal with its target ("fighting with
		// guerrillas") may leave its doer unsaid; an unknown doer named by
		// a noun phrase ("Afghan guerillas") is kept with less confidence.
		return
	}
	if len(srcs) == 0 && k.speaker >= 0 && k.pat.kind == nounPattern && !violent(k.code.CAMEO) {
		// "US authorities said removing the sanctions on Burma is out of
		// the question": a reported nominal act without a doer of its own
		// is the speaker's, unless it is violence or protest.
		if a, sp, ok := c.actorOf(d, si, p, k.speaker); ok && a.Code != "" {
			srcs = append(srcs, side{a, sp})
		}
	}
	if k.demand && len(tgts) == 0 {
		// "We must protect our people", "you must be liberated": what
		// the speaker says someone unnamed, or the speaker's own side,
		// must do is no demand of anyone.
		return
	}
	tgts = placeApposition(d, tgts)
	if !c.custodySense(k, p.toks[k.trigger].lemma, p, tgts) || nonAgentCause(p, k) || bareNominal(k, tgts) || figurative(p, k) || loneFighter(v, p, k, srcs, tgts) {
		return
	}
	if len(tgts) == 0 && len(srcs) > 0 && k.vg >= 0 {
		// "Beijing denies the allegations": the accuser of a sentence or
		// two before is the target of a denial or rejection of charges.
		if a := c.accuser(d, si, p, k, srcs[0].act); a != nil {
			tgts = append(tgts, *a)
		}
	}
	guessed := false
	if len(srcs) == 0 {
		// An unsaid doer ("was arrested in Lebanon", "soldiers killed in
		// Ukraine") is the country where it happened, as in the PLOVER and
		// PETRARCH gold records; without a place the event has no source
		// and is not coded. A doer named by a name or a word for people
		// but unknown ("the BLA demanded", "a politician who criticized")
		// is no country: the event is not coded; a thing ("a report
		// released in Kigali alleged", "a bombing near Samarra killed")
		// stands for the country where it happened.
		if !k.passive && k.pat.kind == verbPattern && unknownAgent(p, k) {
			return
		}
		pl := nearestPlace(v, si, d.Tokens[d.Sentences[si].FirstToken+k.trigger].Span, tgts)
		if pl == nil || pl.Country == "" {
			return
		}
		srcs = append(srcs, side{&record.Actor{Code: pl.Country, Country: pl.Country, Name: pl.Name}, pl.Span})
		guessed = true
	}
	first := d.Sentences[si].FirstToken
	trig := d.Tokens[first+k.trigger].Span
	code := k.code
	depth := p.tr.clauseDepth(k.trigger)
	if c.o.DropFlagged && (k.neg || k.hypo || k.future) {
		return
	}
	speaker := ""
	if k.speaker >= 0 && (len(k.src) == 0 || k.speaker != k.src[0]) {
		ch := &p.nps[k.speaker]
		speaker = d.Text[d.Tokens[first+ch.start].Start:d.Tokens[first+ch.end-1].End]
		if a, _, ok := c.actorOf(d, si, p, k.speaker); ok && a.Code != "" {
			speaker = a.Code
		}
	}
	if !k.neg && !k.hypo && (p.tr.claimed(p, k.trigger) || p.tr.weighed(p, k.trigger) || question(p) || k.code == k.pat.code && askedConjunct(p, k.trigger)) {
		// "accused India of providing support", "alleged that France
		// helped": what an accusation or a claim says was done is not
		// told as fact; nor what is weighed ("hinting at lifting the
		// sanctions", "discussed imposing tariffs"); nor what a question
		// asks ("Can the US pry Russia away from China?").
		k.hypo = true
	}
	mode := modeOf(p, k)
	date := c.dateOf(v, si, trig, p, k.trigger)
	place := c.placeOf(d, v, si, trig, p, k, srcs, tgts)
	if code.CAMEO == "0872" && len(tgts) > 0 && strings.HasPrefix(tgts[0].act.Code, "IGO") {
		// "Mali withdrew from ECOWAS": leaving a body is reducing
		// relations (16x, PLOVER's withdraw), not pulling forces back.
		if x, ok := c.dict.codes["161"]; ok {
			code = x
		}
	}
	if code.CAMEO == "180" || code.CAMEO == "186" {
		// An attack by armed forces, or by a state's forces on armed
		// men (soldiers, rebels, insurgents), is conventional military
		// force (19x), not unconventional violence (18x) as by
		// guerrillas.
		armed := func(ss []side, sectors ...string) bool {
			for _, s := range ss {
				for _, sec := range sectors {
					if strings.HasSuffix(s.act.Code, sec) || s.act.Sector == sec {
						return true
					}
				}
			}
			return false
		}
		state := len(srcs) > 0
		for _, s := range srcs {
			switch sec := s.act.Sector; {
			case s.act.Country == "":
				state = false
			case sec == "", sec == "GOV", sec == "MIL", sec == "COP", sec == "SPY":
			default:
				state = false
			}
		}
		if armed(srcs, "MIL") || state && armed(tgts, "MIL", "REB", "INS") {
			if x, ok := c.dict.codes["190"]; ok {
				code = x
			}
		}
	}
	add := func(src, tgt *side) {
		if src.act.Code == "" && !c.o.Unresolved {
			return // a source without a code says nothing about who acted
		}
		x := features(k, src, tgt, guessed, depth, si, mode, d.Slice(src.sp))
		conf := math.Round(c.conf.Score(&x)*100) / 100
		if conf < c.o.MinConfidence {
			return
		}
		ev := text.Event{CAMEO: code.CAMEO, PLOVER: code.PLOVER, PLOVERMode: code.Mode, Mode: mode, QuadClass: code.QuadClass,
			Goldstein: code.Goldstein, Sentence: si, Trigger: trig, Date: date, Place: place,
			Negated: k.neg, Hypothetical: k.hypo, Future: k.future, Speaker: speaker, Confidence: conf}
		if c.o.KeepFeatures {
			ev.Features = x[:]
		}
		if tgt != nil && homecoming(code.CAMEO, src, tgt) {
			return
		}
		ev.Source = eventActor(src.act, src.sp)
		if tgt != nil {
			t := eventActor(tgt.act, tgt.sp)
			ev.Target = &t
		}
		if duplicate(d.Events, &ev) {
			return
		}
		d.Events = append(d.Events, ev)
	}
	switch {
	case len(tgts) == 0 && len(srcs) > 1 && !reciprocal(code.CAMEO):
		for i := range srcs {
			add(&srcs[i], nil)
		}
	case len(tgts) == 0 && len(srcs) > 1:
		for i := range srcs {
			for j := range srcs {
				if i != j && (srcs[i].act.Code != srcs[j].act.Code || srcs[i].act.Code == "") {
					add(&srcs[i], &srcs[j])
				}
			}
		}
	case len(tgts) == 0:
		add(&srcs[0], nil)
	default:
		for i := range srcs {
			for j := range tgts {
				if srcs[i].act.Code == tgts[j].act.Code && srcs[i].sp == tgts[j].sp {
					continue
				}
				add(&srcs[i], &tgts[j])
			}
		}
	}
}

// violent reports whether CAMEO code x is a protest or violence (14, 18,
// 19, 20), whose doer a speaker's report never names by default.
func violent(x string) bool {
	r := x[:2]
	return r == "14" || r == "18" || r == "19" || r == "20"
}

// isUpperWord reports whether w starts with a capital letter.
func isUpperWord(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

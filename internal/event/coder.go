// Package event finds political events in news text and codes them in CAMEO
// and PLOVER: who did what to whom, when and where. It is the last stage of
// the pipeline: it reads the syntax, entity, mention, place and date
// layers, chunks each sentence over Penn tags (parse.go; from its own
// tagger internal/pos, or the syntax layer's with Options.SyntaxTags),
// matches the verb and noun patterns of its dictionary (data/verbs.txt),
// checks their senses against the tree (sense.go) and fills
// Document.Events.
package event

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/pos"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// Coder is the event annotator. It is immutable and safe for concurrent use.
type Coder struct {
	o      Options
	dict   *Dictionary
	tagger *pos.Model // nil: the syntax layer's tags (Options.SyntaxTags)
	res    Resolver
	pool   sync.Pool
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
	var m *pos.Model
	if !o.SyntaxTags {
		if o.POSModel != "" {
			m, err = pos.Open(o.POSModel)
		} else {
			m, err = pos.Default()
		}
		if err != nil {
			return nil, fmt.Errorf("cannot load event coder: %w", err)
		}
	}
	if res == nil {
		res = LayerResolver{}
	}
	c := &Coder{o: o, dict: dict, tagger: m, res: res}
	c.pool.New = func() any { return &scratch{} }
	return c, nil
}

var (
	defaultOnce  sync.Once
	defaultCoder *Coder
	defaultErr   error
)

// Default returns the coder with the embedded dictionary and POS model and
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
	tags  []uint8
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
}

// speechVerbs introduce reported events.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "stress": true, "announce": true, "state": true, "claim": true,
	"report": true, "insist": true, "note": true, "declare": true, "allege": true, "believe": true, "warn": true,
	"conclude": true, "argue": true, "reiterate": true,
}

// ErrNoSyntax marks a document that reached the coder without the syntax
// layer (internal/syntax) it reads.
var ErrNoSyntax = errors.New("event: no syntax layer: the syntax stage must run before the event coder")

// Annotate fills d.Events. It reads the syntax layer (internal/syntax):
// its tree for senses and causes, and with Options.SyntaxTags its
// part-of-speech tags.
func (c *Coder) Annotate(ctx context.Context, d *text.Document) error {
	if d.Syntax == nil && c.tagger == nil && len(d.Tokens) > 0 {
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
	return nil
}

func (c *Coder) sentence(d *text.Document, si int, s *scratch) {
	sent := d.Sentences[si]
	s.words = s.words[:0]
	for i := sent.FirstToken; i < sent.EndToken; i++ {
		s.words = append(s.words, d.TokenText(i))
	}
	if c.tagger != nil {
		s.tags = c.tagger.Tag(s.tags[:0], s.words)
	}
	if c.tagger == nil {
		s.child = childRels(s.child, d, si)
	}
	p := &s.p
	p.reset()
	p.doc = s.views.of(d, si)
	p.first = sent.FirstToken
	if c.tagger == nil {
		s.names = nameTags(s.names, d, p.doc, si)
	}
	for i, w := range s.words {
		l, _ := c.dict.lex.lemma(w, s.buf[:])
		if l == "" || !isKnown(c.dict.lex, l) {
			l = ""
		}
		if w == "n't" || w == "n’t" {
			l = "not"
		}
		var tag string
		if c.tagger != nil {
			tag = c.tagger.TagName(s.tags[i])
		} else {
			tag = nameTag(pennTag(d, sent.FirstToken+i, w, s.child[i]), w, s.names[i])
		}
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

func isKnown(lx lexicon, l string) bool { _, ok := lx[l]; return ok }

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
						src: []int{sp}, tgt: append([]int(nil), p.subject(gi)...)}
					s.cands = append(s.cands, k)
				}
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
			}
		}
		k := cand{pat: best, code: best.code, trigger: g.main, vg: gi, speaker: -1, neg: g.neg, future: g.future, hypo: g.modal}
		if !c.callSense(p, &k, g, target) {
			continue
		}
		if target >= 0 {
			k.tgt = p.coordinated(nil, target)
			if isEventNoun(c, &p.toks[p.nps[target].head]) {
				// "claimed responsibility for an attack ... in Kenya": an
				// event is no actor; where it happened stands in for one.
				if pt := c.placeTarget(p, p.nps[target].end, limit); len(pt) > 0 {
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
			subj := p.subject(gi)
			k.tgt = append([]int(nil), subj...)
			for i := g.end; i < limit-1; i++ {
				if p.toks[i].lemma == "by" && p.toks[i+1].np >= 0 {
					k.src = p.coordinated(nil, p.toks[i+1].np)
					break
				}
			}
		case g.inf || g.ing:
			k.src, k.fallback = c.controller(p, gi)
			if g.inf {
				k.hypo = true
			}
		default:
			k.src = append([]int(nil), p.subject(gi)...)
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
		code := c.recode(k.code.CAMEO, ctx, neg)
		if code != k.code.CAMEO || ctx != ctxNone {
			k.neg = false
		}
		if x, ok := c.dict.codes[code]; ok {
			k.code = x
		}
	}
}

// personNoun lemmas name people that a pattern may spell out ("release
// prisoners", "expel diplomats"); their noun phrase is the event's target.
var personNoun = map[string]bool{"prisoner": true, "hostage": true, "detainee": true, "captive": true,
	"diplomat": true, "ambassador": true, "envoy": true, "journalist": true, "reporter": true, "citizen": true,
	"national": true, "refugee": true, "migrant": true, "soldier": true, "troop": true, "civilian": true,
	"activist": true, "dissident": true, "protester": true, "demonstrator": true, "suspect": true,
	"official": true, "worker": true, "leader": true, "opposition": true, "militant": true, "rebel": true}

// statePassive verbs in the passive before "to" say what their subject
// stands ready to do ("is committed to", "is determined to").
var statePassive = map[string]bool{"commit": true, "determine": true, "prepare": true, "dedicate": true, "pledge": true}

// lightVerbs make their subject the doer of the nominal event they govern
// ("staged a protest", "launched an air strike").
var lightVerbs = map[string]bool{"hold": true, "launch": true, "wage": true, "conduct": true, "carry": true,
	"begin": true, "start": true, "stage": true, "impose": true, "continue": true, "resume": true, "mount": true,
	"order": true, "step": true, "organize": true, "organise": true, "lead": true, "escalate": true, "intensify": true,
	"reiterate": true, "renew": true, "repeat": true, "voice": true, "express": true, "issue": true, "lodge": true,
	"file": true, "make": true, "deliver": true}

// weakLightVerbs suggest it with less confidence.
var weakLightVerbs = map[string]bool{"have": true, "sign": true, "announce": true, "end": true, "call": true,
	"join": true, "host": true, "attend": true, "seek": true, "reach": true, "propose": true,
	"plan": true, "demand": true, "agree": true}

// orderMatrix verbs make their object the doer of the complement
// ("urged Putin to make", "ordered the paper to suspend").
var orderMatrix = map[string]bool{"urge": true, "ask": true, "order": true, "tell": true, "call": true,
	"force": true, "press": true, "persuade": true, "allow": true, "permit": true, "invite": true, "encourage": true}

// requestMatrix verbs with an object before "to" make a request of it.
var requestMatrix = map[string]bool{"want": true, "expect": true, "need": true, "wish": true, "encourage": true, "invite": true}

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

// placeTarget returns, for an event without a target, the noun phrase
// after "in" in its clause ("protested in Beijing", "will meet in
// Zurich"): the event's setting stands in as its target, as in PETRARCH.
func (c *Coder) placeTarget(p *parser, from, limit int) []int {
	for i := from; i+1 < limit; i++ {
		tx := p.toks[i].text
		if tx == "," || tx == ";" || (p.toks[i].vg >= 0 && p.vgs[p.toks[i].vg].finite) {
			return nil
		}
		if (tx == "in" || tx == "In") && p.toks[i+1].np >= 0 && !temporalNP(p, p.toks[i+1].np) {
			ni := p.toks[i+1].np
			// "in the east of the Gaza Strip": the place the part is of.
			if e := p.nps[ni].end; partNoun[strings.ToLower(p.toks[p.nps[ni].head].text)] && e+1 < limit && p.toks[e].text == "of" && p.toks[e+1].np >= 0 {
				ni = p.toks[e+1].np
			}
			if p.toks[p.nps[ni].head].tag == "NNP" {
				return []int{ni}
			}
		}
	}
	return nil
}

// partNoun names a part of a place: "the east of", "the outskirts of".
var partNoun = map[string]bool{"east": true, "west": true, "north": true, "south": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true, "centre": true, "center": true, "heart": true,
	"outskirts": true, "suburbs": true, "edge": true, "border": true, "rest": true, "part": true}

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
				if p.toks[i].np >= 0 && p.toks[i].tag != "PRP$" {
					return []int{p.toks[i].np}, false
				}
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
		// A nominal governed by a negated or modal verb shares its flags.
		if gi := c.governingVG(p, ch.start); gi >= 0 {
			g := &p.vgs[gi]
			k.neg, k.hypo, k.future = g.neg, g.modal, g.future
			k.speaker = c.speakerOf(p, gi)
		}
		k.relative = inRelative(p, ch.start)
		for _, u := range s.ints {
			p.toks[u].used = true
		}
		s.cands = append(s.cands, k)
	}
}

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

func isEventNoun(c *Coder, tk *tok) bool { return len(c.dict.nouns[tk.lemma]) > 0 }

// emit attaches actors, date and place to candidate k and appends the
// events to d.Events: one per source-target pair, both directions for a
// compound actor without a target.
func (c *Coder) emit(d *text.Document, si int, p *parser, k *cand, s *scratch) {
	v := d // the sentence's view for reading layers; events go to d
	if p.doc != nil {
		v = p.doc
	}
	var srcs, tgts []side
	for _, ni := range k.src {
		if dealtWith(p, ni) {
			continue
		}
		if a, sp, ok := c.actorOf(d, si, p, ni); ok {
			srcs = append(srcs, side{a, sp})
		}
	}
	for _, ni := range k.tgt {
		if a, sp, ok := c.actorOf(d, si, p, ni); ok {
			tgts = append(tgts, side{a, sp})
		} else if a, sp, ok := c.locatedActor(d, si, p, ni); ok {
			tgts = append(tgts, side{a, sp})
		}
	}
	// "Syria says it is willing to withdraw": an unresolved pronoun
	// subject of a reported event is the speaker.
	if len(srcs) == 0 && len(k.src) == 1 && k.src[0] >= 0 && p.nps[k.src[0]].pron && k.speaker >= 0 && k.speaker != k.src[0] {
		if a, sp, ok := c.actorOf(d, si, p, k.speaker); ok {
			srcs = append(srcs, side{a, sp})
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
	if !c.custodySense(k, p.toks[k.trigger].lemma, p, tgts) || nonAgentCause(p, k) || bareNominal(k, tgts) {
		return
	}
	guessed := false
	if len(srcs) == 0 {
		// An unsaid doer ("was arrested in Lebanon", "soldiers killed in
		// Ukraine") is the country where it happened, as in the PLOVER and
		// PETRARCH gold records; without a place the event has no source
		// and is not coded.
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
	conf := 0.6
	if k.pat.kind == nounPattern {
		conf = 0.5
	}
	conf += 0.05 * float64(len(k.pat.words))
	if len(srcs) > 0 && len(tgts) > 0 {
		conf += 0.15
	}
	if k.fallback {
		conf -= 0.15
	}
	if guessed {
		conf -= 0.2
	}
	if k.relative {
		conf -= 0.1
	}
	if k.purpose {
		conf -= 0.1
	}
	// Earlier events are more often the sentence's main one.
	conf -= 0.002 * float64(min(k.trigger, 50))
	conf = min(max(conf, 0.05), 0.95)
	if conf < c.o.MinConfidence {
		return
	}
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
	date := c.dateOf(v, si, trig)
	place := c.placeOf(d, v, si, trig, srcs, tgts)
	if code.CAMEO == "180" || code.CAMEO == "186" {
		// An attack by armed forces, or by a state on armed forces, is
		// conventional military force (19x), not unconventional violence
		// (18x) as by guerrillas.
		mil := func(ss []side) bool {
			for _, s := range ss {
				if strings.HasSuffix(s.act.Code, "MIL") || s.act.Sector == "MIL" {
					return true
				}
			}
			return false
		}
		state := len(srcs) > 0
		for _, s := range srcs {
			if sec := s.act.Sector; s.act.Country == "" || sec != "" && sec != "GOV" && sec != "MIL" {
				state = false
			}
		}
		if mil(srcs) || state && mil(tgts) {
			if x, ok := c.dict.codes["190"]; ok {
				code = x
			}
		}
	}
	add := func(src, tgt *side) {
		if src.act.Code == "" && !c.o.Unresolved {
			return // a source without a code says nothing about who acted
		}
		ev := text.Event{CAMEO: code.CAMEO, PLOVER: code.PLOVER, Mode: code.Mode, QuadClass: code.QuadClass,
			Goldstein: code.Goldstein, Sentence: si, Trigger: trig, Date: date, Place: place,
			Negated: k.neg, Hypothetical: k.hypo, Future: k.future, Speaker: speaker, Confidence: conf}
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

func eventActor(a *record.Actor, sp text.Span) text.EventActor {
	return text.EventActor{Span: sp, Code: a.Code, Country: a.Country, Name: a.Name}
}

// dateOf returns the value of the sentence's date expression nearest the
// trigger, else the published day.
func (c *Coder) dateOf(d *text.Document, si int, trig text.Span) string {
	sent := d.Sentences[si].Span
	best, bestDist := "", 1<<30
	for i := range d.Dates {
		x := &d.Dates[i]
		if !sent.Contains(x.Span) || (x.Type != record.DATE && x.Type != record.TIME) || len(x.Value) < 4 || x.Value[0] < '0' || x.Value[0] > '9' {
			continue
		}
		dist := x.Start - trig.End
		if dist < 0 {
			dist = trig.Start - x.End
			// "the anniversary of the war", "the eve of the talks": the
			// date of another event.
			if strings.HasPrefix(d.Text[x.End:trig.Start], " of ") {
				continue
			}
		}
		// Another clause: "set a goal ..., and the figure reached ... last year".
		if a, b := min(x.End, trig.End), max(x.Start, trig.Start); a < b && (strings.Contains(d.Text[a:b], ", and ") || strings.Contains(d.Text[a:b], ";")) {
			continue
		}
		// "by 2024", "until March": a deadline, not the event's date.
		if pre := d.Text[max(sent.Start, x.Start-6):x.Start]; strings.HasSuffix(pre, "by ") || strings.HasSuffix(pre, "until ") {
			continue
		}
		if dist < bestDist {
			best, bestDist = x.Value, dist
		}
	}
	if best != "" {
		if len(best) > 10 {
			best = best[:10]
		}
		return best
	}
	if len(d.Published) >= 10 {
		return d.Published[:10]
	}
	return d.Published
}

// placeOf returns the sentence's place nearest the trigger that is not one
// of the actors, else the dateline's place; v is the sentence's view of d.
func (c *Coder) placeOf(d, v *text.Document, si int, trig text.Span, sides ...[]side) *record.EventPlace {
	best := nearestPlace(v, si, trig, sides...)
	if best == nil && d.Dateline != nil {
		for i := range d.Places {
			if d.Dateline.Overlaps(d.Places[i].Span) {
				best = &d.Places[i]
				break
			}
		}
	}
	if best == nil {
		return nil
	}
	return &record.EventPlace{Name: best.Name, Country: best.Country, Lat: best.Lat, Lon: best.Lon}
}

// nearestPlace returns the place of sentence si after a locative
// preposition nearest the trigger that is not one of the actors, or nil.
func nearestPlace(d *text.Document, si int, trig text.Span, sides ...[]side) *text.Place {
	sent := d.Sentences[si].Span
	var best *text.Place
	bestDist := 1 << 30
outer:
	for i := range d.Places {
		pl := &d.Places[i]
		if !sent.Contains(pl.Span) {
			continue
		}
		for _, ss := range sides {
			for _, s := range ss {
				if s.sp.Overlaps(pl.Span) {
					continue outer
				}
			}
		}
		dist := pl.Start - trig.End
		if dist < 0 {
			dist = trig.Start - pl.End
		}
		// Only a place after a locative preposition ("in Moscow"); one
		// that names somebody ("China's diplomat", "the West") is an actor.
		if !locative(d.Text[max(sent.Start, pl.Start-32):pl.Start]) {
			continue
		}
		if dist < bestDist {
			best, bestDist = pl, dist
		}
	}
	return best
}

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

// locative reports whether the text before a place ends with a locative
// preposition.
func locative(before string) bool {
	// "in central Baghdad", "near the town of Samarra".
	for _, w := range placeWords {
		if strings.HasSuffix(before, w) {
			before = before[:len(before)-len(w)]
			break
		}
	}
	for _, w := range regionWords {
		if strings.HasSuffix(before, w) {
			before = before[:len(before)-len(w)]
			break
		}
	}
	before = strings.TrimSuffix(before, "the ")
	for _, p := range []string{" in ", " at ", " near ", " outside ", " inside ", " across ", " around "} {
		if strings.HasSuffix(" "+before, p) {
			return true
		}
	}
	return false
}

// placeWords stand between a locative preposition and a place's name.
var placeWords = []string{"town of ", "city of ", "village of ", "province of ", "region of ", "district of ", "capital of ", "port of "}

// regionWords name a part of a place.
var regionWords = []string{"central ", "northern ", "southern ", "eastern ", "western ", "north-eastern ", "north-western ",
	"south-eastern ", "south-western ", "northeastern ", "northwestern ", "southeastern ", "southwestern "}

// violent reports whether CAMEO code x is a protest or violence (14, 18,
// 19, 20), whose doer a speaker's report never names by default.
func violent(x string) bool {
	r := x[:2]
	return r == "14" || r == "18" || r == "19" || r == "20"
}

// isUpperWord reports whether w starts with a capital letter.
func isUpperWord(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

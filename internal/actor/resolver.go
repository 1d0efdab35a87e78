// Package actor holds the actor dictionary (countries, capitals, blocs and
// organisations, dated roles of newsmakers, generic agents and titles) and
// the annotator that says who each entity is in world affairs. It runs after
// the entity tagger (internal/ner) and before places, quotes and events:
// it sets Entity.Actor, fills Document.Mentions (pronouns, nominals,
// generic agents) and exports Resolve for the stages that need the actor of
// any noun phrase.
//
// Codes follow CAMEO: a country's ISO alpha-3 code plus a sector (RUSGOV,
// CHNMIL, UKRCOP), IGO codes for international organisations (IGOUNO,
// IGOWSTNAT for NATO, IGOEUREEC for the EU) and region codes (WST, AFR).
// Former states keep their ISO 3166-3 alpha-3 code (SUN for the Soviet
// Union), never folded into a successor.
package actor

import (
	"fmt"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// Options configures a Resolver.
type Options struct {
	// Dictionary is a folder holding the dictionary files (countries.txt,
	// orgs.txt, agents.txt, titles.txt, people*.txt). Default "": the
	// dictionary embedded in the binary.
	Dictionary string
	// NoDictionaryEntities stops the resolver from adding PER and ORG
	// entities that the tagger missed but the dictionary knows. Default
	// false: they are added with Origin "dictionary".
	NoDictionaryEntities bool
	// PronounWindow is how many sentences back a pronoun may find its
	// person. Default 4.
	PronounWindow int
}

// EnsureDefaults fills unset fields with their defaults.
func (o *Options) EnsureDefaults() {
	if o.PronounWindow == 0 {
		o.PronounWindow = 4
	}
}

// Validate reports an option that cannot work.
func (o *Options) Validate() error {
	if o.PronounWindow < 0 {
		return fmt.Errorf("actor: pronoun window %d is negative", o.PronounWindow)
	}
	return nil
}

// Resolver attaches actors to entities and mentions. It is immutable and
// safe for concurrent use.
type Resolver struct {
	dict *Dictionary
	opts Options
	pool sync.Pool // *scratch
}

var (
	defaultOnce sync.Once
	defaultRes  *Resolver
	defaultErr  error
)

// Default returns the resolver over the embedded dictionary, loaded once
// per process.
func Default() (*Resolver, error) {
	defaultOnce.Do(func() {
		var d *Dictionary
		d, defaultErr = loadEmbedded()
		if defaultErr != nil {
			defaultErr = fmt.Errorf("cannot load embedded actor dictionary: %w", defaultErr)
			return
		}
		defaultRes = newResolver(d, Options{})
	})
	return defaultRes, defaultErr
}

// Embedded returns Default's resolver for the pipeline. The embedded
// dictionary is checked by the package tests, so failing to load it is a
// broken build and panics.
func Embedded() *Resolver {
	r, err := Default()
	if err != nil {
		panic("BUG: " + err.Error())
	}
	return r
}

// New returns a resolver with opts: the embedded dictionary (shared with
// Default) or the one in opts.Dictionary.
func New(opts Options) (*Resolver, error) {
	opts.EnsureDefaults()
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if opts.Dictionary == "" {
		def, err := Default()
		if err != nil {
			return nil, err
		}
		return newResolver(def.dict, opts), nil
	}
	d, err := Open(opts.Dictionary)
	if err != nil {
		return nil, fmt.Errorf("cannot load actor dictionary %s: %w", opts.Dictionary, err)
	}
	return newResolver(d, opts), nil
}

func newResolver(d *Dictionary, opts Options) *Resolver {
	opts.EnsureDefaults()
	r := &Resolver{dict: d, opts: opts}
	r.pool.New = func() any { return new(scratch) }
	return r
}

// Dictionary returns the resolver's dictionary.
func (r *Resolver) Dictionary() *Dictionary { return r.dict }

// Name returns "actors".
func (r *Resolver) Name() string { return "actors" }

// Lookup returns the actor for an exact name or code on date; see
// Dictionary.Lookup.
func (r *Resolver) Lookup(name, date string) (*record.Actor, bool) {
	return r.dict.Lookup(name, date)
}

// Resolve returns the actor of the noun phrase s in d: the actor of a
// mention (pronoun, nominal, generic agent) or entity inside s, else what
// the dictionary makes of its words ("Russian troops" → RUSMIL, "Beijing"
// → CHNGOV, "the West" → WST, "police" → the article's country + COP). For
// a coordination ("Russia and China") it returns the first actor; callers
// split coordinations themselves. d must have been annotated by r.
func (r *Resolver) Resolve(d *text.Document, s text.Span) (*record.Actor, bool) {
	if s.End <= s.Start || s.Start < 0 || s.End > len(d.Text) {
		return nil, false
	}
	// The earliest mention or entity inside s wins; a nationality
	// ("German" in "German Chancellor Olaf Scholz") only when nothing else
	// is there, and a mention over an entity starting at the same place
	// ("Russian troops" over "Russian").
	var best *record.Actor
	bestStart, bestEnd, bestNORP := -1, -1, false
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Actor == nil || !(s.Contains(m.Span) || m.Span.Contains(s)) {
			continue
		}
		// The earliest, and of those the widest: "Moscow's troops" over
		// "Moscow".
		if bestStart < 0 || m.Start < bestStart || m.Start == bestStart && m.End > bestEnd {
			best, bestStart, bestEnd = m.Actor, m.Start, m.End
		}
	}
	var unknown *text.Entity // a name around s that this stage left without an actor
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Actor == nil {
			if unknown == nil && e.Span.Contains(s) {
				unknown = e
			}
			continue
		}
		if !(s.Contains(e.Span) || e.Span.Contains(s)) {
			continue
		}
		norp := e.Type == record.NORP
		switch {
		case bestStart < 0:
		case norp && !bestNORP:
			continue
		case bestNORP && !norp:
		case e.Start >= bestStart:
			continue
		}
		best, bestStart, bestNORP = e.Actor, e.Start, norp
	}
	if best != nil {
		c := *best
		return &c, true
	}
	sc := r.pool.Get().(*scratch)
	defer r.pool.Put(sc)
	if unknown != nil && r.leftUnknown(d, sc, unknown) {
		return nil, false
	}
	a := r.phraseActor(d, sc, s)
	return a, a != nil
}

// leftUnknown reports whether entity e, which this stage left without an
// actor, must not be read again word by word when a span inside it is
// resolved: an organisation's name of several words ("Asia Society
// Texas": "Asia" is no region there), or a person's name the dictionary
// knows as someone else (a lone "Hassan" the article never ties to the
// dictionary's Hassan). A capital mistyped as a person still stands for
// its government.
func (r *Resolver) leftUnknown(d *text.Document, sc *scratch, e *text.Entity) bool {
	switch e.Type {
	case record.ORG, record.MISC:
		return strings.ContainsRune(d.Slice(e.Span), ' ')
	case record.PER:
		t0, t1 := tokens(d, e.Span)
		if _, person := firstKind(r.exactTargets(d, sc, t0, t1), kindPerson); person {
			return true
		}
		return t1-t0 == 1 && len(r.dict.surname[fold(d.Slice(e.Span))]) > 0
	}
	return false
}

// Package quote finds what people said in an article and who said it:
// direct quotations, reported speech and "according to" attributions, each
// with its content span, its cue (the speech verb) and its speaker,
// resolved through the document's entities and coreference mentions. It
// runs after entity and actor resolution (it reads Entities and Mentions)
// and fills Document.Quotes.
//
// Conventions (those of the PolNeAR attribution corpus, so that the eval
// compares like with like):
//   - A direct quote's span includes its quotation marks. A quote split by
//     its attribution (“A,” he said, “B.”) is one quote whose span runs from
//     the first opening mark to the last closing mark, the attribution
//     inside it, as PolNeAR gives a discontinuous content's extent.
//   - A quote running over paragraphs (open at a paragraph end, reopened
//     at the start of the next) yields one quote per paragraph; the later
//     ones inherit the speaker.
//   - A short quoted phrase inside a sentence with no speech cue of its own
//     (a “no limits” partnership) is kept with Kind "partial" and no
//     speaker, unless Options.DropPartial.
//   - Reported speech (X said (that) C; C, X said; according to X, C) has
//     Kind "reported"; its content is the reported clause, with "that" when
//     present and without the sentence's final period. After verbs such as
//     urge, ask or warn the addressee is part of the content (urged
//     supporters to vote); after tell, inform or assure it is not.
//   - A cue inside the content of another reported quote of the sentence
//     (she told police that she did not want ...) starts no quote of its
//     own, and cues inside direct quotes are the quoted speaker's, not the
//     article's.
//   - Transcript turns (PENCE: Well, ...) and byline-style attributions
//     (“...” ― Name) are direct quotes whose cue is the colon or the dash.
//
// The speaker span is the mention next to the cue ("he", "Wang", "a
// source"); Speaker.Name and Actor are what it resolves to: the entity
// inside the span, or the entity of the actor layer's Mention there, or,
// when the document has no Mentions at all, for he/she the last named
// speaker or subject-position person before it.
//
// The annotator is rule-based and makes a few passes over the tokens of a
// document: quotation marks, attributions next to them, then speech cues
// (cues.txt) sentence by sentence. Word classes and cues are looked up once
// per token.
package quote

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Options configure the quote annotator.
type Options struct {
	// Lexicon is the path of a cue lexicon in the format of cues.txt.
	// Default "": the embedded cues.txt.
	Lexicon string
	// DropPartial leaves out partial (scare) quotes. Default false: they
	// are kept with Kind "partial".
	DropPartial bool
	// NoNominal ignores cues of class N (criticized, praised, called for),
	// whose content is a noun phrase. Default false.
	NoNominal bool
	// KeepUnknownSpeaker keeps a reported quote whose cue has no
	// recognisable speaker phrase before it, with no speaker. Default
	// false: such a cue is not taken as an attribution.
	KeepUnknownSpeaker bool
	// MaxPartialWords is the most words a quote without a cue may have to
	// count as partial when it does not open its sentence. Default 6.
	MaxPartialWords int
}

// EnsureDefaults fills zero fields with their defaults.
func (o *Options) EnsureDefaults() {
	if o.MaxPartialWords == 0 {
		o.MaxPartialWords = 6
	}
}

// Validate reports whether the options are usable.
func (o *Options) Validate() error {
	if o.MaxPartialWords < 0 {
		return fmt.Errorf("quote: MaxPartialWords %d is negative", o.MaxPartialWords)
	}
	return nil
}

// Annotator fills Document.Quotes. It is safe for concurrent use.
type Annotator struct {
	lx   *Lexicon
	opt  Options
	pool sync.Pool // *state
}

// New returns a quote annotator with options o.
func New(o Options) (*Annotator, error) {
	o.EnsureDefaults()
	if err := o.Validate(); err != nil {
		return nil, err
	}
	var lx *Lexicon
	var err error
	if o.Lexicon != "" {
		lx, err = OpenLexicon(o.Lexicon)
	} else {
		lx, err = DefaultLexicon()
	}
	if err != nil {
		return nil, err
	}
	a := &Annotator{lx: lx, opt: o}
	a.pool.New = func() any { return new(state) }
	return a, nil
}

// Name returns "quote".
func (*Annotator) Name() string { return "quote" }

// Annotate fills d.Quotes, sorted by start. A document without tokens is
// segmented first.
func (a *Annotator) Annotate(ctx context.Context, d *text.Document) error {
	if len(d.Tokens) == 0 && d.Text != "" {
		if err := (text.Segmenter{}).Annotate(ctx, d); err != nil {
			return err
		}
	}
	st := a.pool.Get().(*state)
	st.reset(a, d)
	err := st.run(ctx)
	if err == nil {
		d.Quotes = st.emit(d.Quotes[:0])
	}
	st.d = nil
	a.pool.Put(st)
	return err
}

// pending is a quote under construction.
type pending struct {
	content  text.Span
	kind     string
	cue      text.Span
	hasCue   bool
	speaker  text.Span
	hasSpk   bool
	inherit  int // index of the pending quote whose speaker this one shares, or -1
	sentence int
	resolved *text.Speaker
	done     bool
}

// cueMatch is the cue that starts at a token: class (0 for none) and
// length in tokens.
type cueMatch struct {
	class byte
	n     uint8
}

// state is the per-document scratch of one Annotate call.
type state struct {
	a          *Annotator
	d          *text.Document
	s          string
	toks       []text.Token
	sentOf     []int32    // token -> sentence
	quoted     []bool     // token inside a direct quote: its cues are not ours
	used       []bool     // token already used as a cue
	transcript []bool     // token inside a transcript turn (PENCE: ...)
	tcls       []uint16   // token -> word class bits
	tcue       []cueMatch // token -> cue starting there
	segs       []segment
	segQ       []int // segment -> pending index, or -1
	qs         []pending
	cands      []candidate
	entIdx     text.SpanIndex // over d.Entities, built on first use
	entIdxOK   bool
	menIdx     text.SpanIndex // over d.Mentions, built on first use
	menIdxOK   bool
}

func (st *state) reset(a *Annotator, d *text.Document) {
	st.a, st.d, st.s, st.toks = a, d, d.Text, d.Tokens
	n := len(d.Tokens)
	st.sentOf = grow(st.sentOf, n)
	st.quoted = growBool(st.quoted, n)
	st.used = growBool(st.used, n)
	st.transcript = growBool(st.transcript, n)
	for i := range st.sentOf {
		st.sentOf[i] = -1
	}
	if cap(st.tcls) < n {
		st.tcls = make([]uint16, n)
		st.tcue = make([]cueMatch, n)
	}
	st.tcls, st.tcue = st.tcls[:n], st.tcue[:n]
	for i := range n {
		st.tcls[i], st.tcue[i] = st.lookupWord(i)
	}
	for si, s := range d.Sentences {
		for i := s.FirstToken; i < s.EndToken && i < n; i++ {
			st.sentOf[i] = int32(si)
		}
	}
	st.segs = st.segs[:0]
	st.segQ = st.segQ[:0]
	st.qs = st.qs[:0]
	st.cands = st.cands[:0]
	st.entIdxOK, st.menIdxOK = false, false
}

func grow(b []int32, n int) []int32 {
	if cap(b) < n {
		return make([]int32, n)
	}
	return b[:n]
}

func growBool(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// run finds and resolves the quotes; it looks at ctx between its passes,
// each linear in the document, and returns ctx's error if it ended.
func (st *state) run(ctx context.Context) error {
	st.segs = scanSegments(st.segs, st.s, st.toks)
	for _, pass := range [...]func(){st.transcripts, st.direct, st.reported, st.cueless, st.resolveAll} {
		if err := ctx.Err(); err != nil {
			return err
		}
		pass()
	}
	return nil
}

// emit appends the finished quotes to dst in text order.
func (st *state) emit(dst []text.Quote) []text.Quote {
	start := len(dst)
	for i := range st.qs {
		p := &st.qs[i]
		if p.kind == "" {
			continue
		}
		q := text.Quote{Span: p.content, Kind: p.kind, Speaker: p.resolved}
		if p.hasCue {
			c := p.cue
			q.Cue = &c
		}
		dst = append(dst, q)
	}
	out := dst[start:]
	slices.SortStableFunc(out, func(a, b text.Quote) int { return a.Start - b.Start })
	return dst
}

// Default returns a quote annotator with the embedded lexicon and default
// options. The embedded lexicon is part of the build, so failing to load it
// is a broken invariant.
func Default() *Annotator {
	a, err := New(Options{})
	if err != nil {
		panic("BUG: embedded quote lexicon: " + err.Error())
	}
	return a
}

// Package timex finds time expressions in a document and normalises them to
// TIMEX3 values (DATE, TIME, DURATION, SET) against the article's
// publication date. It runs after tokenisation and before amounts, which
// skip the numbers inside dates; it fills Document.Dates.
//
// The recogniser is a single left-to-right pass over each sentence's
// tokens: every token gets a lexical class from a table (lexicon.go), and a
// small hand-written grammar (scan.go) reads an expression from its first
// token without backtracking over the text. Span conventions follow
// TimeML as the TempEval-3 corpora apply them: determiners, approximators
// ("about", "more than") and modifiers ("early", "late", "mid") are inside
// the span; prepositions ("by", "in", "on") are not.
//
// Without a publication date, relative expressions are left
// underspecified the TimeML way: "last year" becomes PAST_REF, "Friday"
// XXXX-WXX-5, "February 24" XXXX-02-24, "today" PRESENT_REF.
package timex

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/internal/text"
)

// ErrNoTokens is returned when a document reaches the tagger without tokens
// although it has text.
var ErrNoTokens = errors.New("timex: document is not tokenized")

// Options configure a Tagger.
type Options struct {
	// Anchor overrides the document's Published date as the reference
	// time, YYYY-MM-DD or RFC 3339. Default "": use Document.Published.
	Anchor string
}

// EnsureDefaults fills unset fields with their defaults.
func (o *Options) EnsureDefaults() {}

// Validate reports an invalid option.
func (o *Options) Validate() error {
	if o.Anchor != "" {
		if _, ok := ParseAnchor(o.Anchor); !ok {
			return fmt.Errorf("timex: invalid anchor %q: want YYYY-MM-DD", o.Anchor)
		}
	}
	return nil
}

// Tagger is the time-expression annotator. It holds no mutable state and
// is safe for concurrent use.
type Tagger struct {
	opts Options
}

// New returns a Tagger with opts.
func New(opts Options) (*Tagger, error) {
	opts.EnsureDefaults()
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	return &Tagger{opts: opts}, nil
}

// Name returns "dates".
func (*Tagger) Name() string { return "dates" }

// Annotate fills d.Dates from d.Tokens and d.Sentences.
func (t *Tagger) Annotate(ctx context.Context, d *text.Document) error {
	if len(d.Tokens) == 0 && len(d.Text) > 0 {
		return ErrNoTokens
	}
	pub := d.Published
	if t.opts.Anchor != "" {
		pub = t.opts.Anchor
	}
	a, _ := ParseAnchor(pub)
	dates, err := find(ctx, d.Dates[:0], d, a)
	d.Dates = dates
	return err
}

// lexPool recycles the per-token class slices between documents.
var lexPool sync.Pool

// Find appends the time expressions of d, normalised against a, to dst.
func Find(dst []text.Date, d *text.Document, a Anchor) []text.Date {
	dst, _ = find(context.Background(), dst, d, a)
	return dst
}

// find is Find that stops, with ctx's error, when ctx ends.
func find(ctx context.Context, dst []text.Date, d *text.Document, a Anchor) ([]text.Date, error) {
	s := scanner{d: d, a: a, out: dst}
	if p, ok := lexPool.Get().(*[]lex); ok && cap(*p) >= len(d.Tokens) {
		s.lx = (*p)[:len(d.Tokens)]
	} else {
		s.lx = make([]lex, len(d.Tokens))
	}
	var buf [64]byte
	s.buf = buf[:0]
	defer func() {
		lx := s.lx[:0]
		lexPool.Put(&lx)
	}()
	for i := range d.Tokens {
		s.lx[i] = s.lexOf(i)
	}
	for si, st := range d.Sentences {
		if si%256 == 0 {
			if err := ctx.Err(); err != nil {
				return s.out, err
			}
		}
		if st.FirstToken < 0 || st.EndToken > len(d.Tokens) || st.FirstToken >= st.EndToken {
			continue
		}
		s.scanSentence(st)
	}
	return s.out, nil
}

// Default returns a Tagger with the default options.
func Default() *Tagger { return &Tagger{} }

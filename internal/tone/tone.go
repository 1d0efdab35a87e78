// Package tone scores the tone of an article and of each of its sentences
// with GDELT's seven components. It runs after segmentation (it needs
// tokens and sentences) and before event coding, which reads the sentence
// tone.
//
// Over the word tokens W of a text (numbers and punctuation are not words):
//
//	Positive  = 100 · |{w ∈ W : valence(w) ≥ +m}| / |W|
//	Negative  = 100 · |{w ∈ W : valence(w) ≤ −m}| / |W|
//	Tone      = Positive − Negative
//	Polarity  = Positive + Negative
//	Activity  = 100 · |{w ∈ W : w is an activity word}| / |W|
//	SelfGroup = 100 · |{w ∈ W : w is a self/group reference}| / |W|
//	WordCount = |W|
//
// valence(w) is the word's mean valence in the VADER lexicon (−4..+4, MIT
// licence, as shipped by github.com/jonreiter/govader), with its sign
// flipped when a negator (not, n't, never, no, without, ...) occurs among
// the Options.NegationWindow words before it in the same sentence, and 0
// for the few words whose news sense is not their sentiment sense
// (neutral.txt: like, well, party, united, ...); m is Options.MinValence. Activity words are project-written action verbs with
// their inflections (activity.txt); self/group references are first-person
// pronouns (selfgroup.txt). All components but WordCount are percentages of
// words, as in GDELT's V1.5TONE field. Scoring is one pass over the tokens
// with one map lookup per word.
package tone

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// Options configure the tone annotator.
type Options struct {
	// Lexicon is the path of a word<TAB>valence file (".gz" for gzip).
	// Default "": the embedded VADER lexicon.
	Lexicon string
	// MinValence is the smallest absolute valence that makes a word positive
	// or negative. Default 0.5; a negative value counts every lexicon word.
	MinValence float64
	// NegationWindow is how many words before a sentiment word a negator
	// flips it. Default 3; a negative value disables negation.
	NegationWindow int
}

// EnsureDefaults fills zero fields with their defaults.
func (o *Options) EnsureDefaults() {
	if o.MinValence == 0 {
		o.MinValence = 0.5
	}
	if o.NegationWindow == 0 {
		o.NegationWindow = 3
	}
}

// Validate reports whether the options are usable.
func (o *Options) Validate() error {
	if o.MinValence > 4 {
		return fmt.Errorf("tone: MinValence %.2f above VADER's maximum 4", o.MinValence)
	}
	return nil
}

// Annotator fills Document.Tone and Document.SentenceTone.
type Annotator struct {
	lx     *Lexicon
	minVal float32
	window int
}

// New returns a tone annotator with options o.
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
	m := float32(o.MinValence)
	if m < 0 {
		m = 0
	}
	return &Annotator{lx: lx, minVal: m, window: o.NegationWindow}, nil
}

// Name returns "tone".
func (*Annotator) Name() string { return "tone" }

// counts are the raw word counts behind a Tone.
type counts struct {
	words, pos, neg, act, self int
}

func (c *counts) add(o counts) {
	c.words += o.words
	c.pos += o.pos
	c.neg += o.neg
	c.act += o.act
	c.self += o.self
}

func (c counts) tone() record.Tone {
	if c.words == 0 {
		return record.Tone{}
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(c.words) }
	p, n := pct(c.pos), pct(c.neg)
	return record.Tone{Tone: p - n, Positive: p, Negative: n, Polarity: p + n,
		Activity: pct(c.act), SelfGroup: pct(c.self), WordCount: c.words}
}

// Annotate sets d.Tone for the whole text and d.SentenceTone for each
// sentence. Without sentences the whole text counts as one; without tokens
// it tokenizes the text itself.
func (a *Annotator) Annotate(ctx context.Context, d *text.Document) error {
	toks := d.Tokens
	if len(toks) == 0 && d.Text != "" {
		toks = text.Tokenize(nil, d.Text)
	}
	var total counts
	if len(d.Sentences) == 0 || len(d.Tokens) == 0 {
		total = a.score(d.Text, toks)
		d.SentenceTone = d.SentenceTone[:0]
	} else {
		st := d.SentenceTone[:0]
		if cap(st) < len(d.Sentences) {
			st = make([]record.Tone, 0, len(d.Sentences))
		}
		for si, s := range d.Sentences {
			if si%256 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			c := a.score(d.Text, toks[s.FirstToken:s.EndToken])
			total.add(c)
			st = append(st, c.tone())
		}
		d.SentenceTone = st
	}
	t := total.tone()
	d.Tone = &t
	return nil
}

// Score returns the tone of s, tokenized on the fly; for ad-hoc use.
func (a *Annotator) Score(s string) record.Tone {
	return a.score(s, text.Tokenize(nil, s)).tone()
}

// score counts the words of toks, one pass, one lookup per word.
func (a *Annotator) score(s string, toks []text.Token) counts {
	var c counts
	lastNeg := -1 << 30
	for _, t := range toks {
		if t.Kind != text.Word {
			continue
		}
		c.words++
		e, ok := a.lx.lookup(s[t.Start:t.End])
		if !ok {
			continue
		}
		if e.flags&flagNegator != 0 {
			lastNeg = c.words
		}
		if e.flags&flagActivity != 0 {
			c.act++
		}
		if e.flags&flagSelfGroup != 0 {
			c.self++
		}
		v := e.valence
		if a.window > 0 && c.words-lastNeg <= a.window && c.words != lastNeg {
			v = -v
		}
		switch {
		case v != 0 && v >= a.minVal:
			c.pos++
		case v != 0 && v <= -a.minVal:
			c.neg++
		}
	}
	return c
}

// Default returns a tone annotator with the embedded VADER lexicon and
// default options. The embedded lexicon is part of the build, so failing to
// load it is a broken invariant.
func Default() *Annotator {
	a, err := New(Options{})
	if err != nil {
		panic("BUG: embedded tone lexicon: " + err.Error())
	}
	return a
}

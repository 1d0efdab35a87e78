package syntax

import (
	"context"
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/internal/text"
)

// MaxSentence is the most tokens parsed as one tree. A longer "sentence"
// (a table, a list without full stops) is parsed in pieces of this many
// tokens, each with a root of its own, so time stays linear.
const MaxSentence = 200

// Annotator is the syntax stage of the pipeline: it fills
// Document.Syntax for every token of every sentence.
type Annotator struct {
	m    *Model
	pool sync.Pool
}

type annotScratch struct {
	words []string
	a     Analysis
}

// NewAnnotator returns the stage for model m.
func NewAnnotator(m *Model) *Annotator { return &Annotator{m: m} }

// Embedded returns the stage with the embedded model. The model is
// checked by the package tests, so failing to load it is a broken build
// and panics.
func Embedded() *Annotator {
	m, err := Default()
	if err != nil {
		panic("BUG: " + err.Error())
	}
	return NewAnnotator(m)
}

// Name returns "syntax".
func (*Annotator) Name() string { return "syntax" }

// Model returns the stage's model.
func (a *Annotator) Model() *Model { return a.m }

// Annotate fills d.Syntax. It reads d.Tokens and d.Sentences.
func (a *Annotator) Annotate(ctx context.Context, d *text.Document) error {
	sc, _ := a.pool.Get().(*annotScratch)
	if sc == nil {
		sc = &annotScratch{}
	}
	defer a.pool.Put(sc)
	if cap(d.Syntax) < len(d.Tokens) {
		d.Syntax = make([]text.TokenSyntax, len(d.Tokens))
	}
	d.Syntax = d.Syntax[:len(d.Tokens)]
	for i := range d.Syntax {
		d.Syntax[i] = text.TokenSyntax{Head: -1}
	}
	tags, labels := a.m.tagger.tags, a.m.parser.labels
	for si, s := range d.Sentences {
		if si%64 == 63 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("syntax: %w", err)
			}
		}
		for start := s.FirstToken; start < s.EndToken; start += MaxSentence {
			end := min(start+MaxSentence, s.EndToken)
			sc.words = sc.words[:0]
			for i := start; i < end; i++ {
				sc.words = append(sc.words, d.TokenText(i))
			}
			a.m.Analyse(sc.words, &sc.a)
			for k := range sc.words {
				t := tags[sc.a.Tags[k]]
				h := sc.a.Heads[k]
				if h >= 0 {
					h += start
				}
				d.Syntax[start+k] = text.TokenSyntax{UPOS: t.UPOS, XPOS: t.XPOS, Lemma: sc.a.Lemmas[k], Head: h, Rel: labels[sc.a.Rels[k]]}
			}
		}
	}
	return nil
}

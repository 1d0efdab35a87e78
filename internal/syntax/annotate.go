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
	info  []wordInfo // of every token of the document
	tags  []uint16   // of every token of the document
	buf   []byte
	st    state
	sc    []int32 // parser scores
	tagSc []int32 // tagger scores
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
	m := a.m
	if sc.sc == nil {
		sc.sc = make([]int32, 1+2*len(m.parser.labels))
		sc.tagSc = make([]int32, len(m.tagger.tags))
	}
	n := len(d.Tokens)
	sc.info = resize(sc.info, n)
	sc.tags = resize(sc.tags, n)
	tags, labels := m.tagger.tags, m.parser.labels
	// Every piece is tagged before any is parsed: the tagger's model and
	// then the parser's stay in the processor's cache for longer.
	for pass := range 2 {
		for si, s := range d.Sentences {
			if si%64 == 63 {
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("syntax: %w", err)
				}
			}
			for start := s.FirstToken; start < s.EndToken; start += MaxSentence {
				end := min(start+MaxSentence, s.EndToken)
				info, tg := sc.info[start:end], sc.tags[start:end]
				if pass == 0 {
					sc.words = sc.words[:0]
					for i := start; i < end; i++ {
						sc.words = append(sc.words, d.TokenText(i))
					}
					sc.buf = describe(info, sc.words, sc.buf, m.tagger.lex)
					m.tagger.tag(tg, info, sc.tagSc)
					for k, w := range sc.words {
						t := tags[tg[k]]
						d.Syntax[start+k] = text.TokenSyntax{UPOS: t.UPOS, XPOS: t.XPOS, Lemma: m.Lemma(w, t.XPOS), Head: -1}
					}
					continue
				}
				x := sentence{info: info, tags: tg}
				m.parser.parse(&x, &sc.st, sc.sc)
				for k := range info {
					h := sc.st.heads[k]
					if h == len(info) {
						h = -1
					} else {
						h += start
					}
					d.Syntax[start+k].Head = h
					d.Syntax[start+k].Rel = labels[sc.st.labels[k]]
				}
			}
		}
	}
	return nil
}

package event

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Explain returns the shallow parse of sentence si of d as one line per
// chunk: tags, noun phrases [..], verb groups <..> with their flags. It is
// for debugging the coder and its dictionary.
func (c *Coder) Explain(d *text.Document, si int) string {
	if d.Syntax == nil && c.tagger == nil {
		return ErrNoSyntax.Error()
	}
	s := &scratch{}
	sent := d.Sentences[si]
	for i := sent.FirstToken; i < sent.EndToken; i++ {
		s.words = append(s.words, d.TokenText(i))
	}
	if c.tagger != nil {
		s.tags = c.tagger.Tag(s.tags[:0], s.words)
	} else {
		s.child = childRels(s.child, d, si)
		s.names = nameTags(s.names, d, d, si)
	}
	p := &s.p
	p.doc, p.first = d, sent.FirstToken
	for i, w := range s.words {
		l, _ := c.dict.lex.lemma(w, s.buf[:])
		if !isKnown(c.dict.lex, l) {
			l = ""
		}
		var tag string
		if c.tagger != nil {
			tag = c.tagger.TagName(s.tags[i])
		} else {
			tag = nameTag(pennTag(d, sent.FirstToken+i, w, s.child[i]), w, s.names[i])
		}
		p.toks = append(p.toks, tok{text: w, tag: tag, lemma: l})
	}
	p.markQuotes()
	p.chunk()
	var b strings.Builder
	for i, t := range p.toks {
		if t.np >= 0 && p.nps[t.np].start == i {
			b.WriteString("[")
		}
		if t.vg >= 0 && p.vgs[t.vg].start == i {
			b.WriteString("<")
		}
		fmt.Fprintf(&b, "%s/%s", t.text, t.tag)
		if t.vg >= 0 && p.vgs[t.vg].end == i+1 {
			g := &p.vgs[t.vg]
			fmt.Fprintf(&b, ">{%s", g.lemma)
			for _, f := range []struct {
				on   bool
				name string
			}{{g.neg, "neg"}, {g.future, "fut"}, {g.modal, "modal"}, {g.passive, "pass"}, {g.inf, "inf"}, {g.finite, "fin"}} {
				if f.on {
					b.WriteString("," + f.name)
				}
			}
			subj := p.subject(t.vg)
			fmt.Fprintf(&b, ",subj=%v}", subj)
		}
		if t.np >= 0 && p.nps[t.np].end == i+1 {
			fmt.Fprintf(&b, "]%d", t.np)
		}
		b.WriteByte(' ')
	}
	return b.String()
}

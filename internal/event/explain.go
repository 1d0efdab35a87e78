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
	if d.Syntax == nil {
		return ErrNoSyntax.Error()
	}
	s := &scratch{}
	sent := d.Sentences[si]
	for i := sent.FirstToken; i < sent.EndToken; i++ {
		s.words = append(s.words, d.TokenText(i))
	}
	c.chunkSentence(d, d, si, s)
	p := &s.p
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

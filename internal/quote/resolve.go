package quote

import (
	"slices"
	"sort"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// candidate is a named person that a later pronoun may refer to: a named
// speaker, or a PER entity in subject position.
type candidate struct {
	at  int // byte offset
	spk text.Speaker
}

// resolveAll sets every pending quote's resolved speaker. Speakers are
// resolved through Entities and Mentions (filled by ner and actor); when
// the document has no Mentions, a personal pronoun falls back to the last
// named speaker or subject-position person before it.
func (st *state) resolveAll() {
	st.collectCandidates()
	for i := range st.qs {
		st.resolve(i, 0)
	}
}

func (st *state) resolve(i, depth int) *text.Speaker {
	p := &st.qs[i]
	if p.done || depth > 8 {
		return p.resolved
	}
	p.done = true
	switch {
	case p.hasSpk:
		sp := st.speakerOf(p.speaker)
		p.resolved = &sp
	case p.inherit >= 0 && p.inherit != i:
		if r := st.resolve(p.inherit, depth+1); r != nil {
			c := *r
			p.resolved = &c
		}
	}
	return p.resolved
}

// speakerOf resolves the speaker phrase sp.
func (st *state) speakerOf(sp text.Span) text.Speaker {
	out := text.Speaker{Span: sp}
	if e, ok := st.entityIn(sp); ok {
		out.Name, out.Actor = st.entityName(e), st.d.Entities[e].Actor
		return out
	}
	if !st.menIdxOK {
		st.menIdx.Build(len(st.d.Mentions), func(i int) text.Span { return st.d.Mentions[i].Span })
		st.menIdxOK = true
	}
	// Mentions are walked in order; those before From(sp.Start) end before
	// sp, and those from After(sp.End) on start after it.
	for _, m := range st.d.Mentions[st.menIdx.From(sp.Start):st.menIdx.After(sp.End)] {
		if !m.Overlaps(sp) {
			continue
		}
		if m.Entity >= 0 && m.Entity < len(st.d.Entities) {
			out.Name, out.Actor = st.entityName(m.Entity), st.d.Entities[m.Entity].Actor
		} else if m.Actor != nil {
			out.Name, out.Actor = m.Actor.Name, m.Actor
		}
		return out
	}
	i := st.d.TokenAt(sp.Start)
	if i >= len(st.toks) {
		return out
	}
	w := st.tok(i)
	switch {
	case sp.End == st.toks[i].End && (w == "who" || w == "which"):
		// X, who said ...: the phrase before the comma.
		if j := i - 1; st.isComma(j) {
			if a, b, ok := st.npLeft(j-1, 0); ok && st.cls(a)&wPronoun == 0 {
				r := st.speakerOf(st.span(a, b))
				out.Name, out.Actor = r.Name, r.Actor
			}
		}
	case sp.End == st.toks[i].End && st.cls(i)&wPersonal != 0:
		if len(st.d.Mentions) == 0 && w != "I" && w != "i" {
			if c, ok := st.candidateBefore(sp.Start); ok {
				out.Name, out.Actor = c.Name, c.Actor
			}
		}
	case len(st.d.Entities) > 0:
		// The entity tagger ran and found no name here: a common noun
		// phrase (Police, Analysts), not a name.
	default:
		if n := st.nameOf(i, st.d.TokenAt(sp.End-1)+1); n.End > n.Start {
			out.Name = st.d.Slice(n)
		}
	}
	return out
}

// entityIn returns the PER entity inside sp (or, failing that, any entity
// that is not a place), preferring the last one.
func (st *state) entityIn(sp text.Span) (int, bool) {
	best := -1
	if !st.entIdxOK {
		st.entIdx.Build(len(st.d.Entities), func(i int) text.Span { return st.d.Entities[i].Span })
		st.entIdxOK = true
	}
	// The walk stops at the first entity that starts at or after sp.End;
	// entities before From(sp.Start) end before sp.
	end := st.entIdx.Before(sp.End)
	for i := st.entIdx.From(sp.Start); i < end; i++ {
		e := &st.d.Entities[i]
		if !e.Overlaps(sp) || e.Type == record.LOC {
			continue
		}
		if best < 0 || e.Type == record.PER || st.d.Entities[best].Type != record.PER {
			best = i
		}
	}
	return best, best >= 0
}

func (st *state) entityName(i int) string {
	e := &st.d.Entities[i]
	if e.Actor != nil && e.Actor.Name != "" {
		return e.Actor.Name
	}
	return st.d.Slice(e.Span)
}

// collectCandidates gathers the persons pronouns may refer to, in order.
func (st *state) collectCandidates() {
	for i := range st.qs {
		p := &st.qs[i]
		if !p.hasSpk {
			continue
		}
		k := st.d.TokenAt(p.speaker.Start)
		if k < len(st.toks) && st.cls(k)&wPronoun != 0 {
			continue
		}
		sp := st.speakerOf(p.speaker)
		if sp.Name != "" {
			st.cands = append(st.cands, candidate{at: p.speaker.Start, spk: sp})
		}
	}
	for i := range st.d.Entities {
		e := &st.d.Entities[i]
		if e.Type != record.PER {
			continue
		}
		k := st.d.TokenAt(e.Start)
		first, _ := st.sentence(min(k, len(st.toks)-1))
		if k == first || st.isComma(k-1) || st.cls(k-1)&wTitle != 0 && st.isCap(k-1) && st.subjectTitle(k-1, first) {
			st.cands = append(st.cands, candidate{at: e.Start, spk: text.Speaker{Span: e.Span, Name: st.entityName(i), Actor: e.Actor}})
		}
	}
	slices.SortStableFunc(st.cands, func(a, b candidate) int { return a.at - b.at })
}

// subjectTitle reports whether the capitalised title run ending at k
// opens its sentence or clause (Russian President Vladimir Putin said).
func (st *state) subjectTitle(k, first int) bool {
	for k > first && st.isCap(k-1) {
		k--
	}
	return k == first || st.isComma(k-1) || st.is(k-1, "–") || st.is(k-1, "—")
}

// candidateBefore returns the last candidate that starts before off.
func (st *state) candidateBefore(off int) (text.Speaker, bool) {
	i := sort.Search(len(st.cands), func(i int) bool { return st.cands[i].at >= off })
	if i == 0 {
		return text.Speaker{}, false
	}
	return st.cands[i-1].spk, true
}

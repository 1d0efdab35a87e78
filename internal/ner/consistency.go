package ner

import (
	"slices"

	"github.com/newsgraph/newsgraph/internal/text"
)

// A name is written in full once and shortened later ("Andy Warhol" …
// "Warhol"); a sentence-level tagger sees the short form without the
// evidence of the full one. harmonize makes the entities of one document
// agree with each other, in one pass over them:
//   - an entity whose words all belong to a multi-word person name found in
//     the document is a person ("Putin" after "Vladimir Putin");
//   - a capitalised word left untagged that is the last word of such a name
//     is a person too;
//   - the same string tagged with different types takes the type with the
//     largest total confidence.
//
// The persons of the first two rules (and single-word persons that are
// such a surname) are Decided: the actor stage, which retypes
// a capital tagged PER to LOC, leaves them be ("Paris" after "Valeska
// Paris").
//
// ents are the document's entities from index first on, in text order.
func (t *Tagger) harmonize(d *text.Document, first int, dec *decoder) {
	ents := d.Entities[first:]
	if len(ents) < 2 {
		return
	}
	names := dec.names
	clear(names)
	surnames := dec.surnames
	clear(surnames)
	for _, e := range ents {
		if e.Type != "PER" {
			continue
		}
		i, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		if end-i < 2 {
			continue
		}
		for j := i; j < end; j++ {
			if w := d.TokenText(j); len(w) >= 2 && isCapital(w) {
				names[w] = true
			}
		}
		surnames[d.TokenText(end-1)] = true
	}
	if len(names) > 0 {
		for k := range ents {
			e := &ents[k]
			if e.Type == "PER" {
				if e.Origin == "ner" && surnames[d.Slice(e.Span)] {
					e.Origin, e.Decided = "ner:name", true // "Paris" after "Valeska Paris"
				}
				continue
			}
			i, end := d.TokenAt(e.Start), d.TokenAt(e.End)
			all := end > i
			for j := i; j < end && all; j++ {
				all = names[d.TokenText(j)]
			}
			if all {
				e.Type = "PER"
				e.Origin, e.Decided = "ner:name", true
			}
		}
		// Untagged surnames.
		k := 0
		for si := d.SentenceOf(ents[0].Start); si >= 0 && si < len(d.Sentences); si++ {
			s := d.Sentences[si]
			for j := s.FirstToken; j < s.EndToken; j++ {
				tk := d.Tokens[j]
				for k < len(ents) && ents[k].End <= tk.Start {
					k++
				}
				if k < len(ents) && ents[k].Start < tk.End {
					continue // inside an entity
				}
				if tk.Kind == text.Word && surnames[d.TokenText(j)] && !isAdjacentCapital(d, j, s) {
					d.Entities = append(d.Entities, text.Entity{Span: tk.Span, Type: "PER", Prob: 0.5, Origin: "ner:name", Decided: true})
				}
			}
		}
		ents = d.Entities[first:]
	}
	// Majority type per string.
	votes := dec.votes
	clear(votes)
	for _, e := range ents {
		v := votes[d.Slice(e.Span)]
		v[beginOf(e.Type)/2] += float32(e.Prob)
		votes[d.Slice(e.Span)] = v
	}
	for k := range ents {
		e := &ents[k]
		v := votes[d.Slice(e.Span)]
		best := beginOf(e.Type) / 2
		for ti := range v {
			if v[ti] > v[best] {
				best = ti
			}
		}
		e.Type = types[best]
	}
	sortEntities(d.Entities[first:])
	// Keys are slices of d.Text: let the document go.
	clear(names)
	clear(surnames)
	clear(votes)
}

// isAdjacentCapital reports whether token j has a capitalised word right
// before or after it in its sentence: then it is part of a longer name the
// tagger chose not to tag, which a surname alone should not override.
func isAdjacentCapital(d *text.Document, j int, s text.Sentence) bool {
	if j > s.FirstToken && d.Tokens[j-1].Kind == text.Word && isCapital(d.TokenText(j-1)) && j-1 != s.FirstToken {
		return true
	}
	return j+1 < s.EndToken && d.Tokens[j+1].Kind == text.Word && isCapital(d.TokenText(j+1))
}

func isCapital(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// sortEntities sorts ents by start, keeping the order of equal starts. (An
// insertion sort here was quadratic when rules appended many entities to
// a long document.)
func sortEntities(ents []text.Entity) {
	slices.SortStableFunc(ents, func(a, b text.Entity) int { return a.Start - b.Start })
}

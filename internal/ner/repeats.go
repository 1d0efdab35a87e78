package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// A name the tagger found once is the same name where the document repeats
// it, but the tagger judges every sentence apart and misses some repeats,
// above all in odd contexts: a results line ("Brazil 3 Chile 1"), a
// caption, a list. repeats tags every untagged repeat of a name tagged
// elsewhere in the document with that name's type. A repeat must stand
// alone: a capitalised word right before (other than a sentence's first
// word) or right after it makes it part of a longer name, which is left
// to the tagger. Only names the tagger was sure of are spread, and a
// one-word name only when the document never writes it in lower case.

// repeatMinProb is the tagger's least confidence in a name for its repeats
// to be tagged: an unsure name ("Polaroids" LOC) is not spread.
const repeatMinProb = 0.8

// repeats applies the rule to the entities of d from index first on, which
// are in text order, and leaves them in text order.
func repeats(d *text.Document, first int) {
	ents := d.Entities[first:]
	if len(ents) == 0 {
		return
	}
	// Names by first word: token texts and type.
	type name struct {
		i, end int // the tokens of its first occurrence
		typ    string
	}
	var byFirst map[string][]name
	inside := make([]bool, len(d.Tokens))
	for _, e := range ents {
		i, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		if end > len(d.Tokens) || i >= end || d.Tokens[i].Start != e.Start || d.Tokens[end-1].End != e.End {
			continue // inside a hyphenated word
		}
		for j := i; j < end; j++ {
			inside[j] = true
		}
		if e.Type == "NORP" || e.Prob < repeatMinProb || !isCapital(d.TokenText(i)) || e.End-e.Start < 2 {
			continue
		}
		if byFirst == nil {
			byFirst = map[string][]name{}
		}
		w := d.TokenText(i)
		known := false
		for _, n := range byFirst[w] {
			known = known || n.end-n.i == end-i && sameWords(d, n.i, i, end-i)
		}
		if !known {
			byFirst[w] = append(byFirst[w], name{i, end, e.Type})
		}
	}
	if byFirst == nil {
		return
	}
	// A one-word name the document also writes in lower case is a common
	// word somewhere; its repeats are left to the tagger.
	lower := map[string]string{} // lower-cased one-word name → name
	for first, names := range byFirst {
		for _, nm := range names {
			if nm.end-nm.i == 1 {
				lower[strings.ToLower(first)] = first
			}
		}
	}
	for _, tk := range d.Tokens {
		w := d.Text[tk.Start:tk.End]
		if tk.Kind != text.Word || w[0] < 'a' || w[0] > 'z' {
			continue
		}
		if first, ok := lower[w]; ok {
			kept := byFirst[first][:0]
			for _, nm := range byFirst[first] {
				if nm.end-nm.i > 1 {
					kept = append(kept, nm)
				}
			}
			byFirst[first] = kept
		}
	}
	n := len(d.Entities)
	for _, s := range d.Sentences {
		for j := s.FirstToken; j < s.EndToken; j++ {
			if inside[j] || d.Tokens[j].Kind != text.Word {
				continue
			}
			for _, nm := range byFirst[d.TokenText(j)] {
				end := j + nm.end - nm.i
				if end > s.EndToken || !sameWords(d, nm.i, j, end-j) || anyInside(inside, j, end) {
					continue
				}
				if j > s.FirstToken && isCapitalWord(d, j-1) || end < s.EndToken && isCapitalWord(d, end) {
					continue
				}
				d.Entities = append(d.Entities, text.Entity{
					Span: text.Span{Start: d.Tokens[j].Start, End: d.Tokens[end-1].End},
					Type: nm.typ, Prob: 0.5, Origin: "ner:repeat",
				})
				for k := j; k < end; k++ {
					inside[k] = true
				}
				break
			}
		}
	}
	if len(d.Entities) > n {
		sortEntities(d.Entities[first:])
	}
}

// sameWords reports whether the n tokens from a and from b have the same
// texts.
func sameWords(d *text.Document, a, b, n int) bool {
	for k := 0; k < n; k++ {
		if d.TokenText(a+k) != d.TokenText(b+k) {
			return false
		}
	}
	return true
}

// anyInside reports whether a token in [i, end) is inside an entity.
func anyInside(inside []bool, i, end int) bool {
	for k := i; k < end; k++ {
		if inside[k] {
			return true
		}
	}
	return false
}

// isCapitalWord reports whether token j is a word starting with a capital.
func isCapitalWord(d *text.Document, j int) bool {
	return d.Tokens[j].Kind == text.Word && isCapital(d.TokenText(j))
}

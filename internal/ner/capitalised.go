package ner

import "github.com/newsgraph/newsgraph/internal/text"

// The first word of a sentence is capitalised whatever it is, so the
// capital there says nothing, and the tagger sometimes takes a common noun
// opening a sentence for a name ("Iodine deficiency is …", "Homeopathy is
// a form of …"). The document itself tells: a word that it also writes in
// lower case inside a sentence is a common word. commonOpeners drops a
// one-word entity that opens a sentence when the document writes the same
// word in lower case elsewhere, not first in its sentence. Names that the
// document decided on (a person's surname, an organisation of the lexicon)
// stay.

// commonOpeners applies the rule to the entities of d from index first on.
func commonOpeners(d *text.Document, first int) { commonOpenersIn(d, first, map[uint64]bool{}) }

// commonOpenersIn is commonOpeners with cand, an empty map it may use and
// leaves empty.
func commonOpenersIn(d *text.Document, first int, cand map[uint64]bool) {
	defer clear(cand)
	var initials uint32 // first letters of the candidates, lower case
	for _, e := range d.Entities[first:] {
		if opensSentence(d, e) {
			w := d.Slice(e.Span)
			cand[lowerHash(w)] = false
			initials |= letterBit(w[0] | 0x20)
		}
	}
	if len(cand) == 0 {
		return
	}
	found := 0
	for _, s := range d.Sentences {
		for j := s.FirstToken + 1; j < s.EndToken && found < len(cand); j++ {
			w := d.TokenText(j)
			if d.Tokens[j].Kind != text.Word || w == "" || initials&letterBit(w[0]) == 0 {
				continue
			}
			if seen, ok := cand[lowerHash(w)]; ok && !seen {
				cand[lowerHash(w)] = true
				found++
			}
		}
	}
	if found == 0 {
		return
	}
	kept := d.Entities[:first]
	for _, e := range d.Entities[first:] {
		if opensSentence(d, e) && cand[lowerHash(d.Slice(e.Span))] {
			continue
		}
		kept = append(kept, e)
	}
	d.Entities = kept
}

// opensSentence reports whether e is a one-word entity that the tagger
// found (not a rule) on the first word of its sentence.
func opensSentence(d *text.Document, e text.Entity) bool {
	if e.Decided || e.Origin != "ner" {
		return false
	}
	j, si := d.TokenAt(e.Start), d.SentenceOf(e.Start)
	if j >= len(d.Tokens) || si < 0 || d.Tokens[j].Span != e.Span {
		return false
	}
	s := d.Sentences[si]
	i := s.FirstToken
	for i < j && d.Tokens[i].Kind == text.Punct {
		i++ // an opening quote or bracket
	}
	return i == j
}

// A headline in capitals ("TENNIS - SPAIN SEAL EASY WIN , ITALY OUT")
// has no case to tell names from words, and the tagger
// takes some words for names ("EASY WIN" PER). The story under it tells:
// capsHeadlines drops an entity of the tagger's in a sentence written in
// capitals when the document writes every one of its words in lower case
// elsewhere.

// capsHeadlines applies the rule to the entities of d from index first on.
func capsHeadlines(d *text.Document, first int) { capsHeadlinesIn(d, first, map[uint64]bool{}) }

// capsHeadlinesIn is capsHeadlines with lower, an empty map it may use and
// leaves empty.
func capsHeadlinesIn(d *text.Document, first int, lower map[uint64]bool) {
	defer clear(lower)
	caps := false
	for si := range d.Sentences {
		if caps = isCapsSentence(d, si); caps {
			break
		}
	}
	if !caps {
		return
	}
	for j, tk := range d.Tokens {
		if w := d.TokenText(j); tk.Kind == text.Word && w[0] >= 'a' && w[0] <= 'z' {
			lower[lowerHash(w)] = true
		}
	}
	kept := d.Entities[:first]
	for _, e := range d.Entities[first:] {
		if e.Origin == "ner" && !e.Decided && isCapsSentence(d, d.SentenceOf(e.Start)) {
			all := true
			for j := d.TokenAt(e.Start); j < len(d.Tokens) && d.Tokens[j].Start < e.End && all; j++ {
				all = d.Tokens[j].Kind != text.Word || lower[lowerHash(d.TokenText(j))]
			}
			if all {
				continue
			}
		}
		kept = append(kept, e)
	}
	d.Entities = kept
}

// isCapsSentence reports whether sentence si has at least three words and
// all its words of two letters or more are in capitals.
func isCapsSentence(d *text.Document, si int) bool {
	if si < 0 {
		return false
	}
	s := d.Sentences[si]
	words := 0
	for j := s.FirstToken; j < s.EndToken; j++ { // most sentences end at their second word
		if d.Tokens[j].Kind != text.Word || d.Tokens[j].Len() < 2 {
			continue
		}
		if !isCapsWord(d, j) {
			return false
		}
		words++
	}
	return words >= 3
}

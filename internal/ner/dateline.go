package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Wire copy opens with a dateline: the place in capitals, then the agency
// in brackets or the date ("MOSCOW (AA) –", "BRUSSELS 1996-08-22"). News
// corpora for training rarely contain one, so the tagger is unsure of it;
// datelines marks such a place as LOC. A run of capitals followed by a dash
// alone ("SOCCER - JAPAN ...") is a section label, not a place.

// maxDatelineWords is the longest place name read in a dateline.
const maxDatelineWords = 3

// datelines retypes or adds the LOC entity of the dateline at the start of
// each line of d, for the entities from index first on.
func datelines(d *text.Document, first int) {
	for _, s := range d.Sentences {
		i := s.FirstToken
		if i >= s.EndToken || i > 0 && !d.Tokens[i].Has(text.NewlineBefore) {
			continue
		}
		j := i
		for j < s.EndToken && j-i < maxDatelineWords && isCapsWord(d, j) {
			j++
		}
		if j == i || j >= s.EndToken {
			continue
		}
		next := d.Tokens[j]
		nw := d.TokenText(j)
		if !(next.Kind == text.Number || nw[0] >= '0' && nw[0] <= '9' || nw == "(") {
			continue
		}
		span := text.Span{Start: d.Tokens[i].Start, End: d.Tokens[j-1].End}
		// Drop what the tagger said inside the place; add it as LOC.
		out := d.Entities[:first]
		for _, e := range d.Entities[first:] {
			if !e.Overlaps(span) {
				out = append(out, e)
			}
		}
		d.Entities = append(out, text.Entity{Span: span, Type: "LOC", Prob: 0.9, Origin: "ner"})
		sortEntities(d.Entities[first:])
	}
}

// isCapsWord reports whether token j is a word of at least two letters, all
// capitals.
func isCapsWord(d *text.Document, j int) bool {
	tk := d.Tokens[j]
	if tk.Kind != text.Word {
		return false
	}
	w := d.TokenText(j)
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '-' || r == '.' || r == '\'':
		default:
			return false
		}
	}
	return letters >= 2 && utf8.RuneCountInString(w) >= 2
}

package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/text"
)

// Wire copy opens with a dateline: the place in capitals, then the agency
// in brackets or the date ("MOSCOW (AA) –", "BRUSSELS 1996-08-22"), the
// place's country or state sometimes between ("KANDY, Sri Lanka
// 2024-03-11"). News
// corpora for training rarely contain one, so the tagger is unsure of it;
// datelines marks such a place as LOC. A run of capitals followed by a dash
// alone ("TENNIS - SPAIN ...") is a section label, not a place.

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
		spans := []text.Span{{Start: d.Tokens[i].Start, End: d.Tokens[j-1].End}}
		// The place may be followed by its country or state:
		// "KANDY, Sri Lanka 2024-03-11".
		if d.TokenText(j) == "," {
			k := j + 1
			for k < s.EndToken && k-j <= maxDatelineWords && isCapitalWord(d, k) {
				k++
			}
			if k > j+1 && k < s.EndToken && isDatelineEnd(d, k) {
				spans = append(spans, text.Span{Start: d.Tokens[j+1].Start, End: d.Tokens[k-1].End})
				j = k
			}
		}
		if !isDatelineEnd(d, j) {
			continue
		}
		// Drop what the tagger said inside the places; add them as LOC.
		dropOverlapping(d, first, spans)
		for _, sp := range spans {
			d.Entities = append(d.Entities, text.Entity{Span: sp, Type: "LOC", Prob: 0.9, Origin: "ner"})
		}
		sortEntities(d.Entities[first:])
	}
}

// isDatelineEnd reports whether token j ends a dateline's place: a number
// or date, or the bracket of the agency.
func isDatelineEnd(d *text.Document, j int) bool {
	w := d.TokenText(j)
	return d.Tokens[j].Kind == text.Number || w[0] >= '0' && w[0] <= '9' || w == "("
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

package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/text"
)

// Sports reports list results as score lines: "Bayern Munich 2 Hamburg 0",
// "Belgium 3 – 0 Panama". The tagger, reading a line of names and numbers
// without a verb, types the sides at random (a club named after a person
// or a town comes out PER or LOC) or misses them. In a document that reads
// as a sports report (isSportsReport), scorelines takes the two runs of
// capitalised words around the scores of such a line for sides: a side
// named after its country LOC (as CoNLL-2003 types national sides), any
// other ORG, both marked Team and Decided, and so is the same name
// elsewhere in the report. Two patterns, each a whole
// clause (at the sentence's edges or between , ; : and —):
//
//	SIDE N SIDE N        "Bayern Munich 2 Hamburg 0"
//	SIDE N – N SIDE      "Belgium 3 – 0 Panama"

// scorelines applies the rule to the entities of d from index first on,
// which are in text order, and leaves them in text order.
func scorelines(d *text.Document, first int) {
	if isSportsReport(d) {
		readScorelines(d, first)
	}
}

// readScorelines is scorelines in a document known to be a sports report.
func readScorelines(d *text.Document, first int) {
	var sides []text.Span
	for _, s := range d.Sentences {
		for j := s.FirstToken; j < s.EndToken; j++ {
			if j > s.FirstToken && !isClauseStart(d, j-1) {
				continue
			}
			a := sideEnd(d, j, s.EndToken)
			if a == j || a >= s.EndToken || d.Tokens[a].Kind != text.Number {
				continue
			}
			var b0, b1 int
			switch {
			case a+2 < s.EndToken && isDash(d.TokenText(a+1)) && d.Tokens[a+2].Kind == text.Number:
				b0 = a + 3 // SIDE N – N SIDE
				b1 = sideEnd(d, b0, s.EndToken)
				if b1 == b0 || b1 < s.EndToken && !isClauseEnd(d, b1) {
					continue
				}
			default: // SIDE N SIDE N
				b0 = a + 1
				b1 = sideEnd(d, b0, s.EndToken)
				if b1 == b0 || b1 >= s.EndToken || d.Tokens[b1].Kind != text.Number || b1+1 < s.EndToken && !isClauseEnd(d, b1+1) {
					continue
				}
			}
			sides = append(sides,
				text.Span{Start: d.Tokens[j].Start, End: d.Tokens[a-1].End},
				text.Span{Start: d.Tokens[b0].Start, End: d.Tokens[b1-1].End})
			j = b1
		}
	}
	if len(sides) == 0 {
		return
	}
	dropOverlapping(d, first, sides)
	n := len(d.Entities)
	for _, sp := range sides {
		typ := "ORG"
		if actor.IsCountryName(d.Slice(sp)) {
			typ = "LOC"
		}
		d.Entities = append(d.Entities, text.Entity{Span: sp, Type: typ, Prob: 0.9, Origin: "ner:team", Decided: true, Team: true})
	}
	// The same name elsewhere in the report is the same side.
	typeOf := make(map[string]string, len(sides))
	for _, side := range d.Entities[n:] {
		typeOf[d.Slice(side.Span)] = side.Type
	}
	for k := first; k < n; k++ {
		e := &d.Entities[k]
		if typ, ok := typeOf[d.Slice(e.Span)]; ok {
			e.Type, e.Origin, e.Decided, e.Team = typ, "ner:team", true, true
		}
	}
	sortEntities(d.Entities[first:])
}

// sideEnd returns the end of the run of capitalised words from token j
// (at most 4), or j when there is none.
func sideEnd(d *text.Document, j, end int) int {
	k := j
	for k < end && k-j < 4 && isCapitalWord(d, k) {
		k++
	}
	return k
}

// isClauseStart reports whether token j ends the clause before a score
// line: , ; : — – or a bracket.
func isClauseStart(d *text.Document, j int) bool {
	return d.Tokens[j+1].Has(text.NewlineBefore) || strings.Contains(",;:—–-(", d.TokenText(j)) && d.Tokens[j].Kind == text.Punct
}

// isClauseEnd reports whether token j ends a score line: . , ; : ( or a
// dash.
func isClauseEnd(d *text.Document, j int) bool {
	return d.Tokens[j].Has(text.NewlineBefore) || d.Tokens[j].Kind == text.Punct && strings.Contains(".,;:—–-(", d.TokenText(j))
}

// isDash reports whether w is a hyphen or dash standing alone.
func isDash(w string) bool { return w == "-" || w == "–" || w == "—" }

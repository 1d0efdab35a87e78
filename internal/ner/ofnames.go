package ner

import "github.com/newsgraph/newsgraph/internal/text"

// "University of South Florida", "Ministry of Defence": an institution's
// head noun, "of" and a place or a field make one name. The tagger
// sometimes splits it ("University" ORG, "South Florida" LOC). ofNames
// joins an ORG entity that ends in an institution noun with the entity
// right after "of" (or "of the") into one ORG.

// institutionNouns head the names of institutions.
var institutionNouns = map[string]bool{
	"University": true, "Institute": true, "Ministry": true, "Department": true,
	"Bank": true, "Council": true, "Committee": true, "Commission": true,
	"Association": true, "Society": true, "Foundation": true, "Agency": true,
	"Academy": true, "College": true, "School": true, "Office": true, "Board": true,
	"Federation": true, "Union": true, "Party": true, "League": true, "Court": true,
	"Organisation": true, "Organization": true, "Authority": true, "Bureau": true,
}

// ofNames applies the rule to the entities of d from index first on, which
// are in text order.
func ofNames(d *text.Document, first int) {
	ents := d.Entities[first:]
	out := ents[:0]
	for k := 0; k < len(ents); k++ {
		e := ents[k]
		if e.Type == "ORG" && k+1 < len(ents) {
			end, ok := endToken(d, e.Span) // the token after e
			if ok && end < len(d.Tokens) && institutionNouns[d.TokenText(end-1)] && d.TokenText(end) == "of" {
				next := end + 1
				if next < len(d.Tokens) && d.TokenText(next) == "the" {
					next++
				}
				if n := ents[k+1]; next < len(d.Tokens) && n.Start == d.Tokens[next].Start && n.Type != "PER" {
					e.End = n.End
					e.Prob = min(e.Prob, n.Prob)
					e.Origin = "ner:of"
					k++
				}
			}
		}
		out = append(out, e)
	}
	d.Entities = d.Entities[:first+len(out)]
}

// endToken returns the index of the token after span s, and whether s ends
// where a token ends (the parts of a hyphenated word do not).
func endToken(d *text.Document, s text.Span) (int, bool) {
	end := d.TokenAt(s.End)
	return end, end > 0 && d.Tokens[end-1].End == s.End
}

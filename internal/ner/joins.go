package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// joinNames joins names the tagger cut in two where the text shows one
// name, as CoNLL spans them:
//
//   - "State of Texas", "Province of Aceh", "Plains of Arafat": a place
//     word and "of" before a place make one place;
//   - "University of North Carolina at Greensboro": a university's name
//     goes on through "at" and its campus town;
//   - "the Indonesian Navy", "the Korean Army": a nationality right before
//     a one-word armed force or government body makes one organisation.
func joinNames(d *text.Document, first int) {
	changed := false
	for k := first; k < len(d.Entities); k++ {
		e := &d.Entities[k]
		if e.Start < 0 || e.Decided {
			continue
		}
		j, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		if end < len(d.Tokens) && d.Tokens[end].Start < e.End {
			end++
		}
		switch e.Type {
		case "LOC":
			// Place word + "of" + place.
			if j >= 2 && d.TokenText(j-1) == "of" && foldedIn(placeOfHeads, d.TokenText(j-2)) && isCapital(d.TokenText(j-2)) &&
				(k == first || d.Entities[k-1].End <= d.Tokens[j-2].Start || d.Entities[k-1].End <= d.Tokens[j-1].Start && d.Entities[k-1].Start == d.Tokens[j-2].Start) {
				if k > first && d.Entities[k-1].Start == d.Tokens[j-2].Start {
					d.Entities[k-1].Start = -1 // "State" tagged alone
				}
				e.Start, e.Origin = d.Tokens[j-2].Start, "ner:join"
				changed = true
			}
		case "ORG":
			// University ... at Town.
			if !strings.Contains(d.Slice(e.Span), "University") && !strings.Contains(d.Slice(e.Span), "College") {
				break
			}
			if end+1 < len(d.Tokens) && d.TokenText(end) == "at" && k+1 < len(d.Entities) {
				n := &d.Entities[k+1]
				if n.Start == d.Tokens[end+1].Start && n.Type == "LOC" {
					e.End, e.Origin = n.End, "ner:join"
					n.Start = -1
					changed = true
				}
			}
		case "NORP":
			// Nationality + armed force.
			if k+1 < len(d.Entities) && end < len(d.Tokens) {
				n := &d.Entities[k+1]
				if n.Type == "ORG" && n.Start == d.Tokens[end].Start && d.Text[e.End:n.Start] == " " &&
					foldedIn(forceWords, d.Slice(n.Span)) {
					n.Start, n.Origin = e.Start, "ner:join"
					e.Start = -1
					changed = true
				}
			}
		}
	}
	if changed {
		dropMarked(d, first)
	}
}

// placeOfHeads make a place of "<word> of <place>".
var placeOfHeads = map[string]bool{
	"state": true, "province": true, "plains": true, "isle": true, "prefecture": true, "governorate": true,
	"county": true, "emirate": true, "sultanate": true, "principality": true, "canton": true,
}

// forceWords are one-word bodies a nationality before makes a name.
var forceWords = map[string]bool{
	"navy": true, "army": true, "military": true, "police": true, "government": true, "parliament": true,
	"coastguard": true, "gendarmerie": true,
}

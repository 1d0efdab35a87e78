package ner

import "github.com/newsgraph/newsgraph/internal/text"

// A role noun after an organisation's name ends the name: "State
// Department Spokesperson Jeff Rathke", "NASA Administrator Charles
// Bolden". The tagger, which saw few such runs, sometimes takes the whole
// run for one organisation. roles cuts an ORG entity at its first role
// noun: the words before stay ORG, and a run of capitalised words after the
// role nouns becomes a person.

// roleNouns are nouns for a person's role that never end an organisation's
// name (unlike "Minister" or "General", which do: "Foreign Ministry",
// "General Assembly"; those are not here).
var roleNouns = map[string]bool{
	"spokesperson": true, "spokesman": true, "spokeswoman": true, "administrator": true,
	"professor": true, "director": true, "chairman": true, "chairwoman": true,
	"chairperson": true, "ceo": true, "founder": true, "co-founder": true, "creator": true,
	"correspondent": true, "editor": true, "reporter": true, "analyst": true,
	"researcher": true, "lawmaker": true, "mp": true, "senator": true, "spokespeople": true,
}

// roles applies the rule to the entities of d from index first on, which
// are in text order.
func roles(d *text.Document, first int) {
	var add []text.Entity
	for k := first; k < len(d.Entities); k++ {
		e := &d.Entities[k]
		if e.Type != "ORG" {
			continue
		}
		i, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		cut := -1
		for j := i + 1; j < end; j++ {
			if w := d.TokenText(j); isCapital(w) && isRoleNoun(w) {
				cut = j
				break
			}
		}
		if cut < 0 {
			continue
		}
		name := cut
		for name < end && isRoleNoun(d.TokenText(name)) {
			name++
		}
		if name < end {
			all := true
			for j := name; j < end && all; j++ {
				all = d.Tokens[j].Kind == text.Word && isCapital(d.TokenText(j))
			}
			if all {
				add = append(add, text.Entity{Span: text.Span{Start: d.Tokens[name].Start, End: e.End},
					Type: "PER", Prob: e.Prob, Origin: "ner:role"})
			}
		}
		e.End = d.Tokens[cut-1].End
		e.Origin = "ner:role"
	}
	if len(add) > 0 {
		d.Entities = append(d.Entities, add...)
		sortEntities(d.Entities[first:])
	}
}

// isRoleNoun reports whether w (any case) is a role noun.
func isRoleNoun(w string) bool { return foldedIn(roleNouns, w) }

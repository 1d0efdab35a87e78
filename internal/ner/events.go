package ner

import "github.com/newsgraph/newsgraph/internal/text"

// Named events, prizes, agreements and indices ("World Cup", "Booker
// Prize", "Kyoto Protocol", "Dow Jones Industrial Average") are neither
// people, organisations nor places: CoNLL types them MISC, and GMB, which
// the tagger learnt from, leaves them out, so what the tagger says of them
// is a guess ("Lantern Festival" PER, "Google Science Fair" ORG). events
// retypes MISC (and marks Decided) an entity whose last word heads such a
// name; one word alone only when it is a name by itself ("Olympics").

// eventHeads are last words of the names of events, prizes, agreements
// and market indices.
var eventHeads = map[string]bool{
	"Cup": true, "Championship": true, "Championships": true, "Olympics": true, "Olympiad": true,
	"Games": true, "Prize": true, "Award": true, "Awards": true, "Festival": true, "Expo": true,
	"Fair": true, "Marathon": true, "Tournament": true, "Trophy": true, "Prix": true, "Rally": true,
	"Treaty": true, "Protocol": true, "Accord": true, "Accords": true, "Agreement": true,
	"Average": true, "Index": true, "Composite": true,
}

// eventWords are event names that stand alone.
var eventWords = map[string]bool{"Olympics": true, "Olympiad": true, "Paralympics": true}

// events applies the rule to the entities of d from index first on.
func events(d *text.Document, first int) {
	for k := first; k < len(d.Entities); k++ {
		e := &d.Entities[k]
		if e.Decided || e.Type != "PER" && e.Type != "ORG" && e.Type != "LOC" {
			continue
		}
		i, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		if end > len(d.Tokens) || end <= i || d.Tokens[end-1].End != e.End {
			continue
		}
		last := d.TokenText(end - 1)
		if end-i >= 2 && eventHeads[last] || end-i == 1 && eventWords[last] {
			e.Type, e.Origin, e.Decided = "MISC", "ner:event", true
		}
	}
}

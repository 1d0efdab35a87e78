package ner

import (
	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/text"
)

// The actor dictionary knows the full names of the people who make world
// news. known retypes PER an entity of the tagger's, of two words or more,
// typed otherwise ("the trial of Saddam Hussein" LOC) whose text is such a
// name.

// known applies the rule to the entities of d from index first on.
func known(d *text.Document, first int) {
	for k := first; k < len(d.Entities); k++ {
		e := &d.Entities[k]
		if e.Type == "PER" || e.Decided || e.Origin != "ner" {
			continue
		}
		if i, end := d.TokenAt(e.Start), d.TokenAt(e.End); end-i >= 2 && actor.IsPersonName(d.Slice(e.Span)) {
			e.Type, e.Origin, e.Decided = "PER", "ner:known", true
		}
	}
}

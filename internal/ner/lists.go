package ner

import "github.com/newsgraph/newsgraph/internal/text"

// The names of a list are of one kind: "Alabama, Arizona, Kentucky and
// Utah", "Sony, Toshiba and Panasonic". The tagger judges each name in its
// own context and now and then types one of a list apart ("Kentucky" PER
// among states). lists retypes the odd ones out of a list of at least
// three names joined by commas and "and"/"or" when at least three quarters
// of the list share a type; a name a rule decided, or an acronym, keeps its
// own ("Russia, China, Iran and NATO").

// lists applies the rule to the entities of d from index first on, which
// are in text order.
func lists(d *text.Document, first int) {
	ents := d.Entities[first:]
	for i := 0; i < len(ents); {
		j := i + 1
		for j < len(ents) && joinedInList(d, ents[j-1], ents[j]) {
			j++
		}
		if j-i >= 3 {
			retypeList(d, ents[i:j])
		}
		i = j
	}
}

// joinedInList reports whether a and b are consecutive names of a list:
// only ",", "and", "or" or ", and" between them.
func joinedInList(d *text.Document, a, b text.Entity) bool {
	if b.Start <= a.End {
		return false
	}
	from, to := d.TokenAt(a.End), d.TokenAt(b.Start)
	if to-from < 1 || to-from > 2 {
		return false
	}
	for t := from; t < to; t++ {
		switch d.TokenText(t) {
		case ",", "and", "or":
		default:
			return false
		}
	}
	return true
}

// retypeList gives the names of a list the type of three quarters of them.
func retypeList(d *text.Document, list []text.Entity) {
	var count [len(types)]int
	for _, e := range list {
		if b := beginOf(e.Type); b != tagO {
			count[b/2]++
		}
	}
	best := 0
	for ti := range count {
		if count[ti] > count[best] {
			best = ti
		}
	}
	typ := types[best]
	if typ != "PER" && typ != "ORG" && typ != "LOC" || 4*count[best] < 3*len(list) {
		return
	}
	for k := range list {
		e := &list[k]
		if e.Type == typ || e.Decided || e.Type != "PER" && e.Type != "ORG" && e.Type != "LOC" || isAcronym(d.Slice(e.Span)) {
			continue
		}
		e.Type, e.Origin = typ, "ner:list"
	}
}

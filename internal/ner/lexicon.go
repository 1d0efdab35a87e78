package ner

import (
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/text"
)

// The tagger learnt its names from one newswire corpus; out of that domain
// it misses or mistypes organisations everyone knows ("Twitter" as a
// person, "Scientology" as a place). organisations corrects it with the
// embedded lexicon of organisation names (data/organisations.txt): at each
// longest match of a name in a sentence,
//   - an entity with exactly the name's span becomes ORG, unless the
//     tagger took it for a person (many firms bear a founder's name);
//   - entities inside the span ("Church" + "Scientology" in "Church of
//     Scientology") give way to one ORG entity over the whole name;
//   - where there is none, the name is added as ORG;
//   - an entity reaching beyond the span ("Google Science Fair") is kept:
//     the tagger saw a longer name.
// Ambiguous names ("Amazon ?") only retype an exact entity, and not one
// the tagger took for a place (the Amazon river).
//
// The product lexicon (data/products.txt: "Windows XP", "F-35", "Ozempic")
// is indexed with it and applied the same way with type MISC, except that
// a product's name may retype a person ("Firefox" PER) and an ambiguous one
// only an entity typed ORG ("Patriot" missiles, not "Abrams" the person).

// orgName is a lexicon name split into the tokenizer's words, with the
// type it gives (ORG for an organisation, MISC for a product).
type orgName struct {
	words     []string
	ambiguous bool
	typ       string
}

// orgIndex maps a name's first word to its names, longest first.
type orgIndex map[string][]orgName

// organisationIndex indexes the organisation and the product lexicons
// together, so that one pass over a document applies both.
var organisationIndex = sync.OnceValue(func() orgIndex {
	idx := newOrgIndex(OrganisationNames())
	idx.add(productNames(), "MISC")
	return idx
})

// newOrgIndex indexes names of organisations.
func newOrgIndex(names []OrgName) orgIndex {
	idx := orgIndex{}
	idx.add(names, "ORG")
	return idx
}

// add indexes names of type typ; a name indexed already keeps its type.
func (idx orgIndex) add(names []OrgName, typ string) {
	for _, n := range names {
		var words []string
		for _, t := range text.Tokenize(nil, n.Name) {
			words = append(words, n.Name[t.Start:t.End])
		}
		if len(words) == 0 || idx.has(words) {
			continue
		}
		list := append(idx[words[0]], orgName{words: words, ambiguous: n.Ambiguous, typ: typ})
		for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
			list[i], list[i-1] = list[i-1], list[i]
		}
		idx[words[0]] = list
	}
}

// has reports whether the name of words is indexed.
func (idx orgIndex) has(words []string) bool {
	for _, n := range idx[words[0]] {
		if slices.Equal(n.words, words) {
			return true
		}
	}
	return false
}

// match returns the longest name starting at token i of d within [i, end)
// and its end token.
func (idx orgIndex) match(d *text.Document, i, end int) (orgName, int, bool) {
	for _, n := range idx[d.TokenText(i)] {
		if i+len(n.words) > end {
			continue
		}
		ok := true
		for k := 1; k < len(n.words) && ok; k++ {
			ok = d.TokenText(i+k) == n.words[k] && !d.Tokens[i+k].Has(text.NewlineBefore)
		}
		if ok {
			return n, i + len(n.words), true
		}
	}
	return orgName{}, 0, false
}

// organisations applies the embedded lexicons of organisations and
// products to the entities of d from index first on, which are in text
// order (see harmonize).
func organisations(d *text.Document, first int) { organisationIndex().apply(d, first) }

// apply applies idx to the entities of d from index first on. For a
// product (MISC) an ambiguous name retypes only an entity the tagger typed
// ORG ("Patriot" missiles, not "Abrams" the person), and a person's name is
// no exception.
func (idx orgIndex) apply(d *text.Document, first int) {
	var drop []int        // indices of entities to remove
	var add []text.Entity // names to add
	k := first            // first entity that may overlap the current token
	for _, s := range d.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			if d.Tokens[i].Kind != text.Word {
				continue
			}
			n, j, ok := idx.match(d, i, s.EndToken)
			if !ok {
				continue
			}
			ambiguous, typ := n.ambiguous, n.typ
			span := text.Span{Start: d.Tokens[i].Start, End: d.Tokens[j-1].End}
			for k < len(d.Entities) && d.Entities[k].End <= span.Start {
				k++
			}
			exact, inside, beyond := -1, 0, false
			for m := k; m < len(d.Entities) && d.Entities[m].Start < span.End; m++ {
				e := d.Entities[m].Span
				switch {
				case e == span:
					exact = m
				case e.Start >= span.Start && e.End <= span.End:
					inside++
				default:
					beyond = true
				}
			}
			switch {
			case beyond:
			case exact >= 0 && typ == "ORG" && d.Entities[exact].Type == "PER" && !unpersonlike(d.Slice(span)):
				// Many firms bear a person's name (Ford, Dell, Merrill
				// Lynch): the tagger saw a person in context. Not so a
				// name no person bears (YouTube, 3M, IBM).
			case exact >= 0 && inside == 0 && (!ambiguous || typ == "ORG" && d.Entities[exact].Type != "LOC" || d.Entities[exact].Type == "ORG"):
				d.Entities[exact].Type = typ
				d.Entities[exact].Origin = "ner:lexicon"
				d.Entities[exact].Decided = typ != "ORG" // a product stays one
			case ambiguous:
			default:
				for m := k; m < len(d.Entities) && d.Entities[m].Start < span.End; m++ {
					drop = append(drop, m)
				}
				add = append(add, text.Entity{Span: span, Type: typ, Prob: 1, Origin: "ner:lexicon", Decided: typ != "ORG"})
			}
			i = j - 1
		}
	}
	if len(drop) > 0 {
		out := d.Entities[:drop[0]]
		di := 0
		for m := drop[0]; m < len(d.Entities); m++ {
			if di < len(drop) && drop[di] == m {
				di++
				continue
			}
			out = append(out, d.Entities[m])
		}
		d.Entities = out
	}
	if len(add) > 0 {
		d.Entities = append(d.Entities, add...)
		sortEntities(d.Entities[first:])
	}
}

// unpersonlike reports whether name cannot be a person's: a capital after
// a lower-case letter inside a word (YouTube, PayPal), a digit, or a word
// of capitals only (IBM).
func unpersonlike(name string) bool {
	for _, w := range strings.Fields(name) {
		upper, lower := 0, false
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case c >= '0' && c <= '9':
				return true
			case c >= 'a' && c <= 'z':
				lower = true
			case c >= 'A' && c <= 'Z':
				if lower {
					return true
				}
				upper++
			}
		}
		if !lower && upper >= 2 {
			return true
		}
	}
	return false
}

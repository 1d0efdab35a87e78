package ner

import (
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

// orgName is a lexicon name split into the tokenizer's words.
type orgName struct {
	words     []string
	ambiguous bool
}

// orgIndex maps a name's first word to its names, longest first.
type orgIndex map[string][]orgName

var organisationIndex = sync.OnceValue(func() orgIndex { return newOrgIndex(OrganisationNames()) })

// newOrgIndex indexes names.
func newOrgIndex(names []OrgName) orgIndex {
	idx := orgIndex{}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n.Name] {
			continue
		}
		seen[n.Name] = true
		var words []string
		for _, t := range text.Tokenize(nil, n.Name) {
			words = append(words, n.Name[t.Start:t.End])
		}
		if len(words) == 0 {
			continue
		}
		list := append(idx[words[0]], orgName{words: words, ambiguous: n.Ambiguous})
		for i := len(list) - 1; i > 0 && len(list[i].words) > len(list[i-1].words); i-- {
			list[i], list[i-1] = list[i-1], list[i]
		}
		idx[words[0]] = list
	}
	return idx
}

// match returns the end token of the longest name starting at token i of
// d within [i, end), and whether that name is ambiguous.
func (idx orgIndex) match(d *text.Document, i, end int) (int, bool, bool) {
	for _, n := range idx[d.TokenText(i)] {
		if i+len(n.words) > end {
			continue
		}
		ok := true
		for k := 1; k < len(n.words) && ok; k++ {
			ok = d.TokenText(i+k) == n.words[k] && !d.Tokens[i+k].Has(text.NewlineBefore)
		}
		if ok {
			return i + len(n.words), n.ambiguous, true
		}
	}
	return 0, false, false
}

// organisations applies the embedded lexicon to the entities of d from
// index first on, which are in text order (see harmonize).
func organisations(d *text.Document, first int) { organisationIndex().apply(d, first) }

// apply applies idx, a lexicon of organisations, to the entities of d from
// index first on.
func (idx orgIndex) apply(d *text.Document, first int) { idx.applyAs(d, first, "ORG") }

// applyAs applies idx, a lexicon of names of type typ, to the entities of
// d from index first on. For a lexicon of products (MISC) an ambiguous
// name retypes only an entity the tagger typed ORG ("Patriot" missiles,
// not "Abrams" the person), and a person's name is no exception.
func (idx orgIndex) applyAs(d *text.Document, first int, typ string) {
	var drop []int        // indices of entities to remove
	var add []text.Entity // names to add
	k := first            // first entity that may overlap the current token
	for _, s := range d.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			if d.Tokens[i].Kind != text.Word {
				continue
			}
			j, ambiguous, ok := idx.match(d, i, s.EndToken)
			if !ok {
				continue
			}
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
			case exact >= 0 && typ == "ORG" && d.Entities[exact].Type == "PER":
				// Many firms bear a person's name (Ford, Dell, Merrill
				// Lynch): the tagger saw a person in context.
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

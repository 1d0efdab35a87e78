package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// News defines an acronym once, in brackets after the name ("Kennedy Space
// Center (KSC)", "Korean Central News Agency (KCNA)"), and uses it alone
// after that. The tagger types the acronym on its own evidence, which is
// thin, and sometimes not at all. acronyms gives the acronym, at its
// definition and wherever else the document uses it, the type of the name
// it stands for, and tags the uses the tagger left out. The acronym must be
// the initials of the name's words (function words skipped), or the
// initials of its last words ("U.S. Environmental Protection Agency
// (EPA)").

// acronyms applies the rule to the entities of d from index first on,
// which are in text order.
func acronyms(d *text.Document, first int) {
	var defs map[string]string
	for _, e := range d.Entities[first:] {
		if e.Type == "PER" || e.Type == "NORP" {
			continue
		}
		end := d.TokenAt(e.End)
		if end+2 >= len(d.Tokens) || d.TokenText(end) != "(" || d.TokenText(end+2) != ")" {
			continue
		}
		acr := d.TokenText(end + 1)
		if !isAcronym(acr) || !stands(acr, d, d.TokenAt(e.Start), end) {
			continue
		}
		if defs == nil {
			defs = map[string]string{}
		}
		defs[acr] = e.Type
	}
	if defs == nil {
		return
	}
	tagged := make([]bool, len(d.Tokens)) // token index → inside an entity
	for k := range d.Entities[first:] {
		e := &d.Entities[first+k]
		for j := d.TokenAt(e.Start); j < len(d.Tokens) && d.Tokens[j].Start < e.End; j++ {
			tagged[j] = true
		}
		if typ, ok := defs[d.Slice(e.Span)]; ok && !e.Decided {
			e.Type, e.Origin, e.Decided = typ, "ner:acronym", true
		}
	}
	n := len(d.Entities)
	for j, tk := range d.Tokens {
		if typ, ok := defs[d.TokenText(j)]; ok && tk.Kind == text.Word && !tagged[j] {
			d.Entities = append(d.Entities, text.Entity{Span: tk.Span, Type: typ, Prob: 0.9, Origin: "ner:acronym", Decided: true})
		}
	}
	if len(d.Entities) > n {
		sortEntities(d.Entities[first:])
	}
}

// isAcronym reports whether w is 2 to 8 upper-case ASCII letters.
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// stands reports whether acr is the initials of the capitalised words of
// tokens [i, end) of d, or of their last words.
func stands(acr string, d *text.Document, i, end int) bool {
	var b strings.Builder
	for j := i; j < end; j++ {
		if w := d.TokenText(j); d.Tokens[j].Kind == text.Word && isCapital(w) {
			b.WriteByte(w[0])
		}
	}
	ini := b.String()
	return len(ini) >= 2 && strings.HasSuffix(ini, acr)
}

package geo

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// A part of a town ("the Kibera slum of Nairobi", "Kelvin Grove, a suburb
// of Brisbane") lies in that town: its candidates are those near the
// town, and when the gazetteer knows no such part near it (slums, suburbs
// and districts are seldom in it), the part takes the town's own point,
// with "part-of" among its evidence.

// partNouns name a part of a town.
var partNouns = map[string]bool{
	"district": true, "suburb": true, "neighbourhood": true, "neighborhood": true, "slum": true, "slums": true,
	"township": true, "quarter": true, "area": true, "borough": true,
}

// partKm is how near its town a part's candidate must be.
const partKm = 50

// townOf returns the first token of the town that a phrase after tokens
// [first, end) names the place a part of: "X district of T", "X, a suburb
// of T", or -1.
func townOf(d *text.Document, end int) int {
	toks := d.Tokens
	word := func(i int) string { // part-of phrases are in lower case
		if i >= len(toks) {
			return ""
		}
		return d.TokenText(i)
	}
	j := end
	if word(j) == "," {
		j++
		if w := word(j); w == "a" || w == "an" || w == "the" {
			j++
		}
	}
	if !partNouns[word(j)] || word(j+1) != "of" || j+2 >= len(toks) || !upperStart(d.TokenText(j+2)) || toks[j+2].Has(text.NewlineBefore) {
		return -1
	}
	return j + 2
}

// partOf restricts m's candidates to those within partKm of the town that
// a part-of phrase after m names, or, when none is, gives m the town's
// candidates. It reports whether a town was named.
func (a *Annotator) partOf(st *state, d *text.Document, m *mention) bool {
	j := townOf(d, m.end)
	if j < 0 {
		return false
	}
	key := append(st.buf2[:0], st.key...)
	defer func() { st.key = append(st.key[:0], key...); st.buf2 = key }()
	end, ok := a.longest(st, d, j)
	if !ok || end < len(d.Tokens) && (d.Tokens[end].Kind == text.Word && upperStart(d.TokenText(end)) || strings.HasPrefix(d.TokenText(end), "'") || strings.HasPrefix(d.TokenText(end), "’")) {
		return false // not a whole name: "the X district of Angola's capital"
	}
	st.tmpC, st.tmpA = a.g.lookupAlt(st.tmpC[:0], st.tmpA[:0], st.key)
	for i, c := range st.tmpC {
		// "a district of Kenya", "a suburb of Victoria" (the state) name
		// a region, unless a town of the region bears its name (Nairobi).
		if r := &a.g.entries[c]; !st.tmpA[i] && (r.Feature == "PCLI" || r.Feature == "ADM1" && !a.seatNamed(st.tmpC, r)) {
			return false
		}
	}
	towns := st.tmpC[:0]
	for _, c := range st.tmpC {
		if town(&a.g.entries[c]) {
			towns = append(towns, c)
		}
	}
	if len(towns) == 0 {
		return false
	}
	n := m.c0
	for i := m.c0; i < m.c1; i++ {
		e := &a.g.entries[st.cands[i]]
		for _, c := range towns {
			if t := &a.g.entries[c]; km(e.Lat, e.Lon, t.Lat, t.Lon) <= partKm {
				st.cands[n], st.alt[n] = st.cands[i], st.alt[i]
				n++
				break
			}
		}
	}
	if n > m.c0 {
		m.c1 = n
		return true
	}
	// Not known near the town: the town's point. The candidates go at
	// the end of st.cands (m's old ones are left unused).
	m.c0 = int32(len(st.cands))
	for _, c := range towns {
		st.add(c)
	}
	m.c1 = int32(len(st.cands))
	m.partOf = true
	return true
}

// partsOf adds the tagger's LOC names that the gazetteer does not know but
// that a part-of phrase places in a town ("the Mathare slum of Nairobi").
func (a *Annotator) partsOf(st *state, d *text.Document) {
	if cap(st.covered) < len(d.Tokens) {
		st.covered = make([]bool, len(d.Tokens))
	}
	st.covered = st.covered[:len(d.Tokens)]
	clear(st.covered)
	for k := range st.ments {
		for t := st.ments[k].first; t < st.ments[k].end && t < len(st.covered); t++ {
			st.covered[t] = true
		}
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Type != record.LOC {
			continue
		}
		first, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		covered := false
		for t := first; t < end && t < len(st.covered); t++ {
			covered = covered || st.covered[t]
		}
		if covered || end >= len(d.Tokens) {
			continue
		}
		m := mention{Span: e.Span, first: first, end: end, qual: -1, best: -1, tagged: true}
		m.c0, m.c1 = int32(len(st.cands)), int32(len(st.cands))
		if a.partOf(st, d, &m) && m.c1 > m.c0 {
			st.ments = append(st.ments, m)
		}
	}
}

// seatNamed reports whether a town among cs lies in region r.
func (a *Annotator) seatNamed(cs []int32, r *Entry) bool {
	for _, c := range cs {
		if e := &a.g.entries[c]; town(e) && e.Country == r.Country && e.Admin1 == r.Admin1 {
			return true
		}
	}
	return false
}

package geo

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/geo/placename"
	"github.com/newsgraph/newsgraph/internal/text"
)

// Containment phrases say where a place is: "Mbanza Congo in northern
// Angola", "Burlington, Vermont", "Kisumu, in western Kenya", "Crawford
// County, located in Pennsylvania", "the town of Goz Beida". They are place evidence for a name that the tagger typed
// otherwise, and the country or first-level region they name restricts the
// name's candidates (like the qualifier of "Paris, Texas").

// directions may stand between "in" and the container: "in northern
// Angola".
var directions = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "central": true,
	"northern": true, "southern": true, "eastern": true, "western": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north-east": true, "north-west": true, "south-east": true, "south-west": true,
	"north-eastern": true, "north-western": true, "south-eastern": true, "south-western": true,
	"far": true, "upstate": true, "rural": true, "coastal": true,
}

// kindNouns before "of" name a place: "the town of X".
var kindNouns = map[string]bool{
	"town": true, "city": true, "village": true, "port": true, "province": true, "district": true,
	"county": true, "region": true, "state": true, "municipality": true, "capital": true,
	"island": true, "township": true, "suburb": true, "hamlet": true, "settlement": true,
	"prefecture": true, "governorate": true, "department": true, "commune": true,
}

// container returns the country or first-level region that a containment
// phrase after m names and that holds one of m's candidates, or -1; ruled
// reports that the phrase names a country or region holding none of them
// while all are towns ("Ardrossan in central Alberta" when the
// gazetteer knows only the Scottish and Australian ones: the text rules
// every candidate out). It
// leaves st.key and m's candidates as they were.
func (a *Annotator) container(st *state, d *text.Document, m *mention) (q int32, ruled bool) {
	toks := d.Tokens
	j := m.end
	word := func(i int) string { return strings.ToLower(d.Text[toks[i].Start:toks[i].End]) }
	comma := j < len(toks) && word(j) == ","
	if comma {
		j++
	}
	if w := d.TokenText(min(j, len(toks)-1)); j+1 < len(toks) && (w == "located" || w == "situated" || w == "based") && d.TokenText(j+1) == "in" {
		j++ // "Crawford County, located in Pennsylvania"
	}
	in := j < len(toks) && word(j) == "in"
	if in {
		j++
	}
	if !comma && !in {
		return -1, false
	}
	// Directions in lower case: "West Virginia" is a name.
	for j < len(toks) && directions[word(j)] && !upperStart(d.Text[toks[j].Start:toks[j].End]) {
		j++
	}
	if j >= len(toks) || !upperStart(d.Text[toks[j].Start:toks[j].End]) || toks[j].Has(text.NewlineBefore) {
		return -1, false
	}
	if comma && !in && j == m.end+1 {
		return -1, false // "X, Y" is the qualifiers' (a pair of mentions)
	}
	key := append(st.buf2[:0], st.key...)
	defer func() { st.key = append(st.key[:0], key...); st.buf2 = key }()
	end, ok := a.longest(st, d, j)
	if !ok {
		return -1, false
	}
	st.tmpC, st.tmpA = a.g.lookupAlt(st.tmpC[:0], st.tmpA[:0], st.key)
	if q := a.holder(st, st.tmpC, st.cands[m.c0:m.c1]); q >= 0 {
		return q, false
	}
	// The container must be a whole name: "in North-Western Sydney" does
	// not name Zambia's North-Western province.
	whole := end >= len(toks) || toks[end].Kind != text.Word || !upperStart(d.Text[toks[end].Start:toks[end].End])
	return -1, whole && a.townsOnly(st.cands[m.c0:m.c1]) && a.regionNamed(st.tmpC, st.tmpA)
}

// townsOnly reports whether every candidate in cs is a populated place
// (and there is one at least).
func (a *Annotator) townsOnly(cs []int32) bool {
	for _, c := range cs {
		if !town(&a.g.entries[c]) {
			return false
		}
	}
	return len(cs) > 0
}

// regionNamed reports whether a candidate among qs, named by its own name
// (alt says which are not), is a country or a first-level region of
// 100,000 people at least (a qualifier names a region readers know, not a
// small island district that shares a name with a suburb).
func (a *Annotator) regionNamed(qs []int32, alt []bool) bool {
	for i, c := range qs {
		if e := &a.g.entries[c]; !alt[i] && (e.Feature == "PCLI" || e.Feature == "ADM1" && e.Population >= 100000) {
			return true
		}
	}
	return false
}

// holder returns the country or first-level region among qs that holds
// one of cs (the largest such), or -1.
func (a *Annotator) holder(st *state, qs, cs []int32) int32 {
	best, bestPop := int32(-1), int64(-1)
	for _, qc := range qs {
		qe := &a.g.entries[qc]
		if qe.Feature != "ADM1" && qe.Feature != "PCLI" {
			continue
		}
		for _, c := range cs {
			e := &a.g.entries[c]
			if c == qc || e.Country != qe.Country || qe.Feature == "ADM1" && e.Admin1 != qe.Admin1 {
				continue
			}
			if qe.Population > bestPop {
				best, bestPop = qc, qe.Population
			}
			break
		}
	}
	return best
}

// Place kinds named next to a toponym (mention.kind).
const (
	kindTown   = 'T' // "the town of X", "X city"
	kindRegion = 'R' // "the state of X", "X province", "X state"
)

// regionNouns name first- and second-level divisions, also in the plural
// ("the provinces of X, Y and Z", "the X and Y districts").
var regionNouns = map[string]bool{
	"province": true, "district": true, "county": true, "region": true, "state": true,
	"prefecture": true, "governorate": true, "department": true, "oblast": true, "krai": true,
	"provinces": true, "districts": true, "counties": true, "regions": true,
	"prefectures": true, "governorates": true, "departments": true, "oblasts": true,
}

// townNouns after a name make it a settlement's: "X city", "the X and Y
// villages", "the Dadaab camps".
var townNouns = map[string]bool{
	"city": true, "town": true, "village": true, "towns": true, "villages": true,
	"camp": true, "camps": true,
}

// kindOf returns the kind of place that the words around tokens
// [first, end) name, or 0: "the town of X", "the state of X", "X state";
// plain reports whether that word is in lower case, a common noun rather
// than a part of a name ("Ohio State").
func (a *Annotator) kindOf(d *text.Document, first, end int) (kind byte, plain bool) {
	var buf [32]byte
	key := func(i int) string {
		t := d.Tokens[i]
		return string(placename.Key(buf[:0], d.Text[t.Start:t.End]))
	}
	if first >= 2 && d.TokenText(first-1) == "of" {
		plain = !upperStart(d.TokenText(first - 2))
		if k := key(first - 2); regionNouns[k] {
			return kindRegion, plain
		} else if kindNouns[k] || k == "villages" || k == "towns" {
			return kindTown, plain
		}
	}
	// The noun must end the name: "Seoul City Hall" is a building.
	if end < len(d.Tokens) && !d.Tokens[end].Has(text.NewlineBefore) &&
		!(end+1 < len(d.Tokens) && d.Tokens[end+1].Kind == text.Word && upperStart(d.TokenText(end+1))) {
		plain = !upperStart(d.TokenText(end))
		switch k := key(end); {
		case regionNouns[k]:
			return kindRegion, plain
		case townNouns[k]:
			return kindTown, plain
		}
	}
	return 0, false
}

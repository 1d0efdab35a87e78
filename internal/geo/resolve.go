package geo

import (
	"math"
	"net/url"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// The score of a candidate place for a toponym is a sum of readable parts:
//
//	prior    log10(population+1) plus a bonus for the kind of place:
//	         countries and continents 4, capitals 3, historical states and
//	         hand-written regions and features 2, first-level regions 1.5,
//	         first-level seats 1, second-level regions and seats 0.5
//	country  +2 when other toponyms of the article (or a demonym, the
//	         dateline, the source's country domain) lie in the candidate's
//	         country, +1 more with three or more such
//	region   +2 when another toponym names the candidate's first-level
//	         region, +1 more when that toponym is next to it in the text
//	         (the same or the next sentence: "a storm hit London ... crews
//	         from across Ontario")
//	near     +1 for each other local toponym within NearKm, at most +2
//	dateline +3 for the dateline's own candidates that are populated places
//	only     +1 when the candidate's country is the only one among the
//	         name's candidates that the article supports (toponyms,
//	         demonyms, domain), unless the name is a country's
//	list     +2 when a toponym next to it in a list ("Utah, Virginia and
//	         Washington", "Mexico, China, Japan") is a first-level region
//	         of the same country, or a country, as the candidate is
//	alt      -3 when the text matched only a GeoNames alternate name of the
//	         candidate (historical, foreign or variant names), -1 for
//	         capitals and seats, whose alternate names are often exonyms
//	         ("Geneva" for Genève)
//
// An explicit qualifier ("Paris, Texas") is not scored: it removes the
// candidates outside the region or country it names; when it rules out
// every candidate of a town ("Ardrossan, Alberta" where the gazetteer
// knows only the Scottish and Australian ones), the toponym is left unresolved rather than put
// elsewhere. A region that shares
// its name and first-level code with a city in it that holds a fifth of its
// people (Moscow, Beijing, New York) gives way to the city.
const (
	bonusCountry   = 4.0
	bonusCapital   = 3.0
	bonusFeature   = 2.0
	bonusADM1      = 1.5
	bonusSeat      = 1.0
	bonusSeat2     = 0.5
	ctxCountry     = 2.0
	ctxCountryMany = 1.0
	ctxRegion      = 2.0
	ctxNear        = 1.0
	ctxNearMax     = 2.0
	ctxDateline    = 3.0
	ctxList        = 2.0
	ctxOnly        = 1.0
	ctxRegionNear  = 1.0
	passes         = 2
	altPenalty     = 3.0
	altPenaltySeat = 1.0
	// maxContext bounds what context adds to a prior.
	maxContext = ctxDateline + ctxCountry + ctxCountryMany + ctxRegion + ctxRegionNear + ctxNearMax + ctxList + ctxOnly + altPenalty
)

// prior is the context-free part of a candidate's score.
func prior(e *Entry) float64 {
	p := math.Log10(float64(e.Population) + 1)
	switch e.Feature {
	case "PCLI", "CONT":
		p += bonusCountry
	case "PPLC":
		p += bonusCapital
	case "ADM1":
		p += bonusADM1
	case "PPLA", "PPLG":
		p += bonusSeat
	case "PPLA2", "ADM2":
		p += bonusSeat2
	default:
		if e.handWritten() {
			p += bonusFeature
		}
	}
	return p
}

// resolve chooses one candidate for every mention.
func (a *Annotator) resolve(st *state, d *text.Document) {
	clear(st.groups)
	for k := range st.ments {
		m := &st.ments[k]
		a.prune(st, m)
		name := foldKey(d.Text[m.Start:m.End])
		g, ok := st.groups[name]
		if !ok {
			g = int32(k)
			st.groups[name] = g
		}
		m.group = g
		m.sib = [2]int32{-1, -1}
		if k > 0 && listed(d, &st.ments[k-1], m) {
			m.sib[0] = int32(k - 1)
			st.ments[k-1].sib[1] = int32(k)
		}
	}
	a.nearRegions(st, d)
	st.prior = st.prior[:0]
	for _, c := range st.cands {
		st.prior = append(st.prior, prior(&a.g.entries[c]))
	}
	if a.opts.Baseline {
		for k := range st.ments {
			m := &st.ments[k]
			var bestPop int64 = -1
			for _, c := range st.cands[m.c0:m.c1] {
				if p := a.g.entries[c].Population; p > bestPop {
					m.best, bestPop = c, p
				}
			}
		}
		return
	}
	a.pickAll(st, d, false)
	a.evidence(st, d)
	for range passes {
		for k := range st.ments {
			st.ments[k].prev = st.ments[k].best
		}
		st.tally.build(a, st)
		a.pickAll(st, d, true)
	}
	for k := range st.ments {
		st.ments[k].prev = st.ments[k].best
	}
	st.tally.build(a, st)
	a.settle(st, d)
}

// prune applies the qualifier and drops regions shadowed by their city.
func (a *Annotator) prune(st *state, m *mention) {
	if m.ruled {
		// The text places it where the gazetteer knows no such town:
		// not a town of the same name elsewhere.
		m.c1 = m.c0
		return
	}
	cs, alt := st.cands[m.c0:m.c1], st.alt[m.c0:m.c1]
	if m.qual >= 0 {
		q := &a.g.entries[m.qual]
		n := 0
		for i, c := range cs {
			e := &a.g.entries[c]
			if holds(q, e) && c != m.qual {
				cs[n], alt[n] = c, alt[i]
				n++
			}
		}
		if n > 0 {
			cs, alt = cs[:n], alt[:n]
		}
	}
	if m.kind != 0 {
		// "the state of Washington", "the town of Victoria": the
		// candidates of that kind, if any (a region is any place but a
		// town: "the Sahel region" is the world region, not Burkina
		// Faso's province).
		n := 0
		for i, c := range cs {
			if isTown := town(&a.g.entries[c]); m.kind == kindRegion && !isTown || m.kind == kindTown && isTown {
				cs[n], alt[n] = c, alt[i]
				n++
			}
		}
		if n > 0 {
			cs, alt = cs[:n], alt[:n]
		}
	}
	n := 0
	for i, c := range cs {
		e := &a.g.entries[c]
		if (e.Feature == "ADM1" || e.Feature == "ADM2") && m.kind != kindRegion && a.shadowed(cs, alt, e) {
			continue
		}
		cs[n], alt[n] = c, alt[i]
		n++
	}
	cs, alt = cs[:n], alt[:n]
	// Conversely a region named by its own name outweighs the small
	// towns of its country that share the name ("Oregon" the state, not
	// Oregon, Ohio), unless they are capitals or seats.
	k := 0
	for i, c := range cs {
		e := &a.g.entries[c]
		if e.Feature == "PPL" || e.Feature == "PPLA2" || e.Feature == "PPLA3" || e.Feature == "PPLA4" || e.Feature == "PPLX" {
			if a.outweighed(cs, alt, e) {
				continue
			}
		}
		cs[k], alt[k] = c, alt[i]
		k++
	}
	m.c1 = m.c0 + int32(k)
}

// outweighed reports whether a first-level region among cs, named by its
// own name, is in town e's country and has five times its population.
func (a *Annotator) outweighed(cs []int32, alt []bool, e *Entry) bool {
	for i, c := range cs {
		r := &a.g.entries[c]
		if !alt[i] && r.Feature == "ADM1" && r.Country == e.Country && e.Population*5 < r.Population {
			return true
		}
	}
	return false
}

// shadowed reports whether a city among cs, named by its own name or a
// seat ("Geneva" for Genève), has region r's country and code and a fifth
// of its population at least.
func (a *Annotator) shadowed(cs []int32, alt []bool, r *Entry) bool {
	for i, c := range cs {
		e := &a.g.entries[c]
		seat := e.Feature == "PPLC" || e.Feature == "PPLA" || e.Feature == "PPLA2"
		if (!alt[i] || seat) && town(e) && e.Country == r.Country && e.Admin1 == r.Admin1 && e.Population*5 >= r.Population {
			return true
		}
	}
	return false
}

// evidence tallies the countries that the article talks about other than
// through its toponyms: demonyms and the source's domain.
func (a *Annotator) evidence(st *state, d *text.Document) {
	clear(st.countries)
	for _, e := range d.Entities {
		if e.Type != record.NORP {
			continue
		}
		if cc, ok := a.g.Demonym(d.Text[e.Start:e.End]); ok {
			st.countries[cc]++
		}
	}
	st.domain = a.domainCountry(d.URL)
	if st.domain != "" {
		st.countries[st.domain] += 1
	}
}

// domainCountry returns the country of a URL's country-code top-level
// domain ("bbc.co.uk" -> GBR), or "".
func (a *Annotator) domainCountry(u string) string {
	if u == "" {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	h := p.Hostname()
	i := strings.LastIndexByte(h, '.')
	if i < 0 || len(h)-i != 3 {
		return ""
	}
	tld := strings.ToUpper(h[i+1:])
	if tld == "UK" {
		tld = "GB"
	}
	return a.g.alpha3[tld]
}

// pickAll sets every mention's best candidate, with context or not. A
// candidate's score depends on the mention only through its name group,
// qualifier, dateline and candidates, so mentions that share them (a name
// repeated through the article) share one choice.
func (a *Annotator) pickAll(st *state, d *text.Document, ctx bool) {
	clear(st.picked)
	for k := range st.ments {
		if st.stopped() {
			return
		}
		m := &st.ments[k]
		if m.sib != [2]int32{-1, -1} || m.nearRegion != [2]int32{-1, -1} {
			m.best = a.pick(st, d, m, ctx) // its neighbours matter too
			continue
		}
		key := pickKey{group: m.group, qual: m.qual, dateline: m.dateline, n: m.c1 - m.c0}
		if o, ok := st.picked[key]; ok && sameCands(st, m, &st.ments[o]) {
			m.best = st.ments[o].best
			continue
		}
		m.best = a.pick(st, d, m, ctx)
		st.picked[key] = int32(k)
	}
}

// pickKey is what a mention's choice depends on, but its candidates.
type pickKey struct {
	group, qual, n int32
	dateline       bool
}

// sameCands reports whether mentions m and o have the same candidates.
func sameCands(st *state, m, o *mention) bool {
	return slices.Equal(st.cands[m.c0:m.c1], st.cands[o.c0:o.c1]) && slices.Equal(st.alt[m.c0:m.c1], st.alt[o.c0:o.c1])
}

// pick returns the best candidate of m, with context or not.
func (a *Annotator) pick(st *state, d *text.Document, m *mention, ctx bool) int32 {
	best, bestScore := int32(-1), math.Inf(-1)
	top := math.Inf(-1)
	for i := m.c0; i < m.c1; i++ {
		top = max(top, st.prior[i])
	}
	only := ""
	if ctx {
		only = a.onlySupported(st, m)
	}
	for i := m.c0; i < m.c1; i++ {
		if ctx && st.prior[i]+maxContext < top {
			continue // context cannot lift it to the top
		}
		s := st.prior[i] + a.score(st, m, st.cands[i], ctx)
		if only != "" && a.g.entries[st.cands[i]].Country == only {
			s += ctxOnly
		}
		if st.alt[i] {
			switch a.g.entries[st.cands[i]].Feature {
			case "PPLC", "PPLA", "PPLA2", "PPLG":
				s -= altPenaltySeat // exonyms of capitals and seats: "Geneva"
			default:
				s -= altPenalty
			}
		}
		if s > bestScore {
			best, bestScore = st.cands[i], s
		}
	}
	return best
}

// onlySupported returns the country of m's candidates that is the only one
// the article supports, or "" when none or several are, or when the name
// is a country's ("Lebanon" in an American story is still the country).
func (a *Annotator) onlySupported(st *state, m *mention) string {
	only := ""
	for i := m.c0; i < m.c1; i++ {
		e := &a.g.entries[st.cands[i]]
		if e.handWritten() && e.Feature != "ADM1" && e.Feature != "ADM2" {
			return ""
		}
		cc := e.Country
		if cc == "" || cc == only || st.countries[cc]+st.tally.countries(m.group, cc) < 1 {
			continue
		}
		if only != "" {
			return ""
		}
		only = cc
	}
	return only
}

// score is a candidate's score less its prior; see the comment on the
// constants. The context comes from the previous pass's choices for the
// other toponyms, tallied once per pass (st.tally), leaving out those with
// the same name (two "Arizona"s do not vouch for the town of Yuma that
// GeoNames also calls Arizona).
func (a *Annotator) score(st *state, m *mention, c int32, ctx bool) float64 {
	e := &a.g.entries[c]
	s := 0.0
	if m.dateline && town(e) {
		s += ctxDateline
	}
	if !ctx {
		return s
	}
	t := st.tally
	if e.Country != "" {
		country := st.countries[e.Country] + t.countries(m.group, e.Country)
		if country >= 1 {
			s += ctxCountry
			if country >= 3 {
				s += ctxCountryMany
			}
		}
	}
	if e.Feature != "ADM1" && e.Admin1 != "" && m.qual < 0 && t.regions(m.group, regionKey(e.Country, e.Admin1)) >= 1 {
		s += ctxRegion
		if a.regionNext(m, e) {
			s += ctxRegionNear
		}
	}
	if local(e) {
		s += ctxNear * t.near(a, m.group, e, a.opts.NearKm, ctxNearMax/ctxNear)
	}
	if a.listMate(st, m, e) {
		s += ctxList
	}
	return s
}

// nearRegions sets every mention's nearRegion: the first-level regions
// (named by their own name) among the candidates of the toponyms just
// before and after it, in the same sentence or the next one.
func (a *Annotator) nearRegions(st *state, d *text.Document) {
	for k := range st.ments {
		m := &st.ments[k]
		m.nearRegion = [2]int32{-1, -1}
		si := d.SentenceOf(m.Start)
		for side, o := range [2]int{k - 1, k + 1} {
			if o < 0 || o >= len(st.ments) {
				continue
			}
			n := &st.ments[o]
			if sj := d.SentenceOf(n.Start); si < 0 || sj < 0 || sj-si > 1 || si-sj > 1 {
				continue
			}
			for i := n.c0; i < n.c1; i++ {
				if !st.alt[i] && a.g.entries[st.cands[i]].Feature == "ADM1" {
					m.nearRegion[side] = st.cands[i]
					break
				}
			}
		}
	}
}

// regionNext reports whether a toponym next to m can name e's first-level
// region.
func (a *Annotator) regionNext(m *mention, e *Entry) bool {
	for _, r := range m.nearRegion {
		if r >= 0 {
			if q := &a.g.entries[r]; q.Country == e.Country && q.Admin1 == e.Admin1 {
				return true
			}
		}
	}
	return false
}

// listMate reports whether a list neighbour of m, as the previous pass
// chose it, is of e's kind: a first-level region of e's country, or a
// country.
func (a *Annotator) listMate(st *state, m *mention, e *Entry) bool {
	for _, s := range m.sib {
		if s < 0 || st.ments[s].prev < 0 {
			continue
		}
		o := &a.g.entries[st.ments[s].prev]
		if e.Feature == "ADM1" && o.Feature == "ADM1" && o.Country == e.Country || e.Feature == "PCLI" && o.Feature == "PCLI" {
			return true
		}
	}
	return false
}

// listElsewhere reports whether m has list neighbours and all of them, as
// the previous pass chose them, are towns or regions of one country other
// than e's.
func (a *Annotator) listElsewhere(st *state, m *mention, e *Entry) bool {
	cc := ""
	for _, s := range m.sib {
		if s < 0 {
			continue
		}
		if st.ments[s].prev < 0 {
			return false
		}
		o := &a.g.entries[st.ments[s].prev]
		if !local(o) || o.Country == e.Country || cc != "" && o.Country != cc {
			return false
		}
		cc = o.Country
	}
	return cc != ""
}

// town reports whether e is a populated place.
func town(e *Entry) bool { return strings.HasPrefix(e.Feature, "PPL") }

// listed reports whether mentions p and m are neighbours in a list: only
// a comma, "and" or "or" between them.
func listed(d *text.Document, p, m *mention) bool {
	if p.end > m.first || m.first-p.end > 2 {
		return false
	}
	sep := strings.TrimSpace(d.Text[p.End:m.Start])
	switch sep {
	case ",", "and", "or", ", and", ", or":
		return true
	}
	return false
}

// local reports whether e is a town or a region, small enough for
// spatial minimality.
func local(e *Entry) bool {
	return town(e) || e.Feature == "ADM1"
}

// kmPerDegree is the length of a degree of latitude.
const kmPerDegree = 111.19

// km returns the great-circle distance between two points in kilometres.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	const rad = math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// Km returns the great-circle distance between two points in kilometres.
func Km(lat1, lon1, lat2, lon2 float64) float64 { return km(lat1, lon1, lat2, lon2) }

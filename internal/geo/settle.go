package geo

import (
	"strconv"

	"github.com/newsgraph/newsgraph/internal/geo/placename"

	"github.com/newsgraph/newsgraph/internal/text"
)

// settle makes the last, document-level checks on every mention's choice
// (st.tally holds the final choices) and writes down the evidence for it
// (mention.why, the record's Place.Why):
//
//	tagger           an earlier stage tagged the span LOC
//	gazetteer        the gazetteer matched it (no tagger LOC)
//	dateline         it opens the article's dateline
//	qualifier:NAME   "City, NAME" restricted the candidates
//	containment:NAME "X in (northern) NAME" restricted the candidates
//	kind:town|region "the town of X", "X province" restricted them
//	part-of:NAME     "X, a suburb of NAME": the gazetteer knows no X near
//	                 the town NAME, so X has the town's point
//	valley           "X Valley": the valley around the place X (valley.go)
//	country:CCC      other toponyms of the article lie in the country
//	demonym:CCC      a demonym ("Kenyan") names the country
//	domain:CCC       the source's country-code domain is the country's
//	region:NAME      another toponym names its first-level region
//	near:N           N other toponyms lie within NearKm
//	list             a neighbour in a list is a region of its country, or a country
//	only-supported   its country is the only one of the name's candidates' that
//	                 the article supports
//	alternate-name   the text matched an alternate name only
//	population       no context: the candidate with the highest prior
//	only-candidate   the gazetteer knows one place of that name
//
// A small place that the article does not support is dropped: a section
// of a town, a name matched only as an alternate name, or a town of fewer
// than minorPopulation people that only the gazetteer found, when its country has no other toponym, no
// demonym and no domain, nothing else is near it, no qualifier or dateline
// speaks for it, and the article's other toponyms (two at least) lie
// elsewhere ("Piccadilly" in a London story is not the Piccadilly of
// Western Australia that the gazetteer knows). A village (under
// villagePopulation, or of unknown population) is small whatever the
// tagger said ("the Old Bailey" is no Colorado town), and so is a town
// named where the text says region ("Borabu district" in a Kenyan story,
// when the gazetteer knows only a Thai town of a like name). A village
// named by an everyday word is dropped unless a qualifier or a kind word
// speaks for it.
func (a *Annotator) settle(st *state, d *text.Document) {
	t := st.tally
	for k := range st.ments {
		m := &st.ments[k]
		m.why = nil
		if m.best < 0 {
			continue
		}
		e := &a.g.entries[m.best]
		alt, top, n := false, true, 0
		bestPrior := 0.0
		for i := m.c0; i < m.c1; i++ {
			if st.cands[i] == m.best {
				alt, bestPrior = st.alt[i], st.prior[i]
			}
			n++
		}
		for i := m.c0; i < m.c1; i++ {
			if st.prior[i] > bestPrior {
				top = false
			}
		}
		own := t.countries(m.group, e.Country)
		words := st.countries[e.Country]
		domain := 0.0
		if e.Country != "" && e.Country == st.domain {
			domain, words = 1, words-1
		}
		near := 0.0
		if local(e) {
			near = t.near(a, m.group, e, a.opts.NearKm, ctxNearMax/ctxNear)
		}
		region := e.Feature != "ADM1" && e.Admin1 != "" && m.qual < 0 && t.regions(m.group, regionKey(e.Country, e.Admin1)) >= 1
		// A town where the text says region ("Borabu district" with only a
		// Thai town of a like name) is as weak as a minor place.
		weak := a.minor(e, alt, m.tagged) || m.kind == kindRegion && town(e) || m.valley
		unsupported := e.Country != "" && own+words+domain == 0 && near == 0 && m.qual < 0 && !m.dateline
		if unsupported && (weak && t.elsewhere(m.group) >= 2 || a.strayListItem(st, m, e)) {
			m.best = -1
			continue
		}
		if village(e) && m.qual < 0 && m.kind == 0 {
			// A village named by an everyday word ("the former Marine
			// commandant", "The Hot Zone") needs the text to say where.
			st.buf = placename.Key(st.buf[:0], d.Text[m.Start:m.End])
			if a.g.commonWord(st.buf) {
				m.best = -1
				continue
			}
		}
		why := make([]string, 0, 4)
		if m.tagged {
			why = append(why, "tagger")
		} else {
			why = append(why, "gazetteer")
		}
		if m.dateline {
			why = append(why, "dateline")
		}
		if m.qual >= 0 {
			if m.contained {
				why = append(why, "containment:"+a.g.entries[m.qual].Name)
			} else {
				why = append(why, "qualifier:"+a.g.entries[m.qual].Name)
			}
		}
		if m.partOf {
			why = append(why, "part-of:"+e.Name)
		}
		if m.valley {
			why = append(why, "valley")
		}
		switch m.kind {
		case kindTown:
			why = append(why, "kind:town")
		case kindRegion:
			why = append(why, "kind:region")
		}
		if own >= 1 {
			why = append(why, "country:"+e.Country)
		}
		if words > 0 {
			why = append(why, "demonym:"+e.Country)
		}
		if domain > 0 {
			why = append(why, "domain:"+e.Country)
		}
		if region {
			if r, ok := a.g.admin1[regionKey(e.Country, e.Admin1)]; ok {
				why = append(why, "region:"+a.g.entries[r].Name)
			}
		}
		if near > 0 {
			why = append(why, "near:"+strconv.Itoa(int(near)))
		}
		if a.listMate(st, m, e) {
			why = append(why, "list")
		}
		if cc := a.onlySupported(st, m); cc != "" && cc == e.Country {
			why = append(why, "only-supported")
		}
		if alt {
			why = append(why, "alternate-name")
		}
		switch {
		case n == 1:
			why = append(why, "only-candidate")
		case top:
			why = append(why, "population")
		}
		m.why = why
	}
}

// strayListItem reports whether e, chosen for m, is a town (not a capital
// or first-level seat) whose list neighbours all lie in another country.
func (a *Annotator) strayListItem(st *state, m *mention, e *Entry) bool {
	return town(e) && e.Feature != "PPLC" && e.Feature != "PPLA" && a.listElsewhere(st, m, e)
}

// minorPopulation is the population under which a town needs the
// article's support to be kept (see settle).
const minorPopulation = 5000

// villagePopulation is the population under which the gazetteer holds a
// place only under names that nothing larger bears (gen's -minpop).
const villagePopulation = 1000

// village reports whether e is a place under villagePopulation (whose
// population GeoNames gives), or one of the later snapshot's places whose
// population the gazetteer does not know (no GeoNames id).
func village(e *Entry) bool {
	return town(e) && (e.Population > 0 && e.Population < villagePopulation || e.GeonameID == 0)
}

// minor reports whether e, matched by an alternate name when alt, is a
// small place: a section of a town, a town or village matched by an
// alternate name only, a village under villagePopulation (whatever the
// tagger said: "the IT Bridger Academy" is no village), or, unless the
// tagger tagged it LOC, a town under minorPopulation. Capitals and
// first-level seats are never minor.
func (a *Annotator) minor(e *Entry, alt, tagged bool) bool {
	if !town(e) {
		return false
	}
	switch e.Feature {
	case "PPLC", "PPLA", "PPLG":
		return false
	case "PPLX", "PPLL", "PPLH":
		return true
	}
	return alt || village(e) || !tagged && e.Population < minorPopulation
}

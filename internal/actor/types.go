package actor

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/geo"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// Three document-level corrections of the tagger's types, made before the
// entities get their actors, from evidence the tagger does not weigh:
//
//   - a one-word "person" the dictionary does not know as a person, named
//     in no longer person's name of the article, that the gazetteer knows
//     as a city or a region is a place ("shelling of Kharkiv"); so is a
//     person-typed name in a place phrase: after "in", "near" or "outside",
//     or before ", <region of the same country>" ("Lincoln, Nebraska" is a
//     town however presidential its name);
//   - an organisation's name that the gazetteer knows as a region or
//     country ("Queensland"), or as a town in a place phrase ("in
//     McMinnville"), and that the dictionary does not know, is a place;
//   - a name the article calls a company ("carmaker Rivian", "Rivian
//     Automotive Inc.") is an organisation everywhere in the article,
//     not only there.

// minCityPop is the population from which a known city's name typed
// person becomes a place without a place phrase.
const minCityPop = 200000

// retype applies both corrections to d's entities.
func (r *Resolver) retype(d *text.Document, sc *scratch) {
	firms := r.firmNames(d)
	var personWords map[string]bool // words of the article's longer person names, made on demand
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Decided || e.Team {
			continue
		}
		name := d.Slice(e.Span)
		if (e.Type == record.PER || e.Type == record.LOC) && firms[name] {
			e.Type = record.ORG
			continue
		}
		if e.Type == record.ORG || e.Type == record.MISC {
			// A region or a town typed organisation: "Queensland", "in
			// McMinnville". Not a dictionary organisation, not a team.
			t0, t1 := tokens(d, e.Span)
			ts := r.exactTargets(d, sc, t0, t1)
			if len(ts) > 0 || t1 <= t0 {
				continue
			}
			if isRegion(name) || t1-t0 == 1 && placePhrase(d, sc, t0, t1) && r.isCity(name, true) {
				e.Type = record.LOC
			}
			continue
		}
		if e.Type != record.PER {
			continue
		}
		t0, t1 := tokens(d, e.Span)
		if t1-t0 != 1 {
			continue
		}
		phrase := placePhrase(d, sc, t0, t1)
		ts := r.exactTargets(d, sc, t0, t1)
		if _, person := firstKind(ts, kindPerson); person && !(phrase && containment(d, t1)) {
			continue // "faith in Lincoln": a dictionary person needs "Lincoln, Nebraska"
		}
		if !phrase {
			if personWords == nil {
				personWords = longNameWords(d)
			}
			if personWords[name] {
				continue // "Kharkiv" alone, but also "Ivan Kharkiv" named: a surname
			}
		}
		if r.isCity(name, phrase) {
			e.Type = record.LOC
		}
	}
}

// placePhrase reports whether tokens [t0, t1) stand in a place phrase:
// after "in", "near", "outside" or before ", Region".
func placePhrase(d *text.Document, sc *scratch, t0, t1 int32) bool {
	if int(t1) < len(d.Tokens) && isPossessive(d.TokenText(int(t1))) {
		return false // "in Obama's speech"
	}
	if t0 > 0 {
		sc.buf = appendFold(sc.buf[:0], d.TokenText(int(t0-1)))
		switch string(sc.buf) {
		case "in", "near", "outside", "across":
			return true
		}
	}
	return containment(d, t1)
}

// containment reports whether a comma and a region follow token t1-1
// ("Lincoln, Nebraska").
func containment(d *text.Document, t1 int32) bool {
	if int(t1)+1 >= len(d.Tokens) || d.TokenText(int(t1)) != "," || !isUpperStart(d.TokenText(int(t1+1))) {
		return false
	}
	if isRegion(d.TokenText(int(t1 + 1))) {
		return true
	}
	// Two words: "Lincoln, New Mexico", "Obama, South Korea".
	return int(t1)+2 < len(d.Tokens) && isUpperStart(d.TokenText(int(t1+2))) &&
		isRegion(d.Text[d.Tokens[t1+1].Start:d.Tokens[t1+2].End])
}

// longNameWords returns the words of the article's PER entities of more
// than one word.
func longNameWords(d *text.Document) map[string]bool {
	ws := map[string]bool{}
	for j := range d.Entities {
		o := &d.Entities[j]
		if o.Type != record.PER {
			continue
		}
		if f := strings.Fields(d.Slice(o.Span)); len(f) > 1 {
			for _, w := range f {
				ws[w] = true
			}
		}
	}
	return ws
}

// isCity reports whether the gazetteer knows name as a first-level region
// or a city of minCityPop people; in a place phrase, any populated place.
func (r *Resolver) isCity(name string, phrase bool) bool {
	g, err := geo.Default()
	if err != nil {
		return false
	}
	minPop := int64(minCityPop)
	if phrase {
		minPop = 0
	}
	return g.IsPlace(name, minPop, false)
}

// isRegion reports whether w names a first-level region or a country
// ("Nebraska", "Ohio", "Fukui").
func isRegion(w string) bool {
	if genericRegions[strings.ToLower(w)] {
		return false // "Centre", "Central": regions of some country, words of every one
	}
	g, err := geo.Default()
	if err != nil {
		return false
	}
	var buf [16]int32
	for _, id := range g.Lookup(buf[:0], w) {
		switch g.Entry(int(id)).Feature {
		case "ADM1", "PCLI":
			return true
		}
	}
	return false
}

// firmNouns before a name say that the article calls it a company.
var firmNouns = map[string]bool{
	"carmaker": true, "automaker": true, "company": true, "firm": true, "manufacturer": true,
	"maker": true, "brand": true, "retailer": true, "airline": true, "bank": true, "lender": true,
	"insurer": true, "chipmaker": true, "startup": true, "start-up": true, "conglomerate": true,
	"giant": true, "group": true, "supplier": true, "producer": true, "distributor": true,
	"operator": true, "broadcaster": true, "publisher": true, "studio": true, "label": true,
}

// firmSuffixes after a name say the same ("Rivian Automotive Inc.").
var firmSuffixes = map[string]bool{
	"Inc": true, "Inc.": true, "Corp": true, "Corp.": true, "Ltd": true, "Ltd.": true, "Motors": true,
	"Motor": true, "Plc": true, "PLC": true, "AG": true, "GmbH": true, "LLC": true,
}

// firmNames returns the names the article calls companies: an entity right
// after a firm noun ("electric carmaker Rivian"), or whose next word is a
// company suffix.
func (r *Resolver) firmNames(d *text.Document) map[string]bool {
	var firms map[string]bool
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Type == record.NORP || e.Team {
			continue
		}
		t0, t1 := tokens(d, e.Span)
		firm := false
		if t0 > 0 && firmNouns[strings.ToLower(d.TokenText(int(t0-1)))] {
			firm = true
		}
		if int(t1) < len(d.Tokens) && firmSuffixes[d.TokenText(int(t1))] && d.Tokens[t1].Start == d.Tokens[t1-1].End+1 {
			firm = true
		}
		if e.Type == record.ORG && t1-t0 > 1 {
			// "Rivian Automotive": the first word is the firm's short name.
			last := d.TokenText(int(t1 - 1))
			if firmSuffixes[last] || last == "Automotive" || last == "Motors" {
				if firms == nil {
					firms = map[string]bool{}
				}
				firms[d.TokenText(int(t0))] = true
			}
		}
		if !firm {
			continue
		}
		if firms == nil {
			firms = map[string]bool{}
		}
		firms[d.Slice(e.Span)] = true
	}
	return firms
}

// genericRegions are names of first-level regions somewhere that are
// ordinary words of place names everywhere.
var genericRegions = map[string]bool{
	"centre": true, "center": true, "central": true, "north": true, "south": true, "east": true,
	"west": true, "northern": true, "southern": true, "eastern": true, "western": true, "capital": true,
	"coast": true, "islands": true, "lakes": true, "highlands": true, "upper": true, "lower": true,
	"interior": true, "border": true, "littoral": true, "plateau": true, "mountains": true, "valley": true,
}

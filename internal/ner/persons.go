package ner

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/geo"
	"github.com/newsgraph/newsgraph/internal/text"
)

// A name of two or three words that opens with a common given name is a
// person's, whatever the tagger typed it ("from Kevin De Bruyne's assist",
// "Eden Hazard", "photographer Edward Steichen"), unless a word of it
// marks a place or an organisation ("Jordan Valley", "Victoria Station",
// "Washington Post") or its first word is itself a sizeable place
// ("Georgia", "Sydney"). And a name right after a person's title
// ("president Sehar Memon", "lawmaker Alice Mak") is a person's too.
// persons applies both to the ORG and LOC entities of d from index first
// on; the names it retypes are Decided.

// placeHeads are words that make a name a place's or an organisation's.
var placeHeads = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`university college school academy institute street road avenue
		boulevard lane square river lake mount mountain mountains park valley county city town island
		islands bay beach coast airport station hall center centre museum gallery church cathedral chapel
		hospital clinic hotel bank group company corporation corp inc ltd llc plc news times post herald
		journal tribune gazette magazine airlines airways foundation fund society council party club fc
		united city stadium arena bridge tower towers house palace castle fort harbour harbor port
		memorial library theatre theater studios records motors bridge falls springs heights hills
		district province state region peninsula desert forest canyon creek sea ocean gulf strait
		channel canal prize award cup games festival trophy award awards fair expo show series trust
		agency department ministry office service services association federation union league army navy
		force forces brigade police court party movement front alliance network systems technologies
		democrats republicans socialists liberals conservatives greens communists reserve notice
		international gardens camp communications corps marines guard`) {
		placeHeads[w] = true
	}
}

// personNouns stand before a person's name in lower case: offices and
// occupations ("president Sehar Memon", "photographer Edward Steichen"),
// not the adjectives of titles ("former", "late", "chief").
var personNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`president president-elect minister chancellor secretary premier
		senator congressman congresswoman governor mayor ambassador envoy judge chairman chairwoman
		chairperson spokesman spokeswoman spokesperson professor doctor detective inspector commissioner
		prosecutor attorney coach lawmaker lawmakers legislator photographer artist painter sculptor
		player striker midfielder defender goalkeeper actor actress singer author writer novelist poet
		director producer journalist reporter editor columnist student students activist founder
		co-founder ceo executive economist analyst scientist researcher teacher resident residents
		candidate councillor councilor member members colleague colleagues`) {
		personNouns[w] = true
	}
}

// minGivenPlacePop is the population from which a first word that is also
// a town's name ("Victoria", "Austin") keeps a name from being a person's.
const minGivenPlacePop = 50000

func persons(d *text.Document, first int) {
	for k := first; k < len(d.Entities); k++ {
		e := &d.Entities[k]
		if e.Decided || e.Team || (e.Type != "ORG" && e.Type != "LOC") {
			continue
		}
		j, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		if end < len(d.Tokens) && d.Tokens[end].Start < e.End {
			end++
		}
		n := end - j
		if n < 2 || n > 3 || d.Tokens[j].Start != e.Start {
			continue
		}
		ok := true
		for t := j; t < end && ok; t++ {
			w := d.TokenText(t)
			ok = d.Tokens[t].Kind == text.Word && isCapital(w) && !foldedIn(placeHeads, w) && !isLinkWord(w)
		}
		if !ok {
			continue
		}
		afterTitle := j > 0 && foldedIn(personNouns, d.TokenText(j-1)) && d.Tokens[j-1].Kind == text.Word
		fw := d.TokenText(j)
		if isTitle(fw) {
			continue // "General Ratko Mladic", "King Gyanendra": the corpus's own convention
		}
		if !afterTitle && !(actor.IsFirstName(fw) && !isPlace(fw) && !isPlace(d.Slice(e.Span))) {
			continue
		}
		e.Type, e.Origin, e.Decided = "PER", "ner:person", true
	}
}

// isPlace reports whether the gazetteer knows name as a country, a
// first-level region or a town of at least minGivenPlacePop people.
func isPlace(name string) bool {
	g, err := geo.Default()
	return err == nil && g.IsPlace(name, minGivenPlacePop, true)
}

// splitPersons splits an entity that runs a place or an organisation into
// the name of a person after it ("Ambassador to the United States
// Hamdullah Mohib", "Washington Governor Chris Gregoire" without the
// title, "the Refugee Council Enver Solomon"): the last two words are a
// person's name when the article names that person alone elsewhere, or
// when the first of them is a common given name; what comes before them
// must be a country, a sizeable place or end with an organisation's word.
// The person part becomes PER, the rest keeps its type (LOC for a place).
func splitPersons(d *text.Document, first int) {
	var persons map[string]bool // two-word PER entities of the article, made on demand
	var add []text.Entity
	for k := first; k < len(d.Entities); k++ {
		e := &d.Entities[k]
		if e.Decided || e.Team || e.Type == "NORP" || e.Type == "MISC" {
			continue
		}
		j, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		if end < len(d.Tokens) && d.Tokens[end].Start < e.End {
			end++
		}
		if end-j < 3 || d.Tokens[j].Start != e.Start || d.Tokens[end-1].End != e.End {
			continue
		}
		a, b := d.TokenText(end-2), d.TokenText(end-1)
		if !isCapital(a) || !isCapital(b) || isTitle(a) || foldedIn(placeHeads, a) || foldedIn(placeHeads, b) ||
			d.Tokens[end-2].Kind != text.Word || d.Tokens[end-1].Kind != text.Word ||
			d.Text[d.Tokens[end-3].End:d.Tokens[end-2].Start] != " " {
			continue
		}
		if persons == nil {
			persons = map[string]bool{}
			for i := first; i < len(d.Entities); i++ {
				if o := &d.Entities[i]; o.Type == "PER" {
					persons[d.Slice(o.Span)] = true
				}
			}
		}
		pair := d.Text[d.Tokens[end-2].Start:e.End]
		// The person's evidence: named alone elsewhere, a common given
		// name, or a listed one whose surname the article writes again
		// ("Washington Chris Gregoire ... Gregoire said").
		head := d.Text[e.Start:d.Tokens[end-3].End]
		last := d.TokenText(end - 3)
		place := actor.IsCountryName(head) || !unpersonlike(head) && isBigPlace(head) // not an acronym: "USI"
		if !persons[pair] && !actor.IsFirstName(a) && !(isListedGivenName(a) && (place || strings.Count(d.Text, b) > 1)) {
			continue
		}
		if isRegionName(a) || isRegionName(b) || foldedIn(compassWords, last) {
			continue // "South Asia Earthquake", "South West England"
		}
		if !place && !foldedIn(orgEnds, last) {
			continue
		}
		if place {
			e.Type = "LOC"
		}
		e.End = d.Tokens[end-3].End
		add = append(add, text.Entity{Span: text.Span{Start: d.Tokens[end-2].Start, End: d.Tokens[end-1].End},
			Type: "PER", Prob: e.Prob, Origin: "ner:person", Decided: true})
	}
	if len(add) > 0 {
		d.Entities = append(d.Entities, add...)
		sortEntities(d.Entities[first:])
	}
}

// orgEnds end an organisation's name.
var orgEnds = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`council committee association union federation institute university
		college school academy society foundation agency department ministry office service relations
		affairs commission board bank group company corporation party league alliance movement front
		network centre center museum church hospital court tribunal police army navy force forces
		times post news journal herald tribune magazine`) {
		orgEnds[w] = true
	}
}

// isBigPlace reports whether the gazetteer knows name as a country, a
// first-level region or a city of 200,000 people: a place a person's
// name may follow in a run-on entity ("Washington Chris Gregoire").
func isBigPlace(name string) bool {
	g, err := geo.Default()
	return err == nil && g.IsPlace(name, 200000, false)
}

//go:embed data/first-names.txt
var firstNamesData string

var (
	givenOnce sync.Once
	given     map[string]bool
)

// isListedGivenName reports whether w is in data/first-names.txt, the long
// list of given names (8,000, many of them also words or places: used only
// where the name's place in the entity already points to a person).
func isListedGivenName(w string) bool {
	givenOnce.Do(func() {
		given = map[string]bool{}
		for _, n := range strings.Fields(firstNamesData) {
			given[n] = true
		}
	})
	return given[w]
}

// orgHeadWords end the names of organisations only, never of places or
// people ("United States Navy", "Saudi Gazette", "Labour Party").
var orgHeadWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`navy army council committee commission ministry department agency
		gazette times post herald tribune journal party corporation company inc. inc corp. corp ltd.
		ltd plc association federation foundation institute league bank`) {
		orgHeadWords[w] = true
	}
}

// programmeWords end the names of programmes and projects, which CoNLL
// names are MISC ("Andy Warhol Photographic Legacy Program").
var programmeWords = map[string]bool{"program": true, "programme": true, "project": true}

// orgHeads retypes a name of two words or more by its last word: a
// place or person ending like an organisation ("United States Navy"
// typed LOC) is ORG, and an organisation ending like a programme is MISC
// unless the actor dictionary knows it as an organisation ("World Food
// Program") or an acronym or "United" opens it ("UN Development
// Programme", "United Nations Environment Programme").
func orgHeads(d *text.Document, first int) {
	for k := first; k < len(d.Entities); k++ {
		e := &d.Entities[k]
		// A group of a tournament is neither a team nor an organisation
		// ("Group G"), whatever a sports rule decided.
		if j := d.TokenAt(e.Start); e.Type == "ORG" && d.TokenText(j) == "Group" && j+1 < len(d.Tokens) &&
			isGroupLetter(d.TokenText(j+1)) && d.Tokens[j+1].Start < e.End && (j+2 >= len(d.Tokens) || d.Tokens[j+2].Start >= e.End) {
			e.Type, e.Team, e.Origin = "MISC", false, "ner:head"
			continue
		}
		if e.Decided || e.Team {
			continue
		}
		j, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		if end < len(d.Tokens) && d.Tokens[end].Start < e.End {
			end++
		}
		if end-j < 2 {
			continue
		}
		last := d.TokenText(end - 1)
		switch {
		case (e.Type == "LOC" || e.Type == "PER") && isCapital(last) && foldedIn(orgHeadWords, last):
			e.Type, e.Origin = "ORG", "ner:head"
		case e.Type == "ORG" && isCapital(last) && foldedIn(programmeWords, last) && !unpersonlike(d.TokenText(j)) &&
			!strings.EqualFold(d.TokenText(j), "United") && !actor.IsOrgName(d.Slice(e.Span)):
			e.Type, e.Origin = "MISC", "ner:head"
		}
	}
}

// isGroupLetter reports whether w is a capital letter, alone or with a
// full stop ("G", "G." at the end of a sentence).
func isGroupLetter(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// compassWords name a part of a place, never a place a person's name
// follows.
var compassWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "central": true, "centre": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "upper": true, "lower": true,
}

// isRegionName reports whether the gazetteer knows name as a country, a
// first-level region or a continent.
func isRegionName(name string) bool {
	g, err := geo.Default()
	if err != nil {
		return false
	}
	var buf [16]int32
	for _, id := range g.Lookup(buf[:0], name) {
		switch g.Entry(int(id)).Feature {
		case "PCLI", "ADM1", "CONT":
			return true
		}
	}
	return false
}

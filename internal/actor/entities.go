package actor

import (
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// entities sets the actor of every entity and builds the person chains
// (which PER entities name the same person) used by the pronouns.
func (r *Resolver) entities(d *text.Document, sc *scratch, home int32) {
	date := day(d.Published)
	n := len(d.Entities)
	sc.chain = grow(sc.chain, n)
	sc.person = grow(sc.person, n)
	sc.gender = growByte(sc.gender, n)
	for i := 0; i < n; i++ {
		sc.chain[i], sc.person[i], sc.gender[i] = -1, -1, 0
	}
	if sc.names == nil {
		sc.names = map[string]int32{}
	}
	clear(sc.names)
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Team {
			continue // a side in a sports report: no state acts through it
		}
		t0, t1 := tokens(d, e.Span)
		if t1 <= t0 || d.Tokens[t0].Start != e.Start || d.Tokens[t1-1].End != e.End {
			// Part of a hyphenated word: "Russia" in "Russia-China ties".
			r.subToken(d, e, date)
			continue
		}
		// Strip a leading "the" and a trailing possessive.
		if t1-t0 > 1 && foldIs(d, sc, t0, "the") {
			t0++
		}
		if t1-t0 > 1 && isPossessive(d.TokenText(int(t1-1))) {
			t1--
		}
		ts := r.exactTargets(d, sc, t0, t1)
		// News agencies and other organisations are never people.
		if t, ok := firstKind(ts, kindOrg); ok && (e.Type != record.LOC || r.dict.Orgs[t.idx].Sector == "MED" || r.dict.Orgs[t.idx].Party) {
			if e.Type == record.PER || e.Type == record.LOC {
				e.Type = record.ORG
			}
			if !r.foreignParty(sc, t.idx, home) {
				e.Actor = r.dict.orgActor(t.idx, date)
			}
			continue
		}
		// The tagger's type is overruled where the dictionary is sure: a
		// country or a person tagged ORG or MISC ("The US", "Putin"), a
		// country or capital tagged PER ("Kyiv"); but not where the
		// tagger's document-level rules decided it (a team named after its
		// country, the surname of a person named in full: Entity.Decided).
		if e.Type == record.PER && !e.Decided {
			if _, ok := firstKind(ts, kindPerson); !ok {
				_, country := firstKind(ts, kindCountry)
				_, capital := firstKind(ts, kindCapital)
				if country || capital {
					e.Type = record.LOC
				}
			}
		}
		if (e.Type == record.ORG || e.Type == record.MISC) && !e.Decided && len(ts) == 0 {
			// A title the tagger took into an organisation's name:
			// "National Security Advisor Jake Sullivan" is the person.
			if k, pts := r.titledPerson(d, sc, t0, t1); k > t0 {
				e.Type, t0, ts = record.PER, k, pts
			}
		}
		if (e.Type == record.ORG || e.Type == record.MISC) && !e.Decided {
			if _, ok := firstKind(ts, kindCapital); !ok {
				_, adj := firstKind(ts, kindAdjective)
				if _, ok := firstKind(ts, kindCountry); ok {
					e.Type = record.LOC
				} else if adj && t1-t0 == 1 {
					e.Type = record.NORP // "the Gabonese and Estonian teams"
				} else if _, ok := firstKind(ts, kindPerson); ok && (t1-t0 > 1 || len(r.dict.surname[fold(d.TokenText(int(t0)))]) == 1) {
					e.Type = record.PER
				}
			}
		}
		switch e.Type {
		case record.PER:
			r.person(d, sc, i, t0, t1, ts, date, home)
			r.remember(d, sc, i, t0, t1)
		case record.ORG, record.MISC:
			e.Actor = r.orgLike(d, sc, t0, t1, ts, home, e.Type == record.ORG)
		case record.LOC:
			if len(ts) == 0 && foldIs(d, sc, t0-1, "the") {
				ts = r.exactTargets(d, sc, t0-1, t1)
			}
			if len(ts) == 0 {
				continue
			}
			t := r.dict.best(ts, date)
			switch t.kind {
			case kindCountry:
				e.Actor = r.dict.countryActor(t.idx, "")
			case kindCapital:
				if t0 != sc.dateline && actsAsActor(d, sc, t0, t1) {
					e.Actor = r.dict.countryActor(t.idx, t.sector)
				}
			case kindOrg:
				e.Actor = r.dict.orgActor(t.idx, date)
			}
		case record.NORP:
			if t, ok := firstKind(ts, kindAdjective); ok {
				e.Actor = r.dict.countryActor(t.idx, "")
			} else if t, ok := firstKind(ts, kindCountry); ok {
				e.Actor = r.dict.countryActor(t.idx, "")
			} else if t, ok := firstKind(ts, kindOrg); ok {
				e.Actor = r.dict.orgActor(t.idx, date)
			}
		}
	}
}

// titledPerson returns the first token after the title words that open
// tokens [t0, t1) and the dictionary people named exactly by the rest,
// or t0 and nil when the rest names no person.
func (r *Resolver) titledPerson(d *text.Document, sc *scratch, t0, t1 int32) (int32, []target) {
	k := t0
	for k < t1-1 && (isTitleWord(d, sc, k) || titleTail[d.TokenText(int(k))]) {
		k++
	}
	if k == t0 || t1-k < 2 {
		return t0, nil
	}
	ts := r.exactTargets(d, sc, k, t1)
	if _, ok := firstKind(ts, kindPerson); !ok {
		return t0, nil
	}
	return k, ts
}

// titleTail words end titles the dictionary spells otherwise ("National
// Security Advisor").
var titleTail = map[string]bool{"Advisor": true, "Adviser": true, "Security": true, "National": true,
	"Secretary": true, "Minister": true, "Deputy": true, "Chief": true, "Envoy": true, "Ambassador": true}

// exactTargets returns the dictionary targets whose name is exactly tokens
// [t0, t1), or nil. The result aliases the dictionary: do not modify it.
func (r *Resolver) exactTargets(d *text.Document, sc *scratch, t0, t1 int32) []target {
	if t0 < 0 || t1 <= t0 {
		return nil
	}
	sc.buf = sc.buf[:0]
	for t := t0; t < t1; t++ {
		if t > t0 {
			sc.buf = append(sc.buf, ' ')
		}
		sc.buf = appendFold(sc.buf, d.TokenText(int(t)))
	}
	// A short acronym is written in capitals: "Who" in "Doctor Who" is
	// not the WHO, "Un" is not the UN.
	if t1-t0 == 1 && r.dict.acronym[string(sc.buf)] && hasLower(d.TokenText(int(t0))) {
		return nil
	}
	return r.dict.exact[string(sc.buf)]
}

func firstKind(ts []target, k kind) (target, bool) {
	for _, t := range ts {
		if t.kind == k {
			return t, true
		}
	}
	return target{}, false
}

func foldIs(d *text.Document, sc *scratch, t int32, w string) bool {
	if t < 0 || int(t) >= len(d.Tokens) {
		return false
	}
	sc.buf = appendFold(sc.buf[:0], d.TokenText(int(t)))
	return string(sc.buf) == w
}

func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

// actsAsActor reports whether a capital at tokens [t0, t1) stands for its
// government: not after a locative word ("in Moscow", "visit to Beijing")
// and not the first word of a longer name ("Beijing Winter Olympics").
func actsAsActor(d *text.Document, sc *scratch, t0, t1 int32) bool {
	if prevIn(d, sc, t0, locative) {
		return false
	}
	if int(t1) < len(d.Tokens) {
		w := d.TokenText(int(t1))
		if isUpperStart(w) && !d.Tokens[t1].Has(text.NewlineBefore) {
			return false
		}
		if w == "-based" {
			return false
		}
	}
	return true
}

// orgLike resolves an organisation name: a dictionary organisation, a
// capital metonym (the Kremlin), or a country and an agent noun inside the
// name ("Russian Defence Ministry" → RUSMIL, "Chinese Foreign Ministry" →
// CHNGOV); an agent noun alone takes the article's country.
//
// An organisation (isOrg) whose name has no agent noun still takes the
// country its name gives by a country word ("US National Park Service" →
// USA), with no sector; with an agent noun a town in the name gives the
// country too ("University of Sheffield" → GBREDU); never the country of a
// person named near it.
func (r *Resolver) orgLike(d *text.Document, sc *scratch, t0, t1 int32, ts []target, home int32, isOrg bool) *record.Actor {
	if t, ok := firstKind(ts, kindCapital); ok {
		return r.dict.countryActor(t.idx, t.sector)
	}
	country, group := int32(-1), int32(-1)
	coordination := false
	for t := t0; t < t1; t++ {
		hi := sc.hitOf[t]
		if hi < 0 {
			if w := d.TokenText(int(t)); w == "and" || w == "&" {
				coordination = true
			}
			continue
		}
		h := sc.hits[hi]
		if t == t0 && h.t.kind == kindOrg && h.t1 < t1 && r.dict.Orgs[h.t.idx].Sector == "IGO" {
			// An international body's office: "UNHCR Kenya", "U.N.
			// Integrated Bureau for Haiti".
			return r.dict.orgActor(h.t.idx, day(d.Published))
		}
		if c := countryOf(h.t); c >= 0 && country < 0 {
			country = c
		}
		if (h.t.kind == kindAgent || h.t.kind == kindTitle) && group < 0 {
			group = h.t.idx
		}
		if h.t.kind == kindOrg && h.t0 == t0 && h.t1 == t1 {
			return r.dict.orgActor(h.t.idx, day(d.Published))
		}
	}
	if group < 0 {
		// Only a country the name itself says: not "Russia's" before
		// it (a product, a service), not a town inside it ("Delta Air
		// Lines" is no Italian firm).
		if isOrg && country >= 0 && !coordination {
			return r.dict.countryActor(country, "")
		}
		return nil
	}
	if country < 0 {
		country, _ = modifierCountry(d, sc, t0) // "Rwanda's Senate"
	}
	if country < 0 {
		country = r.namePlaceCountry(d, sc, t0, t1, home) // "University of Sheffield"
	}
	if country < 0 {
		country = home
	}
	return r.dict.targetActor(target{kind: kindAgent, idx: group}, "", country)
}

// person resolves PER entity i at tokens [t0, t1): a dictionary person by
// full name, a surname or first name of someone already named in the
// article, a dictionary surname, else an actor made from the title and
// country around the name ("Chinese diplomat X", "X, Iran's top negotiator,").
func (r *Resolver) person(d *text.Document, sc *scratch, i int, t0, t1 int32, ts []target, date string, home int32) {
	e := &d.Entities[i]
	// A title inside the entity ("President Putin"): drop leading words
	// until a person's name remains.
	pi, lone := int32(-1), false
	for k := t0; k < t1; k++ {
		cand := ts
		if k > t0 {
			if !isTitleWord(d, sc, k-1) {
				break // a first name, not a title: "Nicholas Burns"
			}
			cand = r.exactTargets(d, sc, k, t1)
		}
		if t, ok := r.pickPerson(cand, date); ok {
			pi, lone = t.idx, t1-k == 1
			break
		}
	}
	// Same person as an earlier PER entity sharing a name word; a lone
	// surname trusts the article over the dictionary.
	if head := r.earlierChain(d, sc, i, t0, t1); head >= 0 {
		if pi < 0 || lone || pi == sc.person[head] {
			sc.chain[i] = head
			if a := d.Entities[head].Actor; a != nil {
				c := *a
				e.Actor = &c
			}
			return
		}
	}
	refused := int32(-1)
	if pi >= 0 && lone && !r.loneOK(d, sc, t1-1, date) {
		refused, pi = t1-1, -1
	}
	if pi < 0 && t1-t0 > 1 {
		pi = r.surnameMatch(d, sc, t0, t1, date)
	}
	if sc.chain[i] < 0 {
		sc.chain[i] = int32(i)
	}
	head := sc.chain[i]
	if pi >= 0 {
		e.Actor = r.dict.personActor(pi, date)
		if head == int32(i) {
			sc.person[i] = pi
			sc.gender[i] = r.dict.People[pi].Gender
		}
		return
	}
	e.Actor = r.contextActor(d, sc, t0, t1, home)
	if refused >= 0 {
		// "President Bush": which Bush is unclear, that he is American is not.
		if c := r.surnameCountry(d, sc, refused); c >= 0 {
			code := r.dict.Countries[c].Code
			switch {
			case e.Actor == nil:
				e.Actor = r.dict.countryActor(c, "")
			case e.Actor.Country != code:
				e.Actor.Country, e.Actor.Code = code, code+e.Actor.Sector
			}
		}
	}
	if head == int32(i) {
		sc.gender[i] = r.nameGender(d, sc, t0, t1)
	}
}

// honorifics may precede a name inside a tagged entity.
var honorifics = map[string]bool{
	"Mr": true, "Mr.": true, "Mrs": true, "Mrs.": true, "Ms": true, "Ms.": true, "Dr": true, "Dr.": true,
	"Sir": true, "Dame": true, "Lord": true, "Lady": true, "Prof": true, "Prof.": true, "Gen.": true,
	"Sen.": true, "Rep.": true, "Gov.": true, "Pres.": true, "Lt.": true, "Col.": true, "Adm.": true,
}

// isTitleWord reports whether token t is a title, a nationality or an
// honorific rather than part of a name.
func isTitleWord(d *text.Document, sc *scratch, t int32) bool {
	if honorifics[d.TokenText(int(t))] {
		return true
	}
	if h := sc.hitOf[t]; h >= 0 {
		switch sc.hits[h].t.kind {
		case kindTitle, kindAgent, kindAdjective, kindCountry, kindCapital, kindOrg:
			return true
		}
	}
	return false
}

// surnameCountry returns the country every dictionary person with the
// surname at token t served, or -1.
func (r *Resolver) surnameCountry(d *text.Document, sc *scratch, t int32) int32 {
	sc.buf = appendFold(sc.buf[:0], d.TokenText(int(t)))
	code := ""
	for _, p := range r.dict.surname[string(sc.buf)] {
		for _, ro := range r.dict.People[p].Roles {
			if ro.Country == "" || code != "" && ro.Country != code {
				return -1
			}
			code = ro.Country
		}
	}
	if code == "" {
		return -1
	}
	return r.dict.byCode[code]
}

// loneOK reports whether a surname alone at token t, with no full name
// before it in the article, may be read as a dictionary person: when one
// person of that name holds office on date, or when only one has it and it
// is not a common surname ("Obama" yes, "Brown" only while in office).
func (r *Resolver) loneOK(d *text.Document, sc *scratch, t int32, date string) bool {
	sc.buf = appendFold(sc.buf[:0], d.TokenText(int(t)))
	ps := r.dict.surname[string(sc.buf)]
	active := 0
	for _, p := range ps {
		if r.dict.active(p, date) {
			active++
		}
	}
	switch {
	case active == 1:
		return true
	case active > 1:
		return false
	}
	return len(ps) == 1 && !commonSurnames[string(sc.buf)]
}

// pickPerson chooses among a name's targets the person in office on date,
// else the first listed.
func (r *Resolver) pickPerson(ts []target, date string) (target, bool) {
	var first target
	found := false
	for _, t := range ts {
		if t.kind != kindPerson {
			continue
		}
		if r.dict.active(t.idx, date) {
			return t, true
		}
		if !found {
			first, found = t, true
		}
	}
	return first, found
}

// surnameMatch finds a dictionary person whose surname is the entity's last
// word and whose first name starts with the same letter ("Sergei Lavrov"
// for "Sergey Lavrov").
func (r *Resolver) surnameMatch(d *text.Document, sc *scratch, t0, t1 int32, date string) int32 {
	sc.buf = appendFold(sc.buf[:0], d.TokenText(int(t1-1)))
	ps := r.dict.surname[string(sc.buf)]
	first := d.TokenText(int(t0))
	best := int32(-1)
	for _, p := range ps {
		name := r.dict.People[p].Name
		if name == "" || first == "" || fold(name[:1]) != fold(first[:1]) {
			continue
		}
		if best < 0 || r.dict.active(p, date) {
			best = p
		}
	}
	return best
}

// earlierChain returns the chain head of the latest earlier PER entity
// that shares a name word with tokens [t0, t1) (Putin after Vladimir Putin,
// Wang after Wang Yi), or -1.
func (r *Resolver) earlierChain(d *text.Document, sc *scratch, i int, t0, t1 int32) int32 {
	best := int32(-1)
	for a := t0; a < t1; a++ {
		w := d.TokenText(int(a))
		if !isUpperStart(w) || len(w) < 2 {
			continue
		}
		if j, ok := sc.names[w]; ok && j < int32(i) && j > best {
			best = j
		}
	}
	if best < 0 {
		return -1
	}
	return sc.chain[best]
}

// remember records the name words of PER entity i for earlierChain.
func (r *Resolver) remember(d *text.Document, sc *scratch, i int, t0, t1 int32) {
	for a := t0; a < t1; a++ {
		if w := d.TokenText(int(a)); isUpperStart(w) && len(w) >= 2 {
			sc.names[w] = int32(i)
		}
	}
}

// fillers may stand between a title and a name: "China's senior diplomat".
var fillers = map[string]bool{
	"the": true, "senior": true, "top": true, "former": true, "deputy": true, "chief": true,
	"new": true, "acting": true, "then": true, "outgoing": true, "incoming": true, "interim": true,
	"'s": true, "’s": true, "of": true, "and": true, "then-": true, "veteran": true, "longtime": true,
	"powerful": true, "influential": true, "ex-": true, "a": true, "an": true, "current": true,
	"prominent": true, "leading": true, "hardline": true, "first": true, "vice": true,
	"political": true, "local": true, "national": true, "regional": true, "outspoken": true,
	"renowned": true, "famous": true, "well-known": true, "retired": true,
}

// contextActor makes an actor for a person not in the dictionary from the
// title and country before the name or in an appositive after it.
func (r *Resolver) contextActor(d *text.Document, sc *scratch, t0, t1 int32, home int32) *record.Actor {
	si := d.SentenceOf(d.Tokens[t0].Start)
	lo, hi := int32(0), int32(len(d.Tokens))
	if si >= 0 {
		lo, hi = int32(d.Sentences[si].FirstToken), int32(d.Sentences[si].EndToken)
	}
	country, group, org := int32(-1), int32(-1), int32(-1)
	former := false
	unknown := 0
	look := func(t int32) bool {
		if h := sc.hitOf[t]; h >= 0 {
			ht := sc.hits[h].t
			switch {
			case ht.kind == kindTitle || ht.kind == kindAgent:
				if group < 0 {
					group = ht.idx
				}
			case countryOf(ht) >= 0:
				if country < 0 {
					country = countryOf(ht)
				}
			case ht.kind == kindOrg:
				if org < 0 {
					org = ht.idx // "Hamas leader", "co-founder of Google"
				}
			default:
				return false
			}
			return true
		}
		w := d.TokenText(int(t))
		// A party's adjective before a title: "Democratic presidential
		// candidate X" carries the party's sector on the date.
		if org < 0 && isUpperStart(w) {
			if p := r.partyAdjective(sc, w, home); p >= 0 {
				org = p
				return true
			}
		}
		// A name between a title and its country: "former Pennsylvania
		// Senator Rick Santorum".
		if group >= 0 && unknown < 2 && isUpperStart(w) && len(w) > 1 {
			unknown++
			return true
		}
		sc.buf = appendFold(sc.buf[:0], w)
		if string(sc.buf) == "former" || string(sc.buf) == "ex-" {
			former = true
		}
		return fillers[string(sc.buf)]
	}
	t := t0 - 1
	if t > lo && d.TokenText(int(t)) == "," {
		t-- // "Malaysia's Prime Minister, Najib Razak"
	}
	for ; t >= lo && t >= t0-8; t-- {
		if !look(t) {
			break
		}
	}
	if group < 0 && t1 < hi && d.TokenText(int(t1)) == "," {
		for t := t1 + 1; t < hi && t <= t1+8; t++ {
			w := d.TokenText(int(t))
			if w == "," || w == "." {
				break
			}
			if !look(t) {
				break
			}
		}
		// An appositive names a title ("X, Iran's top negotiator,"), not
		// a group ("X, Y, people like that").
		if group >= 0 && r.dict.Groups[group].Role == "" {
			group = -1
		}
	}
	if group < 0 {
		return nil
	}
	if org >= 0 && !former && (country < 0 || r.dict.Orgs[org].Country == r.dict.Countries[country].Code) {
		a := r.dict.orgActor(org, day(d.Published))
		a.Name, a.Role = "", r.dict.Groups[group].Role
		return a
	}
	if country < 0 {
		// A person's country is the dateline's or the sentence's, not
		// the one the article talks about most ("US philosopher Noam
		// Chomsky" speaking of the Soviet Union).
		if !sc.datelineHome {
			home = -1
		}
		country = fallbackIn(d, sc, t0, home, true)
	}
	a := r.dict.targetActor(target{kind: kindTitle, idx: group}, "", country)
	if former && a.Country != "" {
		a.Code, a.Sector = a.Country+"ELI", "ELI"
		if a.Role != "" {
			a.Role = "former " + a.Role // not "former " alone: "former employees of X"
		}
	}
	return a
}

// partyAdjective returns the party the adjective w names ("Democratic",
// "Tory"): the only one, else the one of the article's country home, else
// -1.
func (r *Resolver) partyAdjective(sc *scratch, w string, home int32) int32 {
	sc.buf = appendFold(sc.buf[:0], w)
	ps := r.dict.partyAdj[string(sc.buf)]
	if len(ps) == 1 {
		return ps[0]
	}
	for _, p := range ps {
		if home >= 0 && r.dict.Orgs[p].Country == r.dict.Countries[home].Code {
			return p
		}
	}
	return -1
}

// nameGender guesses a gender from a title before the name (Mr, Mrs) or a
// known first name.
func (r *Resolver) nameGender(d *text.Document, sc *scratch, t0, t1 int32) byte {
	if t0 > 0 {
		switch d.TokenText(int(t0 - 1)) {
		case "Mr", "Mr.", "Sir", "King", "Prince", "Pope", "Sheikh", "Lord":
			return 'm'
		case "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Queen", "Princess", "Lady", "Dame":
			return 'f'
		}
	}
	if t1-t0 > 1 {
		sc.buf = appendFold(sc.buf[:0], d.TokenText(int(t0)))
		return firstNames[string(sc.buf)]
	}
	return 0
}

// subToken codes an entity that is part of one token ("Russian" in
// "Russian-Chinese relations") from its text alone.
func (r *Resolver) subToken(d *text.Document, e *text.Entity, date string) {
	ts := r.dict.exact[fold(d.Slice(e.Span))]
	if len(ts) == 0 {
		return
	}
	t := r.dict.best(ts, date)
	switch t.kind {
	case kindCountry, kindAdjective:
		e.Actor = r.dict.countryActor(t.idx, "")
	case kindOrg:
		e.Actor = r.dict.orgActor(t.idx, date)
	case kindPerson:
		if e.Type == record.PER {
			e.Actor = r.dict.personActor(t.idx, date)
		}
	}
}

// foreignParty reports whether org oi is a country's party (parties.txt)
// read in an article at home in another country that never names the
// party's own: many countries have a "Democratic Party" or a "Labour
// Party", and in a Hong Kong election story it is not the American one.
// Such a name gets no actor rather than the wrong country's.
func (r *Resolver) foreignParty(sc *scratch, oi int32, home int32) bool {
	o := &r.dict.Orgs[oi]
	if !o.Party || home < 0 {
		return false
	}
	c, ok := r.dict.byCode[o.Country]
	if !ok || c == home {
		return false
	}
	for _, h := range sc.hits {
		if countryOf(h.t) == c {
			return false
		}
	}
	return true
}

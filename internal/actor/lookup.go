package actor

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// day returns the YYYY-MM-DD part of a published date, or "".
func day(published string) string {
	if len(published) >= 10 && published[4] == '-' && published[7] == '-' {
		return published[:10]
	}
	if len(published) == 4 && isDigits(published) {
		return published + "-07-01"
	}
	return ""
}

// personActor returns who person p is on date (YYYY-MM-DD): the first role
// listed that is open on that date; after the last role ends, a former
// official is coded ELI (CAMEO's elites); before the first role starts,
// the person is coded with the country alone. Without a date (archives,
// event data sets) it is the current role, else the latest one.
func (d *Dictionary) personActor(pi int32, date string) *record.Actor {
	p := &d.People[pi]
	a := &record.Actor{Name: p.Name, Wikidata: p.Wikidata}
	if len(p.Roles) == 0 {
		return a
	}
	var cur *Role
	for i := range p.Roles {
		r := &p.Roles[i]
		if date == "" {
			if r.End == "" {
				cur = r
				break
			}
			continue
		}
		if (r.Start == "" || r.Start <= date) && (r.End == "" || date < r.End) {
			cur = r
			break
		}
	}
	if cur == nil && date == "" {
		// Undated text (archives, event data sets): the latest office.
		cur = &p.Roles[0]
	}
	if cur != nil {
		a.Code, a.Country, a.Sector, a.Role = cur.Code, cur.Country, cur.Sector, cur.Title
		if cur.party > 0 && d.Orgs[cur.party-1].governs(date) {
			// A candidate of the governing party is not the opposition.
			a.Code, a.Sector = a.Country+"GOV", "GOV"
		}
		return a
	}
	// No role open: the latest role that ended before date, if any.
	var last *Role
	for i := range p.Roles {
		r := &p.Roles[i]
		if r.End != "" && (date == "" || r.End <= date) && (last == nil || r.End > last.End) {
			last = r
		}
	}
	if last != nil {
		a.Country = last.Country
		if a.Country != "" {
			a.Code, a.Sector = a.Country+"ELI", "ELI"
		} else {
			a.Code = last.Code
		}
		if last.Title != "" {
			a.Role = "former " + last.Title
		}
		return a
	}
	first := &p.Roles[len(p.Roles)-1]
	a.Country = first.Country
	a.Code = first.Country
	if a.Code == "" {
		a.Code = first.Code
	}
	return a
}

func (d *Dictionary) countryActor(ci int32, sector string) *record.Actor {
	c := &d.Countries[ci]
	return &record.Actor{Code: c.Code + sector, Country: c.Code, Sector: sector, Name: c.Name}
}

// orgActor returns the actor of organisation oi on date (YYYY-MM-DD, ""
// for undated text). A party is GOV while it holds the executive on date
// (undated: now), else OPP.
func (d *Dictionary) orgActor(oi int32, date string) *record.Actor {
	o := &d.Orgs[oi]
	a := &record.Actor{Code: o.Code, Country: o.Country, Sector: o.Sector, Name: o.Name}
	// A movement in power (the Taliban since 2021) is GOV only on a date
	// within its spell; undated, it keeps its base sector, as Phoenix and
	// the PLOVER gold code it. A party undated is coded as it is now.
	if len(o.Governs) > 0 && (o.Party || date != "") && o.governs(date) {
		a.Code, a.Sector = o.Country+"GOV", "GOV"
	}
	return a
}

// governs reports whether party o holds the executive on date; undated,
// whether it holds it now (a spell still open).
func (o *Org) governs(date string) bool {
	for _, g := range o.Governs {
		if date == "" {
			if g[1] == "" {
				return true
			}
			continue
		}
		if g[0] <= date && (g[1] == "" || date < g[1]) {
			return true
		}
	}
	return false
}

// targetActor makes the actor of t on date; country is the context country
// for generic agents and titles (may be -1).
func (d *Dictionary) targetActor(t target, date string, country int32) *record.Actor {
	switch t.kind {
	case kindCountry, kindAdjective:
		return d.countryActor(t.idx, "")
	case kindCapital:
		return d.countryActor(t.idx, t.sector)
	case kindOrg:
		return d.orgActor(t.idx, date)
	case kindPerson:
		return d.personActor(t.idx, date)
	case kindAgent, kindTitle:
		g := &d.Groups[t.idx]
		if country >= 0 {
			a := d.countryActor(country, g.Sector)
			a.Role = g.Role
			a.Name = ""
			return a
		}
		return &record.Actor{Code: g.Sector, Sector: g.Sector, Role: g.Role}
	}
	panic("BUG: unknown dictionary target kind")
}

// Lookup returns the actor for an exact name on date (YYYY-MM-DD or RFC
// 3339; "" means undated): a country ("Russia", "RUS", "RU", "Russian"), a
// capital metonym ("Moscow" → RUSGOV), an organisation ("NATO"), a person
// ("Vladimir Putin", dated roles applied) or a generic agent ("police" →
// COP). Case and diacritics are ignored; a leading "the" is optional.
func (d *Dictionary) Lookup(name, date string) (*record.Actor, bool) {
	name = strings.TrimSpace(name)
	// A dictionary name first: "AU" is the African Union and "GM" General
	// Motors before they are the ISO codes of Australia and Gambia, and
	// "IRNA" is the news agency, not IRN + sector "A".
	key := foldKey(name)
	ts := d.exact[key]
	if len(ts) == 0 && !strings.HasPrefix(key, "the ") {
		ts = d.exact["the "+key]
	}
	if len(ts) == 0 && strings.HasPrefix(key, "the ") {
		ts = d.exact[key[4:]]
	}
	if len(ts) > 0 {
		return d.targetActor(d.best(ts, day(date)), day(date), -1), true
	}
	if ci, ok := d.byCode[name]; ok {
		return d.countryActor(ci, ""), true
	}
	if len(name) > 3 && isUpperCode(name) {
		// A CAMEO code: country + sector (RUSGOV) or an org code (IGOUNO).
		if ci, ok := d.byCode[name[:3]]; ok {
			a := d.countryActor(ci, name[3:])
			return a, true
		}
		for i := range d.Orgs {
			if d.Orgs[i].Code == name {
				return d.orgActor(int32(i), day(date)), true
			}
		}
	}
	return nil, false
}

// foldKey folds name token by token and joins the tokens with spaces.
func foldKey(name string) string {
	toks := text.Tokenize(nil, name)
	var b []byte
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendFold(b, name[t.Start:t.End])
	}
	return string(b)
}

// best picks among the targets of one phrase: a country over its
// adjective, an organisation or person over a title, and among people the
// one who holds office on date, else the first listed.
func (d *Dictionary) best(ts []target, date string) target {
	if len(ts) == 1 {
		return ts[0]
	}
	rank := func(t target) int {
		switch t.kind {
		case kindCountry:
			return 0
		case kindCapital:
			return 1
		case kindOrg:
			return 2
		case kindPerson:
			if d.active(t.idx, date) {
				return 3
			}
			return 4
		case kindAdjective:
			return 5
		case kindAgent:
			return 6
		}
		return 7
	}
	b := ts[0]
	for _, t := range ts[1:] {
		if rank(t) < rank(b) {
			b = t
		}
	}
	return b
}

// active reports whether person pi holds a role on date.
func (d *Dictionary) active(pi int32, date string) bool {
	for _, r := range d.People[pi].Roles {
		if date == "" {
			if r.End == "" {
				return true
			}
			continue
		}
		if (r.Start == "" || r.Start <= date) && (r.End == "" || date < r.End) {
			return true
		}
	}
	return false
}

// Key returns the key the dictionary files a name under: its words folded
// (lower case, diacritics removed) and joined by a space. Two names with
// the same key are the same name to Lookup.
func Key(name string) string { return foldKey(name) }

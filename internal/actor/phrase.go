package actor

import (
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// phraseActor reads the actor of span s from its words alone: a person, an
// organisation, a country with an agent noun or title, a capital metonym, a
// country, or an agent noun with the article's country. The first of each
// is used, so a coordination yields its first member.
func (r *Resolver) phraseActor(d *text.Document, sc *scratch, s text.Span) *record.Actor {
	toks := d.Tokens
	if len(toks) == 0 {
		toks = text.Tokenize(nil, d.Text)
	}
	t0 := tokenAt(toks, s.Start)
	t1 := t0
	for t1 < len(toks) && toks[t1].End <= s.End {
		t1++
	}
	date := day(d.Published)
	var (
		person, org, group       = int32(-1), int32(-1), int32(-1)
		country, capital         = int32(-1), int32(-1)
		capSector                string
		groupKind                kind
		countryBeforeGroup, stop bool
	)
	for i := t0; i < t1 && !stop; {
		n := r.dict.match(sc, d.Text, toks, i, t1)
		if n == 0 {
			// "and", "or", a comma: a coordination; keep reading only to
			// complete the first member's head noun.
			w := d.Text[toks[i].Start:toks[i].End]
			if (w == "and" || w == "or" || w == ",") && (person >= 0 || org >= 0 || country >= 0 || capital >= 0 || group >= 0) {
				stop = true
			}
			i++
			continue
		}
		t := r.dict.best(sc.cands, date)
		switch t.kind {
		case kindPerson:
			if n == 1 && r.inLongerName(d, toks, i) {
				// "Park" in "National Park Service" is not Park Geun-hye.
				break
			}
			if person < 0 {
				if p, ok := r.pickPerson(sc.cands, date); ok {
					person = p.idx
				}
			}
		case kindOrg:
			if org < 0 {
				org = t.idx
			}
		case kindCapital:
			if capital < 0 && country < 0 {
				capital, capSector = t.idx, t.sector
			}
		case kindCountry, kindAdjective:
			if country < 0 && capital < 0 {
				country = t.idx
			}
		case kindAgent, kindTitle:
			if group < 0 {
				group, groupKind = t.idx, t.kind
				countryBeforeGroup = country >= 0 || capital >= 0
			}
		}
		i += n
	}
	switch {
	case person >= 0:
		return r.dict.personActor(person, date)
	case org >= 0:
		return r.dict.orgActor(org, date)
	case group >= 0 && (countryBeforeGroup || country >= 0 || capital >= 0):
		c := country
		if c < 0 {
			c = capital
		}
		return r.dict.targetActor(target{kind: groupKind, idx: group}, "", c)
	case capital >= 0:
		return r.dict.countryActor(capital, capSector)
	case country >= 0:
		return r.dict.countryActor(country, "")
	case group >= 0:
		home := int32(-1)
		if len(d.Tokens) > 0 {
			sc.hitOf = grow(sc.hitOf, 0)
			home = r.homeOf(d, sc)
		}
		return r.dict.targetActor(target{kind: groupKind, idx: group}, "", home)
	}
	return nil
}

// homeOf computes the article's country for Resolve, which runs outside
// Annotate.
func (r *Resolver) homeOf(d *text.Document, sc *scratch) int32 {
	r.scan(d, sc)
	return r.homeCountry(d, sc)
}

func tokenAt(toks []text.Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// inLongerName reports whether the one-word name at token i is part of a
// longer capitalised name the dictionary does not know: a capitalised word
// before it that is neither a title nor the sentence's first word
// ("National Park"), or a capitalised word after it ("Park Service").
func (r *Resolver) inLongerName(d *text.Document, toks []text.Token, i int) bool {
	explained := func(w string) bool {
		if honorifics[w] {
			return true
		}
		for _, t := range r.dict.exact[fold(w)] {
			switch t.kind {
			case kindTitle, kindAgent, kindCountry, kindAdjective, kindCapital:
				return true
			}
		}
		return false
	}
	if i+1 < len(toks) {
		if w := d.Text[toks[i+1].Start:toks[i+1].End]; isUpperStart(w) && !explained(w) && toks[i+1].Start == toks[i].End+1 {
			return true
		}
	}
	if i > 0 {
		w := d.Text[toks[i-1].Start:toks[i-1].End]
		first := d.SentenceOf(toks[i-1].Start) != d.SentenceOf(toks[i].Start) || i-1 == 0 ||
			d.SentenceOf(toks[i-2].Start) != d.SentenceOf(toks[i-1].Start)
		if isUpperStart(w) && !explained(w) && !(first && isTitleCaseOpener(w)) && toks[i].Start == toks[i-1].End+1 {
			return true
		}
	}
	return false
}

// isTitleCaseOpener reports whether w, opening a sentence, may be an
// ordinary word written with a capital ("Then Park said").
func isTitleCaseOpener(w string) bool {
	return len(w) > 1 && w[1] >= 'a' && w[1] <= 'z'
}

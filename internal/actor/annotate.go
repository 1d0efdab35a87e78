package actor

import (
	"context"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// Annotate sets the actor of d's entities and fills d.Mentions.
// It looks at ctx between its passes, each linear in the document, and
// returns ctx's error if it ended.
func (r *Resolver) Annotate(ctx context.Context, d *text.Document) error {
	if len(d.Tokens) == 0 && d.Text != "" {
		d.Tokens = text.Tokenize(d.Tokens, d.Text)
		d.Sentences = text.Split(d.Sentences, d.Text, d.Tokens)
	}
	sc := r.pool.Get().(*scratch)
	defer r.pool.Put(sc)
	r.scan(d, sc)
	quotes(d, sc)
	if !r.opts.NoDictionaryEntities {
		r.addEntities(d, sc)
	}
	r.retype(d, sc)
	if err := ctx.Err(); err != nil {
		return err
	}
	home := r.homeCountry(d, sc)
	r.entities(d, sc, home)
	if err := ctx.Err(); err != nil {
		return err
	}
	d.Mentions = d.Mentions[:0]
	r.generics(d, sc, home)
	r.nominals(d, sc, home)
	if err := ctx.Err(); err != nil {
		return err
	}
	r.pronouns(d, sc)
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	possessed(d)
	return nil
}

// span returns the byte span of tokens [t0, t1).
func span(d *text.Document, t0, t1 int32) text.Span {
	return text.Span{Start: d.Tokens[t0].Start, End: d.Tokens[t1-1].End}
}

// tokens returns the token range [t0, t1) of span s.
func tokens(d *text.Document, s text.Span) (int32, int32) {
	t0 := d.TokenAt(s.Start)
	t1 := t0
	for t1 < len(d.Tokens) && d.Tokens[t1].End <= s.End {
		t1++
	}
	return int32(t0), int32(t1)
}

// addEntities reconciles the tagger's entities with the dictionary. A
// dictionary name wider than the entities inside it replaces them ("Wang"
// → "Wang Yi", "Republic of China" → "People's Republic of China",
// "Russian" + "Federation" → "Russian Federation"); people,
// organisations, countries and nationalities that no entity covers are
// added with Origin "dictionary": full names, and surnames of people
// already named in full.
func (r *Resolver) addEntities(d *text.Document, sc *scratch) {
	seen := map[int32]bool{}
	var add []text.Entity
	drop := sc.drop[:0]
	for range d.Entities {
		drop = append(drop, false)
	}
	j := 0
	for _, h := range sc.hits {
		typ := ""
		switch h.t.kind {
		case kindPerson:
			typ = record.PER
		case kindOrg:
			typ = record.ORG
		case kindCountry, kindCapital:
			typ = record.LOC
		case kindAdjective:
			typ = record.NORP
		default:
			continue
		}
		t0 := h.t0
		if w := d.TokenText(int(t0)); h.t1-t0 > 1 && (w == "the" || w == "The") {
			t0++
		}
		s := span(d, t0, h.t1)
		ents := d.Entities
		for j < len(ents) && ents[j].End <= s.Start {
			j++
		}
		inside, outside, narrower := 0, 0, false
		for k := j; k < len(ents) && ents[k].Start < s.End; k++ {
			if !ents[k].Overlaps(s) {
				continue
			}
			if s.Contains(ents[k].Span) {
				inside++
				narrower = narrower || ents[k].Span != s
			} else {
				outside++
			}
		}
		if h.t.kind == kindPerson && h.t1-h.t0 > 1 {
			seen[h.t.idx] = true
		}
		switch {
		case outside > 0:
			continue
		case inside > 0:
			if !narrower || h.t1-t0 < 2 {
				continue
			}
			// Replace the entities inside s by one.
			for k := j; k < len(ents) && ents[k].Start < s.End; k++ {
				if s.Contains(ents[k].Span) {
					drop[k] = true
				}
			}
		default:
			if h.t.kind == kindCapital {
				continue // a city: the gazetteer's and the tagger's call
			}
			// A lone surname only after the full name: "Jobs", "Rice" and
			// "Hunt" are words too.
			if h.t.kind == kindPerson && h.t1-h.t0 == 1 && !seen[h.t.idx] {
				continue
			}
		}
		add = append(add, text.Entity{Span: s, Type: typ, Origin: "dictionary"})
	}
	sc.drop = drop
	if len(add) == 0 {
		return
	}
	k := 0
	for i := range d.Entities {
		if !drop[i] {
			d.Entities[k] = d.Entities[i]
			k++
		}
	}
	d.Entities = append(d.Entities[:k], add...)
	sort.SliceStable(d.Entities, func(a, b int) bool { return d.Entities[a].Start < d.Entities[b].Start })
}

// homeCountry returns the article's country: its dateline's, else the
// country named most often (at least twice), else -1.
func (r *Resolver) homeCountry(d *text.Document, sc *scratch) int32 {
	sc.dateline, sc.datelineHome = -1, false
	if d.Dateline != nil {
		t0, t1 := tokens(d, *d.Dateline)
		for t := t0; t < t1; t++ {
			if hi := sc.hitOf[t]; hi >= 0 {
				if c := countryOf(sc.hits[hi].t); c >= 0 {
					sc.datelineHome = true
					return c
				}
			}
		}
	}
	// A dateline of our own: an upper-case place opening the body, then
	// "(", ",", or a dash.
	if t := d.TokenAt(d.BodyStart); t < len(d.Tokens) {
		if hi := sc.hitOf[t]; hi >= 0 {
			h := sc.hits[hi]
			w := d.TokenText(t)
			if int(h.t1) < len(d.Tokens) && isAllUpper(w) {
				switch d.TokenText(int(h.t1)) {
				case "(", ",", "–", "—", "-", ":":
					if c := countryOf(h.t); c >= 0 {
						sc.dateline, sc.datelineHome = h.t0, true
						return c
					}
				}
			}
		}
	}
	var counts map[int32]int
	best, bestN := int32(-1), 1
	for _, h := range sc.hits {
		c := countryOf(h.t)
		if c < 0 {
			continue
		}
		if counts == nil {
			counts = map[int32]int{}
		}
		counts[c]++
		if n := counts[c]; n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// fallback returns the article's country, else the one country named in
// the sentence of token t (a single-sentence report: "President Abdelaziz
// Bouteflika" in a sentence about Algeria), else -1.
func fallback(d *text.Document, sc *scratch, t int32, home int32) int32 {
	return fallbackIn(d, sc, t, home, false)
}

// fallbackIn is fallback; strict refuses a country that modifies another
// actor even when it is the only one ("Russian forces shelled Kherson,
// regional governor X said": X is not Russian).
func fallbackIn(d *text.Document, sc *scratch, t int32, home int32, strict bool) int32 {
	return fallbackExcept(d, sc, t, home, strict, nil)
}

// fallbackGroup is fallback for a group ("police", "rebels"): a country
// that is a person's nationality in the sentence ("Chinese tourist Li
// Wei") is not the group's.
func fallbackGroup(d *text.Document, sc *scratch, t int32, home int32) int32 {
	return fallbackExcept(d, sc, t, home, false, func(t1 int32) bool { return modifiesPerson(d, sc, t1) })
}

// fallbackExcept is fallbackIn leaving out the countries whose phrase,
// ending before token t1, skip reports.
func fallbackExcept(d *text.Document, sc *scratch, t int32, home int32, strict bool, skip func(t1 int32) bool) int32 {
	if home >= 0 {
		return home
	}
	si := d.SentenceOf(d.Tokens[t].Start)
	if si < 0 {
		return -1
	}
	// The one country named; if several, the one not modifying another
	// actor ("Iran's envoy").
	all, free := int32(-1), int32(-1)
	manyAll, manyFree := false, false
	for k := d.Sentences[si].FirstToken; k < d.Sentences[si].EndToken; k++ {
		hi := sc.hitOf[k]
		if hi < 0 || sc.hits[hi].t0 != int32(k) {
			continue
		}
		x := countryOf(sc.hits[hi].t)
		if x < 0 || skip != nil && skip(sc.hits[hi].t1) {
			continue
		}
		if all >= 0 && x != all {
			manyAll = true
		}
		all = x
		if modifies(d, sc, sc.hits[hi].t1) {
			continue
		}
		if free >= 0 && x != free {
			manyFree = true
		}
		free = x
	}
	switch {
	case !manyAll && !strict:
		return all
	case !manyFree:
		return free
	}
	return -1
}

// modifiesPerson reports whether the country phrase ending before token t
// is a person's nationality: a person's name follows it, directly or
// after a title or agent noun ("Chinese tourist Li Wei", "Russian Vladimir
// Putin", "Iran's Foreign Minister Abbas Araghchi").
func modifiesPerson(d *text.Document, sc *scratch, t int32) bool {
	if int(t) < len(d.Tokens) && isPossessive(d.TokenText(int(t))) {
		t++
	}
	for k := 0; k < 4 && int(t) < len(d.Tokens); k++ {
		hi := sc.hitOf[t]
		if hi < 0 {
			return isUpperStart(d.TokenText(int(t))) && k > 0 // a name after a title
		}
		switch sc.hits[hi].t.kind {
		case kindPerson:
			return true
		case kindTitle, kindAgent:
			t = sc.hits[hi].t1
		default:
			return false
		}
	}
	return false
}

// modifies reports whether the country phrase ending before token t
// belongs to another actor: "Iran's envoy", "Iranian troops".
func modifies(d *text.Document, sc *scratch, t int32) bool {
	if int(t) >= len(d.Tokens) {
		return false
	}
	if isPossessive(d.TokenText(int(t))) {
		return true
	}
	if hi := sc.hitOf[t]; hi >= 0 {
		switch sc.hits[hi].t.kind {
		case kindTitle, kindAgent, kindPerson:
			return true
		}
	}
	return false
}

// countryOf returns the country a country, adjective or capital phrase
// names, or -1.
func countryOf(t target) int32 {
	switch t.kind {
	case kindCountry, kindAdjective, kindCapital:
		return t.idx
	}
	return -1
}

func isAllUpper(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			n++
		}
	}
	return n >= 2
}

// locative words put the place after them as a location, not an actor.
var locative = map[string]bool{
	"in": true, "at": true, "near": true, "from": true, "to": true, "into": true, "across": true,
	"throughout": true, "outside": true, "inside": true, "around": true, "via": true, "toward": true,
	"towards": true, "within": true, "visit": true, "visited": true, "visiting": true, "flew": true,
}

// objectMarkers before a person make it other than the sentence subject.
var objectMarkers = map[string]bool{
	"with": true, "to": true, "by": true, "from": true, "for": true, "of": true, "on": true,
	"at": true, "in": true, "about": true, "against": true, "after": true, "before": true,
	"between": true, "among": true, "toward": true, "towards": true, "without": true, "like": true,
	"than": true, "under": true, "over": true, "and": true, "met": true, "meet": true, "asked": true,
	"told": true, "urged": true, "called": true, "thanked": true, "invited": true,
}

// prevIn reports whether the word before token t, folded, is in set.
func prevIn(d *text.Document, sc *scratch, t int32, set map[string]bool) bool {
	if t <= 0 {
		return false
	}
	sc.buf = appendFold(sc.buf[:0], d.TokenText(int(t-1)))
	return set[string(sc.buf)]
}

// possessed codes a generic agent after a possessive pronoun with the
// country of the pronoun's person: "his government" after Donald Tusk is
// POLGOV, whatever the dateline.
func possessed(d *text.Document) {
	for i := range d.Mentions {
		p := &d.Mentions[i]
		if p.Kind != text.MentionPronoun || p.Actor == nil || p.Actor.Country == "" {
			continue
		}
		switch d.Slice(p.Span) {
		case "his", "His", "her", "Her", "their", "Their":
		default:
			continue
		}
		for j := i + 1; j < len(d.Mentions) && d.Mentions[j].Start <= p.End+2; j++ {
			g := &d.Mentions[j]
			if g.Kind != text.MentionGeneric || g.Actor == nil || g.Start <= p.End {
				continue
			}
			if strings.TrimSpace(d.Text[p.End:g.Start]) != "" {
				continue
			}
			c := *g.Actor
			c.Code, c.Country = p.Actor.Country+c.Sector, p.Actor.Country
			g.Actor = &c
		}
	}
}

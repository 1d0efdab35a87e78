package actor

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/geo"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// The country of an organisation or a group can come from a place named
// with it: "Springfield police", "University of Sheffield", "the Houston
// Fire Department". The places layer is written after this stage, so the
// place is looked up in the gazetteer here, by the article's evidence: a
// town of that name in the article's country wins ("Springfield" in a
// story from the United States), else the most populous one if it is a
// real town.

// minPlacePop is the population a place needs to give its country to an
// organisation outside the article's country: a hamlet named "Park" or
// "National" must not make the National Park Service foreign.
const minPlacePop = 50000

// placeCountry returns the country index of the populated place or region
// named tokens [t0, t1) of d, or -1. home is the article's country.
func (r *Resolver) placeCountry(d *text.Document, t0, t1 int32, home int32) int32 {
	if t1 <= t0 || int(t1) > len(d.Tokens) {
		return -1
	}
	for t := t0; t < t1; t++ {
		if !isUpperStart(d.TokenText(int(t))) && !isLinkWord(d.TokenText(int(t))) {
			return -1
		}
	}
	g, err := geo.Default()
	if err != nil {
		return -1
	}
	name := d.Text[d.Tokens[t0].Start:d.Tokens[t1-1].End]
	var buf [16]int32
	ids := g.Lookup(buf[:0], name)
	homeCode := ""
	if home >= 0 {
		homeCode = r.dict.Countries[home].Code
	}
	best, bestPop := "", int64(-1)
	for _, id := range ids {
		e := g.Entry(int(id))
		if e.Country == "" || !(strings.HasPrefix(e.Feature, "PPL") || strings.HasPrefix(e.Feature, "ADM")) {
			continue
		}
		if e.Country == homeCode {
			return home
		}
		if e.Population > bestPop {
			best, bestPop = e.Country, e.Population
		}
	}
	if best == "" || bestPop < minPlacePop {
		return -1
	}
	if c, ok := r.dict.byCode[best]; ok {
		return c
	}
	return -1
}

func isLinkWord(w string) bool {
	switch w {
	case "of", "de", "upon", "on", "the", "-", "la", "le", "del":
		return true
	}
	return false
}

// namePlaceCountry returns the country of a place named inside the
// organisation name at tokens [t0, t1) ("University of Sheffield",
// "Houston Fire Department"), or -1: the longest run of capitalised words
// the dictionary does not explain, tried from the name's start and after
// "of".
func (r *Resolver) namePlaceCountry(d *text.Document, sc *scratch, t0, t1 int32, home int32) int32 {
	// After "of": "University of Sheffield", "Bank of Montreal".
	for t := t0; t < t1; t++ {
		if d.TokenText(int(t)) == "of" {
			k := t + 1
			if k < t1 && foldIs(d, sc, k, "the") {
				k++
			}
			if c := r.placeCountry(d, k, t1, home); c >= 0 {
				return c
			}
			for e := t1 - 1; e > k; e-- {
				if c := r.placeCountry(d, k, e, home); c >= 0 {
					return c
				}
			}
		}
	}
	// At the start: "Springfield Police Department", "New York City
	// Council", but not the whole name.
	for e := t1 - 1; e > t0; e-- {
		if sc.hitOf[e-1] >= 0 {
			continue // a dictionary word ends the run: not a place of ours
		}
		if c := r.placeCountry(d, t0, e, home); c >= 0 {
			return c
		}
	}
	return -1
}

// entityPlaceCountry returns the country of the LOC entity that ends just
// before token t ("Springfield police"), or -1.
func (r *Resolver) entityPlaceCountry(d *text.Document, t int32, home int32) int32 {
	if t <= 0 {
		return -1
	}
	end := d.Tokens[t-1].End
	// Entities are sorted by start; the one ending at end starts before it.
	i := sort.Search(len(d.Entities), func(i int) bool { return d.Entities[i].Start >= end }) - 1
	for k := 0; i >= 0 && k < 4; i, k = i-1, k+1 {
		e := &d.Entities[i]
		if e.End == end && e.Type == record.LOC {
			t0, t1 := tokens(d, e.Span)
			return r.placeCountry(d, t0, t1, home)
		}
	}
	return -1
}

// postPlaceCountry returns the country of the town named by "from X",
// "of X" or "in X" right after token t ("a missionary from Calgary"), X
// being a LOC entity, or -1.
func (r *Resolver) postPlaceCountry(d *text.Document, t int32, home int32) int32 {
	if int(t)+1 >= len(d.Tokens) {
		return -1
	}
	if w := d.TokenText(int(t)); w != "from" && w != "of" && w != "in" {
		return -1
	}
	start := d.Tokens[t+1].Start
	i := sort.Search(len(d.Entities), func(i int) bool { return d.Entities[i].Start >= start })
	if i == len(d.Entities) || d.Entities[i].Start != start || d.Entities[i].Type != record.LOC {
		return -1
	}
	t0, t1 := tokens(d, d.Entities[i].Span)
	return r.placeCountry(d, t0, t1, home)
}

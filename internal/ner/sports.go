package ner

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/actor"
	"github.com/newsgraph/newsgraph/internal/text"
)

// In a sports report a country or city named as a side ("Sweden defeated
// South Korea 1 – 0", "a goal for Belgium") is a team, not the state or
// the place; a sentence-level tagger trained on political news cannot
// tell. teams marks such names Team in documents that read as sports
// reports, so that the actor stage gives them no actor, and types them as
// CoNLL-2003 does: a side named after its country (a national team) LOC,
// any other (a club named after its city) ORG. (OntoNotes and GUM type
// national sides ORG too.) A document reads as a sports report with
// at least sportsMinCues occurrences of sportsCues words, of at least
// sportsMinKinds different words. A LOC entity after a locative word ("in
// Russia", "at Wembley", "from Sochi") stays a place.

const (
	sportsMinCues  = 6
	sportsMinKinds = 4
)

// sportsCues are words (lower case) that mostly occur in sports reports.
var sportsCues = map[string]bool{
	"goal": true, "goals": true, "scored": true, "scoring": true, "striker": true,
	"midfielder": true, "defender": true, "goalkeeper": true, "penalty": true,
	"referee": true, "match": true, "matches": true, "coach": true, "league": true,
	"tournament": true, "cup": true, "championship": true, "innings": true,
	"wicket": true, "wickets": true, "touchdown": true, "quarterback": true,
	"playoff": true, "playoffs": true, "semi-final": true, "semifinal": true,
	"quarter-final": true, "half-time": true, "halftime": true, "kick-off": true,
	"stadium": true, "fifa": true, "uefa": true, "equaliser": true, "equalizer": true,
	"header": true, "substituted": true, "booked": true, "squad": true, "captain": true,
	"season": true, "victory": true, "defeated": true, "draw": true, "points": true,
}

// sportsInitials are the first letters of the sports cues.
var sportsInitials = func() uint32 {
	var m uint32
	for w := range sportsCues {
		m |= letterBit(w[0])
	}
	return m
}()

// locativeWords before a name keep it a place.
var locativeWords = map[string]bool{
	"in": true, "at": true, "from": true, "to": true, "near": true, "across": true,
	"into": true, "outside": true, "inside": true, "throughout": true, "around": true,
	"hosted": true, "host": true, "visit": true, "visited": true,
}

// isSportsReport reports whether d reads as a sports report.
func isSportsReport(d *text.Document) bool {
	n := 0
	var seen [8]string
	kinds := 0
	for i, tk := range d.Tokens {
		if tk.Kind != text.Word || tk.Len() < 3 || tk.Len() > 13 {
			continue
		}
		w := d.TokenText(i)
		if sportsInitials&letterBit(w[0]|0x20) == 0 {
			continue
		}
		var buf [16]byte
		lw := lowerASCII(buf[:0], w)
		if !sportsCues[string(lw)] {
			continue
		}
		n++
		if kinds < len(seen) {
			known := false
			for _, s := range seen[:kinds] {
				known = known || s == string(lw)
			}
			if !known {
				seen[kinds] = string(lw)
				kinds++
			}
		}
		if n >= sportsMinCues && kinds >= sportsMinKinds {
			return true
		}
	}
	return false
}

// lowerASCII appends w lower-cased (ASCII letters only) to dst.
func lowerASCII(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// teams marks the LOC entities of d from index first on that name a side
// in a sports report, and the ORG ones named after a country, Team and
// Decided (so that the actor stage does not take "Sweden" for its
// country), typed LOC for a country and ORG for a city; the other ORG
// entities it marks Decided.
func teams(d *text.Document, first int) {
	if isSportsReport(d) {
		markTeams(d, first)
	}
}

// markTeams is teams in a document known to be a sports report.
func markTeams(d *text.Document, first int) {
	ents := d.Entities[first:]
	for k := range ents {
		e := &ents[k]
		if e.Type != "LOC" && e.Type != "ORG" {
			continue
		}
		i := d.TokenAt(e.Start)
		if i > 0 && d.Tokens[i-1].Kind == text.Word {
			prev := strings.ToLower(d.TokenText(i - 1))
			if locativeWords[prev] {
				continue // "in Russia"
			}
		}
		if end, ok := endToken(d, e.Span); ok && (isVenueWord(d.TokenText(end-1)) || end < len(d.Tokens) && isVenueWord(d.TokenText(end))) {
			continue // "Volgograd Arena", "Sochi Stadium"
		}
		national := actor.IsCountryName(strings.TrimPrefix(d.Slice(e.Span), "the "))
		switch {
		case national:
			e.Type = "LOC" // as CoNLL-2003 types a national side
		case e.Type == "LOC":
			e.Type = "ORG" // a club named after its city
		default:
			e.Decided = true // an organisation ("FIFA") stays one
			continue
		}
		e.Origin, e.Decided, e.Team = "ner:team", true, true
	}
}

// isVenueWord reports whether w, after a place name, makes it a venue or
// an event rather than a side ("Sochi Stadium", "Tokyo Olympics").
func isVenueWord(w string) bool {
	switch w {
	case "Stadium", "Arena", "Park", "Olympics", "Games", "Marathon", "Open":
		return true
	}
	return false
}

package ner

import "github.com/newsgraph/newsgraph/internal/text"

// A named building or site ("Volgograd Arena", "Museum of Flight",
// "Johnson Space Center", "Grand Mosque") is a place one can be at: LOC,
// as in CoNLL and GUM, although the tagger, trained on a corpus without a
// facility type, often calls it an organisation. facilities retypes an ORG
// entity whose head word (its last word, or its first before "of") names a
// kind of building or site.

// facilityHeads are the head words of facility names.
var facilityHeads = map[string]bool{
	"Stadium": true, "Arena": true, "Airport": true, "Airbase": true, "Museum": true,
	"Center": true, "Centre": true, "Hall": true, "Tower": true, "Towers": true,
	"Bridge": true, "Square": true, "Palace": true, "Mosque": true, "Cathedral": true,
	"Temple": true, "Memorial": true, "Park": true, "Street": true, "Road": true,
	"Avenue": true, "Boulevard": true, "Station": true, "Harbour": true, "Harbor": true,
	"Dam": true, "Canal": true, "Castle": true, "Plaza": true, "Mall": true,
	"Monument": true, "Cemetery": true, "Prison": true, "Planetarium": true,
}

// facilities retypes the ORG entities of d from index first on that name a
// building or site.
func facilities(d *text.Document, first int) {
	for k := range d.Entities[first:] {
		e := &d.Entities[first+k]
		if e.Type != "ORG" {
			continue
		}
		i, end := d.TokenAt(e.Start), d.TokenAt(e.End)
		if end-i < 2 {
			continue // "Center" alone is no name
		}
		head := d.TokenText(end - 1)
		for j := i + 1; j < end-1; j++ {
			if d.TokenText(j) == "of" {
				head = d.TokenText(j - 1) // "Museum of Flight"
				break
			}
		}
		if facilityHeads[head] {
			e.Type = "LOC"
			e.Origin = "ner:facility"
		}
	}
}

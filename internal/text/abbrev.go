package text

import "unicode/utf8"

// Abbreviation classes: whether a period after the word belongs to it and
// whether such a word can end a sentence.
const (
	notAbbrev  = 0
	abbrevMid  = 1 // never ends a sentence: titles, initials (Mr. Gen. J.)
	abbrevMay  = 2 // may end one: Inc. Jr. U.S. etc.
	abbrevDate = 3 // months: end one only before a capitalised sentence start
)

var abbrevs = map[string]uint8{}

func init() {
	for _, w := range []string{
		"Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt",
		"Cmdr", "Adm", "Brig", "Gov", "Sen", "Sens", "Rep", "Reps", "Rev", "Hon", "Pres", "Supt", "Insp", "Amb",
		"Atty", "Gens", "Mt", "Ft", "St", "Ste", "Sr", "Mme", "Mlle", "No", "Nos", "vs", "v", "Vol", "Fig", "pp",
		"approx", "Dept", "Univ", "Ave", "Blvd", "Rd", "Gov't", "Rt", "Sec", "Secs", "Gen'l",
		"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky",
		"La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
		"Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
	} {
		abbrevs[w] = abbrevMid
	}
	for _, w := range []string{"Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "etc", "Plc", "plc", "LLC", "Cos", "est", "al", "ca"} {
		abbrevs[w] = abbrevMay
	}
	for _, w := range []string{"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"} {
		abbrevs[w] = abbrevDate
	}
}

// abbrevClass returns the abbreviation class of word w (without its final
// period). Words with inner periods (U.S, e.g) may end a sentence; single
// letters are initials.
func abbrevClass(w string) uint8 {
	if c, ok := abbrevs[w]; ok {
		return c
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return abbrevMid
	}
	if n := utf8.RuneCountInString(w); n == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		if isLetter(r) && r >= utf8.RuneSelf {
			return abbrevMid
		}
	}
	for i := 1; i < len(w); i++ {
		if w[i] == '.' {
			return abbrevMay
		}
	}
	return notAbbrev
}

// isAbbrev reports whether the period after s[i:end] belongs to the word.
func isAbbrev(s string, i, end int) bool { return abbrevClass(s[i:end]) != notAbbrev }

// sentenceStarters are capitalised words that usually open a sentence; after
// an abbreviation that may end one (Inc., U.S.), they mark a boundary.
var sentenceStarters = map[string]bool{}

func init() {
	for _, w := range []string{
		"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
		"There", "But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "As", "If", "When", "While",
		"After", "Before", "Since", "Its", "His", "Her", "Their", "Our", "My", "Some", "Many", "Most",
		"Other", "Officials", "Meanwhile", "However", "Also", "Earlier", "Later", "Last", "Now", "Both",
		"Such", "What", "Who", "Why", "How", "Where", "Under", "According", "One", "Two", "Three", "No",
		"Not", "Still", "Then", "Thus", "Although", "Though", "Because", "During", "Despite", "With",
	} {
		sentenceStarters[w] = true
	}
}

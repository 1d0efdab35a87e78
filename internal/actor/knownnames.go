package actor

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// The entity tagger asks the embedded dictionary two questions: is this a
// country's name, is this a person's full name. Names are compared as the
// dictionary compares them (case and accents folded).

// IsCountryName reports whether name is one of the names of a country
// ("Sweden", "South Korea", "the Bahamas"): the tagger asks whether a side
// in a sports report is a national team.
func IsCountryName(name string) bool { return isName(name, kindCountry) }

// IsPersonName reports whether name is the full name of a person of the
// dictionary, or one of the person's aliases of more than one word
// ("Saddam Hussein", "Kim Jong Un"). Surnames alone are not asked: they
// are names of other things too.
func IsPersonName(name string) bool {
	return strings.ContainsRune(strings.TrimSpace(name), ' ') && isName(name, kindPerson)
}

// isName reports whether name names a target of kind k in the embedded
// dictionary, keyed as Dictionary.add keys a name: its words folded and
// joined by a space.
func isName(name string, k kind) bool {
	var tb [16]text.Token
	var buf [96]byte
	key := buf[:0]
	for i, tk := range text.Tokenize(tb[:0], name) {
		if i > 0 {
			key = append(key, ' ')
		}
		key = appendFold(key, name[tk.Start:tk.End])
	}
	_, ok := firstKind(Embedded().dict.exact[string(key)], k)
	return ok
}

// IsOrgName reports whether name is a name of an organisation of the
// dictionary ("World Food Program", "Hamas"): the tagger asks before it
// calls a name ending in "Program" a programme.
func IsOrgName(name string) bool { return isName(name, kindOrg) }

package main

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/actor"
)

// The precision rules. Phoenix names are upper case with "_" for spaces;
// many are title-prefixed variants ("PRESIDENT_VLADIMIR_PUTIN"), short
// forms or misspellings. A name is kept only when:
//
//   - people: it has two to five words, every word has a letter and no
//     digit, no word is a title, honorific or country word (titleWords),
//     and it is not an acronym; the person gets no lone-surname key (the
//     alias "-"), so no single word of text becomes one of these people;
//   - organisations: it has at least two words (a single word, an
//     acronym or a bracketed short form is dropped: "ANARCHISTS", "(IAA)"),
//     no digit, and at least one word that is not a function word;
//   - agent nouns: one to five words, letters only, at least four letters
//     for a single word, no proper name inside (words of the hand-written
//     dictionary's countries), and not a name of the hand-written
//     dictionary.
//
// Whatever the hand-written dictionary already names (a person, an
// organisation, a country, an agent) is left out: the project's facts win.

// titleWords start or fill the noisy variants of people's names.
var titleWords = map[string]bool{
	"president": true, "presidential": true, "prime": true, "minister": true, "mr": true, "mr.": true, "mrs": true,
	"mrs.": true, "ms": true, "ms.": true, "dr": true, "dr.": true, "senator": true, "sen.": true, "general": true,
	"gen.": true, "gen": true, "king": true, "queen": true, "prince": true, "princess": true, "sheikh": true,
	"sheik": true, "emir": true, "sultan": true, "chairman": true, "secretary": true, "secretary-general": true,
	"ambassador": true, "governor": true, "gov.": true, "mayor": true, "leader": true, "chief": true,
	"commander": true, "colonel": true, "col.": true, "major": true, "captain": true, "lieutenant": true,
	"admiral": true, "marshal": true, "judge": true, "justice": true, "rep.": true, "representative": true,
	"deputy": true, "vice": true, "former": true, "foreign": true, "defense": true, "defence": true,
	"interior": true, "finance": true, "speaker": true, "pope": true, "father": true, "bishop": true,
	"archbishop": true, "cardinal": true, "ayatollah": true, "imam": true, "rabbi": true, "sir": true,
	"lord": true, "lady": true, "dame": true, "his": true, "her": true, "the": true, "of": true, "and": true,
	"chancellor": true, "premier": true, "envoy": true, "spokesman": true, "spokeswoman": true,
	"official": true, "officials": true, "mp": true, "congressman": true, "congresswoman": true,
	"president-elect": true, "un": true, "u.n.": true, "us": true, "u.s.": true, "uk": true, "eu": true,
	"american": true, "british": true, "french": true, "russian": true, "chinese": true, "german": true,
	"united": true, "states": true, "nations": true, "state": true, "party": true, "government": true,
}

// personName converts a Phoenix person name to title case, or reports that
// it is not kept.
func personName(s string) (string, bool) {
	ws := words(s)
	if len(ws) < 2 || len(ws) > 5 {
		return "", false
	}
	for _, w := range ws {
		lw := strings.ToLower(w)
		if titleWords[lw] || !hasLetter(w) || hasDigit(w) || strings.ContainsAny(w, "()/&,") {
			return "", false
		}
	}
	return titleWords2(ws), true
}

// orgKeywords mark an organisation's name in the mixed international file.
var orgKeywords = []string{
	"ORGANIZATION", "ORGANISATION", "AGENCY", "COMMISSION", "COUNCIL", "FUND", "BANK", "COMMITTEE",
	"ASSOCIATION", "UNION", "FEDERATION", "INSTITUTE", "FOUNDATION", "COURT", "TRIBUNAL", "PROGRAM",
	"OFFICE", "CENTRE", "CENTER", "NETWORK", "SOCIETY", "LEAGUE", "ALLIANCE", "MOVEMENT", "FRONT",
	"GROUP", "CORPORATION", "COMPANY", "INC", "LTD", "AIRLINE", "FORUM", "WATCH",
	"MISSION", "AUTHORITY", "SECRETARIAT", "PARLIAMENT", "ASSEMBLY", "COMMUNITY", "CONFERENCE", "PANEL",
	"BOARD", "CHURCH", "UNIVERSITY", "NATIONS", "COALITION", "FORCE", "ARMY", "BRIGADE", "PARTY",
	"RED_CROSS", "RED_CRESCENT", "CONVENTION", "PARTNERSHIP", "INITIATIVE", "SERVICE", "UNIT",
}

func isOrgName(s string) bool {
	for _, k := range orgKeywords {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// genericOrgWords are the words organisations' names share; a name made
// of them and of orgKeywords only is dropped.
var genericOrgWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`national international democratic popular people's peoples revolutionary
		liberation islamic socialist communist united green red new free solidarity unity justice peace
		freedom independence independent patriotic progressive conservative liberal labour labor workers
		workers' central federal general world global regional european african arab asian american
		christian social republican republic civic citizens citizens' union front movement party alliance
		council committee organization organisation association federation league group forces army
		brigade brigades resistance struggle armed action youth students women's women human rights
		development reform renewal change future hope action rally congress public service services
		security defence defense support relief aid emergency heritage homeland nation state states
		fund foundation institute center centre community society network forum watch mission authority
		board assembly church bank company corporation inc ltd holdings`) {
		genericOrgWords[w] = true
	}
}

var functionWords = map[string]bool{
	"the": true, "of": true, "and": true, "for": true, "in": true, "on": true, "a": true, "an": true,
	"to": true, "de": true, "la": true, "al": true, "el": true, "du": true, "des": true, "le": true,
}

// orgName converts a Phoenix organisation name, or reports that it is not
// kept.
func orgName(s string) (string, bool) {
	if strings.ContainsAny(s, "()") {
		// "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_": keep the name, drop the short form.
		if i := strings.IndexByte(s, '('); i > 0 {
			s = s[:i]
		} else {
			return "", false
		}
	}
	ws := words(s)
	if len(ws) < 2 || len(ws) > 10 {
		return "", false
	}
	// Two words without an organisation's keyword are as often a person
	// ("Abu Abdullah" in the armed groups file) as a group.
	if len(ws) == 2 && !isOrgName(strings.ToUpper(strings.Join(ws, "_"))) {
		return "", false
	}
	content, specific := false, false
	for _, w := range ws {
		if hasDigit(w) || !hasLetter(w) || strings.ContainsAny(w, "/&+") {
			return "", false
		}
		lw := strings.ToLower(w)
		if !functionWords[lw] {
			content = true
		}
		if !functionWords[lw] && !genericOrgWords[lw] && !isOrgName(w) {
			specific = true
		}
	}
	// "International Solidarity", "Green Party", "National Front": words
	// that many organisations of many countries share name none of them.
	if !content || !specific {
		return "", false
	}
	return titleWords2(ws), true
}

// agentNoun converts a Phoenix agent noun ("RIOT_POLICE") to lower case, or
// reports that it is not kept.
func agentNoun(s string) (string, bool) {
	ws := words(s)
	if len(ws) == 0 || len(ws) > 5 {
		return "", false
	}
	for _, w := range ws {
		for _, r := range w {
			if !(r >= 'A' && r <= 'Z' || r == '-' || r == '\'') {
				return "", false
			}
		}
	}
	if len(ws) == 1 && len(ws[0]) < 4 {
		return "", false
	}
	n := strings.ToLower(strings.Join(ws, " "))
	if !denotesAgent(n) {
		return "", false
	}
	return n, true
}

// agentSuffixes end a word that names a person by what they do (farmer,
// journalist, civilian, assailant, fisherman, refugee).
var agentSuffixes = []string{"er", "or", "ist", "ian", "ant", "ent", "man", "men", "woman", "women", "person", "ee", "eer", "ier", "ar"}

// groupHeads end a phrase that names a group or an institution that acts.
var groupHeads = map[string]bool{
	"group": true, "force": true, "forces": true, "unit": true, "council": true, "committee": true,
	"court": true, "ministry": true, "ministries": true, "agency": true, "union": true, "party": true,
	"police": true, "army": true, "gang": true, "band": true, "squad": true, "militia": true,
	"organization": true, "organisation": true, "association": true, "federation": true, "office": true,
	"service": true, "bureau": true, "commission": true, "authority": true, "board": true, "assembly": true,
	"parliament": true, "congress": true, "cabinet": true, "government": true, "administration": true,
	"clergy": true, "society": true, "front": true, "movement": true, "alliance": true,
	"coalition": true, "brigade": true, "battalion": true, "regiment": true, "patrol": true, "guard": true,
	"cartel": true, "syndicate": true, "tribunal": true, "chamber": true, "delegation": true,
	"people": true, "family": true, "families": true, "staff": true, "crew": true, "team": true,
}

// denotesAgent reports whether the noun phrase n names people or a group:
// its last word is a group head, or ends like a word for a person.
// Adjectives ("islamic", "retired"), things ("cargo ship", "missile") and
// abstractions ("intelligence", "religion") are not agents.
func denotesAgent(n string) bool {
	ws := strings.Fields(n)
	last := ws[len(ws)-1]
	if groupHeads[last] || groupHeads[singular(last)] {
		return true
	}
	for _, w := range []string{last, singular(last)} {
		if strings.HasSuffix(w, "ment") {
			return false // "settlement", "government" are not people
		}
		for _, suf := range agentSuffixes {
			if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
				return true
			}
		}
	}
	return false
}

// singular undoes the plural of a noun's last word, near enough for the
// suffix test ("refugees" → "refugee", "militias" → "militia").
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man"
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// plural makes the plural of an agent noun's last word ("rancher" →
// "ranchers", "cattleman" → "cattlemen", "militia" → "militias"), or ""
// when the noun already reads as a plural or collective.
func plural(n string) string {
	switch {
	case strings.HasSuffix(n, "men") || strings.HasSuffix(n, "ies") || strings.HasSuffix(n, "people") ||
		strings.HasSuffix(n, "s") || strings.HasSuffix(n, "police") || strings.HasSuffix(n, "clergy") ||
		strings.HasSuffix(n, "staff") || strings.HasSuffix(n, "child") || strings.HasSuffix(n, "person"):
		return "" // already plural, collective, or irregular
	case strings.HasSuffix(n, "man"):
		return n[:len(n)-3] + "men"
	case strings.HasSuffix(n, "y") && len(n) > 2 && !strings.ContainsRune("aeiou", rune(n[len(n)-2])):
		return n[:len(n)-1] + "ies"
	case strings.HasSuffix(n, "x") || strings.HasSuffix(n, "ch") || strings.HasSuffix(n, "sh"):
		return n + "es"
	}
	if strings.Contains(n, " of ") {
		return "" // "ministry of finance": the plural is rare and odd
	}
	return n + "s"
}

// words splits a Phoenix name on '_' and spaces.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' })
}

// lowerParticles stay lower case inside a name.
var lowerParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "de": true, "del": true, "della": true,
	"da": true, "das": true, "do": true, "dos": true, "du": true, "van": true, "von": true, "der": true,
	"den": true, "la": true, "le": true, "of": true, "the": true, "and": true, "for": true, "y": true,
	"e": true, "in": true, "on": true,
}

// titleWords2 writes upper-case words in title case: "AL-ASSAD" →
// "al-Assad", "O'BRIEN" → "O'Brien", "MCDONALD" → "McDonald".
func titleWords2(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		lw := strings.ToLower(w)
		if i > 0 && lowerParticles[lw] {
			out[i] = lw
			continue
		}
		parts := strings.Split(lw, "-")
		for j, p := range parts {
			if (j > 0 || i > 0) && lowerParticles[p] && j < len(parts)-1 {
				continue // "al-" in "al-Assad"
			}
			if j == 0 && i == 0 && lowerParticles[p] && len(parts) > 1 && (p == "al" || p == "el") {
				continue
			}
			parts[j] = capital(p)
		}
		out[i] = strings.Join(parts, "-")
	}
	return strings.Join(out, " ")
}

func capital(p string) string {
	rs := []rune(p)
	up := true
	for k, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[k] = unicode.ToUpper(r)
			up = false
		}
		if r == '\'' || r == '.' {
			up = true
		}
	}
	s := string(rs)
	if strings.HasPrefix(s, "Mc") && len(rs) > 3 {
		s = "Mc" + capital(s[2:])
	}
	return s
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// foldKey is the dictionary's key of a name (actor.Key): two names with
// the same key are one name.
func foldKey(s string) string { return actor.Key(s) }

// firmSuffixes end a company's registered name.
var firmSuffixes = []string{" Inc.", " Inc", ", Inc.", ", Inc", " Corporation", " Corp.", " Corp", " Ltd.", " Ltd", " Limited", " Plc", " PLC", " Co.", " Company", " Sa", " Ag", " Nv"}

// withoutFirmSuffix returns a firm's name without its legal suffix when at
// least two words remain ("Kraft Foods Inc" → "Kraft Foods"; "Navarre
// Corporation" keeps its name: "Navarre" alone is a place).
func withoutFirmSuffix(n string) (string, bool) {
	for _, suf := range firmSuffixes {
		if strings.HasSuffix(n, suf) {
			short := strings.TrimRight(strings.TrimSuffix(n, suf), " ,")
			if len(strings.Fields(short)) >= 2 {
				return short, true
			}
			return "", false
		}
	}
	return "", false
}

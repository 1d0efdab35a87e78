package event

import "strings"

// irregular lists irregular verb forms: lemma followed by its past and
// participle forms. Only verbs that matter for events or verb groups.
var irregular = [][]string{
	{"be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m"},
	{"have", "has", "had", "having", "'ve", "'d"},
	{"do", "does", "did", "done", "doing"},
	{"say", "says", "said"}, {"meet", "met"}, {"hold", "held"}, {"go", "went", "gone", "goes"},
	{"take", "took", "taken"}, {"give", "gave", "given"}, {"send", "sent"}, {"make", "made"},
	{"set"}, {"hit"}, {"shoot", "shot"}, {"fight", "fought"}, {"seek", "sought"},
	{"lead", "led"}, {"leave", "left"}, {"strike", "struck", "stricken"}, {"break", "broke", "broken"},
	{"buy", "bought"}, {"sell", "sold"}, {"tell", "told"}, {"speak", "spoke", "spoken"},
	{"bring", "brought"}, {"begin", "began", "begun"}, {"come", "came"}, {"win", "won"},
	{"lose", "lost"}, {"keep", "kept"}, {"put"}, {"cut"}, {"let"}, {"fly", "flew", "flown", "flies"},
	{"beat", "beaten"}, {"withdraw", "withdrew", "withdrawn"}, {"forgive", "forgave", "forgiven"},
	{"freeze", "froze", "frozen"}, {"lay", "laid"}, {"pay", "paid"}, {"run", "ran"}, {"see", "saw", "seen"},
	{"shut"}, {"stand", "stood"}, {"think", "thought"}, {"throw", "threw", "thrown"},
	{"uphold", "upheld"}, {"spread"}, {"slay", "slew", "slain"}, {"blow", "blew", "blown"},
	{"draw", "drew", "drawn"}, {"drive", "drove", "driven"}, {"fall", "fell", "fallen"},
	{"feel", "felt"}, {"find", "found"}, {"get", "got", "gotten"}, {"grow", "grew", "grown"},
	{"hear", "heard"}, {"know", "knew", "known"}, {"show", "showed", "shown"}, {"spend", "spent"},
	{"wear", "wore", "worn"}, {"write", "wrote", "written"}, {"build", "built"}, {"burn", "burnt"},
	{"deal", "dealt"}, {"feed", "fed"}, {"flee", "fled"}, {"hide", "hid", "hidden"}, {"light", "lit"},
	{"overthrow", "overthrew", "overthrown"}, {"shake", "shook", "shaken"}, {"bid"}, {"mean", "meant"},
	{"rise", "rose", "risen"}, {"arise", "arose", "arisen"}, {"forbid", "forbade", "forbidden"},
	{"undertake", "undertook", "undertaken"}, {"swear", "swore", "sworn"}, {"bind", "bound"},
	{"teach", "taught"}, {"catch", "caught"}, {"lend", "lent"}, {"bear", "bore", "borne"},
	{"choose", "chose", "chosen"}, {"sit", "sat"}, {"sink", "sank", "sunk"}, {"spin", "spun"},
	{"will", "'ll", "wo"}, {"can", "ca"}, {"offset"}, {"upset"}, {"quit"}, {"shed"}, {"oversee", "oversaw", "overseen"},
	{"forego", "forewent"}, {"foresee", "foresaw", "foreseen"}, {"mislead", "misled"}, {"rebuild", "rebuilt"},
	{"retake", "retook", "retaken"}, {"overtake", "overtook", "overtaken"}, {"override", "overrode", "overridden"},
}

// irregularNouns maps plural nouns that the rules miss to their lemma.
var irregularNouns = map[string]string{
	"talks": "talks", "people": "person", "men": "man", "women": "woman", "children": "child",
	"crises": "crisis", "analyses": "analysis", "hostilities": "hostilities", "arms": "arms",
	"clashes": "clash", "strikes": "strike", "sanctions": "sanction", "riots": "riot",
	"atrocities": "atrocities", "negotiations": "negotiation", "airstrikes": "airstrike",
	"relations": "relation", "ties": "tie", "news": "news", "forces": "force", "drills": "drill",
	"exercises": "exercise", "warrants": "warrant", "arrests": "arrest",
}

// lexicon maps word forms (lowercase) to lemmas for the words that the
// dictionary and the verb-group logic care about. Other words are their own
// lemma (lowercased).
type lexicon map[string]string

func newLexicon() lexicon {
	lx := lexicon{}
	for _, forms := range irregular {
		for _, f := range forms {
			lx[f] = forms[0]
		}
	}
	for f, l := range irregularNouns {
		lx[f] = l
		if _, ok := lx[l]; !ok {
			lx[l] = l // the lemma is known too: "ties" -> "tie"
		}
	}
	return lx
}

// addWord adds the regular inflections of lemma w (verb and noun) unless a
// form is already known.
func (lx lexicon) addWord(w string) {
	set := func(f string) {
		if _, ok := lx[f]; !ok {
			lx[f] = w
		}
	}
	set(w)
	n := len(w)
	if n < 2 {
		return
	}
	last := w[n-1]
	switch {
	case last == 'y' && !isVowel(w[n-2]):
		stem := w[:n-1]
		set(stem + "ies")
		set(stem + "ied")
		set(w + "ing")
	case last == 'e':
		set(w + "s")
		set(w + "d")
		if n > 2 && w[n-2] == 'e' { // agree -> agreeing
			set(w + "ing")
		} else {
			set(w[:n-1] + "ing")
		}
	default:
		if last == 's' || last == 'x' || last == 'z' || last == 'o' || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") {
			set(w + "es")
		} else {
			set(w + "s")
		}
		set(w + "ed")
		set(w + "ing")
		// Doubled final consonant after a single vowel: stop -> stopped.
		if n >= 3 && !isVowel(last) && last != 'w' && last != 'x' && last != 'y' && isVowel(w[n-2]) && !isVowel(w[n-3]) {
			set(w + string(last) + "ed")
			set(w + string(last) + "ing")
		}
	}
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// lemma returns the lemma of word w, using buf as scratch for lowercasing.
// It allocates only when it returns an unknown non-lowercase word, which the
// callers avoid by comparing lemmas of known words only.
func (lx lexicon) lemma(w string, buf []byte) (string, bool) {
	if len(w) > len(buf) {
		return "", false
	}
	lower := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			lower = false
			c += 'a' - 'A'
		} else if c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99 {
			// ’ in ’s: fold to '
			lower = false
		}
		buf[i] = c
	}
	if lower {
		l, ok := lx[w]
		if !ok {
			return w, false
		}
		return l, true
	}
	b := buf[:len(w)]
	if len(w) >= 3 && w[0] == 0xE2 {
		b = append(buf[:0], '\'')
		b = append(b, w[3:]...)
	}
	l, ok := lx[string(b)]
	return l, ok
}

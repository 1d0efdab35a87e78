package syntax

import "strings"

// lemmaRule returns the lemma of word w with Penn tag xpos by suffix rules;
// the lemmatiser's exception table (learned from the treebank where the
// rules disagree with it) is consulted first.
func lemmaRule(w, xpos string) string {
	if xpos == "NNP" || xpos == "NNPS" {
		if xpos == "NNPS" && len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			return w[:len(w)-1]
		}
		return w
	}
	l := strings.ToLower(w)
	switch xpos {
	case "NNS":
		return plural(l)
	case "VBZ":
		return plural(l)
	case "VBG":
		if base, ok := strings.CutSuffix(l, "ing"); ok && len(base) >= 2 {
			return verbStem(base)
		}
	case "VBD", "VBN":
		if base, ok := strings.CutSuffix(l, "ied"); ok && len(base) >= 1 {
			return base + "y"
		}
		if base, ok := strings.CutSuffix(l, "ed"); ok && len(base) >= 2 {
			return verbStem(base)
		}
	case "JJR", "RBR":
		if base, ok := strings.CutSuffix(l, "ier"); ok && len(base) >= 2 {
			return base + "y"
		}
		if base, ok := strings.CutSuffix(l, "er"); ok && len(base) >= 2 {
			return undouble(base)
		}
	case "JJS", "RBS":
		if base, ok := strings.CutSuffix(l, "iest"); ok && len(base) >= 2 {
			return base + "y"
		}
		if base, ok := strings.CutSuffix(l, "est"); ok && len(base) >= 2 {
			return undouble(base)
		}
	}
	return l
}

func plural(l string) string {
	switch {
	case len(l) <= 3:
		return strings.TrimSuffix(l, "s")
	case strings.HasSuffix(l, "ies"):
		return l[:len(l)-3] + "y"
	case strings.HasSuffix(l, "sses"), strings.HasSuffix(l, "xes"), strings.HasSuffix(l, "ches"),
		strings.HasSuffix(l, "shes"), strings.HasSuffix(l, "zzes"):
		return l[:len(l)-2]
	case strings.HasSuffix(l, "ss"), strings.HasSuffix(l, "us"), strings.HasSuffix(l, "is"):
		return l
	case strings.HasSuffix(l, "s"):
		return l[:len(l)-1]
	}
	return l
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// undouble drops a doubled final consonant ("stopp" → "stop").
func undouble(b string) string {
	n := len(b)
	if n >= 3 && b[n-1] == b[n-2] && !isVowel(b[n-1]) && b[n-1] != 'l' && b[n-1] != 's' && b[n-1] != 'z' {
		return b[:n-1]
	}
	return b
}

// verbStem restores the base of a verb from its form without -ed/-ing.
func verbStem(b string) string {
	n := len(b)
	if u := undouble(b); len(u) < n {
		return u
	}
	// consonant + vowel + consonant at the end of a short stem often lost an
	// e ("mak" → "make"); the exception table covers the rest.
	if n >= 2 && !isVowel(b[n-1]) && isVowel(b[n-2]) && b[n-1] != 'w' && b[n-1] != 'x' && b[n-1] != 'y' &&
		(n < 3 || !isVowel(b[n-3])) && n <= 4 {
		return b + "e"
	}
	switch {
	case strings.HasSuffix(b, "iz"), strings.HasSuffix(b, "ys"), strings.HasSuffix(b, "uc"),
		strings.HasSuffix(b, "at") && n > 4, strings.HasSuffix(b, "v"), strings.HasSuffix(b, "ir") && n > 4:
		return b + "e"
	}
	// A consonant and l, a c, g or s after r or n, a final u: an e was
	// lost ("encircl", "forc", "merg", "nurs", "rescu").
	if n >= 4 {
		last, prev := b[n-1], b[n-2]
		switch {
		case last == 'l' && !isVowel(prev) && prev != 'l' && prev != 'r',
			(last == 'c' || last == 'g' || last == 's') && (prev == 'r' || prev == 'n') && !strings.HasSuffix(b, "ng"),
			last == 'u' && prev != 'u':
			return b + "e"
		}
	}
	return b
}

package actor

import (
	"unicode"
	"unicode/utf8"
)

// appendFold appends the lookup key of word w to dst: lower case, common
// Latin diacritics removed (Erdoğan → erdogan) and the typographic
// apostrophe made straight, so that text and dictionary meet whatever the
// spelling. It does not allocate when dst has room.
func appendFold(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		if f, ok := foldTable[r]; ok {
			dst = append(dst, f...)
			continue
		}
		if r == '’' || r == '‘' || r == 'ʼ' {
			dst = append(dst, '\'')
			continue
		}
		if r == '‐' || r == '‑' || r == '–' {
			dst = append(dst, '-')
			continue
		}
		dst = utf8.AppendRune(dst, toLower(r))
	}
	return dst
}

// fold returns the lookup key of w as a string.
func fold(w string) string { return string(appendFold(nil, w)) }

func toLower(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	if l, ok := lowerTable[r]; ok {
		return l
	}
	return r
}

var foldTable = map[rune]string{}
var lowerTable = map[rune]rune{}

func init() {
	groups := []struct {
		to    string
		runes string
	}{
		{"a", "àáâãäåāăąÀÁÂÃÄÅĀĂĄ"}, {"ae", "æÆ"}, {"c", "çćčĉċÇĆČ"}, {"d", "ďđĐĎ"},
		{"e", "èéêëēėęěÈÉÊËĒĖĘĚ"}, {"g", "ğģĝĠğĞ"}, {"i", "ìíîïīįıÌÍÎÏĪĮİ"}, {"l", "łľĺļŁĽĹ"},
		{"n", "ñńňņÑŃŇ"}, {"o", "òóôõöøōőÒÓÔÕÖØŌŐ"}, {"oe", "œŒ"}, {"r", "řŕŘ"},
		{"s", "śšşșŚŠŞȘ"}, {"ss", "ß"}, {"t", "ťţțŤŢȚ"}, {"u", "ùúûüūůűųÙÚÛÜŪŮŰŲ"},
		{"y", "ýÿÝŸ"}, {"z", "źżžŹŻŽ"},
	}
	for _, g := range groups {
		for _, r := range g.runes {
			foldTable[r] = g.to
		}
	}
	// Cyrillic and Greek capitals are rare in English news; lower-case them
	// with the unicode tables once here rather than per token.
	for r := rune(0x391); r <= 0x3A9; r++ {
		lowerTable[r] = r + 0x20
	}
	for r := rune(0x410); r <= 0x42F; r++ {
		lowerTable[r] = r + 0x20
	}
}

// isUpperStart reports whether w starts with an upper-case letter.
func isUpperStart(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

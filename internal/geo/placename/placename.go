// Package placename holds the one normalisation of place names shared by
// the gazetteer generator (which sorts its index by it) and the matcher
// (which looks text up with it).
package placename

import (
	"unicode"
	"unicode/utf8"
)

// Key appends the lookup key of name to dst and returns it: lower case, one
// space between words, typographic apostrophes made plain, and hyphens and
// dashes between words read as spaces ("Bas-Congo" and "Bas Congo",
// "Goz-Beida" and "Goz Beida" are one name).
func Key(dst []byte, name string) []byte {
	space := false
	start := len(dst)
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' {
				space = len(dst) > start
				continue
			}
			if space {
				dst = append(dst, ' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(name[i:])
		i += n
		if unicode.IsSpace(r) || r == '–' || r == '‑' {
			space = len(dst) > start
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		switch r {
		case '’', '‘', 'ʻ', 'ʼ':
			r = '\''
		default:
			r = unicode.ToLower(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

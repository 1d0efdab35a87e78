package syntax

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/learn"
)

// wordInfo holds the hashes of one word that features combine.
type wordInfo struct {
	form  uint64 // normalised form: lower case, digits as 0
	suf   [4]uint64
	pre   [3]uint64
	shape uint64
	flags uint64 // capitalised, all caps, has digit, has hyphen
	lex   uint64 // the news lexicon's tag of the word + 1, 0 when unknown
}

const (
	flagCap = 1 << iota
	flagAllCaps
	flagDigit
	flagHyphen
	flagFirst
)

// norm appends the normalised form of w to dst: lower case, every digit
// 0, typographic quotes and dashes folded to ASCII.
func norm(dst []byte, w string) []byte {
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			r = '0'
		case r == '‘' || r == '’' || r == '`':
			r = '\''
		case r == '“' || r == '”':
			r = '"'
		case r == '–' || r == '—':
			r = '-'
		default:
			r = unicode.ToLower(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// describe fills info for each word, reading the news lexicon lex (which
// may be nil).
func describe(info []wordInfo, words []string, buf []byte, lex map[uint64]uint8) []byte {
	for i, w := range words {
		buf = norm(buf[:0], w)
		wi := &info[i]
		*wi = wordInfo{form: learn.Bytes(buf)}
		if t, ok := lex[wi.form]; ok {
			wi.lex = uint64(t) + 1
		}
		n := len(buf)
		// Suffixes and prefixes by runes.
		end := n
		for k := 0; k < 4; k++ {
			if end == 0 {
				wi.suf[k] = wi.suf[max(k-1, 0)]
				continue
			}
			_, sz := utf8.DecodeLastRune(buf[:end])
			end -= sz
			wi.suf[k] = learn.Bytes(buf[end:])
		}
		start := 0
		for k := 0; k < 3; k++ {
			if start < n {
				_, sz := utf8.DecodeRune(buf[start:])
				start += sz
			}
			wi.pre[k] = learn.Bytes(buf[:start])
		}
		var shape [8]byte
		sn := 0
		var last byte
		caps, letters := 0, 0
		for _, r := range w {
			var c byte
			switch {
			case unicode.IsUpper(r):
				c = 'X'
				caps++
				letters++
			case unicode.IsLetter(r):
				c = 'x'
				letters++
			case unicode.IsDigit(r):
				c = 'd'
				wi.flags |= flagDigit
			case r == '-':
				c = '-'
				wi.flags |= flagHyphen
			default:
				c = '.'
			}
			if c != last && sn < len(shape) {
				shape[sn] = c
				sn++
			}
			last = c
		}
		wi.shape = learn.Bytes(shape[:sn])
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			wi.flags |= flagCap
		}
		if letters > 1 && caps == letters {
			wi.flags |= flagAllCaps
		}
		if i == 0 {
			wi.flags |= flagFirst
		}
	}
	return buf
}

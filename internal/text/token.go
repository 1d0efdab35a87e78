package text

import (
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, possibly with digits, hyphens, apostrophes, inner periods
	Number                  // digits with inner , . : / (1,000.5  10:30  9/11)
	Punct                   // punctuation, quotes, dashes, brackets
	Symbol                  // currency and other symbols ($ € % & + …)
	URL
	Email
)

// Token flags.
const (
	SpaceBefore     uint8 = 1 << iota // whitespace precedes the token
	NewlineBefore                     // at least one newline precedes it
	ParagraphBefore                   // a blank line precedes it
	AbbrevPeriod                      // the token is a word whose final '.' is part of it
)

// Token is one token: its byte span, kind and flags.
type Token struct {
	Span
	Kind  TokenKind
	Flags uint8
}

// Has reports whether the token has flag f.
func (t Token) Has(f uint8) bool { return t.Flags&f != 0 }

// Tokenize appends the tokens of s to dst and returns it. It makes a single
// pass over s and follows Penn Treebank conventions as news corpora do:
// possessive 's and n't are split off, hyphenated words and abbreviations
// (U.S., Mr., Feb.) stay whole, numbers keep their separators.
func Tokenize(dst []Token, s string) []Token {
	var flags uint8
	i := 0
	for i < len(s) {
		c := s[i]
		// Whitespace.
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				flags |= SpaceBefore
				i++
				continue
			}
			if c == '\n' {
				if flags&NewlineBefore != 0 {
					flags |= ParagraphBefore
				}
				flags |= SpaceBefore | NewlineBefore
				i++
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
				if r == '\u2028' || r == '\u2029' || r == '\u0085' {
					flags |= NewlineBefore
				}
				flags |= SpaceBefore
				i += n
				continue
			}
		}
		end, kind := scanToken(s, i)
		if end <= i { // BUG guard: never loop without progress
			_, n := utf8.DecodeRuneInString(s[i:])
			end, kind = i+n, Symbol
		}
		t := Token{Span: Span{i, end}, Kind: kind, Flags: flags}
		if kind == Word && end < len(s) && s[end-1] != '.' && s[end] == '.' && isAbbrev(s, i, end) {
			t.End++
			t.Flags |= AbbrevPeriod
		} else if kind == Word && s[end-1] == '.' {
			t.Flags |= AbbrevPeriod
		}
		dst = append(dst, t)
		i = t.End
		flags = 0
	}
	return dst
}

// scanToken returns the end and kind of the token that starts at i.
func scanToken(s string, i int) (int, TokenKind) {
	c := s[i]
	if c == 'h' || c == 'w' || c == 'H' || c == 'W' {
		if e := scanURL(s, i); e > i {
			return e, URL
		}
	}
	r, n := rune(c), 1
	if c >= utf8.RuneSelf {
		r, n = utf8.DecodeRuneInString(s[i:])
	}
	switch {
	case isDigit(r):
		return scanNumber(s, i)
	case isLetter(r):
		return scanWord(s, i)
	case r == '\'' || r == '’':
		// 's, 're, n't style clitics after a word come here only when split
		// off by scanWord; a leading apostrophe before digits ('90s) or a
		// word ('em) is part of it.
		if i+n < len(s) {
			nr, _ := utf8.DecodeRuneInString(s[i+n:])
			if isLetter(nr) && i > 0 {
				pr, _ := utf8.DecodeLastRuneInString(s[:i])
				if isLetter(pr) || isDigit(pr) { // clitic: 's 're 've 'll 'd 'm
					e := i + n
					for e < len(s) {
						r2, n2 := utf8.DecodeRuneInString(s[e:])
						if !isLetter(r2) {
							break
						}
						e += n2
					}
					return e, Word
				}
			}
			if isDigit(nr) {
				e, _ := scanNumber(s, i+n)
				return e, Number
			}
		}
		return i + n, Punct
	case r == '.':
		// Ellipsis "..." is one token; ".5" is a number.
		e := i
		for e < len(s) && s[e] == '.' {
			e++
		}
		if e-i == 1 && e < len(s) && isDigitByte(s[e]) && (i == 0 || !isDigitByte(s[i-1])) {
			return scanNumber(s, i)
		}
		return e, Punct
	case r == '-':
		e := i
		for e < len(s) && s[e] == '-' {
			e++
		}
		return e, Punct
	case r == '@' || r == '#':
		// Handles and hashtags.
		e := i + 1
		for e < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[e:])
			if !isLetter(r2) && !isDigit(r2) && r2 != '_' {
				break
			}
			e += n2
		}
		if e > i+1 {
			return e, Word
		}
		return i + 1, Symbol
	case unicode.IsPunct(r):
		return i + n, Punct
	default:
		return i + n, Symbol
	}
}

func scanWord(s string, i int) (int, TokenKind) {
	e := i
	for e < len(s) {
		c := s[e]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(s[e:])
		}
		if isLetter(r) || isDigit(r) || unicode.Is(unicode.Mn, r) {
			e += n
			continue
		}
		next := rune(0)
		nn := 0
		if e+n < len(s) {
			next, nn = utf8.DecodeRuneInString(s[e+n:])
		}
		switch r {
		case '-', '‐', '‑':
			// Hyphenated word: keep whole when a letter or digit follows.
			if isLetter(next) || isDigit(next) {
				e += n
				continue
			}
		case '.':
			// Inner period of an abbreviation: U.S, e.g, a.m
			if isLetter(next) && e+n+nn <= len(s) && e > i && letterRun(s, i, e) <= 2 {
				e += n
				continue
			}
		case '\'', '’':
			// n't: split before n.
			if (next == 't' || next == 'T') && e > i && (s[e-1] == 'n' || s[e-1] == 'N') {
				after := e + n + nn
				if after >= len(s) || !isLetterByteOrRune(s, after) {
					if e-1 == i { // the clitic itself: n't
						return after, Word
					}
					return e - 1, Word
				}
			}
			// Possessive and clitics: split.
			if next == 's' || next == 'S' || next == 'd' || next == 'm' {
				after := e + n + nn
				if after >= len(s) || !isLetterByteOrRune(s, after) {
					return e, Word
				}
			}
			if (next == 'r' || next == 'v' || next == 'l') && e+n+nn < len(s) {
				after := e + n + nn + 1
				if after >= len(s) || !isLetterByteOrRune(s, after) {
					return e, Word
				}
			}
			// O'Brien, Ma'ariv: inner apostrophe between letters.
			if isLetter(next) {
				e += n
				continue
			}
		case '&':
			// AT&T, S&P
			if e > i && isUpperByte(s[e-1]) && next >= 'A' && next <= 'Z' {
				e += n
				continue
			}
		case '@':
			if isLetter(next) || isDigit(next) {
				if ee := scanEmail(s, e+n); ee > e+n {
					return ee, Email
				}
			}
		}
		break
	}
	// A word that ends in a trailing "s'" plural possessive keeps no apostrophe.
	return e, Word
}

// letterRun returns the length in runes of the letter run ending at e.
func letterRun(s string, start, e int) int {
	n := 0
	for e > start {
		r, sz := utf8.DecodeLastRuneInString(s[start:e])
		if !isLetter(r) {
			break
		}
		n++
		e -= sz
	}
	return n
}

func scanEmail(s string, i int) int {
	e := i
	dot := false
	for e < len(s) {
		c := s[e]
		if isAlnumByte(c) || c == '-' || c == '_' {
			e++
			continue
		}
		if c == '.' && e+1 < len(s) && isAlnumByte(s[e+1]) {
			dot = true
			e++
			continue
		}
		break
	}
	if !dot {
		return i
	}
	return e
}

func scanNumber(s string, i int) (int, TokenKind) {
	e := i
	for e < len(s) {
		c := s[e]
		if isDigitByte(c) {
			e++
			continue
		}
		if (c == ',' || c == '.' || c == ':' || c == '/') && e+1 < len(s) && isDigitByte(s[e+1]) && e > i {
			e++
			continue
		}
		break
	}
	// Ordinals and decades stay whole: 21st, 2nd, 1990s, 4th.
	if e+1 < len(s) {
		two := s[e:min(e+2, len(s))]
		switch two {
		case "st", "nd", "rd", "th", "s":
			if e+2 >= len(s) || !isAlnumByte(s[e+2]) {
				return e + 2, Number
			}
		}
		if s[e] == 's' && (e+1 >= len(s) || !isAlnumByte(s[e+1])) {
			return e + 1, Number
		}
	}
	// Alphanumeric codes (F-16, 3D, G20, COVID-19) are words.
	if e < len(s) && (isLetterByteOrRune(s, e) || (s[e] == '-' && e+1 < len(s) && isAlnumByte(s[e+1]))) {
		// but 1.5bn, 10km, 5pm split: digits then a known unit suffix
		j := e
		for j < len(s) && isLetterByteOrRune(s, j) {
			j++
		}
		if s[e] != '-' && unitSuffix(s[e:j]) {
			return e, Number
		}
		w, _ := scanWord(s, e)
		if w > e {
			return w, Word
		}
	}
	return e, Number
}

func unitSuffix(w string) bool {
	switch w {
	case "bn", "b", "m", "mn", "k", "km", "kg", "mm", "cm", "ft", "mi", "pm", "am", "tn", "trn", "mln", "bln", "kW", "MW", "GW", "st", "nd", "rd", "th", "s":
		return true
	}
	return false
}

// scanURL returns the end of a URL that starts at i, or i.
func scanURL(s string, i int) int {
	rest := s[i:]
	ok := false
	for _, p := range [...]string{"http://", "https://", "www.", "HTTP://", "HTTPS://", "WWW."} {
		if len(rest) > len(p) && rest[:len(p)] == p {
			ok = true
			break
		}
	}
	if !ok {
		return i
	}
	e := i
	for e < len(s) {
		c := s[e]
		if c <= ' ' || c == '"' || c == '<' || c == '>' {
			break
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[e:])
			if unicode.IsSpace(r) || r == '”' || r == '’' || r == '“' {
				break
			}
			e += n
			continue
		}
		e++
	}
	// Trailing punctuation belongs to the sentence.
	for e > i {
		switch s[e-1] {
		case '.', ',', ';', ':', '!', '?', ')', '\'', ']':
			e--
			continue
		}
		break
	}
	return e
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
func isUpperByte(c byte) bool { return c >= 'A' && c <= 'Z' }
func isAlnumByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isLetterByteOrRune(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return unicode.IsDigit(r)
}

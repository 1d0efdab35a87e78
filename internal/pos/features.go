package pos

import "unicode/utf8"

// Feature templates. Each feature is a 64-bit FNV-1a hash of the template id
// and its string parts, computed without allocating.
const (
	fBias = iota
	fSuffix3
	fSuffix2
	fPrefix1
	fWord
	fPrevTag
	fPrev2Tag
	fPrevTags
	fPrevTagWord
	fPrevWord
	fPrevSuffix
	fPrev2Word
	fNextWord
	fNextSuffix
	fNext2Word
	fShape
	fFirstCap
	numFeatures
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hInit(tmpl int) uint64 {
	h := uint64(fnvOffset)
	h ^= uint64(tmpl) + 1
	h *= fnvPrime
	return h
}

func hByte(h uint64, b byte) uint64 {
	h ^= uint64(b)
	h *= fnvPrime
	return h
}

// hWord hashes the normalised form of w: ASCII lowercased, digits folded to
// '0', typographic quotes folded to ASCII ones.
func hWord(h uint64, w string) uint64 {
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			c = '0'
		case c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80:
			// U+2018..U+201F quotes, U+2013/2014 dashes.
			switch w[i+2] {
			case 0x98, 0x99:
				c = '\''
			case 0x9C, 0x9D:
				c = '"'
			case 0x93, 0x94:
				c = '-'
			default:
				h = hByte(h, c)
				continue
			}
			i += 2
		}
		h = hByte(h, c)
	}
	h = hByte(h, 0xFF) // terminator between parts
	return h
}

// hSuffix hashes the last n runes of w (normalised as in hWord).
func hSuffix(h uint64, w string, n int) uint64 {
	i := len(w)
	for k := 0; k < n && i > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(w[:i])
		i -= sz
	}
	return hWord(h, w[i:])
}

func hTag(h uint64, t int) uint64 {
	h = hByte(h, byte(t))
	return hByte(h, 0xFE)
}

// shape returns a small code for the word's shape: capitalisation, digits,
// hyphens, punctuation.
func shape(w string) byte {
	var upper, lower, digit, hyphen, other bool
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9':
			digit = true
		case c == '-':
			hyphen = true
		default:
			other = true
		}
	}
	var s byte
	if upper {
		s |= 1
	}
	if lower {
		s |= 2
	}
	if digit {
		s |= 4
	}
	if hyphen {
		s |= 8
	}
	if other {
		s |= 16
	}
	if len(w) > 0 && w[0] >= 'A' && w[0] <= 'Z' {
		s |= 32
	}
	return s
}

// Sentinel context words outside the sentence.
const (
	startWord = "\x00-START-"
	endWord   = "\x00-END-"
	startTag  = 254
)

// features writes the hashes of token i's features into dst (len
// numFeatures). p1 and p2 are the tags of the two previous tokens.
func features(dst *[numFeatures]uint64, words []string, i int, p1, p2 int) {
	w := words[i]
	prev, prev2, next, next2 := startWord, startWord, endWord, endWord
	if i > 0 {
		prev = words[i-1]
	}
	if i > 1 {
		prev2 = words[i-2]
	}
	if i+1 < len(words) {
		next = words[i+1]
	}
	if i+2 < len(words) {
		next2 = words[i+2]
	}
	dst[fBias] = hInit(fBias)
	dst[fSuffix3] = hSuffix(hInit(fSuffix3), w, 3)
	dst[fSuffix2] = hSuffix(hInit(fSuffix2), w, 2)
	dst[fPrefix1] = hSuffix(hInit(fPrefix1), firstRune(w), 1)
	dst[fWord] = hWord(hInit(fWord), w)
	dst[fPrevTag] = hTag(hInit(fPrevTag), p1)
	dst[fPrev2Tag] = hTag(hInit(fPrev2Tag), p2)
	dst[fPrevTags] = hTag(hTag(hInit(fPrevTags), p1), p2)
	dst[fPrevTagWord] = hWord(hTag(hInit(fPrevTagWord), p1), w)
	dst[fPrevWord] = hWord(hInit(fPrevWord), prev)
	dst[fPrevSuffix] = hSuffix(hInit(fPrevSuffix), prev, 3)
	dst[fPrev2Word] = hWord(hInit(fPrev2Word), prev2)
	dst[fNextWord] = hWord(hInit(fNextWord), next)
	dst[fNextSuffix] = hSuffix(hInit(fNextSuffix), next, 3)
	dst[fNext2Word] = hWord(hInit(fNext2Word), next2)
	dst[fShape] = hByte(hInit(fShape), shape(w))
	fc := byte(0)
	if i == 0 {
		fc = 1
	}
	dst[fFirstCap] = hByte(hByte(hInit(fFirstCap), fc), shape(w)&33)
}

func firstRune(w string) string {
	if w == "" {
		return w
	}
	_, n := utf8.DecodeRuneInString(w)
	return w[:n]
}

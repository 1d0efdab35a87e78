package amount

import (
	"strconv"
	"strings"
)

// ParseDigits reads a number written with digits: "185", "20,000",
// "3.5", ".5", "1,234.75". Thousands commas must group by three. It
// returns false for anything else (dates, times, version numbers).
func ParseDigits(w string) (float64, bool) {
	if w == "" || len(w) > 40 {
		return 0, false
	}
	var b [40]byte
	n := 0
	dot := -1
	lastComma := -1
	digits := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			b[n] = c
			n++
			digits++
		case c == ',':
			if dot >= 0 || digits == 0 || (lastComma >= 0 && i-lastComma != 4) || (lastComma < 0 && digits > 3) {
				return 0, false
			}
			lastComma = i
		case c == '.':
			if dot >= 0 {
				return 0, false
			}
			dot = i
			b[n] = c
			n++
		default:
			return 0, false
		}
	}
	if digits == 0 || lastComma >= 0 && (dot < 0 && len(w)-lastComma != 4 || dot >= 0 && dot-lastComma != 4) {
		return 0, false
	}
	if dot == len(w)-1 {
		n-- // "5." at a sentence end
	}
	v, err := strconv.ParseFloat(string(b[:n]), 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// word kinds of the number lexicon.
const (
	wSmall = iota + 1 // zero .. ninety
	wHundred
	wScale  // thousand, million, ... and bn, m, k
	wVague  // dozens, hundreds, thousands, millions (of)
	wDozen  // dozen
	wHalf   // half
	wAbbrev // bn, mn, m, k, tn: only right after digits
)

type numWord struct {
	kind int
	val  float64
}

var numWords = map[string]numWord{}

func init() {
	small := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, w := range small {
		numWords[w] = numWord{wSmall, float64(i)}
	}
	for i, w := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		numWords[w] = numWord{wSmall, float64(20 + 10*i)}
	}
	numWords["hundred"] = numWord{wHundred, 100}
	for w, v := range map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12} {
		numWords[w] = numWord{wScale, v}
	}
	for w, v := range map[string]float64{"bn": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12, "trn": 1e12, "bln": 1e9} {
		numWords[w] = numWord{wAbbrev, v}
	}
	for w, v := range map[string]float64{"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9} {
		numWords[w] = numWord{wVague, v}
	}
	numWords["dozen"] = numWord{wDozen, 12}
	numWords["half"] = numWord{wHalf, 0.5}
}

// lookupNumWord finds w (any case) in the number lexicon; "twenty-five"
// is 25 and "1.5-million" is 1.5e6.
func lookupNumWord(w string) (numWord, bool) {
	if len(w) > 24 {
		return numWord{}, false
	}
	var b [24]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	lw := b[:len(w)]
	if nw, ok := numWords[string(lw)]; ok {
		return nw, true
	}
	if k := strings.IndexByte(w, '-'); k > 0 {
		l, ok1 := numWords[string(lw[:k])]
		r, ok2 := numWords[string(lw[k+1:])]
		if ok1 && ok2 && l.kind == wSmall && r.kind == wSmall && l.val >= 20 && int(l.val)%10 == 0 && r.val >= 1 && r.val <= 9 {
			return numWord{wSmall, l.val + r.val}, true
		}
		if ok2 && (r.kind == wScale || r.kind == wHundred) {
			if v, ok := ParseDigits(w[:k]); ok {
				return numWord{wSmall, v * r.val}, true
			}
			if ok1 && l.kind == wSmall {
				return numWord{wSmall, l.val * r.val}, true
			}
		}
	}
	return numWord{}, false
}

package timex

import "strings"

// dir guesses the tense around token i from the nearest tense cue within
// ten tokens: +1 future, -1 past, 0 none. Reporting verbs ("said") count
// only right next to the expression ("said Friday"), since elsewhere they
// date the report, not the event.
func (s *scanner) dir(i int) int { return s.dirWithin(i, 10) }

// dirWithin is dir with a window of maxDist tokens.
func (s *scanner) dirWithin(i, maxDist int) int {
	for dist := 1; dist <= maxDist; dist++ {
		for _, k := range [2]int{i - dist, i + dist} {
			if k < s.sent.FirstToken || k >= s.sent.EndToken {
				continue
			}
			if c := s.cue(k, dist, k < i); c != 0 {
				return c
			}
		}
	}
	return 0
}

// modalWithin reports whether "as soon as" or "as early as" comes within
// maxDist tokens before i. (Modals such as "would" were tried and hurt:
// reported speech uses them for past events.)
func (s *scanner) modalWithin(i, maxDist int) bool {
	lo, hi := max(s.sent.FirstToken, i-maxDist), min(s.sent.EndToken, i+maxDist+1)
	for k := lo; k < hi; k++ {
		w := s.word(k)
		switch {
		case k < i && (strings.EqualFold(w, "soon") || strings.EqualFold(w, "early")) && s.is(k-1, "as") && s.is(k+1, "as"):
			return true
		}
	}
	return false
}

// cue returns the tense cue of token k at distance dist, before or after
// the expression.
func (s *scanner) cue(k, dist int, before bool) int {
	w := s.word(k)
	if len(w) > 12 || len(w) < 2 {
		return 0
	}
	var b [12]byte
	for n := 0; n < len(w); n++ {
		c := w[n]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[n] = c
	}
	lw := b[:len(w)]
	switch string(lw) {
	case "will", "'ll", "shall", "would", "scheduled", "planned", "expected", "upcoming", "going", "intends", "aims", "expects", "hopes", "tomorrow", "next", "wo", "payable", "expire", "expires", "must", "might", "planning", "should", "effective", "starting", "beginning", "ahead":
		return 1
	case "until", "by", "till":
		// A deadline ("postponed until Tuesday") unless a past
		// auxiliary governs it ("until Thursday, they had not").
		if dist == 1 && before && !s.pastAuxNear(k, 6) {
			return 1
		}
		return 0
	case "was", "were", "had", "did", "ago", "last", "yesterday", "earlier":
		return -1
	case "began", "became", "brought", "bought", "came", "fell", "rose", "went", "took", "made", "met", "won", "lost", "left", "held", "gave", "got", "saw", "found", "sold", "paid", "spent", "sent", "built", "fought", "wrote", "grew", "flew", "fled", "stood", "kept", "sought", "struck", "shot", "broke", "spoke", "led", "knew", "thought", "felt", "ran", "drove", "chose", "hung", "caught", "taught", "swore", "stole", "sank", "dealt", "meant", "slid", "forgave", "overtook", "withdrew", "undertook", "underwent", "arose":
		// Irregular past tenses, which the "-ed" rule below misses;
		// after "be" a passive that says nothing of the time ("will be
		// held").
		if s.is(k-1, "be") || s.is(k-1, "being") {
			return 0
		}
		return -1
	case "said", "told", "announced", "reported", "added", "stated":
		if dist <= 2 {
			return -1
		}
		return 0
	case "is", "are", "says", "said.", "tells":
		return 0
	case "to":
		if s.is(k-1, "is") || s.is(k-1, "are") {
			return 1 // "is to resume trading Tuesday"
		}
		return 0
	case "succeed", "proceed", "exceed", "indeed", "speed", "hundred", "sacred", "naked", "wicked", "hatred", "kindred", "breed", "bleed":
		return 0 // "-ed" but not a past tense
	}
	// A past participle or past tense, but not a name ("United").
	if len(lw) > 4 && lw[len(lw)-2] == 'e' && lw[len(lw)-1] == 'd' && !(w[0] >= 'A' && w[0] <= 'Z') && !s.is(k-1, "be") && !s.is(k-1, "being") {
		return -1
	}
	return 0
}

// resolveYear picks the year for a month (and day, 0 if none) written
// without one. Without a tense cue it is the latest such date at most
// four months after the anchor. A past cue moves a date that lies more than two months ahead
// back a year (a near date after a past verb is mostly a deadline: "had
// been set to expire Nov. 6"); a future cue moves a date more than a
// month behind forward a year.
func (s *scanner) resolveYear(m, d, at int) int {
	y := s.a.year()
	dd := d
	if dd == 0 {
		dd = 15
		if m == s.a.month() {
			return y
		}
	}
	days := func(cy int) int {
		x := dd
		if x > daysIn(cy, m) {
			x = daysIn(cy, m)
		}
		return int(date(cy, m, x).Sub(s.a.t).Hours() / 24)
	}
	diff := days(y)
	switch s.dir(at) {
	case -1:
		if diff > 62 {
			return y - 1
		}
		return y
	case 1:
		if diff < -31 {
			return y + 1
		}
		return y
	}
	// No cue: news mostly reports the past, so the date is the latest
	// one no more than four months ahead of the anchor.
	for _, cy := range [3]int{y + 1, y, y - 1} {
		if days(cy) <= maxAheadDays {
			return cy
		}
	}
	return y - 1
}

// maxAheadDays is how far ahead of the anchor a month or date without a
// year or tense cue may lie; beyond it, it is last year's. On TBAQ the
// gold values lie within -8 .. +4 months of the publication date.
const maxAheadDays = 122

// pastAuxNear reports whether "had", "was", "were" or "did" lies within
// maxDist tokens of k in the sentence.
func (s *scanner) pastAuxNear(k, maxDist int) bool {
	lo, hi := max(s.sent.FirstToken, k-maxDist), min(s.sent.EndToken, k+maxDist+1)
	for i := lo; i < hi; i++ {
		w := s.word(i)
		if strings.EqualFold(w, "had") || strings.EqualFold(w, "was") || strings.EqualFold(w, "were") || strings.EqualFold(w, "did") {
			return true
		}
	}
	return false
}

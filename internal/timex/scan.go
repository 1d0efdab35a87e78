package timex

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// lex is what the grammar knows about one token.
type lex struct {
	entry
	num    int  // value of a plain number token or number word, -1 otherwise
	digits int8 // digit count of a plain number token, 0 otherwise
	upper  bool // starts with an upper-case letter
}

// result is one recognised expression over tokens [start, end).
type result struct {
	start, end int
	typ        string
	val        string
	mod        int
	anniv      int    // n of "the n-th anniversary", resolved after the sentence
	modName    string // TIMEX3 mod when not one of mod's
}

// scanner runs the grammar over one document.
type scanner struct {
	d    *text.Document
	a    Anchor
	lx   []lex
	buf  []byte
	sent text.Sentence
	out  []text.Date
	// qYear and q are the last quarter the document named ("the third
	// quarter"): financial news then means "a year ago" as that quarter a
	// year before, as TimeML annotates it.
	qYear, q int
	// last is the value of the last DATE with a year, for "that year",
	// "that day".
	last string
}

const maxWordLen = 32

// lexOf classifies token i.
func (s *scanner) lexOf(i int) lex {
	t := s.d.Tokens[i]
	w := s.d.Text[t.Start:t.End]
	l := lex{num: -1}
	if len(w) == 0 {
		return l
	}
	c := w[0]
	l.upper = c >= 'A' && c <= 'Z'
	if t.Kind == text.Number {
		n, nd, ok := plainNumber(w)
		if ok {
			l.num, l.digits = n, int8(nd)
			return l
		}
		// "20th", "1st": ordinals from the table below.
	}
	if t.Kind != text.Word && t.Kind != text.Symbol && t.Kind != text.Punct && t.Kind != text.Number {
		return l
	}
	if len(w) > maxWordLen {
		return l
	}
	var b [maxWordLen]byte
	hyph := false
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		} else if c >= utf8.RuneSelf {
			return l
		}
		if c == '-' && k > 0 {
			hyph = true
		}
		b[k] = c
	}
	if !mayBeInLexicon(b[:len(w)]) && !hyph {
		return l
	}
	if e, ok := lexicon[string(b[:len(w)])]; ok {
		l.entry = e
		if e.cls == cNumWord {
			l.num = int(e.val)
		}
		return l
	}
	if hyph {
		l.cls = cHyph
		if n, ok := hyphNumber(string(b[:len(w)])); ok {
			l.cls, l.num = cNumWord, n
		}
	}
	return l
}

// plainNumber parses digits with optional thousands commas ("20,000").
// digits is the digit count when there is no comma, else 0.
func plainNumber(w string) (n, digits int, ok bool) {
	comma := false
	nd := 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case c >= '0' && c <= '9':
			if n > 1e9 {
				return 0, 0, false
			}
			n = n*10 + int(c-'0')
			nd++
		case c == ',' && k > 0:
			comma = true
		default:
			return 0, 0, false
		}
	}
	if nd == 0 {
		return 0, 0, false
	}
	if comma {
		return n, 0, true
	}
	return n, nd, true
}

// hyphNumber reads "twenty-four" as 24.
func hyphNumber(w string) (int, bool) {
	i := strings.IndexByte(w, '-')
	if i < 0 {
		return 0, false
	}
	a, ok1 := lexicon[w[:i]]
	b, ok2 := lexicon[w[i+1:]]
	if !ok1 || !ok2 || a.cls != cNumWord || b.cls != cNumWord || a.val < 20 || a.val%10 != 0 || b.val < 1 || b.val > 9 {
		return 0, false
	}
	return int(a.val + b.val), true
}

// word returns the lower-case-insensitive text of token i.
func (s *scanner) word(i int) string {
	t := s.d.Tokens[i]
	return s.d.Text[t.Start:t.End]
}

func (s *scanner) is(i int, w string) bool {
	return i < s.sent.EndToken && strings.EqualFold(s.word(i), w)
}

func (s *scanner) cls(i int) class {
	if i >= s.sent.EndToken || i < s.sent.FirstToken {
		return cNone
	}
	return s.lx[i].cls
}

func (s *scanner) done(b []byte) string {
	v := string(b)
	s.buf = b[:0]
	return v
}

// scanSentence finds the expressions of one sentence.
func (s *scanner) scanSentence(st text.Sentence) {
	s.sent = st
	first := len(s.out)
	var anniv []result
	for i := st.FirstToken; i < st.EndToken; {
		r, ok := s.match(i)
		if !ok {
			i++
			continue
		}
		if r.anniv > 0 {
			anniv = append(anniv, r)
		}
		s.emit(r)
		i = r.end
	}
	for _, r := range anniv {
		s.resolveAnniversary(r, first)
	}
}

func (s *scanner) emit(r result) {
	toks := s.d.Tokens
	sp := text.Span{Start: toks[r.start].Start, End: toks[r.end-1].End}
	m := r.modName
	if m == "" && r.mod > 0 && r.mod < len(modNames) {
		m = modNames[r.mod]
	}
	s.out = append(s.out, text.Date{Span: sp, Type: r.typ, Value: r.val, Mod: m})
	if r.typ == record.DATE && len(r.val) >= 4 && r.val[0] >= '0' && r.val[0] <= '9' {
		s.last = r.val
	}
}

// resolveAnniversary gives "the first anniversary of X, which started on
// February 24 last year" the date one year after the first full date that
// follows it in the sentence; without one the value stays XXXX-XX-XX.
func (s *scanner) resolveAnniversary(r result, first int) {
	start := s.d.Tokens[r.start].Start
	k := -1
	for j := first; j < len(s.out); j++ {
		if s.out[j].Start == start {
			k = j
			break
		}
	}
	if k < 0 {
		return
	}
	for j := k + 1; j < len(s.out); j++ {
		v := s.out[j].Value
		if len(v) == 10 && v[4] == '-' && v[7] == '-' {
			if y, ok := atoiN(v[:4]); ok {
				b := appendY(s.buf[:0], y+r.anniv)
				b = append(b, v[4:]...)
				s.out[k].Value = s.done(b)
			}
			return
		}
	}
}

// match tries the grammar at token i: optional approximators and
// modifiers, an optional determiner, then a core expression.
func (s *scanner) match(i int) (result, bool) {
	e := s.sent.EndToken
	j, approx := s.skipApprox(i)
	mod := 0
	ofForm := false
	if k, md, of := s.modPrefix(j); md != 0 {
		j, mod, ofForm = k, md, of
	}
	hadThe := false
	if s.cls(j) == cThe {
		hadThe = true
		j++
		if mod == 0 {
			if k, md, of := s.modPrefix(j); md != 0 && !of {
				j, mod = k, md
			}
		}
	}
	if j >= e {
		return result{}, false
	}
	r, ok := s.core(j, hadThe)
	if !ok {
		return result{}, false
	}
	if j > i && s.cls(i) == cApprox && r.typ == record.DATE && !s.isCount(j) {
		return result{}, false // "around Wednesday's ruling"
	}
	if (mod == mEarlier || mod == mLater) && !(r.relative() && (s.cls(j) == cRel && s.cls(j+1) == cUnit && (s.lx[j+1].val == uYear || s.lx[j+1].val == uMonth || s.lx[j].val == rThat) || hadThe)) {
		return result{}, false // "earlier this year", but "earlier [Friday]"
	}
	if hadThe && s.cls(j) == cHyph && j == r.end-1 {
		return result{}, false // "the [third-quarter] results": an adjective
	}
	if ofForm && !hadThe && s.cls(j-1) != cOf {
		return result{}, false
	}
	if mod != 0 && r.mod == 0 {
		r.mod = mod
	}
	if j > i && approx != "" && r.modName == "" {
		r.modName = approx
	}
	r.start = i
	if r.typ == "" {
		panic("BUG: timex result without a type")
	}
	return r, true
}

// relative reports whether an "earlier"/"later" may precede r.
func (r result) relative() bool { return r.typ == record.DATE || r.typ == record.TIME }

// skipApprox skips "about", "nearly", "more than", "at least", ... before
// a duration or date; TimeML puts them inside the span.
func (s *scanner) skipApprox(i int) (int, string) {
	switch s.cls(i) {
	case cApprox:
		if s.is(i, "almost") {
			return i + 1, "LESS_THAN"
		}
		return i + 1, "APPROX"
	case cApproxHead:
	default:
		return i, ""
	}
	switch {
	case s.is(i, "more") || s.is(i, "less") || s.is(i, "fewer"):
		if s.is(i+1, "than") {
			if s.is(i, "more") {
				return i + 2, "MORE_THAN"
			}
			return i + 2, "LESS_THAN"
		}
	case s.is(i, "at"):
		if s.is(i+1, "least") {
			return i + 2, "EQUAL_OR_MORE"
		}
		if s.is(i+1, "most") {
			return i + 2, "EQUAL_OR_LESS"
		}
	case s.is(i, "up"):
		if s.is(i+1, "to") && s.isCount(i+2) {
			return i + 2, "EQUAL_OR_LESS"
		}
	case s.is(i, "no"):
		if s.is(i+1, "more") && s.is(i+2, "than") {
			return i + 3, "EQUAL_OR_LESS"
		}
		if s.is(i+1, "less") && s.is(i+2, "than") {
			return i + 3, "EQUAL_OR_MORE"
		}
	}
	return i, ""
}

// isCount reports whether token i starts a count (a number or number word).
func (s *scanner) isCount(i int) bool {
	if i >= s.sent.EndToken {
		return false
	}
	return s.lx[i].num >= 0 || s.lx[i].cls == cA || s.lx[i].cls == cFew
}

// modPrefix reads "early", "late", "mid", "earlier", "later", or
// "the end of", "the beginning of", "the middle of". It returns the next
// token, the mod and whether it was the "the X of" form.
func (s *scanner) modPrefix(i int) (int, int, bool) {
	if s.cls(i) == cThe && s.cls(i+1) == cMod && s.cls(i+2) == cOf {
		w := s.word(i + 1)
		if strings.EqualFold(w, "end") || strings.EqualFold(w, "beginning") || strings.EqualFold(w, "start") || strings.EqualFold(w, "middle") {
			return i + 3, int(s.lx[i+1].val), true
		}
	}
	if s.cls(i) != cMod {
		return i, 0, false
	}
	w := s.word(i)
	if strings.EqualFold(w, "end") || strings.EqualFold(w, "beginning") || strings.EqualFold(w, "start") || strings.EqualFold(w, "middle") || strings.EqualFold(w, "midst") {
		return i, 0, false
	}
	if (strings.EqualFold(w, "earlier") || strings.EqualFold(w, "later")) && s.is(i+1, "in") && s.cls(i+2) == cThe {
		return i + 2, int(s.lx[i].val), false // "earlier in the year"
	}
	return i + 1, int(s.lx[i].val), false
}

// core dispatches on the first token of the expression proper.
func (s *scanner) core(j int, hadThe bool) (result, bool) {
	l := s.lx[j]
	switch l.cls {
	case cWeekday:
		if hadThe {
			return result{}, false
		}
		return s.weekday(j)
	case cMonth, cMonthAbbr:
		if hadThe {
			return result{}, false
		}
		return s.month(j)
	case cNumWord, cA, cFew:
		return s.count(j, hadThe)
	case cOrdinal:
		return s.ordinal(j, hadThe)
	case cRel:
		return s.rel(j, hadThe)
	case cDeictic:
		if hadThe {
			return result{}, false
		}
		return s.deictic(j)
	case cRef:
		if hadThe {
			return result{}, false
		}
		return result{end: j + 1, typ: record.DATE, val: refNames[l.val]}, true
	case cSetAdv:
		if hadThe {
			return result{}, false
		}
		b := appendDuration(s.buf[:0], 1, int(l.val))
		return result{end: j + 1, typ: record.SET, val: s.done(b)}, true
	case cEvery:
		return s.every(j)
	case cUnit:
		return s.bareUnit(j, hadThe)
	case cFiscal:
		return s.fiscal(j, hadThe)
	case cClock:
		return s.clockWord(j)
	case cHyph:
		return s.hyph(j, hadThe)
	case cHoliday:
		return s.holiday(j)
	}
	if s.d.Tokens[j].Kind == text.Number {
		return s.number(j, hadThe)
	}
	return s.phrase(j, hadThe)
}

// phrase reads fixed phrases: "these days", "the near future", "the full
// year", "the latest period", "the nineties", "the summer".
func (s *scanner) phrase(j int, hadThe bool) (result, bool) {
	switch {
	case s.is(j, "these") && s.is(j+1, "days"):
		return result{end: j + 2, typ: record.DATE, val: refNames[refPresent]}, true
	case hadThe && (s.is(j, "near") || s.is(j, "short") || s.is(j, "long")) && (s.is(j+1, "future") || s.is(j+1, "term")):
		return result{end: j + 2, typ: record.DATE, val: refNames[refFuture]}, true
	case hadThe && s.is(j, "full") && s.cls(j+1) == cUnit && s.lx[j+1].val == uYear && !s.lx[j+1].plural && s.a.ok:
		return result{end: j + 2, typ: record.DATE, val: s.done(appendY(s.buf[:0], s.a.year()))}, true
	case hadThe && s.cls(j) == cDecadeWord:
		return result{end: j + 1, typ: record.DATE, val: s.done(appendPad(s.buf[:0], int(s.lx[j].val)/10, 3))}, true
	case hadThe && s.cls(j) == cSeason && s.a.ok:
		y := s.a.year()
		k := j + 1
		if s.cls(k) == cOf {
			if yy, ok := s.spelledOrYear(k + 1); ok {
				y, k = yy.val, yy.end
			}
		}
		b := appendY(s.buf[:0], y)
		b = append(b, '-')
		b = append(b, seasonCodes[s.lx[j].val]...)
		return result{end: k, typ: record.DATE, val: s.done(b)}, true
	}
	if hadThe && (s.is(j, "future") || s.is(j, "past") || s.is(j, "present")) {
		v := refFuture
		if s.is(j, "past") {
			v = refPast
		} else if s.is(j, "present") {
			v = refPresent
		}
		return result{end: j + 1, typ: record.DATE, val: refNames[v]}, true
	}
	return result{}, false
}

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
	case "will", "'ll", "shall", "would", "scheduled", "planned", "expected", "upcoming", "going", "intends", "aims", "expects", "hopes", "tomorrow", "next", "wo", "payable", "expire", "expires", "must", "might", "planning", "should":
		return 1
	case "until", "by", "till", "before":
		if dist == 1 && before {
			return 1
		}
		return 0
	case "was", "were", "had", "did", "ago", "last", "yesterday", "earlier":
		return -1
	case "said", "told", "announced", "reported", "added", "stated":
		if dist <= 2 {
			return -1
		}
		return 0
	case "is", "are", "says", "said.", "tells":
		return 0
	}
	if len(lw) > 4 && lw[len(lw)-2] == 'e' && lw[len(lw)-1] == 'd' {
		return -1
	}
	return 0
}

// resolveYear picks the year for a month (and day, 0 if none) written
// without one. Without a tense cue it is the nearest such date to the
// anchor. A past cue moves a date that lies more than two months ahead
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
	best, bestDist := y, abs(diff)
	for _, cy := range [2]int{y - 1, y + 1} {
		if dist := abs(days(cy)); dist < bestDist {
			best, bestDist = cy, dist
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// weekday: "Friday", "Friday morning", "Friday, Oct. 13", "Friday last week".
func (s *scanner) weekday(j int) (result, bool) {
	wd := int(s.lx[j].val)
	w := s.word(j)
	if !s.lx[j].upper || (len(w) <= 4 && !s.is(j+1, ",") && s.cls(j+1) != cMonth && s.cls(j+1) != cMonthAbbr && strings.HasSuffix(w, ".") == false) {
		return result{}, false
	}
	k := j + 1
	// Explicit date after it.
	kk := k
	if s.is(kk, ",") {
		kk++
	}
	if c := s.cls(kk); c == cMonth || c == cMonthAbbr {
		if r, ok := s.month(kk); ok {
			r.end = max(r.end, kk+1)
			return r, true
		}
	}
	var t time.Time
	if s.a.ok {
		t = s.a.t
		cur := s.a.weekday()
		switch {
		case s.cls(k) == cRel && (s.lx[k].val == rLast || s.lx[k].val == rNext || s.lx[k].val == rThis) && s.cls(k+1) == cUnit && s.lx[k+1].val == uWeek && !s.lx[k+1].plural:
			n := 0
			if s.lx[k].val == rLast {
				n = -1
			} else if s.lx[k].val == rNext {
				n = 1
			}
			t = t.AddDate(0, 0, 7*n+wd-cur)
			k += 2
		default:
			back := (cur - wd + 7) % 7
			fwd := (wd - cur + 7) % 7
			// Weekdays in news are mostly past: only a near cue says
			// otherwise.
			d := s.dirWithin(j, 5)
			if d == 0 && s.modalWithin(j, 10) {
				d = 1
			}
			switch d {
			case 1:
				t = t.AddDate(0, 0, fwd)
			case -1:
				t = t.AddDate(0, 0, -back)
			default:
				// News reports the past: without a cue, the last one.
				t = t.AddDate(0, 0, -back)
			}
		}
	}
	var b []byte
	if s.a.ok {
		b = appendT(s.buf[:0], t)
	} else {
		b = append(s.buf[:0], "XXXX-WXX-"...)
		b = append(b, byte('0'+wd))
	}
	typ := record.DATE
	if s.cls(k) == cPart {
		b = append(b, 'T')
		b = append(b, partCodes[s.lx[k].val]...)
		typ = record.TIME
		k++
	}
	return result{end: k, typ: typ, val: s.done(b)}, true
}

// day reads a day of the month at i (a number 1..31 or an ordinal).
func (s *scanner) day(i int) (int, bool) {
	if i >= s.sent.EndToken {
		return 0, false
	}
	l := s.lx[i]
	if l.cls == cOrdinal && l.val <= 31 {
		return int(l.val), true
	}
	if s.d.Tokens[i].Kind == text.Number && l.digits >= 1 && l.digits <= 2 && l.num >= 1 && l.num <= 31 {
		return l.num, true
	}
	return 0, false
}

// year reads a four-digit year at i.
func (s *scanner) year(i int) (int, bool) {
	if i >= s.sent.EndToken {
		return 0, false
	}
	l := s.lx[i]
	if s.d.Tokens[i].Kind == text.Number && l.digits == 4 && l.num >= 1000 && l.num <= 2200 {
		return l.num, true
	}
	return 0, false
}

// relYear reads "last year", "this year", "next year", "of last year" and
// returns the year and the token after it.
func (s *scanner) relYear(i int) (int, int, bool) {
	if s.cls(i) == cOf {
		i++
	}
	if s.cls(i) != cRel || s.cls(i+1) != cUnit || s.lx[i+1].val != uYear || s.lx[i+1].plural || !s.a.ok {
		return 0, i, false
	}
	switch s.lx[i].val {
	case rLast, rPrevious, rPast:
		return s.a.year() - 1, i + 2, true
	case rThis, rCurrent:
		return s.a.year(), i + 2, true
	case rNext, rComing:
		return s.a.year() + 1, i + 2, true
	}
	return 0, i, false
}

// month: "March", "March 5", "March 5, 2021", "March 2021", "Feb. 24 last
// year", "5 March 2021" (via number).
func (s *scanner) month(j int) (result, bool) {
	m := int(s.lx[j].val)
	abbr := s.lx[j].cls == cMonthAbbr
	if !s.lx[j].upper {
		return result{}, false
	}
	k := j + 1
	d, hasDay := s.day(k)
	if hasDay {
		k++
		if s.is(k, "th") || s.is(k, "st") || s.is(k, "nd") || s.is(k, "rd") {
			k++
		}
	}
	y, hasYear := 0, false
	if hasDay && s.is(k, ",") {
		if yy, ok := s.year(k + 1); ok {
			y, hasYear, k = yy, true, k+2
		}
	} else if yy, ok := s.year(k); ok {
		y, hasYear, k = yy, true, k+1
	} else if s.is(k, ",") && !hasDay {
		if yy, ok := s.year(k + 1); ok {
			y, hasYear, k = yy, true, k+2
		}
	} else if s.cls(k) == cOf {
		if yy, ok := s.year(k + 1); ok {
			y, hasYear, k = yy, true, k+2
		}
	}
	if !hasYear {
		if yy, kk, ok := s.relYear(k); ok {
			y, hasYear, k = yy, true, kk
		}
	}
	if abbr && !hasDay && !hasYear {
		return result{}, false
	}
	if !hasDay && !hasYear && (m == 5 || m == 3) {
		// "May" and "March" are also a verb and a name: only after a
		// temporal preposition or modifier.
		p := j - 1
		if p < s.sent.FirstToken {
			return result{}, false
		}
		switch strings.ToLower(s.word(p)) {
		case "in", "since", "until", "by", "early", "late", "mid", "last", "next", "this", "of", "during", "from", "through", "to", "before", "after", "between", "and", "or", "mid-", "end":
		default:
			return result{}, false
		}
	}
	if hasDay && d > daysIn(2000, m) {
		return result{}, false
	}
	b := s.buf[:0]
	switch {
	case !hasYear && !s.a.ok:
		b = append(b, "XXXX-"...)
		b = appendPad(b, m, 2)
		if hasDay {
			b = append(b, '-')
			b = appendPad(b, d, 2)
		}
	case !hasYear:
		y = s.resolveYear(m, d, j)
		fallthrough
	default:
		if hasDay {
			if d > daysIn(y, m) {
				return result{}, false
			}
			b = appendYMD(b, y, m, d)
		} else {
			b = appendYM(b, y, m)
		}
	}
	return result{end: k, typ: record.DATE, val: s.done(b)}, true
}

// number handles expressions that start with a digit token: times, day
// month, years, decades, slash dates, and counts of units.
func (s *scanner) number(j int, hadThe bool) (result, bool) {
	w := s.word(j)
	l := s.lx[j]
	// Clock time: 10:35 [a.m.] or 10 a.m.
	if c := strings.IndexByte(w, ':'); c > 0 && !hadThe {
		h, ok1 := atoiN(w[:c])
		mi, ok2 := atoiN(w[c+1:])
		if ok1 && ok2 && len(w)-c-1 == 2 && h <= 24 && mi < 60 {
			return s.clock(j, h, mi)
		}
		return result{}, false
	}
	if l.digits >= 1 && l.digits <= 2 && l.num <= 12 && !hadThe && s.cls(j+1) == cAmPm {
		return s.clock(j, l.num, 0)
	}
	// "20th century", "24th of May" split as "20" "th".
	if k := j + 1; k < s.sent.EndToken && !s.d.Tokens[k].Has(text.SpaceBefore) && (s.is(k, "th") || s.is(k, "st") || s.is(k, "nd") || s.is(k, "rd")) && l.digits > 0 && l.digits <= 2 {
		return s.ordinalN(j, k+1, l.num, hadThe)
	}
	// Day month: 24 February 2022.
	if d, ok := s.day(j); ok && !hadThe {
		if c := s.cls(j + 1); c == cMonth || c == cMonthAbbr {
			m := int(s.lx[j+1].val)
			if !s.lx[j+1].upper || d > daysIn(2000, m) {
				return result{}, false
			}
			k := j + 2
			y, hasYear := s.year(k)
			if hasYear {
				k++
			} else if yy, kk, ok := s.relYear(k); ok {
				y, hasYear, k = yy, true, kk
			}
			b := s.buf[:0]
			switch {
			case hasYear:
			case s.a.ok:
				y = s.resolveYear(m, d, j)
			default:
				b = append(b, "XXXX-"...)
				b = appendPad(b, m, 2)
				b = append(b, '-')
				b = appendPad(b, d, 2)
				return result{end: k, typ: record.DATE, val: s.done(b)}, true
			}
			if d > daysIn(y, m) {
				return result{}, false
			}
			return result{end: k, typ: record.DATE, val: s.done(appendYMD(b, y, m, d))}, true
		}
	}
	// Decades: 1990s, '90s.
	if strings.HasSuffix(w, "s") && (len(w) == 5 || len(w) == 4 && w[0] == '\'') {
		var dec int
		var ok bool
		if len(w) == 5 {
			dec, ok = atoiN(w[:4])
			ok = ok && dec%10 == 0
		} else if n, ok2 := atoiN(w[1:3]); ok2 && n%10 == 0 {
			c := 1900
			if s.a.ok && 2000+n <= s.a.year() {
				c = 2000
			}
			dec, ok = c+n, true
		}
		if ok {
			b := appendPad(s.buf[:0], dec/10, 3)
			return result{end: j + 1, typ: record.DATE, val: s.done(b)}, true
		}
	}
	// Slash dates: 3/4/2021 (US order), 2021/03/04.
	if strings.Count(w, "/") == 2 && !hadThe {
		return s.slashDate(j, w)
	}
	// Years.
	if y, ok := s.year(j); ok {
		if !s.yearContext(j) {
			return result{}, false
		}
		if hadThe {
			// "the 1988 period", "the 1988 second quarter".
			if s.cls(j+1) == cOrdinal && s.cls(j+2) == cUnit && s.lx[j+2].val == uQuarter && s.lx[j+1].val <= 4 && !s.lx[j+2].plural {
				return s.periodValue(j+3, y, true, int(s.lx[j+1].val), uQuarter), true
			}
			if s.is(j+1, "period") || s.is(j+1, "quarter") {
				if s.q != 0 {
					return s.periodValue(j+2, y, true, s.q, uQuarter), true
				}
				return result{end: j + 2, typ: record.DATE, val: s.done(appendY(s.buf[:0], y))}, true
			}
			return result{}, false
		}
		b := appendY(s.buf[:0], y)
		return result{end: j + 1, typ: record.DATE, val: s.done(b)}, true
	}
	if l.num >= 0 && (l.digits > 0 || strings.IndexByte(w, ',') > 0) {
		return s.count(j, hadThe)
	}
	return result{}, false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// yearNouns are words after a four-digit number that show it is a count.
var yearNouns = map[string]bool{
	"people": true, "troops": true, "soldiers": true, "percent": true, "per": true, "km": true, "kilometers": true,
	"kilometres": true, "miles": true, "meters": true, "metres": true, "feet": true, "tons": true, "tonnes": true,
	"votes": true, "deaths": true, "cases": true, "dollars": true, "euros": true, "barrels": true, "pounds": true,
	"yuan": true, "rubles": true, "roubles": true, "members": true, "workers": true, "residents": true,
	"children": true, "refugees": true, "units": true, "points": true, "seats": true, "jobs": true, "times": true,
	"acres": true, "hectares": true, "kg": true, "mw": true, "persons": true, "men": true, "women": true,
	"civilians": true, "police": true, "officers": true, "employees": true, "students": true, "vehicles": true,
	"homes": true, "houses": true, "shares": true, "tanks": true, "cars": true, "hours": true, "days": true,
	"gmt": true, "utc": true, "est": true, "edt": true, "hrs": true, "%": true,
}

// yearContext reports whether the four-digit number at j reads as a year.
func (s *scanner) yearContext(j int) bool {
	if y := s.lx[j].num; y < 1800 || y > 2100 {
		// A far year needs a temporal preposition: "in 1066", not
		// "reported 1013 infections".
		if j == s.sent.FirstToken {
			return false
		}
		switch strings.ToLower(s.word(j - 1)) {
		case "in", "since", "by", "until", "from", "of", "before", "after", "during", "around", "circa", "c.", "to", "and":
		default:
			return false
		}
	}
	if j+1 < s.sent.EndToken {
		w := strings.ToLower(s.word(j + 1))
		if yearNouns[w] || s.cls(j+1) == cZone {
			return false
		}
		if s.d.Tokens[j+1].Kind == text.Number {
			return false
		}
	}
	if j > s.sent.FirstToken {
		p := s.d.Tokens[j-1]
		pw := s.d.Text[p.Start:p.End]
		if p.Kind == text.Symbol || pw == "#" || strings.EqualFold(pw, "no.") || strings.EqualFold(pw, "number") || p.Kind == text.Number {
			return false
		}
		if s.cls(j-1) == cNumWord || strings.EqualFold(pw, "about") || strings.EqualFold(pw, "some") || strings.EqualFold(pw, "nearly") || strings.EqualFold(pw, "than") {
			return false
		}
	}
	return true
}

func (s *scanner) slashDate(j int, w string) (result, bool) {
	a := strings.IndexByte(w, '/')
	bb := strings.LastIndexByte(w, '/')
	x, ok1 := atoiN(w[:a])
	y, ok2 := atoiN(w[a+1 : bb])
	z, ok3 := atoiN(w[bb+1:])
	if !ok1 || !ok2 || !ok3 {
		return result{}, false
	}
	var yy, m, d int
	switch {
	case a == 4:
		yy, m, d = x, y, z
	case len(w)-bb-1 == 4:
		m, d, yy = x, y, z
		if m > 12 && d <= 12 {
			m, d = d, m
		}
	case len(w)-bb-1 == 2:
		m, d, yy = x, y, 1900+z
		if z < 50 {
			yy = 2000 + z
		}
	default:
		return result{}, false
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(yy, m) {
		return result{}, false
	}
	return result{end: j + 1, typ: record.DATE, val: s.done(appendYMD(s.buf[:0], yy, m, d))}, true
}

// clock reads a time of day that starts at j with hour h and minute mi.
func (s *scanner) clock(j, h, mi int) (result, bool) {
	k := j + 1
	if s.cls(k) == cAmPm {
		if h > 12 || h == 0 {
			return result{}, false
		}
		if s.lx[k].val == 12 && h < 12 {
			h += 12
		} else if s.lx[k].val == 0 && h == 12 {
			h = 0
		}
		k++
	} else if strings.IndexByte(s.word(j), ':') < 0 {
		return result{}, false
	}
	if s.cls(k) == cZone {
		k++
	}
	return s.clockDate(j, k, h, mi, true)
}

// clockDate appends the day a time belongs to: a weekday or "today" right
// after it, else the anchor.
func (s *scanner) clockDate(j, k, h, mi int, withMin bool) (result, bool) {
	b := s.buf[:0]
	kk := k
	if s.is(kk, ",") {
		kk++
	}
	if c := s.cls(kk); c == cMonth || c == cMonthAbbr {
		if r, ok := s.month(kk); ok && len(r.val) == 10 {
			b = append(b, r.val...)
			k = r.end
			goto clock
		}
	}
	switch s.cls(k) {
	case cWeekday, cDeictic:
		var r result
		var ok bool
		if s.cls(k) == cWeekday {
			r, ok = s.weekday(k)
		} else {
			r, ok = s.deictic(k)
		}
		if ok && len(r.val) >= 10 {
			b = append(b, r.val[:10]...)
			k = r.end
			break
		}
		fallthrough
	default:
		// The day of the last full date named in the document, else the
		// anchor's.
		switch {
		case len(s.last) == 10 && s.last[7] == '-':
			b = append(b, s.last...)
		case s.a.ok:
			b = appendT(b, s.a.t)
		default:
			b = append(b, "XXXX-XX-XX"...)
		}
	}
clock:
	b = append(b, 'T')
	b = appendPad(b, h, 2)
	if withMin {
		b = append(b, ':')
		b = appendPad(b, mi, 2)
	}
	return result{end: k, typ: record.TIME, val: s.done(b)}, true
}

func (s *scanner) clockWord(j int) (result, bool) {
	h := int(s.lx[j].val)
	if h == 24 {
		return s.clockDate(j, j+1, 24, 0, false)
	}
	return s.clockDate(j, j+1, h, 0, true)
}

// yearAt is a year and the token after it.
type yearAt struct{ val, end int }

// spelledOrYear reads a year at k: "1994" or "nineteen ninety-four".
func (s *scanner) spelledOrYear(k int) (yearAt, bool) {
	if y, ok := s.year(k); ok {
		return yearAt{y, k + 1}, true
	}
	return s.spelledYear(k)
}

// spelledYear reads "nineteen ninety-six" as 1996.
func (s *scanner) spelledYear(k int) (yearAt, bool) {
	if s.cls(k) != cNumWord || s.cls(k+1) != cNumWord {
		return yearAt{}, false
	}
	c, n := s.lx[k].num, s.lx[k+1].num
	if (c != 19 && c != 20) || n < 10 || n > 99 {
		return yearAt{}, false
	}
	return yearAt{c*100 + n, k + 2}, true
}

// count reads "two days", "a week", "a few years", "three years ago", "20
// years", "$5 a year" (a SET) and "the first nine months" (via ordinal).
func (s *scanner) count(j int, hadThe bool) (result, bool) {
	if y, ok := s.spelledYear(j); ok && !hadThe {
		return result{end: y.end, typ: record.DATE, val: s.done(appendY(s.buf[:0], y.val))}, true
	}
	k := j
	n := -2
	l := s.lx[k]
	switch {
	case l.cls == cA:
		n = 1
		k++
		if s.cls(k) == cFew { // a few, a couple (of)
			n = -1
			if s.is(k, "couple") {
				n = 2
				if s.cls(k+1) == cOf {
					k++
				}
			}
			k++
		} else if s.is(k, "dozen") || s.is(k, "hundred") {
			n = int(s.lx[k].num)
			k++
		}
	case l.cls == cFew:
		if s.is(k, "many") && !hadThe {
			return result{}, false
		}
		n = -1
		if s.is(k, "couple") {
			n = 2
			if s.cls(k+1) == cOf {
				k++
			}
		}
		k++
	case l.num >= 0:
		n = l.num
		k++
		// twenty four, one hundred
		if l.cls == cNumWord && n >= 20 && n%10 == 0 && n < 100 && s.cls(k) == cNumWord && s.lx[k].num < 10 {
			n += s.lx[k].num
			k++
		}
		if s.is(k, "hundred") && n < 10 {
			n *= 100
			k++
		}
	}
	if n == -2 {
		return result{}, false
	}
	// Skip "more", "additional", "full", "straight", "consecutive".
	if s.is(k, "more") || s.is(k, "additional") || s.is(k, "full") || s.is(k, "straight") || s.is(k, "consecutive") || s.is(k, "long") || s.is(k, "trading") || s.is(k, "business") || s.is(k, "working") {
		k++
	}
	half := false
	if n >= 0 && s.is(k, "1/2") {
		half = true
		k++
	}
	var unit int
	switch {
	case s.cls(k) == cUnit:
		unit = int(s.lx[k].val)
		if s.lx[k].plural == (n == 1) && n != -1 && !(n == 1 && l.cls == cNumWord && false) {
			if n == 1 || n == 0 {
				// "one years" / "0 day": not a duration
				return result{}, false
			}
		}
	case s.cls(k) == cHalfWord && n == 1 && s.is(k+1, "year"):
		return result{}, false
	default:
		return result{}, false
	}
	if n == -1 && !s.lx[k].plural {
		return result{}, false
	}
	k++
	// "years ago", "a year earlier".
	if s.cls(k) == cAgo || s.is(k, "earlier") || s.is(k, "hence") || (s.is(k, "from") && s.is(k+1, "now")) {
		fwd := s.is(k, "hence") || s.is(k, "from")
		end := k + 1
		if s.is(k, "from") {
			end = k + 2
		}
		if !s.a.ok || n < 0 {
			v := refPast
			if fwd {
				v = refFuture
			}
			return result{end: end, typ: record.DATE, val: refNames[v]}, true
		}
		if unit == uSecond || unit == uMinute || unit == uHour {
			return result{end: end, typ: record.DATE, val: s.done(appendT(s.buf[:0], s.a.t))}, true
		}
		sign := -1
		if fwd {
			sign = 1
		}
		if unit == uYear && n == 1 && !fwd && s.q != 0 {
			return result{end: end, typ: record.DATE, val: s.yearAgoQuarter()}, true
		}
		t := shift(s.a.t, sign*n, unit)
		b := appendAt(s.buf[:0], t, unit)
		return result{end: end, typ: record.DATE, val: s.done(b)}, true
	}
	// "$5 a year", "twice a week": a SET.
	if l.cls == cA && j > s.sent.FirstToken && !hadThe {
		p := j - 1
		pw := strings.ToLower(s.word(p))
		if s.d.Tokens[p].Kind == text.Number || pw == "twice" || pw == "once" || pw == "times" || pw == "million" || pw == "billion" || pw == "trillion" || pw == "percent" || pw == "%" || pw == "dollars" {
			b := appendDuration(s.buf[:0], 1, unit)
			return result{end: k, typ: record.SET, val: s.done(b)}, true
		}
	}
	if k < s.sent.EndToken && (s.is(k, "old") || s.is(k, "-old")) {
		return result{}, false // an age: "52 years old"
	}
	b := appendDuration(s.buf[:0], n, unit)
	if half {
		b = appendHalf(b, unit)
	}
	return result{end: k, typ: record.DURATION, val: s.done(b)}, true
}

// appendHalf adds half a unit to a duration: P2Y6M, PT5H30M, P3DT12H.
func appendHalf(b []byte, unit int) []byte {
	switch unit {
	case uYear:
		return append(b, "6M"...)
	case uMonth:
		return append(b, "15D"...)
	case uDay:
		return append(b, "T12H"...)
	case uHour:
		return append(b, "30M"...)
	case uMinute:
		return append(b, "30S"...)
	}
	return b
}

// yearAgoQuarter returns the last named quarter a year before.
func (s *scanner) yearAgoQuarter() string {
	b := appendY(s.buf[:0], s.qYear-1)
	b = append(b, "-Q"...)
	b = append(b, byte('0'+s.q))
	return s.done(b)
}

// ordinal: "the third quarter", "the first half of 2021", "the first nine
// months", "the 20th century", "the first anniversary", "the 24th of May".
func (s *scanner) ordinal(j int, hadThe bool) (result, bool) {
	return s.ordinalN(j, j+1, int(s.lx[j].val), hadThe)
}

// ordinalN continues an ordinal n that ends before token k.
func (s *scanner) ordinalN(j, k, n int, hadThe bool) (result, bool) {
	fiscal := false
	if s.cls(k) == cFiscal {
		fiscal = true
		k++
	}
	_ = fiscal
	switch {
	case s.cls(k) == cUnit && s.lx[k].val == uQuarter && !s.lx[k].plural && n >= 1 && n <= 4:
		return s.period(j, k+1, n, uQuarter)
	case s.cls(k) == cHalfWord && n >= 1 && n <= 2:
		return s.period(j, k+1, n, uHalf)
	case s.cls(k) == cCentury && n >= 1 && n <= 30:
		b := appendPad(s.buf[:0], n-1, 2)
		return result{end: k + 1, typ: record.DATE, val: s.done(b)}, true
	case s.cls(k) == cAnniv && hadThe:
		return result{end: k + 1, typ: record.DATE, val: "XXXX-XX-XX", anniv: n}, true
	case s.cls(k) == cOf && (s.cls(k+1) == cMonth || s.cls(k+1) == cMonthAbbr) && n <= 31:
		return s.dayOfMonth(j, k+1, n)
	case (s.cls(k) == cMonth || s.cls(k) == cMonthAbbr) && n <= 31 && !hadThe:
		return s.dayOfMonth(j, k, n)
	case s.isCount(k) && (n == 1 || s.is(j, "last")):
		r, ok := s.count(k, hadThe)
		if ok && r.typ == record.DURATION {
			return r, true
		}
	}
	return result{}, false
}

func (s *scanner) dayOfMonth(j, k, d int) (result, bool) {
	m := int(s.lx[k].val)
	if !s.lx[k].upper || d > daysIn(2000, m) {
		return result{}, false
	}
	end := k + 1
	y, ok := s.year(end)
	if ok {
		end++
	} else if s.a.ok {
		y = s.resolveYear(m, d, j)
	} else {
		b := append(s.buf[:0], "XXXX-"...)
		b = appendPad(b, m, 2)
		b = append(b, '-')
		b = appendPad(b, d, 2)
		return result{end: end, typ: record.DATE, val: s.done(b)}, true
	}
	if d > daysIn(y, m) {
		return result{}, false
	}
	return result{end: end, typ: record.DATE, val: s.done(appendYMD(s.buf[:0], y, m, d))}, true
}

// period finishes a quarter or half: "of 2021", "of next year", "of the
// year", else the anchor's year.
func (s *scanner) period(j, k, n, unit int) (result, bool) {
	y := 0
	hasYear := false
	if s.cls(k) == cOf {
		if yy, ok := s.year(k + 1); ok {
			y, hasYear, k = yy, true, k+2
		} else if yy, kk, ok := s.relYear(k); ok {
			y, hasYear, k = yy, true, kk
		} else if s.cls(k+1) == cThe && s.cls(k+2) == cUnit && s.lx[k+2].val == uYear && !s.lx[k+2].plural {
			k += 3
		}
	} else if yy, ok := s.year(k); ok {
		y, hasYear, k = yy, true, k+1
	}
	return s.periodValue(k, y, hasYear, n, unit), true
}

func (s *scanner) periodValue(end, y int, hasYear bool, n, unit int) result {
	if unit == uQuarter && (hasYear || s.a.ok) {
		s.q, s.qYear = n, y
		if !hasYear {
			s.qYear = s.a.year()
		}
	}
	b := s.buf[:0]
	switch {
	case hasYear:
		b = appendY(b, y)
	case s.a.ok:
		b = appendY(b, s.a.year())
	default:
		b = append(b, "XXXX"...)
	}
	if unit == uQuarter {
		b = append(b, "-Q"...)
	} else {
		b = append(b, "-H"...)
	}
	b = append(b, byte('0'+n))
	return result{end: end, typ: record.DATE, val: s.done(b)}
}

// rel: "last year", "next week", "this month", "last Friday", "last
// November", "last fall", "the past two months", "recent years", "the
// latest quarter", "last night", "this morning".
func (s *scanner) rel(j int, hadThe bool) (result, bool) {
	r := int(s.lx[j].val)
	k := j + 1
	if r == rThat {
		// "that year", "that day": the last date named.
		if s.cls(k) != cUnit || s.lx[k].plural || s.last == "" {
			return result{}, false
		}
		switch u := s.lx[k].val; {
		case u == uYear:
			return result{end: k + 1, typ: record.DATE, val: s.last[:4]}, true
		case u == uMonth && len(s.last) >= 7 && s.last[4] == '-' && s.last[5] >= '0' && s.last[5] <= '9':
			return result{end: k + 1, typ: record.DATE, val: s.last[:7]}, true
		case u == uDay && len(s.last) >= 10 && s.last[7] == '-':
			return result{end: k + 1, typ: record.DATE, val: s.last[:10]}, true
		}
		return result{}, false
	}
	if r == rLatest && s.is(k, "period") && s.a.ok {
		if s.q != 0 {
			return s.periodValue(k+1, s.qYear, true, s.q, uQuarter), true
		}
		t := shift(s.a.t, -1, uQuarter)
		return s.periodValue(k+1, t.Year(), true, (int(t.Month())-1)/3+1, uQuarter), true
	}
	if s.cls(k) == cHoliday && s.lx[k].upper && s.a.ok && (r == rLast || r == rNext || r == rThis) {
		rr, ok := s.holidayAt(k, r)
		return rr, ok
	}
	if s.cls(k) == cFiscal {
		k++
	}
	n := 0
	switch r {
	case rLast, rPrevious, rPast:
		n = -1
	case rNext, rComing, rFollowing:
		n = 1
	case rLatest:
		n = -1
	case rRecent:
		n = -1
	}
	if s.isCount(k) {
		if r == rThis || r == rRecent || r == rLatest && !hadThe {
			return result{}, false
		}
		cr, ok := s.count(k, true)
		if !ok || cr.typ != record.DURATION {
			return result{}, false
		}
		return cr, true
	}
	switch s.cls(k) {
	case cCentury:
		if !s.a.ok || r != rThis && r != rLast && r != rNext && r != rPast && r != rPrevious {
			return result{}, false
		}
		y := s.a.year()/100 + n
		if r == rPast {
			return result{end: k + 1, typ: record.DURATION, val: "P100Y"}, true
		}
		return result{end: k + 1, typ: record.DATE, val: s.done(appendPad(s.buf[:0], y, 2))}, true
	case cUnit:
		unit := int(s.lx[k].val)
		if s.lx[k].plural {
			switch r {
			case rRecent, rPast:
				if unit == uYear || r == rPast && !hadThe {
					return result{end: k + 1, typ: record.DATE, val: refNames[refPast]}, true
				}
				return result{end: k + 1, typ: record.DURATION, val: s.done(appendDuration(s.buf[:0], -1, unit))}, true
			case rComing:
				return result{end: k + 1, typ: record.DURATION, val: s.done(appendDuration(s.buf[:0], -1, unit))}, true
			}
			return result{}, false
		}
		if r == rRecent || r == rThat {
			return result{}, false
		}
		if r == rPast || (r == rLast && hadThe && unit != uDecade && unit != uCentury) {
			if unit == uDay || unit == uWeekend {
				return result{}, false
			}
			// "the past year", "the last month": a period up to now.
			return result{end: k + 1, typ: record.DURATION, val: s.done(appendDuration(s.buf[:0], 1, unit))}, true
		}
		if !s.a.ok {
			return result{end: k + 1, typ: record.DATE, val: refNames[refPresent+b2i(n < 0)+2*b2i(n > 0)]}, true
		}
		if unit == uQuarter && (r == rLatest || r == rCurrent && false) {
			n = -1
		}
		if unit == uSecond || unit == uMinute || unit == uHour || unit == uFortnight {
			return result{}, false
		}
		t := shift(s.a.t, n, unit)
		b := s.buf[:0]
		switch unit {
		case uDecade:
			b = appendPad(b, t.Year()/10, 3)
		case uCentury:
			b = appendPad(b, t.Year()/100, 2)
		case uDay:
			b = appendT(b, t)
		default:
			b = appendAt(b, t, unit)
		}
		end := k + 1
		// "this year's third quarter"
		if unit == uYear && s.is(end, "'s") && s.cls(end+1) == cOrdinal && s.cls(end+2) == cUnit && s.lx[end+2].val == uQuarter && s.lx[end+1].val <= 4 {
			return s.periodValue(end+3, t.Year(), true, int(s.lx[end+1].val), uQuarter), true
		}
		return result{end: end, typ: record.DATE, val: s.done(b)}, true
	case cWeekday:
		if !s.lx[k].upper || !s.a.ok {
			return result{}, false
		}
		wd := int(s.lx[k].val)
		cur := s.a.weekday()
		var t time.Time
		switch r {
		case rLast, rPrevious, rPast:
			back := (cur - wd + 7) % 7
			if back == 0 {
				back = 7
			}
			t = s.a.t.AddDate(0, 0, -back)
		case rNext, rComing, rFollowing:
			fwd := (wd - cur + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			t = s.a.t.AddDate(0, 0, fwd)
		case rThis:
			t = s.a.t.AddDate(0, 0, wd-cur)
		default:
			return result{}, false
		}
		b := appendT(s.buf[:0], t)
		end := k + 1
		typ := record.DATE
		if s.cls(end) == cPart {
			b = append(b, 'T')
			b = append(b, partCodes[s.lx[end].val]...)
			typ = record.TIME
			end++
		}
		return result{end: end, typ: typ, val: s.done(b)}, true
	case cMonth:
		if !s.lx[k].upper || !s.a.ok {
			return result{}, false
		}
		m := int(s.lx[k].val)
		y := s.a.year()
		switch r {
		case rLast, rPast, rPrevious:
			if m >= s.a.month() {
				y--
			}
		case rNext, rComing:
			if m <= s.a.month() {
				y++
			}
		case rThis:
		default:
			return result{}, false
		}
		return result{end: k + 1, typ: record.DATE, val: s.done(appendYM(s.buf[:0], y, m))}, true
	case cSeason:
		if !s.a.ok {
			return result{}, false
		}
		se := int(s.lx[k].val)
		y := s.a.year()
		m := s.a.month()
		switch r {
		case rLast, rPast, rPrevious:
			if seasonEnd[se] >= m || se == 4 && m <= 2 {
				y--
			}
		case rNext, rComing:
			if seasonEnd[se]-2 <= m && se != 4 {
				y++
			}
		case rThis:
		default:
			return result{}, false
		}
		b := appendY(s.buf[:0], y)
		b = append(b, '-')
		b = append(b, seasonCodes[se]...)
		return result{end: k + 1, typ: record.DATE, val: s.done(b)}, true
	case cPart:
		if !s.a.ok {
			return result{}, false
		}
		t := s.a.t
		switch {
		case r == rLast && s.lx[k].val == pNight:
			t = t.AddDate(0, 0, -1)
		case r == rThis:
		default:
			return result{}, false
		}
		b := appendT(s.buf[:0], t)
		b = append(b, 'T')
		b = append(b, partCodes[s.lx[k].val]...)
		return result{end: k + 1, typ: record.TIME, val: s.done(b)}, true
	}
	if r == rPast && hadThe {
		return result{end: j + 1, typ: record.DATE, val: refNames[refPast]}, true
	}
	return result{}, false
}

// deictic: "yesterday", "today", "tomorrow", "tonight", "yesterday morning".
func (s *scanner) deictic(j int) (result, bool) {
	off := int(s.lx[j].val)
	k := j + 1
	if !s.a.ok {
		v := refPresent
		switch {
		case off < 0:
			v = refPast
		case off == 1:
			v = refFuture
		}
		return result{end: k, typ: record.DATE, val: refNames[v]}, true
	}
	if off == 100 {
		b := appendT(s.buf[:0], s.a.t)
		b = append(b, "TNI"...)
		return result{end: k, typ: record.TIME, val: s.done(b)}, true
	}
	b := appendT(s.buf[:0], s.a.t.AddDate(0, 0, off))
	typ := record.DATE
	if s.cls(k) == cPart {
		b = append(b, 'T')
		b = append(b, partCodes[s.lx[k].val]...)
		typ = record.TIME
		k++
	}
	return result{end: k, typ: typ, val: s.done(b)}, true
}

// every: "every month", "each year", "every Monday", "every two years",
// "per year", "every other week".
func (s *scanner) every(j int) (result, bool) {
	k := j + 1
	n := 1
	if s.is(k, "other") {
		n = 2
		k++
	} else if l := s.cls(k); l == cNumWord || s.d.Tokens[min(k, len(s.d.Tokens)-1)].Kind == text.Number && k < s.sent.EndToken {
		if s.lx[k].num > 0 {
			n = s.lx[k].num
			k++
		}
	}
	switch s.cls(k) {
	case cUnit:
		if s.lx[k].plural != (n > 1) {
			return result{}, false
		}
		b := appendDuration(s.buf[:0], n, int(s.lx[k].val))
		return result{end: k + 1, typ: record.SET, val: s.done(b)}, true
	case cWeekday:
		if s.is(j, "per") {
			return result{}, false
		}
		b := append(s.buf[:0], "XXXX-WXX-"...)
		b = append(b, byte('0'+s.lx[k].val))
		return result{end: k + 1, typ: record.SET, val: s.done(b)}, true
	}
	return result{}, false
}

// bareUnit: "the weekend", "the quarter".
func (s *scanner) bareUnit(j int, hadThe bool) (result, bool) {
	if s.lx[j].val == uYear && !s.lx[j].plural && s.a.ok {
		// "year end", "year's end"
		k := j + 1
		if s.is(k, "'s") {
			k++
		}
		if s.is(k, "end") {
			return result{end: k + 1, typ: record.DATE, val: s.done(appendY(s.buf[:0], s.a.year())), mod: mEnd}, true
		}
	}
	if !hadThe && s.lx[j].plural && j > s.sent.FirstToken && (s.is(j-1, "for") || s.is(j-1, "within")) && !(s.cls(j+1) == cNone && j+1 < s.sent.EndToken && s.d.Tokens[j+1].Kind == text.Word && isLowerWord(s.word(j+1)) && !s.is(j+1, "and") && !s.is(j+1, "to")) {
		return result{end: j + 1, typ: record.DURATION, val: s.done(appendDuration(s.buf[:0], -1, int(s.lx[j].val)))}, true
	}
	if hadThe && s.lx[j].plural && s.is(j+1, "ahead") {
		return result{end: j + 2, typ: record.DURATION, val: s.done(appendDuration(s.buf[:0], -1, int(s.lx[j].val)))}, true
	}
	if !hadThe || s.lx[j].plural || !s.a.ok {
		return result{}, false
	}
	switch s.lx[j].val {
	case uWeekend:
		t := s.a.t
		wd := s.a.weekday()
		if s.dir(j) > 0 {
			if wd < 6 {
				t = t.AddDate(0, 0, 6-wd)
			}
		} else if wd < 6 {
			t = t.AddDate(0, 0, -7)
		}
		return result{end: j + 1, typ: record.DATE, val: s.done(appendAt(s.buf[:0], t, uWeekend))}, true
	case uYear:
		if s.cls(j+1) == cOf || s.is(j+1, "'s") || s.d.Tokens[min(j+1, s.sent.EndToken-1)].Kind == text.Number && j+1 < s.sent.EndToken {
			return result{}, false
		}
		if j >= s.sent.FirstToken+2 && s.cls(j-2) == cOf {
			return result{end: j + 1, typ: record.DATE, val: s.done(appendY(s.buf[:0], s.a.year()))}, true
		}
		return result{end: j + 1, typ: record.DURATION, val: "P1Y"}, true
	case uWeek:
		return result{end: j + 1, typ: record.DATE, val: s.done(appendWeek(s.buf[:0], s.a.t))}, true
	case uMonth:
		// Only "the end of the month" and the like: a bare "the month"
		// is too often anaphoric.
		if j >= s.sent.FirstToken+2 && s.cls(j-2) == cOf {
			return result{end: j + 1, typ: record.DATE, val: s.done(appendYM(s.buf[:0], s.a.year(), s.a.month()))}, true
		}
		return result{}, false
	case uQuarter:
		if j+1 < s.sent.EndToken && s.cls(j+1) == cOf {
			return result{}, false
		}
		if s.q != 0 {
			return s.periodValue(j+1, s.qYear, true, s.q, uQuarter), true
		}
		t := shift(s.a.t, -1, uQuarter)
		return s.periodValue(j+1, t.Year(), true, (int(t.Month())-1)/3+1, uQuarter), true
	}
	return result{}, false
}

func isLowerWord(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

// fiscal: "fiscal 2021", "fiscal second-quarter", "the fiscal year".
func (s *scanner) fiscal(j int, hadThe bool) (result, bool) {
	k := j + 1
	if y, ok := s.year(k); ok {
		return result{end: k + 1, typ: record.DATE, val: s.done(appendY(s.buf[:0], y))}, true
	}
	switch s.cls(k) {
	case cOrdinal:
		r, ok := s.ordinal(k, hadThe)
		return r, ok
	case cHyph:
		return s.hyph(k, hadThe)
	case cUnit:
		if s.lx[k].val == uYear && !s.lx[k].plural && hadThe {
			return result{end: k + 1, typ: record.DURATION, val: "P1Y"}, true
		}
	}
	return result{}, false
}

// hyph reads one hyphenated word: "third-quarter", "two-year", "16-hour",
// "mid-2020", "mid-November", "year-earlier", "2021-03-04".
func (s *scanner) hyph(j int, hadThe bool) (result, bool) {
	w := strings.ToLower(s.word(j))
	i := strings.IndexByte(w, '-')
	left, right := w[:i], w[i+1:]
	if strings.Count(w, "-") == 2 && !hadThe {
		// ISO date 2021-03-04.
		k := strings.IndexByte(right, '-')
		y, ok1 := atoiN(left)
		m, ok2 := atoiN(right[:k])
		d, ok3 := atoiN(right[k+1:])
		if ok1 && ok2 && ok3 && len(left) == 4 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) {
			return result{end: j + 1, typ: record.DATE, val: s.done(appendYMD(s.buf[:0], y, m, d))}, true
		}
		return result{}, false
	}
	le, lok := lexicon[left]
	re, rok := lexicon[right]
	switch {
	case lok && le.cls == cOrdinal && rok && re.cls == cUnit && re.val == uQuarter && le.val <= 4:
		return s.periodValue(j+1, 0, false, int(le.val), uQuarter), true
	case lok && le.cls == cOrdinal && rok && re.cls == cHalfWord && le.val <= 2:
		return s.periodValue(j+1, 0, false, int(le.val), uHalf), true
	case lok && le.cls == cMod && (left == "mid" || left == "early" || left == "late"):
		r := result{end: j + 1, typ: record.DATE, mod: int(le.val)}
		if y, ok := atoiN(right); ok && len(right) == 4 {
			r.val = s.done(appendY(s.buf[:0], y))
			return r, true
		}
		if len(right) == 5 && right[4] == 's' {
			if y, ok := atoiN(right[:4]); ok {
				r.val = s.done(appendPad(s.buf[:0], y/10, 3))
				return r, true
			}
		}
		if rok && re.cls == cMonth {
			m := int(re.val)
			if y, ok := s.year(j + 1); ok { // "mid-April 2008"
				r.end = j + 2
				r.val = s.done(appendYM(s.buf[:0], y, m))
				return r, true
			}
			if !s.a.ok {
				b := append(s.buf[:0], "XXXX-"...)
				r.val = s.done(appendPad(b, m, 2))
			} else {
				r.val = s.done(appendYM(s.buf[:0], s.resolveYear(m, 0, j), m))
			}
			return r, true
		}
	case left == "year" && (right == "earlier" || right == "ago") && s.a.ok:
		end := j + 1
		if s.cls(end) == cOrdinal && s.cls(end+1) == cUnit && s.lx[end+1].val == uQuarter && s.lx[end].val <= 4 && !s.lx[end+1].plural {
			return s.periodValue(end+2, s.a.year()-1, true, int(s.lx[end].val), uQuarter), true
		}
		if s.is(end, "period") || s.is(end, "quarter") || s.is(end, "results") && false {
			end++
		}
		if s.q != 0 {
			return result{end: end, typ: record.DATE, val: s.yearAgoQuarter()}, true
		}
		return result{end: end, typ: record.DATE, val: s.done(appendY(s.buf[:0], s.a.year()-1))}, true
	case left == "year" && right == "end" && s.a.ok:
		return result{end: j + 1, typ: record.DATE, val: s.done(appendY(s.buf[:0], s.a.year())), mod: mEnd}, true
	case rok && re.cls == cUnit && !re.plural:
		n, ok := atoiN(left)
		if !ok && lok && le.cls == cNumWord {
			n, ok = int(le.val), true
		} else if !ok {
			n, ok = hyphNumber(left)
		}
		if left == "day" || left == "year" || left == "month" || left == "week" {
			return result{}, false
		}
		if ok && n > 0 && j+1 < s.sent.EndToken && strings.HasPrefix(strings.ToLower(s.word(j+1)), "old") {
			return result{}, false
		}
		if ok && n > 0 {
			return result{end: j + 1, typ: record.DURATION, val: s.done(appendDuration(s.buf[:0], n, int(re.val)))}, true
		}
	case strings.HasSuffix(w, "-long"):
		if e, ok := lexicon[left]; ok && e.cls == cUnit {
			n := 1
			if e.plural {
				n = -1
			}
			return result{end: j + 1, typ: record.DURATION, val: s.done(appendDuration(s.buf[:0], n, int(e.val)))}, true
		}
	}
	return result{}, false
}

// holiday: fixed-date holidays and Thanksgiving, resolved like a month
// and day.
func (s *scanner) holiday(j int) (result, bool) {
	return s.holidayAt(j, 0)
}

// holidayAt resolves the holiday at j; r is rLast, rNext or rThis when
// one precedes it, else 0.
func (s *scanner) holidayAt(j, r int) (result, bool) {
	if !s.lx[j].upper {
		return result{}, false
	}
	hv := int(s.lx[j].val)
	h := holidays[0]
	if hv < len(holidays) {
		h = holidays[hv]
	}
	m, d := h[0], h[1]
	k := j + 1
	if s.is(k, "eve") {
		d--
		k++
	} else if s.is(k, "day") {
		k++
	}
	dayOf := func(y int) int {
		if hv == hThanksgiving {
			m = 11
			first := isoWeekday(date(y, 11, 1))
			return 1 + (4-first+7)%7 + 21
		}
		return d
	}
	y, ok := s.year(k)
	switch {
	case ok:
		k++
	case !s.a.ok:
		if hv == hThanksgiving {
			return result{end: k, typ: record.DATE, val: "XXXX-11-XX"}, true
		}
		b := append(s.buf[:0], "XXXX-"...)
		b = appendPad(b, m, 2)
		b = append(b, '-')
		return result{end: k, typ: record.DATE, val: s.done(appendPad(b, d, 2))}, true
	default:
		y = s.a.year()
		dd := dayOf(y)
		if hv == hThanksgiving {
			m = 11
		}
		at := date(y, m, dd)
		switch {
		case r == rLast && !at.Before(s.a.t):
			y--
		case r == rNext && !at.After(s.a.t):
			y++
		case r == 0:
			y = s.resolveYear(m, dd, j)
		}
	}
	return result{end: k, typ: record.DATE, val: s.done(appendYMD(s.buf[:0], y, m, dayOf(y)))}, true
}

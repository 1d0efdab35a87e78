package timex

import (
	"strings"
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

// is reports whether token i of the current sentence is w (any case);
// false outside the sentence.
func (s *scanner) is(i int, w string) bool {
	return i >= s.sent.FirstToken && i < s.sent.EndToken && strings.EqualFold(s.word(i), w)
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
	if (mod == mEarlier || mod == mLater) && hadThe && s.is(j-2, "in") && s.cls(j) == cUnit && !s.lx[j].plural && s.a.ok {
		// "earlier in the year", "later in the month": the current one.
		switch s.lx[j].val {
		case uYear:
			r = result{end: j + 1, typ: record.DATE, val: s.done(appendY(s.buf[:0], s.a.year()))}
		case uMonth:
			r = result{end: j + 1, typ: record.DATE, val: s.done(appendYM(s.buf[:0], s.a.year(), s.a.month()))}
		}
	}
	if (mod == mEarlier || mod == mLater) && !(r.relative() && (s.cls(j) == cRel && (s.cls(j+1) == cUnit && (s.lx[j+1].val == uYear || s.lx[j+1].val == uMonth || s.lx[j].val == rThat) || s.cls(j+1) == cPart) || s.cls(j) == cDeictic || hadThe)) {
		return result{}, false // "earlier this year", "later yesterday", but "earlier [Friday]"
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
	case cPhrase, cDecadeWord, cSeason:
		return s.phrase(j, hadThe)
	}
	if s.d.Tokens[j].Kind == text.Number {
		return s.number(j, hadThe)
	}
	return result{}, false
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
	if hadThe && (s.is(j, "future") || s.is(j, "present")) {
		v := refFuture
		if s.is(j, "present") {
			v = refPresent
		}
		return result{end: j + 1, typ: record.DATE, val: refNames[v]}, true
	}
	return result{}, false
}

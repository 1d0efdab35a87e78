package timex

import (
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

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
		if s.lx[k].plural && (n == 1 || n == 0) {
			return result{}, false // "one years", "0 days": not a duration
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
	if s.cls(k) == cFiscal { // "the second fiscal quarter"
		k++
	}
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
	if r == rThis && s.cls(k) == cRel && (s.lx[k].val == rComing || s.lx[k].val == rPast) && s.cls(k+1) != cUnit {
		// "this coming Sunday", "this past spring"
		r = int(s.lx[k].val)
		k++
		if r == rPast {
			r = rLast
		}
	}
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
		if unit == uQuarter && r == rLatest {
			n = -1
		}
		if unit == uQuarter && r == rThis && s.q != 0 {
			// "This quarter's loss" in a report on the third quarter.
			return s.periodValue(k+1, s.qYear, true, s.q, uQuarter), true
		}
		if hadThe && (r == rFollowing || r == rPrevious) {
			// "the following year", "the previous month": TimeML
			// anchors them to the last date named, not to the
			// publication date.
			if v, ok := s.fromLast(n, unit); ok {
				return result{end: k + 1, typ: record.DATE, val: v}, true
			}
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
	if r == rCurrent && !hadThe && s.d.Tokens[j].Kind == text.Word && isLowerWord(s.word(j)) {
		// "current market conditions": TimeML marks the adjective
		// alone as PRESENT_REF (the determiner stays outside).
		return result{end: j + 1, typ: record.DATE, val: refNames[refPresent]}, true
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
	if s.lx[j].val == uYear && !s.lx[j].plural && hadThe {
		// "the year 2000", "the year two thousand"
		if y, ok := s.yearAfter(j + 1); ok {
			return result{end: y.end, typ: record.DATE, val: s.done(appendY(s.buf[:0], y.val))}, true
		}
	}
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
		end, back := j+1, 0
		if s.cls(end) == cA && s.cls(end+1) == cUnit && s.lx[end+1].val == uYear && !s.lx[end+1].plural && (s.cls(end+2) == cAgo || s.is(end+2, "earlier")) {
			end, back = end+3, 1 // "the quarter a year ago"
		}
		if s.q != 0 {
			q, y := s.q, s.qYear
			r := s.periodValue(end, y-back, true, q, uQuarter)
			s.q, s.qYear = q, y // keep the document's quarter
			return r, true
		}
		t := shift(s.a.t, -1, uQuarter)
		return s.periodValue(end, t.Year()-back, true, (int(t.Month())-1)/3+1, uQuarter), true
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
		if s.is(end, "period") || s.is(end, "quarter") {
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

// fromLast shifts the last date named by n units: the year of "1995" for
// "the following year", the month of "March 1989" for "the following
// month". It reports false when that date lacks the unit's precision.
func (s *scanner) fromLast(n, unit int) (string, bool) {
	v := s.last
	y, ok := atoiN(v[:min(4, len(v))])
	if !ok || len(v) < 4 {
		return "", false
	}
	switch unit {
	case uYear:
		return s.done(appendY(s.buf[:0], y+n)), true
	case uMonth:
		if len(v) < 7 || v[4] != '-' {
			return "", false
		}
		m, ok := atoiN(v[5:7])
		if !ok || m < 1 || m > 12 {
			return "", false
		}
		t := date(y, m, 1).AddDate(0, n, 0)
		return s.done(appendYM(s.buf[:0], t.Year(), int(t.Month()))), true
	case uDay:
		if len(v) < 10 || v[4] != '-' || v[7] != '-' {
			return "", false
		}
		m, ok1 := atoiN(v[5:7])
		d, ok2 := atoiN(v[8:10])
		if !ok1 || !ok2 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
			return "", false
		}
		return s.done(appendT(s.buf[:0], date(y, m, d).AddDate(0, 0, n))), true
	}
	return "", false
}

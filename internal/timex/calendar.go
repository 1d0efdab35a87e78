package timex

import (
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// weekday: "Friday", "Friday morning", "Friday, Oct. 13", "Friday last week".
func (s *scanner) weekday(j int) (result, bool) {
	wd := int(s.lx[j].val)
	w := s.word(j)
	if !s.lx[j].upper || (len(w) <= 4 && !s.is(j+1, ",") && s.cls(j+1) != cMonth && s.cls(j+1) != cMonthAbbr && !strings.HasSuffix(w, ".")) {
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
			if s.modalWithin(j, 10) {
				d = 1
			}
			switch d {
			case 1:
				t = t.AddDate(0, 0, fwd)
			case -1:
				t = t.AddDate(0, 0, -back)
			default:
				// News reports the past: without a cue, the last one,
				// except tomorrow's weekday (a week back would be "last
				// Tuesday"; on TBAQ 13 of 15 such weekdays are tomorrow).
				if fwd == 1 {
					t = t.AddDate(0, 0, 1)
				} else {
					t = t.AddDate(0, 0, -back)
				}
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
		if yy, ok := s.yearAfter(k + 1); ok {
			y, hasYear, k = yy.val, true, yy.end
		}
	} else if yy, ok := s.yearAfter(k); ok {
		y, hasYear, k = yy.val, true, yy.end
	} else if s.is(k, ",") && !hasDay {
		if yy, ok := s.year(k + 1); ok {
			y, hasYear, k = yy, true, k+2
		}
	} else if s.cls(k) == cOf {
		if yy, ok := s.spelledOrYear(k + 1); ok {
			y, hasYear, k = yy.val, true, yy.end
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

// yearAfter reads the year after "the year" or a month: digits,
// "nineteen ninety-six", or "two thousand (and) five", which alone would
// be a count ("two thousand people").
func (s *scanner) yearAfter(k int) (yearAt, bool) {
	if y, ok := s.spelledOrYear(k); ok {
		return y, true
	}
	if s.cls(k) == cNumWord && s.lx[k].num == 2 && s.is(k+1, "thousand") {
		end := k + 2
		n := 0
		e := end
		if s.is(e, "and") {
			e++
		}
		if s.cls(e) == cNumWord && s.lx[e].num >= 1 && s.lx[e].num <= 99 {
			n, end = s.lx[e].num, e+1
		}
		return yearAt{2000 + n, end}, true
	}
	return yearAt{}, false
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
	end := k + 2
	if n%10 == 0 && s.cls(end) == cNumWord && s.lx[end].num >= 1 && s.lx[end].num <= 9 {
		n += s.lx[end].num // "nineteen ninety seven"
		end++
	}
	return yearAt{c*100 + n, end}, true
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

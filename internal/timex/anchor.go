package timex

import (
	"strconv"
	"time"
)

// Anchor is the reference date that relative expressions are resolved
// against: the document creation time. The zero Anchor means "unknown";
// relative expressions then get underspecified values (see Normalize).
type Anchor struct {
	t  time.Time
	ok bool
}

// ParseAnchor reads a YYYY-MM-DD date or an RFC 3339 timestamp (only the
// date is used). It returns the zero Anchor and false when s is neither.
func ParseAnchor(s string) (Anchor, bool) {
	if len(s) < 10 {
		return Anchor{}, false
	}
	y, ok1 := atoiN(s[0:4])
	m, ok2 := atoiN(s[5:7])
	d, ok3 := atoiN(s[8:10])
	if !ok1 || !ok2 || !ok3 || s[4] != '-' || s[7] != '-' || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return Anchor{}, false
	}
	return Anchor{t: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), ok: true}, true
}

// OK reports whether the anchor is known.
func (a Anchor) OK() bool { return a.ok }

func (a Anchor) year() int  { return a.t.Year() }
func (a Anchor) month() int { return int(a.t.Month()) }

// weekday returns the ISO weekday, Monday = 1 .. Sunday = 7.
func (a Anchor) weekday() int { return isoWeekday(a.t) }

func isoWeekday(t time.Time) int {
	w := int(t.Weekday())
	if w == 0 {
		return 7
	}
	return w
}

func atoiN(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
		if n > 1e6 {
			return 0, false
		}
	}
	return n, true
}

func daysIn(y, m int) int {
	if m < 1 || m > 12 {
		return 0
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// Value builders. Each appends to b and returns it.

func appendPad(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var tmp [12]byte
	s := strconv.AppendInt(tmp[:0], int64(n), 10)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func appendY(b []byte, y int) []byte { return appendPad(b, y, 4) }

func appendYM(b []byte, y, m int) []byte {
	b = appendY(b, y)
	b = append(b, '-')
	return appendPad(b, m, 2)
}

func appendYMD(b []byte, y, m, d int) []byte {
	b = appendYM(b, y, m)
	b = append(b, '-')
	return appendPad(b, d, 2)
}

func appendT(b []byte, t time.Time) []byte { return appendYMD(b, t.Year(), int(t.Month()), t.Day()) }

func appendWeek(b []byte, t time.Time) []byte {
	y, w := t.ISOWeek()
	b = appendY(b, y)
	b = append(b, "-W"...)
	return appendPad(b, w, 2)
}

// appendDuration appends a TIMEX3 duration: P3Y, PT5H, PXD (n < 0).
func appendDuration(b []byte, n int, unit int) []byte {
	b = append(b, 'P')
	switch unit {
	case uSecond, uMinute, uHour:
		b = append(b, 'T')
	}
	switch unit {
	case uDecade:
		if n > 0 {
			n *= 10
		}
		unit = uYear
		if n < 0 {
			return append(b, "XDE"...)
		}
	case uCentury:
		if n > 0 {
			n *= 100
		}
		unit = uYear
		if n < 0 {
			return append(b, "XCE"...)
		}
	case uMillennium:
		if n > 0 {
			n *= 1000
		}
		unit = uYear
		if n < 0 {
			return append(b, "XML"...)
		}
	case uFortnight:
		if n > 0 {
			n *= 2
		}
		unit = uWeek
	case uWeekend:
		if n > 0 {
			n *= 2
		}
		unit = uDay
	case uHalf:
		if n > 0 {
			n *= 6
		}
		unit = uMonth
	case uQuarter:
		if n > 0 {
			n *= 3
		}
		unit = uMonth
	}
	if n < 0 {
		b = append(b, 'X')
	} else {
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, unitCode(unit))
}

func unitCode(u int) byte {
	switch u {
	case uSecond:
		return 'S'
	case uMinute:
		return 'M'
	case uHour:
		return 'H'
	case uDay:
		return 'D'
	case uWeek:
		return 'W'
	case uMonth:
		return 'M'
	case uQuarter:
		return 'Q'
	default:
		return 'Y'
	}
}

// shift returns t moved by n units (negative n: back).
func shift(t time.Time, n, unit int) time.Time {
	switch unit {
	case uSecond, uMinute, uHour:
		return t
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*n)
	case uFortnight:
		return t.AddDate(0, 0, 14*n)
	case uMonth:
		return t.AddDate(0, n, 0)
	case uQuarter:
		return t.AddDate(0, 3*n, 0)
	case uHalf:
		return t.AddDate(0, 6*n, 0)
	case uYear:
		return t.AddDate(n, 0, 0)
	case uDecade:
		return t.AddDate(10*n, 0, 0)
	case uCentury:
		return t.AddDate(100*n, 0, 0)
	case uMillennium:
		return t.AddDate(1000*n, 0, 0)
	}
	return t
}

// appendAt appends t at the granularity of unit: a year for years and
// longer, a month, an ISO week, or a day.
func appendAt(b []byte, t time.Time, unit int) []byte {
	switch unit {
	case uYear, uDecade, uCentury, uMillennium:
		return appendY(b, t.Year())
	case uHalf:
		b = appendY(b, t.Year())
		if t.Month() <= 6 {
			return append(b, "-H1"...)
		}
		return append(b, "-H2"...)
	case uQuarter:
		b = appendY(b, t.Year())
		b = append(b, "-Q"...)
		return append(b, byte('0'+(int(t.Month())-1)/3+1))
	case uMonth:
		return appendYM(b, t.Year(), int(t.Month()))
	case uWeek, uFortnight:
		return appendWeek(b, t)
	case uWeekend:
		b = appendWeek(b, t)
		return append(b, "-WE"...)
	}
	return appendT(b, t)
}

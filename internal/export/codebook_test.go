package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/newsgraph/newsgraph/internal/store/storetest"
	"github.com/newsgraph/newsgraph/record"
)

// The conformance tests of the GDELT exports: every column of every row
// is checked against the rules of GDELT's codebooks (Event 2.0, GKG 2.1),
// over the store fixture plus places of each geography type and an undated
// article.

// codebookRecords returns the store fixture with an undated article whose
// event happened in a country (Ukraine), and US and German places: a state
// (Texas), a city (Houston) and a world state (Bavaria).
func codebookRecords() []*record.Record {
	recs := storetest.Fixture()
	ev := func(src, tgt, place, country string, lat, lon float64) record.Event {
		return record.Event{Source: record.EventActor{Code: src, Country: src[:3], Text: src}, Target: &record.EventActor{Code: tgt, Country: tgt[:3], Text: tgt},
			CAMEO: "0871", PLOVER: "AID", QuadClass: 2, Goldstein: 7.4, Start: 0, End: 4, Trigger: "sent", Confidence: 0.8,
			Place: &record.EventPlace{Name: place, Country: country, Lat: lat, Lon: lon}}
	}
	undated := &record.Record{Schema: record.Schema, ID: "undated-aid", Title: "Aid for Ukraine", Language: "en",
		Text: "Aid for Ukraine\n\nPoland sent aid to Ukraine, officials said."}
	undated.Events = []record.Event{ev("POLGOV", "UKR", "Ukraine", "UKR", 49, 32)}
	undated.Events[0].CAMEO = "0874"
	undated.Places = []record.Place{{Start: 9, End: 16, Text: "Ukraine", Name: "Ukraine", Country: "UKR", Lat: 49, Lon: 32, Feature: "PCLI"}}
	us := &record.Record{Schema: record.Schema, ID: "texas-floods", URL: "https://news.example/texas", Source: "Gulf Times",
		Published: "2023-06-01T14:30:00Z", Title: "Floods in Texas", Language: "en",
		Text: "Floods in Texas\n\nMexico sent rescuers to Houston, Texas, and Germany sent pumps from Bavaria."}
	us.Events = []record.Event{ev("MEXGOV", "USA", "Houston", "USA", 29.7633, -95.3633), ev("DEUGOV", "USA", "Texas", "USA", 31.2504, -99.2506),
		ev("DEUBUS", "USA", "Bavaria", "DEU", 49, 11.5)}
	us.Events[1].CAMEO, us.Events[2].CAMEO = "0872", "0873"
	us.Places = []record.Place{{Start: 10, End: 15, Text: "Texas", Name: "Texas", Country: "USA", Lat: 31.2504, Lon: -99.2506, Feature: "ADM1"},
		{Start: 46, End: 53, Text: "Houston", Name: "Houston", Country: "USA", Lat: 29.7633, Lon: -95.3633, Feature: "PPLA2", GeonameID: 4699066}}
	return append(recs, undated, us)
}

var (
	reDate     = regexp.MustCompile(`^\d{8}$`)
	reTime     = regexp.MustCompile(`^\d{14}$`)
	reCode3    = regexp.MustCompile(`^[A-Z]{3}$`)
	reActor    = regexp.MustCompile(`^[A-Z0-9]+$`)
	reCAMEO    = regexp.MustCompile(`^\d{3,4}$`)
	reFIPS     = regexp.MustCompile(`^[A-Z]{2}$`)
	reADM1     = regexp.MustCompile(`^[A-Z]{2}[A-Z0-9]{0,4}$`)
	reCoord    = regexp.MustCompile(`^-?\d+\.\d{4}$`)
	reFraction = regexp.MustCompile(`^\d{4}\.\d{4}$`)
)

// fipsCodes is the set of FIPS 10-4 country codes.
func fipsCodes() map[string]bool {
	m := map[string]bool{}
	for _, f := range fipsTable() {
		m[f] = true
	}
	return m
}

// checkGeo checks the fields of one GDELT location: Type, FullName,
// CountryCode, ADM1Code, (ADM2Code,) Lat, Long, FeatureID.
func checkGeo(typ, name, country, adm1, adm2, lat, lon, fid string, hasADM2 bool) error {
	t, err := strconv.Atoi(typ)
	if err != nil || t < 0 || t > 5 {
		return fmt.Errorf("Geo_Type %q not 0..5", typ)
	}
	if t == 0 {
		if name+country+adm1+adm2+lat+lon+fid != "" {
			return fmt.Errorf("type 0 (no location) with fields %q %q %q %q %q %q", name, country, adm1, lat, lon, fid)
		}
		return nil
	}
	switch {
	case name == "":
		return fmt.Errorf("type %d without FullName", t)
	case !reFIPS.MatchString(country) || !fipsCodes()[country]:
		return fmt.Errorf("CountryCode %q is not a FIPS 10-4 code", country)
	case !reADM1.MatchString(adm1) || !strings.HasPrefix(adm1, country):
		return fmt.Errorf("ADM1Code %q is not FIPS country %s + division", adm1, country)
	case hasADM2 && adm2 != "":
		return fmt.Errorf("ADM2Code %q: we have no second-order divisions", adm2)
	case !reCoord.MatchString(lat) || !reCoord.MatchString(lon):
		return fmt.Errorf("Lat/Long %q %q", lat, lon)
	case fid == "":
		return fmt.Errorf("type %d without FeatureID", t)
	}
	la, _ := strconv.ParseFloat(lat, 64)
	lo, _ := strconv.ParseFloat(lon, 64)
	if la < -90 || la > 90 || lo < -180 || lo > 180 {
		return fmt.Errorf("Lat/Long %s %s out of range", lat, lon)
	}
	us := country == "US"
	switch t {
	case 1:
		if adm1 != country || fid != country || strings.Contains(name, ",") {
			return fmt.Errorf("country %q: ADM1Code %q and FeatureID %q must be the country code", name, adm1, fid)
		}
	case 2, 5:
		if us != (t == 2) || len(adm1) <= 2 || fid != adm1 || strings.Count(name, ",") != 1 {
			return fmt.Errorf("state %q (type %d, %s): ADM1Code %q, FeatureID %q", name, t, country, adm1, fid)
		}
	case 3, 4:
		if us != (t == 3) || !strings.Contains(name, ",") {
			return fmt.Errorf("city %q (type %d, %s)", name, t, country)
		}
	}
	return nil
}

// checkEventRow checks the 61 columns of a GDELT 2.0 Event row.
func checkEventRow(c []string) error {
	if len(c) != EventColumns {
		return fmt.Errorf("%d columns", len(c))
	}
	if _, err := strconv.ParseUint(c[0], 10, 63); err != nil {
		return fmt.Errorf("GLOBALEVENTID %q", c[0])
	}
	if c[1] == "" {
		if c[2]+c[3]+c[4] != "" {
			return fmt.Errorf("undated event with MonthYear/Year/FractionDate %q %q %q", c[2], c[3], c[4])
		}
	} else {
		d, err := time.Parse("20060102", c[1])
		if err != nil || !reDate.MatchString(c[1]) {
			return fmt.Errorf("SQLDATE %q", c[1])
		}
		if c[2] != c[1][:6] || c[3] != c[1][:4] || !reFraction.MatchString(c[4]) || !strings.HasPrefix(c[4], strconv.Itoa(d.Year())+".") {
			return fmt.Errorf("MonthYear/Year/FractionDate %q %q %q for %s", c[2], c[3], c[4], c[1])
		}
	}
	for a, at := range []int{5, 15} {
		code := c[at]
		if code == "" {
			if a == 0 || strings.Join(c[at:at+10], "") != "" {
				return fmt.Errorf("Actor%d without code: %q", a+1, c[at:at+10])
			}
			continue
		}
		if !reActor.MatchString(code) || c[at+1] == "" || c[at+1] != strings.ToUpper(c[at+1]) {
			return fmt.Errorf("Actor%d Code/Name %q %q", a+1, code, c[at+1])
		}
		for i := 2; i < 10; i++ {
			if v := c[at+i]; v != "" && !reCode3.MatchString(v) {
				return fmt.Errorf("Actor%d column %d %q is not a three-letter code", a+1, at+i+1, v)
			}
		}
		if c[at+2] != "" && !strings.HasPrefix(code, c[at+2]) && len(code) > 3 && c[at+7] != "" {
			return fmt.Errorf("Actor%d CountryCode %q does not begin its code %q", a+1, c[at+2], code)
		}
	}
	if c[25] != "0" && c[25] != "1" {
		return fmt.Errorf("IsRootEvent %q", c[25])
	}
	if !reCAMEO.MatchString(c[26]) || c[27] != c[26][:3] || c[28] != c[26][:2] {
		return fmt.Errorf("EventCode/BaseCode/RootCode %q %q %q", c[26], c[27], c[28])
	}
	if q, err := strconv.Atoi(c[29]); err != nil || q < 1 || q > 4 {
		return fmt.Errorf("QuadClass %q", c[29])
	}
	if g, err := strconv.ParseFloat(c[30], 64); err != nil || g < -10 || g > 10 || !regexp.MustCompile(`^-?\d+\.\d$`).MatchString(c[30]) {
		return fmt.Errorf("GoldsteinScale %q", c[30])
	}
	var n [3]int
	for i := range n {
		v, err := strconv.Atoi(c[31+i])
		if err != nil || v < 1 {
			return fmt.Errorf("column %d %q: want a count from 1", 32+i, c[31+i])
		}
		n[i] = v
	}
	if n[2] > n[0] || n[1] > n[2] { // articles ≤ mentions, sources ≤ articles
		return fmt.Errorf("NumMentions/NumSources/NumArticles %v", n)
	}
	if _, err := strconv.ParseFloat(c[34], 64); err != nil {
		return fmt.Errorf("AvgTone %q", c[34])
	}
	for i, g := range []int{35, 43, 51} {
		if err := checkGeo(c[g], c[g+1], c[g+2], c[g+3], c[g+4], c[g+5], c[g+6], c[g+7], true); err != nil {
			return fmt.Errorf("%s: %w", []string{"Actor1Geo", "Actor2Geo", "ActionGeo"}[i], err)
		}
	}
	if _, err := time.Parse(gdeltTime, c[59]); err != nil || !reTime.MatchString(c[59]) {
		return fmt.Errorf("DATEADDED %q", c[59])
	}
	if c[60] == "" {
		return errors.New("SOURCEURL empty")
	}
	return nil
}

// checkGKGRow checks the 27 columns of a GKG 2.1 row.
func checkGKGRow(c []string) error {
	if len(c) != GKGColumns {
		return fmt.Errorf("%d columns", len(c))
	}
	id, seq, ok := strings.Cut(c[0], "-")
	if _, err := strconv.Atoi(seq); !ok || err != nil || id != c[1] {
		return fmt.Errorf("GKGRECORDID %q for DATE %q", c[0], c[1])
	}
	if _, err := time.Parse(gdeltTime, c[1]); err != nil || !reTime.MatchString(c[1]) {
		return fmt.Errorf("V2.1DATE %q", c[1])
	}
	if k, err := strconv.Atoi(c[2]); err != nil || k < 1 || k > 6 {
		return fmt.Errorf("V2SOURCECOLLECTIONIDENTIFIER %q", c[2])
	}
	if c[4] == "" {
		return errors.New("V2DOCUMENTIDENTIFIER empty")
	}
	blocks := func(col int, sep, fsep string, fields int, check func([]string) error) error {
		v := c[col-1]
		if v == "" {
			return nil
		}
		if sep == ";" && !strings.HasSuffix(v, ";") {
			return fmt.Errorf("column %d %q does not end with ;", col, v)
		}
		for _, b := range strings.Split(strings.TrimSuffix(v, ";"), sep) {
			f := strings.Split(b, fsep)
			if len(f) != fields {
				return fmt.Errorf("column %d block %q has %d fields, want %d", col, b, len(f), fields)
			}
			if err := check(f); err != nil {
				return fmt.Errorf("column %d block %q: %w", col, b, err)
			}
		}
		return nil
	}
	offset := func(s string) error {
		if n, err := strconv.Atoi(s); err != nil || n < 0 {
			return fmt.Errorf("offset %q", s)
		}
		return nil
	}
	named := func(f []string) error {
		if f[0] == "" {
			return errors.New("empty name")
		}
		return offset(f[1])
	}
	lower := func(f []string) error {
		if f[0] == "" || f[0] != strings.ToLower(f[0]) {
			return fmt.Errorf("name %q not lower case", f[0])
		}
		return nil
	}
	for _, x := range []struct {
		col, fields int
		sep, fsep   string
		check       func([]string) error
	}{
		{10, 7, ";", "#", func(f []string) error {
			if f[1] == "" || f[0] == "0" {
				return errors.New("empty location")
			}
			return checkGeo(f[0], f[1], f[2], f[3], "", f[4], f[5], f[6], false)
		}},
		{11, 9, ";", "#", func(f []string) error {
			if err := checkGeo(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], true); err != nil {
				return err
			}
			return offset(f[8])
		}},
		{12, 1, ";", "\x00", lower}, {14, 1, ";", "\x00", lower},
		{13, 2, ";", ",", named}, {15, 2, ";", ",", named}, {24, 2, ";", ",", named},
		{17, 5, ";", "#", func(f []string) error {
			res, err := strconv.Atoi(f[0])
			if err != nil || res < 1 || res > 4 {
				return fmt.Errorf("resolution %q", f[0])
			}
			for _, v := range f[1:] {
				if _, err := strconv.Atoi(v); err != nil {
					return fmt.Errorf("date field %q", v)
				}
			}
			return nil
		}},
		{23, 4, "#", "|", func(f []string) error {
			if err := offset(f[0]); err != nil {
				return err
			}
			if n, err := strconv.Atoi(f[1]); err != nil || n < 1 {
				return fmt.Errorf("length %q", f[1])
			}
			return nil
		}},
		{25, 3, ";", ",", func(f []string) error {
			if _, err := strconv.ParseFloat(f[0], 64); err != nil {
				return fmt.Errorf("amount %q", f[0])
			}
			return offset(f[2])
		}},
	} {
		if err := blocks(x.col, x.sep, x.fsep, x.fields, x.check); err != nil {
			return err
		}
	}
	if c[15] != "" {
		f := strings.Split(c[15], ",")
		if len(f) != 7 {
			return fmt.Errorf("V1.5TONE %q: %d fields, want 7", c[15], len(f))
		}
		for _, v := range f[:6] {
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				return fmt.Errorf("V1.5TONE %q", c[15])
			}
		}
		if _, err := strconv.Atoi(f[6]); err != nil {
			return fmt.Errorf("V1.5TONE word count %q", f[6])
		}
	}
	if c[17] != "" && !regexp.MustCompile(`^wc:\d+$`).MatchString(c[17]) {
		return fmt.Errorf("V2GCAM %q", c[17])
	}
	if c[26] != "" && !strings.HasPrefix(c[26], "<PAGE_TITLE>") {
		return fmt.Errorf("V2EXTRASXML %q", c[26])
	}
	return nil
}

func TestGDELTEventsCodebook(t *testing.T) {
	s := fixtureStore(t, codebookRecords())
	b, n := export(t, s, GDELTEvents)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if n != 11 || len(lines) != 11 {
		t.Fatalf("%d events written, %d lines; want 11", n, len(lines))
	}
	byCode := map[string][]string{}
	for i, l := range lines {
		c := strings.Split(l, "\t")
		if err := checkEventRow(c); err != nil {
			t.Errorf("row %d: %v\n%q", i+1, err, c)
		}
		if len(c) == EventColumns {
			byCode[c[26]] = c
		}
	}
	// ActionGeo of each kind of place, and the dates of each kind of event.
	f := func(code string, want ...string) {
		t.Helper()
		c := byCode[code]
		if c == nil {
			t.Errorf("no %s event", code)
			return
		}
		if got := c[51:59]; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s ActionGeo %q, want %q", code, got, want)
		}
	}
	f("042", "4", "Moscow, Russia", "RS", "RS48", "", "55.7558", "37.6173", "524901")
	f("195", "4", "Kyiv, Kyiv City, Ukraine", "UP", "UP12", "", "50.4500", "30.5236", "703448")
	f("0871", "3", "Houston, Texas, United States", "US", "USTX", "", "29.7633", "-95.3633", "4699066")
	f("0872", "2", "Texas, United States", "US", "USTX", "", "31.2504", "-99.2506", "USTX")
	f("0873", "5", "Bavaria, Germany", "GM", "GM02", "", "49.0000", "11.5000", "GM02")
	f("163", "0", "", "", "", "", "", "", "")
	f("0874", "1", "Ukraine", "UP", "UP", "", "49.0000", "32.0000", "UP")
	// The undated event keeps its date fields empty; DATEADDED is set.
	if c := byCode["0874"]; c == nil || c[1] != "" || c[59] != "20240506070809" {
		t.Errorf("undated event: %q", c)
	}
	if c := byCode["0871"]; c == nil || c[1] != "20230601" || c[59] != "20240506070809" {
		t.Errorf("Houston event: %q", c)
	}
}

func TestGKGCodebook(t *testing.T) {
	s := fixtureStore(t, codebookRecords())
	b, n := export(t, s, GKG)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if n != 9 || len(lines) != 9 {
		t.Fatalf("%d rows written, %d lines; want 9", n, len(lines))
	}
	for i, l := range lines {
		c := strings.Split(l, "\t")
		if err := checkGKGRow(c); err != nil {
			t.Errorf("row %d: %v\n%q", i+1, err, c)
		}
		switch c[4] {
		case "undated-aid":
			if c[1] != "20240506070809" || c[9] != "1#Ukraine#UP#UP#49.0000#32.0000#UP;" {
				t.Errorf("undated article: DATE %q, locations %q", c[1], c[9])
			}
		case "https://news.example/texas":
			want := "2#Texas, United States#US#USTX#31.2504#-99.2506#USTX;3#Houston, Texas, United States#US#USTX#29.7633#-95.3633#4699066;"
			if c[1] != "20230601143000" || c[9] != want {
				t.Errorf("Texas article: DATE %q, locations %q\nwant %q", c[1], c[9], want)
			}
		}
	}
	// The checks fail on what GDELT tools mis-read.
	bad := strings.Split(lines[0], "\t")
	bad[9] = "4#Moscow#RUS##55.7558#37.6173#;"
	if checkGKGRow(bad) == nil {
		t.Error("an ISO-3 country code in a location passed the check")
	}
}

// TestParquetTypes checks that the Parquet event table has logical types and
// NULLs where a value is missing, never 0,0 or "".
func TestParquetTypes(t *testing.T) {
	s := fixtureStore(t, codebookRecords())
	b, n := export(t, s, Parquet)
	f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, col := range f.Schema().Fields() {
		lt := ""
		if l := col.Type().LogicalType(); l != nil {
			lt = l.String()
		}
		types[col.Name()] = fmt.Sprintf("%v %s optional=%v", col.Type().Kind(), lt, col.Optional())
	}
	for col, want := range map[string]string{
		"date":            "INT32 DATE optional=true",
		"first_published": "INT64 TIMESTAMP(isAdjustedToUTC=true,unit=MILLIS) optional=true",
		"lat":             "DOUBLE  optional=true",
		"goldstein":       "DOUBLE  optional=false",
		"place":           "BYTE_ARRAY STRING optional=true",
		"id":              "BYTE_ARRAY STRING optional=false",
		"quad_class":      "INT32 INT(32,true) optional=false",
	} {
		if types[col] != want {
			t.Errorf("column %s: %q, want %q", col, types[col], want)
		}
	}
	if len(types) != len(EventHeader) {
		t.Errorf("%d columns, want the %d of EventHeader", len(types), len(EventHeader))
	}
	rows := make([]EventRow, n+1)
	k, err := parquet.NewGenericReader[EventRow](bytes.NewReader(b)).Read(rows)
	if (err != nil && !errors.Is(err, io.EOF)) || k != n {
		t.Fatalf("read %d of %d: %v", k, n, err)
	}
	nulls, undated := 0, 0
	for _, r := range rows[:k] {
		if r.Place == nil {
			nulls++
			if r.Lat != nil || r.Lon != nil || r.PlaceCountry != nil {
				t.Errorf("event %s without place has lat %v lon %v country %v", r.ID, r.Lat, r.Lon, r.PlaceCountry)
			}
		}
		if r.Lat != nil && *r.Lat == 0 && *r.Lon == 0 {
			t.Errorf("event %s at 0,0", r.ID)
		}
		if r.Date == nil {
			undated++
			if r.FirstPublished != nil {
				t.Errorf("undated event %s has a publication time", r.ID)
			}
		}
		for _, p := range []*string{r.SourceCountry, r.SourceName, r.TargetCode, r.TargetCountry, r.TargetName, r.PLOVER, r.Place, r.PlaceCountry, r.SourceURL, r.Trigger} {
			if p != nil && *p == "" {
				t.Errorf("event %s: an empty string where NULL belongs: %+v", r.ID, r)
			}
		}
	}
	if nulls != 2 || undated != 1 {
		t.Errorf("%d events without place, %d undated; want 2 and 1", nulls, undated)
	}
}

package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/golden"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/internal/store/storetest"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

func fixtureStore(t *testing.T, recs []*record.Record) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), sqlite.Options{Path: filepath.Join(t.TempDir(), "x.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Put(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	return s
}

// testAdded is the time the tests' rows are added (DATEADDED).
var testAdded = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

func export(t *testing.T, s store.Store, f Format) ([]byte, int) {
	t.Helper()
	var b bytes.Buffer
	n, err := Write(context.Background(), s, &b, Options{Format: f, Added: testAdded})
	if err != nil {
		t.Fatalf("Write %s: %v", f, err)
	}
	return b.Bytes(), n
}

// gdeltEvent is a GDELT 2.0 event row read back with its typed fields.
type gdeltEvent struct {
	cols                              []string
	id                                uint64
	sqlDate, monthYear, year          int
	quad, mentions, sources, articles int
	goldstein, tone, fraction         float64
	lat, lon                          float64
	actionType                        int
	dateAdded                         int64
}

// parseGDELTEvent reads one row the way GDELT tooling does: 61 tab-separated
// columns with integers and floats where GDELT's codebook has them.
func parseGDELTEvent(line string) (gdeltEvent, error) {
	var e gdeltEvent
	e.cols = strings.Split(line, "\t")
	if len(e.cols) != EventColumns {
		return e, fmt.Errorf("%d columns, want %d", len(e.cols), EventColumns)
	}
	c := e.cols
	var err error
	atoi := func(i int, dst *int) {
		if err == nil {
			if *dst, err = strconv.Atoi(c[i]); err != nil {
				err = fmt.Errorf("column %d %q: %w", i+1, c[i], err)
			}
		}
	}
	atof := func(i int, dst *float64) {
		if err == nil && c[i] != "" {
			if *dst, err = strconv.ParseFloat(c[i], 64); err != nil {
				err = fmt.Errorf("column %d %q: %w", i+1, c[i], err)
			}
		}
	}
	e.id, err = strconv.ParseUint(c[0], 10, 63)
	atoi(1, &e.sqlDate)
	atoi(2, &e.monthYear)
	atoi(3, &e.year)
	atof(4, &e.fraction)
	atoi(29, &e.quad)
	atof(30, &e.goldstein)
	atoi(31, &e.mentions)
	atoi(32, &e.sources)
	atoi(33, &e.articles)
	atof(34, &e.tone)
	atoi(51, &e.actionType)
	atof(56, &e.lat)
	atof(57, &e.lon)
	for _, g := range []int{35, 43} {
		var typ int
		atoi(g, &typ)
	}
	if err == nil {
		e.dateAdded, err = strconv.ParseInt(c[59], 10, 64)
	}
	if err == nil && (c[25] != "0" && c[25] != "1") {
		err = fmt.Errorf("IsRootEvent %q", c[25])
	}
	if err == nil && (len(c[26]) < 3 || !strings.HasPrefix(c[26], c[27]) || !strings.HasPrefix(c[27], c[28])) {
		err = fmt.Errorf("event codes %q %q %q", c[26], c[27], c[28])
	}
	return e, err
}

func parseGDELTEvents(t *testing.T, b []byte) []gdeltEvent {
	t.Helper()
	var out []gdeltEvent
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		e, err := parseGDELTEvent(sc.Text())
		if err != nil {
			t.Fatalf("GDELT event line %d: %v", n, err)
		}
		out = append(out, e)
	}
	return out
}

func TestGDELTEvents(t *testing.T) {
	s := fixtureStore(t, storetest.Fixture())
	b, n := export(t, s, GDELTEvents)
	evs := parseGDELTEvents(t, b)
	if n != 7 || len(evs) != 7 {
		t.Fatalf("%d events written, %d read, want 7", n, len(evs))
	}
	var meet *gdeltEvent
	for i := range evs {
		if evs[i].cols[26] == "042" {
			meet = &evs[i]
		}
	}
	if meet == nil {
		t.Fatal("no 042 event")
	}
	c := meet.cols
	f := func(col int, want string) {
		t.Helper()
		if c[col-1] != want {
			t.Errorf("column %d = %q, want %q", col, c[col-1], want)
		}
	}
	f(6, "RUSGOV")
	f(8, "RUS")
	f(13, "GOV")
	f(16, "CHNGOV")
	f(18, "CHN")
	f(26, "1")
	f(28, "042")
	f(29, "04")
	f(52, "4")
	f(53, "Moscow, Russia")
	f(54, "RS")
	f(55, "RS48")
	f(61, "https://ledger.example/world/moscow-talks")
	if meet.sqlDate != 20230222 || meet.monthYear != 202302 || meet.year != 2023 || meet.quad != 1 || meet.goldstein != 1.9 ||
		meet.mentions != 3 || meet.sources != 3 || meet.articles != 3 || meet.actionType != 4 || meet.lat != 55.7558 ||
		meet.dateAdded != 20240506070809 {
		t.Errorf("meeting row %+v", *meet)
	}
	checkGolden(t, "fixture.gdelt-events.tsv", b)
}

// parseGKG reads a GKG 2.1 row back: 27 columns, blocks with GDELT's
// delimiters and field counts, numeric tone and date.
func parseGKG(line string) ([]string, error) {
	c := strings.Split(line, "\t")
	if len(c) != GKGColumns {
		return nil, fmt.Errorf("%d columns, want %d", len(c), GKGColumns)
	}
	blocks := func(col int, sep string, fields int, fsep string) error {
		if c[col-1] == "" {
			return nil
		}
		for _, b := range strings.Split(strings.TrimSuffix(c[col-1], sep), sep) {
			if k := len(strings.Split(b, fsep)); k != fields {
				return fmt.Errorf("column %d block %q has %d fields, want %d", col, b, k, fields)
			}
		}
		return nil
	}
	for _, x := range []struct {
		col, fields int
		sep, fsep   string
	}{{10, 7, ";", "#"}, {11, 9, ";", "#"}, {13, 2, ";", ","}, {15, 2, ";", ","}, {16, 7, ";", ","}, {17, 5, ";", "#"},
		{23, 4, "#", "|"}, {24, 2, ";", ","}, {25, 3, ";", ","}} {
		if err := blocks(x.col, x.sep, x.fields, x.fsep); err != nil {
			return nil, err
		}
	}
	if c[15] != "" {
		for _, v := range strings.Split(c[15], ",") {
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				return nil, fmt.Errorf("tone %q: %w", c[15], err)
			}
		}
	}
	if _, err := strconv.ParseInt(c[1], 10, 64); err != nil {
		return nil, fmt.Errorf("V2.1DATE %q: %w", c[1], err)
	}
	return c, nil
}

func TestGKG(t *testing.T) {
	recs := storetest.Fixture()
	recs[0].Dates = append(recs[0].Dates, record.Date{Start: 1, End: 2, Text: "x", Type: record.DATE, Value: "2023-02"})
	s := fixtureStore(t, recs)
	b, n := export(t, s, GKG)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if n != 7 || len(lines) != 7 {
		t.Fatalf("%d rows written, %d lines", n, len(lines))
	}
	var first []string
	for i, l := range lines {
		c, err := parseGKG(l)
		if err != nil {
			t.Fatalf("GKG line %d: %v", i+1, err)
		}
		if i == 0 {
			first = c
		}
	}
	f := func(col int, want string) {
		t.Helper()
		if first[col-1] != want {
			t.Errorf("column %d = %q, want %q", col, first[col-1], want)
		}
	}
	f(1, "20230222000000-1")
	f(3, "1")
	f(4, "Daily Ledger")
	f(5, "https://ledger.example/world/moscow-talks")
	f(10, "4#Moscow, Russia#RS#RS48#55.7558#37.6173#524901;")
	f(14, "kremlin;")
	f(17, "4#2#22#2023#111;2#2#0#2023#1;")
	f(25, "190000000000,trade,565;")
	f(27, "<PAGE_TITLE>Putin hosts China's top diplomat in Moscow</PAGE_TITLE>")
	if first[22] != `373|40||"Our relations are developing steadily "` {
		t.Errorf("quotation %q", first[22])
	}
	checkGolden(t, "fixture.gkg.tsv", b)
}

func TestTables(t *testing.T) {
	s := fixtureStore(t, storetest.Fixture())
	b, n := export(t, s, CSV)
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || n != 7 || len(rows) != 8 || len(rows[0]) != len(EventHeader) {
		t.Fatalf("csv: %d rows, %v", len(rows), err)
	}
	b, n = export(t, s, Parquet)
	pr := parquet.NewGenericReader[EventRow](bytes.NewReader(b))
	got := make([]EventRow, 10)
	k, err := pr.Read(got)
	if (err != nil && !errors.Is(err, io.EOF)) || k != 7 || n != 7 {
		t.Fatalf("parquet: read %d of %d: %v", k, n, err)
	}
	for i := range got[:k] {
		if got[i].ID != rows[i+1][0] || got[i].CAMEO != rows[i+1][8] {
			t.Errorf("parquet row %d %+v differs from csv %v", i, got[i], rows[i+1])
		}
	}
	b, n = export(t, s, JSONL)
	dec := json.NewDecoder(bytes.NewReader(b))
	k = 0
	for dec.More() {
		var r record.Record
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		k++
	}
	if k != 7 || n != 7 {
		t.Fatalf("jsonl: %d records", k)
	}
	if _, err := Write(context.Background(), s, &bytes.Buffer{}, Options{Format: "xml"}); !errors.Is(err, ErrFormat) {
		t.Errorf("unknown format: %v", err)
	}
}

// TestSeed exports the seed article, annotated by the default pipeline, as
// GDELT events and GKG and parses them back.
func TestSeed(t *testing.T) {
	path := devdata.File(t, "seed/seed-article.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var in struct{ ID, Source, Published, Title, Text string }
	if err := json.Unmarshal(raw, &in); err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := text.NewDocument(in.ID, in.Title, in.Text)
	d.Source, d.Published = in.Source, in.Published
	if err := p.Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	s := fixtureStore(t, []*record.Record{d.Record()})
	b, n := export(t, s, GDELTEvents)
	evs := parseGDELTEvents(t, b)
	t.Logf("seed: %d events coded, %d GDELT rows", len(d.Events), len(evs))
	if len(evs) != n {
		t.Fatalf("%d rows written, %d parsed", n, len(evs))
	}
	b, _ = export(t, s, GKG)
	if _, err := parseGKG(strings.TrimSuffix(string(b), "\n")); err != nil {
		t.Fatalf("seed GKG: %v", err)
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

func FuzzParseGDELTEvent(f *testing.F) {
	f.Add(strings.Repeat("\t", EventColumns-1))
	f.Fuzz(func(t *testing.T, s string) {
		parseGDELTEvent(s)
		parseGKG(s)
	})
}

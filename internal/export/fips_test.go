package export

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/geo"
)

// TestFIPSTable checks data/fips.tsv: every country code of the actor
// dictionary has a FIPS 10-4 code, every country of the gazetteer has a
// line, and no two countries share a FIPS code.
func TestFIPSTable(t *testing.T) {
	table := fipsTable()
	owner := map[string]string{}
	for iso, f := range table {
		if f == "-" || iso == "XKK" { // XKK: the gazetteer's code of Kosovo, as XKX
			continue
		}
		if o, ok := owner[f]; ok {
			t.Errorf("FIPS %s given to %s and %s", f, o, iso)
		}
		owner[f] = iso
	}
	// The actor dictionary's countries: CODE ISO2 | names | ...
	file, err := os.Open("../actor/data/countries.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	n := 0
	for sc.Scan() {
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		iso := strings.Fields(l)[0]
		n++
		f, ok := FIPSCountry(iso)
		switch {
		case iso == "CSK" || iso == "DDR":
			// Former states dissolved before the last edition of FIPS 10-4.
		case !ok:
			t.Errorf("actor dictionary country %s has no FIPS code", iso)
		case len(f) != 2:
			t.Errorf("%s: FIPS %q", iso, f)
		}
	}
	if n < 200 {
		t.Fatalf("read %d countries of the actor dictionary", n)
	}
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i := 0; i < g.Len(); i++ {
		if c := g.Entry(i).Country; c != "" && !seen[c] {
			seen[c] = true
			if _, ok := table[c]; !ok {
				t.Errorf("gazetteer country %s (%s) has no line in data/fips.tsv", c, g.Entry(i).Name)
			}
		}
	}
	f := func(iso, want string) {
		t.Helper()
		if got, _ := FIPSCountry(iso); got != want {
			t.Errorf("FIPSCountry(%s) = %q, want %q", iso, got, want)
		}
	}
	f("USA", "US")
	f("GBR", "UK")
	f("DEU", "GM")
	f("RUS", "RS")
	f("CHN", "CH")
	f("AUS", "AS")
	f("AUT", "AU")
	f("ZAF", "SF")
	f("XYZ", "")
	f("ALA", "")
}

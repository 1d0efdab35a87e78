package actor

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultLoads(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c, o, p, g, n := r.Dictionary().Size()
	if c < 190 || o < 100 || p < 100 || g < 100 || n < 2500 {
		t.Fatalf("dictionary too small: %d countries, %d orgs, %d people, %d groups, %d phrases", c, o, p, g, n)
	}
}

func TestLookup(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f := func(name, date, want string) {
		t.Helper()
		a, ok := r.Lookup(name, date)
		got := ""
		if ok {
			got = a.Code + "/" + a.Country + "/" + a.Sector
		}
		if got != want {
			t.Errorf("Lookup(%q, %q) = %q, want %q", name, date, got, want)
		}
	}
	f("USA", "", "USA/USA/")
	f("CHN", "", "CHN/CHN/")
	f("RU", "", "RUS/RUS/")
	f("RUSGOV", "", "RUSGOV/RUS/GOV")
	f("IGOUNO", "", "IGOUNO//IGO")
	f("Russia", "", "RUS/RUS/")
	f("the United States", "", "USA/USA/")
	f("U.S.", "", "USA/USA/")
	f("Türkiye", "", "TUR/TUR/")
	f("turkiye", "", "TUR/TUR/")
	f("Moscow", "", "RUSGOV/RUS/GOV")
	f("Kyiv", "", "UKRGOV/UKR/GOV")
	f("Kiev", "", "UKRGOV/UKR/GOV")
	f("the Pentagon", "", "USAMIL/USA/MIL")
	f("Soviet Union", "", "SUN/SUN/")
	f("NATO", "", "IGOWSTNAT//IGO")
	f("the West", "", "WST//")
	f("European Union", "", "IGOEUREEC//IGO")
	f("Anadolu Agency", "", "TURMED/TUR/MED")
	f("Reuters", "", "GBRMED/GBR/MED")
	f("Vladimir Putin", "2023-02-22", "RUSGOV/RUS/GOV")
	f("Putin", "2010-01-01", "RUSGOV/RUS/GOV")
	f("Boris Johnson", "2021-06-01", "GBRGOV/GBR/GOV")
	f("Boris Johnson", "2023-01-01", "GBRELI/GBR/ELI")
	f("Wang Yi", "2023-02-22", "CHNGOV/CHN/GOV")
	f("Sergei Shoigu", "2020-01-01", "RUSMIL/RUS/MIL")
	f("Erdogan", "", "TURGOV/TUR/GOV")
	f("Erdoğan", "2010-01-01", "TURGOV/TUR/GOV")
	f("Angela Merkel", "2023-01-01", "DEUELI/DEU/ELI")
	f("Nowhere Land", "", "")
	f("III", "", "")
	f("Kennedy", "2025-06-01", "USAGOV/USA/GOV")
	// A dictionary name before an ISO or CAMEO code.
	f("AU", "", "IGOAFRAFU//IGO")
	f("GM", "", "USABUS/USA/BUS")
	f("IRNA", "", "IRNMED/IRN/MED")
}

// TestLookupName checks that organisations sharing a code keep their own
// names (issue 16: Google, Microsoft, Boeing and Twitter were all Apple,
// Islamic Jihad was Hamas) and that a listed surname beats one taken from
// another person's name.
func TestLookupName(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f := func(name, want string) {
		t.Helper()
		a, ok := r.Lookup(name, "")
		if !ok || a.Name != want {
			t.Errorf("Lookup(%q) = %v, want name %q", name, a, want)
		}
	}
	f("Islamic Jihad", "Palestinian Islamic Jihad")
	f("Hamas", "Hamas")
	f("Google", "Google")
	f("Microsoft", "Microsoft")
	f("Boeing", "Boeing")
	f("Twitter", "Twitter")
	f("Apple", "Apple")
	f("Exxon", "ExxonMobil")
	f("Bush", "George W. Bush")
	f("Kabila", "Joseph Kabila")
}

func TestParseErrors(t *testing.T) {
	f := func(file, line string) {
		t.Helper()
		d := newDictionary()
		var err error
		switch file {
		case "countries.txt":
			err = readLines(strings.NewReader(line), file, d.parseCountry)
		case "orgs.txt":
			err = readLines(strings.NewReader(line), file, d.parseOrg)
		default:
			err = readLines(strings.NewReader(line), file, d.parsePersonLine)
		}
		if !errors.Is(err, ErrSyntax) {
			t.Errorf("%s %q: got %v, want ErrSyntax", file, line, err)
		}
	}
	f("countries.txt", "RUSSIA RU | Russia")
	f("countries.txt", "RUS RU")
	f("countries.txt", "RUS RU | Russia\nRUS RU | Russia")
	f("orgs.txt", "IGOUNO | United Nations")
	f("orgs.txt", "IGOUNO - | United Nations | 2000-01-01 -")  // spells without a country
	f("orgs.txt", "AFG REB | Taliban | 2021-08-15")            // a spell without its end
	f("orgs.txt", "AFG REB | Taliban | 2021-08-15 2001-01-01") // an end before the start
	f("orgs.txt", "AFG REB | Taliban | 2021-08-15 - | extra")  // a fourth field
	f("people.txt", "\tRUS GOV 2000 - President")
	f("people.txt", "A B | | x |")
	f("people.txt", "A B | | m | 7747")
	f("people.txt", "A B | | m |\n\tRUS GOV 2000-13 - President")
	f("people.txt", "A B | | m |\n\tRUS GOV 2005 2000 President")
}

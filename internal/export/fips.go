package export

import (
	_ "embed"
	"strings"
	"sync"
)

// fipsTSV maps ISO 3166-1 alpha-3 codes to FIPS 10-4 country codes, the
// codes of GDELT's geography fields (data/fips.tsv says where it comes
// from; fips_test.go checks that every country of the actor dictionary and
// of the gazetteer has a line).
//
//go:embed data/fips.tsv
var fipsTSV string

var fipsTable = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, l := range strings.Split(fipsTSV, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 3 || len(f[0]) != 3 || (f[1] != "-" && len(f[1]) != 2) {
			panic("BUG: export: malformed line in data/fips.tsv: " + l)
		}
		m[f[0]] = f[1]
	}
	return m
})

// FIPSCountry returns the FIPS 10-4 country code of an ISO 3166-1 alpha-3
// code (or of an ISO 3166-3 code of a former state), and false when FIPS
// 10-4 has none or the code is unknown.
func FIPSCountry(iso3 string) (string, bool) {
	f, ok := fipsTable()[iso3]
	if !ok || f == "-" {
		return "", false
	}
	return f, true
}

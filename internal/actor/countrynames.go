package actor

import (
	"bufio"
	"strings"
	"sync"
)

// IsCountryName reports whether name is one of the names of a country in
// the embedded countries table ("Sweden", "South Korea", "the Bahamas"),
// compared as the dictionary compares names (case and accents folded). It
// reads that one table, once, without loading the dictionary: the entity
// tagger asks it whether a side in a sports report is a national team.
func IsCountryName(name string) bool {
	var buf [64]byte
	return countryNames()[string(appendFold(buf[:0], name))]
}

var countryNames = sync.OnceValue(func() map[string]bool {
	f, err := embedded.Open("data/countries.txt")
	if err != nil {
		panic("actor: embedded countries table missing: " + err.Error())
	}
	defer f.Close()
	names := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if f := fields(line); len(f) >= 2 {
			for _, n := range list(f[1]) {
				names[fold(n)] = true
			}
		}
	}
	return names
})

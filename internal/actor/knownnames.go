package actor

import (
	"bufio"
	"io/fs"
	"strings"
	"sync"
)

// The entity tagger asks the actor tables two questions without loading
// the dictionary: is this a country's name, is this a person's full name.

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
	names := map[string]bool{}
	eachTableLine("data/countries.txt", func(f []string) {
		for _, n := range list(f[1]) {
			names[fold(n)] = true
		}
	})
	return names
})

// IsPersonName reports whether name is the full name of a person of the
// embedded people tables, or one of the person's aliases of more than one
// word ("Saddam Hussein", "Kim Jong Un"), compared as the dictionary
// compares names. Surnames alone are not asked: they are names of other
// things too. It reads the people tables once, without loading the
// dictionary: the entity tagger asks it.
func IsPersonName(name string) bool {
	var buf [64]byte
	return personNames()[string(appendFold(buf[:0], name))]
}

var personNames = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	files, err := fs.Glob(embedded, "data/people-*.txt")
	if err != nil {
		panic("BUG: actor: embedded people tables: " + err.Error())
	}
	for _, path := range files {
		eachTableLine(path, func(f []string) {
			names[fold(f[0])] = true
			for _, a := range list(f[1]) {
				if strings.Contains(a, " ") {
					names[fold(a)] = true
				}
			}
		})
	}
	return names
})

// eachTableLine calls fn with the fields of each line of the embedded
// table at path that is not blank, a comment or indented (a person's role)
// and has two fields or more.
func eachTableLine(path string, fn func(fields []string)) {
	f, err := embedded.Open(path)
	if err != nil {
		panic("BUG: actor: embedded table " + path + ": " + err.Error())
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' || line[0] == ' ' || line[0] == '\t' {
			continue
		}
		if fl := fields(line); len(fl) >= 2 {
			fn(fl)
		}
	}
}

package actor

import (
	"bufio"
	"io/fs"
	"strings"
	"sync"
)

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
		panic("actor: embedded people tables: " + err.Error())
	}
	for _, path := range files {
		f, err := embedded.Open(path)
		if err != nil {
			panic("actor: embedded people table: " + err.Error())
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' || line[0] == ' ' || line[0] == '\t' {
				continue
			}
			fl := fields(line)
			if len(fl) < 2 {
				continue
			}
			names[fold(fl[0])] = true
			for _, a := range list(fl[1]) {
				if strings.Contains(a, " ") {
					names[fold(a)] = true
				}
			}
		}
		f.Close()
	}
	return names
})

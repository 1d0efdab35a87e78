package actor

import (
	"io/fs"
	"sort"
	"strings"
	"testing"
)

// aliasConflicts are names listed on two entries of the shipped
// dictionary, each decided here: the entry Lookup must return (its name
// for people and organisations, its code otherwise). A name on two entries
// that is missing here fails TestEveryAliasResolves, so a new conflict is
// always decided on purpose.
var aliasConflicts = map[string]string{
	// An organisation's name over the generic agent noun: in the news the
	// name means the one body (the annotator still codes "Russia's
	// Security Council" by its country).
	"congress":            "U.S. Congress",
	"foreign office":      "Foreign Office",
	"justice department":  "Justice Department",
	"treasury department": "Treasury Department",
	"state department":    "State Department",
	"ministry of defence": "Ministry of Defence",
	"security council":    "UN Security Council",
	// People sharing a listed surname: on a date the one in office wins
	// (Lookup's rule); undated, the one in office now, else the first
	// listed.
	"clinton":    "Bill Clinton",
	"li":         "Li Qiang",
	"napolitano": "Giorgio Napolitano",
	// A person over a demonym: "Türk" as a name is the UN rights chief;
	// "a Turk" in text is an adjective the tagger types NORP.
	"turk": "Volker Türk",
	// A listed alias against another person's surname taken from the last
	// word of the name: the one in office wins.
	"rasmussen": "Lars Løkke Rasmussen",
}

// wantEntry is what one dictionary alias should resolve to.
type wantEntry struct {
	file, alias string
	line        int
	name, code  string // name for people and organisations, else ""
}

// TestEveryAliasResolves walks every line of every shipped dictionary file
// and checks that Lookup of each name on the line returns that line's
// entry: one organisation per line (Google is not Apple), each person by
// all of their aliases, each country by its names and adjectives.
func TestEveryAliasResolves(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(sub, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	var wants []wantEntry
	for _, name := range names {
		data, err := fs.ReadFile(sub, name)
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range strings.Split(string(data), "\n") {
			line = strings.TrimRight(line, " \t\r")
			if tl := strings.TrimSpace(line); tl == "" || tl[0] == '#' || line[0] == '\t' || line[0] == ' ' {
				continue
			}
			wants = append(wants, lineEntries(t, name, n+1, line)...)
		}
	}
	// Which aliases name two entries.
	byAlias := map[string]map[string]bool{}
	for _, w := range wants {
		k := foldKey(w.alias)
		if byAlias[k] == nil {
			byAlias[k] = map[string]bool{}
		}
		byAlias[k][w.name+"/"+w.code] = true
	}
	var conflicts []string
	for _, w := range wants {
		k := foldKey(w.alias)
		if _, ok := aliasConflicts[k]; ok {
			continue // decided below
		}
		if len(byAlias[k]) > 1 {
			es := make([]string, 0, len(byAlias[k]))
			for e := range byAlias[k] {
				es = append(es, e)
			}
			sort.Strings(es)
			conflicts = append(conflicts, w.alias+" → "+strings.Join(es, ", "))
			continue
		}
		a, ok := r.Lookup(w.alias, "")
		switch {
		case !ok:
			t.Errorf("%s:%d: Lookup(%q) finds nothing", w.file, w.line, w.alias)
		case w.name != "" && a.Name != w.name:
			t.Errorf("%s:%d: Lookup(%q) = %s %q, want %q", w.file, w.line, w.alias, a.Code, a.Name, w.name)
		case w.name == "" && w.code != "" && a.Code != w.code:
			t.Errorf("%s:%d: Lookup(%q) = %s, want %s", w.file, w.line, w.alias, a.Code, w.code)
		}
	}
	sort.Strings(conflicts)
	conflicts = compactStrings(conflicts)
	for _, c := range conflicts {
		t.Errorf("undecided alias conflict: %s (decide it in aliasConflicts or the data)", c)
	}
	for alias, want := range aliasConflicts {
		a, ok := r.Lookup(alias, "")
		if !ok || a.Name != want && a.Code != want {
			t.Errorf("conflict %q: Lookup = %v, want %s", alias, a, want)
		}
	}
	t.Logf("%d names checked", len(wants))
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// lineEntries returns what each name on one dictionary line should resolve
// to, parsed independently of the loader.
func lineEntries(t *testing.T, file string, n int, line string) []wantEntry {
	t.Helper()
	f := fields(line)
	var out []wantEntry
	add := func(alias, name, code string) {
		if alias == "" || alias == "-" {
			return
		}
		out = append(out, wantEntry{file: file, line: n, alias: alias, name: name, code: code})
	}
	switch {
	case file == "countries.txt":
		code := strings.Fields(f[0])[0]
		for _, x := range list(f[1]) {
			add(x, "", code)
		}
		if len(f) > 2 {
			for _, x := range list(f[2]) {
				add(x, "", code)
			}
		}
		if len(f) > 3 {
			for _, x := range list(f[3]) {
				sector := "GOV"
				if i := strings.IndexByte(x, '='); i >= 0 {
					x, sector = strings.TrimSpace(x[:i]), strings.TrimSpace(x[i+1:])
				}
				add(x, "", code+sector)
			}
		}
	case file == "orgs.txt" || strings.HasPrefix(file, "orgs-") || file == "parties.txt":
		names := list(f[1])
		for _, x := range names {
			add(x, names[0], "")
		}
	case file == "agents.txt" || strings.HasPrefix(file, "agents-") || file == "titles.txt":
		for _, x := range list(f[1]) {
			if i := strings.IndexByte(x, '='); i >= 0 {
				x = strings.TrimSpace(x[:i])
			}
			add(x, "", f[0])
		}
	default: // people
		add(f[0], f[0], "")
		for _, x := range list(f[1]) {
			add(x, f[0], "")
		}
	}
	return out
}

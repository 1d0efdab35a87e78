package actor

import (
	"bufio"
	"io/fs"
	"strings"
	"testing"
)

// wellFormedQID reports whether s is a Wikidata item id: "Q" and a number
// without leading zeros.
func wellFormedQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' || s[1] == '0' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func TestWellFormedQID(t *testing.T) {
	f := func(in string, want bool) {
		t.Helper()
		if got := wellFormedQID(in); got != want {
			t.Errorf("wellFormedQID(%q) = %v, want %v", in, got, want)
		}
	}
	f("Q7747", true)
	f("Q1", true)
	f("Q10853588", true)
	f("Q", false)
	f("Q0", false)
	f("Q07747", false)
	f("q7747", false)
	f("Q77a7", false)
	f("7747", false)
	f("Q7747 ", false)
	f("P31", false)
}

// TestWikidataIDs reads the shipped people files as text and checks that
// every QID is well formed and that no QID is given to two people. It logs
// how many people carry a QID in each file.
func TestWikidataIDs(t *testing.T) {
	files, err := fs.Glob(embedded, "data/people-*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no people files embedded")
	}
	owner := map[string]string{} // QID -> "file: name"
	total, withID := 0, 0
	for _, name := range files {
		b, err := fs.ReadFile(embedded, name)
		if err != nil {
			t.Fatal(err)
		}
		people, ids := 0, 0
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if line == "" || line[0] == '#' || line[0] == '\t' || line[0] == ' ' {
				continue
			}
			f := strings.Split(line, "|")
			if len(f) != 4 {
				t.Errorf("%s:%d: want 4 fields, got %d", name, n, len(f))
				continue
			}
			people++
			person := strings.TrimSpace(f[0])
			q := strings.TrimSpace(f[3])
			if q == "" || q == "-" {
				continue
			}
			ids++
			if !wellFormedQID(q) {
				t.Errorf("%s:%d: %s: malformed QID %q", name, n, person, q)
				continue
			}
			here := name + ": " + person
			if o, dup := owner[q]; dup {
				t.Errorf("%s is given to both %s and %s", q, o, here)
				continue
			}
			owner[q] = here
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%-28s %4d people, %4d with a QID", name, people, ids)
		total += people
		withID += ids
	}
	t.Logf("%-28s %4d people, %4d with a QID", "all", total, withID)
}

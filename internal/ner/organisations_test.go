package ner

import (
	"strings"
	"testing"
	"unicode"
)

func TestParseOrganisations(t *testing.T) {
	f := func(in string, want ...OrgName) {
		t.Helper()
		got, err := parseOrganisations(in)
		if err != nil {
			t.Fatalf("parseOrganisations(%q): %v", in, err)
		}
		if len(got) != len(want) {
			t.Fatalf("parseOrganisations(%q) = %v, want %v", in, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("parseOrganisations(%q)[%d] = %v, want %v", in, i, got[i], want[i])
			}
		}
	}
	f("# comment\n\n")
	f("NASA", OrgName{Name: "NASA"})
	f("Amazon.com; Amazon ?\n", OrgName{Name: "Amazon.com"}, OrgName{Name: "Amazon", Ambiguous: true})
	f("  Federal Bureau of Investigation ;FBI\r\n# x\nCERN",
		OrgName{Name: "Federal Bureau of Investigation"}, OrgName{Name: "FBI"}, OrgName{Name: "CERN"})

	bad := func(in string) {
		t.Helper()
		if _, err := parseOrganisations(in); err == nil {
			t.Fatalf("parseOrganisations(%q): no error", in)
		}
	}
	bad("NASA;")
	bad("NASA; ; FBI")
	bad(" ?")
	bad("Apple?")
	bad("FBI # the bureau")
}

// TestOrganisationsLexicon checks the embedded lexicon: every line parses,
// no name is empty, lower-case only or listed twice, and there are enough.
func TestOrganisationsLexicon(t *testing.T) {
	names, err := parseOrganisations(organisationsData)
	if err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		if n.Name == "" {
			t.Errorf("empty name")
			continue
		}
		if seen[n.Name] {
			t.Errorf("%q listed twice", n.Name)
		}
		seen[n.Name] = true
		if !strings.ContainsFunc(n.Name, unicode.IsUpper) {
			t.Errorf("%q is lower-case only", n.Name)
		}
		if strings.HasPrefix(n.Name, "The ") {
			t.Errorf("%q starts with an article", n.Name)
		}
		if strings.Contains(n.Name, "  ") {
			t.Errorf("%q has a double space", n.Name)
		}
	}
	if len(names) < 1000 {
		t.Errorf("%d names, want at least 1000", len(names))
	}
	if got := OrganisationNames(); len(got) != len(names) {
		t.Errorf("OrganisationNames() has %d names, want %d", len(got), len(names))
	}
}

// TestOrganisationsKnown checks a few names the lexicon must hold, with their
// ambiguity, and names it must leave out (places, buildings, common words).
func TestOrganisationsKnown(t *testing.T) {
	byName := make(map[string]bool)
	for _, n := range OrganisationNames() {
		byName[n.Name] = n.Ambiguous
	}
	f := func(name string, ambiguous bool) {
		t.Helper()
		got, ok := byName[name]
		if !ok {
			t.Errorf("%q missing", name)
		} else if got != ambiguous {
			t.Errorf("%q: ambiguous %v, want %v", name, got, ambiguous)
		}
	}
	f("Twitter", false)
	f("Wikipedia", false)
	f("Church of Scientology", false)
	f("New York Times", false)
	f("Anadolu Agency", false)
	f("Muslim Brotherhood", false)
	f("Amazon.com", false)
	f("Amazon", true)
	f("Apple", true)
	f("Target", true)
	f("Royal Dutch Shell", false)

	absent := func(name string) {
		t.Helper()
		if _, ok := byName[name]; ok {
			t.Errorf("%q should not be listed", name)
		}
	}
	absent("Shell")
	absent("Barcelona")
	absent("Liverpool")
	absent("Pentagon")
	absent("White House")
	absent("The New York Times")
}

func BenchmarkOrganisationNames(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(organisationsData)))
	for b.Loop() {
		if _, err := parseOrganisations(organisationsData); err != nil {
			b.Fatal(err)
		}
	}
}

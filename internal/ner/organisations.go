package ner

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// organisationsData is the lexicon of well-known organisation names,
// written by the project (see NOTICE and the file's header).
//
//go:embed data/organisations.txt
var organisationsData string

// OrgName is one name of an organisation in the lexicon. Ambiguous names
// (marked " ?" in the file, such as "Amazon" or "Apple") are usually the
// organisation in news but also something else: they may retype a span
// already tagged as an entity, never add one.
type OrgName struct {
	Name      string
	Ambiguous bool
}

var orgNames = sync.OnceValue(func() []OrgName {
	names, err := parseOrganisations(organisationsData)
	if err != nil {
		panic("BUG: embedded organisations lexicon: " + err.Error())
	}
	return names
})

// OrganisationNames returns the names of the embedded organisation lexicon,
// each alias as its own entry, in file order. The slice is parsed once and
// shared: callers must not modify it.
func OrganisationNames() []OrgName { return orgNames() }

// parseOrganisations parses a lexicon: one organisation a line as
// "Name; alias; alias", a trailing " ?" marking an ambiguous name, and
// lines starting with "#" as comments. Names are substrings of data.
func parseOrganisations(data string) ([]OrgName, error) {
	names := make([]OrgName, 0, strings.Count(data, ";")+strings.Count(data, "\n"))
	lineNo := 0
	for line := range strings.Lines(data) {
		lineNo++
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		for field := range strings.SplitSeq(line, ";") {
			name, ambiguous := strings.CutSuffix(strings.TrimSpace(field), " ?")
			name = strings.TrimSpace(name)
			switch {
			case name == "":
				return nil, fmt.Errorf("organisations line %d: empty name in %q", lineNo, line)
			case strings.ContainsAny(name, "?#"):
				return nil, fmt.Errorf("organisations line %d: stray '?' or '#' in %q", lineNo, name)
			}
			names = append(names, OrgName{Name: name, Ambiguous: ambiguous})
		}
	}
	return names, nil
}

package event

import (
	"context"
	"strings"

	"github.com/newsgraph/newsgraph/internal/syntax"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// testResolver resolves spans by the rightmost word (or two-word name) it
// knows; it stands in for internal/actor in unit tests.
type testResolver map[string]*record.Actor

func (r testResolver) Resolve(d *text.Document, s text.Span) (*record.Actor, bool) {
	words := strings.FieldsFunc(d.Slice(s), func(c rune) bool { return c == ' ' || c == '\'' || c == '’' || c == ',' })
	for i := len(words) - 1; i >= 0; i-- {
		if i > 0 {
			if a, ok := r[strings.ToLower(words[i-1]+" "+words[i])]; ok {
				return a, true
			}
		}
		if a, ok := r[strings.ToLower(words[i])]; ok {
			return a, true
		}
	}
	return nil, false
}

func act(code string) *record.Actor {
	if len(code) < 3 {
		return &record.Actor{Code: code}
	}
	return &record.Actor{Code: code, Country: code[:3], Sector: code[3:]}
}

var fixtureActors = testResolver{
	"russia": act("RUS"), "moscow": act("RUS"), "kremlin": act("RUSGOV"), "russian": act("RUS"),
	"china": act("CHN"), "beijing": act("CHN"), "chinese": act("CHN"),
	"ukraine": act("UKR"), "kyiv": act("UKR"), "ukrainian": act("UKR"),
	"west": act("WST"), "nato": act("NATO"), "eu": act("EU"),
	"putin": act("RUSGOV"), "lavrov": act("RUSGOV"), "xi": act("CHNGOV"), "wang": act("CHNGOV"),
	"zelensky": act("UKRGOV"), "biden": act("USAGOV"), "washington": act("USA"), "iran": act("IRN"),
	"israel": act("ISR"), "police": act("COP"), "rebels": act("REB"), "protesters": act("PRT"),
	"united states": act("USA"), "us": act("USA"), "france": act("FRA"), "germany": act("DEU"),
	"army": act("MIL"), "russian troops": act("RUSMIL"), "troops": act("MIL"),
	// A generic agent as the actor stage gives it: a sector, no country.
	"government": {Code: "GOV", Sector: "GOV"}, "officials": {Code: "GOV", Sector: "GOV"},
}

// runFixture codes text with the fixture resolver.
func runFixture(c *Coder, body string) (*text.Document, error) {
	d := text.NewDocument("t", "", body)
	d.Published = "2024-03-01"
	if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
		return nil, err
	}
	if err := syntax.Embedded().Annotate(context.Background(), d); err != nil {
		return nil, err
	}
	return d, c.Annotate(context.Background(), d)
}

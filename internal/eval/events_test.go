package eval

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

func TestGSRType(t *testing.T) {
	f := func(cameo, plover, want string) {
		t.Helper()
		if got := GSRType(cameo, plover); got != want {
			t.Errorf("GSRType(%s, %s) = %s, want %s", cameo, plover, got, want)
		}
	}
	f("020", "REQUEST", "DEMAND")
	f("1041", "REQUEST", "DEMAND")
	f("111", "ACCUSE", "DISAPPROVE")
	f("090", "ACCUSE", "INVESTIGATE")
	f("190", "ASSAULT", "FIGHT")
	f("186", "ASSAULT", "ASSAULT")
	f("040", "CONSULT", "CONSULT")
	f("163", "SANCTION", "SANCTION")
}

func TestReadEventGoldAndScore(t *testing.T) {
	in := `{"id":"a","text":"X met Y.","expected":{"plover":"CONSULT","source":[{"text":"X","code":"USA"}],"target":[]}}
{"id":"b","text":"X attacked Y.","expected":[{"cameo":"190","source":"USA","target":"RUS"}]}
{"id":"c","text":"Nothing.","expected":[]}
`
	gold, err := ReadEventGold(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 3 || gold[0].IsCAMEO || !gold[1].IsCAMEO || len(gold[2].CAMEO) != 0 {
		t.Fatalf("bad gold: %+v", gold)
	}
	annotate := func(d *text.Document) error {
		switch d.ID {
		case "a":
			d.Events = []text.Event{{CAMEO: "040", PLOVER: "CONSULT", Source: text.EventActor{Code: "USAGOV"}, Confidence: 0.5}}
		case "b":
			d.Events = []text.Event{
				{CAMEO: "190", PLOVER: "ASSAULT", Source: text.EventActor{Code: "USA"}, Target: &text.EventActor{Code: "RUSMIL"}, Confidence: 0.7},
				{CAMEO: "010", Confidence: 0.9, Negated: true},
			}
		}
		return nil
	}
	r, err := Events(gold, annotate)
	if err != nil {
		t.Fatal(err)
	}
	if r.PLOVERTop != 1 || r.PLOVERSource != 1 || r.CAMEOFull != 1 || r.CAMEORoot != 1 || r.CAMEODyad != 1 || r.NoneFalse != 0 {
		t.Fatalf("bad scores: %+v", r)
	}
	if _, err := ReadEventGold(strings.NewReader(`{"id":"x","text":"t"}`)); err == nil {
		t.Fatal("no error for a record without expected events")
	}
}

package event

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// qualityFixture: sentences written for the project with the expected
// CAMEO root of their main event ("" = no event). The coder must get at
// least qualityFloor of them right with the fixture resolver.
var qualityFixture = []struct{ text, root string }{
	{"Putin met Xi in Moscow on Tuesday.", "04"},
	{"Lavrov held talks with Wang in Beijing.", "04"},
	{"Biden visited Kyiv on Monday.", "04"},
	{"Zelensky praised France for its support.", "05"},
	{"Germany and France signed an agreement on energy cooperation.", "05"},
	{"China urged Russia to end the war.", "02"},
	{"Iran called on Israel to halt the strikes.", "02"},
	{"Russia and China agreed to boost trade.", "03"},
	{"Israel will release 50 Palestinian prisoners, officials said.", "03"},
	{"The EU pledged to provide more aid to Ukraine.", "03"},
	{"France and Germany cooperate closely with Ukraine.", "06"},
	{"The United States sent weapons to Israel.", "07"},
	{"Germany provided aid to Ukraine.", "07"},
	{"Israel released 50 Palestinian prisoners on Sunday.", "08"},
	{"Russia withdrew its troops from Kherson.", "08"},
	{"Iran demanded that Israel stop the attacks.", "10"},
	{"China condemned the West's sanctions on Russia.", "11"},
	{"Ukraine accused Russia of shelling the plant.", "11"},
	{"Russia criticized NATO over the exercises.", "11"},
	{"Iran rejected the proposal from France.", "12"},
	{"Russia refused to withdraw its troops.", "12"},
	{"Iran threatened to attack Israel.", "13"},
	{"Protesters demonstrated against the government in Kyiv.", "14"},
	{"Russia deployed troops near the border with Ukraine.", "15"},
	{"The West imposed sanctions on Moscow.", "16"},
	{"France expelled two Russian diplomats.", "16"},
	{"Police arrested 20 protesters in Moscow.", "17"},
	{"Rebels kidnapped two Ukrainian soldiers.", "18"},
	{"Russia shelled Kyiv overnight.", "19"},
	{"Israel launched air strikes on Iran.", "19"},
	{"The weather in Moscow was cold and sunny.", ""},
	{"Markets in Beijing rose by two percent on Monday.", ""},
	{"The \u201cspecial military operation\u201d was discussed at length.", ""},
}

const qualityFloor = 0.85

func TestQualityFloor(t *testing.T) {
	c := fixtureCoder(t)
	right := 0
	for _, q := range qualityFixture {
		d, err := runFixture(c, q.text)
		if err != nil {
			t.Fatal(err)
		}
		top := -1
		for i, e := range d.Events {
			if e.Negated || e.Hypothetical || e.Future {
				continue
			}
			if top < 0 || e.Confidence > d.Events[top].Confidence {
				top = i
			}
		}
		got := ""
		if top >= 0 {
			got = d.Events[top].CAMEO[:2]
		}
		if got == q.root {
			right++
		} else {
			t.Logf("miss: %q: got %q, want %q", q.text, got, q.root)
		}
	}
	acc := float64(right) / float64(len(qualityFixture))
	t.Logf("fixture root accuracy %.3f (%d/%d)", acc, right, len(qualityFixture))
	if acc < qualityFloor {
		t.Fatalf("fixture root accuracy %.3f below floor %.2f", acc, qualityFloor)
	}
}

// FuzzAnnotate checks that any text codes without panics and with spans
// inside the text.
func FuzzAnnotate(f *testing.F) {
	for _, q := range qualityFixture {
		f.Add(q.text)
	}
	f.Add("\u201cX\u201d and \u201c")
	f.Add("... , , and and 's 's to to")
	c, err := New(Options{Unresolved: true}, fixtureActors)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d, err := runFixture(c, s)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Events {
			for _, sp := range []struct{ a, b int }{{e.Trigger.Start, e.Trigger.End}, {e.Source.Start, e.Source.End}} {
				if sp.a < 0 || sp.b > len(d.Text) || sp.a > sp.b {
					t.Fatalf("span %v outside text of %d bytes", sp, len(d.Text))
				}
			}
			if e.Target != nil && (e.Target.Start < 0 || e.Target.End > len(d.Text)) {
				t.Fatalf("target span outside text")
			}
			if strings.TrimSpace(e.CAMEO) == "" {
				t.Fatalf("event without a code")
			}
		}
	})
}

package event

import (
	"fmt"
	"strings"
	"testing"
)

func fixtureCoder(t testing.TB) *Coder {
	t.Helper()
	c, err := New(Options{}, fixtureActors)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func eventsOf(t *testing.T, c *Coder, body string) []string {
	t.Helper()
	d, err := runFixture(c, body)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range d.Events {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		src := e.Source.Code
		if src == "" {
			src = "-"
		}
		s := fmt.Sprintf("%s>%s %s %s %s", src, tgt, e.CAMEO, e.PLOVER, d.Slice(e.Trigger))
		if e.Negated {
			s += " neg"
		}
		if e.Hypothetical {
			s += " hypo"
		}
		if e.Future {
			s += " fut"
		}
		out = append(out, s)
	}
	return out
}

// expectEvents returns a check that c codes a text as the events listed
// (eventsOf's form), in order.
func expectEvents(t *testing.T, c *Coder) func(in string, want ...string) {
	return func(in string, want ...string) {
		t.Helper()
		got := eventsOf(t, c, in)
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("%s\n got: %q\nwant: %q", in, got, want)
		}
	}
}

func TestCoderSentences(t *testing.T) {
	c := fixtureCoder(t)
	f := expectEvents(t, c)
	f("Putin met Xi in Moscow on Tuesday.", "RUSGOV>CHNGOV 040 CONSULT met")
	f("Lavrov held talks with Wang on Monday.", "RUSGOV>CHNGOV 046 CONSULT held")
	f("The West imposed sanctions on Moscow.", "WST>RUS 163 SANCTION imposed")
	f("Kyiv was attacked by Russian troops overnight.", "RUSMIL>UKR 190 ASSAULT attacked")
	f("China condemned the West's sanctions on Russia.", "CHN>WST 111 ACCUSE condemned", "WST>RUS 163 SANCTION sanctions")
	f("Beijing has not directly supported the Russian operation.", "CHN>RUS 050 SUPPORT supported neg")
	f("Russia and China agreed to boost trade.", "RUS>CHN 031 AGREE agreed", "CHN>RUS 031 AGREE agreed")
	f("Xi urged Putin to end the war.", "CHNGOV>RUSGOV 020 REQUEST urged")
	f("Iran could attack Israel.", "IRN>ISR 180 ASSAULT attack hypo")
	f("Biden will visit Kyiv next week.", "USAGOV>UKR 036 AGREE visit")
	f("The weather was fine and markets rose.")
	f("The minister said the \u201cWest\u201d had failed.")
	f("Kyiv was shelled overnight.")
	f("Rebels claimed responsibility for an attack in Kyiv.", "REB>UKR 015  claimed")
	f("Evidence against Iran was presented by France.", "FRA>IRN 112 ACCUSE presented")
	f("Israel said it would not give permission to Iran.", "ISR>IRN 124 REJECT give")
	f("Putin is scheduled to give a speech and meet with Xi.", "RUSGOV>CHNGOV 040 CONSULT meet")
	f("France advised against travel to Iran.", "FRA>IRN 160 SANCTION advised")
	f("Ukraine killed ten Russian troops.", "UKR>RUSMIL 190 ASSAULT killed")
	f("Russian troops, advancing from the north, have attacked Kyiv.", "RUSMIL>UKR 190 ASSAULT attacked")
	f("Israel said it would blockade Iran.", "ISR>IRN 133 THREATEN blockade")
	f("Iran established diplomatic relations with Israel.", "IRN>ISR 057 SUPPORT established")
	f("Iran signed a pact with Russia.", "IRN>RUS 057 SUPPORT signed")
	f("There were ten protesters arrested by police.", "COP>PRT 173 COERCE arrested")
	f("Russian shelling in the east of Ukraine went on.", "RUS>UKR 194 ASSAULT shelling")
	f("Israel freed 150 Russian prisoners on Friday.", "ISR>RUS 0841 RETREAT freed")
	f("Xi said the invitation for Putin to visit China stands.", "RUSGOV>CHN 042 CONSULT visit hypo")
	f("Iran is committed to holding talks with France.", "IRN>- 030 AGREE committed")
	f("Russian troops retook the village after fierce fighting with rebels.", "RUSMIL>REB 190 ASSAULT fighting")
}

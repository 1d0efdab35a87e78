package event_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// TestQuoteActs: a quotation the quote stage attributes to a speaker gives
// the accusation, demand or threat its content makes, from the speaker,
// one record per act and target however many sentences tell it, with the
// quotation as the trigger. The texts are written for this test.
func TestQuoteActs(t *testing.T) {
	f := func(body string, want ...string) {
		t.Helper()
		d := annotatedText(t, body, "2024-03-05")
		var got []string
		for _, e := range d.Events {
			tr := d.Slice(e.Trigger)
			if !strings.ContainsAny(tr[:1], "\"“") {
				continue // the coder's own events
			}
			got = append(got, fmt.Sprintf("%s %s %s %d", dyad(e), e.CAMEO, e.Mode, strings.Count(tr, ".")+1))
		}
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("%s\n got: %q\nwant: %q", body, got, want)
		}
	}
	// A label and a threat of retribution, aimed where the framing says.
	f(`"They are liars and they must pay," said Foreign Minister Lavrov of the Ukrainian leadership.`,
		"RUSGOV>UKRGOV 111 asserted 1", "RUSGOV>UKRGOV 130 asserted 1")
	// Three sentences, three acts, one record each: a wrongdoing, a demand
	// of withdrawal of the party a pronoun stands for, and a threat of force
	// at the same party.
	f(`"Kyiv has betrayed every agreement. It must withdraw its troops from the border. Otherwise we will respond with force," Lavrov told reporters.`,
		"RUSGOV>UKRGOV 112 asserted 3", "RUSGOV>UKRGOV 106 asserted 3", "RUSGOV>UKRGOV 138 asserted 3")
	// Two sentences of one accusation: one record.
	f(`"Beijing lied to the world. Beijing violated every promise," Blinken said.`, "USAGOV>CHNGOV 112 asserted 2")
	// What the speaker's own side must do demands nothing of anyone; a
	// question and a report of fact accuse nobody.
	f(`"We must protect our people," Lavrov said.`)
	f(`"Why should we trust Kyiv?" Lavrov asked.`)
	f(`"Our talks with Beijing were constructive," Blinken said.`)
	// Not hesitating to act threatens it.
	f(`"We will not hesitate to strike Kyiv," Lavrov said.`, "RUSGOV>UKRGOV 138 asserted 1")
	// A denied wrongdoing is no accusation.
	f(`"Kyiv has not violated the agreement," Blinken said.`)

	// The coder's own threat from the speaker, found without a target,
	// takes the one the quotation names: one record, not two.
	d := text.NewDocument("q", "", `"We will bomb Kyiv," Lavrov said.`)
	d.Published = "2024-03-05"
	annotate(t, d)
	var got []string
	for _, e := range d.Events {
		if strings.HasPrefix(e.CAMEO, "13") && e.Target != nil {
			got = append(got, e.Source.Code+">"+e.Target.Code)
		}
	}
	if strings.Join(got, " ") != "RUSGOV>UKRGOV" {
		t.Errorf("threat with the quotation's target: %q, want one RUSGOV>UKRGOV", got)
	}
}

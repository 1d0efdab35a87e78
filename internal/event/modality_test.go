package event

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// TestMode: every event says how it is told: as fact, denied, possible,
// asked of someone, or intended.
func TestMode(t *testing.T) {
	c := fixtureCoder(t)
	for _, tc := range []struct{ in, trigger, want string }{
		{"Russian troops attacked Kyiv on Monday.", "attacked", text.ModeAsserted},
		{"Beijing has not supported the Russian operation.", "supported", text.ModeNegated},
		{"Iran could attack Israel.", "attack", text.ModeHypothetical},
		{"Kyiv urged Washington to sanction Moscow.", "sanction", text.ModeRequested},
		{"Kyiv urged Washington to sanction Moscow.", "urged", text.ModeAsserted},
		{"Putin vowed to attack Ukraine.", "attack", text.ModeIntended},
		// The object of a verb of its own is taken as fact; of a light
		// verb, it shares the verb's modality.
		{"China has never condemned Russia's invasion of Ukraine.", "invasion", text.ModeAsserted},
		{"China has never condemned Russia's invasion of Ukraine.", "condemned", text.ModeNegated},
		{"Russia did not launch an invasion of Ukraine.", "invasion", text.ModeNegated},
		// What an accusation says was done is not told as fact.
		{"Moscow claimed that Kyiv had agreed to the ceasefire.", "agreed", text.ModeHypothetical},
		// Nor what a question asks.
		{"Why did Russian troops attack Kyiv?", "attack", text.ModeHypothetical},
		// Nor what is weighed.
		{"Washington is hinting at lifting its sanctions on Russia.", "lifting", text.ModeHypothetical},
	} {
		d, err := runFixture(c, tc.in)
		if err != nil {
			t.Fatal(err)
		}
		got := "no event"
		for _, e := range d.Events {
			if d.Slice(e.Trigger) == tc.trigger {
				got = e.Mode
			}
		}
		if got != tc.want {
			t.Errorf("%s %q: mode %q, want %q", tc.in, tc.trigger, got, tc.want)
		}
	}
}

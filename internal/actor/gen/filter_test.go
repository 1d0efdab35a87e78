package main

import (
	"strings"
	"testing"
)

func TestPersonName(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		got, ok := personName(in)
		if !ok {
			got = "-"
		}
		if got != want {
			t.Errorf("personName(%q) = %q, want %q", in, got, want)
		}
	}
	f("VLADIMIR_PUTIN_", "Vladimir Putin")
	f("BASHAR_AL-ASSAD_", "Bashar al-Assad")
	f("MOHAMED_BIN_SALMAN", "Mohamed bin Salman")
	f("RICK_VAN_RAVENSWAAY", "Rick van Ravenswaay")
	f("DARA_O'BRIEN_", "Dara O'Brien")
	f("PRESIDENT_PUTIN_", "-") // a title
	f("MR._OBAMA_", "-")
	f("PUTIN_", "-") // one word: no lone names
	f("US_PRESIDENT_BARACK_OBAMA", "-")
	f("PRESIDENT-ELECT_OBAMA", "-")
	f("GROUP_7_LEADER", "-")
}

func TestOrgName(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		got, ok := orgName(in)
		if !ok {
			got = "-"
		}
		if got != want {
			t.Errorf("orgName(%q) = %q, want %q", in, got, want)
		}
	}
	f("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_", "Aden Abyan Islamic Army")
	f("KURDISTAN_FREEDOM_HAWKS", "Kurdistan Freedom Hawks")
	f("SINALOA_CARTEL", "-") // two words, no keyword
	f("ANGRY_BRIGADE_", "Angry Brigade")
	f("INTERNATIONAL_SOLIDARITY", "-") // only words every country's groups share
	f("GREEN_PARTY", "-")
	f("NATIONAL_LIBERATION_FRONT", "-")
	f("ABU_ABDULLAH", "-") // two words, no keyword: as often a person
	f("ANARCHISTS", "-")   // one word
	f("(IAA)", "-")
	f("GROUP_OF_77", "-")
}

func TestAgentNoun(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		got, ok := agentNoun(in)
		if !ok {
			got = "-"
		}
		if got != want {
			t.Errorf("agentNoun(%q) = %q, want %q", in, got, want)
		}
	}
	f("CATTLE_RANCHER", "cattle rancher")
	f("SMUGGLERS", "smugglers")
	f("DRUG_GANG", "drug gang")
	f("MINISTRY OF_FINANCE", "-") // the head is not last: "ministry of finance"
	f("ISLAMIC", "-")             // an adjective
	f("INTELLIGENCE", "-")        // an abstraction
	f("SETTLEMENT", "-")
	f("CARGO_SHIP", "-")
	f("PÃŠBLICAS", "-")
	f("MOB", "-") // too short alone
}

func TestPlural(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
	f("rancher", "ranchers")
	f("cattleman", "cattlemen")
	f("militia", "militias")
	f("deputy", "deputies")
	f("smugglers", "")
	f("riot police", "")
	f("ministry of finance", "")
}

func TestDates(t *testing.T) {
	f := func(in, start, end string, ok bool) {
		t.Helper()
		s, e, k := dates(in)
		if k != ok || ok && (s != start || e != end) {
			t.Errorf("dates(%q) = %q %q %v, want %q %q %v", in, s, e, k, start, end, ok)
		}
	}
	f("991231-080507", "1999-12-31", "2008-05-07", true)
	f(">080508", "2008-05-08", horizon, true)
	f("<061231", "-", "2006-12-31", true)
	f("19060101-410120", "1906-01-01", "1941-01-20", true)
	f("2004017-20061201", "", "", false)
	f("080507-991231", "", "", false) // ends before it starts
}

func TestFullerName(t *testing.T) {
	g := &generator{handWords: map[string][][]string{}}
	for _, n := range []string{"William Hague", "Kim Jong Il", "Ahmed Aboul Gheit"} {
		ws := strings.Fields(foldKey(n))
		k := ws[0] + " " + ws[len(ws)-1]
		g.handWords[k] = append(g.handWords[k], ws)
	}
	f := func(name string, want bool) {
		t.Helper()
		if got := g.fullerName(name); got != want {
			t.Errorf("fullerName(%q) = %v, want %v", name, got, want)
		}
	}
	f("William Jefferson Hague", true)
	f("Ahmed Ali Aboul Gheit", true)
	f("Kim Il", false)      // another man
	f("Kim Yong Il", false) // another man
	f("William Hague", false)
}

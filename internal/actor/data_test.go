package actor

import "testing"

// TestDataHygiene checks the shipped people: every person has a role, roles
// are listed most recent first, names are unique, and codes are known.
func TestDataHygiene(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := r.Dictionary()
	names := map[string]bool{}
	qids := map[string]string{}
	for _, p := range d.People {
		if names[p.Name] {
			t.Errorf("%s listed twice", p.Name)
		}
		names[p.Name] = true
		if p.Wikidata != "" {
			if o, dup := qids[p.Wikidata]; dup {
				t.Errorf("%s and %s share %s", o, p.Name, p.Wikidata)
			}
			qids[p.Wikidata] = p.Name
		}
		if len(p.Roles) == 0 {
			t.Errorf("%s has no role", p.Name)
		}
		for i, ro := range p.Roles {
			if ro.Country == "" && len(ro.Code) < 4 {
				t.Errorf("%s: role code %q is neither a country nor an organisation", p.Name, ro.Code)
			}
			if i > 0 && ro.Start > p.Roles[i-1].Start && p.Roles[i-1].Start != "" {
				t.Errorf("%s: role %q (from %s) listed after a later one", p.Name, ro.Title, ro.Start)
			}
		}
	}
	codes := map[string]bool{}
	for _, o := range d.Orgs {
		codes[o.Code] = true
	}
	for _, p := range d.People {
		for _, ro := range p.Roles {
			if ro.Country == "" && !codes[ro.Code] {
				t.Errorf("%s: organisation code %s is not in orgs.txt", p.Name, ro.Code)
			}
		}
	}
	t.Logf("%d people, %d with a Wikidata id", len(d.People), len(qids))
}

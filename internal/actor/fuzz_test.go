package actor

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// FuzzParse feeds arbitrary lines to every dictionary file parser: errors
// are fine, panics are not.
func FuzzParse(f *testing.F) {
	f.Add("RUS RU | Russia; Russian Federation | Russian | Moscow; Pentagon=MIL")
	f.Add("IGOUNO IGO | United Nations; UN")
	f.Add("MIL | troops; soldiers=Soldier")
	f.Add("Vladimir Putin | Putin | m | Q7747\n\tRUS GOV 2012-05-07 - President")
	f.Add("A | - | - |\n\tX Y 2000-01 2001 T")
	f.Fuzz(func(t *testing.T, s string) {
		d := newDictionary()
		d.parseCountry("RUS RU | Russia | Russian | Moscow")
		_ = readLines(strings.NewReader(s), "countries.txt", d.parseCountry)
		_ = readLines(strings.NewReader(s), "orgs.txt", d.parseOrg)
		_ = readLines(strings.NewReader(s), "agents.txt", func(l string) error { return d.parseGroup(l, kindAgent) })
		_ = readLines(strings.NewReader(s), "titles.txt", func(l string) error { return d.parseGroup(l, kindTitle) })
		_ = readLines(strings.NewReader(s), "people.txt", d.parsePersonLine)
		d.finish()
		for i := range d.People {
			d.personActor(int32(i), "2020-01-01")
			d.personActor(int32(i), "")
		}
		d.Lookup(s, "2020-01-01")
	})
}

// FuzzAnnotate runs the resolver over arbitrary text with dictionary
// entities only: no panic, every span inside the text, entity indexes valid.
func FuzzAnnotate(f *testing.F) {
	f.Add("MOSCOW (AA) – Russian President Vladimir Putin met Wang Yi. “We agree,” he said.")
	f.Add("The minister said police detained protesters. They fled to Kyiv and the West.")
	f.Add("Her his him they “ ” \" ' ’s the the The")
	r, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := text.NewDocument("f", "", s)
		d.Published = "2023-02-22"
		if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
			return
		}
		if err := r.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, e := range d.Entities {
			if e.Start < 0 || e.End > len(s) || e.Start >= e.End {
				t.Fatalf("entity span %v outside text of %d bytes", e.Span, len(s))
			}
		}
		for _, m := range d.Mentions {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("mention span %v outside text of %d bytes", m.Span, len(s))
			}
			if m.Entity >= len(d.Entities) || m.Entity < -1 {
				t.Fatalf("mention entity %d of %d", m.Entity, len(d.Entities))
			}
			r.Resolve(d, m.Span)
		}
		r.Resolve(d, text.Span{Start: 0, End: len(s)})
	})
}

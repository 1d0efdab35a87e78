package event_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/event"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/text"
)

// annotate runs the default pipeline and then the event coder (once, even
// when the default pipeline already has it).
func annotate(t testing.TB, d *text.Document) {
	t.Helper()
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, err := event.Default()
	if err != nil {
		t.Fatal(err)
	}
	var stages []pipeline.Annotator
	for _, s := range p.Stages() {
		if s.Name() != c.Name() {
			stages = append(stages, s)
		}
	}
	if err := pipeline.New(append(stages, c)...).Run(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

func line(d *text.Document, e text.Event) string {
	tgt, tc := "-", ""
	if e.Target != nil {
		tgt, tc = e.Target.Code, e.Target.Country
	}
	s := fmt.Sprintf("%s(%s)>%s(%s) %s %s %q date=%s", e.Source.Code, e.Source.Country, tgt, tc, e.CAMEO, e.PLOVER, d.Slice(e.Trigger), e.Date)
	if e.Place != nil {
		s += " place=" + e.Place.Name
	}
	if e.Negated {
		s += " neg"
	}
	if e.Hypothetical {
		s += " hypo"
	}
	if e.Future {
		s += " fut"
	}
	return s
}

func TestSeed(t *testing.T) {
	path := devdata.File(t, "seed/seed-article.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var in struct{ Title, Text string }
	if err := json.Unmarshal(raw, &in); err != nil {
		t.Fatal(err)
	}
	d := text.NewDocument("seed", in.Title, in.Text)
	d.Published = "2023-02-22"
	annotate(t, d)
	var lines []string
	for _, e := range d.Events {
		lines = append(lines, line(d, e))
	}
	t.Logf("events:\n%s", strings.Join(lines, "\n"))

	country := func(a *text.EventActor) string {
		if a == nil {
			return ""
		}
		if a.Country != "" {
			return a.Country
		}
		if len(a.Code) >= 3 {
			return a.Code[:3]
		}
		return a.Code
	}
	type want struct {
		name          string
		src, tgt      string // countries; "" = any
		cameo, plover string // prefixes
		neg           bool
		date, place   string
		trigger       string
	}
	f := func(w want) {
		t.Helper()
		for _, e := range d.Events {
			if w.src != "" && country(&e.Source) != w.src || w.tgt != "" && country(e.Target) != w.tgt {
				continue
			}
			if !strings.HasPrefix(e.CAMEO, w.cameo) || !strings.HasPrefix(e.PLOVER, w.plover) || e.Negated != w.neg {
				continue
			}
			// Places need the geo stage; without it the place is not checked.
			if w.date != "" && e.Date != w.date || w.place != "" && len(d.Places) > 0 && (e.Place == nil || e.Place.Name != w.place) {
				continue
			}
			if w.trigger != "" && d.Slice(e.Trigger) != w.trigger {
				continue
			}
			return
		}
		t.Errorf("missing: %s", w.name)
	}
	f(want{name: "RUS-CHN meeting in Moscow on 2023-02-22", src: "RUS", tgt: "CHN", cameo: "04", plover: "CONSULT", date: "2023-02-22", place: "Moscow"})
	f(want{name: "Wang urges Putin", src: "CHN", tgt: "RUS", cameo: "02", plover: "REQUEST"})
	f(want{name: "Russia and China set a goal (RUS>CHN)", src: "RUS", tgt: "CHN", trigger: "set"})
	f(want{name: "Russia and China set a goal (CHN>RUS)", src: "CHN", tgt: "RUS", trigger: "set"})
	f(want{name: "Wang meets Lavrov", src: "CHN", tgt: "RUS", cameo: "04", plover: "CONSULT", trigger: "met"})
	f(want{name: "CHN condemns the West's sanctions", src: "CHN", cameo: "111", plover: "ACCUSE"})
	f(want{name: "the West sanctions RUS", tgt: "RUS", cameo: "163", plover: "SANCTION"})
	f(want{name: "Russia's war on Ukraine", src: "RUS", tgt: "UKR", cameo: "19", plover: "ASSAULT", date: "2022-02-24"})
	f(want{name: "Beijing not supporting the operation", src: "CHN", neg: true, trigger: "supported"})
	f(want{name: "the invitation for him (Xi) to visit Russia", src: "CHN", tgt: "RUS", cameo: "042", trigger: "visit"})
	for _, e := range d.Events {
		if e.Source.Code == "" {
			t.Errorf("event without a source code: %s", line(d, e))
		}
	}
	for _, e := range d.Events {
		for _, a := range []*text.EventActor{&e.Source, e.Target} {
			if a == nil || a.End == 0 {
				continue
			}
			s := d.Slice(a.Span)
			if strings.ContainsAny(s, "“”\"") {
				t.Errorf("quoted phrase as actor: %q in %s", s, line(d, e))
			}
		}
	}
}

// TestPipelineSenses: senses that need the whole pipeline (entities and
// actors): leaving an international body is reducing relations (161),
// not a retreat of forces; one named person "still fighting", with
// nobody fought, is a figure of speech.
func TestPipelineSenses(t *testing.T) {
	f := func(body string, want ...string) {
		t.Helper()
		d := annotatedText(t, body, "2025-03-01")
		var got []string
		for _, e := range d.Events {
			got = append(got, dyad(e)+" "+e.CAMEO)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s\n got: %q\nwant: %q", body, got, want)
		}
	}
	f("Mali, Burkina Faso and Niger withdrew from ECOWAS in January.", "MLI>IGOWAFWAS 161", "BFA>IGOWAFWAS 161", "NER>IGOWAFWAS 161")
	f("Alexei Navalny was still fighting, his wife said.")
	// A finite verb the parse joined to a participle modifier ("lives
	// lost and urged") shares the clause's subject.
	f("A U.S. State Department spokesperson expressed sorrow over lives lost and urged the Haitian government to address security failures.",
		"USAGOV>- 018", "USAGOV>HTIGOV 020")
	// A list of nationalities on one noun is one actor each; two on one
	// person are one person.
	f("Russian and Chinese troops attacked Kyiv.", "RUSMIL>UKRGOV 190", "CHNMIL>UKRGOV 190")
	f("An Iranian American journalist criticized Tehran.", "USAMED>IRNGOV 110")
	// A blast set off near a thing of a sector is aimed at that sector.
	f("QUETTA, Pakistan - A suicide bomber detonated explosives near a police station on Monday.", "PAKREB>COP 183")
}

// dyad writes an event's source and target codes as "SRC>TGT" ("-" for no
// target).
func dyad(e text.Event) string {
	tgt := "-"
	if e.Target != nil {
		tgt = e.Target.Code
	}
	return e.Source.Code + ">" + tgt
}

// annotatedText runs the pipeline over body published on date.
func annotatedText(t testing.TB, body, date string) *text.Document {
	t.Helper()
	d := text.NewDocument("t", "", body)
	d.Published = date
	annotate(t, d)
	return d
}

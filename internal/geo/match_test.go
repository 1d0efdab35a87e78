package geo

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// annotate runs the annotator alone (gazetteer only) over body.
func annotate(t testing.TB, body string, ents ...text.Entity) *text.Document {
	t.Helper()
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := text.NewDocument("t", "", body)
	d.Tokens = text.Tokenize(nil, d.Text)
	d.Sentences = text.Split(nil, d.Text, d.Tokens)
	d.Entities = ents
	if err := a.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// places formats d.Places as "text=CC" separated by spaces.
func places(d *text.Document) string {
	var parts []string
	for _, p := range d.Places {
		parts = append(parts, d.Slice(p.Span)+"="+p.Country)
	}
	return strings.Join(parts, " ")
}

func TestRecognition(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		if got := places(annotate(t, in)); got != want {
			t.Errorf("%q\n got  %s\n want %s", in, got, want)
		}
	}
	f("Talks were held in Moscow on Monday.", "Moscow=RUS")
	f("Russia-China ties are important.", "Russia=RUS China=CHN")
	f("Officials in Houston said the plant would reopen.", "Houston=USA")
	f("The firm paid US$5 million in fines.", "")
	f("Best results came from the new method.", "")
	f("Split the difference, he said.", "")
	f("Mr. Jackson said he would resign.", "")
	f("The West Nile virus spread quickly.", "")
	f("Reading the report, the minister frowned.", "")
	f("The storm hit Paris, Texas, on Friday.", "Paris=USA Texas=USA")
	f("He lives in Buffalo, N.Y., with his family.", "Buffalo=USA N.Y.=USA")
	f("Fighting continued in the Gaza Strip and the West Bank.", "Gaza Strip=PSE West Bank=PSE")
	f("The collapse of the Soviet Union changed Europe.", "Soviet Union=SUN Europe=")
	f("Georgia and Armenia signed a deal in Tbilisi.", "Georgia=GEO Armenia=ARM Tbilisi=GEO")
	f("Georgia, Alabama and Tennessee were hit by tornadoes near Atlanta.", "Georgia=USA Alabama=USA Tennessee=USA Atlanta=USA")
}

func TestTaggerEntities(t *testing.T) {
	body := "Jordan Peterson spoke in Jordan on Monday."
	per := text.Entity{Span: text.Span{Start: 0, End: 15}, Type: record.PER, Origin: "ner"}
	d := annotate(t, body, per)
	if got := places(d); got != "Jordan=JOR" || d.Places[0].Start != 25 {
		t.Errorf("got %s at %v, want the second Jordan only", got, d.Places)
	}
	// The stage leaves the entities alone (the actor stage is their one
	// writer); every place is a LOC entity of the record all the same.
	if len(d.Entities) != 1 {
		t.Errorf("geo wrote the entities: %+v", d.Entities)
	}
	n := 0
	for _, e := range d.Record().Entities {
		if e.Type == record.LOC && e.Text == "Jordan" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d LOC entities Jordan in the record, want 1: %+v", n, d.Record().Entities)
	}
}

func TestDateline(t *testing.T) {
	f := func(title, body, want string) {
		t.Helper()
		a, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := text.NewDocument("t", title, body)
		if err := a.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		got := ""
		if d.Dateline != nil {
			got = d.Slice(*d.Dateline)
		}
		if got != want {
			t.Errorf("dateline of %q = %q, want %q", body, got, want)
		}
	}
	f("Talks end", "MOSCOW (AA) – Talks ended on Monday.", "MOSCOW")
	f("", "NAIROBI, Kenya (AP) _ Rains fell.", "NAIROBI")
	f("", "Talks in Moscow ended on Monday.", "")
}

func TestDemonymIsNotAPlace(t *testing.T) {
	if got := places(annotate(t, "Russian troops crossed the border.")); got != "" {
		t.Errorf("got %q, want no place", got)
	}
}

func TestResolution(t *testing.T) {
	f := func(url, in, want string) {
		t.Helper()
		a, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		d := text.NewDocument("t", "", in)
		d.URL = url
		if err := a.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, p := range d.Places {
			parts = append(parts, d.Slice(p.Span)+"="+p.Country+"/"+p.Feature)
		}
		if got := strings.Join(parts, " "); got != want {
			t.Errorf("%q\n got  %s\n want %s", in, got, want)
		}
	}
	f("", "Snow closed schools in Moscow, Idaho, on Monday.", "Moscow=USA/PPLA2 Idaho=USA/ADM1")
	f("", "Snow closed schools in Moscow on Monday.", "Moscow=RUS/PPLC")
	f("https://www.stuff.co.nz/news/1", "Police in Hamilton said the road was closed.", "Hamilton=NZL/PPLA")
	f("https://www.cbc.ca/news/1", "Police in Hamilton said the road was closed.", "Hamilton=CAN/PPL")
	f("", "Protests spread from Cairo to Alexandria.", "Cairo=EGY/PPLC Alexandria=EGY/PPLA")
	f("", "Flooding hit Alexandria, Virginia, and Richmond.", "Alexandria=USA/PPLA2 Virginia=USA/ADM1 Richmond=USA/PPLA")
}

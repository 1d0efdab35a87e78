package ner

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/text"
)

// tagText runs the segmenter and the default tagger over s.
func tagText(t testing.TB, s string) *text.Document {
	t.Helper()
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d := text.NewDocument("t", "", s)
	if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := tg.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// entityString renders the entities of d as "Type:text|Type:text".
func entityString(d *text.Document) string {
	var b strings.Builder
	for i, e := range d.Entities {
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(e.Type + ":" + d.Slice(e.Span))
	}
	return b.String()
}

func TestTaggerSentences(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		if got := entityString(tagText(t, in)); got != want {
			t.Errorf("%q:\n got %s\nwant %s", in, got, want)
		}
	}
	f("German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday.",
		"NORP:German|PER:Olaf Scholz|NORP:French|PER:Emmanuel Macron|LOC:Paris")
	f("The United Nations Security Council will meet in New York.",
		"ORG:United Nations Security Council|LOC:New York")
	f("Mr. Blair's office said Britain would send troops.",
		"PER:Blair|LOC:Britain")
	// Datelines: the capitals before the agency or date are a place; a
	// section label before a dash is not.
	f("NAIROBI (Reuters) - Kenya's parliament met on Monday.",
		"LOC:NAIROBI|ORG:Reuters|LOC:Kenya")
	f("BRUSSELS 1996-08-22\nThe talks ended.", "LOC:BRUSSELS")
	f("Maria Lopez\nKANDY , Sri Lanka 2024-03-11\nRain stopped play.", "PER:Maria Lopez|LOC:KANDY|LOC:Sri Lanka")
	// A score never ends a name.
	f("Brazil beat Chile 3-1 in Santiago.", "LOC:Brazil|LOC:Chile|LOC:Santiago")
}

func TestIsNumberRange(t *testing.T) {
	for w, want := range map[string]bool{"3-1": true, "1996-08-22": true, "6–4": true, "2-0-1": true,
		"F-16": false, "737": false, "-3": false, "3-": true, "Chile": false} {
		if got := isNumberRange(w); got != want {
			t.Errorf("isNumberRange(%q) = %v", w, got)
		}
	}
}

func TestTaggerSeed(t *testing.T) {
	path := devdata.File(t, "seed/seed-article.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var a struct{ Title, Text string }
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	d := tagText(t, a.Title+"\n\n"+a.Text)
	got := map[string]string{}
	for _, e := range d.Entities {
		got[d.Slice(e.Span)] = e.Type
	}
	t.Logf("entities: %s", entityString(d))
	for name, typ := range map[string]string{
		"Vladimir Putin": "PER", "Wang Yi": "PER", "Wang": "PER", "Xi Jinping": "PER", "Sergey Lavrov": "PER",
		"Moscow": "LOC", "Beijing": "LOC", "China": "LOC", "Russia": "LOC", "Ukraine": "LOC",
		"Putin": "PER", "Russian": "NORP", "Chinese": "NORP",
	} {
		if got[name] != typ {
			t.Errorf("%s: got %q, want %s", name, got[name], typ)
		}
	}
	for _, name := range []string{"AA", "Anadolu Agency"} {
		if got[name] == "PER" {
			t.Errorf("%s tagged PER", name)
		}
	}
}

// TestHyphenated checks the entities inside hyphenated words.
func TestHyphenated(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		if got := entityString(tagText(t, in)); got != want {
			t.Errorf("%q:\n got %s\nwant %s", in, got, want)
		}
	}
	f("The Russia-China summit ended on Tuesday.", "LOC:Russia|LOC:China")
	f("He praised Russian-Chinese relations.", "NORP:Russian|NORP:Chinese")
	f("Troops crossed into Bosnia-Herzegovina.", "LOC:Bosnia-Herzegovina")
	// A name after a prefix is a modifier, not a mention.
	f("The pro-Beijing camp won six seats.", "")
	f("Thousands joined an anti-NATO rally in Athens.", "LOC:Athens")
	f("Anti-NATO protesters marched in Athens.", "LOC:Athens")
}

// TestModelRoundTrip writes the default model and reads it back.
func TestModelRoundTrip(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf, 0); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m2.Features() != m.Features() || len(m2.clusters) != len(m.clusters) {
		t.Fatalf("round trip: %d features %d clusters, want %d %d", m2.Features(), len(m2.clusters), m.Features(), len(m.clusters))
	}
	if _, err := ReadModel(strings.NewReader("not a model")); !errors.Is(err, ErrModel) {
		t.Fatalf("bad model: got %v, want ErrModel", err)
	}
}

// TestAnnotateNoPanic runs the tagger over odd input.
func TestAnnotateNoPanic(t *testing.T) {
	for _, s := range []string{"", "-", "A-", "-B", "X-Y-Z", "’s", "Mr.", "THE UNITED NATIONS SAID", "a\n\n\nb", strings.Repeat("Ab-Cd ", 500),
		// The document-level rules on sub-token names at the very start.
		"Russia-Belgium ended 1 – 0: a goal, a penalty, the referee, the coach, the striker, the match.",
		"Russia-China University of Oxford Spokesperson Museum of Flight", "Bank-of the South"} {
		tagText(t, s)
	}
}

// TestConcurrent tags documents from several goroutines with one tagger.
func TestConcurrent(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := entityString(tagText(t, "Chancellor Olaf Scholz met Emmanuel Macron in Paris. Scholz said Germany would help."))
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			d := text.NewDocument("c", "", "Chancellor Olaf Scholz met Emmanuel Macron in Paris. Scholz said Germany would help.")
			_ = (text.Segmenter{}).Annotate(context.Background(), d)
			if err := tg.Annotate(context.Background(), d); err != nil {
				errs <- err.Error()
				return
			}
			errs <- entityString(d)
		}()
	}
	for g := 0; g < 8; g++ {
		if got := <-errs; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}

package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/text"
)

// fixedNER is a NERSystem that returns given entities.
type fixedNER []NEREntity

func (fixedNER) Name() string { return "fixed" }
func (f fixedNER) Entities(context.Context, *NERDoc) ([]NEREntity, error) {
	return f, nil
}

func TestReadNERJSONLCodePoints(t *testing.T) {
	// "Zürich" has a two-byte rune: code-point offsets must become bytes.
	docs, err := ReadNERJSONL(strings.NewReader(`{"id":"a","text":"In Zürich, Anna Weber spoke.","entities":[{"start":3,"end":9,"type":"LOC"},{"start":11,"end":21,"type":"PER"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	got := []string{d.Text[d.Entities[0].Start:d.Entities[0].End], d.Text[d.Entities[1].Start:d.Entities[1].End]}
	if got[0] != "Zürich" || got[1] != "Anna Weber" {
		t.Fatalf("got %q", got)
	}
	if _, err := ReadNERJSONL(strings.NewReader(`{"id":"b","text":"ab","entities":[{"start":1,"end":5,"type":"LOC"}]}`)); err == nil {
		t.Fatal("entity outside the text: no error")
	}
}

func TestScoreNER(t *testing.T) {
	doc := NERDoc{ID: "d", Text: "Anna Weber met Paul in Bern and Basel.", Entities: []NEREntity{
		{text.Span{Start: 0, End: 10}, "PER"},
		{text.Span{Start: 15, End: 19}, "PER"},
		{text.Span{Start: 23, End: 27}, "LOC"},
		{text.Span{Start: 32, End: 37}, "LOC"},
		{text.Span{Start: 32, End: 37}, "MISC"}, // not scored
	}}
	sys := fixedNER{
		{text.Span{Start: 0, End: 10}, "PER"},  // tp
		{text.Span{Start: 15, End: 19}, "ORG"}, // fp ORG, fn PER
		{text.Span{Start: 23, End: 27}, "LOC"}, // tp
		{text.Span{Start: 0, End: 4}, "NORP"},  // fp NORP, not overall
	}
	s, err := ScoreNER(context.Background(), sys, []NERDoc{doc})
	if err != nil {
		t.Fatal(err)
	}
	want := PRF{TP: 2, FP: 1, FN: 2}
	if s.Overall != want {
		t.Fatalf("overall %+v, want %+v", s.Overall, want)
	}
	if s.ByType["NORP"].FP != 1 || s.ByType["PER"].FN != 1 || s.ByType["ORG"].FP != 1 {
		t.Fatalf("by type: PER %+v ORG %+v NORP %+v", *s.ByType["PER"], *s.ByType["ORG"], *s.ByType["NORP"])
	}
	// Every error is listed once, predictions first, with its context.
	var b strings.Builder
	s.WriteMisses(&b)
	want2 := "FP\tORG\td\tPaul\tAnna Weber met [Paul] in Bern and Basel.\n" +
		"FP\tNORP\td\tAnna\t[Anna] Weber met Paul in Bern and Basel.\n" +
		"FN\tPER\td\tPaul\tAnna Weber met [Paul] in Bern and Basel.\n" +
		"FN\tLOC\td\tBasel\tAnna Weber met Paul in Bern and [Basel].\n"
	if got := b.String(); got != want2 {
		t.Fatalf("misses:\n%s\nwant:\n%s", got, want2)
	}
}

func TestNERDocsFromSentences(t *testing.T) {
	sents, err := ner.ReadCoNLL(strings.NewReader("President\tNNP\tB-per\nBush\tNNP\tI-per\nvisited\tVBD\tO\nIraq\tNNP\tB-geo\n"))
	if err != nil {
		t.Fatal(err)
	}
	docs := NERDocsFromSentences(sents)
	d := docs[0]
	if d.Text != "President Bush visited Iraq" || len(d.Entities) != 2 {
		t.Fatalf("got %q %+v", d.Text, d.Entities)
	}
	if got := d.Text[d.Entities[0].Start:d.Entities[0].End]; got != "Bush" {
		t.Fatalf("PER span %q", got)
	}
}

func TestNERDocsFromMarkedDocuments(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nSPAIN\tB-LOC\nWIN\tO\n\nSpain\tB-LOC\nbeat\tO\nItaly\tB-LOC\n.\tO\n\n" +
		"-DOCSTART- -X- -X- O\n\nClinton\tB-PER\nspoke\tO\n"
	sents, err := ner.ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	docs := NERDocsFromSentences(sents)
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	if d := docs[0]; d.Text != "SPAIN WIN\nSpain beat Italy ." || len(d.Sentences) != 2 || len(d.Entities) != 3 {
		t.Fatalf("first document %q, %d sentences, %d entities", d.Text, len(d.Sentences), len(d.Entities))
	}
	if d := docs[1]; d.Text != "Clinton spoke" || d.Sentences[0] != [2]int{0, 2} {
		t.Fatalf("second document %q %v", d.Text, d.Sentences)
	}
}

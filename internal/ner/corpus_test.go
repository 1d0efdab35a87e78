package ner

import (
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		sents, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, s := range sents {
			for _, e := range s.Entities() {
				parts = append(parts, e.Type+":"+strings.Join(s.Words[e.Start:e.End], " "))
			}
		}
		if got := strings.Join(parts, "|"); got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
	// GMB: titles out of PER, gpe by POS, tim dropped.
	f("President\tNNP\tB-per\nBush\tNNP\tI-per\nmet\tVBD\tO\nIraqi\tJJ\tB-gpe\nleaders\tNNS\tO\nin\tIN\tO\nIraq\tNNP\tB-gpe\non\tIN\tO\nMonday\tNNP\tB-tim\n",
		"PER:Bush|NORP:Iraqi|LOC:Iraq")
	// Possessive splits; leading "the" dropped; a PER of titles only dropped.
	f("the\tDT\tB-org\nLord\tNNP\tI-org\n's\tPOS\tI-org\nResistance\tNNP\tI-org\nArmy\tNNP\tI-org\n\nMr.\tNNP\tB-per\n",
		"ORG:Lord|ORG:Resistance Army")
	// CoNLL-2003 IOB1 with four columns.
	f("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\nJohn NNP I-NP I-PER\nSmith NNP I-NP I-PER\n",
		"ORG:EU|PER:John Smith")
	if _, err := ReadCoNLL(strings.NewReader("one-column\n")); err == nil {
		t.Error("one column: no error")
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("President\tNNP\tB-per\nBush\tNNP\tI-per\n\nthe\tDT\tI-org\n's\tPOS\tI-org\n")
	f.Add("a b c I-PER\n-DOCSTART-\nx O\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Tags) != len(s.Words) {
				t.Fatalf("%d tags for %d words", len(s.Tags), len(s.Words))
			}
			for _, e := range s.Entities() {
				if e.Start < 0 || e.End > len(s.Words) || e.Start >= e.End {
					t.Fatalf("bad entity %+v", e)
				}
			}
		}
	})
}

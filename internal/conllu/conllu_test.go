package conllu

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

const sample = `# newdoc id = GUM_news_example
# sent_id = s1
# text = Oslo asked Ankara.
1	Oslo	Oslo	PROPN	NNP	_	2	nsubj	_	_
2	asked	ask	VERB	VBD	_	0	root	_	_
3-4	Ankara.	_	_	_	_	_	_	_	_
3	Ankara	Ankara	PROPN	NNP	_	2	obj	_	SpaceAfter=No
3.1	x	x	X	X	_	_	_	_	_
4	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = s2
1	Yes	yes	INTJ	UH	_	0	root	_	_
`

func TestReadWriteRoundTrip(t *testing.T) {
	sents, err := ReadAll(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 || len(sents[0].Words) != 4 || len(sents[1].Words) != 1 {
		t.Fatalf("read %d sentences: %+v", len(sents), sents)
	}
	s := sents[0]
	if s.DocID != "GUM_news_example" || s.ID != "s1" || s.Text != "Oslo asked Ankara." || s.Genre() != "GUM_news" {
		t.Fatalf("comments: %+v genre %q", s, s.Genre())
	}
	if w := s.Words[2]; w.Form != "Ankara" || w.Head != 2 || w.Deprel != "obj" || w.SpaceAfter {
		t.Fatalf("word 3: %+v", w)
	}
	if sents[1].DocID != "GUM_news_example" {
		t.Fatalf("document id not carried: %q", sents[1].DocID)
	}
	var b bytes.Buffer
	w := NewWriter(&b)
	for _, s := range sents {
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	again, err := ReadAll(&b)
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 2 || again[0].Words[2] != sents[0].Words[2] || again[0].Text != sents[0].Text {
		t.Fatalf("round trip changed the sentences: %+v", again)
	}
}

func TestReadErrors(t *testing.T) {
	f := func(in string) {
		t.Helper()
		if _, err := ReadAll(strings.NewReader(in)); !errors.Is(err, ErrFormat) {
			t.Errorf("%q: err %v, want ErrFormat", in, err)
		}
	}
	f("1\tOslo\tOslo\tPROPN\n")                         // too few columns
	f("1\tOslo\tOslo\tPROPN\tNNP\t_\tx\tnsubj\t_\t_\n") // head not a number
	f("1\tOslo\tOslo\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n") // head outside
	if _, err := ReadColumns(strings.NewReader("a\tB-PER\n\nb\n"), 2); !errors.Is(err, ErrFormat) {
		t.Errorf("column file with a one-column row: %v", err)
	}
}

func TestReadColumns(t *testing.T) {
	rows, err := ReadColumns(strings.NewReader("-DOCSTART- -X- O O\n\nEU\tNNP\tB-ORG\nrejects\tVBZ\tO\n\nPeter B-PER\n"), 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || !rows[0].DocStart || rows[1].DocStart || rows[0].Cols[1][2] != "O" || rows[1].Cols[0][1] != "B-PER" || rows[0].Line != 3 {
		t.Fatalf("rows: %+v", rows)
	}
}

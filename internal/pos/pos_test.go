package pos

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
)

// fixture is hand-tagged by the project (Penn tags), news-like text.
const fixture = `The/DT minister/NN said/VBD on/IN Monday/NNP that/IN the/DT government/NN will/MD not/RB raise/VB taxes/NNS ./.
Rebels/NNS attacked/VBD a/DT military/JJ convoy/NN near/IN the/DT northern/JJ city/NN of/IN Mosul/NNP ./.
The/DT talks/NNS were/VBD held/VBN in/IN Geneva/NNP and/CC ended/VBD without/IN an/DT agreement/NN ./.
President/NNP Smith/NNP has/VBZ urged/VBN lawmakers/NNS to/TO approve/VB the/DT budget/NN ./.
Police/NNS arrested/VBD dozens/NNS of/IN protesters/NNS in/IN the/DT capital/NN ,/, officials/NNS said/VBD ./.
The/DT United/NNP Nations/NNP condemned/VBD the/DT attack/NN on/IN Tuesday/NNP ./.
Both/DT countries/NNS signed/VBD a/DT trade/NN agreement/NN worth/JJ $/$ 2/CD billion/CD ./.
He/PRP could/MD visit/VB the/DT region/NN next/JJ week/NN ./.`

func parseFixture(t testing.TB) []Sentence {
	var out []Sentence
	for _, line := range strings.Split(fixture, "\n") {
		var s Sentence
		for _, wt := range strings.Fields(line) {
			i := strings.LastIndexByte(wt, '/')
			s.Words = append(s.Words, wt[:i])
			s.Tags = append(s.Tags, wt[i+1:])
		}
		out = append(out, s)
	}
	return out
}

func TestFixtureAccuracy(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c, n := m.Accuracy(parseFixture(t))
	if acc := float64(c) / float64(n); acc < 0.93 {
		t.Fatalf("fixture accuracy %.3f below floor 0.93", acc)
	}
}

func TestTagVerbs(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f := func(sent string, idx int, want string) {
		t.Helper()
		words := strings.Fields(sent)
		tags := m.Tag(nil, words)
		if got := m.TagName(tags[idx]); got != want {
			t.Errorf("%q word %d (%s): got %s, want %s", sent, idx, words[idx], got, want)
		}
	}
	f("Beijing has supported the operation .", 2, "VBN")
	f("Russia and China set a goal of achieving trade .", 3, "VBD")
	f("Wang met Russian Foreign Minister Sergey Lavrov .", 1, "VBD")
	f("He urged Putin to make joint efforts .", 1, "VBD")
	f("The West imposed sanctions on Moscow .", 2, "VBD")
}

func TestRoundTrip(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	c1, _ := m.Accuracy(parseFixture(t))
	c2, _ := m2.Accuracy(parseFixture(t))
	if c1 != c2 || len(m2.w) != len(m.w) {
		t.Fatalf("round trip changed the model: %d vs %d correct", c1, c2)
	}
}

func TestReadGarbage(t *testing.T) {
	for _, in := range []string{"", "junk", "\x1f\x8b\x08\x00\x00\x00\x00\x00"} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

func TestTrainSmall(t *testing.T) {
	sents := parseFixture(t)
	m, err := Train(sents, TrainOptions{Iterations: 8, DictMinCount: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if c, n := m.Accuracy(sents); float64(c)/float64(n) < 0.9 {
		t.Fatalf("cannot fit the fixture: %d/%d", c, n)
	}
}

func TestDevAccuracy(t *testing.T) {
	p := devdata.File(t, "gmb-dev.conll")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c, n := m.Accuracy(sents)
	if acc := float64(c) / float64(n); acc < 0.95 {
		t.Fatalf("gmb-dev accuracy %.4f below 0.95", acc)
	}
}

func BenchmarkTag(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	sents := parseFixture(b)
	n := 0
	for _, s := range sents {
		for _, w := range s.Words {
			n += len(w) + 1
		}
	}
	var buf []uint8
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range sents {
			buf = m.Tag(buf[:0], s.Words)
		}
	}
}

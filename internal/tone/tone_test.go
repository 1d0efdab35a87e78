package tone

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/text"
)

func newAnnotator(t testing.TB) *Annotator {
	t.Helper()
	a, err := New(Options{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return a
}

func TestScore(t *testing.T) {
	a := newAnnotator(t)
	// f checks the raw counts of one sentence: words, positive, negative,
	// activity and self/group words.
	f := func(in string, words, pos, neg, act, self int) {
		t.Helper()
		tone := a.Score(in)
		got := [5]int{tone.WordCount, pct(tone.Positive, words), pct(tone.Negative, words), pct(tone.Activity, words), pct(tone.SelfGroup, words)}
		want := [5]int{words, pos, neg, act, self}
		if got != want {
			t.Errorf("Score(%q) counts = %v, want %v (%+v)", in, got, want, tone)
		}
		if math.Abs(tone.Tone-(tone.Positive-tone.Negative)) > 1e-9 || math.Abs(tone.Polarity-(tone.Positive+tone.Negative)) > 1e-9 {
			t.Errorf("Score(%q): tone/polarity inconsistent: %+v", in, tone)
		}
	}
	f("", 0, 0, 0, 0, 0)
	f("The talks were held in Geneva.", 6, 0, 0, 0, 0)
	f("The war is a tragedy.", 5, 0, 2, 0, 0)
	f("A great and hopeful agreement.", 5, 3, 0, 0, 0)
	f("This is not good.", 4, 0, 1, 0, 0)         // negated positive
	f("It isn’t good at all.", 6, 0, 1, 0, 0)     // curly n't
	f("We marched and protested.", 4, 0, 1, 2, 1) // "protested" is negative in VADER  // activity, self
	f("Troops attacked the city, we fled.", 6, 0, 1, 2, 1)
	f("Our people sign 20 deals.", 4, 0, 0, 1, 1)                     // numbers are not words
	f("The United Nations party met, like last year.", 8, 0, 0, 1, 0) // neutral.txt
}

// pct turns a percentage of words back into a count.
func pct(p float64, words int) int {
	if words == 0 {
		return 0
	}
	return int(math.Round(p * float64(words) / 100))
}

func TestAnnotateSentences(t *testing.T) {
	a := newAnnotator(t)
	d := text.NewDocument("t", "", "The deal is a fair and welcome compromise. The strike was a disaster for everyone.\nNothing happened.")
	if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.SentenceTone) != len(d.Sentences) || len(d.Sentences) != 3 {
		t.Fatalf("got %d sentence tones for %d sentences", len(d.SentenceTone), len(d.Sentences))
	}
	if d.SentenceTone[0].Tone <= 0 || d.SentenceTone[1].Tone >= 0 {
		t.Errorf("sentence tones %+v", d.SentenceTone)
	}
	words := 0
	for _, s := range d.SentenceTone {
		words += s.WordCount
	}
	if d.Tone == nil || d.Tone.WordCount != words {
		t.Errorf("article tone %+v, want word count %d", d.Tone, words)
	}
}

// TestFixtureFloor guards the tone of a committed news-like fixture: a
// strike ending in a deal reads mildly positive, with activity and
// self/group references present.
func TestFixtureFloor(t *testing.T) {
	a := newAnnotator(t)
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	d := text.NewDocument("fixture", "", string(b))
	_ = (text.Segmenter{}).Annotate(context.Background(), d)
	if err := a.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	tn := d.Tone
	t.Logf("fixture tone: %+v", *tn)
	if tn.WordCount < 300 || tn.Positive < 2 || tn.Negative < 1 || tn.Activity < 1 || tn.SelfGroup < 0.5 {
		t.Errorf("fixture tone below floor: %+v", *tn)
	}
	if tn.Tone < -3 || tn.Tone > 3 {
		t.Errorf("fixture tone %.2f, want mixed (-3..3): a strike ending in a deal", tn.Tone)
	}
}

func TestSeed(t *testing.T) {
	p := devdata.File(t, "seed/seed-article.json")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var in struct{ Title, Text string }
	if err := json.Unmarshal(b, &in); err != nil {
		t.Fatal(err)
	}
	d := text.NewDocument("seed", in.Title, in.Text)
	_ = (text.Segmenter{}).Annotate(context.Background(), d)
	if err := newAnnotator(t).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	tn := d.Tone
	t.Logf("seed tone: %+v", *tn)
	if tn.WordCount < 300 || tn.Positive == 0 || tn.Negative == 0 || tn.Polarity == 0 || tn.Activity == 0 || tn.SelfGroup == 0 {
		t.Errorf("seed tone lacks a component: %+v", *tn)
	}
	if len(d.SentenceTone) != len(d.Sentences) {
		t.Errorf("%d sentence tones for %d sentences", len(d.SentenceTone), len(d.Sentences))
	}
}

func TestOpenLexicon(t *testing.T) {
	p := t.TempDir() + "/lx.tsv"
	if err := os.WriteFile(p, []byte("# test\nsplendid\t3.1\ndreadful\t-2.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := New(Options{Lexicon: p})
	if err != nil {
		t.Fatal(err)
	}
	tn := a.Score("A splendid day, a dreadful night, we met.")
	if tn.WordCount != 8 || tn.Positive == 0 || tn.Negative == 0 || tn.Activity == 0 || tn.SelfGroup == 0 {
		t.Errorf("custom lexicon tone %+v", tn)
	}
	if err := os.WriteFile(p, []byte("broken line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{Lexicon: p}); err == nil {
		t.Error("malformed lexicon accepted")
	}
}

func BenchmarkAnnotate(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	a := newAnnotator(b)
	d := text.NewDocument("bench", "", string(raw))
	_ = (text.Segmenter{}).Annotate(context.Background(), d)
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if err := a.Annotate(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

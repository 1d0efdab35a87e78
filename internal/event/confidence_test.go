package event

import (
	"bytes"
	"strings"
	"testing"
)

// TestConfidenceModel: the weights file round-trips, refuses unknown
// features and bad numbers, and the embedded model loads and scores
// within (0, 1).
func TestConfidenceModel(t *testing.T) {
	m, err := embeddedConfidenceModel()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadConfidenceModel(&b)
	if err != nil {
		t.Fatal(err)
	}
	if m2.W != m.W {
		t.Errorf("round trip: %v, want %v", m2.W, m.W)
	}
	for _, bad := range []string{"nosuch\t1\n", "bias 1\n", "bias\tx\n", "bias\tNaN\n"} {
		if _, err := ReadConfidenceModel(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	var x Features
	x[fBias] = 1
	if p := m.Score(&x); p <= 0 || p >= 1 {
		t.Errorf("score %g out of (0, 1)", p)
	}
}

// TestNamesSomeone: a doer named by a name, not by a common noun or a
// pronoun.
func TestNamesSomeone(t *testing.T) {
	for s, want := range map[string]bool{"Putin": true, "the Kremlin": true, "Russian troops": true, "The rebels": false,
		"he": false, "He": false, "officials": false, "The foreign ministers": false, "Two Chinese diplomats": true} {
		if got := namesSomeone(s); got != want {
			t.Errorf("namesSomeone(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestTrainConfidence: on records whose rightness a feature foretells, the
// learned model scores records with the feature higher.
func TestTrainConfidence(t *testing.T) {
	var ex []ConfidenceExample
	for i := 0; i < 60; i++ {
		x := make([]float64, nFeatures)
		x[fBias] = 1
		both := i%2 == 0
		if both {
			x[fBoth] = 1
		}
		ex = append(ex, ConfidenceExample{X: x, Right: both && i%6 != 0 || !both && i%6 == 1, Doc: string(rune('a' + i%7))})
	}
	var log bytes.Buffer
	m, err := TrainConfidence(ex, &log)
	if err != nil {
		t.Fatal(err)
	}
	var with, without Features
	with[fBias], with[fBoth], without[fBias] = 1, 1, 1
	if m.Score(&with) <= m.Score(&without) {
		t.Errorf("both sides %.3f, not above one side %.3f\n%s", m.Score(&with), m.Score(&without), log.String())
	}
	if _, err := TrainConfidence(ex[:5], &log); err == nil {
		t.Error("five examples: no error")
	}
}

package ner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"
)

// trainingSentences returns a small corpus written for the test: people,
// organisations and places in a few frames.
func trainingSentences() []Sentence {
	people := []string{"Smith", "Jones", "Brown", "Taylor", "Wilson", "Davies"}
	orgs := []string{"Acme", "Globex", "Initech", "Umbrella"}
	places := []string{"Paris", "Berlin", "Madrid", "Lisbon", "Vienna"}
	var out []Sentence
	for i := range 60 {
		p, o, l := people[i%len(people)], orgs[i%len(orgs)], places[i%len(places)]
		out = append(out,
			Sentence{Words: []string{"Mr", p, "said", "on", "Monday", "."},
				Tags: []uint8{tagO, tagBPER, tagO, tagO, tagO, tagO}},
			Sentence{Words: []string{p, "works", "for", o, "Corp", "in", l, "."},
				Tags: []uint8{tagBPER, tagO, tagO, tagBORG, tagIORG, tagO, tagBLOC, tagO}},
			Sentence{Words: []string{"Officials", "in", l, "met", "the", "head", "of", o, "Corp", "."},
				Tags: []uint8{tagO, tagO, tagBLOC, tagO, tagO, tagO, tagO, tagBORG, tagIORG, tagO}},
		)
	}
	return out
}

// TestTrainRoundTrip trains a model of two runs (averaged with
// learn.Mean), checks that it tags its training sentences, writes and reads
// it back, and checks that the read model tags them alike and keeps its
// lexicon; a cut file is refused with ErrModel.
func TestTrainRoundTrip(t *testing.T) {
	sents := trainingSentences()
	m, err := Train(context.Background(), sents, nil, nil, TrainOptions{Epochs: 3, MinCount: 1, Runs: 2, CaseCopies: -1})
	if err != nil {
		t.Fatal(err)
	}
	if f1 := ScoreSentences(m, sents); f1 < 0.95 {
		t.Fatalf("training F1 %.3f, want ≥ 0.95", f1)
	}
	if len(m.gazetteer) == 0 {
		t.Fatal("trained model has no gazetteer")
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf, 0); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m2.Features() != m.Features() || len(m2.gazetteer) != len(m.gazetteer) || len(m2.clusters) != len(m.clusters) {
		t.Fatalf("read %d features %d gazetteer names %d clusters, wrote %d %d %d",
			m2.Features(), len(m2.gazetteer), len(m2.clusters), m.Features(), len(m.gazetteer), len(m.clusters))
	}
	if a, b := tagAll(m, sents), tagAll(m2, sents); a != b {
		t.Fatalf("read model tags differently:\n%s\nwant\n%s", b, a)
	}
	for k := 0; k < buf.Len(); k += 97 {
		if _, err := ReadModel(bytes.NewReader(buf.Bytes()[:k])); !errors.Is(err, ErrModel) {
			t.Fatalf("model cut at byte %d: err %v, want ErrModel", k, err)
		}
	}
}

// tagAll returns the tags m gives the words of sents, one line a sentence.
func tagAll(m *Model, sents []Sentence) string {
	var d decoder
	var b bytes.Buffer
	for _, s := range sents {
		m.tagWords(&d, s.Words)
		fmt.Fprintln(&b, d.tags)
	}
	return b.String()
}

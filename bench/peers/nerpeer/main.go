// Command nerpeer scores newsgraph's entity tagger and, on the same text in
// the same run, prose's (github.com/jdkato/prose/v2), with the scorer of
// `newsgraph eval ner`. It lives in the peers module so that the product
// does not depend on prose.
//
//	go run ./nerpeer --gold ../../../shared/data/gmb-dev.conll
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/text"
)

// proseSystem runs prose's tokenizer, tagger and entity extracter over the
// document text with one model loaded once.
type proseSystem struct {
	model *prose.Model
}

func (proseSystem) Name() string { return "prose/v2" }

// proseTypes maps prose's labels (OntoNotes-style) onto ours.
var proseTypes = map[string]string{
	"PERSON": "PER", "PER": "PER",
	"GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
	"ORG":  "ORG",
	"NORP": "NORP",
}

// Entities tags doc.Text with prose and finds each entity's span by
// searching its text forward from the previous one (prose keeps no offsets).
func (p proseSystem) Entities(_ context.Context, doc *eval.NERDoc) ([]eval.NEREntity, error) {
	d, err := prose.NewDocument(doc.Text, prose.UsingModel(p.model), prose.WithSegmentation(false))
	if err != nil {
		return nil, err
	}
	var out []eval.NEREntity
	pos := 0
	for _, e := range d.Entities() {
		typ, ok := proseTypes[e.Label]
		if !ok {
			continue
		}
		i := strings.Index(doc.Text[pos:], e.Text)
		if i < 0 {
			continue
		}
		start := pos + i
		out = append(out, eval.NEREntity{Span: text.Span{Start: start, End: start + len(e.Text)}, Type: typ})
		pos = start + len(e.Text)
	}
	return out, nil
}

func main() {
	gold := flag.String("gold", "", "gold file: .conll or .jsonl")
	flag.Parse()
	if err := run(*gold); err != nil {
		fmt.Fprintln(os.Stderr, "nerpeer:", err)
		os.Exit(1)
	}
}

func run(gold string) error {
	docs, err := eval.ReadNERGold(gold)
	if err != nil {
		return err
	}
	tg, err := ner.Default()
	if err != nil {
		return err
	}
	// prose loads its model in NewDocument; keep the first one.
	d0, err := prose.NewDocument("Warm up.")
	if err != nil {
		return err
	}
	fmt.Printf("gold %s\n", gold)
	for _, sys := range []eval.NERSystem{eval.NERTagger{Tagger: tg}, proseSystem{model: d0.Model}} {
		start := time.Now()
		s, err := eval.ScoreNER(context.Background(), sys, docs)
		if err != nil {
			return err
		}
		s.Write(os.Stdout)
		fmt.Printf("  time %s\n", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

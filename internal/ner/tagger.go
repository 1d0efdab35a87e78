// Package ner holds the statistical entity tagger: an averaged perceptron
// over word, shape, affix and context features, decoded greedily left to
// right over BIO tags for PER, ORG, LOC and NORP. It is the stage after the
// segmenter (internal/text) and before actor resolution (internal/actor),
// which relies on its entities. The trained model ships embedded; Train and
// the `newsgraph train ner` command rebuild it from a GMB/CoNLL corpus.
package ner

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/text"
)

//go:generate go run ../../cmd/newsgraph train ner --conll ../../../shared/data/gmb-train.conll --unlabelled ../../../shared/data/polnear-train.jsonl,../../../shared/data/tbaq.jsonl,../../../shared/data/geovirus.jsonl --first-names data/first-names.txt --min-count 1 --runs 3 --out model.bin.gz

// modelData is the embedded model, trained on GMB (see NOTICE).
//
//go:embed model.bin.gz
var modelData []byte

var (
	defaultOnce   sync.Once
	defaultModel  *Model
	defaultTagger *Tagger
	defaultErr    error
)

// DefaultModel returns the embedded model, loaded once.
func DefaultModel() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = readEmbedded()
		if defaultErr != nil {
			return
		}
		defaultTagger = New(defaultModel)
	})
	return defaultModel, defaultErr
}

// readEmbedded reads the embedded model.
func readEmbedded() (*Model, error) {
	m, err := ReadModel(bytes.NewReader(modelData))
	if err != nil {
		return nil, fmt.Errorf("cannot load embedded NER model: %w", err)
	}
	return m, nil
}

// Default returns the tagger with the embedded model, loaded once.
func Default() (*Tagger, error) {
	if _, err := DefaultModel(); err != nil {
		return nil, err
	}
	return defaultTagger, nil
}

// Embedded returns the tagger with the embedded model for the default
// pipeline. The embedded model is checked by the package's tests, so a
// failure to load it is a broken build, not bad input.
func Embedded() *Tagger {
	t, err := Default()
	if err != nil {
		panic("BUG: " + err.Error())
	}
	return t
}

// Open reads a model file written by `newsgraph train ner`.
func Open(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read NER model: %w", err)
	}
	defer f.Close()
	m, err := ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("cannot read NER model %s: %w", path, err)
	}
	return m, nil
}

// Tagger is the entity annotator: it appends one text.Entity per name found,
// with Origin "ner". It is safe for concurrent use.
type Tagger struct {
	m *Model
	// free keeps idle decoders with their word-score caches. A channel
	// rather than a sync.Pool: a pool is emptied at each garbage
	// collection, and the caches are worth keeping.
	free chan *decoder
}

// New returns a tagger using model m.
func New(m *Model) *Tagger {
	return &Tagger{m: m, free: make(chan *decoder, 2*runtime.GOMAXPROCS(0))}
}

// getDecoder returns an idle decoder or a new one.
func (t *Tagger) getDecoder() *decoder {
	select {
	case d := <-t.free:
		return d
	default:
		return &decoder{names: map[string]bool{}, surnames: map[string]bool{}, votes: map[string][len(types)]float32{}, openers: map[uint64]bool{}}
	}
}

// putDecoder keeps d for reuse unless enough are kept already.
func (t *Tagger) putDecoder(d *decoder) {
	select {
	case t.free <- d:
	default:
	}
}

// Name returns "ner".
func (t *Tagger) Name() string { return "ner" }

// Annotate tags every sentence of d (d.Tokens and d.Sentences must be set,
// see text.Segmenter) and appends the entities found to d.Entities.
func (t *Tagger) Annotate(ctx context.Context, d *text.Document) error {
	dec := t.getDecoder()
	defer t.putDecoder(dec)
	first := len(d.Entities)
	for si, s := range d.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if s.FirstToken < 0 || s.EndToken > len(d.Tokens) || s.FirstToken > s.EndToken {
			return fmt.Errorf("ner: sentence %d has bad token range [%d, %d)", si, s.FirstToken, s.EndToken)
		}
		d.Entities = t.tagSentence(dec, d, s.FirstToken, s.EndToken, d.Entities)
	}
	// Document-level rules (one file each, f-tested in rules_test.go):
	// first mend and type names from evidence about the names themselves,
	// then make the document agree with itself and spread names to their
	// repeats, then the conventions for kinds of names and documents, and
	// last what drops or replaces entities outright.
	givenNames(d, first)
	known(d, first)
	lists(d, first)
	t.harmonize(d, first, dec)
	dec.repeat.apply(d, first)
	ofNames(d, first)
	if isSportsReport(d) {
		markTeams(d, first)
		readScorelines(d, first)
	}
	facilities(d, first)
	events(d, first)
	organisations(d, first)
	persons(d, first)
	splitPersons(d, first)
	orgHeads(d, first)
	joinNames(d, first)
	commonOpenersIn(d, first, dec.openers)
	capsHeadlinesIn(d, first, dec.openers)
	roles(d, first)
	acronyms(d, first)
	datelines(d, first)
	return nil
}

// hyphenated appends the entities inside the hyphenated words among
// sentence tokens [from, to), which lie outside any entity.
func (t *Tagger) hyphenated(dec *decoder, d *text.Document, first, from, to int, dst []text.Entity) []text.Entity {
	for i := from; i < to; i++ {
		if tk := d.Tokens[first+i]; tk.Kind == text.Word && tk.Len() >= 3 {
			dst, _ = t.subEntities(dec, d, first+i, i, false, dst)
		}
	}
	return dst
}

// tagSentence tags tokens [first, end) of d and appends their entities.
func (t *Tagger) tagSentence(dec *decoder, d *text.Document, first, end int, dst []text.Entity) []text.Entity {
	toks := d.Tokens[first:end]
	dec.reset(len(toks))
	for _, tk := range toks {
		dec.toks = append(dec.toks, t.m.token(d.Text[tk.Start:tk.End]))
	}
	markGazetteer(dec.toks, t.m.lookGaz)
	t.m.decode(dec)
	dec.ents = tagsToEntities(dec.tags, dec.ents[:0])
	next := 0 // next token to look at for hyphenated words outside entities
	for _, e := range dec.ents {
		dst = t.hyphenated(dec, d, first, next, e.Start, dst)
		next = e.End
		start, stop := e.Start, e.End
		// Titles never start a name and punctuation never ends one; the
		// model learnt that from the corpus, this keeps it so on odd input.
		for start < stop && (toks[start].Kind == text.Punct || e.Type == "PER" && isTitle(d.Text[toks[start].Start:toks[start].End])) {
			start++
		}
		for start < stop && strings.EqualFold(d.Text[toks[start].Start:toks[start].End], "the") {
			start++
		}
		// Nor does a function word end one ("University of"), nor a
		// score or a date ("Chile 3-1", "SAO PAULO 1996-09-02").
		for stop > start && (toks[stop-1].Kind == text.Punct || isLinkWord(d.Text[toks[stop-1].Start:toks[stop-1].End]) ||
			isNumberRange(d.Text[toks[stop-1].Start:toks[stop-1].End])) {
			stop--
		}
		if start == stop {
			continue
		}
		if stop == start+1 {
			var split bool
			if dst, split = t.subEntities(dec, d, first+start, start, true, dst); split {
				continue
			}
		}
		var p float32 = 1
		for i := start; i < stop; i++ {
			p = min(p, dec.probs[i])
		}
		dst = append(dst, text.Entity{
			Span:   text.Span{Start: toks[start].Start, End: toks[stop-1].End},
			Type:   e.Type,
			Prob:   float64(p),
			Origin: "ner",
		})
	}
	dst = t.hyphenated(dec, d, first, next, len(toks), dst)
	return dst
}

// isNumberRange reports whether w is digits joined by hyphens or dashes:
// a score ("3-1"), a range or a date ("1996-09-02").
func isNumberRange(w string) bool {
	digits, dashes := 0, 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '–' || r == '‐' || r == '‑':
			dashes++
		default:
			return false
		}
	}
	return digits > 0 && dashes > 0 && w[0] >= '0' && w[0] <= '9'
}

// isLinkWord reports whether w is a word that joins the words of a name
// but never ends one.
func isLinkWord(w string) bool {
	switch w {
	case "of", "and", "for", "the", "in", "on", "at", "to", "&":
		return true
	}
	return false
}

package ner

import (
	"errors"
	"fmt"
	"github.com/newsgraph/newsgraph/internal/conllu"
	"io"
	"strings"
)

// ErrFormat marks a token file that is not CoNLL.
var ErrFormat = errors.New("ner: malformed CoNLL")

// Sentence is one tagged sentence of a token corpus: its words and the BIO
// tag of each word, already mapped to the project's types and conventions.
type Sentence struct {
	Words []string
	Tags  []uint8
	// DocStart says the sentence opens a document: it follows a
	// -DOCSTART- line (CoNLL-2003 marks its documents so; GMB does not).
	DocStart bool
}

// Entity is a gold or predicted entity over a token sequence: words
// [Start, End) of type Type.
type Entity struct {
	Start, End int
	Type       string
}

// Entities returns the entities that the BIO tags of s describe.
func (s Sentence) Entities() []Entity { return tagsToEntities(s.Tags, nil) }

func tagsToEntities(tags []uint8, dst []Entity) []Entity {
	start := -1
	for i := 0; i <= len(tags); i++ {
		t := tagO
		if i < len(tags) {
			t = int(tags[i])
		}
		if start >= 0 && (t == tagO || isBegin(t) || beginOf(tagType(t)) != int(tags[start])) {
			dst = append(dst, Entity{start, i, tagType(int(tags[start]))})
			start = -1
		}
		if t != tagO && start < 0 {
			start = i
		}
	}
	return dst
}

// ReadCoNLL reads a token corpus: one token a line with TAB- or
// space-separated columns, the word first and the tag last, a blank line
// between sentences, a -DOCSTART- line before each document where the
// documents are known (Sentence.DocStart). Both GMB tags (per, org, geo,
// gpe, tim, art, eve, nat, with the POS in the second column) and CoNLL/
// OntoNotes tags (PER, ORG, LOC, MISC, GPE, PERSON, NORP, IOB1 or BIO) are
// read. Everything is mapped onto the project's conventions (see Normalize).
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	rows, err := conllu.ReadColumns(r, 2)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	out := make([]Sentence, 0, len(rows))
	for _, rs := range rows {
		words := make([]string, len(rs.Cols))
		pos := make([]string, len(rs.Cols))
		raw := make([]string, len(rs.Cols))
		for i, cols := range rs.Cols {
			words[i], raw[i] = cols[0], cols[len(cols)-1]
			if len(cols) >= 3 {
				pos[i] = cols[1]
			}
		}
		s := normalize(words, pos, raw)
		s.DocStart = rs.DocStart
		out = append(out, s)
	}
	return out, nil
}

// rawSpan is an entity before mapping: words [start, end), source type.
type rawSpan struct {
	start, end int
	typ        string
}

// normalize maps one sentence's source tags onto the project's types and
// conventions:
//   - GMB per→PER, org→ORG, geo→LOC, gpe→LOC when its last word is a proper
//     noun (NNP/NNPS) and NORP otherwise (Russian, Iraqis); tim, art, eve and
//     nat are dropped (tim is not a name; the three others are too rare in
//     GMB to learn a MISC type from).
//   - CoNLL/OntoNotes PER/PERSON→PER, ORG→ORG, LOC/GPE/FAC→LOC, NORP→NORP,
//     MISC and the rest dropped.
//   - a possessive 's never lies inside an entity: it splits one in two.
//   - a leading "the" is not part of an entity.
//   - titles (Mr., President, Prime Minister ...) at the start of a PER are
//     not part of it; a PER of titles only is dropped.
func normalize(words, pos, raw []string) Sentence {
	var spans []rawSpan
	cur := -1
	for i, t := range raw {
		prefix, typ := "O", ""
		if t != "O" && len(t) > 2 && t[1] == '-' {
			prefix, typ = t[:1], t[2:]
		}
		switch {
		case prefix == "O":
			cur = -1
		case prefix == "B" || cur < 0 || spans[cur].typ != typ:
			spans = append(spans, rawSpan{i, i + 1, typ})
			cur = len(spans) - 1
		default:
			spans[cur].end = i + 1
		}
	}
	s := Sentence{Words: words, Tags: make([]uint8, len(words))}
	for _, sp := range spans {
		typ := mapType(sp.typ, pos[sp.end-1])
		if typ == "" {
			continue
		}
		// Split at possessives.
		start := sp.start
		for i := sp.start; i <= sp.end; i++ {
			if i < sp.end && !isPossessive(words[i]) {
				continue
			}
			emit(&s, start, i, typ)
			start = i + 1
		}
	}
	return s
}

// emit writes the BIO tags of an entity [start, end) of type typ into s
// after trimming a leading "the" and, for PER, leading titles.
func emit(s *Sentence, start, end int, typ string) {
	for start < end && (strings.EqualFold(s.Words[start], "the") || typ == "PER" && isTitle(s.Words[start])) {
		start++
	}
	if start >= end {
		return
	}
	b := beginOf(typ)
	s.Tags[start] = uint8(b)
	for i := start + 1; i < end; i++ {
		s.Tags[i] = uint8(b + 1)
	}
}

func mapType(typ, lastPOS string) string {
	switch typ {
	case "per", "PER", "PERSON":
		return "PER"
	case "org", "ORG":
		return "ORG"
	case "geo", "LOC", "GPE", "FAC":
		return "LOC"
	case "gpe":
		if strings.HasPrefix(lastPOS, "NNP") {
			return "LOC"
		}
		return "NORP"
	case "NORP":
		return "NORP"
	}
	return ""
}

func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’" || w == "'S"
}

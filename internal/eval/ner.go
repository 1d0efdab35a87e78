package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/ner"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// NERDoc is one gold document for entity scoring: its text, its gold
// entities as byte spans and, for token files, the given tokens and
// sentences (nil when the system must segment the text itself).
type NERDoc struct {
	ID        string
	Text      string
	Tokens    []text.Span
	Sentences [][2]int // token ranges [first, end)
	Entities  []NEREntity
}

// NEREntity is a typed byte span.
type NEREntity struct {
	text.Span
	Type string
}

// NERSystem is an entity tagger under evaluation.
type NERSystem interface {
	Name() string
	// Entities returns the entities the system finds in doc.
	Entities(ctx context.Context, doc *NERDoc) ([]NEREntity, error)
}

// NERScored are the types scored separately; NEROverall are those summed
// into the overall figure (NORP is reported apart).
var (
	NERScored  = []string{record.PER, record.ORG, record.LOC, record.NORP}
	NEROverall = []string{record.PER, record.ORG, record.LOC}
)

// NERScore holds the counts of one system on one gold file.
type NERScore struct {
	System  string
	Docs    int
	ByType  map[string]*PRF
	Overall PRF
	// SubToken counts predictions inside one given gold token (the parts
	// of "Russia-China"): a token file cannot mark them, so they are not
	// scored.
	SubToken int
	// Misses are the false positives and false negatives, in document
	// order (WriteMisses prints them).
	Misses []NERMiss
}

// NERMiss is one scoring error: a prediction without its gold twin
// (Gold false) or a gold entity the system did not find (Gold true).
type NERMiss struct {
	Doc  *NERDoc
	Gold bool
	NEREntity
}

// ReadNERGold reads a gold file: .conll/.txt token files through
// ner.ReadCoNLL (the same mapping and conventions the tagger is trained
// with) or .jsonl documents with code-point entity offsets.
func ReadNERGold(path string) ([]NERDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read gold: %w", err)
	}
	defer f.Close()
	var docs []NERDoc
	if strings.HasSuffix(path, ".jsonl") || strings.HasSuffix(path, ".json") {
		docs, err = ReadNERJSONL(f)
	} else {
		var sents []ner.Sentence
		if sents, err = ner.ReadCoNLL(f); err == nil {
			docs = NERDocsFromSentences(sents)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read gold %s: %w", path, err)
	}
	return docs, nil
}

// NERDocsFromSentences rebuilds text from token sentences: words joined by
// a space, sentences by a newline. A file that marks its documents
// (-DOCSTART-, Sentence.DocStart) gives one document each, so that the
// tagger's document-level rules see what they would see in an article;
// one that does not (GMB) gives one document per sentence.
func NERDocsFromSentences(sents []ner.Sentence) []NERDoc {
	marked := false
	for _, s := range sents {
		marked = marked || s.DocStart
	}
	var docs []NERDoc
	for i := 0; i < len(sents); {
		end := i + 1
		for marked && end < len(sents) && !sents[end].DocStart {
			end++
		}
		var b strings.Builder
		d := NERDoc{ID: fmt.Sprintf("sent-%d", i)}
		if marked {
			d.ID = fmt.Sprintf("doc-%d", len(docs)+1)
		}
		for _, s := range sents[i:end] {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			first := len(d.Tokens)
			for j, w := range s.Words {
				if j > 0 {
					b.WriteByte(' ')
				}
				d.Tokens = append(d.Tokens, text.Span{Start: b.Len(), End: b.Len() + len(w)})
				b.WriteString(w)
			}
			d.Sentences = append(d.Sentences, [2]int{first, len(d.Tokens)})
			for _, e := range s.Entities() {
				d.Entities = append(d.Entities, NEREntity{
					Span: text.Span{Start: d.Tokens[first+e.Start].Start, End: d.Tokens[first+e.End-1].End},
					Type: e.Type,
				})
			}
		}
		d.Text = b.String()
		docs = append(docs, d)
		i = end
	}
	return docs
}

// ReadNERJSONL reads documents {"id", "text", "entities": [{"start", "end",
// "type"}]} with code-point offsets, one a line.
func ReadNERJSONL(r io.Reader) ([]NERDoc, error) {
	var docs []NERDoc
	err := eachJSONL(r, func(line int, b []byte) error {
		var in struct {
			ID       string `json:"id"`
			Text     string `json:"text"`
			Entities []struct {
				Start int    `json:"start"`
				End   int    `json:"end"`
				Type  string `json:"type"`
			} `json:"entities"`
		}
		if err := json.Unmarshal(b, &in); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		offs := runeOffsets(in.Text)
		d := NERDoc{ID: in.ID, Text: in.Text}
		for _, e := range in.Entities {
			if e.Start < 0 || e.End > len(offs)-1 || e.Start >= e.End {
				return fmt.Errorf("line %d: entity [%d, %d) outside the text", line, e.Start, e.End)
			}
			d.Entities = append(d.Entities, NEREntity{Span: text.Span{Start: offs[e.Start], End: offs[e.End]}, Type: e.Type})
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// ScoreNER runs sys over docs and counts exact span-and-type matches per
// type. Gold entities of other types (MISC) are ignored, and so are
// predictions of types outside NERScored.
func ScoreNER(ctx context.Context, sys NERSystem, docs []NERDoc) (*NERScore, error) {
	s := &NERScore{System: sys.Name(), Docs: len(docs), ByType: map[string]*PRF{}}
	for _, t := range NERScored {
		s.ByType[t] = &PRF{}
	}
	for i := range docs {
		pred, err := sys.Entities(ctx, &docs[i])
		if err != nil {
			return nil, fmt.Errorf("%s on %s: %w", sys.Name(), docs[i].ID, err)
		}
		if docs[i].Tokens != nil {
			pred = s.dropSubToken(docs[i].Tokens, pred)
		}
		s.add(&docs[i], pred)
	}
	for _, t := range NEROverall {
		s.Overall.Add(*s.ByType[t])
	}
	return s, nil
}

// dropSubToken removes the predictions that do not start and end on token
// boundaries of toks, counting them in s.SubToken.
func (s *NERScore) dropSubToken(toks []text.Span, pred []NEREntity) []NEREntity {
	starts, ends := map[int]bool{}, map[int]bool{}
	for _, t := range toks {
		starts[t.Start], ends[t.End] = true, true
	}
	out := pred[:0]
	for _, e := range pred {
		if starts[e.Start] && ends[e.End] {
			out = append(out, e)
		} else {
			s.SubToken++
		}
	}
	return out
}

func (s *NERScore) add(doc *NERDoc, pred []NEREntity) {
	g := map[NEREntity]int{}
	for _, e := range doc.Entities {
		if s.ByType[e.Type] != nil {
			g[e]++
		}
	}
	for _, e := range pred {
		c := s.ByType[e.Type]
		if c == nil {
			continue
		}
		if g[e] > 0 {
			g[e]--
			c.TP++
		} else {
			c.FP++
			s.Misses = append(s.Misses, NERMiss{Doc: doc, NEREntity: e})
		}
	}
	for _, e := range doc.Entities {
		if g[e] > 0 {
			g[e]--
			s.ByType[e.Type].FN++
			s.Misses = append(s.Misses, NERMiss{Doc: doc, Gold: true, NEREntity: e})
		}
	}
}

// WriteMisses prints each error on a line: "FN" (missed gold) or "FP"
// (spurious prediction), the type, the span's text and up to 40 bytes of
// context either side, so that a reader can see why.
func (s *NERScore) WriteMisses(w io.Writer) {
	for _, m := range s.Misses {
		kind := "FP"
		if m.Gold {
			kind = "FN"
		}
		t := m.Doc.Text
		from, to := max(0, m.Start-40), min(len(t), m.End+40)
		for from > 0 && !utf8.RuneStart(t[from]) {
			from--
		}
		for to < len(t) && !utf8.RuneStart(t[to]) {
			to++
		}
		ctx := strings.NewReplacer("\n", " ", "\t", " ").Replace(t[from:m.Start] + "[" + t[m.Start:m.End] + "]" + t[m.End:to])
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", kind, m.Type, m.Doc.ID, t[m.Start:m.End], ctx)
	}
}

// Write prints one row per type, then the overall PER/ORG/LOC row.
func (s *NERScore) Write(w io.Writer) {
	fmt.Fprintf(w, "%s (%d documents)\n", s.System, s.Docs)
	for _, t := range NEROverall {
		s.ByType[t].WriteRow(w, "  "+t)
	}
	s.Overall.WriteRow(w, "  overall")
	s.ByType[record.NORP].WriteRow(w, "  NORP")
	if s.SubToken > 0 {
		fmt.Fprintf(w, "  %d entities inside a gold token (hyphenated words) not scored\n", s.SubToken)
	}
}

// NERTagger adapts a ner.Tagger to NERSystem: given tokens are used as they
// are, otherwise the text is segmented with text.Segmenter.
type NERTagger struct {
	Tagger *ner.Tagger
}

// Name returns "newsgraph".
func (NERTagger) Name() string { return "newsgraph" }

// Entities tags doc.
func (t NERTagger) Entities(ctx context.Context, doc *NERDoc) ([]NEREntity, error) {
	d := text.NewDocument(doc.ID, "", doc.Text)
	if doc.Tokens != nil {
		for i, sp := range doc.Tokens {
			tk := text.Token{Span: sp, Kind: kindOf(doc.Text[sp.Start:sp.End])}
			if i > 0 && sp.Start > doc.Tokens[i-1].End {
				tk.Flags |= text.SpaceBefore
				if strings.Contains(doc.Text[doc.Tokens[i-1].End:sp.Start], "\n") {
					tk.Flags |= text.NewlineBefore // a new sentence line: datelines start one
				}
			}
			d.Tokens = append(d.Tokens, tk)
		}
		for _, s := range doc.Sentences {
			if s[1] > s[0] {
				d.Sentences = append(d.Sentences, text.Sentence{
					Span:       text.Span{Start: doc.Tokens[s[0]].Start, End: doc.Tokens[s[1]-1].End},
					FirstToken: s[0], EndToken: s[1],
				})
			}
		}
	} else if err := (text.Segmenter{}).Annotate(ctx, d); err != nil {
		return nil, err
	}
	if err := t.Tagger.Annotate(ctx, d); err != nil {
		return nil, err
	}
	return entitiesOf(d), nil
}

// entitiesOf returns the typed spans of d's entities.
func entitiesOf(d *text.Document) []NEREntity {
	out := make([]NEREntity, 0, len(d.Entities))
	for _, e := range d.Entities {
		out = append(out, NEREntity{Span: e.Span, Type: e.Type})
	}
	return out
}

// kindOf classifies a given token as the tokenizer would, from its first rune.
func kindOf(w string) text.TokenKind {
	toks := text.Tokenize(nil, w)
	if len(toks) == 0 {
		return text.Symbol
	}
	return toks[0].Kind
}

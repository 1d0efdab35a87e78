package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// TimexDoc is one gold document of a TIMEX3 corpus (tbaq.jsonl): text,
// creation date and time expressions with code-point offsets.
type TimexDoc struct {
	ID        string      `json:"id"`
	Text      string      `json:"text"`
	Published string      `json:"published"`
	DCT       string      `json:"dct"`
	Timex     []TimexSpan `json:"timex"`
}

// TimexSpan is one time expression, gold or system: code-point offsets.
type TimexSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// ReadTimexGold reads a JSONL TIMEX3 gold file.
func ReadTimexGold(path string) ([]TimexDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open gold: %w", err)
	}
	defer f.Close()
	var docs []TimexDoc
	err = eachJSONL(f, func(n int, b []byte) error {
		var d TimexDoc
		if err := json.Unmarshal(b, &d); err != nil {
			return fmt.Errorf("cannot parse %s line %d: %w", path, n, err)
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	return docs, nil
}

// DateScore holds TempEval-3 style scores: strict and relaxed span match,
// type accuracy over relaxed matches, and value F1 (a relaxed match whose
// value is also exactly right counts as a true positive).
type DateScore struct {
	Strict, Relaxed, Type, Value PRF
	// TypeOK counts relaxed matches with the right type.
	TypeOK int
	Docs   int
	Bytes  int
	// Errors are mismatches, filled when ScoreDates is asked to keep them.
	Errors []DateError
}

// DateError is one missed, spurious or misvalued expression.
type DateError struct {
	Doc, Kind        string // Kind: "missed", "spurious", "value", "span"
	Gold, System     TimexSpan
	Published, Where string
}

// TypeAccuracy returns the share of relaxed matches with the right type.
func (s *DateScore) TypeAccuracy() float64 {
	if s.Relaxed.TP == 0 {
		return 0
	}
	return float64(s.TypeOK) / float64(s.Relaxed.TP)
}

// Write prints the scores.
func (s *DateScore) Write(w io.Writer) {
	fmt.Fprintf(w, "docs %d\n", s.Docs)
	s.Strict.WriteRow(w, "strict")
	s.Relaxed.WriteRow(w, "relaxed")
	s.Type.WriteRow(w, "type")
	s.Value.WriteRow(w, "value")
	fmt.Fprintf(w, "type accuracy (on relaxed matches) %.3f\n", s.TypeAccuracy())
}

// ScoreDates runs tg over each gold document, anchored at its published
// date (or dct), and scores the result. keepErrors keeps the mismatches.
func ScoreDates(ctx context.Context, tg *timex.Tagger, docs []TimexDoc, keepErrors bool) (*DateScore, error) {
	s := &DateScore{}
	seg := text.Segmenter{}
	for i := range docs {
		g := &docs[i]
		d := text.NewDocument(g.ID, "", g.Text)
		d.Published = g.Published
		if d.Published == "" {
			d.Published = g.DCT
		}
		if err := seg.Annotate(ctx, d); err != nil {
			return nil, fmt.Errorf("cannot segment %s: %w", g.ID, err)
		}
		if err := tg.Annotate(ctx, d); err != nil {
			return nil, fmt.Errorf("cannot tag %s: %w", g.ID, err)
		}
		sys := SystemTimex(d)
		s.Docs++
		s.Bytes += len(g.Text)
		s.add(g, sys, keepErrors)
	}
	return s, nil
}

// SystemTimex converts d.Dates to code-point spans.
func SystemTimex(d *text.Document) []TimexSpan {
	out := make([]TimexSpan, 0, len(d.Dates))
	for _, x := range d.Dates {
		a := utf8.RuneCountInString(d.Text[:x.Start])
		b := a + utf8.RuneCountInString(d.Text[x.Start:x.End])
		out = append(out, TimexSpan{Start: a, End: b, Text: d.Text[x.Start:x.End], Type: x.Type, Value: x.Value})
	}
	return out
}

func (s *DateScore) add(g *TimexDoc, sys []TimexSpan, keep bool) {
	gold := append([]TimexSpan(nil), g.Timex...)
	sort.Slice(gold, func(i, j int) bool { return gold[i].Start < gold[j].Start })
	usedG := make([]bool, len(gold))
	matched := make([]int, len(sys)) // index of the relaxed gold match, or -1
	for i, x := range sys {
		matched[i] = -1
		// Prefer an exact match, then the first overlap.
		for j, y := range gold {
			if !usedG[j] && x.Start == y.Start && x.End == y.End {
				matched[i] = j
				break
			}
		}
		if matched[i] < 0 {
			for j, y := range gold {
				if !usedG[j] && x.Start < y.End && y.Start < x.End {
					matched[i] = j
					break
				}
			}
		}
		if matched[i] >= 0 {
			usedG[matched[i]] = true
		}
	}
	var strict, relaxed, typ, val PRF
	for i, x := range sys {
		j := matched[i]
		if j < 0 {
			if keep {
				s.Errors = append(s.Errors, DateError{Doc: g.ID, Kind: "spurious", System: x, Published: g.Published, Where: context40(g.Text, x.Start, x.End)})
			}
			continue
		}
		y := gold[j]
		relaxed.TP++
		if x.Start == y.Start && x.End == y.End {
			strict.TP++
		} else if keep {
			s.Errors = append(s.Errors, DateError{Doc: g.ID, Kind: "span", Gold: y, System: x, Published: g.Published, Where: context40(g.Text, y.Start, y.End)})
		}
		if x.Type == y.Type {
			typ.TP++
			s.TypeOK++
		}
		if x.Value == y.Value {
			val.TP++
		} else if keep {
			s.Errors = append(s.Errors, DateError{Doc: g.ID, Kind: "value", Gold: y, System: x, Published: g.Published, Where: context40(g.Text, y.Start, y.End)})
		}
	}
	for j, y := range gold {
		if !usedG[j] && keep {
			s.Errors = append(s.Errors, DateError{Doc: g.ID, Kind: "missed", Gold: y, Published: g.Published, Where: context40(g.Text, y.Start, y.End)})
		}
	}
	for _, p := range []*PRF{&strict, &relaxed, &typ, &val} {
		p.FP = len(sys) - p.TP
		p.FN = len(gold) - p.TP
	}
	s.Strict.Add(strict)
	s.Relaxed.Add(relaxed)
	s.Type.Add(typ)
	s.Value.Add(val)
}

// context40 returns the text around code points [a, b) with the span in
// brackets, on one line.
func context40(t string, a, b int) string {
	r := []rune(t)
	if a < 0 || b > len(r) || a > b {
		return ""
	}
	lo, hi := max(0, a-40), min(len(r), b+40)
	out := string(r[lo:a]) + "[" + string(r[a:b]) + "]" + string(r[b:hi])
	buf := []rune(out)
	for i, c := range buf {
		if c == '\n' {
			buf[i] = ' '
		}
	}
	return string(buf)
}

package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/internal/amount"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/timex"
)

// AmountDoc is one sentence or article of an amounts fixture with the
// amounts a reader expects. Gold spans are given by their text, which
// must occur in the document (the first occurrence is meant).
type AmountDoc struct {
	Text      string       `json:"text"`
	Published string       `json:"published,omitempty"`
	Amounts   []AmountGold `json:"amounts"`
}

// AmountGold is one expected amount.
type AmountGold struct {
	Text   string  `json:"text"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Object string  `json:"object"`
}

// ReadAmountGold reads a JSONL amounts fixture.
func ReadAmountGold(path string) ([]AmountDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open gold: %w", err)
	}
	defer f.Close()
	var docs []AmountDoc
	err = eachJSONL(f, func(n int, b []byte) error {
		var d AmountDoc
		if err := json.Unmarshal(b, &d); err != nil {
			return fmt.Errorf("cannot parse %s line %d: %w", path, n, err)
		}
		for _, a := range d.Amounts {
			if !strings.Contains(d.Text, a.Text) {
				return fmt.Errorf("%s line %d: amount %q not in text", path, n, a.Text)
			}
		}
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// AmountScore holds span P/R/F1 (overlap) and, over matched amounts, the
// share with the right value, unit and object (case-insensitive).
type AmountScore struct {
	Span                      PRF
	ValueOK, UnitOK, ObjectOK int
	Errors                    []string
}

func amountRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ValueAccuracy returns the share of matched amounts with the right value.
func (s *AmountScore) ValueAccuracy() float64 { return amountRatio(s.ValueOK, s.Span.TP) }

// UnitAccuracy returns the share of matched amounts with the right unit.
func (s *AmountScore) UnitAccuracy() float64 { return amountRatio(s.UnitOK, s.Span.TP) }

// ObjectAccuracy returns the share of matched amounts with the right object.
func (s *AmountScore) ObjectAccuracy() float64 { return amountRatio(s.ObjectOK, s.Span.TP) }

// Write prints the scores and, when kept, the errors.
func (s *AmountScore) Write(w io.Writer, errors bool) {
	s.Span.WriteRow(w, "span")
	fmt.Fprintf(w, "value accuracy  %.3f\nunit accuracy   %.3f\nobject accuracy %.3f\n", s.ValueAccuracy(), s.UnitAccuracy(), s.ObjectAccuracy())
	if errors {
		for _, e := range s.Errors {
			fmt.Fprintln(w, e)
		}
	}
}

// ScoreAmounts runs segmentation, dates and amounts over each fixture
// document and scores the amounts.
func ScoreAmounts(ctx context.Context, tg *timex.Tagger, at *amount.Tagger, docs []AmountDoc) (*AmountScore, error) {
	s := &AmountScore{}
	for i, g := range docs {
		d := text.NewDocument(fmt.Sprint(i+1), "", g.Text)
		d.Published = g.Published
		if err := (text.Segmenter{}).Annotate(ctx, d); err != nil {
			return nil, err
		}
		if err := tg.Annotate(ctx, d); err != nil {
			return nil, fmt.Errorf("cannot tag dates in %d: %w", i+1, err)
		}
		if err := at.Annotate(ctx, d); err != nil {
			return nil, fmt.Errorf("cannot tag amounts in %d: %w", i+1, err)
		}
		used := make([]bool, len(d.Amounts))
		for _, ga := range g.Amounts {
			a := strings.Index(g.Text, ga.Text)
			gs := text.Span{Start: a, End: a + len(ga.Text)}
			found := -1
			for j, x := range d.Amounts {
				if !used[j] && x.Overlaps(gs) {
					found = j
					break
				}
			}
			if found < 0 {
				s.Span.FN++
				s.Errors = append(s.Errors, fmt.Sprintf("missed   %d %q", i+1, ga.Text))
				continue
			}
			used[found] = true
			x := d.Amounts[found]
			s.Span.TP++
			if math.Abs(x.Value-ga.Value) <= 1e-9*math.Max(1, math.Abs(ga.Value)) {
				s.ValueOK++
			} else {
				s.Errors = append(s.Errors, fmt.Sprintf("value    %d %q: %g, want %g", i+1, ga.Text, x.Value, ga.Value))
			}
			if x.Unit == ga.Unit {
				s.UnitOK++
			} else {
				s.Errors = append(s.Errors, fmt.Sprintf("unit     %d %q: %q, want %q", i+1, ga.Text, x.Unit, ga.Unit))
			}
			if strings.EqualFold(x.Object, ga.Object) {
				s.ObjectOK++
			} else {
				s.Errors = append(s.Errors, fmt.Sprintf("object   %d %q: %q, want %q", i+1, ga.Text, x.Object, ga.Object))
			}
		}
		for j, x := range d.Amounts {
			if !used[j] {
				s.Span.FP++
				s.Errors = append(s.Errors, fmt.Sprintf("spurious %d %q (%g %s %q)", i+1, d.Slice(x.Span), x.Value, x.Unit, x.Object))
			}
		}
	}
	return s, nil
}

package eval

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// SentenceScore is the result of the sentence-splitting evaluation.
type SentenceScore struct {
	Gold, Predicted, Matched int
}

// Accuracy is the share of gold sentences whose start and end both match a
// predicted sentence.
func (s SentenceScore) Accuracy() float64 {
	if s.Gold == 0 {
		return 0
	}
	return float64(s.Matched) / float64(s.Gold)
}

// Write prints the score.
func (s SentenceScore) Write(w io.Writer) {
	p := PRF{TP: s.Matched, FP: s.Predicted - s.Matched, FN: s.Gold - s.Matched}
	fmt.Fprintf(w, "sentences: gold=%d predicted=%d matched=%d accuracy=%.4f\n", s.Gold, s.Predicted, s.Matched, s.Accuracy())
	p.WriteRow(w, "boundaries")
}

// Sentences scores the sentence splitter on CoNLL sentences: it rebuilds
// running text from the tokens, chunkSize sentences to a paragraph (so that
// the splitter must find boundaries inside a line), splits it, and counts
// the gold sentences whose boundaries are found exactly.
func Sentences(gold [][]ConllToken, chunkSize int) SentenceScore {
	var sc SentenceScore
	if chunkSize <= 0 {
		chunkSize = 20
	}
	var toks []text.Token
	var sents []text.Sentence
	for i := 0; i < len(gold); i += chunkSize {
		chunk := gold[i:min(i+chunkSize, len(gold))]
		var b strings.Builder
		type span struct{ s, e int }
		var want []span
		for _, sent := range chunk {
			forms := make([]string, len(sent))
			for j, t := range sent {
				forms[j] = t.Form
			}
			st, en := Detokenize(forms, &b, nil, nil)
			want = append(want, span{st[0], en[len(en)-1]})
		}
		s := b.String()
		toks = text.Tokenize(toks[:0], s)
		sents = text.Split(sents[:0], s, toks)
		got := make(map[span]bool, len(sents))
		for _, x := range sents {
			got[span{x.Start, x.End}] = true
		}
		sc.Gold += len(want)
		sc.Predicted += len(sents)
		for _, w := range want {
			if got[w] {
				sc.Matched++
			}
		}
	}
	return sc
}

package syntax

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/conllu"
	"github.com/newsgraph/newsgraph/internal/text"
)

// CoNLLU returns the parsed sentences of d as CoNLL-U sentences, with
// `# newdoc id` the document's id, `# sent_id` id-N and `# text` the
// sentence (line breaks as spaces). A sentence parsed in pieces (longer
// than MaxSentence tokens) gives one CoNLL-U sentence per piece, so every
// tree has one root. It returns nil when d has no syntax layer.
func CoNLLU(d *text.Document) []*conllu.Sentence {
	if d.Syntax == nil {
		return nil
	}
	var out []*conllu.Sentence
	for _, s := range d.Sentences {
		for start := s.FirstToken; start < s.EndToken; start += MaxSentence {
			end := min(start+MaxSentence, s.EndToken)
			cs := &conllu.Sentence{
				DocID: d.ID,
				ID:    d.ID + "-" + strconv.Itoa(len(out)+1),
				Text:  strings.Join(strings.Fields(d.Text[d.Tokens[start].Start:d.Tokens[end-1].End]), " "),
			}
			for i := start; i < end; i++ {
				x := d.Syntax[i]
				h := 0
				if x.Head >= 0 {
					h = x.Head - start + 1
				}
				cs.Words = append(cs.Words, conllu.Word{
					Form: d.TokenText(i), Lemma: x.Lemma, UPOS: x.UPOS, XPOS: x.XPOS,
					Head: h, Deprel: x.Rel,
					SpaceAfter: i+1 >= len(d.Tokens) || d.Tokens[i+1].Start > d.Tokens[i].End,
				})
			}
			out = append(out, cs)
		}
	}
	return out
}

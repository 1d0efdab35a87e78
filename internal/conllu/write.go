package conllu

import (
	"bufio"
	"io"
	"strconv"
)

// Writer writes sentences as CoNLL-U.
type Writer struct {
	w     *bufio.Writer
	docID string
}

// NewWriter returns a Writer to w. Call Flush when done.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Write writes s, preceded by `# newdoc id` when its DocID changes, then
// `# sent_id` and `# text`.
func (w *Writer) Write(s *Sentence) error {
	if s.DocID != "" && s.DocID != w.docID {
		w.docID = s.DocID
		w.w.WriteString("# newdoc id = " + s.DocID + "\n")
	}
	if s.ID != "" {
		w.w.WriteString("# sent_id = " + s.ID + "\n")
	}
	if s.Text != "" {
		w.w.WriteString("# text = " + s.Text + "\n")
	}
	for i, x := range s.Words {
		w.w.WriteString(strconv.Itoa(i + 1))
		for _, c := range []string{x.Form, x.Lemma, x.UPOS, x.XPOS, x.Feats} {
			w.w.WriteByte('\t')
			w.w.WriteString(field(c))
		}
		w.w.WriteByte('\t')
		if x.Head < 0 {
			w.w.WriteString("_")
		} else {
			w.w.WriteString(strconv.Itoa(x.Head))
		}
		w.w.WriteByte('\t')
		w.w.WriteString(field(x.Deprel))
		w.w.WriteString("\t_\t")
		if x.SpaceAfter {
			w.w.WriteString("_\n")
		} else {
			w.w.WriteString("SpaceAfter=No\n")
		}
	}
	_, err := w.w.WriteString("\n")
	return err
}

// Flush writes buffered data.
func (w *Writer) Flush() error { return w.w.Flush() }

func field(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// Package conllu reads and writes CoNLL-U, the Universal Dependencies
// treebank format (https://universaldependencies.org/format.html), and the
// column token files of CoNLL-2003 and GMB: one token per line, blank lines
// between sentences. It is the one reader of such files for the trainers
// and the evals.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ErrFormat marks a line that does not follow the format.
var ErrFormat = errors.New("conllu: bad format")

// Word is one syntactic word of a CoNLL-U sentence (multi-word token lines
// and empty nodes are skipped). Head is 1-based, 0 for the root, -1 when
// the file gives none.
type Word struct {
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int
	Deprel                         string
	SpaceAfter                     bool
}

// Sentence is one sentence with its comments.
type Sentence struct {
	// DocID is the `# newdoc id` in force (the last one seen).
	DocID string
	// ID and Text are the `# sent_id` and `# text` comments.
	ID, Text string
	Words    []Word
	// Line is the file line where the sentence starts.
	Line int
}

// Forms returns the word forms of s.
func (s *Sentence) Forms() []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		out[i] = w.Form
	}
	return out
}

// Genre returns the genre of a sentence from its document id as the UD
// English treebanks spell it: EWT's "weblog-…", "answers-…" and GUM's
// "GUM_news_…" give "weblog", "answers", "GUM_news". It is "" without an id.
func (s *Sentence) Genre() string {
	id := s.DocID
	if rest, ok := strings.CutPrefix(id, "GUM_"); ok {
		if i := strings.IndexByte(rest, '_'); i > 0 {
			return "GUM_" + rest[:i]
		}
		return "GUM"
	}
	if i := strings.IndexAny(id, "-_"); i > 0 {
		return id[:i]
	}
	return id
}

// Reader reads CoNLL-U sentences one at a time.
type Reader struct {
	sc    *bufio.Scanner
	line  int
	docID string
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	return &Reader{sc: sc}
}

// Next returns the next sentence, or io.EOF after the last.
func (r *Reader) Next() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if line == "" {
			if s != nil && len(s.Words) > 0 {
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if line[0] == '#' {
			key, val, ok := strings.Cut(strings.TrimSpace(line[1:]), "=")
			if !ok {
				continue
			}
			val = strings.TrimSpace(val)
			switch strings.TrimSpace(key) {
			case "newdoc id":
				r.docID = val
			case "sent_id":
				s.ID = val
			case "text":
				s.Text = val
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("%w: line %d: %d columns, want 10", ErrFormat, r.line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // multi-word token or empty node
		}
		w := Word{Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5], Head: -1, Deprel: cols[7], SpaceAfter: !strings.Contains(cols[9], "SpaceAfter=No")}
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			if err != nil || h < 0 {
				return nil, fmt.Errorf("%w: line %d: head %q", ErrFormat, r.line, cols[6])
			}
			w.Head = h
		}
		s.DocID = r.docID
		s.Words = append(s.Words, w)
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("cannot read conllu at line %d: %w", r.line, err)
	}
	if s != nil && len(s.Words) > 0 {
		return s, nil
	}
	return nil, io.EOF
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader) ([]*Sentence, error) {
	rd := NewReader(r)
	var out []*Sentence
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		if err := s.Check(); err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// Check reports a head outside the sentence.
func (s *Sentence) Check() error {
	for i, w := range s.Words {
		if w.Head > len(s.Words) {
			return fmt.Errorf("%w: sentence at line %d: word %d has head %d of %d words", ErrFormat, s.Line, i+1, w.Head, len(s.Words))
		}
	}
	return nil
}

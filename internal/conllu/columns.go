package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Rows is one sentence of a column token file: one row of columns per
// token, the form first.
type Rows struct {
	Cols [][]string
	// DocStart says the sentence opens a document: it follows a
	// -DOCSTART- line (CoNLL-2003 marks its documents so; GMB does not).
	DocStart bool
	// Line is the file line of the sentence's first token.
	Line int
}

// ReadColumns reads a column token file (CoNLL-2003, GMB): one token a
// line, columns separated by TABs (or, in a line without a TAB, by
// spaces), a blank line between sentences, -DOCSTART- lines marking
// documents. Every row has at least minCols columns or the file is
// refused with the line number.
func ReadColumns(r io.Reader, minCols int) ([]Rows, error) {
	var (
		out  []Rows
		cur  Rows
		line int
	)
	docStart := false
	flush := func() {
		if len(cur.Cols) > 0 {
			cur.DocStart, docStart = docStart, false
			out = append(out, cur)
		}
		cur = Rows{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		if strings.HasPrefix(l, "-DOCSTART-") {
			flush()
			docStart = true
			continue
		}
		var cols []string
		if strings.Contains(l, "\t") {
			cols = strings.Split(l, "\t")
		} else {
			cols = strings.Fields(l)
		}
		if len(cols) < max(minCols, 1) || cols[0] == "" {
			return nil, fmt.Errorf("%w: line %d has %d columns, want at least %d", ErrFormat, line, len(cols), max(minCols, 1))
		}
		if len(cur.Cols) == 0 {
			cur.Line = line
		}
		cur.Cols = append(cur.Cols, cols)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cannot read token file at line %d: %w", line, err)
	}
	flush()
	return out, nil
}

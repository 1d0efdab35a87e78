package eval

import (
	"fmt"
	"github.com/newsgraph/newsgraph/internal/conllu"
	"io"
	"os"
	"strings"
)

// ConllToken is one token line of a CoNLL file: its form and its columns.
type ConllToken struct {
	Form string
	Cols []string // all columns after the form (POS, tag, ...)
}

// ReadConll reads a CoNLL file: one token per line, columns separated by
// TAB, sentences separated by blank lines, -DOCSTART- lines skipped.
func ReadConll(path string) ([][]ConllToken, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	defer f.Close()
	return ParseConll(f)
}

// ParseConll parses CoNLL text from r (-DOCSTART- lines skipped).
func ParseConll(r io.Reader) ([][]ConllToken, error) {
	rows, err := conllu.ReadColumns(r, 1)
	if err != nil {
		return nil, err
	}
	out := make([][]ConllToken, 0, len(rows))
	for _, rs := range rows {
		toks := make([]ConllToken, len(rs.Cols))
		for i, cols := range rs.Cols {
			toks[i] = ConllToken{Form: cols[0], Cols: cols[1:]}
		}
		out = append(out, toks)
	}
	return out, nil
}

// Detokenize joins tokens into running text as a newspaper would print
// it (no space before punctuation and clitics, none inside quotes or after
// an opening bracket or currency sign) and returns the text with each
// token's byte span.
func Detokenize(forms []string, b *strings.Builder, starts, ends []int) ([]int, []int) {
	quoteOpen := false
	noSpaceNext := b.Len() == 0
	for _, f := range forms {
		space := !noSpaceNext
		noSpaceNext = false
		switch f {
		case ".", ",", ";", ":", "!", "?", "%", ")", "]", "}", "...", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "'":
			space = false
		case "(", "[", "{", "$", "#":
			noSpaceNext = true
		case "\"", "``", "''":
			if quoteOpen {
				space = false
			} else {
				noSpaceNext = true
			}
			quoteOpen = !quoteOpen
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		starts = append(starts, b.Len())
		b.WriteString(f)
		ends = append(ends, b.Len())
	}
	return starts, ends
}

package eval

import (
	"bufio"
	"fmt"
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

// ParseConll parses CoNLL text from r.
func ParseConll(r io.Reader) ([][]ConllToken, error) {
	var (
		out  [][]ConllToken
		cur  []ConllToken
		line int
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		if strings.HasPrefix(l, "-DOCSTART-") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) < 2 {
			cols = strings.Fields(l)
		}
		if len(cols) < 1 || cols[0] == "" {
			return nil, fmt.Errorf("conll line %d: no token", line)
		}
		cur = append(cur, ConllToken{Form: cols[0], Cols: cols[1:]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cannot read conll: %w", err)
	}
	if len(cur) > 0 {
		out = append(out, cur)
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

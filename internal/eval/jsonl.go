package eval

import (
	"bufio"
	"bytes"
	"io"
)

// maxGoldLine is the longest line a gold JSONL file may have.
const maxGoldLine = 64 << 20

// eachJSONL calls fn with each non-blank line of r and its number (from 1),
// stopping at the first error.
func eachJSONL(r io.Reader, fn func(n int, line []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), maxGoldLine)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

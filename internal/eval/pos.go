package eval

import (
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/internal/pos"
)

// POSResult is the part-of-speech tagger's score on a gold file.
type POSResult struct {
	Correct, Total int
	Sentences      int
	Elapsed        time.Duration
	// Confusions counts gold->guess errors.
	Confusions map[[2]string]int
}

// Accuracy returns Correct / Total.
func (r POSResult) Accuracy() float64 {
	if r.Total == 0 {
		return 0
	}
	return float64(r.Correct) / float64(r.Total)
}

// POSFile tags the sentences of a TOKEN<TAB>POS file with m and scores them.
func POSFile(m *pos.Model, path string) (POSResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return POSResult{}, fmt.Errorf("cannot open gold: %w", err)
	}
	defer f.Close()
	sents, err := pos.ReadCoNLL(f)
	if err != nil {
		return POSResult{}, err
	}
	return POS(m, sents), nil
}

// POS scores m on gold sentences.
func POS(m *pos.Model, sents []pos.Sentence) POSResult {
	r := POSResult{Sentences: len(sents), Confusions: map[[2]string]int{}}
	var buf []uint8
	t0 := time.Now()
	for _, s := range sents {
		buf = m.Tag(buf[:0], s.Words)
		for i, t := range buf {
			g := m.TagName(t)
			if g == s.Tags[i] {
				r.Correct++
			} else {
				r.Confusions[[2]string{s.Tags[i], g}]++
			}
			r.Total++
		}
	}
	r.Elapsed = time.Since(t0)
	return r
}

// Write prints the accuracy, speed and the most frequent confusions.
func (r POSResult) Write(w io.Writer) {
	fmt.Fprintf(w, "pos accuracy=%.4f (%d/%d tokens, %d sentences, %.0f tokens/s)\n",
		r.Accuracy(), r.Correct, r.Total, r.Sentences, float64(r.Total)/r.Elapsed.Seconds())
	type kv struct {
		k [2]string
		n int
	}
	var cs []kv
	for k, n := range r.Confusions {
		cs = append(cs, kv{k, n})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].n != cs[j].n {
			return cs[i].n > cs[j].n
		}
		return cs[i].k[0]+cs[i].k[1] < cs[j].k[0]+cs[j].k[1]
	})
	for i, c := range cs {
		if i == 8 {
			break
		}
		fmt.Fprintf(w, "  gold %-5s tagged %-5s %d\n", c.k[0], c.k[1], c.n)
	}
}

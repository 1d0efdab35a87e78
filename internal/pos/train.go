package pos

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// Sentence is one training sentence: words and their gold tags.
type Sentence struct {
	Words []string
	Tags  []string
}

// ReadCoNLL reads TOKEN<TAB>POS[<TAB>...] lines, sentences separated by a
// blank line, as in the GMB files.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "-DOCSTART-") {
			flush()
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want TOKEN<TAB>POS", n)
		}
		cur.Words = append(cur.Words, f[0])
		cur.Tags = append(cur.Tags, f[1])
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cannot read conll: %w", err)
	}
	return out, nil
}

// TrainOptions configures Train.
type TrainOptions struct {
	Iterations int    // passes over the data; default 5
	Seed       uint64 // shuffle seed; default 1
	// MinWeight drops averaged weights whose magnitude is below it, relative
	// to the largest; default 0.002.
	MinWeight float64
	// DictMinCount and DictMinShare select the words tagged by lookup: seen
	// at least DictMinCount times (default 20) with one tag in at least
	// DictMinShare of them (default 0.97).
	DictMinCount int
	DictMinShare float64
}

// EnsureDefaults fills zero fields with their defaults.
func (o *TrainOptions) EnsureDefaults() {
	if o.Iterations == 0 {
		o.Iterations = 5
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.MinWeight == 0 {
		o.MinWeight = 0.002
	}
	if o.DictMinCount == 0 {
		o.DictMinCount = 20
	}
	if o.DictMinShare == 0 {
		o.DictMinShare = 0.97
	}
}

// Validate reports options out of range.
func (o *TrainOptions) Validate() error {
	if o.Iterations < 1 || o.Iterations > 100 {
		return fmt.Errorf("pos: iterations %d out of range 1..100", o.Iterations)
	}
	if o.MinWeight < 0 || o.MinWeight >= 1 {
		return fmt.Errorf("pos: min weight %g out of range [0,1)", o.MinWeight)
	}
	return nil
}

// Train trains a model on sents. It is deterministic for a given seed.
func Train(sents []Sentence, o TrainOptions) (*Model, error) {
	o.EnsureDefaults()
	if err := o.Validate(); err != nil {
		return nil, err
	}
	// Tag set and tag dictionary.
	tagID := map[string]uint8{}
	var tags []string
	counts := map[string]map[string]int{}
	for _, s := range sents {
		for i, w := range s.Words {
			t := s.Tags[i]
			if _, ok := tagID[t]; !ok {
				if len(tags) >= maxTags {
					return nil, fmt.Errorf("pos: more than %d tags", maxTags)
				}
				tagID[t] = uint8(len(tags))
				tags = append(tags, t)
			}
			c := counts[w]
			if c == nil {
				c = map[string]int{}
				counts[w] = c
			}
			c[t]++
		}
	}
	tagdict := map[string]uint8{}
	for w, c := range counts {
		n, best, bt := 0, 0, ""
		for t, k := range c {
			n += k
			if k > best || (k == best && t < bt) {
				best, bt = k, t
			}
		}
		if n >= o.DictMinCount && float64(best)/float64(n) >= o.DictMinShare {
			tagdict[w] = tagID[bt]
		}
	}
	nt := len(tags)
	rows := map[uint64]int32{}
	var wts []int32
	var acc []int64
	row := func(h uint64) int {
		r, ok := rows[h]
		if !ok {
			r = int32(len(rows))
			rows[h] = r
			wts = append(wts, make([]int32, nt)...)
			acc = append(acc, make([]int64, nt)...)
		}
		return int(r) * nt
	}
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	var feats [numFeatures]uint64
	c := int64(1)
	for range o.Iterations {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := sents[si]
			p1, p2 := startTag, startTag
			for i, w := range s.Words {
				gold := int(tagID[s.Tags[i]])
				guess := gold
				if t, ok := tagdict[w]; ok {
					guess = int(t)
				} else {
					features(&feats, s.Words, i, p1, p2)
					var scores [maxTags]int64
					for _, f := range feats {
						r, ok := rows[f]
						if !ok {
							continue
						}
						base := int(r) * nt
						for k := 0; k < nt; k++ {
							scores[k] += int64(wts[base+k])
						}
					}
					guess = 0
					for k := 1; k < nt; k++ {
						if scores[k] > scores[guess] {
							guess = k
						}
					}
					if guess != gold {
						for _, f := range feats {
							b := row(f)
							wts[b+gold]++
							acc[b+gold] += c
							wts[b+guess]--
							acc[b+guess] -= c
						}
					}
				}
				c++
				// Train on gold history would be exposure-biased; use the guess.
				p2, p1 = p1, guess
			}
		}
	}
	// Average, quantise, prune.
	avg := make([]float64, len(wts))
	maxAbs := 0.0
	for i := range wts {
		a := float64(wts[i]) - float64(acc[i])/float64(c)
		avg[i] = a
		maxAbs = max(maxAbs, math.Abs(a))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	minQ := o.MinWeight * 32767
	m := &Model{tags: tags, index: map[uint64]uint64{}, scale: float32(scale), tagdict: tagdict}
	keys := sortedKeys(rows)
	for _, h := range keys {
		base := int(rows[h]) * nt
		start := len(m.w)
		for k := 0; k < nt; k++ {
			q := math.Round(avg[base+k] / scale)
			if math.Abs(q) < minQ || q == 0 {
				continue
			}
			m.w = append(m.w, weight{uint8(k), int16(q)})
		}
		if n := len(m.w) - start; n > 0 {
			m.index[h] = uint64(start)<<8 | uint64(n)
		}
	}
	return m, nil
}

// Accuracy tags sents with m and returns the share of correct tags.
func (m *Model) Accuracy(sents []Sentence) (correct, total int) {
	var buf []uint8
	for _, s := range sents {
		buf = m.Tag(buf[:0], s.Words)
		for i, t := range buf {
			if m.tags[t] == s.Tags[i] {
				correct++
			}
			total++
		}
	}
	return correct, total
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

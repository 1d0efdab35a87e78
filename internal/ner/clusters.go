package ner

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Word clusters give the tagger a feature for words it never saw tagged:
// words that occur in similar contexts in unlabelled news get similar bit
// signatures. The signature of a word is the sign pattern of random
// projections (SimHash) of its positive-PMI vector of left and right
// neighbours, so that a prefix of k bits is a cluster at one of 2^k cells,
// coarse to fine like Brown cluster paths.

// clusterBits is the length of a signature.
const clusterBits = 20

// clusterPrefixes are the signature prefixes used as features.
var clusterPrefixes = [...]uint{6, 10, 14, 20}

// ClusterOptions configures the word clusters built by Train.
type ClusterOptions struct {
	// MinCount is the minimum frequency of a word to get a signature.
	// Default 3.
	MinCount int
	// Contexts is the number of most frequent words used as contexts; the
	// others count as their shape. Default 5000.
	Contexts int
}

// EnsureDefaults fills unset fields with their defaults.
func (o *ClusterOptions) EnsureDefaults() {
	if o.MinCount == 0 {
		o.MinCount = 3
	}
	if o.Contexts == 0 {
		o.Contexts = 5000
	}
}

// clusterKey returns the form a word is looked up by: digits as 0, curly
// quotes straight, case kept. It appends to buf and returns the result.
func clusterKey(buf []byte, w string) []byte {
	for _, r := range w {
		buf = utf8.AppendRune(buf, normRune(r))
	}
	return buf
}

// buildClusters computes signatures for the words of sents.
func buildClusters(sents [][]string, o ClusterOptions) map[string]uint32 {
	o.EnsureDefaults()
	freq := map[string]int{}
	norm := make([][]string, len(sents))
	var buf []byte
	for i, s := range sents {
		ns := make([]string, len(s))
		for j, w := range s {
			buf = clusterKey(buf[:0], w)
			k := string(buf)
			ns[j] = k
			freq[k]++
		}
		norm[i] = ns
	}
	words := make([]string, 0, len(freq))
	for w, c := range freq {
		if c >= o.MinCount {
			words = append(words, w)
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if freq[words[i]] != freq[words[j]] {
			return freq[words[i]] > freq[words[j]]
		}
		return words[i] < words[j]
	})
	index := make(map[string]int32, len(words))
	for i, w := range words {
		index[w] = int32(i)
	}
	nctx := min(o.Contexts, len(words))
	// Context id: 2*c for a left neighbour, 2*c+1 for a right one, where c
	// is the word's rank among the contexts, or nctx + its shape class.
	ctxOf := func(w string) int32 {
		if id, ok := index[w]; ok && int(id) < nctx {
			return id
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			return int32(nctx)
		case unicode.IsLower(r):
			return int32(nctx + 1)
		case unicode.IsDigit(r):
			return int32(nctx + 2)
		}
		return int32(nctx + 3)
	}
	type pair struct{ w, c int32 }
	counts := map[pair]float64{}
	ctxTotal := make([]float64, 2*(nctx+4))
	wTotal := make([]float64, len(words))
	total := 0.0
	for _, s := range norm {
		for j, w := range s {
			id, ok := index[w]
			if !ok {
				continue
			}
			left, right := int32(2*(nctx+3)), int32(2*(nctx+3)+1) // sentence edges count as punctuation
			if j > 0 {
				left = 2 * ctxOf(s[j-1])
			}
			if j+1 < len(s) {
				right = 2*ctxOf(s[j+1]) + 1
			}
			for _, c := range [2]int32{left, right} {
				counts[pair{id, c}]++
				ctxTotal[c]++
				wTotal[id]++
				total++
			}
		}
	}
	// Random ±1 projections of each context, from a fixed hash.
	proj := make([][clusterBits]float32, len(ctxTotal))
	for c := range proj {
		h := mix(0xC1, uint64(c)+1)
		for b := 0; b < clusterBits; b++ {
			h = mix(h, uint64(b)+7)
			// Gaussian-like: sum of 4 uniform bytes, centred.
			v := float32(h&0xff) + float32(h>>8&0xff) + float32(h>>16&0xff) + float32(h>>24&0xff) - 510
			proj[c][b] = v
		}
	}
	// Sorted, so that the float sums and the signatures are reproducible.
	pairs := make([]pair, 0, len(counts))
	for p := range counts {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		return pairs[i].w < pairs[j].w || pairs[i].w == pairs[j].w && pairs[i].c < pairs[j].c
	})
	acc := make([][clusterBits]float32, len(words))
	for _, p := range pairs {
		n := counts[p]
		pmi := math.Log(n * total / (wTotal[p.w] * ctxTotal[p.c]))
		if pmi <= 0 {
			continue
		}
		for b := 0; b < clusterBits; b++ {
			acc[p.w][b] += float32(pmi) * proj[p.c][b]
		}
	}
	out := make(map[string]uint32, len(words))
	for i, w := range words {
		var sig uint32
		for b := 0; b < clusterBits; b++ {
			if acc[i][b] > 0 {
				sig |= 1 << (clusterBits - 1 - b)
			}
		}
		out[w] = sig | 1<<31 // high bit: known word
	}
	return out
}

// lexicon holds what the tagger knows about words beyond the weights: their
// cluster signatures. It is immutable after building.
type lexicon struct {
	clusters map[string]uint32
	// gazetteer maps a phrase hash to its type index + 1.
	gazetteer map[uint64]uint8
	// firstNames holds the lower-case hashes (token.lower) of known
	// given names.
	firstNames map[uint64]bool
}

// lookGaz looks a phrase hash up in the gazetteer.
func (lx *lexicon) lookGaz(h uint64) uint8 { return lx.gazetteer[h] }

// cluster returns the signature of w (high bit set) or 0 when unknown. It
// tries w as it is, then title-cased (MOSCOW → Moscow), then lower-cased.
func (lx *lexicon) cluster(w string) uint32 {
	if len(lx.clusters) == 0 || len(w) > 48 {
		return 0
	}
	var arr [64]byte
	buf := clusterKey(arr[:0], w)
	if len(buf) > len(arr) {
		return 0
	}
	if sig, ok := lx.clusters[string(buf)]; ok {
		return sig
	}
	// Title case, then lower case (ASCII only: enough for the fallbacks).
	changed := false
	for i := 1; i < len(buf); i++ {
		if c := buf[i]; c >= 'A' && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
			changed = true
		}
	}
	if changed {
		if sig, ok := lx.clusters[string(buf)]; ok {
			return sig
		}
	}
	if c := buf[0]; c >= 'A' && c <= 'Z' {
		buf[0] = c + 'a' - 'A'
		if sig, ok := lx.clusters[string(buf)]; ok {
			return sig
		}
	}
	return 0
}

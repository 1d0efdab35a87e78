// Package dedup recognises the same article twice: exactly (a hash of the
// normalised text) and nearly (MinHash over word shingles, with
// locality-sensitive hashing bands to find candidates). The store uses it
// to skip re-ingested articles and to group syndicated copies into stories.
package dedup

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"unicode"
	"unicode/utf8"
)

// Sizes of a signature.
const (
	// NumHashes is the number of MinHash functions in a Signature.
	NumHashes = 128
	// Rows is the number of hashes per LSH band.
	Rows = 4
	// NumBands is the number of LSH bands: two signatures that agree on a
	// whole band become candidates. With 32 bands of 4 rows a pair with
	// Jaccard similarity 0.5 is a candidate with probability 0.87, 0.6 with
	// 0.99, and 0.2 with 0.05.
	NumBands = NumHashes / Rows
	// Shingle is the number of words per shingle.
	Shingle = 3
	// Threshold is the estimated Jaccard similarity from which two articles
	// are near-duplicates.
	Threshold = 0.5
)

// ErrBadSignature says that a stored signature has the wrong size.
var ErrBadSignature = errors.New("dedup: bad signature")

// Signature is the MinHash signature of a text.
type Signature [NumHashes]uint32

// seeds are the odd multipliers and the offsets of the hash functions,
// fixed so that signatures stay comparable across runs and stores.
var mul, add [NumHashes]uint64

func init() {
	// splitmix64 from a fixed seed.
	x := uint64(0x6e657773677261) // "newsgra"
	next := func() uint64 {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range mul {
		mul[i] = next() | 1
		add[i] = next()
	}
}

// asciiWord maps an ASCII letter or digit to its lower case and any other
// byte to 0.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		if r := rune(c); unicode.IsLetter(r) || unicode.IsDigit(r) {
			t[c] = byte(unicode.ToLower(r))
		}
	}
	return t
}()

// words calls fn with the FNV-64a hash of each normalised word of s: runs of
// letters and digits, lower-cased. It allocates nothing.
func words(s string, fn func(h uint64)) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h, n := uint64(offset), 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r < utf8.RuneSelf { // ASCII without the unicode tables
			i++
			if c := asciiWord[r]; c != 0 {
				h = (h ^ uint64(c)) * prime
				n++
				continue
			}
			if n > 0 {
				fn(h)
				h, n = offset, 0
			}
			continue
		}
		r, size = utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			var buf [4]byte
			m := utf8.EncodeRune(buf[:], r)
			for _, b := range buf[:m] {
				h = (h ^ uint64(b)) * prime
			}
			n++
			continue
		}
		if n > 0 {
			fn(h)
			h, n = offset, 0
		}
	}
	if n > 0 {
		fn(h)
	}
}

// Sign returns the MinHash signature of text's word shingles. A text of
// fewer than Shingle words is one shingle. Sign allocates nothing.
func Sign(text string) Signature {
	var m signer
	m.init()
	words(text, m.add)
	return m.sum()
}

// signer computes a Signature from the word hashes of a text, one at a
// time.
type signer struct {
	sig Signature
	win [Shingle]uint64
	n   int
}

func (m *signer) init() {
	for i := range m.sig {
		m.sig[i] = ^uint32(0)
	}
}

// add adds the next word hash.
func (m *signer) add(h uint64) {
	m.win[m.n%Shingle] = h
	m.n++
	if m.n >= Shingle {
		m.mix()
	}
}

// mix adds the shingle of the last words in the window.
func (m *signer) mix() {
	x := uint64(0)
	for j := 0; j < Shingle && j < m.n; j++ {
		x = (x^m.win[(m.n-1-j)%Shingle])*0x100000001b3 + uint64(j)
	}
	minHash(&m.sig, x)
}

// sum returns the signature; a text of fewer than Shingle words is one
// shingle.
func (m *signer) sum() Signature {
	if m.n > 0 && m.n < Shingle {
		m.mix()
	}
	return m.sig
}

// minHash lowers each hash of sig to that of the shingle hash x where it is
// smaller. Four hashes a step and no branches: this loop is most of Sign's
// time.
func minHash(sig *Signature, x uint64) {
	for k := 0; k < NumHashes; k += 4 {
		m, a, g := mul[k:k+4:k+4], add[k:k+4:k+4], sig[k:k+4:k+4]
		g[0] = min(g[0], uint32((x*m[0]+a[0])>>32))
		g[1] = min(g[1], uint32((x*m[1]+a[1])>>32))
		g[2] = min(g[2], uint32((x*m[2]+a[2])>>32))
		g[3] = min(g[3], uint32((x*m[3]+a[3])>>32))
	}
}

// Similarity estimates the Jaccard similarity of the shingle sets behind a
// and b.
func Similarity(a, b *Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / NumHashes
}

// Bands returns the LSH band keys of sig: two signatures that share a key
// (at the same index) are candidate near-duplicates. Each key mixes in its
// band index, so keys of different bands never collide by construction, and
// fits in a signed 64-bit integer column.
func (sig *Signature) Bands() [NumBands]int64 {
	var out [NumBands]int64
	for b := 0; b < NumBands; b++ {
		x := uint64(b+1) * 0x9e3779b97f4a7c15
		for _, v := range sig[b*Rows : (b+1)*Rows] {
			x = (x ^ uint64(v)) * 0x100000001b3
			x ^= x >> 29
		}
		out[b] = int64(x >> 1)
	}
	return out
}

// Bytes encodes sig as 4*NumHashes little-endian bytes.
func (sig *Signature) Bytes() []byte {
	b := make([]byte, 4*NumHashes)
	for i, v := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// ParseSignature decodes what Bytes encoded.
func ParseSignature(b []byte) (Signature, error) {
	var sig Signature
	if len(b) != 4*NumHashes {
		return sig, ErrBadSignature
	}
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return sig, nil
}

// ContentHash returns a hex SHA-256 of text's normalised words (lower-cased
// letters and digits, one space between words), so that copies differing in
// case, punctuation or white space hash alike.
func ContentHash(text string) string {
	h := sha256.New()
	var buf [8]byte
	words(text, func(w uint64) {
		binary.LittleEndian.PutUint64(buf[:], w)
		h.Write(buf[:])
	})
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Fingerprint returns ContentHash(text) and Sign(text) from one pass over
// text's words.
func Fingerprint(text string) (hash string, sig Signature) {
	var m signer
	m.init()
	h := sha256.New()
	var buf [8]byte
	words(text, func(w uint64) {
		binary.LittleEndian.PutUint64(buf[:], w)
		h.Write(buf[:])
		m.add(w)
	})
	return hex.EncodeToString(h.Sum(nil)[:16]), m.sum()
}

// CountWords counts the runs of non-space bytes of s without allocating;
// the stores compare only texts with enough words for near-duplicates.
func CountWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// IsNear reports whether a and b are near-duplicates.
func IsNear(a, b *Signature) bool { return Similarity(a, b) >= Threshold }

package learn

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
)

// ErrFormat marks model data that cannot be decoded.
var ErrFormat = errors.New("learn: bad model format")

const modelMagic = "NGLEARN1"

// Entry is one class's weight of a feature, quantised.
type Entry struct {
	Class uint16
	W     int16
}

// Model is a frozen perceptron: for each feature hash, the quantised
// weights of the classes it votes for, in an open-addressing table. It is
// immutable and safe for concurrent use.
type Model struct {
	classes int
	scale   float32
	mask    uint64
	slots   []slot
	ents    []Entry
	n       int // features
	w       int // weights
	// dense holds the weights of the features with many (see densify):
	// every class's, biased by denseBias, three classes to a word, width
	// words a row. Such a feature's slot holds its row number << 8 (a
	// count of 0), and rowRef[row] the reference to its entries that the
	// slot held.
	dense  []uint64
	width  int
	rowRef []uint32
}

// slot is one table cell: a feature hash folded to 32 bits (key 0 marks an
// empty cell; a feature that folds to 0 is stored under 1). Folding costs
// a few hundred collisions among millions of features, which the hashing
// trick tolerates, and halves the table and the file.
type slot struct {
	key uint32
	// ref is inline | class << 16 | weight for a feature with one weight
	// (no second memory access), else start in ents << 8 | count.
	ref uint32
}

const inline = 1 << 31

// maxEntries bounds the weights of a model: a slot keeps 23 bits of start.
const maxEntries = 1 << 23

// entries returns the weights of s; one held inline is copied to one.
func (m *Model) entries(s slot, one *[1]Entry) []Entry {
	if s.ref&inline != 0 {
		one[0] = Entry{Class: uint16(s.ref>>16) & 0x7FFF, W: int16(uint16(s.ref))}
		return one[:]
	}
	ref := s.ref
	if ref&0xFF == 0 {
		ref = m.rowRef[ref>>8]
	}
	start := ref >> 8
	return m.ents[start : start+ref&0xFF]
}

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.classes }

// Features returns how many features have weights.
func (m *Model) Features() int { return m.n }

// Weights returns how many weights the model holds.
func (m *Model) Weights() int { return m.w }

// Scale returns the value of one quantum of a weight.
func (m *Model) Scale() float32 { return m.scale }

// fold folds a 64-bit feature hash to the table's 32-bit key.
func fold(f uint64) uint32 {
	k := uint32(f ^ f>>32)
	if k == 0 {
		return 1
	}
	return k
}

func home(k uint32, mask uint64) uint64 { return (uint64(k) * mixK >> 20) & mask }

// Score adds the weights of feats to scores (len ≥ Classes), in quanta.
//
// The table is far larger than the processor's caches, so a lookup costs a
// memory access. Score therefore works in three passes over a block of
// features: first it reads every feature's home slot (independent loads,
// which the processor overlaps), then it resolves the few that collided,
// then it adds the weights: the few entries of a sparse feature one by
// one, the dense rows (see densify) together at the end.
func (m *Model) Score(feats []uint64, scores []int32) {
	const block = 128
	var keys [block]uint32
	var first [block]slot
	var lead [block]Entry
	var rows [block]uint32
	scores = scores[:m.classes]
	for len(feats) > 0 {
		n := min(len(feats), block)
		for i, f := range feats[:n] {
			k := fold(f)
			keys[i] = k
			first[i] = m.slots[home(k, m.mask)]
		}
		// Resolve collisions and read the first weight of each sparse
		// feature: independent loads again, where the adding loop would
		// wait for each in turn.
		for i := range n {
			s := first[i]
			if s.key != keys[i] && s.key != 0 {
				s = m.probe(keys[i])
			}
			if s.key != keys[i] {
				s = slot{} // absent
			} else if s.ref&inline == 0 && s.ref&0xFF != 0 {
				lead[i] = m.ents[s.ref>>8]
			}
			first[i] = s
		}
		nr := 0
		for i := range n {
			s := first[i]
			switch {
			case s.key == 0:
			case s.ref&inline != 0:
				scores[(s.ref>>16)&0x7FFF] += int32(int16(uint16(s.ref)))
			case s.ref&0xFF == 0:
				rows[nr] = (s.ref >> 8) * uint32(m.width)
				nr++
			default:
				scores[lead[i].Class] += int32(lead[i].W)
				start := s.ref >> 8
				for _, e := range m.ents[start+1 : start+s.ref&0xFF] {
					scores[e.Class] += int32(e.W)
				}
			}
		}
		if nr > 0 {
			m.addRows(scores, rows[:nr])
		}
		feats = feats[n:]
	}
}

// addRows adds to scores the dense rows that start at offsets rows of
// m.dense: up to maxRows at a time into lanes, four rows to a pass over
// the accumulator, then the lanes' biases off.
func (m *Model) addRows(scores []int32, rows []uint32) {
	var buf [maxWidth]uint64
	acc := buf[:m.width]
	w := uint32(m.width)
	for len(rows) > 0 {
		n := min(len(rows), maxRows)
		i := 0
		for ; i+4 <= n; i += 4 {
			r0 := m.dense[rows[i] : rows[i]+w][:len(acc)]
			r1 := m.dense[rows[i+1] : rows[i+1]+w][:len(acc)]
			r2 := m.dense[rows[i+2] : rows[i+2]+w][:len(acc)]
			r3 := m.dense[rows[i+3] : rows[i+3]+w][:len(acc)]
			for j := range acc {
				acc[j] += r0[j] + r1[j] + r2[j] + r3[j]
			}
		}
		for ; i < n; i++ {
			r := m.dense[rows[i] : rows[i]+w][:len(acc)]
			for j := range acc {
				acc[j] += r[j]
			}
		}
		m.unbias(scores, acc, uint32(n))
		rows = rows[n:]
	}
}

// unbias adds to scores the sums of nd dense rows accumulated in acc, and
// clears acc.
func (m *Model) unbias(scores []int32, acc []uint64, nd uint32) {
	bias := nd * denseBias
	full := len(scores) / lanes
	sc := scores[:full*lanes]
	for j, v := range acc[:full] {
		s := sc[lanes*j : lanes*j+lanes]
		s[0] += int32(uint32(v&laneMask) - bias)
		s[1] += int32(uint32(v>>laneBits&laneMask) - bias)
		s[2] += int32(uint32(v>>(2*laneBits)&laneMask) - bias)
	}
	for c := full * lanes; c < len(scores); c++ {
		v := acc[c/lanes] >> (c % lanes * laneBits)
		scores[c] += int32(uint32(v&laneMask) - bias)
	}
	clear(acc)
}

// Dense rows: a feature with weights for at least two thirds as many
// classes as a row has words (see densify) is scored from a
// row of every class's weight plus denseBias, three classes to a uint64 in
// lanes of 21 bits. The sum of up to maxRows biased weights (each below
// 2^16) stays below 2^21 in its lane, so one 64-bit addition adds three
// classes exactly; Score takes the biases off after at most maxRows rows.
// maxWidth bounds the classes (lanes*maxWidth) of a model with dense rows.
const (
	denseBias = 1 << 15
	lanes     = 3
	laneBits  = 21
	laneMask  = 1<<laneBits - 1
	maxRows   = 1 << (laneBits - 16)
	maxWidth  = 64
	minDense  = 8
)

// densify gives dense rows to the features with many weights: at least
// two thirds of a row's words and at least minDense, where adding the row
// costs less than adding the weights one by one (measured on the parser,
// the tagger and the entity tagger).
func (m *Model) densify() {
	width := (m.classes + lanes - 1) / lanes
	if width > maxWidth || m.classes < 2 {
		return
	}
	var sum [lanes * maxWidth]int32
	// heavy reports whether s gets a row, and leaves its weights by class
	// in sum. A feature that names a class twice keeps its entries if
	// their sum does not fit a biased lane.
	heavy := func(s slot) bool {
		if s.key == 0 || s.ref&inline != 0 || int(s.ref&0xFF)*3 < 2*width || s.ref&0xFF < minDense {
			return false
		}
		clear(sum[:])
		start := s.ref >> 8
		for _, e := range m.ents[start : start+s.ref&0xFF] {
			sum[e.Class] += int32(e.W)
			if sum[e.Class] < -denseBias || sum[e.Class] >= denseBias {
				return false
			}
		}
		return true
	}
	for i, s := range m.slots {
		if !heavy(s) {
			continue
		}
		row := len(m.rowRef)
		for j := range width {
			var v uint64
			for k := range lanes {
				v |= uint64(sum[lanes*j+k]+denseBias) << (k * laneBits)
			}
			m.dense = append(m.dense, v)
		}
		m.rowRef = append(m.rowRef, s.ref)
		m.slots[i].ref = uint32(row) << 8
	}
	m.width = width
}

// probe finds key k's slot by linear probing; the slot returned has
// another key when k is absent.
func (m *Model) probe(k uint32) slot {
	i := home(k, m.mask)
	for {
		s := m.slots[i]
		if s.key == k || s.key == 0 {
			return s
		}
		i = (i + 1) & m.mask
	}
}

type builder struct {
	m       *Model
	pending []slot // features to place, in the order added
	err     error
}

// newBuilder sizes the table for n features at a load under 0.4, so that a
// miss, the common case, ends at the first empty slot after a probe or two.
func newBuilder(classes int, scale float32, n int) *builder {
	size := 1 << bits.Len(uint(n*5/2+1))
	return &builder{m: &Model{
		classes: classes,
		scale:   scale,
		mask:    uint64(size - 1),
		slots:   make([]slot, size),
	}, pending: make([]slot, 0, n)}
}

// add adds the weights of a feature under its folded key. Two features
// that fold to one key keep the first one's weights.
func (b *builder) add(k uint32, es []Entry) {
	m := b.m
	if len(m.ents)+len(es) > maxEntries || len(es) == 0 || len(es) > 0xFF || m.classes > 0x7FFF {
		b.err = fmt.Errorf("%w: no weights, more than %d weights, a feature with more than 255 or more than 32767 classes", ErrFormat, maxEntries)
		return
	}
	s := slot{key: k}
	if len(es) == 1 {
		s.ref = inline | uint32(es[0].Class)<<16 | uint32(uint16(es[0].W))
	} else {
		s.ref = uint32(len(m.ents))<<8 | uint32(len(es))
		m.ents = append(m.ents, es...)
	}
	b.pending = append(b.pending, s)
}

// model places the features in the table in the order of their home
// slots (a stable counting sort), so that the writes walk the table once
// instead of jumping across it, and returns the model.
func (b *builder) model() (*Model, error) {
	if b.err != nil {
		return nil, b.err
	}
	m := b.m
	const buckets = 1 << 16
	shift := max(bits.Len64(m.mask)-16, 0)
	var start [buckets + 1]int32
	for _, s := range b.pending {
		start[home(s.key, m.mask)>>shift+1]++
	}
	for i := 1; i <= buckets; i++ {
		start[i] += start[i-1]
	}
	order := make([]slot, len(b.pending))
	for _, s := range b.pending {
		h := home(s.key, m.mask) >> shift
		order[start[h]] = s
		start[h]++
	}
	for _, s := range order {
		i := home(s.key, m.mask)
		dup := false
		for m.slots[i].key != 0 {
			if m.slots[i].key == s.key {
				dup = true
				break
			}
			i = (i + 1) & m.mask
		}
		if dup {
			continue
		}
		m.slots[i] = s
		m.n++
		if s.ref&inline != 0 {
			m.w++
		} else {
			m.w += int(s.ref & 0xFF)
		}
	}
	b.pending = nil
	m.densify()
	return m, nil
}

// WriteTo writes the model in its binary format (not compressed: the
// caller wraps the stream, usually in gzip together with its own header).
// Features are written in ascending hash order as deltas.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) {
		k := binary.PutUvarint(buf[:], v)
		bw.Write(buf[:k])
		n += int64(k)
	}
	bw.WriteString(modelMagic)
	n += int64(len(modelMagic))
	put(uint64(m.classes))
	put(uint64(math.Float32bits(m.scale)))
	put(uint64(m.n))
	keys := make([]slot, 0, m.n)
	for _, s := range m.slots {
		if s.key != 0 {
			keys = append(keys, s)
		}
	}
	slices.SortFunc(keys, func(a, b slot) int { return cmp.Compare(a.key, b.key) })
	prev := uint32(0)
	for _, s := range keys {
		put(uint64(s.key - prev))
		prev = s.key
		var one [1]Entry
		es := m.entries(s, &one)
		put(uint64(len(es)))
		for _, e := range es {
			put(uint64(e.Class))
			put(zigzag(e.W))
		}
	}
	return n, bw.Flush()
}

// DecodeModel decodes a model written by WriteTo from the start of b and
// returns it with the number of bytes it took.
func DecodeModel(b []byte) (*Model, int, error) {
	if len(b) < len(modelMagic) || string(b[:len(modelMagic)]) != modelMagic {
		return nil, 0, fmt.Errorf("%w: not a model", ErrFormat)
	}
	off := len(modelMagic)
	var err error
	get := func(what string, limit uint64) uint64 {
		if err != nil {
			return 0
		}
		v, n := binary.Uvarint(b[off:])
		if n <= 0 || v > limit {
			err = fmt.Errorf("%w: %s at byte %d", ErrFormat, what, off)
			return 0
		}
		off += n
		return v
	}
	classes := get("classes", 1<<16)
	sc := get("scale", math.MaxUint32)
	nf := get("features", 1<<28)
	if err != nil {
		return nil, 0, err
	}
	if classes == 0 {
		return nil, 0, fmt.Errorf("%w: no classes", ErrFormat)
	}
	bl := newBuilder(int(classes), math.Float32frombits(uint32(sc)), int(nf))
	bl.m.ents = make([]Entry, 0, nf*2)
	key := uint32(0)
	es := make([]Entry, 0, classes)
	for range nf {
		key += uint32(get("feature", math.MaxUint32))
		cnt := get("count", classes)
		es = es[:0]
		for range cnt {
			c := get("class", classes-1)
			w := get("weight", math.MaxUint16)
			es = append(es, Entry{Class: uint16(c), W: unzigzag(w)})
		}
		if err != nil {
			return nil, 0, err
		}
		if key == 0 {
			return nil, 0, fmt.Errorf("%w: feature key 0", ErrFormat)
		}
		bl.add(key, es)
	}
	m, err := bl.model()
	return m, off, err
}

func zigzag(w int16) uint64   { return uint64(uint16(w<<1) ^ uint16(w>>15)) }
func unzigzag(v uint64) int16 { return int16(uint16(v)>>1) ^ -int16(v&1) }

// Prune returns a copy of m without the weights whose magnitude is below
// min (in update units), and without the features left with none.
func (m *Model) Prune(min float64) *Model {
	p, err := m.prune(min)
	if err != nil {
		panic("BUG: pruning made a model larger: " + err.Error())
	}
	return p
}

func (m *Model) prune(min float64) (*Model, error) {
	q := int32(min / float64(m.scale))
	n := 0
	for _, s := range m.slots {
		if s.key != 0 {
			n++
		}
	}
	b := newBuilder(m.classes, m.scale, n)
	var es []Entry
	for _, s := range m.slots {
		if s.key == 0 {
			continue
		}
		es = es[:0]
		var one [1]Entry
		for _, e := range m.entries(s, &one) {
			if w := int32(e.W); w >= q || -w >= q {
				es = append(es, e)
			}
		}
		if len(es) > 0 {
			b.add(s.key, es)
		}
	}
	return b.model()
}

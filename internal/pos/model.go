// Package pos holds the part-of-speech tagger: a greedy averaged perceptron
// over Penn Treebank tags, trained on news text. The event parser
// (internal/event) reads its tags to find verb groups, noun phrases and
// prepositions. The model is embedded and loaded once by Default.
package pos

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sync"
)

// ErrFormat marks a model file that cannot be decoded.
var ErrFormat = errors.New("pos: bad model format")

const magic = "NGPOS1\n"

// maxTags bounds the tag set so that scores live on the stack.
const maxTags = 64

// Model is a trained tagger. It is immutable and safe for concurrent use.
type Model struct {
	tags    []string
	index   map[uint64]uint64 // feature hash -> start<<8 | count into w
	w       []weight
	scale   float32
	tagdict map[string]uint8 // frequent unambiguous words -> tag
}

type weight struct {
	tag uint8
	w   int16
}

// Tags returns the model's tag names; a tag id indexes it.
func (m *Model) Tags() []string { return m.tags }

// TagName returns the name of tag id t.
func (m *Model) TagName(t uint8) string { return m.tags[t] }

// Tag appends one tag id per word to dst and returns it. It allocates
// nothing when dst has room.
func (m *Model) Tag(dst []uint8, words []string) []uint8 {
	var feats [numFeatures]uint64
	p1, p2 := startTag, startTag
	nt := len(m.tags)
	for i, w := range words {
		t, ok := m.tagdict[w]
		if !ok {
			features(&feats, words, i, p1, p2)
			var scores [maxTags]int32
			for _, f := range feats {
				v, ok := m.index[f]
				if !ok {
					continue
				}
				s, n := v>>8, v&0xFF
				for _, e := range m.w[s : s+n] {
					scores[e.tag] += int32(e.w)
				}
			}
			best := 0
			for k := 1; k < nt; k++ {
				if scores[k] > scores[best] {
					best = k
				}
			}
			t = uint8(best)
		}
		dst = append(dst, t)
		p2, p1 = p1, int(t)
	}
	return dst
}

// The model is rebuilt from GMB (gmb-train.conll in ../shared/data) by:
//
//go:generate go run ../../cmd/newsgraph train pos --conll ../../../shared/data/gmb-train.conll --out data/pos.model.gz

//go:embed data/pos.model.gz
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, decoded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Read(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("cannot load embedded pos model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// Open reads a model written by Write from path.
func Open(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open pos model: %w", err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("cannot read pos model %s: %w", path, err)
	}
	return m, nil
}

// Read decodes a gzip-compressed model.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("%w: missing header", ErrFormat)
	}
	m := &Model{}
	readStr := func() (string, error) {
		n, err := binary.ReadUvarint(br)
		if err != nil || n > 1<<16 {
			return "", fmt.Errorf("%w: string length", ErrFormat)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return "", fmt.Errorf("%w: %v", ErrFormat, err)
		}
		return string(b), nil
	}
	nt, err := binary.ReadUvarint(br)
	if err != nil || nt == 0 || nt > maxTags {
		return nil, fmt.Errorf("%w: tag count", ErrFormat)
	}
	for range nt {
		s, err := readStr()
		if err != nil {
			return nil, err
		}
		m.tags = append(m.tags, s)
	}
	var sc uint32
	if err := binary.Read(br, binary.LittleEndian, &sc); err != nil {
		return nil, fmt.Errorf("%w: scale", ErrFormat)
	}
	m.scale = math.Float32frombits(sc)
	nf, err := binary.ReadUvarint(br)
	if err != nil || nf > 1<<26 {
		return nil, fmt.Errorf("%w: feature count", ErrFormat)
	}
	m.index = make(map[uint64]uint64, nf)
	var buf [8]byte
	for range nf {
		if _, err := io.ReadFull(br, buf[:]); err != nil {
			return nil, fmt.Errorf("%w: feature", ErrFormat)
		}
		h := binary.LittleEndian.Uint64(buf[:])
		n, err := br.ReadByte()
		if err != nil || n == 0 {
			return nil, fmt.Errorf("%w: feature weights", ErrFormat)
		}
		start := len(m.w)
		for range n {
			var e [3]byte
			if _, err := io.ReadFull(br, e[:]); err != nil {
				return nil, fmt.Errorf("%w: weight", ErrFormat)
			}
			if uint64(e[0]) >= nt {
				return nil, fmt.Errorf("%w: tag id", ErrFormat)
			}
			m.w = append(m.w, weight{e[0], int16(binary.LittleEndian.Uint16(e[1:]))})
		}
		m.index[h] = uint64(start)<<8 | uint64(n)
	}
	nd, err := binary.ReadUvarint(br)
	if err != nil || nd > 1<<22 {
		return nil, fmt.Errorf("%w: tag dictionary", ErrFormat)
	}
	m.tagdict = make(map[string]uint8, nd)
	for range nd {
		s, err := readStr()
		if err != nil {
			return nil, err
		}
		t, err := br.ReadByte()
		if err != nil || uint64(t) >= nt {
			return nil, fmt.Errorf("%w: tag dictionary entry", ErrFormat)
		}
		m.tagdict[s] = t
	}
	return m, nil
}

// Write encodes the model, gzip-compressed.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var vb [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(vb[:binary.PutUvarint(vb[:], v)]) }
	putS := func(s string) { putU(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(magic)
	putU(uint64(len(m.tags)))
	for _, t := range m.tags {
		putS(t)
	}
	binary.Write(bw, binary.LittleEndian, math.Float32bits(m.scale))
	keys := sortedKeys(m.index)
	putU(uint64(len(keys)))
	var buf [8]byte
	for _, h := range keys {
		v := m.index[h]
		s, n := v>>8, v&0xFF
		binary.LittleEndian.PutUint64(buf[:], h)
		bw.Write(buf[:])
		bw.WriteByte(byte(n))
		for _, e := range m.w[s : s+n] {
			bw.WriteByte(e.tag)
			binary.LittleEndian.PutUint16(buf[:2], uint16(e.w))
			bw.Write(buf[:2])
		}
	}
	words := sortedKeys(m.tagdict)
	putU(uint64(len(words)))
	for _, wd := range words {
		putS(wd)
		bw.WriteByte(m.tagdict[wd])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

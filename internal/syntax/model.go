package syntax

import (
	"bufio"
	"bytes"
	"cmp"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/klauspost/compress/zstd"

	"github.com/newsgraph/newsgraph/internal/learn"
)

// ErrFormat marks a model file that cannot be decoded.
var ErrFormat = errors.New("syntax: bad model format")

const modelMagic = "NGSYNTAX2\n"

// Model is a trained tagger, lemmatiser and parser. It is immutable and
// safe for concurrent use.
type Model struct {
	tagger Tagger
	parser Parser
	// lemmas maps XPOS + "\x00" + lower-case form to the lemma where the
	// treebank and the rules disagree.
	lemmas map[string]string
	pool   sync.Pool
}

// Tagger returns the model's tagger.
func (m *Model) Tagger() *Tagger { return &m.tagger }

// Parser returns the model's parser.
func (m *Model) Parser() *Parser { return &m.parser }

// Analysis is the syntax of one sentence: per word a tag id (into
// Tagger().Tags()), a lemma, a head (0-based; -1 for the root) and a
// relation id (into Parser().Labels()).
type Analysis struct {
	Tags   []uint16
	Lemmas []string
	Heads  []int
	Rels   []uint8
}

// scratch is the per-goroutine working memory of Analyse.
type scratch struct {
	info   []wordInfo
	buf    []byte
	st     state
	scores []int32 // one per parser class
	tagSc  []int32 // one per tag
}

// Analyse tags, lemmatises and parses one sentence of words, writing the
// result into a (whose slices are reused).
func (m *Model) Analyse(words []string, a *Analysis) {
	n := len(words)
	sc, _ := m.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{scores: make([]int32, 1+2*len(m.parser.labels)), tagSc: make([]int32, len(m.tagger.tags))}
	}
	defer m.pool.Put(sc)
	if cap(sc.info) < n {
		sc.info = make([]wordInfo, n)
	}
	sc.info = sc.info[:n]
	sc.buf = describe(sc.info, words, sc.buf, m.tagger.lex)
	a.Tags = resize(a.Tags, n)
	m.tagger.tag(a.Tags, sc.info, sc.tagSc)
	a.Lemmas = a.Lemmas[:0]
	for i, w := range words {
		a.Lemmas = append(a.Lemmas, m.Lemma(w, m.tagger.tags[a.Tags[i]].XPOS))
	}
	a.Heads = resize(a.Heads, n)
	a.Rels = resize(a.Rels, n)
	if n == 0 {
		return
	}
	x := sentence{info: sc.info, tags: a.Tags}
	m.parser.parse(&x, &sc.st, sc.scores)
	for i := 0; i < n; i++ {
		h := sc.st.heads[i]
		if h == n {
			h = -1
		}
		a.Heads[i] = h
		a.Rels[i] = uint8(sc.st.labels[i])
	}
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// Lemma returns the lemma of word w tagged xpos.
func (m *Model) Lemma(w, xpos string) string {
	if l, ok := m.lemmas[lemmaKey(xpos, w)]; ok {
		return l
	}
	return lemmaRule(w, xpos)
}

func lemmaKey(xpos, w string) string {
	if xpos == "NNP" || xpos == "NNPS" {
		return xpos + "\x00" + w
	}
	return xpos + "\x00" + strings.ToLower(w)
}

// The model is rebuilt from the UD English treebanks in ../shared/data by:
//
//go:generate go run ../../cmd/newsgraph train parser --conllu ../../../shared/data/ud-train.conllu --lexicon ../../../shared/data/gmb-train.conll --out data/syntax.model.zst

//go:embed data/syntax.model.zst
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, decoded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = ReadEmbedded()
		if defaultErr != nil {
			defaultErr = fmt.Errorf("cannot load embedded syntax model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// ReadEmbedded decodes the embedded model anew (Default decodes it once
// and shares it).
func ReadEmbedded() (*Model, error) { return Read(bytes.NewReader(embedded)) }

// Open reads a model written by Write from path.
func Open(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open syntax model: %w", err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("cannot read syntax model %s: %w", path, err)
	}
	return m, nil
}

// maxModel bounds the decompressed size of a model file.
const maxModel = 1 << 30

// Write writes m zstd-compressed.
func (m *Model) Write(w io.Writer) error {
	zw, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedBetterCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var vb [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(vb[:binary.PutUvarint(vb[:], v)]) }
	putS := func(s string) { putU(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(modelMagic)
	putU(uint64(len(m.tagger.tags)))
	for _, t := range m.tagger.tags {
		putS(t.UPOS)
		putS(t.XPOS)
	}
	putU(uint64(len(m.parser.labels)))
	for _, l := range m.parser.labels {
		putS(l)
	}
	putU(uint64(len(m.tagger.dict)))
	for _, k := range sortedKeys(m.tagger.dict) {
		putU(k)
		putU(uint64(m.tagger.dict[k]))
	}
	putU(uint64(len(m.lemmas)))
	for _, k := range sortedKeys(m.lemmas) {
		putS(k)
		putS(m.lemmas[k])
	}
	putU(uint64(len(m.tagger.lexTags)))
	for _, t := range m.tagger.lexTags {
		putS(t)
	}
	putU(uint64(len(m.tagger.lex)))
	for _, k := range sortedKeys(m.tagger.lex) {
		putU(k)
		putU(uint64(m.tagger.lex[k]))
	}
	if _, err := m.tagger.model.WriteTo(bw); err != nil {
		return err
	}
	if _, err := m.parser.model.WriteTo(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read decodes a model written by Write.
func Read(r io.Reader) (*Model, error) {
	zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxModel))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	defer zr.Close()
	b, err := io.ReadAll(io.LimitReader(zr, maxModel))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	return decode(b)
}

func decode(b []byte) (*Model, error) {
	if !bytes.HasPrefix(b, []byte(modelMagic)) {
		return nil, fmt.Errorf("%w: missing header", ErrFormat)
	}
	off := len(modelMagic)
	var ferr error
	getU := func(limit uint64) uint64 {
		if ferr != nil {
			return 0
		}
		v, n := binary.Uvarint(b[off:])
		if n <= 0 || v > limit {
			ferr = fmt.Errorf("%w: bad number at byte %d", ErrFormat, off)
			return 0
		}
		off += n
		return v
	}
	getS := func() string {
		n := getU(1 << 16)
		if ferr != nil {
			return ""
		}
		if uint64(len(b)-off) < n {
			ferr = fmt.Errorf("%w: string past the end", ErrFormat)
			return ""
		}
		s := string(b[off : off+int(n)])
		off += int(n)
		return s
	}
	m := &Model{}
	nt := getU(1 << 15)
	for range nt {
		m.tagger.tags = append(m.tagger.tags, Tag{UPOS: getS(), XPOS: getS()})
	}
	nl := getU(63)
	labels := make([]string, 0, nl)
	for range nl {
		labels = append(labels, getS())
	}
	m.parser.setLabels(labels)
	nd := getU(1 << 24)
	m.tagger.dict = make(map[uint64]uint16, nd)
	for range nd {
		k := getU(^uint64(0))
		m.tagger.dict[k] = uint16(getU(max(nt, 1) - 1))
	}
	nlem := getU(1 << 24)
	m.lemmas = make(map[string]string, nlem)
	for range nlem {
		k := getS()
		m.lemmas[k] = getS()
	}
	nlt := getU(255)
	for range nlt {
		m.tagger.lexTags = append(m.tagger.lexTags, getS())
	}
	nlex := getU(1 << 24)
	m.tagger.lex = make(map[uint64]uint8, nlex)
	for range nlex {
		k := getU(^uint64(0))
		m.tagger.lex[k] = uint8(getU(max(nlt, 1) - 1))
	}
	if ferr != nil {
		return nil, ferr
	}
	if nt == 0 || nl == 0 {
		return nil, fmt.Errorf("%w: empty tag or label set", ErrFormat)
	}
	var n int
	var err error
	if m.tagger.model, n, err = learn.DecodeModel(b[off:]); err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	off += n
	if m.parser.model, n, err = learn.DecodeModel(b[off:]); err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	off += n
	if off != len(b) {
		return nil, fmt.Errorf("%w: %d bytes after the parser", ErrFormat, len(b)-off)
	}
	if m.tagger.model.Classes() != int(nt) || m.parser.model.Classes() != 1+2*int(nl) {
		return nil, fmt.Errorf("%w: class counts do not match the tag and label sets", ErrFormat)
	}
	return m, nil
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K { return slices.Sorted(maps.Keys(m)) }

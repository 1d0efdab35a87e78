package tone

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./gen -out vader.tsv.gz

// vaderGz is the VADER lexicon (MIT), word<TAB>valence, gzip-compressed;
// rebuilt by ./gen from github.com/jonreiter/govader.
//
//go:embed vader.tsv.gz
var vaderGz []byte

//go:embed activity.txt
var activityTxt string

//go:embed selfgroup.txt
var selfGroupTxt string

//go:embed neutral.txt
var neutralTxt string

// negators flip the polarity of a sentiment word that follows closely. "'t"
// is there because the tokenizer currently splits "isn't" as is|n|'t.
var negators = []string{
	"not", "n't", "'t", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere",
	"cannot", "without", "hardly", "barely", "rarely", "seldom", "despite",
}

// ErrLexicon marks a lexicon file that cannot be parsed.
var ErrLexicon = errors.New("tone: malformed lexicon")

// Word flags.
const (
	flagActivity uint8 = 1 << iota
	flagSelfGroup
	flagNegator
)

type entry struct {
	valence float32
	flags   uint8
}

// Lexicon maps lowercased words to their valence and to the activity,
// self/group and negator flags. It is immutable after loading and safe for
// concurrent use.
type Lexicon struct {
	words map[string]entry
}

// maxWord is the longest word looked up; longer tokens only count as words.
const maxWord = 40

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(vaderGz))
	if err != nil {
		return nil, fmt.Errorf("cannot open embedded VADER lexicon: %w", err)
	}
	return ReadLexicon(zr)
})

// DefaultLexicon returns the embedded VADER lexicon with the project's
// activity, self/group and negator lists. It is loaded once.
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

// OpenLexicon reads a valence lexicon from path (gzip-compressed when the
// name ends in .gz) and adds the project's word lists to it.
func OpenLexicon(path string) (*Lexicon, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open lexicon: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("cannot decompress lexicon %s: %w", path, err)
		}
		r = zr
	}
	lx, err := ReadLexicon(r)
	if err != nil {
		return nil, fmt.Errorf("cannot read lexicon %s: %w", path, err)
	}
	return lx, nil
}

// ReadLexicon reads lines "word<TAB>valence" (valence in VADER's -4..4
// scale; '#' starts a comment line), neutralises the words of neutral.txt
// and adds the project's activity, self/group and negator lists.
func ReadLexicon(r io.Reader) (*Lexicon, error) {
	lx := &Lexicon{words: make(map[string]entry, 8192)}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		w, v, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("%w: line %d has no tab", ErrLexicon, n)
		}
		if i := strings.IndexByte(v, '\t'); i >= 0 {
			v = v[:i]
		}
		f, err := strconv.ParseFloat(v, 32)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrLexicon, n, err)
		}
		w = strings.ToLower(w)
		e := lx.words[w]
		e.valence = float32(f)
		lx.words[w] = e
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cannot scan lexicon: %w", err)
	}
	for _, w := range listWords(neutralTxt) {
		if e, ok := lx.words[w]; ok {
			e.valence = 0
			lx.words[w] = e
		}
	}
	for _, w := range listWords(activityTxt) {
		for _, f := range inflections(w) {
			lx.flag(f, flagActivity)
		}
	}
	for _, w := range listWords(selfGroupTxt) {
		lx.flag(w, flagSelfGroup)
	}
	for _, w := range negators {
		lx.flag(w, flagNegator)
	}
	return lx, nil
}

// Len returns the number of words in the lexicon.
func (lx *Lexicon) Len() int { return len(lx.words) }

func (lx *Lexicon) flag(w string, f uint8) {
	e := lx.words[w]
	e.flags |= f
	lx.words[w] = e
}

// listWords returns the non-comment lines of an embedded list.
func listWords(s string) []string {
	var ws []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l != "" && l[0] != '#' {
			ws = append(ws, strings.ToLower(l))
		}
	}
	return ws
}

// inflections returns a verb lemma with its regular inflections; over-
// generation is harmless since the forms are only looked up.
func inflections(w string) []string {
	fs := []string{w, w + "s", w + "es", w + "ed", w + "ing"}
	n := len(w)
	if n < 2 {
		return fs
	}
	last := w[n-1]
	switch {
	case last == 'e':
		fs = append(fs, w+"d", w[:n-1]+"ing")
	case last == 'y' && !isVowel(w[n-2]):
		fs = append(fs, w[:n-1]+"ies", w[:n-1]+"ied")
	case !isVowel(last) && isVowel(w[n-2]) && (n < 3 || !isVowel(w[n-3])) && last != 'w' && last != 'x' && last != 'y':
		fs = append(fs, w+string(last)+"ed", w+string(last)+"ing")
	}
	return fs
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// lookup returns the entry of token word w, lowercasing ASCII letters and
// mapping ’ to ' in a stack buffer so that steady state does not allocate.
func (lx *Lexicon) lookup(w string) (entry, bool) {
	if len(w) > maxWord {
		return entry{}, false
	}
	var buf [maxWord]byte
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99: // ’
			c = '\''
			i += 2
		}
		buf[n] = c
		n++
	}
	e, ok := lx.words[string(buf[:n])]
	return e, ok
}

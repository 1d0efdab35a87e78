package event

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ErrDictionary marks a malformed dictionary file.
var ErrDictionary = errors.New("event: bad dictionary")

//go:embed data/codes.tsv data/verbs.txt data/verbs-cameo.txt
var embedded embed.FS

// Code is one CAMEO code with the facts the coder writes for it.
type Code struct {
	CAMEO     string
	Goldstein float64
	QuadClass int
	PLOVER    string // "" for plain statements (01x)
	Mode      string
}

// kind of a pattern's head.
const (
	verbPattern = iota
	nounPattern
)

// pattern is one dictionary entry: a head lemma and the words that follow.
type pattern struct {
	code  *Code
	kind  int
	head  string
	words [][]string // alternatives per position; "*" is the target slot
	block bool       // an idiom that stops its head from coding
	// reverse swaps source and target: "X received weapons from Y" is Y
	// giving weapons to X.
	reverse bool
	line    int
	// generated comes from verbs-cameo.txt: it codes only where no
	// pattern of verbs.txt matches.
	generated bool
}

// Dictionary holds the event codes and the verb and noun patterns. It is
// immutable after loading and safe for concurrent use.
type Dictionary struct {
	codes map[string]*Code
	verbs map[string][]*pattern // by head lemma, longest first
	nouns map[string][]*pattern
	lex   lexicon
	// nounLex maps noun forms (plural, singular) to the heads of noun
	// patterns, so that "meeting" stays a noun although "meet" is a verb.
	nounLex map[string]string
}

// Code returns the facts of CAMEO code c.
func (d *Dictionary) Code(c string) (*Code, bool) {
	x, ok := d.codes[c]
	return x, ok
}

// Size returns the number of codes and of patterns.
func (d *Dictionary) Size() (codes, patterns int) {
	for _, p := range d.verbs {
		patterns += len(p)
	}
	for _, p := range d.nouns {
		patterns += len(p)
	}
	return len(d.codes), patterns
}

// LoadDictionary reads codes.tsv, verbs.txt and, when there,
// verbs-cameo.txt (patterns generated from PETRARCH2's CAMEO verb
// dictionary by internal/genverbs) from dir, or the embedded ones when
// dir is "".
func LoadDictionary(dir string) (*Dictionary, error) {
	var fsys fs.FS = embedded
	prefix := "data/"
	if dir != "" {
		fsys, prefix = os.DirFS(dir), ""
	}
	d := &Dictionary{codes: map[string]*Code{}, verbs: map[string][]*pattern{}, nouns: map[string][]*pattern{}, lex: newLexicon(), nounLex: map[string]string{}}
	// The rules' own words first, so that a literal of some pattern
	// ("be prepared") does not claim an inflection ("prepared") as a lemma.
	// Words the verb-group logic needs.
	for _, w := range []string{"not", "never", "to", "by", "that", "and", "or", "but", "would", "could", "might", "may",
		"should", "must", "shall", "plan", "threaten", "want", "intend", "hope", "expect", "try", "attempt", "fail",
		"refuse", "agree", "decide", "vow", "pledge", "promise", "seek", "prepare", "consider", "aim", "report", "claim",
		"believe", "allege", "deny", "add", "stress", "tell", "announce", "state", "say", "accuse", "insist", "both"} {
		d.lex.addWord(w)
	}
	// Verbs the coder's rules name: light verbs, matrix verbs, speech verbs.
	for _, set := range []map[string]bool{lightVerbs, weakLightVerbs, actualMatrix, requestMatrix, speechVerbs} {
		for w := range set {
			d.lex.addWord(w)
		}
	}
	for w := range matrixContext {
		d.lex.addWord(w)
	}
	for _, f := range []struct {
		name     string
		parse    func(io.Reader) error
		optional bool
	}{{"codes.tsv", d.readCodes, false}, {"verbs.txt", d.readPatterns, false}, {"verbs-cameo.txt", d.readGenerated, true}} {
		r, err := fsys.Open(prefix + f.name)
		if err != nil && f.optional && errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("cannot open event dictionary %s: %w", filepath.Join(dir, f.name), err)
		}
		err = f.parse(r)
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("cannot read event dictionary %s: %w", f.name, err)
		}
	}
	for _, m := range []map[string][]*pattern{d.verbs, d.nouns} {
		for _, ps := range m {
			// Longest first; on a tie, more literals first ("accept demand"
			// before "accept *").
			sort.SliceStable(ps, func(i, j int) bool {
				if ps[i].generated != ps[j].generated {
					return !ps[i].generated
				}
				if len(ps[i].words) != len(ps[j].words) {
					return len(ps[i].words) > len(ps[j].words)
				}
				return literals(ps[i]) > literals(ps[j])
			})
		}
	}
	return d, nil
}

func (d *Dictionary) readCodes(r io.Reader) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return fmt.Errorf("%w: codes.tsv line %d: want 5 fields", ErrDictionary, n)
		}
		g, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return fmt.Errorf("%w: codes.tsv line %d: goldstein: %v", ErrDictionary, n, err)
		}
		q, err := strconv.Atoi(f[2])
		if err != nil || q < 1 || q > 4 {
			return fmt.Errorf("%w: codes.tsv line %d: quad class", ErrDictionary, n)
		}
		c := &Code{CAMEO: f[0], Goldstein: g, QuadClass: q, PLOVER: dash(f[3]), Mode: dash(f[4])}
		d.codes[c.CAMEO] = c
	}
	return sc.Err()
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

// readGenerated reads verbs-cameo.txt: patterns as in verbs.txt, for the
// verbs verbs.txt and the coder's rules leave alone.
func (d *Dictionary) readGenerated(r io.Reader) error {
	from := map[*pattern]bool{}
	for _, m := range []map[string][]*pattern{d.verbs, d.nouns} {
		for _, ps := range m {
			for _, p := range ps {
				from[p] = true
			}
		}
	}
	had := map[string]bool{}
	for h := range d.verbs {
		had[h] = true
	}
	if err := d.readPatterns(r); err != nil {
		return err
	}
	rules := []map[string]bool{lightVerbs, weakLightVerbs, actualMatrix, requestMatrix, orderMatrix, speechVerbs, statePassive}
	for h, ps := range d.verbs {
		keep := ps[:0]
		for _, p := range ps {
			if from[p] {
				keep = append(keep, p)
				continue
			}
			// A verb of verbs.txt, or one the coder's rules read (light,
			// matrix and speech verbs), keeps its own patterns only.
			ruled := had[h] || matrixContext[h] != 0
			for _, set := range rules {
				ruled = ruled || set[h]
			}
			if !ruled {
				p.generated = true
				keep = append(keep, p)
			}
		}
		if len(keep) == 0 {
			delete(d.verbs, h)
		} else {
			d.verbs[h] = keep
		}
	}
	return nil
}

func (d *Dictionary) readPatterns(r io.Reader) error {
	sc := bufio.NewScanner(r)
	var code *Code
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, "#"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		if line[0] == '[' {
			c := strings.Trim(line, "[]")
			x, ok := d.codes[c]
			if !ok {
				return fmt.Errorf("%w: verbs.txt line %d: unknown CAMEO code %q", ErrDictionary, n, c)
			}
			code = x
			continue
		}
		if code == nil {
			return fmt.Errorf("%w: verbs.txt line %d: pattern before a [code] line", ErrDictionary, n)
		}
		p := &pattern{code: code, line: n}
		if line[0] == '!' {
			p.block = true
			line = line[1:]
		}
		f := strings.Fields(line)
		if len(f) < 2 || (f[0] != "V" && f[0] != "N") {
			return fmt.Errorf("%w: verbs.txt line %d: want V or N, a lemma, then words", ErrDictionary, n)
		}
		if f[0] == "N" {
			p.kind = nounPattern
		}
		p.head = strings.ToLower(f[1])
		d.lex.addWord(p.head)
		if f[0] == "N" {
			d.nounLex[p.head] = p.head
			if _, ok := d.nounLex[p.head+"s"]; !ok && !strings.HasSuffix(p.head, "s") {
				d.nounLex[p.head+"s"] = p.head
				if strings.HasSuffix(p.head, "y") {
					d.nounLex[p.head[:len(p.head)-1]+"ies"] = p.head
				}
				if strings.HasSuffix(p.head, "sh") || strings.HasSuffix(p.head, "ch") {
					d.nounLex[p.head+"es"] = p.head
				}
			}
		}
		if f[len(f)-1] == "<" {
			p.reverse = true
			f = f[:len(f)-1]
		}
		for _, w := range f[2:] {
			alts := strings.Split(strings.ToLower(w), "|")
			for i, a := range alts {
				if a != "*" {
					d.lex.addWord(a)
					// Literals are compared as lemmas.
					if l, ok := d.lex[a]; ok && i >= 0 {
						alts[i] = l
					}
				}
			}
			p.words = append(p.words, alts)
		}
		if p.kind == verbPattern {
			d.verbs[p.head] = append(d.verbs[p.head], p)
		} else {
			d.nouns[p.head] = append(d.nouns[p.head], p)
		}
	}
	return sc.Err()
}

func literals(p *pattern) int {
	n := 0
	for _, w := range p.words {
		if w[0] != "*" {
			n++
		}
	}
	return n
}

package quote

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

//go:embed cues.txt
var cuesTxt string

// Cue classes, as in cues.txt.
const (
	classSpeech    = 'S' // X said (that) C
	classAddressee = 'T' // X told Y (that) C
	classNominal   = 'N' // X criticized C
	classAccording = 'A' // according to X, C
)

// ErrLexicon marks a cue lexicon that cannot be parsed.
var ErrLexicon = errors.New("quote: malformed cue lexicon")

// cue is one form of a cue: its lowercase words and class.
type cue struct {
	words []string
	class byte
}

// Lexicon holds the speech cues, indexed by their first word. It is
// immutable after loading and safe for concurrent use.
type Lexicon struct {
	words map[string]wordInfo
	n     int
}

// wordInfo is what the annotator knows of a lowercase word: its class bits
// and the cues that start with it, so that one lookup serves both.
type wordInfo struct {
	cls  uint16
	cues []cue
}

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	return ReadLexicon(strings.NewReader(cuesTxt))
})

// DefaultLexicon returns the embedded cue lexicon (cues.txt), loaded once.
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

// OpenLexicon reads a cue lexicon in the format of cues.txt from path.
func OpenLexicon(path string) (*Lexicon, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open cue lexicon: %w", err)
	}
	defer f.Close()
	lx, err := ReadLexicon(f)
	if err != nil {
		return nil, fmt.Errorf("cannot read cue lexicon %s: %w", path, err)
	}
	return lx, nil
}

// ReadLexicon reads lines "CLASS form form ...", forms of several words
// joined by '_'; '#' starts a comment line.
func ReadLexicon(r io.Reader) (*Lexicon, error) {
	lx := &Lexicon{words: make(map[string]wordInfo, len(wordClass)+512)}
	for w, c := range wordClass {
		lx.words[w] = wordInfo{cls: c}
	}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 || f[0][0] == '#' {
			continue
		}
		if len(f[0]) != 1 || !strings.Contains("STNA", f[0]) || len(f) < 2 {
			return nil, fmt.Errorf("%w: line %d: want a class letter and forms", ErrLexicon, line)
		}
		for _, form := range f[1:] {
			ws := strings.Split(strings.ToLower(form), "_")
			wi := lx.words[ws[0]]
			wi.cues = append(wi.cues, cue{words: ws, class: f[0][0]})
			lx.words[ws[0]] = wi
			lx.n++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cannot scan cue lexicon: %w", err)
	}
	return lx, nil
}

// Len returns the number of cue forms.
func (lx *Lexicon) Len() int { return lx.n }

// maxWord is the longest word looked up in the word maps.
const maxWord = 32

// lower lowercases ASCII letters of w into buf and maps ’ to '. It returns
// false when w is too long to be a listed word.
func lower(buf *[maxWord]byte, w string) ([]byte, bool) {
	if len(w) > maxWord {
		return nil, false
	}
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99:
			c = '\''
			i += 2
		}
		buf[n] = c
		n++
	}
	return buf[:n], true
}

// Word classes for the phrase heuristics.
const (
	wPronoun    uint16 = 1 << iota // he, she, they, who: a speaker by itself
	wSkip                          // auxiliaries and adverbs between subject and cue
	wStop                          // function words that end a noun phrase
	wTitle                         // titles stripped from names
	wAdjunct                       // words that open an adjunct after a cue: in, on, at
	wComp                          // complementisers that open reported content: that, whether
	wPassive                       // be-forms: a participle after them is passive
	wDet                           // determiners and quantifiers that open a noun phrase
	wPersonal                      // pronouns that refer to a person: he, she, who
	wNounCtx                       // words after which a cue form is a noun: the, his, of
	wPossessive                    // possessive determiners: his, her, their
	wCollective                    // singular nouns naming a group that speaks: police, staff
	wLabel                         // words that open a "Label:" line that is not a speaker
	wTime                          // days, months and time nouns: never a speaker's head
)

var wordClass = map[string]uint16{}

func addWords(c uint16, ws string) {
	for _, w := range strings.Fields(ws) {
		wordClass[w] |= c
	}
}

func init() {
	addWords(wPronoun, "he she they it we i you who which")
	addWords(wPersonal, "he she who i")
	addWords(wSkip, "has have had also later then again previously repeatedly publicly recently once already "+
		"reportedly would will did does do could can may might should must just further still often frequently "+
		"never not n't 't always privately openly bluntly flatly simply even however initially first last "+
		"allegedly apparently separately angrily quickly quietly explicitly specifically earlier")
	addWords(wStop, "and or but nor so yet if when while because although though since after before as "+
		"that which who whom whose where what why how than to in on at by with from into onto about over under "+
		"against between during without within through via per amid among upon "+
		"is are was were be been being has have had do does did will would can could may might shall should must "+
		"not no said says say told tells added adds")
	addWords(wTitle, "president vice prime minister foreign secretary chancellor king queen pope senator sen. "+
		"governor gov. mayor chairman chairwoman chair chief executive leader spokesman spokeswoman spokesperson "+
		"mr. mrs. ms. dr. rep. representative gen. general adm. col. lt. capt. sgt. prof. professor judge justice "+
		"ambassador envoy commissioner director deputy head general-secretary secretary-general premier "+
		"speaker lord lady sir dame rev. reverend former acting interim defense defence interior state")
	addWords(wAdjunct, "in on at to during after before via from last this earlier later on in at yesterday today "+
		"tonight tomorrow monday tuesday wednesday thursday friday saturday sunday when while as outside "+
		"afterwards afterward recently again separately")
	addWords(wComp, "that whether if")
	addWords(wPassive, "is are was were be been being 's")
	addWords(wNounCtx, "the a an his her their its our my your this these those every each any no "+
		"of for with by from into about to at in on as such another")
	addWords(wPossessive, "his her their its our my your this that these those every each any no one")
	addWords(wCollective, "police staff media public government administration campaign committee military "+
		"army navy party court agency ministry department council congress parliament senate house "+
		"management union family spokesperson spokesman spokeswoman source official aide adviser advisor "+
		"analyst expert witness lawmaker")
	addWords(wTime, "monday tuesday wednesday thursday friday saturday sunday january february march april may june "+
		"july august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. "+
		"today yesterday tonight tomorrow morning afternoon evening night week weekend month year day hour minute")
	addWords(wLabel, "clarification "+"update updated note editor editor's photo photos video videos watch read related source sources "+
		"credit image images correction corrections advertisement the a an in on at for by breaking exclusive live "+
		"opinion analysis listen see also more warning disclaimer tags topics share follow contact email subscribe "+
		"caption file background context timeline what why how when where who")
	addWords(wDet, "the a an some many most several few two three four five both all other others another")
}

package event

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Confidence: how likely a record is right, from how it was read. A
// logistic model over features of the reading (a verb's pattern or a
// noun's, both sides named, a guessed doer, a clause within a clause, the
// modality, whether a name or a common noun is the doer, the kind of
// event) whose weights are learned from records judged by hand
// (`newsgraph train confidence`) and embedded (data/confidence.tsv).

// The features of one record; each is 0 or 1 unless said.
const (
	fBias           = iota
	fRule           // the hand-set score of how it was read (ruleScore)
	fNoun           // a noun's pattern, not a verb's
	fPatWords       // words of the pattern besides the trigger, /4 (at most 1)
	fBoth           // a source and a target
	fNoTarget       // a two-party type without a target
	fFallback       // the source guessed from the clause, not the parse
	fGuessed        // the source is the place where it happened
	fRelative       // inside a relative or complement clause
	fPurpose        // a purpose clause
	fLate           // the trigger's position in the sentence, /50 (at most 1)
	fDepth          // adverbial and adnominal clauses above the trigger, /2 (at most 1)
	fFlagged        // a mode other than asserted
	fReported       // told by a speaker the sentence names
	fGenericSource  // the source is named by a common noun or a pronoun
	fSelf           // source and target of one country
	fHeadline       // the first sentence (the title)
	fStatement      // CAMEO 01: statements
	fAppeal         // 02, 10: appeals and demands
	fIntent         // 03: intents
	fConsult        // 04: consultations, meetings
	fCooperate      // 05-08: cooperation, aid, yielding
	fVerbalConflict // 11-13: disapproval, rejection, threats
	fCoerce         // 14-17: protest, posture, reduced relations, coercion
	fViolence       // 18-20: assault, fighting, mass violence
	nFeatures
)

// FeatureNames name the features in data/confidence.tsv, in order.
var FeatureNames = [nFeatures]string{"bias", "rule", "noun", "pattern_words", "both", "no_target", "fallback", "guessed",
	"relative", "purpose", "late", "depth", "flagged", "reported", "generic_source", "self", "headline",
	"statement", "appeal", "intent", "consult", "cooperate", "verbal_conflict", "coerce", "violence"}

// Features is the feature vector of one record.
type Features [nFeatures]float64

//go:embed data/confidence.tsv
var embeddedConfidence []byte

// ConfidenceModel holds the weights of the features.
type ConfidenceModel struct {
	W Features
}

// ReadConfidenceModel reads weights as "name<TAB>weight" lines; # starts
// a comment. Every name must be a feature's; a feature not listed weighs
// 0.
func ReadConfidenceModel(r io.Reader) (*ConfidenceModel, error) {
	m := &ConfidenceModel{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		name, val, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("confidence model line %d: want name<TAB>weight", n)
		}
		i := featureIndex(name)
		if i < 0 {
			return nil, fmt.Errorf("confidence model line %d: unknown feature %q", n, name)
		}
		w, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil || math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("confidence model line %d: bad weight %q", n, val)
		}
		m.W[i] = w
	}
	return m, sc.Err()
}

// WriteTo writes the weights in the format ReadConfidenceModel reads.
func (m *ConfidenceModel) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString("# Weights of the event coder's confidence (logistic), learned by `newsgraph train confidence`.\n")
	for i, name := range FeatureNames {
		fmt.Fprintf(&b, "%s\t%.4f\n", name, m.W[i])
	}
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

func featureIndex(name string) int {
	for i, n := range FeatureNames {
		if n == name {
			return i
		}
	}
	return -1
}

// Score returns the probability the model gives a record with features x.
func (m *ConfidenceModel) Score(x *Features) float64 {
	z := 0.0
	for i, v := range x {
		z += m.W[i] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// embeddedConfidenceModel parses the embedded weights.
func embeddedConfidenceModel() (*ConfidenceModel, error) {
	m, err := ReadConfidenceModel(bytes.NewReader(embeddedConfidence))
	if err != nil {
		return nil, fmt.Errorf("embedded %w", err)
	}
	return m, nil
}

// features describes how record (src, tgt) of candidate k was read.
// depth is the trigger's clause depth, mode the record's modality.
func features(k *cand, src, tgt *side, guessed bool, depth, si int, mode, srcText string) Features {
	var x Features
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	x[fBias] = 1
	x[fRule] = ruleScore(k, tgt != nil, guessed, depth)
	x[fNoun] = b(k.pat.kind == nounPattern)
	x[fPatWords] = min(float64(len(k.pat.words))/4, 1)
	x[fBoth] = b(tgt != nil)
	x[fNoTarget] = b(tgt == nil && twoParty(k.code.CAMEO))
	x[fFallback] = b(k.fallback)
	x[fGuessed] = b(guessed)
	x[fRelative] = b(k.relative)
	x[fPurpose] = b(k.purpose)
	x[fLate] = min(float64(k.trigger)/50, 1)
	x[fDepth] = min(float64(depth)/2, 1)
	x[fFlagged] = b(mode != "" && mode != "asserted")
	x[fReported] = b(k.speaker >= 0)
	x[fGenericSource] = b(!namesSomeone(srcText))
	x[fSelf] = b(tgt != nil && src.act.Country != "" && src.act.Country == tgt.act.Country)
	x[fHeadline] = b(si == 0)
	switch r := k.code.CAMEO[:2]; r {
	case "01":
		x[fStatement] = 1
	case "02", "10":
		x[fAppeal] = 1
	case "03":
		x[fIntent] = 1
	case "04":
		x[fConsult] = 1
	case "05", "06", "07", "08":
		x[fCooperate] = 1
	case "11", "12", "13":
		x[fVerbalConflict] = 1
	case "14", "15", "16", "17":
		x[fCoerce] = 1
	case "18", "19", "20":
		x[fViolence] = 1
	}
	return x
}

// twoParty reports whether CAMEO code x is done to someone: not a
// statement, a protest, a show of force or a claim of responsibility.
func twoParty(x string) bool {
	switch x[:2] {
	case "01", "14", "15":
		return false
	}
	return true
}

// namesSomeone reports whether a doer's words hold a name: a capitalised
// word after the first ("the Kremlin", "Russian troops", "Putin"), or a
// first word that is no article or pronoun.
func namesSomeone(s string) bool {
	for i, w := range strings.Fields(s) {
		r := []rune(w)
		if len(r) == 0 || !unicode.IsUpper(r[0]) {
			continue
		}
		if i == 0 {
			switch strings.ToLower(w) {
			case "the", "a", "an", "he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our", "some", "many", "these", "those", "this", "that", "two", "three", "both":
				continue
			}
		}
		return true
	}
	return false
}

// ruleScore is the score set by hand before the model was learned: a verb
// pattern is surer than a noun's, longer patterns surer than short ones;
// a record with both sides is surer; a guessed doer (the clause's
// controller, the place), a relative clause, a purpose clause, clauses
// above the trigger and a late trigger lower it.
func ruleScore(k *cand, both, guessed bool, depth int) float64 {
	conf := 0.6
	if k.pat.kind == nounPattern {
		conf = 0.5
	}
	conf += 0.05 * float64(len(k.pat.words))
	if both {
		conf += 0.15
	}
	if k.fallback {
		conf -= 0.15
	}
	if guessed {
		conf -= 0.2
	}
	if k.relative {
		conf -= 0.1
	}
	if k.purpose {
		conf -= 0.1
	}
	// Earlier events are more often the sentence's main one.
	conf -= 0.002 * float64(min(k.trigger, 50))
	conf = min(max(conf, 0.05), 0.95)
	return max(conf-0.05*float64(min(depth, 2)), 0.05)
}

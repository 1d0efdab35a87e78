package amount

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// stopWords end an object: function words, auxiliaries, pronouns and
// frequent verbs. Lower case.
var stopWords = map[string]bool{}

// clauseVerbs are verbs that link a subject to a figure: "the figure
// reached $185 billion", "inflation rose to 3.5%".
var clauseVerbs = map[string]bool{}

// changeVerbs move a quantity: in "raise trade to $150 billion" the
// object of the verb is what the figure measures.
var changeVerbs = map[string]bool{}

// linkParticles are the non-verbs among clauseVerbs.
var linkParticles = map[string]bool{}

// headPreps join a head noun to its complement: "exports to the bloc".
var headPreps = map[string]bool{"to": true, "of": true, "from": true, "with": true, "between": true, "for": true}

// determiners kept at the front of a subject object ("the figure").
var determiners = map[string]bool{"the": true, "its": true, "their": true, "this": true, "that": true, "his": true, "her": true, "our": true}

func init() {
	for _, w := range strings.Fields(`a an the this that these those its their his her our your my
		and or but nor so yet if than then as at by for from in into of on onto to with without within
		per via over under about above below after before since until between among against during
		is are was were be been being am has have had do does did will would shall should can could
		may might must not no never also only just still even already more most less least very
		he she it they we you i who whom whose which what when where why how there here
		said says say told according while because although though whether each every all some any
		up down out off away back again around across through toward towards near
		a.m. p.m. ago last next year years month months week weeks day days
		compared versus vs. plus minus including included worth long wide high deep tall away old
		apiece each respectively despite although unless expect expects predict predicts forecast forecasts see sees believe believes estimate estimates want wants`) {
		stopWords[w] = true
	}
	for _, w := range strings.Fields(`reached reach reaches hit hits rose rise rises risen grew grow grows grown
		fell fall falls fallen stood stand stands totaled totalled totals total amounted amounts
		topped tops exceeded exceeds jumped jumps climbed climbs increased increases decreased decreases
		dropped drops declined declines surged surges soared soars plunged plunges slumped slumps
		gained gains lost loses cost costs was were is are be been reaching rising falling growing
		standing totaling totalling amounting to by at of about around nearly almost some over more than
		less up down from roughly approximately estimated an a stood valued worth came comes come
		expanded expands shrank shrinks contracted contracts doubled tripled halved slipped slips
		edged edges added adds hitting will would could can may might should must has have had also
		further another additional extra spent paid sent sold bought gave given made received got raised
		pledged allocated invested borrowed owes owed earned spend pay send sell buy give make receive
		raise pledge invest borrow spends pays sends sells buys gives makes receives raises pledges
		invests borrows set put cut won`) {
		clauseVerbs[w] = true
	}
	for _, w := range strings.Fields(`to by at of about around nearly almost some over more than less up down
		from roughly approximately an a further another additional extra also`) {
		linkParticles[w] = true
	}
	for _, w := range strings.Fields(`prefer prefers favor favors favour favours oppose opposes think thinks
		approve approves disapprove disapproves agree agrees disagree disagrees choose chooses say tell
		tells know knows leads`) {
		stopWords[w] = true
	}
	for _, w := range strings.Fields(`raise raises raised raising lift lifts lifted lifting boost boosts
		boosted boosting increase increases increased increasing cut cuts cutting reduce reduces reduced
		reducing lower lowers lowered lowering bring brings brought bringing push pushes pushed pushing
		double doubles doubled triple tripled expand expands expanded trim trims trimmed slash slashed
		hike hikes hiked take takes took taking`) {
		changeVerbs[w] = true
	}
}

func stopWord(w string) bool { return lowerIn(stopWords, w) }

func lowerIn(m map[string]bool, w string) bool {
	if len(w) > 16 {
		return false
	}
	var b [16]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[k] = c
	}
	return m[string(b[:len(w)])]
}

// verbLike reports whether w looks like a finite verb or participle that
// ends a noun phrase: "died", "killed", "fighting".
func verbLike(w string) bool {
	n := len(w)
	if n >= 4 && w[n-2:] == "ed" && (w[n-3] != 'e' || n > 5) {
		return true
	}
	return n > 5 && w[n-3:] == "ing"
}

// plural reports whether lower-case w looks like a plural noun, which
// ends a counted noun phrase: "soldiers", "people".
func plural(w string) bool {
	n := len(w)
	if w == "people" || w == "children" || w == "men" || w == "women" || w == "police" || w == "personnel" || w == "staff" || w == "troops" {
		return true
	}
	return n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i'
}

// objectAfter reads the noun phrase that follows an amount at i: "combat
// soldiers", "annual trade turnover". ofOK allows a leading "of" ("40
// percent of voters", "tens of thousands of protesters"), and for money
// "in" ("$5 billion in aid").
func (f *finder) objectAfter(i int, ofOK bool) (text.Span, string) {
	if f.is(i, "of") && ofOK || f.is(i, "in") && ofOK && f.ok(i+1) && f.d.Tokens[i+1].Kind == text.Word && isLowerStart(f.word(i+1)) && !stopWord(f.word(i+1)) {
		i++
		if f.ok(i) && lowerIn(determiners, f.word(i)) {
			i++
		}
	}
	start, end := i, i
	for k := i; f.ok(k) && k-i < f.opts.MaxObjectWords; k++ {
		t := f.d.Tokens[k]
		if t.Kind != text.Word || f.inDate[k] {
			break
		}
		w := f.word(k)
		if stopWord(w) || k > i && verbLike(w) || k == i && verbLike(w) && !f.nounAfter(k) {
			break
		}
		if _, isNum := lookupNumWord(w); isNum {
			break
		}
		end = k + 1
		if plural(strings.ToLower(w)) && !(f.nounAfter(k) && plural(strings.ToLower(f.word(k+1)))) {
			break
		}
	}
	for end > start && strings.HasSuffix(f.word(end-1), "-") {
		end--
	}
	if end == start {
		return text.Span{}, ""
	}
	sp := text.Span{Start: f.d.Tokens[start].Start, End: f.d.Tokens[end-1].End}
	return sp, f.d.Slice(sp)
}

// nounAfter reports whether token k+1 continues a noun phrase: a lower-
// case content word.
func (f *finder) nounAfter(k int) bool {
	if !f.ok(k+1) || f.inDate[k+1] {
		return false
	}
	t := f.d.Tokens[k+1]
	if t.Kind != text.Word || t.Has(text.NewlineBefore) {
		return false
	}
	w := f.word(k + 1)
	return isLowerStart(w) && !stopWord(w) && !verbLike(w) && !plural(w) || isLowerStart(w) && plural(w) && !stopWord(w)
}

func isLowerStart(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

// subjectBefore reads the subject of the clause an amount ends: back over
// the linking verb and prepositions ("reached", "rose to"), then the noun
// phrase before them with its determiner ("the figure").
func (f *finder) subjectBefore(i int) (text.Span, string) {
	k := i - 1
	verbs := 0
	realVerb := false
	for f.ok(k) && f.d.Tokens[k].Kind == text.Word && verbs < 6 {
		w := f.word(k)
		if !lowerIn(clauseVerbs, w) && !(isLowerStart(w) && verbLike(w)) {
			break
		}
		if !lowerIn(linkParticles, w) {
			realVerb = true
		}
		k--
		verbs++
	}
	// With only prepositions skipped ("leads Trump by 5 points", "from
	// 58 percent") the words before are no subject, unless a verb of
	// change governs them: "to lift bilateral trade to $150 billion".
	needChange := !realVerb && !f.is(i-1, "of") // "a turnout rate of 58%"
	end := k + 1
	start := end
	for f.ok(k) && end-k <= f.opts.MaxObjectWords {
		t := f.d.Tokens[k]
		if t.Kind != text.Word || f.inDate[k] {
			break
		}
		w := f.word(k)
		if lowerIn(determiners, w) {
			start = k
			break
		}
		if stopWord(w) || verbLike(w) || strings.HasSuffix(w, "ly") || lowerIn(changeVerbs, w) {
			break
		}
		if _, isNum := lookupNumWord(w); isNum {
			break
		}
		if f.is(k-1, "to") {
			break // "to lift trade": this word is a verb
		}
		start = k
		k--
	}
	if start == end || start == end-1 && lowerIn(determiners, f.word(start)) {
		return text.Span{}, ""
	}
	if needChange && !(f.ok(start-1) && lowerIn(changeVerbs, f.word(start-1))) {
		return text.Span{}, ""
	}
	// "Exports to the bloc reached": the head before the preposition.
	if p := start - 1; f.ok(p-1) && lowerIn(headPreps, f.word(p)) && f.d.Tokens[p-1].Kind == text.Word && !stopWord(f.word(p-1)) && !verbLike(f.word(p-1)) {
		hs := p - 1
		for f.ok(hs-1) && f.d.Tokens[hs-1].Kind == text.Word && !stopWord(f.word(hs-1)) && !verbLike(f.word(hs-1)) && p-hs < f.opts.MaxObjectWords {
			hs--
		}
		if f.ok(hs-1) && lowerIn(determiners, f.word(hs-1)) {
			hs--
		}
		start, end = hs, p
	}
	sp := text.Span{Start: f.d.Tokens[start].Start, End: f.d.Tokens[end-1].End}
	return sp, f.d.Slice(sp)
}

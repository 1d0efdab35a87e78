// Package amount finds numbers in a document with their scale, unit and
// the thing they count: "$200 billion annual trade turnover" is 2e11 USD of
// "annual trade turnover", "20,000 combat soldiers" is 20000 "combat
// soldiers", "3.5 percent" is 3.5 "%". It runs after the time-expression
// tagger (internal/timex) so that numbers inside dates ("Feb. 24",
// "2024", "10:30 a.m.") are not counted, and fills Document.Amounts.
//
// Conventions:
//   - Value is the number with its scale applied ("185bn" = 1.85e11).
//   - Unit is an ISO 4217 code for money, "%" for percentages (and
//     percentage points), a short name for measures ("km", "t", "barrel"),
//     and empty for plain counts.
//   - Vague quantities give the lower order of magnitude: "dozens" 12,
//     "hundreds" 100, "tens of thousands" 1e4, "millions" 1e6.
//   - A range ("between 10 and 20", "10 to 20 million", "10-20") is one
//     amount spanning both numbers whose Value is the lower bound; the
//     scale of the upper number applies to both when the lower has none.
//   - Object is the noun phrase after the number (determiners dropped),
//     or for money and percentages without one, the subject of the clause
//     ("the figure reached $185 billion" gives "the figure").
package amount

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/text"
)

// ErrNoTokens is returned when a document reaches the tagger untokenized.
var ErrNoTokens = errors.New("amount: document is not tokenized")

// Options configure a Tagger.
type Options struct {
	// MaxObjectWords caps the words of an object. Default 4.
	MaxObjectWords int
}

// EnsureDefaults fills unset fields with their defaults.
func (o *Options) EnsureDefaults() {
	if o.MaxObjectWords == 0 {
		o.MaxObjectWords = 4
	}
}

// Validate reports an invalid option.
func (o *Options) Validate() error {
	if o.MaxObjectWords < 1 || o.MaxObjectWords > 16 {
		return fmt.Errorf("amount: MaxObjectWords %d out of range 1..16", o.MaxObjectWords)
	}
	return nil
}

// Tagger is the amount annotator. It holds no mutable state and is safe
// for concurrent use.
type Tagger struct {
	opts Options
}

// New returns a Tagger with opts.
func New(opts Options) (*Tagger, error) {
	opts.EnsureDefaults()
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	return &Tagger{opts: opts}, nil
}

// Name returns "amounts".
func (*Tagger) Name() string { return "amounts" }

// Annotate fills d.Amounts; it reads d.Tokens, d.Sentences and d.Dates.
func (t *Tagger) Annotate(ctx context.Context, d *text.Document) error {
	if len(d.Tokens) == 0 && len(d.Text) > 0 {
		return ErrNoTokens
	}
	amounts, err := find(ctx, d.Amounts[:0], d, t.opts)
	d.Amounts = amounts
	return err
}

// finder scans one document.
type finder struct {
	d      *text.Document
	opts   Options
	inDate []bool
	out    []text.Amount
	sent   text.Sentence
}

// Find appends the amounts of d to dst. opts must have its defaults.
func Find(dst []text.Amount, d *text.Document, opts Options) []text.Amount {
	dst, _ = find(context.Background(), dst, d, opts)
	return dst
}

// find is Find that stops, with ctx's error, when ctx ends.
func find(ctx context.Context, dst []text.Amount, d *text.Document, opts Options) ([]text.Amount, error) {
	if opts.MaxObjectWords == 0 {
		opts.EnsureDefaults()
	}
	f := finder{d: d, opts: opts, out: dst, inDate: make([]bool, len(d.Tokens))}
	for _, x := range d.Dates {
		for i := d.TokenAt(x.Start); i < len(d.Tokens) && d.Tokens[i].Start < x.End; i++ {
			f.inDate[i] = true
		}
	}
	for si, st := range d.Sentences {
		if si%256 == 0 {
			if err := ctx.Err(); err != nil {
				return f.out, err
			}
		}
		if st.FirstToken < 0 || st.EndToken > len(d.Tokens) || st.FirstToken >= st.EndToken {
			continue
		}
		f.sent = st
		for i := st.FirstToken; i < st.EndToken; {
			if end, ok := f.match(i); ok {
				i = end
				continue
			}
			i++
		}
	}
	return f.out, nil
}

func (f *finder) word(i int) string {
	t := f.d.Tokens[i]
	return f.d.Text[t.Start:t.End]
}

func (f *finder) ok(i int) bool { return i >= f.sent.FirstToken && i < f.sent.EndToken }

func (f *finder) is(i int, w string) bool { return f.ok(i) && strings.EqualFold(f.word(i), w) }

// tight reports whether token i follows token i-1 with no space.
func (f *finder) tight(i int) bool { return f.ok(i) && !f.d.Tokens[i].Has(text.SpaceBefore) }

// number is a parsed number: its value, the token after it, whether it
// carried a scale word, and whether it was vague ("thousands of").
type number struct {
	val    float64
	end    int
	scaled bool
	vague  bool
}

// readNumber reads a number at k: digits with an optional scale
// ("185 billion", "185bn", "3.5m"), spelled out ("two million",
// "twenty-five", "a hundred", "half a million"), or vague ("tens of
// thousands of").
func (f *finder) readNumber(k int, money bool) (number, bool) {
	if !f.ok(k) || f.inDate[k] {
		return number{}, false
	}
	t := f.d.Tokens[k]
	w := f.word(k)
	n := number{end: k}
	switch t.Kind {
	case text.Number:
		v, ok := ParseDigits(w)
		if !ok {
			return number{}, false
		}
		n.val, n.end = v, k+1
	case text.Word:
		nw, ok := lookupNumWord(w)
		if !ok {
			if (strings.EqualFold(w, "a") || strings.EqualFold(w, "an")) && f.ok(k+1) {
				if nw2, ok2 := lookupNumWord(f.word(k + 1)); ok2 && (nw2.kind == wScale || nw2.kind == wHundred || nw2.kind == wDozen) {
					n.val, n.end = 1, k+1
					break
				}
			}
			return number{}, false
		}
		switch nw.kind {
		case wSmall:
			return f.spelled(k)
		case wVague:
			return f.vague(k)
		case wHalf:
			// "half a million"
			if f.is(k+1, "a") && f.ok(k+2) {
				if nw2, ok2 := lookupNumWord(f.word(k + 2)); ok2 && nw2.kind == wScale {
					return number{val: 0.5 * nw2.val, end: k + 3, scaled: true}, true
				}
			}
			return number{}, false
		default:
			return number{}, false
		}
	default:
		return number{}, false
	}
	return f.scale(n), true
}

// scale applies scale words after a number: "million", "bn", "hundred
// thousand".
func (f *finder) scale(n number) number {
	for f.ok(n.end) && !f.inDate[n.end] {
		nw, ok := lookupNumWord(f.word(n.end))
		if !ok {
			break
		}
		switch nw.kind {
		case wScale, wHundred, wDozen:
		case wAbbrev:
			w := f.word(n.end)
			if len(w) == 1 && !f.tight(n.end) {
				return n // "5 m" is five metres, "5m" five million
			}
		default:
			return n
		}
		n.val *= nw.val
		n.scaled = true
		n.end++
	}
	return n
}

// spelled reads a spelled-out number: "five", "twenty five", "two
// hundred and fifty thousand".
func (f *finder) spelled(k int) (number, bool) {
	total, cur := 0.0, 0.0
	end := k
	last := 0
	for i := k; f.ok(i) && !f.inDate[i]; i++ {
		w := f.word(i)
		if strings.EqualFold(w, "and") && (last == wHundred || last == wScale) && f.ok(i+1) {
			if nw, ok := lookupNumWord(f.word(i + 1)); ok && nw.kind == wSmall {
				continue
			}
			break
		}
		nw, ok := lookupNumWord(w)
		if !ok {
			break
		}
		switch nw.kind {
		case wSmall:
			if last == wSmall && (cur == 0 || int(cur)%10 != 0 || nw.val >= 10) {
				goto done
			}
			cur += nw.val
		case wHundred:
			if cur == 0 {
				cur = 1
			}
			cur *= 100
		case wScale:
			if cur == 0 {
				cur = 1
			}
			total += cur * nw.val
			cur = 0
		case wDozen:
			if cur == 0 {
				cur = 1
			}
			cur *= 12
		default:
			goto done
		}
		last = nw.kind
		end = i + 1
	}
done:
	if end == k {
		return number{}, false
	}
	n := number{val: total + cur, end: end, scaled: end > k+1}
	// A lone "one" is mostly a pronoun: "one of them", "no one".
	if end == k+1 && strings.EqualFold(f.word(k), "one") {
		if f.ok(k-1) && (f.is(k-1, "no") || f.is(k-1, "the") || f.is(k-1, "any") || f.is(k-1, "every") || f.is(k-1, "this") || f.is(k-1, "that")) {
			return number{}, false
		}
		if !f.ok(k+1) || f.is(k+1, "of") || f.d.Tokens[k+1].Kind != text.Word || stopWord(f.word(k+1)) {
			return number{}, false
		}
		if nw := f.word(k + 1); len(nw) > 2 && nw[len(nw)-1] == 's' && nw[len(nw)-2] != 's' {
			return number{}, false // "one goes", "one provides": a pronoun before a verb
		}
	}
	return n, true
}

// vague reads "dozens of", "hundreds of", "tens of thousands of",
// "millions of": the lower order of magnitude.
func (f *finder) vague(k int) (number, bool) {
	v := 1.0
	end := k
	for i := k; f.ok(i); {
		nw, ok := lookupNumWord(f.word(i))
		if !ok || nw.kind != wVague {
			break
		}
		v *= nw.val
		end = i + 1
		if !f.is(i+1, "of") {
			break
		}
		i += 2
	}
	if end == k {
		return number{}, false
	}
	// "thousands" must count something: "thousands of X" or "thousands
	// protested" are both fine, "by the thousands" is not worth a record.
	if !f.is(end, "of") && !(f.ok(end) && f.d.Tokens[end].Kind == text.Word) {
		return number{}, false
	}
	return number{val: v, end: end, vague: true}, true
}

// nameBefore lists words after which a number is a name or a label, not
// an amount: "Article 5", "No. 10", "Resolution 2231".
var nameBefore = map[string]bool{
	"no.": true, "no": true, "number": true, "article": true, "articles": true, "resolution": true,
	"section": true, "chapter": true, "page": true, "pages": true, "flight": true, "route": true,
	"highway": true, "room": true, "level": true, "category": true, "grade": true, "version": true,
	"#": true, "paragraph": true, "item": true, "rule": true, "stage": true, "phase": true, "line": true,
	"gate": true, "platform": true, "unit": true, "block": true, "apartment": true, "district": true,
	"precinct": true, "channel": true, "act": true, "amendment": true, "decree": true, "law": true,
	"bill": true, "order": true, "game": true, "round": true, "week": true, "day": true, "year": true,
	"ranked": true, "rank": true, "aged": true, "age": true, "ages": true, "top": true,
}

// match tries an amount at token i and returns the token after it.
func (f *finder) match(i int) (int, bool) {
	if f.inDate[i] {
		return 0, false
	}
	start := i
	k := i
	cur := ""
	w := f.word(k)
	kind := f.d.Tokens[k].Kind
	// Currency before the number: "$", "US$", "US $", "€", "USD".
	if kind == text.Symbol || kind == text.Punct {
		if c, ok := currencySymbols[w]; ok {
			cur, k = c, k+1
		} else {
			return 0, false
		}
	} else if kind == text.Word && w[0] >= 'A' && w[0] <= 'Z' && f.is(k+1, "$") {
		c, ok := dollarPrefixes[w]
		if !ok && currencyCodes[w] && f.tight(k+1) {
			c, ok = normCode(w), true // "AUD$1 million"
		}
		if ok && (f.tight(k+1) || len(w) >= 2) {
			if n, ok := f.readNumber(k+2, true); ok && n.end > 0 {
				cur, k = c, k+2
			}
		}
	} else if len(w) == 3 && w[0] >= 'A' && w[0] <= 'Z' && currencyCodes[w] && f.ok(k+1) && f.d.Tokens[k+1].Kind == text.Number {
		cur, k = normCode(w), k+1
	}
	if cur != "" && f.is(k, "$") { // "US$" split oddly
		k++
	}
	rangeStart := false
	if cur == "" && kind == text.Word && (len(w) == 7 && strings.EqualFold(w, "between") || len(w) == 4 && strings.EqualFold(w, "from")) {
		k++
		rangeStart = true
		if c, ok := currencySymbols[f.wordAt(k)]; ok {
			cur, k = c, k+1
		}
	}
	n, ok := f.readNumber(k, cur != "")
	if !ok {
		return 0, false
	}
	if rangeStart {
		start = k
		if cur != "" {
			start = k - 1
		}
	}
	if cur == "" && !n.vague && f.labelBefore(start) {
		return n.end, true // skip the number; it is a label
	}
	end := n.end
	// Range: "10 to 20", "10-20", "between 10 and 20".
	if f.is(end, "to") || f.is(end, "and") && rangeStart || f.is(end, "-") || f.is(end, "–") || f.is(end, "or") && !rangeStart {
		j := end + 1
		if c, ok := currencySymbols[f.wordAt(j)]; ok && (cur == "" || c == cur) {
			cur, j = c, j+1
		}
		if n2, ok := f.readNumber(j, cur != ""); ok && !n2.vague && n2.val >= n.val*0.01 {
			if n2.scaled && !n.scaled {
				n.val *= n2.val / f.unscaled(j, n2)
			}
			end = n2.end
		}
	}
	unit := cur
	if unit == "" || unit == "USD" && f.currencyAfter(end) != "" {
		if c := f.currencyAfter(end); c != "" {
			unit = c
			end = f.currencyEnd(end)
		}
	}
	if unit == "" {
		switch lw := strings.ToLower(f.wordAt(end)); {
		case lw == "%" || lw == "percent" || lw == "pct":
			unit, end = "%", end+1
			if f.is(end, "points") || f.is(end, "point") {
				end++
			}
		case lw == "per" && f.is(end+1, "cent"):
			unit, end = "%", end+2
		case lw == "percentage" && (f.is(end+1, "points") || f.is(end+1, "point")):
			unit, end = "%", end+2
		default:
			if m, ok := measureUnits[lw]; ok {
				if m == "" { // square, cubic
					if m2, ok2 := measureUnits[strings.ToLower(f.wordAt(end+1))]; ok2 && m2 != "" {
						unit, end = lw[:2]+"_"+m2, end+2
					}
				} else {
					unit, end = m, end+1
				}
			}
		}
	}
	// A bare small number with nothing after it is not worth a record
	// unless it counts something; the object decides below.
	a := text.Amount{Span: text.Span{Start: f.d.Tokens[start].Start, End: f.d.Tokens[end-1].End}, Value: n.val, Unit: unit}
	obj, os := f.objectAfter(end, unit != "" || n.vague)
	if obj.Len() == 0 && (isMoney(unit) || unit == "%") {
		obj, os = f.subjectBefore(start)
	}
	if obj.Len() == 0 && unit == "" {
		// A bare number ("he said 3", "scored 2"): no record.
		return end, true
	}
	if obj.Len() > 0 {
		a.ObjectSpan = obj
		a.Object = os
	}
	f.out = append(f.out, a)
	return end, true
}

func (f *finder) wordAt(i int) string {
	if !f.ok(i) {
		return ""
	}
	return f.word(i)
}

// unscaled returns n2's value without its scale words.
func (f *finder) unscaled(j int, n2 number) float64 {
	if v, ok := ParseDigits(f.wordAt(j)); ok {
		return v
	}
	if nw, ok := lookupNumWord(f.wordAt(j)); ok && nw.kind == wSmall {
		return nw.val
	}
	return n2.val
}

func normCode(w string) string {
	if w == "RMB" {
		return "CNY"
	}
	return w
}

func isMoney(unit string) bool { return len(unit) == 3 && unit[0] >= 'A' && unit[0] <= 'Z' }

// currencyAfter returns the currency named at i ("yuan", "US dollars",
// "euros", "EUR"), or "".
func (f *finder) currencyAfter(i int) string {
	w := f.wordAt(i)
	if w == "" {
		return ""
	}
	if currencyCodes[w] {
		return normCode(w)
	}
	lw := strings.ToLower(w)
	if (lw == "us" || lw == "u.s.") && f.ok(i+1) {
		if c := currencyWords[strings.ToLower(f.word(i+1))]; c == "USD" {
			return c
		}
	}
	c := currencyWords[lw]
	if (lw == "pounds" || lw == "pound") && (f.is(i+1, "of") || f.ok(i+1) && isLowerStart(f.word(i+1)) && !stopWord(f.word(i+1)) && !f.is(i+1, "sterling")) {
		return "" // weight: "4 pound cartons", "5 pounds of rice"
	}
	return c
}

func (f *finder) currencyEnd(i int) int {
	lw := strings.ToLower(f.wordAt(i))
	if lw == "us" || lw == "u.s." {
		return i + 2
	}
	if (lw == "pounds" || lw == "pound") && f.is(i+1, "sterling") {
		return i + 2
	}
	return i + 1
}

// labelBefore reports whether the number at i is a label: "Article 5",
// "Boeing 737", "G 20".
func (f *finder) labelBefore(i int) bool {
	p := i - 1
	if !f.ok(p) {
		return false
	}
	w := f.word(p)
	var b [16]byte
	if len(w) <= len(b) {
		for k := 0; k < len(w); k++ {
			c := w[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[k] = c
		}
		if nameBefore[string(b[:len(w)])] {
			return true
		}
	}
	t := f.d.Tokens[p]
	if t.Kind == text.Word && p > f.sent.FirstToken {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && f.d.Tokens[i].Kind == text.Number {
			if _, ok := lookupNumWord(w); !ok && !strings.EqualFold(w, "about") && !strings.EqualFold(w, "some") && !strings.EqualFold(w, "nearly") && !strings.EqualFold(w, "over") && !strings.EqualFold(w, "almost") {
				return true
			}
		}
	}
	return false
}

// Default returns a Tagger with the default options.
func Default() *Tagger {
	t := &Tagger{}
	t.opts.EnsureDefaults()
	return t
}

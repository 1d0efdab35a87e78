package event

// Dates and places: the event's date and place from the sentence's
// date and place layers, and a place standing in for a missing target.

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// placeTarget returns, for an event without a target, the noun phrase
// after "in" in its clause ("protested in Beijing", "will meet in
// Zurich"): the event's setting stands in as its target, as in PETRARCH.
func (c *Coder) placeTarget(p *parser, from, limit int) []int {
	for i := from; i+1 < limit; i++ {
		tx := p.toks[i].text
		if tx == "," || tx == ";" || (p.toks[i].vg >= 0 && p.vgs[p.toks[i].vg].finite) {
			return nil
		}
		if (tx == "in" || tx == "In") && p.toks[i+1].np >= 0 && !temporalNP(p, p.toks[i+1].np) {
			ni := p.toks[i+1].np
			// "in the east of the Gaza Strip": the place the part is of.
			if e := p.nps[ni].end; partNoun[strings.ToLower(p.toks[p.nps[ni].head].text)] && e+1 < limit && p.toks[e].text == "of" && p.toks[e+1].np >= 0 {
				ni = p.toks[e+1].np
			}
			if p.toks[p.nps[ni].head].tag == "NNP" {
				return []int{ni}
			}
		}
	}
	return nil
}

// partNoun names a part of a place: "the east of", "the outskirts of".
var partNoun = map[string]bool{"east": true, "west": true, "north": true, "south": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true, "centre": true, "center": true, "heart": true,
	"outskirts": true, "suburbs": true, "edge": true, "border": true, "rest": true, "part": true}

// dateOf returns the value of the sentence's date expression nearest the
// trigger, else the published day.
func (c *Coder) dateOf(d *text.Document, si int, trig text.Span, p *parser, trigger int) string {
	sent := d.Sentences[si].Span
	best, bestDist := "", 1<<30
	for i := range d.Dates {
		x := &d.Dates[i]
		if !sent.Contains(x.Span) || (x.Type != record.DATE && x.Type != record.TIME) || len(x.Value) < 4 || x.Value[0] < '0' || x.Value[0] > '9' {
			continue
		}
		dist := x.Start - trig.End
		if dist < 0 {
			dist = trig.Start - x.End
			// "the anniversary of the war", "the eve of the talks": the
			// date of another event.
			if strings.HasPrefix(d.Text[x.End:trig.Start], " of ") {
				continue
			}
		}
		// Another clause: "set a goal ..., and the figure reached ... last year".
		if a, b := min(x.End, trig.End), max(x.Start, trig.Start); a < b && (strings.Contains(d.Text[a:b], ", and ") || strings.Contains(d.Text[a:b], ";")) {
			continue
		}
		if c.datesOtherEvent(d, si, x.Span, p, trigger) {
			continue
		}
		// "by 2024", "until March": a deadline, not the event's date.
		if pre := d.Text[max(sent.Start, x.Start-6):x.Start]; strings.HasSuffix(pre, "by ") || strings.HasSuffix(pre, "until ") {
			continue
		}
		if dist < bestDist {
			best, bestDist = x.Value, dist
		}
	}
	if best != "" {
		if len(best) > 10 {
			best = best[:10]
		}
		return best
	}
	if len(d.Published) >= 10 {
		return d.Published[:10]
	}
	return d.Published
}

// placeOf returns where candidate k happened, with the evidence
// (EventPlace.From): a place after a locative preposition that the tree
// attaches to the trigger or to one of its actors ("met in Moscow", "the
// refineries in Iran"); else such a place in the trigger's own clause,
// else in the sentence; else, for a statement, a meeting or an event one
// of whose actors is of the dateline's country, the dateline's place:
// what was done elsewhere by others is not placed at the dateline.
// Otherwise the event has no place (nil). v is the sentence's view of d.
func (c *Coder) placeOf(d, v *text.Document, si int, trig text.Span, p *parser, k *cand, sides ...[]side) *record.EventPlace {
	var best *text.Place
	from := ""
	if pl, how := attachedPlace(v, si, trig, p, k.trigger, sides...); pl != nil {
		best, from = pl, how
	}
	if best == nil && d.Dateline != nil {
		for i := range d.Places {
			pl := &d.Places[i]
			if !d.Dateline.Overlaps(pl.Span) {
				continue
			}
			local := verbal(k.code.CAMEO) || k.code.CAMEO[:2] == "01" || k.code.CAMEO[:2] == "04"
			for _, ss := range sides {
				for _, s := range ss {
					local = local || pl.Country != "" && s.act.Country == pl.Country
				}
			}
			if local {
				best, from = pl, record.PlaceFromDateline
			}
			break
		}
	}
	if best == nil {
		return nil
	}
	return &record.EventPlace{Name: best.Name, Country: best.Country, Lat: best.Lat, Lon: best.Lon, From: from}
}

// attachedPlace returns the place of sentence si after a locative
// preposition that the tree attaches to trigger ti or to one of the
// actors' words without crossing into another clause
// (record.PlaceFromAttachment), else the nearest such place in the
// trigger's clause (record.PlaceFromClause), else the nearest in the
// sentence (record.PlaceFromSentence: the parse is not always right about
// clauses), else nil. Places that name an actor are no setting.
func attachedPlace(d *text.Document, si int, trig text.Span, p *parser, ti int, sides ...[]side) (*text.Place, string) {
	sent := d.Sentences[si].Span
	first := p.first
	clause := clauseHead(p, ti)
	var best *text.Place
	how, bestRank, bestDist := "", 3, 1<<30 // rank: attached, clause, sentence
	for i := range d.Places {
		pl := &d.Places[i]
		if !setting(d, sent, pl, sides) {
			continue
		}
		// The place's head word: the word of its span whose head is outside it.
		h := -1
		for t := range p.toks {
			sp := d.Tokens[first+t].Span
			if sp.Start >= pl.Start && sp.End <= pl.End {
				if x := p.tr.head[t]; x < 0 || d.Tokens[first+x].Start < pl.Start || d.Tokens[first+x].Start >= pl.End {
					h = t
					break
				}
			}
		}
		if h < 0 {
			continue
		}
		rank := 2
		if attachesTo(p, h, ti, d, first, sides...) {
			rank = 0
		} else if clauseHead(p, h) == clause {
			rank = 1
		}
		dist := pl.Start - trig.End
		if dist < 0 {
			dist = trig.Start - pl.End
		}
		if rank < bestRank || rank == bestRank && dist < bestDist {
			best, bestRank, bestDist = pl, rank, dist
		}
	}
	switch bestRank {
	case 0:
		how = record.PlaceFromAttachment
	case 1:
		how = record.PlaceFromClause
	case 2:
		how = record.PlaceFromSentence
	}
	return best, how
}

// attachesTo reports whether word h hangs from the trigger ti, or from a
// word of one of the actors' spans, through nominal relations only.
func attachesTo(p *parser, h, ti int, d *text.Document, first int, sides ...[]side) bool {
	for steps := 0; h >= 0 && steps < 12; steps++ {
		x := p.tr.head[h]
		if x < 0 {
			return false
		}
		switch p.tr.rel[h] {
		case "obl", "nmod", "nmod:poss", "appos", "conj", "compound", "flat", "obl:unmarked", "nmod:unmarked", "obj", "nsubj", "nsubj:pass", "iobj", "obl:agent":
		default:
			return false
		}
		if x == ti {
			return true
		}
		sp := d.Tokens[first+x].Span
		for _, ss := range sides {
			for _, s := range ss {
				if s.sp.Contains(sp) {
					return true
				}
			}
		}
		h = x
	}
	return false
}

// clauseHead returns the verb (or the root) whose clause word i is in: the
// nearest word above i, i included, that heads a clause.
func clauseHead(p *parser, i int) int {
	for steps := 0; i >= 0 && steps < 64; steps++ {
		switch p.tr.rel[i] {
		case "root", "ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj":
			return i
		case "conj":
			if isVerbTag(p.toks[i].tag) {
				return i
			}
		}
		if p.tr.head[i] < 0 {
			return i
		}
		i = p.tr.head[i]
	}
	return i
}

// nearestPlace returns the place of sentence si after a locative
// preposition nearest the trigger that is not one of the actors, or nil.
func nearestPlace(d *text.Document, si int, trig text.Span, sides ...[]side) *text.Place {
	sent := d.Sentences[si].Span
	var best *text.Place
	bestDist := 1 << 30
	for i := range d.Places {
		pl := &d.Places[i]
		if !setting(d, sent, pl, sides) {
			continue
		}
		dist := pl.Start - trig.End
		if dist < 0 {
			dist = trig.Start - pl.End
		}
		if dist < bestDist {
			best, bestDist = pl, dist
		}
	}
	return best
}

// setting reports whether place pl of sentence span sent can be where an
// event happened: in the sentence, after a locative preposition ("in
// Moscow"), and none of the actors' spans sides (a place that names
// somebody, "China's diplomat", "the West", is an actor).
func setting(d *text.Document, sent text.Span, pl *text.Place, sides [][]side) bool {
	if !sent.Contains(pl.Span) {
		return false
	}
	for _, ss := range sides {
		for _, s := range ss {
			if s.sp.Overlaps(pl.Span) {
				return false
			}
		}
	}
	return locative(d.Text[max(sent.Start, pl.Start-32):pl.Start])
}

// locative reports whether the text before a place ends with a locative
// preposition.
func locative(before string) bool {
	// "in central Baghdad", "near the town of Samarra".
	for _, w := range placeWords {
		if strings.HasSuffix(before, w) {
			before = before[:len(before)-len(w)]
			break
		}
	}
	for _, w := range regionWords {
		if strings.HasSuffix(before, w) {
			before = before[:len(before)-len(w)]
			break
		}
	}
	before = strings.TrimSuffix(before, "the ")
	for _, p := range []string{" in ", " at ", " near ", " outside ", " inside ", " across ", " around "} {
		if strings.HasSuffix(" "+before, p) {
			return true
		}
	}
	return false
}

// placeWords stand between a locative preposition and a place's name.
var placeWords = []string{"town of ", "city of ", "village of ", "province of ", "region of ", "district of ", "capital of ", "port of "}

// regionWords name a part of a place.
var regionWords = []string{"central ", "northern ", "southern ", "eastern ", "western ", "north-eastern ", "north-western ",
	"south-eastern ", "south-western ", "northeastern ", "northwestern ", "southeastern ", "southwestern "}

// datesOtherEvent reports whether the tree attaches date span x to a
// nominal event other than the trigger: "regretted the 2016 shelling"
// dates the shelling, not the regret.
func (c *Coder) datesOtherEvent(d *text.Document, si int, x text.Span, p *parser, trigger int) bool {
	if p == nil || len(p.tr.head) != len(p.toks) {
		return false
	}
	sent := d.Sentences[si]
	for k := sent.FirstToken; k < sent.EndToken; k++ {
		if d.Tokens[k].Start < x.Start || d.Tokens[k].Start >= x.End {
			continue
		}
		h := p.tr.head[k-sent.FirstToken]
		if h < 0 || h == trigger || d.Tokens[sent.FirstToken+h].Start >= x.Start && d.Tokens[sent.FirstToken+h].Start < x.End {
			continue
		}
		if t := &p.toks[h]; (t.tag == "NN" || t.tag == "NNS" || t.tag == "VBG") && (isEventNoun(c, t) || c.dict.nounLex[lowerASCII(t.text)] != "") {
			return true
		}
	}
	return false
}

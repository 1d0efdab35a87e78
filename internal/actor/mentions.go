package actor

import (
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// modifierCountry returns the country named just before token t0 ("Russian
// troops", "Russia's army", "the Chinese police") and the first token of
// that modifier, or -1 and t0.
func modifierCountry(d *text.Document, sc *scratch, t0 int32) (int32, int32) {
	t := t0 - 1
	// Skip a few adjectives: "Russian armed forces", "Chinese riot police".
	for k := 0; k < 2 && t >= 0 && sc.hitOf[t] < 0; k++ {
		w := d.TokenText(int(t))
		if !isLowerWord(w) || w == "the" || w == "and" || w == "of" || w == "to" {
			break
		}
		t--
	}
	if t >= 0 && isPossessive(d.TokenText(int(t))) {
		t--
	}
	if t < 0 {
		return -1, t0
	}
	hi := sc.hitOf[t]
	if hi < 0 {
		return -1, t0
	}
	h := sc.hits[hi]
	if c := countryOf(h.t); c >= 0 {
		return c, h.t0
	}
	return -1, t0
}

// modifierOrg returns the organisation or bloc named just before token t0
// and its first token, or -1.
func modifierOrg(d *text.Document, sc *scratch, t0 int32) (int32, int32) {
	t := t0 - 1
	if t >= 0 && isPossessive(d.TokenText(int(t))) {
		t--
	}
	if t < 0 || sc.hitOf[t] < 0 {
		return -1, t0
	}
	h := sc.hits[sc.hitOf[t]]
	if h.t.kind != kindOrg || h.t1 != t+1 {
		return -1, t0
	}
	return h.t.idx, h.t0
}

// postCountry returns the country named by "from X", "of X" or "in X"
// right after token t, or -1.
func postCountry(d *text.Document, sc *scratch, t int32) int32 {
	if int(t)+1 >= len(d.Tokens) {
		return -1
	}
	if w := d.TokenText(int(t)); w != "from" && w != "of" && w != "in" {
		return -1
	}
	k := t + 1
	if foldIs(d, sc, k, "the") && int(k)+1 < len(d.Tokens) {
		k++
	}
	if hi := sc.hitOf[k]; hi >= 0 && sc.hits[hi].t0 <= k {
		if c := countryOf(sc.hits[hi].t); c >= 0 && sc.hits[hi].t.kind != kindAdjective {
			return c
		}
	}
	return -1
}

// postOrg returns the organisation or bloc named by "from X" or "of X"
// right after token t ("foreign ministers of the Group of Seven", "top
// diplomats from NATO"), or -1.
func postOrg(d *text.Document, sc *scratch, t int32) int32 {
	if int(t)+1 >= len(d.Tokens) {
		return -1
	}
	if w := d.TokenText(int(t)); w != "from" && w != "of" {
		return -1
	}
	k := t + 1
	if foldIs(d, sc, k, "the") && int(k)+1 < len(d.Tokens) {
		k++
	}
	if hi := sc.hitOf[k]; hi >= 0 && sc.hits[hi].t0 == k && sc.hits[hi].t.kind == kindOrg {
		return sc.hits[hi].t.idx
	}
	return -1
}

// definite reports whether the agent noun at [t0, t1) is a bare definite
// noun phrase ("the diplomats", "The foreign ministers", "these
// officials"): a mention of a group already named, not a new one.
func definite(d *text.Document, sc *scratch, t0 int32) bool {
	t := t0 - 1
	if t >= 0 && isLowerWord(d.TokenText(int(t))) && sc.hitOf[t] < 0 && !foldIs(d, sc, t, "the") && !foldIs(d, sc, t, "these") && !foldIs(d, sc, t, "those") {
		t-- // one adjective: "the top diplomats"
	}
	return t >= 0 && (foldIs(d, sc, t, "the") || foldIs(d, sc, t, "these") || foldIs(d, sc, t, "those"))
}

// antecedentGroup returns the actor of the latest earlier generic mention
// of group g, of the same noun ("Top diplomats from the G7 ... the
// diplomats"), or nil.
func antecedentGroup(prev []groupMention, g int32) *record.Actor {
	for i := len(prev) - 1; i >= 0; i-- {
		if prev[i].group == g && prev[i].actor != nil && (prev[i].actor.Country != "" || strings.HasPrefix(prev[i].actor.Code, "IGO")) {
			c := *prev[i].actor
			return &c
		}
	}
	return nil
}

// antecedentOrg returns the actor of the latest organisation entity
// before token t0 whose name holds the noun at [t0, t1) ("the court" after
// "the International Court of Justice", "the ministry" after "Russia's
// Foreign Ministry"), or nil.
func antecedentOrg(d *text.Document, t0, t1 int32) *record.Actor {
	noun := strings.ToLower(d.Text[d.Tokens[t1-1].Start:d.Tokens[t1-1].End])
	start := d.Tokens[t0].Start
	for i := len(d.Entities) - 1; i >= 0; i-- {
		e := &d.Entities[i]
		if e.End > start || e.Type != record.ORG || e.Actor == nil || e.Actor.Code == "" {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(d.Slice(e.Span))) {
			if w == noun || w+"s" == noun || w == noun+"s" {
				c := *e.Actor
				return &c
			}
		}
	}
	return nil
}

// groupMention is a generic mention already coded, for the definite
// mentions after it.
type groupMention struct {
	group int32
	actor *record.Actor
}

func isLowerWord(w string) bool {
	return w != "" && w[0] >= 'a' && w[0] <= 'z'
}

// generics adds a mention for every generic agent ("police", "Russian
// troops", "the government") outside person and organisation names, coded
// with the country before it or else the article's country.
func (r *Resolver) generics(d *text.Document, sc *scratch, home int32) {
	ei, ci := 0, 0
	var prev []groupMention
	for _, h := range sc.hits {
		if h.t.kind == kindCapital {
			// A seat of government no entity covers, used as an actor:
			// "the White House said", "talks with the Kremlin".
			t0 := h.t0
			if w := d.TokenText(int(t0)); h.t1-t0 > 1 && (w == "the" || w == "The") {
				t0++
			}
			s := span(d, t0, h.t1)
			if !covered(d, &ci, s) && t0 != sc.dateline && actsAsActor(d, sc, t0, h.t1) {
				d.Mentions = append(d.Mentions, text.Mention{Span: s, Kind: text.MentionGeneric, Entity: -1,
					Actor: r.dict.countryActor(h.t.idx, h.t.sector)})
			}
			continue
		}
		if h.t.kind != kindAgent {
			continue
		}
		s := span(d, h.t0, h.t1)
		if inName(d, &ei, s) {
			continue
		}
		if int(h.t1) < len(d.Tokens) && headNouns[d.TokenText(int(h.t1))] {
			continue // "military operation", "police station": a modifier
		}
		if nh := int(h.t1); nh < len(d.Tokens) && sc.hitOf[nh] >= 0 && sc.hits[sc.hitOf[nh]].t0 == h.t1 &&
			sc.hits[sc.hitOf[nh]].t.kind == kindOrg && isUpperStart(d.TokenText(nh)) {
			continue // "rebel Kurdistan Workers' Party": a modifier of a name
		}
		c, m0 := modifierCountry(d, sc, h.t0)
		var a *record.Actor
		if c < 0 {
			// A bloc or organisation before the noun: "Western diplomats"
			// → WSTGOV, "NATO troops" → IGOWSTNAT.
			if o, o0 := modifierOrg(d, sc, h.t0); o >= 0 {
				a, m0 = r.dict.orgActor(o, day(d.Published)), o0
				if a.Sector == "" {
					g := r.dict.Groups[h.t.idx]
					a.Code, a.Sector, a.Name = a.Code+g.Sector, g.Sector, ""
				}
			}
		}
		if a == nil && c < 0 {
			if o := postOrg(d, sc, h.t1); o >= 0 && r.dict.Orgs[o].Sector == "IGO" {
				// "foreign ministers of the Group of Seven": the bloc's.
				a = r.dict.orgActor(o, day(d.Published))
			} else if m0 == h.t0 && definite(d, sc, h.t0) {
				// "the diplomats" after "top diplomats from the G7":
				// the group named before; "the court" after "the
				// International Court of Justice": the body named before
				// with that word in its name.
				if a = antecedentGroup(prev, h.t.idx); a == nil {
					a = antecedentOrg(d, h.t0, h.t1)
				}
			}
		}
		if a == nil {
			if c < 0 {
				c = postCountry(d, sc, h.t1) // "dissidents from Egypt"
			}
			if c < 0 {
				// A town before the noun: "Springfield police"; after
				// it: "a missionary from Calgary".
				c = r.entityPlaceCountry(d, h.t0, home)
				if c < 0 {
					c = r.postPlaceCountry(d, h.t1, home)
				}
			}
			if c < 0 {
				// Never a person's nationality in the same sentence:
				// "Springfield police said Chinese tourist Li Wei ...".
				c = fallbackGroup(d, sc, h.t0, home)
			}
			a = r.dict.targetActor(h.t, "", c)
		}
		d.Mentions = append(d.Mentions, text.Mention{Span: span(d, m0, h.t1), Kind: text.MentionGeneric, Entity: -1, Actor: a})
		prev = append(prev, groupMention{h.t.idx, a})
	}
}

// headNouns after an agent noun make it a modifier of another noun.
var headNouns = map[string]bool{
	"operation": true, "operations": true, "station": true, "stations": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "chief": true, "chiefs": true, "source": true,
	"sources": true, "base": true, "bases": true, "exercise": true, "exercises": true, "aid": true,
	"vehicle": true, "vehicles": true, "equipment": true, "campaign": true, "intervention": true,
	"headquarters": true, "buildings": true, "building": true, "budget": true, "spending": true,
	"policy": true, "policies": true, "plan": true, "plans": true, "statement": true, "report": true,
	"data": true, "figures": true, "website": true, "media": true, "ties": true, "hardware": true,
	"service": true, "bill": true, "debt": true, "bonds": true, "decision": true, "ruling": true,
	"rules": true, "law": true, "leader": true, "leaders": true, "commander": true, "commanders": true,
	"officer": true, "official": true, "minister": true, "ministry": true, "spokespeople": true,
	"control": true, "rule": true, "coup": true, "presence": true, "activity": true, "capabilities": true,
}

// inName reports whether s lies inside a PER, ORG or MISC entity; *ei walks
// the entities in order.
func inName(d *text.Document, ei *int, s text.Span) bool {
	for *ei < len(d.Entities) && d.Entities[*ei].End <= s.Start {
		*ei++
	}
	for k := *ei; k < len(d.Entities) && d.Entities[k].Start < s.End; k++ {
		e := &d.Entities[k]
		if e.Type != record.LOC && e.Type != record.NORP && e.Overlaps(s) {
			return true
		}
	}
	return false
}

// covered reports whether an entity overlaps s; *ei walks the entities in
// order.
func covered(d *text.Document, ei *int, s text.Span) bool {
	for *ei < len(d.Entities) && d.Entities[*ei].End <= s.Start {
		*ei++
	}
	return *ei < len(d.Entities) && d.Entities[*ei].Start < s.End
}

// headRoles are the roles of heads of state and government.
var headRoles = []string{"President", "Prime Minister", "Premier", "Chancellor", "King", "Queen", "Emir",
	"Sultan", "Supreme Leader", "General Secretary", "Taoiseach", "Head of State", "Leader", "Head of the Military Government"}

// genericTitles match any person of their sector; other titles must appear
// in the person's role ("the foreign minister" → a Foreign Minister).
var genericTitles = map[string]bool{
	"Leader": true, "Official": true, "Diplomat": true, "Politician": true, "Envoy": true,
	"Statesman": true, "Head": true, "Chief": true, "Strongman": true, "Incumbent": true,
}

// nominals adds a mention for "the [Russian] leader", "the minister", "the
// Chinese diplomat": a title after "the", not followed by a name. It refers
// to the latest person before it with a matching country and role.
func (r *Resolver) nominals(d *text.Document, sc *scratch, home int32) {
	ei := 0
	// The search for a nominal's person starts at the last entity before
	// it, found by binary search when the entities are in text order (they
	// are, from the tagger); scanning back from the document's end for
	// every nominal made long documents quadratic.
	sorted := slices.IsSortedFunc(d.Entities, func(a, b text.Entity) int { return a.Start - b.Start })
	for _, h := range sc.hits {
		if h.t.kind != kindTitle {
			continue
		}
		s := span(d, h.t0, h.t1)
		if inName(d, &ei, s) {
			continue
		}
		// Followed by a name: a title, not a nominal.
		if int(h.t1) < len(d.Tokens) && isUpperStart(d.TokenText(int(h.t1))) && !d.Tokens[h.t1].Has(text.NewlineBefore) {
			continue
		}
		c, m0 := modifierCountry(d, sc, h.t0)
		if c < 0 {
			c = postCountry(d, sc, h.t1) // "the president of Armenia"
		}
		det := m0 - 1
		for det >= 0 && fillers[strings.ToLower(d.TokenText(int(det)))] && !foldIs(d, sc, det, "the") && m0-det < 3 {
			det--
		}
		if !foldIs(d, sc, det, "the") {
			continue
		}
		g := r.dict.Groups[h.t.idx]
		ent := -1
		minSent := d.SentenceOf(s.Start) - 2*r.opts.PronounWindow
		last := len(d.Entities) - 1
		if sorted {
			last = sort.Search(len(d.Entities), func(i int) bool { return d.Entities[i].Start >= s.Start }) - 1
		}
		for k := last; k >= 0; k-- {
			e := &d.Entities[k]
			if e.Start >= s.Start || e.Type != record.PER || e.Actor == nil {
				if e.Start < s.Start && d.SentenceOf(e.Start) < minSent {
					break
				}
				continue
			}
			if d.SentenceOf(e.Start) < minSent {
				break
			}
			if c >= 0 && e.Actor.Country != r.dict.Countries[c].Code {
				continue
			}
			if !roleFits(g, e.Actor) {
				continue
			}
			ent = k
			break
		}
		var a *record.Actor
		if ent >= 0 {
			cp := *d.Entities[ent].Actor
			a = &cp
		} else {
			if c < 0 {
				c = fallback(d, sc, h.t0, home)
			}
			a = r.dict.targetActor(h.t, "", c)
		}
		d.Mentions = append(d.Mentions, text.Mention{Span: span(d, m0, h.t1), Kind: text.MentionNominal, Entity: ent, Actor: a})
	}
}

// roleFits reports whether a person with actor a can be called by title g.
func roleFits(g Group, a *record.Actor) bool {
	if g.Role == "Leader" {
		// "the Chinese leader": a head of state or government.
		for _, h := range headRoles {
			if containsFold(a.Role, h) && !containsFold(a.Role, "Vice") && !containsFold(a.Role, "Deputy") {
				return true
			}
		}
		return false
	}
	if genericTitles[g.Role] {
		return a.Sector == g.Sector || g.Sector == "GOV" && (a.Sector == "GOV" || a.Sector == "IGO")
	}
	return a.Role != "" && containsFold(a.Role, g.Role)
}

// containsFold reports whether sub is in s, ASCII case ignored.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

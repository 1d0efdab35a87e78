package geo

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/geo/placename"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// maxMatchTokens bounds the tokens of one gazetteer match.
const maxMatchTokens = 8

func appendKey(dst []byte, s string) []byte { return placename.Key(dst, s) }

func trimArticle(k []byte) []byte {
	if bytes.HasPrefix(k, []byte("the ")) {
		return k[4:]
	}
	return k
}

// recognize finds the toponyms of d: tagger LOC entities and gazetteer
// matches that pass the filters, datelines and qualifiers.
func (a *Annotator) recognize(st *state, d *text.Document) {
	toks := d.Tokens
	body := d.TokenAt(d.BodyStart)
	for i := 0; i < len(toks); {
		if st.stopped() {
			return
		}
		t := toks[i]
		if t.Kind != text.Word || !upperStart(d.Text[t.Start:t.End]) {
			i++
			continue
		}
		var ent *text.Entity
		if e := st.ent[i]; e >= 0 {
			ent = &d.Entities[e]
		}
		end, ok := a.longest(st, d, i)
		if !ok {
			if ent == nil || ent.Type == record.LOC || ent.Type == record.NORP || basedWord(d.TokenText(i)) {
				a.hyphenParts(st, d, i, ent)
			}
			i++
			continue
		}
		m := mention{Span: text.Span{Start: t.Start, End: toks[end-1].End}, first: i, end: end,
			c0: int32(len(st.cands)), qual: -1, best: -1}
		st.lookup(a.g, st.key)
		m.c1 = int32(len(st.cands))
		if valleyAfter(d, end) && !a.altOnly(st, m) {
			end++
			m.end, m.End, m.valley = end, toks[end-1].End, true
		}
		m.tagged = ent != nil && ent.Type == record.LOC && wholeEntity(d, m.Span, ent.Span) &&
			// A common word inside a longer name ("Jamarat Bridge").
			!(ent.Span != m.Span && end == i+1 && (a.g.commonWord(st.key) || otherThings[string(st.key)]))
		if ent != nil && ent.Type == record.LOC && !m.tagged {
			// A part of a longer place name ("Fraser" of "Fraser River",
			// "Arena" of "Volgograd Arena") names something else.
			ent = &text.Entity{Span: ent.Span, Type: partOfLOC}
		}
		if q, ruled := a.container(st, d, &m); q >= 0 {
			m.qual, m.contained = q, true
		} else if ruled {
			m.ruled = true
		}
		var plainKind bool
		m.kind, plainKind = a.kindOf(d, m.first, m.end)
		if m.valley {
			m.kind = 0 // "the Salinas Valley region": the valley is the region, not X
		}
		if plainKind && ent != nil && ent.Type == record.PER && m.kind != 0 {
			// "Dadaab camps", "the district of Nyando": a common noun of
			// place kind speaks against the tagger's person.
			ent = nil
		}
		switch a.accept(st, d, &m, ent, i == body) {
		case accepted:
			a.partOf(st, d, &m)
			st.ments = append(st.ments, m)
			i = end
			continue
		case soft:
			st.soft = append(st.soft, m)
		}
		st.truncate(m.c0)
		i++
	}
	// One sense per article: a name rejected for its context is a place
	// when the same name is one elsewhere.
	n := len(st.ments)
	if len(st.soft) > 0 {
		for k := range n {
			name := foldKey(d.Text[st.ments[k].Start:st.ments[k].End])
			st.named[name] = append(st.named[name], int32(k))
		}
	}
	for _, m := range st.soft {
		name := d.Text[m.Start:m.End]
		for _, k := range st.named[foldKey(name)] {
			o := &st.ments[k]
			if o.Overlaps(m.Span) {
				continue
			}
			m.c0 = int32(len(st.cands))
			st.key = placename.Key(st.key[:0], name)
			st.lookup(a.g, st.key)
			m.c1 = int32(len(st.cands))
			st.ments = append(st.ments, m)
			break
		}
	}
	if !a.opts.NoGazetteerMatch {
		a.partsOf(st, d)
	}
	if len(st.ments) > n {
		sort.Slice(st.ments, func(i, j int) bool { return st.ments[i].Start < st.ments[j].Start })
	}
	a.datelines(st, d, body)
	a.qualifiers(st, d, true)
}

// longest finds the longest gazetteer name that starts at token i and stays
// within its line. It leaves the name's key in st.key and returns the end
// token.
func (a *Annotator) longest(st *state, d *text.Document, i int) (int, bool) {
	toks := d.Tokens
	key := st.buf[:0]
	defer func() { st.buf = key[:0] }()
	best, bestLen := 0, 0
	for j := i; j < len(toks) && j < i+maxMatchTokens; j++ {
		t := toks[j]
		if j > i {
			if t.Has(text.NewlineBefore) {
				break
			}
			if t.Has(text.SpaceBefore) {
				key = append(key, ' ')
			}
		}
		key = placename.Key(key, d.Text[t.Start:t.End])
		k, prefix := a.g.findPrefix(key)
		// A name ends on a capitalised word, or one with a capital inside
		// ("Côte d'Ivoire").
		if w := d.Text[t.Start:t.End]; k >= 0 && t.Kind == text.Word && (upperStart(w) || j > i && hasUpper(w)) {
			best, bestLen = j+1, len(key)
		}
		if !prefix {
			break
		}
	}
	st.key = append(st.key[:0], key[:bestLen]...)
	return best, best > 0
}

// hyphenParts matches the parts of a hyphenated word ("Russia-China") as
// separate toponyms when each is a country or a large place. Before
// "-based" any place will do ("Leeds-based", whatever entity the tagger
// saw there); a word that ends on a demonym is a nationality
// ("UK-Algerian").
func (a *Annotator) hyphenParts(st *state, d *text.Document, i int, ent *text.Entity) {
	t := d.Tokens[i]
	w := d.Text[t.Start:t.End]
	if strings.IndexByte(w, '-') < 0 {
		return
	}
	st.key = placename.Key(st.key[:0], w[strings.LastIndexByte(w, '-')+1:])
	if _, ok := a.g.demonyms[string(st.key)]; ok {
		return
	}
	based := basedWord(w)
	if based {
		if i > 0 && d.Tokens[i-1].Kind == text.Word && upperStart(d.TokenText(i-1)) && d.TokenText(i-1) != "The" {
			return // "New York-based": the name starts before the word
		}
		w = w[:len(w)-len("-based")]
	}
	off := t.Start
	for part := range strings.SplitSeq(w, "-") {
		start := off
		off += len(part) + 1
		code := len(part) == 2 && allCaps(part) // "UK-based", "US-led"
		if !upperStart(part) || len(part) < 3 && !code {
			continue
		}
		st.key = placename.Key(st.key[:0], part)
		m := mention{Span: text.Span{Start: start, End: start + len(part)}, first: i, end: i + 1,
			c0: int32(len(st.cands)), qual: -1, best: -1, tagged: ent != nil && ent.Type == record.LOC}
		st.lookup(a.g, st.key)
		m.c1 = int32(len(st.cands))
		ok := a.big(st, m) && (a.countryLike(st, m) || !code && !a.g.commonWord(st.key))
		if based {
			ok = !a.g.commonWord(st.key) && a.namesLocal(st, m)
		}
		if m.c1 > m.c0 && ok {
			st.ments = append(st.ments, m)
			continue
		}
		st.truncate(m.c0)
	}
}

// genericName reports whether match m, of two words or more, ends on a
// geographic generic noun ("Newport Beach", "Clark County") or opens with
// one that begins place names ("Lake Placid", "Fort Worth"): the name of
// a place, not of a person, whatever the tagger said.
func (a *Annotator) genericName(d *text.Document, m *mention) bool {
	if m.end-m.first < 2 {
		return false
	}
	first := strings.ToLower(d.TokenText(m.first))
	last := strings.ToLower(d.TokenText(m.end - 1))
	return placeHeads[first] || placeTails[last]
}

// placeTails end place names and not people's names; placeHeads open them.
var (
	placeTails = map[string]bool{
		"county": true, "beach": true, "lake": true, "falls": true, "springs": true, "heights": true,
		"valley": true, "bay": true, "creek": true, "harbor": true, "harbour": true, "township": true,
		"parish": true, "borough": true, "island": true, "islands": true, "city": true,
	}
	placeHeads = map[string]bool{"lake": true, "mount": true, "fort": true, "port": true, "cape": true}
)

// namesLocal reports whether a candidate of m, named by its own name, is
// a country, a first-level region or a town ("Java-based" software is not
// the island's).
func (a *Annotator) namesLocal(st *state, m mention) bool {
	for i := m.c0; i < m.c1; i++ {
		if e := &a.g.entries[st.cands[i]]; !st.alt[i] && (local(e) || e.Feature == "PCLI") {
			return true
		}
	}
	return false
}

// basedWord reports whether w ends in "-based" after a capitalised part
// ("UK-based", "Leeds-based").
func basedWord(w string) bool {
	const suffix = "-based"
	return len(w) > len(suffix) && strings.EqualFold(w[len(w)-len(suffix):], suffix) && upperStart(w)
}

// titles are words that before a capitalised name make it a person's.
var titles = map[string]bool{
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "dr": true, "dr.": true,
	"president": true, "gov.": true, "governor": true, "sen.": true, "senator": true, "rep.": true,
	"minister": true, "secretary": true, "gen.": true, "general": true, "judge": true, "prof.": true,
	"professor": true, "sir": true, "lord": true, "king": true, "queen": true, "prince": true,
	"princess": true, "pope": true, "coach": true, "mayor": true, "chairman": true, "spokesman": true,
	"spokeswoman": true, "lt.": true, "col.": true, "capt.": true, "sgt.": true, "officer": true,
	"rev.": true, "father": true, "brother": true, "sister": true, "uncle": true, "aunt": true,
}

// speechVerbs after a bare name make it a person's ("Clinton said").
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "wrote": true, "argued": true,
	"explained": true, "noted": true, "stated": true, "asked": true, "replied": true,
}

// verdict is the outcome of the recognition filters.
type verdict uint8

const (
	accepted verdict = iota
	// soft: rejected for its context ("Taco Bell Canada"), accepted after
	// all if the same name is a place elsewhere in the article.
	soft
	hard // rejected for what it is ("US$", "West Nile virus", "Mr. Dunn")
)

// accept applies the recognition filters to a gazetteer match.
func (a *Annotator) accept(st *state, d *text.Document, m *mention, ent *text.Entity, atBody bool) verdict {
	toks := d.Tokens
	first := toks[m.first]
	word := d.Text[first.Start:first.End]
	// "US$5 million", "$US 15 billion".
	if m.end < len(toks) && toks[m.end].Start == toks[m.end-1].End && d.Text[toks[m.end].Start] == '$' ||
		m.Start > 0 && d.Text[m.Start-1] == '$' {
		return hard
	}
	if k := trimArticle(st.key); len(k) < len(st.key) && (a.g.commonWord(k) || notPlaces[string(k)]) && !m.tagged {
		return hard // "The Center for Disease Control": an article and a common word
	}
	if m.end < len(toks) && pathogenWords[strings.ToLower(d.Text[toks[m.end].Start:toks[m.end].End])] {
		// "West Nile virus", "Marburg virus", "Reston ebolavirus"; but a
		// country's "flu season" or "flu cases" is the country's.
		if !a.countryLike(st, *m) || !seasonal(d, m.end) {
			return hard
		}
	}
	if m.end == m.first+1 && notPlaces[string(st.key)] || string(st.key) == "white house" {
		return hard // "the White House" is the US presidency
	}
	if slashed(d, m.first, m.end) {
		return hard // a flu strain's name: "A/Texas/50/2012"
	}
	if m.tagged {
		return accepted
	}
	if !a.opts.NoGazetteerMatch && (m.contained || m.kind != 0 && (ent == nil || ent.Type == partOfLOC) ||
		residence(d, m.first) && (ent == nil || ent.Span == m.Span)) {
		// Place evidence: "X in northern Angola" (whatever the tagger
		// said), "the town of X", "X province", "Ann Lee, 54, of X"
		// (where a lone name is the person's home, not a person).
		return accepted
	}
	if ent != nil {
		// The tagger saw something else here. Trust it, except for a
		// country or a large place that the entity is exactly ("Sweden"
		// tagged ORG) or opens ("U.S. Centers for Disease Control",
		// "Beijing Winter Olympics"), or that runs past the entity
		// ("British Columbia" after NORP "British").
		// A match over the whole entity and more ("KwaZulu-Natal" over
		// the tagger's "Natal") counts as exact too.
		exact := ent.Span == m.Span || m.End > ent.End || m.Span.Contains(ent.Span)
		switch ent.Type {
		case record.PER:
			if exact && a.genericName(d, m) {
				break // "Newport Beach", "Clark County", "Lake Placid": no person's name
			}
			if m.Span != ent.Span && m.Span.Contains(ent.Span) && a.big(st, *m) {
				break // "Port-Au-Prince" over the tagger's "Prince": a capital's name holds the person's
			}
			if !exact || !a.countryLike(st, *m) {
				if m.End == ent.End && m.Start > ent.Start && m.end == m.first+1 {
					// The surname of a named person ("Bruce Ivins"):
					// later bare "Ivins" is the person too.
					st.persons[string(st.key)] = true
				}
				return hard
			}
		case record.NORP:
			if !exact || !a.big(st, *m) {
				return soft
			}
		default:
			if ent.Start != m.Start && !m.Span.Contains(ent.Span) || !a.big(st, *m) {
				return soft
			}
		}
	}
	if a.opts.NoGazetteerMatch {
		if atBody && allCaps(word) {
			return accepted
		}
		return hard
	}
	if a.altOnly(st, *m) && (len(st.key) <= 4 || a.maxPop(st, *m, false) < 20000) {
		return hard // short or small GeoNames variants ("Ben" for Bern) need the tagger's word
	}
	country := a.countryLike(st, *m)
	big := country || a.big(st, *m)
	if allCaps(word) && !atBody && !(a.curated(st, *m) && len(st.key) <= 6) {
		return soft
	}
	if n := len(st.key) - bytes.Count(st.key, []byte(".")); n < 3 && !country {
		return hard
	}
	if _, ok := a.g.demonyms[string(st.key)]; ok && !country {
		return hard
	}
	if a.g.commonWord(st.key) && !country {
		if a.maxPop(st, *m, true) < 100000 || a.sentenceInitial(d, m.first) {
			return hard
		}
		if !a.afterPreposition(d, m.first) && !residence(d, m.first) {
			// "Mobile" or "Reading" with no place evidence (the tagger's
			// LOC, a locative preposition, a containment phrase or a
			// kind word): a place only if it is one elsewhere.
			return soft
		}
	}
	if a.opts.MinPopulation > 0 && a.maxPop(st, *m, false) < a.opts.MinPopulation && !country {
		return hard
	}
	if !big {
		if st.persons[string(st.key)] {
			return hard // named as a person earlier in the article
		}
	}
	inTitle := m.Start < d.BodyStart
	if m.first > 0 && !inTitle {
		p := toks[m.first-1]
		pw := strings.ToLower(d.Text[p.Start:p.End])
		if titles[pw] && !country {
			st.persons[string(st.key)] = true
			return hard
		}
		if p.Kind == text.Word && upperStart(d.Text[p.Start:p.End]) && !a.sentenceInitial(d, m.first-1) && !big && !capsFunction[pw] {
			if m.end == m.first+1 && a.personName(d, m.first-1) {
				st.persons[string(st.key)] = true // a surname, for later "Dunn said"
			}
			return soft // "John Jordan", "Health Ministry"
		}
	}
	if m.end < len(toks) && !inTitle {
		n := toks[m.end]
		nw := d.Text[n.Start:n.End]
		if numberName(nw) && n.Has(text.SpaceBefore) && !country {
			return hard // "Rustavi 2" (a broadcaster), "Beijing 2008" (the Games)
		}
		if speechVerbs[nw] && !country && !a.afterPreposition(d, m.first) && !residence(d, m.first) {
			return soft // "Clinton said", but "officials in Houston said", "Ann Lee, 54, of Tyler said"
		}
		if n.Kind == text.Word && upperStart(nw) && !big && !n.Has(text.NewlineBefore) {
			return soft // "Chad Johnson", "Washington Post"
		}
	}
	return accepted
}

// seasonal reports whether the pathogen word at token i is followed by a
// noun of counting or time ("flu season", "flu cases", "virus deaths").
func seasonal(d *text.Document, i int) bool {
	if i+1 >= len(d.Tokens) {
		return false
	}
	switch strings.ToLower(d.TokenText(i + 1)) {
	case "season", "seasons", "cases", "case", "deaths", "outbreak", "outbreaks", "pandemic", "epidemic", "vaccine", "vaccines", "patients", "victims":
		return true
	}
	return false
}

// slashed reports whether tokens [first, end) stand between two slashes
// with no space: a part of a code or a strain's name ("A/Texas/50/2012").
func slashed(d *text.Document, first, end int) bool {
	toks := d.Tokens
	return first > 0 && end < len(toks) && d.TokenText(first-1) == "/" && d.TokenText(end) == "/" &&
		toks[first-1].End == toks[first].Start && toks[end-1].End == toks[end].Start
}

// numberName reports whether w, after a place name, makes it the name of
// something else: a number of one to four digits ("Rustavi 2", "Paris
// 2024").
func numberName(w string) bool {
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// hasUpper reports whether s has an upper-case letter.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// partOfLOC is the entity type given, for recognition only, to a LOC
// entity of which a gazetteer match is only a part.
const partOfLOC = "LOC-part"

// wholeEntity reports whether match m stands for entity e as a place: the
// same span, or e less words that do not make it another thing. A feature
// or facility word in the rest of e ("Fraser River", "Volgograd Arena",
// "Frontera Produce", "Wesley Medical Center") makes e the name of
// something else, unless it follows a comma ("Kanata, Ontario").
func wholeEntity(d *text.Document, m, e text.Span) bool {
	if m == e || m.Contains(e) {
		return true
	}
	if !e.Contains(m) {
		return false
	}
	rest := func(s string) bool {
		if i := strings.LastIndexByte(s, ','); i >= 0 {
			s = s[i+1:]
		}
		for w := range strings.FieldsSeq(s) {
			if otherThings[strings.ToLower(strings.Trim(w, ".,;:'’()"))] {
				return false
			}
		}
		return true
	}
	after := d.Text[m.End:e.End]
	if i := strings.IndexByte(after, ','); i >= 0 {
		after = after[:i]
	}
	return rest(d.Text[e.Start:m.Start]) && rest(after)
}

// otherThings are words that make a name that holds a place name the name
// of another thing: natural features, facilities, organisations.
var otherThings = map[string]bool{
	"valley": true, "bay": true, "island": true, "islands": true, "creek": true, "lake": true, "river": true,
	"mountain": true, "mountains": true, "plateau": true, "square": true, "street": true, "road": true,
	"avenue": true, "bridge": true, "arena": true, "stadium": true, "park": true, "station": true,
	"airport": true, "hospital": true, "clinic": true, "center": true, "centre": true, "museum": true,
	"hall": true, "university": true, "college": true, "school": true, "hotel": true, "market": true,
	"church": true, "cathedral": true, "palace": true, "house": true, "tower": true, "port": true,
	"produce": true, "entertainment": true, "inc": true, "ltd": true, "company": true, "corporation": true,
	"group": true, "bank": true, "court": true, "council": true, "times": true, "post": true, "news": true,
	"tv": true, "television": true, "radio": true, "channel": true, "network": true, "airlines": true,
	"airways": true, "motors": true, "foods": true, "farms": true, "swannery": true, "base": true,
	"province": true, "district": true, "county": true, "region": true, "state": true, "harbour": true,
	"harbor": true, "forest": true, "desert": true, "beach": true, "coast": true, "strait": true,
}

// pathogenWords after a place name make it part of a pathogen's or a
// disease's name.
var pathogenWords = map[string]bool{
	"virus": true, "viruses": true, "fever": true, "disease": true, "ebolavirus": true, "flu": true,
	"encephalitis": true, "syndrome": true, "strain": true, "virus's": true, "hemorrhagic": true,
	"haemorrhagic": true, "agent": true,
}

// notPlaces are words that GeoNames records as places but that alone in
// news text are directions, common nouns or the like.
var notPlaces = map[string]bool{
	"west": true, "east": true, "north": true, "south": true, "western": true, "eastern": true,
	"northern": true, "southern": true, "central": true, "city": true, "center": true, "centre": true,
	"mountain": true, "park": true, "republic": true, "mission": true, "valley": true, "island": true,
	"bay": true, "lake": true, "river": true, "union": true, "kingdom": true, "state": true,
	"world": true, "earth": true, "capital": true, "coast": true, "soul": true,
	"postal": true, "ramadan": true, "christmas": true, "easter": true, "god": true, "allah": true,
	// Time zones.
	"est": true, "edt": true, "cst": true, "cdt": true, "mst": true, "mdt": true, "pst": true, "pdt": true,
	"gmt": true, "utc": true, "bst": true, "cet": true, "cest": true, "eet": true, "ist": true, "jst": true,
}

// personName reports whether token i, capitalised, looks like a first
// name: neither an English word ("Village") nor a place name.
func (a *Annotator) personName(d *text.Document, i int) bool {
	t := d.Tokens[i]
	var buf [64]byte
	k := placename.Key(buf[:0], d.Text[t.Start:t.End])
	return t.Kind == text.Word && !a.g.commonWord(k) && !a.g.has(k) && !bytes.ContainsRune(k, '.')
}

// afterPreposition reports whether token i follows a locative preposition.
func (a *Annotator) afterPreposition(d *text.Document, i int) bool {
	if i == 0 {
		return false
	}
	p := d.Tokens[i-1]
	return capsFunction[strings.ToLower(d.Text[p.Start:p.End])]
}

// residence reports whether token i follows "of" after a comma: the
// place a person is from ("Ann Lee, 54, of Tyler").
func residence(d *text.Document, i int) bool {
	return i >= 2 && d.TokenText(i-1) == "of" && d.TokenText(i-2) == ","
}

// capsFunction are capitalised words that may precede a place without
// making it part of a longer name.
var capsFunction = map[string]bool{"in": true, "at": true, "from": true, "to": true, "the": true, "near": true}

// sentenceInitial reports whether token i opens its sentence (or follows
// an opening quote or bracket there).
func (a *Annotator) sentenceInitial(d *text.Document, i int) bool {
	s := d.SentenceOf(d.Tokens[i].Start)
	if s < 0 {
		return i == 0
	}
	for j := d.Sentences[s].FirstToken; j < i; j++ {
		if d.Tokens[j].Kind != text.Punct {
			return false
		}
	}
	return true
}

// altOnly reports whether every candidate of m matched by a GeoNames
// alternate name only.
func (a *Annotator) altOnly(st *state, m mention) bool {
	for _, alt := range st.alt[m.c0:m.c1] {
		if !alt {
			return false
		}
	}
	return true
}

// curated reports whether a candidate comes from a curated list (country,
// region, hand-written feature) rather than the GeoNames towns.
func (a *Annotator) curated(st *state, m mention) bool {
	for _, c := range st.cands[m.c0:m.c1] {
		if a.g.entries[c].handWritten() {
			return true
		}
	}
	return false
}

// hasFeature reports whether a candidate of m, named by its own name, has
// feature f.
func (a *Annotator) hasFeature(st *state, m mention, f string) bool {
	for i := m.c0; i < m.c1; i++ {
		if !st.alt[i] && a.g.entries[st.cands[i]].Feature == f {
			return true
		}
	}
	return false
}

// countryLike reports whether a candidate is a country, a historical
// state, a continent or a hand-written region or feature: names rarely
// used for anything else.
func (a *Annotator) countryLike(st *state, m mention) bool {
	for _, c := range st.cands[m.c0:m.c1] {
		e := &a.g.entries[c]
		if e.handWritten() && e.Feature != "ADM1" && e.Feature != "ADM2" {
			return true
		}
	}
	return false
}

// big reports whether a candidate is a country-like place, a capital or a
// place (town or region) of half a million.
func (a *Annotator) big(st *state, m mention) bool {
	for _, c := range st.cands[m.c0:m.c1] {
		e := &a.g.entries[c]
		if e.handWritten() && e.Feature != "ADM1" && e.Feature != "ADM2" || e.Feature == "PPLC" || e.Population >= 500000 {
			return true
		}
	}
	return false
}

// maxPop returns the largest population among m's candidates, of towns
// only when towns is set.
func (a *Annotator) maxPop(st *state, m mention, towns bool) int64 {
	var p int64
	for _, c := range st.cands[m.c0:m.c1] {
		if e := &a.g.entries[c]; !towns || town(e) {
			p = max(p, e.Population)
		}
	}
	return p
}

// datelines marks a place that opens the body and is followed by an agency
// in brackets or a dash: "MOSCOW (AA) –", "NAIROBI, Kenya (AP) _".
func (a *Annotator) datelines(st *state, d *text.Document, body int) {
	for k := range st.ments {
		m := &st.ments[k]
		if m.first != body {
			continue
		}
		for j := m.end; j < len(d.Tokens) && j < m.end+6; j++ {
			w := d.Text[d.Tokens[j].Start:d.Tokens[j].End]
			switch w {
			case "(", "–", "—", "-", "_", ":", "--":
				m.dateline = true
			}
			if m.dateline || w != "," && !upperStart(w) {
				break
			}
		}
		return
	}
}

// qualifiers links "City, Region" and "City, Country" pairs: the second
// name restricts the first's candidates. With add, qualifier-only names
// ("Calif.", "NY") become toponyms too.
func (a *Annotator) qualifiers(st *state, d *text.Document, add bool) {
	n := len(st.ments)
	for k := 0; k < n; k++ {
		m := &st.ments[k]
		c := m.end
		if c+1 >= len(d.Tokens) || d.Text[d.Tokens[c].Start:d.Tokens[c].End] != "," {
			continue
		}
		q := c + 1
		// Another toponym right after the comma, unless the two are
		// items of a list ("Mexico, China, Japan", "Virginia,
		// Washington, West Virginia") or the first is a country.
		if k+1 < n && st.ments[k+1].first == q {
			m2 := &st.ments[k+1]
			if k > 0 && st.ments[k-1].end == m.first-1 && d.TokenText(m.first-1) == "," || a.countryLike(st, *m) {
				continue
			}
			// "Washington, Pennsylvania and California": a list of
			// regions when X can be a region too and the list goes on.
			if k+2 < n && listed(d, m2, &st.ments[k+2]) && a.hasFeature(st, *m, "ADM1") && a.hasFeature(st, st.ments[k+2], "ADM1") {
				continue
			}
			if e := a.qualifierEntry(st, *m, *m2); e >= 0 {
				m.qual, m.contained = e, false
			} else if a.townsOnly(st.cands[m.c0:m.c1]) && a.regionNamed(st.cands[m2.c0:m2.c1], st.alt[m2.c0:m2.c1]) &&
				!(k+2 < n && listed(d, m2, &st.ments[k+2]) && a.qualifierEntry(st, *m2, st.ments[k+2]) < 0) {
				// "Ardrossan, Alberta" or "Ardrossan, Alberta, Canada"
				// with only the Scottish and Australian towns; but
				// "Kasese, Kenya and Tanzania" is a list.
				m.ruled = true
			}
			continue
		}
		// A qualifier-only name: "Buffalo, N.Y.", "Austin, TX".
		qt := d.Tokens[q]
		if !upperStart(d.Text[qt.Start:qt.End]) {
			continue // "Hamilton, in New Zealand": "in" is not Indiana's IN
		}
		st.key = placename.Key(st.key[:0], d.Text[qt.Start:qt.End])
		e, ok := a.g.quals[string(st.key)]
		if !ok {
			if add {
				a.regionQualifier(st, d, m, q)
			}
			continue
		}
		ent := &a.g.entries[e]
		okCand := false
		for _, c := range st.cands[m.c0:m.c1] {
			if x := &a.g.entries[c]; x.Country == ent.Country && x.Admin1 == ent.Admin1 {
				okCand = true
				break
			}
		}
		if !okCand {
			// "Ardrossan, Alta." with no Ardrossan in Alberta.
			m.ruled = m.ruled || a.townsOnly(st.cands[m.c0:m.c1])
			continue
		}
		m.qual, m.contained = e, false
		if add {
			c0 := int32(len(st.cands))
			st.add(e)
			st.ments = append(st.ments, mention{Span: qt.Span, first: q, end: q + 1, c0: c0, c1: c0 + 1, qual: -1, best: -1})
		}
	}
}

// regionQualifier links "City, Region" when recognition rejected the
// region's name (the tagger typed "Davao del Sur" a person): a country or
// region that starts at token q, ends there ("Bansalan, Davao del Sur,"),
// and holds one of m's candidates qualifies m and is a toponym.
func (a *Annotator) regionQualifier(st *state, d *text.Document, m *mention, q int) {
	end, ok := a.longest(st, d, q)
	if !ok || end < len(d.Tokens) && d.Tokens[end].Kind == text.Word && upperStart(d.TokenText(end)) {
		return
	}
	st.tmpC, st.tmpA = a.g.lookupAlt(st.tmpC[:0], st.tmpA[:0], st.key)
	best, bestPop := int32(-1), int64(-1)
	for i, qc := range st.tmpC {
		qe := &a.g.entries[qc]
		if st.tmpA[i] || qe.Feature != "ADM1" && qe.Feature != "ADM2" && qe.Feature != "PCLI" || qe.Population <= bestPop {
			continue
		}
		for _, c := range st.cands[m.c0:m.c1] {
			if c != qc && holds(qe, &a.g.entries[c]) {
				best, bestPop = qc, qe.Population
				break
			}
		}
	}
	if best < 0 {
		return
	}
	m.qual, m.contained = best, false
	c0 := int32(len(st.cands))
	st.add(best)
	st.ments = append(st.ments, mention{Span: text.Span{Start: d.Tokens[q].Start, End: d.Tokens[end-1].End}, first: q, end: end,
		c0: c0, c1: c0 + 1, qual: -1, best: -1})
}

// qualifierEntry returns the region or country among q's candidates that
// contains one of m's candidates, or -1. A second-level region qualifies
// too ("Bansalan, Davao del Sur", a Philippine province).
func (a *Annotator) qualifierEntry(st *state, m, q mention) int32 {
	best, bestPop := int32(-1), int64(-1)
	for _, qc := range st.cands[q.c0:q.c1] {
		qe := &a.g.entries[qc]
		if qe.Feature != "ADM1" && qe.Feature != "PCLI" && qe.Feature != "ADM2" {
			continue
		}
		for _, c := range st.cands[m.c0:m.c1] {
			if c == qc || !holds(qe, &a.g.entries[c]) {
				continue
			}
			if qe.Population > bestPop {
				best, bestPop = qc, qe.Population
			}
		}
	}
	return best
}

// adm2Km is how near a second-level region's point a place it holds must
// be (the gazetteer has no second-level codes for towns).
const adm2Km = 150

// holds reports whether region or country q holds place e: the same
// country, the same first-level region for a region, and for a
// second-level region a point within adm2Km of its own.
func holds(q, e *Entry) bool {
	if e.Country != q.Country {
		return false
	}
	switch q.Feature {
	case "ADM1":
		return e.Admin1 == q.Admin1
	case "ADM2":
		return e.Admin1 == q.Admin1 && km(e.Lat, e.Lon, q.Lat, q.Lon) <= adm2Km
	}
	return true
}

func upperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// allCaps reports whether s has at least two letters and no lower-case one.
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// Package record defines newsgraph's public output: one Record per article,
// with every annotation layer as standoff spans into Text.
//
// All offsets in a Record are Unicode code-point offsets into Text, half-open
// [Start, End), and every span carries its Text slice so that a reader can
// check it. The schema is versioned by Schema; see docs/RECORD.md.
package record

// Schema is the version tag written into every record.
const Schema = "newsgraph.record/v1"

// Record is the structured reading of one article.
type Record struct {
	Schema    string `json:"schema"`
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Title     string `json:"title,omitempty"`
	Author    string `json:"author,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD or RFC 3339 (ParsePublished); absent when nothing gave a date
	// PublishedFrom says where Published came from: PublishedGiven,
	// PublishedHTML, PublishedURL or PublishedDateline.
	PublishedFrom string `json:"published_from,omitempty"`
	Language      string `json:"language"`
	Text          string `json:"text"` // title + "\n\n" + body when the input has a title

	Sentences []Sentence `json:"sentences"`
	Entities  []Entity   `json:"entities"`
	Places    []Place    `json:"places"`
	Dates     []Date     `json:"dates"`
	Amounts   []Amount   `json:"amounts"`
	Quotes    []Quote    `json:"quotes"`
	Events    []Event    `json:"events"`
	Tone      *Tone      `json:"tone,omitempty"`
	// Tokens is the optional syntax layer (annotate --layers +syntax):
	// every token with its tags, lemma and dependency head.
	Tokens []Token `json:"tokens,omitempty"`
}

// Token is one token of Text with its part-of-speech tags (Universal and
// Penn), lemma, and its head in the dependency tree of its sentence: Head
// is the index in Tokens of the head token, -1 for a sentence's root, and
// Rel the Universal Dependencies relation to it.
type Token struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	UPOS  string `json:"upos"`
	XPOS  string `json:"xpos"`
	Lemma string `json:"lemma"`
	Head  int    `json:"head"`
	Rel   string `json:"rel"`
}

// Span is a half-open code-point range of Text with its slice.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Sentence is one sentence of Text.
type Sentence struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Entity types.
const (
	PER   = "PER"
	ORG   = "ORG"
	LOC   = "LOC"
	NORP  = "NORP"
	MISC  = "MISC"
	EVENT = "EVENT"
)

// Entity is a named mention: a person, organisation, place, nationality.
type Entity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Actor *Actor `json:"actor,omitempty"`
}

// Actor is who an entity is in world affairs, coded CAMEO-style.
type Actor struct {
	Code     string `json:"code"`              // e.g. RUSGOV, CHN, WST
	Country  string `json:"country,omitempty"` // ISO 3166-1 alpha-3
	Sector   string `json:"sector,omitempty"`  // GOV, MIL, COP, JUD, LEG, OPP, REB, BUS, MED, NGO, IGO, ...
	Role     string `json:"role,omitempty"`    // e.g. "President"
	Name     string `json:"name,omitempty"`    // canonical name
	Wikidata string `json:"wikidata,omitempty"`
}

// Place is a resolved toponym.
type Place struct {
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Text      string  `json:"text"`
	Name      string  `json:"name"`
	Country   string  `json:"country,omitempty"` // ISO 3166-1 alpha-3
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Feature   string  `json:"feature,omitempty"` // GeoNames feature code, e.g. PPLC, PCLI
	GeonameID int     `json:"geonameid,omitempty"`
	// Why lists the evidence for this resolution, e.g. ["tagger",
	// "containment:Angola", "country:AGO"]; see docs/RECORD.md.
	Why []string `json:"why,omitempty"`
}

// Date types (TIMEX3).
const (
	DATE     = "DATE"
	TIME     = "TIME"
	DURATION = "DURATION"
	SET      = "SET"
)

// Date is a time expression normalised to a TIMEX3 value.
type Date struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod,omitempty"` // TIMEX3 mod: START, MID, END, APPROX, ...
}

// Amount is a number with its unit and the thing it counts.
type Amount struct {
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Text   string  `json:"text"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit,omitempty"`   // ISO 4217 code, "%", or a unit/noun
	Object string  `json:"object,omitempty"` // what is counted
}

// Quote kinds.
const (
	QuoteDirect   = "direct"
	QuoteReported = "reported"
	QuotePartial  = "partial"
)

// Quote is something somebody said, with who said it.
type Quote struct {
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Text    string   `json:"text"`
	Kind    string   `json:"kind,omitempty"`
	Speaker *Speaker `json:"speaker,omitempty"`
	Cue     *Span    `json:"cue,omitempty"`
}

// Speaker is the span naming who spoke, resolved where possible.
type Speaker struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Name  string `json:"name,omitempty"`
	Actor *Actor `json:"actor,omitempty"`
}

// EventActor is one side of an event.
type EventActor struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Code    string `json:"code"`
	Country string `json:"country,omitempty"`
	Name    string `json:"name,omitempty"`
}

// EventPlace is where an event happened.
type EventPlace struct {
	Name    string  `json:"name"`
	Country string  `json:"country,omitempty"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	// From says how the place was found: PlaceFromAttachment,
	// PlaceFromClause, PlaceFromSentence or PlaceFromDateline.
	From string `json:"from,omitempty"`
}

// How an event's place was found (EventPlace.From).
const (
	// PlaceFromAttachment: a locative phrase attached to the trigger or
	// to an actor in the tree ("met in Moscow").
	PlaceFromAttachment = "attachment"
	// PlaceFromClause: a locative phrase in the trigger's clause.
	PlaceFromClause = "clause"
	// PlaceFromSentence: a locative phrase elsewhere in the sentence.
	PlaceFromSentence = "sentence"
	// PlaceFromDateline: the dateline, for what was said there or done
	// by its country's actors.
	PlaceFromDateline = "dateline"
)

// Event is one coded political event: who did what to whom.
type Event struct {
	Source       EventActor  `json:"source"`
	Target       *EventActor `json:"target"`
	CAMEO        string      `json:"cameo"`
	PLOVER       string      `json:"plover"`
	PLOVERMode   string      `json:"plover_mode,omitempty"` // PLOVER's mode of the type ("arrest", "visit")
	Mode         string      `json:"mode,omitempty"`        // asserted, negated, hypothetical, requested, intended
	QuadClass    int         `json:"quad_class"`
	Goldstein    float64     `json:"goldstein"`
	Sentence     int         `json:"sentence"` // index into Sentences
	Start        int         `json:"start"`    // the trigger
	End          int         `json:"end"`
	Trigger      string      `json:"trigger"`
	Date         string      `json:"date,omitempty"`
	Place        *EventPlace `json:"place,omitempty"`
	Negated      bool        `json:"negated"`
	Hypothetical bool        `json:"hypothetical,omitempty"`
	Future       bool        `json:"future,omitempty"`
	Speaker      string      `json:"speaker,omitempty"` // for reported events
	// Mentions are the other tellings of the same event in the article
	// (the title, the lede, a later paragraph), folded into this one.
	Mentions   []EventMention `json:"mentions,omitempty"`
	Confidence float64        `json:"confidence"`
}

// EventMention is one more telling of an event in the same article: its
// sentence and trigger.
type EventMention struct {
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Trigger  string `json:"trigger"`
}

// Tone holds GDELT's seven tone components.
type Tone struct {
	Tone      float64 `json:"tone"`       // positive - negative
	Positive  float64 `json:"positive"`   // % of words positive
	Negative  float64 `json:"negative"`   // % of words negative
	Polarity  float64 `json:"polarity"`   // positive + negative
	Activity  float64 `json:"activity"`   // % of words that are activity references
	SelfGroup float64 `json:"self_group"` // % of words that are self/group references
	WordCount int     `json:"word_count"`
}

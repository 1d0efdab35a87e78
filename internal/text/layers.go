package text

import "github.com/newsgraph/newsgraph/record"

// Sentence is one sentence: its byte span and its tokens [FirstToken, EndToken).
type Sentence struct {
	Span
	FirstToken, EndToken int
}

// Entity is a named mention. Type is one of record.PER, ORG, LOC, NORP,
// MISC, EVENT. Actor is set by actor resolution.
type Entity struct {
	Span
	Type  string
	Actor *record.Actor
	// Prob is the tagger's confidence, 0 when not from the tagger.
	Prob float64
	// Origin says which stage found it: "ner", "gazetteer", "dictionary", ...
	Origin string
	// Decided says that a document-level rule chose Type from evidence a
	// later stage cannot see (a team in a sports report, the surname of a
	// person named in full): later stages keep the type.
	Decided bool
	// Team says that a document-level rule found the name to stand for a
	// sports side ("Sweden defeated South Korea 1 – 0"): no state acts
	// through it, so it gets no actor.
	Team bool
}

// Mention kinds.
const (
	MentionPronoun = "pronoun" // he, she, they, it
	MentionNominal = "nominal" // the Russian leader, the minister
	MentionGeneric = "generic" // police, Russian troops, protesters
)

// Mention is a non-name reference to an actor. Entity is the index in
// Document.Entities of the named entity it refers to, or -1 when none.
type Mention struct {
	Span
	Kind   string
	Entity int
	Actor  *record.Actor
}

// Place is a resolved toponym.
type Place struct {
	Span
	Name      string
	Country   string // ISO 3166-1 alpha-3
	Lat, Lon  float64
	Feature   string // GeoNames feature code
	GeonameID int
	Why       []string // the evidence for this resolution (internal/geo's settle)
}

// Date is a time expression with its TIMEX3 type and value. Mod is the
// TIMEX3 mod (START, MID, END, APPROX, ...) or empty.
type Date struct {
	Span
	Type  string
	Value string
	Mod   string
}

// Amount is a number with unit and the thing it counts.
type Amount struct {
	Span
	Value  float64
	Unit   string
	Object string
	// ObjectSpan is where Object was read, if it is in the text.
	ObjectSpan Span
}

// Quote is a quotation or reported statement.
type Quote struct {
	Span
	Kind    string // record.QuoteDirect, QuoteReported, QuotePartial
	Speaker *Speaker
	Cue     *Span
}

// Speaker is the mention naming who spoke.
type Speaker struct {
	Span
	Name  string
	Actor *record.Actor
}

// EventActor is one side of an event.
type EventActor struct {
	Span
	Code    string
	Country string
	Name    string
}

// The modalities of an event (Event.Mode): told as fact, denied,
// possible (a modal, a condition), asked of someone, or intended
// (planned, vowed, in the future tense).
const (
	ModeAsserted     = "asserted"
	ModeNegated      = "negated"
	ModeHypothetical = "hypothetical"
	ModeRequested    = "requested"
	ModeIntended     = "intended"
)

// Event is one coded political event.
type Event struct {
	Source       EventActor
	Target       *EventActor
	CAMEO        string
	PLOVER       string
	PLOVERMode   string // PLOVER's mode of the type ("arrest", "visit")
	Mode         string // the modality: ModeAsserted, ModeNegated, ...
	QuadClass    int
	Goldstein    float64
	Sentence     int
	Trigger      Span
	Date         string
	Place        *record.EventPlace
	Negated      bool
	Hypothetical bool
	Future       bool
	Speaker      string
	Confidence   float64
	// Features are the inputs of the confidence, kept only when the
	// coder is asked to (training the confidence model).
	Features []float64
	// Mentions are later tellings of the same event in the document.
	Mentions []EventMention
}

// EventMention is one more telling of an event: its sentence and trigger.
type EventMention struct {
	Sentence int
	Trigger  Span
}

package text

// Layer names a part of a Document that one pipeline stage writes and later
// stages read. Each stage declares the layers it needs and the ones it
// provides (internal/pipeline checks the order when a pipeline is built),
// and each layer has exactly one writer.
type Layer string

// The layers of a Document, in the order the default pipeline writes them,
// with the fields that hold them.
const (
	// LayerTokens is Tokens (the segmenter).
	LayerTokens Layer = "tokens"
	// LayerSentences is Sentences (the segmenter).
	LayerSentences Layer = "sentences"
	// LayerSyntax is Syntax: tags, lemmas and dependency trees (the
	// syntax stage).
	LayerSyntax Layer = "syntax"
	// LayerNames is Entities as the entity tagger leaves it: name spans
	// with the tagger's types (the ner stage).
	LayerNames Layer = "names"
	// LayerEntities is Entities as the actor stage leaves it: the names
	// typed again where the actor dictionary and the gazetteer know
	// better, the dictionary's names the tagger missed added, and
	// Entity.Actor set (the actors stage). No later stage writes Entities.
	LayerEntities Layer = "entities"
	// LayerMentions is Mentions: pronouns, nominals and generic agents
	// with their actors (the actors stage).
	LayerMentions Layer = "mentions"
	// LayerPlaces is Places and Dateline (the geo stage). The record's
	// LOC entity for a place that no entity covers is made from it by
	// Record, not stored in Entities.
	LayerPlaces Layer = "places"
	// LayerDates is Dates (the dates stage).
	LayerDates Layer = "dates"
	// LayerAmounts is Amounts (the amounts stage).
	LayerAmounts Layer = "amounts"
	// LayerQuotes is Quotes (the quote stage).
	LayerQuotes Layer = "quotes"
	// LayerTone is Tone and SentenceTone (the tone stage).
	LayerTone Layer = "tone"
	// LayerEvents is Events (the events stage).
	LayerEvents Layer = "events"
)

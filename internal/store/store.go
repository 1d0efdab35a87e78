// Package store holds the knowledge store's Go API: the Store interface that
// every backend implements (sqlite/ is the embedded default, postgres/ the
// scale-out one), the Filter that queries take, and the rows they return.
// It sits at the end of the flow: records come in from the pipeline through
// Put; query, dyad, export and the server read them out.
//
// Identity rules (documented in docs/STORE.md):
//   - an article already stored under the same ID, the same URL or the same
//     normalised content hash is skipped by Put: re-ingesting changes nothing;
//   - an article whose MinHash estimate of Jaccard similarity with an earlier
//     article is at least dedup.Threshold joins that article's story;
//   - an event is identified by (date, source code, target code, CAMEO code,
//     place); every coded event in an article adds a mention to it, so that
//     counts of events are not inflated by the articles that report them.
package store

import (
	"context"
	"errors"
	"strconv"

	"github.com/newsgraph/newsgraph/record"
)

// Store is a database of records. Implementations are safe for concurrent use.
type Store interface {
	// Put stores a batch of records in one transaction: either all of them
	// are stored or none. Records that duplicate a stored article are skipped
	// and counted in the result.
	Put(ctx context.Context, recs []*record.Record) (PutResult, error)

	// Article returns the stored record with the given id, or ErrNotFound.
	Article(ctx context.Context, id string) (*record.Record, error)
	// Records calls fn with each stored record matching f, in storage order,
	// until fn returns an error. Limit and Cursor are ignored.
	Records(ctx context.Context, f Filter, fn func(*record.Record) error) error

	// Events lists events matching f, ordered by date then id (newest
	// first when f.Newest); undated events sort before every date.
	Events(ctx context.Context, f Filter) (Page[Event], error)
	// Mentions lists the mentions of one event, in storage order.
	Mentions(ctx context.Context, eventID string) ([]Mention, error)
	// Articles lists articles matching f, ordered by published date then id.
	Articles(ctx context.Context, f Filter) (Page[Article], error)
	// Actors lists the coded actors named in articles matching f, most
	// mentioned first.
	Actors(ctx context.Context, f Filter) (Page[Actor], error)
	// Quotes lists quotations in articles matching f.
	Quotes(ctx context.Context, f Filter) (Page[Quote], error)
	// Amounts lists amounts in articles matching f.
	Amounts(ctx context.Context, f Filter) (Page[Amount], error)

	// Places lists the places named in articles matching f (as Records
	// selects them), most mentioned first.
	Places(ctx context.Context, f Filter) (Page[PlaceCount], error)
	// EventPlaces lists the places of the events matching f, most events
	// first; events without a place are left out.
	EventPlaces(ctx context.Context, f Filter) (Page[EventPlaceCount], error)
	// Actor summarises one actor code: its entities, names and events.
	// Events are counted events only unless allModes (see
	// Filter.AllModes).
	Actor(ctx context.Context, code string, allModes bool) (ActorSummary, error)

	// Dyad returns the time series of events between two actors, and
	// those of its events that have no date.
	Dyad(ctx context.Context, q DyadQuery) (DyadSeries, error)
	// Stats summarises the whole store.
	Stats(ctx context.Context) (Stats, error)

	Close() error
}

// Sentinel errors.
var (
	// ErrNotFound says that no article has the requested id.
	ErrNotFound = errors.New("store: not found")
	// ErrBadFilter says that a Filter or DyadQuery failed validation.
	ErrBadFilter = errors.New("store: bad filter")
	// ErrBadCursor says that a cursor was not made by this store.
	ErrBadCursor = errors.New("store: bad cursor")
)

// PutResult counts what one Put did.
type PutResult struct {
	Added          int // new articles stored
	Duplicates     int // skipped: same id, URL or content as a stored article
	NearDuplicates int // stored, and joined an earlier article's story
	Events         int // new events
	Mentions       int // new event mentions (new and known events)
}

// Add adds o's counts to r.
func (r *PutResult) Add(o PutResult) {
	r.Added += o.Added
	r.Duplicates += o.Duplicates
	r.NearDuplicates += o.NearDuplicates
	r.Events += o.Events
	r.Mentions += o.Mentions
}

// Page is one page of a listing. Next is the cursor of the following page,
// empty on the last one.
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty"`
}

// Rows is what the backends' result sets (database/sql's and pgx's) share.
type Rows interface {
	Next() bool
	Err() error
}

// CollectPage reads rows into the page of a listing, scanning each into an
// item and its cursor key. The backends read limit+1 rows: when there were
// more than limit, the page keeps limit of them and the next page starts
// after the last one kept. The caller closes rows.
func CollectPage[T any, R Rows](rows R, limit int, scan func(R) (T, string, error)) (Page[T], error) {
	var items []T
	var keys []string
	for rows.Next() {
		x, key, err := scan(rows)
		if err != nil {
			return Page[T]{}, err
		}
		items = append(items, x)
		keys = append(keys, key)
	}
	if err := rows.Err(); err != nil {
		return Page[T]{}, err
	}
	if len(items) <= limit {
		return Page[T]{Items: items}, nil
	}
	return Page[T]{Items: items[:limit], Next: keys[limit-1]}, nil
}

// OffsetCursors returns the cursors of a list paged by offset that starts
// after off items: each call gives the cursor after one more item.
func OffsetCursors(off int64) func() string {
	return func() string {
		off++
		return EncodeCursor(strconv.FormatInt(off, 10))
	}
}

// ActorRef names one side of an event.
type ActorRef struct {
	Code    string `json:"code"`
	Country string `json:"country,omitempty"`
	Name    string `json:"name,omitempty"`
}

// Event is one real-world event, however many articles report it.
type Event struct {
	ID        string             `json:"id"`   // stable: a hash of the identity key
	Date      string             `json:"date"` // YYYY-MM-DD
	Source    ActorRef           `json:"source"`
	Target    *ActorRef          `json:"target,omitempty"`
	CAMEO     string             `json:"cameo"`
	PLOVER    string             `json:"plover,omitempty"`
	QuadClass int                `json:"quad_class"`
	Goldstein float64            `json:"goldstein"`
	Place     *record.EventPlace `json:"place,omitempty"`

	NumMentions int     `json:"num_mentions"` // coded mentions in all articles
	NumArticles int     `json:"num_articles"` // distinct articles
	NumStories  int     `json:"num_stories"`  // distinct stories (near-duplicates count once)
	NumSources  int     `json:"num_sources"`  // distinct outlets
	AvgTone     float64 `json:"avg_tone"`     // mean tone of the articles

	FirstArticle string `json:"first_article"`        // id of the article that first reported it
	SourceURL    string `json:"source_url,omitempty"` // its URL
	Published    string `json:"published,omitempty"`  // its publication date or time, as given
	Trigger      string `json:"trigger,omitempty"`    // as first reported
	// Mode is negated or hypothetical for an event that counts leave out
	// by default (listed only with Filter.AllModes), empty for a counted
	// one (asserted or intended; a requested act is hypothetical).
	Mode string `json:"mode,omitempty"`
}

// Mention is one report of an event in one article.
type Mention struct {
	EventID    string  `json:"event_id"`
	ArticleID  string  `json:"article_id"`
	Source     string  `json:"source,omitempty"` // outlet
	URL        string  `json:"url,omitempty"`
	Published  string  `json:"published,omitempty"`
	Sentence   int     `json:"sentence"`
	Start      int     `json:"start"` // trigger, code points
	End        int     `json:"end"`
	Trigger    string  `json:"trigger"`
	Confidence float64 `json:"confidence"`
}

// Article is an article's summary row.
type Article struct {
	ID        string  `json:"id"`
	URL       string  `json:"url,omitempty"`
	Source    string  `json:"source,omitempty"`
	Title     string  `json:"title,omitempty"`
	Published string  `json:"published,omitempty"` // YYYY-MM-DD when known
	Story     string  `json:"story"`               // id of the story's first article
	Events    int     `json:"events"`              // coded event mentions
	Tone      float64 `json:"tone"`
	Words     int     `json:"words"`
}

// Actor is a coded actor with how often it is named.
type Actor struct {
	Code     string `json:"code"`
	Country  string `json:"country,omitempty"`
	Name     string `json:"name,omitempty"`
	Mentions int    `json:"mentions"`
	Articles int    `json:"articles"`
}

// Quote is a quotation with its article.
type Quote struct {
	ArticleID   string `json:"article_id"`
	Published   string `json:"published,omitempty"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
	Kind        string `json:"kind,omitempty"`
	Speaker     string `json:"speaker,omitempty"`
	SpeakerCode string `json:"speaker_code,omitempty"`
}

// Amount is an amount with its article.
type Amount struct {
	ArticleID string  `json:"article_id"`
	Published string  `json:"published,omitempty"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	Text      string  `json:"text"`
	Value     float64 `json:"value"`
	Unit      string  `json:"unit,omitempty"`
	Object    string  `json:"object,omitempty"`
}

// DyadPoint is one period of a dyad series.
type DyadPoint struct {
	Period        string  `json:"period"` // first day of the period, YYYY-MM-DD
	Events        int     `json:"events"`
	Mentions      int     `json:"mentions"`
	Quad          [5]int  `json:"quad"` // Quad[1..4]: events per quad class; Quad[0] unused
	GoldsteinSum  float64 `json:"goldstein_sum"`
	GoldsteinMean float64 `json:"goldstein_mean"`
	Tone          float64 `json:"tone"` // mean AvgTone of the events
}

// Stats summarises a store.
type Stats struct {
	Articles int    `json:"articles"`
	Stories  int    `json:"stories"`
	Events   int    `json:"events"`
	Mentions int    `json:"mentions"`
	Entities int    `json:"entities"`
	Places   int    `json:"places"`
	Quotes   int    `json:"quotes"`
	Amounts  int    `json:"amounts"`
	Quad     [5]int `json:"quad"`    // events per quad class 1..4
	Undated  int    `json:"undated"` // events without a date (neither the event's nor the article's)
	// Uncounted are the stored events that counts leave out (negated or
	// hypothetical); Events, Mentions, Quad and the rest count the others.
	Uncounted int         `json:"uncounted"`
	FirstDate string      `json:"first_date,omitempty"`
	LastDate  string      `json:"last_date,omitempty"`
	TopDyads  []DyadCount `json:"top_dyads"` // up to 10, by events, undirected by country
}

// DyadCount is the number of events between two countries (or actor codes
// when a side has no country), either direction, A < B.
type DyadCount struct {
	A      string `json:"a"`
	B      string `json:"b"`
	Events int    `json:"events"`
}

// Seen is implemented by stores that can tell cheaply whether an article is
// already stored under the same id, URL or content hash (dedup.ContentHash
// of its text). Ingest uses it to skip annotating what Put would skip
// anyway; it is optional, and Put stays the judge.
type Seen interface {
	Seen(ctx context.Context, id, url, contentHash string) (bool, error)
}

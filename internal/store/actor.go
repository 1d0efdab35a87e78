package store

import (
	"fmt"
	"slices"
	"strings"
)

// ActorSummary is what the store counts about one actor code, for an actor
// page: the entities coded exactly Code and the events with Code on either
// side (by MatchActor, as Filter.Actor).
type ActorSummary struct {
	Code string `json:"code"`
	// Mentions and Articles count the entities coded Code and the
	// articles that name them.
	Mentions int `json:"mentions"`
	Articles int `json:"articles"`
	// Names are the surface forms of those entities, most used first (up to
	// MaxActorNames); People the distinct canonical names given to them,
	// most used first (up to MaxActorPeople): several for a group code such
	// as RUSGOV.
	Names  []Count  `json:"names"`
	People []string `json:"people,omitempty"`
	// Recent are the ids of the latest stored articles naming Code (up to
	// 3), to read its dictionary entry from.
	Recent []string `json:"recent,omitempty"`
	// Events counts the events with the actor on either side; Undated those
	// of them without a date, which Months leaves out.
	Events  int `json:"events"`
	Undated int `json:"undated"`
	// Months counts the dated events per month (Label YYYY-MM-01), in
	// order; months without events are left out.
	Months []Count `json:"months"`
	// Partners are the codes on the other side of its events, most events
	// first (up to MaxActorPartners); codes that start with Code are the
	// actor itself and left out.
	Partners []Count `json:"partners"`
}

// Bounds of an ActorSummary's lists.
const (
	MaxActorNames    = 8
	MaxActorPeople   = 20
	MaxActorPartners = 10
)

// Count is a label with a number.
type Count struct {
	Label string `json:"label"`
	N     int    `json:"n"`
}

// ActorBuilder folds the grouped rows of an actor's entities and events into
// an ActorSummary. Backends group in SQL and fold here.
type ActorBuilder struct {
	s                               ActorSummary
	names, people, months, partners map[string]int
}

// NewActorBuilder starts the summary of code.
func NewActorBuilder(code string) *ActorBuilder {
	return &ActorBuilder{s: ActorSummary{Code: code}, names: map[string]int{}, people: map[string]int{},
		months: map[string]int{}, partners: map[string]int{}}
}

// AddEntities adds n entities coded the actor's code with surface form text
// and canonical name.
func (b *ActorBuilder) AddEntities(text, name string, n int) {
	b.s.Mentions += n
	b.names[text] += n
	if name != "" {
		b.people[name] += n
	}
}

// AddEvents adds n events of month (YYYY-MM, "" for undated) whose other
// side has code other ("" when none).
func (b *ActorBuilder) AddEvents(month, other string, n int) {
	b.s.Events += n
	if month == "" {
		b.s.Undated += n
	} else {
		b.months[month+"-01"] += n
	}
	if other != "" && !strings.HasPrefix(other, b.s.Code) {
		b.partners[other] += n
	}
}

// Summary returns the summary with the number of articles naming the actor
// and the ids of the latest of them.
func (b *ActorBuilder) Summary(articles int, recent []string) ActorSummary {
	s := b.s
	s.Articles, s.Recent = articles, recent
	s.Names = topCounts(b.names, MaxActorNames)
	for _, c := range topCounts(b.people, MaxActorPeople) {
		s.People = append(s.People, c.Label)
	}
	s.Partners = topCounts(b.partners, MaxActorPartners)
	s.Months = topCounts(b.months, len(b.months))
	slices.SortFunc(s.Months, func(x, y Count) int { return strings.Compare(x.Label, y.Label) })
	return s
}

// topCounts returns the n largest counts of m, ties by label.
func topCounts(m map[string]int, n int) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{Label: k, N: v})
	}
	slices.SortFunc(out, func(x, y Count) int {
		if x.N != y.N {
			return y.N - x.N
		}
		return strings.Compare(x.Label, y.Label)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// ActorCode normalises an actor code for Store.Actor, or returns an error
// wrapping ErrBadFilter.
func ActorCode(code string) (string, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" || len(code) > 64 {
		return "", fmt.Errorf("%w: actor code %q", ErrBadFilter, code)
	}
	for _, c := range code {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return "", fmt.Errorf("%w: actor code %q: want letters and digits", ErrBadFilter, code)
		}
	}
	return code, nil
}

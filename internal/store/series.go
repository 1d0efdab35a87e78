package store

import (
	"slices"
	"strings"
)

// DyadSeries is a dyad's time series. Events without a date (neither the
// coder nor the article gave one) are in no period: they are counted in
// Undated, so that the series and its undated events add up to every event
// of the dyad, as Stats.TopDyads counts them.
type DyadSeries struct {
	Points  []DyadPoint `json:"points"`
	Undated DyadPoint   `json:"undated"` // Period is ""
}

// Total returns the sum of the series' events and the undated ones.
func (s DyadSeries) Total() int {
	n := s.Undated.Events
	for _, p := range s.Points {
		n += p.Events
	}
	return n
}

// SeriesBuilder folds rows of (day, quad class, events, mentions, Goldstein
// sum, tone sum), sorted by day, into a dyad series of periods; rows of day
// "" are the undated events. Backends group in SQL and fold here.
type SeriesBuilder struct {
	by          Period
	points      []DyadPoint
	tone        []float64
	undated     DyadPoint
	undatedTone float64
}

// NewSeriesBuilder starts a series bucketed by by.
func NewSeriesBuilder(by Period) *SeriesBuilder { return &SeriesBuilder{by: by} }

// Add adds one row.
func (b *SeriesBuilder) Add(day string, quad, events, mentions int, goldsteinSum, toneSum float64) {
	if day == "" {
		addPoint(&b.undated, quad, events, mentions, goldsteinSum)
		b.undatedTone += toneSum
		return
	}
	p := PeriodStart(day, b.by)
	if len(b.points) == 0 || b.points[len(b.points)-1].Period != p {
		b.points = append(b.points, DyadPoint{Period: p})
		b.tone = append(b.tone, 0)
	}
	addPoint(&b.points[len(b.points)-1], quad, events, mentions, goldsteinSum)
	b.tone[len(b.tone)-1] += toneSum
}

func addPoint(pt *DyadPoint, quad, events, mentions int, goldsteinSum float64) {
	pt.Events += events
	pt.Mentions += mentions
	if quad >= 1 && quad <= 4 {
		pt.Quad[quad] += events
	}
	pt.GoldsteinSum += goldsteinSum
}

// means fills in a point's means from its sums.
func means(pt *DyadPoint, toneSum float64) {
	if n := pt.Events; n > 0 {
		pt.GoldsteinMean = pt.GoldsteinSum / float64(n)
		pt.Tone = toneSum / float64(n)
	}
}

// Series returns the series with its means.
func (b *SeriesBuilder) Series() DyadSeries {
	for i := range b.points {
		means(&b.points[i], b.tone[i])
	}
	means(&b.undated, b.undatedTone)
	return DyadSeries{Points: b.points, Undated: b.undated}
}

// agentKeys are the CAMEO agent (sector) codes that are an event side's key
// when its country is unknown ("police" with no country gives COP). Such a
// side names no country, so it is no side of a dyad of countries.
var agentKeys = map[string]bool{
	"AGR": true, "BUS": true, "COP": true, "CRM": true, "CVL": true, "EDU": true, "ELI": true,
	"ENV": true, "GOV": true, "HLH": true, "HRI": true, "JUD": true, "LAB": true, "LEG": true,
	"MED": true, "MIL": true, "OPP": true, "PTY": true, "RAD": true, "REB": true, "REF": true,
	"REL": true, "SPY": true, "UAF": true, "INS": true, "SEP": true, "DEV": true, "MOD": true,
	"BUD": true, "CHR": true, "HIN": true, "JEW": true, "MUS": true, "HLT": true,
}

// IsAgentKey reports whether key is a bare agent code (a side whose country
// is unknown) rather than a country or an international actor.
func IsAgentKey(key string) bool { return agentKeys[key] }

// TopDyads folds directed pair counts into undirected ones and returns the
// ten largest, ties broken by name. Pairs with a side of unknown country
// (IsAgentKey) are left out: the list is of countries and international
// actors, not "GOV–USA".
func TopDyads(directed map[[2]string]int) []DyadCount {
	pairs := map[[2]string]int{}
	for k, n := range directed {
		a, b := k[0], k[1]
		if agentKeys[a] || agentKeys[b] {
			continue
		}
		if b < a {
			a, b = b, a
		}
		pairs[[2]string{a, b}] += n
	}
	out := make([]DyadCount, 0, len(pairs))
	for k, n := range pairs {
		out = append(out, DyadCount{A: k[0], B: k[1], Events: n})
	}
	slices.SortFunc(out, func(x, y DyadCount) int {
		if x.Events != y.Events {
			return y.Events - x.Events
		}
		return strings.Compare(x.A+":"+x.B, y.A+":"+y.B)
	})
	if len(out) > 10 {
		out = out[:10]
	}
	return out
}

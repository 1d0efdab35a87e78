package store

import (
	"slices"
	"strings"
)

// SeriesBuilder folds rows of (day, quad class, events, mentions, Goldstein
// sum, tone sum), sorted by day, into a dyad series of periods. Backends
// group in SQL and fold here.
type SeriesBuilder struct {
	by     Period
	points []DyadPoint
	tone   []float64
}

// NewSeriesBuilder starts a series bucketed by by.
func NewSeriesBuilder(by Period) *SeriesBuilder { return &SeriesBuilder{by: by} }

// Add adds one row.
func (b *SeriesBuilder) Add(day string, quad, events, mentions int, goldsteinSum, toneSum float64) {
	p := PeriodStart(day, b.by)
	if len(b.points) == 0 || b.points[len(b.points)-1].Period != p {
		b.points = append(b.points, DyadPoint{Period: p})
		b.tone = append(b.tone, 0)
	}
	pt := &b.points[len(b.points)-1]
	pt.Events += events
	pt.Mentions += mentions
	if quad >= 1 && quad <= 4 {
		pt.Quad[quad] += events
	}
	pt.GoldsteinSum += goldsteinSum
	b.tone[len(b.tone)-1] += toneSum
}

// Points returns the series with its means.
func (b *SeriesBuilder) Points() []DyadPoint {
	for i := range b.points {
		if n := b.points[i].Events; n > 0 {
			b.points[i].GoldsteinMean = b.points[i].GoldsteinSum / float64(n)
			b.points[i].Tone = b.tone[i] / float64(n)
		}
	}
	return b.points
}

// TopDyads folds directed pair counts into undirected ones and returns the
// ten largest, ties broken by name.
func TopDyads(directed map[[2]string]int) []DyadCount {
	pairs := map[[2]string]int{}
	for k, n := range directed {
		a, b := k[0], k[1]
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

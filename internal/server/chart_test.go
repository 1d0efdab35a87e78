package server

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/store"
)

func TestFillPeriods(t *testing.T) {
	f := func(by store.Period, in []string, want string) {
		t.Helper()
		var pts []store.DyadPoint
		for _, p := range in {
			pts = append(pts, store.DyadPoint{Period: p, Events: 1})
		}
		var got []string
		for _, p := range fillPeriods(pts, by) {
			got = append(got, p.Period)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("fillPeriods(%v) = %v, want %s", in, got, want)
		}
	}
	f(store.ByMonth, []string{"2022-11-01", "2023-02-01"}, "2022-11-01 2022-12-01 2023-01-01 2023-02-01")
	f(store.ByWeek, []string{"2023-01-02", "2023-01-16"}, "2023-01-02 2023-01-09 2023-01-16")
	f(store.ByDay, []string{"2023-02-27", "2023-03-02"}, "2023-02-27 2023-02-28 2023-03-01 2023-03-02")
	f(store.ByMonth, []string{"2023-01-01"}, "2023-01-01")
	f(store.ByMonth, []string{"bad", "2023-01-01"}, "bad 2023-01-01")
}

func TestDyadChart(t *testing.T) {
	q := store.DyadQuery{Dyad: store.Dyad{A: "RUS", B: "CHN"}, By: store.ByMonth}
	pts := fillPeriods([]store.DyadPoint{
		{Period: "2023-01-01", Events: 3, Quad: [5]int{0, 2, 0, 1, 0}, GoldsteinMean: 1.5},
		{Period: "2023-03-01", Events: 1, Quad: [5]int{0, 0, 0, 0, 1}, GoldsteinMean: -10},
	}, q.By)
	svg := string(dyadChart(q, pts))
	for _, want := range []string{`<a class="bar" href="/events?dyad=RUS%3ACHN&amp;since=2023-01-01&amp;until=2023-01-31"`, `data-period="2023-02-01"`, "M", "mean Goldstein -10.00"} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %s", want)
		}
	}
	// The Goldstein line breaks over the empty February.
	if n := strings.Count(svg[strings.Index(svg, `class="goldstein" d="`):], "M"); n < 2 {
		t.Errorf("Goldstein line does not break over an empty period")
	}
	if got := string(dyadChart(q, nil)); !strings.Contains(got, "No events") {
		t.Error("empty chart has no message")
	}
}

func TestFormatNumber(t *testing.T) {
	f := func(v float64, want string) {
		t.Helper()
		if got := formatNumber(v); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", v, got, want)
		}
	}
	f(2e11, "200 billion")
	f(1.85e11, "185 billion")
	f(12000, "12,000")
	f(1234567, "1.234567 million")
	f(-3.5, "-3.5")
	f(0.25, "0.25")
}

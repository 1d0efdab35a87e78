package eval

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// fixedGeo returns the same places for every document.
type fixedGeo struct{ places, resolved []text.Place }

func (f fixedGeo) Places(context.Context, *GeoDoc) ([]text.Place, error)  { return f.places, nil }
func (f fixedGeo) Resolve(context.Context, *GeoDoc) ([]text.Place, error) { return f.resolved, nil }

func TestReadGeoGoldCodePoints(t *testing.T) {
	in := `{"id":"a","text":"Çorum and Ankara","toponyms":[{"start":0,"end":5,"lat":40.5,"lon":34.9},{"start":10,"end":16,"lat":39.9,"lon":32.9}]}` + "\n"
	docs, err := readGeoJSONL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0]
	for i, want := range []string{"Çorum", "Ankara"} {
		if got := d.Text[d.Toponyms[i].Start:d.Toponyms[i].End]; got != want {
			t.Errorf("toponym %d = %q, want %q", i, got, want)
		}
	}
	if _, err := readGeoJSONL(strings.NewReader(`{"text":"ab","toponyms":[{"start":1,"end":9}]}`)); err == nil {
		t.Error("no error for a span outside the text")
	}
}

func TestScoreGeo(t *testing.T) {
	doc := GeoDoc{ID: "a", Text: "Paris and Lyon and Nice", Toponyms: []GeoToponym{
		{Span: text.Span{Start: 0, End: 5}, Lat: 48.85, Lon: 2.35},
		{Span: text.Span{Start: 10, End: 14}, Lat: 45.76, Lon: 4.83},
		{Span: text.Span{Start: 19, End: 23}, Lat: 43.70, Lon: 7.27},
	}}
	sys := fixedGeo{
		places: []text.Place{
			{Span: text.Span{Start: 0, End: 5}, Lat: 48.86, Lon: 2.35},    // right
			{Span: text.Span{Start: 10, End: 14}, Lat: 33.66, Lon: -95.5}, // wrong place
			{Span: text.Span{Start: 6, End: 9}, Lat: 0, Lon: 0},           // spurious
		},
		resolved: []text.Place{{Span: text.Span{Start: 0, End: 5}, Lat: 48.86, Lon: 2.35}},
	}
	s, err := ScoreGeo(context.Background(), "t", sys, []GeoDoc{doc})
	if err != nil {
		t.Fatal(err)
	}
	if s.Recognition != (PRF{TP: 2, FP: 1, FN: 1}) {
		t.Errorf("recognition = %+v", s.Recognition)
	}
	if got := AccuracyAt(s.Matched, GeoAccKm); got != 0.5 {
		t.Errorf("accuracy of recognised = %v, want 0.5", got)
	}
	if len(s.Gold) != 3 || s.Gold[0] > 2 || !math.IsInf(s.Gold[1], 1) {
		t.Errorf("gold-span errors = %v", s.Gold)
	}
	var kinds []string
	for _, e := range s.Errors {
		kinds = append(kinds, e.Kind+" "+e.Context)
	}
	want := []string{"far Paris and [Lyon] and Nice", "FN Paris and Lyon and [Nice]", "FP Paris [and] Lyon and Nice"}
	if !slices.Equal(kinds, want) {
		t.Errorf("errors = %q, want %q", kinds, want)
	}
	if m := MedianKm([]float64{1, 5, 9}); m != 5 {
		t.Errorf("median = %v", m)
	}
}

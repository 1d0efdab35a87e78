package geo

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/text"
)

// TestSeed checks the project's seed article (read from the shared data,
// skipped when absent): Moscow is the Russian capital, not the town in
// Idaho; China, Russia and the Soviet Union are placed.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile(devdata.File(t, "seed/seed-article.json"))
	if err != nil {
		t.Fatal(err)
	}
	var art struct{ Title, Text string }
	if err := json.Unmarshal(b, &art); err != nil {
		t.Fatal(err)
	}
	d := text.NewDocument("seed", art.Title, art.Text)
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got := map[string]text.Place{}
	for _, p := range d.Places {
		t.Logf("%q -> %s %s %s %.2f,%.2f", d.Slice(p.Span), p.Name, p.Country, p.Feature, p.Lat, p.Lon)
		got[d.Slice(p.Span)] = p
		if p.Country == "USA" && p.Lon < -110 && p.Lon > -118 && p.Lat > 42 && p.Lat < 49 {
			t.Errorf("%q placed in Idaho", d.Slice(p.Span))
		}
	}
	mos, ok := got["Moscow"]
	if !ok || mos.Country != "RUS" || Km(mos.Lat, mos.Lon, 55.75, 37.62) > 20 {
		t.Errorf("Moscow = %+v, want RUS near 55.75,37.62", mos)
	}
	want := map[string]string{"Beijing": "CHN", "China": "CHN", "Russia": "RUS", "Soviet Union": "SUN"}
	for name, cc := range want {
		if got[name].Country != cc {
			t.Errorf("%s = %+v, want country %s", name, got[name], cc)
		}
	}
	if d.Dateline == nil || d.Slice(*d.Dateline) != "MOSCOW" {
		t.Errorf("dateline = %v, want MOSCOW", d.Dateline)
	}
}

package geo

import (
	"testing"
	"time"
)

func TestDefaultLoads(t *testing.T) {
	start := time.Now()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded %d places in %v", g.Len(), time.Since(start))
	f := func(name, country, feature string) {
		t.Helper()
		for _, i := range g.Lookup(nil, name) {
			e := g.Entry(int(i))
			if e.Country == country && e.Feature == feature {
				return
			}
		}
		t.Errorf("Lookup(%q): no %s %s", name, country, feature)
	}
	f("Moscow", "RUS", "PPLC")
	f("moscow", "USA", "PPLA2")
	f("Russia", "RUS", "PCLI")
	f("U.S.", "USA", "PCLI")
	f("Soviet Union", "SUN", "PCLH")
	f("Gaza Strip", "PSE", "RGN")
	f("New South Wales", "AUS", "ADM1")
	f("NSW", "AUS", "ADM1")
}

func TestDemonym(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	f := func(in, want string) {
		t.Helper()
		got, _ := g.Demonym(in)
		if got != want {
			t.Errorf("Demonym(%q) = %q, want %q", in, got, want)
		}
	}
	f("Russian", "RUS")
	f("Kenyans", "KEN")
	f("Chinese", "CHN")
	f("table", "")
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}

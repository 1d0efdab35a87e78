package geo

import (
	"runtime"
	"syscall"
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
	// Large regions sit at their geographic centre, not at the centre of
	// their towns (Ontario's are in the south).
	near := func(name, feature string, lat, lon float64) {
		t.Helper()
		for _, i := range g.Lookup(nil, name) {
			if e := g.Entry(int(i)); e.Feature == feature {
				if d := Km(e.Lat, e.Lon, lat, lon); d > 161 {
					t.Errorf("%s at (%.2f,%.2f), %.0f km from (%g,%g)", name, e.Lat, e.Lon, d, lat, lon)
				}
				return
			}
		}
		t.Errorf("Lookup(%q): no %s", name, feature)
	}
	near("Ontario", "ADM1", 50, -85)
	near("Queensland", "ADM1", -22, 144)
	near("Alaska", "ADM1", 64, -150)
	near("Asia", "CONT", 29.84, 89.3)
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

// TestLoadTime loads the embedded gazetteer and reports the CPU time it
// took (user + system, which unlike wall time does not grow when the
// machine is shared). The target is 300 ms; the test fails beyond 1 s.
func TestLoadTime(t *testing.T) {
	cpu := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			t.Skip("no rusage:", err)
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	runtime.GC()
	c0, w0 := cpu(), time.Now()
	g, err := parseEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	c, w := cpu()-c0, time.Since(w0)
	t.Logf("loaded %d places from %d bytes: CPU %v, wall %v", g.Len(), len(embedded), c.Round(time.Millisecond), w.Round(time.Millisecond))
	if c > time.Second {
		t.Errorf("loading took %v of CPU, want well under 1 s (target 300 ms)", c)
	}
}

package server

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/record"
)

var (
	loadTest    = flag.Bool("load", false, "run the events load test (100,000 events, 50 clients, 10 s on loopback)")
	loadEvents  = flag.Int("load.events", 100000, "events in the load test database")
	loadClients = flag.Int("load.clients", 50, "concurrent clients")
	loadFor     = flag.Duration("load.duration", 10*time.Second, "how long the load runs")
	loadQuery   = flag.String("load.query", "", "run only this query (a path with its parameters) instead of the mix")
	loadDB      = flag.String("load.db", "", "database file to build once and reuse across runs (default: a temporary one)")
)

// syntheticStore builds a store with n distinct events, 5 per article,
// spread over actors, CAMEO codes, places and 3 years of days.
func syntheticStore(t testing.TB, n int, path string) store.Store {
	t.Helper()
	if path == "" {
		path = filepath.Join(t.TempDir(), "load.db")
	}
	st, err := sqlite.Open(context.Background(), sqlite.Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if stats, err := st.Stats(context.Background()); err == nil && stats.Events >= n*99/100 {
		return st // built by an earlier run
	}
	codes := []string{"RUS", "CHN", "USA", "UKR", "FRA", "DEU", "GBR", "IRN", "ISR", "TUR", "IND", "PAK", "JPN", "KOR", "PRK", "BRA", "ZAF", "NGA", "EGY", "SAU"}
	cameos := []struct {
		code, plover string
		quad         int
		g            float64
	}{{"040", "CONSULT", 1, 1}, {"042", "CONSULT", 1, 1.9}, {"051", "COOPERATE", 1, 3.4}, {"057", "AGREE", 1, 8}, {"061", "COOPERATE", 2, 6.4},
		{"070", "AID", 2, 7}, {"111", "DISAPPROVE", 3, -2}, {"130", "THREATEN", 3, -4.4}, {"172", "COERCE", 4, -5}, {"190", "ASSAULT", 4, -10}}
	places := []struct {
		name, country string
		lat, lon      float64
	}{{"Moscow", "RUS", 55.75, 37.62}, {"Beijing", "CHN", 39.9, 116.4}, {"Washington", "USA", 38.9, -77.04}, {"Kyiv", "UKR", 50.45, 30.52}, {"Paris", "FRA", 48.86, 2.35}, {"Tehran", "IRN", 35.69, 51.39}}
	names := map[string]string{}
	for _, c := range codes {
		names[c] = "Country " + c
	}
	day0 := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	// Varied filler words keep the articles apart for near-duplicate
	// detection, as real news would be.
	rng := rand.New(rand.NewPCG(1, 2))
	const perArticle = 5
	batch := make([]*record.Record, 0, 500)
	k := 0
	for a := 0; k < n; a++ {
		day := day0.AddDate(0, 0, a%1095).Format(time.DateOnly)
		txt := fmt.Sprintf("Report %d. ", a)
		r := &record.Record{Schema: record.Schema, ID: fmt.Sprintf("load-%07d", a), Source: fmt.Sprintf("outlet%d", a%7), Published: day, Language: "en"}
		for e := 0; e < perArticle && k < n; e, k = e+1, k+1 {
			src, tgt := codes[k%len(codes)], codes[(k/len(codes)+1+k)%len(codes)]
			if tgt == src {
				tgt = codes[(k+7)%len(codes)]
			}
			c := cameos[(k/7)%len(cameos)]
			p := places[(k/3)%len(places)]
			start := len([]rune(txt))
			txt += src + " met " + tgt + " " + randomWords(rng, 12) + ". "
			// The names and places an article's entities and places
			// layers would hold, so that actor pages, the map and the
			// places listing have rows to count.
			actor := func(code string, at int) record.Entity {
				return record.Entity{Start: at, End: at + 3, Text: code, Type: "LOC",
					Actor: &record.Actor{Code: code, Country: code[:3], Name: names[code[:3]]}}
			}
			r.Entities = append(r.Entities, actor(src+"GOV", start), actor(tgt, start+8))
			r.Places = append(r.Places, record.Place{Start: start, End: start + 3, Text: p.name, Name: p.name, Country: p.country,
				Lat: p.lat, Lon: p.lon, Feature: "PPLC", GeonameID: 1000 + (k/3)%len(places)})
			r.Events = append(r.Events, record.Event{
				Source: record.EventActor{Code: src + "GOV", Country: src, Start: start, End: start + 3, Text: src},
				Target: &record.EventActor{Code: tgt, Country: tgt, Start: start + 8, End: start + 11, Text: tgt},
				CAMEO:  c.code, PLOVER: c.plover, QuadClass: c.quad, Goldstein: c.g,
				Start: start + 4, End: start + 7, Trigger: "met", Date: day, Confidence: 0.8,
				Place: &record.EventPlace{Name: p.name, Country: p.country, Lat: p.lat, Lon: p.lon},
			})
		}
		r.Text = txt
		r.Tone = &record.Tone{Tone: float64(a%21-10) / 2, WordCount: 40}
		batch = append(batch, r)
		if len(batch) == cap(batch) || k >= n {
			if _, err := st.Put(context.Background(), batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	return st
}

// TestLoadEvents measures the events query under concurrent load on
// loopback: go test -run LoadEvents -load ./internal/server/
func TestLoadEvents(t *testing.T) {
	if !*loadTest {
		t.Skip("skipping load test; run with -load")
	}
	t0 := time.Now()
	st := syntheticStore(t, *loadEvents, *loadDB)
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("store ready: %d articles, %d events in %v", stats.Articles, stats.Events, time.Since(t0).Round(time.Second))
	if stats.Events < *loadEvents*99/100 {
		t.Fatalf("store has %d events, want about %d", stats.Events, *loadEvents)
	}
	s, err := New(st, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Serve(ctx, ln)
	base := "http://" + ln.Addr().String()
	queries := []string{
		"/api/v1/events?limit=100",
		"/api/v1/events?actor=RUS&limit=100",
		"/api/v1/events?dyad=RUS:CHN&limit=100",
		"/api/v1/events?cameo=04&since=2022-01-01&until=2022-06-30&limit=100",
		"/api/v1/events?quad=4&place=Kyiv&limit=50",
		"/api/v1/events?plover=AGREE&since=2023-01-01&limit=100",
	}
	// Each query alone first (after one warm-up run), to see which one costs.
	for _, q := range queries {
		if resp, err := http.Get(base + q); err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		start := time.Now()
		const reps = 5
		for i := 0; i < reps; i++ {
			resp, err := http.Get(base + q)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("%s: %d", q, resp.StatusCode)
			}
		}
		t.Logf("alone: %-70s %v", q, (time.Since(start) / reps).Round(time.Microsecond))
	}
	if *loadQuery != "" {
		queries = []string{*loadQuery}
	}
	lats, fails := hammer(base, queries, *loadClients, *loadFor)
	if len(fails) > 0 {
		t.Errorf("failed requests by status (-1 = transport error): %v", fails)
	}
	t.Logf("%d events, %d clients, %v: %d requests, %.0f req/s; latency p50 %v, p90 %v, p99 %v, max %v",
		stats.Events, *loadClients, *loadFor, len(lats), float64(len(lats))/loadFor.Seconds(),
		pct(lats, .50), pct(lats, .90), pct(lats, .99), pct(lats, 1))
}

// loadEndpoints are the requests of TestLoadEndpoints, by endpoint.
var loadEndpoints = []struct {
	name    string
	queries []string
}{
	{"events", []string{"/api/v1/events?limit=100", "/api/v1/events?actor=RUS&limit=100", "/api/v1/events?dyad=RUS:CHN&limit=100",
		"/api/v1/events?cameo=04&since=2022-01-01&until=2022-06-30&limit=100", "/api/v1/events?quad=4&place=Kyiv&limit=50"}},
	{"actor", []string{"/actors/RUS", "/actors/CHNGOV", "/api/v1/actors?limit=100", "/api/v1/actors?actor=USA&limit=20"}},
	{"dyad", []string{"/api/v1/dyads?dyad=RUS:CHN&by=month", "/api/v1/dyads?dyad=USA>IRN&by=week", "/dyad?a=RUS&b=CHN"}},
	{"map", []string{"/map", "/map?actor=RUS", "/map?since=2023-01-01&until=2023-03-31"}},
	{"places", []string{"/api/v1/places?limit=100", "/api/v1/places?actor=USA&limit=20", "/api/v1/places?since=2022-01-01&until=2022-01-31"}},
	{"overview", []string{"/", "/api/v1/stats"}},
}

// TestLoadEndpoints measures each endpoint of the API and workbench that
// counts (events, actor, dyad, map, places, overview) alone under concurrent load on
// loopback and logs its latency percentiles:
// go test -run LoadEndpoints -load ./internal/server/
func TestLoadEndpoints(t *testing.T) {
	if !*loadTest {
		t.Skip("skipping load test; run with -load")
	}
	t0 := time.Now()
	st := syntheticStore(t, *loadEvents, *loadDB)
	t.Logf("store ready in %v", time.Since(t0).Round(time.Second))
	s, err := New(st, nil, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Serve(ctx, ln)
	base := "http://" + ln.Addr().String()
	for _, ep := range loadEndpoints {
		hammer(base, ep.queries, 1, 0) // warm up: each query once
		cpu0 := cpuTime()
		lats, fails := hammer(base, ep.queries, *loadClients, *loadFor)
		cpu := (cpuTime() - cpu0) / time.Duration(max(1, len(lats)))
		if len(fails) > 0 {
			t.Errorf("%s: failed requests by status (-1 = transport error): %v", ep.name, fails)
		}
		// The CPU time per request (server and client, this process) says
		// what a request costs when the machine is shared; latency says
		// what a client waited.
		t.Logf("%-8s %d clients, %v: %5d requests, %4.0f req/s, CPU %v/request; latency p50 %v, p90 %v, p99 %v, max %v",
			ep.name, *loadClients, *loadFor, len(lats), float64(len(lats))/loadFor.Seconds(), cpu.Round(10*time.Microsecond),
			pct(lats, .50), pct(lats, .90), pct(lats, .99), pct(lats, 1))
	}
}

// hammer sends queries round-robin from clients goroutines for d, or each
// query once when d is 0, and returns the sorted latencies and the failures
// by status (-1 for transport errors).
func hammer(base string, queries []string, clients int, d time.Duration) ([]time.Duration, map[int]int) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}, Timeout: 30 * time.Second}
	var (
		mu    sync.Mutex
		lats  []time.Duration
		fails = map[int]int{}
		wg    sync.WaitGroup
	)
	deadline := time.Now().Add(d)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			var mine []time.Duration
			for i := c; (d == 0 && i < c+len(queries)) || (d > 0 && time.Now().Before(deadline)); i++ {
				q := queries[i%len(queries)]
				start := time.Now()
				resp, err := client.Get(base + q)
				if err != nil {
					mu.Lock()
					fails[-1]++
					mu.Unlock()
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				mine = append(mine, time.Since(start))
				if resp.StatusCode != 200 {
					mu.Lock()
					fails[resp.StatusCode]++
					mu.Unlock()
				}
			}
			mu.Lock()
			lats = append(lats, mine...)
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	sort.Slice(lats, func(i, j int) bool { return lats[i] < lats[j] })
	return lats, fails
}

// cpuTime returns the user and system CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// pct returns the p-th percentile of sorted latencies.
func pct(lats []time.Duration, p float64) time.Duration {
	if len(lats) == 0 {
		return 0
	}
	return lats[min(len(lats)-1, int(p*float64(len(lats))))].Round(time.Microsecond)
}

var syllables = []string{"ka", "lo", "mi", "ne", "ra", "tu", "vi", "so", "de", "pa", "ri", "go", "ban", "tel", "mor", "sin", "que", "dar", "zel", "fo"}

// randomWords returns n pseudo-words of 2 to 4 syllables.
func randomWords(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		for j := 2 + rng.IntN(3); j > 0; j-- {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
	}
	return b.String()
}

package server

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
	"github.com/newsgraph/newsgraph/record"
)

// rb builds a hand-annotated record: spans are found by their text, and
// offsets are code points, as in the public record.
type rb struct {
	r *record.Record
}

func newRB(id, source, published, title, body string) *rb {
	return &rb{&record.Record{Schema: record.Schema, ID: id, Source: source, Published: published, Title: title,
		Language: "en", Text: title + "\n\n" + body, URL: "https://news.example/" + id}}
}

// span finds the n-th (0-based) occurrence of s and returns its code-point span.
func (b *rb) span(s string, n int) (int, int) {
	off := 0
	for {
		i := strings.Index(b.r.Text[off:], s)
		if i < 0 {
			panic(fmt.Sprintf("BUG: fixture %s has no %q #%d", b.r.ID, s, n))
		}
		if n == 0 {
			start := utf8.RuneCountInString(b.r.Text[:off+i])
			return start, start + utf8.RuneCountInString(s)
		}
		n--
		off += i + len(s)
	}
}

func (b *rb) ent(s string, n int, typ string, a *record.Actor) *rb {
	x, y := b.span(s, n)
	b.r.Entities = append(b.r.Entities, record.Entity{Start: x, End: y, Text: s, Type: typ, Actor: a})
	return b
}

func (b *rb) place(s string, n int, name, country string, lat, lon float64) *rb {
	x, y := b.span(s, n)
	b.r.Places = append(b.r.Places, record.Place{Start: x, End: y, Text: s, Name: name, Country: country, Lat: lat, Lon: lon, Feature: "PPLC"})
	return b
}

func (b *rb) date(s, value string) *rb {
	x, y := b.span(s, 0)
	b.r.Dates = append(b.r.Dates, record.Date{Start: x, End: y, Text: s, Type: record.DATE, Value: value})
	return b
}

func (b *rb) amount(s string, v float64, unit, object string) *rb {
	x, y := b.span(s, 0)
	b.r.Amounts = append(b.r.Amounts, record.Amount{Start: x, End: y, Text: s, Value: v, Unit: unit, Object: object})
	return b
}

func (b *rb) quote(s, speaker string, sn int, name string, a *record.Actor) *rb {
	x, y := b.span(s, 0)
	q := record.Quote{Start: x, End: y, Text: s, Kind: record.QuoteDirect}
	if speaker != "" {
		sx, sy := b.span(speaker, sn)
		q.Speaker = &record.Speaker{Start: sx, End: sy, Text: speaker, Name: name, Actor: a}
	}
	b.r.Quotes = append(b.r.Quotes, q)
	return b
}

type evSpec struct {
	trigger   string
	src, tgt  string // surface text
	srcN      int    // which occurrence of src, 0-based
	tgtN      int    // which occurrence of tgt
	srcCode   string
	tgtCode   string
	cameo     string
	plover    string
	quad      int
	goldstein float64
	place     string
	lat, lon  float64
	country   string
	date      string
}

func (b *rb) event(e evSpec) *rb {
	tx, ty := b.span(e.trigger, 0)
	sx, sy := b.span(e.src, e.srcN)
	ev := record.Event{Source: record.EventActor{Start: sx, End: sy, Text: e.src, Code: e.srcCode, Country: e.srcCode[:3]},
		CAMEO: e.cameo, PLOVER: e.plover, QuadClass: e.quad, Goldstein: e.goldstein, Start: tx, End: ty, Trigger: e.trigger,
		Date: e.date, Confidence: 0.9}
	if e.tgt != "" {
		gx, gy := b.span(e.tgt, e.tgtN)
		ev.Target = &record.EventActor{Start: gx, End: gy, Text: e.tgt, Code: e.tgtCode, Country: e.tgtCode[:3]}
	}
	if e.place != "" {
		ev.Place = &record.EventPlace{Name: e.place, Country: e.country, Lat: e.lat, Lon: e.lon}
	}
	b.r.Events = append(b.r.Events, ev)
	return b
}

func (b *rb) tone(t float64) *rb {
	pos, neg := 3.0, 3.0
	if t > 0 {
		pos += t
	} else {
		neg -= t
	}
	b.r.Tone = &record.Tone{Tone: t, Positive: pos, Negative: neg, Polarity: pos + neg, Activity: 21.5, SelfGroup: 0.8, WordCount: len(strings.Fields(b.r.Text))}
	return b
}

var (
	putin  = &record.Actor{Code: "RUSGOV", Country: "RUS", Sector: "GOV", Role: "President", Name: "Vladimir Putin", Wikidata: "Q7747"}
	wang   = &record.Actor{Code: "CHNGOV", Country: "CHN", Sector: "GOV", Role: "Foreign Minister", Name: "Wang Yi", Wikidata: "Q17425"}
	lavrov = &record.Actor{Code: "RUSGOV", Country: "RUS", Sector: "GOV", Role: "Foreign Minister", Name: "Sergey Lavrov"}
	russia = &record.Actor{Code: "RUS", Country: "RUS", Name: "Russia"}
	china  = &record.Actor{Code: "CHN", Country: "CHN", Name: "China"}
	usa    = &record.Actor{Code: "USA", Country: "USA", Name: "United States"}
	ukr    = &record.Actor{Code: "UKR", Country: "UKR", Name: "Ukraine"}
)

// The article the browser test opens: a hand-written, seed-like report of
// a Moscow meeting. Curly quotes and a dash come before annotated spans so
// that byte and code-point offsets differ.
const meetingBody = "MOSCOW — Russian President Vladimir Putin met China’s top diplomat Wang Yi in Moscow on Wednesday and said ties between the two countries were “key to global stability.”\n" +
	"Putin told Wang that trade between Russia and China could reach $200 billion by 2024. Wang praised the “steady” partnership.\n" +
	"Earlier, Wang held talks with Foreign Minister Sergey Lavrov, who criticised Western sanctions against Moscow."

func meeting() *record.Record {
	b := newRB("fx-meeting", "Fixture Wire", "2023-02-22", "Putin and Wang Yi pledge closer ties in Moscow", meetingBody)
	b.ent("Putin", 0, record.PER, putin).ent("Wang Yi", 0, record.PER, wang).ent("Moscow", 0, record.LOC, nil).
		ent("Vladimir Putin", 0, record.PER, putin).ent("China", 0, record.LOC, china).ent("Wang Yi", 1, record.PER, wang).
		ent("Putin", 2, record.PER, putin).ent("Russia", 1, record.LOC, russia).ent("China", 1, record.LOC, china).
		ent("Sergey Lavrov", 0, record.PER, lavrov).ent("Russian", 0, record.NORP, russia).ent("Western", 0, record.NORP, nil)
	b.place("MOSCOW", 0, "Moscow", "RUS", 55.75, 37.62).place("Moscow", 1, "Moscow", "RUS", 55.75, 37.62).
		place("Russia", 1, "Russia", "RUS", 60, 100).place("China", 1, "China", "CHN", 35, 105)
	b.date("Wednesday", "2023-02-22").date("2024", "2024")
	b.amount("$200 billion", 2e11, "USD", "trade")
	b.quote("“key to global stability.”", "Vladimir Putin", 0, "Vladimir Putin", putin)
	b.event(evSpec{trigger: "met", src: "Vladimir Putin", tgt: "Wang Yi", tgtN: 1, srcCode: "RUSGOV", tgtCode: "CHNGOV", cameo: "040", plover: "CONSULT", quad: 1, goldstein: 1, place: "Moscow", country: "RUS", lat: 55.75, lon: 37.62, date: "2023-02-22"})
	b.event(evSpec{trigger: "praised", src: "Wang", srcN: 3, tgt: "", srcCode: "CHNGOV", cameo: "051", plover: "COOPERATE", quad: 1, goldstein: 3.4, date: "2023-02-22"})
	b.event(evSpec{trigger: "held talks", src: "Wang", srcN: 4, tgt: "Sergey Lavrov", srcCode: "CHNGOV", tgtCode: "RUSGOV", cameo: "040", plover: "CONSULT", quad: 1, goldstein: 1, place: "Moscow", country: "RUS", lat: 55.75, lon: 37.62, date: "2023-02-21"})
	b.event(evSpec{trigger: "criticised", src: "Sergey Lavrov", tgt: "Western", srcCode: "RUSGOV", tgtCode: "WST", cameo: "111", plover: "DISAPPROVE", quad: 3, goldstein: -2, date: "2023-02-21"})
	b.tone(1.8)
	return b.r
}

// series makes small articles spread over months so that the RUS–CHN dyad
// has a history with cooperation and conflict, and other dyads exist.
func series() []*record.Record {
	type row struct {
		day, title, body, trig string
		src, tgt               *record.Actor
		srcText, tgtText       string
		cameo, plover          string
		quad                   int
		g                      float64
		place                  string
		lat, lon               float64
		country                string
	}
	rows := []row{
		{"2022-09-15", "Xi and Putin meet in Samarkand", "Chinese President Xi Jinping met Russian President Vladimir Putin in Samarkand on Thursday.", "met", china, russia, "Chinese", "Russian", "040", "CONSULT", 1, 1, "Samarkand", 39.65, 66.96, "UZB"},
		{"2022-10-03", "Russia and China hold naval drills", "Russia and China held joint naval exercises in the Sea of Japan, the defence ministry in Moscow said.", "held joint naval exercises", russia, china, "Russia", "China", "062", "COOPERATE", 2, 6.4, "Moscow", 55.75, 37.62, "RUS"},
		{"2022-11-20", "China rebukes Russia over nuclear remarks", "China criticised Russia over remarks about nuclear weapons, officials in Beijing said.", "criticised", china, russia, "China", "Russia", "111", "DISAPPROVE", 3, -2, "Beijing", 39.9, 116.4, "CHN"},
		{"2022-12-12", "Russia sends gas to China", "Russia sent record volumes of gas to China through a pipeline, operators in Moscow said.", "sent record volumes of gas", russia, china, "Russia", "China", "061", "COOPERATE", 2, 6.4, "Moscow", 55.75, 37.62, "RUS"},
		{"2023-01-10", "Russia and China sign grain agreement", "Russia and China signed an agreement on grain exports in Beijing.", "signed an agreement", russia, china, "Russia", "China", "057", "AGREE", 1, 8, "Beijing", 39.9, 116.4, "CHN"},
		{"2023-01-25", "China seizes Russian cargo", "China seized a Russian cargo ship in a customs dispute, officials in Beijing said.", "seized", china, russia, "China", "Russian", "171", "SEIZE", 4, -9.2, "Beijing", 39.9, 116.4, "CHN"},
		{"2023-03-21", "Xi visits Moscow", "Chinese President Xi Jinping visited Moscow and met Vladimir Putin at the Kremlin.", "visited", china, russia, "Chinese", "Vladimir Putin", "042", "CONSULT", 1, 1.9, "Moscow", 55.75, 37.62, "RUS"},
		{"2023-03-22", "United States warns China over Russia", "The United States warned China against supplying weapons to Russia, officials in Washington said.", "warned", usa, china, "United States", "China", "138", "THREATEN", 3, -7, "Washington", 38.9, -77.04, "USA"},
		{"2023-04-02", "Russia shells Ukrainian city", "Russia shelled the Ukrainian city of Kharkiv overnight, officials in Kyiv said.", "shelled", russia, ukr, "Russia", "Ukrainian", "195", "ASSAULT", 4, -10, "Kharkiv", 49.99, 36.23, "UKR"},
	}
	var out []*record.Record
	for i, r := range rows {
		b := newRB(fmt.Sprintf("fx-series-%02d", i), "Fixture Wire", r.day, r.title, r.body)
		b.ent(r.srcText, 0, record.LOC, r.src).ent(r.tgtText, 0, record.LOC, r.tgt)
		b.place(r.place, 0, r.place, r.country, r.lat, r.lon)
		b.event(evSpec{trigger: r.trig, src: r.srcText, tgt: r.tgtText, srcCode: r.src.Code, tgtCode: r.tgt.Code, cameo: r.cameo, plover: r.plover,
			quad: r.quad, goldstein: r.g, place: r.place, lat: r.lat, lon: r.lon, country: r.country, date: r.day})
		b.tone(r.g / 3)
		out = append(out, b.r)
	}
	return out
}

// fixtureStore opens a fresh SQLite store in a temporary folder and fills
// it with the fixture records through the store API.
func fixtureStore(t testing.TB) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), sqlite.Options{Path: filepath.Join(t.TempDir(), "fixture.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	recs := append([]*record.Record{meeting()}, series()...)
	if _, err := st.Put(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	return st
}

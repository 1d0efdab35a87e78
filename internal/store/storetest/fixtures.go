package storetest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/record"
)

// The fixture articles are written for these tests; every layer is filled
// by hand so that backends are tested on full records.

const moscowBody = `Russia's president received China's top diplomat at the Kremlin on Wednesday, the latest in a series of high-level contacts between the two governments.

The two sides discussed trade, energy supplies and the war in Ukraine, according to a Kremlin readout, and agreed to prepare a visit by the Chinese leader later in the year.

"Our relations are developing steadily," the Russian president told the visiting minister at the start of the talks, which lasted more than two hours.

Trade between the two countries reached $190 billion last year, customs figures show, driven by Russian oil and gas sales to Chinese buyers.

Western governments have watched the relationship closely, and several warned Beijing against supplying weapons to Moscow.`

// Fixture returns the fixture records: a Russia–China meeting reported by
// two outlets and copied by a third (near-duplicate), a strike, sanctions,
// a protest, and an article with only a negated event; the meeting's
// report also tells of a visit that is only hypothetical.
func Fixture() []*record.Record {
	moscow := build("moscow-talks", "https://ledger.example/world/moscow-talks", "Daily Ledger", "2023-02-22",
		"Putin hosts China's top diplomat in Moscow", moscowBody)
	moscow.entity("Russia", record.LOC, &record.Actor{Code: "RUS", Country: "RUS", Name: "Russia"})
	moscow.entity("China", record.LOC, &record.Actor{Code: "CHN", Country: "CHN", Name: "China"})
	moscow.entity("Kremlin", record.ORG, &record.Actor{Code: "RUSGOV", Country: "RUS", Name: "Kremlin"})
	moscow.entity("Beijing", record.LOC, &record.Actor{Code: "CHNGOV", Country: "CHN", Name: "Beijing"})
	moscow.place("Moscow", "Moscow", "RUS", 55.7558, 37.6173)
	moscow.date("Wednesday", record.DATE, "2023-02-22")
	moscow.amount("$190 billion", 190e9, "USD", "trade")
	moscow.quote(`"Our relations are developing steadily,"`, "the Russian president", "RUSGOV")
	moscow.event("received", "RUSGOV", "CHNGOV", "042", "CONSULT", 1, 1.9, "Moscow", "RUS", 55.7558, 37.6173)
	moscow.event("agreed to prepare a visit", "CHNGOV", "RUSGOV", "036", "CONSULT", 1, 4.0, "Moscow", "RUS", 55.7558, 37.6173)
	// The visit itself is only planned: stored, left out of counts.
	moscow.event("visit", "CHNGOV", "RUSGOV", "042", "CONSULT", 1, 1.9, "Moscow", "RUS", 55.7558, 37.6173)
	moscow.events[2].Hypothetical, moscow.events[2].Mode = true, "hypothetical"
	moscow.tone(-0.4)

	wire := build("wire-4411", "https://wire.example/4411", "Wire Service", "2023-02-22T16:20:00Z",
		"China's Wang meets Putin as ties deepen",
		`China's foreign policy chief met Vladimir Putin in Moscow on Wednesday. The meeting at the Kremlin came days before the anniversary of the war in Ukraine, and both sides described the talks as constructive and frank.`)
	wire.entity("Vladimir Putin", record.PER, &record.Actor{Code: "RUSGOV", Country: "RUS", Name: "Vladimir Putin", Role: "President"})
	wire.place("Moscow", "Moscow", "RUS", 55.7558, 37.6173)
	wire.event("met", "RUSGOV", "CHNGOV", "042", "CONSULT", 1, 1.9, "Moscow", "RUS", 55.7558, 37.6173)
	wire.tone(1.2)

	// A syndicated copy of moscow: new headline, one paragraph dropped.
	paras := strings.Split(moscowBody, "\n\n")
	copyBody := strings.Join(append(append([]string{}, paras[:2]...), paras[3:]...), "\n\n")
	herald := build("herald-moscow", "https://herald.example/moscow", "Regional Herald", "2023-02-23",
		"Kremlin talks with Beijing envoy cover trade and Ukraine", copyBody)
	herald.entity("Kremlin", record.ORG, &record.Actor{Code: "RUSGOV", Country: "RUS", Name: "Kremlin"})
	herald.event("received", "RUSGOV", "CHNGOV", "042", "CONSULT", 1, 1.9, "Moscow", "RUS", 55.7558, 37.6173)
	herald.events[0].Date = "2023-02-22"
	herald.amount("$190 billion", 190e9, "USD", "trade")
	herald.tone(-0.2)

	strike := build("kyiv-strike", "https://ledger.example/world/kyiv-strike", "Daily Ledger", "2023-03-10",
		"Missiles hit Kyiv energy sites overnight",
		`Russian forces fired missiles at energy facilities in Kyiv overnight, Ukrainian officials said, cutting power to parts of the capital. At least six people were killed and 30 injured, the city's mayor said. Ukraine's air force said it shot down most of the drones.`)
	strike.entity("Russian forces", record.ORG, &record.Actor{Code: "RUSMIL", Country: "RUS", Sector: "MIL"})
	strike.entity("Ukraine", record.LOC, &record.Actor{Code: "UKR", Country: "UKR", Name: "Ukraine"})
	strike.place("Kyiv", "Kyiv", "UKR", 50.45, 30.5236)
	strike.amount("six people", 6, "", "people killed")
	strike.amount("30", 30, "", "people injured")
	strike.event("fired missiles", "RUSMIL", "UKR", "195", "ASSAULT", 4, -10, "Kyiv", "UKR", 50.45, 30.5236)
	strike.tone(-6.5)

	sanctions := build("chip-sanctions", "", "Capital Times", "2023-04-03",
		"Washington widens chip sanctions on Chinese firms",
		`The United States added two dozen Chinese companies to its export blacklist on Monday, the Commerce Department said, in a widening of curbs on advanced chips. China's commerce ministry said it firmly opposed the move and would protect the rights of its firms.`)
	sanctions.entity("United States", record.LOC, &record.Actor{Code: "USA", Country: "USA", Name: "United States"})
	sanctions.entity("Commerce Department", record.ORG, &record.Actor{Code: "USAGOV", Country: "USA", Name: "Department of Commerce"})
	sanctions.entity("China", record.LOC, &record.Actor{Code: "CHN", Country: "CHN", Name: "China"})
	sanctions.quote("it firmly opposed the move and would protect the rights of its firms", "China's commerce ministry", "CHNGOV")
	sanctions.event("added", "USAGOV", "CHNBUS", "163", "SANCTION", 4, -8, "", "", 0, 0)
	sanctions.event("opposed", "CHNGOV", "USAGOV", "111", "DISAPPROVE", 3, -2, "", "", 0, 0)
	sanctions.tone(-3.1)

	protest := build("tbilisi-protest", "https://ledger.example/world/tbilisi", "Daily Ledger", "2023-03-08",
		"Thousands rally in Tbilisi against foreign agents bill",
		`Thousands of people rallied outside parliament in Tbilisi for a second night, demanding that lawmakers drop a bill on foreign agents. Police used water cannon to disperse the crowd.`)
	protest.place("Tbilisi", "Tbilisi", "GEO", 41.7151, 44.8271)
	protest.event("rallied", "GEOOPP", "GEOLEG", "141", "PROTEST", 3, -6.5, "Tbilisi", "GEO", 41.7151, 44.8271)
	protest.event("water cannon", "GEOCOP", "GEOOPP", "175", "COERCE", 4, -9, "Tbilisi", "GEO", 41.7151, 44.8271)
	protest.tone(-4.0)

	denial := build("no-talks", "https://wire.example/4500", "Wire Service", "2023-05-02",
		"No talks planned, ministry says",
		`The foreign ministry said on Tuesday that its minister would not meet his counterpart at the summit.`)
	denial.event("meet", "IRNGOV", "USAGOV", "036", "CONSULT", 1, 4, "", "", 0, 0)
	denial.events[0].Negated, denial.events[0].Mode = true, "negated"

	var out []*record.Record
	for _, b := range []*builder{moscow, wire, herald, strike, sanctions, protest, denial} {
		out = append(out, b.record())
	}
	return out
}

// builder makes a record whose spans are found by searching the text.
type builder struct {
	r      record.Record
	events []record.Event
}

func build(id, url, source, published, title, body string) *builder {
	return &builder{r: record.Record{Schema: record.Schema, ID: id, URL: url, Source: source, Title: title,
		Published: published, Language: "en", Text: title + "\n\n" + body,
		Sentences: []record.Sentence{}, Entities: []record.Entity{}, Places: []record.Place{}, Dates: []record.Date{},
		Amounts: []record.Amount{}, Quotes: []record.Quote{}, Events: []record.Event{}}}
}

// span returns the code-point span of the first s in the body (after the
// title); it panics on a broken fixture.
func (b *builder) span(s string) (int, int) {
	skip := len(b.r.Title) + 2
	i := strings.Index(b.r.Text[skip:], s)
	if i < 0 {
		i = strings.Index(b.r.Text, s)
		if i < 0 {
			panic(fmt.Sprintf("BUG: fixture %s: %q not in text", b.r.ID, s))
		}
	} else {
		i += skip
	}
	start := utf8.RuneCountInString(b.r.Text[:i])
	return start, start + utf8.RuneCountInString(s)
}

func (b *builder) entity(s, typ string, a *record.Actor) {
	x, y := b.span(s)
	b.r.Entities = append(b.r.Entities, record.Entity{Start: x, End: y, Text: s, Type: typ, Actor: a})
}

func (b *builder) place(s, name, country string, lat, lon float64) {
	x, y := b.span(s)
	b.r.Places = append(b.r.Places, record.Place{Start: x, End: y, Text: s, Name: name, Country: country, Lat: lat, Lon: lon, Feature: "PPLC"})
}

func (b *builder) date(s, typ, value string) {
	x, y := b.span(s)
	b.r.Dates = append(b.r.Dates, record.Date{Start: x, End: y, Text: s, Type: typ, Value: value})
}

func (b *builder) amount(s string, v float64, unit, object string) {
	x, y := b.span(s)
	b.r.Amounts = append(b.r.Amounts, record.Amount{Start: x, End: y, Text: s, Value: v, Unit: unit, Object: object})
}

func (b *builder) quote(s, speaker, code string) {
	x, y := b.span(s)
	sx, sy := b.span(speaker)
	b.r.Quotes = append(b.r.Quotes, record.Quote{Start: x, End: y, Text: s, Kind: record.QuoteDirect,
		Speaker: &record.Speaker{Start: sx, End: sy, Text: speaker, Actor: &record.Actor{Code: code, Country: code[:3]}}})
}

func (b *builder) event(trigger, src, tgt, cameo, plover string, quad int, goldstein float64, place, country string, lat, lon float64) {
	x, y := b.span(trigger)
	e := record.Event{Source: record.EventActor{Code: src, Country: src[:3], Text: src, Start: x, End: x},
		CAMEO: cameo, PLOVER: plover, QuadClass: quad, Goldstein: goldstein, Start: x, End: y, Trigger: trigger,
		Confidence: 0.9}
	if tgt != "" {
		e.Target = &record.EventActor{Code: tgt, Country: tgt[:3], Text: tgt, Start: y, End: y}
	}
	if place != "" {
		e.Place = &record.EventPlace{Name: place, Country: country, Lat: lat, Lon: lon}
	}
	b.events = append(b.events, e)
}

func (b *builder) tone(t float64) {
	b.r.Tone = &record.Tone{Tone: t, Positive: 2, Negative: 2 - t, Polarity: 4 - t, WordCount: len(strings.Fields(b.r.Text))}
}

func (b *builder) record() *record.Record {
	r := b.r
	r.Events = append([]record.Event{}, b.events...)
	r.Sentences = []record.Sentence{{Start: 0, End: utf8.RuneCountInString(r.Text)}}
	return &r
}

// Synthetic returns n generated records with events spread over dyads,
// codes, days and places, for scale tests and benchmarks. The same n gives
// the same records.
func Synthetic(n, eventsPer int) []*record.Record {
	countries := []string{"RUS", "CHN", "USA", "UKR", "ISR", "PSE", "IRN", "TUR", "IND", "FRA", "DEU", "GBR"}
	sectors := []string{"", "GOV", "MIL", "BUS", "OPP"}
	codes := []struct {
		cameo, plover string
		quad          int
		g             float64
	}{{"042", "CONSULT", 1, 1.9}, {"036", "CONSULT", 1, 4}, {"057", "AGREE", 1, 8}, {"071", "AID", 2, 7.4},
		{"111", "DISAPPROVE", 3, -2}, {"130", "THREATEN", 3, -4.4}, {"163", "SANCTION", 4, -8}, {"190", "ASSAULT", 4, -10},
		{"141", "PROTEST", 3, -6.5}, {"0311", "COOPERATE", 1, 5.2}}
	places := []struct {
		name, country string
		lat, lon      float64
	}{{"Moscow", "RUS", 55.75, 37.62}, {"Beijing", "CHN", 39.9, 116.4}, {"Kyiv", "UKR", 50.45, 30.52},
		{"Washington", "USA", 38.9, -77.04}, {"Gaza", "PSE", 31.5, 34.47}, {"Tehran", "IRN", 35.69, 51.39}}
	rng := uint64(12345)
	next := func(k int) int {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		return int(rng % uint64(k))
	}
	out := make([]*record.Record, 0, n)
	for i := 0; i < n; i++ {
		day := fmt.Sprintf("%04d-%02d-%02d", 2020+next(4), 1+next(12), 1+next(28))
		words := make([]string, 0, 60)
		for j := 0; j < 40; j++ {
			words = append(words, fmt.Sprintf("w%d", next(5000)))
		}
		r := &record.Record{Schema: record.Schema, ID: fmt.Sprintf("syn-%06d", i), Source: fmt.Sprintf("outlet%d", next(50)),
			Title: fmt.Sprintf("Synthetic report %d", i), Published: day, Language: "en",
			Text: fmt.Sprintf("Synthetic report %d\n\n%s.", i, strings.Join(words, " ")),
			Tone: &record.Tone{Tone: float64(next(200)-100) / 10, WordCount: 40}}
		for j := 0; j < eventsPer; j++ {
			a, bb := countries[next(len(countries))], countries[next(len(countries))]
			c := codes[next(len(codes))]
			p := places[next(len(places))]
			e := record.Event{Source: record.EventActor{Code: a + sectors[next(len(sectors))], Country: a},
				Target: &record.EventActor{Code: bb + sectors[next(len(sectors))], Country: bb},
				CAMEO:  c.cameo, PLOVER: c.plover, QuadClass: c.quad, Goldstein: c.g, Start: j, End: j + 1,
				Trigger: "w", Confidence: 0.5, Place: &record.EventPlace{Name: p.name, Country: p.country, Lat: p.lat, Lon: p.lon}}
			r.Events = append(r.Events, e)
		}
		out = append(out, r)
	}
	return out
}

package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
)

// EventColumns is the number of columns of a GDELT 2.0 Event row.
const EventColumns = 61

// writeGDELTEvents writes the GDELT 2.0 Event table: one tab-separated row
// per event, no header, GDELT's column order. How our fields map onto
// GDELT's is in gdelt.eventRow.
func writeGDELTEvents(ctx context.Context, s store.Store, w io.Writer, o Options) (int, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	g := &gdelt{added: o.Added}
	n := 0
	err := eachEvent(ctx, s, o.Filter, func(e store.Event) error {
		ms, err := s.Mentions(ctx, e.ID)
		if err != nil {
			return err
		}
		n++
		writeRow(bw, g.eventRow(e, ms))
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("cannot export events: %w", err)
	}
	return n, bw.Flush()
}

// gdelt writes rows of GDELT's tables: the time they are added and the
// geocoder of their places.
type gdelt struct {
	added time.Time
	geo   geocoder
}

// writeRow writes cells tab-separated with a newline.
func writeRow(w *bufio.Writer, cells []string) {
	for i, c := range cells {
		if i > 0 {
			w.WriteByte('\t')
		}
		w.WriteString(c)
	}
	w.WriteByte('\n')
}

// clean makes s safe for a tab-separated cell: no tabs or line breaks.
func clean(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}

// eventRow maps an event and its mentions onto the 61 columns of GDELT
// 2.0's Event table, field by field as GDELT's Event codebook (2.0) reads
// (docs/EXPORTS.md lists what differs):
//
//   - GLOBALEVENTID: the top 63 bits of our 64-bit event id, in decimal;
//   - SQLDATE, MonthYear, Year, FractionDate: from the event's date, which
//     is the date the text gives for it, else the article's publication
//     date; all four empty for an undated event (neither);
//   - Actor1/Actor2 Code, Name (upper case), CountryCode (the CAMEO country
//     code, ISO 3166-1 alpha-3 as in GDELT), Type1..3Code: the three-letter
//     role codes that follow the country in the CAMEO actor code (GOV,
//     MIL, ...); KnownGroup, Ethnic and Religion codes are empty;
//   - IsRootEvent: 1 when a mention is in the first three sentences
//     (headline and lead);
//   - EventCode, EventBaseCode, EventRootCode: the CAMEO code and its
//     three- and two-digit prefixes; QuadClass, GoldsteinScale;
//   - NumMentions, NumSources, NumArticles, AvgTone: from the store's
//     mention counts (NumSources at least 1: an article whose outlet is
//     unknown is still one source);
//   - Actor1Geo and Actor2Geo: no location (type 0); ActionGeo: the
//     event's place: type 1 country, 2 US state, 3 US city, 4 world city,
//     5 world state; FIPS 10-4 country code; ADM1 code (FIPS country code
//     and the GeoNames first-order division code, "USNY"); ADM2 empty;
//     latitude, longitude; FeatureID (the FIPS code of a country, the ADM1
//     code of a state, else the GeoNames id);
//   - DATEADDED: the time of the export, YYYYMMDDHHMMSS (UTC), always set;
//   - SOURCEURL: the first article's URL, else its id.
func (g *gdelt) eventRow(e store.Event, ms []store.Mention) []string {
	c := make([]string, 0, EventColumns)
	id := ""
	if v, err := strconv.ParseUint(e.ID, 16, 64); err == nil {
		id = strconv.FormatUint(v>>1, 10)
	}
	c = append(c, id)
	c = append(c, gdeltDates(e.Date)...)
	c = append(c, gdeltActor(&e.Source)...)
	c = append(c, gdeltActor(e.Target)...)
	root := "0"
	for _, m := range ms {
		if m.Sentence <= 2 {
			root = "1"
		}
	}
	base, rootCode := e.CAMEO, e.CAMEO
	if len(base) > 3 {
		base = base[:3]
	}
	if len(rootCode) > 2 {
		rootCode = rootCode[:2]
	}
	c = append(c, root, e.CAMEO, base, rootCode, strconv.Itoa(e.QuadClass), strconv.FormatFloat(e.Goldstein, 'f', 1, 64),
		strconv.Itoa(e.NumMentions), strconv.Itoa(max(1, e.NumSources)), strconv.Itoa(e.NumArticles), strconv.FormatFloat(math.Round(e.AvgTone*1e6)/1e6, 'f', -1, 64))
	none := gdeltPlace{}
	c = append(c, none.eventCells()...) // Actor1Geo
	c = append(c, none.eventCells()...) // Actor2Geo
	action := none
	if p := e.Place; p != nil {
		action = g.geo.place(p.Name, p.Country, p.Lat, p.Lon, "", 0)
	}
	c = append(c, action.eventCells()...)
	url := e.SourceURL
	if url == "" {
		url = e.FirstArticle
	}
	c = append(c, g.added.UTC().Format(gdeltTime), url)
	for i := range c {
		c[i] = clean(c[i])
	}
	if len(c) != EventColumns {
		panic(fmt.Sprintf("BUG: export: GDELT event row has %d columns", len(c)))
	}
	return c
}

// gdeltTime is the layout of DATEADDED and of GKG's DATE.
const gdeltTime = "20060102150405"

// gdeltDates returns SQLDATE, MonthYear, Year and FractionDate.
func gdeltDates(day string) []string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return []string{"", "", "", ""}
	}
	frac := float64(t.Year()) + float64(t.YearDay()-1)/365
	return []string{t.Format("20060102"), t.Format("200601"), t.Format("2006"), strconv.FormatFloat(frac, 'f', 4, 64)}
}

// gdeltActor returns the ten Actor columns.
func gdeltActor(a *store.ActorRef) []string {
	if a == nil || a.Code == "" {
		return make([]string, 10)
	}
	name := strings.ToUpper(a.Name)
	if name == "" {
		name = a.Code
	}
	var types [3]string
	rest := ""
	if len(a.Code) > 3 && store.ActorKey(a.Code, a.Country) == a.Code[:3] {
		rest = a.Code[3:]
	}
	for i := 0; i < 3 && len(rest) >= 3; i++ {
		types[i], rest = rest[:3], rest[3:]
	}
	return []string{a.Code, name, a.Country, "", "", "", "", types[0], types[1], types[2]}
}

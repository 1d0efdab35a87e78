package export

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// GKGColumns is the number of columns of a GKG 2.1 row.
const GKGColumns = 27

func writeGKG(ctx context.Context, s store.Store, w io.Writer, o Options) (int, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	g := &gdelt{added: o.Added}
	n := 0
	err := s.Records(ctx, o.Filter, func(r *record.Record) error {
		n++
		writeRow(bw, g.gkgRow(r, n))
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("cannot export records: %w", err)
	}
	return n, bw.Flush()
}

// sub makes s safe inside a GKG block: none of the delimiters , ; # | and
// no tabs or line breaks.
func sub(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == '#' || r == '|' || r == '\t' || r == '\n' || r == '\r'
	}), " ")
}

// subLoc makes s safe inside a GKG location field: none of ; # | and no
// tabs or line breaks; commas stay.
func subLoc(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ';' || r == '#' || r == '|' || r == '\t' || r == '\n' || r == '\r'
	}), " ")
}

// gkgRow maps a record onto the 27 columns of GDELT's GKG 2.1, field by
// field as GDELT's GKG codebook (2.1) reads; seq numbers the rows of one
// export for GKGRECORDID. DATE is the publication date or time (UTC), else
// the time the row is added. Counts, themes, GCAM beyond the word count,
// images and translation info are empty: we do not compute them. Offsets
// are code-point offsets into the record's text. Locations as the Event
// table's geography (gdelt.eventRow): type 1 country, 2 US state, 3 US
// city, 4 world city, 5 world state, FIPS 10-4 country and ADM1 codes.
func (g *gdelt) gkgRow(r *record.Record, seq int) []string {
	date := g.added.UTC().Format(gdeltTime)
	if t, ok := publishedTime(r.Published); ok {
		date = t.Format(gdeltTime)
	}
	collection, docID := "1", r.URL
	if docID == "" {
		collection, docID = "2", r.ID // citation only
	}
	common := r.Source
	if common == "" {
		common = store.ArticleSource(r)
	}
	var v1Loc, v2Loc, v1Per, v2Per, v1Org, v2Org, dates, quotes, names, amounts []string
	seen := map[string]bool{}
	for _, p := range r.Places {
		gp := g.geo.place(p.Name, p.Country, p.Lat, p.Lon, p.Feature, p.GeonameID)
		if gp.typ == geoNone {
			continue
		}
		// GDELT's full names keep their commas ("Moscow, Moskva, Russia").
		typ, lat, lon, name := strconv.Itoa(gp.typ), latLon(gp.lat), latLon(gp.lon), subLoc(gp.fullName)
		if !seen["loc:"+name] {
			seen["loc:"+name] = true
			v1Loc = append(v1Loc, strings.Join([]string{typ, name, gp.country, gp.adm1, lat, lon, gp.featureID}, "#"))
		}
		v2Loc = append(v2Loc, strings.Join([]string{typ, name, gp.country, gp.adm1, "", lat, lon, gp.featureID, strconv.Itoa(p.Start)}, "#"))
	}
	for _, e := range r.Entities {
		name := sub(e.Text)
		if name == "" {
			continue
		}
		off := strconv.Itoa(e.Start)
		switch e.Type {
		case record.PER:
			if !seen["per:"+name] {
				seen["per:"+name] = true
				v1Per = append(v1Per, strings.ToLower(name))
			}
			v2Per = append(v2Per, strings.ToLower(name)+","+off)
		case record.ORG:
			if !seen["org:"+name] {
				seen["org:"+name] = true
				v1Org = append(v1Org, strings.ToLower(name))
			}
			v2Org = append(v2Org, strings.ToLower(name)+","+off)
		}
		names = append(names, name+","+off)
	}
	for _, d := range r.Dates {
		if d.Type != record.DATE {
			continue
		}
		if b := gkgEnhancedDate(d.Value); b != "" {
			dates = append(dates, b+"#"+strconv.Itoa(d.Start))
		}
	}
	for _, q := range r.Quotes {
		verb := ""
		if q.Cue != nil {
			verb = sub(q.Cue.Text)
		}
		quotes = append(quotes, strings.Join([]string{strconv.Itoa(q.Start), strconv.Itoa(q.End - q.Start), verb, sub(q.Text)}, "|"))
	}
	for _, a := range r.Amounts {
		obj := a.Object
		if obj == "" {
			obj = a.Unit
		}
		amounts = append(amounts, strconv.FormatFloat(a.Value, 'f', -1, 64)+","+sub(obj)+","+strconv.Itoa(a.Start))
	}
	tone, gcam := "", ""
	if t := r.Tone; t != nil {
		f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
		tone = strings.Join([]string{f(t.Tone), f(t.Positive), f(t.Negative), f(t.Polarity), f(t.Activity), f(t.SelfGroup), strconv.Itoa(t.WordCount)}, ",")
		gcam = "wc:" + strconv.Itoa(t.WordCount)
	}
	join := func(xs []string, sep string) string {
		s := strings.Join(xs, sep)
		if len(xs) > 0 && sep == ";" {
			s += ";" // GDELT ends block lists with the delimiter
		}
		return s
	}
	extras := ""
	if r.Title != "" {
		extras = "<PAGE_TITLE>" + xmlEscape(r.Title) + "</PAGE_TITLE>"
	}
	recID := date + "-" + strconv.Itoa(seq)
	c := []string{recID, date, collection, common, docID,
		"", "", // V1COUNTS, V2.1COUNTS
		"", "", // V1THEMES, V2ENHANCEDTHEMES
		join(v1Loc, ";"), join(v2Loc, ";"),
		join(v1Per, ";"), join(v2Per, ";"),
		join(v1Org, ";"), join(v2Org, ";"),
		tone, join(dates, ";"), gcam,
		"", "", "", "", // images and embeds
		strings.Join(quotes, "#"), join(names, ";"), join(amounts, ";"),
		"", extras}
	for i := range c {
		c[i] = clean(c[i])
	}
	if len(c) != GKGColumns {
		panic(fmt.Sprintf("BUG: export: GKG row has %d columns", len(c)))
	}
	return c
}

// gkgEnhancedDate turns a TIMEX3 date value into GKG's
// Resolution#Month#Day#Year: 4 full date, 3 month and day, 2 month and
// year, 1 year only; "" for values it cannot express.
func gkgEnhancedDate(v string) string {
	v, _, _ = strings.Cut(v, "T")
	p := strings.Split(v, "-")
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	switch len(p) {
	case 1:
		if y, ok := num(p[0]); ok && len(p[0]) == 4 {
			return "1#0#0#" + strconv.Itoa(y)
		}
	case 2:
		y, oky := num(p[0])
		m, okm := num(p[1])
		if oky && okm && m >= 1 && m <= 12 {
			return "2#" + strconv.Itoa(m) + "#0#" + strconv.Itoa(y)
		}
	case 3:
		y, oky := num(p[0])
		m, okm := num(p[1])
		d, okd := num(p[2])
		if !okm || !okd || m < 1 || m > 12 || d < 1 || d > 31 {
			return ""
		}
		if !oky {
			return "3#" + strconv.Itoa(m) + "#" + strconv.Itoa(d) + "#0"
		}
		return "4#" + strconv.Itoa(m) + "#" + strconv.Itoa(d) + "#" + strconv.Itoa(y)
	}
	return ""
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

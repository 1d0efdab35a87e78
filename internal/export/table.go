package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/newsgraph/newsgraph/internal/store"
)

// EventRow is one event as a flat row: the one event table of `export
// --format csv|parquet`, `query events --format csv` and the workbench's
// events.csv, in EventHeader's order. A value that the event does not have
// is nil: NULL in Parquet, an empty cell in CSV (never 0 for a missing
// latitude, nor "" for a missing name in Parquet). Dates are Parquet DATE,
// the first article's publication TIMESTAMP (UTC, milliseconds), numbers
// INT32 and DOUBLE.
type EventRow struct {
	ID             string     `parquet:"id"`
	Date           *time.Time `parquet:"date,date"` // nil for an undated event
	SourceCode     string     `parquet:"source_code"`
	SourceCountry  *string    `parquet:"source_country"`
	SourceName     *string    `parquet:"source_name"`
	TargetCode     *string    `parquet:"target_code"`
	TargetCountry  *string    `parquet:"target_country"`
	TargetName     *string    `parquet:"target_name"`
	CAMEO          string     `parquet:"cameo"`
	PLOVER         *string    `parquet:"plover"`
	QuadClass      int32      `parquet:"quad_class"`
	Goldstein      float64    `parquet:"goldstein"`
	Place          *string    `parquet:"place"`
	PlaceCountry   *string    `parquet:"place_country"`
	Lat            *float64   `parquet:"lat"`
	Lon            *float64   `parquet:"lon"`
	NumMentions    int32      `parquet:"num_mentions"`
	NumArticles    int32      `parquet:"num_articles"`
	NumStories     int32      `parquet:"num_stories"`
	NumSources     int32      `parquet:"num_sources"`
	AvgTone        float64    `parquet:"avg_tone"`
	FirstArticle   string     `parquet:"first_article"`
	FirstPublished *time.Time `parquet:"first_published,timestamp(millisecond)"` // nil when the article has no date
	SourceURL      *string    `parquet:"source_url"`
	Trigger        *string    `parquet:"trigger"`
	Mode           *string    `parquet:"mode"` // negated or hypothetical (exported with every mode only); nil for a counted event
}

// EventHeader is the CSV header of the event table, in EventRow's order.
var EventHeader = []string{"id", "date", "source_code", "source_country", "source_name", "target_code", "target_country",
	"target_name", "cameo", "plover", "quad_class", "goldstein", "place", "place_country", "lat", "lon",
	"num_mentions", "num_articles", "num_stories", "num_sources", "avg_tone", "first_article", "first_published", "source_url", "trigger", "mode"}

// opt returns nil for "", else &s.
func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// publishedTime reads a publication date or time as records give it
// (RFC 3339, or YYYY-MM-DD for midnight UTC).
func publishedTime(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), true
	}
	if d := store.Day(s); d != "" {
		t, err := time.Parse(time.DateOnly, d)
		return t, err == nil
	}
	return time.Time{}, false
}

// NewEventRow flattens e.
func NewEventRow(e store.Event) EventRow {
	r := EventRow{ID: e.ID, SourceCode: e.Source.Code, SourceCountry: opt(e.Source.Country), SourceName: opt(e.Source.Name),
		CAMEO: e.CAMEO, PLOVER: opt(e.PLOVER), QuadClass: int32(e.QuadClass), Goldstein: e.Goldstein,
		NumMentions: int32(e.NumMentions), NumArticles: int32(e.NumArticles), NumStories: int32(e.NumStories),
		NumSources: int32(e.NumSources), AvgTone: e.AvgTone, FirstArticle: e.FirstArticle, SourceURL: opt(e.SourceURL), Trigger: opt(e.Trigger),
		Mode: opt(e.Mode)}
	if d, err := time.Parse(time.DateOnly, e.Date); err == nil {
		r.Date = &d
	}
	if t, ok := publishedTime(e.Published); ok {
		r.FirstPublished = &t
	}
	if e.Target != nil {
		r.TargetCode, r.TargetCountry, r.TargetName = opt(e.Target.Code), opt(e.Target.Country), opt(e.Target.Name)
	}
	if p := e.Place; p != nil {
		lat, lon := p.Lat, p.Lon
		r.Place, r.PlaceCountry, r.Lat, r.Lon = opt(p.Name), opt(p.Country), &lat, &lon
	}
	return r
}

// EventCells returns e as the cells of one CSV row of the event table.
func EventCells(e store.Event) []string {
	r := NewEventRow(e)
	return r.Cells()
}

// Cells returns the row's CSV cells; a nil value is an empty cell.
func (r *EventRow) Cells() []string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	i := func(x int32) string { return strconv.Itoa(int(x)) }
	s := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	pf := func(p *float64) string {
		if p == nil {
			return ""
		}
		return f(*p)
	}
	date, pub := "", ""
	if r.Date != nil {
		date = r.Date.Format(time.DateOnly)
	}
	if r.FirstPublished != nil {
		pub = r.FirstPublished.Format(time.RFC3339)
	}
	return []string{r.ID, date, r.SourceCode, s(r.SourceCountry), s(r.SourceName), s(r.TargetCode), s(r.TargetCountry), s(r.TargetName),
		r.CAMEO, s(r.PLOVER), i(r.QuadClass), f(r.Goldstein), s(r.Place), s(r.PlaceCountry), pf(r.Lat), pf(r.Lon),
		i(r.NumMentions), i(r.NumArticles), i(r.NumStories), i(r.NumSources), f(r.AvgTone), r.FirstArticle, pub, s(r.SourceURL), s(r.Trigger), s(r.Mode)}
}

// EventCSV writes the event table as CSV, header first.
type EventCSV struct {
	w      *csv.Writer
	header bool
}

// NewEventCSV returns a writer of the event table to w.
func NewEventCSV(w io.Writer) *EventCSV { return &EventCSV{w: csv.NewWriter(w)} }

// Write writes events, after the header on the first call.
func (c *EventCSV) Write(evs ...store.Event) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(EventHeader); err != nil {
			return err
		}
	}
	for _, e := range evs {
		if err := c.w.Write(EventCells(e)); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes out what is buffered, the header too when no event was
// written, and returns the first error.
func (c *EventCSV) Flush() error {
	if !c.header {
		if err := c.Write(); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}

func writeCSV(ctx context.Context, s store.Store, w io.Writer, f store.Filter) (int, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	cw := NewEventCSV(bw)
	n := 0
	err := eachEvent(ctx, s, f, func(e store.Event) error {
		n++
		return cw.Write(e)
	})
	if err != nil {
		return n, fmt.Errorf("cannot export events: %w", err)
	}
	if err := cw.Flush(); err != nil {
		return n, err
	}
	return n, bw.Flush()
}

func writeParquet(ctx context.Context, s store.Store, w io.Writer, f store.Filter) (int, error) {
	pw := parquet.NewGenericWriter[EventRow](w, parquet.Compression(&parquet.Zstd))
	buf := make([]EventRow, 0, 1024)
	n := 0
	flush := func() error {
		if _, err := pw.Write(buf); err != nil {
			return err
		}
		buf = buf[:0]
		return nil
	}
	err := eachEvent(ctx, s, f, func(e store.Event) error {
		n++
		buf = append(buf, NewEventRow(e))
		if len(buf) == cap(buf) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return n, fmt.Errorf("cannot export events: %w", err)
	}
	if err := pw.Close(); err != nil {
		return n, fmt.Errorf("cannot finish parquet file: %w", err)
	}
	return n, nil
}

package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/parquet-go/parquet-go"

	"github.com/newsgraph/newsgraph/internal/store"
)

// EventRow is one event as a flat row, for CSV and Parquet.
type EventRow struct {
	ID            string  `parquet:"id"`
	Date          string  `parquet:"date"`
	SourceCode    string  `parquet:"source_code"`
	SourceCountry string  `parquet:"source_country"`
	SourceName    string  `parquet:"source_name"`
	TargetCode    string  `parquet:"target_code"`
	TargetCountry string  `parquet:"target_country"`
	TargetName    string  `parquet:"target_name"`
	CAMEO         string  `parquet:"cameo"`
	PLOVER        string  `parquet:"plover"`
	QuadClass     int32   `parquet:"quad_class"`
	Goldstein     float64 `parquet:"goldstein"`
	Place         string  `parquet:"place"`
	PlaceCountry  string  `parquet:"place_country"`
	Lat           float64 `parquet:"lat"`
	Lon           float64 `parquet:"lon"`
	HasPlace      bool    `parquet:"has_place"`
	NumMentions   int32   `parquet:"num_mentions"`
	NumArticles   int32   `parquet:"num_articles"`
	NumStories    int32   `parquet:"num_stories"`
	NumSources    int32   `parquet:"num_sources"`
	AvgTone       float64 `parquet:"avg_tone"`
	FirstArticle  string  `parquet:"first_article"`
	SourceURL     string  `parquet:"source_url"`
	Trigger       string  `parquet:"trigger"`
}

// eventHeader is the CSV header, in EventRow's order.
var eventHeader = []string{"id", "date", "source_code", "source_country", "source_name", "target_code", "target_country",
	"target_name", "cameo", "plover", "quad_class", "goldstein", "place", "place_country", "lat", "lon", "has_place",
	"num_mentions", "num_articles", "num_stories", "num_sources", "avg_tone", "first_article", "source_url", "trigger"}

// NewEventRow flattens e.
func NewEventRow(e store.Event) EventRow {
	r := EventRow{ID: e.ID, Date: e.Date, SourceCode: e.Source.Code, SourceCountry: e.Source.Country, SourceName: e.Source.Name,
		CAMEO: e.CAMEO, PLOVER: e.PLOVER, QuadClass: int32(e.QuadClass), Goldstein: e.Goldstein,
		NumMentions: int32(e.NumMentions), NumArticles: int32(e.NumArticles), NumStories: int32(e.NumStories),
		NumSources: int32(e.NumSources), AvgTone: e.AvgTone, FirstArticle: e.FirstArticle, SourceURL: e.SourceURL, Trigger: e.Trigger}
	if e.Target != nil {
		r.TargetCode, r.TargetCountry, r.TargetName = e.Target.Code, e.Target.Country, e.Target.Name
	}
	if e.Place != nil {
		r.Place, r.PlaceCountry, r.Lat, r.Lon, r.HasPlace = e.Place.Name, e.Place.Country, e.Place.Lat, e.Place.Lon, true
	}
	return r
}

func (r *EventRow) cells() []string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	i := func(x int32) string { return strconv.Itoa(int(x)) }
	lat, lon := "", ""
	if r.HasPlace {
		lat, lon = f(r.Lat), f(r.Lon)
	}
	return []string{r.ID, r.Date, r.SourceCode, r.SourceCountry, r.SourceName, r.TargetCode, r.TargetCountry, r.TargetName,
		r.CAMEO, r.PLOVER, i(r.QuadClass), f(r.Goldstein), r.Place, r.PlaceCountry, lat, lon, strconv.FormatBool(r.HasPlace),
		i(r.NumMentions), i(r.NumArticles), i(r.NumStories), i(r.NumSources), f(r.AvgTone), r.FirstArticle, r.SourceURL, r.Trigger}
}

func writeCSV(ctx context.Context, s store.Store, w io.Writer, f store.Filter) (int, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write(eventHeader); err != nil {
		return 0, err
	}
	n := 0
	err := eachEvent(ctx, s, f, func(e store.Event) error {
		n++
		r := NewEventRow(e)
		return cw.Write(r.cells())
	})
	if err != nil {
		return n, fmt.Errorf("cannot export events: %w", err)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
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

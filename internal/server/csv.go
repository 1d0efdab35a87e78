package server

import (
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/newsgraph/newsgraph/internal/store"
)

var csvHeader = []string{"id", "date", "source_code", "source_name", "cameo", "plover", "target_code", "target_name",
	"quad_class", "goldstein", "place", "country", "lat", "lon", "num_mentions", "num_articles", "num_sources", "avg_tone", "first_article", "source_url", "trigger"}

// eventsCSV streams every event matching the filter, up to
// opts.MaxExportRows, as CSV.
func (s *Server) eventsCSV(w http.ResponseWriter, r *http.Request) {
	q := cleanQuery(r.URL.Query())
	p, err := newParams(q, filterParams)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	f, err := p.filter(store.MaxLimit)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	f.Limit = 1000
	// Fetch the first page before writing, so that a bad filter is a 400.
	pg, err := s.st.Events(r.Context(), f)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="events.csv"`)
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	rows := 0
	row := make([]string, len(csvHeader))
	ff := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	for {
		for _, e := range pg.Items {
			if rows >= s.opts.MaxExportRows {
				cw.Flush()
				return
			}
			rows++
			row = row[:0]
			row = append(row, e.ID, e.Date, e.Source.Code, e.Source.Name, e.CAMEO, e.PLOVER)
			if e.Target != nil {
				row = append(row, e.Target.Code, e.Target.Name)
			} else {
				row = append(row, "", "")
			}
			row = append(row, strconv.Itoa(e.QuadClass), ff(e.Goldstein))
			if e.Place != nil {
				row = append(row, e.Place.Name, e.Place.Country, ff(e.Place.Lat), ff(e.Place.Lon))
			} else {
				row = append(row, "", "", "", "")
			}
			row = append(row, strconv.Itoa(e.NumMentions), strconv.Itoa(e.NumArticles), strconv.Itoa(e.NumSources), ff(e.AvgTone), e.FirstArticle, e.SourceURL, e.Trigger)
			cw.Write(row)
		}
		if pg.Next == "" {
			break
		}
		f.Cursor = pg.Next
		if pg, err = s.st.Events(r.Context(), f); err != nil {
			s.log.Error("CSV export stopped", "err", err)
			break
		}
	}
	cw.Flush()
}

package server

import (
	"net/http"

	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/store"
)

// eventsCSV streams every event matching the filter, up to
// opts.MaxExportRows, as CSV in the one event table layout
// (export.EventHeader) that `export --format csv` and `query events
// --format csv` write too.
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
	cw := export.NewEventCSV(w)
	rows := 0
	for {
		for _, e := range pg.Items {
			if rows >= s.opts.MaxExportRows {
				cw.Flush()
				return
			}
			rows++
			cw.Write(e)
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

package server

import (
	"context"
	_ "embed"
	"errors"
	"net/http"
	"strings"

	"github.com/newsgraph/newsgraph/internal/store"
)

//go:embed openapi.json
var openapiJSON []byte

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openapiJSON)
}

// listing serves one paged listing of the store.
func listing[T any](s *Server, list func(context.Context, store.Filter) (store.Page[T], error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p, err := newParams(r.URL.Query(), filterParams)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		f, err := p.filter(s.opts.MaxLimit)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		page, err := list(r.Context(), f)
		if err != nil {
			s.failErr(w, r, err)
			return
		}
		if page.Items == nil {
			page.Items = []T{}
		}
		writeJSON(w, http.StatusOK, page)
	}
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) {
	if _, err := newParams(r.URL.Query()); err != nil {
		s.failErr(w, r, err)
		return
	}
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// validID reports whether id is a plausible article or event id.
func validID(id string) bool {
	return id != "" && len(id) <= 512 && !strings.ContainsAny(id, "\x00\n\r")
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	if _, err := newParams(r.URL.Query()); err != nil {
		s.failErr(w, r, err)
		return
	}
	id := r.PathValue("id")
	if !validID(id) {
		s.fail(w, r, http.StatusBadRequest, "id", "malformed article id")
		return
	}
	rec, err := s.st.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, "id", "no article with id "+id)
		return
	}
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rec)
}

func (s *Server) apiMentions(w http.ResponseWriter, r *http.Request) {
	if _, err := newParams(r.URL.Query()); err != nil {
		s.failErr(w, r, err)
		return
	}
	id := r.PathValue("id")
	if !validID(id) {
		s.fail(w, r, http.StatusBadRequest, "id", "malformed event id")
		return
	}
	ms, err := s.st.Mentions(r.Context(), id)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if len(ms) == 0 {
		s.fail(w, r, http.StatusNotFound, "id", "no event with id "+id)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Items []store.Mention `json:"items"`
	}{ms})
}

// dyadQuery reads the dyad series parameters: dyad (required), by, since,
// until, all_modes.
func dyadQuery(p params) (store.DyadQuery, error) {
	var q store.DyadQuery
	s := p.get("dyad")
	if s == "" {
		return q, badParam("dyad", "required, e.g. RUS:CHN")
	}
	f, err := params{v: map[string][]string{"dyad": {s}}}.filter(1)
	if err != nil {
		return q, err
	}
	q.Dyad = *f.Dyad
	switch by := p.get("by"); by {
	case "", "day", "week", "month":
		q.By = store.Period(by)
	default:
		return q, badParam("by", "%q: want day, week or month", by)
	}
	if q.From, err = p.day("since"); err != nil {
		return q, err
	}
	if q.To, err = p.day("until"); err != nil {
		return q, err
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		return q, badParam("until", "%s is before since %s", q.To, q.From)
	}
	if q.AllModes, err = p.allModes(); err != nil {
		return q, err
	}
	q.EnsureDefaults()
	if err := q.Validate(); err != nil {
		return q, badParam("dyad", "%v", err)
	}
	return q, nil
}

func (s *Server) apiDyad(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.Query(), []string{"dyad", "by", "since", "until", "all_modes"})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	q, err := dyadQuery(p)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	ser, err := s.st.Dyad(r.Context(), q)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if ser.Points == nil {
		ser.Points = []store.DyadPoint{}
	}
	writeJSON(w, http.StatusOK, struct {
		Dyad    string            `json:"dyad"`
		By      store.Period      `json:"by"`
		Points  []store.DyadPoint `json:"points"`
		Undated store.DyadPoint   `json:"undated"` // events without a date, in no period
		Total   int               `json:"total"`   // events of the points and undated
	}{q.Dyad.String(), q.By, ser.Points, ser.Undated, ser.Total()})
}

func (s *Server) apiActor(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.Query(), []string{"all_modes"})
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	all, err := p.allModes()
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	code, err := params{v: map[string][]string{"code": {r.PathValue("code")}}}.code("code")
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	if code == "" {
		s.fail(w, r, http.StatusBadRequest, "code", "actor code required")
		return
	}
	sum, err := s.st.Actor(r.Context(), code, all)
	if err != nil {
		s.failErr(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sum)
}

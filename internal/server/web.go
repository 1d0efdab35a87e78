package server

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

// pages holds the parsed templates, one set per page, and the rendered
// world outline.
type pages struct {
	t     map[string]*template.Template
	world template.HTML
}

var pageNames = []string{"home", "article", "events", "event", "dyad", "map", "actor", "error"}

func newPages() (*pages, error) {
	funcs := template.FuncMap{
		"quadName":  func(q int) string { return quadNames[max(0, min(4, q))] },
		"quadColor": func(q int) string { return quadColors[max(0, min(4, q))] },
		"f1":        func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
		"f2":        func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) },
		"add":       func(a, b int) int { return a + b },
		"list3":     func(a, b, c string) []string { return []string{a, b, c} },
		"num":       formatNumber,
		"join":      strings.Join,
		"actorURL":  func(code string) string { return "/actors/" + url.PathEscape(code) },
		"articleURL": func(id string) string {
			return "/articles/" + url.PathEscape(id)
		},
	}
	p := &pages{t: map[string]*template.Template{}}
	for _, n := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(webFS, "web/templates/layout.html", "web/templates/"+n+".html")
		if err != nil {
			return nil, fmt.Errorf("cannot parse template %s: %w", n, err)
		}
		p.t[n] = t
	}
	w, err := loadWorld()
	if err != nil {
		return nil, err
	}
	p.world = w
	return p, nil
}

// page is what every template gets.
type page struct {
	Title string
	Nav   string // "home", "events", "dyad", "map"
	Q     string // the search box
	Data  any
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, name string, p page) {
	var buf bytes.Buffer
	if err := s.pages.t[name].Execute(&buf, p); err != nil {
		s.log.Error("cannot render page", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, code int, msg string) {
	s.render(w, r, code, "error", page{Title: http.StatusText(code), Data: struct {
		Code int
		Msg  string
	}{code, msg}})
}

// pageErr shows err as a page: bad parameters are 400, a store out of
// reach 503, the rest 500.
func (s *Server) pageErr(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	switch {
	case errors.As(err, &pe):
		s.pageError(w, r, http.StatusBadRequest, pe.Error())
	case errors.Is(err, store.ErrBadCursor):
		s.pageError(w, r, http.StatusBadRequest, "The page cursor is not valid; start from the first page.")
	case errors.Is(err, store.ErrBadFilter):
		s.pageError(w, r, http.StatusBadRequest, err.Error())
	case errors.Is(err, store.ErrNotFound):
		s.pageError(w, r, http.StatusNotFound, "Not found.")
	case store.Unavailable(err):
		s.log.Error("store unavailable", "path", r.URL.Path, "err", err)
		w.Header().Set("Retry-After", "5")
		s.pageError(w, r, http.StatusServiceUnavailable, "The database is unavailable; try again in a moment.")
	default:
		s.log.Error("page failed", "path", r.URL.Path, "err", err)
		s.pageError(w, r, http.StatusInternalServerError, "Something went wrong on our side.")
	}
}

// ---- overview ----

type homeData struct {
	Stats    store.Stats
	Articles store.Page[store.Article]
	Q        string
	NextURL  string
}

func (s *Server) pageHome(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.Query(), []string{"q", "cursor"})
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	f, err := p.filter(s.opts.MaxLimit)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	f.Limit = 25
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	arts, err := s.st.Articles(r.Context(), f)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	d := homeData{Stats: st, Articles: arts, Q: p.get("q")}
	if arts.Next != "" {
		v := url.Values{"cursor": {arts.Next}}
		if d.Q != "" {
			v.Set("q", d.Q)
		}
		d.NextURL = "/?" + v.Encode()
	}
	s.render(w, r, http.StatusOK, "home", page{Title: "Overview", Nav: "home", Q: d.Q, Data: d})
}

// ---- article view ----

type articleData struct {
	Select  int // the event to select on load (from ?at=), -1 for none
	R       *record.Record
	Body    template.HTML
	Events  []articleEvent
	Counts  []labelCount
	Quotes  []articleQuote
	Amounts []record.Amount
	ToneX   int // tone bar: start and width in 0..100, 50 neutral
	ToneW   int
	ToneNeg bool
	Actors  []articleActor
}

// articleActor is one coded actor of an article with the names used for it.
type articleActor struct {
	Code, Role string
	Names      []string
}

type articleEvent struct {
	N int
	record.Event
	Where string
}

type articleQuote struct {
	N       int
	Text    string
	Speaker string
	Kind    string
}

type labelCount struct {
	Class, Label string
	N            int
}

func (s *Server) pageArticle(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.Query(), []string{"at"})
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	at := -1
	if v := p.get("at"); v != "" {
		if at, err = strconv.Atoi(v); err != nil || at < 0 {
			s.pageErr(w, r, badParam("at", "%q: want the code-point offset of an event trigger", v))
			return
		}
	}
	id := r.PathValue("id")
	if !validID(id) {
		s.pageError(w, r, http.StatusBadRequest, "Malformed article id.")
		return
	}
	rec, err := s.st.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.pageError(w, r, http.StatusNotFound, "No article with id "+id+".")
		return
	}
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	d := articleData{R: rec, Body: highlight(rec.Text, annotations(rec)), Amounts: rec.Amounts, Actors: actorsOf(rec)}
	d.Select = -1
	for i, ev := range rec.Events {
		if ev.Start == at && d.Select < 0 {
			d.Select = i
		}
		ae := articleEvent{N: i, Event: ev}
		if ev.Place != nil {
			ae.Where = ev.Place.Name
		}
		d.Events = append(d.Events, ae)
	}
	for i, q := range rec.Quotes {
		aq := articleQuote{N: i, Text: q.Text, Kind: q.Kind}
		if q.Speaker != nil {
			aq.Speaker = firstNonEmpty(q.Speaker.Name, q.Speaker.Text)
		}
		d.Quotes = append(d.Quotes, aq)
	}
	types := map[string]int{}
	for _, e := range rec.Entities {
		types[e.Type]++
	}
	for _, t := range []string{record.PER, record.ORG, record.LOC, record.NORP, record.MISC, record.EVENT} {
		if types[t] > 0 {
			d.Counts = append(d.Counts, labelCount{"ent ent-" + strings.ToLower(t), t, types[t]})
		}
	}
	d.Counts = append(d.Counts,
		labelCount{"place", "PLACE", len(rec.Places)},
		labelCount{"date", "DATE", len(rec.Dates)},
		labelCount{"amount", "AMOUNT", len(rec.Amounts)},
		labelCount{"quote", "QUOTE", len(rec.Quotes)},
		labelCount{"trigger", "EVENT", len(rec.Events)})
	if rec.Tone != nil {
		x := int(50 + 5*max(-10, min(10, rec.Tone.Tone)))
		d.ToneNeg = x < 50
		d.ToneX, d.ToneW = min(x, 50), max(x, 50)-min(x, 50)
	}
	title := rec.Title
	if title == "" {
		title = rec.ID
	}
	s.render(w, r, http.StatusOK, "article", page{Title: title, Data: d})
}

// actorsOf lists the record's coded actors once each, in order of first
// mention, with the distinct names used for them.
func actorsOf(rec *record.Record) []articleActor {
	var out []articleActor
	idx := map[string]int{}
	for _, e := range rec.Entities {
		if e.Actor == nil || e.Actor.Code == "" {
			continue
		}
		i, ok := idx[e.Actor.Code]
		if !ok {
			i = len(out)
			idx[e.Actor.Code] = i
			out = append(out, articleActor{Code: e.Actor.Code})
		}
		a := &out[i]
		if a.Role == "" {
			a.Role = e.Actor.Role
		}
		name := e.Text
		for _, n := range a.Names {
			if n == name {
				name = ""
			}
		}
		if name != "" && len(a.Names) < 6 {
			a.Names = append(a.Names, name)
		}
	}
	return out
}

// ---- events explorer ----

type eventsData struct {
	Error    string // a bad filter, shown above the form
	Form     url.Values
	Page     store.Page[store.Event]
	NextURL  string
	FirstURL string
	CSVURL   string
	Quads    []int
	Limit    int
}

// formValues returns the filter parameters of v that are set, without the
// cursor.
func formValues(v url.Values) url.Values {
	out := url.Values{}
	for _, k := range filterParams {
		if k == "cursor" {
			continue
		}
		if s := strings.TrimSpace(v.Get(k)); s != "" {
			out.Set(k, s)
		}
	}
	return out
}

// cleanQuery drops empty parameters, as an HTML form sends every field.
func cleanQuery(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		for _, s := range vs {
			if strings.TrimSpace(s) != "" {
				out.Add(k, s)
			}
		}
	}
	return out
}

func (s *Server) pageEvents(w http.ResponseWriter, r *http.Request) {
	q := cleanQuery(r.URL.Query())
	badFilter := func(err error) {
		var pe *paramError
		if !errors.As(err, &pe) {
			s.pageErr(w, r, err)
			return
		}
		// Keep the form, so that the analyst can correct the field.
		d := eventsData{Error: pe.Error(), Form: formValues(q), Quads: []int{1, 2, 3, 4}}
		s.render(w, r, http.StatusBadRequest, "events", page{Title: "Events", Nav: "events", Data: d})
	}
	p, err := newParams(q, filterParams)
	if err != nil {
		badFilter(err)
		return
	}
	f, err := p.filter(s.opts.MaxLimit)
	if err != nil {
		badFilter(err)
		return
	}
	if q.Get("limit") == "" {
		f.Limit = 50
	}
	pg, err := s.st.Events(r.Context(), f)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	form := formValues(q)
	d := eventsData{Form: form, Page: pg, Quads: []int{1, 2, 3, 4}, Limit: f.Limit}
	if pg.Next != "" {
		v := formValues(q)
		v.Set("cursor", pg.Next)
		d.NextURL = "/events?" + v.Encode()
	}
	if q.Get("cursor") != "" {
		d.FirstURL = "/events?" + form.Encode()
	}
	csv := formValues(q)
	csv.Del("limit")
	d.CSVURL = "/events.csv?" + csv.Encode()
	s.render(w, r, http.StatusOK, "events", page{Title: "Events", Nav: "events", Data: d})
}

// ---- one event ----

type eventData struct {
	ID       string
	Event    *record.Event // as coded in the first article
	Date     string
	Mentions []store.Mention
}

func (s *Server) pageEvent(w http.ResponseWriter, r *http.Request) {
	if _, err := newParams(r.URL.Query()); err != nil {
		s.pageErr(w, r, err)
		return
	}
	id := r.PathValue("id")
	if !validID(id) {
		s.pageError(w, r, http.StatusBadRequest, "Malformed event id.")
		return
	}
	ms, err := s.st.Mentions(r.Context(), id)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	if len(ms) == 0 {
		s.pageError(w, r, http.StatusNotFound, "No event with id "+id+".")
		return
	}
	d := eventData{ID: id, Mentions: ms, Date: ms[0].Published}
	if rec, err := s.st.Article(r.Context(), ms[0].ArticleID); err == nil {
		for i := range rec.Events {
			if rec.Events[i].Start == ms[0].Start {
				d.Event = &rec.Events[i]
				if d.Event.Date != "" {
					d.Date = d.Event.Date
				}
				break
			}
		}
	} else if !errors.Is(err, store.ErrNotFound) {
		s.pageErr(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "event", page{Title: "Event " + id, Nav: "events", Data: d})
}

// ---- dyad view ----

type dyadData struct {
	A, B, By     string
	Since, Until string
	AllModes     bool // negated and hypothetical events counted too
	Actors       []store.Actor
	Chart        template.HTML
	Points       []dyadRow
	Events       []store.Event
	EventsURL    string
	Quads        []int
	Total        int // events, dated and undated, as the overview counts them
	Undated      int // events without a date: in no period of the chart
	Shown        bool
}

type dyadRow struct {
	store.DyadPoint
	Href string
}

func (s *Server) pageDyad(w http.ResponseWriter, r *http.Request) {
	q := cleanQuery(r.URL.Query())
	p, err := newParams(q, []string{"a", "b", "by", "since", "until", "all_modes"})
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	d := dyadData{By: p.get("by"), Quads: []int{1, 2, 3, 4}}
	if d.A, err = p.code("a"); err != nil {
		s.pageErr(w, r, err)
		return
	}
	if d.B, err = p.code("b"); err != nil {
		s.pageErr(w, r, err)
		return
	}
	d.Since, d.Until = p.get("since"), p.get("until")
	if d.AllModes, err = p.allModes(); err != nil {
		s.pageErr(w, r, err)
		return
	}
	if d.By == "" {
		d.By = string(store.ByMonth)
	}
	acts, err := s.st.Actors(r.Context(), store.Filter{Limit: 300})
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	d.Actors = acts.Items
	if d.A != "" && d.B != "" {
		v := url.Values{"dyad": {d.A + ":" + d.B}, "by": {d.By}}
		if d.Since != "" {
			v.Set("since", d.Since)
		}
		if d.Until != "" {
			v.Set("until", d.Until)
		}
		if d.AllModes {
			v.Set("all_modes", "true")
		}
		dq, err := dyadQuery(params{v: v})
		if err != nil {
			s.pageErr(w, r, err)
			return
		}
		ser, err := s.st.Dyad(r.Context(), dq)
		if err != nil {
			s.pageErr(w, r, err)
			return
		}
		d.Undated, d.Total = ser.Undated.Events, ser.Total()
		pts := fillPeriods(ser.Points, dq.By)
		d.Shown = true
		d.Chart = dyadChart(dq, pts)
		for _, pt := range pts {
			ev := url.Values{"dyad": {dq.Dyad.String()}, "since": {pt.Period}, "until": {periodEnd(pt.Period, dq.By)}}
			if dq.AllModes {
				ev.Set("all_modes", "true")
			}
			d.Points = append(d.Points, dyadRow{pt, "/events?" + ev.Encode()})
		}
		ef := store.Filter{Dyad: &dq.Dyad, From: dq.From, To: dq.To, AllModes: dq.AllModes, Limit: 25}
		evs, err := s.st.Events(r.Context(), ef)
		if err != nil {
			s.pageErr(w, r, err)
			return
		}
		d.Events = evs.Items
		ev := url.Values{"dyad": {dq.Dyad.String()}}
		if dq.From != "" {
			ev.Set("since", dq.From)
		}
		if dq.To != "" {
			ev.Set("until", dq.To)
		}
		if dq.AllModes {
			ev.Set("all_modes", "true")
		}
		d.EventsURL = "/events?" + ev.Encode()
	}
	title := "Dyads"
	if d.Shown {
		title = d.A + " – " + d.B
	}
	s.render(w, r, http.StatusOK, "dyad", page{Title: title, Nav: "dyad", Data: d})
}

// ---- map ----

// mapMarkers bounds the event places and the named places drawn on the map:
// those with the most events and mentions.
const mapMarkers = 2000

type mapData struct {
	Form      url.Values
	Map       template.HTML
	Events    []marker
	Places    []marker
	Truncated bool
	Quads     []int
}

func (s *Server) pageMap(w http.ResponseWriter, r *http.Request) {
	q := cleanQuery(r.URL.Query())
	p, err := newParams(q, filterParams)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	f, err := p.filter(store.MaxLimit)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	// The markers: the places of the most events and the places most
	// named, counted by the store.
	f.Limit = mapMarkers
	evs, err := s.st.EventPlaces(r.Context(), f)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	pl, err := s.st.Places(r.Context(), f)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	var ms []marker
	for _, p := range evs.Items {
		ms = append(ms, marker{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Count: p.Events, Kind: "event", Quad: p.MainQuad(), Href: placeHref(p.Name)})
	}
	d := mapData{Form: formValues(q), Truncated: evs.Next != "" || pl.Next != "", Quads: []int{1, 2, 3, 4}}
	for _, pc := range pl.Items {
		ms = append(ms, marker{Name: pc.Name, Country: pc.Country, Lat: pc.Lat, Lon: pc.Lon, Count: pc.Mentions, Kind: "place", Href: placeHref(pc.Name)})
	}
	d.Map = worldMap(s.pages.world, ms)
	for _, m := range ms {
		if m.Kind == "event" {
			d.Events = append(d.Events, m)
		} else {
			d.Places = append(d.Places, m)
		}
	}
	if len(d.Events) > 30 {
		d.Events = d.Events[:30]
	}
	if len(d.Places) > 30 {
		d.Places = d.Places[:30]
	}
	s.render(w, r, http.StatusOK, "map", page{Title: "Map", Nav: "map", Data: d})
}

// ---- actor page ----

type actorData struct {
	Code     string
	AllModes bool // negated and hypothetical events counted too
	Entry    *record.Actor
	Names    []labelCount
	Mentions int
	Articles int
	Chart    template.HTML
	Undated  int           // events without a date, not on the chart
	Events   []store.Event // the latest
	More     string
	Quotes   []store.Quote
	Nearby   []store.Quote
	Partners []labelCount
	// People lists the distinct canonical names coded so, when there are
	// several (RUSGOV covers every Russian official).
	People []string
}

func (s *Server) pageActor(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.Query(), []string{"all_modes"})
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	all, err := p.allModes()
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	code, err := params{v: url.Values{"actor": {r.PathValue("code")}}}.code("actor")
	if err != nil || code == "" {
		s.pageError(w, r, http.StatusBadRequest, "Malformed actor code.")
		return
	}
	d := actorData{Code: code, AllModes: all}
	sum, err := s.st.Actor(r.Context(), code, all)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	d.Mentions, d.Articles, d.Undated = sum.Mentions, sum.Articles, sum.Undated
	// Dictionary entry: the actor fields the resolver wrote on the
	// entities of the latest articles naming the code.
	for _, id := range sum.Recent {
		rec, err := s.st.Article(r.Context(), id)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			s.pageErr(w, r, err)
			return
		}
		for _, e := range rec.Entities {
			if e.Actor == nil || e.Actor.Code != code {
				continue
			}
			if d.Entry == nil {
				a := *e.Actor
				d.Entry = &a
			} else {
				fillActor(d.Entry, e.Actor)
			}
		}
	}
	if len(sum.People) > 1 && d.Entry != nil {
		// A group code: the first person's name, role and Wikidata id
		// would misdescribe it.
		d.Entry.Name, d.Entry.Role, d.Entry.Wikidata = "", "", ""
		d.People = sum.People
	}
	for _, c := range sum.Names {
		d.Names = append(d.Names, labelCount{Label: c.Label, N: c.N})
	}
	// Events over time, by month.
	var labels, hrefs []string
	var counts []int
	for _, m := range sum.Months {
		labels = append(labels, periodLabel(m.Label, store.ByMonth))
		v := url.Values{"actor": {code}, "since": {m.Label}, "until": {periodEnd(m.Label, store.ByMonth)}}
		if all {
			v.Set("all_modes", "true")
		}
		hrefs = append(hrefs, "/events?"+v.Encode())
		counts = append(counts, m.N)
	}
	d.Chart = sparkBars(labels, counts, hrefs)
	for _, c := range sum.Partners {
		d.Partners = append(d.Partners, labelCount{Label: c.Label, N: c.N})
	}
	latest, err := s.st.Events(r.Context(), store.Filter{Actor: code, Newest: true, Limit: 20, AllModes: all})
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	d.Events = latest.Items
	more := url.Values{"actor": {code}}
	if all {
		more.Set("all_modes", "true")
	}
	d.More = "/events?" + more.Encode()
	qs, err := s.st.Quotes(r.Context(), store.Filter{Actor: code, Limit: 500})
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	for _, q := range qs.Items {
		if q.SpeakerCode != "" && strings.HasPrefix(q.SpeakerCode, code) {
			if len(d.Quotes) < 30 {
				d.Quotes = append(d.Quotes, q)
			}
		} else if len(d.Nearby) < 10 {
			d.Nearby = append(d.Nearby, q)
		}
	}
	title := code
	if d.Entry != nil && d.Entry.Name != "" {
		title = d.Entry.Name + " (" + code + ")"
	}
	s.render(w, r, http.StatusOK, "actor", page{Title: title, Data: d})
}

// fillActor fills the empty fields of a from b.
func fillActor(a, b *record.Actor) {
	if a.Name == "" {
		a.Name = b.Name
	}
	if a.Country == "" {
		a.Country = b.Country
	}
	if a.Sector == "" {
		a.Sector = b.Sector
	}
	if a.Role == "" {
		a.Role = b.Role
	}
	if a.Wikidata == "" {
		a.Wikidata = b.Wikidata
	}
}

// formatNumber writes a figure for people: 200000000000 → "200 billion",
// 185.5 → "185.5", 12000 → "12,000".
func formatNumber(v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	var s string
	switch {
	case v >= 1e12:
		s = strconv.FormatFloat(v/1e12, 'f', -1, 64) + " trillion"
	case v >= 1e9:
		s = strconv.FormatFloat(v/1e9, 'f', -1, 64) + " billion"
	case v >= 1e6:
		s = strconv.FormatFloat(v/1e6, 'f', -1, 64) + " million"
	case v >= 1e4 && v == float64(int64(v)):
		d := strconv.FormatInt(int64(v), 10)
		for i := len(d) - 3; i > 0; i -= 3 {
			d = d[:i] + "," + d[i:]
		}
		s = d
	default:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	}
	if neg {
		s = "-" + s
	}
	return s
}

// fillPeriods inserts empty periods between the first and the last point
// so that the chart's time axis is even. Long series are left as they are.
func fillPeriods(pts []store.DyadPoint, by store.Period) []store.DyadPoint {
	if len(pts) < 2 {
		return pts
	}
	out := make([]store.DyadPoint, 0, len(pts))
	for i, p := range pts {
		if i > 0 {
			next := nextPeriod(pts[i-1].Period, by)
			for n := 0; next != "" && next < p.Period && n < 400 && len(out) < 2000; n++ {
				out = append(out, store.DyadPoint{Period: next})
				next = nextPeriod(next, by)
			}
		}
		out = append(out, p)
	}
	return out
}

// nextPeriod returns the start of the period after start, or "".
func nextPeriod(start string, by store.Period) string {
	t, err := time.Parse(time.DateOnly, start)
	if err != nil {
		return ""
	}
	switch by {
	case store.ByDay:
		t = t.AddDate(0, 0, 1)
	case store.ByWeek:
		t = t.AddDate(0, 0, 7)
	default:
		t = t.AddDate(0, 1, 0)
	}
	return t.Format(time.DateOnly)
}

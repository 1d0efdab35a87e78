// Package server is newsgraph's face: a JSON API under /api/v1/ over a
// store.Store, an ingestion endpoint that runs the pipeline, Prometheus
// metrics, and the web workbench (article view, events explorer, dyad
// chart, map, actor pages), all server-rendered from embedded templates and
// assets. It sits at the end of the flow, after the store.
package server

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"reflect"
	"runtime"
	"strings"
	"time"

	"github.com/klauspost/compress/gzhttp"
	"github.com/klauspost/compress/gzip"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/text"
)

//go:embed web
var webFS embed.FS

// Server serves one store. It is safe for concurrent use.
type Server struct {
	st      store.Store
	pipe    Annotator
	opts    Options
	ingest  bool // POST allowed: token set or loopback only
	metrics *metrics
	pages   *pages
	log     *slog.Logger
	handler http.Handler
	// annotating bounds concurrent ingestion requests, which are CPU-bound.
	annotating chan struct{}
}

// Annotator annotates one document; *pipeline.Pipeline is the one
// `newsgraph serve` uses, built once at startup.
type Annotator interface {
	Run(ctx context.Context, d *text.Document) error
}

// New returns a server over st that annotates posted articles with pipe
// (nil disables ingestion).
func New(st store.Store, pipe Annotator, opts Options, log *slog.Logger) (*Server, error) {
	opts.EnsureDefaults()
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pg, err := newPages()
	if err != nil {
		return nil, err
	}
	if isNil(pipe) {
		// A nil *pipeline.Pipeline in a non-nil interface (serve
		// --read-only) means no pipeline, not one to call.
		pipe = nil
	}
	s := &Server{st: st, pipe: pipe, opts: opts, metrics: newMetrics(), pages: pg, log: log,
		annotating: make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))}
	s.ingest = pipe != nil && (opts.Token != "" || Loopback(opts.Addr))
	s.handler = s.routes()
	return s, nil
}

// isNil reports whether a is nil or holds a nil pointer, map, func or
// channel.
func isNil(a Annotator) bool {
	if a == nil {
		return true
	}
	switch v := reflect.ValueOf(a); v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Func, reflect.Chan, reflect.Interface, reflect.Slice:
		return v.IsNil()
	}
	return false
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	static, err := fs.Sub(webFS, "web/static")
	if err != nil {
		panic("BUG: embedded web/static missing: " + err.Error())
	}
	mux.Handle("GET /static/", cacheStatic(http.StripPrefix("/static/", http.FileServerFS(static))))
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /metrics", s.metrics.handler())

	mux.HandleFunc("GET /api/v1/openapi.json", s.openapi)
	mux.HandleFunc("GET /api/v1/stats", s.apiStats)
	mux.HandleFunc("GET /api/v1/articles", listing(s, s.st.Articles))
	mux.HandleFunc("POST /api/v1/articles", s.apiIngest)
	mux.HandleFunc("GET /api/v1/articles/{id}", s.apiArticle)
	mux.HandleFunc("GET /api/v1/events", listing(s, s.st.Events))
	mux.HandleFunc("GET /api/v1/events/{id}/mentions", s.apiMentions)
	mux.HandleFunc("GET /api/v1/actors", listing(s, s.st.Actors))
	mux.HandleFunc("GET /api/v1/dyads", s.apiDyad)
	mux.HandleFunc("GET /api/v1/actors/{code}", s.apiActor)
	mux.HandleFunc("GET /api/v1/places", listing(s, s.st.Places))
	mux.HandleFunc("GET /api/v1/event-places", listing(s, s.st.EventPlaces))
	mux.HandleFunc("GET /api/v1/quotes", listing(s, s.st.Quotes))
	mux.HandleFunc("GET /api/v1/amounts", listing(s, s.st.Amounts))
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		if s.methodNotAllowed(w, r, mux) {
			return
		}
		s.fail(w, r, http.StatusNotFound, "", fmt.Sprintf("no API endpoint %s %s", r.Method, r.URL.Path))
	})

	mux.HandleFunc("GET /{$}", s.pageHome)
	mux.HandleFunc("GET /articles/{id}", s.pageArticle)
	mux.HandleFunc("GET /events", s.pageEvents)
	mux.HandleFunc("GET /events.csv", s.eventsCSV)
	mux.HandleFunc("GET /events/{id}", s.pageEvent)
	mux.HandleFunc("GET /dyad", s.pageDyad)
	mux.HandleFunc("GET /map", s.pageMap)
	mux.HandleFunc("GET /actors/{code}", s.pageActor)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if s.methodNotAllowed(w, r, mux) {
			return
		}
		s.pageError(w, r, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
	})
	return s.deadline(s.metrics.instrument(securityHeaders(s.guard(compress(mux)))))
}

// compress gzips responses at the fastest level: the pages and listings
// are text that compresses well at any level, and the default level cost a
// twentieth of a map page's CPU.
var compress = func() func(http.Handler) http.HandlerFunc {
	wrap, err := gzhttp.NewWrapper(gzhttp.CompressionLevel(gzip.BestSpeed))
	if err != nil {
		panic("BUG: gzhttp options: " + err.Error())
	}
	return wrap
}()

// deadline bounds the work of one request, so that a slow query is
// cancelled rather than left running after the client is gone.
func (s *Server) deadline(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.WriteTimeout)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
		h.ServeHTTP(w, r)
	})
}

func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

// ListenAndServe serves on opts.Addr until ctx is done, then shuts down
// gracefully.
func (s *Server) ListenAndServe(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", s.opts.Addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is done.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.opts.ReadTimeout,
		WriteTimeout:      s.opts.WriteTimeout,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := hs.Shutdown(sctx); err != nil {
			return fmt.Errorf("cannot shut down: %w", err)
		}
		return nil
	}
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.st.Stats(ctx); err != nil {
		s.log.Error("health check", "err", err)
		http.Error(w, "store unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}

// apiError is the body of every API error.
type apiError struct {
	Error string `json:"error"`
	Param string `json:"param,omitempty"`
}

// fail writes a JSON error. A 5xx is logged; its message stays generic.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, code int, param, msg string) {
	writeJSON(w, code, apiError{Error: msg, Param: param})
}

// failErr maps err onto a status: bad parameters and filters are 400, a
// missing article 404, a cancelled request or a store out of reach 503, the
// rest 500.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, err error) {
	var pe *paramError
	switch {
	case errors.As(err, &pe):
		s.fail(w, r, http.StatusBadRequest, pe.Param, pe.Error())
	case errors.Is(err, store.ErrBadCursor):
		s.fail(w, r, http.StatusBadRequest, "cursor", "parameter \"cursor\": not a cursor from a previous page")
	case errors.Is(err, store.ErrBadFilter):
		s.fail(w, r, http.StatusBadRequest, "", err.Error())
	case errors.Is(err, store.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, "", "not found")
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		s.fail(w, r, http.StatusServiceUnavailable, "", "request cancelled or timed out")
	case store.Unavailable(err):
		s.log.Error("store unavailable", "path", r.URL.Path, "err", err)
		w.Header().Set("Retry-After", "5")
		s.fail(w, r, http.StatusServiceUnavailable, "", "the database is unavailable; retry later")
	default:
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		s.fail(w, r, http.StatusInternalServerError, "", "internal error")
	}
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, `{"error":"cannot encode response"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

// authorized reports whether r carries the configured bearer token.
func (s *Server) authorized(r *http.Request) bool {
	if s.opts.Token == "" {
		return true
	}
	// The scheme is case-insensitive (RFC 9110, section 11.1).
	scheme, tok, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.opts.Token)) == 1
}

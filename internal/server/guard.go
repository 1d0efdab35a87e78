package server

import (
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
)

// Guards that run on every request before routing.
//
// A write (any method but GET, HEAD and OPTIONS) from a web page of another
// site is refused whether or not the server needs a token, so that a page
// the user happens to open cannot post into their database: the browser's
// Sec-Fetch-Site and Origin headers must say same origin (API clients such
// as curl send neither and pass). A server that takes writes without a
// token (loopback only) also refuses a Host that is not a loopback name, so
// that a DNS name rebound to 127.0.0.1 cannot pose as the same origin. A
// body must declare a JSON media type (requireJSON), which a cross-site
// form or no-cors fetch cannot send.
//
// A query string that does not parse is refused whole: Go's URL parser
// drops a pair such as "limit=1;drop" silently, and the request would
// otherwise get the default page.
func (s *Server) guard(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := url.ParseQuery(r.URL.RawQuery); err != nil {
			s.refuse(w, r, http.StatusBadRequest, fmt.Sprintf("malformed query string: %v", err))
			return
		}
		if err := cop.Check(r); err != nil {
			s.refuse(w, r, http.StatusForbidden, "cross-origin request refused: a write must come from this server's own pages or from a client that sends no Origin")
			return
		}
		if !safeMethod(r.Method) && s.ingest && s.opts.Token == "" && !loopbackHost(r.Host) {
			s.refuse(w, r, http.StatusForbidden, fmt.Sprintf("Host %q is not a loopback name: writes without a token are taken only at localhost or a loopback address", r.Host))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// refuse answers a request the guards stopped: JSON under /api/, a page
// elsewhere.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, code int, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.fail(w, r, code, "", msg)
		return
	}
	s.pageError(w, r, code, msg)
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// loopbackHost reports whether a Host header names this machine's loopback
// interface: localhost or a loopback address, with or without a port.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// requireJSON checks that a request body is declared JSON
// (application/json) or JSON Lines (application/x-ndjson and its aliases),
// and says which. A body without a Content-Type is refused: text/plain and
// form types are what a cross-site page can send without asking.
func requireJSON(r *http.Request) (jsonl bool, err error) {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return false, fmt.Errorf("Content-Type is missing: want application/json or application/x-ndjson")
	}
	mt, _, perr := mime.ParseMediaType(ct)
	switch {
	case perr != nil:
		return false, fmt.Errorf("malformed Content-Type %q", ct)
	case mt == "application/json":
		return false, nil
	case mt == "application/x-ndjson", mt == "application/jsonl", mt == "application/x-jsonlines", mt == "application/jsonlines":
		return true, nil
	}
	return false, fmt.Errorf("Content-Type %s: want application/json or application/x-ndjson", mt)
}

// methodNotAllowed answers a request whose path a route serves with other
// methods: 405 with an Allow header. It reports false when no route serves
// the path at all.
func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request, mux *http.ServeMux) bool {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		if m == r.Method {
			continue
		}
		probe := &http.Request{Method: m, URL: r.URL, Host: r.Host, Header: http.Header{}}
		if _, pat := mux.Handler(probe); pat != "" && pat != "/" && pat != "/api/" {
			allow = append(allow, m)
			if m == http.MethodGet {
				allow = append(allow, http.MethodHead)
			}
		}
	}
	if len(allow) == 0 {
		return false
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	s.refuse(w, r, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allow, ", ")))
	return true
}

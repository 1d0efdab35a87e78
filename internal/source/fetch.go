package source

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// fetcher fetches URLs with bounded time, size and redirects, and refuses
// private and loopback addresses unless allowed. For a direct connection
// the address check runs at connect time, after DNS resolution, so a name
// cannot rebind around it. Through a proxy (HTTP_PROXY, HTTPS_PROXY,
// NO_PROXY, read when the fetcher is made) the connection goes to the
// proxy, so the target's host is resolved and checked before the request
// is handed over; the proxy itself, the operator's choice, is reached
// wherever it is.
type fetcher struct {
	client *http.Client
	opts   Options
}

func newFetcher(opts Options) *fetcher {
	guarded := &net.Dialer{Timeout: 10 * time.Second}
	if !opts.AllowPrivate {
		guarded.Control = func(_, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			ip, err := netip.ParseAddr(host)
			if err != nil {
				return err
			}
			if forbidden(ip) {
				return fmt.Errorf("%w: %s", ErrPrivate, ip)
			}
			return nil
		}
	}
	plain := &net.Dialer{Timeout: 10 * time.Second}
	proxyFor := httpproxy.FromEnvironment().ProxyFunc()
	var proxies sync.Map // host:port of the proxies in use
	tr := &http.Transport{
		Proxy: func(req *http.Request) (*url.URL, error) {
			pu, err := proxyFor(req.URL)
			if err != nil || pu == nil {
				return pu, err
			}
			if !opts.AllowPrivate {
				if err := checkHost(req.Context(), req.URL.Hostname()); err != nil {
					return nil, err
				}
			}
			proxies.Store(proxyAddr(pu), true)
			return pu, nil
		},
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if _, ok := proxies.Load(addr); ok {
				return plain.DialContext(ctx, network, addr)
			}
			return guarded.DialContext(ctx, network, addr)
		},
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
		MaxIdleConnsPerHost:   4,
	}
	c := &http.Client{
		Transport: tr,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opts.MaxRedirects {
				return fmt.Errorf("source: more than %d redirects", opts.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("source: redirect to scheme %q refused", req.URL.Scheme)
			}
			return nil
		},
	}
	return &fetcher{client: c, opts: opts}
}

// checkHost resolves a target host that a proxy will connect to and
// refuses it when any of its addresses is forbidden. A name that does not
// resolve here is refused too: its address cannot be checked.
func checkHost(ctx context.Context, host string) error {
	if ip, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")); err == nil {
		if forbidden(ip) {
			return fmt.Errorf("%w: %s", ErrPrivate, ip)
		}
		return nil
	}
	ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return fmt.Errorf("cannot check the address of %s before sending it to the proxy: %w", host, err)
	}
	for _, ip := range ips {
		if forbidden(ip) {
			return fmt.Errorf("%w: %s is %s", ErrPrivate, host, ip)
		}
	}
	return nil
}

// proxyAddr is the host:port the transport dials for proxy u.
func proxyAddr(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	port := "80"
	switch u.Scheme {
	case "https":
		port = "443"
	case "socks5", "socks5h":
		port = "1080"
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// forbidden reports whether ip is private, loopback, link-local,
// unspecified or multicast.
func forbidden(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsUnspecified() || ip.IsMulticast() || ip.IsInterfaceLocalMulticast() ||
		(ip.Is4() && ip.As4()[0] == 100 && ip.As4()[1]&0xc0 == 64) // carrier-grade NAT 100.64/10
}

// get fetches a URL and returns its body, the final URL and its media type.
func (f *fetcher) get(ctx context.Context, url string) ([]byte, string, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", "", fmt.Errorf("cannot fetch %s: %w", url, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,application/json;q=0.8")
	resp, err := f.client.Do(req)
	if err != nil {
		if errors.Is(err, ErrPrivate) {
			return nil, "", "", fmt.Errorf("cannot fetch %s: %w", url, ErrPrivate)
		}
		return nil, "", "", fmt.Errorf("cannot fetch %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, "", "", fmt.Errorf("cannot fetch %s: HTTP %s", url, resp.Status)
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if mt != "" && !acceptable(mt) {
		return nil, "", "", fmt.Errorf("%w: %s has content type %s", ErrBinary, url, mt)
	}
	if resp.ContentLength > f.opts.MaxBytes {
		return nil, "", "", fmt.Errorf("%w: %s is %d bytes", ErrTooLarge, url, resp.ContentLength)
	}
	b, err := readAll(resp.Body, f.opts.MaxBytes)
	if err != nil {
		return nil, "", "", fmt.Errorf("cannot read %s: %w", url, err)
	}
	return b, resp.Request.URL.String(), mt, nil
}

func acceptable(mt string) bool {
	switch {
	case strings.HasPrefix(mt, "text/"):
		return true
	case mt == "application/xhtml+xml", mt == "application/rss+xml", mt == "application/atom+xml",
		mt == "application/xml", mt == "application/json", mt == "application/feed+json",
		mt == "application/x-ndjson", mt == "application/jsonl", mt == "application/rdf+xml":
		return true
	}
	return false
}

// url reads one URL: a page, a feed or a JSON document.
func (r *reader) url(u string) {
	if r.web == nil {
		r.web = newFetcher(r.opts)
	}
	b, final, mt, err := r.web.get(r.ctx, u)
	if err != nil {
		r.fail(u, err)
		return
	}
	var f format
	switch {
	case strings.Contains(mt, "rss") || strings.Contains(mt, "atom") || strings.Contains(mt, "rdf"):
		f = formatFeed
	case mt == "text/html" || mt == "application/xhtml+xml":
		f = sniff(b)
		if f != formatFeed {
			f = formatHTML
		}
	default:
		f = sniff(b)
	}
	if f == formatHTML {
		r.html(u, final, b)
		return
	}
	r.bytes(u, f, b)
}

package server

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"time"
)

// Options configures a Server. Flags of `newsgraph serve` map onto it.
type Options struct {
	// Addr is the listen address; default "127.0.0.1:8080".
	Addr string
	// Token, when set, is the bearer token that POST /api/v1/articles
	// requires. Without it, ingestion is allowed only when Addr is a
	// loopback address.
	Token string
	// MaxBodyBytes bounds a POST body; default 8 MiB.
	MaxBodyBytes int64
	// MaxArticles bounds the articles in one POST; default 1000.
	MaxArticles int
	// MaxTextBytes bounds one article's text; default 1 MiB.
	MaxTextBytes int
	// MaxLimit bounds the limit parameter of the JSON listings; default 1000.
	MaxLimit int
	// MaxExportRows bounds a CSV download; default 100000.
	MaxExportRows int
	// ReadTimeout and WriteTimeout bound one request; defaults 30s and 60s.
	ReadTimeout, WriteTimeout time.Duration
}

// Defaults.
const (
	DefaultAddr = "127.0.0.1:8080"
)

// EnsureDefaults fills in the defaults.
func (o *Options) EnsureDefaults() {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 8 << 20
	}
	if o.MaxArticles <= 0 {
		o.MaxArticles = 1000
	}
	if o.MaxTextBytes <= 0 {
		o.MaxTextBytes = 1 << 20
	}
	if o.MaxLimit <= 0 {
		o.MaxLimit = 1000
	}
	if o.MaxExportRows <= 0 {
		o.MaxExportRows = 100000
	}
	if o.ReadTimeout <= 0 {
		o.ReadTimeout = 30 * time.Second
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = 60 * time.Second
	}
}

// Validate reports bad options.
func (o *Options) Validate() error {
	if _, _, err := net.SplitHostPort(o.Addr); err != nil {
		return fmt.Errorf("server: bad listen address %q: %w", o.Addr, err)
	}
	if o.Token != "" && len(o.Token) < 16 {
		return errors.New("server: token must be at least 16 characters")
	}
	return nil
}

// Loopback reports whether addr (host:port) listens on loopback only.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

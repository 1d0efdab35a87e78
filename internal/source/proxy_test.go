package source

import (
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
)

// proxyListener listens on an address of this machine that the private
// address check does not refuse, when there is one (so that a proxy there
// is reachable whatever the fix), else on loopback.
func proxyListener(t *testing.T) net.Listener {
	t.Helper()
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if pfx, err := netip.ParsePrefix(a.String()); err == nil && !forbidden(pfx.Addr()) && pfx.Addr().Is4() {
			if ln, err := net.Listen("tcp", net.JoinHostPort(pfx.Addr().String(), "0")); err == nil {
				return ln
			}
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// TestProxyPrivateTarget checks that with HTTP_PROXY set, a private target
// is refused before the request reaches the proxy (issue 18 item 9: the
// address check saw only the proxy's address, so a cloud metadata URL was
// fetched through it), while a public target still goes through the proxy.
func TestProxyPrivateTarget(t *testing.T) {
	t.Run("reachable", func(t *testing.T) { proxyCase(t, proxyListener(t)) })
	t.Run("loopback", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		proxyCase(t, ln)
	})
}

func proxyCase(t *testing.T, ln net.Listener) {
	var mu sync.Mutex
	var asked []string
	proxy := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		asked = append(asked, r.URL.String())
		mu.Unlock()
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Secret credentials from " + r.URL.Host + "."))
	}))
	proxy.Listener.Close()
	proxy.Listener = ln
	proxy.Start()
	defer proxy.Close()
	for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"} {
		t.Setenv(k, proxy.URL)
	}
	t.Setenv("NO_PROXY", "")
	t.Setenv("no_proxy", "")
	t.Setenv("REQUEST_METHOD", "")

	for _, u := range []string{
		"http://169.254.169.254/latest/meta-data/iam/security-credentials/",
		"http://10.0.0.7/admin",
		"http://[fd00::1]/",
		"http://100.64.1.1/",
	} {
		items := collect(t, []string{u}, Options{})
		if len(items) != 1 || !errors.Is(items[0].Err, ErrPrivate) {
			t.Errorf("%s through a proxy: %+v, want ErrPrivate", u, items)
		}
	}
	mu.Lock()
	if len(asked) != 0 {
		t.Errorf("the proxy was asked for %q", asked)
	}
	mu.Unlock()

	// A public target goes through the proxy, even one on loopback.
	items := collect(t, []string{"http://192.0.2.10/news"}, Options{})
	if len(items) != 1 || items[0].Err != nil || !strings.Contains(items[0].Doc.Text, "192.0.2.10") {
		t.Errorf("public target through the proxy: %+v", items)
	}
	// --allow-private lets private targets through the proxy.
	items = collect(t, []string{"http://10.0.0.7/admin"}, Options{AllowPrivate: true})
	if len(items) != 1 || items[0].Err != nil {
		t.Errorf("private target with AllowPrivate: %+v", items)
	}
}

package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/pipeline"
)

func collect(t *testing.T, args []string, opts Options) []pipeline.Item {
	t.Helper()
	var out []pipeline.Item
	for it := range Open(context.Background(), args, opts) {
		out = append(out, it)
	}
	return out
}

func TestFolder(t *testing.T) {
	items := collect(t, []string{"testdata/corpus"}, Options{Published: "2024-01-01"})
	var docs, errs []string
	for _, it := range items {
		if it.Err != nil {
			errs = append(errs, it.Origin+": "+it.Err.Error())
			continue
		}
		docs = append(docs, it.Doc.ID+"|"+it.Doc.Title+"|"+it.Doc.Published)
	}
	want := []string{
		"storm-1|Storm hits coast|2024-09-02",
		"https://example.org/vote|Vote delayed|2024-01-01",
		"a1|Talks resume|2024-05-05",
		"42|Numbered id|2024-01-01",
		"a5||2024-01-01",
		"testdata/corpus/story.txt||2024-01-01",
		"testdata/corpus/sub/page.html|Flood waters recede in Dhaka|2024-07-03",
	}
	if strings.Join(docs, "\n") != strings.Join(want, "\n") {
		t.Errorf("docs:\n%s\nwant:\n%s", strings.Join(docs, "\n"), strings.Join(want, "\n"))
	}
	if len(errs) != 2 || !strings.Contains(errs[0], "items.jsonl:3") || !strings.Contains(errs[1], "items.jsonl:4") {
		t.Errorf("errors: %q", errs)
	}
}

func TestHTMLMainText(t *testing.T) {
	items := collect(t, []string{"testdata/corpus/sub/page.html"}, Options{})
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items: %+v", items)
	}
	d := items[0].Doc
	if !strings.Contains(d.Text, "Flood waters began to recede") || strings.Contains(d.Text, "All rights reserved") || strings.Contains(d.Text, "Home") {
		t.Errorf("text: %q", d.Text)
	}
	if d.Author != "Jane Reporter" || d.Source != "Example News" {
		t.Errorf("author %q source %q", d.Author, d.Source)
	}
	if !strings.HasPrefix(d.Text, d.Title+"\n\n") {
		t.Errorf("text does not start with the title")
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	f := func(name, content string, opts Options, want error) {
		t.Helper()
		items := collect(t, []string{write(name, content)}, opts)
		if len(items) != 1 {
			t.Fatalf("%s: %d items", name, len(items))
		}
		if want == nil {
			if items[0].Err != nil {
				t.Errorf("%s: unexpected error %v", name, items[0].Err)
			}
			return
		}
		if !errors.Is(items[0].Err, want) {
			t.Errorf("%s: error %v, want %v", name, items[0].Err, want)
		}
	}
	f("empty.txt", "", Options{}, ErrEmpty)
	f("blank.txt", " \n\t\n", Options{}, ErrEmpty)
	f("bin.txt", "ab\x00\x01\x02cd", Options{}, ErrBinary)
	f("big.txt", strings.Repeat("word ", 100), Options{MaxBytes: 100}, ErrTooLarge)
	f("nobody.html", "<html><head><title>T</title></head><body><script>x()</script></body></html>", Options{}, ErrNoText)
	f("bad.json", "{not json", Options{}, errMalformed)
	f("utf8.txt", "Caf\xe9 au lait in S\xe3o Paulo.", Options{}, nil)
	items := collect(t, []string{write("crlf.txt", "Line one.\r\nLine two.\r\n")}, Options{})
	if items[0].Doc.Text != "Line one.\nLine two.\n" {
		t.Errorf("CRLF not normalised: %q", items[0].Doc.Text)
	}
	items = collect(t, []string{write("utf8b.txt", "Caf\xe9.")}, Options{})
	if items[0].Doc.Text != "Caf\ufffd." {
		t.Errorf("invalid UTF-8 not repaired: %q", items[0].Doc.Text)
	}
	items = collect(t, []string{filepath.Join(dir, "missing.txt")}, Options{})
	if len(items) != 1 || items[0].Err == nil {
		t.Errorf("missing file: %+v", items)
	}
}

func TestStableID(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.jsonl")
	os.WriteFile(p, []byte(`{"text":"Same text."}`+"\n"+`{"text":"Same text."}`+"\n"), 0o644)
	items := collect(t, []string{p}, Options{})
	if items[0].Doc.ID == "" || items[0].Doc.ID != items[1].Doc.ID || !strings.HasPrefix(items[0].Doc.ID, "sha256:") {
		t.Errorf("ids %q %q", items[0].Doc.ID, items[1].Doc.ID)
	}
}

func TestURL(t *testing.T) {
	page, _ := os.ReadFile("testdata/corpus/sub/page.html")
	hops := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/page":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/loop":
			hops++
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/image":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG"))
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			b, _ := os.ReadFile("testdata/corpus/feed.rss")
			w.Write(b)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	// Loopback is refused by default.
	items := collect(t, []string{srv.URL + "/page"}, Options{})
	if len(items) != 1 || !errors.Is(items[0].Err, ErrPrivate) {
		t.Fatalf("loopback not refused: %+v", items)
	}
	allow := Options{AllowPrivate: true}
	items = collect(t, []string{srv.URL + "/page"}, allow)
	if items[0].Err != nil || !strings.Contains(items[0].Doc.Text, "monsoon") || items[0].Doc.URL != srv.URL+"/page" {
		t.Fatalf("page: %+v", items[0])
	}
	items = collect(t, []string{srv.URL + "/loop"}, allow)
	if items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "redirects") {
		t.Errorf("redirect loop: %v", items[0].Err)
	}
	items = collect(t, []string{srv.URL + "/image"}, allow)
	if !errors.Is(items[0].Err, ErrBinary) {
		t.Errorf("image: %v", items[0].Err)
	}
	items = collect(t, []string{srv.URL + "/missing"}, allow)
	if items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "404") {
		t.Errorf("404: %v", items[0].Err)
	}
	items = collect(t, []string{srv.URL + "/feed"}, allow)
	if len(items) != 2 || items[0].Err != nil || !strings.Contains(items[0].Doc.Text, "coast of Florida on Monday") {
		t.Errorf("feed: %+v", items)
	}
	_ = fmt.Sprint(hops)
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}` + "\nnot json\n" + `{"text":"\u00e9"}`))
	f.Add([]byte("{\"text\": \"\xff\"}\n\n\n{"))
	f.Fuzz(func(t *testing.T, b []byte) {
		out := make(chan pipeline.Item, 1024)
		r := &reader{ctx: context.Background(), opts: Options{MaxBytes: 1 << 16}, out: out}
		done := make(chan struct{})
		go func() {
			for it := range out {
				if it.Err == nil && (it.Doc == nil || it.Doc.Text == "") {
					t.Errorf("document without text")
				}
			}
			close(done)
		}()
		r.bytes("fuzz", formatUnknown, b)
		close(out)
		<-done
	})
}

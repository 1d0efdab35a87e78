package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// articles returns n small JSON articles, one per line.
func articles(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf(`{"id": "s%d", "title": "Story %d", "text": "Leaders met in city number %d on Monday."}`, i, i, i)
	}
	return out
}

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zst(t *testing.T, b []byte) []byte {
	t.Helper()
	w, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	return w.EncodeAll(b, nil)
}

// split returns the documents' ids and the errors as "origin: error".
func split(items []pipeline.Item) (ids, errs []string) {
	for _, it := range items {
		if it.Err != nil {
			errs = append(errs, it.Origin+": "+it.Err.Error())
			continue
		}
		ids = append(ids, it.Doc.ID)
	}
	return ids, errs
}

// TestStreams checks that standard input and JSON arrays are read document
// by document: the size limit is one article's, not the input's (issue 18
// item 5: 13 MB of JSONL on stdin stored nothing).
func TestStreams(t *testing.T) {
	const max = 2048
	arts := articles(300) // about 27 kB, far above max
	jsonl := []byte(strings.Join(arts, "\n") + "\n")
	array := []byte("[\n" + strings.Join(arts, ",\n") + "\n]\n")
	f := func(name string, stdin []byte, want int) {
		t.Helper()
		items := collect(t, []string{"-"}, Options{MaxBytes: max, Stdin: bytes.NewReader(stdin)})
		ids, errs := split(items)
		if len(ids) != want || len(errs) != 0 {
			t.Errorf("%s on stdin: %d documents, want %d; errors %q", name, len(ids), want, errs[:min(len(errs), 3)])
		}
	}
	f("JSONL", jsonl, 300)
	f("JSONL without a final newline", bytes.TrimSpace(jsonl), 300)
	f("JSON array", array, 300)
	f("gzip JSONL", gz(t, jsonl), 300)
	f("zstd JSON array", zst(t, array), 300)
	f("pretty object", []byte("{\n  \"id\": \"p\",\n  \"text\": \"Leaders met.\"\n}\n"), 1)
	f("one-line object", []byte(`{"id": "p", "text": "Leaders met."}`), 1)
	f("plain text", []byte("Leaders met in Paris.\n"), 1)

	dir := t.TempDir()
	for name, b := range map[string][]byte{"a.json": array, "b.json.gz": gz(t, array), "c.jsonl.zst": zst(t, jsonl)} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		ids, errs := split(collect(t, []string{p}, Options{MaxBytes: max}))
		if len(ids) != 300 || len(errs) != 0 || ids[299] != "s299" {
			t.Errorf("%s: %d documents, errors %q", name, len(ids), errs[:min(len(errs), 3)])
		}
	}

	// The limit still holds for each document, compressed or not.
	big := fmt.Sprintf(`{"id": "big", "text": %q}`, strings.Repeat("word ", 1000))
	ids, errs := split(collect(t, []string{"-"}, Options{MaxBytes: max, Stdin: bytes.NewReader(gz(t, []byte(arts[0]+"\n"+big+"\n"+arts[1]+"\n")))}))
	if strings.Join(ids, ",") != "s0,s1" || len(errs) != 1 || !strings.Contains(errs[0], "-:2") {
		t.Errorf("oversize line in gzip stdin: ids %v errors %q", ids, errs)
	}
	ids, errs = split(collect(t, []string{"-"}, Options{MaxBytes: max, Stdin: bytes.NewReader(gz(t, bytes.Repeat([]byte("word "), 100000)))}))
	if len(ids) != 0 || len(errs) != 1 || !strings.Contains(errs[0], "larger than the size limit") {
		t.Errorf("gzip text above the limit: ids %v errors %q", ids, errs)
	}
}

// TestJSONArrayElements checks that a bad element of a JSON array is
// reported by its index and skipped, and the others are read (issue 18
// item 6: one badly typed element dropped the whole file).
func TestJSONArrayElements(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "batch.json")
	body := `[
	{"id": "a", "text": "Leaders met in Paris."},
	{"id": "b", "text": 42},
	{"id": "c", "text": "Talks resumed in Geneva."},
	"just a string",
	{"id": "e", "text": "` + strings.Repeat("long ", 500) + `"},
	{"id": "f", "text": "Bad escape \x"},
	{"id": "g", "title": "T", "text": "Floods hit Dhaka.", "tags": [1, {"x": "]"}]}
]`
	os.WriteFile(p, []byte(body), 0o644)
	ids, errs := split(collect(t, []string{p}, Options{MaxBytes: 1024}))
	if strings.Join(ids, ",") != "a,c,g" {
		t.Errorf("ids %v", ids)
	}
	want := []string{
		p + `: element 1: source: malformed input: field "text": want string, got JSON number`,
		p + `: element 3: source: malformed input: want an object, got JSON string`,
		p + `: element 4: pipeline: document rejected: document larger than the size limit (> 1024 bytes)`,
		p + `: element 5: source: malformed input: invalid character 'x' in string escape code`,
	}
	if strings.Join(errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}

	f := func(body string, wantIDs, wantErr string) {
		t.Helper()
		os.WriteFile(p, []byte(body), 0o644)
		ids, errs := split(collect(t, []string{p}, Options{}))
		if strings.Join(ids, ",") != wantIDs || (wantErr == "") != (len(errs) == 0) || (wantErr != "" && !strings.Contains(strings.Join(errs, "\n"), wantErr)) {
			t.Errorf("%.40q: ids %v errors %q, want %q and %q", body, ids, errs, wantIDs, wantErr)
		}
	}
	f(`[]`, "", "")
	f(` [ {"id": "a", "text": "x"} ] `, "a", "")
	f(`[{"id": "a", "text": "x"},]`, "a", "comma before the closing ]")
	f(`[{"id": "a", "text": "x"} {"id": "b", "text": "y"}]`, "a", "after element 0: want , or ]")
	f(`[{"id": "a", "text": "x"}, {"id": "b", "text": "y"`, "a", "element 1: source: malformed input: the input ends inside the JSON array")
	f(`[{"id": "a", "text": "x"}] trailing`, "a", "after the end of the JSON array")
	f(`[null, 7, {"id": "a", "text": "x"}]`, "a", "batch.json: element 0: pipeline: document rejected: empty document")
}

// TestFolderFiles checks what a folder walk reads: a FIFO is reported, not
// opened (it would block for ever), compressed files are read, archives
// and other unsupported formats are reported, and other files left alone
// (issue 18 item 7).
func TestFolderFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", []byte("Leaders met in Paris."))
	if err := syscall.Mkfifo(filepath.Join(dir, "b.jsonl"), 0o644); err != nil {
		t.Skipf("cannot make a FIFO: %v", err)
	}
	write("c.txt", []byte("Talks resumed in Geneva."))
	write("d.jsonl.gz", gz(t, []byte(strings.Join(articles(3), "\n"))))
	write("e.txt.zst", zst(t, []byte("Floods hit Dhaka.")))
	write("f.json.xz", []byte("\xfd7zXZ\x00"))
	write("g.png", []byte("\x89PNG"))
	write("h.gz", gz(t, []byte("Storm reaches the coast.")))
	write("i.json.gz", []byte("not gzip at all"))
	write("j.tar.gz", gz(t, []byte("x")))

	done := make(chan []pipeline.Item)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		var out []pipeline.Item
		for it := range Open(ctx, []string{dir}, Options{}) {
			out = append(out, it)
		}
		done <- out
	}()
	var items []pipeline.Item
	select {
	case items = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("reading a folder with a FIFO in it did not finish in 20 s")
	}
	var got []string
	for _, it := range items {
		name := strings.TrimPrefix(it.Origin, dir+string(filepath.Separator))
		if it.Err != nil {
			got = append(got, name+": "+it.Err.Error())
			continue
		}
		got = append(got, name+" "+it.Doc.Text)
	}
	want := []string{
		"a.txt Leaders met in Paris.",
		"b.jsonl: pipeline: document rejected: not a regular file, skipped (FIFO)",
		"c.txt Talks resumed in Geneva.",
		"d.jsonl.gz:1 Story 0\n\nLeaders met in city number 0 on Monday.",
		"d.jsonl.gz:2 Story 1\n\nLeaders met in city number 1 on Monday.",
		"d.jsonl.gz:3 Story 2\n\nLeaders met in city number 2 on Monday.",
		"e.txt.zst Floods hit Dhaka.",
		"f.json.xz: pipeline: document rejected: unsupported file format: xz (read .gz, .zst or plain files)",
		"h.gz Storm reaches the coast.",
		"i.json.gz: cannot read " + filepath.Join(dir, "i.json.gz") + ": source: malformed input: not gzip: gzip: invalid header",
		"j.tar.gz: pipeline: document rejected: unsupported file format: compressed tar archive (read .gz, .zst or plain files)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, it := range items {
		if strings.HasSuffix(it.Origin, "b.jsonl") && !errors.Is(it.Err, ErrNotRegular) {
			t.Errorf("FIFO error %v is not ErrNotRegular", it.Err)
		}
	}
}

// FuzzStream feeds arbitrary standard input to the stream reader: no
// panic, no hang, and every document has text.
func FuzzStream(f *testing.F) {
	f.Add([]byte(`[{"id":"a","text":"x"}, {"text": 4}, "s", {"text":"y"}]`))
	f.Add([]byte("{\n \"text\": \"pretty\"\n}"))
	f.Add([]byte(`{"text":"a"}` + "\n" + `{"text":"b"}`))
	f.Add([]byte(`[{"a":"]\"}"}, [[[`))
	f.Add([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"))
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><description>Alpha &amp; b.</description></item><item><description>B</description></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>E</title><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>`))
	f.Add([]byte(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel><title>R</title></channel><item><title>I</title><description>D</description></item></rdf:RDF>`))
	f.Add([]byte(`<rss><channel><item><item></channel></item></rss>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		for it := range Open(context.Background(), []string{"-"}, Options{MaxBytes: 1 << 12, Stdin: bytes.NewReader(b)}) {
			if it.Err == nil && (it.Doc == nil || it.Doc.Text == "") {
				t.Errorf("document without text")
			}
		}
	})
}

// TestFeedStream checks that a feed is read item by item: the size limit
// is one item's, an item above it is reported by index and skipped, and
// each item reads as it does in the whole feed (namespaced fields, dates,
// the feed's title as source).
func TestFeedStream(t *testing.T) {
	const max = 4096
	var rss, atom, rdf strings.Builder
	rss.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Wire &amp; Co</title><link>https://example.org</link><description>News</description>
`)
	atom.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:x</id><updated>2024-05-01T00:00:00Z</updated>
`)
	rdf.WriteString(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org"><title>RDF Wire</title><link>https://example.org</link><description>d</description></channel>
`)
	for i := range 200 {
		body := fmt.Sprintf("Leaders met in city number %d on Monday &amp; talked.", i)
		if i == 7 {
			body = strings.Repeat("long text ", 600)
		}
		fmt.Fprintf(&rss, "<item><title>Story %d</title><link>https://example.org/%d</link><guid>g%d</guid><dc:creator>Ann Lee</dc:creator><pubDate>Mon, 02 Sep 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>\n", i, i, i, body)
		fmt.Fprintf(&atom, "<entry><title>Entry %d</title><id>e%d</id><link href=\"https://example.org/e%d\"/><updated>2024-05-0%dT10:00:00Z</updated><content type=\"html\">&lt;p&gt;%s&lt;/p&gt;</content></entry>\n", i, i, i, 1+i%9, body)
		fmt.Fprintf(&rdf, "<item rdf:about=\"https://example.org/r%d\"><title>R %d</title><link>https://example.org/r%d</link><description>%s</description><dc:date>2024-06-01</dc:date></item>\n", i, i, i, body)
	}
	rss.WriteString("</channel></rss>\n")
	atom.WriteString("</feed>\n")
	rdf.WriteString("</rdf:RDF>\n")

	f := func(name, feed, wantSource, wantID0, wantPub0 string) {
		t.Helper()
		items := collect(t, []string{"-"}, Options{MaxBytes: max, Stdin: strings.NewReader(feed)})
		var docs []pipeline.Item
		_, errs := split(items)
		for _, it := range items {
			if it.Err == nil {
				docs = append(docs, it)
			}
		}
		if len(docs) != 199 || len(errs) != 1 || !strings.Contains(errs[0], "-: item 7: ") || !strings.Contains(errs[0], "larger than the size limit") {
			t.Fatalf("%s: %d documents, errors %q", name, len(docs), errs)
		}
		d := docs[0].Doc
		if d.Source != wantSource || d.ID != wantID0 || d.Published != wantPub0 || !strings.Contains(d.Text, "city number 0 on Monday & talked.") {
			t.Errorf("%s: first document id %q source %q published %q text %q", name, d.ID, d.Source, d.Published, d.Text)
		}
		if last := docs[198].Doc; !strings.Contains(last.Text, "city number 199 ") {
			t.Errorf("%s: last document %q", name, last.Text)
		}
	}
	f("RSS", rss.String(), "Wire & Co", "g0", "2024-09-02")
	f("Atom", atom.String(), "Atom Wire", "e0", "2024-05-01")
	f("RDF", rdf.String(), "RDF Wire", "https://example.org/r0", "2024-06-01")
	items := collect(t, []string{"-"}, Options{MaxBytes: max, Stdin: strings.NewReader(rss.String())})
	if a := items[0].Doc.Author; a != "Ann Lee" {
		t.Errorf("RSS author %q", a)
	}

	// The streamed items are the whole feed's items.
	b, _ := os.ReadFile("testdata/corpus/feed.rss")
	whole := make(chan pipeline.Item, 16)
	r := &reader{ctx: context.Background(), opts: Options{MaxBytes: 1 << 20}, out: whole}
	go func() { r.feed("x", b); close(whole) }()
	var want []string
	for it := range whole {
		want = append(want, fmt.Sprintf("%s|%s|%s|%s|%s", it.Origin, it.Doc.ID, it.Doc.Title, it.Doc.Published, it.Doc.Text))
	}
	var got []string
	for _, it := range collect(t, []string{"-"}, Options{Stdin: bytes.NewReader(b)}) {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s", it.Origin, it.Doc.ID, it.Doc.Title, it.Doc.Published, it.Doc.Text))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("streamed:\n%s\nwhole:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// One text node far above the limit ends the feed, named.
	giant := `<rss version="2.0"><channel><title>T</title><item><title>A</title><description>Alpha text.</description></item><item><description>` + strings.Repeat("x", 5*max) + `</description></item></channel></rss>`
	ids, errs := split(collect(t, []string{"-"}, Options{MaxBytes: max, Stdin: strings.NewReader(giant)}))
	if len(ids) != 1 || len(errs) != 1 || !strings.Contains(errs[0], "item 1: ") || !strings.Contains(errs[0], "XML token") {
		t.Errorf("giant text node: %v %q", ids, errs)
	}

	// A feed without items and a broken feed are still named.
	ids, errs = split(collect(t, []string{"-"}, Options{Stdin: strings.NewReader(`<rss version="2.0"><channel><title>Empty</title></channel></rss>`)}))
	if len(ids) != 0 || len(errs) != 0 {
		t.Errorf("empty feed: %v %q", ids, errs)
	}
	ids, errs = split(collect(t, []string{"-"}, Options{Stdin: strings.NewReader(`<rss version="2.0"><channel><title>T</title><item><title>A</title><description>Alpha text.</description></item><item><title>B</title><descr`)}))
	if strings.Join(ids, ",") == "" || len(errs) != 1 || !strings.Contains(errs[0], "item 1") {
		t.Errorf("broken feed: %v %q", ids, errs)
	}
}

package geo

import (
	"bytes"
	"context"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/newsgraph/newsgraph/internal/text"
)

// FuzzRead feeds arbitrary gazetteer files to the loader: an error, never
// a panic.
func FuzzRead(f *testing.F) {
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		f.Fatal(err)
	}
	gz := func(s string) []byte { return enc.EncodeAll([]byte(s), nil) }
	f.Add(gz("C\tRU\tRUS\tRussian\nW\tnice\nP\t1\tMoscow\t55.75\t37.62\tPPLC\tRUS\t48\t100\nK\tmoscow\t0*\n"))
	f.Add(gz("P\t1\tX\t1\t2\tPPL\tAAA\t\t5\nK\tx\t9\n"))
	f.Add([]byte("not zstd"))
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		g.Lookup(nil, "Moscow")
		g.Lookup(nil, "x")
	})
}

// FuzzAnnotate runs the annotator over arbitrary text: no panic, every
// place inside the text.
func FuzzAnnotate(f *testing.F) {
	a, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("MOSCOW (AA) – Talks in Beijing, China, ended.")
	f.Add("Paris, Texas, and Russia-China ties; US$5 in São Paulo.")
	f.Add("\xff\xfe, , N.Y.,")
	f.Fuzz(func(t *testing.T, s string) {
		d := text.NewDocument("f", "", s)
		if err := a.Annotate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, p := range d.Places {
			if p.Start < 0 || p.End > len(s) || p.Start >= p.End {
				t.Fatalf("place %+v outside the text %q", p, s)
			}
		}
	})
}

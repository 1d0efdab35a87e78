// Package golden compares a test's output with a golden file under
// testdata/: the expected output sits in the repository, and a change to it
// is a diff a reviewer reads. Running the tests with -update rewrites the
// files. Only tests import it.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// maxShown is the largest output a failing check prints whole.
const maxShown = 8 << 10

// Check compares got with the golden file at path and reports a difference
// as a test error; with -update it writes got there instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	if len(got) > maxShown || len(want) > maxShown {
		t.Errorf("output differs from %s (go test -update rewrites it; review the diff)", path)
		return
	}
	t.Errorf("output differs from %s (go test -update rewrites it; review the diff):\ngot:\n%s\nwant:\n%s", path, got, want)
}

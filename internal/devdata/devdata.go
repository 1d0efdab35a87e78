// Package devdata finds the development data in ../shared/data for evals and
// tests. Nothing from there is ever copied into the repository; tests that
// need it skip when it is absent.
package devdata

import (
	"os"
	"path/filepath"
	"testing"
)

// Env names the environment variable that overrides the data folder.
const Env = "NEWSGRAPH_SHARED_DATA"

// Dir returns the shared data folder (containing README.md, gmb-dev.conll,
// ...), searching $NEWSGRAPH_SHARED_DATA, then ../shared/data upwards from
// the working directory. It returns "" when there is none.
func Dir() string {
	if d := os.Getenv(Env); d != "" {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		p := filepath.Join(d, "..", "shared", "data")
		if fi, err := os.Stat(filepath.Join(p, "README.md")); err == nil && !fi.IsDir() {
			return filepath.Clean(p)
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// File returns the path of name inside the shared data folder, or skips the
// test when the folder or the file is absent.
func File(tb testing.TB, name string) string {
	tb.Helper()
	d := Dir()
	if d == "" {
		tb.Skipf("skipping: development data ../shared/data not found (set %s)", Env)
	}
	p := filepath.Join(d, name)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("skipping: %s not found", p)
	}
	return p
}

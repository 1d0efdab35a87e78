// Package devdata finds the development data in ../shared/data for evals and
// tests. Nothing from there is ever copied into the repository; tests that
// need it skip when it is absent, so a fresh clone passes, except in CI
// (CI=true), where a missing file fails the test: the quality floors must
// run there.
package devdata

import (
	"fmt"
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

// File returns the path of name inside the shared data folder. When the
// folder or the file is absent it skips the test, or fails it in CI
// (InCI).
func File(tb testing.TB, name string) string {
	tb.Helper()
	d := Dir()
	if d == "" {
		missing(tb, fmt.Sprintf("development data ../shared/data not found (set %s)", Env))
		return ""
	}
	p := filepath.Join(d, name)
	if _, err := os.Stat(p); err != nil {
		missing(tb, fmt.Sprintf("%s not found", p))
		return ""
	}
	return p
}

// CIEnv names the environment variable that CI services set to "true".
const CIEnv = "CI"

// InCI reports whether the tests run in CI ($CI is "true" or "1"), where
// the development data must be present.
func InCI() bool {
	v := os.Getenv(CIEnv)
	return v == "true" || v == "1"
}

// missing skips the test, or fails it in CI, saying what is missing.
func missing(tb testing.TB, what string) {
	tb.Helper()
	if InCI() {
		tb.Fatalf("%s; in CI (%s=%s) the development data must be present", what, CIEnv, os.Getenv(CIEnv))
	}
	tb.Skipf("skipping: %s", what)
}

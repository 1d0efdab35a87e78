package devdata

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// recorder is a testing.TB that records a skip or a failure and stops the
// calling goroutine, as the real ones do.
type recorder struct {
	testing.TB
	skipped, failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// file calls File in its own goroutine (Skipf and Fatalf end it).
func file(name string) (path string, r *recorder) {
	r = &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		path = File(r, name)
	}()
	<-done
	return path, r
}

func TestFileMissing(t *testing.T) {
	t.Chdir(t.TempDir()) // no ../shared/data above
	t.Setenv(Env, filepath.Join(t.TempDir(), "none"))

	t.Setenv(CIEnv, "")
	if _, r := file("gmb-dev.conll"); r.skipped == "" || r.failed != "" {
		t.Errorf("outside CI: skipped %q, failed %q; want a skip", r.skipped, r.failed)
	}
	t.Setenv(CIEnv, "true")
	if _, r := file("gmb-dev.conll"); r.failed == "" || !strings.Contains(r.failed, "CI") {
		t.Errorf("in CI: skipped %q, failed %q; want a failure", r.skipped, r.failed)
	}

	// Present folder, missing file: the same rule.
	d := t.TempDir()
	if err := os.WriteFile(filepath.Join(d, "README.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(Env, d)
	if _, r := file("nope.conll"); r.failed == "" {
		t.Errorf("in CI, missing file: skipped %q; want a failure", r.skipped)
	}
	if err := os.WriteFile(filepath.Join(d, "here.conll"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if p, r := file("here.conll"); p != filepath.Join(d, "here.conll") || r.failed != "" || r.skipped != "" {
		t.Errorf("present file: %q, %+v", p, r)
	}
}

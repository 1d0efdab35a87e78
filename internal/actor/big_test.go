package actor

import (
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLargeDocument guards against quadratic work: a long article of
// names, pronouns and agents sixteen times as long as another takes less
// than 64 times as long to annotate (linear is 16, quadratic 256; about
// 25 now, 60 before the plural-pronoun and nominal searches stopped
// scanning every mention or entity). The check compares the CPU time (user + system,
// which other processes on a shared machine do not inflate as they do wall
// time) of two sizes in the same process; each size keeps the best of three
// runs.
func TestLargeDocument(t *testing.T) {
	const para = "Russian President Vladimir Putin said he met the minister, Wang Yi and police. Protesters said their government, Reuters and AA saw his troops. "
	run := func(n int) time.Duration {
		best := time.Duration(1<<63 - 1)
		for range 3 {
			body := strings.Repeat(para, n)
			runtime.GC()
			start := cpuTime(t)
			d := annotate(t, "", body, "2023-02-22", nil)
			best = min(best, cpuTime(t)-start)
			if len(d.Entities) < 4*n || len(d.Mentions) < 4*n {
				t.Fatalf("%d paragraphs: got %d entities and %d mentions", n, len(d.Entities), len(d.Mentions))
			}
		}
		return best
	}
	small, large := run(250), run(4000)
	ratio := float64(large) / float64(small)
	t.Logf("CPU time: 250 paragraphs %v, 4000 paragraphs %v, ratio %.1f", small, large, ratio)
	if ratio >= 64 {
		t.Errorf("16 times the text took %.1f times as long (%v vs %v); want < 64 (linear is 16, quadratic 256)", ratio, large, small)
	}
}

// cpuTime returns the CPU time the process has used so far.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Skip("no rusage:", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress counts documents and failures, reports each failure on w, and
// shows a live line on a terminal when a run lasts more than two seconds.
type progress struct {
	w     io.Writer
	verb  string
	start time.Time
	tty   bool

	mu      sync.Mutex
	n, errs int
	bytes   int64
	ticker  *time.Ticker
	quit    chan struct{}
	stopped bool
	shown   bool
}

func newProgress(w io.Writer, verb string) *progress {
	p := &progress{w: w, verb: verb, start: time.Now(), quit: make(chan struct{})}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
		p.ticker = time.NewTicker(500 * time.Millisecond)
		go p.loop()
	}
	return p
}

func (p *progress) loop() {
	for {
		select {
		case <-p.quit:
			return
		case <-p.ticker.C:
			p.mu.Lock()
			if time.Since(p.start) > 2*time.Second {
				p.shown = true
				el := time.Since(p.start).Seconds()
				fmt.Fprintf(p.w, "\r%s %d articles, %.1f/s, %d errors   ", p.verb, p.n, float64(p.n)/el, p.errs)
			}
			p.mu.Unlock()
		}
	}
}

func (p *progress) done(bytes int) {
	p.mu.Lock()
	p.n++
	p.bytes += int64(bytes)
	p.mu.Unlock()
}

func (p *progress) fail(origin string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.errs++
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, "newsgraph: %s: %v\n", origin, err)
}

// warn reports what an entry point changed in a document (a publication
// date that was not a date); it is not a failure.
func (p *progress) warn(origin string, warnings []string) {
	if len(warnings) == 0 {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
	for _, w := range warnings {
		fmt.Fprintf(p.w, "newsgraph: %s: warning: %s\n", origin, w)
	}
}

func (p *progress) failed() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.errs
}

func (p *progress) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.stopped = true
	if p.ticker != nil {
		p.ticker.Stop()
		close(p.quit)
	}
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// summary prints the totals and the rates.
func (p *progress) summary() {
	p.mu.Lock()
	defer p.mu.Unlock()
	el := time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "%s %d articles (%d failed) in %.2fs: %.1f articles/s, %.2f MB/s\n",
		p.verb, p.n, p.errs, el, float64(p.n)/el, float64(p.bytes)/1e6/el)
}

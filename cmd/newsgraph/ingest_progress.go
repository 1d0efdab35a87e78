package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/store/ingest"
)

// ingestProgress reports failures as they come and, on a terminal, a live
// line: articles, articles/s, errors, and the ETA when the total is known.
type ingestProgress struct {
	w     io.Writer
	total int // 0 when unknown
	start time.Time

	mu                 sync.Mutex
	n, errs            int
	skipped            int // already stored, not annotated
	annotated, undated int // annotated, and of them without a publication date
	tick               *time.Ticker
	quit               chan struct{}
	shown              bool
	stopped            bool
}

func newIngestProgress(w io.Writer, total int) *ingestProgress {
	p := &ingestProgress{w: w, total: total, start: time.Now(), quit: make(chan struct{})}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tick = time.NewTicker(250 * time.Millisecond)
		go p.loop()
	}
	return p
}

func (p *ingestProgress) loop() {
	for {
		select {
		case <-p.quit:
			return
		case <-p.tick.C:
			p.mu.Lock()
			if !p.stopped {
				p.shown = true
				fmt.Fprint(p.w, "\r\033[K"+p.line())
			}
			p.mu.Unlock()
		}
	}
}

func (p *ingestProgress) line() string {
	el := time.Since(p.start).Seconds()
	rate := float64(p.n) / el
	s := fmt.Sprintf("ingest: %d", p.n)
	if p.total > 0 {
		s += fmt.Sprintf("/%d", p.total)
	}
	s += fmt.Sprintf(" articles, %.1f/s, %d errors", rate, p.errs)
	if p.total > p.n && rate > 0 {
		eta := time.Duration(float64(p.total-p.n) / rate * float64(time.Second)).Round(time.Second)
		s += ", ETA " + eta.String()
	}
	return s
}

// result counts r and reports it when it failed.
func (p *ingestProgress) result(r pipeline.Result) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if r.Err == nil {
		p.annotated++
		if r.Doc.Published == "" {
			p.undated++
		}
		if len(r.Doc.Warnings) > 0 && p.shown {
			fmt.Fprint(p.w, "\r\033[K")
		}
		for _, w := range r.Doc.Warnings {
			fmt.Fprintf(p.w, "newsgraph: %s: warning: %s\n", r.Origin, w)
		}
		return
	}
	p.errs++
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, "newsgraph: %s: %v\n", r.Origin, r.Err)
}

// rejected reports a record the store refused; it was counted when it
// was annotated.
func (p *ingestProgress) rejected(origin string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.errs++
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintf(p.w, "newsgraph: %s: %v\n", origin, err)
}

// skip counts a document that was already stored.
func (p *ingestProgress) skip(pipeline.Item) {
	p.mu.Lock()
	p.n++
	p.skipped++
	p.mu.Unlock()
}

func (p *ingestProgress) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.stopped = true
	if p.tick != nil {
		p.tick.Stop()
		close(p.quit)
	}
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// summary prints the totals of the run.
func (p *ingestProgress) summary(s ingest.Summary) {
	el := time.Since(p.start)
	p.mu.Lock()
	skipped, undated, annotated := p.skipped, p.undated, p.annotated
	p.mu.Unlock()
	read := s.Read + skipped
	fmt.Fprintf(p.w, "ingest: %d read, %d stored (%d near-duplicates), %d duplicates skipped (%d of them without annotating), %d failed; %d new events, %d mentions; %d transactions\n",
		read, s.Added, s.NearDuplicates, s.Duplicates+skipped, skipped, s.Failed, s.Events, s.Mentions, s.Batches)
	fmt.Fprintf(p.w, "ingest: %.2fs, %.1f articles/s; storage %.2fs (%.0f%% of the run, overlapped with annotation)\n",
		el.Seconds(), float64(read)/el.Seconds(), s.PutTime.Seconds(), 100*s.PutTime.Seconds()/el.Seconds())
	if undated > 0 {
		fmt.Fprintf(p.w, "ingest: %d of %d articles annotated have no publication date (none given, and none in the page's metadata, the URL or a dateline); their events are undated. "+
			"Give one with a \"published\" field per article, or --published YYYY-MM-DD for the batch (a dateline without a year takes that year)\n", undated, annotated)
	}
}

// countInputs estimates how many articles args hold, for the ETA: one per
// text or HTML file, one per non-blank line of JSONL, one per JSON file
// holding an object. It returns 0 (unknown) when any argument is a URL,
// standard input, a feed or a JSON array.
func countInputs(args []string) int {
	total := 0
	for _, a := range args {
		if a == "-" || strings.Contains(a, "://") {
			return 0
		}
		fi, err := os.Stat(a)
		if err != nil {
			continue // reported by the reader
		}
		if !fi.IsDir() {
			n, ok := countFile(a)
			if !ok {
				return 0
			}
			total += n
			continue
		}
		unknown := false
		filepath.WalkDir(a, func(p string, de os.DirEntry, err error) error {
			if err != nil || unknown {
				return nil
			}
			if de.IsDir() {
				if p != a && strings.HasPrefix(de.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			n, ok := countFile(p)
			if !ok {
				unknown = true
			}
			total += n
			return nil
		})
		if unknown {
			return 0
		}
	}
	return total
}

func countFile(p string) (int, bool) {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt", ".text", ".html", ".htm", ".xhtml":
		return 1, true
	case ".json":
		f, err := os.Open(p)
		if err != nil {
			return 0, true
		}
		defer f.Close()
		head := make([]byte, 512)
		n, _ := f.Read(head)
		if t := bytes.TrimLeft(head[:n], " \t\r\n\ufeff"); len(t) > 0 && t[0] == '[' {
			return 0, false
		}
		return 1, true
	case ".jsonl", ".ndjson":
		f, err := os.Open(p)
		if err != nil {
			return 0, true
		}
		defer f.Close()
		n := 0
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64<<10), 64<<20)
		for sc.Scan() {
			if len(bytes.TrimSpace(sc.Bytes())) > 0 {
				n++
			}
		}
		return n, true
	case ".rss", ".atom", ".xml", ".feed":
		return 0, false
	}
	return 0, true // not read by the readers
}

package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// QuoteSpan is a gold span in code points, as in polnear-*.jsonl; a
// discontinuous content also lists its fragments.
type QuoteSpan struct {
	Start     int         `json:"start"`
	End       int         `json:"end"`
	Text      string      `json:"text"`
	Fragments []QuoteSpan `json:"fragments,omitempty"`
}

// Attribution is one gold attribution relation: source, cue, content.
type Attribution struct {
	Source  *QuoteSpan `json:"source"`
	Cue     *QuoteSpan `json:"cue"`
	Content QuoteSpan  `json:"content"`
}

// QuoteDoc is one gold document of a PolNeAR-style JSONL file.
type QuoteDoc struct {
	ID           string        `json:"id"`
	Text         string        `json:"text"`
	Attributions []Attribution `json:"attributions"`
}

// ReadQuoteGold reads a PolNeAR-style JSONL gold file.
func ReadQuoteGold(path string) ([]QuoteDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open quote gold: %w", err)
	}
	defer f.Close()
	var docs []QuoteDoc
	r := bufio.NewReader(f)
	dec := json.NewDecoder(r)
	for n := 1; ; n++ {
		var d QuoteDoc
		if err := dec.Decode(&d); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("cannot read quote gold %s document %d: %w", path, n, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// QuoteScore holds the quote metrics over a gold set.
type QuoteScore struct {
	Docs int
	// ContentOverlap matches system and gold contents one-to-one when they
	// overlap (largest overlaps first); ContentExact when their extents are
	// equal (surrounding spaces ignored).
	ContentOverlap, ContentExact PRF
	// SpeakerTotal counts content matches whose gold has a source;
	// SpeakerRight those whose system speaker span overlaps the gold
	// source, or whose resolved name's last word occurs in it.
	SpeakerTotal, SpeakerRight int
	// Source and Cue match the distinct speaker and cue spans of a document
	// by overlap, one-to-one.
	Source, Cue PRF
	// Kind counts, per system kind, contents matched (TP) or not (FP).
	Kind map[string]*PRF
	// Partial counts the partial quotes left out of scoring.
	Partial int
	// Errors holds examples of mismatches when asked for.
	Errors []string
}

// SpeakerAccuracy returns SpeakerRight / SpeakerTotal.
func (s *QuoteScore) SpeakerAccuracy() float64 {
	if s.SpeakerTotal == 0 {
		return 0
	}
	return float64(s.SpeakerRight) / float64(s.SpeakerTotal)
}

// Write prints the scores.
func (s *QuoteScore) Write(w io.Writer) {
	s.ContentOverlap.WriteRow(w, "content~")
	s.ContentExact.WriteRow(w, "content=")
	fmt.Fprintf(w, "%-12s acc=%.3f  (%d/%d matched contents with a gold source)\n", "speaker", s.SpeakerAccuracy(), s.SpeakerRight, s.SpeakerTotal)
	s.Source.WriteRow(w, "source~")
	s.Cue.WriteRow(w, "cue~")
	kinds := make([]string, 0, len(s.Kind))
	for k := range s.Kind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		p := s.Kind[k]
		fmt.Fprintf(w, "  kind %-9s matched=%d unmatched=%d precision=%.3f\n", k, p.TP, p.FP, p.Precision())
	}
	if s.Partial > 0 {
		fmt.Fprintf(w, "  kind partial   %d not scored (scare quotes are not attributions; --score-partial scores them)\n", s.Partial)
	}
	for _, e := range s.Errors {
		fmt.Fprintln(w, e)
	}
}

// ScoreQuotes annotates every gold document with annotate (which must fill
// Document.Quotes) and scores the result. Partial (scare) quotes claim no
// speech, so they are scored only when scorePartial; PolNeAR does not
// annotate them. keepErrors keeps examples of misses and false alarms.
func ScoreQuotes(ctx context.Context, annotate func(context.Context, *text.Document) error, docs []QuoteDoc, scorePartial, keepErrors bool) (*QuoteScore, error) {
	s := &QuoteScore{Kind: map[string]*PRF{}}
	for i := range docs {
		g := &docs[i]
		d := text.NewDocument(g.ID, "", g.Text)
		if err := annotate(ctx, d); err != nil {
			return nil, fmt.Errorf("cannot annotate %s: %w", g.ID, err)
		}
		if !scorePartial {
			qs := d.Quotes[:0]
			for _, q := range d.Quotes {
				if q.Kind == record.QuotePartial {
					s.Partial++
					continue
				}
				qs = append(qs, q)
			}
			d.Quotes = qs
		}
		s.add(g, d, keepErrors)
		s.Docs++
	}
	return s, nil
}

// byteOffsets maps code-point offsets of s to byte offsets.
func byteOffsets(s string) []int {
	m := make([]int, 0, len(s)+1)
	for i := range s {
		m = append(m, i)
	}
	return append(m, len(s))
}

type bspan struct{ start, end int }

func (a bspan) overlap(b bspan) int {
	lo, hi := max(a.start, b.start), min(a.end, b.end)
	return max(0, hi-lo)
}

func (s *QuoteScore) add(g *QuoteDoc, d *text.Document, keep bool) {
	off := byteOffsets(g.Text)
	conv := func(q *QuoteSpan) bspan {
		if q.Start < 0 || q.End >= len(off) || q.Start > q.End {
			return bspan{}
		}
		return bspan{off[q.Start], off[q.End]}
	}
	gold := make([]bspan, len(g.Attributions))
	for i := range g.Attributions {
		gold[i] = conv(&g.Attributions[i].Content)
	}
	sys := d.Quotes
	// Content by overlap, largest first, one-to-one.
	type pair struct{ g, p, ov int }
	var pairs []pair
	for gi, gs := range gold {
		for pi, q := range sys {
			if ov := gs.overlap(bspan{q.Start, q.End}); ov > 0 {
				pairs = append(pairs, pair{gi, pi, ov})
			}
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].ov > pairs[j].ov })
	gm := make([]int, len(gold))
	pm := make([]int, len(sys))
	for i := range gm {
		gm[i] = -1
	}
	for i := range pm {
		pm[i] = -1
	}
	for _, p := range pairs {
		if gm[p.g] < 0 && pm[p.p] < 0 {
			gm[p.g], pm[p.p] = p.p, p.g
		}
	}
	var ov PRF
	for gi, p := range gm {
		if p < 0 {
			ov.FN++
			if keep && len(s.Errors) < maxErrors {
				s.Errors = append(s.Errors, fmt.Sprintf("MISS %s: %.120q", g.ID, g.Attributions[gi].Content.Text))
			}
			continue
		}
		ov.TP++
		a := &g.Attributions[gi]
		if q := sys[p]; keep && len(s.Errors) < maxErrors && trimSpan(d.Text, bspan{q.Start, q.End}) != trimSpan(g.Text, gold[gi]) {
			s.Errors = append(s.Errors, fmt.Sprintf("SPAN %s: gold %.100q\n                     got  %.100q", g.ID, a.Content.Text, d.Slice(q.Span)))
		}
		if a.Source == nil {
			continue
		}
		s.SpeakerTotal++
		q := sys[p]
		src := conv(a.Source)
		if q.Speaker != nil && (src.overlap(bspan{q.Speaker.Start, q.Speaker.End}) > 0 || nameIn(q.Speaker.Name, a.Source.Text)) {
			s.SpeakerRight++
		} else if keep && len(s.Errors) < maxErrors {
			got := "-"
			if q.Speaker != nil {
				got = fmt.Sprintf("%q (%s)", d.Slice(q.Speaker.Span), q.Speaker.Name)
			}
			s.Errors = append(s.Errors, fmt.Sprintf("SPKR %s: gold %q got %s for %.80q", g.ID, a.Source.Text, got, a.Content.Text))
		}
	}
	for pi, q := range sys {
		k := s.Kind[q.Kind]
		if k == nil {
			k = &PRF{}
			s.Kind[q.Kind] = k
		}
		if pm[pi] >= 0 {
			k.TP++
			continue
		}
		k.FP++
		ov.FP++
		if keep && len(s.Errors) < maxErrors {
			s.Errors = append(s.Errors, fmt.Sprintf("FA   %s %s: %.120q", g.ID, q.Kind, d.Slice(q.Span)))
		}
	}
	s.ContentOverlap.Add(ov)
	// Exact extents.
	var ex PRF
	gset := map[bspan]int{}
	for _, gs := range gold {
		gset[trimSpan(g.Text, gs)]++
	}
	for _, q := range sys {
		k := trimSpan(d.Text, bspan{q.Start, q.End})
		if gset[k] > 0 {
			gset[k]--
			ex.TP++
		} else {
			ex.FP++
		}
	}
	for _, n := range gset {
		ex.FN += n
	}
	s.ContentExact.Add(ex)
	// Distinct sources and cues by overlap.
	var gsrc, gcue, psrc, pcue []bspan
	for i := range g.Attributions {
		if a := g.Attributions[i].Source; a != nil {
			gsrc = append(gsrc, conv(a))
		}
		if a := g.Attributions[i].Cue; a != nil {
			gcue = append(gcue, conv(a))
		}
	}
	for _, q := range sys {
		if q.Speaker != nil {
			psrc = append(psrc, bspan{q.Speaker.Start, q.Speaker.End})
		}
		if q.Cue != nil {
			pcue = append(pcue, bspan{q.Cue.Start, q.Cue.End})
		}
	}
	s.Source.Add(matchSpans(dedup(gsrc), dedup(psrc)))
	s.Cue.Add(matchSpans(dedup(gcue), dedup(pcue)))
}

// nameIn reports whether the last word of name occurs as a word in src.
func nameIn(name, src string) bool {
	f := strings.Fields(name)
	if len(f) == 0 {
		return false
	}
	last := strings.ToLower(f[len(f)-1])
	for _, w := range strings.Fields(strings.ToLower(src)) {
		if strings.Trim(w, ".,’'s") == last || strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s") == last {
			return true
		}
	}
	return false
}

func trimSpan(s string, b bspan) bspan {
	for b.start < b.end && (s[b.start] == ' ' || s[b.start] == '\n') {
		b.start++
	}
	for b.end > b.start && (s[b.end-1] == ' ' || s[b.end-1] == '\n') {
		b.end--
	}
	return b
}

func dedup(xs []bspan) []bspan {
	sort.Slice(xs, func(i, j int) bool {
		if xs[i].start != xs[j].start {
			return xs[i].start < xs[j].start
		}
		return xs[i].end < xs[j].end
	})
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// matchSpans counts one-to-one overlap matches of sys against gold.
func matchSpans(gold, sys []bspan) PRF {
	used := make([]bool, len(sys))
	var p PRF
	for _, g := range gold {
		best, bo := -1, 0
		for i, q := range sys {
			if !used[i] {
				if o := g.overlap(q); o > bo {
					best, bo = i, o
				}
			}
		}
		if best >= 0 {
			used[best] = true
			p.TP++
		} else {
			p.FN++
		}
	}
	for _, u := range used {
		if !u {
			p.FP++
		}
	}
	return p
}

// maxErrors bounds the mismatch examples kept per run.
const maxErrors = 3000

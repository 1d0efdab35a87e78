package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// EventGold is one gold sentence: PLOVER GSR (one expected record) or
// PETRARCH-2 GSR (a list of CAMEO codings, empty for "no event").
type EventGold struct {
	ID        string
	Text      string
	Published string
	// PLOVER GSR
	PLOVER string
	Source []string // actor codes of the source
	Target []string
	// PETR2 GSR
	CAMEO []EventCoding
	// IsCAMEO says the record is from a CAMEO gold (PETR2).
	IsCAMEO bool
}

// EventCoding is one expected CAMEO coding.
type EventCoding struct {
	CAMEO  string `json:"cameo"`
	Source string `json:"source"`
	Target string `json:"target"`
}

// ReadEventGold reads a .jsonl file of either gold format.
func ReadEventGold(r io.Reader) ([]EventGold, error) {
	var out []EventGold
	err := eachJSONL(r, func(n int, line []byte) error {
		var raw struct {
			ID        string          `json:"id"`
			Text      string          `json:"text"`
			Published string          `json:"published"`
			Expected  json.RawMessage `json:"expected"`
		}
		if err := json.Unmarshal(line, &raw); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		g := EventGold{ID: raw.ID, Text: raw.Text, Published: raw.Published}
		exp := bytes.TrimSpace(raw.Expected)
		switch {
		case len(exp) > 0 && exp[0] == '[':
			g.IsCAMEO = true
			if err := json.Unmarshal(exp, &g.CAMEO); err != nil {
				return fmt.Errorf("line %d: expected: %w", n, err)
			}
		case len(exp) > 0 && exp[0] == '{':
			var e struct {
				PLOVER string `json:"plover"`
				Source []struct {
					Code string `json:"code"`
				} `json:"source"`
				Target []struct {
					Code string `json:"code"`
				} `json:"target"`
			}
			if err := json.Unmarshal(exp, &e); err != nil {
				return fmt.Errorf("line %d: expected: %w", n, err)
			}
			g.PLOVER = e.PLOVER
			for _, a := range e.Source {
				g.Source = append(g.Source, a.Code)
			}
			for _, a := range e.Target {
				g.Target = append(g.Target, a.Code)
			}
		default:
			return fmt.Errorf("line %d: no expected events", n)
		}
		out = append(out, g)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot read event gold: %w", err)
	}
	return out, nil
}

// GSRType maps a coded event to the PLOVER vocabulary of the PLOVER gold
// standard records, which predate the 2021 CAMEO->PLOVER table the coder
// follows: there, CAMEO 10 is DEMAND, 11 DISAPPROVE, 09 INVESTIGATE and 19
// FIGHT, where the 2021 table says REQUEST, ACCUSE, ACCUSE and ASSAULT.
func GSRType(cameo, plover string) string {
	root := ""
	if len(cameo) >= 2 {
		root = cameo[:2]
	}
	switch root {
	case "02", "10":
		return "DEMAND"
	case "09":
		return "INVESTIGATE"
	case "11":
		return "DISAPPROVE"
	case "19":
		return "FIGHT"
	case "18", "20":
		return "ASSAULT"
	}
	return plover
}

// EventResult holds the event scores.
type EventResult struct {
	// PLOVER GSR.
	PLOVERTotal, PLOVERTop, PLOVERAny, PLOVERNone int
	PLOVERSource, PLOVERTarget                    int // top event's actor country matches
	// PETR2 GSR.
	CAMEOTotal, CAMEOFull, CAMEORoot, CAMEODyad int
	// CAMEODyadWild counts dyads right when a gold country "---" (unknown)
	// matches any country or none.
	CAMEODyadWild        int
	NoneTotal, NoneFalse int
	// Confusions counts gold->top predicted type (PLOVER) or root (CAMEO).
	Confusions map[string]int
	Errors     []string
}

// TopEvent returns the index of the unflagged event with the highest
// confidence (the first on ties), or -1.
func TopEvent(evs []text.Event) int {
	best := -1
	for i := range evs {
		e := &evs[i]
		if e.Negated || e.Hypothetical || e.Future {
			continue
		}
		if best < 0 || e.Confidence > evs[best].Confidence {
			best = i
		}
	}
	return best
}

func country(code string) string {
	if len(code) >= 3 {
		return code[:3]
	}
	return code
}

// Events scores the annotate function on gold sentences. annotate must fill
// d.Events.
func Events(gold []EventGold, annotate func(d *text.Document) error) (EventResult, error) {
	r := EventResult{Confusions: map[string]int{}}
	for _, g := range gold {
		d := text.NewDocument(g.ID, "", g.Text)
		d.Published = g.Published
		if err := annotate(d); err != nil {
			return r, fmt.Errorf("%s: %w", g.ID, err)
		}
		top := TopEvent(d.Events)
		desc := "none"
		if top >= 0 {
			e := d.Events[top]
			tg := "-"
			if e.Target != nil {
				tg = e.Target.Code
			}
			desc = fmt.Sprintf("%s>%s %s %s %q", e.Source.Code, tg, e.CAMEO, GSRType(e.CAMEO, e.PLOVER), d.Slice(e.Trigger))
		}
		if !g.IsCAMEO {
			r.PLOVERTotal++
			ok := false
			if top < 0 {
				r.PLOVERNone++
				r.Confusions[g.PLOVER+" -> none"]++
			} else {
				e := d.Events[top]
				got := GSRType(e.CAMEO, e.PLOVER)
				if got == g.PLOVER {
					r.PLOVERTop++
					ok = true
				} else {
					r.Confusions[g.PLOVER+" -> "+got]++
				}
				if len(g.Source) > 0 && country(e.Source.Code) == country(g.Source[0]) {
					r.PLOVERSource++
				}
				if len(g.Target) > 0 && e.Target != nil && country(e.Target.Code) == country(g.Target[0]) {
					r.PLOVERTarget++
				}
			}
			anyOK := false
			for i := range d.Events {
				e := &d.Events[i]
				if !e.Negated && !e.Hypothetical && !e.Future && GSRType(e.CAMEO, e.PLOVER) == g.PLOVER {
					anyOK = true
				}
			}
			if anyOK {
				r.PLOVERAny++
			}
			if !ok {
				r.Errors = append(r.Errors, fmt.Sprintf("%s gold %s src=%v tgt=%v got %s | %s", g.ID, g.PLOVER, g.Source, g.Target, desc, g.Text))
			}
			continue
		}
		if len(g.CAMEO) == 0 {
			r.NoneTotal++
			if top >= 0 {
				r.NoneFalse++
				r.Errors = append(r.Errors, fmt.Sprintf("%s gold none got %s | %s", g.ID, desc, g.Text))
			}
			continue
		}
		r.CAMEOTotal++
		if top < 0 {
			r.Confusions[g.CAMEO[0].CAMEO[:2]+" -> none"]++
			r.Errors = append(r.Errors, fmt.Sprintf("%s gold %v got none | %s", g.ID, g.CAMEO, g.Text))
			continue
		}
		e := d.Events[top]
		full, root, dyad, wild := false, false, false, false
		for _, x := range g.CAMEO {
			if x.CAMEO == e.CAMEO {
				full = true
			}
			if len(x.CAMEO) >= 2 && len(e.CAMEO) >= 2 && x.CAMEO[:2] == e.CAMEO[:2] {
				root = true
			}
			tg := ""
			if e.Target != nil {
				tg = country(e.Target.Code)
			}
			if country(x.Source) == country(e.Source.Code) && country(x.Target) == tg {
				dyad = true
			}
			sameOrUnknown := func(gold, got string) bool { return gold == got || gold == "---" }
			if sameOrUnknown(country(x.Source), country(e.Source.Code)) && sameOrUnknown(country(x.Target), tg) {
				wild = true
			}
		}
		if full {
			r.CAMEOFull++
		}
		if root {
			r.CAMEORoot++
		} else {
			r.Confusions[g.CAMEO[0].CAMEO[:2]+" -> "+e.CAMEO[:2]]++
		}
		if dyad {
			r.CAMEODyad++
		}
		if wild {
			r.CAMEODyadWild++
		}
		if !full || !dyad {
			r.Errors = append(r.Errors, fmt.Sprintf("%s [%s] gold %v got %s | %s", g.ID, marks(full, root, dyad), g.CAMEO, desc, g.Text))
		}
	}
	return r, nil
}

// marks spells which of full code, root and dyad were right: "full root
// -dyad".
func marks(full, root, dyad bool) string {
	m := func(ok bool, name string) string {
		if ok {
			return name
		}
		return "-" + name
	}
	return m(full, "full") + " " + m(root, "root") + " " + m(dyad, "dyad")
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Write prints the scores; verbose adds confusions and every error.
func (r EventResult) Write(w io.Writer, verbose bool) {
	if r.PLOVERTotal > 0 {
		fmt.Fprintf(w, "plover  top-event type accuracy=%.3f (%d/%d)  any-match=%.3f  no-event=%d (%.3f)\n",
			ratio(r.PLOVERTop, r.PLOVERTotal), r.PLOVERTop, r.PLOVERTotal, ratio(r.PLOVERAny, r.PLOVERTotal),
			r.PLOVERNone, ratio(r.PLOVERNone, r.PLOVERTotal))
		fmt.Fprintf(w, "plover  top-event source country=%.3f target country=%.3f\n",
			ratio(r.PLOVERSource, r.PLOVERTotal), ratio(r.PLOVERTarget, r.PLOVERTotal))
	}
	if r.CAMEOTotal+r.NoneTotal > 0 {
		fmt.Fprintf(w, "cameo   full-code=%.3f root=%.3f dyad=%.3f (%d sentences with events)\n",
			ratio(r.CAMEOFull, r.CAMEOTotal), ratio(r.CAMEORoot, r.CAMEOTotal), ratio(r.CAMEODyad, r.CAMEOTotal), r.CAMEOTotal)
		fmt.Fprintf(w, "cameo   dyad with unknown (---) gold countries matching any=%.3f\n", ratio(r.CAMEODyadWild, r.CAMEOTotal))
		fmt.Fprintf(w, "cameo   false events on no-event sentences=%d/%d\n", r.NoneFalse, r.NoneTotal)
	}
	if !verbose {
		return
	}
	keys := make([]string, 0, len(r.Confusions))
	for k := range r.Confusions {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if r.Confusions[keys[i]] != r.Confusions[keys[j]] {
			return r.Confusions[keys[i]] > r.Confusions[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		fmt.Fprintf(w, "  %-28s %d\n", k, r.Confusions[k])
	}
	for _, e := range r.Errors {
		fmt.Fprintln(w, "  "+strings.ReplaceAll(e, "\n", " "))
	}
}

// EventsFile reads gold from path and scores annotate on it.
func EventsFile(path string, annotate func(d *text.Document) error) (EventResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return EventResult{}, fmt.Errorf("cannot open gold: %w", err)
	}
	defer f.Close()
	gold, err := ReadEventGold(f)
	if err != nil {
		return EventResult{}, fmt.Errorf("cannot read gold %s: %w", path, err)
	}
	return Events(gold, annotate)
}

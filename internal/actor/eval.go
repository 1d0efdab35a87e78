package actor

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// Annotate runs the stages an evaluation needs after segmentation: the
// tagger and the resolver for full runs, the resolver alone over gold
// entities.
type Annotate func(context.Context, *text.Document) error

// evalDoc is one line of a shared-data JSONL file.
type evalDoc struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Evaluate  *bool  `json:"evaluate"`
	Entities  []struct {
		Start, End int
		Type       string
	} `json:"entities"`
	Expected json.RawMessage `json:"expected"`
}

// readDocs calls f for every JSONL line of r.
func readDocs(r io.Reader, f func(*evalDoc) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var d evalDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if err := f(&d); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

// document segments ed's text and, when gold is set, places its gold
// entities (code-point offsets) as the tagger would.
func document(ed *evalDoc, gold bool) (*text.Document, error) {
	d := text.NewDocument(ed.ID, "", ed.Text)
	d.Published = ed.Published
	if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
		return nil, err
	}
	if !gold {
		return d, nil
	}
	// Code points to bytes.
	idx := make([]int, 0, len(ed.Text)+1)
	for i := range ed.Text {
		idx = append(idx, i)
	}
	idx = append(idx, len(ed.Text))
	for _, e := range ed.Entities {
		if e.Start < 0 || e.End > len(idx)-1 || e.Start >= e.End {
			return nil, fmt.Errorf("entity [%d, %d) outside the text", e.Start, e.End)
		}
		d.Entities = append(d.Entities, text.Entity{Span: text.Span{Start: idx[e.Start], End: idx[e.End]}, Type: e.Type, Origin: "gold"})
	}
	return d, nil
}

// PETRScore counts how many gold actors of PETRARCH-coded sentences the
// resolver finds among the sentence's entities and mentions: by country
// (the first three letters of a country code; IGO and other codes whole)
// and by full code.
type PETRScore struct {
	Sentences   int // sentences with at least one gold actor
	Gold        int // distinct gold actor codes
	CountryHits int
	CodeHits    int
	Misses      []string // "sentence id: code (ours: ...)"
}

// ScorePETR scores the gold actors of a petr2-gsr.jsonl file.
func (r *Resolver) ScorePETR(ctx context.Context, in io.Reader, annotate Annotate) (PETRScore, error) {
	var s PETRScore
	err := readDocs(in, func(ed *evalDoc) error {
		if ed.Evaluate != nil && !*ed.Evaluate {
			return nil
		}
		var exp []struct{ Source, Target string }
		if err := json.Unmarshal(ed.Expected, &exp); err != nil {
			return fmt.Errorf("expected: %w", err)
		}
		gold := map[string]bool{}
		for _, e := range exp {
			for _, c := range []string{e.Source, e.Target} {
				if c != "" && c != "---" {
					gold[c] = true
				}
			}
		}
		if len(gold) == 0 {
			return nil
		}
		d, err := document(ed, false)
		if err != nil {
			return err
		}
		if err := annotate(ctx, d); err != nil {
			return err
		}
		codes, countries := map[string]bool{}, map[string]bool{}
		add := func(a *record.Actor) {
			if a == nil {
				return
			}
			codes[a.Code] = true
			countries[r.countryKey(a.Code)] = true
		}
		for _, e := range d.Entities {
			add(e.Actor)
		}
		for _, m := range d.Mentions {
			add(m.Actor)
		}
		s.Sentences++
		for c := range gold {
			s.Gold++
			// "---GOV": a sector of no known country, as ours without one.
			c = strings.TrimPrefix(c, "---")
			hitC, hitF := countries[r.countryKey(c)], codes[c]
			if hitC {
				s.CountryHits++
			}
			if hitF {
				s.CodeHits++
			}
			if !hitF {
				var ours []string
				for k := range codes {
					ours = append(ours, k)
				}
				s.Misses = append(s.Misses, fmt.Sprintf("%s: %s (ours: %v)", ed.ID, c, ours))
			}
		}
		return nil
	})
	return s, err
}

// countryKey returns the country part of a CAMEO code, or the code itself
// when it does not start with a country.
func (r *Resolver) countryKey(code string) string {
	if len(code) >= 3 {
		if _, ok := r.dict.byCode[code[:3]]; ok {
			return code[:3]
		}
	}
	return code
}

// Coverage counts how many PER entities get an actor.
type Coverage struct {
	Docs        int
	PER         int // PER entities
	PERActor    int // ... with an actor
	PERKnown    int // ... resolved to a dictionary person
	Pronouns    int // he/she/... mentions resolved to a person
	Generics    int // generic agent mentions
	OtherActors int // ORG/LOC/NORP entities with an actor
	Other       int // ORG/LOC/NORP entities
}

// ScoreCoverage runs annotate over every document of a JSONL file (with its
// gold entities placed first when gold is set) and counts actors.
func (r *Resolver) ScoreCoverage(ctx context.Context, in io.Reader, annotate Annotate, gold bool) (Coverage, error) {
	var c Coverage
	err := readDocs(in, func(ed *evalDoc) error {
		if !utf8.ValidString(ed.Text) {
			return nil
		}
		d, err := document(ed, gold)
		if err != nil {
			return err
		}
		if err := annotate(ctx, d); err != nil {
			return err
		}
		c.Docs++
		for _, e := range d.Entities {
			if e.Type == record.PER {
				c.PER++
				if e.Actor != nil {
					c.PERActor++
					if e.Actor.Name != "" {
						c.PERKnown++
					}
				}
				continue
			}
			c.Other++
			if e.Actor != nil {
				c.OtherActors++
			}
		}
		for _, m := range d.Mentions {
			switch m.Kind {
			case text.MentionPronoun:
				if m.Entity >= 0 {
					c.Pronouns++
				}
			case text.MentionGeneric:
				c.Generics++
			}
		}
		return nil
	})
	return c, err
}

// Write prints the score.
func (s PETRScore) Write(w io.Writer, misses bool) {
	fmt.Fprintf(w, "petr actors: %d sentences, %d gold actors\n", s.Sentences, s.Gold)
	fmt.Fprintf(w, "  country found %d/%d = %.3f\n", s.CountryHits, s.Gold, ratio(s.CountryHits, s.Gold))
	fmt.Fprintf(w, "  full code found %d/%d = %.3f\n", s.CodeHits, s.Gold, ratio(s.CodeHits, s.Gold))
	if misses {
		for _, m := range s.Misses {
			fmt.Fprintf(w, "  miss %s\n", m)
		}
	}
}

// Write prints the coverage.
func (c Coverage) Write(w io.Writer) {
	fmt.Fprintf(w, "coverage: %d docs\n", c.Docs)
	fmt.Fprintf(w, "  PER with actor %d/%d = %.3f (dictionary person %d = %.3f)\n", c.PERActor, c.PER, ratio(c.PERActor, c.PER), c.PERKnown, ratio(c.PERKnown, c.PER))
	fmt.Fprintf(w, "  ORG/LOC/NORP with actor %d/%d = %.3f\n", c.OtherActors, c.Other, ratio(c.OtherActors, c.Other))
	fmt.Fprintf(w, "  pronouns resolved %d, generic agents %d\n", c.Pronouns, c.Generics)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// PLOVERScore counts how many gold actor phrases of PLOVER records resolve
// to the gold code (a country, or IGO for any intergovernmental
// organisation) and, where the gold gives one, the gold sector.
type PLOVERScore struct {
	Actors     int // gold actor phrases found in their sentence
	CodeHits   int
	WithSector int // ... of which the gold gives a sector
	SectorHits int
	Unresolved int // phrases Resolve gave nothing for
	Misses     []string
}

// ScorePLOVER resolves every gold actor phrase of a plover-gsr-dev.jsonl
// file with Resolve after annotate.
func (r *Resolver) ScorePLOVER(ctx context.Context, in io.Reader, annotate Annotate) (PLOVERScore, error) {
	var s PLOVERScore
	err := readDocs(in, func(ed *evalDoc) error {
		var exp struct {
			Source, Target []struct{ Text, Code, Sector string }
		}
		if err := json.Unmarshal(ed.Expected, &exp); err != nil {
			return fmt.Errorf("expected: %w", err)
		}
		d, err := document(ed, false)
		if err != nil {
			return err
		}
		if err := annotate(ctx, d); err != nil {
			return err
		}
		for _, g := range append(exp.Source, exp.Target...) {
			i := strings.Index(d.Text, g.Text)
			if g.Text == "" || g.Code == "" || i < 0 {
				continue
			}
			s.Actors++
			a, ok := r.Resolve(d, text.Span{Start: i, End: i + len(g.Text)})
			key, sector := "", ""
			if ok {
				key, sector = a.Country, a.Sector
				if strings.HasPrefix(a.Code, "IGO") {
					key = "IGO"
				}
				if key == "" {
					key = a.Code
				}
			} else {
				s.Unresolved++
			}
			if key == g.Code {
				s.CodeHits++
			} else {
				s.Misses = append(s.Misses, fmt.Sprintf("%s: %q = %s, ours %s", ed.ID, g.Text, g.Code, key))
			}
			if g.Sector != "" {
				s.WithSector++
				if sector == g.Sector {
					s.SectorHits++
				}
			}
		}
		return nil
	})
	return s, err
}

// Write prints the score.
func (s PLOVERScore) Write(w io.Writer, misses bool) {
	fmt.Fprintf(w, "plover actors: %d gold actor phrases (%d unresolved)\n", s.Actors, s.Unresolved)
	fmt.Fprintf(w, "  code (country or IGO) %d/%d = %.3f\n", s.CodeHits, s.Actors, ratio(s.CodeHits, s.Actors))
	fmt.Fprintf(w, "  sector %d/%d = %.3f\n", s.SectorHits, s.WithSector, ratio(s.SectorHits, s.WithSector))
	if misses {
		for _, m := range s.Misses {
			fmt.Fprintf(w, "  miss %s\n", m)
		}
	}
}

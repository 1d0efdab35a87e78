package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/internal/text"
)

// GoldEvent is one event a careful coder records in a story (JSON Lines):
//
//	{"story": "8010842", "sentence": 0, "source": "IGOG7", "target": "RUS", "cameo": "020", "what": "G7 urges Russia"}
type GoldEvent struct {
	Story    string `json:"story"`
	Sentence int    `json:"sentence"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	CAMEO    string `json:"cameo"`
	What     string `json:"what"`
}

// ReadGoldEvents reads gold events (JSON Lines).
func ReadGoldEvents(path string) ([]GoldEvent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read gold events: %w", err)
	}
	defer f.Close()
	var out []GoldEvent
	err = eachJSONL(f, func(n int, line []byte) error {
		var g GoldEvent
		if err := json.Unmarshal(line, &g); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if g.Story == "" || len(g.CAMEO) < 2 || g.Source == "" {
			return fmt.Errorf("%s:%d: want story, source and cameo", path, n)
		}
		out = append(out, g)
		return nil
	})
	return out, err
}

// RecallResult counts the gold events some asserted record finds.
type RecallResult struct {
	Gold    []GoldEvent
	found   map[int]bool
	strict  map[int]bool
	stories map[string]bool
}

// NewRecall starts a count over gold.
func NewRecall(gold []GoldEvent) *RecallResult {
	return &RecallResult{Gold: gold, found: map[int]bool{}, strict: map[int]bool{}, stories: map[string]bool{}}
}

// actorLevel is the part of a code an event is matched on: the country, an
// international body's first six letters ("IGOUNO"), or "-" for none.
func actorLevel(code string) string {
	switch {
	case code == "" || code == "-":
		return "-"
	case strings.HasPrefix(code, "IGO") && len(code) >= 6:
		return code[:6]
	case len(code) >= 3:
		return code[:3]
	}
	return code
}

// sameActor matches at the country level; a bare "IGO" matches any
// international body.
func sameActor(a, b string) bool {
	x, y := actorLevel(a), actorLevel(b)
	if x == "IGO" && strings.HasPrefix(y, "IGO") || y == "IGO" && strings.HasPrefix(x, "IGO") {
		return true
	}
	return x == y
}

// Add marks the gold events of d's story that an asserted or intended
// record finds: the same source and target (country level; strict: the
// same codes) and the same CAMEO root.
func (r *RecallResult) Add(d *text.Document) {
	r.stories[d.ID] = true
	for gi, g := range r.Gold {
		if g.Story != d.ID {
			continue
		}
		for i := range d.Events {
			e := &d.Events[i]
			if e.Mode != text.ModeAsserted && e.Mode != text.ModeIntended && e.Mode != "" || len(e.CAMEO) < 2 || e.CAMEO[:2] != g.CAMEO[:2] {
				continue
			}
			tgt := "-"
			if e.Target != nil && e.Target.Code != "" {
				tgt = e.Target.Code
			}
			if sameActor(e.Source.Code, g.Source) && sameActor(tgt, g.Target) {
				r.found[gi] = true
				if e.Source.Code == g.Source && (tgt == g.Target || g.Target == "" && tgt == "-") {
					r.strict[gi] = true
				}
			}
		}
	}
}

// Write prints recall over the gold events of the stories seen, and with
// misses every gold event not found.
func (r *RecallResult) Write(w io.Writer, misses bool) {
	n, f, s := 0, 0, 0
	for gi, g := range r.Gold {
		if !r.stories[g.Story] {
			continue
		}
		n++
		if r.found[gi] {
			f++
		} else if misses {
			fmt.Fprintf(w, "missed %s [%d] %s>%s %s %s\n", g.Story, g.Sentence, g.Source, g.Target, g.CAMEO, g.What)
		}
		if r.strict[gi] {
			s++
		}
	}
	fmt.Fprintf(w, "gold events %d in %d stories; found %d = %.3f (country level), %d = %.3f (same codes)\n", n, len(r.stories), f, ratio(f, n), s, ratio(s, n))
}

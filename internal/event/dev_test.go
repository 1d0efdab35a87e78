package event_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/text"
)

// TestDevFloors fails when the dev scores drop below the floors measured
// when they were set (plover top 0.783; petr2 full 0.591, root 0.773, dyad 0.712, 2/12 false),
// with a small margin.
func TestDevFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("dev evals are slow")
	}
	run := func(d *text.Document) error { annotate(t, d); return nil }
	p, err := eval.EventsFile(devdata.File(t, "plover-gsr-dev.jsonl"), run)
	if err != nil {
		t.Fatal(err)
	}
	if acc := float64(p.PLOVERTop) / float64(p.PLOVERTotal); acc < 0.76 {
		t.Errorf("plover-gsr-dev top-event accuracy %.3f below floor 0.76", acc)
	}
	c, err := eval.EventsFile(devdata.File(t, "petr2-gsr.jsonl"), run)
	if err != nil {
		t.Fatal(err)
	}
	if root := float64(c.CAMEORoot) / float64(c.CAMEOTotal); root < 0.75 {
		t.Errorf("petr2-gsr root accuracy %.3f below floor 0.75", root)
	}
	if dyad := float64(c.CAMEODyad) / float64(c.CAMEOTotal); dyad < 0.69 {
		t.Errorf("petr2-gsr dyad accuracy %.3f below floor 0.69", dyad)
	}
	if full := float64(c.CAMEOFull) / float64(c.CAMEOTotal); full < 0.57 {
		t.Errorf("petr2-gsr full-code accuracy %.3f below floor 0.57", full)
	}
	if c.NoneFalse > 3 {
		t.Errorf("petr2-gsr false events on no-event sentences %d > 3", c.NoneFalse)
	}
}

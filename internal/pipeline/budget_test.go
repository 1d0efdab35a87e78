package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/text"
)

// stall is a test stage that works until its context ends on documents
// containing "STALL".
type stall struct{}

func (stall) Name() string { return "stall" }
func (stall) Annotate(ctx context.Context, d *text.Document) error {
	if !strings.Contains(d.Text, "STALL") {
		return nil
	}
	<-ctx.Done()
	return ctx.Err()
}

func TestTimeBudget(t *testing.T) {
	p, err := NewWithOptions(Options{TimeBudget: 50 * time.Millisecond, BudgetPerMiB: time.Millisecond}, text.Segmenter{}, stall{})
	if err != nil {
		t.Fatal(err)
	}
	in := make(chan Item, 3)
	for i, body := range []string{"Fine.", "Please STALL.", "Fine too."} {
		in <- Item{Doc: text.NewDocument(fmt.Sprint(i), "", body), Origin: fmt.Sprintf("in:%d", i)}
	}
	close(in)
	var got []Result
	for r := range p.Process(context.Background(), in, 2) {
		got = append(got, r)
	}
	if len(got) != 3 {
		t.Fatalf("got %d results, want 3", len(got))
	}
	if got[0].Err != nil || got[2].Err != nil || got[0].Record == nil || got[2].Record == nil {
		t.Errorf("the documents around the slow one failed: %v, %v", got[0].Err, got[2].Err)
	}
	if !errors.Is(got[1].Err, ErrTimeBudget) || !strings.Contains(got[1].Err.Error(), "stage stall") {
		t.Errorf("slow document: got %v, want ErrTimeBudget naming the stage", got[1].Err)
	}

	// The caller's own cancellation is not the budget's.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := p.Run(ctx, text.NewDocument("c", "", "Please STALL.")); !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeBudget) {
		t.Errorf("cancelled: got %v, want context.Canceled", err)
	}

	// A negative budget is none.
	p, err = NewWithOptions(Options{TimeBudget: -1}, stall{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if err := p.Run(ctx, text.NewDocument("c", "", "Please STALL.")); !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrTimeBudget) {
		t.Errorf("no budget: got %v, want the caller's deadline", err)
	}
}

func TestOptionsBudget(t *testing.T) {
	var o Options
	o.EnsureDefaults()
	if got := o.budget(0); got != 30*time.Second {
		t.Errorf("budget(0) = %v", got)
	}
	if got := o.budget(10 << 20); got != 330*time.Second {
		t.Errorf("budget(10 MiB) = %v", got)
	}
	if _, err := NewWithOptions(Options{BudgetPerMiB: -1}); !errors.Is(err, ErrOptions) {
		t.Errorf("negative BudgetPerMiB: %v", err)
	}
}

// TestStagesStopOnCancel checks that every default stage but the segmenter
// looks at its context: given an ended one, on a document long enough for
// their periodic checks, each returns the context's error.
func TestStagesStopOnCancel(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	body := largeText(64 << 10)
	done, cancel := context.WithCancel(context.Background())
	cancel()
	stages := p.Stages()
	for i, s := range stages {
		if s.Name() == "segment" || s.Name() == (text.Segmenter{}).Name() {
			continue
		}
		d := text.NewDocument("c", "", body)
		d.Published = "2024-03-05"
		if err := New(stages[:i]...).Run(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if err := s.Annotate(done, d); !errors.Is(err, context.Canceled) {
			t.Errorf("stage %s with an ended context: got %v, want context.Canceled", s.Name(), err)
		}
	}
}

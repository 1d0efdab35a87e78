package pipeline

import (
	"errors"
	"fmt"
	"time"
)

// Options configures a pipeline.
type Options struct {
	// TimeBudget is the time any document may spend in the stages, on top
	// of BudgetPerMiB for each MiB of its text; a document that exceeds
	// its budget fails with ErrTimeBudget and the batch goes on. Default
	// 30 s; negative turns the budget off.
	TimeBudget time.Duration
	// BudgetPerMiB is the time added to TimeBudget per MiB of text (the
	// full chain runs at about 1 MB/s per core, so the default leaves room
	// for a loaded machine). Default 30 s; a 10 MiB document gets 330 s.
	BudgetPerMiB time.Duration
}

// EnsureDefaults fills the zero fields with their defaults.
func (o *Options) EnsureDefaults() {
	if o.TimeBudget == 0 {
		o.TimeBudget = 30 * time.Second
	}
	if o.BudgetPerMiB == 0 {
		o.BudgetPerMiB = 30 * time.Second
	}
}

// ErrOptions says that an option is out of range.
var ErrOptions = errors.New("pipeline: invalid options")

// Validate checks the options.
func (o *Options) Validate() error {
	if o.BudgetPerMiB < 0 {
		return fmt.Errorf("%w: BudgetPerMiB %v < 0", ErrOptions, o.BudgetPerMiB)
	}
	return nil
}

// budget returns the time budget of a document of n bytes, 0 for none.
func (o *Options) budget(n int) time.Duration {
	if o.TimeBudget < 0 {
		return 0
	}
	return o.TimeBudget + time.Duration(float64(o.BudgetPerMiB)*float64(n)/(1<<20))
}

package event

import "fmt"

// Options configures the Coder.
type Options struct {
	// Dictionary is a folder with codes.tsv and verbs.txt; "" (default)
	// uses the embedded dictionary.
	Dictionary string
	// Statements also codes plain statements (CAMEO 010 "say", "announce")
	// when a sentence has no other event; default false.
	Statements bool
	// DropFlagged leaves negated, hypothetical and future events out of
	// Document.Events; default false (they are kept, flagged, and left out
	// of counts by the consumers).
	DropFlagged bool
	// MinConfidence drops events below it; default 0 (keep all).
	MinConfidence float64
	// Confidence scores the records; nil uses the embedded model
	// (data/confidence.tsv).
	Confidence *ConfidenceModel
	// KeepFeatures fills each event's Features with the confidence
	// model's inputs (for `train confidence`); default false.
	KeepFeatures bool
	// Unresolved accepts noun phrases that no resolver knows as actors
	// with an empty code, to measure the coder apart from actor
	// resolution; default false.
	Unresolved bool
}

// EnsureDefaults fills zero fields with their defaults (all zero values are
// the defaults today).
func (o *Options) EnsureDefaults() {}

// Validate reports options out of range.
func (o *Options) Validate() error {
	if o.MinConfidence < 0 || o.MinConfidence > 1 {
		return fmt.Errorf("event: min confidence %g out of range [0,1]", o.MinConfidence)
	}
	return nil
}

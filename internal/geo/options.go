package geo

import (
	"errors"
	"fmt"
)

// Options configures the annotator.
type Options struct {
	// Gazetteer is the place index. Default: the embedded one (Default).
	Gazetteer *Gazetteer
	// Baseline resolves every toponym to its most populous candidate and
	// ignores context. Default false; the eval sets it to measure the
	// population baseline.
	Baseline bool
	// NoGazetteerMatch keeps only toponyms that an earlier stage tagged as
	// LOC (and datelines), without the gazetteer's own matches. Default false.
	NoGazetteerMatch bool
	// MinPopulation drops toponyms found only by the gazetteer whose
	// every candidate is smaller than this. Default 0 (keep all).
	MinPopulation int64
	// NearKm is the radius within which other toponyms of the article
	// support a candidate (spatial minimality). Default 400.
	NearKm float64
}

// EnsureDefaults fills the zero fields with their defaults.
func (o *Options) EnsureDefaults() error {
	if o.Gazetteer == nil {
		g, err := Default()
		if err != nil {
			return err
		}
		o.Gazetteer = g
	}
	if o.NearKm == 0 {
		o.NearKm = 400
	}
	return nil
}

// ErrOptions says that an option is out of range.
var ErrOptions = errors.New("geo: invalid options")

// Validate checks the options.
func (o *Options) Validate() error {
	if o.MinPopulation < 0 {
		return fmt.Errorf("%w: MinPopulation %d < 0", ErrOptions, o.MinPopulation)
	}
	if o.NearKm < 0 {
		return fmt.Errorf("%w: NearKm %g < 0", ErrOptions, o.NearKm)
	}
	return nil
}

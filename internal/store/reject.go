package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/record"
)

// ErrBadRecord says that the store cannot hold a record for what it holds
// (text that breaks record.ErrBadText's rule, a value beyond a column's or
// an index's limits): storing it again will fail again. Backends wrap their
// data errors with it, so that a batch can be split to find the record;
// they wrap ErrUnavailable when the store is out of reach instead.
var ErrBadRecord = errors.New("store: record cannot be stored")

// RecordError is a Put error caused by one record of the batch.
type RecordError struct {
	ID  string
	Err error
}

func (e *RecordError) Error() string { return fmt.Sprintf("article %q: %v", e.ID, e.Err) }

// Unwrap returns ErrBadRecord and the cause.
func (e *RecordError) Unwrap() []error { return []error{ErrBadRecord, e.Err} }

// CheckRecords applies the text rule to every record, as both backends do
// before writing: the first bad record is returned as a *RecordError.
func CheckRecords(recs []*record.Record) error {
	for _, r := range recs {
		if r == nil {
			continue
		}
		if err := r.CheckText(); err != nil {
			return &RecordError{ID: r.ID, Err: err}
		}
	}
	return nil
}

// Rejected is a record PutSplit could not store, with the reason.
type Rejected struct {
	Record *record.Record
	Err    error
}

// PutSplit stores recs like Put, but a batch that fails with ErrBadRecord
// is split to find the bad records: a RecordError names its record, which
// is set aside at once; any other bad-record error halves the batch until
// the failing records stand alone. The bad records are returned with their
// reasons and every other record is stored. Any other error (the store is
// down) stops it and is returned; what was stored so far stays stored, and
// Put skips it when the caller tries again.
func PutSplit(ctx context.Context, s Store, recs []*record.Record) (PutResult, []Rejected, error) {
	var res PutResult
	var bad []Rejected
	err := putSplit(ctx, s, recs, &res, &bad)
	return res, bad, err
}

func putSplit(ctx context.Context, s Store, recs []*record.Record, res *PutResult, bad *[]Rejected) error {
	for len(recs) > 0 {
		r, err := s.Put(ctx, recs)
		if err == nil {
			res.Add(r)
			return nil
		}
		if !errors.Is(err, ErrBadRecord) {
			return err
		}
		var re *RecordError
		if errors.As(err, &re) {
			if i := indexOf(recs, re.ID); i >= 0 {
				*bad = append(*bad, Rejected{Record: recs[i], Err: re.Err})
				recs = append(recs[:i:i], recs[i+1:]...)
				continue
			}
		}
		if len(recs) == 1 {
			*bad = append(*bad, Rejected{Record: recs[0], Err: err})
			return nil
		}
		half := len(recs) / 2
		if err := putSplit(ctx, s, recs[:half], res, bad); err != nil {
			return err
		}
		recs = recs[half:]
	}
	return nil
}

func indexOf(recs []*record.Record, id string) int {
	for i, r := range recs {
		if r != nil && r.ID == id {
			return i
		}
	}
	return -1
}

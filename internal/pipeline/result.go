package pipeline

import (
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// Item is one document to process, as read by internal/source. Err is set
// when the reader could not make a document (malformed JSONL line, binary
// file, ...); such items pass through to the results unprocessed.
type Item struct {
	Doc    *text.Document
	Origin string // where it came from: "file.jsonl:17", a URL, "-"
	Err    error
}

// Result is one processed document: its record, or the error that stopped it.
type Result struct {
	Doc    *text.Document
	Record *record.Record
	Origin string
	Err    error
}

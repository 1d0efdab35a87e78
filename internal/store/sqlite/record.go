package sqlite

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/klauspost/compress/s2"

	"github.com/newsgraph/newsgraph/record"
)

// articles.record holds the record.Record as JSON. Up to schema version 3 the
// JSON is stored as is; from version 4 Put stores it as one Snappy block
// (any Snappy decoder reads it) after the byte recordSnappy. Compression
// takes about a third of the bytes off, and writing those bytes (table pages,
// WAL frames, checkpoint) was the largest part of Put's cost; JSON starts
// with '{', so both forms can be read.
const recordSnappy = 0x01

// errBadRecord says that a stored record blob is in no known form.
var errBadRecord = errors.New("sqlite: bad record blob")

// recordEncoder makes record blobs, reusing its buffers from one record to
// the next.
type recordEncoder struct {
	js   bytes.Buffer
	enc  *json.Encoder
	blob []byte
}

// encode returns r's blob, valid until the next call.
func (e *recordEncoder) encode(r *record.Record) ([]byte, error) {
	if e.enc == nil {
		e.enc = json.NewEncoder(&e.js) // as json.Marshal, plus a newline
	}
	e.js.Reset()
	if err := e.enc.Encode(r); err != nil {
		return nil, fmt.Errorf("cannot encode record: %w", err)
	}
	js := bytes.TrimSuffix(e.js.Bytes(), []byte{'\n'})
	n := s2.MaxEncodedLen(len(js))
	if n < 0 {
		return nil, fmt.Errorf("cannot encode record: %d bytes of JSON", len(js))
	}
	if cap(e.blob) < 1+n {
		e.blob = make([]byte, 1+n)
	}
	b := e.blob[:1+n]
	b[0] = recordSnappy
	return b[:1+len(s2.EncodeSnappy(b[1:], js))], nil
}

// decodeRecord decodes a blob of either form into r.
func decodeRecord(b []byte, r *record.Record) error {
	if len(b) > 0 && b[0] == recordSnappy {
		js, err := s2.Decode(nil, b[1:])
		if err != nil {
			return fmt.Errorf("%w: %w", errBadRecord, err)
		}
		b = js
	}
	return json.Unmarshal(b, r)
}

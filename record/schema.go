package record

import _ "embed"

// JSONSchema is the JSON Schema (draft 2020-12) of a Record, also in
// record/schema.json and described in docs/RECORD.md.
//
//go:embed schema.json
var JSONSchema []byte

package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/record"
)

func writeJSONL(ctx context.Context, s store.Store, w io.Writer, f store.Filter) (int, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	err := s.Records(ctx, f, func(r *record.Record) error {
		n++
		return enc.Encode(r)
	})
	if err != nil {
		return n, fmt.Errorf("cannot export records: %w", err)
	}
	return n, bw.Flush()
}

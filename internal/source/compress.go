package source

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/newsgraph/newsgraph/internal/pipeline"
)

// ErrUnsupported rejects a file in a format the readers cannot read: an
// archive, a compression other than gzip and zstd, or an office document.
var ErrUnsupported = fmt.Errorf("%w: unsupported file format", pipeline.ErrRejected)

// compression is a stream layer around a document or collection.
type compression int

const (
	compressNone compression = iota
	compressGzip
	compressZstd
)

// compressionOf names a file's compression by its extension and returns
// the name without it, whose extension then names the format
// ("a.jsonl.gz" is gzip around JSON Lines).
func compressionOf(p string) (compression, string) {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".gz", ".gzip":
		return compressGzip, p[:len(p)-len(filepath.Ext(p))]
	case ".zst", ".zstd":
		return compressZstd, p[:len(p)-len(filepath.Ext(p))]
	}
	return compressNone, p
}

// compressionMagic names the compression of a stream by its first bytes.
func compressionMagic(head []byte) compression {
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return compressGzip
	case bytes.HasPrefix(head, []byte{0x28, 0xb5, 0x2f, 0xfd}):
		return compressZstd
	}
	return compressNone
}

// unsupportedExt lists the extensions of files that hold articles the
// readers cannot read; a folder walk reports them instead of skipping them.
var unsupportedExt = map[string]string{
	".zip": "zip archive", ".tar": "tar archive", ".tgz": "tar archive", ".7z": "7-Zip archive", ".rar": "RAR archive",
	".bz2": "bzip2", ".xz": "xz", ".lz4": "LZ4", ".lzma": "LZMA", ".br": "Brotli", ".z": "compress", ".sz": "Snappy",
	".pdf": "PDF", ".doc": "Word document", ".docx": "Word document", ".odt": "OpenDocument text", ".rtf": "RTF",
	".epub": "EPUB",
}

// unsupported says why the file at p cannot be read, or "" when it can be
// tried. A tar inside gzip or zstd is unsupported too.
func unsupported(p string) string {
	c, inner := compressionOf(p)
	if what, ok := unsupportedExt[strings.ToLower(filepath.Ext(inner))]; ok {
		if c != compressNone {
			return "compressed " + what
		}
		return what
	}
	return ""
}

// decompress wraps rd in the decompressor of c. The caller closes the
// result. The readers cap what they take from it per document, so a small
// file that expands without end is cut at the size limit like any other.
func decompress(c compression, rd io.Reader) (io.ReadCloser, error) {
	switch c {
	case compressGzip:
		z, err := gzip.NewReader(rd)
		if err != nil {
			return nil, fmt.Errorf("%w: not gzip: %v", errMalformed, err)
		}
		return z, nil
	case compressZstd:
		// One goroutine and a bounded window: a zstd frame may ask the
		// decoder for a window of gigabytes.
		z, err := zstd.NewReader(rd, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(64<<20), zstd.WithDecoderMaxMemory(1<<30))
		if err != nil {
			return nil, fmt.Errorf("%w: not zstd: %v", errMalformed, err)
		}
		return z.IOReadCloser(), nil
	}
	return io.NopCloser(rd), nil
}

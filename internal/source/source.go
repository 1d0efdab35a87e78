// Package source reads articles from plain text, HTML, JSON, JSONL, RSS/Atom
// feeds, folders, URLs and standard input (gzip and zstd read through), and
// turns each into a text.Document; collections are streamed one document
// at a time. It is the first step of the flow: source → text →
// annotators → record. A reader error about one document becomes an Item
// with Err and the rest of the input goes on.
package source

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// Rejection reasons. A rejected document is refused for what it is; it is
// reported and counted, and the batch goes on.
var (
	ErrEmpty    = fmt.Errorf("%w: empty document", pipeline.ErrRejected)
	ErrBinary   = fmt.Errorf("%w: binary content", pipeline.ErrRejected)
	ErrTooLarge = fmt.Errorf("%w: document larger than the size limit", pipeline.ErrRejected)
	ErrNoText   = fmt.Errorf("%w: no body text found", pipeline.ErrRejected)
	ErrPrivate  = errors.New("source: address is private or loopback (allow with --allow-private)")
	// ErrNotRegular rejects a FIFO, socket or device met in a folder: it is
	// skipped rather than read, which could block for ever.
	ErrNotRegular = fmt.Errorf("%w: not a regular file, skipped", pipeline.ErrRejected)
)

// Options configures the readers.
type Options struct {
	// MaxBytes is the largest document accepted, in bytes. Default 10 MB.
	MaxBytes int64
	// Published is the date (YYYY-MM-DD or RFC 3339) of documents for which
	// neither the input, the page's metadata, the URL nor a dateline gives
	// one; a dateline without a year takes its year. Default: none.
	Published string
	// AllowPrivate lets URLs reach private, loopback and link-local
	// addresses. Default false.
	AllowPrivate bool
	// Timeout bounds one HTTP fetch. Default 30s.
	Timeout time.Duration
	// MaxRedirects bounds redirects followed per fetch. Default 5.
	MaxRedirects int
	// FollowLinks fetches the page of each feed item instead of using the
	// feed's own summary. Default false.
	FollowLinks bool
	// UserAgent is sent with HTTP requests. Default "newsgraph/1".
	UserAgent string
	// Stdin is what the argument "-" reads. Default os.Stdin.
	Stdin io.Reader
}

// EnsureDefaults fills unset fields with their defaults.
func (o *Options) EnsureDefaults() {
	if o.MaxBytes <= 0 {
		o.MaxBytes = 10 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.UserAgent == "" {
		o.UserAgent = "newsgraph/1"
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
}

// Validate reports options that cannot work.
func (o *Options) Validate() error {
	if o.Published != "" {
		if _, err := record.ParsePublished(o.Published); err != nil {
			return fmt.Errorf("source: --published: %w", err)
		}
	}
	return nil
}

// Input is one article as a reader found it, before it becomes a Document.
type Input struct {
	ID, URL, Source, Title, Author, Published string
	// PublishedFrom says where Published came from when it was not the
	// input's own field (record.PublishedHTML); empty means given.
	PublishedFrom string
	Body          string
}

// Open streams the documents named by args (files, folders, URLs, "-" for
// standard input) in order. The channel is closed at the end of the input
// or when ctx is done.
func Open(ctx context.Context, args []string, opts Options) <-chan pipeline.Item {
	opts.EnsureDefaults()
	out := make(chan pipeline.Item, 16)
	go func() {
		defer close(out)
		r := &reader{ctx: ctx, opts: opts, out: out}
		for _, a := range args {
			if ctx.Err() != nil {
				return
			}
			r.arg(a)
		}
	}()
	return out
}

type reader struct {
	ctx  context.Context
	opts Options
	out  chan<- pipeline.Item
	web  *fetcher
}

// emit sends one item; it returns false when ctx is done.
func (r *reader) emit(it pipeline.Item) bool {
	select {
	case r.out <- it:
		return true
	case <-r.ctx.Done():
		return false
	}
}

func (r *reader) fail(origin string, err error) bool {
	return r.emit(pipeline.Item{Origin: origin, Err: err})
}

// input turns an Input into a Document and emits it.
func (r *reader) input(origin string, in Input) bool {
	d, err := r.document(in)
	if err != nil {
		return r.fail(origin, err)
	}
	return r.emit(pipeline.Item{Doc: d, Origin: origin})
}

func (r *reader) document(in Input) (*text.Document, error) {
	body := normalise(in.Body)
	title := strings.TrimSpace(normalise(in.Title))
	if strings.TrimSpace(body) == "" {
		if title == "" {
			return nil, ErrEmpty
		}
		return nil, ErrNoText
	}
	if int64(len(body)+len(title)) > r.opts.MaxBytes {
		return nil, fmt.Errorf("%w (%d bytes > %d)", ErrTooLarge, len(body)+len(title), r.opts.MaxBytes)
	}
	if looksBinary(body) {
		return nil, ErrBinary
	}
	id := in.ID
	if id == "" {
		id = in.URL
	}
	if id == "" {
		h := sha256.Sum256([]byte(title + "\n\n" + body))
		id = "sha256:" + hex.EncodeToString(h[:12])
	}
	d := text.NewDocument(id, title, body)
	d.URL, d.Source, d.Author = in.URL, in.Source, in.Author
	d.Published, d.PublishedFrom = in.Published, in.PublishedFrom
	// looksBinary sees only the head: the one text rule covers every
	// field, whole.
	if err := d.Clean(); err != nil {
		return nil, fmt.Errorf("%w: %w", pipeline.ErrRejected, err)
	}
	d.ResolvePublished(r.opts.Published)
	return d, nil
}

// arg reads one command-line argument.
func (r *reader) arg(a string) {
	switch {
	case a == "-":
		r.stream("-", formatUnknown, r.opts.Stdin)
	case isURL(a):
		r.url(a)
	default:
		fi, err := os.Stat(a)
		if err != nil {
			r.fail(a, fmt.Errorf("cannot read %s: %w", a, err))
			return
		}
		if fi.IsDir() {
			r.dir(a)
			return
		}
		// A FIFO named on the command line (a shell's <(...)) is read.
		r.file(a, false)
	}
}

// dir walks a folder recursively, in lexical order, and reads the regular
// files whose extension names a known format, compressed (.gz, .zst) or
// not. A FIFO, socket or device is reported and skipped, and so is a file
// in a format the readers do not support (an archive, bzip2 or xz, PDF,
// office documents); files with other extensions (images, notes) are left
// alone, and so are hidden folders.
func (r *reader) dir(root string) {
	err := filepath.WalkDir(root, func(p string, de os.DirEntry, err error) error {
		if err != nil {
			r.fail(p, fmt.Errorf("cannot walk %s: %w", p, err))
			return nil
		}
		if r.ctx.Err() != nil {
			return r.ctx.Err()
		}
		if de.IsDir() {
			if p != root && strings.HasPrefix(de.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		c, inner := compressionOf(p)
		why := unsupported(p)
		if formatOf(inner) == formatUnknown && c == compressNone && why == "" {
			return nil
		}
		mode := de.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				r.fail(p, fmt.Errorf("cannot read %s: %w", p, err))
				return nil
			}
			if fi.IsDir() {
				return nil // symbolic links to folders are not followed
			}
			mode = fi.Mode().Type()
		}
		switch {
		case !mode.IsRegular():
			r.fail(p, fmt.Errorf("%w (%s)", ErrNotRegular, fileType(mode)))
		case why != "":
			r.fail(p, fmt.Errorf("%w: %s (read .gz, .zst or plain files)", ErrUnsupported, why))
		default:
			r.file(p, true)
		}
		return nil
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		r.fail(root, err)
	}
}

// fileType names the type of a file that is not regular.
func fileType(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "FIFO"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "device"
	}
	return "irregular file"
}

// file reads one file as a stream, through its decompressor when its name
// ends in .gz or .zst. A file found by walking a folder is opened without
// blocking and read only if it is still a regular file once open.
func (r *reader) file(p string, walked bool) {
	if why := unsupported(p); why != "" {
		r.fail(p, fmt.Errorf("%w: %s (read .gz, .zst or plain files)", ErrUnsupported, why))
		return
	}
	flag := os.O_RDONLY
	if walked {
		flag |= syscall.O_NONBLOCK
	}
	f, err := os.OpenFile(p, flag, 0)
	if err != nil {
		r.fail(p, fmt.Errorf("cannot open %s: %w", p, err))
		return
	}
	defer f.Close()
	if walked {
		if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
			r.fail(p, ErrNotRegular)
			return
		}
	}
	c, inner := compressionOf(p)
	var rd io.Reader = f
	if c != compressNone {
		z, err := decompress(c, f)
		if err != nil {
			r.fail(p, fmt.Errorf("cannot read %s: %w", p, err))
			return
		}
		defer z.Close()
		rd = z
	}
	r.stream(p, formatOf(inner), rd)
}

// bytes reads a whole document or collection whose format is known by name
// or sniffed from its content.
func (r *reader) bytes(origin string, f format, b []byte) {
	if f == formatUnknown {
		f = sniff(b)
	}
	switch f {
	case formatJSONL:
		r.jsonl(origin, strings.NewReader(string(b)))
	case formatJSON:
		r.json(origin, b)
	case formatHTML:
		r.html(origin, "", b)
	case formatFeed:
		r.feed(origin, b)
	default:
		if looksBinary(string(b)) {
			r.fail(origin, ErrBinary)
			return
		}
		r.input(origin, Input{ID: idFromPath(origin), Body: string(b)})
	}
}

func idFromPath(p string) string {
	if p == "-" || p == "" {
		return ""
	}
	return p
}

// readAll reads at most max bytes and fails beyond that.
func readAll(rd io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(rd, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w (> %d bytes)", ErrTooLarge, max)
	}
	return b, nil
}

package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/internal/export"
	"github.com/newsgraph/newsgraph/internal/store"
)

// queryFlags are the query command's flags; they map onto store.Filter.
type queryFlags struct {
	db, dyad, bbox, format, event string
	all                           bool
	f                             store.Filter
}

func (q *queryFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	dbFlag(cmd, &q.db)
	fl.StringVar(&q.f.Actor, "actor", "", "actor code prefix or country code (RUS, RUSGOV) on either side")
	fl.StringVar(&q.dyad, "dyad", "", "two actors: A:B either direction, A>B from A to B (RUS:CHN)")
	fl.StringVar(&q.f.CAMEO, "cameo", "", "CAMEO code prefix (04 = consult)")
	fl.StringVar(&q.f.PLOVER, "plover", "", "PLOVER event type (CONSULT, PROTEST, ...)")
	fl.IntVar(&q.f.QuadClass, "quad", 0, "quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict")
	fl.Float64Var(&q.f.MinConfidence, "min-confidence", 0, "events reported with at least this confidence (0 to 1)")
	fl.StringVar(&q.f.From, "from", "", "first date, YYYY-MM-DD")
	fl.StringVar(&q.f.To, "to", "", "last date, YYYY-MM-DD")
	fl.StringVar(&q.f.Place, "place", "", "event place name")
	fl.StringVar(&q.bbox, "bbox", "", "event bounding box: minLat,minLon,maxLat,maxLon")
	fl.StringVar(&q.f.Text, "text", "", "words that must occur in the article")
	fl.BoolVar(&q.f.AllModes, "all-modes", false, "keep negated and hypothetical events too (left out of listings, counts and exports by default)")
	fl.StringVar(&q.f.Article, "article", "", "one article's id")
	fl.StringVar(&q.event, "event", "", "event id (for mentions)")
	fl.IntVar(&q.f.Limit, "limit", store.DefaultLimit, "rows per page")
	fl.StringVar(&q.f.Cursor, "cursor", "", "continue after a previous page (printed at its end)")
	fl.BoolVar(&q.all, "all", false, "print every page")
	fl.StringVar(&q.format, "format", "", "table, jsonl or csv (default: table on a terminal, else jsonl)")
}

func (q *queryFlags) filter() (store.Filter, error) {
	f := q.f
	if q.dyad != "" {
		d, err := store.ParseDyad(q.dyad)
		if err != nil {
			return f, err
		}
		f.Dyad = d
	}
	if q.bbox != "" {
		b, err := store.ParseBBox(q.bbox)
		if err != nil {
			return f, err
		}
		f.BBox = b
	}
	f.EnsureDefaults()
	return f, f.Validate()
}

// outFormat resolves --format: table on a terminal, JSONL otherwise.
func outFormat(flag string) (string, error) {
	switch flag {
	case "table", "jsonl", "csv":
		return flag, nil
	case "":
		if term.IsTerminal(int(os.Stdout.Fd())) {
			return "table", nil
		}
		return "jsonl", nil
	}
	return "", fmt.Errorf("unknown format %q: want table, jsonl or csv", flag)
}

// columns says how a row type prints as a table or CSV. csvHead and csvRow,
// when set, replace head and row in CSV (events: the one event table layout
// of export.EventHeader).
type columns[T any] struct {
	head    []string
	row     func(T) []string
	csvHead []string
	csvRow  func(T) []string
}

// writer prints rows in one format.
type writer[T any] struct {
	format string
	cols   columns[T]
	out    *bufio.Writer
	tw     *tabwriter.Writer
	cw     *csv.Writer
	enc    *json.Encoder
	rows   int
}

func newWriter[T any](w io.Writer, format string, cols columns[T]) *writer[T] {
	x := &writer[T]{format: format, cols: cols, out: bufio.NewWriter(w)}
	switch format {
	case "table":
		x.tw = tabwriter.NewWriter(x.out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(x.tw, strings.ToUpper(strings.Join(cols.head, "\t")))
	case "csv":
		x.cw = csv.NewWriter(x.out)
		if cols.csvHead != nil {
			x.cols.head, x.cols.row = cols.csvHead, cols.csvRow
		}
		x.cw.Write(x.cols.head)
	default:
		x.enc = json.NewEncoder(x.out)
		x.enc.SetEscapeHTML(false)
	}
	return x
}

func (x *writer[T]) write(items []T) error {
	for _, it := range items {
		x.rows++
		var err error
		switch {
		case x.tw != nil:
			cells := x.cols.row(it)
			for i, c := range cells {
				cells[i] = clip(c, 60)
			}
			_, err = fmt.Fprintln(x.tw, strings.Join(cells, "\t"))
		case x.cw != nil:
			err = x.cw.Write(x.cols.row(it))
		default:
			err = x.enc.Encode(it)
		}
		if err != nil {
			return fmt.Errorf("cannot write: %w", err)
		}
	}
	return nil
}

func (x *writer[T]) close() error {
	if x.tw != nil {
		x.tw.Flush()
	}
	if x.cw != nil {
		x.cw.Flush()
		if err := x.cw.Error(); err != nil {
			return err
		}
	}
	return x.out.Flush()
}

// clip shortens s to n runes on one line for a table cell.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
func f2(f float64) string   { return strconv.FormatFloat(f, 'f', 2, 64) }
func itoa(i int) string     { return strconv.Itoa(i) }

// list pages through a listing and prints it.
func list[T any](ctx context.Context, q *queryFlags, f store.Filter, cols columns[T],
	fetch func(context.Context, store.Filter) (store.Page[T], error)) error {
	format, err := outFormat(q.format)
	if err != nil {
		return err
	}
	w := newWriter(os.Stdout, format, cols)
	for {
		p, err := fetch(ctx, f)
		if err != nil {
			return err
		}
		if err := w.write(p.Items); err != nil {
			return err
		}
		if p.Next == "" {
			break
		}
		if !q.all {
			if err := w.close(); err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "more: add --cursor %s (or --all)\n", p.Next)
			return nil
		}
		f.Cursor = p.Next
	}
	if err := w.close(); err != nil {
		return err
	}
	if format == "table" && w.rows == 0 {
		fmt.Fprintln(os.Stderr, "no rows")
	}
	return nil
}

func actorCell(a *store.ActorRef) string {
	if a == nil {
		return ""
	}
	return a.Code
}

var eventCols = columns[store.Event]{
	head: []string{"date", "id", "source", "target", "cameo", "plover", "quad", "goldstein", "place",
		"mentions", "articles", "stories", "sources", "tone", "trigger", "first_article", "mode"},
	row: func(e store.Event) []string {
		place := ""
		if e.Place != nil {
			place = e.Place.Name
		}
		return []string{e.Date, e.ID, e.Source.Code, actorCell(e.Target), e.CAMEO, e.PLOVER, itoa(e.QuadClass), ftoa(e.Goldstein), place,
			itoa(e.NumMentions), itoa(e.NumArticles), itoa(e.NumStories), itoa(e.NumSources), f2(e.AvgTone), e.Trigger, e.FirstArticle, e.Mode}
	},
	csvHead: export.EventHeader,
	csvRow:  export.EventCells,
}

var articleCols = columns[store.Article]{
	head: []string{"published", "id", "source", "title", "story", "events", "tone", "words", "url"},
	row: func(a store.Article) []string {
		return []string{a.Published, a.ID, a.Source, a.Title, a.Story, itoa(a.Events), f2(a.Tone), itoa(a.Words), a.URL}
	},
}

var actorCols = columns[store.Actor]{
	head: []string{"code", "country", "name", "mentions", "articles"},
	row: func(a store.Actor) []string {
		return []string{a.Code, a.Country, a.Name, itoa(a.Mentions), itoa(a.Articles)}
	},
}

var quoteCols = columns[store.Quote]{
	head: []string{"published", "article", "speaker", "speaker_code", "kind", "text"},
	row: func(q store.Quote) []string {
		return []string{q.Published, q.ArticleID, q.Speaker, q.SpeakerCode, q.Kind, q.Text}
	},
}

var amountCols = columns[store.Amount]{
	head: []string{"published", "article", "value", "unit", "object", "text"},
	row: func(a store.Amount) []string {
		return []string{a.Published, a.ArticleID, ftoa(a.Value), a.Unit, a.Object, a.Text}
	},
}

var mentionCols = columns[store.Mention]{
	head: []string{"event", "article", "source", "published", "sentence", "start", "end", "trigger", "confidence", "url"},
	row: func(m store.Mention) []string {
		return []string{m.EventID, m.ArticleID, m.Source, m.Published, itoa(m.Sentence), itoa(m.Start), itoa(m.End), m.Trigger, f2(m.Confidence), m.URL}
	},
}

func newQueryCmd() *cobra.Command {
	var q queryFlags
	cmd := &cobra.Command{
		Use:   "query events|articles|actors|quotes|amounts|mentions [flags]",
		Short: "Ask the database for events, articles, actors, quotes, amounts or an event's mentions",
		Long: `Query lists rows of the database (--db, default ./newsgraph.db) that match
all the given filters. Events are real-world events, each counted once
however many articles report it (see mentions, articles, stories, sources);
"mentions --event ID" lists the reports of one event. Filters that concern
events (dyad, CAMEO, PLOVER, quad class, place, box) select, for the other
listings, the articles that report such an event.

Output is a table on a terminal and JSON Lines otherwise (--format).
Pages hold --limit rows; --all prints them all.`,
		Example: `  newsgraph query events --dyad RUS:CHN --from 2023-01-01
  newsgraph query events --actor USA --quad 4 --format csv > usa-conflict.csv
  newsgraph query articles --text "grain corridor"
  newsgraph query quotes --actor RUSGOV
  newsgraph query mentions --event 3f0c9a1d2b4e5f60`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"events", "articles", "actors", "quotes", "amounts", "mentions"},
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := q.filter()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			st, err := openStore(ctx, q.db, true)
			if err != nil {
				return err
			}
			defer st.Close()
			switch args[0] {
			case "events":
				return list(ctx, &q, f, eventCols, st.Events)
			case "articles":
				return list(ctx, &q, f, articleCols, st.Articles)
			case "actors":
				return list(ctx, &q, f, actorCols, st.Actors)
			case "quotes":
				return list(ctx, &q, f, quoteCols, st.Quotes)
			case "amounts":
				return list(ctx, &q, f, amountCols, st.Amounts)
			case "mentions":
				if q.event == "" {
					return fmt.Errorf("mentions needs --event ID (the id column of query events)")
				}
				return list(ctx, &q, f, mentionCols, func(ctx context.Context, _ store.Filter) (store.Page[store.Mention], error) {
					ms, err := st.Mentions(ctx, q.event)
					return store.Page[store.Mention]{Items: ms}, err
				})
			}
			return fmt.Errorf("unknown listing %q: want events, articles, actors, quotes, amounts or mentions", args[0])
		},
	}
	q.add(cmd)
	return cmd
}

func init() { rootCmd.AddCommand(newQueryCmd()) }

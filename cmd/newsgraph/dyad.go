package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/store"
)

var dyadCols = columns[store.DyadPoint]{
	head: []string{"period", "events", "mentions", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
		"goldstein_sum", "goldstein_mean", "tone"},
	row: func(p store.DyadPoint) []string {
		return []string{p.Period, itoa(p.Events), itoa(p.Mentions), itoa(p.Quad[1]), itoa(p.Quad[2]), itoa(p.Quad[3]), itoa(p.Quad[4]),
			f2(p.GoldsteinSum), f2(p.GoldsteinMean), f2(p.Tone)}
	},
}

func newDyadCmd() *cobra.Command {
	var (
		db, by, format string
		directed       bool
		q              store.DyadQuery
	)
	cmd := &cobra.Command{
		Use:   "dyad A B [flags]",
		Short: "Print the time series of events between two actors",
		Long: `Dyad prints, per day, week (from Monday) or month, the events between A and
B (actor code prefixes or country codes, e.g. RUS CHN or RUSGOV UKRMIL) in
either direction (--directed: A to B only): the number of events and of their
mentions, the events per quad class, the sum and mean Goldstein score, and the
mean tone of the reporting articles. Each event counts once, however many
articles report it. Events without a date (neither the text nor the article
gave one) come last, in a row whose period is "undated". Events the text
denies or only weighs (mode negated or hypothetical) are not counted unless
--all-modes; requested and intended ones are (CAMEO codes them as events).`,
		Example: `  newsgraph dyad RUS CHN --by month
  newsgraph dyad USA CHN --by week --from 2023-01-01 --format csv > usa-chn.csv`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			q.Dyad = store.Dyad{A: args[0], B: args[1], Directed: directed}
			q.By = store.Period(by)
			q.EnsureDefaults()
			if err := q.Validate(); err != nil {
				return err
			}
			fmtName, err := outFormat(format)
			if err != nil {
				return err
			}
			st, err := openStore(cmd.Context(), db, true)
			if err != nil {
				return err
			}
			defer st.Close()
			ser, err := st.Dyad(cmd.Context(), q)
			if err != nil {
				return err
			}
			// Undated events are in no period: one last row, "undated".
			pts := ser.Points
			if ser.Undated.Events > 0 {
				u := ser.Undated
				u.Period = "undated"
				pts = append(pts, u)
			}
			w := newWriter(os.Stdout, fmtName, dyadCols)
			if err := w.write(pts); err != nil {
				return err
			}
			if err := w.close(); err != nil {
				return err
			}
			if fmtName == "table" {
				total := store.DyadPoint{}
				for _, p := range pts {
					total.Events += p.Events
					for i := range p.Quad {
						total.Quad[i] += p.Quad[i]
					}
				}
				arrow := "–"
				if directed {
					arrow = "→"
				}
				periods := fmt.Sprintf("%d %s", len(ser.Points), q.By)
				if len(ser.Points) != 1 {
					periods += "s"
				}
				if n := ser.Undated.Events; n > 0 {
					periods += fmt.Sprintf(", %d of them undated", n)
				}
				fmt.Fprintf(os.Stderr, "%s%s%s: %d events in %s (%s)\n", strings.ToUpper(args[0]), arrow, strings.ToUpper(args[1]),
					total.Events, periods, quadSummary(total.Quad))
			}
			return nil
		},
	}
	dbFlag(cmd, &db)
	cmd.Flags().StringVar(&by, "by", "month", "period: day, week or month")
	cmd.Flags().StringVar(&q.From, "from", "", "first date, YYYY-MM-DD")
	cmd.Flags().StringVar(&q.To, "to", "", "last date, YYYY-MM-DD")
	cmd.Flags().BoolVar(&directed, "directed", false, "only events from A to B")
	cmd.Flags().BoolVar(&q.AllModes, "all-modes", false, "count negated and hypothetical events too (left out by default)")
	cmd.Flags().StringVar(&format, "format", "", "table, jsonl or csv (default: table on a terminal, else jsonl)")
	return cmd
}

func quadSummary(q [5]int) string {
	var parts []string
	for i := 1; i <= 4; i++ {
		parts = append(parts, fmt.Sprintf("%s %d", quadNames[i], q[i]))
	}
	return strings.Join(parts, ", ")
}

func init() { rootCmd.AddCommand(newDyadCmd()) }

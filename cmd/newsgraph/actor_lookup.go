package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/actor"
)

func init() {
	var date, dict string
	lookup := &cobra.Command{
		Use:   "lookup NAME... [--date YYYY-MM-DD]",
		Short: "Print the actor the dictionary gives a name or code on a date (a person's dated roles applied)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			on, err := lookupDate(date, time.Now())
			if err != nil {
				return err
			}
			r, err := actor.New(actor.Options{Dictionary: dict})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			for _, name := range args {
				a, ok := r.Lookup(name, on)
				if !ok {
					fmt.Fprintf(out, "%s\t-\n", name)
					continue
				}
				b, err := json.Marshal(a)
				if err != nil {
					return fmt.Errorf("cannot encode actor: %w", err)
				}
				fmt.Fprintf(out, "%s\t%s\n", name, b)
			}
			return nil
		},
	}
	lookup.Flags().StringVar(&date, "date", "", "date of the mention, YYYY-MM-DD (default: today)")
	lookup.Flags().StringVar(&dict, "dictionary", "", "actor dictionary folder (default: the embedded dictionary)")
	cmd := &cobra.Command{
		Use:   "actor",
		Short: "Query the actor dictionary",
	}
	cmd.AddCommand(lookup)
	rootCmd.AddCommand(cmd)
}

// lookupDate returns the date of an actor lookup: date when it is a real
// YYYY-MM-DD day, today (in local time) when it is empty.
func lookupDate(date string, now time.Time) (string, error) {
	if date == "" {
		return now.Format(time.DateOnly), nil
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil || len(date) != len(time.DateOnly) {
		return "", fmt.Errorf("--date %q: want a real day as YYYY-MM-DD", date)
	}
	return date, nil
}

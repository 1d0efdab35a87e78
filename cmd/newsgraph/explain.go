package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/event"
	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

func newExplainCmd() *cobra.Command {
	var published string
	cmd := &cobra.Command{
		Use:   "explain [flags] TEXT...",
		Short: "Show why a text got its entities, actors and events: tree, chunks, roles, modality",
		Long: `Explain annotates a short text (the arguments joined by spaces, or - for
standard input) with the default pipeline and prints, sentence by sentence:
the dependency tree (word, lemma, tags, head, relation), the entities with
their type, the stage that found them and their actor, the mentions
(pronouns, nominals, generic agents) and what they resolve to, the event
coder's chunks (noun phrases [..], verb groups <..> with tense, negation,
modality and subject), and each event with its source, target, codes,
trigger, modality, speaker, date, place and confidence.`,
		Example: `  newsgraph explain "Oslo asked Ankara to hand over the suspect, officials said."`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			body := strings.Join(args, " ")
			if body == "-" {
				b, err := io.ReadAll(io.LimitReader(os.Stdin, 1<<20))
				if err != nil {
					return fmt.Errorf("cannot read standard input: %w", err)
				}
				body = string(b)
			}
			if strings.TrimSpace(body) == "" {
				return fmt.Errorf("nothing to explain: give a sentence")
			}
			d := text.NewDocument("explain", "", body)
			if published != "" {
				p, err := record.ParsePublished(published)
				if err != nil {
					return fmt.Errorf("bad --published: %w", err)
				}
				d.Published = p
			}
			p, err := pipeline.Default()
			if err != nil {
				return fmt.Errorf("cannot build the pipeline: %w", err)
			}
			if err := p.Run(cmd.Context(), d); err != nil {
				return fmt.Errorf("cannot annotate: %w", err)
			}
			c, err := event.Default()
			if err != nil {
				return err
			}
			explain(cmd.OutOrStdout(), d, c)
			return nil
		},
	}
	cmd.Flags().StringVar(&published, "published", "", "publication date (YYYY-MM-DD) for relative dates")
	return cmd
}

func init() { rootCmd.AddCommand(newExplainCmd()) }

// explain writes the layers of d sentence by sentence.
func explain(w io.Writer, d *text.Document, c *event.Coder) {
	for si, s := range d.Sentences {
		fmt.Fprintf(w, "sentence %d: %s\n", si+1, d.Slice(s.Span))
		if d.Syntax != nil {
			fmt.Fprintln(w, "  tree:")
			for i := s.FirstToken; i < s.EndToken; i++ {
				x := d.Syntax[i]
				head := "ROOT"
				if x.Head >= 0 {
					head = fmt.Sprintf("%d %s", x.Head-s.FirstToken+1, d.TokenText(x.Head))
				}
				fmt.Fprintf(w, "    %2d %-16s %-12s %-5s %-4s %-10s <- %s\n", i-s.FirstToken+1, d.TokenText(i), x.Lemma, x.UPOS, x.XPOS, x.Rel, head)
			}
		}
		for _, e := range d.Entities {
			if !s.Contains(e.Span) {
				continue
			}
			fmt.Fprintf(w, "  entity %q %s (by %s)", d.Slice(e.Span), e.Type, e.Origin)
			if e.Decided {
				fmt.Fprint(w, " decided")
			}
			if e.Team {
				fmt.Fprint(w, " team")
			}
			fmt.Fprintf(w, " actor %s\n", actorString(e.Actor))
		}
		for _, m := range d.Mentions {
			if !s.Contains(m.Span) {
				continue
			}
			fmt.Fprintf(w, "  mention %q %s actor %s\n", d.Slice(m.Span), m.Kind, actorString(m.Actor))
		}
		fmt.Fprintf(w, "  chunks: %s\n", c.Explain(d, si))
		for _, e := range d.Events {
			if e.Sentence != si {
				continue
			}
			tgt := "(none named)"
			if e.Target != nil {
				tgt = fmt.Sprintf("%s %q", e.Target.Code, d.Slice(e.Target.Span))
			}
			mode := []string{e.Mode}
			if e.Future && e.Mode != text.ModeIntended {
				mode = append(mode, "future")
			}
			codes := e.CAMEO + " " + e.PLOVER
			if e.PLOVERMode != "" {
				codes += " (" + e.PLOVERMode + ")"
			}
			fmt.Fprintf(w, "  event %s trigger %q: %s %q -> %s; %s; confidence %.2f",
				codes, d.Slice(e.Trigger), e.Source.Code, d.Slice(e.Source.Span), tgt,
				strings.Join(mode, ", "), e.Confidence)
			if e.Speaker != "" {
				fmt.Fprintf(w, "; reported by %s", e.Speaker)
			}
			if e.Date != "" {
				fmt.Fprintf(w, "; date %s", e.Date)
			}
			if e.Place != nil {
				fmt.Fprintf(w, "; place %s", e.Place.Name)
			}
			fmt.Fprintln(w)
		}
	}
}

func actorString(a *record.Actor) string {
	if a == nil {
		return "-"
	}
	s := a.Code
	if a.Name != "" {
		s += " (" + a.Name + ")"
	}
	return s
}

package main

import (
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/server"
)

func newServeCmd() *cobra.Command {
	var (
		opts     server.Options
		db       string
		readOnly bool
	)
	cmd := &cobra.Command{
		Use:   "serve [--db newsgraph.db] [--addr 127.0.0.1:8080]",
		Short: "Serve the JSON API and the web workbench over a database",
		Long: `Serve answers the JSON API under /api/v1/ (OpenAPI document at
/api/v1/openapi.json) and the web workbench (article view, events explorer,
dyad chart, map, actor pages) over the database, with /healthz and
Prometheus metrics at /metrics. Everything is embedded in the binary and
works offline.

POST /api/v1/articles annotates and stores articles. With --token it needs
"Authorization: Bearer TOKEN"; without a token it is allowed only when the
server listens on loopback. --read-only disables it (403). Writes from web
pages of other sites (Origin, Sec-Fetch-Site) are refused in every case,
and a body must be application/json or application/x-ndjson.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			if opts.Token == "" {
				opts.Token = os.Getenv("NEWSGRAPH_TOKEN")
			}
			st, err := openStore(ctx, db, readOnly)
			if err != nil {
				return err
			}
			defer st.Close()
			// A read-only server has no annotator: a nil interface, not a
			// nil *pipeline.Pipeline in one.
			var pipe server.Annotator
			if !readOnly {
				p, err := pipeline.Default()
				if err != nil {
					return fmt.Errorf("cannot build pipeline: %w", err)
				}
				pipe = p
			}
			log := slog.New(slog.NewTextHandler(os.Stderr, nil))
			srv, err := server.New(st, pipe, opts, log)
			if err != nil {
				return err
			}
			ingest := "disabled"
			switch {
			case pipe == nil:
			case opts.Token != "":
				ingest = "with bearer token"
			case server.Loopback(opts.Addr):
				ingest = "open (loopback only)"
			default:
				ingest = "refused: listening beyond loopback without --token"
			}
			log.Info("serving", "addr", "http://"+opts.Addr, "db", db, "ingest", ingest)
			return srv.ListenAndServe(ctx)
		},
	}
	dbFlag(cmd, &db)
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", server.DefaultAddr, "listen address (host:port)")
	f.StringVar(&opts.Token, "token", "", "bearer token required to POST articles (default $NEWSGRAPH_TOKEN)")
	f.BoolVar(&readOnly, "read-only", false, "open the database read-only and disable POST /api/v1/articles")
	f.Int64Var(&opts.MaxBodyBytes, "max-body", 8<<20, "largest POST body in bytes")
	f.IntVar(&opts.MaxArticles, "max-articles", 1000, "most articles in one POST")
	f.IntVar(&opts.MaxLimit, "max-limit", 1000, "largest page size of the JSON listings")
	f.DurationVar(&opts.WriteTimeout, "write-timeout", 60*time.Second, "longest time to write one response")
	return cmd
}

func init() {
	rootCmd.AddCommand(newServeCmd())
}

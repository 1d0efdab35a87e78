package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/internal/pipeline"
	"github.com/newsgraph/newsgraph/internal/queue"
	"github.com/newsgraph/newsgraph/internal/store/backend"
)

// queueFlags maps the queue flags onto queue.Options; NEWSGRAPH_QUEUE is
// the default URL.
func queueFlags(cmd *cobra.Command, o *queue.Options) {
	f := cmd.Flags()
	f.StringVar(&o.URL, "queue", os.Getenv("NEWSGRAPH_QUEUE"), "NATS URL of the work queue, e.g. nats://127.0.0.1:4222 (env NEWSGRAPH_QUEUE)")
	f.StringVar(&o.Stream, "stream", "NEWSGRAPH", "JetStream stream name")
	f.StringVar(&o.Subject, "subject", "", "subject that carries articles (default newsgraph.articles; queue status: the stream's)")
	f.StringVar(&o.DeadSubject, "dead-subject", "", "subject that carries dead letters (default the article subject with .articles replaced by .dead, or .dead appended)")
	f.StringVar(&o.Consumer, "consumer", "newsgraph-workers", "durable consumer shared by the workers")
	f.IntVar(&o.Replicas, "replicas", 1, "stream replicas in a NATS cluster (3 survives the loss of a node)")
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func newWorkerCmd() *cobra.Command {
	var (
		qo      queue.Options
		wo      queue.WorkerOptions
		db      string
		metrics string
	)
	cmd := &cobra.Command{
		Use:   "worker --queue nats://… --db postgres://…",
		Short: "Pull articles from the work queue, annotate and store them",
		Long: `Worker pulls batches of articles from the NATS JetStream queue with a
durable consumer, annotates them, stores them in one transaction and only
then acknowledges them: a worker that dies loses nothing, its batch is
delivered again to another. Documents that fail go to the dead-letter
subject with the reason. On SIGINT or SIGTERM the worker finishes the batch
in hand and exits. Store or queue outages are retried with backoff, and a
worker started while the store is down waits for it.
Run as many workers as you like against the same queue and database.`,
		Example: `  newsgraph worker --queue nats://127.0.0.1:4222 --db postgres://postgres@127.0.0.1/news`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
			wo.Log = log
			q, err := openQueue(ctx, qo)
			if err != nil {
				return err
			}
			defer q.Close()
			// A worker started while the store is down waits for it, as a
			// running worker does.
			st, err := backend.OpenWait(ctx, db, false, wo.MaxBackoff, func(err error, next time.Duration) {
				log.Warn("cannot open the store", "err", err, "retry_in", next)
			})
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := pipeline.Default()
			if err != nil {
				return fmt.Errorf("cannot build the pipeline: %w", err)
			}
			w := queue.NewWorker(q, p, st, wo)
			if metrics != "" {
				go serveWorkerMetrics(metrics, w, log)
			}
			start := time.Now()
			log.Info("worker started", "queue", qo.URL, "stream", qo.Stream, "db", redactDSN(db))
			err = w.Run(ctx)
			s := w.Stats()
			el := time.Since(start)
			busy := s.QueueTime + s.AnnotateTime + s.StoreTime
			share := func(d time.Duration) float64 {
				if busy == 0 {
					return 0
				}
				return 100 * float64(d) / float64(busy)
			}
			fmt.Fprintf(os.Stderr, "worker: stored %d articles (%d duplicates, %d dead letters) in %d batches over %.1fs (%.1f articles/s); time: queue %.1f%%, annotate %.1f%%, store %.1f%%; %d retries\n",
				s.Stored, s.Duplicates, s.Dead, s.Batches, el.Seconds(), float64(s.Stored)/el.Seconds(),
				share(s.QueueTime), share(s.AnnotateTime), share(s.StoreTime), s.Retries)
			return err
		},
	}
	queueFlags(cmd, &qo)
	f := cmd.Flags()
	f.StringVar(&db, "db", envOr("NEWSGRAPH_DB", "newsgraph.db"), "database: postgres://… or a SQLite file (env NEWSGRAPH_DB)")
	f.IntVar(&wo.Batch, "batch", 32, "articles per batch (one store transaction)")
	f.IntVar(&wo.Workers, "workers", 0, "articles annotated in parallel within a batch (0: one per CPU)")
	f.DurationVar(&qo.AckWait, "ack-wait", 60*time.Second, "time before an unacknowledged batch is delivered again")
	f.IntVar(&qo.MaxDeliver, "max-deliver", 5, "deliveries of one article before it is dead-lettered")
	f.StringVar(&metrics, "metrics-addr", "", "serve /healthz and /metrics on this address, e.g. 127.0.0.1:9100")
	return cmd
}

// serveWorkerMetrics exposes the worker's counters for Prometheus.
func serveWorkerMetrics(addr string, w *queue.Worker, log *slog.Logger) {
	reg := prometheus.NewRegistry()
	counter := func(name, help string, f func(queue.WorkerStats) float64) {
		reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help}, func() float64 { return f(w.Stats()) }))
	}
	counter("newsgraph_worker_articles_stored_total", "Articles stored.", func(s queue.WorkerStats) float64 { return float64(s.Stored) })
	counter("newsgraph_worker_duplicates_total", "Articles skipped as already stored.", func(s queue.WorkerStats) float64 { return float64(s.Duplicates) })
	counter("newsgraph_worker_dead_letters_total", "Articles dead-lettered.", func(s queue.WorkerStats) float64 { return float64(s.Dead) })
	counter("newsgraph_worker_batches_total", "Batches stored.", func(s queue.WorkerStats) float64 { return float64(s.Batches) })
	counter("newsgraph_worker_retries_total", "Retries after queue or store errors.", func(s queue.WorkerStats) float64 { return float64(s.Retries) })
	counter("newsgraph_worker_annotate_seconds_total", "Time annotating.", func(s queue.WorkerStats) float64 { return s.AnnotateTime.Seconds() })
	counter("newsgraph_worker_store_seconds_total", "Time storing.", func(s queue.WorkerStats) float64 { return s.StoreTime.Seconds() })
	counter("newsgraph_worker_queue_seconds_total", "Time fetching and acknowledging.", func(s queue.WorkerStats) float64 { return s.QueueTime.Seconds() })
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("/healthz", func(rw http.ResponseWriter, _ *http.Request) { rw.Write([]byte("ok\n")) })
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	if err := srv.ListenAndServe(); err != nil {
		log.Error("metrics server stopped", "err", err)
	}
}

// redactDSN hides a password in a database URL for logs.
func redactDSN(dsn string) string {
	if !backend.IsPostgres(dsn) {
		return dsn
	}
	return backend.Redact(dsn)
}

// openQueue connects to the queue named by --queue (or NEWSGRAPH_QUEUE),
// creating or updating its stream.
func openQueue(ctx context.Context, qo queue.Options) (*queue.Queue, error) {
	if qo.URL == "" {
		return nil, errors.New("no queue: give --queue nats://… or set NEWSGRAPH_QUEUE")
	}
	return queue.Open(ctx, qo)
}

// openExistingQueue connects to an existing queue, creating nothing.
func openExistingQueue(ctx context.Context, qo queue.Options) (*queue.Queue, error) {
	if qo.URL == "" {
		return nil, errors.New("no queue: give --queue nats://… or set NEWSGRAPH_QUEUE")
	}
	return queue.OpenExisting(ctx, qo)
}

func newQueueCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "queue", Short: "Inspect the work queue"}
	var qo queue.Options
	var dead int
	status := &cobra.Command{
		Use:   "status --queue nats://…",
		Short: "Show backlog, in-flight work, redeliveries and dead letters",
		Long: `Status reads the state of an existing stream and of the workers'
consumer, and lists dead letters with their reasons. It only reads: it
creates no stream and no consumer, and a stream name that does not exist
is an error that lists the streams there.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := openExistingQueue(cmd.Context(), qo)
			if err != nil {
				return err
			}
			defer q.Close()
			s, err := q.Status(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Printf("stream       %s\nsubject      %s\ndead letters %s\ndedup window %s (an id published again within it is dropped as already queued)\n",
				q.Options().Stream, s.Subject, s.DeadSubject, s.DedupWindow)
			fmt.Printf("published    %d\nbacklog      %d\nin flight    %d\nredelivered  %d\ndone         %d\ndead         %d\nconsumers    %d\n",
				s.Published, s.Backlog, s.InFlight, s.Redelivered, s.Done, s.Dead, s.Consumers)
			if dead > 0 && s.Dead > 0 {
				dl, err := q.DeadLetters(cmd.Context(), dead)
				if err != nil {
					return err
				}
				fmt.Println("dead letters:")
				for _, d := range dl {
					fmt.Printf("  %s: %s\n", d.ID, d.Reason)
				}
			}
			return nil
		},
	}
	queueFlags(status, &qo)
	status.Flags().IntVar(&dead, "dead", 10, "list up to this many dead letters with their reasons")
	del := &cobra.Command{
		Use:   "delete --queue nats://… --stream NAME",
		Short: "Delete the stream and everything queued in it",
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := openExistingQueue(cmd.Context(), qo)
			if err != nil {
				return err
			}
			defer q.Close()
			return q.Delete(cmd.Context())
		},
	}
	queueFlags(del, &qo)
	cmd.AddCommand(status, del)
	return cmd
}

func init() { rootCmd.AddCommand(newWorkerCmd(), newQueueCmd()) }

package pipeline

import (
	"context"
	"runtime"
	"sync"
)

// Process annotates the documents from in with workers goroutines (0 means
// GOMAXPROCS) and sends their results in the order the items arrived. Items
// that carry a reader error pass through as failed results. The returned
// channel is closed when in is drained or ctx is done. Memory stays bounded:
// at most a few items per worker are in flight.
func (p *Pipeline) Process(ctx context.Context, in <-chan Item, workers int) <-chan Result {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		item Item
		done chan Result
	}
	jobs := make(chan job, workers)
	order := make(chan chan Result, 2*workers)
	out := make(chan Result, workers)

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.done <- p.process(ctx, j.item)
			}
		}()
	}
	// Dispatcher: hands items to workers and remembers their order.
	go func() {
		defer close(order)
		defer close(jobs)
		for {
			var it Item
			var ok bool
			select {
			case <-ctx.Done():
				return
			case it, ok = <-in:
				if !ok {
					return
				}
			}
			done := make(chan Result, 1)
			select {
			case order <- done:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{it, done}:
			case <-ctx.Done():
				return
			}
		}
	}()
	// Collector: emits results in input order.
	go func() {
		defer close(out)
		defer wg.Wait()
		for done := range order {
			var r Result
			select {
			case r = <-done:
			case <-ctx.Done():
				// Drain quietly: the workers finish their current item.
				go func() {
					for range order {
					}
				}()
				return
			}
			select {
			case out <- r:
			case <-ctx.Done():
				go func() {
					for range order {
					}
				}()
				return
			}
		}
	}()
	return out
}

func (p *Pipeline) process(ctx context.Context, it Item) Result {
	r := Result{Doc: it.Doc, Origin: it.Origin, Err: it.Err}
	if r.Err != nil || it.Doc == nil {
		if r.Err == nil {
			r.Err = ErrRejected
		}
		return r
	}
	if err := p.Run(ctx, it.Doc); err != nil {
		r.Err = err
		return r
	}
	r.Record = it.Doc.Record()
	return r
}

package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
)

// upper is a test stage that fails on documents containing "FAIL" and
// panics on "PANIC".
type upper struct{}

func (upper) Name() string { return "upper" }
func (upper) Annotate(_ context.Context, d *text.Document) error {
	if strings.Contains(d.Text, "FAIL") {
		return errors.New("asked to fail")
	}
	if strings.Contains(d.Text, "PANIC") {
		panic("asked to panic")
	}
	d.Entities = append(d.Entities, text.Entity{Span: text.Span{Start: 0, End: 1}, Type: "MISC"})
	return nil
}

func TestProcessOrderAndErrors(t *testing.T) {
	p := New(text.Segmenter{}, upper{})
	in := make(chan Item)
	const n = 200
	go func() {
		defer close(in)
		for i := 0; i < n; i++ {
			body := fmt.Sprintf("Document %d is fine.", i)
			switch i % 50 {
			case 7:
				body = "Please FAIL."
			case 9:
				body = "Please PANIC."
			case 11:
				in <- Item{Origin: fmt.Sprintf("in:%d", i), Err: errors.New("reader error")}
				continue
			}
			in <- Item{Doc: text.NewDocument(fmt.Sprint(i), "", body), Origin: fmt.Sprintf("in:%d", i)}
		}
	}()
	i, failed := 0, 0
	for r := range p.Process(context.Background(), in, 4) {
		if want := fmt.Sprintf("in:%d", i); r.Origin != want {
			t.Fatalf("result %d has origin %s: order lost", i, r.Origin)
		}
		switch i % 50 {
		case 7, 9, 11:
			if r.Err == nil {
				t.Errorf("%s: no error", r.Origin)
			}
			if i%50 == 9 && !strings.Contains(r.Err.Error(), "BUG: stage upper panicked") {
				t.Errorf("panic not reported: %v", r.Err)
			}
			failed++
		default:
			if r.Err != nil || r.Record == nil || len(r.Record.Sentences) != 1 || len(r.Record.Entities) != 1 {
				t.Errorf("%s: %v %+v", r.Origin, r.Err, r.Record)
			}
		}
		i++
	}
	if i != n || failed != 12 {
		t.Errorf("got %d results, %d failed", i, failed)
	}
}

func TestProcessCancel(t *testing.T) {
	p := New(text.Segmenter{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan Item)
	go func() {
		for i := 0; ; i++ {
			select {
			case in <- Item{Doc: text.NewDocument(fmt.Sprint(i), "", "Text.")}:
			case <-ctx.Done():
				close(in)
				return
			}
		}
	}()
	n := 0
	for range p.Process(ctx, in, 2) {
		n++
		if n == 10 {
			cancel()
		}
	}
	if n < 10 {
		t.Errorf("got %d", n)
	}
}

package actor

import (
	"context"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

// TestPronouns checks which person each third-person pronoun of a short
// article refers to: f(article, published, people, pronoun occurrence,
// want canonical name or entity text).
func TestPronouns(t *testing.T) {
	f := func(body string, people []string, pron string, n int, want string) {
		t.Helper()
		d := annotate(t, "", body, "2024-06-01", map[string][]string{record.PER: people})
		m := mentionAt(d, pron, n)
		got := ""
		if m != nil && m.Entity >= 0 {
			got = d.Slice(d.Entities[m.Entity].Span)
		}
		if got != want {
			t.Errorf("%q #%d in %q → %q, want %q", pron, n, body, got, want)
		}
	}
	// A quotation followed by "she said" goes to the paragraph's subject.
	f("Kaja Kallas met Antony Blinken in Brussels. “We stand together,” she said.", []string{"Kaja Kallas", "Antony Blinken"}, "she", 0, "Kaja Kallas")
	// Gender from the dictionary skips the nearer man.
	f("Angela Merkel spoke with Emmanuel Macron. She said talks were useful.", []string{"Angela Merkel", "Emmanuel Macron"}, "She", 0, "Angela Merkel")
	// The subject, not the object, of the previous sentence.
	f("Olaf Scholz called Joe Biden on Monday. He said Europe would act.", []string{"Olaf Scholz", "Joe Biden"}, "He", 0, "Olaf Scholz")
	// "him" is not the subject of its own clause.
	f("Narendra Modi invited Xi Jinping and said he would welcome him in Delhi.", []string{"Narendra Modi", "Xi Jinping"}, "him", 0, "Xi Jinping")
	f("Narendra Modi invited Xi Jinping and said he would welcome him in Delhi.", []string{"Narendra Modi", "Xi Jinping"}, "he", 0, "Narendra Modi")
	// A person unknown to the dictionary, gender from the first name.
	f("Maria Lopez, a local activist, met John Smith. She said the meeting went well.", []string{"Maria Lopez", "John Smith"}, "She", 0, "Maria Lopez")
	// Pronouns inside a quotation are the speaker's own words: left alone.
	f("Joe Biden said: “He will pay a price.”", []string{"Joe Biden"}, "He", 0, "")
}

func TestDatedRoles(t *testing.T) {
	f := func(published, want string) {
		t.Helper()
		d := annotate(t, "", "Boris Johnson spoke in London.", published, map[string][]string{record.PER: {"Boris Johnson"}})
		if got := code(entityAt(d, "Boris Johnson", 0).Actor); got != want {
			t.Errorf("Boris Johnson on %s: %q, want %q", published, got, want)
		}
	}
	f("2021-06-01", "GBRGOV")
	f("2022-09-05", "GBRGOV")
	f("2022-09-06", "GBRELI")
	f("2017-01-01T10:00:00Z", "GBRGOV") // Foreign Secretary
	f("2012-01-01", "GBRGOV")           // Mayor of London
}

func TestNominals(t *testing.T) {
	d := annotate(t, "", "Russian President Vladimir Putin met Chinese Foreign Minister Wang Yi. The Russian leader praised ties, and the Chinese diplomat agreed. The president later left.",
		"2024-01-10", map[string][]string{record.PER: {"Vladimir Putin", "Wang Yi"}})
	f := func(w, want string) {
		t.Helper()
		m := mentionAt(d, w, 0)
		got := ""
		if m != nil && m.Entity >= 0 {
			got = d.Slice(d.Entities[m.Entity].Span)
		}
		if got != want {
			t.Errorf("%q → %q, want %q", w, got, want)
		}
	}
	f("Russian leader", "Vladimir Putin")

	d2 := annotate(t, "", "Chinese President Xi Jinping sent Wang Yi to Moscow. The Chinese leader wants peace.", "2024-01-10",
		map[string][]string{record.PER: {"Xi Jinping", "Wang Yi"}})
	if m := mentionAt(d2, "Chinese leader", 0); m == nil || m.Entity < 0 || d2.Slice(d2.Entities[m.Entity].Span) != "Xi Jinping" {
		t.Errorf("the Chinese leader → %v, want Xi Jinping", m)
	}
	f("Chinese diplomat", "Wang Yi")
	f("president", "Vladimir Putin")
}

// TestConcurrent runs one resolver over the fixture from several
// goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				d := fixture(t)
				if len(d.Mentions) == 0 {
					t.Error("no mentions")
				}
				r, _ := Default()
				r.Resolve(d, text.Span{Start: 0, End: len(d.Text)})
				_ = r.Annotate(context.Background(), d)
			}
		}()
	}
	wg.Wait()
}

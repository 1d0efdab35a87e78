package pipeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/internal/text"
)

// largeParagraph is a news paragraph dense in places, people and dates,
// written for these tests.
const largeParagraph = `Health officials in Lyon, France, said on Tuesday that a second case of the fever had been confirmed near Grenoble, after tests in Paris. The patient had travelled from Dakar, Senegal, through Casablanca and Madrid before reaching Marseille, where Dr. Anne Morel of the regional hospital said that 40 people were being watched. Authorities in Spain, Morocco and Italy were told, and the World Health Organization in Geneva sent a team to Springfield, Illinois, and to Portland, Maine, where two travellers from the same flight live. "We expect more cases in the coming weeks," Morel told reporters in Toulouse.`

// largeText repeats largeParagraph up to n bytes.
func largeText(n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(largeParagraph)
		b.WriteString("\n\n")
	}
	return b.String()[:n]
}

// annotateTime returns the shortest of two runs of the default pipeline
// over body.
func annotateTime(t *testing.T, p *Pipeline, body string) time.Duration {
	t.Helper()
	best := time.Duration(1<<63 - 1)
	for range 2 {
		d := text.NewDocument("large", "", body)
		d.Published = "2024-03-05"
		start := time.Now()
		if err := p.Run(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		_ = d.Record()
		best = min(best, time.Since(start))
	}
	return best
}

// TestLargeDocumentScales checks that annotation time grows about linearly
// with the size of a document: a paragraph repeated to 1 MB takes less
// than twice the time per byte of the same paragraph repeated to 128 kB
// (quadratic work would take eight times as long per byte).
func TestLargeDocumentScales(t *testing.T) {
	if testing.Short() {
		t.Skip("annotates 2.3 MB")
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	small := annotateTime(t, p, largeText(128<<10))
	large := annotateTime(t, p, largeText(1<<20))
	ratio := float64(large) / float64(small)
	t.Logf("128 kB %v, 1 MB %v, ratio %.1f", small, large, ratio)
	if ratio >= 16 {
		t.Errorf("1 MB took %.1f times as long as 128 kB (%v vs %v); want < 16 (linear is 8)", ratio, large, small)
	}
}

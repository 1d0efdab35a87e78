package actor

import (
	"strings"
	"testing"
	"time"
)

// TestLargeDocument guards against quadratic work: a long article of
// names, pronouns and agents must annotate quickly.
func TestLargeDocument(t *testing.T) {
	s := strings.Repeat("Russian President Vladimir Putin said he met the minister, Wang Yi and police. Protesters said their government, Reuters and AA saw his troops. ", 2000)
	start := time.Now()
	d := annotate(t, "", s, "2023-02-22", nil)
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("annotating %d bytes took %s", len(s), el)
	}
	if len(d.Entities) < 8000 || len(d.Mentions) < 8000 {
		t.Errorf("got %d entities and %d mentions", len(d.Entities), len(d.Mentions))
	}
}

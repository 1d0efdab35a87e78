package quote

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/record"
)

func newAnnotator(t testing.TB, o Options) *Annotator {
	t.Helper()
	a, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return a
}

func annotate(t testing.TB, a *Annotator, d *text.Document) {
	t.Helper()
	if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := a.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

// show renders quotes one a line: kind|content|speaker|name|cue.
func show(d *text.Document) string {
	var b strings.Builder
	for _, q := range d.Quotes {
		sp, name, cue := "", "", ""
		if q.Speaker != nil {
			sp, name = d.Slice(q.Speaker.Span), q.Speaker.Name
		}
		if q.Cue != nil {
			cue = d.Slice(*q.Cue)
		}
		fmt.Fprintf(&b, "%s|%s|%s|%s|%s\n", q.Kind, d.Slice(q.Span), sp, name, cue)
	}
	return b.String()
}

func TestQuotes(t *testing.T) {
	a := newAnnotator(t, Options{})
	f := func(in, want string) {
		t.Helper()
		d := text.NewDocument("t", "", in)
		annotate(t, a, d)
		if got := show(d); got != want {
			t.Errorf("quotes of %q:\ngot:\n%swant:\n%s", in, got, want)
		}
	}
	// Direct quotes: curly, straight, PTB, attribution after or before.
	f("“The deal is fair,” he said.", "direct|“The deal is fair,”|he||said\n")
	f(`"The deal is fair," said Ana Duarte, a manager.`, "direct|\"The deal is fair,\"|Ana Duarte|Ana Duarte|said\n")
	f("``We will stay,'' Mr. Holm told reporters.", "direct|``We will stay,''|Mr. Holm|Holm|told\n")
	f("Holm added: “We will stay until the end.”", "direct|“We will stay until the end.”|Holm|Holm|added\n")
	// A quote split by its attribution is one quote.
	f("“We never wanted this,” she said, “but we had no choice.”",
		"direct|“We never wanted this,” she said, “but we had no choice.”|she||said\n")
	// Nested single quotes stay inside.
	f("“They called it ‘a fair deal’ and left,” Reyes said.", "direct|“They called it ‘a fair deal’ and left,”|Reyes|Reyes|said\n")
	// Over paragraphs: open at the end of one, reopened in the next.
	f("Reyes said: “We will rebuild the port.\n“It will take years.”",
		"direct|“We will rebuild the port.|Reyes|Reyes|said\ndirect|“It will take years.”|Reyes|Reyes|\n")
	// Partial quote without a cue.
	f("The two sides formed a “no limits” partnership on Friday.", "partial|“no limits”|||\n")
	// Reported speech.
	f("Reyes said that the port would reopen on Monday.", "reported|that the port would reopen on Monday|Reyes|Reyes|said\n")
	f("Union leader Marta Kessler told reporters the deal was fair.", "reported|the deal was fair|Union leader Marta Kessler|Marta Kessler|told\n")
	f("The port will reopen on Monday, officials said.", "reported|The port will reopen on Monday|officials||said\n")
	f("The port will reopen on Monday, said Reyes.", "reported|The port will reopen on Monday|Reyes|Reyes|said\n")
	f("According to the chamber of commerce, the strike cost $15 million.",
		"reported|the strike cost $15 million|the chamber of commerce||According to\n")
	f("The strike cost $15 million, according to the chamber.", "reported|The strike cost $15 million|the chamber||according to\n")
	f("Kessler, who has led the union since 2019, insisted that the strike was peaceful.",
		"reported|that the strike was peaceful|Kessler|Kessler|insisted\n")
	f("Holm welcomed the agreement and said the city would invest in cranes.",
		"reported|the agreement|Holm|Holm|welcomed\nreported|the city would invest in cranes|Holm|Holm|said\n")
	// Quotes opened and closed with '' (as some papers print them).
	f("''This is not reform,'' said Mr. Burman.", "direct|''This is not reform,''|Mr. Burman|Burman|said\n")
	// A comma after the cue, then the reported clause.
	f("In office, Mr. Obama said, most Americans came to believe him.", "reported|most Americans came to believe him|Mr. Obama|Obama|said\n")
	// Byline style, and a party tag in parentheses.
	f("“We will win.” ― Ana Duarte\nNext line.", "direct|“We will win.”|Ana Duarte|Ana Duarte|―\n")
	f("“It is a dog whistle,” Rep. Gwen Moore (D-Wis.) said.", "direct|“It is a dog whistle,”|Rep. Gwen Moore|Gwen Moore|said\n")
	// Nouns that look like cues are not cues.
	f("The report was published by the United States on Monday.", "")
	// Transcripts.
	f("WALLACE: Will you debate him?\nPENCE: Yes, I will.",
		"direct|Will you debate him?|WALLACE|WALLACE|:\ndirect|Yes, I will.|PENCE|PENCE|:\n")
	f("Sanders: Brexit could help Trump.\nUpdate: the vote was delayed.",
		"direct|Brexit could help Trump.|Sanders|Sanders|:\n")
	f("Q: Did you vote?\nA: Yes.", "direct|Did you vote?|Q|Q|:\ndirect|Yes.|A||:\n")
	f("", "")
}

func TestDropPartial(t *testing.T) {
	a := newAnnotator(t, Options{DropPartial: true})
	d := text.NewDocument("t", "", "They formed a “no limits” partnership.")
	annotate(t, a, d)
	if len(d.Quotes) != 0 {
		t.Errorf("DropPartial kept %s", show(d))
	}
}

// TestPronounFallback: without actor Mentions, "he" goes to the last
// person in subject position or speaking, not to an object.
func TestPronounFallback(t *testing.T) {
	a := newAnnotator(t, Options{})
	in := "Wang said relations were strong.\nHe urged Putin to act.\n“Our ties are solid,” he stressed."
	d := text.NewDocument("t", "", in)
	annotate(t, a, d)
	var last *text.Quote
	for i := range d.Quotes {
		if d.Quotes[i].Kind == record.QuoteDirect {
			last = &d.Quotes[i]
		}
	}
	if last == nil || last.Speaker == nil || last.Speaker.Name != "Wang" {
		t.Fatalf("direct quote speaker: got\n%s", show(d))
	}
}

// TestEntitiesAndMentions: speakers resolve through the entity layer and
// actor's coreference mentions when they are there.
func TestEntitiesAndMentions(t *testing.T) {
	a := newAnnotator(t, Options{})
	in := "Russian President Vladimir Putin met Wang Yi.\n“Relations are important,” the Russian leader said."
	d := text.NewDocument("t", "", in)
	if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	putin := &record.Actor{Code: "RUSGOV", Name: "Vladimir Putin"}
	at := func(s string) text.Span {
		i := strings.Index(in, s)
		return text.Span{Start: i, End: i + len(s)}
	}
	d.Entities = []text.Entity{{Span: at("Vladimir Putin"), Type: record.PER, Actor: putin}, {Span: at("Wang Yi"), Type: record.PER}}
	d.Mentions = []text.Mention{{Span: at("the Russian leader"), Kind: text.MentionNominal, Entity: 0, Actor: putin}}
	if err := a.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quotes) != 1 || d.Quotes[0].Speaker == nil {
		t.Fatalf("got\n%s", show(d))
	}
	sp := d.Quotes[0].Speaker
	if d.Slice(sp.Span) != "the Russian leader" || sp.Name != "Vladimir Putin" || sp.Actor != putin {
		t.Errorf("speaker %q name %q actor %v", d.Slice(sp.Span), sp.Name, sp.Actor)
	}
}

func TestReadLexicon(t *testing.T) {
	lx, err := ReadLexicon(strings.NewReader("# c\nS say said\nA according_to\n"))
	if err != nil || lx.Len() != 3 {
		t.Fatalf("ReadLexicon: %v, %d forms", err, lx.Len())
	}
	for _, bad := range []string{"X say\n", "S\n", "SS say\n"} {
		if _, err := ReadLexicon(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadLexicon(%q) accepted", bad)
		}
	}
}

package timex

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/text"
)

// tag runs the segmenter and the tagger over s anchored at pub.
func tag(t testing.TB, pub, s string) *text.Document {
	t.Helper()
	d := text.NewDocument("t", "", s)
	d.Published = pub
	if err := (text.Segmenter{}).Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := Default().Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// render writes the dates of d as "span|TYPE|value" joined by "; ".
func render(d *text.Document) string {
	var b strings.Builder
	for i, x := range d.Dates {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(d.Slice(x.Span) + "|" + x.Type + "|" + x.Value)
	}
	return b.String()
}

func TestTagger(t *testing.T) {
	f := func(pub, in, want string) {
		t.Helper()
		if got := render(tag(t, pub, in)); got != want {
			t.Errorf("%s %q:\n got %s\nwant %s", pub, in, got, want)
		}
	}
	const pub = "2023-02-22" // a Wednesday
	f(pub, "Trade fell last year.", "last year|DATE|2022")
	f(pub, "The war started on February 24 last year.", "February 24 last year|DATE|2022-02-24")
	f(pub, "They aim to double it by 2024.", "2024|DATE|2024")
	f(pub, "He said on Wednesday that talks had failed.", "Wednesday|DATE|2023-02-22")
	f(pub, "The minister arrived on Monday.", "Monday|DATE|2023-02-20")
	f(pub, "The summit will open on Friday.", "Friday|DATE|2023-02-24")
	f(pub, "Prices rose last week.", "last week|DATE|2023-W07")
	f(pub, "The plant closed three years ago.", "three years ago|DATE|2020")
	f(pub, "Talks resume in early March.", "early March|DATE|2023-03")
	f(pub, "Unrest spread in the 1990s.", "the 1990s|DATE|199")
	f(pub, "The talks lasted two days.", "two days|DURATION|P2D")
	f(pub, "Inspectors visit every month.", "every month|SET|P1M")
	f(pub, "Profit rose in the third quarter.", "the third quarter|DATE|2023-Q3")
	f(pub, "Sales are now higher, and currently rising.", "now|DATE|PRESENT_REF; currently|DATE|PRESENT_REF")
	f(pub, "He left yesterday and returns tomorrow.", "yesterday|DATE|2023-02-21; tomorrow|DATE|2023-02-23")
	f(pub, "It was signed on Jan. 5, 2021.", "Jan. 5, 2021|DATE|2021-01-05")
	f(pub, "The file is dated 2021-03-04.", "2021-03-04|DATE|2021-03-04")
	f(pub, "Output recovered by mid-2020.", "mid-2020|DATE|2020")
	f(pub, "The outbreak began in mid-April 2008.", "mid-April 2008|DATE|2008-04")
	f(pub, "Officials reported 1013 new infections; the castle dates from 1066.", "1066|DATE|1066")
	f(pub, "Growth stalled over the past decade.", "the past decade|DURATION|P10Y")
	f(pub, "MOSCOW, Feb. 21 (Reuters) - Officials met.", "Feb. 21|DATE|2023-02-21")
	f(pub, "The vote is set for 12 March 2023.", "12 March 2023|DATE|2023-03-12")
	f(pub, "It happened at 10:30 a.m. on Tuesday.", "10:30 a.m.|TIME|2023-02-22T10:30; Tuesday|DATE|2023-02-21")
	f(pub, "The blast came before dawn this morning.", "this morning|TIME|2023-02-22TMO")
	f(pub, "He served for more than 20 years.", "more than 20 years|DURATION|P20Y")
	f(pub, "Losses narrowed in the first half of 2022.", "the first half of 2022|DATE|2022-H1")
	f(pub, "Shares fell 5% in the year-earlier period.", "the year-earlier period|DATE|2022")
	f(pub, "The 20th century ended.", "The 20th century|DATE|19")
	f(pub, "Rents are paid monthly.", "monthly|SET|P1M")
	f(pub, "It came days before the first anniversary of the war, which started on February 24 last year.",
		"the first anniversary|DATE|2023-02-24; February 24 last year|DATE|2022-02-24")
	// Not dates.
	f(pub, "Some 2000 people and 1500 troops took part; Boeing 737 jets flew.", "")
	f(pub, "May I ask? Theresa May said the march was long.", "")
	f(pub, "He is the second in line.", "")
	// Discourse anchoring, tense cues and past-biased years.
	f(pub, "He joined in 1995 and the following year he was promoted.", "1995|DATE|1995; the following year|DATE|1996")
	f(pub, "Sales fell in March 2021. The following month they recovered.", "March 2021|DATE|2021-03; The following month|DATE|2021-04")
	f(pub, "The family could leave for the United States as soon as Friday.", "Friday|DATE|2023-02-24")
	f(pub, "The merger becomes effective March 1.", "March 1|DATE|2023-03-01")
	f(pub, "Output slumped in August, the ministry said.", "August|DATE|2022-08")
	f(pub, "The vote is in April.", "April|DATE|2023-04")
	f(pub, "The court postponed the hearing until Friday.", "Friday|DATE|2023-02-24")
	f(pub, "Until Monday, police had not named a suspect.", "Monday|DATE|2023-02-20")
	f(pub, "Talks resume Thursday in Geneva.", "Thursday|DATE|2023-02-23")
	f(pub, "In May, the firm brought in a new chief.", "May|DATE|2022-05")
	f(pub, "The summit will be held in May.", "May|DATE|2023-05")
	f(pub, "Then came January nineteen ninety seven.", "January nineteen ninety seven|DATE|1997-01")
	f(pub, "Sales slowed earlier in the year.", "earlier in the year|DATE|2023")
	f(pub, "He will speak later this afternoon.", "later this afternoon|TIME|2023-02-22TAF")
	f(pub, "Later yesterday, police made arrests.", "Later yesterday|DATE|2023-02-21")
	f(pub, "The goal was set for the year two thousand.", "the year two thousand|DATE|2000")
	f(pub, "Two thousand people marched.", "")
	f(pub, "The final is this coming Sunday.", "this coming Sunday|DATE|2023-02-26")
	f(pub, "Rains came this past spring.", "this past spring|DATE|2022-SP")
	f(pub, "Smith will succeed Jones Jan. 15.", "Jan. 15|DATE|2024-01-15")
	f(pub, "The exchange is to resume trading Monday.", "Monday|DATE|2023-02-27")
	// Cues at the first token of the text look no further back.
	f(pub, "Held Friday.", "Friday|DATE|2023-02-17")
	f(pub, "Soon Friday.", "Friday|DATE|2023-02-17")
	f(pub, "To Friday.", "Friday|DATE|2023-02-17")
	f(pub, "Profit rose in the third quarter. This quarter's gain was large.", "the third quarter|DATE|2023-Q3; This quarter|DATE|2023-Q3")
	f(pub, "Profit rose in the third quarter. For the quarter a year ago, it fell.", "the third quarter|DATE|2023-Q3; the quarter a year ago|DATE|2022-Q3")
	f(pub, "It opened on March eighth, nineteen ninety-eight.", "March eighth, nineteen ninety-eight|DATE|1998-03-08")
	// No anchor: underspecified values.
	f("", "He left last year, on Friday, February 24.", "last year|DATE|PAST_REF; Friday, February 24|DATE|XXXX-02-24")
	f("", "Yesterday he said talks resume on Friday.", "Yesterday|DATE|PAST_REF; Friday|DATE|XXXX-WXX-5")
}

func TestParseAnchor(t *testing.T) {
	f := func(in string, ok bool) {
		t.Helper()
		if _, got := ParseAnchor(in); got != ok {
			t.Errorf("ParseAnchor(%q) ok = %v, want %v", in, got, ok)
		}
	}
	f("2023-02-22", true)
	f("2023-02-22T10:00:00Z", true)
	f("2023-02-30", false)
	f("22/02/2023", false)
	f("", false)
}

// fixtureDoc is one line of testdata/dates.jsonl: a hand-written news
// sentence with its expected expressions as "span|TYPE|value".
type fixtureDoc struct {
	Published string   `json:"published"`
	Text      string   `json:"text"`
	Want      []string `json:"want"`
}

// TestFixtureQuality scores the tagger on the committed fixture and fails
// when strict span F1 or value F1 drops below its floor.
func TestFixtureQuality(t *testing.T) {
	raw, err := os.ReadFile("testdata/dates.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var tp, fp, fn, valOK int
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var fx fixtureDoc
		if err := json.Unmarshal([]byte(line), &fx); err != nil {
			t.Fatalf("bad fixture line %q: %v", line, err)
		}
		d := tag(t, fx.Published, fx.Text)
		want := map[string]string{}
		for _, w := range fx.Want {
			p := strings.SplitN(w, "|", 2)
			want[p[0]] = w
		}
		for _, x := range d.Dates {
			got := d.Slice(x.Span) + "|" + x.Type + "|" + x.Value
			w, ok := want[d.Slice(x.Span)]
			if !ok {
				fp++
				t.Logf("spurious %q in %q", got, fx.Text)
				continue
			}
			tp++
			delete(want, d.Slice(x.Span))
			if w == got {
				valOK++
			} else {
				t.Logf("value %q, want %q", got, w)
			}
		}
		for _, w := range want {
			fn++
			t.Logf("missed %q in %q", w, fx.Text)
		}
	}
	f1 := func(tp, fp, fn int) float64 { return 2 * float64(tp) / float64(2*tp+fp+fn) }
	strict, value := f1(tp, fp, fn), f1(valOK, fp+tp-valOK, fn+tp-valOK)
	t.Logf("fixture strict F1 %.3f value F1 %.3f (tp=%d fp=%d fn=%d)", strict, value, tp, fp, fn)
	if strict < 0.90 || value < 0.85 {
		t.Errorf("fixture quality dropped: strict F1 %.3f (floor 0.90), value F1 %.3f (floor 0.85)", strict, value)
	}
}

// TestSeed checks the seed article (skipped without the shared data).
func TestSeed(t *testing.T) {
	p := devdata.File(t, "seed/seed-article.json")
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var a struct{ Title, Text, Published string }
	if err := json.Unmarshal(raw, &a); err != nil {
		t.Fatal(err)
	}
	d := text.NewDocument("seed", a.Title, a.Text)
	d.Published = a.Published
	text.Segmenter{}.Annotate(context.Background(), d)
	Default().Annotate(context.Background(), d)
	got := render(d)
	for _, w := range []string{
		"February 24 last year|DATE|2022-02-24",
		"by 2024", // checked below: the span must be "2024" alone
		"2024|DATE|2024",
		"the first anniversary|DATE|2023-02-24",
	} {
		if w == "by 2024" {
			if strings.Contains(got, "by 2024|") {
				t.Errorf("span includes the preposition: %s", got)
			}
			continue
		}
		if !strings.Contains(got, w) {
			t.Errorf("seed: missing %s in %s", w, got)
		}
	}
	if n := strings.Count(got, "last year|DATE|2022;") + strings.Count(got, "last year|DATE|2022-02-24"); n < 3 {
		t.Errorf("seed: want three \"last year\" expressions in 2022, got %s", got)
	}
}

func TestMod(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		d := tag(t, "2023-02-22", in)
		var got []string
		for _, x := range d.Dates {
			got = append(got, d.Slice(x.Span)+"|"+x.Mod)
		}
		if g := strings.Join(got, "; "); g != want {
			t.Errorf("%q: got %s, want %s", in, g, want)
		}
	}
	f("Talks resume in early March.", "early March|START")
	f("Output recovered by mid-2020.", "mid-2020|MID")
	f("He served for more than 20 years.", "more than 20 years|MORE_THAN")
	f("It lasted about five hours.", "about five hours|APPROX")
	f("Sales fell late last year.", "late last year|END")
	f("Sales fell last year.", "last year|")
}

package amount_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/amount"
	"github.com/newsgraph/newsgraph/internal/devdata"
	"github.com/newsgraph/newsgraph/internal/eval"
	"github.com/newsgraph/newsgraph/internal/text"
	"github.com/newsgraph/newsgraph/internal/timex"
)

func annotate(t testing.TB, title, body, pub string) *text.Document {
	t.Helper()
	d := text.NewDocument("t", title, body)
	d.Published = pub
	ctx := context.Background()
	if err := (text.Segmenter{}).Annotate(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := timex.Default().Annotate(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := amount.Default().Annotate(ctx, d); err != nil {
		t.Fatal(err)
	}
	return d
}

func render(d *text.Document) string {
	var b strings.Builder
	for i, a := range d.Amounts {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s|%g|%s|%s", d.Slice(a.Span), a.Value, a.Unit, a.Object)
	}
	return b.String()
}

func TestAmounts(t *testing.T) {
	f := func(in, want string) {
		t.Helper()
		if got := render(annotate(t, "", in, "2024-01-10")); got != want {
			t.Errorf("%q:\n got %s\nwant %s", in, got, want)
		}
	}
	f("They set a goal of $200 billion annual trade turnover by 2024.", "$200 billion|2e+11|USD|annual trade turnover")
	f("The figure reached $185 billion last year.", "$185 billion|1.85e+11|USD|The figure")
	f("Trade hit 185bn yuan.", "185bn yuan|1.85e+11|CNY|Trade")
	f("The EU pledged €3.5m in aid.", "€3.5m|3.5e+06|EUR|aid")
	f("Moscow sent 20,000 combat soldiers.", "20,000|20000||combat soldiers")
	f("Inflation rose to 3.5 percent.", "3.5 percent|3.5|%|Inflation")
	f("Inflation rose to 3.5%.", "3.5%|3.5|%|Inflation")
	f("Tens of thousands of protesters marched.", "Tens of thousands|10000||protesters")
	f("Between 10 and 20 people were hurt.", "10 and 20|10||people")
	f("Up to 3 to 5 million people could be displaced.", "3 to 5 million|3e+06||people")
	f("Five people died and two million fled.", "Five|5||people")
	f("Two hundred and fifty refugees arrived.", "Two hundred and fifty|250||refugees")
	f("Twenty-five soldiers were captured.", "Twenty-five|25||soldiers")
	f("Half a million residents lost power.", "Half a million|500000||residents")
	f("The plan costs 1.5 trillion rubles.", "1.5 trillion rubles|1.5e+12|RUB|The plan")
	f("It paid US$5 billion in fines.", "US$5 billion|5e+09|USD|fines")
	f("The road is 40 km long.", "40 km|40|km|")
	f("The vote will cost NZ $ 30 million.", "NZ $ 30 million|3e+07|NZD|The vote")
	f("The AUD$2 million prize was cancelled.", "AUD$2 million|2e+06|AUD|prize")
	f("Stores pulled 5 pound bags of flour.", "5 pound|5|lb|bags")
	f("One stays and one goes.", "")
	f("Officials reported a turnout rate of 58%.", "58%|58|%|turnout rate")
	f("She leads the race by 49 percent to 47 percent.", "49 percent|49|%|; 47 percent|47|%|")
	f("The plan aims to lift bilateral trade to $150 billion.", "$150 billion|1.5e+11|USD|bilateral trade")
	f("Support fell slightly from 58 percent.", "58 percent|58|%|")
	// Not amounts: dates, times, ordinals, labels, pronoun "one".
	f("On Feb. 24, 2022, at 10:30 a.m., the second convoy left.", "")
	f("Under Article 5 and Resolution 2231, one of them spoke; no one else did.", "")
	f("He scored 3 in the 90th minute.", "")
}

func TestParseDigits(t *testing.T) {
	f := func(in string, want float64, ok bool) {
		t.Helper()
		got, gotOK := amount.ParseDigits(in)
		if gotOK != ok || ok && got != want {
			t.Errorf("ParseDigits(%q) = %g, %v; want %g, %v", in, got, gotOK, want, ok)
		}
	}
	f("185", 185, true)
	f("20,000", 20000, true)
	f("1,234.75", 1234.75, true)
	f(".5", 0.5, true)
	f("5.", 5, true)
	f("1,23", 0, false)
	f("12,3456", 0, false)
	f("1.2.3", 0, false)
	f("10:30", 0, false)
	f("", 0, false)
}

// TestFixtureQuality fails when the fixture scores drop below their floors.
func TestFixtureQuality(t *testing.T) {
	docs, err := eval.ReadAmountGold("testdata/amounts.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 30 {
		t.Fatalf("fixture has %d docs, want at least 30", len(docs))
	}
	s, err := eval.ScoreAmounts(context.Background(), timex.Default(), amount.Default(), docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range s.Errors {
		t.Log(e)
	}
	t.Logf("span F1 %.3f value %.3f unit %.3f object %.3f", s.Span.F1(), s.ValueAccuracy(), s.UnitAccuracy(), s.ObjectAccuracy())
	if s.Span.F1() < 0.95 || s.ValueAccuracy() < 0.95 || s.UnitAccuracy() < 0.95 || s.ObjectAccuracy() < 0.85 {
		t.Errorf("fixture quality dropped: span F1 %.3f (floor 0.95), value %.3f (0.95), unit %.3f (0.95), object %.3f (0.85)",
			s.Span.F1(), s.ValueAccuracy(), s.UnitAccuracy(), s.ObjectAccuracy())
	}
}

// TestSeed checks the seed article's two figures (skipped without the
// shared data).
func TestSeed(t *testing.T) {
	raw, err := os.ReadFile(devdata.File(t, "seed/seed-article.json"))
	if err != nil {
		t.Fatal(err)
	}
	var a struct{ Title, Text, Published string }
	if err := json.Unmarshal(raw, &a); err != nil {
		t.Fatal(err)
	}
	got := render(annotate(t, a.Title, a.Text, a.Published))
	for _, w := range []string{"$200 billion|2e+11|USD|annual trade turnover", "$185 billion|1.85e+11|USD|the figure"} {
		if !strings.Contains(got, w) {
			t.Errorf("seed: missing %s in %s", w, got)
		}
	}
}

package dedup

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"
)

// article is a news-like fixture written for these tests.
const article = `Harbour workers in Valdmar walked off the job on Tuesday, halting cargo traffic at the country's largest port for the first time in a decade.

The union said the strike would last until the port authority agreed to reopen talks on wages, which broke down last month after eleven rounds of negotiation.

"We have been patient for two years," said union secretary Ilse Marsh, speaking to reporters outside the container terminal. "Patience has not paid our rent."

The port authority said it regretted the walkout and called on the union to return to the table. A spokesman said contingency plans would keep food and medicine moving.

Shipping companies diverted at least fourteen vessels to neighbouring ports on Tuesday, according to the harbour master's office, and warned of delays of up to a week.

Economists estimate that each day of closure costs the regional economy about 40 million euros in lost trade and fees.`

func paragraphs(s string) []string { return strings.Split(s, "\n\n") }

func TestNearDuplicates(t *testing.T) {
	orig := "Port strike halts cargo in Valdmar\n\n" + article
	p := paragraphs(article)
	// Syndicated copy: new headline, one paragraph dropped, small edits.
	copyText := "Valdmar dockers strike over pay, ships diverted\n\n" +
		strings.Join(append(append([]string{}, p[:3]...), p[4:]...), "\n\n")
	copyText = strings.Replace(copyText, "on Tuesday", "on Tuesday morning", 1)
	other := `Lawmakers in Orsk approved a budget on Friday that raises spending on schools and hospitals by a fifth, after a debate that lasted through the night.

The finance minister said the increase would be paid for by a new tax on imported luxury goods and by cuts to the defence ministry's procurement plans.`

	a, b, c := Sign(orig), Sign(copyText), Sign(other)
	t.Logf("near copy similarity %.2f, unrelated %.2f", Similarity(&a, &b), Similarity(&a, &c))
	if s := Similarity(&a, &b); s < Threshold {
		t.Errorf("near copy: similarity %.2f below %.2f", s, Threshold)
	}
	if s := Similarity(&a, &c); s >= 0.1 {
		t.Errorf("unrelated: similarity %.2f, want < 0.1", s)
	}
	ba, bb := a.Bands(), b.Bands()
	shared := 0
	for i := range ba {
		if ba[i] == bb[i] {
			shared++
		}
	}
	if shared == 0 {
		t.Errorf("near copy shares no LSH band")
	}
}

func TestContentHash(t *testing.T) {
	f := func(a, b string, same bool) {
		t.Helper()
		if got := ContentHash(a) == ContentHash(b); got != same {
			t.Errorf("ContentHash(%q) == ContentHash(%q): %v, want %v", a, b, got, same)
		}
	}
	f("Hello, World!", "hello world", true)
	f("Hello  world\n", "HELLO world", true)
	f("Hello world", "Hello worlds", false)
	f("Élan vital", "élan VITAL", true)
	f("", "", true)
}

func TestSignatureBytes(t *testing.T) {
	s := Sign(article)
	got, err := ParseSignature(s.Bytes())
	if err != nil || got != s {
		t.Fatalf("round trip: %v", err)
	}
	if _, err := ParseSignature([]byte{1, 2}); err == nil {
		t.Fatal("short signature accepted")
	}
}

func TestShortTexts(t *testing.T) {
	a, b := Sign("Breaking"), Sign("Breaking")
	if Similarity(&a, &b) != 1 {
		t.Fatal("identical one-word texts differ")
	}
	c := Sign("Breaking news")
	if Similarity(&a, &c) == 1 {
		t.Fatal("different short texts identical")
	}
}

func BenchmarkSign(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(article)))
	for b.Loop() {
		Sign(article)
	}
}

func FuzzSign(f *testing.F) {
	f.Add(article)
	f.Add("\xff\xfe a")
	f.Fuzz(func(t *testing.T, s string) {
		a := Sign(s)
		if Similarity(&a, &a) != 1 {
			t.Fatal("signature differs from itself")
		}
		ContentHash(s)
	})
}

func TestCountWords(t *testing.T) {
	f := func(s string, want int) {
		t.Helper()
		if got := CountWords(s); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", s, got, want)
		}
	}
	f("", 0)
	f("  \n\t ", 0)
	f("one", 1)
	f("  two words\n", 2)
	f("a\tb\r\nc  d", 4)
}

// TestStable pins Sign and ContentHash to the values of the first
// implementation: stored signatures and hashes must stay comparable with new
// ones, whatever the code does to be faster.
func TestStable(t *testing.T) {
	for _, c := range []struct{ text, sig, hash string }{
		{"", "9f56cda75fefeab9", "e3b0c44298fc1c149afbf4c8996fb924"},
		{"a", "2ddad391e79f5a36", "24ba711aaa4b2588771e1827d38a6131"},
		{"Hello, World!", "15067413682f9db6", "3c5af9aeb7afbf0a97e28b0203bf42c3"},
		{"ÉLAN vital — Ærøskøbing's 2024 café; naïve ΑΘΗΝΑ Москва 東京 İstanbul ǅemal", "57099d115e4bb451", "aa8ba5c451d0312ca2e051fd5a11120c"},
		{"The quick brown fox jumps over the lazy dog. 123 456\tSEVEN\neight", "4cebd4c0fbc5629a", "0c7ec97db499c308cc2bb216ea051052"},
		{"Mixed\u00a0spaces\u2003and\u200bzero-width, emoji 😀 ok x²³ ½ Ⅻ", "3621cddccb1d33e6", "5a63ccba766108aaddfb31d1ef6c3034"},
		{"\xff\xfe invalid \xc3 utf8 \xe2\x82 bytes", "8d30551084a8129f", "e2f8fa6bc9610f8778c1f5aecaceda65"},
	} {
		sig := Sign(c.text)
		if got := fmt.Sprintf("%x", sha256.Sum256(sig.Bytes()))[:16]; got != c.sig {
			t.Errorf("Sign(%q): sha256 %s, want %s", c.text, got, c.sig)
		}
		if got := ContentHash(c.text); got != c.hash {
			t.Errorf("ContentHash(%q) = %s, want %s", c.text, got, c.hash)
		}
		if hash, fsig := Fingerprint(c.text); hash != c.hash || fsig != sig {
			t.Errorf("Fingerprint(%q) differs from ContentHash and Sign", c.text)
		}
	}
}

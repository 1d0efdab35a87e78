package ner

import "testing"

// TestFeatureHashesStable pins the feature hashes the embedded model was
// trained with, computed here by the formula they were made with: the
// hashing now comes from internal/learn and must give the same values.
func TestFeatureHashesStable(t *testing.T) {
	want := func(a, b uint64) uint64 {
		h := a*0x9E3779B97F4A7C15 ^ b
		h ^= h >> 31
		h *= 0xBF58476D1CE4E5B9
		h ^= h >> 29
		if h == 0 {
			h = 1
		}
		return h
	}
	fnv := func(s string) uint64 {
		h := uint64(14695981039346656037)
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
		return h
	}
	if hBOS != fnv("<s>") || hEOS != fnv("</s>") {
		t.Fatalf("sentence edge hashes %x %x changed", hBOS, hEOS)
	}
	var lx lexicon
	for _, w := range []string{"Paris", "the", "U.S.", "Zelensky", "42", "’s"} {
		tk := lx.token(w)
		for tmpl := fBias; tmpl <= fFirstNameN1; tmpl++ {
			for _, v := range []uint64{0, tk.word, tk.lower, tk.sshape, mix(tk.length, tk.sshape)} {
				if got, w := mix(tmpl, v), want(tmpl, v); got != w {
					t.Fatalf("mix(%d, %x) = %x, want %x", tmpl, v, got, w)
				}
			}
		}
	}
}

package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestExplain runs `newsgraph explain` on sentences written for the test
// and checks that the tree, the actors and the event with its modality are
// shown.
func TestExplain(t *testing.T) {
	var out bytes.Buffer
	rootCmd.SetOut(&out)
	defer rootCmd.SetOut(nil)
	if err := execute(context.Background(), "explain", "Oslo asked Ankara to hand over the suspect.", "Beijing has not supported the plan."); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"sentence 1: Oslo asked Ankara to hand over the suspect.",
		"Oslo             Oslo         PROPN NNP  nsubj      <- 2 asked",
		`entity "Ankara" LOC`, "actor TURGOV",
		`event 020 REQUEST trigger "asked": NORGOV "Oslo" -> TURGOV "Ankara"; asserted`,
		`trigger "hand": TURGOV "Ankara" -> (none named); requested`,
		"sentence 2:", "negated",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("explain output lacks %q:\n%s", want, got)
		}
	}
	if err := execute(context.Background(), "explain", "   "); err == nil {
		t.Error("explain of blanks: no error")
	}
}

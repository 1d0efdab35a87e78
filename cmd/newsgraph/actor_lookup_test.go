package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

func TestLookupDate(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	f := func(in, want string) {
		t.Helper()
		got, err := lookupDate(in, now)
		if want == "" {
			if err == nil {
				t.Errorf("%q: got %q, want an error", in, got)
			}
			return
		}
		if err != nil || got != want {
			t.Errorf("%q: got %q, %v; want %q", in, got, err, want)
		}
	}
	f("", "2026-12-07")
	f("2021-06-01", "2021-06-01")
	f("2021-13-01", "")
	f("2021-02-30", "")
	f("2021-6-1", "")
	f("yesterday", "")
}

// TestActorLookupToday checks that a lookup without --date is a lookup on
// today: a past office holder is "former" (it used to ignore the dates of
// office and call Boris Johnson Prime Minister).
func TestActorLookupToday(t *testing.T) {
	run := func(args ...string) string {
		t.Helper()
		var out bytes.Buffer
		rootCmd.SetOut(&out)
		defer rootCmd.SetOut(nil)
		if err := execute(context.Background(), args...); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return out.String()
	}
	today := run("actor", "lookup", "Boris Johnson", "--date", time.Now().Format(time.DateOnly))
	if got := run("actor", "lookup", "Boris Johnson"); got != today {
		t.Errorf("without --date:\n%s\nwant (today):\n%s", got, today)
	}
	if past := run("actor", "lookup", "Boris Johnson", "--date", "2021-06-01"); !strings.Contains(past, `"Prime Minister"`) || past == today {
		t.Errorf("2021: %s; today: %s", past, today)
	}
	if err := execute(context.Background(), "actor", "lookup", "Boris Johnson", "--date", "2021-13-01"); err == nil || !strings.Contains(err.Error(), "2021-13-01") {
		t.Errorf("--date 2021-13-01: error %v", err)
	}
}

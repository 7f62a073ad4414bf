package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
)

// TestShowALongSession: show, piped and at a terminal, prints every word of
// a 4 MB answer, far past coach.LongText, inert and within the width (the
// outline keeps it from Glamour, which would take about 8 s over it).
func TestShowALongSession(t *testing.T) {
	tmp := t.TempDir()
	store := coach.NewStore(filepath.Join(tmp, "data"))
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	s := coach.NewSession(now)
	s.ID = "10n6a1b2c3d4e5f6"
	var b strings.Builder
	for i := 0; b.Len() < 4<<20; i++ {
		b.WriteString(coachtest.Hostile[i%len(coachtest.Hostile)].Text() + " and a sentence after it.\n")
	}
	s.Set(coach.PromptMessage, coach.Answer{Text: b.String()}, now)
	if err := store.Overwrite(s); err != nil {
		t.Fatal(err)
	}
	want := strings.Join(strings.Fields(coach.Inert(b.String())), " ")
	for _, tt := range []term{piped, {stdout: true, width: 80}} {
		r := run(t, tmp, tt, "", "show", "10n6")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if err := coachtest.CheckAll(r.stdout); err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(r.stdout)
		if !strings.Contains(strings.Join(strings.Fields(plain), " "), want) {
			t.Fatal("show does not print all of the long answer")
		}
		for _, line := range strings.Split(plain, "\n") {
			if ansi.StringWidth(line) > 100 {
				t.Fatalf("a line %d wide: %q", ansi.StringWidth(line), line)
			}
		}
	}
}

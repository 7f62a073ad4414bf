package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
)

// TestPracticeShowUnreadable: a round whose file cannot be used is one
// sentence naming the file, exit 1, and the file is left as it is; the
// other rounds still show.
func TestPracticeShowUnreadable(t *testing.T) {
	tmp, store := practiceFixture(t)
	path := store.PracticePath("0a1b2c3d4e000000")
	data := `{"schema_version": 99, "id": "0a1b2c3d4e000000"}`
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id, stderr string
		code       int
	}{
		{"0a1b2c3d4e0", "rebound: cannot read practice round 0a1b2c3d4e000000: written by a newer rebound", exitError},
		{"0a1b2c3d4e", `rebound: "0a1b2c3d4e" is ambiguous: it starts 2 practice round IDs (0a1b2c3d4e000000, 0a1b2c3d4e5f6071); type more of it.`, exitError},
		{"0a1b2c3d4e5", "", exitOK}, // its short ID, now one longer
	} {
		r := run(t, tmp, piped, "", "practice", "show", tc.id)
		if r.code != tc.code || !strings.HasPrefix(r.stderr, tc.stderr) || strings.Count(r.stderr, "\n") > 1 {
			t.Errorf("practice show %s: exit %d, stderr %q; want %d and %q", tc.id, r.code, r.stderr, tc.code, tc.stderr)
		}
		if tc.code != exitOK && (r.stdout != "" || !strings.Contains(r.stderr, "(the file "+path+" is left as it is)") && tc.id == "0a1b2c3d4e0") {
			t.Errorf("practice show %s: stdout %q, stderr %q", tc.id, r.stdout, r.stderr)
		}
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != data {
		t.Errorf("the file was changed to %q (%v)", got, err)
	}
}

// placeholder is a long text's stand-in in roundOutline.
var placeholder = regexp.MustCompile(`rebound[0-9a-z]+x[0-9]`)

// TestPracticeShowLongAnswer: an answer too long for Glamour is shown
// whole, every word of it, and quickly, piped and at a terminal.
func TestPracticeShowLongAnswer(t *testing.T) {
	tmp := t.TempDir()
	store := coach.NewStore(filepath.Join(tmp, "data"))
	q := coach.Question{Key: coach.QuestionKey(qLeave), Text: qLeave, Source: coach.FromUser}
	p := coach.NewPractice(q, 0, fixedNow)
	p.ID = "1000000000000001"
	words := strings.Repeat("growth ", 3*coach.LongText/7)
	p.SetAnswer("first "+words+"\x1b[2J last", 0, false, fixedNow)
	if err := store.OverwritePractice(p); err != nil {
		t.Fatal(err)
	}
	for name, tt := range map[string]term{"piped": piped, "terminal": {stdin: true, stdout: true, width: 80}} {
		start := time.Now()
		r := run(t, tmp, tt, "", "practice", "show", "1000000")
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("%s: exit %d, stderr %q", name, r.code, r.stderr)
		}
		out := strings.Join(strings.Fields(ansi.Strip(r.stdout)), " ")
		if !strings.Contains(out, "first growth growth") || !strings.Contains(out, "growth ␛[2J last") ||
			strings.Count(out, "growth") != 3*coach.LongText/7 || placeholder.MatchString(out) {
			t.Errorf("%s: the answer is not shown whole, as typed:\n%.300s…", name, out)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
		checkOutput(t, tt, r)
	}
}

package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
)

// TestRoundCompletion: practice show completes the rounds' IDs, the short
// form practice list shows, newest first, read from the data directory the
// line names; once one is given, nothing more.
func TestRoundCompletion(t *testing.T) {
	tmp, _ := practiceFixture(t)
	other := filepath.Join(t.TempDir(), "other")
	if err := coach.NewStore(other).OverwritePractice(coachtest.HostileRound("0ddba11000000001", "Why us?", fixedNow, 3)); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(t.TempDir(), "empty")
	rounds := []string{"e0e0e0e", "7e11a1b", "0a1b2c3d9", "5c0ffee", "0a1b2c3d4"}
	const noFiles, ordered = ":4", ":36"
	for _, tc := range []struct {
		args      []string
		want      []string
		directive string
	}{
		{[]string{"practice", ""}, []string{"list", "show"}, noFiles},
		{[]string{"practice", "sh"}, []string{"show"}, noFiles},
		{[]string{"practice", "show", ""}, rounds, ordered},
		{[]string{"practice", "show", "0a"}, []string{"0a1b2c3d9", "0a1b2c3d4"}, ordered},
		{[]string{"practice", "show", "0a1b2c3d4e"}, []string{"0a1b2c3d4e5f6071"}, ordered},
		{[]string{"practice", "show", "f"}, nil, ordered},
		{[]string{"practice", "show", "7e11a1b", ""}, nil, noFiles},
		{[]string{"--data-dir", other, "practice", "show", ""}, []string{"0ddba11"}, ordered},
		{[]string{"practice", "show", "--data-dir=" + other, ""}, []string{"0ddba11"}, ordered},
		{[]string{"practice", "show", "--data-dir", empty, ""}, nil, ordered},
		{[]string{"practice", "list", ""}, nil, noFiles},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			words, directive := complete(t, tmp, tc.args...)
			if !slices.Equal(words, tc.want) || directive != tc.directive {
				t.Errorf("completes to %q (directive %s), want %q (%s)", words, directive, tc.want, tc.directive)
			}
		})
	}
	// Each round comes with its question, for zsh and fish to show.
	r := run(t, tmp, piped, "", cobra.ShellCompRequestCmd, "practice", "show", "7e")
	if want := "7e11a1b\t" + qDisagree + "\n"; !strings.HasPrefix(r.stdout, want) {
		t.Errorf("completion %q, want it to start %q", r.stdout, want)
	}
	if r.stderr != "" && !strings.HasPrefix(r.stderr, "Completion ended with directive") {
		t.Errorf("completion wrote to stderr: %q", r.stderr)
	}
	// The question is inert, and on one line.
	for _, h := range coachtest.Hostile {
		dir := t.TempDir()
		p := coachtest.HostileRound("5e55a0a1b2c3d4e5", "Why\nus? "+h.Text(), fixedNow, 2)
		if err := coach.NewStore(filepath.Join(dir, "data")).OverwritePractice(p); err != nil {
			t.Fatal(err)
		}
		r := run(t, dir, piped, "", cobra.ShellCompRequestCmd, "practice", "show", "")
		line, _, _ := strings.Cut(r.stdout, "\n")
		id, desc, _ := strings.Cut(line, "\t") // the tab is the script's separator
		if err := coachtest.Clean(desc); err != nil || id != "5e55a0a" || !strings.HasPrefix(desc, "Why us? "+h.Before) {
			t.Errorf("%s: completion line %q (%v)", h.Name, line, err)
		}
	}
}

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

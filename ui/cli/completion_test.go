package cli

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
)

// TestCompletionScripts: each shell's script is printed whole, and asks
// rebound itself what to complete.
func TestCompletionScripts(t *testing.T) {
	for shell, start := range map[string]string{
		"bash":       "# bash completion V2 for rebound",
		"zsh":        "#compdef rebound\n",
		"fish":       "# fish completion for rebound",
		"powershell": "# powershell completion for rebound",
	} {
		r := run(t, t.TempDir(), piped, "", "completion", shell)
		if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, start) {
			t.Errorf("completion %s: exit %d, stderr %q, stdout starting %.60q; want 0 and %q", shell, r.code, r.stderr, r.stdout, start)
		}
		if !strings.Contains(r.stdout, "__complete") {
			t.Errorf("completion %s: the script does not call rebound __complete", shell)
		}
	}
}

// TestCompletionGolden keeps what completion says when the shell is
// missing or unknown, and its help, in testdata/.
func TestCompletionGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"completion-no-shell", []string{"completion"}, 2},
		{"completion-unknown-shell", []string{"completion", "tcsh"}, 2},
		{"completion-two-shells", []string{"completion", "bash", "zsh"}, 2},
		{"help-completion", []string{"completion", "--help"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			r := run(t, tmp, piped, "", tc.args...)
			checkGolden(t, tc.name, transcript(tc.args, r, tmp))
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			checkOutput(t, piped, r)
		})
	}
}

// TestCompletionUnknownShellNamesThem: the error is one sentence that
// names the shells there are scripts for.
func TestCompletionUnknownShellNamesThem(t *testing.T) {
	for _, args := range [][]string{{"completion", "tcsh"}, {"completion"}, {"--data-dir", "x", "completion", "csh"}} {
		r := run(t, t.TempDir(), piped, "", args...)
		if r.code != exitUsage || r.stdout != "" || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and one line", args, r.code, r.stdout, r.stderr)
		}
		for _, s := range shells {
			if !strings.Contains(r.stderr, s.name) {
				t.Errorf("%q: the error does not name %s: %q", args, s.name, r.stderr)
			}
		}
	}
}

// complete runs cobra's hidden __complete command, as the scripts do, and
// returns the words offered (without their descriptions) and the
// directive's number.
func complete(t *testing.T, tmp string, args ...string) (words []string, directive string) {
	t.Helper()
	r := run(t, tmp, piped, "", append([]string{cobra.ShellCompRequestCmd}, args...)...)
	if r.code != 0 {
		t.Fatalf("__complete %q: exit %d, stderr %q", args, r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	directive = lines[len(lines)-1]
	for _, l := range lines[:len(lines)-1] {
		word, _, _ := strings.Cut(l, "\t")
		words = append(words, word)
	}
	return words, directive
}

// TestDynamicCompletion: the words each place of the command line
// completes to, the session IDs read from the data directory the line
// names (the fixture's, the default here, or one given by --data-dir).
func TestDynamicCompletion(t *testing.T) {
	tmp, _ := fixture(t)
	other := filepath.Join(t.TempDir(), "other")
	store := coach.NewStore(other)
	s := coach.NewSession(fixedNow)
	s.ID = "0ddba11000000001"
	s.Intake.Company = "Umbrella"
	if err := store.Overwrite(s); err != nil {
		t.Fatal(err)
	}
	bank, err := content.LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, tag := range bank.Tags {
		tags = append(tags, tag.ID)
	}
	// The fixture's readable sessions, newest first, as list shows them:
	// the two that share "aaaa000000000" are whole.
	sessions := []string{"aaaa000000000002", "0123456", "aaaa000000000001", "5e55a0a", "f00dfee"}
	const noFiles, dirs, ordered = ":4", ":16", ":36"
	for _, tc := range []struct {
		args      []string
		want      []string
		directive string
	}{
		{[]string{""}, []string{"completion", "export", "help", "list", "man", "new", "practice", "restore", "show", "stats"}, noFiles},
		{[]string{"sh"}, []string{"show"}, noFiles},
		{[]string{"show", ""}, sessions, ordered},
		{[]string{"show", "aa"}, []string{"aaaa000000000002", "aaaa000000000001"}, ordered},
		{[]string{"show", "0123456789"}, []string{"0123456789abcdef"}, ordered},
		{[]string{"show", "0123", ""}, nil, noFiles},
		{[]string{"--data-dir", other, "show", ""}, []string{"0ddba11"}, ordered},
		{[]string{"show", "--data-dir=" + other, ""}, []string{"0ddba11"}, ordered},
		{[]string{"export", "0123456", "aaaa000000000002", ""}, []string{"aaaa000000000001", "5e55a0a", "f00dfee"}, ordered},
		{[]string{"restore", ""}, []string{"deadbee"}, noFiles},
		{[]string{"--theme", ""}, []string{"dark", "light", "none", "auto"}, noFiles},
		{[]string{"list", "--theme", "l"}, []string{"dark", "light", "none", "auto"}, noFiles}, // the shell keeps "light"
		{[]string{"practice", "--tag", ""}, tags, noFiles},
		{[]string{"practice", "--timer", ""}, []string{"off", "90s", "2m", "3m"}, noFiles},
		{[]string{"practice", ""}, []string{"list", "show"}, noFiles},
		{[]string{"export", "--format", ""}, []string{"markdown", "json"}, noFiles},
		{[]string{"list", "--data-dir", ""}, nil, dirs},
		{[]string{"completion", ""}, []string{"bash", "zsh", "fish", "powershell"}, noFiles},
		{[]string{"list", ""}, nil, noFiles},
		{[]string{"man", ""}, nil, noFiles},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			words, directive := complete(t, tmp, tc.args...)
			if !slices.Equal(words, tc.want) || directive != tc.directive {
				t.Errorf("completes to %q (directive %s), want %q (%s)", words, directive, tc.want, tc.directive)
			}
		})
	}
	// Each session comes with its title, inert, for zsh and fish to show.
	r := run(t, tmp, piped, "", cobra.ShellCompRequestCmd, "show", "5e")
	if !strings.Contains(r.stdout, "5e55a0a\t") || strings.Contains(r.stdout, "\x1b") {
		t.Errorf("the hostile session's completion: %q", r.stdout)
	}
	// Completing reads and says nothing: no warning, no tidying.
	if r.stderr != "" && !strings.HasPrefix(r.stderr, "Completion ended with directive") {
		t.Errorf("completion wrote to stderr: %q", r.stderr)
	}
}

// TestFlagsAreDeclaredOnce: a flag two commands share is one flag, so its
// help, completion and man page say the same everywhere.
func TestFlagsAreDeclaredOnce(t *testing.T) {
	root := testRoot(t)
	plainFlag := root.Flags().Lookup("plain")
	for _, path := range [][]string{{"new"}, {"practice"}} {
		c, _, err := root.Find(path)
		if err != nil || c.Flags().Lookup("plain") != plainFlag {
			t.Errorf("rebound %s: --plain is not rebound's own (%v)", path[0], err)
		}
	}
	walk(root, func(c *cobra.Command) {
		if c != root && c.LocalNonPersistentFlags().Lookup("data-dir") != nil {
			t.Errorf("%s declares its own --data-dir", c.CommandPath())
		}
	})
}

package cli

import (
	"bytes"
	"errors"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// requestLine matches the requests and macros the page uses.
var requestLine = regexp.MustCompile(`^\.(\\"|TH|SH|SS|TP|IP|PP|RS|RE|nf|fi|SY|YS)( |$)`)

// testRoot is the command tree as Execute builds it.
func testRoot(t *testing.T) *cobra.Command {
	inv := &invocation{env: Env{Getenv: func(string) string { return "" }}, app: noApp(t, nil)}
	return inv.rootCommand()
}

// page is the manual page with a fixed date, as a build would make it.
func manText(t *testing.T) string {
	t.Helper()
	return string(manPage(testRoot(t), "2026-11-20"))
}

// TestManGolden keeps the page, and man's help and misuse, in testdata/.
func TestManGolden(t *testing.T) {
	checkGolden(t, "man", manText(t))
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"help-man", []string{"man", "--help"}, 0},
		{"man-extra-argument", []string{"man", "1"}, 2},
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

// TestManCommand runs `rebound man`: the page on stdout, nothing on stderr.
func TestManCommand(t *testing.T) {
	r := run(t, t.TempDir(), piped, "", "man")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stdout, `.\"`) || !strings.Contains(r.stdout, "\n.TH REBOUND 1 ") {
		t.Errorf("not a section 1 page:\n%.200s", r.stdout)
	}
	checkOutput(t, piped, r)
}

// TestManSections: the page has every section the README promises, in
// order.
func TestManSections(t *testing.T) {
	p := manText(t)
	at := 0
	for _, s := range []string{"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "KEYS",
		"ENVIRONMENT", "FILES", `"EXIT STATUS"`, "PRIVACY", `"SEE ALSO"`} {
		sh := ".SH " + strings.Trim(s, `"`) + "\n"
		i := strings.Index(p[at:], sh)
		if i < 0 {
			t.Errorf("no section %s after byte %d", s, at)
			continue
		}
		at += i
	}
	for _, want := range []string{"REBOUND_DATA_DIR", "XDG_DATA_HOME", "HOME", "NO_COLOR", "REBOUND_THEME",
		"REBOUND_ACCESSIBLE", "TERM", "sessions/", "practice/", "trash/", "locks/", "0600"} {
		if !strings.Contains(p, want) {
			t.Errorf("the page does not mention %s", want)
		}
	}
}

// TestManEscapes: nothing in the page can be read as a request but the
// requests, backslashes are escaped, and a flag's hyphens are minus signs.
func TestManEscapes(t *testing.T) {
	for i, line := range strings.Split(strings.TrimSuffix(manText(t), "\n"), "\n") {
		if strings.HasPrefix(line, "'") {
			t.Errorf("line %d starts with an apostrophe: %q", i+1, line)
		}
		if strings.HasPrefix(line, ".") && !requestLine.MatchString(line) {
			t.Errorf("line %d starts with a dot but is no request of the page: %q", i+1, line)
		}
		if line == "" || strings.HasPrefix(line, " ") {
			t.Errorf("line %d is blank or starts with a space: %q", i+1, line)
		}
		for _, r := range line {
			if r > 0x7e || r < ' ' {
				t.Errorf("line %d holds %q: the page is ASCII", i+1, r)
			}
		}
		if strings.Contains(line, "--") {
			t.Errorf("line %d has a flag with unescaped hyphens: %q", i+1, line)
		}
	}
	for _, tc := range []struct{ in, prose, code string }{
		{`.start`, `\&.start`, `\&.start`},
		{`'quote`, `\&'quote`, `\(aqquote`},
		{`a\b`, `a\eb`, `a\eb`},
		{"--data-dir and read-only", `\-\-data\-dir and read-only`, `\-\-data\-dir and read\-only`},
		{"(-o FILE)", `(\-o FILE)`, `(\-o FILE)`},
		{"~/.local ^", `\(ti/.local \(ha`, `\(ti/.local \(ha`},
		{"ID… →", `ID\[u2026] \[u2192]`, `ID\[u2026] \[u2192]`},
		{"bell\x07", "bell", "bell"},
	} {
		if got := esc(tc.in, false); got != tc.prose {
			t.Errorf("esc(%q, prose) = %q, want %q", tc.in, got, tc.prose)
		}
		if got := esc(tc.in, true); got != tc.code {
			t.Errorf("esc(%q, code) = %q, want %q", tc.in, got, tc.code)
		}
	}
}

// groff renders the page as text, or skips the test without groff.
func groff(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	path, err := exec.LookPath("groff")
	if err != nil {
		t.Skip("groff is not installed")
	}
	cmd := exec.Command(path, append([]string{"-man", "-Tutf8", "-ww"}, args...)...)
	cmd.Stdin = strings.NewReader(manText(t))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("groff: %v\n%s", err, errOut.String())
	}
	return out.String(), errOut.String()
}

// TestManGroff: groff reads the page without a warning, with every warning
// turned on.
func TestManGroff(t *testing.T) {
	if _, stderr := groff(t, "-z"); stderr != "" {
		t.Errorf("groff warns:\n%s", stderr)
	}
}

// TestManMentionsEverything: the page, as man shows it, names every
// command and every flag of the command tree, so a flag added to a command
// is in the manual without a word written for it.
func TestManMentionsEverything(t *testing.T) {
	out, _ := groff(t, "-P", "-cbou")
	text := strings.NewReplacer("\u2212", "-", "\u2010", "-").Replace(out)
	text = strings.Join(strings.Fields(text), " ")
	root := testRoot(t)
	walk(root, func(c *cobra.Command) {
		if !strings.Contains(text, c.CommandPath()) {
			t.Errorf("no command %s", c.CommandPath())
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name == "help" {
				return
			}
			if !strings.Contains(text, "--"+f.Name) {
				t.Errorf("%s's flag --%s is missing", c.CommandPath(), f.Name)
			}
			if f.Shorthand != "" && !strings.Contains(text, "-"+f.Shorthand+", --"+f.Name) {
				t.Errorf("%s's flag -%s is missing", c.CommandPath(), f.Shorthand)
			}
		})
	})
	for _, want := range []string{"REBOUND(1)", "Plain mode", "--plain", "TERM", "REBOUND_ACCESSIBLE=1",
		"stdin", "0600", "no network connection", "ctrl+c", "shift+tab", "~/.local/share/rebound"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
}

// TestDescribingNeedsNoData: completion and man describe rebound itself,
// so they work where there is no data directory to choose.
func TestDescribingNeedsNoData(t *testing.T) {
	for _, args := range [][]string{{"man"}, {"completion", "bash"}} {
		var out, errOut bytes.Buffer
		env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
			Getenv: func(string) string { return "" }, Now: func() time.Time { return fixedNow },
			DataDir: func(string) (string, error) { return "", errors.New("no home directory") }}
		if code := Execute(args, env, noApp(t, args)); code != exitOK || out.Len() == 0 || errOut.Len() > 0 {
			t.Errorf("rebound %v without a data directory: exit %d, %d bytes out, stderr %q", args, code, out.Len(), errOut.String())
		}
	}
}

package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the current output")

// fixedNow is the clock of every test: a Friday afternoon.
var fixedNow = time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	// Dates and times are printed in local time; make that the same on
	// every machine.
	time.Local = time.UTC
	os.Exit(m.Run())
}

// fixture is coachtest.Fixture on the tests' clock: the hand-written
// sessions every test starts from, in a fresh data dir under tmp.
func fixture(t *testing.T) (tmp string, store *coach.Store) {
	t.Helper()
	return coachtest.Fixture(t, fixedNow)
}

// term describes the terminal a test runs the command in.
type term struct {
	stdin, stdout bool // whether each is a terminal
	width         int
	light         bool // a light background
	noColor       bool
}

var piped = term{}

// result is what a command did.
type result struct {
	code           int
	stdout, stderr string
}

// run runs rebound args in-process, with tmp's data dir as the default.
func run(t *testing.T, tmp string, tt term, stdin string, args ...string) result {
	t.Helper()
	var out bytes.Buffer
	r := runTo(t, &out, tmp, tt, stdin, args...)
	r.stdout = out.String()
	return r
}

// runTo is run with stdout written to w; the result's stdout is empty.
func runTo(t *testing.T, w io.Writer, tmp string, tt term, stdin string, args ...string) result {
	t.Helper()
	var errOut bytes.Buffer
	env := Env{
		Stdin:          strings.NewReader(stdin),
		Stdout:         w,
		Stderr:         &errOut,
		StdinTerminal:  tt.stdin,
		StdoutTerminal: tt.stdout,
		Width:          tt.width,
		IsDark: func() bool {
			if !tt.stdout {
				t.Error("asked the terminal for its background without a terminal")
			}
			return !tt.light
		},
		Getenv: func(k string) string {
			if k == "NO_COLOR" && tt.noColor {
				return "1"
			}
			return ""
		},
		Now: func() time.Time { return fixedNow },
		DataDir: func(flag string) (string, error) {
			if flag != "" {
				return flag, nil
			}
			return filepath.Join(tmp, "data"), nil
		},
	}
	code := Execute(args, env, noApp(t, args))
	return result{code: code, stderr: errOut.String()}
}

// noApp is the app of tests that run only commands: it fails the test
// if the command line asks for the app.
func noApp(t *testing.T, args []string) App {
	return App{Version: "v0.0.0-test", Run: func(o AppOptions) int {
		t.Errorf("rebound %q ran the app with %+v", args, o)
		return exitOK
	}}
}

// transcript is a result as its golden file holds it: the command, the exit
// code and both streams, with the temp dir written as $TMP and escape
// sequences made visible.
func transcript(args []string, r result, tmp string) string {
	clean := func(s string) string {
		s = strings.ReplaceAll(s, tmp, "$TMP")
		return strings.ReplaceAll(s, "\x1b", `\e`)
	}
	return fmt.Sprintf("$ rebound %s\nexit %d\n--- stdout\n%s--- stderr\n%s",
		strings.Join(args, " "), r.code, clean(r.stdout), clean(r.stderr))
}

// checkGolden compares got with testdata/<name>.golden, or rewrites it
// with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui/cli -run '%s' -update to create it)", err, t.Name())
	}
	if want := string(b); got != want {
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got %q\nwant %q\n(run with -update if the change is intended)", path, i+1, g, w)
			}
		}
	}
}

// TestGolden runs each command line on a fresh copy of the fixture and
// compares the whole transcript with its golden file.
func TestGolden(t *testing.T) {
	dark := term{stdin: true, stdout: true, width: 100}
	tests := []struct {
		name  string
		tt    term
		stdin string
		args  []string
		code  int
		empty bool // an empty data dir
	}{
		{name: "list", args: []string{"list"}},
		{name: "list-json", args: []string{"list", "--json"}},
		{name: "list-empty", args: []string{"list"}, empty: true},
		{name: "list-empty-json", args: []string{"list", "--json"}, empty: true},
		{name: "list-terminal", tt: dark, args: []string{"list"}},
		{name: "list-terminal-narrow", tt: term{stdin: true, stdout: true, width: 70, noColor: true}, args: []string{"list"}},
		{name: "list-data-dir-after", args: []string{"list", "--data-dir", "$TMP/elsewhere"}},

		{name: "show", args: []string{"show", "0123"}},
		{name: "show-hostile", args: []string{"show", "5e55"}},
		{name: "show-json", args: []string{"show", "--json", "5e55a0a"}},
		{name: "show-markdown", args: []string{"show", "5e55a0a1b2c3d4e5", "--markdown"}},
		{name: "show-terminal-dark", tt: dark, args: []string{"show", "0123"}},
		{name: "show-terminal-light", tt: term{stdin: true, stdout: true, width: 60, light: true}, args: []string{"show", "f00d"}},
		{name: "show-terminal-no-color", tt: term{stdin: true, stdout: true, width: 80, noColor: true}, args: []string{"--data-dir", "$TMP/data", "show", "f00d"}},
		{name: "show-ambiguous", args: []string{"show", "aaaa"}, code: 1},
		{name: "show-unknown", args: []string{"show", "abc"}, code: 1},
		{name: "show-unknown-empty", args: []string{"show", "abc"}, code: 1, empty: true},
		{name: "show-unreadable", args: []string{"show", "broken"}, code: 1},
		{name: "show-deleted", args: []string{"show", "deadbeef"}, code: 1},
		{name: "show-no-id", args: []string{"show", "--json"}, code: 2},
		{name: "show-two-ids", args: []string{"show", "0123", "aaaa"}, code: 2},
		{name: "show-both-formats", args: []string{"show", "0123", "--json", "--markdown"}, code: 2},

		{name: "export-markdown", args: []string{"export", "aaaa000000000002", "0123", "f00d", "0123456789abcdef"}},
		{name: "export-json-all", args: []string{"export", "--all", "--format", "json"}},
		{name: "export-json-empty", args: []string{"export", "--all", "--format=json"}, empty: true},
		{name: "export-nothing", args: []string{"export"}, code: 2},
		{name: "export-ids-and-all", args: []string{"export", "--all", "0123"}, code: 2},
		{name: "export-bad-format", args: []string{"export", "--all", "--format", "pdf"}, code: 2},
		{name: "export-unknown", args: []string{"export", "0123", "nope"}, code: 1},
		{name: "export-o-no-value", args: []string{"export", "--all", "-o"}, code: 2},

		{name: "stats", args: []string{"stats"}},
		{name: "stats-json", args: []string{"stats", "--json"}},
		{name: "stats-terminal", tt: dark, args: []string{"stats"}},
		{name: "stats-empty", args: []string{"stats"}, empty: true},
		{name: "stats-empty-json", args: []string{"stats", "--json"}, empty: true},

		{name: "restore-unknown", args: []string{"restore", "0123"}, code: 1},
		{name: "restore-no-trash", args: []string{"restore", "dead"}, code: 1, empty: true},
		{name: "restore-no-id", args: []string{"restore"}, code: 2},

		{name: "unknown-command", args: []string{"lisst"}, code: 2},
		{name: "unknown-flag", args: []string{"list", "--yaml"}, code: 2},
		{name: "unknown-global-flag", args: []string{"--verbose", "list"}, code: 2},
		{name: "extra-argument", args: []string{"stats", "now"}, code: 2},
		{name: "help-list", args: []string{"list", "--help"}},
		{name: "help-show", args: []string{"show", "-h"}},
		{name: "help-export", args: []string{"export", "--help"}},
		{name: "help-stats", args: []string{"stats", "--help"}},
		{name: "help-restore", args: []string{"--data-dir", "x", "restore", "--help"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			if !tc.empty {
				tmp, _ = fixture(t)
			}
			args := slices.Clone(tc.args)
			for i, a := range args {
				args[i] = strings.ReplaceAll(a, "$TMP", tmp)
			}
			r := run(t, tmp, tc.tt, tc.stdin, args...)
			checkGolden(t, tc.name, transcript(tc.args, r, tmp))
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			checkOutput(t, tc.tt, r)
		})
	}
}

// checkOutput checks what every command promises of its output.
func checkOutput(t *testing.T, tt term, r result) {
	t.Helper()
	// Errors are one sentence, prefixed; stderr is empty on success unless
	// a file could not be read.
	if r.code != 0 {
		msg := strings.TrimSuffix(r.stderr, "\n")
		if !strings.HasPrefix(msg, "rebound: ") || strings.Contains(msg, "\n") || !strings.HasSuffix(msg, ".") {
			t.Errorf("stderr is not one sentence prefixed \"rebound: \":\n%s", r.stderr)
		}
	}
	for _, bad := range []string{"panic", "goroutine", "\x07"} {
		if strings.Contains(r.stdout+r.stderr, bad) {
			t.Errorf("output holds %q", bad)
		}
	}
	if !tt.stdout && strings.Contains(r.stdout+r.stderr, "\x1b") {
		t.Errorf("escape sequences without a terminal:\n%q", r.stdout)
	}
	if tt.noColor && hasColour(r.stdout+r.stderr) {
		t.Errorf("colour with NO_COLOR set:\n%q", r.stdout)
	}
	// The only escape sequences are styles (SGR): nothing the user typed
	// can move the cursor, clear the screen or set the clipboard.
	if rest := sgr.ReplaceAllString(r.stdout+r.stderr, ""); strings.Contains(rest, "\x1b") {
		t.Errorf("output holds an escape sequence other than a style:\n%q", rest)
	}
}

// sgr matches a style sequence.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// hasColour reports whether any style sequence in s sets a colour.
func hasColour(s string) bool {
	for _, seq := range sgr.FindAllString(s, -1) {
		params := strings.FieldsFunc(seq[2:len(seq)-1], func(r rune) bool { return r == ';' || r == ':' })
		for i := 0; i < len(params); i++ {
			switch p := params[i]; {
			case p == "38" || p == "48" || p == "58":
				return true
			case len(p) == 2 && (p[0] == '3' || p[0] == '4' || p[0] == '9') && p[1] <= '7',
				len(p) == 3 && p[:2] == "10" && p[2] <= '7':
				return true
			}
		}
	}
	return false
}

// TestListJSONIsMarshalIndent: the streamed list is byte for byte what an
// indenting json.Encoder makes of the same document.
func TestListJSONIsMarshalIndent(t *testing.T) {
	for _, empty := range []bool{false, true} {
		tmp := t.TempDir()
		if !empty {
			tmp, _ = fixture(t)
		}
		r := run(t, tmp, piped, "", "list", "--json")
		var doc struct {
			Sessions   []listRow    `json:"sessions"`
			Unreadable []problemRow `json:"unreadable"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("list --json is not JSON: %v\n%s", err, r.stdout)
		}
		if doc.Sessions == nil || doc.Unreadable == nil {
			t.Errorf("an empty list is not []: %s", r.stdout)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		if r.stdout != want.String() {
			t.Errorf("list --json differs from MarshalIndent:\n%s\nwant:\n%s", r.stdout, want.String())
		}
	}
}

// TestShortIDsResolve: every short ID list prints names its session in show.
func TestShortIDsResolve(t *testing.T) {
	tmp, _ := fixture(t)
	r := run(t, tmp, piped, "", "list", "--json")
	var doc struct{ Sessions []listRow }
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Sessions {
		r := run(t, tmp, piped, "", "show", s.ShortID, "--json")
		if r.code != 0 || !strings.Contains(r.stdout, `"id": "`+s.ID+`"`) {
			t.Errorf("show %s: exit %d, stderr %q; want session %s", s.ShortID, r.code, r.stderr, s.ID)
		}
	}
}

// TestShowJSONIsTheFile: show --json prints the session's file as it is.
func TestShowJSONIsTheFile(t *testing.T) {
	tmp, store := fixture(t)
	for _, id := range []string{"0123456789abcdef", "5e55a0a1b2c3d4e5", "f00dfeedcafe0001"} {
		r := run(t, tmp, piped, "", "show", id, "--json")
		file, err := os.ReadFile(store.Path(id))
		if err != nil {
			t.Fatal(err)
		}
		if r.code != 0 || r.stdout != string(file) {
			t.Errorf("show %s --json (exit %d) differs from its file:\n%s\nfile:\n%s", id, r.code, r.stdout, file)
		}
	}
}

// TestExportToFile covers -o: a new file, an existing one refused when
// piped, replaced with --force, and the question at a terminal.
func TestExportToFile(t *testing.T) {
	tty := term{stdin: true, stdout: true, width: 80}
	const old = "keep me\n"
	tests := []struct {
		name     string
		tt       term
		stdin    string
		exists   bool
		force    bool
		code     int
		replaced bool
	}{
		{name: "new", code: 0, replaced: true},
		{name: "exists-piped", exists: true, code: 1},
		{name: "exists-stdin-piped", tt: term{stdout: true}, exists: true, stdin: "y\n", code: 1},
		{name: "exists-force", exists: true, force: true, code: 0, replaced: true},
		{name: "exists-force-terminal", tt: tty, exists: true, force: true, code: 0, replaced: true},
		{name: "exists-yes", tt: tty, stdin: "y\n", exists: true, code: 0, replaced: true},
		{name: "exists-YES", tt: tty, stdin: "  YES \n", exists: true, code: 0, replaced: true},
		{name: "exists-no", tt: tty, stdin: "n\n", exists: true, code: 1},
		{name: "exists-enter", tt: tty, stdin: "\n", exists: true, code: 1},
		{name: "exists-eof", tt: tty, stdin: "", exists: true, code: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tmp, _ := fixture(t)
			out := filepath.Join(tmp, "out.json")
			if tc.exists {
				if err := os.WriteFile(out, []byte(old), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := []string{"export", "0123", "aaaa000000000001", "--format", "json", "-o", out}
			if tc.force {
				args = append(args, "--force")
			}
			r := run(t, tmp, tc.tt, tc.stdin, args...)
			shown := slices.Clone(args)
			shown[len(args)-1-btoi(tc.force)] = "$TMP/out.json"
			checkGolden(t, "export-o-"+tc.name, transcript(shown, r, tmp))
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if tc.replaced {
				var doc struct{ Sessions []coach.Session }
				if err := json.Unmarshal(got, &doc); err != nil || len(doc.Sessions) != 2 {
					t.Errorf("the file does not hold the two sessions (%v):\n%s", err, got)
				}
				if info, err := os.Stat(out); err == nil && runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
					t.Errorf("the export's mode is %v, want 0600", info.Mode().Perm())
				}
			} else if string(got) != old {
				t.Errorf("the existing file was changed to:\n%s", got)
			}
			entries, _ := os.ReadDir(tmp)
			for _, e := range entries {
				if e.Name() != "data" && e.Name() != "out.json" {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestExportToFileErrors(t *testing.T) {
	tmp, _ := fixture(t)
	for _, tc := range []struct {
		name, file string
	}{
		{"directory", tmp},
		{"missing-directory", filepath.Join(tmp, "no", "such", "dir", "out.md")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, tmp, piped, "", "export", "--all", "-o", tc.file)
			if r.code != 1 || r.stdout != "" || !strings.HasPrefix(r.stderr, "rebound: cannot write "+tc.file) {
				t.Errorf("exit %d, stdout %q, stderr %q; want 1 and \"cannot write\"", r.code, r.stdout, r.stderr)
			}
			checkOutput(t, piped, r)
		})
	}
}

// TestExportMarkdownAll: --all is every readable session, newest first,
// with the unreadable file named on stderr.
func TestExportMarkdownAll(t *testing.T) {
	tmp, _ := fixture(t)
	r := run(t, tmp, piped, "", "export", "--all")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	titles := []string{"# Data analyst at Initech", "# Product designer at Northwind", "# Backend engineer at Globex",
		`# \# Principal platform`, "# Session of 3 Mar 2026"}
	last := -1
	for _, title := range titles {
		i := strings.Index(r.stdout, "\n"+title)
		if !strings.HasPrefix(r.stdout, title) && i < 0 {
			t.Errorf("no %q in the export", title)
			continue
		}
		if i < last {
			t.Errorf("%q is out of order", title)
		}
		last = i
	}
	if n := strings.Count(r.stdout, "\n---\n"); n != len(titles)-1 {
		t.Errorf("%d rules, want %d", n, len(titles)-1)
	}
	if !strings.Contains(r.stderr, "broken.json") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr should name broken.json in one line:\n%s", r.stderr)
	}
}

// TestRestoreRoundTrip deletes a session with the store, restores it with
// the command, and checks the refusals around it.
func TestRestoreRoundTrip(t *testing.T) {
	tmp, store := fixture(t)
	before, err := os.ReadFile(store.Path("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Delete("0123456789abcdef"); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name  string
		setup func()
		args  []string
		code  int
	}{
		{name: "gone", args: []string{"show", "0123"}, code: 1},
		{name: "ambiguous", args: []string{"restore", "de"}, setup: func() {
			// Two deleted sessions share "de".
			s, err := store.Load("aaaa000000000002")
			if err != nil {
				t.Fatal(err)
			}
			s.ID = "de00000000000000"
			if err := store.Overwrite(s); err != nil {
				t.Fatal(err)
			}
			if err := store.Delete(s.ID); err != nil {
				t.Fatal(err)
			}
		}, code: 1},
		{name: "restore", args: []string{"restore", "0123"}},
		{name: "shown", args: []string{"show", "0123", "--json"}},
		{name: "again", args: []string{"restore", "0123"}, code: 1},
		{name: "exists", args: []string{"restore", "deadbeef"}, setup: func() {
			// A session with the deleted one's ID is back in place.
			data, err := os.ReadFile(store.TrashPath("deadbeef00000001"))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(store.Path("deadbeef00000001"), data, 0o600); err != nil {
				t.Fatal(err)
			}
		}, code: 1},
	}
	var log strings.Builder
	for _, st := range steps {
		if st.setup != nil {
			st.setup()
		}
		r := run(t, tmp, piped, "", st.args...)
		if st.name == "shown" {
			if r.stdout != string(before) {
				t.Errorf("the restored session differs from the one deleted:\n%s", r.stdout)
			}
			r.stdout = "(the session's file, as before it was deleted)\n"
		}
		log.WriteString(transcript(st.args, r, tmp) + "\n")
		if r.code != st.code {
			t.Errorf("%s: exit code %d, want %d; stderr:\n%s", st.name, r.code, st.code, r.stderr)
		}
		checkOutput(t, piped, r)
	}
	checkGolden(t, "restore", log.String())
	if _, err := os.Stat(store.TrashPath("0123456789abcdef")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the restored session is still in the trash (%v)", err)
	}
}

// TestNoTerminalNeeded: with nothing a terminal, no command asks the
// terminal anything (IsDark fails the test if called) and the output holds
// no escape sequence; run() checks both for each.
func TestNoTerminalNeeded(t *testing.T) {
	tmp, _ := fixture(t)
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"show", "0123"}, {"show", "5e55"}, {"stats"},
		{"stats", "--json"}, {"export", "--all"}, {"export", "--all", "--format", "json"}} {
		r := run(t, tmp, piped, "", args...)
		if r.code != 0 {
			t.Errorf("%v: exit %d: %s", args, r.code, r.stderr)
		}
		checkOutput(t, piped, r)
		if strings.Contains(r.stdout, "\x1b") || strings.ContainsAny(ansi.Strip(r.stdout), "\x07") {
			t.Errorf("%v printed an escape sequence:\n%q", args, r.stdout)
		}
	}
}

// TestDataDirError: a data dir that cannot be chosen is a usage error.
func TestDataDirError(t *testing.T) {
	var out, errOut bytes.Buffer
	env := Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return fixedNow },
		DataDir: func(string) (string, error) {
			return "", errors.New("cannot choose where to keep rebound's data because no home directory was found; pass --data-dir or set REBOUND_DATA_DIR")
		},
	}
	if code := Execute([]string{"list"}, env, noApp(t, nil)); code != 2 || out.Len() != 0 || !strings.HasPrefix(errOut.String(), "rebound: cannot choose") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2 and the reason", code, out.String(), errOut.String())
	}
}

func TestTrimPadding(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"text   ", "text"},
		{"  ", ""},
		{"\x1b[1mtext\x1b[m\x1b[38;5;252m \x1b[m\x1b[38;5;252m \x1b[m", "\x1b[1mtext\x1b[m"},
		{"  \x1b[38;5;252m\x1b[m\x1b[38;5;252m \x1b[m", ""},
		// A heading's badge keeps its painted space; the padding after goes.
		{"\x1b[38;5;228;48;5;63;1m Title\x1b[m\x1b[38;5;228;48;5;63;1m \x1b[m\x1b[38;5;252m \x1b[m",
			"\x1b[38;5;228;48;5;63;1m Title\x1b[m\x1b[38;5;228;48;5;63;1m \x1b[m"},
		{"a \x1b[44m \x1b[49m  ", "a \x1b[44m \x1b[m"},
	} {
		if got := trimPadding(tc.in); got != tc.want {
			t.Errorf("trimPadding(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

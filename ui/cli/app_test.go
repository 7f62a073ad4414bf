package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/ui/theme"
)

// runApp runs args as Execute does, with an app that records what it was
// asked; ran is false when the command line did not reach the app.
func runApp(t *testing.T, args ...string) (o AppOptions, ran bool, r result) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }, Now: func() time.Time { return fixedNow },
		DataDir: func(string) (string, error) { t.Error("the app's words chose a data dir"); return "", nil }}
	app := App{Version: "v1.2.3", Run: func(got AppOptions) int { o, ran = got, true; return 7 }}
	r.code = Execute(args, env, app)
	r.stdout, r.stderr = out.String(), errOut.String()
	return o, ran, r
}

// TestAppWords: rebound, new and practice hand their flags, checked, to
// the app, whose exit code is rebound's; flags go before or after the word.
func TestAppWords(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want AppOptions
	}{
		{nil, AppOptions{}},
		{[]string{"--data-dir", "x"}, AppOptions{DataDir: "x"}},
		{[]string{"new", "--plain"}, AppOptions{NewSession: true, Plain: true}},
		{[]string{"--plain", "new", "--data-dir=d"}, AppOptions{NewSession: true, Plain: true, DataDir: "d"}},
		{[]string{"--theme", "light"}, AppOptions{ThemeFlag: "light", Theme: theme.Light}},
		{[]string{"practice"}, AppOptions{Practice: true}},
		{[]string{"practice", "--tag", "ask", "--timer", "90s"}, AppOptions{Practice: true, Tag: "ask", Timer: 90 * time.Second}},
		{[]string{"--timer", "off", "practice"}, AppOptions{Practice: true, Timer: -1}},
		{[]string{"practice", "--timer", "1m30.4s", "--plain"}, AppOptions{Practice: true, Timer: 90 * time.Second, Plain: true}},
	} {
		o, ran, r := runApp(t, tc.args...)
		want := tc.want
		if !ran || o != want || r.code != 7 || r.stdout+r.stderr != "" {
			t.Errorf("%q: ran %v with %+v, exit %d, output %q; want %+v and exit 7", tc.args, ran, o, r.code, r.stdout+r.stderr, want)
		}
	}
}

// TestAppWordsRefused: a command line the app cannot run is one sentence
// and exit 2, and the app never starts.
func TestAppWordsRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"practice", "--timer", "5s"}, `rebound: --timer "5s": give a duration from 10s to 1h, such as 90s or 2m, or off; run 'rebound practice --help' for usage.`},
		{[]string{"practice", "--timer", "soon"}, `--timer "soon"`},
		{[]string{"--tag", "ask"}, "rebound: --tag and --timer go with 'rebound practice'; run 'rebound practice --help' for usage."},
		{[]string{"new", "--timer", "2m"}, "--tag and --timer go with 'rebound practice'"},
		{[]string{"practice", "now"}, `rebound: unexpected argument "now"; run 'rebound practice --help' for usage.`},
		{[]string{"practice", "--tag", "nonsense"}, `rebound: unknown tag "nonsense": use one of motivation, behavioural, strengths, situational, career, logistics, ask.`},
		{[]string{"--theme", "purple"}, `rebound: --theme "purple": use dark, light, none or auto.`},
		{[]string{"lisst"}, `rebound: unknown command "lisst"; run 'rebound --help' for usage.`},
		{[]string{"--bogus"}, "rebound: unknown flag --bogus; run 'rebound --help' for usage."},
		{[]string{"new", "-plain"}, "rebound: unknown flag -plain: a flag of more than one letter takes two dashes, --plain; run 'rebound new --help' for usage."},
		{[]string{"-x"}, "rebound: unknown flag -x; run 'rebound --help' for usage."},
		{[]string{"--plain=maybe"}, `--plain takes no value, or true or false: not "maybe"`},
		{[]string{"--data-dir="}, "rebound: --data-dir needs a directory: give a path, or leave the flag out for the default; run 'rebound --help' for usage."},
		{[]string{"--data-dir"}, "rebound: --data-dir needs a value; run 'rebound --help' for usage."},
	} {
		_, ran, r := runApp(t, tc.args...)
		if ran || r.code != exitUsage || r.stdout != "" || !strings.Contains(r.stderr, tc.want) ||
			!strings.HasPrefix(r.stderr, "rebound: ") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%q: ran %v, exit %d, stdout %q, stderr %q; want 2 and one line holding %q", tc.args, ran, r.code, r.stdout, r.stderr, tc.want)
		}
	}
}

// TestHelpAndVersion: --help and --version print and exit 0 without the
// app; the root's help ends with the keys and the exit codes.
func TestHelpAndVersion(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--version"}, []string{"rebound v1.2.3\n"}},
		{[]string{"--help"}, []string{"Usage:\n  rebound [--data-dir DIR] [--plain] [--theme THEME]\n",
			"Looking back", "  restore ", "--plain", "Keys: tab/shift+tab", "Exit status: 0 done"}},
		{[]string{"-h", "--data-dir", "x"}, []string{"Keys:"}},
		{[]string{"new", "--help"}, []string{"rebound new [--plain]", "--plain", "--data-dir"}},
		{[]string{"practice", "-h"}, []string{"rebound practice [--tag TAG] [--timer 90s|off]", "motivation, behavioural", "  list "}},
		{[]string{"help", "show"}, []string{"rebound show ID"}},
	} {
		_, ran, r := runApp(t, tc.args...)
		if ran || r.code != exitOK || r.stderr != "" {
			t.Errorf("%q: ran %v, exit %d, stderr %q", tc.args, ran, r.code, r.stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%q: stdout lacks %q:\n%s", tc.args, w, r.stdout)
			}
		}
		if tc.args[0] == "new" && strings.Contains(r.stdout, "Keys:") {
			t.Errorf("%q: a command's help has the root's footer", tc.args)
		}
	}
}

// TestBareReboundIsTheRootCommand: bare `rebound` skips building the
// command tree; what it hands the app, and what it says when the theme is
// wrong, is what the root command does without flags.
func TestBareReboundIsTheRootCommand(t *testing.T) {
	for _, env := range []map[string]string{
		{},
		{"NO_COLOR": "1"},
		{"REBOUND_THEME": "light"},
		{"REBOUND_THEME": "none"},
		{"REBOUND_THEME": "purple"},
	} {
		run := func(tree bool) (AppOptions, bool, int, string) {
			var o AppOptions
			var ran bool
			var out, errOut bytes.Buffer
			e := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
				Getenv: func(k string) string { return env[k] }, Now: func() time.Time { return fixedNow }}
			app := App{Version: "v1.2.3", Run: func(got AppOptions) int { o, ran = got, true; return 7 }}
			if !tree {
				return o, ran, Execute(nil, e, app), out.String() + errOut.String()
			}
			inv := &invocation{env: e, app: app}
			root := inv.rootCommand()
			root.SetArgs([]string{})
			root.SetOut(&out)
			root.SetErr(&errOut)
			_, err := root.ExecuteC()
			code := fail(e, err)
			if code == exitOK {
				code = inv.code
			}
			return o, ran, code, out.String() + errOut.String()
		}
		o1, ran1, code1, out1 := run(false)
		o2, ran2, code2, out2 := run(true)
		if o1 != o2 || ran1 != ran2 || code1 != code2 || out1 != out2 {
			t.Errorf("%v: bare rebound gave %+v ran %v exit %d %q; the root command %+v ran %v exit %d %q",
				env, o1, ran1, code1, out1, o2, ran2, code2, out2)
		}
		if env["REBOUND_THEME"] == "purple" && (ran1 || code1 != 2) {
			t.Errorf("a wrong REBOUND_THEME ran the app (exit %d)", code1)
		}
	}
}

package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The Glamour styles' document text colours, by which a test tells which
// style rendered a session.
const (
	darkText  = "38;5;252m"
	lightText = "38;5;234m"
)

// TestTheme: --theme (before the command or among its flags), NO_COLOR and
// REBOUND_THEME choose the colours as theme.Parse says; a chosen dark or
// light never asks the terminal, none has no colour even at a terminal, and
// piped output has none whatever the theme.
func TestTheme(t *testing.T) {
	tests := []struct {
		name         string
		args         []string
		env          map[string]string
		piped        bool
		terminalDark bool // the terminal's answer, if asked
		mayAsk       bool // whether asking the terminal is expected
		code         int
		want         []string // in stdout
		notWant      []string
		noColour     bool
		stderr       string
	}{
		{name: "show --theme none at a terminal", args: []string{"show", "0123", "--theme", "none"},
			terminalDark: true, noColour: true, want: []string{"\x1b[1m", "Northwind"}},
		{name: "show --theme light on a dark terminal", args: []string{"show", "0123", "--theme", "light"},
			terminalDark: true, want: []string{lightText}, notWant: []string{darkText}},
		{name: "show --theme dark on a light terminal", args: []string{"show", "0123", "--theme=dark"},
			want: []string{darkText}, notWant: []string{lightText}},
		{name: "--theme before the command", args: []string{"--theme", "light", "show", "0123"},
			terminalDark: true, want: []string{lightText}},
		{name: "the command's --theme is the last word", args: []string{"--theme", "none", "show", "0123", "--theme", "light"},
			terminalDark: true, want: []string{lightText}},
		{name: "--theme dark beats NO_COLOR", args: []string{"show", "0123", "--theme", "dark"},
			env: map[string]string{"NO_COLOR": "1"}, want: []string{darkText}},
		{name: "NO_COLOR is none", args: []string{"show", "0123"},
			env: map[string]string{"NO_COLOR": "1"}, terminalDark: true, noColour: true, want: []string{"Northwind"}},
		{name: "REBOUND_THEME", args: []string{"show", "0123"},
			env: map[string]string{"REBOUND_THEME": "light"}, terminalDark: true, want: []string{lightText}},
		{name: "auto asks the terminal", args: []string{"show", "0123"},
			terminalDark: false, mayAsk: true, want: []string{lightText}},
		{name: "--theme auto asks too", args: []string{"show", "0123", "--theme", "auto"},
			env: map[string]string{"REBOUND_THEME": "dark"}, terminalDark: false, mayAsk: true, want: []string{lightText}},
		{name: "piped, no colour even with --theme dark", args: []string{"show", "0123", "--theme", "dark"},
			piped: true, notWant: []string{"\x1b"}, want: []string{"Northwind"}},
		{name: "stats --theme light", args: []string{"stats", "--theme", "light"},
			terminalDark: true, want: []string{"38;2;90;79;207m"}}, // the light accent, #5A4FCF
		{name: "stats --theme none", args: []string{"--theme", "none", "stats"},
			terminalDark: true, noColour: true, want: []string{"\x1b[1m"}},
		{name: "list --theme none", args: []string{"list", "--theme", "none"}, noColour: true},
		{name: "practice list --theme light", args: []string{"practice", "list", "--theme", "light"}},
		{name: "bad --theme", args: []string{"show", "0123", "--theme", "purple"}, code: exitUsage,
			stderr: "rebound: --theme \"purple\": use dark, light, none or auto.\n"},
		{name: "an empty --theme is as if not given", args: []string{"--theme", "", "list"}},
		{name: "bad REBOUND_THEME", args: []string{"list"}, env: map[string]string{"REBOUND_THEME": "pink"}, code: exitUsage,
			stderr: "rebound: REBOUND_THEME \"pink\": use dark, light, none or auto.\n"},
		{name: "--theme needs a value", args: []string{"list", "--theme"}, code: exitUsage,
			stderr: "rebound: --theme needs a value; run 'rebound list --help' for usage.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tmp, _ := fixture(t)
			var out, errOut bytes.Buffer
			asked := 0
			env := Env{
				Stdin:          strings.NewReader(""),
				Stdout:         &out,
				Stderr:         &errOut,
				StdinTerminal:  !tt.piped,
				StdoutTerminal: !tt.piped,
				Width:          80,
				IsDark:         func() bool { asked++; return tt.terminalDark },
				Getenv:         func(k string) string { return tt.env[k] },
				Now:            func() time.Time { return fixedNow },
				DataDir:        func(string) (string, error) { return filepath.Join(tmp, "data"), nil },
			}
			code := Execute(tt.args, env, noApp(t, tt.args))
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.code, errOut.String())
			}
			if tt.stderr != "" && errOut.String() != tt.stderr {
				t.Errorf("stderr %q, want %q", errOut.String(), tt.stderr)
			}
			if asked > 1 || asked == 1 && !tt.mayAsk {
				t.Errorf("asked the terminal for its background %d times", asked)
			}
			if tt.mayAsk && asked == 0 {
				t.Error("auto did not ask the terminal for its background")
			}
			got := out.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("stdout lacks %q:\n%q", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("stdout holds %q:\n%q", w, got)
				}
			}
			if tt.noColour && hasColour(got) {
				t.Errorf("colour with theme none:\n%q", got)
			}
		})
	}
}

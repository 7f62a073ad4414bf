package theme

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charmbracelet/colorprofile"
	terminal "github.com/charmbracelet/x/term"

	"github.com/rebound-coach/rebound/coach"
)

// Theme is the colour scheme asked for. Most people never choose one: the
// app asks the terminal for its background and follows it. A choice is for
// the terminals that answer wrongly or not at all (some multiplexers, some
// SSH paths), and for those who want no colour.
type Theme string

const (
	// ThemeAuto follows the terminal's background, dark until it answers.
	// It is the zero value, so Options without a theme behave as before.
	Auto Theme = ""
	// ThemeDark and ThemeLight are colours for a dark or light background,
	// whatever the terminal says.
	Dark  Theme = "dark"
	Light Theme = "light"
	// ThemeNone has no colour at all; emphasis is bold, italic and reverse.
	None Theme = "none"
)

// String is the theme as --theme takes it.
func (t Theme) String() string {
	if t == Auto {
		return "auto"
	}
	return string(t)
}

// forced reports whether the theme is settled without the terminal: only
// auto needs to ask for the background.
func (t Theme) Forced() bool { return t != Auto }

// Dark reports whether the theme's colours are for a dark background, given
// what the terminal says (asked only for auto, hence a function). None has
// no colours; it reports dark, the app's default.
func (t Theme) Dark(terminalDark func() bool) bool {
	switch t {
	case Light:
		return false
	case Auto:
		return terminalDark()
	}
	return true
}

// ParseTheme picks the theme from the --theme flag (as given, "" when
// absent) and the environment, in this order: the flag, since what is
// typed for one run beats what is set for all; then NO_COLOR set and not
// empty means none (https://no-color.org); then REBOUND_THEME; else auto.
// A value it does not know is an error naming where it came from, with the
// value shown inert: it could be anything.
func Parse(flag string, getenv func(string) string) (Theme, error) {
	if flag != "" {
		t, ok := named(flag)
		if !ok {
			return Auto, fmt.Errorf("--theme %q: use dark, light, none or auto", coach.Inert(flag))
		}
		return t, nil
	}
	if getenv("NO_COLOR") != "" {
		return None, nil
	}
	if v := getenv("REBOUND_THEME"); v != "" {
		t, ok := named(v)
		if !ok {
			return Auto, fmt.Errorf("REBOUND_THEME %q: use dark, light, none or auto", coach.Inert(v))
		}
		return t, nil
	}
	return Auto, nil
}

// themeNamed reads a theme's name, in any case: environment variables are
// often typed by hand.
func named(s string) (Theme, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "auto":
		return Auto, true
	case "dark":
		return Dark, true
	case "light":
		return Light, true
	case "none":
		return None, true
	}
	return Auto, false
}

// themeOf is the theme a set of styles was built for: what a Glamour
// render must match.
func Of(isDark, noColor bool) Theme {
	switch {
	case noColor:
		return None
	case isDark:
		return Dark
	}
	return Light
}

// ColorProfile is how many colours to draw with on out: what the terminal
// and environ say, except that a colour theme given as a flag beats
// NO_COLOR (no-color.org: a per-run flag overrides it), which the
// detection would otherwise obey by dropping every colour.
//
// It reads only the environment (TERM, COLORTERM, NO_COLOR, CLICOLOR…):
// colorprofile.Detect would also look the user up to find a terminfo file
// (a socket to the name service) and run `tmux info`, and the README
// promises neither. Inside tmux that means 256 colours, not 24-bit.
func ColorProfile(flag string, out io.Writer, environ []string) colorprofile.Profile {
	if t, _ := Parse(flag, func(string) string { return "" }); t == Dark || t == Light {
		environ = slices.DeleteFunc(slices.Clone(environ), func(kv string) bool { return strings.HasPrefix(kv, "NO_COLOR=") })
	}
	if f, ok := out.(interface{ Fd() uintptr }); ok && terminal.IsTerminal(f.Fd()) {
		return colorprofile.Env(environ)
	}
	// Not a terminal: Detect stops at the environment unless TTY_FORCE
	// makes it treat out as one, so that goes, and out is not passed.
	environ = slices.DeleteFunc(slices.Clone(environ), func(kv string) bool { return strings.HasPrefix(kv, "TTY_FORCE=") })
	return colorprofile.Detect(io.Discard, environ)
}

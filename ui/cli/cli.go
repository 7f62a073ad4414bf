// Package cli is rebound's command line, on cobra: the app's own words
// (rebound, new, practice), which it parses and hands to main to run, and
// the commands for looking back: list, show, export, stats, restore and
// practice list, with completion and the manual page. Unlike the TUI the
// commands need no terminal: with their output piped they print plain text
// or JSON for scripts, and at a terminal the same text, lightly coloured.
//
// Everything the commands touch outside the data directory comes in through
// an Env, so the tests run them in-process with a fixed clock and buffers.
package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	terminal "github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/theme"
)

// Exit codes, the same as the TUI's (see the README).
const (
	exitOK    = 0
	exitError = 1 // an unknown or ambiguous ID, a file in the way, I/O
	exitUsage = 2 // bad flags, an unknown command, a missing ID
)

// Env is the world a command runs in. It comes in from outside, so that
// the tests run every command in-process with a fixed clock and buffers.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// StdinTerminal and StdoutTerminal say whether Stdin and Stdout are a
	// terminal: colour, Glamour and the overwrite question need one.
	StdinTerminal  bool
	StdoutTerminal bool
	// Width is the terminal's width in columns; 0 when unknown.
	Width int
	// IsDark reports whether the terminal's background is dark. It asks the
	// terminal, so it is called only when colour is used and the theme is
	// auto (--theme dark or light settles it without asking).
	IsDark func() bool
	Getenv func(string) string
	Now    func() time.Time
	// DataDir picks the data directory; flag is --data-dir, "" when not given.
	DataDir func(flag string) (string, error)
	// Recolour, when not nil, sets how many colours Stdout draws with for
	// the --theme given (a colour theme beats NO_COLOR); see theme.ColorProfile.
	Recolour func(themeFlag string)
}

// System is the Env of the running process. When stdout is a terminal it
// is written through Lip Gloss's writer, which lowers colours to what the
// terminal supports.
func System() Env {
	env := Env{
		Stdin:          os.Stdin,
		Stdout:         os.Stdout,
		Stderr:         os.Stderr,
		StdinTerminal:  terminal.IsTerminal(os.Stdin.Fd()),
		StdoutTerminal: terminal.IsTerminal(os.Stdout.Fd()),
		IsDark:         func() bool { return lipgloss.HasDarkBackground(os.Stdin, os.Stdout) },
		Getenv:         os.Getenv,
		Now:            time.Now,
		DataDir: func(flag string) (string, error) {
			return coach.DataDir(flag, os.Getenv, runtime.GOOS, os.UserHomeDir)
		},
	}
	if env.StdoutTerminal {
		env.Stdout = lipgloss.Writer
		// Lip Gloss detected nothing while starting (see package
		// noprobe): the profile is set here, from the environment.
		lipgloss.Writer.Profile = theme.ColorProfile("", os.Stdout, os.Environ())
		env.Recolour = func(flag string) {
			lipgloss.Writer.Profile = theme.ColorProfile(flag, os.Stdout, os.Environ())
		}
		if w, _, err := terminal.GetSize(os.Stdout.Fd()); err == nil {
			env.Width = w
		}
	}
	return env
}

// CheckedWriter passes writes to W and remembers the first error, after
// which every write fails with it, so nothing is written past a gap and
// the caller can say once, at the end, that the output was cut (main uses
// it for what it hands over when a save failed).
type CheckedWriter struct {
	W   io.Writer
	Err error
}

// Write writes p to W unless an earlier write failed.
func (w *CheckedWriter) Write(p []byte) (int, error) {
	if w.Err != nil {
		return 0, w.Err
	}
	n, err := w.W.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		w.Err = err
	}
	return n, err
}

// ctx is what a running command needs.
type ctx struct {
	env   Env
	dir   string
	store *coach.Store
	// theme is --theme, NO_COLOR and REBOUND_THEME resolved (theme.Parse).
	theme theme.Theme
	// dark caches the terminal's answer: asking costs a round trip.
	dark *bool
}

// flagged is the questions that threw the user, matched to the bank as
// the app matches them, so the progress reads the same everywhere.
func (c *ctx) flagged(sums []coach.Summary) []coach.Question {
	bank, err := content.LoadBank()
	if err != nil { // the content tests keep this from shipping
		bank = nil
	}
	return coach.FlaggedQuestions(sums, coach.BankQuestions(bank))
}

// colour reports whether output may be coloured: at a terminal, unless the
// theme is none (--theme none, or NO_COLOR set). Piped output has none
// whatever the theme: it is for scripts and files.
func (c *ctx) colour() bool {
	return c.env.StdoutTerminal && c.theme != theme.None
}

// colours is the theme output is drawn in: none when colour() says no,
// else dark or light as --theme says or, for auto, as the terminal answers
// (asked once).
func (c *ctx) colours() theme.Theme {
	if !c.colour() {
		return theme.None
	}
	if c.dark == nil {
		dark := c.theme.Dark(c.env.IsDark)
		c.dark = &dark
	}
	if *c.dark {
		return theme.Dark
	}
	return theme.Light
}

// styles are the app's styles: in the colours of colours(), else only
// their emphasis (bold, reverse), which output to a pipe must strip.
func (c *ctx) styles() theme.Styles {
	t := c.colours()
	return theme.NewStyles(t != theme.Light, t == theme.None)
}

// width is the width to lay text out at: the terminal's, else 80.
func (c *ctx) width() int {
	if c.env.StdoutTerminal && c.env.Width > 0 {
		return c.env.Width
	}
	return 80
}

// warnf writes a one-line warning to stderr; the command goes on.
func (c *ctx) warnf(format string, a ...any) {
	fmt.Fprintf(c.env.Stderr, "rebound: "+format+"\n", a...)
}

// usageError is a command line that cannot be run as typed: exit code 2.
type usageError struct {
	cmd string // the command whose help to point to, "rebound list"; "" for none
	msg string
}

func (e *usageError) Error() string { return e.msg }

// usageErr is msg as a usage error of cmd, whose help it points to.
func usageErr(cmd *cobra.Command, msg string) error {
	return &usageError{cmd: cmd.CommandPath(), msg: msg}
}

// fail writes err as one sentence and returns its exit code.
func fail(env Env, err error) int {
	if err == nil {
		return exitOK
	}
	if ue, ok := errors.AsType[*usageError](err); ok {
		hint := ""
		if ue.cmd != "" {
			hint = "; run '" + ue.cmd + " --help' for usage"
		}
		fmt.Fprintf(env.Stderr, "rebound: %s%s.\n", ue.msg, hint)
		return exitUsage
	}
	fmt.Fprintf(env.Stderr, "rebound: %s\n", sentence(err.Error()))
	return exitError
}

// sentence ends a message with a full stop unless it has its own.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// resolve finds the session ID a typed prefix names among ids, or says why
// not in one sentence: what names the kind of session ("session", "deleted
// session") and hint follows an unknown ID.
func resolve(prefix string, ids []string, what, hint string) (string, error) {
	id, err := coach.Resolve(prefix, ids)
	if ae, ok := errors.AsType[*coach.AmbiguousIDError](err); ok {
		return "", errors.New(coach.Inert(ae.Error()))
	}
	if err != nil {
		return "", fmt.Errorf("no %s has the ID %q%s", what, prefix, hint)
	}
	return id, nil
}

// readErr says that something under the data directory could not be read,
// with the system's reason and the file it was about.
func readErr(what string, err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return fmt.Errorf("cannot read %s: %s: %w", what, coach.Inert(pe.Path), pe.Err)
	}
	return fmt.Errorf("cannot read %s: %w", what, err)
}

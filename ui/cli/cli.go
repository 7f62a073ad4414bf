// Package cli is rebound's command line for looking back: list, show,
// export, stats, restore and practice list. Unlike the TUI it needs no
// terminal: with its output piped it prints plain text or JSON for scripts,
// and at a terminal the same text, lightly coloured.
//
// Everything the commands touch outside the data directory comes in through
// an Env, so the tests run them in-process with a fixed clock and buffers.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	terminal "github.com/charmbracelet/x/term"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui"
)

// Exit codes, the same as the TUI's (see the README).
const (
	exitOK    = 0
	exitError = 1 // an unknown or ambiguous ID, a file in the way, I/O
	exitUsage = 2 // bad flags, an unknown command, a missing ID
)

// Env is the world a command runs in.
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
	// the --theme given (a colour theme beats NO_COLOR); see ui.ColorProfile.
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
		lipgloss.Writer.Profile = ui.ColorProfile("", os.Stdout, os.Environ())
		env.Recolour = func(flag string) {
			lipgloss.Writer.Profile = ui.ColorProfile(flag, os.Stdout, os.Environ())
		}
		if w, _, err := terminal.GetSize(os.Stdout.Fd()); err == nil {
			env.Width = w
		}
	}
	return env
}

// command is one subcommand: its help, and a setup that declares its flags
// and returns what runs it with the positional arguments.
type command struct {
	name  string
	usage string // the first line of its help: "rebound list [--json]"
	help  string // the rest
	setup func(fs *flag.FlagSet) func(c *ctx, args []string) error
	// noData is set for the commands that describe rebound itself
	// (completion, man): they run without a data directory.
	noData bool
}

// commands, in the order the usage lists them.
var commands = []command{listCommand, showCommand, exportCommand, statsCommand, restoreCommand, practiceListCommand, completionCommand, manCommand}

// IsCommand reports whether name is one of this package's one-word
// commands, so that main can hand them over and keep the TUI for the rest.
// `practice list` is two words: see IsPracticeList.
func IsCommand(name string) bool {
	return !strings.Contains(name, " ") && slices.ContainsFunc(commands, func(c command) bool { return c.name == name })
}

// Usage is the commands' part of `rebound --help`.
func Usage() string {
	var b strings.Builder
	for _, c := range commands {
		if c.name == completionCommand.name {
			b.WriteString("\nShell completion and the manual page:\n")
		}
		fmt.Fprintf(&b, "  %s\n", c.usage)
	}
	return b.String()
}

// Run runs a command line such as ["--data-dir", "x", "list", "--json"]
// and returns the exit code. Errors are written to env.Stderr as one
// sentence; nothing panics its way out.
//
// --data-dir and --theme go before the command or among its own flags, as
// the app takes them: `rebound --theme light show 1a2b` and `rebound show
// 1a2b --theme light` are the same.
//
// Every write to env.Stdout goes through a writer that keeps the first
// error: a command whose output could not be written (a full disk, a closed
// pipe, /dev/full) exits 1 with one sentence, whichever line failed and
// whether or not the command looked at the error itself.
func Run(args []string, env Env) int {
	out := &CheckedWriter{W: env.Stdout}
	env.Stdout = out
	code := runCommand(args, env)
	if out.Err != nil && code == exitOK {
		return fail(env, fmt.Errorf("cannot write the output: %w", out.Err))
	}
	return code
}

// CheckedWriter passes writes to W and remembers the first error, after
// which every write fails with it, so nothing is written past a gap.
type CheckedWriter struct {
	W   io.Writer
	Err error
}

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

// DataDirFlag is --data-dir: a string that knows whether it was given, so
// that --data-dir "" is refused instead of meaning the default.
type DataDirFlag struct {
	Value string
	Given bool
}

func (f *DataDirFlag) String() string { return f.Value }

func (f *DataDirFlag) Set(v string) error {
	f.Value, f.Given = v, true
	return nil
}

// Check is the usage error for a --data-dir given empty; nil otherwise.
func (f *DataDirFlag) Check() error {
	if f.Given && f.Value == "" {
		return errors.New("--data-dir needs a directory: give a path, or leave the flag out for the default")
	}
	return nil
}

func runCommand(args []string, env Env) int {
	var dataDir DataDirFlag
	var theme string
	global := flag.NewFlagSet("rebound", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.Var(&dataDir, "data-dir", "")
	global.StringVar(&theme, "theme", "", "")
	if err := global.Parse(args); err != nil {
		return fail(env, usageErr("rebound", flagError(err)))
	}
	rest := global.Args()
	if len(rest) == 0 {
		return fail(env, usageErr("rebound", "no command given"))
	}
	name, tail := rest[0], rest[1:]
	if t, ok := practiceListArgs(rest); ok {
		name, tail = practiceListCommand.name, t
	} else if !IsCommand(name) {
		return fail(env, usageErr("rebound", fmt.Sprintf("unknown command %q", name)))
	}
	cmd := commands[slices.IndexFunc(commands, func(c command) bool { return c.name == name })]

	fs := flag.NewFlagSet("rebound "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(&dataDir, "data-dir", "")
	fs.StringVar(&theme, "theme", theme, "")
	run := cmd.setup(fs)
	pos, err := parseInterleaved(fs, tail)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(env.Stdout, "Usage: %s\n\n%s", cmd.usage, cmd.help)
		return exitOK
	}
	if err != nil {
		return fail(env, usageErr(cmd.name, flagError(err)))
	}

	if err := dataDir.Check(); err != nil {
		return fail(env, usageErr(cmd.name, err.Error()))
	}
	if cmd.noData {
		return fail(env, run(&ctx{env: env, cmd: cmd.name}, pos))
	}
	th, err := ui.ParseTheme(theme, env.Getenv)
	if err != nil {
		return fail(env, &usageError{msg: err.Error()}) // it says what to use
	}
	if env.Recolour != nil {
		env.Recolour(theme)
	}
	dir, err := env.DataDir(dataDir.Value)
	if err != nil {
		return fail(env, &usageError{msg: err.Error()})
	}
	c := &ctx{env: env, cmd: cmd.name, dir: dir, store: coach.NewStore(dir), theme: th}
	c.store.Tidy() // what crashed copies left: temp files, lock files
	if w := coach.TrustWarning(dir); w != "" {
		c.warnf("%s", coach.Inert(w))
	}
	if exposed, _ := c.store.Exposed(); len(exposed) > 0 {
		c.warnf("%s", coach.Inert(coach.ExposedWarning(dir, exposed)))
	}
	return fail(env, run(c, pos))
}

// ctx is what a running command needs.
type ctx struct {
	env   Env
	cmd   string
	dir   string
	store *coach.Store
	// theme is --theme, NO_COLOR and REBOUND_THEME resolved (ui.ParseTheme).
	theme ui.Theme
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
	return c.env.StdoutTerminal && c.theme != ui.ThemeNone
}

// colours is the theme output is drawn in: none when colour() says no,
// else dark or light as --theme says or, for auto, as the terminal answers
// (asked once).
func (c *ctx) colours() ui.Theme {
	if !c.colour() {
		return ui.ThemeNone
	}
	if c.dark == nil {
		dark := c.theme.Dark(c.env.IsDark)
		c.dark = &dark
	}
	if *c.dark {
		return ui.ThemeDark
	}
	return ui.ThemeLight
}

// styles are the app's styles: in the colours of colours(), else only
// their emphasis (bold, reverse), which output to a pipe must strip.
func (c *ctx) styles() ui.Styles {
	t := c.colours()
	return ui.NewStyles(t != ui.ThemeLight, t == ui.ThemeNone)
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
	cmd string // for the hint; "" for none
	msg string
}

func (e *usageError) Error() string { return e.msg }

func usageErr(cmd, msg string) error { return &usageError{cmd: cmd, msg: msg} }

// fail writes err as one sentence and returns its exit code.
func fail(env Env, err error) int {
	if err == nil {
		return exitOK
	}
	if ue, ok := errors.AsType[*usageError](err); ok {
		hint := ""
		switch ue.cmd {
		case "":
		case "rebound":
			hint = "; run 'rebound --help' for usage"
		default:
			hint = "; run 'rebound " + ue.cmd + " --help' for usage"
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

// parseInterleaved parses flags anywhere among the positional arguments, as
// people type them (`show 1a2b --json`); everything after "--" is
// positional.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

// flagError rewrites the flag package's messages in the words of the help.
// They repeat the flag as typed, which could be anything: it is shown inert.
func flagError(err error) string {
	msg := coach.Inert(err.Error())
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown flag " + dashed(name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return dashed(name) + " needs a value"
	}
	return msg
}

// dashed writes a flag as the help does: -o, --data-dir.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
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

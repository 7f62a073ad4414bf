// Command rebound is a calm terminal coach for the hour after an interview
// rejection email. See README.md.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	terminal "github.com/charmbracelet/x/term"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui"
	"github.com/rebound-coach/rebound/ui/cli"
	"github.com/rebound-coach/rebound/ui/noprobe"
	"github.com/rebound-coach/rebound/ui/plain"
)

// Exit codes, documented in the README.
const (
	exitOK    = 0
	exitError = 1 // something went wrong while running
	exitUsage = 2 // bad arguments, or no terminal to run in
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

const usage = `rebound: a calm coach for the hour after an interview rejection.

Usage:
  rebound [flags]        open home: start a new session or resume one
  rebound new [flags]    start a new session straight away
  rebound practice [--tag TAG] [--timer 90s|off]
                         practise interview questions: the ones that threw
                         you first, then the bank by spaced repetition

Looking back (no terminal needed; plain text when piped):
%s
Run 'rebound COMMAND --help' for a command's flags. IDs may be shortened to
their first characters while they name one session.

Practice flags:
  --tag TAG        only the bank's questions with this tag: motivation,
                   behavioural, strengths, situational, career, logistics, ask
  --timer D|off    each round's countdown (default 2m; 90s, 3m, off)

Flags:
  --data-dir DIR   where sessions are kept (default: $REBOUND_DATA_DIR if
                   not empty, else $XDG_DATA_HOME/rebound, else
                   ~/.local/share/rebound)
  --plain          line-by-line prompts instead of the full screen, for
                   screen readers and for answers piped from a file (also
                   with TERM=dumb or REBOUND_ACCESSIBLE=1)
  --theme T        dark, light, none or auto (default: auto, from the
                   terminal's background; none with NO_COLOR; or
                   $REBOUND_THEME)
  -h, --help       show this help
  --version        print the version

Keys: tab/shift+tab next/previous prompt, enter next (a new line in long
answers), ctrl+s save, esc home, ctrl+c save and quit, ? more keys.
In plain mode: a line with only "." ends a long answer, :back goes back one
question, :quit (or ctrl+d) leaves; every answer is saved as you go.

Exit status: 0 done, 1 something could not be saved or read (what you wrote
is printed), 2 bad arguments or no terminal.
`

// init puts back NO_COLOR, which package noprobe set so that no package's
// init would look the user up or run tmux.
func init() {
	noprobe.Restore()
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	opts, err := parseArgs(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		_, err := fmt.Fprintf(stdout, usage, cli.Usage())
		return wrote(err, stderr)
	case err != nil:
		fmt.Fprintf(stderr, "rebound: %s\nRun 'rebound --help' for usage.\n", coach.Inert(err.Error())) // the argument as typed could be anything
		return exitUsage
	case opts.version:
		_, err := fmt.Fprintln(stdout, "rebound", versionString())
		return wrote(err, stderr)
	case opts.command:
		// Looking back needs no terminal; cli parses its own flags.
		return cli.Run(args, cli.System())
	}

	var o ui.Options
	flow, _, err := content.Load()
	if err == nil {
		o.Bank, err = content.LoadBank()
	}
	if err != nil {
		fmt.Fprintf(stderr, "rebound: this build's coaching content is broken: %v\n", err)
		return exitError
	}
	// The arguments are checked before the terminal: a typo is the first
	// thing to hear about.
	if opts.tag != "" {
		if _, ok := o.Bank.Tag(opts.tag); !ok {
			fmt.Fprintf(stderr, "rebound: unknown tag %q: use one of %s.\n", opts.tag, tagList(o.Bank))
			return exitUsage
		}
	}

	theme, err := ui.ParseTheme(opts.theme, os.Getenv)
	if err != nil {
		fmt.Fprintf(stderr, "rebound: %s.\nRun 'rebound --help' for usage.\n", err) // the value is already shown inert
		return exitUsage
	}

	// Without a home directory there is nowhere to save, but someone who
	// has just had bad news can still talk it through: the app says so and
	// runs in memory, and what was typed is printed on quit.
	dir, err := coach.DataDir(opts.dataDir.Value, os.Getenv, runtime.GOOS, os.UserHomeDir)
	if err == nil {
		o.Store = coach.NewStore(dir)
	} else {
		o.Store = coach.Unavailable(err)
	}

	if plainMode(opts, os.Getenv) {
		return runPlain(o, flow, opts)
	}
	if !terminal.IsTerminal(os.Stdin.Fd()) || !terminal.IsTerminal(os.Stdout.Fd()) {
		fmt.Fprintln(stderr, "rebound: this is an interactive app and needs a terminal: run it directly in one, or use --plain for line prompts that work with pipes and files.")
		return exitUsage
	}
	o.Flow = flow
	o.NewSession, o.Practice, o.PracticeTag, o.Timer = opts.newSession, opts.practice, opts.tag, opts.timer
	o.Theme = theme
	model := ui.New(o)
	// PasteGuard keeps pasted escape sequences as text the app can store;
	// Bubble Tea's parser would otherwise drop them.
	p := tea.NewProgram(model,
		tea.WithColorProfile(ui.ColorProfile(opts.theme, os.Stdout, os.Environ())),
		tea.WithInput(ui.NewPasteGuard(os.Stdin)),
		tea.WithFilter(ui.ExitFilter))
	// A closed terminal (SIGHUP) quits like ctrl+c, saving first; Bubble Tea
	// already does the same for SIGTERM and SIGINT.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		if _, ok := <-hup; ok {
			p.Quit()
		}
	}()
	_, err = p.Run()
	signal.Stop(hup)
	close(hup)
	// Every save has landed (the exit filter writes the last ones): let go
	// of the session's lock and remove its file. The system would let go by
	// itself, but the file would stay.
	o.Store.UnlockAll()
	if unsaved, rounds := model.Unsaved(), model.UnsavedPractice(); len(unsaved)+len(rounds) > 0 {
		// Nothing typed is lost: what could not be written is handed over.
		where := " to " + dir
		if dir == "" {
			where = " (no data directory)"
		}
		fmt.Fprintf(stderr, "rebound: could not save%s; here is what you wrote, so you can keep it:\n\n", where)
		out := &cli.CheckedWriter{W: stdout}
		for _, s := range unsaved {
			fmt.Fprintln(out, coach.HandOver(s, flow))
		}
		for _, p := range rounds {
			fmt.Fprintln(out, coach.PracticeMarkdown(p))
		}
		if out.Err != nil {
			fmt.Fprintf(stderr, "rebound: and it could not be printed either (%v): nothing more can be done here.\n", out.Err)
		}
		return exitError
	}
	if err != nil {
		fmt.Fprintf(stderr, "rebound: %v\n", err)
		return exitError
	}
	return exitOK
}

// wrote is the exit code after printing help or the version: 1 when the
// output could not be written (a full disk, /dev/full), as for every command.
func wrote(err error, stderr io.Writer) int {
	if err != nil {
		fmt.Fprintf(stderr, "rebound: cannot write the output: %v.\n", err)
		return exitError
	}
	return exitOK
}

// plainMode reports whether to run as line prompts: asked for with
// --plain, or by the environment: a terminal that cannot move its cursor
// (TERM=dumb), or REBOUND_ACCESSIBLE set for a screen reader.
func plainMode(o options, getenv func(string) string) bool {
	switch strings.ToLower(getenv("REBOUND_ACCESSIBLE")) {
	case "", "0", "false", "no", "off":
	default:
		return true
	}
	return o.plain || getenv("TERM") == "dumb"
}

// runPlain runs plain mode on the process's standard streams. ctrl+c, a
// closed terminal and SIGTERM end it once a save in progress has landed.
func runPlain(o ui.Options, flow *content.Flow, opts options) int {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sig)
	return plain.Run(plain.System(), plain.Options{Store: o.Store, Flow: flow, Bank: o.Bank,
		NewSession: opts.newSession, Practice: opts.practice, Tag: opts.tag, Interrupt: sig})
}

type options struct {
	dataDir    cli.DataDirFlag // --data-dir: given empty is a usage error
	plain      bool            // line prompts instead of the full-screen app
	theme      string          // --theme as given: "" when not
	newSession bool
	practice   bool
	tag        string
	timer      time.Duration // 0: the default; negative: off
	version    bool
	command    bool // one of package cli's commands, which parses its own flags
}

// parseArgs reads flags before and after the one optional command, so both
// `rebound --data-dir x new` and `rebound new --data-dir x` work.
func parseArgs(args []string) (options, error) {
	var o options
	var timer string
	fs := newFlagSet(&o, &timer)
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if rest := fs.Args(); len(rest) > 0 {
		if cli.IsCommand(rest[0]) || cli.IsPracticeList(rest) {
			o.command = true
			return o, nil
		}
		switch rest[0] {
		case "new":
			o.newSession = true
		case "practice":
			o.practice = true
		default:
			return o, fmt.Errorf("unknown command %q", rest[0])
		}
		if err := fs.Parse(rest[1:]); err != nil {
			return o, err
		}
		if fs.NArg() > 0 {
			return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
		}
	}
	if err := o.dataDir.Check(); err != nil {
		return o, err
	}
	if !o.practice && (o.tag != "" || timer != "") {
		return o, errors.New("--tag and --timer go with 'rebound practice'")
	}
	if timer != "" {
		var err error
		if o.timer, err = parseTimer(timer); err != nil {
			return o, err
		}
	}
	return o, nil
}

// newFlagSet declares the app's own flags (the commands of package cli
// declare theirs); the completions and the man page are checked against it.
func newFlagSet(o *options, timer *string) *flag.FlagSet {
	fs := flag.NewFlagSet("rebound", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(&o.dataDir, "data-dir", "")
	fs.BoolVar(&o.plain, "plain", false, "")
	fs.StringVar(&o.theme, "theme", "", "")
	fs.BoolVar(&o.version, "version", false, "")
	fs.StringVar(&o.tag, "tag", "", "")
	fs.StringVar(timer, "timer", "", "")
	return fs
}

// parseTimer reads a round's countdown: a Go duration such as 90s or 2m, or
// "off".
func parseTimer(s string) (time.Duration, error) {
	if s == "off" || s == "0" {
		return -1, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 10*time.Second || d > time.Hour {
		return 0, fmt.Errorf("--timer %q: give a duration from 10s to 1h, such as 90s or 2m, or off", s)
	}
	return d.Round(time.Second), nil
}

// tagList is the bank's tag IDs, for an error message.
func tagList(b *content.Bank) string {
	ids := make([]string, len(b.Tags))
	for i, t := range b.Tags {
		ids[i] = t.ID
	}
	return strings.Join(ids, ", ")
}

func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "dev"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " (" + s.Value[:12] + ")"
		}
	}
	return v
}

// Command rebound is a calm terminal coach for the hour after an interview
// rejection email. See README.md.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	terminal "github.com/charmbracelet/x/term"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/app"
	"github.com/rebound-coach/rebound/ui/cli"
	"github.com/rebound-coach/rebound/ui/noprobe"
	"github.com/rebound-coach/rebound/ui/plain"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/paste"
)

// Exit codes, documented in the README.
const (
	exitOK    = 0
	exitError = 1 // something went wrong while running
	exitUsage = 2 // bad arguments, or no terminal to run in
)

// frameRate is the most frames a second Bubble Tea draws. A key waits for
// the next frame to show, so this bounds how soon it is echoed.
const frameRate = 120

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

// init puts back NO_COLOR, which package noprobe set so that no package's
// init would look the user up or run tmux.
func init() {
	noprobe.Restore()
}

func main() {
	os.Exit(cli.Execute(os.Args[1:], cli.System(), cli.App{Version: versionString(), Run: runApp}))
}

// runApp runs the full-screen app or plain mode, as the command line
// (package cli) asked, and returns the exit code.
func runApp(opts cli.AppOptions) int {
	plain := plainMode(opts.Plain, os.Getenv)
	if !plain {
		go warmWidths() // only a full-screen frame needs it soon
	}
	var o app.Options
	flow, _, err := content.Load()
	if err == nil {
		o.Bank, err = content.LoadBank()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "rebound: this build's coaching content is broken: %v\n", err)
		return exitError
	}

	// Without a home directory there is nowhere to save, but someone who
	// has just had bad news can still talk it through: the app says so and
	// runs in memory, and what was typed is printed on quit.
	dir, err := coach.DataDir(opts.DataDir, os.Getenv, runtime.GOOS, os.UserHomeDir)
	if err == nil {
		o.Store = coach.NewStore(dir)
	} else {
		o.Store = coach.Unavailable(err)
	}

	if plain {
		return runPlain(o, flow, opts)
	}
	if !terminal.IsTerminal(os.Stdin.Fd()) || !terminal.IsTerminal(os.Stdout.Fd()) {
		fmt.Fprintln(os.Stderr, "rebound: this is an interactive app and needs a terminal: run it directly in one, or use --plain for line prompts that work with pipes and files.")
		return exitUsage
	}
	o.Flow = flow
	o.NewSession, o.Practice, o.PracticeTag, o.Timer = opts.NewSession, opts.Practice, opts.Tag, opts.Timer
	o.Theme = opts.Theme
	return runTUI(o, opts.ThemeFlag, dir)
}

// warmWidths measures a character past Latin once, so that the table of
// character widths behind that measure is built now, on another core,
// while the app loads. go-runewidth builds it (2 MB, under a sync.Once) the
// first time any such character is measured, and the first one is drawn in
// the first frame (the menu's ›, a rule's ─): left to the renderer, the
// build held that frame back by 6-9 ms on the machine the README's
// performance table was measured on.
func warmWidths() {
	ansi.StringWidthWc("─")
}

// runTUI runs the full-screen app until it quits, then hands over what
// could not be saved.
func runTUI(o app.Options, themeFlag, dir string) int {
	model := app.New(o)
	// PasteGuard keeps pasted escape sequences as text the app can store;
	// Bubble Tea's parser would otherwise drop them.
	p := tea.NewProgram(model,
		tea.WithColorProfile(theme.ColorProfile(themeFlag, os.Stdout, os.Environ())),
		tea.WithInput(paste.NewGuard(os.Stdin)),
		tea.WithFilter(app.ExitFilter),
		tea.WithFPS(frameRate))
	// A closed terminal (SIGHUP) quits like ctrl+c, saving first; Bubble Tea
	// already does the same for SIGTERM and SIGINT.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		if _, ok := <-hup; ok {
			p.Quit()
		}
	}()
	_, err := p.Run()
	signal.Stop(hup)
	close(hup)
	// Every save has landed (the exit filter writes the last ones): let go
	// of the session's lock and remove its file. The system would let go by
	// itself, but the file would stay.
	o.Store.UnlockAll()
	if unsaved, rounds := model.Unsaved(), model.UnsavedPractice(); len(unsaved)+len(rounds) > 0 {
		handOver(unsaved, rounds, o.Flow, dir)
		return exitError
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "rebound: %v\n", err)
		return exitError
	}
	return exitOK
}

// handOver prints what could not be saved, so nothing typed is lost.
func handOver(unsaved []*coach.Session, rounds []*coach.Practice, flow *content.Flow, dir string) {
	where := " to " + dir
	if dir == "" {
		where = " (no data directory)"
	}
	fmt.Fprintf(os.Stderr, "rebound: could not save%s; here is what you wrote, so you can keep it:\n\n", where)
	out := &cli.CheckedWriter{W: os.Stdout}
	for _, s := range unsaved {
		fmt.Fprintln(out, coach.HandOver(s, flow))
	}
	for _, p := range rounds {
		fmt.Fprintln(out, coach.PracticeMarkdown(p))
	}
	if out.Err != nil {
		fmt.Fprintf(os.Stderr, "rebound: and it could not be printed either (%v): nothing more can be done here.\n", out.Err)
	}
}

// plainMode reports whether to run as line prompts: asked for with
// --plain, or by the environment: a terminal that cannot move its cursor
// (TERM=dumb), or REBOUND_ACCESSIBLE set for a screen reader.
func plainMode(plain bool, getenv func(string) string) bool {
	switch strings.ToLower(getenv("REBOUND_ACCESSIBLE")) {
	case "", "0", "false", "no", "off":
	default:
		return true
	}
	return plain || getenv("TERM") == "dumb"
}

// runPlain runs plain mode on the process's standard streams. ctrl+c, a
// closed terminal and SIGTERM end it once a save in progress has landed.
func runPlain(o app.Options, flow *content.Flow, opts cli.AppOptions) int {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sig)
	return plain.Run(plain.System(), plain.Options{Store: o.Store, Flow: flow, Bank: o.Bank,
		NewSession: opts.NewSession, Practice: opts.Practice, Tag: opts.Tag, Interrupt: sig})
}

// versionString is what --version prints: the version set at build time,
// else the module's, with the commit it was built from when known.
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

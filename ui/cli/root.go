package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/theme"
)

// App is the full-screen app and plain mode, which main runs: this package
// parses their words and flags with the rest of the command line (one
// description of it, for help, completion and the manual), but does not
// import what draws them.
type App struct {
	// Version is what --version prints after "rebound ".
	Version string
	// Run runs the app as the command line asked and returns its exit code.
	Run func(AppOptions) int
}

// AppOptions is what the command line asked of the app: the words rebound,
// rebound new and rebound practice, and their flags, checked.
type AppOptions struct {
	// DataDir is --data-dir, "" when not given (never given empty: that is
	// a usage error).
	DataDir string
	// Plain asks for line prompts instead of the full screen.
	Plain bool
	// ThemeFlag is --theme as given, "" when not; Theme is it resolved with
	// NO_COLOR and REBOUND_THEME (theme.Parse).
	ThemeFlag string
	Theme     theme.Theme
	// NewSession and Practice are `rebound new` and `rebound practice`.
	NewSession, Practice bool
	// Tag is one of the bank's tags, or "".
	Tag string
	// Timer is a practice round's countdown: 0 the default, negative off.
	Timer time.Duration
}

// Execute runs a command line such as ["--data-dir", "x", "list", "--json"]
// and returns the exit code. Errors are written to env.Stderr as one
// sentence; nothing panics its way out. The app's own words are handed to
// app.Run.
//
// Every write to env.Stdout goes through a writer that keeps the first
// error: a command whose output could not be written (a full disk, a closed
// pipe, /dev/full) exits 1 with one sentence, whichever line failed and
// whether or not the command looked at the error itself.
func Execute(args []string, env Env, app App) int {
	out := &CheckedWriter{W: env.Stdout}
	env.Stdout = out
	inv := &invocation{env: env, app: app}
	var err error
	if len(args) == 0 {
		// Bare `rebound`, how most sessions start: the app at once, as the
		// root command runs it without flags, but without building the
		// command tree first (about a millisecond before the first frame).
		err = inv.start(AppOptions{})
	} else {
		root := inv.rootCommand()
		root.SetArgs(append([]string{}, args...)) // never nil: cobra would read os.Args
		root.SetIn(env.Stdin)
		root.SetOut(out)
		root.SetErr(env.Stderr)
		_, err = root.ExecuteC()
	}
	code := fail(env, err)
	if code == exitOK {
		code = inv.code
	}
	if out.Err != nil && code == exitOK {
		return fail(env, fmt.Errorf("cannot write the output: %w", out.Err))
	}
	return code
}

// invocation is one run of the command line: its world, the flags the
// commands share, and the app to hand the app's words to.
type invocation struct {
	env     Env
	app     App
	dataDir dataDirFlag // --data-dir, every command's
	theme   string      // --theme, every command's
	plain   bool        // --plain, the app's words'
	tag     string      // --tag, practice's
	timer   timerFlag   // --timer, practice's
	code    int         // the app's exit code, once it has run
}

// The groups the root's help lists its commands in.
const (
	appGroup   = "app"
	backGroup  = "back"
	aboutGroup = "about"
)

// rootCommand is the whole command line: rebound, its words and commands.
func (inv *invocation) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "rebound [--data-dir DIR] [--plain] [--theme THEME]",
		Short: "A calm coach for the hour after an interview rejection",
		Long: `rebound: a calm coach for the hour after an interview rejection.

Alone, rebound opens home: start a new session, resume one, look back.
--data-dir and --theme go before or after the command. IDs may be shortened
to their first characters while they name one session.`,
		Version:               inv.app.Version,
		DisableFlagsInUseLine: true,
		Args:                  unknownCommand,
		ValidArgsFunction:     cobra.NoFileCompletions,
		SilenceErrors:         true, // Execute says it in one sentence
		SilenceUsage:          true,
		RunE:                  func(cmd *cobra.Command, _ []string) error { return inv.runApp(cmd, AppOptions{}) },
	}
	root.SetVersionTemplate("rebound {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.CompletionOptions.DisableDefaultCmd = true // ours says what is wrong in our words
	root.AddGroup(
		&cobra.Group{ID: appGroup, Title: "The app (full screen, or line prompts with --plain):"},
		&cobra.Group{ID: backGroup, Title: "Looking back (no terminal needed; plain text when piped):"},
		&cobra.Group{ID: aboutGroup, Title: "Shell completion, the manual page and help:"})
	root.SetHelpCommandGroupID(aboutGroup)
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		help(c, args)
		if !c.HasParent() {
			fmt.Fprint(c.OutOrStdout(), rootFooter)
		}
	})

	inv.sharedFlags(root)
	newCmd := &cobra.Command{
		Use: "new [--plain]", Short: "Start a new session straight away", GroupID: appGroup,
		Long:                  "Starts a new session straight away, without home.",
		Args:                  noArgs,
		ValidArgsFunction:     cobra.NoFileCompletions,
		DisableFlagsInUseLine: true,
		RunE:                  func(cmd *cobra.Command, _ []string) error { return inv.runApp(cmd, AppOptions{NewSession: true}) },
	}
	newCmd.Flags().AddFlag(root.Flags().Lookup("plain"))
	practice := inv.practiceCommand()
	practice.Flags().AddFlag(root.Flags().Lookup("plain"))
	practice.AddCommand(inv.practiceListCommand(), inv.practiceShowCommand())
	root.AddCommand(newCmd, practice,
		inv.listCommand(), inv.showCommand(), inv.exportCommand(), inv.statsCommand(), inv.restoreCommand(),
		inv.completionCommand(), inv.manCommand())
	return root
}

// rootFooter ends `rebound --help`: the keys and the exit codes, which no
// command's help says.
const rootFooter = `
Keys: tab/shift+tab next/previous prompt, enter next (a new line in long
answers), ctrl+s save, esc home, ctrl+c save and quit, ? more keys.
In plain mode: a line with only "." ends a long answer, :back goes back one
question, :quit (or ctrl+d) leaves; every answer is saved as you go.

Exit status: 0 done, 1 something could not be saved or read (what you wrote
is printed), 2 bad arguments or no terminal.
`

// sharedFlags declares the flags that more than one command takes, once:
// --data-dir and --theme for every command, --plain for the app's words.
func (inv *invocation) sharedFlags(root *cobra.Command) {
	pf := root.PersistentFlags()
	pf.Var(&inv.dataDir, "data-dir", "keep sessions in `DIR` (default: $REBOUND_DATA_DIR\n"+
		"if not empty, else $XDG_DATA_HOME/rebound, else\n~/.local/share/rebound)")
	pf.StringVar(&inv.theme, "theme", "", "draw in `THEME`: dark, light, none or auto (default:\n"+
		"auto, from the terminal's background; none with\nNO_COLOR; or $REBOUND_THEME)")
	root.Flags().BoolVar(&inv.plain, "plain", false, "line-by-line prompts instead of the full screen,\n"+
		"for screen readers and for answers piped from a file\n(also with TERM=dumb or REBOUND_ACCESSIBLE=1)")
	root.Flags().Bool("version", false, "print the version")
	_ = root.RegisterFlagCompletionFunc("data-dir", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	_ = root.RegisterFlagCompletionFunc("theme", cobra.FixedCompletions([]cobra.Completion{
		"dark\tlight text on a dark background", "light\tdark text on a light background",
		"none\tno colour", "auto\tasks the terminal"}, cobra.ShellCompDirectiveNoFileComp))
}

// practiceCommand is `rebound practice`, which the app runs.
func (inv *invocation) practiceCommand() *cobra.Command {
	bank, _ := content.LoadBank() // nil if broken: main says so when it loads the content
	cmd := &cobra.Command{
		Use: "practice [--tag TAG] [--timer 90s|off]", Short: "Practise interview questions", GroupID: appGroup,
		Long: `Practise interview questions: the ones that threw you first, then the
bank's by spaced repetition. Each round is one question, answered against a
countdown, then reviewed and rated.`,
		Args:                  noArgs,
		ValidArgsFunction:     cobra.NoFileCompletions,
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if inv.tag != "" && bank != nil {
				if _, ok := bank.Tag(inv.tag); !ok {
					return &usageError{msg: fmt.Sprintf("unknown tag %q: use one of %s", inv.tag, tagList(bank))}
				}
			}
			return inv.runApp(cmd, AppOptions{Practice: true, Tag: inv.tag, Timer: inv.timer.d})
		},
	}
	tags := "only the bank's questions with this `TAG`"
	var choices []cobra.Completion
	if bank != nil {
		tags += ":\n" + ansi.Wordwrap(tagList(bank), 52, "")
		for _, t := range bank.Tags {
			choices = append(choices, cobra.CompletionWithDesc(t.ID, t.Title))
		}
	}
	cmd.Flags().StringVar(&inv.tag, "tag", "", tags)
	cmd.Flags().Var(&inv.timer, "timer", "count each round down from `D`: 10s to 1h, such\nas 90s or 2m, or off (default 2m)")
	_ = cmd.RegisterFlagCompletionFunc("tag", cobra.FixedCompletions(choices, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("timer", cobra.FixedCompletions([]cobra.Completion{"off", "90s", "2m", "3m"},
		cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// tagList is the bank's tag IDs, for a help or an error message.
func tagList(b *content.Bank) string {
	ids := make([]string, len(b.Tags))
	for i, t := range b.Tags {
		ids[i] = t.ID
	}
	return strings.Join(ids, ", ")
}

// runApp checks what the app's words share with the commands and hands
// the rest to the app.
func (inv *invocation) runApp(cmd *cobra.Command, o AppOptions) error {
	if err := inv.dataDir.check(cmd); err != nil {
		return err
	}
	return inv.start(o)
}

// start runs the app with o and the flags shared by its words, the theme
// resolved with NO_COLOR and REBOUND_THEME.
func (inv *invocation) start(o AppOptions) error {
	theme, err := theme.Parse(inv.theme, inv.env.Getenv)
	if err != nil {
		return &usageError{msg: err.Error()} // it says what to use
	}
	o.DataDir, o.Plain, o.ThemeFlag, o.Theme = inv.dataDir.value, inv.plain, inv.theme, theme
	inv.code = inv.app.Run(o)
	return nil
}

// open is the context of a command that reads the data directory: the
// shared flags checked, the directory chosen, and what crashed copies left
// there tidied, with a warning when others can read or change it.
func (inv *invocation) open(cmd *cobra.Command) (*ctx, error) {
	if err := inv.dataDir.check(cmd); err != nil {
		return nil, err
	}
	th, err := theme.Parse(inv.theme, inv.env.Getenv)
	if err != nil {
		return nil, &usageError{msg: err.Error()} // it says what to use
	}
	if inv.env.Recolour != nil {
		inv.env.Recolour(inv.theme)
	}
	dir, err := inv.env.DataDir(inv.dataDir.value)
	if err != nil {
		return nil, &usageError{msg: err.Error()}
	}
	c := &ctx{env: inv.env, dir: dir, store: coach.NewStore(dir), theme: th}
	c.store.Tidy()
	if w := coach.TrustWarning(dir); w != "" {
		c.warnf("%s", coach.Inert(w))
	}
	if exposed, _ := c.store.Exposed(); len(exposed) > 0 {
		c.warnf("%s", coach.Inert(coach.ExposedWarning(dir, exposed)))
	}
	return c, nil
}

// withData is a command's RunE that opens the data directory first.
func (inv *invocation) withData(run func(c *ctx, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		c, err := inv.open(cmd)
		if err != nil {
			return err
		}
		return run(c, args)
	}
}

// noArgs refuses any positional argument.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErr(cmd, fmt.Sprintf("unexpected argument %q", args[0]))
	}
	return nil
}

// unknownCommand refuses a word rebound does not know.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErr(cmd, fmt.Sprintf("unknown command %q", args[0]))
	}
	return nil
}

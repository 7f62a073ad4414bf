package cli

import (
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// manCommand is `rebound man`.
func (inv *invocation) manCommand() *cobra.Command {
	return &cobra.Command{
		Use: "man", Short: "Print the manual page", GroupID: aboutGroup,
		Long: `Prints the manual page (roff, section 1) to stdout. Read it with man, or
install it where man looks for it:

  rebound man | man -l -
  rebound man > ~/.local/share/man/man1/rebound.1`,
		Args:                  noArgs,
		ValidArgsFunction:     cobra.NoFileCompletions,
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := inv.dataDir.check(cmd); err != nil {
				return err
			}
			_, err := cmd.OutOrStdout().Write(manPage(cmd.Root(), buildDate()))
			return err
		},
	}
}

// buildDate is the day of the commit rebound was built from, for the
// page's date; "" when the build does not say (go run, tests), so that the
// same source always makes the same page.
func buildDate() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.time" {
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				return t.UTC().Format(time.DateOnly)
			}
		}
	}
	return ""
}

// page is a manual page being written.
type page struct{ strings.Builder }

func (p *page) line(s string) { p.WriteString(s + "\n") }

// para writes prose in this package's light markup (see md).
func (p *page) para(texts ...string) {
	for _, t := range texts {
		p.line(md(t))
	}
}

// manPage is the manual page: its synopsis, commands and options walked
// from the command tree under root, so they are the ones --help and the
// completions know; the rest (mantext.go) is what no help says.
func manPage(root *cobra.Command, date string) []byte {
	var p page
	p.line(`.\" Made by 'rebound man' from its commands; change their help or ui/cli/man*.go, not this.`)
	p.line(fmt.Sprintf(`.TH REBOUND 1 %s "rebound" "User Commands"`, roffArg(date)))
	p.line(".SH NAME")
	p.line(`rebound \- a calm terminal coach for the hour after an interview rejection`)
	p.line(".SH SYNOPSIS")
	walk(root, func(c *cobra.Command) {
		p.line(".SY rebound")
		p.line(roffUsage(strings.TrimPrefix(c.UseLine(), "rebound")))
		p.line(".YS")
	})
	p.line(".SY rebound")
	p.line(roffUsage("--version"))
	p.line(".YS")
	p.description()
	p.commands(root)
	p.options(root)
	p.keys(keys.Default())
	p.reference()
	return keepWhole([]byte(p.String()))
}

// walk calls f for c and every command under it that a person can type,
// parents first, in the order help lists them: by group, then by name.
func walk(c *cobra.Command, f func(*cobra.Command)) {
	f(c)
	groups := []string{""}
	for _, g := range c.Groups() {
		groups = append(groups, g.ID)
	}
	for _, g := range groups {
		for _, sub := range c.Commands() {
			if sub.GroupID == g && sub.IsAvailableCommand() {
				walk(sub, f)
			}
		}
	}
}

// commands writes COMMANDS: each command's synopsis, its help and its own
// flags.
func (p *page) commands(root *cobra.Command) {
	p.line(".SH COMMANDS")
	walk(root, func(c *cobra.Command) {
		if c == root {
			return
		}
		p.line(".TP")
		p.line(roffUsage(c.UseLine()))
		for i, para := range paragraphs(c.Long) {
			if i > 0 {
				p.line(".IP")
			}
			writeParagraph(&p.Builder, para)
		}
		var own []*pflag.Flag
		c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name != "help" && root.Flags().Lookup(f.Name) != f { // --plain is under OPTIONS
				own = append(own, f)
			}
		})
		if len(own) > 0 {
			p.line(".RS")
			for _, f := range own {
				p.flag(f, "")
			}
			p.line(".RE")
		}
	})
}

// options writes OPTIONS: the flags of rebound itself, which its words
// and commands share.
func (p *page) options(root *cobra.Command) {
	p.line(".SH OPTIONS")
	p.para("`--data-dir` and `--theme` go with every command, before or after it: " +
		"`rebound --data-dir DIR list` and `rebound list --data-dir DIR` are the same.")
	root.PersistentFlags().VisitAll(func(f *pflag.Flag) { p.flag(f, "") })
	root.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
		switch f.Name {
		case "help":
		case "plain":
			p.flag(f, "With `rebound`, `rebound new` and `rebound practice`.")
		default:
			p.flag(f, "")
		}
	})
}

// flag writes one flag as a tagged paragraph; note follows its text.
func (p *page) flag(f *pflag.Flag, note string) {
	p.line(".TP")
	tag := `\fB\-\-` + esc(f.Name, true) + `\fR`
	if f.Shorthand != "" {
		tag = `\fB\-` + esc(f.Shorthand, true) + `\fR, ` + tag
	}
	arg, usage := pflag.UnquoteUsage(f)
	if f.Value.Type() != "bool" && arg != "" {
		tag += " " + roffUsage(arg)
	}
	p.line(tag)
	text := sentence(strings.Join(strings.Fields(usage), " "))
	if f.Value.Type() != "bool" && f.DefValue != "" {
		text += " The default is " + f.DefValue + "."
	}
	text = esc(text, false)
	if note != "" {
		text += " " + md(note)
	}
	p.line(text)
}

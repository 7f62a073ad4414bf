package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rebound-coach/rebound/coach"
)

// shells are the shells `rebound completion` writes a script for, each
// with how cobra writes it. The scripts ask rebound itself what to
// complete (its hidden __complete command), so they complete what this
// rebound knows: its commands and flags, and the IDs in the data directory.
var shells = []struct {
	name  string
	write func(root *cobra.Command, w io.Writer) error
}{
	{"bash", func(root *cobra.Command, w io.Writer) error { return root.GenBashCompletionV2(w, true) }},
	{"zsh", func(root *cobra.Command, w io.Writer) error { return root.GenZshCompletion(w) }},
	{"fish", func(root *cobra.Command, w io.Writer) error { return root.GenFishCompletion(w, true) }},
	{"powershell", func(root *cobra.Command, w io.Writer) error { return root.GenPowerShellCompletionWithDesc(w) }},
}

// shellNames is "bash, zsh, fish or powershell".
func shellNames() string {
	names := make([]string, len(shells))
	for i, s := range shells {
		names[i] = s.name
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// completionCommand is `rebound completion SHELL`.
func (inv *invocation) completionCommand() *cobra.Command {
	var valid []string
	for _, s := range shells {
		valid = append(valid, s.name)
	}
	return &cobra.Command{
		Use: "completion bash|zsh|fish|powershell", Short: "Print a shell completion script", GroupID: aboutGroup,
		Long: `Prints a completion script for bash, zsh, fish or powershell. It completes
rebound's commands, their flags and the flags' values (themes, the question
bank's tags, timers, formats, files and directories), and the IDs of your
sessions and practice rounds, read from the data directory the command line
names (--data-dir, else $REBOUND_DATA_DIR, else the default).

Install it once, where each shell looks (see the README):

  rebound completion bash > ~/.local/share/bash-completion/completions/rebound
  rebound completion zsh > ~/.zfunc/_rebound   (with ~/.zfunc in $fpath)
  rebound completion fish > ~/.config/fish/completions/rebound.fish
  rebound completion powershell | Out-String | Invoke-Expression   (in $PROFILE)`,
		ValidArgs: valid,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usageErr(cmd, "give the shell to complete in: "+shellNames())
			case len(args) > 1:
				return usageErr(cmd, fmt.Sprintf("unexpected argument %q: completion takes one shell", args[1]))
			case !slices.Contains(valid, args[0]):
				return usageErr(cmd, fmt.Sprintf("unknown shell %q: use %s", args[0], shellNames()))
			}
			return nil
		},
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := inv.dataDir.check(cmd); err != nil {
				return err
			}
			return shells[slices.Index(valid, args[0])].write(cmd.Root(), cmd.OutOrStdout())
		},
	}
}

// completionStore is the store the command line being completed points
// at, or nil when it names none. Completing only reads: nothing is tidied
// and nothing is said, as the shell would print it over the prompt.
func (inv *invocation) completionStore() *coach.Store {
	if inv.dataDir.given && inv.dataDir.value == "" {
		return nil
	}
	dir, err := inv.env.DataDir(inv.dataDir.value)
	if err != nil {
		return nil
	}
	return coach.NewStore(dir)
}

// completeSessions completes session IDs, the short form list shows, each
// described by its title; most is how many a command takes (-1: any), and
// an ID already on the line is not offered again.
func (inv *invocation) completeSessions(most int) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		store := inv.completionStore()
		if store == nil || most >= 0 && len(args) >= most {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		sums, _, err := store.Summaries()
		ids, idErr := store.IDs()
		if err != nil || idErr != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		short := coach.ShortIDs(ids)
		var out []cobra.Completion
		for _, m := range sums {
			if id, ok := completedID(m.ID, short[m.ID], toComplete, args); ok {
				out = append(out, cobra.CompletionWithDesc(id, oneLine(m.Title())))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
	}
}

// completeDeleted completes the IDs of deleted sessions, for restore.
func (inv *invocation) completeDeleted(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	store := inv.completionStore()
	if store == nil || len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	ids, err := store.TrashIDs()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	short := coach.ShortIDs(ids)
	var out []cobra.Completion
	for _, id := range ids {
		if c, ok := completedID(id, short[id], toComplete, nil); ok {
			out = append(out, c)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completedID is what completes toComplete to session id: its short form
// when that starts with what is typed, else the whole ID; ok is false when
// neither does, or the session is already among given.
func completedID(id, short, toComplete string, given []string) (string, bool) {
	for _, g := range given {
		if g == id || g == short {
			return "", false
		}
	}
	switch {
	case short != "" && strings.HasPrefix(short, toComplete):
		return short, true
	case strings.HasPrefix(id, toComplete):
		return id, true
	}
	return "", false
}

package cli

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"

	"github.com/rebound-coach/rebound/coach"
	"github.com/spf13/cobra"
)

// restoreCommand is `rebound restore ID`.
func (inv *invocation) restoreCommand() *cobra.Command {
	return &cobra.Command{
		Use: "restore ID", Short: "Bring back a deleted session", GroupID: backGroup,
		Long: `Brings back a session deleted from home (deleting moves it to the trash
folder in the data directory). ID is its ID, or the first characters of it.`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usageErr(cmd, "give the ID of the deleted session to restore")
			case len(args) > 1:
				return usageErr(cmd, fmt.Sprintf("unexpected argument %q: restore takes one ID", args[1]))
			}
			return nil
		},
		ValidArgsFunction:     inv.completeDeleted,
		DisableFlagsInUseLine: true,
		RunE:                  inv.withData(func(c *ctx, args []string) error { return c.restore(args[0]) }),
	}
}

func (c *ctx) restore(prefix string) error {
	trash, err := c.store.TrashIDs()
	if err != nil {
		return readErr("the trash in "+coach.Inert(c.dir), err)
	}
	if len(trash) == 0 {
		return fmt.Errorf("there are no deleted sessions to restore in %s", coach.Inert(c.dir))
	}
	id, err := resolve(prefix, trash, "deleted session", "")
	if err != nil {
		return err
	}
	ids, err := c.store.IDs()
	if err != nil {
		return readErr("the sessions in "+coach.Inert(c.dir), err)
	}
	if _, err := os.Lstat(c.store.Path(id)); slices.Contains(ids, id) || err == nil {
		return fmt.Errorf("cannot restore %s: a session with that ID already exists (rebound show %s shows it)",
			id, cmp.Or(coach.ShortIDs(ids)[id], id))
	}
	if err := c.store.Restore(id); err != nil {
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			err = pe.Err
		}
		return fmt.Errorf("cannot restore %s: %w", id, err)
	}
	ids = append(ids, id)
	short := coach.ShortIDs(ids)[id]
	title := "session"
	if sess, err := c.store.Load(id); err == nil {
		title = coach.Inert(coach.Title(sess))
	}
	_, err = fmt.Fprintf(c.env.Stdout, "Restored %s (%s).\n", title, short)
	return err
}

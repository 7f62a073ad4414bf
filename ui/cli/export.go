package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rebound-coach/rebound/coach"
	"github.com/spf13/cobra"
)

// exportCommand is `rebound export`.
func (inv *invocation) exportCommand() *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export [ID…|--all] [--format markdown|json] [-o FILE] [--force]",
		Short: "Sessions into one document", GroupID: backGroup,
		Long: `Writes sessions into one document: the sessions named by their IDs, in the
order given, or with --all every session, newest first. Files that cannot be
read are skipped, each named on stderr.`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0 && !o.all:
				return usageErr(cmd, "give the IDs of the sessions to export, or --all")
			case len(args) > 0 && o.all:
				return usageErr(cmd, "give IDs or --all, not both")
			case o.format != "markdown" && o.format != "json":
				return usageErr(cmd, fmt.Sprintf("unknown format %q: use markdown or json", o.format))
			}
			return nil
		},
		ValidArgsFunction:     inv.completeSessions(-1),
		DisableFlagsInUseLine: true,
		RunE: inv.withData(func(c *ctx, args []string) error {
			o.ids = args
			return c.export(o)
		}),
	}
	f := cmd.Flags()
	f.BoolVar(&o.all, "all", false, "every session")
	f.StringVar(&o.format, "format", "markdown", "write `FORMAT`: markdown (each session as\n"+
		"markdown, separated by a rule) or json\n({\"schema_version\", \"exported_at\", \"sessions\":\n"+
		"[each session as its file holds it]})")
	f.StringVarP(&o.file, "output", "o", "", "write to `FILE` (atomically, readable only by\nyou) instead of stdout")
	f.BoolVar(&o.force, "force", false, "replace FILE if it exists; without it, rebound\n"+
		"asks at a terminal and refuses otherwise. Only a\nregular file is replaced: a symbolic link, a\n"+
		"device or a pipe is refused")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]cobra.Completion{"markdown", "json"},
		cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

type exportOptions struct {
	all    bool
	ids    []string
	format string
	file   string // "" or "-": stdout
	force  bool
}

func (c *ctx) export(o exportOptions) error {
	// Check everything that can be wrong with the command line before
	// reading sessions or asking to overwrite: the IDs, then the file.
	ids, err := c.resolveAll(o)
	if err != nil {
		return err
	}
	toFile := o.file != "" && o.file != "-"
	if toFile {
		if err := c.mayWrite(o.file, o.force); err != nil {
			return err
		}
	}
	sessions, err := c.exportSessions(ids)
	if err != nil {
		return err
	}
	var data []byte
	switch o.format {
	case "json":
		data, err = coach.ExportJSON(sessions, c.env.Now())
		if err != nil {
			return fmt.Errorf("encode the export: %w", err)
		}
	default:
		flow, err := loadFlow()
		if err != nil {
			return err
		}
		data = coach.ExportMarkdown(sessions, flow)
	}
	if len(sessions) == 0 {
		c.warnf("there are no sessions to export in %s.", coach.Inert(c.dir))
	}

	if !toFile {
		_, err := c.env.Stdout.Write(data)
		return err
	}
	if err := coach.WriteFile(o.file, data); err != nil {
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			err = pe.Err // its path is the temp file's, which means nothing to the reader
		}
		return fmt.Errorf("cannot write %s: %w", coach.Inert(o.file), err)
	}
	n := "1 session"
	if len(sessions) != 1 {
		n = fmt.Sprintf("%d sessions", len(sessions))
	}
	fmt.Fprintf(c.env.Stdout, "Exported %s to %s.\n", n, coach.Inert(o.file))
	return nil
}

// resolveAll resolves the IDs typed, in order, each once; nil for --all.
func (c *ctx) resolveAll(o exportOptions) ([]string, error) {
	if o.all {
		return nil, nil
	}
	known, err := c.store.IDs()
	if err != nil {
		return nil, readErr("the sessions in "+coach.Inert(c.dir), err)
	}
	var ids []string
	for _, prefix := range o.ids {
		id, err := c.resolveSession(prefix, known)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// exportSessions reads the sessions to export: those of ids, or for nil
// ids every readable one, newest first, naming the others on stderr.
func (c *ctx) exportSessions(ids []string) ([]*coach.Session, error) {
	if ids == nil {
		sessions, problems, err := c.store.List()
		if err != nil {
			return nil, readErr("the sessions in "+coach.Inert(c.dir), err)
		}
		for _, p := range problems {
			c.warnf("skipped %s: %s.", coach.Inert(p.Path), coach.Inert(p.Reason))
		}
		return sessions, nil
	}
	out := make([]*coach.Session, len(ids))
	for i, id := range ids {
		s, err := c.loadID(id)
		if err != nil {
			return nil, err
		}
		out[i] = s
	}
	return out, nil
}

// mayWrite decides whether file may be written: it does not exist, or
// it is a regular file and --force is given or the person at the terminal
// says yes. Without a terminal to ask at, an existing file is never
// replaced. Nothing else is ever written to or replaced, not even with
// --force: a symbolic link (dangling or not: it is not followed), a device
// such as /dev/null, a pipe or a socket. The export is then written next
// to file and renamed over it, so file is replaced, never written through.
func (c *ctx) mayWrite(file string, force bool) error {
	info, err := os.Lstat(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Say now, before any work, if the file cannot be made there.
		if d, err := os.Stat(filepath.Dir(file)); err != nil || !d.IsDir() {
			return fmt.Errorf("cannot write %s: there is no directory %s", coach.Inert(file), coach.Inert(filepath.Dir(file)))
		}
		return nil
	case err != nil:
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			err = pe.Err
		}
		return fmt.Errorf("cannot write %s: %w", coach.Inert(file), err)
	case info.IsDir():
		return fmt.Errorf("cannot write %s: it is a directory; give a file name", coach.Inert(file))
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("cannot write %s: it is a symbolic link, which rebound does not follow; give the path of a regular file, or leave out -o to write to stdout", coach.Inert(file))
	case !info.Mode().IsRegular():
		return fmt.Errorf("cannot write %s: it is not a regular file (a device, a pipe or a socket); give the path of a regular file, or leave out -o to write to stdout", coach.Inert(file))
	case force:
		return nil
	case !c.env.StdinTerminal || !c.env.StdoutTerminal:
		return fmt.Errorf("%s exists; pass --force to overwrite it", coach.Inert(file))
	}
	fmt.Fprintf(c.env.Stderr, "%s exists. Overwrite? [y/N] ", coach.Inert(file))
	answer, _ := bufio.NewReader(c.env.Stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes":
		return nil
	}
	return fmt.Errorf("kept %s as it was; nothing was written", coach.Inert(file))
}

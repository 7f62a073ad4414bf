package cli

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/markdown"
	"github.com/rebound-coach/rebound/ui/plain"
	"github.com/rebound-coach/rebound/ui/theme"
)

// showCommand is `rebound show ID`.
func (inv *invocation) showCommand() *cobra.Command {
	var asJSON, asMarkdown bool
	cmd := &cobra.Command{
		Use: "show ID [--json|--markdown]", Short: "One session in full", GroupID: backGroup,
		Long: `Shows one session in full. ID is the session's ID from rebound list; its
first characters are enough while they name one session only.

At a terminal the session is rendered, in colour unless the theme is none;
piped, it is plain text.`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usageErr(cmd, "give the ID of the session to show")
			case len(args) > 1:
				return usageErr(cmd, fmt.Sprintf("unexpected argument %q: show takes one ID", args[1]))
			case asJSON && asMarkdown:
				return usageErr(cmd, "choose --json or --markdown, not both")
			}
			return nil
		},
		ValidArgsFunction:     inv.completeSessions(1),
		DisableFlagsInUseLine: true,
		RunE:                  inv.withData(func(c *ctx, args []string) error { return c.show(args[0], asJSON, asMarkdown) }),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "the session exactly as its file holds it")
	cmd.Flags().BoolVar(&asMarkdown, "markdown", false, "the session as markdown, as the summary's copy gives it")
	return cmd
}

func (c *ctx) show(prefix string, asJSON, asMarkdown bool) error {
	ids, err := c.store.IDs()
	if err != nil {
		return readErr("the sessions in "+coach.Inert(c.dir), err)
	}
	id, err := c.resolveSession(prefix, ids)
	if err != nil {
		return err
	}
	sess, err := c.loadID(id)
	if err != nil {
		return err
	}
	if asJSON {
		data, err := coach.SessionJSON(sess)
		if err != nil {
			return fmt.Errorf("encode session %s: %w", sess.ID, err)
		}
		_, err = c.env.Stdout.Write(data)
		return err
	}
	flow, err := loadFlow()
	if err != nil {
		return err
	}
	if asMarkdown {
		_, err = fmt.Fprint(c.env.Stdout, coach.Markdown(sess, flow))
		return err
	}
	out, err := c.render(coach.Outline(sess, flow))
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(c.env.Stdout, out)
	return err
}

// resolveSession finds the session a typed ID names among ids, the
// session files' IDs.
func (c *ctx) resolveSession(prefix string, ids []string) (string, error) {
	hint := "; rebound list shows them"
	if len(ids) == 0 {
		hint = "; there are no sessions in " + coach.Inert(c.dir) + " yet"
	}
	return resolve(prefix, ids, "session", hint)
}

// loadID reads a session, or says in one sentence why it cannot.
func (c *ctx) loadID(id string) (*coach.Session, error) {
	sess, err := c.store.Load(id)
	if err != nil {
		return nil, loadErr(id, err)
	}
	return sess, nil
}

// loadErr is the sentence for session id that could not be read.
func loadErr(id string, err error) error {
	if p, ok := errors.AsType[coach.Problem](err); ok {
		return fmt.Errorf("cannot read session %s: %s (the file %s is left as it is)", id, coach.Inert(p.Reason), coach.Inert(p.Path))
	}
	return readErr("session "+id, err)
}

// render lays a session's markdown out for reading. At a terminal it is
// Glamour's, in the app's style for the theme (colourless for none);
// piped, it is the clean text plain mode prints (plain.Markdown).
func (c *ctx) render(md string, long map[string]string) (string, error) {
	width := min(c.width(), theme.MaxTextWidth)
	if !c.env.StdoutTerminal {
		out, err := plain.Markdown(md, long, width)
		if err != nil {
			return "", fmt.Errorf("render the session: %w", err)
		}
		return out, nil
	}
	r, err := glamour.NewTermRenderer(glamour.WithStyles(theme.Glamour(c.colours())), glamour.WithWordWrap(max(20, width)))
	if err != nil {
		return "", fmt.Errorf("render the session: %w", err)
	}
	out, err := r.Render(md)
	if err != nil {
		return "", fmt.Errorf("render the session: %w", err)
	}
	return trimLines(markdown.ExpandLong(out, long, max(20, width))), nil
}

// trimLines drops the empty lines Glamour puts above and below the
// document, and the spaces it pads every line with to the full width: they
// would wrap into blank lines when the terminal is made narrower, and end
// up in whatever is copied from it.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = trimPadding(l)
	}
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// padding is a line's tail of spaces and the styles around them.
var padding = regexp.MustCompile(`(?:\x1b\[[0-9;]*m| )+$`)

// trimPadding removes a line's trailing padding, but not spaces painted
// with a background (a heading's badge), which are seen.
func trimPadding(line string) string {
	loc := padding.FindStringIndex(line)
	if loc == nil {
		return line
	}
	cut, bg := loc[0], false
	for i := loc[0]; i < len(line); {
		if line[i] == ' ' {
			i++
			if bg {
				cut = i
			}
			continue
		}
		end := i + strings.IndexByte(line[i:], 'm') // padding matched whole sequences
		bg = paintsBackground(line[i+2:end], bg)
		i = end + 1
	}
	switch {
	case cut == 0:
		return ""
	case strings.Contains(line[cut:], "\x1b"):
		return line[:cut] + ansi.ResetStyle
	}
	return line[:cut]
}

// paintsBackground reports whether text after a style sequence with these
// parameters has a background colour, given whether it had one before.
func paintsBackground(params string, before bool) bool {
	if params == "" {
		return false
	}
	for _, p := range strings.Split(params, ";") {
		switch {
		case p == "0" || p == "49" || p == "27":
			before = false
		case p == "48" || len(p) == 2 && p[0] == '4' || len(p) == 3 && strings.HasPrefix(p, "10"),
			p == "7": // reverse paints the background too (the none theme's title)
			return true
		}
	}
	return before
}

// loadFlow is the coaching content, which Markdown needs for the prompts'
// labels.
func loadFlow() (*content.Flow, error) {
	flow, _, err := content.Load()
	if err != nil {
		return nil, fmt.Errorf("this build's coaching content is broken: %w", err)
	}
	return flow, nil
}

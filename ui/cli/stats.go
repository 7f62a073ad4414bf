package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/widgets/chart"
)

// statsCommand is `rebound stats`.
func (inv *invocation) statsCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use: "stats [--json]", Short: "The patterns across your sessions", GroupID: backGroup,
		Long: `Shows the patterns across your sessions: how often rejections came in the
last twelve months, your mood before and after each session, the stages they
came at, the themes that recur in what you would do better and in the
questions that threw you, and how your actions and feedback requests went.`,
		Args:                  noArgs,
		ValidArgsFunction:     cobra.NoFileCompletions,
		DisableFlagsInUseLine: true,
		RunE:                  inv.withData(func(c *ctx, _ []string) error { return c.stats(asJSON) }),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the numbers as JSON (see the README for its shape)")
	return cmd
}

func (c *ctx) stats(asJSON bool) error {
	sums, problems, err := c.store.Summaries()
	if err != nil {
		return readErr("the sessions in "+coach.Inert(c.dir), err)
	}
	if len(problems) > 0 {
		c.warnf("%s could not be read and not counted; rebound list names them.", sessionFiles(len(problems)))
	}
	ins := coach.ComputeInsights(sums, c.env.Now())
	entries, pproblems, err := c.store.Practices()
	if err != nil {
		return readErr("the practice rounds in "+coach.Inert(c.dir), err)
	}
	if len(pproblems) > 0 {
		c.warnf("%d practice files could not be read and not counted; rebound practice list names them.", len(pproblems))
	}
	practice := coach.ComputePracticeInsights(c.flagged(sums), coach.Tracks(entries))
	if asJSON {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false) // themes are people's words: keep "&" as typed
		if err := enc.Encode(struct {
			coach.Insights
			Practice coach.PracticeInsights `json:"practice"`
		}{ins, practice}); err != nil {
			return err
		}
		_, err = c.env.Stdout.Write(coach.InertJSON(buf.Bytes()))
		return err
	}
	// With NO_COLOR at a terminal the styles keep their emphasis (bold,
	// reverse) and lose their colours; piped, every sequence goes.
	out := chart.Insights(ins, c.width(), c.styles())
	if len(entries) > 0 {
		out += "\n" + chart.Practice(practice, c.width(), c.styles())
	}
	if !c.env.StdoutTerminal {
		out = ansi.Strip(out)
	}
	_, err = fmt.Fprintln(c.env.Stdout, strings.TrimRight(out, "\n"))
	return err
}

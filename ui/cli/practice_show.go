package cli

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
)

// practiceShowCommand is `rebound practice show ID`.
func (inv *invocation) practiceShowCommand() *cobra.Command {
	return &cobra.Command{
		Use: "show ID", Short: "One round of practice in full",
		Long: `Shows one round of practice in full: the question and where it came from,
the answer and the time it took, what went well and what you would do better,
the rubric with the criteria you ticked, and the rating. ID is the round's ID
from rebound practice list; its first characters are enough while they name
one round only.

At a terminal the round is rendered, in colour unless the theme is none;
piped, it is plain text.`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usageErr(cmd, "give the ID of the round to show")
			case len(args) > 1:
				return usageErr(cmd, fmt.Sprintf("unexpected argument %q: practice show takes one ID", args[1]))
			}
			return nil
		},
		ValidArgsFunction:     inv.completeRounds,
		DisableFlagsInUseLine: true,
		RunE:                  inv.withData(func(c *ctx, args []string) error { return c.practiceShow(args[0]) }),
	}
}

func (c *ctx) practiceShow(prefix string) error {
	entries, problems, err := c.store.Practices()
	if err != nil {
		return readErr("the practice rounds in "+coach.Inert(c.dir), err)
	}
	id, err := c.resolveRound(prefix, roundIDs(entries, problems))
	if err != nil {
		return err
	}
	i := slices.IndexFunc(entries, func(p *coach.Practice) bool { return p.ID == id })
	if i < 0 { // a file practice list names as unreadable
		for _, p := range problems {
			if roundIDOf(p) == id {
				return fmt.Errorf("cannot read practice round %s: %s (the file %s is left as it is)",
					id, coach.Inert(p.Reason), coach.Inert(p.Path))
			}
		}
		return fmt.Errorf("cannot read practice round %s", id)
	}
	var sessions map[string]string
	if ids, err := c.store.IDs(); err == nil {
		sessions = coach.ShortIDs(ids)
	}
	bank, err := content.LoadBank()
	if err != nil { // the content tests keep this from shipping
		bank = &content.Bank{}
	}
	out, err := c.render(roundOutline(entries[i], bank.Rubric, sessions))
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(c.env.Stdout, out)
	return err
}

// roundIDs is the ID of every practice file, readable or not, as practice
// list counts them: its short IDs are the ones show takes.
func roundIDs(entries []*coach.Practice, problems []coach.Problem) []string {
	ids := make([]string, 0, len(entries)+len(problems))
	for _, p := range entries {
		ids = append(ids, p.ID)
	}
	for _, p := range problems {
		ids = append(ids, roundIDOf(p))
	}
	return ids
}

// roundIDOf is the ID of a practice file that could not be read: its name.
func roundIDOf(p coach.Problem) string { return strings.TrimSuffix(filepath.Base(p.Path), ".json") }

// resolveRound finds the round a typed ID names among ids, or says why not
// in one sentence, as resolveSession does for sessions.
func (c *ctx) resolveRound(prefix string, ids []string) (string, error) {
	id, err := coach.Resolve(prefix, ids)
	if ae, ok := errors.AsType[*coach.AmbiguousIDError](err); ok {
		shown, more := ae.Matches[:min(len(ae.Matches), 5)], ""
		if len(ae.Matches) > len(shown) {
			more = fmt.Sprintf(" and %d more", len(ae.Matches)-len(shown))
		}
		return "", fmt.Errorf("%q is ambiguous: it starts %d practice round IDs (%s%s); type more of it",
			ae.Prefix, len(ae.Matches), coach.Inert(strings.Join(shown, ", ")), more)
	}
	if err != nil {
		hint := "; rebound practice list shows them"
		if len(ids) == 0 {
			hint = "; there are no practice rounds in " + coach.Inert(c.dir) + " yet"
		}
		return "", fmt.Errorf("no practice round has the ID %q%s", prefix, hint)
	}
	return id, nil
}

// completeRounds completes the ID of a practice round, the short form
// practice list shows, newest first, each described by its question.
func (inv *invocation) completeRounds(_ *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	store := inv.completionStore()
	if store == nil || len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	entries, problems, err := store.Practices()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	short := coach.ShortIDs(roundIDs(entries, problems))
	var out []cobra.Completion
	for _, p := range slices.Backward(entries) {
		if id, ok := completedID(p.ID, short[p.ID], toComplete, nil); ok {
			out = append(out, cobra.CompletionWithDesc(id, oneLine(p.Question.Text)))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

// roundOutline is a round as markdown for render, its text escaped: the
// question, when and where from, the answer, the review, the rubric's
// criteria ticked or not, and the rating. As coach.Outline does for a
// session, a text longer than coach.LongText is a placeholder that long
// maps to, so a huge pasted answer is not fed to Glamour. sessions maps
// session IDs to their short form.
func roundOutline(p *coach.Practice, rubric []content.Criterion, sessions map[string]string) (md string, long map[string]string) {
	long = map[string]string{}
	tag := "rebound" + strconv.FormatUint(rand.Uint64(), 36) + "x" // letters and digits no text can spell
	paragraphs := func(s string) string {
		if len(s) > coach.LongText {
			ph := tag + strconv.Itoa(len(long))
			long[ph] = s
			return ph + "\n\n"
		}
		var b strings.Builder
		for line := range strings.SplitSeq(s, "\n") {
			// Leading white space would make an indented code block.
			if line = strings.TrimSpace(line); line != "" {
				b.WriteString(coach.Escape(line) + "\n\n")
			}
		}
		return b.String()
	}

	var b strings.Builder
	b.WriteString("# Practice: " + coach.Escape(oneLine(p.Question.Text)) + "\n\n")
	meta := []string{p.CreatedAt.Local().Format("Mon 2 Jan 2006, 15:04"), coach.Escape(roundSource(p.Question, sessions))}
	if p.TimeLimit > 0 {
		timing := clock(p.TimeUsed) + " of " + clock(p.TimeLimit)
		if p.TimedOut {
			timing += ", timed out"
		}
		meta = append(meta, timing)
	}
	b.WriteString("*" + strings.Join(meta, " · ") + "*\n\n")
	for _, part := range []struct{ title, text string }{
		{"Answer", p.Answer}, {"What went well", p.WentWell}, {"What I would do better", p.DoBetter},
	} {
		if strings.TrimSpace(part.text) != "" {
			b.WriteString("## " + part.title + "\n\n" + paragraphs(part.text))
		}
	}
	if len(p.Rubric) > 0 || p.Reviewed() {
		b.WriteString("## Rubric\n\n")
		for _, cr := range rubric {
			b.WriteString("- " + box(slices.Contains(p.Rubric, cr.ID)) + " " + coach.Escape(cr.Label) + "\n")
		}
		for _, id := range p.Rubric { // ticked in a file, but not in this build's rubric
			if !slices.ContainsFunc(rubric, func(cr content.Criterion) bool { return cr.ID == id }) {
				b.WriteString("- " + box(true) + " " + coach.Escape(oneLine(id)) + "\n")
			}
		}
		b.WriteString("\n")
	}
	if p.Reviewed() {
		fmt.Fprintf(&b, "**Rating:** %d/%d\n", p.Rating, coach.MaxRating)
	} else {
		b.WriteString("Not reviewed yet: choose its question in rebound practice to carry the round on.\n")
	}
	return b.String(), long
}

// roundSource says where a round's question came from, in a few words:
// the session it threw the user in (by its short ID, which rebound show
// takes), the bank's tag, or the user's own.
func roundSource(q coach.Question, sessions map[string]string) string {
	switch {
	case q.Source == coach.FromSession && q.SessionID != "":
		return "threw you in session " + cmp.Or(sessions[q.SessionID], oneLine(q.SessionID))
	case q.Source == coach.FromBank && oneLine(q.Tag) != "":
		return "from the bank: " + oneLine(q.Tag)
	case q.Source == coach.FromBank:
		return "from the bank"
	case q.Source == coach.FromUser:
		return "your own question"
	}
	return practiceSource(q)
}

// box is a task list's box, ticked or not.
func box(ticked bool) string {
	if ticked {
		return "[x]"
	}
	return "[ ]"
}

// clock is a number of seconds as minutes and seconds: "4:10".
func clock(secs int) string { return fmt.Sprintf("%d:%02d", secs/60, secs%60) }

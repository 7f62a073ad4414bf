package plain

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/markdown"
)

// Markdown lays markdown out as clean text for reading outside a
// terminal: headings keep their "#", list items are "- ", bold and
// italics lose their asterisks, so that "Company: Northwind" reads as a
// sentence, and nothing else is markup. md is a coach.Outline when long is
// not empty. `rebound show` prints it when piped, so that a session reads
// the same in a file as in plain mode.
func Markdown(md string, long map[string]string, width int) (string, error) {
	width = max(20, width)
	r, err := glamour.NewTermRenderer(glamour.WithStyles(textStyle()), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	out, err := r.Render(md)
	if err != nil {
		return "", err
	}
	return trimText(ansi.Strip(markdown.ExpandLong(out, long, width))), nil
}

// textStyle is Glamour's ASCII style, starting at the left edge, with the
// only asterisks left those the user typed.
func textStyle() gansi.StyleConfig {
	s := styles.ASCIIStyleConfig
	zero := uint(0)
	s.Document.Margin = &zero
	s.Emph = gansi.StylePrimitive{}
	s.Strong = gansi.StylePrimitive{}
	s.Item = gansi.StylePrimitive{BlockPrefix: "- "}
	return s
}

// trimText drops the blank lines Glamour puts above and below a document
// and the spaces it pads every line with to the full width: a screen
// reader would read them out, and they end up in whatever is copied.
func trimText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// width is the width to lay text out at: the terminal's, else 80.
func (p *plain) width() int {
	if p.env.Width > 0 {
		return p.env.Width
	}
	return 80
}

// warnf writes a one-line warning to stderr; plain mode goes on.
func (p *plain) warnf(format string, a ...any) {
	fmt.Fprintf(p.env.Stderr, "rebound: "+format+"\n", a...)
}

// flagged is the questions that threw the user, matched to the bank as
// the app matches them, so the progress reads the same everywhere.
func (p *plain) flagged(sums []coach.Summary) []coach.Question {
	return coach.FlaggedQuestions(sums, coach.BankQuestions(p.o.Bank))
}

// loadID reads a session, or says in one sentence why it cannot.
func (p *plain) loadID(id string) (*coach.Session, error) {
	sess, err := p.store.Load(id)
	if err != nil {
		return nil, loadErr(id, err)
	}
	return sess, nil
}

// loadErr is the sentence for session id that could not be read.
func loadErr(id string, err error) error {
	if pr, ok := errors.AsType[coach.Problem](err); ok {
		return fmt.Errorf("cannot read session %s: %s (the file %s is left as it is)", id, coach.Inert(pr.Reason), coach.Inert(pr.Path))
	}
	return readErr("session "+id, err)
}

// readErr says that something under the data directory could not be read,
// with the system's reason and the file it was about.
func readErr(what string, err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return fmt.Errorf("cannot read %s: %s: %w", what, coach.Inert(pe.Path), pe.Err)
	}
	return fmt.Errorf("cannot read %s: %w", what, err)
}

// sentence ends a message with a full stop unless it has its own.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// statusText is a session's status in words.
func statusText(s coach.Status) string {
	if s == coach.Complete {
		return "complete"
	}
	return "in progress"
}

// Package markdown renders the app's markdown with Glamour, off the key
// path: in commands, once per width and theme.
package markdown

import (
	"cmp"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/theme"
)

// Glamour is too slow for the keystroke path (a tip costs milliseconds), so
// markdown is rendered in commands, once per width and theme, and the result
// comes back as a message. A result for an old width or theme is dropped.

// Key is what a render depends on: a result made for another key is stale.
type Key struct {
	Width   int
	Dark    bool
	NoColor bool
}

// TipsMsg carries every step's tip rendered for one key. Err is the first
// render that failed; its tip is shown as plain text meanwhile.
type TipsMsg struct {
	Key  Key
	Tips map[string]string
	Err  error
}

// Tips renders all tips in one command: five tips cost less than a
// frame, and switching steps is then instant.
func Tips(k Key, md map[string]string) tea.Cmd {
	return func() tea.Msg {
		out := make(map[string]string, len(md))
		r, rerr := newRenderer(k)
		var firstErr error
		for id, text := range md {
			s, err := render(r, text, rerr)
			if err != nil {
				// The advice still shows, as plain text, until a retry works.
				s, firstErr = coach.Inert(text), cmp.Or(firstErr, err)
			}
			out[id] = s
		}
		return TipsMsg{Key: k, Tips: out, Err: firstErr}
	}
}

// Render renders trusted markdown: the app's own tips, or a document
// whose user text has been through coach.Escape.
func Render(k Key, md string) (string, error) {
	r, err := newRenderer(k)
	return render(r, md, err)
}

// RenderSession renders a session outlined by coach.Outline, then draws each
// long text where its placeholder landed (see ExpandLong).
func RenderSession(k Key, md string, long map[string]string) (string, error) {
	out, err := Render(k, md)
	if err != nil {
		return out, err
	}
	return ExpandLong(out, long, max(10, min(k.Width, theme.MaxTextWidth)-4)), nil
}

// ExpandLong draws, in Glamour's output of a coach.Outline, each long text
// where its placeholder landed, wrapped to width (Glamour's word wrap): the
// app's screens and the command line's show and plain mode all do, so no
// session is ever slow to read for being long.
func ExpandLong(out string, long map[string]string, width int) string {
	tag := "" // what every placeholder starts with: any one, less its number
	for ph := range long {
		tag = strings.TrimRight(ph, "0123456789")
		break
	}
	if tag == "" {
		return out
	}
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		lines[i] = expandLong(line, tag, long, width)
	}
	return strings.Join(lines, "\n")
}

// expandLong replaces each placeholder in a rendered line by its long text:
// plain lines, made inert and unstyled, wrapped to width and indented as far
// as the placeholder was, with what followed it after the last of them.
func expandLong(line, tag string, long map[string]string, width int) string {
	var b strings.Builder
	row, indent := "", 0 // the screen row being written, and the last indent
	for {
		ph, at := placeholderIn(line, tag, long)
		if ph == "" {
			if row != "" { // after a long text: Glamour's padding goes, the rest follows
				if line = strings.TrimRight(ansi.Strip(line), " "); ansi.StringWidth(row+line) > width {
					line = "\n" + strings.Repeat(" ", indent) + strings.TrimLeft(line, " ")
				}
			}
			b.WriteString(line)
			return b.String()
		}
		row += line[:at]
		indent = ansi.StringWidth(row)
		pad := "\n" + strings.Repeat(" ", indent)
		b.WriteString(line[:at] + ansi.ResetStyle)
		first := true
		for para := range strings.SplitSeq(coach.Inert(long[ph]), "\n") {
			if para = strings.TrimSpace(para); para == "" {
				continue
			}
			if !first {
				b.WriteString("\n" + pad)
			}
			first = false
			wrapped := ansi.Wrap(para, max(1, width-indent), "")
			b.WriteString(strings.ReplaceAll(wrapped, "\n", pad))
			row = strings.Repeat(" ", indent) + wrapped[strings.LastIndexByte(wrapped, '\n')+1:]
		}
		line = line[at+len(ph):]
	}
}

// placeholderIn finds the first placeholder of long in a rendered line: tag
// and the digits after it.
func placeholderIn(line, tag string, long map[string]string) (ph string, at int) {
	for off := 0; ; {
		i := strings.Index(line[off:], tag)
		if i < 0 {
			return "", -1
		}
		at, end := off+i, off+i+len(tag)
		for end < len(line) && line[end] >= '0' && line[end] <= '9' {
			end++
		}
		if _, ok := long[line[at:end]]; ok {
			return line[at:end], at
		}
		off = end
	}
}

func newRenderer(k Key) (*glamour.TermRenderer, error) {
	return glamour.NewTermRenderer(
		glamour.WithStyles(glamourStyle(k)),
		glamour.WithWordWrap(max(10, min(k.Width, theme.MaxTextWidth)-4)),
	)
}

// render renders with r, unless making r failed with err.
func render(r *glamour.TermRenderer, md string, err error) (string, error) {
	if err != nil {
		return "", err
	}
	out, err := r.Render(md)
	return trimBlankLines(out), err
}

// trimBlankLines drops Glamour's empty margin lines above and below the
// document: the screens place their own spacing.
func trimBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

func glamourStyle(k Key) gansi.StyleConfig {
	return theme.Glamour(theme.Of(k.Dark, k.NoColor))
}

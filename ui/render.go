package ui

import (
	"cmp"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
)

// Glamour is too slow for the keystroke path (a tip costs milliseconds), so
// markdown is rendered in commands, once per width and theme, and the result
// comes back as a message. A result for an old width or theme is dropped.

// renderKey is what a render depends on.
type renderKey struct {
	width   int
	dark    bool
	noColor bool
}

// tipsRenderedMsg carries every step's tip rendered for one key.
type tipsRenderedMsg struct {
	key  renderKey
	tips map[string]string
	err  error
}

// renderTips renders all tips in one command: five tips cost less than a
// frame, and switching steps is then instant.
func renderTips(k renderKey, md map[string]string) tea.Cmd {
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
		return tipsRenderedMsg{key: k, tips: out, err: firstErr}
	}
}

// renderMarkdown renders trusted markdown: the app's own tips, or a document
// whose user text has been through coach.Escape.
func renderMarkdown(k renderKey, md string) (string, error) {
	r, err := newRenderer(k)
	return render(r, md, err)
}

func newRenderer(k renderKey) (*glamour.TermRenderer, error) {
	return glamour.NewTermRenderer(
		glamour.WithStyles(glamourStyle(k)),
		glamour.WithWordWrap(max(10, min(k.width, MaxTextWidth)-4)),
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

func glamourStyle(k renderKey) gansi.StyleConfig {
	switch {
	case k.noColor:
		return styles.NoTTYStyleConfig
	case k.dark:
		return styles.DarkStyleConfig
	}
	return styles.LightStyleConfig
}

func itoa(i int) string { return strconv.Itoa(i) }

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

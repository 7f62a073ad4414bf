package app

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/markdown"
	"github.com/rebound-coach/rebound/ui/theme"
)

func (m *Model) applyTheme() {
	m.deps.Styles = theme.NewStyles(m.isDark, m.theme == theme.None)
	m.help.Styles = m.deps.Styles.Help
	// The lists copied their styles when made: give them the new ones.
	for _, p := range m.pages() {
		if t, ok := p.(common.Themed); ok {
			t.Themed(&m.deps.Styles)
		}
	}
}

// renderTips starts rendering the tips for the current width and theme,
// unless they are rendered already or no session is open to show them: a
// resize on any other screen costs no Glamour render.
func (m *Model) renderTips() tea.Cmd {
	k := m.renderKey()
	if m.flow == nil || k == m.tipsKey || k.Width < 1 {
		return nil
	}
	m.tipsKey = k
	md := map[string]string{}
	for _, s := range m.deps.Flow.Sections {
		if s.Tip != "" {
			md[s.ID] = s.Tip
		}
	}
	return markdown.Tips(k, md)
}

// renderDocs renders, for the current width and theme, the screens that
// show a Glamour document.
func (m *Model) renderDocs() tea.Cmd {
	var cmds []tea.Cmd
	if m.summary != nil {
		cmds = append(cmds, m.summary.Render(m.renderKey()))
	}
	if m.session != nil {
		cmds = append(cmds, m.session.Render(m.renderKey()))
	}
	if m.insights != nil {
		m.insights.Redraw()
	}
	if m.round != nil {
		cmds = append(cmds, m.round.Render(m.renderKey()))
	}
	return tea.Batch(cmds...)
}

// renderKey is what a Glamour render for the current screen depends on.
// Text is never wider than MaxTextWidth, so widening a wide terminal
// renders nothing again.
func (m *Model) renderKey() markdown.Key {
	return markdown.Key{Width: min(m.contentWidth(), theme.MaxTextWidth), Dark: m.isDark, NoColor: m.deps.Styles.NoColor}
}

// tooSmall reports whether the terminal is below the minimum size, where
// the whole view is one "too small" line.
func (m *Model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

// contentWidth is the width inside the one-column margin on each side.
func (m *Model) contentWidth() int { return m.width - 2 }

// resize gives the current screen the room left by the header, the save
// error and the help footer, when any of them changed.
func (m *Model) resize() {
	if m.tooSmall() {
		return // only the "too small" line shows: the screens keep their last size
	}
	banner := m.banner()
	chrome := strings.Join([]string{strconv.Itoa(m.width), strconv.Itoa(m.height), strconv.Itoa(int(m.page)), banner,
		m.footer()}, "|")
	if chrome == m.chrome {
		return
	}
	m.chrome = chrome
	m.help.SetWidth(m.contentWidth())
	h := m.height - 2 - lipgloss.Height(m.footer())
	if banner != "" {
		h -= lipgloss.Height(banner)
	}
	m.current().SetSize(m.contentWidth(), max(0, h))
}

// banner is the one sentence shown while saving fails.
func (m *Model) banner() string {
	if m.saveErr == nil {
		return ""
	}
	then := "your answers are kept in memory for now, and the summary can copy them as markdown."
	if m.page == common.Practice || m.page == common.Round {
		then = "your practice is kept in memory for now, and printed when you quit so you can keep it."
	}
	return m.deps.Styles.Error.Width(max(1, m.contentWidth())).Render(saveProblem(m.deps.Store.Dir(), m.saveErr, then))
}

// saveProblem says in one sentence why saving failed and, in then, what
// happens now. Without a data directory at all, the reason says why.
func saveProblem(dir string, err error, then string) string {
	if dir == "" {
		return coach.Inert("Can't save: " + strings.TrimSuffix(common.Reason(err), ".") + "; " + then)
	}
	return coach.Inert("Can't save to " + dir + " (" + common.Reason(err) + "): " + then)
}

// footer is the page's keys: every one when the page says so (?), or the
// short line.
func (m *Model) footer() string {
	f, ok := m.current().(common.FullHelper)
	m.help.ShowAll = ok && f.ShowsAll()
	return m.help.View(m.current())
}

// View draws the current screen under a header with the progress line.
func (m *Model) View() tea.View {
	v := tea.NewView(m.view())
	v.AltScreen = true
	v.WindowTitle = "rebound"
	return v
}

func (m *Model) view() string {
	if m.tooSmall() {
		return tooSmall(m.width, m.height)
	}
	st := &m.deps.Styles
	header := st.Title.Render("rebound")
	if t := m.current().Title(); t != "" {
		header += st.Muted.Render(" · ") + st.Progress.Render(t)
	}
	note := m.current().Status()
	if note == "" && (m.page == common.Flow || m.page == common.Round) && !m.lastSaved.IsZero() && m.saveErr == nil {
		note = "saved " + m.lastSaved.Local().Format("15:04")
	}
	if note != "" {
		note = st.Status.Render(note)
		if gap := m.contentWidth() - lipgloss.Width(header) - lipgloss.Width(note); gap > 1 {
			header += strings.Repeat(" ", gap) + note
		}
	}
	body := header + "\n\n" + m.current().View()
	if b := m.banner(); b != "" {
		body += "\n" + b
	}
	return fitScreen(body, m.footer(), m.width, m.height)
}

// fitScreen pads the body so the footer sits on the bottom row, indents
// every line by one column and cuts anything that would overflow. It works
// line by line: a lipgloss render of the whole screen on every frame costs
// more than the rest of the frame.
func fitScreen(body, footer string, w, h int) string {
	foot := strings.Split(footer, "\n")
	lines := strings.Split(body, "\n")
	room := max(0, h-len(foot))
	if len(lines) > room {
		lines = lines[:room]
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	lines = append(lines, foot...)
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		l = " " + l
		if len(l) > w && ansi.StringWidth(l) > w { // byte length bounds the width
			l = ansi.Truncate(l, w, "")
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// tooSmall is the whole view below the minimum size: the longest wording
// that fits in h rows once wrapped, down to "Too small", cut to the terminal.
func tooSmall(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	need := strconv.Itoa(MinWidth) + "×" + strconv.Itoa(MinHeight)
	var lines []string
	for _, msg := range []string{
		"Terminal too small: rebound needs " + need + ", this is " + strconv.Itoa(w) + "×" + strconv.Itoa(h) + ".",
		"Terminal too small: needs " + need + ".",
		"Too small",
	} {
		lines = strings.Split(lipgloss.Wrap(msg, w, " "), "\n")
		if len(lines) <= h {
			break
		}
	}
	lines = lines[:min(len(lines), h)]
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "")
	}
	return strings.Join(lines, "\n")
}

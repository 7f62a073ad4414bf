package ui

import (
	"fmt"
	"io"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
)

// Messages of the home screen.
type (
	// sessionsLoadedMsg carries what the store holds.
	sessionsLoadedMsg struct {
		sessions []*coach.Session
		problems []coach.Problem
		err      error
	}
)

type homeAction int

const (
	actNew homeAction = iota
	actResume
	actQuit
)

// homeItem is one row of the home menu.
type homeItem struct {
	action  homeAction
	session *coach.Session
	title   string
	desc    string
}

func (i homeItem) FilterValue() string { return i.title }

// homeScreen is what `rebound` opens on: start a new session, resume an
// unfinished one, or quit. Files that could not be read are named below.
type homeScreen struct {
	deps     *deps
	list     list.Model
	problems []coach.Problem
	loadErr  error
	width    int
	height   int
}

func newHomeScreen(d *deps) *homeScreen {
	l := list.New(nil, homeDelegate{deps: d}, 0, 0)
	l.SetShowTitle(false)
	l.SetShowStatusBar(false)
	l.SetShowHelp(false)
	l.SetFilteringEnabled(false)
	l.SetShowPagination(true)
	l.DisableQuitKeybindings()
	h := &homeScreen{deps: d, list: l}
	h.setItems(nil)
	return h
}

// load reads the sessions in a command: file I/O never runs in Update.
func (h *homeScreen) load() tea.Cmd {
	store := h.deps.store
	return func() tea.Msg {
		sessions, problems, err := store.List()
		return sessionsLoadedMsg{sessions, problems, err}
	}
}

func (h *homeScreen) setItems(sessions []*coach.Session) {
	items := []list.Item{homeItem{action: actNew, title: "Start a new session",
		desc: "Five calm steps for the hour after a rejection email"}}
	// Sessions that could not be saved are resumed from memory.
	for _, s := range h.deps.unsaved {
		if s.Status != coach.Complete && !s.IsEmpty() {
			items = append(items, homeItem{action: actResume, session: s,
				title: "Resume (not saved): " + coach.Inert(coach.Title(s)),
				desc:  resumeDesc(h.deps.flow, s)})
		}
	}
	for _, s := range sessions { // the store lists newest first
		if s.Status == coach.Complete || h.deps.unsaved[s.ID] != nil {
			continue
		}
		items = append(items, homeItem{action: actResume, session: s,
			title: "Resume: " + coach.Inert(coach.Title(s)),
			desc:  resumeDesc(h.deps.flow, s)})
	}
	quit := "Everything is saved"
	if len(h.deps.unsaved) > 0 {
		quit = "Sessions that could not be saved are printed as you leave, so you can keep them"
	}
	items = append(items, homeItem{action: actQuit, title: "Quit", desc: quit})
	h.list.SetItems(items)
	h.list.Select(0)
}

// resumeDesc says when a session was last touched and where it stopped.
func resumeDesc(flow *content.Flow, s *coach.Session) string {
	where := "not started"
	if sec, _, ok := flow.Prompt(s.Position); ok {
		where = flow.Sections[sec].Title
		if n := flow.Sections[sec].Step; n > 0 {
			where = fmt.Sprintf("step %d of %d, %s", n, flow.Steps(), where)
		}
	}
	return s.UpdatedAt.Local().Format("Mon 2 Jan 15:04") + " · " + where
}

func (h *homeScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case sessionsLoadedMsg:
		h.problems, h.loadErr = msg.problems, msg.err
		h.setItems(msg.sessions)
		h.SetSize(h.width, h.height)
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, h.deps.keys.QuitHome):
			return tea.Quit
		}
	}
	var cmd tea.Cmd
	h.list, cmd = h.list.Update(msg)
	return cmd
}

// choose is what enter on the selected row means: a session to open (new or
// resumed), or quit. The root acts on it within the same Update, so keys
// typed straight after enter reach the session, not this menu.
func (h *homeScreen) choose() (open *coach.Session, quit bool) {
	it, ok := h.list.SelectedItem().(homeItem)
	if !ok {
		return nil, false
	}
	switch it.action {
	case actNew:
		return coach.NewSession(h.deps.now()), false
	case actResume:
		return it.session, false
	}
	return nil, true
}

func (h *homeScreen) Title() string  { return "" }
func (h *homeScreen) Status() string { return "" }

func (h *homeScreen) SetSize(w, height int) {
	h.width, h.height = w, height
	h.list.SetSize(w, max(1, height-lipgloss.Height(h.notes())-1))
}

// notes are the lines under the menu: unreadable files, and where to turn
// if the feelings stay heavy.
func (h *homeScreen) notes() string {
	st := &h.deps.styles
	var lines []string
	if h.loadErr != nil {
		lines = append(lines, st.Error.Width(max(1, h.width)).Render("Can't read saved sessions ("+reason(h.loadErr)+")."))
	}
	for i, p := range h.problems {
		if i == 3 {
			lines = append(lines, st.Muted.Render(fmt.Sprintf("…and %d more unreadable files, left untouched.", len(h.problems)-3)))
			break
		}
		lines = append(lines, st.Error.Render("Skipped "+coach.Inert(p.Path)+": "+coach.Inert(p.Reason)+" (left untouched)"))
	}
	lines = append(lines, "", st.Support.Width(max(1, min(h.width, maxTextWidth))).Render(content.Support()))
	return strings.Join(lines, "\n")
}

func (h *homeScreen) View() string {
	return lipgloss.JoinVertical(lipgloss.Left, h.list.View(), "", h.notes())
}

func (h *homeScreen) ShortHelp() []key.Binding {
	k := h.deps.keys
	return []key.Binding{withHelp(k.Up, "↑/↓", "choose"), withHelp(k.Enter, "enter", "open"), k.QuitHome}
}

func (h *homeScreen) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }

// homeDelegate draws a menu row: a title, and a muted line under it.
type homeDelegate struct{ deps *deps }

func (d homeDelegate) Height() int                         { return 2 }
func (d homeDelegate) Spacing() int                        { return 1 }
func (d homeDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d homeDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	it, ok := item.(homeItem)
	if !ok {
		return
	}
	st := &d.deps.styles
	width := max(1, m.Width()-2)
	title, desc := st.Option.Render(it.title), st.Muted.Render(it.desc)
	pointer := "  "
	if index == m.Index() {
		pointer = st.Cursor.Render("› ")
		title = st.Label.Render(it.title)
	}
	title = lipgloss.NewStyle().MaxWidth(width).Render(title)
	desc = lipgloss.NewStyle().MaxWidth(width).Render(desc)
	fmt.Fprintf(w, "%s%s\n  %s", pointer, title, desc)
}

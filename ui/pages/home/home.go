// Package home is the first page: what is due, sessions to resume, and the
// menu of everything else.
package home

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
)

// sessionsLoadedMsg carries what home shows of the store: every session's
// summary, and the few unfinished sessions it offers to resume, loaded whole.
type sessionsLoadedMsg struct {
	summaries []coach.Summary
	resumable []*coach.Session
	// deeper are the newest complete ten-minute sessions, loaded whole, to
	// offer the rest of.
	deeper   []*coach.Session
	problems []coach.Problem
	exposed  []string // files others can read, from Store.Exposed
	trust    string   // coach.TrustWarning: others could change the folder
	err      error
}

// Home offers at most this many unfinished sessions and follow-ups; the
// rest are in Past sessions, where nothing is ever hidden.
const (
	maxResume    = 2
	maxFollowUps = 5
)

type homeAction int

const (
	actNew homeAction = iota
	actResume
	actDeeper
	ActHistory
	actInsights
	ActPractice
	actQuit
)

// Item is one row of the home menu.
type Item struct {
	Action  homeAction
	session *coach.Session
	Title   string
	desc    string
}

func (i Item) FilterValue() string { return i.Title }

// Page is what `rebound` opens on: follow-ups that are due, a new
// session, the unfinished ones, past sessions, insights. Files that could
// not be read are named below.
type Page struct {
	deps      *common.Context
	list      list.Model
	summaries []coach.Summary
	problems  []coach.Problem
	loadErr   error
	exposed   string // the warning when others can read the files
	// due is every follow-up, most recent first; the first shown of them
	// are listed above the menu and opened by their number.
	due    []coach.FollowUp
	shown  int
	status string
	width  int
	height int
	common.Exits
}

func New(d *common.Context) *Page {
	l := common.NewList(homeDelegate{Rows: common.Rows{Lines: 1, Gap: 0}, deps: d})
	l.SetShowStatusBar(false)
	l.SetFilteringEnabled(false)
	l.SetShowPagination(false) // the menu is short; what does not fit scrolls
	h := &Page{deps: d, list: l}
	h.setItems(sessionsLoadedMsg{})
	return h
}

// Load reads the sessions in a command: file I/O never runs in Update.
func (h *Page) Load() tea.Cmd {
	store := h.deps.Store
	return func() tea.Msg {
		sums, problems, err := store.Summaries()
		msg := sessionsLoadedMsg{summaries: sums, problems: problems, err: err}
		// Only a warning: a directory that cannot be read shows above.
		msg.exposed, _ = store.Exposed()
		msg.trust = coach.TrustWarning(store.Dir())
		for _, m := range sums { // newest first
			if len(msg.resumable) == maxResume && len(msg.deeper) == maxResume {
				break
			}
			open := m.Status != coach.Complete
			short := !open && m.Depth == content.TenMinutes
			if open && len(msg.resumable) == maxResume || short && len(msg.deeper) == maxResume || !open && !short {
				continue
			}
			s, err := store.Load(m.ID)
			if err != nil {
				continue // changed since the index was read; Past sessions has it
			}
			if open {
				msg.resumable = append(msg.resumable, s)
			} else {
				msg.deeper = append(msg.deeper, s)
			}
		}
		return msg
	}
}

func (h *Page) setItems(msg sessionsLoadedMsg) {
	h.summaries, h.problems, h.loadErr = msg.summaries, msg.problems, msg.err
	h.exposed = strings.TrimSpace(msg.trust + " " + coach.ExposedWarning(h.deps.Store.Dir(), msg.exposed))
	due := coach.FollowUps(msg.summaries, h.deps.Now())
	// The most recent first: with a cap, last week's promise matters more
	// than last year's.
	slices.SortStableFunc(due, func(a, b coach.FollowUp) int { return a.Late - b.Late })
	h.due = due
	items := []list.Item{Item{Action: actNew, Title: "Start a new session",
		desc: "Five calm steps for the hour after a rejection email"}}
	// Sessions that could not be saved are resumed from memory.
	for _, s := range h.deps.Unsaved {
		if s.Status != coach.Complete && !s.IsEmpty() {
			items = append(items, Item{Action: actResume, session: s,
				Title: "Resume (not saved): " + coach.Inert(coach.Title(s)),
				desc:  resumeDesc(h.deps.Flow, s, h.deps.Now())})
		}
	}
	for _, s := range msg.resumable {
		if h.deps.Unsaved[s.ID] != nil {
			continue
		}
		items = append(items, Item{Action: actResume, session: s,
			Title: "Resume: " + coach.Inert(coach.Title(s)),
			desc:  resumeDesc(h.deps.Flow, s, h.deps.Now())})
	}
	for _, s := range msg.deeper {
		if n := coach.RestLeft(h.deps.Flow, s); n > 0 && h.deps.Unsaved[s.ID] == nil {
			items = append(items, Item{Action: actDeeper, session: s,
				Title: "Go deeper: " + coach.Inert(coach.Title(s)),
				desc:  "The rest of this session: " + coach.Plural(n, "more question") + ", in the same file"})
		}
	}
	if n := len(msg.summaries); n > 0 || len(msg.problems) > 0 {
		items = append(items, Item{Action: ActHistory, Title: "Past sessions",
			desc: coach.Plural(n, "session") + " · search, record feedback, tick off actions"})
	}
	items = append(items, Item{Action: ActPractice, Title: "Practise questions",
		desc: "The questions that threw you, a timer, a self-review"})
	if len(msg.summaries) > 0 {
		items = append(items, Item{Action: actInsights, Title: "Insights",
			desc: "Patterns across sessions: moods, stages, themes"})
	}
	quit := "Everything is saved"
	if len(h.deps.Unsaved) > 0 {
		quit = "Sessions that could not be saved are printed as you leave, so you can keep them"
	}
	items = append(items, Item{Action: actQuit, Title: "Quit", desc: quit})
	h.list.SetItems(items)
	h.list.Select(0)
}

// followUpsView lists what is due, one line each, with the number that
// opens it.
func (h *Page) followUpsView() string {
	if h.shown == 0 {
		return ""
	}
	st := &h.deps.Styles
	lines := []string{st.Label.Render("Due now")}
	for i, f := range h.due[:h.shown] {
		when := "today"
		if f.Late > 0 {
			when = coach.Plural(f.Late, "day") + " late"
		}
		line := st.Cursor.Render(strconv.Itoa(i+1)) + "  " + st.Muted.Render(when+" · ") +
			st.Option.Render(coach.Inert(f.Text)) + st.Muted.Render(" · "+coach.Inert(f.Title))
		lines = append(lines, lipgloss.NewStyle().MaxWidth(max(1, h.width)).Render(line))
	}
	if more := len(h.due) - h.shown; more > 0 {
		lines = append(lines, st.Muted.Render("   …and "+coach.Plural(more, "more follow-up")+": see Past sessions"))
	}
	return strings.Join(lines, "\n") + "\n\n"
}

// openDue opens the session of follow-up i on what is due: the nudge to
// send, the feedback form to record a closure, or the actions with that
// one selected.
func (h *Page) openDue(i int) {
	f := h.due[i]
	e := common.Exit{To: common.Session, ID: f.SessionID, Panel: common.PanelFeedback}
	switch f.Kind {
	case coach.FollowUpFeedback:
		e.Panel = common.PanelLetters
	case coach.FollowUpAction:
		e.Panel, e.Action = common.PanelActions, f.Action
	}
	h.GoTo(e)
}

// resumeDesc says when a session was last touched and where it stopped.
func resumeDesc(flow *content.Flow, s *coach.Session, now time.Time) string {
	where := "not started"
	if sec, _, ok := flow.Prompt(s.Position); ok {
		where = flow.Sections[sec].Title
		if n := flow.Sections[sec].Step; n > 0 {
			where = fmt.Sprintf("step %d of %d, %s", n, flow.Steps(), where)
		}
	}
	layout := "Mon 2 Jan 15:04"
	if s.UpdatedAt.Local().Year() != now.Local().Year() {
		layout = "2 Jan 2006"
	}
	return s.UpdatedAt.Local().Format(layout) + " · " + where
}

func (h *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case sessionsLoadedMsg:
		h.setItems(msg)
		h.SetSize(h.width, h.height)
		return nil
	case tea.KeyPressMsg:
		h.status = ""
		switch {
		case key.Matches(msg, h.deps.Keys.QuitHome):
			return tea.Quit
		case h.shown > 0 && key.Matches(msg, keys.Due(h.shown)):
			h.openDue(int(msg.String()[0] - '1')) // the digit, as the footer names it
			return nil
		}
	}
	var cmd tea.Cmd
	h.list, cmd = h.list.Update(msg)
	return cmd
}

// Choose acts on enter: it says where to go (the root follows within the
// same Update, so keys typed straight after reach the new screen), or quits.
func (h *Page) Choose() tea.Cmd {
	it, ok := h.list.SelectedItem().(Item)
	if !ok {
		return nil
	}
	switch it.Action {
	case actNew:
		h.GoTo(common.Exit{To: common.Flow, Session: coach.NewSession(h.deps.Now())})
	case actResume:
		h.GoTo(common.Exit{To: common.Flow, Session: it.session})
	case actDeeper:
		h.GoTo(common.Exit{To: common.Flow, Session: it.session, Deeper: true})
	case ActHistory:
		h.GoTo(common.Exit{To: common.History})
	case actInsights:
		h.GoTo(common.Exit{To: common.Insights})
	case ActPractice:
		h.GoTo(common.Exit{To: common.Practice})
	case actQuit:
		return tea.Quit
	}
	return nil
}

func (h *Page) Title() string  { return "" }
func (h *Page) Status() string { return h.status }

func (h *Page) SetSize(w, height int) {
	h.width, h.height = w, height
	// What is due gets the rows the menu does not need, up to five.
	room := height - lipgloss.Height(h.notes()) - 1
	h.shown = 0
	if len(h.due) > 0 {
		more := 0
		if len(h.due) > maxFollowUps {
			more = 1
		}
		h.shown = common.Clamp(room-len(h.list.Items())-3-more, 1, min(len(h.due), maxFollowUps))
	}
	h.list.SetSize(w, max(1, room-lipgloss.Height(h.followUpsView())))
}

// notes are the lines under the menu: unreadable files, and where to turn
// if the feelings stay heavy.
func (h *Page) notes() string {
	st := &h.deps.Styles
	var lines []string
	if h.loadErr != nil {
		lines = append(lines, st.Error.Width(max(1, h.width)).Render("Can't read saved sessions ("+common.Reason(h.loadErr)+")."))
	}
	if h.exposed != "" {
		lines = append(lines, st.Error.Width(max(1, min(h.width, theme.MaxTextWidth))).Render(coach.Inert(h.exposed)))
	}
	for i, p := range h.problems {
		if i == 3 {
			lines = append(lines, st.Muted.Render(fmt.Sprintf("…and %d more unreadable files, left untouched.", len(h.problems)-3)))
			break
		}
		lines = append(lines, st.Error.Width(max(1, min(h.width, theme.MaxTextWidth))).Render(
			common.Skipped(h.deps, p)))
	}
	lines = append(lines, "", st.Support.Width(max(1, min(h.width, theme.MaxTextWidth))).Render(content.Support()))
	return strings.Join(lines, "\n")
}

func (h *Page) View() string {
	return h.followUpsView() + lipgloss.JoinVertical(lipgloss.Left, h.list.View(), "", h.notes())
}

func (h *Page) ShortHelp() []key.Binding {
	k := h.deps.Keys
	b := []key.Binding{k.Menu.Choose, k.Menu.Open}
	switch n := h.shown; {
	case n == 1:
		b = append(b, keys.Due(n))
	case n > 1:
		b = append(b, keys.Due(n))
	}
	return append(b, k.QuitHome)
}

func (h *Page) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }

// homeDelegate draws a menu row on one line: the title, and in a column to
// its right a muted description. One line a row keeps the whole menu, what
// is due and the support note on a 24-row screen.
type homeDelegate struct {
	common.Rows
	deps *common.Context
}

func (d homeDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	it, ok := item.(Item)
	if !ok {
		return
	}
	st := &d.deps.Styles
	col := 0 // the title column fits the longest title, up to half the width
	for _, other := range m.Items() {
		col = max(col, lipgloss.Width(other.(Item).Title))
	}
	col = min(col, max(10, m.Width()/2))
	title := st.Option.Render(it.Title)
	pointer := "  "
	if index == m.Index() {
		pointer = st.Cursor.Render("› ")
		title = st.Label.Render(it.Title)
	}
	// Cut, never wrapped: a row is one line.
	title = ansi.Truncate(title, col, "…")
	title += strings.Repeat(" ", max(0, col-lipgloss.Width(title)))
	line := pointer + title + "  " + st.Muted.Render(it.desc)
	fmt.Fprint(w, lipgloss.NewStyle().MaxWidth(max(1, m.Width())).Render(line))
}

// Note shows a note in the header: why a session could not be opened.
func (h *Page) Note(s string) { h.status = s }

// List is the menu, for tests that choose a row by what it holds.
func (h *Page) List() *list.Model { return &h.list }

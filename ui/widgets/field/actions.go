package field

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
)

// actionsField is the actions, each with an optional due date, on five rows
// or one per action. Enter moves along the cells; up and down move between
// rows. More rows than the height it is given scroll with the focus.
type Actions struct {
	text, due []textinput.Model
	// loaded is each row's action as loaded: its Done and DoneOn (ticking
	// off is the opened session's job) and what rebound does not know of
	// it are kept, whatever is typed.
	loaded      []coach.Action
	row         int
	top, height int // the first row shown; the lines given, 0 for all
	onDue       bool
	now         time.Time
	styled      styledFor
	keys        keys.Field
}

func newActions(actions []coach.Action, st *theme.Styles, now time.Time, km keys.Field) *Actions {
	rows := max(maxActions, len(actions))
	f := &Actions{now: now, keys: km, text: make([]textinput.Model, rows), due: make([]textinput.Model, rows),
		loaded: make([]coach.Action, rows)}
	copy(f.loaded, actions)
	for i, a := range f.loaded {
		f.text[i] = NewInput(st, a.Text, fmt.Sprintf("action %d", i+1))
		f.due[i] = NewInput(st, a.Due, "due date")
	}
	return f
}

// shown is how many rows are drawn: all of them, or as many as the height
// allows but never fewer than five, as before there could be more.
func (f *Actions) shown() int {
	if f.height <= 0 {
		return len(f.text)
	}
	return min(len(f.text), max(maxActions, f.height))
}

// follow keeps the focused row among those drawn.
func (f *Actions) follow() {
	f.top = max(max(0, f.row-f.shown()+1), min(f.top, min(f.row, len(f.text)-f.shown())))
}

// leave blurs the current cell; a due date typed as "+3d" becomes a date
// there and then, so the user sees what was understood.
func (f *Actions) leave() {
	if f.onDue {
		if d, err := coach.ParseDate(f.due[f.row].Value(), f.now); err == nil && d != "" {
			f.due[f.row].SetValue(d)
		}
	}
	f.cell().Blur()
}

func (f *Actions) cell() *textinput.Model {
	if f.onDue {
		return &f.due[f.row]
	}
	return &f.text[f.row]
}

// advance moves to the next cell and reports false from the last one.
func (f *Actions) advance() bool {
	switch {
	case !f.onDue:
		f.onDue = true
	case f.row+1 < len(f.text):
		f.row, f.onDue = f.row+1, false
		f.follow()
	default:
		return false
	}
	return true
}

func (f *Actions) Update(msg tea.Msg) tea.Cmd {
	if s := keys.Name(msg); s != "" {
		switch {
		case keys.Is(s, f.keys.RowUp):
			f.leave()
			f.row = max(0, f.row-1)
			f.follow()
			return f.cell().Focus()
		case keys.Is(s, f.keys.RowDown):
			f.leave()
			f.row = min(len(f.text)-1, f.row+1)
			f.follow()
			return f.cell().Focus()
		}
	}
	return UpdateInput(f.cell(), msg)
}

// Enter is handled by the flow screen: it calls next, and leaves the prompt
// when next reports false.
// Validate: any text is an action, and a due date it cannot read is kept
// as typed.
func (f *Actions) Validate() error { return nil }

// Error: nothing is shown under the rows.
func (f *Actions) Error() error { return nil }

// KeyBinds are the keys that move between the rows.
func (f *Actions) KeyBinds() []key.Binding { return []key.Binding{f.keys.RowUp} }

// Next is enter: the next cell (the due date, then the next action).
func (f *Actions) Next() (tea.Cmd, bool) {
	f.leave()
	if !f.advance() {
		return nil, false
	}
	return f.cell().Focus(), true
}

func (f *Actions) View(st *theme.Styles, focused bool) string {
	if f.styled.changed(st) {
		for i := range f.text {
			f.text[i].SetStyles(st.Input)
			f.due[i].SetStyles(st.Input)
		}
	}
	var b strings.Builder
	shown := f.shown()
	for i := f.top; i < f.top+shown; i++ {
		pointer := "  "
		if focused && i == f.row {
			pointer = st.Cursor.Render("› ")
		}
		fmt.Fprintf(&b, "%s%d. %s  %s %s\n", pointer, i+1,
			coach.Visible(f.text[i].View()), st.Muted.Render("by"), coach.Visible(f.due[i].View()))
	}
	if shown < len(f.text) {
		fmt.Fprintf(&b, "  %s\n", st.Muted.Render(fmt.Sprintf("%d–%d of %d · ↑/↓ for the others", f.top+1, f.top+shown, len(f.text))))
	}
	return strings.TrimRight(b.String(), "\n")
}

func (f *Actions) Answer() coach.Answer {
	var a coach.Answer
	for i, action := range f.loaded {
		text := strings.TrimSpace(coach.Raw(f.text[i].Value()))
		due := strings.TrimSpace(coach.Raw(f.due[i].Value()))
		if d, err := coach.ParseDate(due, f.now); err == nil {
			due = d
		}
		if text != "" || due != "" {
			action.Text, action.Due = text, due
			a.Actions = append(a.Actions, action)
		}
	}
	return a
}

func (f *Actions) Focus() tea.Cmd { return f.cell().Focus() }
func (f *Actions) Blur()          { f.leave() }
func (f *Actions) SetSize(w, h int) {
	f.height = h
	f.follow()
	dueW := 11
	textW := max(1, w-dueW-10)
	for i := range f.text {
		f.text[i].SetWidth(textW)
		f.due[i].SetWidth(dueW)
	}
}
func (f *Actions) Multiline() bool { return false }
func (f *Actions) Typing() bool    { return true }

// percentBar draws a percentage as ten cells, so a shift reads at a glance.
func percentBar(st *theme.Styles, n int) string {
	on := (n + 5) / 10
	return st.MoodOn.Render(strings.Repeat("■", on)) + st.MoodOff.Render(strings.Repeat("□", 10-on)) +
		st.Muted.Render(" "+strconv.Itoa(n)+"%")
}

package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
)

type page int

const (
	stay page = iota // the zero exit: no change of screen
	homePage
	flowPage
	summaryPage
	historyPage
	sessionPage
	insightsPage
	practicePage
	roundPage
)

// exit is where a screen asks the root to go next. The root acts on it in
// the same Update, so keys typed straight after reach the new screen.
type exit struct {
	to page
	// session is the session to walk (flowPage) or show (sessionPage); id
	// names one to load for sessionPage instead.
	session *coach.Session
	id      string
	// prompt, with flowPage, edits that one answer and comes back.
	prompt string
	// deeper, with flowPage, walks the rest of a complete ten-minute
	// session: the session as it is on disk once locked, not as listed.
	deeper bool
	// panel opens the session page on a panel: the feedback form, or the
	// actions with action (an index) selected.
	panel  panel
	action int
	// note is shown in the header on arrival: "moved to the trash".
	note string
	// question is the question of a practice round (roundPage).
	question *coach.Question
	// readOnly opens the session page without the keys that change it,
	// with this sentence saying why (another copy of rebound has the
	// session open, or it cannot be locked).
	readOnly string
}

// screen is what the root asks of each page.
type screen interface {
	Update(tea.Msg) tea.Cmd
	View() string
	Title() string
	// Status is a short note for the right of the header ("copied").
	Status() string
	SetSize(w, h int)
	// leave returns, once, where the screen asked to go.
	leave() exit
	help.KeyMap
}

// The root tells screens what concerns them through methods (Note, Saved,
// Themed, shows) and never reaches into their fields. timed is asked of the
// screen on show: ctrl+z pauses its countdown for the time away.
type timed interface {
	Suspend()
	Resume() tea.Cmd
}

// exits is embedded by screens: goTo says where to, leave hands it over.
type exits struct{ next exit }

func (e *exits) goTo(x exit) { e.next = x }

func (e *exits) leave() exit {
	x := e.next
	e.next = exit{}
	return x
}

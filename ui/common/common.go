package common

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/theme"
)

type Page int

const (
	Stay Page = iota // the zero exit: no change of screen
	Home
	Flow
	Summary
	History
	Session
	Insights
	Practice
	Round
)

// Exit is where a screen asks the root to go next. The root acts on it in
// the same Update, so keys typed straight after reach the new screen.
type Exit struct {
	To Page
	// Session is the session to walk (common.Flow) or show (common.Session); id
	// names one to load for common.Session instead.
	Session *coach.Session
	ID      string
	// Prompt, with common.Flow, edits that one answer and comes back.
	Prompt string
	// Deeper, with common.Flow, walks the rest of a complete ten-minute
	// session: the session as it is on disk once locked, not as listed.
	Deeper bool
	// Panel opens the session page on a panel: the feedback form, or the
	// actions with action (an index) selected.
	Panel  Panel
	Action int
	// Note is shown in the header on arrival: "moved to the trash".
	Note string
	// Question is the question of a practice round (common.Round).
	Question *coach.Question
	// ReadOnly opens the session page without the keys that change it,
	// with this sentence saying why (another copy of rebound has the
	// session open, or it cannot be locked).
	ReadOnly string
}

// Screen is what the root asks of each page.
type Screen interface {
	Update(tea.Msg) tea.Cmd
	View() string
	Title() string
	// Status is a short note for the right of the header ("copied").
	Status() string
	SetSize(w, h int)
	// Leave returns, once, where the screen asked to go.
	Leave() Exit
	help.KeyMap
}

// The root tells pages what concerns them through methods and never
// reaches into their fields. Besides Screen, a page may be any of these;
// the root asks every page that is.
type (
	// Timed is asked of the page on show: ctrl+z pauses its countdown for
	// the time away.
	Timed interface {
		Suspend()
		Resume() tea.Cmd
	}
	// FullHelper is a page whose footer can show every key, not only the
	// short line: the root asks it which to draw.
	FullHelper interface {
		ShowsAll() bool
	}
	// SaveWatcher is told when a save of session id ended, and how.
	SaveWatcher interface {
		Saved(id string, err error)
	}
	// Pending is a page on show holding what is typed but not yet stored:
	// a quit or a suspend saves the session or round it returns, with that
	// in it (nil for none).
	Pending interface {
		Pending() (*coach.Session, *coach.Practice)
	}
	// Themed is told when the theme changes (the terminal's background
	// reply comes a moment after start), for what copied the styles.
	Themed interface {
		Themed(*theme.Styles)
	}
)

// Exits is embedded by screens: goTo says where to, leave hands it over.
type Exits struct{ next Exit }

func (e *Exits) GoTo(x Exit) { e.next = x }

func (e *Exits) Leave() Exit {
	x := e.next
	e.next = Exit{}
	return x
}

// Panel is what an opened session shows over its document.
type Panel int

const (
	PanelNone     Panel = iota
	PanelFeedback       // record what became of the feedback request
	PanelActions        // tick actions done
	PanelEdit           // choose an answer to edit
	PanelDelete         // confirm moving the session to the trash
	PanelLetters        // the nudge and the thank-you note (letters.go)
)

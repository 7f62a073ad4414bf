// Package common is what every page shares and nothing else: the context
// the root gives each page, the page interface, and where a page asks to go
// next (Exit). A page imports common, never another page nor the root.
package common

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/countdown"
)

// Context is what every page shares, given once. The root keeps it up to
// date (styles, tips, settings); pages read it and never write it
// (TestPagesOnlyReadTheContext), and save through its Saver.
type Context struct {
	Flow   *content.Flow
	Store  *coach.Store
	Styles theme.Styles
	Keys   keys.KeyMap
	Now    func() time.Time
	// Tips are the steps' tips rendered for the current width and theme.
	Tips       map[string]string
	DraftDelay time.Duration
	// Unsaved holds, by ID, sessions whose last save failed: they stay
	// resumable from home, and main prints them on quit.
	Unsaved map[string]*coach.Session
	// Saver writes sessions and rounds: the root's, which keeps track of
	// every save still running.
	Saver

	Bank  *content.Bank
	Timer time.Duration // a round's countdown; 0 is none
	Clock countdown.Clock

	// Settings are the data dir's (the name that signs the letters), read
	// at start; SettingsErr is why they cannot be read or kept, and then
	// they are never written.
	Settings    coach.Settings
	SettingsErr error
}

// Saver is how a page saves: each method returns the command that writes a
// snapshot taken now, or nil when there is nothing to save.
type Saver interface {
	Save(*coach.Session) tea.Cmd
	SavePractice(*coach.Practice) tea.Cmd
}

// DraftTickMsg fires a while after a keystroke; only the newest counts. id
// is the session's, or the practice round's.
type DraftTickMsg struct {
	ID  string
	Seq int
}

// WhenTypingPauses counts a keystroke in seq and returns the DraftTickMsg
// for record id that arrives once typing has paused for the draft delay;
// the screen saves on it only if no key came after (seq still matches).
func (d *Context) WhenTypingPauses(id string, seq *int) tea.Cmd {
	*seq++
	if d.DraftDelay <= 0 {
		return nil
	}
	n := *seq
	return tea.Tick(d.DraftDelay, func(time.Time) tea.Msg { return DraftTickMsg{id, n} })
}

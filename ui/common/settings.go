package common

import (
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
)

// SettingsMsg carries the settings read at start (saved false) or the
// outcome of keeping them (saved true). A file rebound cannot read as its
// own is err, and is never written over.
type SettingsMsg struct {
	Settings coach.Settings
	Err      error
	Saved    bool
}

// LoadSettings reads the data dir's settings in a command.
func LoadSettings(dir string) tea.Cmd {
	return func() tea.Msg {
		s, err := coach.LoadSettings(dir)
		return SettingsMsg{Settings: s, Err: err}
	}
}

// SaveSettings keeps s in a command.
func SaveSettings(dir string, s coach.Settings) tea.Cmd {
	return func() tea.Msg { return SettingsMsg{Settings: s, Err: coach.SaveSettings(dir, s), Saved: true} }
}

package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is every style the screens use, built once per theme. Screens never
// make styles of their own, so a theme change is one call.
type Styles struct {
	IsDark  bool
	NoColor bool

	Title      lipgloss.Style // "rebound"
	Progress   lipgloss.Style // "Step 2 of 5 · Don't take it personally"
	Intro      lipgloss.Style
	Label      lipgloss.Style // a prompt's question
	LabelDim   lipgloss.Style // an unfocused prompt's question in a form
	Hint       lipgloss.Style
	Cursor     lipgloss.Style // the marker of the focused option
	Selected   lipgloss.Style // a ticked or chosen option
	Option     lipgloss.Style
	Muted      lipgloss.Style
	Status     lipgloss.Style // "Saved 15:04"
	Error      lipgloss.Style // the one-sentence save failure
	Rule       lipgloss.Style // the line between tip and prompt
	MoodOn     lipgloss.Style
	MoodOff    lipgloss.Style
	Support    lipgloss.Style
	TextCursor lipgloss.Style // the cursor in a long answer
}

// NewStyles builds the styles for a dark or light background; with noColor
// every colour is dropped and emphasis is kept to bold, faint and reverse.
func NewStyles(isDark, noColor bool) Styles {
	c := func(light, dark string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return lipgloss.LightDark(isDark)(lipgloss.Color(light), lipgloss.Color(dark))
	}
	accent := c("#5A4FCF", "#A99BFF")
	calm := c("#2E7D6B", "#7FD1B9")
	muted := c("#6B6B6B", "#9A9A9A")
	warn := c("#B3261E", "#FF8A80")

	s := Styles{IsDark: isDark, NoColor: noColor}
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Progress = lipgloss.NewStyle().Foreground(calm).Bold(true)
	s.Intro = lipgloss.NewStyle().Foreground(muted)
	s.Label = lipgloss.NewStyle().Bold(true)
	s.LabelDim = lipgloss.NewStyle().Foreground(muted)
	s.Hint = lipgloss.NewStyle().Foreground(muted).Italic(true)
	s.Cursor = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Selected = lipgloss.NewStyle().Foreground(calm).Bold(true)
	s.Option = lipgloss.NewStyle()
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Status = lipgloss.NewStyle().Foreground(muted)
	s.Error = lipgloss.NewStyle().Foreground(warn).Bold(true)
	s.Rule = lipgloss.NewStyle().Foreground(muted)
	s.MoodOn = lipgloss.NewStyle().Foreground(calm).Bold(true)
	s.MoodOff = lipgloss.NewStyle().Foreground(muted)
	s.Support = lipgloss.NewStyle().Foreground(muted).Italic(true)
	s.TextCursor = lipgloss.NewStyle().Reverse(true)
	if noColor {
		s.Cursor = s.Cursor.Reverse(true)
		s.MoodOn = s.MoodOn.Reverse(true)
	}
	return s
}

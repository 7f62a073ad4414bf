package theme

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// MaxTextWidth keeps answers, tips and sessions at a readable line length on
// wide terminals, in the app and on the command line.
const MaxTextWidth = 100

// Styles is every style the screens use, built once per theme. Screens never
// make styles of their own, so a theme change is one call.
//
// Every colour here is read on the terminal's own background, which the app
// cannot see, so each must keep a WCAG AA contrast (4.5:1) on any common dark
// or light background: theme_test.go checks them all, the bubbles' styles
// below included, against a set of real terminal backgrounds.
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

	// Help is the key help's. bubbles' own greys are too faint to read on
	// many backgrounds (#4A4A4A on black is 2.3:1).
	Help help.Styles
	// Input is a one-line field's: bubbles' placeholder grey (240) is 2:1
	// on a dark grey background, and its cursor is a palette colour whose
	// contrast nobody can know.
	Input textinput.Styles
	// List is for a bubbles list (Past sessions, the practice queue): its
	// defaults are for a dark background only, whatever the theme. A list
	// ignores List.Filter, so its FilterInput takes Input (or List.Filter)
	// with SetStyles.
	List list.Styles
}

// NewStyles builds the styles for a dark or light background; with noColor
// every colour is dropped and emphasis is kept to bold, italic and reverse.
// Faint is never used: terminals draw it at reduced intensity, below any
// contrast worked out here, and some not at all.
func NewStyles(isDark, noColor bool) Styles {
	p := newPalette(isDark, noColor)
	s := Styles{IsDark: isDark, NoColor: noColor}
	s.setText(p)
	s.Help = helpStyles(s.Muted, p.keys, noColor)
	s.Input = inputStyles(s.Muted)
	s.List = listStyles(isDark, p, s.Input)
	if noColor {
		s.Cursor = s.Cursor.Reverse(true)
		s.MoodOn = s.MoodOn.Reverse(true)
	}
	return s
}

// stylePalette is the handful of colours every style is drawn from, so
// that the contrast is worked out once, here, for all of them.
type stylePalette struct {
	accent, calm, muted, warn, keys color.Color
}

// newPalette picks the colours for a dark or light background, or none at
// all with noColor.
func newPalette(isDark, noColor bool) stylePalette {
	c := func(light, dark string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		if isDark {
			return lipgloss.Color(dark)
		}
		return lipgloss.Color(light)
	}
	// The worst contrast of each, on the backgrounds in theme_test.go
	// (light on Gruvbox's #FBF1C7, dark on One Dark's #282C34):
	return stylePalette{
		accent: c("#5A4FCF", "#A99BFF"), // 5.4, 5.9
		calm:   c("#287264", "#7FD1B9"), // 5.0, 7.8
		muted:  c("#6B6B6B", "#9A9A9A"), // 4.7, 5.0
		warn:   c("#B3261E", "#FF8A80"), // 5.8, 6.1
		keys:   c("#4A4A4A", "#BDBDBD"), // 7.8, 7.5: a key stands out from what it does
	}
}

// setText sets the styles of the screens' own text, the ones not handed
// to a bubbles component.
func (s *Styles) setText(p stylePalette) {
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(p.accent)
	s.Progress = lipgloss.NewStyle().Foreground(p.calm).Bold(true)
	s.Intro = lipgloss.NewStyle().Foreground(p.muted)
	s.Label = lipgloss.NewStyle().Bold(true)
	s.LabelDim = lipgloss.NewStyle().Foreground(p.muted)
	s.Hint = lipgloss.NewStyle().Foreground(p.muted).Italic(true)
	s.Cursor = lipgloss.NewStyle().Foreground(p.accent).Bold(true)
	s.Selected = lipgloss.NewStyle().Foreground(p.calm).Bold(true)
	s.Option = lipgloss.NewStyle()
	s.Muted = lipgloss.NewStyle().Foreground(p.muted)
	s.Status = lipgloss.NewStyle().Foreground(p.muted)
	s.Error = lipgloss.NewStyle().Foreground(p.warn).Bold(true)
	s.Rule = lipgloss.NewStyle().Foreground(p.muted)
	s.MoodOn = lipgloss.NewStyle().Foreground(p.calm).Bold(true)
	s.MoodOff = lipgloss.NewStyle().Foreground(p.muted)
	s.Support = lipgloss.NewStyle().Foreground(p.muted).Italic(true)
	s.TextCursor = lipgloss.NewStyle().Reverse(true)
}

// helpStyles styles the key help: keys in their own colour (bold too
// without colour), all else muted.
func helpStyles(muted lipgloss.Style, keys color.Color, noColor bool) help.Styles {
	key := lipgloss.NewStyle().Foreground(keys)
	if noColor {
		key = key.Bold(true) // what tells a key from its description without colour
	}
	return help.Styles{
		Ellipsis:  muted,
		ShortKey:  key,
		ShortDesc: muted, ShortSeparator: muted,
		FullKey:  key,
		FullDesc: muted, FullSeparator: muted,
	}
}

// inputStyles styles the one-line answers, which the list's filter uses
// too.
func inputStyles(muted lipgloss.Style) textinput.Styles {
	plain := lipgloss.NewStyle()
	field := textinput.StyleState{Text: plain, Placeholder: muted, Suggestion: muted, Prompt: muted}
	return textinput.Styles{
		// An unfocused answer is still the person's words: it keeps the
		// text colour; the dimmed label says which field has the focus.
		Focused: field,
		Blurred: field,
		// The cursor is drawn reversed in the text's own colours, like the
		// long answers' (TextCursor); steady, which is calmer and keeps
		// no timer running while idle.
		Cursor: textinput.CursorStyle{Color: lipgloss.NoColor{}, Shape: tea.CursorBlock},
	}
}

// listStyles styles the session list. The list's defaults keep their
// layout (padding, the pagination dots); only their colours are ours, and
// its filter is an input like the others.
func listStyles(isDark bool, p stylePalette, input textinput.Styles) list.Styles {
	l := list.DefaultStyles(isDark)
	l.Title = l.Title.UnsetBackground().Foreground(p.accent).Bold(true)
	l.Spinner = l.Spinner.Foreground(p.muted)
	l.Filter = input
	l.Filter.Focused.Prompt = lipgloss.NewStyle().Foreground(p.accent)
	l.Filter.Blurred.Prompt = l.Filter.Focused.Prompt
	l.StatusBar = l.StatusBar.Foreground(p.muted)
	l.StatusEmpty = l.StatusEmpty.Foreground(p.muted)
	l.StatusBarActiveFilter = l.StatusBarActiveFilter.UnsetForeground()
	l.StatusBarFilterCount = l.StatusBarFilterCount.Foreground(p.muted)
	l.NoItems = l.NoItems.Foreground(p.muted)
	l.ArabicPagination = l.ArabicPagination.Foreground(p.muted)
	l.ActivePaginationDot = l.ActivePaginationDot.Foreground(p.keys)
	l.InactivePaginationDot = l.InactivePaginationDot.Foreground(p.muted)
	l.DividerDot = l.DividerDot.Foreground(p.muted)
	return l
}

// Fit cuts plain text to a width, ending it with "…" when cut.
func Fit(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, max(0, width), "…")
}

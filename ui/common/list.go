package common

import (
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/ui/theme"
)

// NewList is a bubbles list as every page uses one: no title and no help
// of its own (the footer names the keys) and no quit keys (q and esc are
// the page's). The page sets the rest: status line, filtering, pages.
func NewList(delegate list.ItemDelegate) list.Model {
	l := list.New(nil, delegate, 0, 0)
	l.SetShowTitle(false)
	l.SetShowHelp(false)
	l.DisableQuitKeybindings()
	return l
}

// Rows is the part of a list delegate the app's lists share: each item is
// Lines lines with Gap blank lines after it, and keys are the page's,
// never the delegate's. A delegate embeds it and writes only Render.
type Rows struct{ Lines, Gap int }

func (r Rows) Height() int                       { return r.Lines }
func (r Rows) Spacing() int                      { return r.Gap }
func (Rows) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

// StyleList gives a list the theme's styles; padless drops the padding
// around its status line and pages, which the screen lays out itself.
// The root calls it again when the theme changes (the terminal's
// background reply comes a moment after start).
func StyleList(l *list.Model, st *theme.Styles, padless bool) {
	s := st.List
	if padless {
		s.StatusBar = s.StatusBar.UnsetPadding()
		s.StatusEmpty = s.StatusEmpty.UnsetPadding()
		s.NoItems = s.NoItems.UnsetPadding()
		s.PaginationStyle = s.PaginationStyle.UnsetPadding()
	}
	l.Styles = s
	fs := s.Filter
	fs.Cursor.Blink = false // steady, as in every field: no timer runs while idle
	l.FilterInput.SetStyles(fs)
}

package field

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
)

// textField is one line of text, or a date.
type Text struct {
	in     textinput.Model
	styled styledFor
	date   bool
	now    time.Time
	// percent takes a whole number from 0 to 100; up and down step by ten.
	percent bool
	// pristine is a default date nobody has touched: the first character
	// typed replaces it instead of being appended to it.
	pristine bool
	keys     keys.Field // a percentage's steps
}

func NewText(p content.Prompt, value string, st *theme.Styles) *Text {
	return &Text{in: NewInput(st, value, p.Hint)}
}

func (f *Text) Update(msg tea.Msg) tea.Cmd {
	if s := keys.Name(msg); f.percent && (keys.Is(s, f.keys.RowUp) || keys.Is(s, f.keys.RowDown)) {
		n, _ := coach.ParsePercent(f.value())
		if keys.Is(s, f.keys.RowUp) {
			n = min(100, n+10)
		} else {
			n = max(0, n-10)
		}
		f.in.SetValue(strconv.Itoa(n))
		f.in.CursorEnd()
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && f.pristine {
		f.pristine = false
		if k.Text != "" {
			f.in.SetValue("")
		}
	}
	return UpdateInput(&f.in, msg)
}

// Validate is the reason a date or a percentage cannot be read, or nil.
func (f *Text) Validate() error {
	switch {
	case f.date:
		_, err := coach.ParseDate(f.value(), f.now)
		return err
	case f.percent && strings.TrimSpace(f.value()) != "":
		_, err := coach.ParsePercent(f.value())
		return err
	}
	return nil
}

func (f *Text) View(st *theme.Styles, focused bool) string {
	if f.styled.changed(st) {
		f.in.SetStyles(st.Input)
	}
	v := coach.Visible(f.in.View())
	if n, err := coach.ParsePercent(f.value()); f.percent && err == nil {
		v = lipgloss.JoinHorizontal(lipgloss.Top, f.in.View(), "  ", percentBar(st, n))
	}
	if err := f.Error(); err != nil {
		v += "\n" + st.Error.Render(err.Error())
	}
	return v
}

// Error is Validate: it is shown as soon as what is typed cannot be read.
func (f *Text) Error() error { return f.Validate() }

// KeyBinds: a percentage steps by ten with the rows' keys, which need no
// help of their own beside "0 to 100".
func (f *Text) KeyBinds() []key.Binding { return nil }

// Next: one part.
func (f *Text) Next() (tea.Cmd, bool) { return nil, false }

func (f *Text) value() string { return coach.Raw(f.in.Value()) }

// Answer normalises a date it can read ("tomorrow" becomes 2026-11-24). The
// flow does not leave a date it cannot read; one saved as a draft on quit is
// kept as typed: an odd date is better than a lost one.
func (f *Text) Answer() coach.Answer {
	v := f.value()
	switch {
	case f.date:
		if d, err := coach.ParseDate(v, f.now); err == nil {
			v = d
		}
	case f.percent:
		if n, err := coach.ParsePercent(v); err == nil {
			v = strconv.Itoa(n)
		}
	}
	return coach.Answer{Text: v}
}

func (f *Text) Focus() tea.Cmd { return f.in.Focus() }
func (f *Text) Blur()          { f.in.Blur() }
func (f *Text) SetSize(w, _ int) {
	f.in.SetWidth(max(1, w))
}
func (f *Text) Multiline() bool { return false }
func (f *Text) Typing() bool    { return true }

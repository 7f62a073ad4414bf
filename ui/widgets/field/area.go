package field

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/editor"
)

// areaField is free text over several lines: a textarea, a list (one item a
// line) or the feedback draft.
type Area struct {
	ed     *editor.Model
	list   bool
	styled styledFor
	plain
}

func NewArea(p content.Prompt, value string, st *theme.Styles) *Area {
	ed := editor.New(coach.Editable(value), keys.DefaultEditor())
	ed.SetStyles(st.Muted, st.TextCursor)
	if p.Kind == content.Draft {
		ed.MoveToBegin() // a letter is read from its greeting
	}
	return &Area{ed: ed, list: p.Kind == content.List}
}

func (f *Area) Update(msg tea.Msg) tea.Cmd {
	f.ed.Update(editable(msg))
	return nil
}

func (f *Area) View(st *theme.Styles, _ bool) string {
	if f.styled.changed(st) {
		f.ed.SetStyles(st.Muted, st.TextCursor)
	}
	return coach.Visible(f.ed.View())
}

func (f *Area) Answer() coach.Answer {
	v := f.Text()
	if !f.list {
		return coach.Answer{Text: strings.TrimRight(v, "\n ")}
	}
	var items []string
	for line := range strings.SplitSeq(v, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			items = append(items, line)
		}
	}
	return coach.Answer{Items: items}
}

func (f *Area) Focus() tea.Cmd       { f.ed.Focus(); return nil }
func (f *Area) Blur()                { f.ed.Blur() }
func (f *Area) SetSize(w, lines int) { f.ed.SetSize(w, lines) }
func (f *Area) Multiline() bool      { return true }
func (f *Area) Typing() bool         { return true }

// text is the value as typed, as the draft-copy key copies it.
// Text is the text as typed, for the clipboard.
func (f *Area) Text() string { return coach.Raw(f.ed.Value()) }

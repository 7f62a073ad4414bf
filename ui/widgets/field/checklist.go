package field

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
)

// checklistField ticks any number of options, and has an "other" line of
// free text when the prompt allows it.
type Checklist struct {
	options  []string
	examples map[string]string // a one-line example of an option, shown beside it
	width    int
	ticked   map[string]bool
	cursor   int // len(options) is the "other" line
	other    *textinput.Model
	styled   styledFor
	keys     keys.Field
	plain
}

// newChecklistField offers the prompt's options, and any saved item that is
// not one of them (an option since renamed), so passing by keeps it.
func NewChecklist(p content.Prompt, a coach.Answer, st *theme.Styles, km keys.Field) *Checklist {
	f := &Checklist{options: p.Options, examples: p.Examples, ticked: map[string]bool{}, keys: km}
	for _, it := range a.Items {
		f.ticked[it] = true
		if !slices.Contains(f.options, it) {
			f.options = append(slices.Clone(f.options), it)
		}
	}
	if p.Other {
		in := NewInput(st, a.Text, "something else? type it here")
		f.other = &in
	}
	return f
}

// KeyBinds are the ticking keys.
func (f *Checklist) KeyBinds() []key.Binding { return []key.Binding{f.keys.Tick} }

// Cursor is the option the cursor is on, from 0; len(options) is the
// "other" line.
func (f *Checklist) Cursor() int { return f.cursor }

func (f *Checklist) onOther() bool { return f.other != nil && f.cursor == len(f.options) }

func (f *Checklist) Update(msg tea.Msg) tea.Cmd {
	last := len(f.options) - 1
	if f.other != nil {
		last++
	}
	if s := keys.Name(msg); s != "" {
		switch {
		case keys.Is(s, f.keys.RowUp):
			f.move(max(0, f.cursor-1))
			return nil
		case keys.Is(s, f.keys.RowDown):
			f.move(min(last, f.cursor+1))
			return nil
		case keys.Is(s, f.keys.Tick):
			if !f.onOther() {
				o := f.options[f.cursor]
				f.ticked[o] = !f.ticked[o]
				return nil
			}
		}
	}
	if f.onOther() {
		return UpdateInput(f.other, msg)
	}
	return nil
}

func (f *Checklist) move(to int) {
	f.cursor = to
	if f.other == nil {
		return
	}
	if f.onOther() {
		f.other.Focus()
	} else {
		f.other.Blur()
	}
}

func (f *Checklist) View(st *theme.Styles, focused bool) string {
	var b strings.Builder
	inline := f.exampleColumn()
	for i, o := range f.options {
		box := "[ ]"
		style := st.Option
		if f.ticked[o] {
			box, style = "[x]", st.Selected
		}
		pointer := "  "
		if focused && i == f.cursor {
			pointer = st.Cursor.Render("› ")
		}
		row := pointer + style.Render(box+" "+coach.OneLine(o)) // o may be a saved item, not an option
		if ex := f.examples[o]; ex != "" && inline > 0 {
			row += strings.Repeat(" ", inline-lipgloss.Width(row)) + st.Muted.Render("“"+ex+"”")
		}
		b.WriteString(row + "\n")
	}
	if f.other != nil {
		if f.styled.changed(st) {
			f.other.SetStyles(st.Input)
		}
		pointer := "  "
		if focused && f.onOther() {
			pointer = st.Cursor.Render("› ")
		}
		b.WriteString(pointer + st.Muted.Render("Other: ") + coach.Visible(f.other.View()))
	}
	if ex := f.examples[f.optionAt(f.cursor)]; ex != "" && inline == 0 && focused {
		// Too narrow to show each beside its option: the one under the
		// cursor, whole, below them.
		b.WriteString("\n" + st.Muted.Width(max(1, f.width)).Render("e.g. “"+ex+"”"))
	}
	return strings.TrimRight(b.String(), "\n")
}

// exampleColumn is where the examples start when every one fits beside its
// option, in a column; 0 when the options have none, or they do not fit.
func (f *Checklist) exampleColumn() int {
	if len(f.examples) == 0 {
		return 0
	}
	names, widest := 0, 0
	for _, o := range f.options {
		names = max(names, lipgloss.Width("› [ ] "+coach.OneLine(o)))
		widest = max(widest, lipgloss.Width("“"+f.examples[o]+"”"))
	}
	if col := names + 2; col+widest <= f.width {
		return col
	}
	return 0
}

// optionAt is the option on row i, or "" on the "other" line.
func (f *Checklist) optionAt(i int) string {
	if i < len(f.options) {
		return f.options[i]
	}
	return ""
}

// Answer lists the ticked options in the order they are offered.
func (f *Checklist) Answer() coach.Answer {
	var a coach.Answer
	for _, o := range f.options {
		if f.ticked[o] {
			a.Items = append(a.Items, o)
		}
	}
	if f.other != nil {
		a.Text = strings.TrimSpace(coach.Raw(f.other.Value()))
	}
	return a
}

func (f *Checklist) Focus() tea.Cmd {
	if f.onOther() {
		return f.other.Focus()
	}
	return nil
}

func (f *Checklist) Blur() {
	if f.other != nil {
		f.other.Blur()
	}
}

func (f *Checklist) SetSize(w, _ int) {
	f.width = w
	if f.other != nil {
		f.other.SetWidth(max(1, w-9))
	}
}
func (f *Checklist) Multiline() bool { return false }
func (f *Checklist) Typing() bool    { return f.onOther() }

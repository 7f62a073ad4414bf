package field

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
)

// choiceField picks one option: arrows move the choice, digits pick directly,
// backspace clears it. Nothing is chosen until the user chooses.
type Choice struct {
	options []string
	chosen  int // -1: none
	focused bool
	keys    keys.Field
	plain
}

// newChoiceField offers the prompt's options; a saved value that is not one
// of them (an option since renamed) is offered too, so passing by keeps it.
func NewChoice(p content.Prompt, value string, km keys.Field) *Choice {
	f := &Choice{options: p.Options, chosen: -1, keys: km}
	if value != "" && !slices.Contains(p.Options, value) {
		f.options = append(slices.Clone(p.Options), value)
	}
	f.chosen = slices.Index(f.options, value)
	return f
}

func (f *Choice) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	n, s := len(f.options), k.String()
	switch {
	case keys.Is(s, f.keys.ChoiceNext):
		f.chosen = (f.chosen + 1) % n
	case keys.Is(s, f.keys.ChoicePrev):
		if f.chosen <= 0 {
			f.chosen = n - 1
		} else {
			f.chosen--
		}
	case keys.Is(s, f.keys.Clear):
		f.chosen = -1
	case keys.Is(s, f.keys.Digits):
		if d, _ := strconv.Atoi(s); d >= 1 && d <= n {
			f.chosen = d - 1
		}
	}
	return nil
}

func (f *Choice) View(st *theme.Styles, focused bool) string {
	var b strings.Builder
	for i, o := range f.options {
		mark, style := "○", st.Option
		if i == f.chosen {
			mark, style = "●", st.Selected
		}
		if i > 0 {
			b.WriteString("  ")
		}
		label := fmt.Sprintf("%s %s", mark, coach.OneLine(o)) // o may be a saved value, not an option
		if focused && i == f.chosen {
			label = st.Cursor.Render(label)
		} else {
			label = style.Render(label)
		}
		b.WriteString(label)
	}
	return b.String()
}

// KeyBinds are the arrows that move the choice.
func (f *Choice) KeyBinds() []key.Binding { return []key.Binding{f.keys.ChoiceNext} }

// Chosen reports whether an option is chosen.
func (f *Choice) Chosen() bool { return f.chosen >= 0 }

// Choose chooses option i (from 0); out of range chooses none.
func (f *Choice) Choose(i int) {
	if i < 0 || i >= len(f.options) {
		i = -1
	}
	f.chosen = i
}

func (f *Choice) Answer() coach.Answer {
	if f.chosen < 0 {
		return coach.Answer{}
	}
	return coach.Answer{Text: f.options[f.chosen]}
}

func (f *Choice) Focus() tea.Cmd   { f.focused = true; return nil }
func (f *Choice) Blur()            { f.focused = false }
func (f *Choice) SetSize(_, _ int) {}
func (f *Choice) Multiline() bool  { return false }
func (f *Choice) Typing() bool     { return false }

package flow

import (
	"charm.land/bubbles/v2/key"

	"github.com/rebound-coach/rebound/content"
)

// ShortHelp and FullHelp make the flow screen a help.KeyMap: the footer shows
// the keys that work on the focused prompt.
func (f *Page) ShortHelp() []key.Binding {
	k := f.deps.Keys
	if f.interlude != NoInterlude {
		return f.interludeHelp()
	}
	if f.editing != "" {
		b := []key.Binding{k.Flow.Done}
		b = append(b, f.fieldKeys()...)
		b = append(b, k.Flow.EscDone, k.Flow.Quit)
		if t, ok := f.timerKey(); ok {
			b = append(b, t)
		}
		return b
	}
	// Short enough for 80 columns: enter, and pgup/pgdn (which the line under
	// the tip names when there is more), are in the full help.
	b := []key.Binding{k.Flow.NextBack}
	fk := f.fieldKeys()
	if len(fk) == 0 && !f.Field().Multiline() {
		b = append(b, k.Enter)
	}
	b = append(b, fk...)
	if !f.Field().Typing() {
		b = append(b, k.Flow.More)
	}
	b = append(b, k.Home, k.Flow.Quit)
	// Last, so that a narrow footer drops it before the way out: the line
	// under the field names it too.
	if t, ok := f.timerKey(); ok {
		b = append(b, t)
	}
	return b
}

func (f *Page) FullHelp() [][]key.Binding {
	k := f.deps.Keys
	if f.interlude != NoInterlude {
		return [][]key.Binding{f.interludeHelp()}
	}
	move := []key.Binding{k.Next, k.Prev}
	if !f.Field().Multiline() {
		move = append(move, k.Enter)
	}
	move = append(move, f.fieldKeys()...)
	if t, ok := f.timerKey(); ok {
		move = append(move, t)
	}
	if !f.isForm() {
		move = append(move, k.PageUp)
	}
	return [][]key.Binding{move, {k.Save, k.Home, k.Quit, k.Suspend, k.Help}}
}

// fieldKeys are the keys of the focused prompt's widget, and the copy key
// of the feedback draft.
func (f *Page) fieldKeys() []key.Binding {
	b := f.Field().KeyBinds()
	if f.walk.Prompt().Kind == content.Draft {
		b = append(b, f.deps.Keys.Copy)
	}
	return b
}

package ui

import (
	"charm.land/bubbles/v2/key"

	"github.com/rebound-coach/rebound/content"
)

// ShortHelp and FullHelp make the flow screen a help.KeyMap: the footer shows
// the keys that work on the focused prompt.
func (f *flowScreen) ShortHelp() []key.Binding {
	k := f.deps.keys
	if f.interlude != noInterlude {
		return f.interludeHelp()
	}
	if f.editing != "" {
		b := []key.Binding{withHelp(k.Next, "tab", "done")}
		b = append(b, f.fieldKeys()...)
		b = append(b, withHelp(k.Home, "esc", "done"), withHelp(k.Quit, "ctrl+c", "quit"))
		if t, ok := f.timerKey(); ok {
			b = append(b, t)
		}
		return b
	}
	// Short enough for 80 columns: enter, and pgup/pgdn (which the line under
	// the tip names when there is more), are in the full help.
	b := []key.Binding{withHelp(k.Next, "tab/shift+tab", "next/back")}
	fk := f.fieldKeys()
	if len(fk) == 0 && !f.field().Multiline() {
		b = append(b, k.Enter)
	}
	b = append(b, fk...)
	if !f.field().Typing() {
		b = append(b, withHelp(k.Help, "?", "more"))
	}
	b = append(b, k.Home, withHelp(k.Quit, "ctrl+c", "quit"))
	// Last, so that a narrow footer drops it before the way out: the line
	// under the field names it too.
	if t, ok := f.timerKey(); ok {
		b = append(b, t)
	}
	return b
}

func (f *flowScreen) FullHelp() [][]key.Binding {
	k := f.deps.keys
	if f.interlude != noInterlude {
		return [][]key.Binding{f.interludeHelp()}
	}
	move := []key.Binding{k.Next, k.Prev}
	if !f.field().Multiline() {
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
func (f *flowScreen) fieldKeys() []key.Binding {
	b := f.field().KeyBinds()
	if f.walk.Prompt().Kind == content.Draft {
		b = append(b, f.deps.keys.Copy)
	}
	return b
}

func withHelp(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}

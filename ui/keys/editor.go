package keys

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Editor is the keys of the long-answer box: the ones of bubbles' textarea,
// with the Emacs keys terminals users expect beside the arrows.
type Editor struct {
	Newline         key.Binding
	DeleteBack      key.Binding
	DeleteForward   key.Binding
	Left            key.Binding
	Right           key.Binding
	Up              key.Binding
	Down            key.Binding
	LineStart       key.Binding
	LineEnd         key.Binding
	WordLeft        key.Binding
	WordRight       key.Binding
	DeleteWordBack  key.Binding
	DeleteLineEnd   key.Binding
	DeleteLineStart key.Binding
}

// DefaultEditor returns the editor's keys.
func DefaultEditor() Editor {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], help))
	}
	return Editor{
		Newline:         b("new line", "enter"),
		DeleteBack:      b("delete back", "backspace", "ctrl+h"),
		DeleteForward:   b("delete", "delete", "ctrl+d"),
		Left:            b("left", "left", "ctrl+b"),
		Right:           b("right", "right", "ctrl+f"),
		Up:              b("up", "up", "ctrl+p"),
		Down:            b("down", "down", "ctrl+n"),
		LineStart:       b("line start", "home", "ctrl+a"),
		LineEnd:         b("line end", "end", "ctrl+e"),
		WordLeft:        b("word left", "alt+left", "ctrl+left", "alt+b"),
		WordRight:       b("word right", "alt+right", "ctrl+right", "alt+f"),
		DeleteWordBack:  b("delete word", "alt+backspace", "ctrl+w"),
		DeleteLineEnd:   b("delete to line end", "ctrl+k"),
		DeleteLineStart: b("delete to line start", "ctrl+u"),
	}
}

// Is reports whether the key named s (msg.String(), worked out once per
// key press) is one of b's. key.Matches names the key again for every
// binding it is asked about: on the typing path, once is enough.
func Is(s string, b key.Binding) bool {
	return b.Enabled() && slices.Contains(b.Keys(), s)
}

// Name is what Is takes: the key's name, or "" for what is not a key press.
func Name(msg tea.Msg) string {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		return k.String()
	}
	return ""
}

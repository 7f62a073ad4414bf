// Package keytest makes the key presses the tests of several packages send,
// by the names msg.String() gives them ("enter", "ctrl+s", "alt+left").
package keytest

import tea "charm.land/bubbletea/v2"

var named = map[string]tea.KeyPressMsg{
	"tab":           {Code: tea.KeyTab},
	"shift+tab":     {Code: tea.KeyTab, Mod: tea.ModShift},
	"enter":         {Code: tea.KeyEnter},
	"esc":           {Code: tea.KeyEscape},
	"space":         {Code: tea.KeySpace, Text: " "},
	"up":            {Code: tea.KeyUp},
	"down":          {Code: tea.KeyDown},
	"left":          {Code: tea.KeyLeft},
	"right":         {Code: tea.KeyRight},
	"backspace":     {Code: tea.KeyBackspace},
	"delete":        {Code: tea.KeyDelete},
	"home":          {Code: tea.KeyHome},
	"end":           {Code: tea.KeyEnd},
	"pgup":          {Code: tea.KeyPgUp},
	"pgdown":        {Code: tea.KeyPgDown},
	"alt+left":      {Code: tea.KeyLeft, Mod: tea.ModAlt},
	"alt+right":     {Code: tea.KeyRight, Mod: tea.ModAlt},
	"alt+backspace": {Code: tea.KeyBackspace, Mod: tea.ModAlt},
}

// Press is the key named k: a named key, ctrl+ a letter, or else the
// first character of k typed.
func Press(k string) tea.KeyPressMsg {
	if m, ok := named[k]; ok {
		return m
	}
	if len(k) == len("ctrl+x") && k[:5] == "ctrl+" {
		return tea.KeyPressMsg{Code: rune(k[5]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

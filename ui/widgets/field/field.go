package field

import (
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
)

// Field is the widget that asks one prompt. The flow screen owns the prompt's
// label and hint; a field draws only its input and reports its answer.
type Field interface {
	Update(msg tea.Msg) tea.Cmd
	View(st *theme.Styles, focused bool) string
	Answer() coach.Answer
	Focus() tea.Cmd
	Blur()
	// SetSize gives the width for the input and, for multi-line inputs, the
	// number of lines it may use.
	SetSize(width, lines int)
	// Multiline fields keep enter for a new line.
	Multiline() bool
	// Typing fields take printable keys as text, so "?" is not a shortcut.
	Typing() bool
	// Validate is why the answer cannot be stored as it stands (a date or
	// a percentage it cannot read), or nil; the page keeps the focus on it.
	Validate() error
	// Error is what the field shows under itself now, or nil.
	Error() error
	// KeyBinds are the keys the field answers to, for the footer.
	KeyBinds() []key.Binding
	// Next is enter: a field of several parts (the actions' rows) moves to
	// its next part and reports true; at its last, or with one part, false.
	Next() (tea.Cmd, bool)
}

// plain is what a field of one part with no keys of its own answers.
type plain struct{}

func (plain) Validate() error         { return nil }
func (plain) Error() error            { return nil }
func (plain) KeyBinds() []key.Binding { return nil }
func (plain) Next() (tea.Cmd, bool)   { return nil, false }

// New builds the widget for a prompt, holding the answer it starts with.
func New(p content.Prompt, a coach.Answer, s *coach.Session, st *theme.Styles, km keys.Field, now time.Time) Field {
	switch p.Kind {
	case content.Text:
		return NewText(p, a.Text, st)
	case content.Date:
		text := a.Text
		if text == "" {
			text = coach.DateDefault(p, s, now)
		}
		f := NewText(p, text, st)
		f.date, f.now = true, now
		f.pristine = a.Text == "" && text != "" // a default: typing replaces it
		return f
	case content.Textarea, content.List, content.Draft:
		text := a.Text
		if p.Kind == content.List {
			text = strings.Join(a.Items, "\n")
		}
		return NewArea(p, text, st)
	case content.Percent:
		f := NewText(p, a.Text, st)
		f.percent, f.keys = true, km
		f.in.CharLimit = 4 // "100%"
		return f
	case content.Choice:
		return NewChoice(p, a.Text, km)
	case content.Checklist:
		return NewChecklist(p, a, st, km)
	case content.Mood:
		return newMood(a, st, km)
	case content.Actions:
		return newActions(a.Actions, st, now, km)
	}
	panic("ui: no field for prompt kind " + string(p.Kind)) // content.Load rejects unknown kinds
}

// editable gives the widgets typed and pasted text in coach.Editable's form,
// so that control characters are kept (as stand-ins) instead of silently
// dropped, and text that looks like a stand-in stays text. A paste arrives
// in that form already (PasteGuard wrote it) and is read back with coach.Raw
// first; a paste from anywhere else comes through as given, unless it holds
// code points of the stand-ins' block (U+10FF00 and up), which only
// PasteGuard writes. A pasted line break is \r in most terminals, \r\n
// from some clipboards: both are a newline. (PasteGuard has done this
// already for a real terminal; this covers every other source of paste
// messages.)
func editable(msg tea.Msg) tea.Msg {
	switch m := msg.(type) {
	case tea.PasteMsg:
		m.Content = coach.Editable(lineBreaks.Replace(coach.Raw(m.Content)))
		return m
	case tea.KeyPressMsg:
		// A typed (or unbracketed-pasted) bidi override is a printable
		// key to the widgets, which would draw it raw.
		m.Text = coach.Editable(m.Text)
		return m
	}
	return msg
}

// updateInput gives msg to a one-line input through editable, and keeps each
// escape of coach.Editable (two code points, drawn ⍰⍰) whole, as the editor
// does: the cursor steps over it, and a deletion takes both halves. The
// input, bubbles' textinput, knows nothing of escapes; so a forward delete
// at one starts from inside it, and what a deletion leaves of one, a lone
// marker, is dropped.
func UpdateInput(in *textinput.Model, msg tea.Msg) tea.Cmd {
	msg, was := PrepareInput(in, msg)
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	KeepEscapesWhole(in, was)
	return cmd
}

// prepareInput is the first half of updateInput, for an input that is
// updated by its owner (the search of Past sessions, inside a list): it
// returns msg through editable and the cursor's position, for
// keepEscapesWhole after the update.
func PrepareInput(in *textinput.Model, msg tea.Msg) (tea.Msg, int) {
	msg = editable(msg)
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, in.KeyMap.DeleteCharacterForward) {
		if runes, at := []rune(in.Value()), in.Position(); at+1 < len(runes) && coach.IsEscape(runes[at], runes[at+1]) {
			in.SetCursor(at + 1)
		}
	}
	return msg, in.Position()
}

// keepEscapesWhole drops the lone markers of in and moves its cursor out of
// an escape, in the direction it was going from was.
func KeepEscapesWhole(in *textinput.Model, was int) {
	v := in.Value()
	if !strings.ContainsRune(v, coach.Marker) {
		return
	}
	runes, at := []rune(v), in.Position()
	if tidy := coach.Editable(coach.Raw(v)); tidy != v {
		at = utf8.RuneCountInString(coach.Editable(coach.Raw(string(runes[:at]))))
		in.SetValue(tidy)
		runes = []rune(tidy)
	}
	if at > 0 && at < len(runes) && coach.IsEscape(runes[at-1], runes[at]) {
		if at > was {
			at++
		} else {
			at--
		}
	}
	in.SetCursor(at)
}

var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// styledFor is the theme a field's inputs were last styled for. An input
// keeps a copy of its styles, so a field made before the terminal said what
// its background is (a session opened by `rebound new`) would keep the dark
// theme's colours on a light background; its View restyles it when the
// theme has changed. The zero value matches no theme: the first View styles.
type styledFor theme.Theme

// changed reports whether st is another theme than the last, and notes it.
func (t *styledFor) changed(st *theme.Styles) bool {
	now := styledFor(theme.Of(st.IsDark, st.NoColor))
	if *t == now {
		return false
	}
	*t = now
	return true
}

func NewInput(st *theme.Styles, value, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	// ctrl+v would read the clipboard by running xclip or wl-paste: a
	// program started behind the user's back (see the README's Privacy).
	// Terminals paste by themselves, as a bracketed paste.
	in.KeyMap.Paste.SetEnabled(false)
	in.Placeholder = placeholder
	in.SetStyles(st.Input) // a steady cursor, and colours that pass AA (see styles.go)
	in.SetValue(coach.Editable(value))
	in.CursorEnd()
	return in
}

// Package keys holds every key rebound answers to, as bindings the help
// footer is built from.
package keys

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// KeyMap is every key rebound answers to. The help footer is built from these
// same bindings, so what the footer says is what the keys do. End-to-end tests
// depend on them: change them only with the README and the tests.
type KeyMap struct {
	Next     key.Binding
	Prev     key.Binding
	Enter    key.Binding
	Up       key.Binding
	Down     key.Binding
	Toggle   key.Binding
	Save     key.Binding
	Home     key.Binding
	Quit     key.Binding
	QuitHome key.Binding
	Suspend  key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding // of a document: a session, the summary, insights
	Bottom   key.Binding
	Copy     key.Binding
	Help     key.Binding
	Search   key.Binding
	// Keys of an opened past session.
	Feedback key.Binding
	Actions  key.Binding
	Edit     key.Binding
	Resume   key.Binding
	Delete   key.Binding
	Letters  key.Binding
	Sent     key.Binding
	Yes      key.Binding
	No       key.Binding
	// Keys of practice.
	Own     key.Binding
	Tag     key.Binding
	TagBack key.Binding
	Timer   key.Binding
	Pause   key.Binding
	// Field is the keys of the fields that are not typed into.
	Field Field
	// The keys as each screen's footer names them (areas.go).
	Flow     Flow
	Menu     Menu
	History  History
	Document Document
	Session  Session
	Round    Round
	Practice Practice
}

// Field is the keys of choices, scores, checklists and the actions' rows.
// Keys come in pairs; the first of each carries the help, which names both.
// Digits pick a choice or a score by number, as printed beside it.
type Field struct {
	ChoiceNext, ChoicePrev key.Binding
	Clear                  key.Binding
	ScoreUp, ScoreDown     key.Binding
	RowUp, RowDown         key.Binding
	Tick                   key.Binding
	// Digits are the keys that pick a choice or a score by its number.
	Digits key.Binding
}

// Default returns the keys described in the README.
func Default() KeyMap {
	k := KeyMap{
		Next:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
		Prev:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Enter:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "move")),
		Down:     key.NewBinding(key.WithKeys("down")),
		Toggle:   key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "tick")),
		Save:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Home:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "home")),
		Quit:     key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "save & quit")),
		QuitHome: key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Suspend:  key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "save & suspend")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", "scroll tip")),
		PageDown: key.NewBinding(key.WithKeys("pgdown")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/end", "top/bottom")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G")),
		Copy:     key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "copy")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Search:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Feedback: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "feedback")),
		Actions:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "actions")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit an answer")),
		Resume:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "resume")),
		Delete:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		Letters:  key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "letters")),
		Sent:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "mark it sent")),
		Yes:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:       key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "no")),
		Own:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "own question")),
		Tag:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tag")),
		TagBack:  key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "tag back")),
		Timer:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "timer")),
		Pause:    key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "pause timer")),
		Field: Field{
			ChoiceNext: key.NewBinding(key.WithKeys("right", "down", "l", "j"), key.WithHelp("←/→", "choose")),
			ChoicePrev: key.NewBinding(key.WithKeys("left", "up", "h", "k")),
			Clear:      key.NewBinding(key.WithKeys("backspace", "delete"), key.WithHelp("backspace", "clear")),
			ScoreUp:    key.NewBinding(key.WithKeys("right", "up"), key.WithHelp("←/→ 1-9 0", "score")),
			ScoreDown:  key.NewBinding(key.WithKeys("left", "down")),
			RowUp:      key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "move")),
			RowDown:    key.NewBinding(key.WithKeys("down")),
			Tick:       key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("↑/↓ space", "tick")),
			Digits:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")),
		},
	}
	k.Flow, k.Menu, k.History, k.Document, k.Session, k.Round, k.Practice = k.areas()
	return k
}

// Scroll is viewport's Update with the keys its key map lacks: home and
// end (g and G) go to the top and the bottom of the document.
func Scroll(vp *viewport.Model, k KeyMap, msg tea.Msg) tea.Cmd {
	if m, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(m, k.Top):
			vp.GotoTop()
			return nil
		case key.Matches(m, k.Bottom):
			vp.GotoBottom()
			return nil
		}
	}
	var cmd tea.Cmd
	*vp, cmd = vp.Update(msg)
	return cmd
}

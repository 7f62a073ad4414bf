package keys

import (
	"strconv"

	"charm.land/bubbles/v2/key"
)

// The keys as each screen's footer names them. A screen matches on the
// app's bindings (KeyMap) and shows these, which hold the same keys with the
// words that fit there ("esc back" on a session, "esc queue" in a round):
// no screen writes help of its own. TestHelpNamesItsKeys checks that every
// key a help names is a key of its binding, here and in KeyMap, Field and
// Editor.

// Flow is the guided session's.
type Flow struct {
	NextBack key.Binding // between prompts
	Done     key.Binding // tab, while one answer is edited from its page
	EscDone  key.Binding
	More     key.Binding // the full help
	Quit     key.Binding
	// The notes and questions between prompts: the low-mood note, the
	// depth choice, the name that signs the letters.
	GoOn, Back, Choose, Start, Sign key.Binding
	// Depth picks the depth by its number, as printed beside it.
	Depth key.Binding
	// The countdown of a free-writing prompt, by what it would do.
	TimerStart, TimerStop, TimerCarryOn key.Binding
}

// Menu is the home menu's. Due names the digits that open what is due.
type Menu struct {
	Choose, Open key.Binding
}

// Due is the key that opens the nth thing due, from 1 to n (at most 9).
func Due(n int) key.Binding {
	n = min(n, 9)
	ks := make([]string, n)
	for i := range ks {
		ks[i] = strconv.Itoa(i + 1)
	}
	label := "1"
	if n > 1 {
		label += "-" + strconv.Itoa(n)
	}
	return key.NewBinding(key.WithKeys(ks...), key.WithHelp(label, "open what is due"))
}

// History is Past sessions'.
type History struct {
	Move, Open, Search, Home, ClearSearch key.Binding
	// While a search is typed.
	Apply, Cancel key.Binding
}

// Document is the keys of a page that scrolls: the summary and insights.
type Document struct {
	Scroll, Home key.Binding
	// The summary's.
	Deeper, Copy, Leave key.Binding
}

// Session is an opened session's page and its panels.
type Session struct {
	Scroll, Lines, Back, Copy, CopyMarkdown, Edit, Deeper, Nudge, More key.Binding
	// The feedback form.
	NextBack, Done, Quit key.Binding
	// The actions and the answers to edit.
	Move, Tick, EditPlan, EditAnswer key.Binding
	// Moving it to the trash.
	Delete, Keep key.Binding
	// The letters.
	Other key.Binding
}

// Round is a practice round's.
type Round struct {
	Next, Done, Tick, Rate, Queue, Quit, BackAStep, NextQuestion key.Binding
	// The countdown, by what the key would do.
	Pause, CarryOn key.Binding
}

// Practice is the practice queue's.
type Practice struct {
	Choose, Practise key.Binding
	// While a question of one's own is typed.
	PractiseIt, Cancel key.Binding
}

// keysOf is a binding with b's keys and its own help.
func keysOf(help, desc string, bs ...key.Binding) key.Binding {
	var ks []string
	for _, b := range bs {
		ks = append(ks, b.Keys()...)
	}
	return key.NewBinding(key.WithKeys(ks...), key.WithHelp(help, desc))
}

func (k KeyMap) areas() (Flow, Menu, History, Document, Session, Round, Practice) {
	quit := keysOf("ctrl+c", "quit", k.Quit)
	scroll := keysOf("↑/↓ pgup/pgdn", "scroll", k.Up, k.Down, pgKeys)
	move := keysOf("↑/↓", "move", k.Up, k.Down)
	nextBack := keysOf("tab/shift+tab", "next/back", k.Next, k.Prev)
	back := keysOf("shift+tab", "back", k.Prev)
	escBack := keysOf("esc", "back", k.Home)
	return Flow{
			NextBack:     nextBack,
			Done:         keysOf("tab", "done", k.Next),
			EscDone:      keysOf("esc", "done", k.Home),
			More:         keysOf("?", "more", k.Help),
			Quit:         quit,
			GoOn:         keysOf("enter", "go on", k.Enter),
			Back:         back,
			Choose:       keysOf("↑/↓", "choose", k.Up, k.Down),
			Depth:        key.NewBinding(key.WithKeys("1", "2")),
			Start:        keysOf("enter", "start", k.Enter),
			Sign:         keysOf("enter", "draft the letter", k.Enter),
			TimerStart:   keysOf(k.Pause.Help().Key, "countdown", k.Pause),
			TimerStop:    keysOf(k.Pause.Help().Key, "stop countdown", k.Pause),
			TimerCarryOn: keysOf(k.Pause.Help().Key, "carry on countdown", k.Pause),
		}, Menu{
			Choose: keysOf("↑/↓", "choose", k.Up, k.Down),
			Open:   keysOf("enter", "open", k.Enter),
		}, History{
			Move:        keysOf("↑/↓ ←/→", "move", k.Up, k.Down, arrowsAcross),
			Open:        keysOf("enter", "open", k.Enter),
			Search:      k.Search,
			Home:        k.Home,
			ClearSearch: keysOf("esc", "clear search", k.Home),
			Apply:       keysOf("enter", "apply", k.Enter),
			Cancel:      keysOf("esc", "cancel", k.Home),
		}, Document{
			Scroll: scroll,
			Home:   k.Home,
			Deeper: keysOf("r", "go deeper", k.Resume),
			Copy:   k.Copy,
			Leave:  keysOf("esc/enter", "home", k.Home, k.Enter),
		}, Session{
			Scroll:       scroll,
			Lines:        keysOf("↑/↓", "scroll", k.Up, k.Down),
			Back:         escBack,
			Copy:         k.Copy,
			CopyMarkdown: keysOf("ctrl+y", "copy as markdown", k.Copy),
			Edit:         keysOf("e", "edit", k.Edit),
			Deeper:       keysOf("r", "go deeper", k.Resume),
			Nudge:        keysOf("l", "nudge", k.Letters),
			More:         keysOf("?", "more", k.Help),
			NextBack:     nextBack,
			Done:         keysOf("esc", "done", k.Home),
			Quit:         quit,
			Move:         move,
			Tick:         keysOf("space", "done/not done", k.Toggle),
			EditPlan:     keysOf("e", "edit the plan", k.Edit),
			EditAnswer:   keysOf("enter", "edit", k.Enter),
			Delete:       keysOf("y", "delete", k.Yes),
			Keep:         keysOf("n/esc", "keep", k.No),
			Other:        keysOf("tab", "other", k.Next),
		}, Round{
			Next:         keysOf("tab", "next", k.Next),
			Done:         keysOf("tab", "done", k.Next),
			Tick:         keysOf("↑/↓ space", "tick", k.Field.RowUp, k.Field.RowDown, k.Toggle),
			Rate:         keysOf("←/→ 1-5", "rate", arrowsAcross, ratings),
			Queue:        keysOf("esc", "queue", k.Home),
			Quit:         quit,
			BackAStep:    keysOf("shift+tab", "back a step", k.Prev),
			NextQuestion: keysOf("enter", "next question", k.Enter),
			Pause:        k.Pause,
			CarryOn:      keysOf(k.Pause.Help().Key, "carry on timer", k.Pause),
		}, Practice{
			Choose:     keysOf("↑/↓", "choose", k.Up, k.Down),
			Practise:   keysOf("enter", "practise", k.Enter),
			PractiseIt: keysOf("enter", "practise it", k.Enter),
			Cancel:     keysOf("esc", "cancel", k.Home),
		}
}

// Keys that have no binding of their own in KeyMap: pages, the arrows
// across (a list's pages, a rating), the ratings 1 to 5.
var (
	pgKeys       = key.NewBinding(key.WithKeys("pgup", "pgdown"))
	arrowsAcross = key.NewBinding(key.WithKeys("left", "right"))
	ratings      = key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"))
)

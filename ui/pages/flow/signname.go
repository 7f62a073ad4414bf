package flow

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/field"
)

// The letters: the name that signs them, asked once on reaching the first
// draft and kept in settings.json; and the nudge and thank-you note that an
// opened session offers.

// asksName reports whether reaching the current prompt first asks whose
// name signs the letter: on the draft, not yet drafted, while no name has
// been asked for (a broken settings file is reported there once a run).
func (f *Page) asksName() bool {
	p := f.walk.Prompt()
	set := &f.deps.Settings
	return p.Kind == content.Draft && f.editing == "" && f.Session().Current(p.ID).IsZero() &&
		set.Name == "" && !set.NameAsked
}

// startSignName opens the question of the name, with an empty line.
func (f *Page) startSignName() tea.Cmd {
	f.interlude = SignName
	f.name = field.NewText(content.Prompt{Hint: "your name, or nothing"}, "", &f.deps.Styles)
	f.name.SetSize(max(1, min(f.width, theme.MaxTextWidth)-2), 1)
	return f.name.Focus()
}

// updateSignName takes the keys of the name question: enter keeps the name
// (nothing signs with none) and drafts the letter with it.
func (f *Page) updateSignName(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	keys := f.deps.Keys
	switch {
	case ok && key.Matches(k, keys.Enter, keys.Next):
		f.interlude = NoInterlude
		set := &f.deps.Settings
		set.Name, set.NameAsked = strings.TrimSpace(f.name.Answer().Text), true
		f.refresh() // the draft, signed
		cmds := []tea.Cmd{f.Field().Focus()}
		if f.deps.SettingsErr == nil {
			cmds = append(cmds, common.SaveSettings(f.deps.Store.Dir(), *set))
		}
		return tea.Batch(cmds...)
	case ok && key.Matches(k, keys.Prev):
		f.interlude = NoInterlude
		return f.back()
	case ok && key.Matches(k, keys.Home):
		f.interlude = NoInterlude
		f.GoTo(common.Exit{To: common.Home})
		return f.deps.Save(f.Session())
	case f.deps.SettingsErr != nil:
		return nil // nothing to type: the note says why
	}
	return f.name.Update(msg)
}

// signNameView asks for the name, or says why none can be kept.
func (f *Page) signNameView() string {
	st := &f.deps.Styles
	w := min(f.width, theme.MaxTextWidth)
	rows := []string{st.Label.Width(w).Render("Whose name goes under the letter?"), ""}
	if err := f.deps.SettingsErr; err != nil {
		rows = append(rows, st.Error.Width(w).Render(coach.Inert(err.Error())+"."), "",
			st.Intro.Width(w).Render("The letter is signed with no name: add yours as you edit it."))
		return strings.Join(rows, "\n")
	}
	rows = append(rows,
		st.Intro.Width(w).Render("Asked once: rebound keeps it in settings.json in your data folder, where you can change it, and signs every letter with it."),
		"", f.name.View(st, true))
	return strings.Join(rows, "\n")
}

// signNameHelp is the footer of the name question.
func (f *Page) signNameHelp() []key.Binding {
	k := f.deps.Keys
	return []key.Binding{k.Flow.Sign, k.Flow.Back,
		k.Home, k.Flow.Quit}
}

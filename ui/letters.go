package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/field"
)

// The letters: the name that signs them, asked once on reaching the first
// draft and kept in settings.json; and the nudge and thank-you note that an
// opened session offers.

// asksName reports whether reaching the current prompt first asks whose
// name signs the letter: on the draft, not yet drafted, while no name has
// been asked for (a broken settings file is reported there once a run).
func (f *FlowPage) asksName() bool {
	p := f.walk.Prompt()
	set := &f.deps.Settings
	return p.Kind == content.Draft && f.editing == "" && f.Session().Current(p.ID).IsZero() &&
		set.Name == "" && !set.NameAsked
}

// startSignName opens the question of the name, with an empty line.
func (f *FlowPage) startSignName() tea.Cmd {
	f.interlude = SignName
	f.name = field.NewText(content.Prompt{Hint: "your name, or nothing"}, "", &f.deps.Styles)
	f.name.SetSize(max(1, min(f.width, theme.MaxTextWidth)-2), 1)
	return f.name.Focus()
}

// updateSignName takes the keys of the name question: enter keeps the name
// (nothing signs with none) and drafts the letter with it.
func (f *FlowPage) updateSignName(msg tea.Msg) tea.Cmd {
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
func (f *FlowPage) signNameView() string {
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
func (f *FlowPage) signNameHelp() []key.Binding {
	k := f.deps.Keys
	return []key.Binding{common.WithHelp(k.Enter, "enter", "draft the letter"), common.WithHelp(k.Prev, "shift+tab", "back"),
		k.Home, common.WithHelp(k.Quit, "ctrl+c", "quit")}
}

// letter is one letter the session page offers.
type letter struct {
	name  string // "A nudge"
	about string // the line above it
	text  string
	nudge bool
}

// letters are what the session page offers: the one nudge while a follow-up
// is due, and the note that only thanks.
func (s *SessionPage) letters() []letter {
	name := s.deps.Settings.Name
	var out []letter
	if s.nudgeDue {
		out = append(out, letter{name: "A nudge", nudge: true, text: coach.DraftNudge(s.session, name),
			about: "No reply yet. One short nudge is enough; after it, let it go. Mark it sent, and rebound stops reminding you."})
	}
	return append(out, letter{name: "A thank-you note", text: coach.DraftThanks(s.session, name),
		about: "If you would rather not ask for anything, a note that only thanks them is fine too."})
}

// openLetters drafts the letters and shows the first.
func (s *SessionPage) openLetters() {
	s.panel, s.mail, s.cursor = common.PanelLetters, s.letters(), 0
	s.layoutLetter()
}

// layoutLetter puts the chosen letter in its viewport, under the names of
// the letters and the line about it, in the room the screen has.
func (s *SessionPage) layoutLetter() {
	if s.panel != common.PanelLetters {
		return
	}
	w := max(1, min(s.width, theme.MaxTextWidth))
	s.letterView.SetWidth(w)
	// A line is kept under the letter to say when more of it is below.
	s.letterView.SetHeight(max(1, s.height-lipgloss.Height(s.footer())-lipgloss.Height(s.letterHead())-1))
	s.letterView.SetContent(lipgloss.NewStyle().Width(w).PaddingLeft(2).Render(coach.Inert(s.mail[s.cursor].text)))
	s.letterView.GotoTop()
}

// lettersKey handles a key on the letters: tab goes to the next one, ctrl+y
// copies it, s marks the nudge sent, and ↑/↓ scroll a letter taller than
// the screen.
func (s *SessionPage) lettersKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.deps.Keys
	cur := s.mail[s.cursor]
	switch {
	case key.Matches(msg, k.Next, k.Prev):
		s.cursor = (s.cursor + 1) % len(s.mail)
		s.layoutLetter()
	case key.Matches(msg, k.Copy):
		s.status = "copied the letter"
		return tea.SetClipboard(cur.text)
	case cur.nudge && key.Matches(msg, k.Sent) && s.readOnly != "":
		s.status = "read-only here"
	case cur.nudge && key.Matches(msg, k.Sent):
		s.session.SetNudged(s.deps.Now().Format(coach.DateLayout), s.deps.Now())
		s.panel = common.PanelNone
		s.status = "nudge recorded"
		return s.save()
	case key.Matches(msg, k.Home):
		s.panel = common.PanelNone
	default:
		return keys.Scroll(&s.letterView, k, msg)
	}
	return nil
}

// letterHead names the letters, the chosen one picked out, and says what
// the chosen one is for.
func (s *SessionPage) letterHead() string {
	st := &s.deps.Styles
	var tabs []string
	for i, l := range s.mail {
		style := st.Option
		if i == s.cursor {
			style = st.Selected
		}
		tabs = append(tabs, style.Render(l.name))
	}
	return lipgloss.JoinVertical(lipgloss.Left, strings.Join(tabs, st.Muted.Render(" · ")), "",
		st.Intro.Width(max(1, min(s.width, theme.MaxTextWidth))).Render(s.mail[s.cursor].about), "")
}

func (s *SessionPage) lettersView() string {
	more := ""
	if !s.letterView.AtBottom() {
		more = s.deps.Styles.Muted.Render("  ↓ more of the letter below")
	}
	return s.letterHead() + "\n" + s.letterView.View() + "\n" + more
}

// lettersHelp is the footer of the letters.
func (s *SessionPage) lettersHelp() []key.Binding {
	k := s.deps.Keys
	b := []key.Binding{common.WithHelp(k.Copy, "ctrl+y", "copy")}
	if len(s.mail) > 1 {
		b = append(b, common.WithHelp(k.Next, "tab", "other"))
	}
	if s.mail[s.cursor].nudge && s.readOnly == "" {
		b = append(b, k.Sent)
	}
	return append(b, common.WithHelp(k.Home, "esc", "back"))
}

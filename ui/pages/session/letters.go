package session

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
)

// letter is one letter the session page offers.
type letter struct {
	name  string // "A nudge"
	about string // the line above it
	text  string
	nudge bool
}

// letters are what the session page offers: the one nudge while a follow-up
// is due, and the note that only thanks.
func (s *Page) letters() []letter {
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
func (s *Page) openLetters() {
	s.panel, s.mail, s.cursor = common.PanelLetters, s.letters(), 0
	s.layoutLetter()
}

// layoutLetter puts the chosen letter in its viewport, under the names of
// the letters and the line about it, in the room the screen has.
func (s *Page) layoutLetter() {
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
func (s *Page) lettersKey(msg tea.KeyPressMsg) tea.Cmd {
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
func (s *Page) letterHead() string {
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

func (s *Page) lettersView() string {
	more := ""
	if !s.letterView.AtBottom() {
		more = s.deps.Styles.Muted.Render("  ↓ more of the letter below")
	}
	return s.letterHead() + "\n" + s.letterView.View() + "\n" + more
}

// lettersHelp is the footer of the letters.
func (s *Page) lettersHelp() []key.Binding {
	k := s.deps.Keys
	b := []key.Binding{k.Session.Copy}
	if len(s.mail) > 1 {
		b = append(b, k.Session.Other)
	}
	if s.mail[s.cursor].nudge && s.readOnly == "" {
		b = append(b, k.Sent)
	}
	return append(b, k.Session.Back)
}

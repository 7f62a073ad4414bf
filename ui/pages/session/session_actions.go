package session

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
)

// actionsKey handles a key on the list of actions: space ticks, at once.
func (s *Page) actionsKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.deps.Keys
	n := len(s.session.Actions)
	switch {
	case key.Matches(msg, k.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(msg, k.Down):
		s.cursor = min(max(0, n-1), s.cursor+1)
	case key.Matches(msg, k.Toggle) && n > 0:
		i := s.cursor
		if s.session.SetDone(i, !s.session.Actions[i].Done, s.deps.Now()) {
			return s.save()
		}
	case key.Matches(msg, k.Edit):
		s.panel = common.PanelNone
		s.GoTo(common.Exit{To: common.Flow, Session: s.session, Prompt: coach.PromptActions})
	case key.Matches(msg, k.Home), key.Matches(msg, k.Enter):
		s.panel = common.PanelNone
	case key.Matches(msg, k.QuitHome):
		return tea.Quit
	}
	return nil
}

func (s *Page) actionsView() string {
	st := &s.deps.Styles
	if len(s.session.Actions) == 0 {
		return st.Muted.Render("This session has no actions yet. Press e to write some.")
	}
	rows := []string{st.Intro.Render("Tick off what you have done. It is saved at once."), ""}
	for i, a := range s.session.Actions {
		box, style := "[ ]", st.Option
		if a.Done {
			box, style = "[x]", st.Selected
		}
		pointer := "  "
		if i == s.cursor {
			pointer = st.Cursor.Render("› ")
		}
		when := ""
		switch {
		case a.Done && a.DoneOn != "":
			when = " done " + a.DoneOn
		case a.Due != "":
			when = " by " + a.Due
		}
		line := pointer + style.Render(box+" "+coach.Inert(a.Text)) + st.Muted.Render(coach.Inert(when))
		rows = append(rows, lipgloss.NewStyle().MaxWidth(max(1, s.width)).Render(line))
	}
	return strings.Join(rows, "\n")
}

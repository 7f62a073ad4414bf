package session

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
)

// Editable lists the prompts whose answers can be edited, in flow order.
func (s *Page) Editable() []content.Prompt {
	var out []content.Prompt
	for _, sec := range s.deps.Flow.Sections {
		out = append(out, sec.Prompts...)
	}
	return out
}

func (s *Page) editKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.deps.Keys
	prompts := s.Editable()
	switch {
	case key.Matches(msg, k.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(msg, k.Down):
		s.cursor = min(len(prompts)-1, s.cursor+1)
	case key.Matches(msg, k.Enter):
		s.panel = common.PanelNone
		s.GoTo(common.Exit{To: common.Flow, Session: s.session, Prompt: prompts[s.cursor].ID})
	case key.Matches(msg, k.Home):
		s.panel = common.PanelNone
	case key.Matches(msg, k.QuitHome):
		return tea.Quit
	}
	return nil
}

func (s *Page) deleteKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.deps.Keys.Yes):
		s.panel = common.PanelNone
		store, id := s.deps.Store, s.id
		return func() tea.Msg { return sessionDeletedMsg{id: id, err: store.Delete(id)} }
	case key.Matches(msg, s.deps.Keys.No), key.Matches(msg, s.deps.Keys.QuitHome):
		s.panel = common.PanelNone
	}
	return nil // anything else: the question stays until answered
}

func (s *Page) editView() string {
	st := &s.deps.Styles
	// Every prompt under its section's title; the window follows the cursor.
	var rows []string
	at, n := 0, 0
	for _, sec := range s.deps.Flow.Sections {
		rows = append(rows, st.Muted.Render(sec.Title))
		for _, p := range sec.Prompts {
			pointer, label := "  ", st.Option
			if n == s.cursor {
				pointer, label, at = st.Cursor.Render("› "), st.Label, len(rows)
			}
			line := pointer + label.Render(p.Label) + st.Muted.Render("  "+preview(s.session.Get(p.ID)))
			rows = append(rows, lipgloss.NewStyle().MaxWidth(max(1, s.width)).Render(line))
			n++
		}
	}
	room := max(1, s.height-lipgloss.Height(s.footer())-2)
	top := common.Clamp(at-room/2, 0, max(0, len(rows)-room))
	head := st.Intro.Render("Which answer do you want to change?")
	return head + "\n\n" + strings.Join(rows[top:min(len(rows), top+room)], "\n")
}

// preview is an answer in one short line.
func preview(a coach.Answer) string {
	var t string
	switch {
	case a.Score > 0:
		t = fmt.Sprintf("%d/10 %s", a.Score, a.Text)
	case len(a.Actions) > 0:
		t = coach.Plural(len(a.Actions), "action")
	case len(a.Items) > 0:
		t = strings.Join(a.Items, "; ")
		if a.Text != "" {
			t += "; " + a.Text
		}
	default:
		t = a.Text
	}
	t = strings.Join(strings.Fields(t), " ")
	if t == "" {
		return "–"
	}
	return coach.Inert(t)
}

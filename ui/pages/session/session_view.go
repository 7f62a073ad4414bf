package session

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/theme"
)

func (s *Page) layout() {
	s.doc.SetWidth(s.width)
	s.doc.SetHeight(max(0, s.height-lipgloss.Height(s.footer())))
	w := min(s.width, theme.MaxTextWidth)
	for i, f := range s.form {
		lines := 1
		if i == 1 && s.session != nil {
			// What the form needs besides the text box: the plan, three
			// labels with a blank line after each field, the choice, the
			// date and a line for its error.
			rest := lipgloss.Height(s.planView()) + 1 + 3*2 + 3 + lipgloss.Height(s.footer())
			lines = common.Clamp(s.height-rest, 1, 8)
		}
		f.SetSize(max(1, w-2), lines)
	}
	s.layoutLetter()
}

// footer is the line under the document: where the file is, or the question
// of the delete panel.
func (s *Page) footer() string {
	st := &s.deps.Styles
	w := max(1, s.width)
	if s.panel == common.PanelDelete {
		return st.Error.Width(w).Render("Delete this session? It moves to the trash, and `rebound restore " +
			s.shortID() + "` brings it back. y delete · n keep")
	}
	if s.readOnly != "" {
		return st.Error.Width(w).Render(s.readOnly)
	}
	id := s.shortID() + " · "
	return st.Muted.Render(id + cutLeft(coach.Inert(s.deps.Store.Path(s.id)), max(1, w-lipgloss.Width(id))))
}

// cutLeft keeps the end of a line that is too wide, where a path's file
// name is.
func cutLeft(line string, w int) string {
	if lipgloss.Width(line) <= w {
		return line
	}
	return "…" + ansi.TruncateLeft(line, lipgloss.Width(line)-w+1, "")
}

func (s *Page) View() string {
	st := &s.deps.Styles
	switch {
	case s.loadErr != nil:
		return st.Error.Width(max(1, s.width)).Render("Can't open this session (" + coach.Inert(common.Reason(s.loadErr)) + "). The file is left as it is.")
	case s.session == nil:
		return st.Muted.Render("Opening…")
	}
	var body string
	switch s.panel {
	case common.PanelFeedback:
		body = s.feedbackView()
	case common.PanelActions:
		body = s.actionsView()
	case common.PanelEdit:
		body = s.editView()
	case common.PanelLetters:
		body = s.lettersView()
	default:
		body = s.doc.View()
	}
	room := max(0, s.height-lipgloss.Height(s.footer()))
	lines := strings.Split(body, "\n")
	if len(lines) > room {
		lines = lines[:room]
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n") + "\n" + s.footer()
}

// planView is the line above the feedback form: what the user planned.
func (s *Page) planView() string {
	f := s.session.Feedback
	plan := "You did not plan to send a feedback request."
	switch {
	case f.Send == "yes" || f.Send == "maybe later":
		plan = "You planned to send it"
		if f.SendOn != "" {
			plan += " on " + f.SendOn
		}
		if f.FollowUpOn != "" {
			plan += ", and to follow up by " + f.FollowUpOn
		}
		plan += "."
	case f.Send == "":
		plan = "No plan for a feedback request was recorded."
	}
	return s.deps.Styles.Intro.Width(max(1, min(s.width, theme.MaxTextWidth))).Render(coach.Inert(plan))
}

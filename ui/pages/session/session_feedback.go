package session

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/widgets/field"
)

// Outcome choices in the feedback form, in order; the first is no outcome.
var outcomeChoices = []string{"not yet", coach.Sent.Label(), coach.Replied.Label(), coach.NoReply.Label()}

// openFeedback fills the feedback form from the session.
func (s *Page) openFeedback() {
	f, st, now := s.session.Feedback, &s.deps.Styles, s.deps.Now()
	outcome := outcomeChoices[0]
	if f.Outcome != "" {
		outcome = f.Outcome.Label()
	}
	s.form = []field.Field{
		field.NewChoice(content.Prompt{Options: outcomeChoices}, outcome, s.deps.Keys.Field),
		field.NewArea(content.Prompt{Kind: content.Textarea}, f.Received, st),
		field.New(content.Prompt{Kind: content.Date, Hint: "YYYY-MM-DD, today, -3d", Default: "+0d"},
			coach.Answer{Text: f.ReceivedOn}, s.session, st, s.deps.Keys.Field, now),
	}
	s.panel, s.formAt = common.PanelFeedback, 0
	s.formOutcome = s.form[0].Answer()
	s.form[0].Focus()
	s.layout()
}

// feedbackKey handles a key in the feedback form. Leaving it by any key
// keeps what was typed: esc is "done", not "discard".
func (s *Page) feedbackKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.deps.Keys
	fl := s.form[s.formAt]
	switch {
	case key.Matches(msg, k.Next), key.Matches(msg, k.Enter) && !fl.Multiline():
		if s.formAt == len(s.form)-1 {
			return s.closeFeedback()
		}
		return s.focusForm(s.formAt + 1)
	case key.Matches(msg, k.Prev):
		return s.focusForm(max(0, s.formAt-1))
	case key.Matches(msg, k.Home), key.Matches(msg, k.Save):
		return s.closeFeedback()
	}
	return fl.Update(msg)
}

func (s *Page) focusForm(i int) tea.Cmd {
	s.form[s.formAt].Blur()
	s.formAt = i
	return s.form[i].Focus()
}

// closeFeedback stores the form and goes back to the document, unless the
// date cannot be read: then the error under it says what to write.
func (s *Page) closeFeedback() tea.Cmd {
	if s.form[2].Validate() != nil {
		return s.focusForm(2)
	}
	s.panel = common.PanelNone
	if s.applyFeedback() {
		s.status = "feedback recorded"
		return s.save()
	}
	return nil
}

// applyFeedback stores the form in the session; it reports a change.
func (s *Page) applyFeedback() bool {
	now := s.deps.Now()
	// Feedback received marks the request replied (SetReceived), unless the
	// user chose an outcome in this very form: "no reply" with a note typed
	// in the box stays "no reply".
	changed := s.session.SetReceived(s.form[1].Answer().Text, s.form[2].Answer().Text, now)
	if !s.form[0].Answer().Equal(s.formOutcome) {
		var outcome coach.Outcome
		for _, o := range coach.Outcomes {
			if o.Label() == s.form[0].Answer().Text {
				outcome = o
			}
		}
		changed = s.session.SetOutcome(outcome, now) || changed
	}
	return changed
}

func (s *Page) feedbackView() string {
	st := &s.deps.Styles
	labels := []string{"What became of it?", "The feedback you received", "When it came"}
	rows := []string{s.planView(), ""}
	for i, fl := range s.form {
		marker, label := "  ", st.LabelDim
		if i == s.formAt {
			marker, label = st.Cursor.Render("› "), st.Label
		}
		rows = append(rows, marker+label.Render(labels[i]))
		rows = append(rows, lipgloss.NewStyle().PaddingLeft(2).Render(fl.View(st, i == s.formAt)), "")
	}
	return strings.Join(rows, "\n")
}

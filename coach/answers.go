package coach

import (
	"slices"
	"strings"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// A few prompts fill typed fields of the session rather than the generic
// Answers map, because other features read them by name: the intake drafts the
// feedback request, the moods are compared, the actions become follow-ups.
// These are their stable prompt IDs.
const (
	PromptCompany     = "intake.company"
	PromptRole        = "intake.role"
	PromptInterviewer = "intake.interviewer"
	PromptStage       = "intake.stage"
	PromptRejectedOn  = "intake.rejected_on"
	PromptChannel     = "intake.channel"
	PromptMessage     = "intake.message"
	PromptMoodBefore  = "mood.before"
	PromptMoodAfter   = "mood.after"
	PromptDraft       = "feedback.draft"
	PromptSend        = "feedback.send"
	PromptSendOn      = "feedback.send_on"
	PromptFollowUpOn  = "feedback.follow_up_on"
	PromptClosureOn   = "feedback.closure_on"
	PromptActions     = "restart.actions"
	PromptQuestions   = "reflect.questions"
	PromptBalanced    = "not_personal.balanced"
)

// Prompts whose answers live in Answers but that the coach reads by name.
const (
	// PromptTopic is the topic a final-round request names.
	PromptTopic = "feedback.topic"
	// PromptBeliefBefore and PromptBeliefAfter are how strongly the thought
	// that hurts is believed, 0 to 100, before and after the balanced one.
	PromptBeliefBefore = "not_personal.belief_before"
	PromptBeliefAfter  = "not_personal.belief_after"
	// PromptEvidenceAgainst is the thought record's evidence against the
	// thought that hurts, where the stage reached is offered.
	PromptEvidenceAgainst = "not_personal.evidence_against"
	// PromptPlan is the if-then plan for the next rejection.
	PromptPlan = "restart.if_then"
	// PromptAboutThem was asked until the explanations carried marks; old
	// sessions keep its typed answer, which the summary still shows.
	PromptAboutThem = "not_personal.about_them"
)

// textField returns the session field behind a single-text prompt, or nil
// when the prompt's answer lives in Answers.
func (s *Session) textField(id string) *string {
	switch id {
	case PromptCompany:
		return &s.Intake.Company
	case PromptRole:
		return &s.Intake.Role
	case PromptInterviewer:
		return &s.Intake.Interviewer
	case PromptStage:
		return &s.Intake.Stage
	case PromptRejectedOn:
		return &s.Intake.RejectedOn
	case PromptChannel:
		return &s.Intake.Channel
	case PromptMessage:
		return &s.Intake.Message
	case PromptDraft:
		return &s.Feedback.Draft
	case PromptSend:
		return &s.Feedback.Send
	case PromptSendOn:
		return &s.Feedback.SendOn
	case PromptFollowUpOn:
		return &s.Feedback.FollowUpOn
	case PromptClosureOn:
		return &s.Feedback.ClosureOn
	}
	return nil
}

func (s *Session) moodField(id string) **Mood {
	switch id {
	case PromptMoodBefore:
		return &s.MoodBefore
	case PromptMoodAfter:
		return &s.MoodAfter
	}
	return nil
}

// Get returns the saved answer to a prompt, wherever in the session it lives.
func (s *Session) Get(id string) Answer {
	if f := s.textField(id); f != nil {
		return Answer{Text: *f}
	}
	if m := s.moodField(id); m != nil {
		if *m == nil {
			return Answer{}
		}
		return Answer{Score: (*m).Score, Text: (*m).Word}
	}
	if id == PromptActions {
		return Answer{Actions: slices.Clone(s.Actions)}
	}
	return s.Answers[id].clone()
}

// Set stores the answer to a prompt and clears its draft. It reports whether
// anything changed, so callers save only when there is something new.
func (s *Session) Set(id string, a Answer, now time.Time) bool {
	a = tidy(a)
	_, hadDraft := s.Drafts[id]
	delete(s.Drafts, id)
	if s.Get(id).Equal(a) {
		if hadDraft {
			s.touch(now)
		}
		return hadDraft
	}
	switch {
	case s.textField(id) != nil:
		*s.textField(id) = a.Text
	case s.moodField(id) != nil:
		m := s.moodField(id)
		if a.Score == 0 && a.Text == "" {
			*m = nil
		} else {
			mood := &Mood{Score: a.Score, Word: a.Text}
			if *m != nil {
				mood.extra = (*m).extra
			}
			*m = mood
		}
	case id == PromptActions:
		s.Actions = a.Actions
	case a.IsZero():
		delete(s.Answers, id)
	default:
		if s.Answers == nil {
			s.Answers = map[string]Answer{}
		}
		if a.extra == (unknownFields{}) {
			a.extra = s.Answers[id].extra // what a newer rebound noted of this answer
		}
		s.Answers[id] = a
	}
	s.touch(now)
	return true
}

// SetDraft keeps what has been typed into a prompt that is not finished, so
// that quitting in the middle of an answer loses nothing. A draft equal to the
// saved answer is dropped. It reports whether anything changed.
func (s *Session) SetDraft(id string, a Answer, now time.Time) bool {
	old, had := s.Drafts[id]
	if s.Get(id).Equal(a) {
		if !had {
			return false
		}
		delete(s.Drafts, id)
	} else {
		if had && old.Equal(a) {
			return false
		}
		if s.Drafts == nil {
			s.Drafts = map[string]Answer{}
		}
		d := a.clone()
		if d.extra == (unknownFields{}) {
			d.extra = old.extra
		}
		s.Drafts[id] = d
	}
	s.touch(now)
	return true
}

// Current returns what a prompt should show when opened: its draft if there
// is one, else its saved answer.
func (s *Session) Current(id string) Answer {
	if d, ok := s.Drafts[id]; ok {
		return d.clone()
	}
	return s.Get(id)
}

// tidy drops empty list items and empty actions so that the saved file holds
// what the user meant, not the blank lines around it.
func tidy(a Answer) Answer {
	a = a.clone()
	a.Items = slices.DeleteFunc(a.Items, func(s string) bool { return strings.TrimSpace(s) == "" })
	// A due date with nothing to do is not an action.
	a.Actions = slices.DeleteFunc(a.Actions, func(x Action) bool { return strings.TrimSpace(x.Text) == "" })
	if len(a.Items) == 0 {
		a.Items = nil
	}
	if len(a.Actions) == 0 {
		a.Actions = nil
	}
	return a
}

// Applies reports whether a prompt's condition (content.Prompt.When) holds
// for the answers saved so far.
func (s *Session) Applies(p content.Prompt) bool {
	return p.Applies(func(id string) string { return s.Get(id).Text })
}

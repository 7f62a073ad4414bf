package coach

import (
	"strings"
	"time"
)

// What a user records when they come back to a session: what became of the
// feedback request, the feedback itself, and the actions they have done.
// Each reports whether anything changed, so callers save only then.

// SetOutcome records what became of the feedback request, dated today.
func (s *Session) SetOutcome(o Outcome, now time.Time) bool {
	if s.Feedback.Outcome == o {
		return false
	}
	s.Feedback.Outcome = o
	s.Feedback.OutcomeOn = ""
	if o != "" {
		s.Feedback.OutcomeOn = now.Format(time.DateOnly)
	}
	s.touch(now)
	return true
}

// SetReceived records the feedback received and the day it came. Feedback
// received means the request was answered, so the outcome becomes replied.
func (s *Session) SetReceived(text, on string, now time.Time) bool {
	text = strings.TrimRight(text, " \t\r\n")
	on = strings.TrimSpace(on)
	if text == "" {
		on = ""
	}
	changed := false
	if s.Feedback.Received != text || s.Feedback.ReceivedOn != on {
		s.Feedback.Received, s.Feedback.ReceivedOn = text, on
		s.touch(now)
		changed = true
	}
	if text != "" && s.Feedback.Outcome != Replied {
		s.SetOutcome(Replied, now)
		changed = true
	}
	return changed
}

// SetNudged records that the one follow-up to the request was sent, on
// day on (YYYY-MM-DD; "" takes it back). Home offers the nudge only until
// then: one nudge is enough.
func (s *Session) SetNudged(on string, now time.Time) bool {
	on = strings.TrimSpace(on)
	if s.Feedback.NudgedOn == on {
		return false
	}
	s.Feedback.NudgedOn = on
	s.touch(now)
	return true
}

// SetDone marks action i done (dated today) or open again. It reports false
// for an index out of range or no change.
func (s *Session) SetDone(i int, done bool, now time.Time) bool {
	if i < 0 || i >= len(s.Actions) || s.Actions[i].Done == done {
		return false
	}
	a := &s.Actions[i]
	a.Done, a.DoneOn = done, ""
	if done {
		a.DoneOn = now.Format(time.DateOnly)
	}
	s.touch(now)
	return true
}

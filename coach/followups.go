package coach

import (
	"slices"
	"strings"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// FollowUpKind says what a follow-up is about.
type FollowUpKind string

const (
	// FollowUpFeedback: a feedback request past its follow-up date with no
	// reply recorded.
	FollowUpFeedback FollowUpKind = "feedback"
	// FollowUpAction: an action past its due date, not done.
	FollowUpAction FollowUpKind = "action"
	// FollowUpClosure: after silence, the day the user chose to take the
	// silence as a no has come, and no reply is recorded.
	FollowUpClosure FollowUpKind = "closure"
)

// FollowUp is one thing a past session asks the user to do now.
type FollowUp struct {
	Kind      FollowUpKind `json:"kind"`
	SessionID string       `json:"session_id"`
	// Title is the session's title: "Designer at Northwind".
	Title string `json:"title"`
	// Text is the action, or for feedback "Follow up on your feedback
	// request", or for closure "Take the silence as a no".
	Text string `json:"text"`
	// Due is the follow-up or due date, YYYY-MM-DD, and Late how many days
	// ago it was (0: today).
	Due  string `json:"due"`
	Late int    `json:"days_late"`
	// Action is the index of the action in the session, for FollowUpAction;
	// -1 for the others.
	Action int `json:"action"`
}

// The Text of a feedback follow-up and of a closure.
const (
	feedbackFollowUpText = "Follow up on your feedback request"
	closureText          = "Take the silence as a no"
)

// FollowUps lists what is due on or before today, most overdue first, then
// by session title and, within a session, the feedback request before the
// actions in their order. A feedback request is followed up once: until the
// nudge is recorded (NudgedOn), and only if it is to be sent ("yes", or
// "maybe later" once a send date is set; never "no"). A closure is due from
// its date after silence, until a reply or no reply is recorded. today's date is taken in its own location: pass
// time.Now() for the user's. A date that does not parse is no date, so it is
// never due. A feedback follow-up has Action -1, since 0 is an action.
func FollowUps(sums []Summary, today time.Time) []FollowUp {
	day, _ := time.Parse(DateLayout, today.Format(DateLayout))
	// late is how many days ago a date was, if it is a date on or before today.
	late := func(date string) (int, bool) {
		d, err := time.Parse(DateLayout, date)
		if err != nil || d.After(day) {
			return 0, false
		}
		// Both are midnight UTC, where every day is 86400 seconds long.
		return int((day.Unix() - d.Unix()) / 86400), true
	}

	out := []FollowUp{} // [] in JSON when nothing is due
	for i := range sums {
		m := &sums[i]
		var title string // Title allocates: only for sessions with something due
		f := m.Feedback
		open := (f.Outcome == "" || f.Outcome == Sent) && strings.TrimSpace(f.Received) == ""
		if open && toSend(f) && f.NudgedOn == "" {
			due := followUpOn(m)
			if n, ok := late(due); ok {
				title = m.Title()
				out = append(out, FollowUp{Kind: FollowUpFeedback, SessionID: m.ID, Title: title,
					Text: feedbackFollowUpText, Due: due, Late: n, Action: -1})
			}
		}
		if open && m.Channel == "silence" {
			if n, ok := late(f.ClosureOn); ok {
				if title == "" {
					title = m.Title()
				}
				out = append(out, FollowUp{Kind: FollowUpClosure, SessionID: m.ID, Title: title,
					Text: closureText, Due: f.ClosureOn, Late: n, Action: -1})
			}
		}
		for j, a := range m.Actions {
			if a.Done {
				continue
			}
			if n, ok := late(a.Due); ok {
				if title == "" {
					title = m.Title()
				}
				out = append(out, FollowUp{Kind: FollowUpAction, SessionID: m.ID, Title: title,
					Text: a.Text, Due: a.Due, Late: n, Action: j})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b FollowUp) int {
		if a.Late != b.Late {
			return b.Late - a.Late
		}
		if c := strings.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		// Two sessions may share a title: keep each one's together.
		if c := strings.Compare(a.SessionID, b.SessionID); c != 0 {
			return c
		}
		return a.Action - b.Action
	})
	return out
}

// NudgeDue reports whether s's feedback request is due its one nudge today,
// as FollowUps would list it.
func NudgeDue(s *Session, today time.Time) bool {
	for _, f := range FollowUps([]Summary{Summarize(s)}, today) {
		if f.Kind == FollowUpFeedback {
			return true
		}
	}
	return false
}

// shortFollowUp is how long after the send date a ten-minute session's
// request is followed up: the ten minutes do not ask, so the date the whole
// session offers (flow.json's "+7d" from the send date) is taken.
const shortFollowUp = 7

// followUpOn is the day to follow up a request: the one chosen, or for a
// session walked at ten minutes, which never asked, a week after the send
// date. A whole session left without one chose none.
func followUpOn(m *Summary) string {
	f := m.Feedback
	if f.FollowUpOn != "" || (m.Depth != content.TenMinutes && m.Depth != content.Rest) {
		return f.FollowUpOn
	}
	sent, err := time.Parse(DateLayout, f.SendOn)
	if err != nil {
		return ""
	}
	return sent.AddDate(0, 0, shortFollowUp).Format(DateLayout)
}

// toSend reports whether the request is one the user means to send: "yes"
// (or no answer, as sessions saved before the question), or "maybe later"
// once a send date is set. "no" skips the dates altogether.
func toSend(f FeedbackRequest) bool {
	switch f.Send {
	case "no":
		return false
	case "maybe later":
		return f.SendOn != ""
	}
	return true
}

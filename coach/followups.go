package coach

import "time"

// FollowUpKind says what a follow-up is about.
type FollowUpKind string

const (
	// FollowUpFeedback: a feedback request past its follow-up date with no
	// reply recorded.
	FollowUpFeedback FollowUpKind = "feedback"
	// FollowUpAction: an action past its due date, not done.
	FollowUpAction FollowUpKind = "action"
)

// FollowUp is one thing a past session asks the user to do now.
type FollowUp struct {
	Kind      FollowUpKind `json:"kind"`
	SessionID string       `json:"session_id"`
	// Title is the session's title: "Designer at Northwind".
	Title string `json:"title"`
	// Text is the action, or for feedback "Follow up on your feedback request".
	Text string `json:"text"`
	// Due is the follow-up or due date, YYYY-MM-DD, and Late how many days
	// ago it was (0: today).
	Due  string `json:"due"`
	Late int    `json:"days_late"`
	// Action is the index of the action in the session, for FollowUpAction.
	Action int `json:"action"`
}

// FollowUps lists what is due on or before today, most overdue first.
func FollowUps(sums []Summary, today time.Time) []FollowUp {
	return nil // TODO(helper)
}

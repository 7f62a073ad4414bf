// Package coach is rebound's domain: a session and its answers, the walk
// through the guided flow, the feedback-request draft, the summary, and the
// store that keeps sessions as JSON files. It has no terminal code, so it is
// tested with plain table tests and used by the TUI and the command line alike.
package coach

import (
	"crypto/rand"
	"encoding/hex"
	"maps"
	"slices"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// SchemaVersion is the version of the session file format this build writes.
// A file with a higher version was written by a newer rebound and is left alone.
const SchemaVersion = 1

// Status says whether a session can still be resumed.
type Status string

const (
	InProgress Status = "in_progress"
	Complete   Status = "complete"
)

// Session is one guided session after one rejection. It is what is saved to
// sessions/<id>.json, field for field.
type Session struct {
	SchemaVersion int       `json:"schema_version"`
	ID            string    `json:"id"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
	Status        Status    `json:"status"`
	// Position is the ID of the prompt to resume at.
	Position string `json:"position"`
	// Depth is how much of the flow the session walks: "" (the whole
	// session, as every session saved before depths), "ten_minutes" or
	// "rest" (see content.Depth).
	Depth      content.Depth     `json:"depth,omitempty"`
	Intake     Intake            `json:"intake"`
	MoodBefore *Mood             `json:"mood_before,omitempty"`
	MoodAfter  *Mood             `json:"mood_after,omitempty"`
	Feedback   FeedbackRequest   `json:"feedback_request"`
	Actions    []Action          `json:"actions"`
	Answers    map[string]Answer `json:"answers"`
	// Drafts holds what was typed into a prompt that was not finished yet.
	Drafts map[string]Answer `json:"drafts,omitempty"`
	// DraftEdits is how the file keeps a long draft: as an edit of its
	// answer (draftedit.go). It is set only as a file is written or read;
	// in memory it is always nil, and Drafts holds every draft whole.
	DraftEdits map[string]DraftEdit `json:"draft_edits,omitempty"`

	// rev counts changes in memory; the store uses it to drop a save of an
	// older snapshot that finishes after a newer one.
	rev uint64
	// lease lets the store save it: see lease.go. Clone keeps it.
	lease uint64
	// read is set on a session read from its file: Claim refuses it.
	read bool
	// extra is what the file held that this build does not know (see
	// unknown.go); each object type below keeps its own.
	extra unknownFields
}

// Intake is what the user tells about the rejection before the steps begin.
type Intake struct {
	Company     string `json:"company"`
	Role        string `json:"role"`
	Interviewer string `json:"interviewer"`
	Stage       string `json:"stage"`
	RejectedOn  string `json:"rejected_on"`
	Channel     string `json:"channel"`
	Message     string `json:"message"`

	extra unknownFields
}

// Mood is a check-in: a score from 1 (very low) to 10 (fine) and a word.
type Mood struct {
	Score int    `json:"score"`
	Word  string `json:"word,omitempty"`

	extra unknownFields
}

// FeedbackRequest is the message asking the employer for feedback, and the
// user's plan for sending it and following up.
type FeedbackRequest struct {
	Draft      string `json:"draft"`
	Send       string `json:"send"`
	SendOn     string `json:"send_on"`
	FollowUpOn string `json:"follow_up_on"`
	// ClosureOn is, after silence, the day from which the user takes the
	// silence as a no: home shows it as closure once it comes.
	ClosureOn string `json:"closure_on,omitempty"`
	// NudgedOn is the day the one follow-up (the nudge) was sent,
	// YYYY-MM-DD: once it is set, no follow-up is asked for again.
	NudgedOn string `json:"nudged_on,omitempty"`
	// Outcome is what became of the request, recorded later from the
	// opened session: "" (nothing yet), or one of the Outcome constants.
	Outcome Outcome `json:"outcome,omitempty"`
	// OutcomeOn is the day the outcome was last recorded, YYYY-MM-DD.
	OutcomeOn string `json:"outcome_on,omitempty"`
	// Received is the feedback itself, which often arrives weeks later.
	Received   string `json:"received,omitempty"`
	ReceivedOn string `json:"received_on,omitempty"`

	extra unknownFields
}

// Outcome is what became of a feedback request.
type Outcome string

const (
	Sent    Outcome = "sent"
	Replied Outcome = "replied"
	NoReply Outcome = "no_reply"
)

// Outcomes lists the outcomes in the order a user meets them.
var Outcomes = []Outcome{Sent, Replied, NoReply}

// Label is how an outcome reads on screen: "no reply".
func (o Outcome) Label() string {
	switch o {
	case "":
		return "not recorded"
	case NoReply:
		return "no reply"
	}
	return string(o)
}

// Action is one concrete next step the user promised themselves.
type Action struct {
	Text string `json:"text"`
	Due  string `json:"due,omitempty"`
	Done bool   `json:"done,omitempty"`
	// DoneOn is the day it was marked done, YYYY-MM-DD.
	DoneOn string `json:"done_on,omitempty"`

	extra unknownFields
}

// Answer is what one prompt collected. Which fields are set depends on the
// prompt's kind: Text for text, textarea, date, choice and draft (and a
// checklist's free text); Items for lists and ticked checklist options; Score
// (with Text as the word) for a mood; Actions for the action plan.
type Answer struct {
	Text    string   `json:"text,omitempty"`
	Items   []string `json:"items,omitempty"`
	Score   int      `json:"score,omitempty"`
	Actions []Action `json:"actions,omitempty"`

	extra unknownFields
}

// IsZero reports whether the answer holds nothing.
func (a Answer) IsZero() bool {
	return a.Text == "" && len(a.Items) == 0 && a.Score == 0 && len(a.Actions) == 0
}

// Equal reports whether two answers hold the same values: those rebound
// knows, so that an answer typed again as it was is no change.
func (a Answer) Equal(b Answer) bool {
	return a.Text == b.Text && a.Score == b.Score &&
		slices.Equal(a.Items, b.Items) && slices.Equal(a.Actions, b.Actions)
}

func (a Answer) clone() Answer {
	a.Items = slices.Clone(a.Items)
	a.Actions = slices.Clone(a.Actions)
	return a
}

// NewSession starts an empty session at now with a fresh random ID.
func NewSession(now time.Time) *Session {
	return &Session{
		SchemaVersion: SchemaVersion,
		ID:            newID(),
		CreatedAt:     now,
		UpdatedAt:     now,
		Status:        InProgress,
		Answers:       map[string]Answer{},
		rev:           1,
	}
}

func newID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
}

// Clone returns a deep copy, safe to hand to a save command while the
// original keeps changing.
func (s *Session) Clone() *Session {
	c := *s
	if s.MoodBefore != nil {
		m := *s.MoodBefore
		c.MoodBefore = &m
	}
	if s.MoodAfter != nil {
		m := *s.MoodAfter
		c.MoodAfter = &m
	}
	c.Actions = slices.Clone(s.Actions)
	c.Answers = cloneAnswers(s.Answers)
	c.Drafts = cloneAnswers(s.Drafts)
	return &c
}

func cloneAnswers(m map[string]Answer) map[string]Answer {
	if m == nil {
		return nil
	}
	c := maps.Clone(m)
	for k, v := range c {
		c[k] = v.clone()
	}
	return c
}

// touch records a change made at now.
func (s *Session) touch(now time.Time) {
	s.UpdatedAt = now
	s.rev++
}

// IsEmpty reports whether nothing has been entered yet: such a session is not
// worth a file.
func (s *Session) IsEmpty() bool {
	return s.Intake == (Intake{}) && s.MoodBefore == nil && s.MoodAfter == nil &&
		s.Feedback == (FeedbackRequest{}) && len(s.Actions) == 0 &&
		len(s.Answers) == 0 && len(s.Drafts) == 0 && s.Status != Complete
}

// Begun reports whether a session holds anything past the check-in.
func (s *Session) Begun() bool {
	return len(s.Answers) > 0 || s.Intake != (Intake{})
}

// BegunWhole reports whether a session was begun as a whole one: begun,
// and saved with no depth (as sessions from before depths are). Asked its
// depth again, it keeps the whole session as what is offered.
func (s *Session) BegunWhole() bool { return s.Depth == "" && s.Begun() }

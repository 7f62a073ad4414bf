package coach

import (
	"testing"
	"time"
)

// recordNow is just after midnight two hours east of UTC: the day recorded
// must be the user's (2026-11-27), not UTC's (2026-11-26).
var recordNow = time.Date(2026, 11, 27, 0, 30, 0, 0, time.FixedZone("EET", 2*60*60))

const recordDay = "2026-11-27"

// recordSession is a session last changed at fixedNow with a feedback
// request and two actions, the first done.
func recordSession() *Session {
	s := NewSession(fixedNow)
	s.Feedback = FeedbackRequest{Draft: "Hi,", Send: "yes", SendOn: "2026-11-21", FollowUpOn: "2026-11-28"}
	s.Actions = []Action{{Text: "Ask for a mock interview", Due: "2026-11-25", Done: true, DoneOn: "2026-11-24"}, {Text: "Update the CV"}}
	return s
}

// checkTouched checks that a change was dated now and counted (so the store
// saves it), or that a no-op left both alone.
func checkTouched(t *testing.T, s *Session, rev uint64, changed bool) {
	t.Helper()
	switch {
	case changed && (!s.UpdatedAt.Equal(recordNow) || s.rev <= rev):
		t.Errorf("changed, but UpdatedAt = %v (want %v), rev %d -> %d", s.UpdatedAt, recordNow, rev, s.rev)
	case !changed && (!s.UpdatedAt.Equal(fixedNow) || s.rev != rev):
		t.Errorf("nothing changed, but UpdatedAt = %v (want %v), rev %d -> %d", s.UpdatedAt, fixedNow, rev, s.rev)
	}
}

func TestSetOutcome(t *testing.T) {
	tests := []struct {
		name      string
		from      Outcome
		fromOn    string
		to        Outcome
		want      bool
		wantOn    string
		wantAfter Outcome
	}{
		{"first outcome", "", "", Sent, true, recordDay, Sent},
		{"a later outcome", Sent, "2026-11-21", NoReply, true, recordDay, NoReply},
		{"the same again keeps its day", Sent, "2026-11-21", Sent, false, "2026-11-21", Sent},
		{"nothing again", "", "", "", false, "", ""},
		{"cleared", Replied, "2026-11-21", "", true, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := recordSession()
			s.Feedback.Outcome, s.Feedback.OutcomeOn = tt.from, tt.fromOn
			rev := s.rev
			before := s.Feedback
			if got := s.SetOutcome(tt.to, recordNow); got != tt.want {
				t.Errorf("SetOutcome = %v, want %v", got, tt.want)
			}
			if s.Feedback.Outcome != tt.wantAfter || s.Feedback.OutcomeOn != tt.wantOn {
				t.Errorf("outcome %q on %q, want %q on %q", s.Feedback.Outcome, s.Feedback.OutcomeOn, tt.wantAfter, tt.wantOn)
			}
			after := s.Feedback
			after.Outcome, after.OutcomeOn = before.Outcome, before.OutcomeOn
			if after != before {
				t.Errorf("SetOutcome changed other fields: %+v, was %+v", s.Feedback, before)
			}
			checkTouched(t, s, rev, tt.want)
		})
	}
}

func TestSetReceived(t *testing.T) {
	tests := []struct {
		name string
		// before
		received, receivedOn string
		outcome              Outcome
		outcomeOn            string
		// call
		text, on string
		// after
		want          bool
		wantReceived  string
		wantOn        string
		wantOutcome   Outcome
		wantOutcomeOn string
	}{
		{
			name: "first feedback marks the request replied",
			text: "Strong portfolio; system design was the gap.\n\n", on: " 2026-11-26 ",
			want: true, wantReceived: "Strong portfolio; system design was the gap.", wantOn: "2026-11-26",
			wantOutcome: Replied, wantOutcomeOn: recordDay,
		},
		{
			name:    "after no reply, the outcome becomes replied",
			outcome: NoReply, outcomeOn: "2026-11-20",
			text: "They wrote back after all.", on: "2026-11-26",
			want: true, wantReceived: "They wrote back after all.", wantOn: "2026-11-26",
			wantOutcome: Replied, wantOutcomeOn: recordDay,
		},
		{
			name:     "already replied keeps the day of the outcome",
			received: "Old words.", receivedOn: "2026-11-25", outcome: Replied, outcomeOn: "2026-11-25",
			text: "Better words.", on: "2026-11-25",
			want: true, wantReceived: "Better words.", wantOn: "2026-11-25",
			wantOutcome: Replied, wantOutcomeOn: "2026-11-25",
		},
		{
			name:     "only the day changes",
			received: "Same.", receivedOn: "2026-11-25", outcome: Replied, outcomeOn: "2026-11-25",
			text: "Same.", on: "2026-11-26",
			want: true, wantReceived: "Same.", wantOn: "2026-11-26",
			wantOutcome: Replied, wantOutcomeOn: "2026-11-25",
		},
		{
			name:     "the same again",
			received: "Same.", receivedOn: "2026-11-25", outcome: Replied, outcomeOn: "2026-11-25",
			text: "Same.\n", on: "2026-11-25",
			want: false, wantReceived: "Same.", wantOn: "2026-11-25",
			wantOutcome: Replied, wantOutcomeOn: "2026-11-25",
		},
		{
			name:     "the same again, pasted with Windows line endings",
			received: "Line one.\r\nSame.", receivedOn: "2026-11-25", outcome: Replied, outcomeOn: "2026-11-25",
			text: "Line one.\r\nSame.\r\n", on: "2026-11-25",
			want: false, wantReceived: "Line one.\r\nSame.", wantOn: "2026-11-25",
			wantOutcome: Replied, wantOutcomeOn: "2026-11-25",
		},
		{
			name: "empty text records nothing, not even the day",
			text: " \n\t", on: "2026-11-26",
			want: false,
		},
		{
			name:     "empty text clears the feedback and its day",
			received: "Old words.", receivedOn: "2026-11-25", outcome: Replied, outcomeOn: "2026-11-25",
			text: "", on: "2026-11-26",
			want:        true,
			wantOutcome: Replied, wantOutcomeOn: "2026-11-25",
		},
		{
			name: "leading indentation is kept",
			text: "  - be concrete\n  - ask questions\n", on: "",
			want: true, wantReceived: "  - be concrete\n  - ask questions",
			wantOutcome: Replied, wantOutcomeOn: recordDay,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := recordSession()
			f := &s.Feedback
			f.Received, f.ReceivedOn, f.Outcome, f.OutcomeOn = tt.received, tt.receivedOn, tt.outcome, tt.outcomeOn
			rev := s.rev
			if got := s.SetReceived(tt.text, tt.on, recordNow); got != tt.want {
				t.Errorf("SetReceived = %v, want %v", got, tt.want)
			}
			if f.Received != tt.wantReceived || f.ReceivedOn != tt.wantOn {
				t.Errorf("received %q on %q, want %q on %q", f.Received, f.ReceivedOn, tt.wantReceived, tt.wantOn)
			}
			if f.Outcome != tt.wantOutcome || f.OutcomeOn != tt.wantOutcomeOn {
				t.Errorf("outcome %q on %q, want %q on %q", f.Outcome, f.OutcomeOn, tt.wantOutcome, tt.wantOutcomeOn)
			}
			if f.Draft != "Hi," || f.Send != "yes" || f.SendOn != "2026-11-21" || f.FollowUpOn != "2026-11-28" {
				t.Errorf("SetReceived changed the request itself: %+v", *f)
			}
			checkTouched(t, s, rev, tt.want)
		})
	}
}

func TestSetDone(t *testing.T) {
	tests := []struct {
		name       string
		i          int
		done       bool
		want       bool
		wantDone   bool
		wantDoneOn string
	}{
		{"mark an open action done", 1, true, true, true, recordDay},
		{"open a done action again", 0, false, true, false, ""},
		{"done again keeps its day", 0, true, false, true, "2026-11-24"},
		{"open again", 1, false, false, false, ""},
		{"before the first", -1, true, false, false, ""},
		{"past the last", 2, true, false, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := recordSession()
			before := recordSession().Actions
			rev := s.rev
			if got := s.SetDone(tt.i, tt.done, recordNow); got != tt.want {
				t.Errorf("SetDone(%d, %v) = %v, want %v", tt.i, tt.done, got, tt.want)
			}
			for i, a := range s.Actions {
				want := before[i]
				if i == tt.i {
					want.Done, want.DoneOn = tt.wantDone, tt.wantDoneOn
				}
				if a != want {
					t.Errorf("action %d = %+v, want %+v", i, a, want)
				}
			}
			checkTouched(t, s, rev, tt.want)
		})
	}
}

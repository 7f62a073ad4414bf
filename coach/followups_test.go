package coach

import (
	"reflect"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/content"
)

func TestFollowUps(t *testing.T) {
	today := time.Date(2026, 11, 23, 15, 4, 0, 0, time.UTC)
	// sum is a session "Designer at Northwind" with a feedback request and
	// actions.
	sum := func(id string, f FeedbackRequest, actions ...Action) Summary {
		return Summary{ID: id, Role: "Designer", Company: "Northwind", CreatedAt: today, Feedback: f, Actions: actions}
	}
	feedback := func(id, due string, late int) FollowUp {
		return FollowUp{Kind: FollowUpFeedback, SessionID: id, Title: "Designer at Northwind",
			Text: "Follow up on your feedback request", Due: due, Late: late, Action: -1}
	}
	short := func(id string, d content.Depth, f FeedbackRequest) Summary {
		m := sum(id, f)
		m.Depth = d
		return m
	}
	silent := func(id string, f FeedbackRequest) Summary {
		m := sum(id, f)
		m.Channel = "silence"
		return m
	}
	closure := func(id, due string, late int) FollowUp {
		return FollowUp{Kind: FollowUpClosure, SessionID: id, Title: "Designer at Northwind",
			Text: "Take the silence as a no", Due: due, Late: late, Action: -1}
	}
	action := func(id, text, due string, late, index int) FollowUp {
		return FollowUp{Kind: FollowUpAction, SessionID: id, Title: "Designer at Northwind",
			Text: text, Due: due, Late: late, Action: index}
	}

	tests := []struct {
		name string
		sums []Summary
		want []FollowUp
	}{
		{"no sessions", nil, []FollowUp{}},
		{"feedback due today", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-23"})},
			[]FollowUp{feedback("s", "2026-11-23", 0)}},
		{"feedback three days late", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-20"})},
			[]FollowUp{feedback("s", "2026-11-20", 3)}},
		{"feedback a year late", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2025-11-23"})},
			[]FollowUp{feedback("s", "2025-11-23", 365)}},
		{"feedback tomorrow", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-24"})}, []FollowUp{}},
		{"feedback maybe later, no send date", []Summary{sum("s", FeedbackRequest{Send: "maybe later", FollowUpOn: "2026-11-22"})}, []FollowUp{}},
		{"feedback maybe later with a send date", []Summary{sum("s", FeedbackRequest{Send: "maybe later", SendOn: "2026-11-15", FollowUpOn: "2026-11-22"})},
			[]FollowUp{feedback("s", "2026-11-22", 1)}},
		{"feedback unanswered send, as older sessions", []Summary{sum("s", FeedbackRequest{FollowUpOn: "2026-11-22"})},
			[]FollowUp{feedback("s", "2026-11-22", 1)}},
		{"feedback nudged already", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-22", NudgedOn: "2026-11-22"})}, []FollowUp{}},
		{"closure due today", []Summary{silent("s", FeedbackRequest{Send: "no", ClosureOn: "2026-11-23"})},
			[]FollowUp{closure("s", "2026-11-23", 0)}},
		{"closure late, with the follow-up first", []Summary{silent("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-20", ClosureOn: "2026-11-20"})},
			[]FollowUp{feedback("s", "2026-11-20", 3), closure("s", "2026-11-20", 3)}},
		{"closure tomorrow", []Summary{silent("s", FeedbackRequest{ClosureOn: "2026-11-24"})}, []FollowUp{}},
		{"closure after a reply", []Summary{silent("s", FeedbackRequest{ClosureOn: "2026-11-20", Outcome: Replied})}, []FollowUp{}},
		{"closure with no reply recorded", []Summary{silent("s", FeedbackRequest{ClosureOn: "2026-11-20", Outcome: NoReply})}, []FollowUp{}},
		{"closure after feedback came", []Summary{silent("s", FeedbackRequest{ClosureOn: "2026-11-20", Received: "Thanks"})}, []FollowUp{}},
		{"closure date after an email", []Summary{sum("s", FeedbackRequest{ClosureOn: "2026-11-20"})}, []FollowUp{}},
		{"closure date that is not one", []Summary{silent("s", FeedbackRequest{ClosureOn: "soon"})}, []FollowUp{}},
		{"feedback sent, no reply yet", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-22", Outcome: Sent})},
			[]FollowUp{feedback("s", "2026-11-22", 1)}},
		{"feedback replied", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-22", Outcome: Replied})}, []FollowUp{}},
		{"feedback without reply recorded", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-22", Outcome: NoReply})}, []FollowUp{}},
		{"feedback received", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-22", Received: "Thanks"})}, []FollowUp{}},
		{"feedback not to be sent", []Summary{sum("s", FeedbackRequest{Send: "no", FollowUpOn: "2026-11-22"})}, []FollowUp{}},
		{"feedback without date", []Summary{sum("s", FeedbackRequest{Send: "yes"})}, []FollowUp{}},
		{"ten minutes: a week after sending", []Summary{short("s", content.TenMinutes, FeedbackRequest{Send: "yes", SendOn: "2026-11-16"})},
			[]FollowUp{feedback("s", "2026-11-23", 0)}},
		{"ten minutes, gone deeper: a week after sending", []Summary{short("s", content.Rest, FeedbackRequest{Send: "yes", SendOn: "2026-11-10"})},
			[]FollowUp{feedback("s", "2026-11-17", 6)}},
		{"ten minutes: sent six days ago", []Summary{short("s", content.TenMinutes, FeedbackRequest{Send: "yes", SendOn: "2026-11-17"})}, []FollowUp{}},
		{"ten minutes: the date chosen wins", []Summary{short("s", content.TenMinutes, FeedbackRequest{Send: "yes", SendOn: "2026-11-01", FollowUpOn: "2026-11-30"})}, []FollowUp{}},
		{"ten minutes: not to be sent", []Summary{short("s", content.TenMinutes, FeedbackRequest{Send: "no", SendOn: "2026-11-01"})}, []FollowUp{}},
		{"ten minutes: no send date", []Summary{short("s", content.TenMinutes, FeedbackRequest{Send: "yes"})}, []FollowUp{}},
		{"whole session: no follow-up chosen is none", []Summary{sum("s", FeedbackRequest{Send: "yes", SendOn: "2026-11-01"})}, []FollowUp{}},
		{"feedback with bad dates", []Summary{
			sum("a", FeedbackRequest{Send: "yes", FollowUpOn: "2026-02-30"}),
			sum("b", FeedbackRequest{Send: "yes", FollowUpOn: "22 Nov 2026"}),
			sum("c", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-22T10:00:00Z"}),
		}, []FollowUp{}},
		{"actions", []Summary{sum("s", FeedbackRequest{},
			Action{Text: "due today", Due: "2026-11-23"},
			Action{Text: "late", Due: "2026-10-24"},
			Action{Text: "tomorrow", Due: "2026-11-24"},
			Action{Text: "done", Due: "2026-11-01", Done: true},
			Action{Text: "no date"},
			Action{Text: "bad date", Due: "soon"},
			Action{Text: "over a leap day", Due: "2024-02-28"},
		)}, []FollowUp{
			action("s", "over a leap day", "2024-02-28", 999, 6),
			action("s", "late", "2026-10-24", 30, 1),
			action("s", "due today", "2026-11-23", 0, 0),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FollowUps(tt.sums, today)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("FollowUps =\n %+v\nwant\n %+v", got, tt.want)
			}
		})
	}
}

func TestFollowUpsOrder(t *testing.T) {
	today := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	sums := []Summary{
		{ID: "n2", Role: "Designer", Company: "Northwind", Actions: []Action{{Text: "n2 late 3", Due: "2026-11-20"}}},
		{ID: "a1", Role: "Analyst", Company: "Acme",
			Feedback: FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-20"},
			Actions: []Action{
				{Text: "a1 today", Due: "2026-11-23"},
				{Text: "a1 late 3", Due: "2026-11-20"},
				{Text: "a1 late 3 too", Due: "2026-11-20"},
			}},
		{ID: "n1", Role: "Designer", Company: "Northwind", Actions: []Action{{Text: "n1 late 3", Due: "2026-11-20"}}},
		{ID: "z9", Role: "Writer", Company: "Zeta", Actions: []Action{{Text: "z9 late 10", Due: "2026-11-13"}}},
	}
	// Most late first; then by title; sessions sharing a title by ID; the
	// feedback request before a session's actions, and these in order.
	want := []string{"z9 late 10", "Follow up on your feedback request", "a1 late 3", "a1 late 3 too",
		"n1 late 3", "n2 late 3", "a1 today"}
	for _, reverse := range []bool{false, true} {
		in := sums
		if reverse {
			in = []Summary{sums[3], sums[2], sums[1], sums[0]}
		}
		var got []string
		for _, f := range FollowUps(in, today) {
			got = append(got, f.Text)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("reverse %v: FollowUps in order\n %q\nwant\n %q", reverse, got, want)
		}
	}
}

func TestFollowUpsTodayInItsZone(t *testing.T) {
	// Just after midnight in Auckland it is still the day before in UTC:
	// today is the caller's day.
	auckland := time.FixedZone("NZDT", 13*60*60)
	today := time.Date(2026, 11, 24, 0, 30, 0, 0, auckland)
	sums := []Summary{{ID: "s", Role: "Designer", Actions: []Action{{Text: "call", Due: "2026-11-24"}, {Text: "write", Due: "2026-11-23"}}}}
	got := FollowUps(sums, today)
	if len(got) != 2 || got[0].Text != "write" || got[0].Late != 1 || got[1].Text != "call" || got[1].Late != 0 {
		t.Errorf("FollowUps = %+v, want write 1 day late, then call due today", got)
	}
}

// TestFeedbackDatesAsked: the answer to "will you send it?" decides which
// dates are asked. "no" skips the send and follow-up dates, and so does
// "maybe later", which raises no follow-up until a send date is set; the
// closure date is asked after silence alone, whatever the answer.
func TestFeedbackDatesAsked(t *testing.T) {
	flow := loadFlow(t)
	prompt := func(id string) content.Prompt {
		sec, prm, ok := flow.Prompt(id)
		if !ok {
			t.Fatalf("no prompt %q", id)
		}
		return flow.Sections[sec].Prompts[prm]
	}
	tests := []struct {
		send, channel               string
		sendOn, followUp, closureOn bool
	}{
		{"yes", "email", true, true, false},
		{"", "email", true, true, false},
		{"maybe later", "email", false, false, false},
		{"no", "email", false, false, false},
		{"yes", "silence", true, true, true},
		{"no", "silence", false, false, true},
		{"maybe later", "silence", false, false, true},
	}
	for _, tt := range tests {
		s := NewSession(fixedNow)
		s.Set(PromptSend, Answer{Text: tt.send}, fixedNow)
		s.Set(PromptChannel, Answer{Text: tt.channel}, fixedNow)
		for id, want := range map[string]bool{PromptSendOn: tt.sendOn, PromptFollowUpOn: tt.followUp, PromptClosureOn: tt.closureOn} {
			if got := s.Applies(prompt(id)); got != want {
				t.Errorf("send %q after %s: %s asked %v, want %v", tt.send, tt.channel, id, got, want)
			}
		}
	}
}

func TestSetNudged(t *testing.T) {
	s := NewSession(fixedNow)
	s.Feedback = FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-20"}
	due := func() int { return len(FollowUps([]Summary{Summarize(s)}, fixedNow)) }
	if due() != 1 {
		t.Fatal("the follow-up is not due")
	}
	if !s.SetNudged(" 2026-11-20 ", fixedNow) || s.Feedback.NudgedOn != "2026-11-20" {
		t.Fatalf("SetNudged: %q", s.Feedback.NudgedOn)
	}
	if s.SetNudged("2026-11-20", fixedNow) {
		t.Error("the same day again is a change")
	}
	if due() != 0 {
		t.Error("a second nudge is asked for")
	}
	if !s.SetNudged("", fixedNow) || due() != 1 {
		t.Error("taking the nudge back does not bring the follow-up back")
	}
}

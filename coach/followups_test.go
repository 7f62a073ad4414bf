package coach

import (
	"reflect"
	"testing"
	"time"
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
		{"feedback maybe later", []Summary{sum("s", FeedbackRequest{Send: "maybe later", FollowUpOn: "2026-11-22"})},
			[]FollowUp{feedback("s", "2026-11-22", 1)}},
		{"feedback sent, no reply yet", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-22", Outcome: Sent})},
			[]FollowUp{feedback("s", "2026-11-22", 1)}},
		{"feedback replied", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-22", Outcome: Replied})}, []FollowUp{}},
		{"feedback without reply recorded", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-22", Outcome: NoReply})}, []FollowUp{}},
		{"feedback received", []Summary{sum("s", FeedbackRequest{Send: "yes", FollowUpOn: "2026-11-22", Received: "Thanks"})}, []FollowUp{}},
		{"feedback not to be sent", []Summary{sum("s", FeedbackRequest{Send: "no", FollowUpOn: "2026-11-22"})}, []FollowUp{}},
		{"feedback without date", []Summary{sum("s", FeedbackRequest{Send: "yes"})}, []FollowUp{}},
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

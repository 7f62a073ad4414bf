package coach

import (
	"slices"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/content"
)

func TestParseDate(t *testing.T) {
	// fixedNow is a Friday afternoon in UTC; lateLocal is just after
	// midnight in a zone east of UTC, where the UTC date is still the day
	// before.
	auckland := time.FixedZone("NZDT", 13*60*60)
	lateLocal := time.Date(2026, 1, 31, 0, 30, 0, 0, auckland) // 2026-01-30 11:30 UTC

	tests := []struct {
		in   string
		now  time.Time
		want string // "" with wantErr false is "no date"
		err  bool
	}{
		{in: "", want: ""},
		{in: "   \t\n", want: ""},
		{in: "today", want: "2026-11-20"},
		{in: "now", want: "2026-11-20"},
		{in: "tomorrow", want: "2026-11-21"},
		{in: "yesterday", want: "2026-11-19"},
		{in: "+0d", want: "2026-11-20"},
		{in: "-0d", want: "2026-11-20"},
		{in: "+3d", want: "2026-11-23"},
		{in: "-2d", want: "2026-11-18"},
		{in: "+2w", want: "2026-12-04"},
		{in: "-1w", want: "2026-11-13"},
		{in: "+11d", want: "2026-12-01"},
		{in: "+42d", want: "2027-01-01"},
		{in: "+3660d", want: "2036-11-27"},
		{in: "2026-12-01", want: "2026-12-01"},
		{in: "2028-02-29", want: "2028-02-29"},
		{in: "  Tomorrow ", want: "2026-11-21"},
		{in: "TODAY", want: "2026-11-20"},
		{in: "\t+3D\n", want: "2026-11-23"},
		{in: " +2W", want: "2026-12-04"},
		{in: " 2026-12-01 ", want: "2026-12-01"},

		// The date is the calendar day where the user is, not in UTC.
		{in: "today", now: lateLocal, want: "2026-01-31"},
		{in: "+1d", now: lateLocal, want: "2026-02-01"},
		{in: "yesterday", now: time.Date(2026, 3, 1, 9, 0, 0, 0, auckland), want: "2026-02-28"},

		{in: "soon", err: true},
		{in: "next friday", err: true},
		{in: "2026-13-01", err: true},
		{in: "2026-02-30", err: true},
		{in: "2027-02-29", err: true},
		{in: "2026-1-5", err: true},
		{in: "01/12/2026", err: true},
		{in: "2026-12-01T10:00", err: true},
		{in: "+d", err: true},
		{in: "-w", err: true},
		{in: "+", err: true},
		{in: "3d", err: true},
		{in: "d", err: true},
		{in: "+3", err: true},
		{in: "+3x", err: true},
		{in: "+3dd", err: true},
		{in: "+ 3d", err: true},
		{in: "+3 d", err: true},
		{in: "+1.5d", err: true},
		{in: "+3661d", err: true},
		{in: "+99999d", err: true},
		{in: "-99999d", err: true},
		{in: "+99999999999999999999d", err: true},
		// A second sign is not a date, and must not slip past the range
		// check: "+-99999d" would be 274 years ago.
		{in: "+-3d", err: true},
		{in: "-+3d", err: true},
		{in: "++3d", err: true},
		{in: "+-99999d", err: true},
		// The range check is about ten years whatever the unit.
		{in: "+3000w", err: true},
	}
	for _, tt := range tests {
		now := tt.now
		if now.IsZero() {
			now = fixedNow
		}
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in, now)
			if tt.err {
				if err == nil || got != "" {
					t.Errorf("ParseDate(%q) = %q, %v; want an error", tt.in, got, err)
				} else if err != errDate {
					t.Errorf("ParseDate(%q) error = %v, want errDate", tt.in, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseDate(%q, %v) = %q, %v; want %q", tt.in, now, got, err, tt.want)
			}
		})
	}
}

// TestParseDateDefaults: every date default in flow.json must parse, so a
// date prompt never opens with an error under it.
func TestParseDateDefaults(t *testing.T) {
	for _, s := range loadFlow(t).Sections {
		for _, p := range s.Prompts {
			if p.Default == "" {
				continue
			}
			if got, err := ParseDate(p.Default, fixedNow); err != nil || got == "" {
				t.Errorf("%s: default %q: ParseDate = %q, %v", p.ID, p.Default, got, err)
			}
		}
	}
}

func TestDateDefault(t *testing.T) {
	flow := loadFlow(t)
	get := func(id string) content.Prompt {
		sec, prm, ok := flow.Prompt(id)
		if !ok {
			t.Fatalf("no prompt %q", id)
		}
		return flow.Sections[sec].Prompts[prm]
	}
	withSend := func(day string) *Session {
		s := NewSession(fixedNow)
		s.Set(PromptSendOn, Answer{Text: day}, fixedNow)
		return s
	}
	tests := []struct {
		name string
		p    content.Prompt
		s    *Session
		want string
	}{
		{"send: tomorrow", get(PromptSendOn), NewSession(fixedNow), "2026-11-21"},
		{"follow-up: a week after sending", get(PromptFollowUpOn), withSend("2026-11-23"), "2026-11-30"},
		{"follow-up across a month", get(PromptFollowUpOn), withSend("2026-12-28"), "2027-01-04"},
		{"follow-up with no send date: none", get(PromptFollowUpOn), NewSession(fixedNow), ""},
		{"follow-up with a send date that is not one", get(PromptFollowUpOn), withSend("soon"), ""},
		{"rejected on: today", get(PromptRejectedOn), NewSession(fixedNow), "2026-11-20"},
		{"closure: two weeks from today", get(PromptClosureOn), NewSession(fixedNow), "2026-12-04"},
		{"not a date prompt", get(PromptCompany), NewSession(fixedNow), ""},
		{"a date without a default", content.Prompt{Kind: content.Date}, NewSession(fixedNow), ""},
		{"a default that does not parse", content.Prompt{Kind: content.Date, Default: "soon"}, NewSession(fixedNow), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DateDefault(tt.p, tt.s, fixedNow); got != tt.want {
				t.Errorf("DateDefault = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUnanswered(t *testing.T) {
	flow := loadFlow(t)
	s := NewSession(fixedNow)
	if got, want := Unanswered(flow, s, content.TenMinutes), flow.Path(content.TenMinutes); !slices.Equal(got, want) {
		t.Errorf("a new session's ten minutes: %q, want %q", got, want)
	}
	s.Set(PromptMoodBefore, Answer{Score: 4}, fixedNow)
	s.Set(PromptStage, Answer{Text: "final round"}, fixedNow)
	s.Set("not_personal.evidence_for", Answer{Items: []string{"a weak answer"}}, fixedNow)
	rest := Unanswered(flow, s, content.Rest)
	if !slices.Contains(rest, PromptTopic) || slices.Contains(rest, "not_personal.evidence_for") || slices.Contains(rest, PromptClosureOn) {
		t.Errorf("the rest of a final-round session: %q", rest)
	}
	if slices.Contains(Unanswered(flow, s, content.Whole), PromptMoodBefore) {
		t.Error("an answered prompt is not unanswered")
	}
}

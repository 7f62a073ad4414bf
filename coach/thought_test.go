package coach

import (
	"slices"
	"strings"
	"testing"
)

func TestParsePercent(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"0", 0, true},
		{"40", 40, true},
		{"100", 100, true},
		{" 75% ", 75, true},
		{"75 %", 75, true},
		{"", 0, false},
		{"101", 0, false},
		{"-5", 0, false},
		{"+5", 0, false},
		{"4.5", 0, false},
		{"forty", 0, false},
		{"%", 0, false},
	}
	for _, tt := range tests {
		got, err := ParsePercent(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParsePercent(%q) = %d, %v; want %d, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestBelief(t *testing.T) {
	tests := []struct {
		name          string
		before, after string
		want          Belief
	}{
		{"both", "80", "45", Belief{Before: 80, After: 45, HasBefore: true, HasAfter: true}},
		{"zero is an answer", "0", "0", Belief{HasBefore: true, HasAfter: true}},
		{"before only", "60", "", Belief{Before: 60, HasBefore: true}},
		{"none", "", "", Belief{}},
		{"unreadable is none", "lots", "50", Belief{After: 50, HasAfter: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(fixedNow)
			s.Set(PromptBeliefBefore, Answer{Text: tt.before}, fixedNow)
			s.Set(PromptBeliefAfter, Answer{Text: tt.after}, fixedNow)
			if got := s.Belief(); got != tt.want {
				t.Errorf("Belief() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestAboutThem(t *testing.T) {
	flow := loadFlow(t)
	tests := []struct {
		name   string
		ticked []string
		other  string
		want   []string
	}{
		{"them and you", []string{"An internal candidate", "An off day in the interview", "Budget"}, "", []string{"An internal candidate", "Budget"}},
		{"only you", []string{"A skill I did not show, or do not have yet"}, "", nil},
		{"other carries no mark", nil, "They hired a friend", nil},
		{"a renamed option carries no mark", []string{"An old option"}, "", nil},
		{"none", nil, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(fixedNow)
			s.Set("not_personal.explanations", Answer{Items: tt.ticked, Text: tt.other}, fixedNow)
			if got := AboutThem(s, flow); !slices.Equal(got, tt.want) {
				t.Errorf("AboutThem = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestMarkdownShowsTheThoughtRecord: the belief shift heads the session,
// like the mood, and the explanations about them are listed under the
// explanations, derived rather than asked.
func TestMarkdownShowsTheThoughtRecord(t *testing.T) {
	flow := loadFlow(t)
	s := NewSession(fixedNow)
	s.Set(PromptBeliefBefore, Answer{Text: "80"}, fixedNow)
	s.Set(PromptBeliefAfter, Answer{Text: "0"}, fixedNow)
	s.Set("not_personal.explanations", Answer{Items: []string{"A hiring freeze", "An off day in the interview"}}, fixedNow)
	md := Markdown(s, flow)
	for _, want := range []string{
		"**Belief in the thought that hurt:** 80% → 0%",
		"How strongly do you believe the first thought now?**: 0%",
		"**Of those, about them, not you**\n\n- A hiring freeze\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "- An off day in the interview\n\n**A more") || strings.Count(md, "An off day") != 1 {
		t.Errorf("an explanation about you is listed as about them:\n%s", md)
	}
	if md := Markdown(NewSession(fixedNow), flow); strings.Contains(md, "Belief") || strings.Contains(md, "about them, not you") {
		t.Errorf("an empty session shows a belief or a derived list:\n%s", md)
	}
}

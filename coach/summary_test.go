package coach

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSummarize(t *testing.T) {
	s := fullSession()
	s.Feedback.Outcome = Replied
	s.Feedback.OutcomeOn = "2026-12-01"
	s.Feedback.Received = "Your portfolio was strong; the system design round was the gap."
	s.Feedback.ReceivedOn = "2026-12-01"

	m := Summarize(s)
	want := Summary{
		ID:         s.ID,
		CreatedAt:  s.CreatedAt,
		UpdatedAt:  s.UpdatedAt,
		Status:     Complete,
		Company:    s.Intake.Company,
		Role:       s.Intake.Role,
		Stage:      s.Intake.Stage,
		RejectedOn: s.Intake.RejectedOn,
		MoodBefore: 3,
		MoodAfter:  6,
		Feedback: FeedbackRequest{
			Send:       "yes",
			SendOn:     "2026-11-21",
			FollowUpOn: "2026-11-28",
			Outcome:    Replied,
			OutcomeOn:  "2026-12-01",
			Received:   s.Feedback.Received,
			ReceivedOn: "2026-12-01",
		},
		Actions:   s.Actions,
		DoBetter:  s.Answers[PromptDoBetter].Items,
		Questions: s.Answers[PromptQuestions].Items,
	}
	got := m
	got.text = ""
	if !summaryEqual(got, want) {
		t.Errorf("Summarize =\n%+v\nwant\n%+v", got, want)
	}
	if m.Feedback.Draft != "" || s.Feedback.Draft == "" {
		t.Errorf("the draft was not dropped from the summary (or was cleared in the session: %q)", s.Feedback.Draft)
	}
	if m.Title() != Title(s) {
		t.Errorf("Title = %q, want the session's %q", m.Title(), Title(s))
	}

	// The summary owns its slices: changing the session does not change it.
	s.Actions[0].Text = "changed"
	s.Answers[PromptDoBetter].Items[0] = "changed"
	s.Answers[PromptQuestions].Items[0] = "changed"
	if m.Actions[0].Text == "changed" || m.DoBetter[0] == "changed" || m.Questions[0] == "changed" {
		t.Errorf("the summary shares its slices with the session: %+v", m)
	}
}

func summaryEqual(a, b Summary) bool {
	return a.ID == b.ID && a.CreatedAt.Equal(b.CreatedAt) && a.UpdatedAt.Equal(b.UpdatedAt) && a.Status == b.Status &&
		a.Company == b.Company && a.Role == b.Role && a.Stage == b.Stage && a.RejectedOn == b.RejectedOn &&
		a.MoodBefore == b.MoodBefore && a.MoodAfter == b.MoodAfter && a.Feedback == b.Feedback &&
		slices.Equal(a.Actions, b.Actions) && slices.Equal(a.DoBetter, b.DoBetter) &&
		slices.Equal(a.Questions, b.Questions) && a.text == b.text
}

func TestSummarizeMoods(t *testing.T) {
	tests := []struct {
		name          string
		before, after *Mood
		want          [2]int
	}{
		{"neither", nil, nil, [2]int{0, 0}},
		{"before only", &Mood{Score: 2, Word: "low"}, nil, [2]int{2, 0}},
		{"after only", nil, &Mood{Score: 8}, [2]int{0, 8}},
		{"both", &Mood{Score: 1}, &Mood{Score: 10}, [2]int{1, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(fixedNow)
			s.MoodBefore, s.MoodAfter = tt.before, tt.after
			m := Summarize(s)
			if got := [2]int{m.MoodBefore, m.MoodAfter}; got != tt.want {
				t.Errorf("moods = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSearchTextHoldsEveryUserText(t *testing.T) {
	// Each case puts a marker in one place a user types into; the search text
	// must hold it, lower-cased.
	const marker = "Zebra-Quartz ÉTÉ"
	tests := []struct {
		name string
		set  func(s *Session)
	}{
		{"company", func(s *Session) { s.Intake.Company = marker }},
		{"role", func(s *Session) { s.Intake.Role = marker }},
		{"interviewer", func(s *Session) { s.Intake.Interviewer = marker }},
		{"stage", func(s *Session) { s.Intake.Stage = marker }},
		{"rejected on", func(s *Session) { s.Intake.RejectedOn = marker }},
		{"channel", func(s *Session) { s.Intake.Channel = marker }},
		{"rejection email", func(s *Session) { s.Intake.Message = "Dear candidate,\n\n" + marker + "\n\nRegards" }},
		{"feedback draft", func(s *Session) { s.Feedback.Draft = "Hi,\n" + marker }},
		{"feedback received", func(s *Session) { s.Feedback.Received = marker }},
		{"mood word before", func(s *Session) { s.MoodBefore = &Mood{Score: 2, Word: marker} }},
		{"mood word after", func(s *Session) { s.MoodAfter = &Mood{Score: 7, Word: marker} }},
		{"action", func(s *Session) { s.Actions = []Action{{Text: "first"}, {Text: marker}} }},
		{"answer text", func(s *Session) { s.Answers["reflect.unprepared"] = Answer{Text: marker} }},
		{"answer item", func(s *Session) { s.Answers[PromptDoBetter] = Answer{Items: []string{"one", marker}} }},
		{"answer action", func(s *Session) { s.Answers["other.plan"] = Answer{Actions: []Action{{Text: marker}}} }},
		{"draft text", func(s *Session) { s.Drafts = map[string]Answer{"reflect.research": {Text: marker}} }},
		{"draft item", func(s *Session) { s.Drafts = map[string]Answer{"restart.stop": {Items: []string{marker}}} }},
		{"draft action", func(s *Session) {
			s.Drafts = map[string]Answer{PromptActions: {Actions: []Action{{Text: marker}}}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(fixedNow)
			tt.set(s)
			text := Summarize(s).SearchText()
			if !strings.Contains(text, strings.ToLower(marker)) {
				t.Errorf("search text does not hold %q:\n%s", strings.ToLower(marker), text)
			}
			if text != strings.ToLower(text) {
				t.Errorf("search text is not lower-case:\n%s", text)
			}
		})
	}
}

func TestSearchTextHoldsTheDate(t *testing.T) {
	utcLocal(t)
	s := NewSession(time.Date(2025, 11, 4, 9, 30, 0, 0, time.UTC))
	text := Summarize(s).SearchText()
	for _, w := range []string{"tuesday", "4 november 2025", "2025-11-04", "in_progress"} {
		if !strings.Contains(text, w) {
			t.Errorf("search text lacks %q:\n%s", w, text)
		}
	}
}

func TestSearchTextIsDeterministic(t *testing.T) {
	s := fullSession()
	s.Drafts = map[string]Answer{}
	for i := range 20 {
		id := "draft." + string(rune('a'+i))
		s.Drafts[id] = Answer{Text: "typed " + id, Items: []string{"item " + id}}
	}
	want := Summarize(s).SearchText()
	for range 50 { // map iteration order differs from run to run
		if got := Summarize(s.Clone()).SearchText(); got != want {
			t.Fatalf("search text differs between runs:\n%s\nthen\n%s", want, got)
		}
	}
}

func TestQuery(t *testing.T) {
	text := Summarize(fullSession()).SearchText()
	tests := []struct {
		query string
		want  bool
	}{
		{"", true},
		{"   ", true},
		{"northwind", true},
		{"NORTHWIND", true},
		{"designer northwind", true},
		{"northwind designer", true},
		{"  Product   DESIGNER ", true},
		{"figma mentors", true}, // answers from two different prompts
		{"northwind banana", false},
		{"banana", false},
		{"northwind-designer", false}, // a word is matched whole, not split
	}
	if !strings.Contains(text, "northwind") || !strings.Contains(text, "designer") {
		t.Fatalf("fixture changed; search text:\n%s", text)
	}
	for _, tt := range tests {
		if got := NewQuery(tt.query).Match(text); got != tt.want {
			t.Errorf("NewQuery(%q).Match = %v, want %v (words %q)", tt.query, got, tt.want, NewQuery(tt.query))
		}
	}
	if q := NewQuery(" Acme\tDesign\n"); !slices.Equal(q, Query{"acme", "design"}) {
		t.Errorf("NewQuery = %q, want [acme design]", q)
	}
	if !Query(nil).Match("") {
		t.Error("an empty query does not match an empty text")
	}
}

func TestUntouchedDraftIsNotSearched(t *testing.T) {
	s := NewSession(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	s.Intake = Intake{Company: "Acme", Role: "Designer"}
	s.Feedback.Draft = DraftRequest(&Session{Intake: s.Intake}, "")
	if strings.Contains(Summarize(s).SearchText(), "thank you for letting me know") {
		t.Error("the draft as rebound wrote it is in the search text")
	}
	s.Feedback.Draft += "PS: I loved the design challenge."
	if !strings.Contains(Summarize(s).SearchText(), "i loved the design challenge") {
		t.Error("a draft the user edited is not in the search text")
	}
}

package coach

import (
	"reflect"
	"testing"
	"time"
)

func TestSetRoutesAnswers(t *testing.T) {
	actions := []Action{{Text: "Email Sam", Due: "2026-12-01"}, {Text: "Update CV", Done: true}}
	tests := []struct {
		id    string
		in    Answer
		field func(s *Session) any // where the answer must land
		want  any
		zero  any // the field once the answer is cleared
	}{
		{PromptCompany, Answer{Text: "Northwind"}, func(s *Session) any { return s.Intake.Company }, "Northwind", ""},
		{PromptRole, Answer{Text: "Designer"}, func(s *Session) any { return s.Intake.Role }, "Designer", ""},
		{PromptInterviewer, Answer{Text: "Ms Rivera"}, func(s *Session) any { return s.Intake.Interviewer }, "Ms Rivera", ""},
		{PromptStage, Answer{Text: "final round"}, func(s *Session) any { return s.Intake.Stage }, "final round", ""},
		{PromptRejectedOn, Answer{Text: "2026-11-19"}, func(s *Session) any { return s.Intake.RejectedOn }, "2026-11-19", ""},
		{PromptChannel, Answer{Text: "email"}, func(s *Session) any { return s.Intake.Channel }, "email", ""},
		{PromptMessage, Answer{Text: "Dear candidate,\nSadly..."}, func(s *Session) any { return s.Intake.Message }, "Dear candidate,\nSadly...", ""},
		{PromptMoodBefore, Answer{Score: 3, Text: "flat"}, func(s *Session) any { return s.MoodBefore }, &Mood{Score: 3, Word: "flat"}, (*Mood)(nil)},
		{PromptMoodAfter, Answer{Score: 6}, func(s *Session) any { return s.MoodAfter }, &Mood{Score: 6}, (*Mood)(nil)},
		{PromptDraft, Answer{Text: "Hello,\n\nThanks."}, func(s *Session) any { return s.Feedback.Draft }, "Hello,\n\nThanks.", ""},
		{PromptSend, Answer{Text: "yes"}, func(s *Session) any { return s.Feedback.Send }, "yes", ""},
		{PromptSendOn, Answer{Text: "2026-11-21"}, func(s *Session) any { return s.Feedback.SendOn }, "2026-11-21", ""},
		{PromptFollowUpOn, Answer{Text: "2026-11-28"}, func(s *Session) any { return s.Feedback.FollowUpOn }, "2026-11-28", ""},
		{PromptActions, Answer{Actions: actions}, func(s *Session) any { return s.Actions }, actions, []Action(nil)},
		{"not_personal.thought", Answer{Text: "I am not good enough"},
			func(s *Session) any { a, ok := s.Answers["not_personal.thought"]; return [2]any{a, ok} },
			[2]any{Answer{Text: "I am not good enough"}, true}, [2]any{Answer{}, false}},
		{PromptQuestions, Answer{Items: []string{"Why us?", "Salary?"}},
			func(s *Session) any { a, ok := s.Answers[PromptQuestions]; return [2]any{a, ok} },
			[2]any{Answer{Items: []string{"Why us?", "Salary?"}}, true}, [2]any{Answer{}, false}},
		{"step_back.outside", Answer{Items: []string{"Budget"}, Text: "a reorg"},
			func(s *Session) any { a, ok := s.Answers["step_back.outside"]; return [2]any{a, ok} },
			[2]any{Answer{Items: []string{"Budget"}, Text: "a reorg"}, true}, [2]any{Answer{}, false}},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			s := NewSession(fixedNow)
			t1 := fixedNow.Add(time.Minute)
			if !s.Set(tt.id, tt.in, t1) {
				t.Fatalf("Set(%q) reported no change on a new session", tt.id)
			}
			if got := tt.field(s); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("after Set(%q): field = %#v, want %#v", tt.id, got, tt.want)
			}
			if got := s.Get(tt.id); !got.Equal(tt.in) {
				t.Errorf("Get(%q) = %+v, want %+v", tt.id, got, tt.in)
			}
			if _, generic := s.Answers[tt.id]; !generic && len(s.Answers) != 0 {
				t.Errorf("Set(%q) also wrote to Answers: %v", tt.id, s.Answers)
			}
			if !s.UpdatedAt.Equal(t1) {
				t.Errorf("UpdatedAt = %v, want %v", s.UpdatedAt, t1)
			}
			if s.IsEmpty() {
				t.Errorf("IsEmpty after Set(%q)", tt.id)
			}

			rev := s.rev
			if s.Set(tt.id, tt.in, t1.Add(time.Minute)) {
				t.Errorf("Set(%q) of the same answer reported a change", tt.id)
			}
			if s.rev != rev || !s.UpdatedAt.Equal(t1) {
				t.Errorf("Set(%q) of the same answer touched the session", tt.id)
			}

			if !s.Set(tt.id, Answer{}, t1.Add(2*time.Minute)) {
				t.Errorf("Set(%q, zero) reported no change", tt.id)
			}
			if got := tt.field(s); !reflect.DeepEqual(got, tt.zero) {
				t.Errorf("after Set(%q, zero): field = %#v, want %#v", tt.id, got, tt.zero)
			}
			if !s.Get(tt.id).IsZero() || !s.IsEmpty() {
				t.Errorf("after Set(%q, zero): Get = %+v, IsEmpty = %v", tt.id, s.Get(tt.id), s.IsEmpty())
			}
		})
	}
}

func TestSetMoodZeroScoreWithWordKeepsTheWord(t *testing.T) {
	// Only a wholly empty mood answer clears the check-in; a word alone is
	// kept, so what the user wrote is not lost.
	s := NewSession(fixedNow)
	s.Set(PromptMoodBefore, Answer{Score: 5, Text: "tired"}, fixedNow)
	s.Set(PromptMoodBefore, Answer{Text: "tired"}, fixedNow)
	if s.MoodBefore == nil || *s.MoodBefore != (Mood{Word: "tired"}) {
		t.Errorf("MoodBefore = %+v, want {0 tired}", s.MoodBefore)
	}
}

func TestSetAndDrafts(t *testing.T) {
	saved := Answer{Text: "Northwind"}
	draft := Answer{Text: "Northw"}
	tests := []struct {
		name        string
		id          string
		saved       *Answer // set first, if not nil
		draft       *Answer // then kept as a draft, if not nil
		set         Answer
		wantChanged bool
	}{
		{"a new answer clears the draft", PromptCompany, &saved, &draft, Answer{Text: "Contoso"}, true},
		{"the saved answer again still clears the draft", PromptCompany, &saved, &draft, saved, true},
		{"the saved answer again with no draft is no change", PromptCompany, &saved, nil, saved, false},
		{"a generic prompt's draft is cleared too", "reflect.unprepared", &saved, &draft, saved, true},
		{"clearing an answer clears its draft", "reflect.unprepared", &saved, &draft, Answer{}, true},
		{"a draft on an unanswered prompt, set to nothing", "reflect.unprepared", nil, &draft, Answer{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(fixedNow)
			if tt.saved != nil {
				s.Set(tt.id, *tt.saved, fixedNow)
			}
			if tt.draft != nil && !s.SetDraft(tt.id, *tt.draft, fixedNow) {
				t.Fatalf("SetDraft(%q) reported no change", tt.id)
			}
			rev := s.rev
			t1 := fixedNow.Add(time.Minute)
			if got := s.Set(tt.id, tt.set, t1); got != tt.wantChanged {
				t.Errorf("Set = %v, want %v", got, tt.wantChanged)
			}
			if _, ok := s.Drafts[tt.id]; ok {
				t.Errorf("the draft survived Set: %+v", s.Drafts[tt.id])
			}
			if got := s.Current(tt.id); !got.Equal(tt.set) {
				t.Errorf("Current = %+v, want %+v", got, tt.set)
			}
			if tt.wantChanged != (s.rev != rev) || tt.wantChanged != s.UpdatedAt.Equal(t1) {
				t.Errorf("changed = %v but rev %d→%d, UpdatedAt %v", tt.wantChanged, rev, s.rev, s.UpdatedAt)
			}
		})
	}
}

func TestSetDraft(t *testing.T) {
	for _, id := range []string{PromptCompany, "reflect.unprepared", PromptQuestions, PromptMoodAfter, PromptActions} {
		t.Run(id, func(t *testing.T) {
			saved := Answer{Text: "saved"}
			draft := Answer{Text: "typing"}
			switch id {
			case PromptQuestions:
				saved, draft = Answer{Items: []string{"one"}}, Answer{Items: []string{"one", "tw"}}
			case PromptMoodAfter:
				saved, draft = Answer{Score: 4}, Answer{Score: 7, Text: "bet"}
			case PromptActions:
				saved, draft = Answer{Actions: []Action{{Text: "a"}}}, Answer{Actions: []Action{{Text: "a"}, {Text: "b"}}}
			}
			s := NewSession(fixedNow)
			s.Set(id, saved, fixedNow)

			t1 := fixedNow.Add(time.Minute)
			if !s.SetDraft(id, draft, t1) {
				t.Fatal("SetDraft of a new draft reported no change")
			}
			if got := s.Current(id); !got.Equal(draft) {
				t.Errorf("Current = %+v, want the draft %+v", got, draft)
			}
			if got := s.Get(id); !got.Equal(saved) {
				t.Errorf("SetDraft changed the saved answer: Get = %+v, want %+v", got, saved)
			}
			if !s.UpdatedAt.Equal(t1) {
				t.Errorf("UpdatedAt = %v, want %v", s.UpdatedAt, t1)
			}
			if s.SetDraft(id, draft, t1.Add(time.Minute)) {
				t.Error("SetDraft of the same draft reported a change")
			}

			// Typing back to what was saved drops the draft.
			if !s.SetDraft(id, saved, t1.Add(2*time.Minute)) {
				t.Error("SetDraft back to the saved answer reported no change")
			}
			if _, ok := s.Drafts[id]; ok {
				t.Errorf("a draft equal to the saved answer was kept: %+v", s.Drafts[id])
			}
			if got := s.Current(id); !got.Equal(saved) {
				t.Errorf("Current = %+v, want the saved %+v", got, saved)
			}
			rev := s.rev
			if s.SetDraft(id, saved, t1.Add(3*time.Minute)) || s.rev != rev {
				t.Error("SetDraft of the saved answer with no draft reported or made a change")
			}
		})
	}
}

func TestAnswersDoNotAlias(t *testing.T) {
	s := NewSession(fixedNow)

	items := []string{"one", "two"}
	s.Set(PromptQuestions, Answer{Items: items}, fixedNow)
	items[0] = "changed by the caller"
	s.Get(PromptQuestions).Items[1] = "changed through Get"
	if got := s.Answers[PromptQuestions].Items; !reflect.DeepEqual(got, []string{"one", "two"}) {
		t.Errorf("stored items = %q", got)
	}

	acts := []Action{{Text: "a"}}
	s.Set(PromptActions, Answer{Actions: acts}, fixedNow)
	acts[0].Text = "changed by the caller"
	s.Get(PromptActions).Actions[0].Text = "changed through Get"
	if s.Actions[0].Text != "a" {
		t.Errorf("stored action = %q", s.Actions[0].Text)
	}

	d := []string{"draft"}
	s.SetDraft("reflect.skills", Answer{Items: d}, fixedNow)
	d[0] = "changed by the caller"
	s.Current("reflect.skills").Items[0] = "changed through Current"
	if got := s.Current("reflect.skills").Items; !reflect.DeepEqual(got, []string{"draft"}) {
		t.Errorf("stored draft = %q", got)
	}
}

func TestSetTidies(t *testing.T) {
	tests := []struct {
		name string
		id   string
		in   Answer
		want Answer
	}{
		{"blank list items are dropped", PromptQuestions,
			Answer{Items: []string{"", "Why us?", "   ", "\t", "Salary?", "\n"}},
			Answer{Items: []string{"Why us?", "Salary?"}}},
		{"an all-blank list is no answer", PromptQuestions,
			Answer{Items: []string{"", "  "}}, Answer{}},
		{"blank actions are dropped", PromptActions,
			Answer{Actions: []Action{{Text: " "}, {Text: "Email Sam", Due: "2026-12-01"}, {}, {Text: "\t", Due: " "}}},
			Answer{Actions: []Action{{Text: "Email Sam", Due: "2026-12-01"}}}},
		{"all-blank actions are no actions", PromptActions,
			Answer{Actions: []Action{{}, {Text: "  "}}}, Answer{}},
		{"checklist free text survives with no ticks", "step_back.outside",
			Answer{Items: []string{""}, Text: "a reorg"}, Answer{Text: "a reorg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(fixedNow)
			s.Set(tt.id, tt.in, fixedNow)
			if got := s.Get(tt.id); !got.Equal(tt.want) {
				t.Errorf("Get = %+v, want %+v", got, tt.want)
			}
			if tt.want.IsZero() {
				if _, ok := s.Answers[tt.id]; ok || s.Actions != nil {
					t.Errorf("a blank answer was stored: Answers %v, Actions %v", s.Answers, s.Actions)
				}
				if !s.IsEmpty() {
					t.Error("IsEmpty = false after setting only blanks")
				}
			}
			// Setting the untidy answer again is no change: it tidies to
			// what is stored.
			if s.Set(tt.id, tt.in, fixedNow.Add(time.Minute)) {
				t.Error("setting the same untidy answer again reported a change")
			}
		})
	}
}

// fullSessionForClone has something in every field that Clone must copy.
func fullSessionForClone() *Session {
	return &Session{
		SchemaVersion: SchemaVersion,
		ID:            "0123456789abcdef",
		CreatedAt:     fixedNow,
		UpdatedAt:     fixedNow,
		Status:        InProgress,
		Position:      PromptQuestions,
		Intake:        Intake{Company: "Northwind", Role: "Designer"},
		MoodBefore:    &Mood{Score: 3, Word: "flat"},
		MoodAfter:     &Mood{Score: 6, Word: "lighter"},
		Feedback:      FeedbackRequest{Draft: "Hello", Send: "yes"},
		Actions:       []Action{{Text: "Email Sam", Due: "2026-12-01"}},
		Answers: map[string]Answer{
			PromptQuestions: {Items: []string{"Why us?"}},
			"x.actions":     {Actions: []Action{{Text: "inner"}}},
		},
		Drafts: map[string]Answer{
			"reflect.skills": {Items: []string{"Figma"}},
		},
		rev: 7,
	}
}

func TestCloneIsDeep(t *testing.T) {
	orig, want := fullSessionForClone(), fullSessionForClone()
	c := orig.Clone()
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("Clone differs from the original:\n got %+v\nwant %+v", c, want)
	}

	mutations := []func(c *Session){
		func(c *Session) { c.MoodBefore.Score = 9 },
		func(c *Session) { c.MoodAfter.Word = "changed" },
		func(c *Session) { c.Actions[0].Text = "changed" },
		func(c *Session) { c.Actions = append(c.Actions[:1], Action{Text: "appended"}) },
		func(c *Session) { c.Answers[PromptQuestions].Items[0] = "changed" },
		func(c *Session) { c.Answers["x.actions"].Actions[0].Text = "changed" },
		func(c *Session) { c.Answers["new"] = Answer{Text: "new"} },
		func(c *Session) { delete(c.Answers, PromptQuestions) },
		func(c *Session) { c.Drafts["reflect.skills"].Items[0] = "changed" },
		func(c *Session) { c.Drafts["new"] = Answer{Text: "new"} },
		func(c *Session) { c.Intake.Company = "changed" },
		func(c *Session) { c.Feedback.Draft = "changed" },
		func(c *Session) { c.Set(PromptMoodBefore, Answer{}, fixedNow) },
		func(c *Session) { c.Set(PromptActions, Answer{}, fixedNow) },
	}
	for _, m := range mutations {
		m(c)
	}
	if !reflect.DeepEqual(orig, want) {
		t.Errorf("mutating the clone changed the original:\n got %+v\nwant %+v", orig, want)
	}

	// And the other way round: the clone does not see later changes.
	orig2 := fullSessionForClone()
	c2 := orig2.Clone()
	orig2.MoodBefore.Score = 1
	orig2.Answers[PromptQuestions].Items[0] = "changed"
	orig2.Drafts["reflect.skills"].Items[0] = "changed"
	if !reflect.DeepEqual(c2, fullSessionForClone()) {
		t.Errorf("changing the original changed the clone: %+v", c2)
	}

	// Nil maps and moods stay nil (no empty drafts map appears in the file).
	e := NewSession(fixedNow).Clone()
	if e.Drafts != nil || e.MoodBefore != nil || e.MoodAfter != nil || e.Actions != nil {
		t.Errorf("Clone of a new session invented values: %+v", e)
	}
}

func TestIsEmpty(t *testing.T) {
	tests := []struct {
		name string
		mod  func(s *Session)
		want bool
	}{
		{"new session", func(*Session) {}, true},
		{"only moved", func(s *Session) { s.Position = PromptStage }, true},
		{"a set and cleared answer", func(s *Session) {
			s.Set(PromptRole, Answer{Text: "x"}, fixedNow)
			s.Set(PromptRole, Answer{}, fixedNow)
		}, true},
		{"intake", func(s *Session) { s.Intake.Channel = "email" }, false},
		{"mood before", func(s *Session) { s.MoodBefore = &Mood{Score: 1} }, false},
		{"mood after", func(s *Session) { s.MoodAfter = &Mood{Score: 1} }, false},
		{"feedback", func(s *Session) { s.Feedback.FollowUpOn = "2026-12-01" }, false},
		{"actions", func(s *Session) { s.Actions = []Action{{Text: "x"}} }, false},
		{"answers", func(s *Session) { s.Answers["a"] = Answer{Text: "x"} }, false},
		{"drafts", func(s *Session) { s.SetDraft("a", Answer{Text: "x"}, fixedNow) }, false},
		{"complete", func(s *Session) { s.Status = Complete }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(fixedNow)
			tt.mod(s)
			if got := s.IsEmpty(); got != tt.want {
				t.Errorf("IsEmpty = %v, want %v", got, tt.want)
			}
		})
	}
}

package coach

import (
	"slices"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// fixedNow is the clock of the coach tests: a fixed instant in UTC, so that
// UpdatedAt and the dates derived from it are reproducible.
var fixedNow = time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)

// loadFlow is the real, embedded flow.
func loadFlow(t testing.TB) *content.Flow {
	t.Helper()
	flow, _, err := content.Load()
	if err != nil {
		t.Fatalf("content.Load: %v", err)
	}
	return flow
}

// smallFlow is a hand-built flow with the shapes the walk must handle: a
// step-0 section first, a section of a single prompt, and a last section of
// two prompts.
func smallFlow() *content.Flow {
	p := func(id string) content.Prompt { return content.Prompt{ID: id, Kind: content.Text, Label: id} }
	return &content.Flow{Sections: []content.Section{
		{ID: "intake", Title: "What happened", Prompts: []content.Prompt{p("in.a"), p("in.b")}},
		{ID: "one", Title: "First step", Step: 1, Prompts: []content.Prompt{p("one.a")}},
		{ID: "two", Title: "Second step", Step: 2, Prompts: []content.Prompt{p("two.a"), p("two.b")}},
	}}
}

// promptIDs lists every prompt of a flow in walking order.
func promptIDs(f *content.Flow) []string {
	var ids []string
	for _, s := range f.Sections {
		for _, p := range s.Prompts {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// walkMove is one move of a scripted walk and what must come of it.
type walkMove struct {
	op  string // "next", "back" or "jump"
	arg string // the prompt ID for "jump"
	ok  bool   // Next's finished; Back's and Jump's result
	at  string // the current prompt afterwards
}

func TestWalkScript(t *testing.T) {
	tests := []struct {
		name       string
		position   string // the session's saved Position
		start      string // where NewWalk must place the walk
		moves      []walkMove
		wantStatus Status
	}{
		{
			name:  "empty position starts at the first prompt",
			start: "in.a",
		},
		{
			name:     "unknown position starts at the first prompt",
			position: "no.such.prompt",
			start:    "in.a",
		},
		{
			name:     "resume at the saved position",
			position: "one.a",
			start:    "one.a",
		},
		{
			name:  "next within a section",
			start: "in.a",
			moves: []walkMove{{op: "next", ok: false, at: "in.b"}},
		},
		{
			name:     "next across section boundaries, through a one-prompt section",
			position: "in.b",
			start:    "in.b",
			moves: []walkMove{
				{op: "next", ok: false, at: "one.a"},
				{op: "next", ok: false, at: "two.a"},
			},
		},
		{
			name:     "back across boundaries lands on the previous section's last prompt",
			position: "two.a",
			start:    "two.a",
			moves: []walkMove{
				{op: "back", ok: true, at: "one.a"},
				{op: "back", ok: true, at: "in.b"},
				{op: "back", ok: true, at: "in.a"},
				{op: "back", ok: false, at: "in.a"},
			},
		},
		{
			name:  "back at the very first prompt reports false and stays",
			start: "in.a",
			moves: []walkMove{
				{op: "back", ok: false, at: "in.a"},
				{op: "back", ok: false, at: "in.a"},
			},
		},
		{
			name:     "next from the last prompt completes the session, twice over",
			position: "two.a",
			start:    "two.a",
			moves: []walkMove{
				{op: "next", ok: false, at: "two.b"},
				{op: "next", ok: true, at: "two.b"},
				{op: "next", ok: true, at: "two.b"},
			},
			wantStatus: Complete,
		},
		{
			name:  "jump to a known prompt, then to unknown ones",
			start: "in.a",
			moves: []walkMove{
				{op: "jump", arg: "two.b", ok: true, at: "two.b"},
				{op: "jump", arg: "nope", ok: false, at: "two.b"},
				{op: "jump", arg: "", ok: false, at: "two.b"},
				{op: "jump", arg: "in.b", ok: true, at: "in.b"},
				{op: "next", ok: false, at: "one.a"},
			},
		},
		{
			name:     "a completed session can be walked back and stays complete",
			position: "two.b",
			start:    "two.b",
			moves: []walkMove{
				{op: "next", ok: true, at: "two.b"},
				{op: "back", ok: true, at: "two.a"},
				{op: "next", ok: false, at: "two.b"},
			},
			wantStatus: Complete,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(fixedNow)
			s.Position = tt.position
			rev := s.rev
			w := NewWalk(smallFlow(), s)
			if got := w.Prompt().ID; got != tt.start {
				t.Fatalf("NewWalk at position %q: prompt %q, want %q", tt.position, got, tt.start)
			}
			if w.Session() != s {
				t.Errorf("Session() is not the walked session")
			}
			// A missing or stale position is set to where the walk starts,
			// without counting as a change worth saving.
			if s.rev != rev || !s.UpdatedAt.Equal(fixedNow) || s.Position != tt.start {
				t.Errorf("NewWalk: rev %d→%d, UpdatedAt %v, Position %q (want %q)", rev, s.rev, s.UpdatedAt, s.Position, tt.start)
			}
			for i, m := range tt.moves {
				now := fixedNow.Add(time.Duration(i+1) * time.Minute)
				before, beforeRev, beforeUpdated := w.Prompt().ID, s.rev, s.UpdatedAt
				beforeStatus := s.Status
				var ok bool
				switch m.op {
				case "next":
					ok = w.Next(now)
				case "back":
					ok = w.Back(now)
				case "jump":
					ok = w.Jump(m.arg, now)
				default:
					t.Fatalf("bad op %q", m.op)
				}
				if ok != m.ok || w.Prompt().ID != m.at {
					t.Fatalf("move %d %s(%q) from %q: got (%v, at %q), want (%v, at %q)",
						i, m.op, m.arg, before, ok, w.Prompt().ID, m.ok, m.at)
				}
				moved := m.at != before
				completed := beforeStatus != Complete && s.Status == Complete
				switch {
				case moved:
					if s.Position != m.at {
						t.Errorf("move %d %s: Position = %q, want %q", i, m.op, s.Position, m.at)
					}
					if s.rev != beforeRev+1 || !s.UpdatedAt.Equal(now) {
						t.Errorf("move %d %s: a move must touch the session once (rev %d→%d, UpdatedAt %v, want %v)",
							i, m.op, beforeRev, s.rev, s.UpdatedAt, now)
					}
				case completed:
					if s.rev != beforeRev+1 || !s.UpdatedAt.Equal(now) {
						t.Errorf("move %d: completing must touch the session once (rev %d→%d)", i, beforeRev, s.rev)
					}
				default:
					if s.rev != beforeRev || !s.UpdatedAt.Equal(beforeUpdated) {
						t.Errorf("move %d %s that went nowhere touched the session (rev %d→%d)", i, m.op, beforeRev, s.rev)
					}
				}
			}
			want := tt.wantStatus
			if want == "" {
				want = InProgress
			}
			if s.Status != want || w.Done() != (want == Complete) {
				t.Errorf("Status = %q, Done() = %v; want %q", s.Status, w.Done(), want)
			}
		})
	}
}

func TestWalkNextFromLastIsIdempotent(t *testing.T) {
	flow := loadFlow(t)
	ids := promptIDs(flow)
	s := NewSession(fixedNow)
	s.Position = ids[len(ids)-1]
	w := NewWalk(flow, s)

	first := fixedNow.Add(time.Hour)
	if !w.Next(first) {
		t.Fatal("Next from the last prompt: finished = false")
	}
	if s.Status != Complete || !w.Done() {
		t.Fatalf("after finishing: Status = %q, Done = %v", s.Status, w.Done())
	}
	rev := s.rev
	for i := range 3 {
		if !w.Next(first.Add(time.Duration(i+1) * time.Minute)) {
			t.Fatalf("Next #%d after completion: finished = false", i+2)
		}
	}
	if s.rev != rev || !s.UpdatedAt.Equal(first) {
		t.Errorf("repeated Next on a complete session touched it: rev %d→%d, UpdatedAt %v, want %v", rev, s.rev, s.UpdatedAt, first)
	}
	if w.Prompt().ID != ids[len(ids)-1] || s.Position != ids[len(ids)-1] {
		t.Errorf("finishing moved the walk to %q (Position %q)", w.Prompt().ID, s.Position)
	}
}

// askedIDs lists the prompts a walk of an empty session of the embedded
// flow stops at: every prompt but those whose condition needs an answer.
func askedIDs(t *testing.T, f *content.Flow) []string {
	t.Helper()
	ids := slices.DeleteFunc(promptIDs(f), func(id string) bool {
		sec, prm, _ := f.Prompt(id)
		return len(f.Sections[sec].Prompts[prm].When) > 0 && !NewSession(fixedNow).Applies(f.Sections[sec].Prompts[prm])
	})
	for _, skipped := range []string{"feedback.topic", PromptClosureOn} {
		if slices.Contains(ids, skipped) {
			t.Fatalf("an empty session is asked %q", skipped)
		}
	}
	return ids
}

// TestWalkRealFlow walks the embedded flow end to end, both ways.
func TestWalkRealFlow(t *testing.T) {
	flow := loadFlow(t)
	ids := askedIDs(t, flow)
	s := NewSession(fixedNow)
	w := NewWalk(flow, s)
	if !w.IsFirst() || w.Prompt().ID != ids[0] {
		t.Fatalf("a new walk starts at %q (IsFirst %v), want %q", w.Prompt().ID, w.IsFirst(), ids[0])
	}

	var forward []string
	forward = append(forward, w.Prompt().ID)
	for i := 1; i < len(ids); i++ {
		if w.Next(fixedNow) {
			t.Fatalf("Next finished at %q, %d prompts early", w.Prompt().ID, len(ids)-i)
		}
		if w.IsFirst() {
			t.Fatalf("IsFirst at %q", w.Prompt().ID)
		}
		if s.Position != w.Prompt().ID {
			t.Fatalf("Position %q after moving to %q", s.Position, w.Prompt().ID)
		}
		forward = append(forward, w.Prompt().ID)
	}
	if !slices.Equal(forward, ids) {
		t.Fatalf("forward walk:\n got %q\nwant %q", forward, ids)
	}
	if s.Status != InProgress {
		t.Fatalf("Status %q before the last Next", s.Status)
	}
	if !w.Next(fixedNow) || s.Status != Complete {
		t.Fatalf("Next from %q did not complete the session (Status %q)", w.Prompt().ID, s.Status)
	}

	var backward []string
	backward = append(backward, w.Prompt().ID)
	for w.Back(fixedNow) {
		backward = append(backward, w.Prompt().ID)
		if len(backward) > len(ids) {
			t.Fatalf("Back never stopped: %q", backward)
		}
	}
	slices.Reverse(backward)
	if !slices.Equal(backward, ids) {
		t.Fatalf("backward walk (reversed):\n got %q\nwant %q", backward, ids)
	}
	if !w.IsFirst() || s.Position != ids[0] {
		t.Errorf("after walking back: at %q, Position %q, IsFirst %v", w.Prompt().ID, s.Position, w.IsFirst())
	}
}

// TestWalkRealBoundaries pins the section boundaries of flow.json that the
// screens depend on; it fails, on purpose, when the flow is reordered.
func TestWalkRealBoundaries(t *testing.T) {
	tests := []struct {
		from, next, back string
	}{
		{from: PromptMoodBefore, next: PromptCompany, back: ""},
		{from: PromptStage, next: "step_back.outside", back: PromptRole},
		{from: "step_back.outside", next: "step_back.bigger_picture", back: PromptStage},
		{from: "step_back.free_write", next: "not_personal.thought", back: "step_back.bigger_picture"},
		{from: "not_personal.belief_after", next: PromptInterviewer, back: PromptBalanced},
		// With no stage there is no final-round topic to ask for.
		{from: PromptMessage, next: PromptDraft, back: PromptRejectedOn},
		{from: PromptDraft, next: PromptSend, back: PromptMessage},
		// Without a channel there is no silence to close.
		{from: PromptFollowUpOn, next: "feedback.went_well", back: PromptSendOn},
		{from: PromptQuestions, next: "reflect.unprepared", back: PromptDoBetter},
		{from: "restart.next_day", next: "restart.target", back: "reflect.skills"},
		{from: PromptMoodAfter, next: PromptMoodAfter, back: PromptPlan},
	}
	flow := loadFlow(t)
	for _, tt := range tests {
		t.Run(tt.from, func(t *testing.T) {
			s := NewSession(fixedNow)
			s.Position = tt.from
			w := NewWalk(flow, s)
			if w.Prompt().ID != tt.from {
				t.Fatalf("resume at %q: walk is at %q", tt.from, w.Prompt().ID)
			}
			w.Next(fixedNow)
			if w.Prompt().ID != tt.next {
				t.Errorf("Next from %q = %q, want %q", tt.from, w.Prompt().ID, tt.next)
			}
			w = NewWalk(flow, &Session{Position: tt.from})
			if moved := w.Back(fixedNow); moved != (tt.back != "") || moved && w.Prompt().ID != tt.back {
				t.Errorf("Back from %q = %v, %q; want %q", tt.from, moved, w.Prompt().ID, tt.back)
			}
		})
	}
	t.Run("back at the first prompt", func(t *testing.T) {
		s := NewSession(fixedNow)
		w := NewWalk(flow, s)
		if w.Back(fixedNow) {
			t.Error("Back at the first prompt reported true")
		}
		if w.Prompt().ID != PromptMoodBefore || !w.IsFirst() {
			t.Errorf("Back at the first prompt moved to %q", w.Prompt().ID)
		}
	})
}

func TestWalkProgress(t *testing.T) {
	small := smallFlow()
	embedded := loadFlow(t)
	tests := []struct {
		flow      *content.Flow
		at        string
		step      int
		steps     int
		title     string
		sectionID string
	}{
		{small, "in.a", 0, 2, "What happened", "intake"},
		{small, "one.a", 1, 2, "First step", "one"},
		{small, "two.b", 2, 2, "Second step", "two"},
		{embedded, PromptCompany, 0, 5, "What happened", "intake"},
		{embedded, PromptMoodBefore, 0, 5, "Check in", "checkin"},
		{embedded, "step_back.outside", 1, 5, "Step back", "step-back"},
		{embedded, "not_personal.balanced", 2, 5, "Don't take it personally", "not-personal"},
		{embedded, PromptDraft, 3, 5, "Get feedback", "feedback"},
		{embedded, "reflect.skills", 4, 5, "Reflect", "reflect"},
		{embedded, PromptActions, 5, 5, "Restart", "restart"},
		{embedded, PromptMoodAfter, 0, 5, "Check out", "checkout"},
	}
	for _, tt := range tests {
		t.Run(tt.at, func(t *testing.T) {
			w := NewWalk(tt.flow, NewSession(fixedNow))
			if !w.Jump(tt.at, fixedNow) {
				t.Fatalf("Jump(%q) = false", tt.at)
			}
			step, steps, title := w.Progress()
			if step != tt.step || steps != tt.steps || title != tt.title {
				t.Errorf("Progress at %q = (%d, %d, %q), want (%d, %d, %q)", tt.at, step, steps, title, tt.step, tt.steps, tt.title)
			}
			if w.Section().ID != tt.sectionID {
				t.Errorf("Section at %q = %q, want %q", tt.at, w.Section().ID, tt.sectionID)
			}
		})
	}
}

// TestWalkSkip: skipping a prompt is Next without Set; nothing is recorded
// for it, wherever its answer would have lived.
func TestWalkSkip(t *testing.T) {
	flow := loadFlow(t)
	for _, id := range []string{PromptCompany, PromptMoodBefore, "step_back.outside", PromptDraft, PromptActions} {
		t.Run(id, func(t *testing.T) {
			s := NewSession(fixedNow)
			s.Position = id
			w := NewWalk(flow, s)
			if w.Next(fixedNow.Add(time.Minute)) {
				t.Fatalf("Next from %q finished the session", id)
			}
			if !s.Get(id).IsZero() || !s.Current(id).IsZero() {
				t.Errorf("skipped %q has an answer: %+v", id, s.Get(id))
			}
			if _, ok := s.Answers[id]; ok {
				t.Errorf("skipped %q has an entry in Answers", id)
			}
			if len(s.Answers) != 0 || len(s.Drafts) != 0 || s.Intake != (Intake{}) ||
				s.MoodBefore != nil || s.Feedback != (FeedbackRequest{}) || s.Actions != nil {
				t.Errorf("skipping %q recorded something: %+v", id, s)
			}
			if !s.IsEmpty() {
				t.Errorf("a session with only skips is not IsEmpty")
			}
		})
	}
}

// TestWalkConditions: a prompt with a condition is asked only once the
// answer it names allows it, and passed over both ways otherwise.
func TestWalkConditions(t *testing.T) {
	flow := loadFlow(t)
	tests := []struct {
		name       string
		answers    map[string]string
		from, next string
	}{
		{"final round: the topic", map[string]string{PromptStage: "final round"}, PromptMessage, PromptTopic},
		{"phone screen: no topic", map[string]string{PromptStage: "phone screen"}, PromptMessage, PromptDraft},
		{"no sending: no dates", map[string]string{PromptSend: "no"}, PromptSend, "feedback.went_well"},
		{"maybe later: no dates until one is set", map[string]string{PromptSend: "maybe later"}, PromptSend, "feedback.went_well"},
		{"sending: the send date", map[string]string{PromptSend: "yes"}, PromptSend, PromptSendOn},
		{"silence: a closure date", map[string]string{PromptChannel: "silence"}, PromptFollowUpOn, PromptClosureOn},
		{"silence, not sending: still a closure date", map[string]string{PromptChannel: "silence", PromptSend: "no"}, PromptSend, PromptClosureOn},
		{"an email: no closure", map[string]string{PromptChannel: "email"}, PromptFollowUpOn, "feedback.went_well"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(fixedNow)
			for id, v := range tt.answers {
				s.Set(id, Answer{Text: v}, fixedNow)
			}
			s.Position = tt.from
			w := NewWalk(flow, s)
			if w.Next(fixedNow); w.Prompt().ID != tt.next {
				t.Errorf("Next from %q = %q, want %q", tt.from, w.Prompt().ID, tt.next)
			}
			if !w.Back(fixedNow) || w.Prompt().ID != tt.from {
				t.Errorf("Back from %q = %q, want %q", tt.next, w.Prompt().ID, tt.from)
			}
		})
	}
	// A conditional prompt stays reachable to edit.
	w := NewWalk(flow, NewSession(fixedNow))
	if !w.Jump(PromptTopic, fixedNow) || w.Prompt().ID != PromptTopic {
		t.Error("Jump to a prompt whose condition does not hold should still work")
	}
	// A session saved there resumes there.
	s := NewSession(fixedNow)
	s.Position = PromptClosureOn
	if w := NewWalk(flow, s); w.Prompt().ID != PromptClosureOn {
		t.Errorf("resume at %q gave %q", PromptClosureOn, w.Prompt().ID)
	}
}

// TestWalkDepths walks each depth of the embedded flow from a new session:
// the walk stops at exactly the prompts of its path that apply.
func TestWalkDepths(t *testing.T) {
	flow := loadFlow(t)
	for _, d := range []content.Depth{content.TenMinutes, content.Rest, content.Whole} {
		t.Run(string(d), func(t *testing.T) {
			s := NewSession(fixedNow)
			w := NewWalk(flow, s)
			w.SetDepth(d, fixedNow)
			if d == content.Rest {
				w.Reopen(fixedNow) // the rest does not start at the check-in
			}
			want := slices.DeleteFunc(flow.Path(d), func(id string) bool {
				sec, prm, _ := flow.Prompt(id)
				return !s.Applies(flow.Sections[sec].Prompts[prm])
			})
			got := []string{w.Prompt().ID}
			for !w.Next(fixedNow) {
				got = append(got, w.Prompt().ID)
			}
			if !slices.Equal(got, want) {
				t.Errorf("walked\n %q\nwant\n %q", got, want)
			}
			if !w.Done() {
				t.Error("the walk did not complete the session")
			}
		})
	}
}

func TestWalkSetDepthAndReopen(t *testing.T) {
	flow := loadFlow(t)
	s := NewSession(fixedNow)
	w := NewWalk(flow, s)
	if w.SetDepth(content.Whole, fixedNow) || s.Depth != "" {
		t.Errorf("Whole on a new session is no change (Depth %q)", s.Depth)
	}
	rev := s.rev
	if !w.SetDepth(content.TenMinutes, fixedNow) || s.Depth != content.TenMinutes || s.rev == rev {
		t.Errorf("SetDepth(TenMinutes): Depth %q, rev %d→%d", s.Depth, rev, s.rev)
	}
	if w.SetDepth(content.TenMinutes, fixedNow) {
		t.Error("setting the same depth again is no change")
	}
	if w.Prompt().ID != PromptMoodBefore {
		t.Errorf("SetDepth moved the walk to %q", w.Prompt().ID)
	}
	// The ten-minute session ends; the rest reopens it where the rest
	// begins, and the same file fills.
	for !w.Next(fixedNow) {
	}
	if !w.Done() || w.Prompt().ID != "restart.next_day" {
		t.Fatalf("the short walk ended at %q, Done %v", w.Prompt().ID, w.Done())
	}
	w.SetDepth(content.Rest, fixedNow)
	later := fixedNow.Add(24 * time.Hour)
	if !w.Reopen(later) || w.Done() || s.Status != InProgress {
		t.Fatalf("Reopen: Done %v, Status %q", w.Done(), s.Status)
	}
	if first := flow.Path(content.Rest)[0]; w.Prompt().ID != first || s.Position != first || !s.UpdatedAt.Equal(later) {
		t.Errorf("the rest starts at %q (Position %q), want %q", w.Prompt().ID, s.Position, first)
	}
	if !w.IsFirst() {
		t.Error("the first prompt of the rest should be IsFirst: Back goes nowhere")
	}
	// A walk with nothing left to ask does not reopen.
	empty := &content.Flow{Sections: []content.Section{{ID: "x", Title: "X", Prompts: []content.Prompt{
		{ID: "x.a", Kind: content.Text, Label: "a", When: map[string][]string{"x.b": {"never"}}}}}}}
	s2 := NewSession(fixedNow)
	s2.Status = Complete
	if w := NewWalk(empty, s2); w.Reopen(later) || s2.Status != Complete {
		t.Error("Reopen with nothing to ask should report false and change nothing")
	}
}

func TestRestLeftAndGoDeeper(t *testing.T) {
	flow := loadFlow(t)
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	session := func(d content.Depth, st Status, answered ...string) *Session {
		s := NewSession(now)
		s.Depth, s.Status = d, st
		for _, id := range answered {
			s.Set(id, Answer{Text: "yes"}, now)
		}
		return s
	}
	rest := len(Unanswered(flow, NewSession(now), content.Rest)) // those that apply with no answers
	tests := []struct {
		name string
		s    *Session
		want int
	}{
		{"no session", nil, 0},
		{"ten minutes, complete", session(content.TenMinutes, Complete), rest},
		{"ten minutes, one of the rest answered", session(content.TenMinutes, Complete, "step_back.bigger_picture"), rest - 1},
		{"ten minutes, in progress", session(content.TenMinutes, InProgress), 0},
		{"whole, complete", session("", Complete), 0},
		{"already going deeper", session(content.Rest, InProgress), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RestLeft(flow, tt.s); got != tt.want {
				t.Errorf("RestLeft = %d, want %d", got, tt.want)
			}
			if tt.s == nil {
				return
			}
			w, ok := GoDeeper(flow, tt.s, now)
			if ok != (tt.want > 0) {
				t.Fatalf("GoDeeper = %v, want %v", ok, tt.want > 0)
			}
			if !ok {
				return
			}
			if id := w.Prompt().ID; tt.s.Depth != content.Rest || tt.s.Status != InProgress || !flow.InPath(content.Rest, id) {
				t.Errorf("after GoDeeper: depth %q, status %s, at %s", tt.s.Depth, tt.s.Status, id)
			}
		})
	}
}

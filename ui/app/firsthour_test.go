package app

import (
	"slices"
	"strings"
	"testing"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/pages/flow"
)

// startAsked starts a new session from home with the check-in left to the
// test.
func startAsked(t *testing.T) *driver {
	d := newDriver(t, 80, 24)
	d.asksCheckIn = true
	d.press("enter")
	return d
}

// TestCheckInComesFirst: a new session opens by asking how you are, and
// the intake that follows asks three things.
func TestCheckInComesFirst(t *testing.T) {
	d := startAsked(t)
	if d.prompt() != coach.PromptMoodBefore || !strings.Contains(d.view(), "How are you, right now?") {
		t.Fatalf("a new session opens at %q:\n%s", d.prompt(), d.view())
	}
	d.press("7", "enter", "enter")
	if d.prompt() != coach.PromptCompany {
		t.Fatalf("after the check-in and the depth, at %q", d.prompt())
	}
	v := d.view()
	for _, gone := range []string{"Interviewer", "How it came", "The message"} {
		if strings.Contains(v, gone) {
			t.Errorf("the intake still asks %q:\n%s", gone, v)
		}
	}
}

// TestLowMoodNote: at 3 or under the note comes before the choice of depth,
// one key goes on; at 4 there is no note.
func TestLowMoodNote(t *testing.T) {
	tests := []struct {
		score string
		note  bool
	}{
		{"1", true},
		{"3", true},
		{"4", false},
		{"0", false}, // 10
	}
	snippet := strings.Fields(content.LowMood())[0:6]
	for _, tt := range tests {
		t.Run("score "+tt.score, func(t *testing.T) {
			d := startAsked(t)
			d.press(tt.score, "enter")
			v := strings.Join(strings.Fields(d.view()), " ")
			if got := strings.Contains(v, strings.Join(snippet, " ")); got != tt.note {
				t.Fatalf("note shown %v, want %v:\n%s", got, tt.note, d.view())
			}
			if tt.note {
				if d.m.flow.Interlude() != flow.LowMoodNote || !strings.Contains(v, "enter go on") {
					t.Fatalf("the note should wait for one key, named in the footer:\n%s", d.view())
				}
				d.press("enter")
			}
			if !strings.Contains(d.view(), "How long have you got?") {
				t.Fatalf("the depth choice should follow:\n%s", d.view())
			}
			if s := d.saved(); s.MoodBefore == nil || s.MoodBefore.Score == 0 {
				t.Error("the check-in was not saved before the note")
			}
		})
	}
}

// TestLowMoodBackAndHome: shift+tab from the note goes back to the
// check-in, and esc goes home with the check-in saved.
func TestLowMoodBackAndHome(t *testing.T) {
	d := startAsked(t)
	d.press("2", "enter", "shift+tab")
	if d.m.flow.Interlude() != flow.NoInterlude || d.prompt() != coach.PromptMoodBefore {
		t.Fatalf("shift+tab from the note: interlude %v at %q", d.m.flow.Interlude(), d.prompt())
	}
	d.press("enter", "esc")
	if d.m.page != common.Home || d.saved().MoodBefore.Score != 2 {
		t.Errorf("esc from the note: page %v, saved %+v", d.m.page, d.saved().MoodBefore)
	}
}

// TestDepthChoice: ten minutes is the default and walks the short path;
// the whole session asks every prompt.
func TestDepthChoice(t *testing.T) {
	flow := testFlow(t)
	tests := []struct {
		name  string
		keys  []string
		depth content.Depth
	}{
		{"default is ten minutes", []string{"enter"}, content.TenMinutes},
		{"1 is ten minutes", []string{"1", "enter"}, content.TenMinutes},
		{"2 is the whole session", []string{"2", "enter"}, ""},
		{"down is the whole session", []string{"down", "enter"}, ""},
		{"tab starts too", []string{"down", "up", "tab"}, content.TenMinutes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := startAsked(t)
			d.press("6", "enter")
			d.press(tt.keys...)
			if s := d.saved(); s.Depth != tt.depth {
				t.Fatalf("depth %q, want %q", s.Depth, tt.depth)
			}
			want := flow.Path(content.TenMinutes)
			if tt.depth == "" {
				want = flow.Path(content.Whole)
			}
			var asked []string
			for range 60 {
				if d.m.page != common.Flow {
					break
				}
				asked = append(asked, d.prompt())
				d.press("tab")
			}
			// The walk skips what does not apply: nothing here picks a
			// stage or a channel.
			var applies []string
			for _, id := range want {
				sec, prm, _ := flow.Prompt(id)
				if coach.NewSession(fixedNow).Applies(flow.Sections[sec].Prompts[prm]) || id == "feedback.send_on" || id == "feedback.follow_up_on" {
					applies = append(applies, id)
				}
			}
			if !slices.Equal(asked, applies[1:]) {
				t.Errorf("asked\n %q\nwant\n %q", asked, applies[1:])
			}
			if d.m.page != common.Summary {
				t.Errorf("the walk ended on page %v, want the summary", d.m.page)
			}
		})
	}
}

// TestGoDeeper: a ten-minute session offers the rest from its summary and
// from home; answering it fills the same file, and the summary no longer
// offers it once it is done.
func TestGoDeeper(t *testing.T) {
	d := startAsked(t)
	d.press("6", "enter", "enter")
	for d.m.page == common.Flow {
		if d.prompt() == coach.PromptCompany {
			d.typeText("Northwind")
		}
		d.press("tab")
	}
	first := d.saved()
	if !strings.Contains(d.view(), "r go deeper") || !strings.Contains(d.view(), "The rest of this session") {
		t.Fatalf("the summary of a ten-minute session should offer the rest:\n%s", d.view())
	}
	d.press("esc")
	d.choose("Go deeper: Northwind")
	rest := testFlow(t).Path(content.Rest)
	if d.m.page != common.Flow || d.prompt() != rest[0] {
		t.Fatalf("go deeper from home: page %v at %q, want %q", d.m.page, d.prompt(), rest[0])
	}
	d.typeText("Two other applications are still open.")
	d.press("tab")
	s := d.saved()
	if s.ID != first.ID || s.Depth != content.Rest || s.Status != coach.InProgress ||
		s.Answers["step_back.bigger_picture"].Text != "Two other applications are still open." || s.Intake.Company != "Northwind" {
		t.Fatalf("the rest should fill the same file: %s (first %s) depth %q status %q company %q answer %q", s.ID, first.ID, s.Depth, s.Status, s.Intake.Company, s.Answers["step_back.bigger_picture"].Text)
	}
	for d.m.page == common.Flow {
		d.press("tab")
	}
	if s := d.saved(); s.Status != coach.Complete || strings.Contains(d.view(), "go deeper") {
		t.Errorf("after the rest: status %q, and the summary:\n%s", s.Status, d.view())
	}
}

// TestDepthAndNoteGolden pins the two screens after the check-in at 80x24.
func TestDepthAndNoteGolden(t *testing.T) {
	d := startAsked(t)
	d.press("2", "enter")
	golden(t, "low-mood", d.view())
	d.press("enter")
	golden(t, "depth", d.view())
}

// TestCheckInShowsTheLastPlan: the if-then plan written in an earlier
// session is shown on the next check-in, in one line, and only there.
func TestCheckInShowsTheLastPlan(t *testing.T) {
	d := newDriver(t, 80, 24)
	old := coach.NewSession(fixedNow.AddDate(0, 0, -7))
	old.Set(coach.PromptPlan, coach.Answer{Text: "call Sam and take the evening off"}, fixedNow)
	if err := d.store.Overwrite(old); err != nil {
		t.Fatal(err)
	}
	d.asksCheckIn = true
	d.press("enter")
	want := "If another no came, you planned to: call Sam and take the evening off"
	if !strings.Contains(d.view(), want) {
		t.Fatalf("the check-in does not show the last plan:\n%s", d.view())
	}
	d.press("6", "enter", "2", "enter")
	if strings.Contains(d.view(), "you planned to") {
		t.Errorf("the plan is shown past the check-in:\n%s", d.view())
	}
}

// TestDepthChoiceKeepsAWholeSession: a session already begun as a whole one
// (saved with no depth) and taken back to its check-in offers the whole
// session again, not ten minutes.
func TestDepthChoiceKeepsAWholeSession(t *testing.T) {
	d := newDriver(t, 80, 24) // the driver answers the check-in: the whole session
	d.press("enter")
	d.typeText("Northwind")
	d.press("shift+tab")
	if d.prompt() != coach.PromptMoodBefore {
		t.Fatalf("shift+tab from the company went to %q", d.prompt())
	}
	d.press("enter")
	if d.m.flow.Interlude() != flow.DepthChoice || d.m.flow.Depth() != 1 {
		t.Fatalf("the choice offers %d (interlude %v), want the whole session (1):\n%s", d.m.flow.Depth(), d.m.flow.Interlude(), d.view())
	}
	d.press("enter")
	if s := d.saved(); s.Depth != "" || d.prompt() != coach.PromptCompany {
		t.Errorf("depth %q at %q, want the whole session at the company", s.Depth, d.prompt())
	}
}

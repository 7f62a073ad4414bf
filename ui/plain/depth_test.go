package plain

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
)

// asked lists the prompts whose question a transcript asks before its
// summary: each question starts a line with its label.
func asked(t *testing.T, stdout string) map[string]bool {
	t.Helper()
	before, _, ok := strings.Cut(stdout, "\nYour session\n")
	if !ok {
		t.Fatalf("the session did not reach its summary:\n%s", stdout)
	}
	flow := mustFlow(t)
	got := map[string]bool{}
	for _, sec := range flow.Sections {
		for _, p := range sec.Prompts {
			if strings.Contains(before, "\n"+p.Label) {
				got[p.ID] = true
			}
		}
	}
	return got
}

// TestPlainTenMinutes walks the ten-minute path from a file, Enter at the
// choice of depth: only its prompts are asked, and the session is saved
// complete with depth ten_minutes and every answer.
func TestPlainTenMinutes(t *testing.T) {
	tmp := t.TempDir()
	store := coach.NewStore(filepath.Join(tmp, "data"))
	r := plainRun(t, store, readInput(t, "ten-minutes.txt"), Options{NewSession: true})
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	s := onlySession(t, store)
	checkGolden(t, "ten-minutes", plainTranscript(r, tmp, s.ID))
	raw, err := os.ReadFile(store.Path(s.ID))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `"depth": "ten_minutes"`) || s.Status != coach.Complete {
		t.Errorf("status %s, file:\n%s", s.Status, raw)
	}
	flow := mustFlow(t)
	got := asked(t, r.stdout)
	for _, sec := range flow.Sections {
		for _, p := range sec.Prompts {
			if want := flow.InPath(content.TenMinutes, p.ID); got[p.ID] != want {
				t.Errorf("%s asked: %v, want %v", p.ID, got[p.ID], want)
			}
		}
	}
	day1 := fixedNow.AddDate(0, 0, 1).Format(time.DateOnly)
	if s.Intake.Company != "Northwind" || s.Intake.Stage != "final round" || s.MoodBefore == nil || s.MoodBefore.Score != 2 ||
		s.MoodAfter != nil || s.Feedback.Draft != coach.DraftRequest(s, plainName) || s.Feedback.SendOn != day1 {
		t.Errorf("saved %+v, mood %+v → %+v, feedback %+v", s.Intake, s.MoodBefore, s.MoodAfter, s.Feedback)
	}
	for id, a := range map[string]coach.Answer{
		"step_back.outside":   {Items: []string{"They could hire only one person", "Timing: budget, plans or priorities"}},
		promptThought:         {Text: "I wasted everyone's time."},
		content.PromptTraps:   {Items: []string{"Mind reading", "Labelling"}},
		"not_personal.friend": {Text: "You got to the final round; that is not wasting anyone's time."},
		"reflect.questions":   {Items: []string{"Tell me about a time you disagreed with a stakeholder."}},
		"restart.next_day":    {Text: "A long walk with Sam; save two job ads"},
	} {
		if got := s.Get(id); !got.Equal(a) {
			t.Errorf("%s = %+v, want %+v", id, got, a)
		}
	}
	if !strings.Contains(r.stdout, `  2. Mind reading: "They thought I was useless."`) {
		t.Error("the thinking traps came without their examples")
	}
}

// TestPlainWholeDepth: choosing 2 after the check-in asks every prompt
// whose condition holds, and only those; the transcript is the whole
// session's golden file.
func TestPlainWholeDepth(t *testing.T) {
	tmp := t.TempDir()
	store := coach.NewStore(filepath.Join(tmp, "data"))
	r := plainRun(t, store, readInput(t, "session.txt"), Options{NewSession: true})
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	s := onlySession(t, store)
	checkGolden(t, "whole", plainTranscript(r, tmp, s.ID))
	raw, err := os.ReadFile(store.Path(s.ID))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), `"depth"`) {
		t.Errorf("a whole session is saved with a depth:\n%s", raw)
	}
	flow := mustFlow(t)
	got := asked(t, r.stdout)
	for _, sec := range flow.Sections {
		for _, p := range sec.Prompts {
			// The answers are final: "final round" asks the topic, "email"
			// does not ask when to take silence as a no.
			if want := s.Applies(p); got[p.ID] != want {
				t.Errorf("%s asked: %v, want %v", p.ID, got[p.ID], want)
			}
		}
	}
	if !got[coach.PromptTopic] || got[coach.PromptClosureOn] {
		t.Errorf("the conditions were not followed: topic %v, closure %v", got[coach.PromptTopic], got[coach.PromptClosureOn])
	}
}

// TestPlainLowMood: a check-in of 3 or under is followed by the low-mood
// note, anything else goes straight to the choice of depth.
func TestPlainLowMood(t *testing.T) {
	note := strings.Join(strings.Fields(content.LowMood()), " ")
	for _, tt := range []struct {
		input string
		note  bool
	}{
		{"1\n", true},
		{"3 flat\n", true},
		{"4\n", false},
		{"10 fine\n", false},
		{"\n", false}, // no score
	} {
		t.Run(strings.TrimSpace(tt.input), func(t *testing.T) {
			store := coach.NewStore(filepath.Join(t.TempDir(), "data"))
			r := plainRun(t, store, tt.input, Options{NewSession: true})
			out := strings.Join(strings.Fields(r.stdout), " ")
			if got := strings.Contains(out, note); got != tt.note {
				t.Errorf("note shown: %v, want %v:\n%s", got, tt.note, r.stdout)
			}
			if !strings.Contains(r.stdout, "\nHow long have you got?\n") {
				t.Errorf("the depth was not asked:\n%s", r.stdout)
			}
		})
	}
}

// TestPlainPercentRefused: a percentage is a whole number from 0 to 100,
// "%" allowed; anything else is refused once per line and asked again,
// and Enter skips.
func TestPlainPercentRefused(t *testing.T) {
	const refusal = "That is not a number from 0 to 100"
	for _, tt := range []struct {
		name, typed, want string
		refused           int
	}{
		{"zero is an answer", "0", "0", 0},
		{"a percent sign", "100%", "100", 0},
		{"spaces around", " 7 % ", "7", 0},
		{"Enter skips", "", "", 0},
		{"words", "ninety\n90", "90", 1},
		{"out of range", "101\n-1\n+5\n50", "50", 3},
		{"not whole", "50.5\n5 0\n", "", 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			store := coach.NewStore(filepath.Join(t.TempDir(), "data"))
			input := "5 ok\n" + enterTo(t, content.Whole, coach.PromptBeliefBefore)[len("\n"):] + tt.typed + "\n"
			r := plainRun(t, store, input, Options{NewSession: true})
			if n := strings.Count(r.stdout, refusal); n != tt.refused {
				t.Errorf("refused %d times, want %d:\n%s", n, tt.refused, r.stdout)
			}
			s := onlySession(t, store)
			if got := s.Get(coach.PromptBeliefBefore).Text; got != tt.want {
				t.Errorf("stored %q, want %q", got, tt.want)
			}
			if s.Position != content.PromptTraps {
				t.Errorf("at %s, want the next prompt", s.Position)
			}
		})
	}
}

// TestPlainGoDeeper: a finished ten-minute session is offered the rest,
// from home and from its own page; taking it asks what the ten minutes
// left out, in the same file, and leaving part-way keeps it to resume.
func TestPlainGoDeeper(t *testing.T) {
	for _, tt := range []struct{ name, open string }{
		{"from home", "2\n"},                // 2. Go deeper: Product designer at Northwind
		{"from past sessions", "3\n1\n1\n"}, // Past sessions, the session, Go deeper
	} {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			store := coach.NewStore(filepath.Join(tmp, "data"))
			if r := plainRun(t, store, readInput(t, "ten-minutes.txt"), Options{NewSession: true}); r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			first := onlySession(t, store)
			r := plainRun(t, store, tt.open+"Still two applications open.\n.\n\n80\n:quit\n", Options{})
			if r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if tt.name == "from home" {
				checkGolden(t, "go-deeper", plainTranscript(r, tmp, first.ID))
			}
			for _, want := range []string{"Go deeper: Product designer at Northwind", "Zoom out: what is still true"} {
				if tt.name == "from past sessions" && strings.HasPrefix(want, "Go deeper") {
					want = "Go deeper: the rest of this session"
				}
				if !strings.Contains(r.stdout, want) {
					t.Errorf("no %q in:\n%s", want, r.stdout)
				}
			}
			if strings.Contains(r.stdout, "How long have you got?") || strings.Contains(r.stdout, "\nWhat happened\n") {
				t.Errorf("the rest asked again what the ten minutes did:\n%s", r.stdout)
			}
			s := onlySession(t, store) // the same file
			if s.ID != first.ID || s.Depth != content.Rest || s.Status != coach.InProgress ||
				s.Get("step_back.bigger_picture").Text != "Still two applications open." ||
				s.Get(coach.PromptBeliefBefore).Text != "80" || s.Get(promptThought).Text != first.Get(promptThought).Text {
				t.Errorf("after going deeper: %s, depth %q, status %s, answers %+v", s.ID, s.Depth, s.Status, s.Answers)
			}

			// Left part-way, it is resumed, not offered again.
			r = plainRun(t, store, "2\n"+strings.Repeat("\n", 80), Options{})
			if strings.Contains(r.stdout, "Go deeper") || !strings.Contains(r.stdout, "Resume: Product designer at Northwind") {
				t.Errorf("home after leaving the rest part-way:\n%s", r.stdout)
			}
			if s := onlySession(t, store); s.Status != coach.Complete || s.Depth != content.Rest {
				t.Errorf("resumed to the end: status %s", s.Status)
			}
		})
	}
}

// TestPlainGoDeeperNotOffered: only a finished ten-minute session with
// something left to ask goes deeper.
func TestPlainGoDeeperNotOffered(t *testing.T) {
	flow := mustFlow(t)
	for _, tt := range []struct {
		name    string
		arrange func(*coach.Session)
	}{
		{"whole", func(s *coach.Session) { s.Depth = "" }},
		{"in progress", func(s *coach.Session) { s.Status = coach.InProgress }},
		{"nothing left", func(s *coach.Session) {
			for _, id := range coach.Unanswered(flow, s, content.Rest) {
				sec, prm, _ := flow.Prompt(id)
				a := coach.Answer{Text: "yes"}
				switch flow.Sections[sec].Prompts[prm].Kind {
				case content.Mood:
					a = coach.Answer{Score: 5}
				case content.Date:
					a = coach.Answer{Text: "2026-01-01"}
				case content.List, content.Checklist:
					a = coach.Answer{Items: []string{"yes"}}
				case content.Actions:
					a = coach.Answer{Actions: []coach.Action{{Text: "yes"}}}
				}
				s.Set(id, a, fixedNow)
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			store := coach.NewStore(filepath.Join(t.TempDir(), "data"))
			plainRun(t, store, readInput(t, "ten-minutes.txt"), Options{NewSession: true})
			s, err := store.Edit(onlySession(t, store).ID)
			if err != nil {
				t.Fatal(err)
			}
			tt.arrange(s)
			if err := store.Save(s); err != nil {
				t.Fatal(err)
			}
			store.UnlockAll()
			if got := coach.RestLeft(flow, s) > 0; got {
				t.Fatalf("arranged wrong: deeper is %v", got)
			}
			r := plainRun(t, store, "", Options{})
			if strings.Contains(r.stdout, "Go deeper") {
				t.Errorf("offered to go deeper:\n%s", r.stdout)
			}
		})
	}
}

func mustFlow(t *testing.T) *content.Flow {
	t.Helper()
	flow, _, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	return flow
}

// TestPlainAsksTheNameOnce: with no settings, the first draft asks whose
// name signs it and keeps the answer in settings.json; the next session
// signs with it and does not ask.
func TestPlainAsksTheNameOnce(t *testing.T) {
	tmp := t.TempDir()
	store := coach.NewStore(filepath.Join(tmp, "data"))
	lines := strings.Split(readInput(t, "ten-minutes.txt"), "\n")
	const draftAt = 12 // the line that keeps the draft, after the friend's answer
	withName := append(append(append([]string{}, lines[:draftAt]...), "Ana Lima"), lines[draftAt:]...)
	r := plainRunUnsigned(t, store, strings.Join(withName, "\n"), Options{NewSession: true})
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "Whose name goes under the letter?") {
		t.Fatalf("the name was not asked:\n%s", r.stdout)
	}
	if set, err := coach.LoadSettings(store.Dir()); err != nil || set.Name != "Ana Lima" {
		t.Fatalf("settings %+v, %v", set, err)
	}
	if d := onlySession(t, store).Feedback.Draft; !strings.HasSuffix(strings.TrimSpace(d), "Best regards,\nAna Lima") {
		t.Errorf("the draft is not signed:\n%s", d)
	}

	again := plainRunUnsigned(t, store, strings.Join(lines, "\n"), Options{NewSession: true})
	if again.code != exitOK || strings.Contains(again.stdout, "Whose name goes under the letter?") {
		t.Errorf("asked again, or failed (exit %d):\n%s", again.code, again.stdout)
	}
}

package coachtest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/coach"
)

// FixtureDeleted is the ID of the fixture's session that is in the trash.
const FixtureDeleted = "deadbeef00000001"

// Fixture writes the sessions the command line's and plain mode's tests
// start from into a fresh data dir, and returns the temp dir that holds it
// (as "data") and any output files, with the store on it.
//
// They are written by hand rather than generated, so that those goldens
// change only when the output does: five readable sessions (two whose IDs
// share the prefix "aaaa", one whose text is full of markdown and escape
// sequences, one with nothing but a mood), a file that is not JSON, and a
// deleted session in the trash.
//
// Each session is saved the way the app saves a new one, Claim then Save,
// so the files are byte for byte what the app writes; Overwrite, which
// skips the lease, is for test files only (coach's
// TestAppSavesOnlyWhatItHolds).
func Fixture(t testing.TB, now time.Time) (tmp string, store *coach.Store) {
	t.Helper()
	tmp = t.TempDir()
	store = coach.NewStore(filepath.Join(tmp, "data"))
	for _, s := range FixtureSessions(now) {
		if err := saveNew(store, s); err != nil {
			t.Fatal(err)
		}
		// Date each file as if written when the session last changed, so
		// the index trusts it as it would a real one.
		if err := os.Chtimes(store.Path(s.ID), s.UpdatedAt, s.UpdatedAt); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.Delete(FixtureDeleted); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(store.Path("x")), "broken.json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	return tmp, store
}

// saveNew saves s, not on disk yet, as the app does and lets go of it.
func saveNew(store *coach.Store, s *coach.Session) error {
	if err := store.Claim(s); err != nil {
		return err
	}
	defer store.Unlock(s.ID)
	return store.Save(s)
}

// FixtureSessions are Fixture's sessions, dated from now, the deleted one
// (FixtureDeleted) last.
func FixtureSessions(now time.Time) []*coach.Session {
	day := func(d int) string { return now.AddDate(0, 0, d).Format(time.DateOnly) }
	northwind := &coach.Session{
		ID:        "0123456789abcdef",
		CreatedAt: now.AddDate(0, 0, -2),
		UpdatedAt: now.AddDate(0, 0, -2).Add(40 * time.Minute),
		Status:    coach.Complete,
		Position:  coach.PromptMoodAfter,
		Intake: coach.Intake{Company: "Northwind", Role: "Product designer", Interviewer: "Ms Rivera",
			Stage: "final round", RejectedOn: day(-3), Channel: "email", Message: "We have decided not to move forward."},
		MoodBefore: &coach.Mood{Score: 3, Word: "flat"},
		MoodAfter:  &coach.Mood{Score: 6, Word: "lighter"},
		Feedback: coach.FeedbackRequest{Draft: "Hi Ms Rivera,\n\nCould you share any feedback?\n", Send: "yes",
			SendOn: day(-2), FollowUpOn: day(5), Outcome: coach.Replied, OutcomeOn: day(-1),
			Received: "Strong portfolio; the system design answer was thin.", ReceivedOn: day(-1)},
		Actions: []coach.Action{
			{Text: "Ask Sam for a mock interview", Due: day(1)},
			{Text: "Update the portfolio case study", Done: true, DoneOn: day(-1)},
			{Text: "Practise system design out loud", Due: day(-1)},
		},
		Answers: map[string]coach.Answer{
			"step_back.outside":     {Items: []string{"They could hire only one person"}},
			"not_personal.balanced": {Text: "I reached the final round; one decision is not a verdict on me."},
			coach.PromptDoBetter:    {Items: []string{"Prepare stories with numbers", "Practise system design out loud"}},
			coach.PromptQuestions:   {Items: []string{"How would you design a URL shortener?"}},
		},
	}
	globex := &coach.Session{
		ID:         "aaaa000000000001",
		CreatedAt:  now.AddDate(0, -1, -18),
		UpdatedAt:  now.AddDate(0, -1, -18).Add(25 * time.Minute),
		Status:     coach.Complete,
		Intake:     coach.Intake{Company: "Globex", Role: "Backend engineer", Stage: "phone screen", RejectedOn: day(-49)},
		MoodBefore: &coach.Mood{Score: 4},
		MoodAfter:  &coach.Mood{Score: 7, Word: "hopeful"},
		Feedback:   coach.FeedbackRequest{Send: "yes", SendOn: day(-48), FollowUpOn: day(-41), Outcome: coach.NoReply, OutcomeOn: day(-40)},
		Actions:    []coach.Action{{Text: "Apply to two backend roles", Due: day(-45), Done: true, DoneOn: day(-44)}},
		Answers: map[string]coach.Answer{
			coach.PromptDoBetter:  {Items: []string{"Prepare stories with numbers", "Slow down when answering"}},
			coach.PromptQuestions: {Items: []string{"How would you design a URL shortener?", "What is your biggest weakness?"}},
		},
	}
	initech := &coach.Session{
		ID:         "aaaa000000000002",
		CreatedAt:  now.Add(-3 * time.Hour),
		UpdatedAt:  now.Add(-150 * time.Minute),
		Status:     coach.InProgress,
		Position:   "reflect.unprepared",
		Intake:     coach.Intake{Company: "Initech", Role: "Data analyst", Stage: "first interview", RejectedOn: day(0), Channel: "call"},
		MoodBefore: &coach.Mood{Score: 2, Word: "numb"},
		Drafts:     map[string]coach.Answer{"reflect.unprepared": {Text: "SQL window func"}},
	}
	return append([]*coach.Session{northwind, globex, initech}, fixtureOddOnes(now)...)
}

// fixtureOddOnes are the fixture's sessions that test the edges: hostile
// text, a session with a mood alone, and one in the trash.
func fixtureOddOnes(now time.Time) []*coach.Session {
	hostile := &coach.Session{
		ID:        "5e55a0a1b2c3d4e5",
		CreatedAt: now.AddDate(0, -5, -10),
		UpdatedAt: now.AddDate(0, -5, -10).Add(time.Hour),
		Status:    coach.Complete,
		Intake: coach.Intake{Company: "Evil <Corp> & Co\x1b[2J", Role: "# Principal platform reliability engineer\x1b]52;c;cHduZWQ=\x07",
			Stage: "final round", Message: "**bold**\n---\n\x1b]0;pwned\x07<script>"},
		MoodBefore: &coach.Mood{Score: 5},
		MoodAfter:  &coach.Mood{Score: 5},
		Answers: map[string]coach.Answer{
			"not_personal.balanced": {Text: "[link](http://x) `code` \x1b[31mred"},
		},
	}
	moodOnly := &coach.Session{
		ID:        "f00dfeedcafe0001",
		CreatedAt: time.Date(2026, 3, 3, 21, 5, 0, 0, time.UTC),
		UpdatedAt: time.Date(2026, 3, 3, 21, 9, 0, 0, time.UTC),
		Status:    coach.InProgress,
		Position:  "intake.company",
	}
	deleted := &coach.Session{
		ID:         FixtureDeleted,
		CreatedAt:  now.AddDate(0, -2, 0),
		UpdatedAt:  now.AddDate(0, -2, 0).Add(time.Hour),
		Status:     coach.Complete,
		Intake:     coach.Intake{Company: "Hooli", Role: "Site reliability engineer", Stage: "after an assessment"},
		MoodBefore: &coach.Mood{Score: 3},
		MoodAfter:  &coach.Mood{Score: 4},
	}
	return []*coach.Session{hostile, moodOnly, deleted}
}

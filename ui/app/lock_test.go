package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
)

// TestSecondCopyOpensTheSessionReadOnly drives two models on one data
// directory, as two terminal windows would run two copies of rebound.
func TestSecondCopyOpensTheSessionReadOnly(t *testing.T) {
	dataDir := t.TempDir()
	before := savedBefore(t, dataDir) // an unfinished session: "Globex"
	first := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })
	second := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })

	first.choose("Resume: Globex")
	if first.m.page != common.Flow {
		t.Fatalf("the first copy did not open the session:\n%s", first.view())
	}
	second.choose("Resume: Globex")
	v := second.view()
	if second.m.page != common.Session || !strings.Contains(strings.Join(strings.Fields(v), " "), "This session is open in another rebound window, so here it is read-only") {
		t.Fatalf("the second copy was not told the session is open elsewhere:\n%s", v)
	}
	for _, k := range []string{"e", "f", "a", "r", "d"} { // edit, feedback, actions, resume, delete
		second.press(k)
		if second.m.page != common.Session || second.m.session.Panel() != common.PanelNone {
			t.Fatalf("%q changed something in the read-only copy:\n%s", k, second.view())
		}
	}
	if !strings.Contains(second.view(), "read-only here") {
		t.Errorf("a refused key gives no word:\n%s", second.view())
	}
	before.check(t) // nothing written by either yet

	// The first copy goes on and saves; the second left without writing.
	first.tabTo(coach.PromptRole)
	first.typeText("Analyst")
	first.press("tab")
	second.press("esc")
	if got := first.load(first.m.flow.Session().ID); got.Intake.Role != "Analyst" {
		t.Fatalf("the first copy's answer was not saved: %+v", got.Intake)
	}

	// Once the first copy leaves the session, the second may take it over.
	first.press("esc")
	second.choose("Resume: Analyst at Globex")
	if second.m.page != common.Flow {
		t.Fatalf("after the first copy let go, the second still could not open it:\n%s", second.view())
	}
	if !strings.Contains(second.view(), "Analyst") {
		t.Errorf("the second copy does not show the first copy's answer:\n%s", second.view())
	}
}

// TestTwoCopiesTwoSessions: different sessions in two copies both save.
func TestTwoCopiesTwoSessions(t *testing.T) {
	dataDir := t.TempDir()
	first := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })
	second := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })
	first.press("enter")
	second.press("enter")
	first.typeText("Hooli")
	second.typeText("Pied Piper")
	first.press("tab")
	second.press("tab")
	first.typeText("Engineer")
	second.typeText("Designer")
	first.press("tab")
	second.press("tab")
	list, problems, err := coach.NewStore(dataDir).List()
	if err != nil || len(problems) > 0 || len(list) != 2 {
		t.Fatalf("%d sessions, problems %v, err %v; want two", len(list), problems, err)
	}
	got := map[string]string{}
	for _, s := range list {
		got[s.Intake.Company] = s.Intake.Role
	}
	if got["Hooli"] != "Engineer" || got["Pied Piper"] != "Designer" {
		t.Errorf("saved %v", got)
	}
}

// TestAReadOnlyCopyNeverSaves: whichever way the read-only copy leaves (a
// key, or the program ending on a signal), the answer the first copy saved
// stays on disk.
func TestAReadOnlyCopyNeverSaves(t *testing.T) {
	for _, leave := range []string{"esc", "q", "ctrl+c", "signal"} {
		t.Run(leave, func(t *testing.T) {
			dataDir := t.TempDir()
			savedBefore(t, dataDir)
			first := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })
			second := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })
			first.choose("Resume: Globex")
			second.choose("Resume: Globex")
			if second.m.page != common.Session || second.m.session.ReadOnly() == "" {
				t.Fatalf("the second copy is not read-only:\n%s", second.view())
			}
			first.tabTo(coach.PromptRole)
			first.typeText("Analyst")
			first.press("tab", "esc") // saved, and the lock let go
			if got := first.load(sessionID(t, dataDir)); got.Intake.Role != "Analyst" {
				t.Fatalf("esc did not save the first copy's answer: %+v (%v)\n%s", got.Intake, first.m.saveErr, first.view())
			}
			id := sessionID(t, dataDir)
			switch leave {
			case "signal":
				ExitFilter(second.m, tea.InterruptMsg{})
			default:
				second.press(leave)
				ExitFilter(second.m, tea.QuitMsg{})
			}
			second.m.deps.Store.UnlockAll()
			if got := first.load(id); got.Intake.Role != "Analyst" {
				t.Errorf("leaving the read-only copy by %s wrote over the first copy's answer: %+v", leave, got.Intake)
			}
		})
	}
}

// sessionID is the one session's ID in dataDir.
func sessionID(t *testing.T, dataDir string) string {
	t.Helper()
	list, _, err := coach.NewStore(dataDir).List()
	if err != nil || len(list) != 1 {
		t.Fatalf("want one session in %s: %d, %v", dataDir, len(list), err)
	}
	return list[0].ID
}

// TestAStaleHomeResumesWhatIsOnDisk: home was drawn before another copy
// changed the session; resuming it from there edits the file as it is now.
func TestAStaleHomeResumesWhatIsOnDisk(t *testing.T) {
	dataDir := t.TempDir()
	savedBefore(t, dataDir)
	first := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })
	second := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) }) // home drawn now
	first.choose("Resume: Globex")
	first.tabTo(coach.PromptRole)
	first.typeText("Analyst")
	first.press("tab", "esc")

	second.choose("Resume: Globex") // the row as it was listed
	if second.m.page != common.Flow {
		t.Fatalf("the second copy did not open the session:\n%s", second.view())
	}
	second.tabTo(coach.PromptStage)
	second.press("tab")
	id := sessionID(t, dataDir)
	if got := second.load(id); got.Intake.Role != "Analyst" {
		t.Errorf("the stale copy wrote over the answer saved meanwhile: %+v", got.Intake)
	}
}

// TestASessionGoneFromDiskIsNotSavedBack: deleted by another copy after
// home listed it, or removed while it is open, it does not come back.
func TestASessionGoneFromDiskIsNotSavedBack(t *testing.T) {
	t.Run("deleted after home listed it", func(t *testing.T) {
		dataDir := t.TempDir()
		savedBefore(t, dataDir)
		d := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })
		other := coach.NewStore(dataDir)
		id := sessionID(t, dataDir)
		if err := other.Delete(id); err != nil {
			t.Fatal(err)
		}
		other.UnlockAll()
		d.choose("Resume: Globex")
		if d.m.page != common.Home || !strings.Contains(d.view(), "no longer on disk") {
			t.Fatalf("a deleted session was opened:\n%s", d.view())
		}
		ExitFilter(d.m, tea.QuitMsg{})
		if list, _, _ := coach.NewStore(dataDir).List(); len(list) != 0 {
			t.Errorf("the deleted session came back: %d on disk", len(list))
		}
		if _, err := os.Stat(other.TrashPath(id)); err != nil {
			t.Errorf("the deleted session is not in the trash: %v", err)
		}
	})
	t.Run("removed while open", func(t *testing.T) {
		dataDir := t.TempDir()
		before := savedBefore(t, dataDir)
		d := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })
		d.choose("Resume: Globex")
		if err := os.Remove(before.path); err != nil {
			t.Fatal(err)
		}
		d.tabTo(coach.PromptRole)
		d.typeText("Analyst")
		d.press("tab")
		d.press("ctrl+c")
		ExitFilter(d.m, tea.QuitMsg{})
		if _, err := os.Stat(before.path); err == nil {
			t.Errorf("a session removed from disk was written back")
		}
	})
}

// TestARoundIsLockedAsASessionIs: two copies carrying on one unfinished
// round; the second is told, and its leaving does not touch the round.
func TestARoundIsLockedAsASessionIs(t *testing.T) {
	first, _ := newPracticeDriver(t, 80, 24)
	first.press("enter")
	first.typeText("Half of my answer")
	first.press("esc") // an unfinished round on the first question
	first.press("enter")
	if first.m.page != common.Round {
		t.Fatalf("the first copy did not carry on the round:\n%s", first.view())
	}
	second := newDriver(t, 80, 24, func(o *Options) { o.Store, o.Practice = coach.NewStore(first.dir), true })
	second.press("enter")
	if second.m.page != common.Practice || !strings.Contains(strings.Join(strings.Fields(second.view()), " "), "This practice round is open in another rebound window") {
		t.Fatalf("the second copy was not told the round is open elsewhere:\n%s", second.view())
	}
	first.typeText(" and the rest")
	first.press("tab")
	second.press("ctrl+c")
	ExitFilter(second.m, tea.QuitMsg{})
	if got := first.practised(); len(got) != 1 || got[0].Answer != "Half of my answer and the rest" {
		t.Errorf("rounds on disk: %+v", got)
	}
}

// TestCannotLockMeansReadOnly: with locks/ a file, nothing is known of
// other copies, so a saved session opens read-only with the reason.
func TestCannotLockMeansReadOnly(t *testing.T) {
	dataDir := t.TempDir()
	before := savedBefore(t, dataDir)
	locks := filepath.Join(dataDir, "locks")
	if err := os.RemoveAll(locks); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(locks, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })
	d.choose("Resume: Globex")
	v := strings.Join(strings.Fields(d.view()), " ")
	if d.m.page != common.Session || !strings.Contains(v, "Read-only: this session cannot be locked") {
		t.Fatalf("a session that cannot be locked was opened for changes:\n%s", d.view())
	}
	d.press("r")
	if d.m.page != common.Session {
		t.Fatalf("resume was allowed:\n%s", d.view())
	}
	d.press("ctrl+c")
	ExitFilter(d.m, tea.QuitMsg{})
	before.check(t)
}

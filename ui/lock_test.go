package ui

import (
	"strings"
	"testing"

	"github.com/rebound-coach/rebound/coach"
)

// TestSecondCopyOpensTheSessionReadOnly drives two models on one data
// directory, as two terminal windows would run two copies of rebound.
func TestSecondCopyOpensTheSessionReadOnly(t *testing.T) {
	dataDir := t.TempDir()
	before := savedBefore(t, dataDir) // an unfinished session: "Globex"
	first := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })
	second := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })

	first.choose("Resume: Globex")
	if first.m.page != flowPage {
		t.Fatalf("the first copy did not open the session:\n%s", first.view())
	}
	second.choose("Resume: Globex")
	v := second.view()
	if second.m.page != sessionPage || !strings.Contains(strings.Join(strings.Fields(v), " "), "This session is open in another rebound window, so here it is read-only") {
		t.Fatalf("the second copy was not told the session is open elsewhere:\n%s", v)
	}
	for _, k := range []string{"e", "f", "a", "r", "d"} { // edit, feedback, actions, resume, delete
		second.press(k)
		if second.m.page != sessionPage || second.m.session.panel != panelNone {
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
	if got := first.load(first.m.flow.session().ID); got.Intake.Role != "Analyst" {
		t.Fatalf("the first copy's answer was not saved: %+v", got.Intake)
	}

	// Once the first copy leaves the session, the second may take it over.
	first.press("esc")
	second.choose("Resume: Analyst at Globex")
	if second.m.page != flowPage {
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

package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/rebound-coach/rebound/coach"
)

// unsignedDriver is a driver whose data dir has no settings yet: the first
// draft asks whose name signs it.
func unsignedDriver(t *testing.T) *driver {
	t.Helper()
	d := newDriver(t, 80, 24)
	if err := os.Remove(coach.SettingsPath(d.dir)); err != nil {
		t.Fatal(err)
	}
	d.run(loadSettings(d.dir))
	return d
}

// tabToName starts a session and tabs through it until the name is asked,
// or the draft is reached without it.
func tabToName(t *testing.T, d *driver) {
	t.Helper()
	d.press("enter") // home: a new session
	for range 80 {
		f := d.m.flow
		if f == nil || d.m.page != flowPage {
			t.Fatalf("left the flow before the draft:\n%s", d.view())
		}
		if f.interlude == signName || f.walk.Prompt().ID == "feedback.draft" {
			return
		}
		d.press("tab")
	}
	t.Fatalf("never reached the draft:\n%s", d.view())
}

func TestTheNameIsAskedOnceAndSignsTheDraft(t *testing.T) {
	d := unsignedDriver(t)
	tabToName(t, d)
	if d.m.flow.interlude != signName || !strings.Contains(d.view(), "Whose name goes under the letter?") {
		t.Fatalf("the first draft does not ask the name:\n%s", d.view())
	}
	d.typeText("Ana Lima")
	d.press("enter")
	if f := d.m.flow; f.interlude != noInterlude || f.walk.Prompt().ID != "feedback.draft" {
		t.Fatalf("enter did not go on to the draft:\n%s", d.view())
	}
	if a, ok := d.m.flow.field().(*areaField); !ok || !strings.HasSuffix(strings.TrimSpace(a.text()), "Best regards,\nAna Lima") {
		t.Errorf("the draft is not signed with the name:\n%s", d.view())
	}
	set, err := coach.LoadSettings(d.dir)
	if err != nil || set.Name != "Ana Lima" {
		t.Errorf("settings on disk: %+v, %v", set, err)
	}

	// The next session signs with it, and does not ask again.
	d.press("esc")
	tabToName(t, d)
	if d.m.flow.interlude == signName {
		t.Fatalf("the name was asked a second time:\n%s", d.view())
	}
	if a := d.m.flow.field().(*areaField); !strings.Contains(a.text(), "Ana Lima") {
		t.Errorf("the second draft is not signed:\n%s", a.text())
	}
}

func TestNoNameIsAlsoAnAnswer(t *testing.T) {
	d := unsignedDriver(t)
	tabToName(t, d)
	d.press("enter") // sign with none
	a := d.m.flow.field().(*areaField)
	if !strings.HasSuffix(strings.TrimSpace(a.text()), "Best regards,") {
		t.Errorf("a draft with no name should end at the sign-off:\n%q", a.text())
	}
	set, err := coach.LoadSettings(d.dir)
	if err != nil || set.Name != "" || !set.NameAsked {
		t.Errorf("settings on disk: %+v, %v", set, err)
	}
	d.press("esc")
	tabToName(t, d)
	if d.m.flow.interlude == signName {
		t.Error("asked again after choosing no name")
	}
}

func TestBackFromTheNameStoresNoDraft(t *testing.T) {
	d := unsignedDriver(t)
	tabToName(t, d)
	before := d.m.flow.walk.Prompt().ID
	d.press("shift+tab")
	f := d.m.flow
	if f.interlude != noInterlude || f.walk.Prompt().ID == before {
		t.Fatalf("shift+tab stayed on %q (interlude %v)", f.walk.Prompt().ID, f.interlude)
	}
	if s := f.session(); s.Feedback.Draft != "" || !s.Current("feedback.draft").IsZero() {
		t.Errorf("going back stored a draft nobody saw: %q", s.Feedback.Draft)
	}
	d.press("tab")
	if d.m.flow.interlude != signName {
		t.Errorf("coming forward again does not ask the name:\n%s", d.view())
	}
}

func TestUnreadableSettingsAreReportedAndKept(t *testing.T) {
	d := newDriver(t, 80, 24)
	path := coach.SettingsPath(d.dir)
	const foreign = `["not", "settings"]`
	if err := os.WriteFile(path, []byte(foreign), 0o600); err != nil {
		t.Fatal(err)
	}
	d.m.deps.settings = coach.Settings{}
	d.run(loadSettings(d.dir))
	tabToName(t, d)
	if v := strings.Join(strings.Fields(d.view()), " "); !strings.Contains(v, "is not rebound's settings") || !strings.Contains(v, "signed with no name") {
		t.Fatalf("the unreadable settings are not reported:\n%s", v)
	}
	d.typeText("Ana")
	d.press("enter")
	a := d.m.flow.field().(*areaField)
	if !strings.HasSuffix(strings.TrimSpace(a.text()), "Best regards,") {
		t.Errorf("the draft should be unsigned:\n%s", a.text())
	}
	if b, _ := os.ReadFile(path); string(b) != foreign {
		t.Errorf("the settings file was changed: %s", b)
	}
}

package app

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/pages/flow"
	"github.com/rebound-coach/rebound/ui/widgets/field"
)

// unsignedDriver is a driver whose data dir has no settings yet: the first
// draft asks whose name signs it.
func unsignedDriver(t *testing.T) *driver {
	t.Helper()
	d := newDriver(t, 80, 24)
	if err := os.Remove(coach.SettingsPath(d.dir)); err != nil {
		t.Fatal(err)
	}
	d.run(common.LoadSettings(d.dir))
	return d
}

// tabToName starts a session and tabs through it until the name is asked,
// or the draft is reached without it.
func tabToName(t *testing.T, d *driver) {
	t.Helper()
	d.press("enter") // home: a new session
	for range 80 {
		f := d.m.flow
		if f == nil || d.m.page != common.Flow {
			t.Fatalf("left the flow before the draft:\n%s", d.view())
		}
		if f.Interlude() == flow.SignName || f.Walk().Prompt().ID == "feedback.draft" {
			return
		}
		d.press("tab")
	}
	t.Fatalf("never reached the draft:\n%s", d.view())
}

func TestTheNameIsAskedOnceAndSignsTheDraft(t *testing.T) {
	d := unsignedDriver(t)
	tabToName(t, d)
	if d.m.flow.Interlude() != flow.SignName || !strings.Contains(d.view(), "Whose name goes under the letter?") {
		t.Fatalf("the first draft does not ask the name:\n%s", d.view())
	}
	d.typeText("Ana Lima")
	d.press("enter")
	if f := d.m.flow; f.Interlude() != flow.NoInterlude || f.Walk().Prompt().ID != "feedback.draft" {
		t.Fatalf("enter did not go on to the draft:\n%s", d.view())
	}
	if a, ok := d.m.flow.Field().(*field.Area); !ok || !strings.HasSuffix(strings.TrimSpace(a.Text()), "Best regards,\nAna Lima") {
		t.Errorf("the draft is not signed with the name:\n%s", d.view())
	}
	set, err := coach.LoadSettings(d.dir)
	if err != nil || set.Name != "Ana Lima" {
		t.Errorf("settings on disk: %+v, %v", set, err)
	}

	// The next session signs with it, and does not ask again.
	d.press("esc")
	tabToName(t, d)
	if d.m.flow.Interlude() == flow.SignName {
		t.Fatalf("the name was asked a second time:\n%s", d.view())
	}
	if a := d.m.flow.Field().(*field.Area); !strings.Contains(a.Text(), "Ana Lima") {
		t.Errorf("the second draft is not signed:\n%s", a.Text())
	}
}

func TestNoNameIsAlsoAnAnswer(t *testing.T) {
	d := unsignedDriver(t)
	tabToName(t, d)
	d.press("enter") // sign with none
	a := d.m.flow.Field().(*field.Area)
	if !strings.HasSuffix(strings.TrimSpace(a.Text()), "Best regards,") {
		t.Errorf("a draft with no name should end at the sign-off:\n%q", a.Text())
	}
	set, err := coach.LoadSettings(d.dir)
	if err != nil || set.Name != "" || !set.NameAsked {
		t.Errorf("settings on disk: %+v, %v", set, err)
	}
	d.press("esc")
	tabToName(t, d)
	if d.m.flow.Interlude() == flow.SignName {
		t.Error("asked again after choosing no name")
	}
}

func TestBackFromTheNameStoresNoDraft(t *testing.T) {
	d := unsignedDriver(t)
	tabToName(t, d)
	before := d.m.flow.Walk().Prompt().ID
	d.press("shift+tab")
	f := d.m.flow
	if f.Interlude() != flow.NoInterlude || f.Walk().Prompt().ID == before {
		t.Fatalf("shift+tab stayed on %q (interlude %v)", f.Walk().Prompt().ID, f.Interlude())
	}
	if s := f.Session(); s.Feedback.Draft != "" || !s.Current("feedback.draft").IsZero() {
		t.Errorf("going back stored a draft nobody saw: %q", s.Feedback.Draft)
	}
	d.press("tab")
	if d.m.flow.Interlude() != flow.SignName {
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
	d.m.deps.Settings = coach.Settings{}
	d.run(common.LoadSettings(d.dir))
	tabToName(t, d)
	if v := strings.Join(strings.Fields(d.view()), " "); !strings.Contains(v, "is not rebound's settings") || !strings.Contains(v, "signed with no name") {
		t.Fatalf("the unreadable settings are not reported:\n%s", v)
	}
	d.typeText("Ana")
	d.press("enter")
	a := d.m.flow.Field().(*field.Area)
	if !strings.HasSuffix(strings.TrimSpace(a.Text()), "Best regards,") {
		t.Errorf("the draft should be unsigned:\n%s", a.Text())
	}
	if b, _ := os.ReadFile(path); string(b) != foreign {
		t.Errorf("the settings file was changed: %s", b)
	}
}

// TestQuittingOnTheNameKeepsNoUnsignedDraft: ctrl+c on the question of the
// name saves no draft of the letter nobody has seen, so the session, once
// resumed, asks the name again.
func TestQuittingOnTheNameKeepsNoUnsignedDraft(t *testing.T) {
	d := unsignedDriver(t)
	tabToName(t, d)
	id := d.m.flow.Session().ID
	d.press("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit")
	}
	s := d.load(id)
	if _, ok := s.Drafts["feedback.draft"]; ok || s.Feedback.Draft != "" {
		t.Fatalf("an unsigned letter was saved: draft %q, drafts %v", s.Feedback.Draft, s.Drafts)
	}
	if f := flow.New(d.m.deps, s, ""); f.Interlude() != flow.SignName {
		t.Errorf("resumed, the session does not ask the name (interlude %v)", f.Interlude())
	}
}

// TestALetterTallerThanTheScreenScrolls: at the smallest size the letter
// runs past the screen; ↑/↓ bring its sign-off into view.
func TestALetterTallerThanTheScreenScrolls(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	d.press("2") // Acme's nudge
	d.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	if d.m.page != common.Session || d.m.session.Panel() != common.PanelLetters {
		t.Fatalf("2 did not open the letters:\n%s", d.view())
	}
	if v := d.view(); strings.Contains(v, testName) || !strings.Contains(v, "more of the letter below") || !strings.Contains(v, "esc back") {
		t.Fatalf("the test needs a nudge cut off at 60x20, saying so, with the whole footer:\n%s", v)
	}
	for range 10 {
		d.press("down")
	}
	if v := d.view(); !strings.Contains(v, testName) || strings.Contains(v, "more of the letter below") {
		t.Errorf("scrolled down, the nudge still hides its sign-off:\n%s", v)
	}
	d.press("tab") // the thank-you note, from its top
	if v := d.view(); !strings.Contains(v, "A thank-you note") || !strings.Contains(v, "Hello") {
		t.Errorf("tab did not show the thank-you note from its top:\n%s", v)
	}
}

// TestAReadOnlyCopyRecordsNoNudge: the copy that opens a session another
// window holds shows its letters, but s records nothing.
func TestAReadOnlyCopyRecordsNoNudge(t *testing.T) {
	first := newHistoryDriver(t, 80, 24)
	first.press("2") // Acme, locked by this copy
	second := newDriver(t, 80, 24, func(o *Options) { o.Store = coach.NewStore(first.dir) })
	second.dir = first.dir
	second.press("2")
	if second.m.session.ReadOnly() == "" || second.m.session.Panel() != common.PanelLetters {
		t.Fatalf("the second copy is not read-only on the letters:\n%s", second.view())
	}
	if v := second.view(); strings.Contains(v, "mark it sent") {
		t.Errorf("a read-only copy offers to record the nudge:\n%s", v)
	}
	second.press("s")
	if got := second.load("a1c3e5a7b9d1f3e5").Feedback.NudgedOn; got != "" || !strings.Contains(second.view(), "read-only here") {
		t.Errorf("s in a read-only copy: nudged_on %q\n%s", got, second.view())
	}
	if len(second.m.Unsaved()) != 0 {
		t.Errorf("the read-only copy holds an unsaved session to hand over: %v", second.m.Unsaved())
	}
}

package app

import (
	"bytes"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys/keytest"
	"github.com/rebound-coach/rebound/ui/pages/history"
	"github.com/rebound-coach/rebound/ui/pages/home"
)

// pastSessions stores three sessions as a user would have left them, ten to
// two days before fixedNow: a feedback request due for a follow-up three
// days ago, an action due yesterday, and an unfinished session.
func pastSessions(t testing.TB, store *coach.Store) (acme, north, globex *coach.Session) {
	t.Helper()
	day := func(n int) time.Time { return fixedNow.AddDate(0, 0, -n) }
	acme = coach.NewSession(day(10))
	acme.ID = "a1c3e5a7b9d1f3e5"
	acme.Intake = coach.Intake{Company: "Acme", Role: "Designer", Stage: "final round", RejectedOn: "2026-11-13"}
	acme.MoodBefore, acme.MoodAfter = &coach.Mood{Score: 3, Word: "flat"}, &coach.Mood{Score: 6}
	acme.Feedback = coach.FeedbackRequest{Draft: "Hello,", Send: "yes", SendOn: "2026-11-13", FollowUpOn: "2026-11-20"}
	acme.Answers[coach.PromptDoBetter] = coach.Answer{Items: []string{"tell the portfolio story with numbers"}}
	acme.Status, acme.Position = coach.Complete, coach.PromptMoodAfter

	north = coach.NewSession(day(5))
	north.ID = "b2d4f6a8c0e2b4d6"
	north.Intake = coach.Intake{Company: "Northwind", Role: "Engineer", Stage: "phone screen"}
	north.Actions = []coach.Action{{Text: "Rehearse the system design answer", Due: "2026-11-22"}, {Text: "Apply to two roles", Due: "2026-12-01"}}
	north.Feedback = coach.FeedbackRequest{Send: "no"}
	north.Status, north.Position = coach.Complete, coach.PromptMoodAfter

	globex = coach.NewSession(day(2))
	globex.ID = "c3e5a7b9d1f3a5c7"
	globex.Intake = coach.Intake{Company: "Globex", Role: "Analyst"}
	globex.Position = "reflect.questions"

	for _, s := range []*coach.Session{acme, north, globex} {
		s.UpdatedAt = s.CreatedAt
		if err := store.Overwrite(s); err != nil {
			t.Fatal(err)
		}
	}
	return acme, north, globex
}

// newHistoryDriver is a driver on home over the three past sessions.
func newHistoryDriver(t testing.TB, w, h int) *driver {
	t.Helper()
	// Views show the data dir: golden views need one that does not vary.
	dir := filepath.Join(os.TempDir(), "rebound-"+t.Name())
	_ = os.RemoveAll(dir)
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	d := newDriver(t, w, h, func(o *Options) { o.Store = coach.NewStore(dir) })
	d.dir = dir
	pastSessions(t, d.store)
	d.press("esc") // nothing on home; reload as returning home would
	d.run(d.m.home.Load())
	return d
}

// choose selects the home menu row with this title and presses enter.
func (d *driver) choose(title string) {
	d.t.Helper()
	for i, it := range d.m.home.List().Items() {
		if it.(home.Item).Title == title {
			d.m.home.List().Select(i)
			d.press("enter")
			return
		}
	}
	d.t.Fatalf("no %q on home:\n%s", title, d.view())
}

// load reads one session back from disk.
func (d *driver) load(id string) *coach.Session {
	d.t.Helper()
	s, err := d.store.Load(id)
	if err != nil {
		d.t.Fatal(err)
	}
	return s
}

func TestHomeListsWhatIsDueAndOpensIt(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	golden(t, "home-due", d.view())
	v := d.view()
	for _, want := range []string{
		// The most recent first: with many, last week's promise matters most.
		"1  1 day late · Rehearse the system design answer · Engineer at Northwind",
		"2  3 days late · Follow up on your feedback request · Designer at Acme",
		"Resume: Analyst at Globex",
		"Past sessions",
		"Insights",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("home lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Apply to two roles") {
		t.Errorf("an action due next week is listed as due:\n%s", v)
	}

	d.press("1")
	if d.m.page != common.Session || d.m.session.Panel() != common.PanelActions || d.m.session.Cursor() != 0 {
		t.Fatalf("1 should open Northwind's actions; page %d:\n%s", d.m.page, d.view())
	}
	d.press("space") // done
	if a := d.load("b2d4f6a8c0e2b4d6").Actions[0]; !a.Done || a.DoneOn != "2026-11-23" {
		t.Errorf("the action is not saved as done today: %+v", a)
	}
	d.press("esc", "esc")
	if d.m.page != common.Home {
		t.Fatalf("esc, esc should lead home; page %d", d.m.page)
	}
	if v := d.view(); strings.Contains(v, "Rehearse") || !strings.Contains(v, "1  3 days late · Follow up") {
		t.Errorf("the done action is still due, or the feedback follow-up went:\n%s", v)
	}

	d.press("1")
	if d.m.page != common.Session || d.m.session.Panel() != common.PanelLetters || !strings.Contains(d.view(), "One short nudge is enough") {
		t.Fatalf("1 should open Acme's nudge:\n%s", d.view())
	}
	if v := d.view(); !strings.Contains(v, "follow up on my earlier note") || !strings.Contains(v, testName) {
		t.Errorf("the nudge is not drafted, or not signed by %s:\n%s", testName, v)
	}
	d.press("s") // sent: one nudge only
	if got := d.load("a1c3e5a7b9d1f3e5").Feedback.NudgedOn; got != "2026-11-23" {
		t.Errorf("the nudge is not recorded as sent today: %q", got)
	}
	d.press("esc")
	if v := d.view(); d.m.page != common.Home || strings.Contains(v, "Follow up on your feedback request") {
		t.Errorf("after the one nudge, home still asks to follow up:\n%s", v)
	}
}

func TestPastSessionsListAndFilter(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	d.choose("Past sessions")
	golden(t, "history", d.view())
	if got := titles(d); strings.Join(got, ",") != "Analyst at Globex,Engineer at Northwind,Designer at Acme" {
		t.Errorf("want newest first, got %v", got)
	}

	// "/" filters on any text of the session, every word, any case.
	d.press("/")
	d.typeText("PORTFOLIO numbers")
	if got := titles(d); strings.Join(got, ",") != "Designer at Acme" {
		t.Errorf("filter on an answer's words: got %v", got)
	}
	d.press("enter") // keep the filter, back to the list
	d.press("enter") // open
	if d.m.page != common.Session || d.m.session.ID() != "a1c3e5a7b9d1f3e5" {
		t.Fatalf("enter should open Acme:\n%s", d.view())
	}
	d.press("esc")
	if d.m.page != common.History || strings.Join(titles(d), ",") != "Designer at Acme" {
		t.Fatalf("esc should go back to the filtered list: page %d, %v", d.m.page, titles(d))
	}
	d.press("esc") // clears the filter
	if len(titles(d)) != 3 || d.m.page != common.History {
		t.Fatalf("esc should clear the filter first: %v", titles(d))
	}
	d.press("esc")
	if d.m.page != common.Home {
		t.Fatalf("esc on an unfiltered list should go home")
	}
}

// titles are the sessions Past sessions shows, in order.
func titles(d *driver) []string {
	var out []string
	for _, it := range d.m.history.List().VisibleItems() {
		out = append(out, it.(history.Item).Sum.Title())
	}
	return out
}

func TestOpenedSessionRecordsFeedback(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	d.choose("Past sessions")
	d.press("down", "down", "enter") // Acme, the oldest
	golden(t, "session", d.view())

	d.press("f")
	d.press("right", "right") // not yet → sent → replied
	d.press("tab")
	d.send(tea.PasteMsg{Content: "Strong portfolio.\nWe wanted more research experience."})
	d.press("tab", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	d.typeText("yesterday")
	golden(t, "feedback-form", d.view())
	d.press("enter")

	got := d.load("a1c3e5a7b9d1f3e5").Feedback
	want := coach.FeedbackRequest{Draft: "Hello,", Send: "yes", SendOn: "2026-11-13", FollowUpOn: "2026-11-20",
		Outcome: coach.Replied, OutcomeOn: "2026-11-23",
		Received: "Strong portfolio.\nWe wanted more research experience.", ReceivedOn: "2026-11-22"}
	if got != want {
		t.Errorf("saved feedback:\n got %+v\nwant %+v", got, want)
	}
	if d.m.session.Panel() != common.PanelNone || !strings.Contains(d.view(), "feedback recorded") {
		t.Errorf("enter on the last field should close the form and say so:\n%s", d.view())
	}
	d.press("esc")
	if got := strings.Join(titles(d), ","); got != "Analyst at Globex,Engineer at Northwind,Designer at Acme" {
		t.Errorf("recording feedback moved the session in the list (want by date started): %s", got)
	}
	d.press("esc")
	if strings.Contains(d.view(), "Follow up on your feedback request") {
		t.Errorf("a replied request is still due on home:\n%s", d.view())
	}
}

func TestFeedbackFormKeepsWhatIsTypedOnQuit(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	d.press("2", "esc", "f") // Acme's nudge, then its feedback form
	d.press("tab")
	d.typeText("No reply yet but a friend there says they liked me")
	d.press("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit")
	}
	if got := d.load("a1c3e5a7b9d1f3e5").Feedback.Received; got != "No reply yet but a friend there says they liked me" {
		t.Errorf("received feedback typed before ctrl+c: %q", got)
	}
}

func TestAnUnreadableDateHoldsTheFeedbackForm(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	d.press("2", "esc", "f", "tab", "tab")
	d.typeText("someday")
	d.press("enter")
	if d.m.session.Panel() != common.PanelFeedback || !strings.Contains(d.view(), "someday") {
		t.Fatalf("an unreadable date should keep the form open:\n%s", d.view())
	}
}

func TestEditOneAnswerAndComeBack(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	before := d.load("c3e5a7b9d1f3a5c7")
	d.choose("Past sessions")
	d.press("enter") // Globex, the newest
	d.press("e")
	d.press("down", "down", "enter") // Role: after the check-in and the company
	if d.prompt() != coach.PromptRole || !strings.Contains(d.view(), "Editing") {
		t.Fatalf("want the role prompt in edit mode:\n%s", d.view())
	}
	d.typeText(" (senior)")
	d.press("enter")
	if d.m.page != common.Session || !strings.Contains(d.view(), "Analyst (senior) at Globex") {
		t.Fatalf("enter should come back to the opened session, redrawn:\n%s", d.view())
	}
	after := d.load("c3e5a7b9d1f3a5c7")
	if after.Intake.Role != "Analyst (senior)" {
		t.Errorf("role saved as %q", after.Intake.Role)
	}
	if after.Position != before.Position || after.Status != coach.InProgress {
		t.Errorf("editing moved the resume point: %q → %q, status %s", before.Position, after.Position, after.Status)
	}

	// Editing without a change saves nothing and leaves the date alone.
	d.press("e", "enter", "esc")
	if again := d.load("c3e5a7b9d1f3a5c7"); !again.UpdatedAt.Equal(after.UpdatedAt) {
		t.Errorf("an edit without a change touched the session: %v → %v", after.UpdatedAt, again.UpdatedAt)
	}

	// An unfinished session resumes where it stopped.
	d.press("r")
	if d.m.page != common.Flow || d.prompt() != "reflect.questions" {
		t.Errorf("r should resume at reflect.questions; page %d prompt %q", d.m.page, d.prompt())
	}
}

func TestDeleteAsksThenMovesToTheTrash(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	d.choose("Past sessions")
	d.press("down", "enter") // Northwind
	d.press("d")
	if !strings.Contains(d.view(), "Delete this session? It moves to the trash") {
		t.Fatalf("d should ask first:\n%s", d.view())
	}
	d.press("x") // not an answer: the question stays
	d.press("n")
	if _, err := os.Stat(d.store.Path("b2d4f6a8c0e2b4d6")); err != nil || d.m.page != common.Session {
		t.Fatalf("n should keep the session: %v", err)
	}
	d.press("d", "y")
	if _, err := os.Stat(d.store.Path("b2d4f6a8c0e2b4d6")); !os.IsNotExist(err) {
		t.Errorf("the session file is still in place: %v", err)
	}
	if _, err := os.Stat(d.store.TrashPath("b2d4f6a8c0e2b4d6")); err != nil {
		t.Errorf("the session is not in the trash: %v", err)
	}
	if d.m.page != common.History || len(titles(d)) != 2 || !strings.Contains(d.view(), "rebound restore b2d4f6a") {
		t.Errorf("after delete: back to the list without it, naming the restore command:\n%s", d.view())
	}
}

func TestCopyAsMarkdown(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	d.press("2", "esc") // Acme, feedback form closed unchanged
	_, cmd := d.m.Update(keytest.Press("ctrl+y"))
	if cmd == nil {
		t.Fatal("ctrl+y gave no command")
	}
	// SetClipboard's message is an unexported string type.
	if got := fmt.Sprint(cmd()); !strings.HasPrefix(got, "# Designer at Acme") {
		t.Errorf("ctrl+y should copy the session as markdown; got %q", got)
	}
	if !strings.Contains(d.view(), "copied as markdown") {
		t.Errorf("the copy is not confirmed:\n%s", d.view())
	}
}

func TestUnreadableFileIsListedWithItsReason(t *testing.T) {
	d := newHistoryDriver(t, 160, 24) // wide enough for a temp dir's path
	bad := filepath.Join(d.dir, "sessions", "0000000000000bad.json")
	junk := []byte(`{"schema_version": 1, "id": "0000000000000bad", "intake": `)
	if err := os.WriteFile(bad, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	d.choose("Past sessions")
	v := d.view()
	if !strings.Contains(v, "Unreadable: "+bad) || !strings.Contains(v, "not valid JSON") || !strings.Contains(v, "left untouched") {
		t.Errorf("the corrupt file should be listed with its path and reason:\n%s", v)
	}
	d.press("enter")
	if d.m.page != common.History || !strings.Contains(d.view(), "this file can't be opened") {
		t.Errorf("enter on an unreadable file should say it can't be opened:\n%s", d.view())
	}
	if got, _ := os.ReadFile(bad); !bytes.Equal(got, junk) {
		t.Errorf("the corrupt file was changed")
	}
}

func TestInsightsScreen(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	d.choose("Insights")
	if d.m.page != common.Insights || !strings.Contains(d.view(), "Insights") {
		t.Fatalf("want the insights screen:\n%s", d.view())
	}
	d.press("esc")
	if d.m.page != common.Home {
		t.Errorf("esc should go home")
	}
}

func TestNoReplyChosenWithANoteStaysNoReply(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	d.press("2", "esc", "f")           // Acme's nudge, then its feedback form
	d.press("right", "right", "right") // no reply
	d.press("tab")
	d.typeText("Still waiting")
	d.press("esc")
	if got := d.load("a1c3e5a7b9d1f3e5").Feedback; got.Outcome != coach.NoReply || got.Received != "Still waiting" {
		t.Errorf("an explicit 'no reply' was overridden by the note: %+v", got)
	}
}

func TestOpenedSessionKeepsTheThemeAfterAChange(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	d.press("1") // Northwind's actions, loaded by ID
	if k := d.m.session.Key(); !k.Dark || k.Width != 78 {
		t.Fatalf("first render for %+v, want the dark theme at 78 columns", k)
	}
	d.press("space")
	if k := d.m.session.Key(); !k.Dark || k.Width != 78 {
		t.Errorf("render after a change for %+v, want the dark theme at 78 columns", k)
	}
}

func TestInsightsFollowTheTheme(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	d.choose("Insights")
	dark := d.m.insights.Viewport().View()
	d.send(tea.BackgroundColorMsg{Color: color.White})
	if d.m.insights.Viewport().View() == dark {
		t.Error("insights were not redrawn for a light background")
	}
}

package app

import (
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys/keytest"
	"github.com/rebound-coach/rebound/ui/pages/flow"
)

func TestGoldenViews(t *testing.T) {
	tests := []struct {
		name string
		walk func(d *driver)
	}{
		{"home", func(d *driver) {}},
		{"intake", func(d *driver) {
			d.press("enter")
			d.typeText("Northwind")
			d.press("tab")
			d.typeText("Product designer")
			d.press("tab", "right", "right", "right")
		}},
		{"tip-and-checklist", func(d *driver) {
			d.press("enter")
			d.tabTo("step_back.outside")
			d.press("space", "down", "down", "space")
		}},
		{"textarea-prompt", func(d *driver) {
			d.press("enter")
			d.tabTo("not_personal.thought")
			d.typeText("I am not good enough for this.")
		}},
		{"summary", func(d *driver) { walkWholeSession(d) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The summary shows the data dir, and wraps it: its length must
			// not vary from run to run as a temp dir's does.
			dir := filepath.Join(os.TempDir(), "rebound-golden")
			_ = os.RemoveAll(dir)
			t.Cleanup(func() { _ = os.RemoveAll(dir) })
			d := newDriver(t, 80, 24, func(o *Options) { o.Store = coach.NewStore(dir) })
			d.dir = dir
			tt.walk(d)
			view := d.view()
			if d.m.page == common.Summary {
				view = strings.ReplaceAll(view, d.m.summary.Session().ID, "<id>")
				view = strings.ReplaceAll(view, d.dir, "<data-dir>")
			}
			golden(t, tt.name, view)
		})
	}
}

// walkWholeSession answers every prompt of a session with the keys a person
// would press: the check-in, the whole session, then every step.
func walkWholeSession(d *driver) {
	d.asksCheckIn = true
	d.press("enter") // home: start a new session
	d.press("4")
	d.typeText("flat")
	d.press("enter")
	d.press("2", "enter") // the whole session
	// What happened
	d.typeText("Northwind")
	d.press("tab")
	d.typeText("Product designer")
	d.press("tab", "3", "tab") // stage: final round
	// Step back
	d.press("space", "down", "space", "tab")
	d.typeText("Two other applications are still open.")
	d.press("tab")
	d.typeText("It stings, and I am tired.")
	d.press("tab")
	// Don't take it personally
	d.typeText("I'm not good enough.")
	d.press("tab")
	d.typeText("80")
	d.press("tab", "down", "space", "tab")   // traps: mind reading
	d.press("space", "down", "space", "tab") // explanations: an internal candidate, a hiring freeze
	d.typeText("I stumbled on the metrics question.")
	d.press("tab", "tab") // against: the stage reached, as offered
	d.typeText("You got to the final round; that is real.")
	d.press("tab")
	d.typeText("I reached the final round; the decision had other reasons.")
	d.press("tab")
	d.typeText("40")
	d.press("tab")
	// Get feedback
	d.typeText("Ms Rivera")
	d.press("tab", "1", "tab", "enter") // channel: email; the date as is
	d.send(tea.PasteMsg{Content: "We have decided not to move forward."})
	d.press("tab")
	d.typeText("the onboarding redesign")
	d.press("tab")
	if d.m.flow.Interlude() == flow.SignName { // no settings could be kept
		d.typeText(testName)
		d.press("enter")
	}
	d.press("ctrl+y", "tab", "1", "enter", "enter", "enter") // send: yes; the dates as offered
	d.typeText("Clear walkthrough")
	d.press("enter")
	d.typeText("Good rapport")
	d.press("tab")
	d.typeText("Quantify impact")
	d.press("tab")
	// Reflect
	d.typeText("Tell me about a conflict")
	d.press("enter")
	d.typeText("Why this company?")
	d.press("tab")
	d.typeText("Metrics")
	d.press("tab", "2", "enter", "3", "enter")
	d.typeText("Figma")
	d.press("tab")
	// Restart
	d.typeText("A long walk; save two job ads")
	d.press("tab")
	d.typeText("Senior product designer")
	d.press("tab")
	d.typeText("Visual-only roles")
	d.press("tab")
	d.typeText("Update portfolio")
	d.press("enter")
	d.typeText("+3d")
	d.press("enter")
	d.typeText("Email Ms Rivera")
	d.press("tab")
	d.typeText("Sam")
	d.press("tab")
	d.typeText("call Sam and take the evening off")
	d.press("tab")
	// Check out
	d.press("6")
	d.typeText("lighter")
	d.press("enter")
}

func TestWholeSessionIsSaved(t *testing.T) {
	d := newDriver(t, 80, 24)
	walkWholeSession(d)
	if d.m.page != common.Summary {
		t.Fatalf("after the last prompt the page is %v, want the summary", d.m.page)
	}
	s := d.saved()
	checks := []struct {
		what      string
		got, want any
	}{
		{"status", s.Status, coach.Complete},
		{"company", s.Intake.Company, "Northwind"},
		{"role", s.Intake.Role, "Product designer"},
		{"interviewer", s.Intake.Interviewer, "Ms Rivera"},
		{"stage", s.Intake.Stage, "final round"},
		{"rejected on (default today)", s.Intake.RejectedOn, "2026-11-23"},
		{"channel", s.Intake.Channel, "email"},
		{"message", s.Intake.Message, "We have decided not to move forward."},
		{"mood before", *s.MoodBefore, coach.Mood{Score: 4, Word: "flat"}},
		{"mood after", *s.MoodAfter, coach.Mood{Score: 6, Word: "lighter"}},
		{"outside", s.Answers["step_back.outside"].Items, []string{"They could hire only one person", "Other candidates were just as qualified"}},
		{"balanced", s.Answers["not_personal.balanced"].Text, "I reached the final round; the decision had other reasons."},
		{"send", s.Feedback.Send, "yes"},
		{"send on (default tomorrow)", s.Feedback.SendOn, "2026-11-24"},
		{"follow up (default a week after sending)", s.Feedback.FollowUpOn, "2026-12-01"},
		{"depth (the whole session stores none)", s.Depth, content.Depth("")},
		{"belief before", s.Answers[coach.PromptBeliefBefore].Text, "80"},
		{"belief after", s.Answers[coach.PromptBeliefAfter].Text, "40"},
		{"traps", s.Answers[content.PromptTraps].Items, []string{"Mind reading"}},
		{"evidence against (the stage, as offered)", s.Answers[coach.PromptEvidenceAgainst].Items, []string{d.m.deps.Flow.StageEvidence("final round")}},
		{"topic", s.Answers[coach.PromptTopic].Text, "the onboarding redesign"},
		{"free write", s.Answers["step_back.free_write"].Text, "It stings, and I am tired."},
		{"plan", s.Answers[coach.PromptPlan].Text, "call Sam and take the evening off"},
		{"went well", s.Answers["feedback.went_well"].Items, []string{"Clear walkthrough", "Good rapport"}},
		{"questions", s.Answers["reflect.questions"].Items, []string{"Tell me about a conflict", "Why this company?"}},
		{"own questions", s.Answers["reflect.own_questions"].Text, "a few"},
		{"research", s.Answers["reflect.research"].Text, "not really"},
		{"actions", s.Actions, []coach.Action{{Text: "Update portfolio", Due: "2026-11-26"}, {Text: "Email Ms Rivera"}}},
		{"support", s.Answers["restart.support"].Items, []string{"Sam"}},
		{"no drafts left", len(s.Drafts), 0},
	}
	for _, c := range checks {
		if !equal(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.what, c.got, c.want)
		}
	}
	for _, want := range []string{"Hi Ms Rivera,", "through the final round", "the onboarding redesign", "Northwind", "Best regards,\n" + testName} {
		if !strings.Contains(s.Feedback.Draft, want) {
			t.Errorf("the feedback draft lacks %q (the intake, the topic, the name):\n%s", want, s.Feedback.Draft)
		}
	}
	for _, want := range []string{"Product designer at Northwind", "4/10 (flat) → 6/10 (lighter)", "80% → 40%", "Saved to"} {
		if !strings.Contains(d.view(), want) {
			t.Errorf("summary does not show %q:\n%s", want, d.view())
		}
	}
}

func equal(a, b any) bool {
	switch a := a.(type) {
	case []string:
		return slices.Equal(a, b.([]string))
	case []coach.Action:
		return slices.Equal(a, b.([]coach.Action))
	}
	return a == b
}

func TestShiftTabCrossesStepsBack(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("not_personal.thought")
	if !strings.Contains(d.view(), "Step 2 of 5 · Don't take it personally") {
		t.Fatalf("progress line missing:\n%s", d.view())
	}
	d.press("shift+tab")
	if d.prompt() != "step_back.free_write" {
		t.Fatalf("shift+tab on a step's first prompt went to %q, want the previous step's last", d.prompt())
	}
	if !strings.Contains(d.view(), "Step 1 of 5 · Step back") {
		t.Errorf("progress line did not follow:\n%s", d.view())
	}
	for range 12 {
		d.press("shift+tab")
	}
	if d.prompt() != coach.PromptMoodBefore {
		t.Errorf("shift+tab on the very first prompt moved to %q", d.prompt())
	}
}

func TestEnterAddsLineInLongAnswers(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("reflect.questions")
	d.typeText("one")
	d.press("enter")
	d.typeText("two")
	if d.prompt() != "reflect.questions" {
		t.Fatalf("enter left a multi-line answer for %q", d.prompt())
	}
	d.press("tab")
	got := d.saved().Answers["reflect.questions"].Items
	if !slices.Equal(got, []string{"one", "two"}) {
		t.Errorf("questions = %q, want one item per line", got)
	}
}

func TestEscKeepsTheUnfinishedAnswerAndResumes(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("not_personal.thought")
	d.typeText("half a thou")
	d.press("esc")
	if d.m.page != common.Home {
		t.Fatalf("esc did not go home")
	}
	s := d.saved()
	if s.Position != "not_personal.thought" || s.Drafts["not_personal.thought"].Text != "half a thou" {
		t.Fatalf("position %q, drafts %v: the unfinished answer was not kept", s.Position, s.Drafts)
	}
	if !strings.Contains(d.view(), "Resume:") {
		t.Fatalf("home does not offer to resume:\n%s", d.view())
	}
	d.press("down", "enter")
	if d.prompt() != "not_personal.thought" || !strings.Contains(d.view(), "half a thou") {
		t.Fatalf("resume opened %q:\n%s", d.prompt(), d.view())
	}
	d.typeText("ght")
	d.press("tab")
	if got := d.saved().Answers["not_personal.thought"].Text; got != "half a thought" {
		t.Errorf("after resuming, the answer is %q", got)
	}
}

func TestCtrlCSavesThenQuits(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.typeText("Acme")
	d.press("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit")
	}
	if got := d.saved().Drafts["intake.company"].Text; got != "Acme" {
		t.Errorf("the typed company was not kept: drafts %v", d.saved().Drafts)
	}
}

func TestDraftIsSavedWhenTypingPauses(t *testing.T) {
	d := newDriver(t, 80, 24, func(o *Options) { o.DraftDelay = DefaultDraftDelay })
	d.press("enter")
	_, cmd := d.m.Update(keytest.Press("A"))
	_ = cmd // the pending tick; delivered by hand below instead of waiting
	d.send(common.DraftTickMsg{ID: d.m.flow.Session().ID, Seq: d.m.flow.DraftSeq()})
	if got := d.saved().Drafts["intake.company"].Text; got != "A" {
		t.Errorf("draft after a pause = %q, want A", got)
	}
}

func TestUnwritableDataDirIsToldAtOnceAndTheSessionGoesOn(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, 80, 24, func(o *Options) { o.Store = coach.NewStore(file) })
	if v := d.view(); !strings.Contains(v, "Can't save to") || !strings.Contains(v, "(not a directory)") {
		t.Fatalf("home does not say the data dir cannot be written:\n%s", d.view())
	}
	walkWholeSession(d)
	if d.m.page != common.Summary || !strings.Contains(d.view(), "Not saved: press ctrl+y") {
		t.Fatalf("summary does not offer the copy:\n%s", d.view())
	}
	if got := d.m.summary.Session().Answers["not_personal.balanced"].Text; got == "" {
		t.Error("the answers were not kept in memory")
	}
}

func TestUnreadableFilesAreNamedAndLeftAlone(t *testing.T) {
	d := newDriver(t, 100, 30)
	dir := filepath.Join(d.dir, "sessions")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "0123456789abcdef.json")
	content := []byte(`{"schema_version": 1, "id": "0123`)
	if err := os.WriteFile(bad, content, 0o600); err != nil {
		t.Fatal(err)
	}
	d.run(d.m.home.Load())
	if v := d.view(); !strings.Contains(v, "Skipped") || !strings.Contains(v, "0123456789abcdef.json") {
		t.Fatalf("home does not name the unreadable file:\n%s", v)
	}
	walkWholeSession(d)
	got, err := os.ReadFile(bad)
	if err != nil || string(got) != string(content) {
		t.Errorf("the unreadable file was changed: %q, %v", got, err)
	}
}

func TestPastedEscapesAreStoredAsTypedButShownInert(t *testing.T) {
	hostile := "before \x1b]52;c;aGVsbG8=\x07 \x1b[2J \u009b31m \u202Eevil after"
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("not_personal.thought")
	d.send(tea.PasteMsg{Content: hostile})
	raw := d.m.View().Content
	for _, bad := range []string{"\x1b]52", "\x1b[2J", "\u009b", "\u202E", "\x07"} {
		if strings.Contains(raw, bad) {
			t.Errorf("the screen got %q raw", bad)
		}
	}
	if !strings.Contains(d.view(), "␛]52;c;aGVsbG8=␇") {
		t.Errorf("the escape is not shown as text:\n%s", d.view())
	}
	d.press("tab")
	if got := d.saved().Answers["not_personal.thought"].Text; got != hostile {
		t.Errorf("stored %q, want the paste as typed %q", got, hostile)
	}
}

func TestLongPasteKeepsEveryLine(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		b.WriteString(strings.Repeat("x", 49) + string(rune('a'+i%26)) + "\n")
	}
	paste := strings.TrimSuffix(b.String(), "\n") // 100 KB over 2,000 lines
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("intake.message")
	d.send(tea.PasteMsg{Content: paste})
	d.press("tab")
	if got := d.saved().Intake.Message; got != paste {
		t.Errorf("a 100 KB paste was stored as %d bytes, want %d", len(got), len(paste))
	}
}

func TestHelpToggleOnlyWhenNotTyping(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("intake.stage")
	d.press("?")
	if !d.m.flow.ShowsAll() {
		t.Fatal("? on a choice did not open the full help")
	}
	d.press("?", "shift+tab")
	if d.prompt() != "intake.role" {
		t.Fatalf("at %q", d.prompt())
	}
	d.press("?")
	if d.m.flow.ShowsAll() {
		t.Error("? in a text field toggled help instead of typing")
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func TestEmojiCJKAndRightToLeftTextAreKept(t *testing.T) {
	text := "Felt 😔 then 🙂. 日本語の面接. مرحبا بالعالم. שלום"
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("not_personal.balanced")
	d.typeText(text)
	if !strings.Contains(d.view(), "日本語の面接") {
		t.Errorf("the typed text is not on screen:\n%s", d.view())
	}
	d.press("tab")
	if got := d.saved().Answers["not_personal.balanced"].Text; got != text {
		t.Errorf("stored %q, want %q", got, text)
	}
}

func TestLightBackgroundSwitchesThemeAndRerendersTips(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("step_back.outside")
	darkTip := d.m.deps.Tips["step-back"]
	d.send(tea.BackgroundColorMsg{Color: color.White})
	if d.m.isDark || d.m.deps.Styles.IsDark {
		t.Fatal("a white background did not switch to the light theme")
	}
	if d.m.tipsKey.Dark || d.m.deps.Tips["step-back"] == darkTip {
		t.Error("the tips were not rendered again for the light theme")
	}
}

func TestCopyIsConfirmedOnScreen(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("feedback.draft")
	d.press("ctrl+y")
	if !strings.Contains(firstLine(d.view()), "copied the message") {
		t.Errorf("ctrl+y is not confirmed in the header:\n%s", d.view())
	}
	d.typeText("x")
	if strings.Contains(d.view(), "copied the message") {
		t.Error("the confirmation outlived the next key")
	}
}

func TestActionDueDateIsShownAsUnderstood(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("restart.actions")
	d.typeText("Call Sam")
	d.press("enter")
	d.typeText("+3d")
	d.press("enter")
	if !strings.Contains(d.view(), "2026-11-26") {
		t.Errorf("the due date +3d was not shown as a date after leaving it:\n%s", d.view())
	}
}

func TestUnsavedSessionSurvivesEscAndIsHandedOverOnQuit(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, 80, 24, func(o *Options) { o.Store = coach.NewStore(file) })
	d.press("enter")
	d.typeText("Hooli")
	d.press("tab")
	d.typeText("Engin")
	d.press("esc")
	if !strings.Contains(d.view(), "Resume (not saved): Hooli") {
		t.Fatalf("home lost the unsaved session:\n%s", d.view())
	}
	d.press("down", "enter")
	if d.prompt() != "intake.role" || !strings.Contains(d.view(), "Engin") {
		t.Fatalf("resuming from memory opened %q:\n%s", d.prompt(), d.view())
	}
	d.press("ctrl+c")
	unsaved := d.m.Unsaved()
	if !d.quit || len(unsaved) != 1 || unsaved[0].Intake.Company != "Hooli" {
		t.Fatalf("quit %v, unsaved %v: the session was not handed over", d.quit, unsaved)
	}
}

func TestTypedBidiOverrideIsShownInert(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.send(tea.KeyPressMsg{Code: 0x202E, Text: "\u202E"})
	d.typeText("abc")
	if strings.Contains(d.m.View().Content, "\u202E") {
		t.Error("a typed U+202E reached the screen raw")
	}
	d.press("tab")
	if got := d.saved().Intake.Company; got != "\u202Eabc" {
		t.Errorf("stored %q, want it as typed", got)
	}
}

func TestDateDefaultIsReplacedByTypingAndABadDateHoldsTheFocus(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("intake.rejected_on")
	d.typeText("soon")
	d.press("tab")
	if d.prompt() != "intake.rejected_on" || !strings.Contains(d.view(), "write a date like") {
		t.Fatalf("an unreadable date was left behind (now at %q):\n%s", d.prompt(), d.view())
	}
	for range 4 {
		d.press("backspace")
	}
	d.typeText("yesterday")
	d.press("tab")
	if got := d.saved().Intake.RejectedOn; got != "2026-11-22" {
		t.Errorf("rejected on %q, want 2026-11-22 (typing replaced the default)", got)
	}
}

// TestKeysTypedRightAfterEnterReachTheSession: the flow opens once its
// lock is back (taken in a command, never in Update); the keys typed
// meanwhile wait for it, so nothing typed ahead goes to the home menu.
func TestKeysTypedRightAfterEnterReachTheSession(t *testing.T) {
	d := newDriver(t, 80, 24)
	_, lock := d.m.Update(keytest.Press("enter")) // the lock not taken yet, as in a busy program
	for _, r := range "Acme" {
		if _, cmd := d.m.Update(tea.KeyPressMsg{Code: r, Text: string(r)}); cmd != nil {
			t.Fatalf("%q did something before the flow opened", r)
		}
	}
	if d.m.page != common.Home || !strings.Contains(d.view(), "Start a new session") {
		t.Fatalf("the screen left is not on show while the lock is on its way:\n%s", d.view())
	}
	d.run(lock)
	if d.m.page != common.Flow || !strings.Contains(d.view(), "Acme") {
		t.Errorf("keys typed right after enter were lost:\n%s", d.view())
	}
}

// TestQuitWhileALockIsOnItsWay: ctrl+c does not wait for the screen being
// opened.
func TestQuitWhileALockIsOnItsWay(t *testing.T) {
	d := newDriver(t, 80, 24)
	_, _ = d.m.Update(keytest.Press("enter"))
	d.send(keytest.Press("ctrl+c"))
	if !d.quit {
		t.Error("ctrl+c waited for the lock")
	}
}

// TestKeysTypedRightAfterEscReachHome: esc switches to home at once, so a q
// typed before the save lands quits instead of being typed into the answer.
func TestKeysTypedRightAfterEscReachHome(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.typeText("Acme")
	_, _ = d.m.Update(keytest.Press("esc")) // its save not run yet, as in a busy program
	_, cmd := d.m.Update(keytest.Press("q"))
	if d.m.page != common.Home || cmd == nil {
		t.Fatalf("q after esc did not reach home (page %v)", d.m.page)
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q on home did not quit")
	}
}

package app

import (
	"slices"
	"strings"
	"testing"

	"github.com/rebound-coach/rebound/ui/common"
)

// newTimedDriver is a driver whose countdown ticks only when the test says.
func newTimedDriver(t *testing.T, w, h int) (*driver, *manualClock) {
	t.Helper()
	clock := &manualClock{}
	d := newDriver(t, w, h, func(o *Options) { o.Clock = clock.after })
	d.press("enter") // a new session, the whole of it
	return d, clock
}

// footer is the last line of the screen: the help.
func (d *driver) footer() string {
	lines := strings.Split(d.view(), "\n")
	return lines[len(lines)-1]
}

// ctrlT presses the countdown's key.
func (d *driver) ctrlT() {
	d.t.Helper()
	d.send(keyCtrl('t'))
}

// TestCountdownOfferedOnlyWhereTheAdviceNamesATime walks every prompt of a
// whole session: the key and the quiet line show on the free-write and on
// the two lists of self-feedback, and nowhere else.
func TestCountdownOfferedOnlyWhereTheAdviceNamesATime(t *testing.T) {
	d, clock := newTimedDriver(t, 80, 24)
	want := []string{"step_back.free_write", "feedback.went_well", "feedback.do_better"}
	var offered []string
	for range 80 {
		if d.m.page != common.Flow {
			break
		}
		v := d.view()
		footer := strings.Contains(d.footer(), "ctrl+t countdown")
		line := strings.Contains(v, "ctrl+t starts a 10-minute countdown, if it helps")
		if footer != line {
			t.Errorf("at %q the footer offers the countdown %v, the line under the field %v:\n%s", d.prompt(), footer, line, v)
		}
		if footer {
			offered = append(offered, d.prompt())
		}
		d.press("tab")
	}
	if d.m.page != common.Summary {
		t.Fatalf("the walk did not reach the summary; at %q", d.prompt())
	}
	if !slices.Equal(offered, want) {
		t.Errorf("the countdown was offered on %q, want %q", offered, want)
	}
	if len(clock.pending) != 0 {
		t.Errorf("%d ticks scheduled with no countdown started", len(clock.pending))
	}
}

// TestFreeWriteCountdown: ctrl+t starts ten minutes, a tick takes a second
// off, ctrl+t stops and carries on, and what is typed meanwhile is saved as
// any answer is.
func TestFreeWriteCountdown(t *testing.T) {
	d, clock := newTimedDriver(t, 80, 24)
	d.tabTo("step_back.free_write")
	if len(clock.pending) != 0 {
		t.Fatalf("%d ticks scheduled before the countdown was asked for", len(clock.pending))
	}
	d.ctrlT()
	if v := d.view(); !strings.Contains(v, "10:00 left · ctrl+t stops it") || !strings.Contains(d.footer(), "ctrl+t stop countdown") {
		t.Fatalf("a started countdown does not show the time left and how to stop it:\n%s", v)
	}
	if strings.Contains(d.m.flow.Field().Answer().Text, "t") {
		t.Fatal("ctrl+t reached the free-write as a character")
	}
	clock.tick(d, 1)
	if !strings.Contains(d.view(), "9:59 left") {
		t.Fatalf("a tick did not take a second off:\n%s", d.view())
	}
	d.typeText("It stings.")
	clock.tick(d, 137)
	if !strings.Contains(d.view(), "7:42 left") {
		t.Fatalf("after 138 seconds:\n%s", d.view())
	}
	d.ctrlT()
	if !strings.Contains(d.view(), "paused · 7:42 left · ctrl+t carries on") {
		t.Fatalf("a stopped countdown does not say where it stopped:\n%s", d.view())
	}
	clock.tick(d, 30) // the tick already scheduled is stale
	if !strings.Contains(d.view(), "7:42 left") || len(clock.pending) != 0 {
		t.Fatalf("a stopped countdown went on ticking (%d pending):\n%s", len(clock.pending), d.view())
	}
	d.ctrlT()
	clock.tick(d, 2)
	if !strings.Contains(d.view(), "7:40 left") || len(clock.pending) != 1 {
		t.Fatalf("carried on, the countdown should tick once a second (%d pending):\n%s", len(clock.pending), d.view())
	}
	d.typeText(" I am tired.")
	d.press("tab")
	if got := d.saved().Answers["step_back.free_write"].Text; got != "It stings. I am tired." {
		t.Errorf("the free-write saved as %q", got)
	}
	clock.tick(d, 5)
	if len(clock.pending) != 0 || strings.Contains(d.view(), "left") {
		t.Errorf("the countdown went on after leaving its prompt (%d pending):\n%s", len(clock.pending), d.view())
	}
}

// TestSelfFeedbackCountdownContinues: the ten minutes started on what went
// well keep running on what to do better, stop on any other prompt, and
// coming back offers a new countdown without starting it.
func TestSelfFeedbackCountdownContinues(t *testing.T) {
	d, clock := newTimedDriver(t, 80, 24)
	d.tabTo("feedback.went_well")
	d.ctrlT()
	clock.tick(d, 30)
	d.typeText("Clear walkthrough")
	d.press("tab")
	if d.prompt() != "feedback.do_better" || !strings.Contains(d.view(), "9:30 left · ctrl+t stops it") {
		t.Fatalf("the countdown did not carry on to %q:\n%s", d.prompt(), d.view())
	}
	clock.tick(d, 60)
	if !strings.Contains(d.view(), "8:30 left") {
		t.Fatalf("the carried countdown does not tick:\n%s", d.view())
	}
	d.press("shift+tab") // one more thing that went well: the same ten minutes
	if d.prompt() != "feedback.went_well" || !strings.Contains(d.view(), "8:30 left") {
		t.Fatalf("back on %q the countdown is not the same:\n%s", d.prompt(), d.view())
	}
	d.press("tab")
	d.typeText("Quantify impact")
	d.press("tab")
	if strings.Contains(d.view(), "left ·") || strings.Contains(d.footer(), "ctrl+t") {
		t.Fatalf("on %q the countdown still shows:\n%s", d.prompt(), d.view())
	}
	clock.tick(d, 3)
	if len(clock.pending) != 0 {
		t.Fatalf("%d ticks scheduled after the countdown's prompts were left", len(clock.pending))
	}
	d.press("shift+tab")
	if d.prompt() != "feedback.do_better" || !strings.Contains(d.view(), "ctrl+t starts a 10-minute countdown") || len(clock.pending) != 0 {
		t.Fatalf("coming back should offer a countdown, not run one (%d pending):\n%s", len(clock.pending), d.view())
	}
	s := d.saved()
	if got := s.Answers["feedback.went_well"].Items; !slices.Equal(got, []string{"Clear walkthrough"}) {
		t.Errorf("went well saved as %q", got)
	}
	if got := s.Answers["feedback.do_better"].Items; !slices.Equal(got, []string{"Quantify impact"}) {
		t.Errorf("do better saved as %q", got)
	}
}

// TestCountdownAtZero: the end is one gentle line, the key goes, and the
// user writes on where they are.
func TestCountdownAtZero(t *testing.T) {
	d, clock := newTimedDriver(t, 80, 24)
	d.tabTo("step_back.free_write")
	d.ctrlT()
	clock.tick(d, 599)
	if !strings.Contains(d.view(), "0:01 left") {
		t.Fatalf("a second before the end:\n%s", d.view())
	}
	clock.tick(d, 1)
	v := d.view()
	if !strings.Contains(v, "That was 10 minutes. Write on if you like; nothing moves until you do.") {
		t.Fatalf("the end of the countdown is not said:\n%s", v)
	}
	if d.prompt() != "step_back.free_write" || strings.Contains(d.footer(), "ctrl+t") || len(clock.pending) != 0 {
		t.Fatalf("at zero the screen moved, kept the key or kept ticking (%d pending):\n%s", len(clock.pending), v)
	}
	d.ctrlT() // nothing to start again
	d.typeText("More.")
	if len(clock.pending) != 0 || !strings.Contains(d.view(), "That was 10 minutes.") {
		t.Fatalf("after the end ctrl+t started something:\n%s", d.view())
	}
	d.press("ctrl+s")
	if got := d.saved().Drafts["step_back.free_write"].Text; got != "More." {
		t.Errorf("what was typed after the end saved as %q", got)
	}
}

// TestCountdownGolden is the free-write with its countdown running, at
// 80×24.
func TestCountdownGolden(t *testing.T) {
	d, clock := newTimedDriver(t, 80, 24)
	d.tabTo("step_back.free_write")
	d.typeText("It stings, and I am tired.")
	d.ctrlT()
	clock.tick(d, 138)
	golden(t, "free-write-countdown", d.view())
}

// TestCtrlZPausesTheFreeWriteCountdown: as in a practice round, time away
// (ctrl+z) is not time spent writing.
func TestCtrlZPausesTheFreeWriteCountdown(t *testing.T) {
	d, clock := newTimedDriver(t, 80, 24)
	d.tabTo("step_back.free_write")
	d.ctrlT()
	clock.tick(d, 5)
	_, cmd := d.m.Update(ctrlZ)
	if !runToSuspend(d, cmd) {
		t.Fatal("ctrl+z on the free-write did not suspend")
	}
	clock.tick(d, 30) // the process is stopped: a tick due then must not count
	suspendAndResume(d)
	if v := d.view(); !strings.Contains(v, "9:55 left · ctrl+t stops it") {
		t.Fatalf("after resuming want 9:55 left, running:\n%s", v)
	}
	clock.tick(d, 1)
	if !strings.Contains(d.view(), "9:54 left") {
		t.Errorf("the countdown does not run again after resuming:\n%s", d.view())
	}
}

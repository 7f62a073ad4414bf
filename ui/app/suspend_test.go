package app

import (
	"os"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/rebound-coach/rebound/ui/keys/keytest"
)

// ctrlZ is the suspend key as Bubble Tea reports it.
var ctrlZ = tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}

// runToSuspend runs cmd as Bubble Tea would, every message fed back, and
// stops at its tea.SuspendMsg: the point where the program would pass it
// through ExitFilter and stop the process. It reports whether it got there.
func runToSuspend(d *driver, cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.SuspendMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if runToSuspend(d, c) {
				return true
			}
		}
	default:
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
			for i := range v.Len() { // tea.Sequence: in order
				if runToSuspend(d, v.Index(i).Interface().(tea.Cmd)) {
					return true
				}
			}
			return false
		}
		d.send(msg)
	}
	return false
}

// suspendAndResume plays what Bubble Tea does from the SuspendMsg on: the
// filter, the stop and SIGCONT, then SuspendMsg and ResumeMsg to Update.
func suspendAndResume(d *driver) {
	ExitFilter(d.m, tea.SuspendMsg{})
	d.send(tea.SuspendMsg{})
	d.send(tea.ResumeMsg{})
}

func TestCtrlZSavesBeforeSuspendingAndResumesOnTheSameScreen(t *testing.T) {
	if ctrlZ.String() != "ctrl+z" {
		t.Fatalf("ctrl+z is reported as %q", ctrlZ.String())
	}
	d := newDriver(t, 80, 24) // drafts are never saved on a pause in typing
	d.press("enter")
	d.typeText("Northwind")
	before := d.view()

	_, cmd := d.m.Update(ctrlZ)
	if !runToSuspend(d, cmd) {
		t.Fatal("ctrl+z did not suspend")
	}
	// Still before the process stops: the answer must be on disk already.
	s := d.saved()
	if got := s.Drafts["intake.company"].Text + s.Intake.Company; got != "Northwind" {
		t.Errorf("before the suspend the file holds %q, want the typed Northwind", got)
	}

	suspendAndResume(d)
	// The same screen, its header now saying the session was saved.
	after := d.view()
	head, body, _ := strings.Cut(after, "\n")
	_, want, _ := strings.Cut(before, "\n")
	if body != want || !strings.HasSuffix(head, "saved 15:04") {
		t.Errorf("after resuming the screen differs:\n--- before ---\n%s\n--- after ---\n%s", before, after)
	}
	d.typeText(" Traders")
	if !strings.Contains(d.view(), "Northwind Traders") {
		t.Errorf("typing after resuming did not reach the field:\n%s", d.view())
	}
}

// TestCtrlZWritesASaveStillRunning: esc starts a save in a command; ctrl+z
// straight after, on home, has nothing on screen to save, and the filter
// writes the save that may not have run yet.
func TestCtrlZWritesASaveStillRunning(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.typeText("Acme")
	_, _ = d.m.Update(keytest.Press("esc")) // its save not run yet, as in a busy program
	_, cmd := d.m.Update(ctrlZ)
	if !runToSuspend(d, cmd) {
		t.Fatal("ctrl+z on home did not suspend")
	}
	ExitFilter(d.m, tea.SuspendMsg{})
	if s := d.saved(); s.Drafts["intake.company"].Text+s.Intake.Company != "Acme" {
		t.Errorf("the session esc was saving holds %+v, %+v; want Acme", s.Intake, s.Drafts)
	}
}

// TestCtrlZPausesTheCountdown: time suspended is not time answering.
func TestCtrlZPausesTheCountdown(t *testing.T) {
	d, clock := newPracticeDriver(t, 80, 24)
	d.press("enter")
	d.typeText("I wanted more ownership")
	clock.tick(d, 5)
	if !strings.Contains(d.view(), "1:55 left") {
		t.Fatalf("want 1:55 left after 5 s:\n%s", d.view())
	}

	_, cmd := d.m.Update(ctrlZ)
	if !runToSuspend(d, cmd) {
		t.Fatal("ctrl+z in a round did not suspend")
	}
	p := d.practised()
	if len(p) != 1 || p[0].Answer != "I wanted more ownership" || p[0].TimeUsed != 5 {
		t.Fatalf("before the suspend the round on disk is %+v, want the answer and 5 s used", p)
	}
	clock.tick(d, 30) // the process is stopped: a tick due then must not count
	suspendAndResume(d)
	if v := d.view(); !strings.Contains(v, "1:55 left") || strings.Contains(v, "paused") {
		t.Errorf("after resuming want 1:55 left, running:\n%s", v)
	}
	clock.tick(d, 1)
	if !strings.Contains(d.view(), "1:54 left") {
		t.Errorf("the countdown does not run again after resuming:\n%s", d.view())
	}
}

// TestCtrlZPausedCountdownStaysPaused: a countdown paused with ctrl+t is
// not started by resuming.
func TestCtrlZPausedCountdownStaysPaused(t *testing.T) {
	d, clock := newPracticeDriver(t, 80, 24)
	d.press("enter")
	clock.tick(d, 2)
	d.send(tea.KeyPressMsg{Code: 't', Mod: tea.ModCtrl})
	_, cmd := d.m.Update(ctrlZ)
	runToSuspend(d, cmd)
	suspendAndResume(d)
	if !strings.Contains(d.view(), "paused · 1:58 left") {
		t.Errorf("resuming started a countdown paused by hand:\n%s", d.view())
	}
}

func TestFullHelpNamesCtrlZ(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("intake.stage")
	d.press("?")
	if !strings.Contains(d.view(), "ctrl+z save & suspend") {
		t.Errorf("the flow's full help does not name ctrl+z:\n%s", d.view())
	}
	h := newHistoryDriver(t, 80, 24)
	h.press("2", "esc", "?")
	if !strings.Contains(h.view(), "ctrl+z save & suspend") {
		t.Errorf("an opened session's full help does not name ctrl+z:\n%s", h.view())
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "| ctrl+z |") {
		t.Error("README's keys do not name ctrl+z")
	}
}

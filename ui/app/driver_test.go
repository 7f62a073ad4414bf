package app

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys/keytest"
	"github.com/rebound-coach/rebound/ui/pages/flow"
)

// updating reports whether -update was given: the flag is registered by
// charmbracelet/x/exp/golden, which teatest imports, and means the same here.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// fixedNow is the clock of every model test, so dates in views are stable.
var fixedNow = time.Date(2026, 11, 23, 15, 4, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Exit(m.Run())
}

// driver runs the root model the way Bubble Tea would, but synchronously:
// every command runs at once and its message is fed back, so a test sees
// the state after each key as a user would.
type driver struct {
	t     testing.TB
	m     *Model
	store *coach.Store
	dir   string
	quit  bool
	// asksCheckIn keeps the check-in for the test to answer. Without it the
	// driver answers a new session's check-in as most tests need: no
	// score, and the whole session, so they start at the intake as before.
	asksCheckIn bool
	passed      map[string]bool // the sessions whose check-in it answered
	// inUpdate is whether the model's Update is running: the store's fault
	// hook fails the test on any file operation then (no I/O in Update).
	inUpdate bool
}

func newDriver(t testing.TB, w, h int, configure ...func(*Options)) *driver {
	t.Helper()
	flow := testFlow(t)
	bank, err := content.LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	o := Options{Store: coach.NewStore(dir), Flow: flow, Bank: bank, Now: func() time.Time { return fixedNow }, DraftDelay: -1,
		Clock: func(time.Duration, func() tea.Msg) tea.Cmd { return nil }} // no countdown ticks unless a test gives a clock
	for _, c := range configure {
		c(&o)
	}
	// The letters are signed by a name kept from an earlier run, so the
	// question of the name is not in every test's way. A data dir that
	// cannot hold it (a fault under test) is left to ask.
	_ = coach.SaveSettings(o.Store.Dir(), coach.Settings{Name: testName})
	d := &driver{t: t, m: New(o), store: o.Store, dir: dir, passed: map[string]bool{}}
	o.Store.InjectFaults(d.noIOInUpdate(o.Store.Faults()))
	// A driver no longer used would be collected, and its store's lock
	// files closed with it (the files' finalizers): another copy in the
	// same test would then find unlocked what a real copy holds until it
	// quits.
	t.Cleanup(func() { runtime.KeepAlive(d) })
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// testName signs the letters of the model tests.
const testName = "Sam Lee"

func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	d.inUpdate = true
	_, cmd := d.m.Update(msg)
	d.inUpdate = false
	d.run(cmd)
}

// noIOInUpdate is the store's fault hook in every model test: a file
// operation while Update runs fails the test; any other goes to faults, the
// test's own hook, if it has one.
func (d *driver) noIOInUpdate(faults func(op, path string) error) func(op, path string) error {
	return func(op, path string) error {
		if d.inUpdate {
			d.t.Errorf("%s %s ran inside Update: the store is for commands", op, path)
		}
		if faults != nil {
			return faults(op, path)
		}
		return nil
	}
}

var cmdType = reflect.TypeFor[tea.Cmd]()

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.QuitMsg:
		d.quit = true
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	default:
		// tea.Sequence's message is unexported: a slice of commands, run in order.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
			for i := range v.Len() {
				d.run(v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		d.send(msg)
	}
}

// press sends named keys: "tab", "shift+tab", "enter", "esc", "ctrl+c", "up", ...
func (d *driver) press(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		msg := keytest.Press(k)
		if got := msg.String(); got != k {
			d.t.Fatalf("key %q is sent as %q", k, got)
		}
		d.send(msg)
		d.passCheckIn()
	}
}

// passCheckIn answers the check-in of a session just started, unless the
// test asks it: enter with no score, then the whole session.
func (d *driver) passCheckIn() {
	f := d.m.flow
	if d.asksCheckIn || d.m.page != common.Flow || f == nil || f.Interlude() != flow.NoInterlude ||
		f.Editing() != "" || f.Walk().Prompt().ID != coach.PromptMoodBefore {
		return
	}
	if s := f.Session(); s.MoodBefore == nil && !s.Begun() && !d.passed[s.ID] {
		d.passed[s.ID] = true
		d.send(keytest.Press("enter"))
		d.send(keytest.Press("2"))
		d.send(keytest.Press("enter"))
	}
}

// typeText types each character as a key press.
func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		if r == ' ' {
			d.send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
			continue
		}
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// view is the screen as a person reads it: no colour, no trailing spaces.
func (d *driver) view() string {
	lines := strings.Split(ansi.Strip(d.m.View().Content), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// prompt is the ID of the focused prompt, or "" off the flow screen.
func (d *driver) prompt() string {
	if d.m.page != common.Flow {
		return ""
	}
	return d.m.flow.Walk().Prompt().ID
}

// tabTo presses tab until the prompt with this ID has the focus.
func (d *driver) tabTo(id string) {
	d.t.Helper()
	for range 40 {
		if d.prompt() == id {
			return
		}
		d.press("tab")
	}
	d.t.Fatalf("never reached prompt %q; at %q", id, d.prompt())
}

// saved loads the only session the store holds.
func (d *driver) saved() *coach.Session {
	d.t.Helper()
	sessions, problems, err := d.store.List()
	if err != nil || len(problems) > 0 || len(sessions) != 1 {
		d.t.Fatalf("want one saved session; got %d, problems %v, err %v", len(sessions), problems, err)
	}
	return sessions[0]
}

// golden compares a view with testdata/<name>.golden; -update rewrites it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui/app -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from %s (run go test ./ui/app -update after checking):\n--- got ---\n%s\n--- want ---\n%s", name, path, got, want)
	}
}

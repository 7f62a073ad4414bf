package app

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/pages/history"
	"github.com/rebound-coach/rebound/ui/pages/round"
)

// TestHostileTextIsInert puts each entry of the hostile corpus (a few at a
// time, in one text) everywhere a person can write text: pasted into every
// prompt of a new session, pasted and typed into the search, into questions
// of one's own and into practice answers; and stored in every field of past
// sessions and rounds (the intake's choices, checklist items and dates too,
// which only a file can hold). Then it draws every screen that shows the
// text, in colour, at 80×24 on a dark background and at 120×40 on a light
// one. No frame may hold a control sequence but the app's own styles, nor a
// stand-in left undrawn; and the words around each sequence must be on the
// screens that show the text in full, so that drawing nothing cannot pass.
func TestHostileTextIsInert(t *testing.T) {
	for _, size := range []struct {
		w, h  int
		light bool
	}{{80, 24, false}, {120, 40, true}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			t.Parallel()
			w := newHostileWalk(t, size.w, size.h, size.light)
			for g := range coachtest.HostileGroups(hostileGroup) {
				w.walkGroup(g)
			}
			w.everything()
		})
	}
}

// hostileGroup is how many entries of the corpus are walked at once, in
// one text: every screen once per entry would take minutes.
const hostileGroup = 6

// hostileWalk walks through the app, one group of corpus entries after
// another.
type hostileWalk struct {
	t     *testing.T
	d     *driver
	group coachtest.HostileGroup // the entries being walked
	text  string                 // and their text
	name  string                 // and their names, for failures
	// seen is what each screen showed of the group, colour stripped.
	seen map[string]string
	// failed are the screens already reported, each reported once.
	failed map[string]bool
}

// hostileIDs are the IDs of what is stored for group g before the walk: a
// complete session and one stopped at its last prompt, each holding the
// text in every field, and a reviewed round and an unfinished one.
func hostileIDs(g int) (done, open, round, unfinished string) {
	id := func(kind int) string { return fmt.Sprintf("%x%015x", kind, g) }
	return id(1), id(2), id(3), id(4)
}

func newHostileWalk(t *testing.T, width, height int, light bool) *hostileWalk {
	t.Helper()
	store := coach.NewStore(t.TempDir())
	for g, group := range coachtest.HostileGroups(hostileGroup) {
		done, open, round, unfinished := hostileIDs(g)
		text, at := group.Text(), fixedNow.AddDate(0, 0, -2*g-2)
		for _, s := range []*coach.Session{coachtest.HostileSession(done, text, at),
			coachtest.HostileOpenSession(open, text, at.Add(time.Hour))} {
			if err := store.Overwrite(s); err != nil {
				t.Fatal(err)
			}
		}
		for _, p := range []*coach.Practice{coachtest.HostileRound(round, text, at, 2),
			coachtest.HostileRound(unfinished, text, at.Add(time.Hour), 0)} {
			if err := store.OverwritePractice(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	d := newDriver(t, width, height, func(o *Options) { o.Store = store })
	if light {
		d.send(tea.BackgroundColorMsg{Color: color.White})
	}
	return &hostileWalk{t: t, d: d, failed: map[string]bool{}}
}

// check draws the screen and checks the frame, keeping what it shows under
// the screen's name.
func (w *hostileWalk) check(screen string) {
	w.t.Helper()
	v := w.d.m.View()
	problem := coachtest.CheckAll(v.Content)
	if problem == nil {
		problem = coachtest.CheckAll(v.WindowTitle)
	}
	if problem == nil {
		if i := strings.IndexFunc(v.Content, isStandIn); i >= 0 {
			problem = fmt.Errorf("a stand-in of coach.Editable, not drawn by coach.Visible, at byte %d", i)
		}
	}
	if problem != nil && !w.failed[screen] {
		w.failed[screen] = true
		w.t.Errorf("%s, with %s: %v\nscreen, made inert:\n%s", screen, w.name, problem, coach.Inert(ansi.Strip(v.Content)))
	}
	w.seen[screen] += ansi.Strip(v.Content) + "\n"
}

// isStandIn reports a code point coach.Editable writes for another, a
// stand-in or half an escape, which coach.Visible draws: U+10FE00 and up.
func isStandIn(r rune) bool { return r >= 0x10FE00 }

// shows requires the words around the sequence on screens that show the
// text in full.
func (w *hostileWalk) shows(screens ...string) {
	w.t.Helper()
	for _, screen := range screens {
		for _, h := range w.group {
			if !w.sawWords(screen, h) {
				w.t.Errorf("%s, with %s: the words %q and %q around the sequence are not shown:\n%s",
					screen, h.Name, h.Before, h.After, coach.Inert(w.seen[screen]))
			}
		}
	}
}

// sawWords reports whether a screen showed both words of h. A word may be
// split where a line wraps; joined, the lines still hold it.
func (w *hostileWalk) sawWords(screen string, h coachtest.HostileText) bool {
	seen := strings.ReplaceAll(w.seen[screen], "\n", "")
	return strings.Contains(seen, h.Before) && strings.Contains(seen, h.After)
}

func (w *hostileWalk) paste() { w.d.send(tea.PasteMsg{Content: w.text}) }

// typeKeys types the text as a terminal sends typing: C0 controls and DEL
// arrive as keys (ctrl+…), not as text, so they are left out.
func (w *hostileWalk) typeKeys() {
	for _, r := range w.text {
		switch {
		case r < 0x20 || r == 0x7F:
		case r == ' ':
			w.d.press("space")
		default:
			w.d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
}

// home presses esc until home is on screen.
func (w *hostileWalk) home() {
	w.t.Helper()
	for range 6 {
		if w.d.m.page == common.Home {
			return
		}
		w.d.press("esc")
	}
	w.t.Fatalf("with %s, esc does not lead home:\n%s", w.name, coach.Inert(w.d.view()))
}

// walkGroup walks every screen with group g: a new session, the past
// sessions stored with it, and practice.
func (w *hostileWalk) walkGroup(g int) {
	d := w.d
	w.group = coachtest.HostileGroups(hostileGroup)[g]
	w.text, w.name, w.seen = w.group.Text(), w.group.Names(), map[string]string{}
	done, open, _, _ := hostileIDs(g)

	d.choose("Start a new session")
	w.fillFlow()
	if d.m.page != common.Summary {
		w.t.Fatalf("with %s, the flow did not end on the summary:\n%s", w.name, coach.Inert(d.view()))
	}
	w.scroll("summary", func() bool { return d.m.summary.Viewport().AtBottom() })
	w.home()

	// The search, pasted and typed, finds the new session and both stored.
	d.choose("Past sessions")
	d.press("/")
	w.paste()
	w.check("search pasted")
	d.press("enter")
	w.check("search pasted")
	if n := len(d.m.history.List().VisibleItems()); n != 3 {
		w.t.Errorf("with %s, searching for the text pasted finds %d sessions, want 3", w.name, n)
	}
	d.press("esc")
	d.press("/")
	d.typeText(w.group[0].Before)
	w.check("search")
	d.press("enter")
	w.check("search results")
	if n := len(d.m.history.List().VisibleItems()); n != 3 {
		w.t.Errorf("with %s, searching for %q finds %d sessions, want 3", w.name, w.group[0].Before, n)
	}
	w.open(done)
	w.session()
	d.press("esc")
	w.open(open)
	d.press("r")
	w.walkBack()
	w.home()

	w.practice()
	w.home()
	w.shows("flow", "summary", "session", "feedback form", "resume", "round", "hint")
}

// open opens the session with this ID from the list of past sessions.
func (w *hostileWalk) open(id string) {
	w.t.Helper()
	for i, it := range w.d.m.history.List().VisibleItems() {
		if it.(history.Item).Sum.ID == id {
			w.d.m.history.List().Select(i)
			w.d.press("enter")
			if w.d.m.page != common.Session {
				w.t.Fatalf("with %s, enter did not open session %s:\n%s", w.name, id, coach.Inert(w.d.view()))
			}
			return
		}
	}
	w.t.Fatalf("with %s, session %s is not listed:\n%s", w.name, id, coach.Inert(w.d.view()))
}

// fillFlow answers every prompt of the flow, pasting the text into each
// that takes text, and checks the screen with each answer showing.
func (w *hostileWalk) fillFlow() {
	d := w.d
	for n := 0; d.m.page == common.Flow; n++ {
		if n > 60 {
			w.t.Fatalf("with %s, the flow does not end:\n%s", w.name, coach.Inert(d.view()))
		}
		p := d.m.flow.Walk().Prompt()
		switch p.Kind {
		case content.Text, content.Textarea, content.List, content.Draft:
			w.paste()
		case content.Choice:
			d.press("1")
		case content.Checklist:
			d.press("space")
			for range p.Options { // to the line of one's own
				d.press("down")
			}
			w.paste()
		case content.Mood:
			d.press("5")
			w.paste()
		case content.Actions:
			w.paste()
			d.press("enter")
			d.typeText("+3d")
			d.press("enter")
			w.paste()
		}
		w.check("flow")
		d.press("tab")
	}
}

// walkBack goes from the last prompt of a resumed session back to the
// first, each prompt showing what the file holds.
func (w *hostileWalk) walkBack() {
	d := w.d
	if d.prompt() != coach.PromptMoodAfter {
		w.t.Fatalf("with %s, r did not resume at the last prompt:\n%s", w.name, coach.Inert(d.view()))
	}
	w.check("resume")
	for range 60 {
		if d.prompt() == coach.PromptCompany {
			return
		}
		d.press("shift+tab")
		w.check("resume")
	}
	w.t.Fatalf("with %s, shift+tab never reached the first prompt", w.name)
}

// scroll checks a scrolling screen page by page down to its end.
func (w *hostileWalk) scroll(screen string, atBottom func() bool) {
	w.check(screen)
	for range 300 {
		if atBottom() {
			return
		}
		w.d.press("pgdown")
		w.check(screen)
	}
	w.t.Errorf("with %s, %s never reached its end", w.name, screen)
}

// session checks an opened session: its document, the feedback form with
// received feedback pasted, the actions, the answers to edit, and the
// question before a delete.
func (w *hostileWalk) session() {
	d := w.d
	w.scroll("session", func() bool { return d.m.session.Doc().AtBottom() })

	d.press("f")
	w.check("feedback form")
	d.press("tab")
	w.paste()
	w.check("feedback form")
	d.press("esc")
	if d.m.session.Panel() == common.PanelFeedback { // an unreadable date holds the form until cleared
		w.check("feedback form")
		for range len(w.text) + 20 {
			d.press("backspace")
		}
		d.press("esc")
	}
	if d.m.session.Panel() != common.PanelNone {
		w.t.Fatalf("with %s, esc did not close the feedback form:\n%s", w.name, coach.Inert(d.view()))
	}
	w.check("session")

	d.press("a")
	w.check("actions")
	d.press("down")
	w.check("actions")
	d.press("esc")

	d.press("e")
	for i := range d.m.session.Editable() {
		if i%6 == 0 { // the window follows the cursor: every few rows show them all
			w.check("edit")
		}
		d.press("down")
	}
	w.check("edit")
	d.press("esc")

	d.press("d")
	w.check("delete")
	d.press("n")
}

// practice carries on the unfinished round stored with the text, then
// practises a question of one's own pasted and another typed, each to the
// hint.
func (w *hostileWalk) practice() {
	d := w.d
	d.choose("Practise questions")
	if d.m.page != common.Practice {
		w.t.Fatalf("with %s, no practice queue:\n%s", w.name, coach.Inert(d.view()))
	}
	key := coach.QuestionKey(w.text)
	found := false
	for i, k := range queueKeys(d) {
		if k == key {
			d.m.practice.List().Select(i)
			found = true
			break
		}
	}
	if !found {
		w.t.Fatalf("with %s, the question %q is not queued", w.name, key)
	}
	w.check("queue")
	d.press("enter")
	w.round(w.paste)
	d.press("esc")

	for _, enter := range []func(){w.paste, w.typeKeys} {
		d.press("n")
		enter()
		w.check("own question")
		d.press("enter")
		w.round(enter)
		d.press("esc")
	}
}

// round answers a round, checking every stage, to the hint.
func (w *hostileWalk) round(enter func()) {
	d := w.d
	if d.m.page != common.Round {
		w.t.Fatalf("with %s, no round:\n%s", w.name, coach.Inert(d.view()))
	}
	for range 3 { // the answer, what went well, what to do better
		w.check("round")
		enter()
		w.check("round")
		d.press("tab")
	}
	w.check("round")
	d.press("space", "enter")
	w.check("round")
	d.press("3", "enter")
	if d.m.page != common.Round || d.m.round.Stage() != round.StageHint {
		w.t.Fatalf("with %s, not on the hint:\n%s", w.name, coach.Inert(d.view()))
	}
	w.check("hint")
}

// everything checks the screens that show every entry at once: home with
// what is due, the whole list of past sessions, the whole practice queue,
// and the insights. Each entry's first word must be in the lists.
func (w *hostileWalk) everything() {
	d := w.d
	w.name, w.seen = "the whole corpus", map[string]string{}
	w.home()
	d.run(d.m.home.Load())
	w.check("home")
	for _, key := range []string{"1", "2"} {
		d.press(key)
		w.check("due " + key)
		w.home()
	}

	d.choose("Past sessions")
	for range d.m.history.List().Items() {
		w.check("history")
		d.press("down")
	}
	w.home()

	d.choose("Practise questions")
	for range d.m.practice.List().Items() {
		w.check("queue")
		d.press("down")
	}
	w.home()

	d.choose("Insights")
	w.scroll("insights", func() bool { return d.m.insights.Viewport().AtBottom() })

	for _, group := range coachtest.HostileGroups(hostileGroup) {
		for _, screen := range []string{"history", "queue"} {
			if !strings.Contains(w.seen[screen], group[0].Before) {
				w.t.Errorf("%s does not show %q (%s)", screen, group[0].Before, group[0].Name)
			}
		}
	}
}

package app

import (
	"cmp"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/theme"
)

// sizeScreens builds every screen the app has, each in a fresh driver at
// 80x24: home, every kind of prompt in the flow, the summary, past sessions
// and their panels, insights, the practice queue and every stage of a
// round, the full help and the delete question.
func sizeScreens() map[string]func(t *testing.T) *driver {
	flow := func(walk func(d *driver)) func(t *testing.T) *driver {
		return func(t *testing.T) *driver {
			d := newDriver(t, 80, 24)
			walk(d)
			return d
		}
	}
	at := func(id string, then ...func(d *driver)) func(t *testing.T) *driver {
		return flow(func(d *driver) {
			d.press("enter")
			d.tabTo(id)
			for _, f := range then {
				f(d)
			}
		})
	}
	past := func(walk func(d *driver)) func(t *testing.T) *driver {
		return func(t *testing.T) *driver {
			d := newHistoryDriver(t, 80, 24)
			walk(d)
			return d
		}
	}
	practice := func(walk func(d *driver, c *manualClock)) func(t *testing.T) *driver {
		return func(t *testing.T) *driver {
			d, c := newPracticeDriver(t, 80, 24)
			walk(d, c)
			return d
		}
	}
	long := strings.Repeat("a long line of pasted text without a break ", 40)
	return map[string]func(t *testing.T) *driver{
		"home-empty": flow(func(d *driver) {}),
		"home-due":   past(func(d *driver) {}),
		"intake": at("intake.company", func(d *driver) {
			d.typeText("Northwind Traders International")
		}),
		"intake-choice":  at("intake.stage"),
		"intake-date":    at("intake.rejected_on"),
		"intake-message": at("intake.message", func(d *driver) { d.send(tea.PasteMsg{Content: long + "\n" + long}) }),
		"mood": flow(func(d *driver) {
			d.asksCheckIn = true
			d.press("enter", "4")
		}),
		"low-mood": flow(func(d *driver) {
			d.asksCheckIn = true
			d.press("enter", "2", "enter")
		}),
		"depth": flow(func(d *driver) {
			d.asksCheckIn = true
			d.press("enter", "enter")
		}),
		"percent":       at("not_personal.belief_before", func(d *driver) { d.typeText("200") }),
		"traps":         at("not_personal.traps", func(d *driver) { d.press("down", "space") }),
		"tip-checklist": at("step_back.outside", func(d *driver) { d.press("space") }),
		"textarea":      at("not_personal.thought", func(d *driver) { d.typeText(long) }),
		"draft":         at("feedback.draft"),
		"choice":        at("feedback.send"),
		"date":          at("feedback.send_on"),
		"list":          at("reflect.questions", func(d *driver) { d.typeText("Why us?"); d.press("enter"); d.typeText(long) }),
		"actions":       at("restart.actions", func(d *driver) { d.typeText("Call Sam"); d.press("enter"); d.typeText("+3d") }),
		"mood-after":    at("mood.after"),
		"help":          at("intake.stage", func(d *driver) { d.press("?") }),
		"summary":       flow(walkWholeSession),
		"save-error": func(t *testing.T) *driver {
			file := filepath.Join(t.TempDir(), "not-a-dir")
			if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
			d := newDriver(t, 80, 24, func(o *Options) { o.Store = coach.NewStore(file) })
			d.press("enter")
			d.typeText("Hooli")
			d.press("tab")
			return d
		},
		"history":        past(func(d *driver) { d.choose("Past sessions") }),
		"history-search": past(func(d *driver) { d.choose("Past sessions"); d.press("/"); d.typeText("acme") }),
		"history-found":  past(func(d *driver) { d.choose("Past sessions"); d.press("/"); d.typeText("acme"); d.press("enter") }),
		"session":        past(func(d *driver) { d.press("2", "esc") }),
		"session-help":   past(func(d *driver) { d.press("2", "esc", "?") }),
		"feedback":       past(func(d *driver) { d.press("2") }),
		"session-acts":   past(func(d *driver) { d.press("1") }),
		"edit":           past(func(d *driver) { d.press("2", "esc", "e") }),
		"delete":         past(func(d *driver) { d.press("2", "esc", "d") }),
		"insights":       past(func(d *driver) { d.choose("Insights") }),
		"queue":          practice(func(d *driver, c *manualClock) {}),
		"own-question":   practice(func(d *driver, c *manualClock) { d.press("n"); d.typeText(long) }),
		"answer": practice(func(d *driver, c *manualClock) {
			d.press("enter")
			c.tick(d, 3)
			d.typeText(long)
		}),
		"went-well": practice(func(d *driver, c *manualClock) { d.press("enter", "tab") }),
		"do-better": practice(func(d *driver, c *manualClock) { d.press("enter", "tab", "tab") }),
		"rubric":    practice(func(d *driver, c *manualClock) { d.press("enter", "tab", "tab", "tab") }),
		"rating":    practice(func(d *driver, c *manualClock) { d.press("enter", "tab", "tab", "tab", "enter") }),
		"hint":      practice(func(d *driver, c *manualClock) { d.press("enter"); answerRound(d, "x", "5") }),
	}
}

// TestEveryScreenAtEverySize draws every screen at terminal sizes from 1x1
// to 200x60 (see screenSizes): the frame never has more lines than the
// terminal or a line wider than it, below the minimum it says the terminal
// is too small, and after all that the screen at 80x24 is as it was.
func TestEveryScreenAtEverySize(t *testing.T) {
	screens := sizeScreens()
	names := slices.Sorted(maps.Keys(screens))
	for n, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d := screens[name](t)
			before := d.view()
			for _, s := range screenSizes(n) {
				checkSize(t, d, s[0], s[1])
			}
			d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
			if after := d.view(); after != before {
				t.Errorf("back at 80x24 the screen differs:\n--- before ---\n%s\n--- after ---\n%s", before, after)
			}
		})
	}
}

// checkSize resizes to w×h and checks the frame: at once, as the first
// frame after a resize is drawn with what was rendered for the old width,
// and again once the renders for the new width, if any, have come back.
func checkSize(t *testing.T, d *driver, w, h int) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%dx%d: panic: %v\n%s", w, h, r, debug.Stack())
		}
	}()
	_, cmd := d.m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	checkFrame(t, d.m.View().Content, w, h)
	if cmd != nil {
		d.run(cmd)
		checkFrame(t, d.m.View().Content, w, h)
	}
}

// checkFrame fails unless frame fits a w×h terminal, and below the
// minimum size says it is too small wherever "too small" fits.
func checkFrame(t *testing.T, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		t.Fatalf("%dx%d: %d lines:\n%s", w, h, len(lines), ansi.Strip(frame))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%dx%d: line %d is %d cells wide: %q", w, h, i+1, lw, ansi.Strip(l))
		}
	}
	plain := strings.Join(strings.Fields(ansi.Strip(frame)), " ")
	small := w < MinWidth || h < MinHeight
	switch {
	case small && w >= len("too small") && !strings.Contains(strings.ToLower(plain), "too small"):
		t.Fatalf("%dx%d is below %dx%d but does not say so: %q", w, h, MinWidth, MinHeight, plain)
	case !small && !strings.HasPrefix(plain, "rebound"):
		t.Fatalf("%dx%d: the header is gone:\n%s", w, h, ansi.Strip(frame))
	}
}

// screenSizes are the terminal sizes screen number n is drawn at. With
// REBOUND_ALL_SIZES=1 it is all 12,000 from 1x1 to 200x60. Otherwise, to
// keep go test -race quick, every width and every height, each beside the
// few sizes where layouts change: every width at heights 1, 2 and just
// under the minimum (cheap: the "too small" line) and at one of the
// minimum, 24 and 60, taken in turn by width and screen; every height
// likewise at widths 1, 2, just under the minimum and one of the minimum,
// 80 and 200; and a random sample, fixed for each screen. Screens next to
// each other take the sizes in turn, so three cover all of these.
func screenSizes(n int) [][2]int {
	seen := map[[2]int]bool{}
	var out [][2]int
	add := func(w, h int) {
		if s := [2]int{w, h}; !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	if os.Getenv("REBOUND_ALL_SIZES") != "" {
		for w := 1; w <= 200; w++ {
			for h := 1; h <= 60; h++ {
				add(w, h)
			}
		}
		return out
	}
	heights, widths := []int{MinHeight, 24, 60}, []int{MinWidth, 80, 200}
	for w := 1; w <= 200; w++ {
		for _, h := range []int{1, 2, MinHeight - 1} {
			add(w, h)
		}
		// Each width up to MaxTextWidth renders markdown again, the
		// slowest part of a resize: every other one, the others on the
		// next screen.
		if w <= MinWidth+1 || w > theme.MaxTextWidth+2 || (w+n)%2 == 0 {
			add(w, heights[(w+n)%3])
		}
	}
	for h := 1; h <= 60; h++ {
		for _, w := range []int{1, 2, MinWidth - 1, widths[(h+n)%3]} {
			add(w, h)
		}
	}
	r := rand.New(rand.NewPCG(7, uint64(n))) // fixed: a failure reproduces
	for range 20 {
		add(1+r.IntN(200), 1+r.IntN(60))
	}
	// Width first: a new width renders the tips again, a new height does not.
	slices.SortFunc(out, func(a, b [2]int) int { return cmp.Or(a[0]-b[0], a[1]-b[1]) })
	return out
}

// TestScreenSizesCoverTheEdges guards the sample: the corners and both
// sides of the minimum are in it, on one screen or the next two.
func TestScreenSizesCoverTheEdges(t *testing.T) {
	have := map[[2]int]bool{}
	for n := range 3 {
		for _, s := range screenSizes(n) {
			have[s] = true
		}
	}
	for _, s := range [][2]int{{1, 1}, {200, 60}, {1, 60}, {200, 1}, {MinWidth - 1, MinHeight}, {MinWidth, MinHeight - 1},
		{MinWidth, MinHeight}, {80, 24}, {MinWidth, 60}, {200, MinHeight}} {
		if !have[s] {
			t.Errorf("%dx%d is not drawn", s[0], s[1])
		}
	}
}

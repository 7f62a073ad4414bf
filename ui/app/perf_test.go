package app

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys/keytest"
	"github.com/rebound-coach/rebound/ui/markdown"
	"github.com/rebound-coach/rebound/ui/pages/home"
	"github.com/rebound-coach/rebound/ui/pages/summary"
)

// longAnswer puts the flow on a multi-line prompt holding a 5,000-character
// answer, as a long reflection would be.
func longAnswer(t *testing.T, paragraphs int) *driver {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("reflect.unprepared")
	per := 5000 / paragraphs
	var b strings.Builder
	for range paragraphs {
		b.WriteString(strings.Repeat("I had not prepared the metrics question well enough. ", 100)[:per-1] + "\n")
	}
	d.send(tea.PasteMsg{Content: b.String()})
	return d
}

// BenchmarkKeystrokeLongAnswer measures what one keystroke costs in a
// 5,000-character answer: Update plus View, as Bubble Tea runs them.
// The answer is one paragraph (the worst case: the whole text re-wraps) or
// ten (a long answer as people write it).
func BenchmarkKeystrokeLongAnswer(b *testing.B) {
	for _, paragraphs := range []int{1, 10} {
		b.Run(strconv.Itoa(paragraphs)+"-paragraphs", func(b *testing.B) {
			d := longAnswer(&testing.T{}, paragraphs)
			key := tea.KeyPressMsg{Code: 'a', Text: "a"}
			b.ReportAllocs()
			for b.Loop() {
				_, _ = d.m.Update(key)
				_ = d.m.View()
			}
		})
	}
}

// TestKeystrokesNeverRenderMarkdown: Glamour costs milliseconds, so typing
// must never cause a render; tips are rendered once per width and theme.
func TestKeystrokesNeverRenderMarkdown(t *testing.T) {
	d := longAnswer(t, 1)
	for _, r := range "some more typing, with enter\nand backspace" {
		msg := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == '\n' {
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		}
		_, cmd := d.m.Update(msg)
		for _, m := range collect(cmd) {
			switch m.(type) {
			case markdown.TipsMsg, summary.RenderedMsg:
				t.Fatalf("typing %q started a markdown render", r)
			}
		}
	}
	// A resize does render, once: the test above would catch nothing if
	// renders could not be seen this way.
	_, cmd := d.m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	renders := 0
	for _, m := range collect(cmd) {
		if _, ok := m.(markdown.TipsMsg); ok {
			renders++
		}
	}
	if renders != 1 {
		t.Errorf("a resize started %d tip renders, want 1", renders)
	}
}

// collect runs a command and the batches inside it, and returns the messages.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, collect(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// manySessions is a driver on home over n generated sessions on disk, with
// the store's index built (as after the first listing).
func manySessions(t testing.TB, n int) *driver {
	t.Helper()
	d := newDriver(t, 80, 24)
	if err := coachtest.Write(d.store, coachtest.Generate(n, 1, fixedNow)); err != nil {
		t.Fatal(err)
	}
	if _, _, err := d.store.Summaries(); err != nil {
		t.Fatal(err)
	}
	d.run(d.m.home.Load())
	return d
}

// BenchmarkFilterKeystroke measures one keystroke in the Past sessions
// search over 10,000 sessions: the key, the filtering it starts (a command
// in the app, run here at once) and the redrawn view. Keys alternate
// between typing a letter and deleting it, on the search "acme", and the
// filter forgets its earlier results before each: every key scans all
// 10,000 sessions, the worst case.
func BenchmarkFilterKeystroke(b *testing.B) {
	d := manySessions(b, 10_000)
	d.choose("Past sessions")
	d.press("/")
	d.typeText("acme")
	keys := []tea.KeyPressMsg{{Code: 'r', Text: "r"}, {Code: tea.KeyBackspace}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d.m.history.ResetFilter()
		d.send(keys[i%2])
		_ = d.m.View()
		i++
	}
}

// TestMeasureHistory prints, for 10,000 stored sessions, how long Past
// sessions takes from the key press on home to its first view (reading the
// index, building the rows, drawing), and a filter keystroke's cost. It
// asserts nothing about time: run it on a quiet machine.
//
//	REBOUND_MEASURE=1 go test -run TestMeasureHistory -v ./ui/app
func TestMeasureHistory(t *testing.T) {
	if os.Getenv("REBOUND_MEASURE") != "1" {
		t.Skip("set REBOUND_MEASURE=1 to measure Past sessions over 10,000 sessions")
	}
	d := manySessions(t, 10_000)
	// The index re-reads a file changed within two seconds of its shard's
	// build (a change in the same clock tick could be missed otherwise), and
	// every file here was just written: wait until they are older, as
	// anyone's are when they come back, and list once to settle the shards.
	time.Sleep(2100 * time.Millisecond)
	if _, _, err := d.store.Summaries(); err != nil {
		t.Fatal(err)
	}
	var open []time.Duration
	for range 7 {
		d.press("esc")
		for i, it := range d.m.home.List().Items() {
			if it.(home.Item).Action == home.ActHistory {
				d.m.home.List().Select(i)
			}
		}
		start := time.Now()
		d.press("enter")
		v := d.view()
		open = append(open, time.Since(start))
		if d.m.page != common.History || !strings.Contains(v, "10000 sessions") {
			t.Fatalf("not on Past sessions with every session:\n%s", v)
		}
	}
	// A search typed letter by letter, as a person would, then deleted.
	var keys []time.Duration
	press := func(k tea.KeyPressMsg) {
		start := time.Now()
		d.send(k)
		_ = d.view()
		keys = append(keys, time.Since(start))
	}
	d.press("/")
	const search = "practise system design"
	for _, r := range search {
		press(keytest.Press(string(r)))
	}
	for range search {
		press(keytest.Press("backspace"))
	}
	slices.Sort(open)
	slices.Sort(keys)
	n := len(keys)
	t.Logf("Past sessions ready after the key, 7 runs: median %v (min %v, max %v)", open[3], open[0], open[6])
	t.Logf("filter keystroke over 10,000 sessions, %q typed then deleted (%d keys): median %v, p90 %v, max %v",
		search, n, keys[n/2], keys[n*9/10], keys[n-1])
}

// manyPracticeRounds is a driver on home over 200 generated sessions (their
// questions that threw the user included) and 5,000 practice rounds, the
// scale the practice issue names.
func manyPracticeRounds(t testing.TB) *driver {
	t.Helper()
	d := manySessions(t, 200)
	var keys []string
	for _, q := range d.m.deps.Bank.Questions {
		keys = append(keys, coach.BankKey(q.ID))
	}
	if err := coachtest.WritePractice(d.store, coachtest.GeneratePractice(5000, 2, fixedNow, keys)); err != nil {
		t.Fatal(err)
	}
	return d
}

// openPractice presses enter on Practise questions, with the load (a
// command in the app) run at once, and draws the first frame of the queue.
func openPractice(d *driver) string {
	d.press("esc")
	for i, it := range d.m.home.List().Items() {
		if it.(home.Item).Action == home.ActPractice {
			d.m.home.List().Select(i)
		}
	}
	d.press("enter")
	return d.view()
}

// BenchmarkOpenPractice measures opening practice over 5,000 stored rounds:
// reading every round and the sessions' summaries, replaying the Leitner
// boxes, ordering the queue and drawing the first frame.
func BenchmarkOpenPractice(b *testing.B) {
	d := manyPracticeRounds(b)
	b.ReportAllocs()
	for b.Loop() {
		if v := openPractice(d); !strings.Contains(v, "questions that threw you practised") {
			b.Fatalf("not on the practice queue:\n%s", v)
		}
	}
}

// TestMeasurePractice prints what opening practice over 5,000 rounds costs,
// the first time (the files not yet in the page cache is not something a
// test can arrange; the first run reads them after writing) and after.
//
//	REBOUND_MEASURE=1 go test -run TestMeasurePractice -v ./ui
func TestMeasurePractice(t *testing.T) {
	if os.Getenv("REBOUND_MEASURE") != "1" {
		t.Skip("set REBOUND_MEASURE=1 to measure opening practice over 5,000 rounds")
	}
	d := manyPracticeRounds(t)
	var open []time.Duration
	for range 9 {
		start := time.Now()
		v := openPractice(d)
		open = append(open, time.Since(start))
		if !strings.Contains(v, "questions that threw you practised") {
			t.Fatalf("not on the practice queue:\n%s", v)
		}
	}
	first := open[0]
	slices.Sort(open)
	t.Logf("practice ready after the key, 5,000 rounds and 200 sessions, 9 runs: first %v, median %v (min %v, max %v)",
		first, open[4], open[0], open[8])
}

package app

import (
	"fmt"
	"maps"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/markdown"
	"github.com/rebound-coach/rebound/ui/theme"
)

// longSession is a session whose pasted message is text long enough to be
// drawn without Glamour: hostile text in paragraphs of every length.
func testFlow(t testing.TB) *content.Flow {
	flow, _, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	return flow
}

func longSession(t testing.TB, text string) *coach.Session {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	s := coach.NewSession(now)
	s.Intake.Company, s.Intake.Role = "Northwind", "Product designer"
	s.Set(coach.PromptMessage, coach.Answer{Text: text}, now)
	s.Set(coach.PromptBalanced, coach.Answer{Text: "One no is one no, not a verdict."}, now)
	return s
}

func hostileParagraphs(bytes int) string {
	var b strings.Builder
	for i := 0; b.Len() < bytes; i++ {
		h := coachtest.Hostile[i%len(coachtest.Hostile)]
		// Short and long paragraphs, words longer than a row, blank lines.
		fmt.Fprintf(&b, "%s %s %s\n", h.Text(), strings.Repeat("word ", i%200), strings.Repeat("x", i%130))
		if i%7 == 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestLongAnswersAreDrawnPlain: an answer past coach.LongText is drawn as
// plain wrapped text where its placeholder was: every word of it, in order,
// inert, within the width, and no placeholder left; the rest of the document
// is still Glamour's (the heading, the other answers).
func TestLongAnswersAreDrawnPlain(t *testing.T) {
	flow := testFlow(t)
	text := hostileParagraphs(3 * coach.LongText)
	for _, width := range []int{60, 80, 200} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			md, long := coach.Outline(longSession(t, text), flow)
			if len(long) != 1 {
				t.Fatalf("outlined %d texts, want the one long answer", len(long))
			}
			out, err := markdown.RenderSession(markdown.Key{Width: width, Dark: true}, md, long)
			if err != nil {
				t.Fatal(err)
			}
			if err := coachtest.CheckAll(out); err != nil {
				t.Fatal(err)
			}
			for ph := range long {
				if strings.Contains(out, ph) {
					t.Fatalf("placeholder %s left in the page", ph)
				}
			}
			plain := ansi.Strip(out)
			for i, line := range strings.Split(plain, "\n") {
				if w := ansi.StringWidth(line); w > min(width, theme.MaxTextWidth) {
					t.Fatalf("line %d is %d wide, over %d: %q", i, w, width, line)
				}
			}
			want := strings.Fields(ansi.Strip(coach.Inert(text)))
			got := strings.Fields(plain)
			if !containsRun(got, want) {
				t.Fatalf("the long answer's %d words are not all in the page, in order", len(want))
			}
			for _, rest := range []string{"Product designer at Northwind", "One no is one no, not a verdict."} {
				if !strings.Contains(plain, rest) {
					t.Errorf("page lost %q", rest)
				}
			}
		})
	}
}

// containsRun reports whether want appears in got as one run of words. A
// word wrapped in the middle (longer than a row) counts if its pieces join.
func containsRun(got, want []string) bool {
	joined := strings.Join(got, " ")
	return strings.Contains(joined, strings.Join(want, " ")) ||
		strings.Contains(strings.Join(got, ""), strings.Join(want, ""))
}

// TestShortAnswersStayGlamours: under the limit nothing is outlined, and an
// answer that spells what a placeholder looks like is only text.
func TestShortAnswersStayGlamours(t *testing.T) {
	flow := testFlow(t)
	s := longSession(t, "reboundabc123x0 and rebound0x1, typed on purpose")
	md, long := coach.Outline(s, flow)
	if len(long) != 0 {
		t.Fatalf("outlined %v", slices.Collect(maps.Keys(long)))
	}
	if md != coach.Markdown(s, flow) {
		t.Fatal("an outline without long text differs from the markdown")
	}
	out, err := markdown.RenderSession(markdown.Key{Width: 80, Dark: true}, md, long)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ansi.Strip(out), "reboundabc123x0 and rebound0x1, typed on purpose") {
		t.Fatalf("the answer changed:\n%s", ansi.Strip(out))
	}
}

// TestEveryLongFieldIsOutlined: whatever holds the long text (a title, a
// mood word, a list, actions, the feedback received), Glamour is given at
// most LongText of it and the page still shows all of it.
func TestEveryLongFieldIsOutlined(t *testing.T) {
	flow := testFlow(t)
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	long := strings.Repeat("Northwind ", coach.LongText/10+1)
	many := make([]string, coach.LongText/8)
	for i := range many {
		many[i] = "item" + strconv.Itoa(i)
	}
	tests := []struct {
		name string
		set  func(s *coach.Session)
	}{
		{"title", func(s *coach.Session) { s.Intake.Company = long }},
		{"mood word", func(s *coach.Session) { s.MoodBefore = &coach.Mood{Score: 3, Word: long} }},
		{"list", func(s *coach.Session) { s.Set("feedback.went_well", coach.Answer{Items: many}, now) }},
		{"actions", func(s *coach.Session) {
			s.Set(coach.PromptActions, coach.Answer{Actions: []coach.Action{{Text: long, Due: "2026-12-08"}}}, now)
		}},
		{"feedback received", func(s *coach.Session) { s.Feedback.Received = long }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := coach.NewSession(now)
			tt.set(s)
			md, ph := coach.Outline(s, flow)
			if len(ph) == 0 || len(md) > 4*coach.LongText {
				t.Fatalf("%d bytes of markdown, %d outlined: the long text went to Glamour", len(md), len(ph))
			}
			out, err := markdown.RenderSession(markdown.Key{Width: 80, Dark: true}, md, ph)
			if err != nil {
				t.Fatal(err)
			}
			plain := strings.Join(strings.Fields(ansi.Strip(out)), " ")
			want := strings.Join(strings.Fields(long), " ")
			if tt.name == "list" {
				want = strings.Join(many, " ")
			}
			if !strings.Contains(plain, want) {
				t.Fatalf("the page does not show all of the long text")
			}
		})
	}
}

// BenchmarkSessionPage renders a past session's page whose long answer is
// 1, 4 and 15 MB, as the page's command does: the README's figures.
//
//	go test ./ui -run '^$' -bench SessionPage -benchmem
func BenchmarkSessionPage(b *testing.B) {
	flow := testFlow(b)
	for _, mb := range []int{1, 4, 15} {
		text := strings.Repeat("I explained the trade-off but rushed the failure modes. ", mb<<20/57)
		b.Run(strconv.Itoa(mb)+"MB", func(b *testing.B) {
			s := longSession(b, text)
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				md, long := coach.Outline(s, flow)
				if _, err := markdown.RenderSession(markdown.Key{Width: 80, Dark: true}, md, long); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestMeasureLargeSession opens, through the model as a user would, a past
// session whose pasted message is 1, 4 and 15 MB: its page (load, outline,
// Glamour, the long text wrapped), then resuming it in the steps. It prints
// time and memory allocated; the README's figures.
//
//	REBOUND_MEASURE=1 go test -run TestMeasureLargeSession -v ./ui
func TestMeasureLargeSession(t *testing.T) {
	if os.Getenv("REBOUND_MEASURE") != "1" {
		t.Skip("set REBOUND_MEASURE=1 to measure opening sessions of 1, 4 and 15 MB")
	}
	for _, mb := range []int{1, 4, 15} {
		d := newDriver(t, 80, 24)
		text := strings.Repeat("I explained the trade-off but rushed the failure modes. ", mb<<20/57)
		s := longSession(t, text)
		s.Position = coach.PromptMessage
		if err := d.store.Overwrite(s); err != nil {
			t.Fatal(err)
		}
		d.press("esc")
		d.run(d.m.home.Load())
		d.choose("Past sessions")
		page := costOf(func() { d.press("enter") })
		if v := d.view(); !strings.Contains(v, "I explained the trade-off") {
			t.Fatalf("%d MB: the page does not show the answer:\n%s", mb, v)
		}
		d.press("esc", "esc")
		d.run(d.m.home.Load())
		resume := costOf(func() { d.choose("Resume: Product designer at Northwind") })
		if d.prompt() == "" {
			t.Fatalf("%d MB: not resumed:\n%s", mb, d.view())
		}
		t.Logf("%2d MB: page %v; resume %v", mb, page, resume)
	}
}

// costOf is the time f takes and the memory it allocates.
func costOf(f func()) string {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	return fmt.Sprintf("%v, %d MB allocated", took.Round(time.Millisecond), (after.TotalAlloc-before.TotalAlloc)>>20)
}

// TestHomeAndEndScrollTheDocument: on a session's page, end (or G) shows
// the bottom of a long document and home (or g) its top again.
func TestHomeAndEndScrollTheDocument(t *testing.T) {
	var b strings.Builder
	for i := range 400 {
		fmt.Fprintf(&b, "Paragraph %d of a long answer.\n", i)
	}
	d := newDriver(t, 80, 24)
	if err := d.store.Overwrite(longSession(t, b.String())); err != nil {
		t.Fatal(err)
	}
	d.press("esc")
	d.run(d.m.home.Load())
	d.choose("Past sessions")
	d.press("enter")
	top := "Product designer at Northwind"
	for _, k := range [][2]string{{"end", "home"}, {"G", "g"}} {
		d.press(k[0])
		if v := d.view(); !strings.Contains(v, "Paragraph 399 of a long answer.") || strings.Contains(v, "Paragraph 0 ") {
			t.Fatalf("%s should show the bottom:\n%s", k[0], v)
		}
		d.press(k[1])
		if v := d.view(); strings.Count(v, top) < 2 || strings.Contains(v, "Paragraph 399") {
			t.Fatalf("%s should show the top:\n%s", k[1], v)
		}
	}
}

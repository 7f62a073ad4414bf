package chart

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/theme"
)

// sampleInsights are insights as ComputeInsights would make them of a year
// of sessions, written out so that the golden file changes only when the
// drawing does.
func sampleInsights() coach.Insights {
	counts := []int{1, 0, 2, 4, 0, 3, 7, 1, 0, 2, 5, 3}
	ins := coach.Insights{Sessions: 31, Complete: 27}
	for i, n := range counts {
		ins.PerMonth = append(ins.PerMonth, coach.MonthCount{Month: fmt.Sprintf("%d-%02d", 2025+(i+11)/12, (i+11)%12+1), Sessions: n})
	}
	ins.Mood = coach.MoodInsights{Before: 3.4, After: 6.1, Change: 2.6, Paired: 26}
	for i, p := range [][2]int{{1, 4}, {2, 5}, {3, 0}, {4, 6}, {5, 8}, {6, 7}, {7, 9}, {8, 10}, {9, 10}, {10, 10}, {0, 3}, {2, 6}} {
		ins.Mood.Recent = append(ins.Mood.Recent, coach.MoodPair{ID: fmt.Sprint(i), Date: fmt.Sprintf("2026-10-%02d", i+1), Before: p[0], After: p[1]})
	}
	ins.Stages = []coach.Count{{Text: "final round", Count: 12}, {Text: "first interview", Count: 9},
		{Text: "phone screen", Count: 6}, {Text: "after an assessment", Count: 3}, {Text: "other", Count: 1}}
	ins.DoBetter = coach.Themes{
		Phrases: []coach.Count{{Text: "system design", Count: 6}, {Text: "prepare stories", Count: 4}, {Text: "salary conversation", Count: 2}},
		Words: []coach.Count{{Text: "prepare", Count: 9}, {Text: "design", Count: 7}, {Text: "system", Count: 6}, {Text: "stories", Count: 4},
			{Text: "numbers", Count: 4}, {Text: "roadmap", Count: 3}, {Text: "salary", Count: 2}, {Text: "questions", Count: 2}},
	}
	ins.Questions = coach.Themes{
		Phrases: []coach.Count{{Text: "biggest weakness", Count: 3}},
		Words:   []coach.Count{{Text: "weakness", Count: 3}, {Text: "biggest", Count: 3}, {Text: "design", Count: 2}},
	}
	ins.Actions = coach.ActionInsights{Done: 4, Open: 3, Overdue: 1}
	ins.Feedback = coach.FeedbackInsight{Planned: 5, Sent: 3, Replied: 1, NoReply: 1, Received: 1}
	return ins
}

func TestRenderInsightsGolden(t *testing.T) {
	golden.RequireEqual(t, []byte(ansi.Strip(Insights(sampleInsights(), 80, theme.NewStyles(true, true)))))
}

func TestRenderInsightsReadsWithoutColour(t *testing.T) {
	out := ansi.Strip(Insights(sampleInsights(), 80, theme.NewStyles(true, true)))
	for _, want := range []string{
		"31 sessions · 27 complete",
		"Jun 2026 7 " + strings.Repeat("█", 50), // the busiest month has the longest bar
		"before 3.4 → after 6.1 · change +2.6 over 26 sessions",
		"before ▁▂▃▃▄▅▆▆▇█·▂",
		"after  ▃▄·▅▆▆▇███▃▅",
		"system design ×6",
		"done 4 · open 3 (1 overdue)",
		"planned 5 · sent 3 · replied 1 · no reply 1 · feedback received 1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("insights lack %q:\n%s", want, out)
		}
	}
}

func TestRenderInsightsEmpty(t *testing.T) {
	for _, width := range []int{20, 80} {
		if got := ansi.Strip(Insights(coach.Insights{}, width, theme.NewStyles(true, true))); got != "No sessions yet." {
			t.Errorf("width %d: empty insights = %q, want No sessions yet.", width, got)
		}
	}
	// Sessions, but nothing recorded in them.
	ins := coach.Insights{Sessions: 1, PerMonth: []coach.MonthCount{{Month: "2026-11"}}}
	out := ansi.Strip(Insights(ins, 80, theme.NewStyles(true, true)))
	for _, want := range []string{"1 session · 0 complete", "Nov 2026 0\n", "No mood recorded yet.", "No stage recorded yet.",
		"Nothing has come up twice yet.", "done 0 · open 0\n", "planned 0 · sent 0"} {
		if !strings.Contains(out, want) {
			t.Errorf("insights of an empty session lack %q:\n%s", want, out)
		}
	}
}

func TestRenderInsightsFitsEveryWidth(t *testing.T) {
	long := sampleInsights()
	long.Sessions, long.Complete = 123456, 120000
	long.PerMonth[3].Sessions = 98765
	long.Stages = append(long.Stages,
		coach.Count{Text: "a stage typed by hand that goes on and on and on well past any sensible column", Count: 1},
		coach.Count{Text: "最終面接の後で、もう一度だけ電話があった", Count: 2}, // wide characters
		coach.Count{Text: "line\nbreak and \x1b[31mescape", Count: 1})
	long.DoBetter.Words = append(long.DoBetter.Words, coach.Count{Text: strings.Repeat("supercalifragilistic", 12), Count: 2},
		coach.Count{Text: "面接の準備をもっとする", Count: 2})
	long.Mood.Recent = append(long.Mood.Recent, long.Mood.Recent...)[:20]
	long.Feedback = coach.FeedbackInsight{Planned: 100000, Sent: 99999, Replied: 88888, NoReply: 11111, Received: 77777}
	for _, ins := range []coach.Insights{sampleInsights(), long, {}, {Sessions: 1}} {
		for width := 20; width <= 200; width++ {
			for _, st := range []theme.Styles{theme.NewStyles(true, true), theme.NewStyles(false, false)} {
				out := Insights(ins, width, st)
				for i, line := range strings.Split(out, "\n") {
					if w := lipgloss.Width(line); w > width {
						t.Fatalf("width %d, line %d is %d wide: %q", width, i+1, w, ansi.Strip(line))
					}
					if strings.Contains(ansi.Strip(line), "\x1b") {
						t.Fatalf("width %d, line %d holds a raw escape: %q", width, i+1, line)
					}
				}
			}
		}
	}
	// Narrower than anyone should use: no panic.
	for width := -1; width < 20; width++ {
		Insights(long, width, theme.NewStyles(true, false))
	}
}

func TestMoodSpark(t *testing.T) {
	want := []string{"·", "▁", "▂", "▃", "▃", "▄", "▅", "▆", "▆", "▇", "█", "·"}
	for mood := 0; mood <= 11; mood++ {
		if got := MoodSpark(mood); got != want[mood] {
			t.Errorf("MoodSpark(%d) = %q, want %q", mood, got, want[mood])
		}
	}
}

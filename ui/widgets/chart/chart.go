// Package chart draws the insights (bars, sparklines, the mood before and
// after) as plain lines of a given width, for the app and the command line.
package chart

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/theme"
)

// Insights are drawn with characters that carry the meaning on their own (a
// bar's length, a sparkline's height, "×3"), so they read the same without
// colour and in a screen reader's text; styles only add emphasis. Every line
// fits the width given: sentences wrap, and labels and theme words too long
// for their column are cut with "…".

const (
	// maxBar keeps bars readable on a wide terminal.
	maxBar = 50
	// themeLabel is the width of the "phrases" and "words" column.
	themeLabel = len("phrases  ")
)

// sparks are the eight heights of a sparkline, for moods 1 to 10, each
// three bytes long; noMood stands for a session without that check-in.
const (
	sparks = "▁▂▃▄▅▆▇█"
	noMood = "·"
)

// Insights draws insights as text for a width: bar charts and
// sparklines made of characters, so they read without colour.
func Insights(ins coach.Insights, width int, st theme.Styles) string {
	v := insightsView{st: &st, width: max(1, width)}
	if ins.Sessions == 0 {
		v.flow(st.Muted, "No sessions yet.")
		return v.String()
	}
	sessions := strconv.Itoa(ins.Sessions) + " sessions"
	if ins.Sessions == 1 {
		sessions = "1 session"
	}
	v.flow(st.Label, sessions, strconv.Itoa(ins.Complete)+" complete")

	v.heading("Sessions per month")
	rows := make([]barRow, len(ins.PerMonth))
	for i, m := range ins.PerMonth {
		rows[i] = barRow{label: monthLabel(m.Month), n: m.Sessions}
	}
	v.bars(rows, v.width)

	v.heading("Mood")
	v.mood(ins.Mood)

	v.heading("Stage reached")
	if len(ins.Stages) == 0 {
		v.flow(st.Muted, "No stage recorded yet.")
	}
	rows = make([]barRow, len(ins.Stages))
	for i, s := range ins.Stages {
		rows[i] = barRow{label: coach.OneLine(s.Text), n: s.Count}
	}
	v.bars(rows, v.width/2)

	v.heading("What you would do better")
	v.themes(ins.DoBetter)
	v.heading("Questions that threw you")
	v.themes(ins.Questions)

	if rep := ins.Repeats(); len(rep) > 0 {
		v.heading("When the same thing keeps happening")
		parts := make([]string, len(rep))
		for i, c := range rep {
			parts[i] = coach.OneLine(c.Text) + " ×" + strconv.Itoa(c.Count)
		}
		v.flow(st.Option, parts...)
		v.flow(st.Muted, "A no at the same point again and again is a signal to narrow the search or change "+
			"the approach. Restart's tip (step 5) says how; its roles to target and to stop are where to write it down.")
	}

	v.heading("Actions")
	a := ins.Actions
	open := "open " + strconv.Itoa(a.Open)
	if a.Overdue > 0 {
		open += " (" + strconv.Itoa(a.Overdue) + " overdue)"
	}
	v.flow(st.Option, "done "+strconv.Itoa(a.Done), open)

	v.heading("Feedback requests")
	f := ins.Feedback
	v.flow(st.Option, "planned "+strconv.Itoa(f.Planned), "sent "+strconv.Itoa(f.Sent),
		"replied "+strconv.Itoa(f.Replied), "no reply "+strconv.Itoa(f.NoReply),
		"feedback received "+strconv.Itoa(f.Received))
	return v.String()
}

// practiceShown is how many practised questions the insights list.
const practiceShown = 10

// Practice draws practice for the insights: the progress on
// the questions that threw the user, and the questions practised most
// recently, each with its ratings as a sparkline and the latest of them.
func Practice(pi coach.PracticeInsights, width int, st theme.Styles) string {
	v := insightsView{st: &st, width: max(1, width)}
	v.heading("Practice")
	v.flow(st.Option, pi.Progress.Sentence())
	if len(pi.Questions) == 0 {
		v.flow(st.Muted, "No rounds practised yet.")
		return v.String()
	}
	v.flow(st.Muted, coach.Plural(pi.Progress.Rounds, "round"), coach.Plural(pi.Progress.Questions, "question")+" practised")
	const sparkW = 8
	for i, q := range pi.Questions {
		if i == practiceShown {
			v.flow(st.Muted, "…and "+coach.Plural(len(pi.Questions)-practiceShown, "more")+": rebound practice list")
			break
		}
		r := q.Ratings
		spark := RatingSpark(r, sparkW) // right-aligned, so the latest ratings line up
		head := strings.Repeat(" ", sparkW-ansi.StringWidth(spark)) + spark + " " + strconv.Itoa(r[len(r)-1]) + "/5  "
		text := theme.Fit(coach.Inert(coach.OneLine(q.Text)), v.width-ansi.StringWidth(head))
		v.lines = append(v.lines, st.Progress.Render(head)+st.Option.Render(text))
	}
	return v.String()
}

// insightsView collects the lines of the insights for one width.
type insightsView struct {
	st    *theme.Styles
	width int
	lines []string
}

func (v *insightsView) String() string { return strings.Join(v.lines, "\n") }

func (v *insightsView) heading(text string) {
	v.lines = append(v.lines, "")
	v.flow(v.st.Title, text)
}

// flow lays parts out on as few lines as fit, joined by " · ", and styles
// each line; a part too long for a line of its own is wrapped at spaces, or
// anywhere if it has to.
func (v *insightsView) flow(style lipgloss.Style, parts ...string) {
	for _, l := range flowLines(parts, v.width) {
		v.lines = append(v.lines, style.Render(l))
	}
}

func flowLines(parts []string, width int) []string {
	const sep, sepW = " · ", 3
	var lines []string
	line, w := "", 0
	for _, p := range parts {
		pw := ansi.StringWidth(p)
		if w > 0 && w+sepW+pw <= width {
			line, w = line+sep+p, w+sepW+pw
			continue
		}
		if w > 0 {
			lines = append(lines, line)
		}
		if pw > width {
			wrapped := strings.Split(ansi.Wrap(p, width, ""), "\n")
			lines = append(lines, wrapped[:len(wrapped)-1]...)
			p = wrapped[len(wrapped)-1]
			pw = ansi.StringWidth(p)
		}
		line, w = p, pw
	}
	if w > 0 {
		lines = append(lines, line)
	}
	return lines
}

// padCells fills plain text with spaces to a width.
func padCells(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
}

type barRow struct {
	label string
	n     int
}

// bars draws a horizontal bar chart: the label, the count and a bar of █
// as long as the count is to the largest. Labels take at most maxLabel
// cells. A count above zero always shows at least one █.
func (v *insightsView) bars(rows []barRow, maxLabel int) {
	most, labelW := 0, 0
	for _, r := range rows {
		most = max(most, r.n)
		labelW = max(labelW, ansi.StringWidth(r.label))
	}
	countW := len(strconv.Itoa(most))
	labelW = max(0, min(labelW, maxLabel, v.width-countW-1))
	barW := min(maxBar, v.width-labelW-countW-2)
	for _, r := range rows {
		count := strconv.Itoa(r.n)
		line := v.st.Muted.Render(padCells(theme.Fit(r.label, labelW), labelW)+" ") +
			strings.Repeat(" ", countW-len(count)) + count
		if n := barLength(r.n, most, barW); n > 0 {
			line += " " + v.st.Progress.Render(strings.Repeat("█", n))
		}
		v.lines = append(v.lines, line)
	}
}

// barLength scales n of most to width cells, rounding, and at least one
// cell for any n above zero.
func barLength(n, most, width int) int {
	if n <= 0 || most <= 0 || width <= 0 {
		return 0
	}
	return max(1, (2*n*width+most)/(2*most))
}

func (v *insightsView) mood(m coach.MoodInsights) {
	st := v.st
	if m.Before == 0 && m.After == 0 && len(m.Recent) == 0 {
		v.flow(st.Muted, "No mood recorded yet.")
		return
	}
	parts := []string{"before " + moodAverage(m.Before) + " → after " + moodAverage(m.After)}
	if m.Paired > 0 {
		change := strconv.FormatFloat(m.Change, 'f', 1, 64)
		if m.Change > 0 {
			change = "+" + change
		}
		over := " over " + strconv.Itoa(m.Paired) + " sessions"
		if m.Paired == 1 {
			over = " over 1 session"
		}
		parts = append(parts, "change "+change+over)
	}
	v.flow(st.Option, parts...)
	if len(m.Recent) == 0 {
		return
	}

	const label = "before " // "after " is padded to the same width
	recent := m.Recent[max(0, len(m.Recent)-max(1, v.width-len(label))):]
	var before, after strings.Builder
	for _, p := range recent {
		before.WriteString(MoodSpark(p.Before))
		after.WriteString(MoodSpark(p.After))
	}
	v.lines = append(v.lines,
		st.Muted.Render(theme.Fit(label, v.width))+st.Selected.Render(before.String()),
		st.Muted.Render(theme.Fit("after  ", v.width))+st.Selected.Render(after.String()))
	what := "the last " + strconv.Itoa(len(recent)) + " sessions with a mood, oldest first"
	if len(recent) == 1 {
		what = "the last session with a mood"
	}
	for _, p := range recent {
		if p.Before == 0 || p.After == 0 {
			what += " (" + noMood + " not recorded)"
			break
		}
	}
	v.flow(st.Hint, what)
}

// moodAverage is a mood average, or "–" when no session recorded one.
func moodAverage(a float64) string {
	if a == 0 {
		return "–"
	}
	return strconv.FormatFloat(a, 'f', 1, 64)
}

// MoodSpark is a mood from 1 to 10 as one of eight heights.
func MoodSpark(mood int) string {
	if mood < 1 || mood > 10 {
		return noMood
	}
	const levels, size = 8, len(sparks) / 8
	i := ((mood-1)*(levels-1) + 4) / 9
	return sparks[i*size : (i+1)*size]
}

// themes lists phrases and words with their counts, "system design ×3",
// under a label column, or under the label on narrow screens.
func (v *insightsView) themes(t coach.Themes) {
	st := v.st
	if len(t.Words) == 0 && len(t.Phrases) == 0 {
		v.flow(st.Muted, "Nothing has come up twice yet.")
		return
	}
	for _, group := range []struct {
		label  string
		counts []coach.Count
	}{{"phrases", t.Phrases}, {"words", t.Words}} {
		if len(group.counts) == 0 {
			continue
		}
		narrow := v.width-themeLabel < 16
		column := v.width - themeLabel
		if narrow {
			column = v.width
		}
		parts := make([]string, len(group.counts))
		for i, c := range group.counts {
			n := " ×" + strconv.Itoa(c.Count)
			parts[i] = theme.Fit(coach.OneLine(c.Text), column-ansi.StringWidth(n)) + n
		}
		if narrow {
			v.lines = append(v.lines, st.Muted.Render(theme.Fit(group.label, v.width)))
			v.flow(st.Option, parts...)
			continue
		}
		for i, l := range flowLines(parts, v.width-themeLabel) {
			label := ""
			if i == 0 {
				label = group.label
			}
			v.lines = append(v.lines, st.Muted.Render(padCells(label, themeLabel))+st.Option.Render(l))
		}
	}
}

// monthLabel reads "2026-11" as "Nov 2026".
func monthLabel(month string) string {
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return coach.OneLine(month)
	}
	return t.Format("Jan 2006")
}

// RatingSpark draws the last n ratings (1 to 5) as a sparkline.
func RatingSpark(ratings []int, n int) string {
	if len(ratings) > n {
		ratings = ratings[len(ratings)-n:]
	}
	var b strings.Builder
	for _, r := range ratings {
		b.WriteString(MoodSpark(max(1, min(r, 5)) * 2))
	}
	return b.String()
}

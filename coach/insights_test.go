package coach_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
)

// insightsNow is a Monday afternoon in UTC; the window of months runs from
// December 2025 to November 2026.
var insightsNow = time.Date(2026, 11, 23, 15, 4, 0, 0, time.UTC)

func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

// months is the PerMonth of insightsNow with the given counts, oldest first.
func months(counts ...int) []coach.MonthCount {
	names := []string{"2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
		"2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"}
	out := make([]coach.MonthCount, len(names))
	for i, n := range names {
		out[i].Month = n
		if i < len(counts) {
			out[i].Sessions = counts[i]
		}
	}
	return out
}

// insightsFixture is six sessions written by hand so that every figure of
// their insights can be worked out on paper (see TestComputeInsights).
func insightsFixture() []coach.Summary {
	return []coach.Summary{
		{
			ID: "a1", CreatedAt: at(2026, 11, 20, 10, 0), Status: coach.Complete,
			Company: "Northwind", Role: "Designer", Stage: "final round", MoodBefore: 3, MoodAfter: 6,
			Feedback: coach.FeedbackRequest{Send: "yes", Outcome: coach.Replied, Received: "Strong portfolio"},
			Actions: []coach.Action{
				{Text: "Email Sam", Due: "2026-11-22", Done: true},
				{Text: "Update CV", Due: "2026-11-21"}, // overdue
			},
			DoBetter:  []string{"Practise system design out loud", "Prepare stories with numbers."},
			Questions: []string{"How would you design a URL shortener?"},
		},
		{
			ID: "b2", CreatedAt: at(2026, 11, 2, 9, 0), Status: coach.Complete,
			Stage: "first interview", MoodBefore: 4, MoodAfter: 4,
			Feedback:  coach.FeedbackRequest{Send: "yes", Outcome: coach.Sent},
			Actions:   []coach.Action{{Text: "Practise aloud", Due: "2026-11-23"}}, // due today: not overdue
			DoBetter:  []string{"practise System Design, out loud", "prepare stories with numbers"},
			Questions: []string{"What is your biggest weakness?", "Design a URL shortener"},
		},
		{
			ID: "c3", CreatedAt: at(2026, 10, 31, 23, 30), Status: coach.InProgress,
			Stage: "final round", MoodBefore: 2,
			Feedback:  coach.FeedbackRequest{Send: "maybe later"},
			Actions:   []coach.Action{{Text: "Research the roadmap", Due: "soon"}}, // no date: not overdue
			DoBetter:  []string{"Research the company’s roadmap"},
			Questions: []string{"Your biggest weakness — honestly?"},
		},
		{
			ID: "d4", CreatedAt: at(2025, 12, 5, 8, 0), Status: coach.Complete,
			MoodAfter: 7,
			Feedback:  coach.FeedbackRequest{Send: "no"},
			DoBetter:  []string{"the company's roadmap, and research", "design, design and more design"},
		},
		{
			// Before the window of months, but still in every other figure.
			ID: "e5", CreatedAt: at(2025, 11, 30, 12, 0), Status: coach.Complete,
			Stage: "final round", MoodBefore: 5, MoodAfter: 9,
			Feedback:  coach.FeedbackRequest{Send: "yes", Outcome: coach.NoReply},
			Actions:   []coach.Action{{Text: "Apply to two roles", Due: "2025-12-01"}}, // overdue
			DoBetter:  []string{"Slow down when answering"},
			Questions: []string{"Tell me about a time you disagreed with your manager"},
		},
		{
			// Started after now (a clock set wrong): in no month.
			ID: "f6", CreatedAt: at(2026, 12, 1, 9, 0), Status: coach.InProgress,
			Stage:    "  phone screen ",
			Feedback: coach.FeedbackRequest{Send: "yes", Received: " \n "}, // blank: not received
		},
	}
}

func TestComputeInsights(t *testing.T) {
	want := coach.Insights{
		Sessions: 6,
		Complete: 4,
		PerMonth: months(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2),
		Mood: coach.MoodInsights{
			Before: 3.5, // (3+4+2+5)/4
			After:  6.5, // (6+4+7+9)/4
			Change: 2.3, // (3+0+4)/3
			Paired: 3,   // a1, b2, e5
			Recent: []coach.MoodPair{
				{ID: "e5", Date: "2025-11-30", Before: 5, After: 9},
				{ID: "d4", Date: "2025-12-05", After: 7},
				{ID: "c3", Date: "2026-10-31", Before: 2},
				{ID: "b2", Date: "2026-11-02", Before: 4, After: 4},
				{ID: "a1", Date: "2026-11-20", Before: 3, After: 6},
			},
		},
		Stages: []coach.Count{{Text: "final round", Count: 3}, {Text: "first interview", Count: 1}, {Text: "phone screen", Count: 1}},
		DoBetter: coach.Themes{
			Phrases: []coach.Count{{Text: "company roadmap", Count: 2}, {Text: "practise system", Count: 2},
				{Text: "prepare stories", Count: 2}, {Text: "system design", Count: 2}},
			// design is in three items (once in "design, design and more
			// design"); ten words are in two, and the first seven
			// alphabetically make up the eight.
			Words: []coach.Count{{Text: "design", Count: 3}, {Text: "company", Count: 2}, {Text: "loud", Count: 2},
				{Text: "numbers", Count: 2}, {Text: "practise", Count: 2}, {Text: "prepare", Count: 2},
				{Text: "research", Count: 2}, {Text: "roadmap", Count: 2}},
		},
		Questions: coach.Themes{
			Phrases: []coach.Count{{Text: "biggest weakness", Count: 2}, {Text: "url shortener", Count: 2}},
			Words: []coach.Count{{Text: "biggest", Count: 2}, {Text: "design", Count: 2}, {Text: "shortener", Count: 2},
				{Text: "url", Count: 2}, {Text: "weakness", Count: 2}},
		},
		Actions:  coach.ActionInsights{Done: 1, Open: 4, Overdue: 2},
		Feedback: coach.FeedbackInsight{Planned: 4, Sent: 3, Replied: 1, NoReply: 1, Received: 1},
	}
	sums := insightsFixture()
	got := coach.ComputeInsights(sums, insightsNow)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ComputeInsights:\n got %s\nwant %s", asJSON(t, got), asJSON(t, want))
	}

	// The same sessions in another order give the same insights.
	slices.Reverse(sums)
	if again := coach.ComputeInsights(sums, insightsNow); !reflect.DeepEqual(again, got) {
		t.Errorf("in reverse order:\n got %s\nwant %s", asJSON(t, again), asJSON(t, got))
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestComputeInsightsEmpty(t *testing.T) {
	for _, sums := range [][]coach.Summary{nil, {}} {
		got := coach.ComputeInsights(sums, insightsNow)
		want := coach.Insights{
			PerMonth:  months(),
			Mood:      coach.MoodInsights{Recent: []coach.MoodPair{}},
			Stages:    []coach.Count{},
			DoBetter:  coach.Themes{Phrases: []coach.Count{}, Words: []coach.Count{}},
			Questions: coach.Themes{Phrases: []coach.Count{}, Words: []coach.Count{}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ComputeInsights(%#v):\n got %s\nwant %s", sums, asJSON(t, got), asJSON(t, want))
		}
		// `rebound stats --json` shows empty lists, not null.
		if j := asJSON(t, got); strings.Contains(j, "null") {
			t.Errorf("JSON of no insights has a null:\n%s", j)
		}
	}
}

func TestComputeInsightsMood(t *testing.T) {
	// moods makes sessions a minute apart from their (before, after) pairs.
	moods := func(pairs ...[2]int) []coach.Summary {
		out := make([]coach.Summary, len(pairs))
		for i, p := range pairs {
			out[i] = coach.Summary{ID: fmt.Sprintf("s%02d", i), CreatedAt: at(2026, 11, 1, 9, i),
				MoodBefore: p[0], MoodAfter: p[1]}
		}
		return out
	}
	repeat := func(n int, p [2]int) [][2]int { return slices.Repeat([][2]int{p}, n) }

	tests := []struct {
		name                  string
		sums                  []coach.Summary
		before, after, change float64
		paired, recent        int
	}{
		{"no moods", moods([2]int{0, 0}, [2]int{0, 0}), 0, 0, 0, 0, 0},
		{"before only", moods([2]int{4, 0}), 4, 0, 0, 0, 1},
		{"after only", moods([2]int{0, 8}), 0, 8, 0, 0, 1},
		{"no change counts as paired", moods([2]int{5, 5}, [2]int{3, 0}), 4, 5, 0, 1, 2},
		{"out of range is not recorded", moods([2]int{11, 5}, [2]int{-1, 0}, [2]int{2, 12}), 2, 5, 0, 0, 2},
		// 3/20 = 0.15 rounds up, and -3/20 down, where float arithmetic
		// could give 0.1.
		{"half a tenth rounds away from zero", moods(append(repeat(17, [2]int{5, 5}), repeat(3, [2]int{5, 6})...)...), 5, 5.2, 0.2, 20, 20},
		{"negative half a tenth", moods(append(repeat(17, [2]int{5, 5}), repeat(3, [2]int{6, 5})...)...), 5.2, 5, -0.2, 20, 20},
		{"a third", moods([2]int{1, 2}, [2]int{1, 1}, [2]int{1, 1}), 1, 1.3, 0.3, 3, 3},
		{"two thirds", moods([2]int{1, 2}, [2]int{1, 2}, [2]int{1, 1}), 1, 1.7, 0.7, 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := coach.ComputeInsights(tt.sums, insightsNow).Mood
			if m.Before != tt.before || m.After != tt.after || m.Change != tt.change || m.Paired != tt.paired || len(m.Recent) != tt.recent {
				t.Errorf("Mood = before %v, after %v, change %v, paired %d, %d recent; want %v, %v, %v, %d, %d",
					m.Before, m.After, m.Change, m.Paired, len(m.Recent), tt.before, tt.after, tt.change, tt.paired, tt.recent)
			}
		})
	}
}

func TestComputeInsightsRecentMoods(t *testing.T) {
	// 25 sessions with a mood, newest first as the store lists them, and
	// one newer without any: Recent is the 20 newest with a mood, oldest
	// first.
	var sums []coach.Summary
	sums = append(sums, coach.Summary{ID: "none", CreatedAt: at(2026, 11, 22, 0, 0)})
	for i := 24; i >= 0; i-- {
		sums = append(sums, coach.Summary{ID: fmt.Sprintf("s%02d", i), CreatedAt: at(2026, 11, 1+i/2, 9, 0), // pairs share a moment
			MoodBefore: 1 + i%10})
	}
	var want []string
	for i := 5; i < 25; i++ {
		want = append(want, fmt.Sprintf("s%02d", i))
	}
	for _, order := range []string{"newest first", "oldest first"} {
		if order == "oldest first" {
			slices.Reverse(sums)
		}
		var got []string
		for _, p := range coach.ComputeInsights(sums, insightsNow).Mood.Recent {
			got = append(got, p.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: Recent = %v, want %v", order, got, want)
		}
	}
}

func TestComputeInsightsMonths(t *testing.T) {
	plus2 := time.FixedZone("EET", 2*60*60)
	tests := []struct {
		name    string
		now     time.Time
		created []time.Time
		want    []coach.MonthCount
	}{
		{
			name:    "first and last moments of the window",
			now:     at(2026, 11, 30, 23, 59),
			created: []time.Time{at(2025, 11, 30, 23, 59), at(2025, 12, 1, 0, 0), at(2026, 11, 30, 23, 59), at(2026, 12, 1, 0, 0)},
			want:    months(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
		},
		{
			// Ten to midnight UTC on 31 October is November in UTC+2, where
			// now is: months are now's, the user's local time.
			name:    "month of now's zone",
			now:     time.Date(2026, 11, 1, 9, 0, 0, 0, plus2),
			created: []time.Time{at(2026, 10, 31, 23, 50), at(2026, 10, 31, 21, 50), at(2025, 11, 30, 22, 30)},
			want: []coach.MonthCount{{"2025-12", 1}, {"2026-01", 0}, {"2026-02", 0}, {"2026-03", 0}, {"2026-04", 0},
				{"2026-05", 0}, {"2026-06", 0}, {"2026-07", 0}, {"2026-08", 0}, {"2026-09", 0}, {"2026-10", 1}, {"2026-11", 1}},
		},
		{
			// On 31 March, "eleven months ago" must not overflow into the
			// wrong month.
			name:    "end of a long month",
			now:     at(2026, 3, 31, 12, 0),
			created: []time.Time{at(2025, 4, 1, 0, 0), at(2026, 2, 28, 0, 0)},
			want: []coach.MonthCount{{"2025-04", 1}, {"2025-05", 0}, {"2025-06", 0}, {"2025-07", 0}, {"2025-08", 0},
				{"2025-09", 0}, {"2025-10", 0}, {"2025-11", 0}, {"2025-12", 0}, {"2026-01", 0}, {"2026-02", 1}, {"2026-03", 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sums := make([]coach.Summary, len(tt.created))
			for i, c := range tt.created {
				sums[i] = coach.Summary{ID: fmt.Sprint(i), CreatedAt: c}
			}
			if got := coach.ComputeInsights(sums, tt.now).PerMonth; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("PerMonth =\n %v\nwant\n %v", got, tt.want)
			}
		})
	}
}

func TestComputeInsightsThemes(t *testing.T) {
	c := func(text string, n int) coach.Count { return coach.Count{Text: text, Count: n} }
	tests := []struct {
		name    string
		items   []string
		words   []coach.Count
		phrases []coach.Count
	}{
		{name: "no answers"},
		{name: "stop words only", items: []string{"I would do it better", "What about you?", "the THE the", "Tell me about a time", "5 5 x x"}},
		{
			name:    "case and punctuation",
			items:   []string{"Salary, SALARY!", "(salary talks)...", "Salary talks"},
			words:   []coach.Count{c("salary", 3), c("talks", 2)},
			phrases: []coach.Count{c("salary talks", 2)},
		},
		{
			name:    "curly and straight apostrophes fold",
			items:   []string{"Don’t rush the team’s questions", "don't rush the team's questions", "Didn‘t ask the teams' questions"},
			words:   []coach.Count{c("questions", 3), c("rush", 2), c("team", 2)},
			phrases: []coach.Count{c("team questions", 2)},
		},
		{
			name:  "once per item",
			items: []string{"design design design", "design", "nerves nerves"},
			words: []coach.Count{c("design", 2)},
		},
		{
			name:    "a phrase needs its words side by side",
			items:   []string{"system, design", "system design", "system and design", "system — design", "system. Design"},
			words:   []coach.Count{c("design", 5), c("system", 5)},
			phrases: nil, // only "system design" is a phrase, once
		},
		{
			name:    "hyphens join, dashes part",
			items:   []string{"trade-offs", "trade offs", "trade - offs", "follow‐up"},
			words:   []coach.Count{c("offs", 3), c("trade", 3)},
			phrases: []coach.Count{c("trade offs", 2)},
		},
		{
			name:    "quotes do not part",
			items:   []string{`explain "system design"`, "explain “system design”", "explain system design"},
			words:   []coach.Count{c("design", 3), c("explain", 3), c("system", 3)},
			phrases: []coach.Count{c("explain system", 3), c("system design", 3)},
		},
		{
			name:  "letters beyond ASCII",
			items: []string{"Présenter MON équipe", "présenter mon ÉQUIPE"},
			// Ties are in byte order: alphabetical for ASCII, accented
			// letters after z.
			words:   []coach.Count{c("mon", 2), c("présenter", 2), c("équipe", 2)},
			phrases: []coach.Count{c("mon équipe", 2), c("présenter mon", 2)},
		},
		{
			name: "at most eight words and five phrases, ties alphabetical",
			items: []string{"alpha bravo charlie delta echo foxtrot golf hotel india juliet",
				"juliet india hotel golf foxtrot echo delta charlie bravo alpha",
				"alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo"},
			words: []coach.Count{c("alpha", 3), c("bravo", 3), c("charlie", 3), c("delta", 3), c("echo", 3),
				c("foxtrot", 3), c("golf", 3), c("hotel", 3)},
			phrases: []coach.Count{c("alpha bravo", 2), c("bravo charlie", 2), c("charlie delta", 2),
				c("delta echo", 2), c("echo foxtrot", 2)},
		},
		{
			name:    "more frequent first",
			items:   []string{"zeal", "zeal", "zeal", "apathy", "apathy"},
			words:   []coach.Count{c("zeal", 3), c("apathy", 2)},
			phrases: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The same answers as "do better" and as questions, in
			// sessions of one item each but the first.
			var sums []coach.Summary
			for i, it := range tt.items {
				if i == 1 {
					sums[0].DoBetter = append(sums[0].DoBetter, it)
					sums[0].Questions = append(sums[0].Questions, it)
					continue
				}
				sums = append(sums, coach.Summary{ID: fmt.Sprint(i), DoBetter: []string{it}, Questions: []string{it}})
			}
			ins := coach.ComputeInsights(sums, insightsNow)
			want := coach.Themes{Phrases: append([]coach.Count{}, tt.phrases...), Words: append([]coach.Count{}, tt.words...)}
			for what, got := range map[string]coach.Themes{"DoBetter": ins.DoBetter, "Questions": ins.Questions} {
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s of %q =\n %+v\nwant\n %+v", what, tt.items, got, want)
				}
			}
		})
	}
}

func TestComputeInsightsActionsAndFeedback(t *testing.T) {
	tests := []struct {
		name     string
		sum      coach.Summary
		actions  coach.ActionInsights
		feedback coach.FeedbackInsight
	}{
		{"nothing", coach.Summary{}, coach.ActionInsights{}, coach.FeedbackInsight{}},
		{"done, even if late", coach.Summary{Actions: []coach.Action{{Due: "2026-01-01", Done: true}}}, coach.ActionInsights{Done: 1}, coach.FeedbackInsight{}},
		{"open, due yesterday", coach.Summary{Actions: []coach.Action{{Due: "2026-11-22"}}}, coach.ActionInsights{Open: 1, Overdue: 1}, coach.FeedbackInsight{}},
		{"open, due today", coach.Summary{Actions: []coach.Action{{Due: "2026-11-23"}}}, coach.ActionInsights{Open: 1}, coach.FeedbackInsight{}},
		{"open, no due date", coach.Summary{Actions: []coach.Action{{}}}, coach.ActionInsights{Open: 1}, coach.FeedbackInsight{}},
		{"open, bad due date", coach.Summary{Actions: []coach.Action{{Due: "2026-02-30"}, {Due: "1 Nov"}}}, coach.ActionInsights{Open: 2}, coach.FeedbackInsight{}},
		{"planned", coach.Summary{Feedback: coach.FeedbackRequest{Send: "yes"}}, coach.ActionInsights{}, coach.FeedbackInsight{Planned: 1}},
		{"maybe later is not planned", coach.Summary{Feedback: coach.FeedbackRequest{Send: "maybe later"}}, coach.ActionInsights{}, coach.FeedbackInsight{}},
		{"sent", coach.Summary{Feedback: coach.FeedbackRequest{Outcome: coach.Sent}}, coach.ActionInsights{}, coach.FeedbackInsight{Sent: 1}},
		{"replied", coach.Summary{Feedback: coach.FeedbackRequest{Send: "yes", Outcome: coach.Replied}}, coach.ActionInsights{}, coach.FeedbackInsight{Planned: 1, Sent: 1, Replied: 1}},
		{"no reply", coach.Summary{Feedback: coach.FeedbackRequest{Outcome: coach.NoReply}}, coach.ActionInsights{}, coach.FeedbackInsight{Sent: 1, NoReply: 1}},
		{"received", coach.Summary{Feedback: coach.FeedbackRequest{Outcome: coach.Replied, Received: "Good"}}, coach.ActionInsights{}, coach.FeedbackInsight{Sent: 1, Replied: 1, Received: 1}},
		{"blank is not received", coach.Summary{Feedback: coach.FeedbackRequest{Received: " \t"}}, coach.ActionInsights{}, coach.FeedbackInsight{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ins := coach.ComputeInsights([]coach.Summary{tt.sum}, insightsNow)
			if ins.Actions != tt.actions || ins.Feedback != tt.feedback {
				t.Errorf("Actions %+v, Feedback %+v; want %+v, %+v", ins.Actions, ins.Feedback, tt.actions, tt.feedback)
			}
		})
	}
}

// generated is n realistic summaries, as the store gives them.
func generated(n int) []coach.Summary {
	sessions := coachtest.Generate(n, 1, insightsNow)
	sums := make([]coach.Summary, len(sessions))
	for i, s := range sessions {
		sums[i] = coach.Summarize(s)
	}
	return sums
}

// TestComputeInsightsScale checks the insights of ten thousand realistic
// sessions, and that working them out allocates per distinct word, not per
// session: a wall-clock budget would fail under the race detector and on a
// busy machine, so the time is BenchmarkComputeInsights's to measure (about
// 10 ms against a budget of 50).
func TestComputeInsightsScale(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	sums := generated(10_000)
	ins := coach.ComputeInsights(sums, insightsNow)
	if ins.Sessions != 10_000 || len(ins.PerMonth) != 12 || len(ins.Stages) == 0 || len(ins.Mood.Recent) != 20 ||
		len(ins.DoBetter.Words) != 8 || len(ins.DoBetter.Phrases) != 5 || len(ins.Questions.Words) != 8 || len(ins.Questions.Phrases) != 5 {
		t.Fatalf("insights of generated sessions look wrong: %s", asJSON(t, ins))
	}
	allocs := testing.AllocsPerRun(3, func() { coach.ComputeInsights(sums, insightsNow) })
	if allocs > 1000 {
		t.Errorf("ComputeInsights of 10,000 sessions makes %.0f allocations, want under 1,000", allocs)
	}
}

func BenchmarkComputeInsights(b *testing.B) {
	sums := generated(10_000)
	b.ReportAllocs()
	for b.Loop() {
		coach.ComputeInsights(sums, insightsNow)
	}
}

func TestInsightsRepeats(t *testing.T) {
	c := func(text string, n int) coach.Count { return coach.Count{Text: text, Count: n} }
	tests := []struct {
		name string
		ins  coach.Insights
		want []coach.Count
	}{
		{"nothing comes back three times", coach.Insights{Stages: []coach.Count{c("final round", 2)}, DoBetter: coach.Themes{Words: []coach.Count{c("metrics", 2)}}}, nil},
		{"a stage three times", coach.Insights{Stages: []coach.Count{c("final round", 3), c("phone screen", 1)}}, []coach.Count{c("final round", 3)}},
		{"a theme three times", coach.Insights{Questions: coach.Themes{Phrases: []coach.Count{c("salary expectations", 4)}}}, []coach.Count{c("salary expectations", 4)}},
		{"the stage first, then themes, at most three, each once",
			coach.Insights{Stages: []coach.Count{c("final round", 5)}, DoBetter: coach.Themes{Phrases: []coach.Count{c("metrics", 4)}, Words: []coach.Count{c("metrics", 4), c("story", 3)}},
				Questions: coach.Themes{Words: []coach.Count{c("conflict", 3)}}},
			[]coach.Count{c("final round", 5), c("metrics", 4), c("story", 3)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.ins.Repeats(); !slices.Equal(got, tt.want) {
				t.Errorf("Repeats() = %v, want %v", got, tt.want)
			}
		})
	}
}

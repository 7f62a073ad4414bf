package coach

import (
	"slices"
	"strings"
	"time"
)

// Insights are the patterns across every session: how often rejections
// come, whether a session helps (mood before and after), where in the
// process they happen, the themes that recur, and how the promises kept
// up. The JSON tags are the shape of `rebound stats --json`: keep them.
type Insights struct {
	Sessions int `json:"sessions"`
	Complete int `json:"complete"`
	// PerMonth counts sessions by the month they were started, for the
	// twelve months up to now, oldest first, months without any included.
	PerMonth []MonthCount `json:"per_month"`
	Mood     MoodInsights `json:"mood"`
	// Stages counts sessions by the stage the rejection came at, most
	// common first; sessions without a stage are left out.
	Stages []Count `json:"stages"`
	// DoBetter and Questions are the recurring themes of "what would you do
	// better" and "questions that threw you".
	DoBetter  Themes          `json:"do_better"`
	Questions Themes          `json:"questions"`
	Actions   ActionInsights  `json:"actions"`
	Feedback  FeedbackInsight `json:"feedback"`
}

// MonthCount is the number of sessions started in one month ("2026-11").
type MonthCount struct {
	Month    string `json:"month"`
	Sessions int    `json:"sessions"`
}

// MoodInsights compares the check-in before the steps with the one after.
type MoodInsights struct {
	// Averages over the sessions that recorded that mood, to one decimal;
	// 0 when none did.
	Before float64 `json:"average_before"`
	After  float64 `json:"average_after"`
	// Change is the average of after minus before over the sessions that
	// recorded both, to one decimal, and Paired is how many did.
	Change float64 `json:"average_change"`
	Paired int     `json:"paired"`
	// Recent are the last (at most 20) sessions with a mood, oldest first,
	// for a sparkline each of before and after.
	Recent []MoodPair `json:"recent"`
}

// MoodPair is one session's moods; 0 means not recorded.
type MoodPair struct {
	ID     string `json:"id"`
	Date   string `json:"date"` // YYYY-MM-DD the session started
	Before int    `json:"before"`
	After  int    `json:"after"`
}

// Count is a name and how many times it came up.
type Count struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// Themes are normalised word and phrase counts (lower-cased, punctuation
// and stop words removed), most frequent first, only those seen in at least
// two answers.
type Themes struct {
	Phrases []Count `json:"phrases"`
	Words   []Count `json:"words"`
}

// ActionInsights counts the actions promised across sessions.
type ActionInsights struct {
	Done    int `json:"done"`
	Open    int `json:"open"`
	Overdue int `json:"overdue"` // open and past their due date
}

// FeedbackInsight counts feedback requests.
type FeedbackInsight struct {
	// Planned: sessions whose user said they would send the request.
	Planned int `json:"planned"`
	// Sent: requests recorded as sent, replied or without reply.
	Sent     int `json:"sent"`
	Replied  int `json:"replied"`
	NoReply  int `json:"no_reply"`
	Received int `json:"received"` // with the feedback itself recorded
}

// ComputeInsights works out the insights of a set of sessions as of now.
// Months and days are those of now's location: pass time.Now() for the
// user's local time. Moods outside 1..10 count as not recorded. The result
// depends only on its arguments, not on the order of sums, and its slices
// are never nil, so that the JSON shows [] rather than null.
func ComputeInsights(sums []Summary, now time.Time) Insights {
	loc := now.Location()
	today := now.Format(DateLayout)
	first := monthIndex(now) - 11

	ins := Insights{Sessions: len(sums), PerMonth: lastTwelveMonths(now)}
	var (
		moods               = newMoodTally()
		stages              = map[string]int{}
		doBetter, questions = newThemeCounter(), newThemeCounter()
	)
	for i := range sums {
		m := &sums[i]
		if m.Status == Complete {
			ins.Complete++
		}
		if k := monthIndex(m.CreatedAt.In(loc)) - first; k >= 0 && k < len(ins.PerMonth) {
			ins.PerMonth[k].Sessions++
		}
		moods.add(m)
		if st := strings.TrimSpace(m.Stage); st != "" {
			stages[st]++
		}
		for _, it := range m.DoBetter {
			doBetter.addItem(it)
		}
		for _, it := range m.Questions {
			questions.addItem(it)
		}
		ins.Actions.add(m.Actions, today)
		ins.Feedback.add(m.Feedback)
	}

	ins.Mood = moods.insights(loc)
	ins.Stages = stageCounts(stages)
	ins.DoBetter = doBetter.themes()
	ins.Questions = questions.themes()
	return ins
}

// lastTwelveMonths is the PerMonth of no sessions: the twelve months up to
// now's, oldest first, each with a count of 0, so that months without any
// session still show.
func lastTwelveMonths(now time.Time) []MonthCount {
	months := make([]MonthCount, 12)
	for i := range months {
		months[i].Month = now.AddDate(0, i-11, 1-now.Day()).Format("2006-01")
	}
	return months
}

// moodTally gathers the moods of sessions one at a time, for the averages
// and the sparklines of MoodInsights.
type moodTally struct {
	before, after, change moodSum
	recent                []*Summary // the sessions with a mood, as keepRecent keeps them
}

// newMoodTally is an empty tally, its recent list sized once for what
// keepRecent holds.
func newMoodTally() *moodTally {
	return &moodTally{recent: make([]*Summary, 0, recentMoods+1)}
}

// add counts m's moods: each one recorded in its average, both together
// in the change, and m among the recent sessions if it has either.
func (t *moodTally) add(m *Summary) {
	b, a := validMood(m.MoodBefore), validMood(m.MoodAfter)
	if b > 0 {
		t.before.add(b)
	}
	if a > 0 {
		t.after.add(a)
	}
	if b > 0 && a > 0 {
		t.change.add(a - b)
	}
	if b > 0 || a > 0 {
		t.recent = keepRecent(t.recent, m)
	}
}

// insights is what the tally adds up to, with the recent sessions dated in
// loc.
func (t *moodTally) insights(loc *time.Location) MoodInsights {
	mood := MoodInsights{
		Before: t.before.average(),
		After:  t.after.average(),
		Change: t.change.average(),
		Paired: t.change.n,
		Recent: make([]MoodPair, len(t.recent)),
	}
	for i, m := range t.recent {
		mood.Recent[i] = MoodPair{ID: m.ID, Date: m.CreatedAt.In(loc).Format(DateLayout),
			Before: validMood(m.MoodBefore), After: validMood(m.MoodAfter)}
	}
	return mood
}

// stageCounts turns the sessions counted by stage into Insights.Stages,
// most common first.
func stageCounts(stages map[string]int) []Count {
	counts := make([]Count, 0, len(stages))
	for st, n := range stages {
		counts = append(counts, Count{Text: st, Count: n})
	}
	sortCounts(counts)
	return counts
}

// add counts one session's actions: done, or open and perhaps overdue,
// which is due before today (YYYY-MM-DD).
func (ai *ActionInsights) add(actions []Action, today string) {
	for _, a := range actions {
		switch {
		case a.Done:
			ai.Done++
		default:
			ai.Open++
			if validDate(a.Due) && a.Due < today {
				ai.Overdue++
			}
		}
	}
}

// add counts one session's feedback request: planned, how it went once
// sent, and whether the feedback came.
func (fi *FeedbackInsight) add(f FeedbackRequest) {
	if f.Send == "yes" {
		fi.Planned++
	}
	switch f.Outcome {
	case Sent:
		fi.Sent++
	case Replied:
		fi.Sent++
		fi.Replied++
	case NoReply:
		fi.Sent++
		fi.NoReply++
	}
	if strings.TrimSpace(f.Received) != "" {
		fi.Received++
	}
}

// monthIndex numbers months consecutively, so that two months subtract.
func monthIndex(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

// validMood is a mood score, or 0 for one not recorded or out of range.
func validMood(score int) int {
	if score < 1 || score > 10 {
		return 0
	}
	return score
}

// recentMoods is how many sessions the mood sparklines show.
const recentMoods = 20

// keepRecent adds m to the most recent sessions, kept oldest first and at
// most recentMoods long. Sessions started at the same moment are ordered by
// ID, so the choice does not depend on the order they come in.
func keepRecent(recent []*Summary, m *Summary) []*Summary {
	older := func(a, b *Summary) int {
		if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	}
	if len(recent) == recentMoods && older(m, recent[0]) <= 0 {
		return recent // older than all we keep: the common case for old sessions
	}
	i, _ := slices.BinarySearchFunc(recent, m, older)
	recent = slices.Insert(recent, i, m)
	if len(recent) > recentMoods {
		recent = slices.Delete(recent, 0, 1)
	}
	return recent
}

// moodSum accumulates mood scores, or changes in mood.
type moodSum struct{ sum, n int }

func (s *moodSum) add(v int) {
	s.sum += v
	s.n++
}

// average is the mean to one decimal, rounded half away from zero in
// integers so that 0.15 does not become 0.1 through floating point.
func (s moodSum) average() float64 {
	if s.n == 0 {
		return 0
	}
	sum, n := s.sum, s.n
	neg := sum < 0
	if neg {
		sum = -sum
	}
	tenths := (20*sum + n) / (2 * n)
	if neg {
		tenths = -tenths
	}
	return float64(tenths) / 10
}

// validDate reports whether s is a calendar day in DateLayout.
func validDate(s string) bool {
	_, err := time.Parse(DateLayout, s)
	return err == nil
}

// sortCounts orders counts most frequent first, then alphabetically.
func sortCounts(c []Count) {
	slices.SortFunc(c, func(a, b Count) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Text, b.Text)
	})
}

// RepeatAt is how often a stage or a theme must come back before insights
// suggest narrowing the search: one no at the same point is chance, three
// is a pattern.
const RepeatAt = 3

// Repeats lists what came back RepeatAt times or more: the stages reached,
// then the themes of what you would do better and of the questions that
// threw you, each most frequent first, at most maxRepeats of them.
func (ins Insights) Repeats() []Count {
	const maxRepeats = 3
	var out []Count
	for _, list := range [][]Count{ins.Stages, ins.DoBetter.Phrases, ins.DoBetter.Words, ins.Questions.Phrases, ins.Questions.Words} {
		for _, c := range list {
			if c.Count >= RepeatAt && len(out) < maxRepeats && !slices.ContainsFunc(out, func(o Count) bool { return o.Text == c.Text }) {
				out = append(out, c)
			}
		}
	}
	return out
}

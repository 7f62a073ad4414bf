package coach

import "time"

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
func ComputeInsights(sums []Summary, now time.Time) Insights {
	return Insights{Sessions: len(sums)} // TODO(helper): the rest
}

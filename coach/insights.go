package coach

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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

// The themes of a list of answers are the words and two-word phrases that
// recur across its items. Each item is read once, rune by rune, without
// allocating for words already seen:
//
//   - letters and digits are lower-cased and make up words; any other rune
//     ends a word;
//   - apostrophes, straight or curly, are dropped ("don't" is "dont") and a
//     possessive "'s" with them ("the team's" is "team");
//   - a word that is a stop word, a single letter or only digits is left out;
//   - a phrase is two kept words that were next to each other in the item:
//     a stop word between them, or punctuation that ends a clause (a comma,
//     a full stop, a dash, a bracket, a new line), parts them. A hyphen
//     inside a word does not, so "trade-offs" is the phrase "trade offs",
//     and neither do quotation marks;
//   - a word or phrase counts once per item, however often the item says it.

// Theme list lengths: enough to see a pattern, few enough to read.
const (
	maxThemeWords   = 8
	maxThemePhrases = 5
)

type themeCounter struct {
	words, phrases tally
	item           int32  // the item being read, from 1
	word           []byte // the word being read, lower-cased
	apos           int    // where in word the last apostrophe was, or -1
	prev           []byte // the last kept word, while a phrase can follow it
	hasPrev        bool
	key            []byte // the phrase being counted
}

func newThemeCounter() *themeCounter {
	return &themeCounter{words: newTally(), phrases: newTally(), apos: -1}
}

// tally counts texts once per item; counts keeps them in the order first
// seen, and index finds them.
type tally struct {
	index  map[string]int32
	counts []themeCount
}

type themeCount struct {
	text    string
	n, last int32 // last is the item that counted it last
}

func newTally() tally { return tally{index: map[string]int32{}} }

func (t *tally) add(text []byte, item int32) {
	i, ok := t.index[string(text)] // no allocation for a lookup
	if !ok {
		s := string(text)
		i = int32(len(t.counts))
		t.counts = append(t.counts, themeCount{text: s})
		t.index[s] = i
	}
	if c := &t.counts[i]; c.last != item {
		c.last = item
		c.n++
	}
}

// top is the at most n texts seen in two items or more, most frequent first.
func (t *tally) top(n int) []Count {
	out := []Count{}
	for _, c := range t.counts {
		if c.n >= 2 {
			out = append(out, Count{Text: c.text, Count: int(c.n)})
		}
	}
	sortCounts(out)
	return slices.Clip(out[:min(n, len(out))])
}

func (t *themeCounter) themes() Themes {
	return Themes{Phrases: t.phrases.top(maxThemePhrases), Words: t.words.top(maxThemeWords)}
}

func (t *themeCounter) addItem(s string) {
	t.item++
	t.word, t.apos, t.hasPrev = t.word[:0], -1, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			t.word = append(t.word, byte(r))
		case 'A' <= r && r <= 'Z':
			t.word = append(t.word, byte(r-'A'+'a'))
		case r == ' ':
			t.endWord(false)
		case isApostrophe(r):
			if len(t.word) > 0 {
				t.apos = len(t.word)
			}
		case isHyphen(r):
			// Joins the words either side ("trade-offs"); with a space
			// before it, it is a dash ("design - caching").
			t.endWord(len(t.word) == 0)
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			t.word = utf8.AppendRune(t.word, unicode.ToLower(r))
		default:
			t.endWord(endsClause(r))
		}
	}
	t.endWord(true)
}

// endWord counts the word just read, and the phrase it ends, if any;
// brk says the rune after it parts it from the next word.
func (t *themeCounter) endWord(brk bool) {
	w := t.word
	if t.apos >= 0 && len(w) == t.apos+1 && w[t.apos] == 's' {
		w = w[:t.apos] // possessive
	}
	t.word, t.apos = t.word[:0], -1
	if len(w) > 0 {
		if keepWord(w) {
			t.words.add(w, t.item)
			if t.hasPrev {
				t.key = append(append(append(t.key[:0], t.prev...), ' '), w...)
				t.phrases.add(t.key, t.item)
			}
			t.prev, t.hasPrev = append(t.prev[:0], w...), true
		} else {
			t.hasPrev = false
		}
	}
	if brk {
		t.hasPrev = false
	}
}

func keepWord(w []byte) bool {
	if _, stop := stopWords[string(w)]; stop || utf8.RuneCount(w) < 2 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return true
		}
	}
	return false // a number
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '\u2018', '\u2019', '\u201B', '\u02BC', '\u00B4', '\u2032', '\uFF07':
		return true
	}
	return false
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// endsClause reports whether a rune other than a letter, digit, space,
// apostrophe or hyphen parts the words either side. Quotation marks and
// symbols do not; other punctuation and control characters do.
func endsClause(r rune) bool {
	if r == '"' || unicode.In(r, unicode.Pi, unicode.Pf) {
		return false
	}
	return unicode.IsPunct(r) || unicode.IsControl(r)
}

// stopWords are left out of themes: the small words of English, contractions
// as they read without their apostrophe ("dont"), and the words interview
// questions are made of ("tell me about a time"), which say nothing about
// what recurs.
var stopWords = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(`
		a about above across after again against ago all almost also although always am among an and
		another any anyone anything are around as at away
		back be because been before being below better between both but by
		can cannot cant could couldnt
		did didnt do does doesnt doing done dont down during
		each either else enough etc even ever every
		few for from further
		get gets getting give given go goes going gone got
		had hadnt has hasnt have havent having he hed hell her here hers herself hes him himself his how
		however
		i id ie if ill im in instead into is isnt it itd itll its itself ive
		just
		kind
		last least less let lets like lot lots
		made make makes many may maybe me might mine more most much must mustnt my myself
		need needed neither never next no nor not nothing now
		of off often on once one only onto or other others otherwise our ours ourselves out over own
		per perhaps please
		quite
		rather really
		same say says shall she shes should shouldnt since so some something sometimes soon still such
		sure
		take tell than that thats the their theirs them themselves then there theres these they theyd
		theyll theyre theyve thing things this those though through thus to too toward towards
		under until up upon us
		very
		want wanted was wasnt way we wed went were werent weve what whats when where whether which while
		who whom whose why will with within without wont would wouldnt
		yes yet you youd youll your youre yours yourself yourselves youve
		describe example time times walk
	`) {
		m[w] = struct{}{}
	}
	return m
}()

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

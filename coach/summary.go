package coach

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// Summary is what lists, follow-ups and insights need of a session: a few
// kilobytes less than the session, and enough to find it again. The store
// keeps summaries in an index so that ten thousand sessions list quickly.
type Summary struct {
	ID         string          `json:"id"`
	CreatedAt  time.Time       `json:"created_at"`
	UpdatedAt  time.Time       `json:"updated_at"`
	Status     Status          `json:"status"`
	Company    string          `json:"company"`
	Role       string          `json:"role"`
	Stage      string          `json:"stage"`
	Channel    string          `json:"channel"` // how the no came: closure is for silence
	RejectedOn string          `json:"rejected_on"`
	MoodBefore int             `json:"mood_before"` // 0: not recorded
	MoodAfter  int             `json:"mood_after"`
	Feedback   FeedbackRequest `json:"feedback"` // without the draft
	Actions    []Action        `json:"actions"`
	DoBetter   []string        `json:"do_better"`
	Questions  []string        `json:"questions"`
	// Depth is the session's: a ten-minute one that is complete offers
	// the rest of it from home.
	Depth content.Depth `json:"depth,omitempty"`
	// Plan is the if-then plan for the next rejection, which the next
	// check-in shows.
	Plan string `json:"plan,omitempty"`

	// text is every piece of user text in the session, lower-cased, for
	// filtering; or, for a summary from the index, src holds it (at at).
	text string
	src  *searchTexts
	at   int
}

// PromptDoBetter is the prompt whose answers insights count as themes,
// together with PromptQuestions.
const PromptDoBetter = "feedback.do_better"

// Summarize makes the summary of a session.
func Summarize(s *Session) Summary {
	m := Summary{
		ID:         s.ID,
		CreatedAt:  s.CreatedAt,
		UpdatedAt:  s.UpdatedAt,
		Status:     s.Status,
		Company:    s.Intake.Company,
		Role:       s.Intake.Role,
		Stage:      s.Intake.Stage,
		Channel:    s.Intake.Channel,
		RejectedOn: s.Intake.RejectedOn,
		Feedback:   s.Feedback,
		Actions:    cloneOrNil(s.Actions),
		DoBetter:   cloneOrNil(s.Answers[PromptDoBetter].Items),
		Questions:  cloneOrNil(s.Answers[PromptQuestions].Items),
		Depth:      s.Depth,
		Plan:       s.Answers[PromptPlan].Text,
		text:       searchText(s),
	}
	m.Feedback.Draft = ""
	// What the file held that this build does not know is only the file's:
	// the index (gob) would not keep it, and a summary only shows.
	m.Feedback.extra = unknownFields{}
	for i := range m.Actions {
		m.Actions[i].extra = unknownFields{}
	}
	if s.MoodBefore != nil {
		m.MoodBefore = s.MoodBefore.Score
	}
	if s.MoodAfter != nil {
		m.MoodAfter = s.MoodAfter.Score
	}
	return m
}

// cloneOrNil copies a slice, and gives nil for an empty one: the index
// (gob) does not keep empty apart from nil, and a summary must be the same
// whether it was read from the session's file or from the index.
func cloneOrNil[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// Title names the session as Title does.
func (m Summary) Title() string { return title(m.Role, m.Company, m.CreatedAt) }

// SearchText is what a filter looks in: every piece of text the user wrote
// in the session, and its date, lower-cased. For summaries from
// Store.Summaries, the first call reads the search text of all of them
// (the index keeps it apart, so that a listing does not read it) and later
// calls only look it up; it is safe to call from several goroutines.
func (m Summary) SearchText() string {
	if m.src != nil {
		return m.src.text(m.at)
	}
	return m.text
}

// searchText joins, lower-cased, every piece of text in a session a user
// might look for it by, drafts included: they are words typed too.
func searchText(s *Session) string {
	var b strings.Builder
	add := func(t string) {
		if t = strings.TrimSpace(t); t != "" {
			b.WriteString(strings.ToLower(t))
			b.WriteByte('\n')
		}
	}
	add(s.CreatedAt.Local().Format("Monday 2 January 2006 2006-01-02"))
	in := s.Intake
	for _, t := range []string{in.Company, in.Role, in.Interviewer, in.Stage, in.RejectedOn, in.Channel, in.Message,
		s.Feedback.Received, string(s.Status)} {
		add(t)
	}
	// The feedback request as drafted by rebound holds only the intake's
	// words and our own, and is the longest text of most sessions: it is
	// searched only once the user has made it theirs.
	if d := s.Feedback.Draft; !untouchedDraft(s, d) {
		add(d)
	}
	for _, m := range []*Mood{s.MoodBefore, s.MoodAfter} {
		if m != nil {
			add(m.Word)
		}
	}
	for _, a := range s.Actions {
		add(a.Text)
	}
	for _, answers := range []map[string]Answer{s.Answers, s.Drafts} {
		// Map order is random; sort so the same session gives the same text.
		for _, id := range slices.Sorted(maps.Keys(answers)) {
			a := answers[id]
			add(a.Text)
			for _, it := range a.Items {
				add(it)
			}
			for _, x := range a.Actions {
				add(x.Text)
			}
		}
	}
	return b.String()
}

// Query is a filter typed by the user: every word of it must appear in a
// session's text, in any order, case ignored. "acme design" finds the
// product designer session at Acme.
type Query []string

// NewQuery splits what was typed into its words.
func NewQuery(q string) Query { return strings.Fields(strings.ToLower(q)) }

// Match reports whether a session's search text holds every word.
func (q Query) Match(text string) bool {
	for _, w := range q {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

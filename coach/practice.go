package coach

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// PracticeSchemaVersion is the version of the practice file format this
// build writes. Practice entries have their own version, apart from
// sessions', so that either can change without the other.
const PracticeSchemaVersion = 1

// Source says where a practised question came from.
type Source string

const (
	// FromSession is a question the user wrote under "questions that
	// threw me" in a session.
	FromSession Source = "session"
	// FromBank is a question of the bank in content/questions.md.
	FromBank Source = "bank"
	// FromUser is a question typed in for one round of practice.
	FromUser Source = "own"
)

// Question is what a round of practice asks.
type Question struct {
	// Key names the question across rounds, so that its ratings form one
	// history: "bank:<id>" for the bank, "q:<the text, normalised>"
	// otherwise (see QuestionKey).
	Key    string `json:"key"`
	Text   string `json:"text"`
	Source Source `json:"source"`
	// Tag is the bank's tag, such as "behavioural"; empty for the user's own.
	Tag string `json:"tag,omitempty"`
	// SessionID is the session the question was written in, for FromSession.
	SessionID string `json:"session_id,omitempty"`

	extra unknownFields // see unknown.go
}

// Practice is one round of practice: a question, the answer given (in full
// or as notes), and the self-review that follows. It is what is saved to
// practice/<id>.json, field for field.
type Practice struct {
	SchemaVersion int       `json:"schema_version"`
	ID            string    `json:"id"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
	Question      Question  `json:"question"`
	// TimeLimit is the countdown in seconds; 0 means no timer.
	TimeLimit int `json:"time_limit,omitempty"`
	// TimeUsed is how long the countdown ran, in seconds, pauses excluded.
	TimeUsed int    `json:"time_used,omitempty"`
	TimedOut bool   `json:"timed_out,omitempty"`
	Answer   string `json:"answer"`
	WentWell string `json:"went_well"`
	DoBetter string `json:"do_better"`
	// Rubric lists the rubric criteria (content/rubric.json IDs) the user
	// says the answer met.
	Rubric []string `json:"rubric"`
	// Rating is the self-rating, 1 (weak) to 5 (strong); 0 while the round
	// has not been reviewed.
	Rating int `json:"rating,omitempty"`

	rev   uint64        // as Session.rev
	lease uint64        // as Session.lease
	read  bool          // as Session.read
	extra unknownFields // as Session.extra
}

// The self-rating's range.
const (
	MinRating = 1
	MaxRating = 5
	// LowRating and below is "rated low": a question that threw the user
	// stays at the front of the queue until it is rated above it.
	LowRating = 2
)

// NewPractice starts a round on q at now with a fresh random ID. limit is the
// countdown, zero for none.
func NewPractice(q Question, limit time.Duration, now time.Time) *Practice {
	return &Practice{
		SchemaVersion: PracticeSchemaVersion,
		ID:            newID(),
		CreatedAt:     now,
		UpdatedAt:     now,
		Question:      q,
		TimeLimit:     int(limit / time.Second),
		Rubric:        []string{},
		rev:           1,
	}
}

// Reviewed reports whether the round has its self-rating: only reviewed
// rounds count in the queue and the progress.
func (p *Practice) Reviewed() bool { return p.Rating >= MinRating && p.Rating <= MaxRating }

// IsEmpty reports whether nothing was entered: such a round is not worth a
// file.
func (p *Practice) IsEmpty() bool {
	return p.Answer == "" && p.WentWell == "" && p.DoBetter == "" && len(p.Rubric) == 0 && p.Rating == 0
}

// Clone returns a deep copy, safe to hand to a save command.
func (p *Practice) Clone() *Practice {
	c := *p
	c.Rubric = slices.Clone(p.Rubric)
	return &c
}

func (p *Practice) touch(now time.Time) {
	p.UpdatedAt = now
	p.rev++
}

// SetAnswer records the answer and how long the countdown ran. It reports
// whether anything changed.
func (p *Practice) SetAnswer(text string, used time.Duration, timedOut bool, now time.Time) bool {
	text = strings.TrimRight(text, " \t\r\n")
	secs := int(used / time.Second)
	if p.TimeLimit == 0 {
		secs, timedOut = 0, false
	}
	if p.Answer == text && p.TimeUsed == secs && p.TimedOut == timedOut {
		return false
	}
	p.Answer, p.TimeUsed, p.TimedOut = text, secs, timedOut
	p.touch(now)
	return true
}

// Review is the self-review of a round.
type Review struct {
	WentWell string
	DoBetter string
	Rubric   []string
	// Rating is 1 to 5; 0 keeps the review unfinished.
	Rating int
}

// SetReview records the self-review. A rating outside 1 to 5 is stored as 0
// (not reviewed). It reports whether anything changed.
func (p *Practice) SetReview(r Review, now time.Time) bool {
	r.WentWell = strings.TrimRight(r.WentWell, " \t\r\n")
	r.DoBetter = strings.TrimRight(r.DoBetter, " \t\r\n")
	if r.Rating < MinRating || r.Rating > MaxRating {
		r.Rating = 0
	}
	rubric := slices.Clone(r.Rubric)
	if rubric == nil {
		rubric = []string{}
	}
	if p.WentWell == r.WentWell && p.DoBetter == r.DoBetter && p.Rating == r.Rating && slices.Equal(p.Rubric, rubric) {
		return false
	}
	p.WentWell, p.DoBetter, p.Rubric, p.Rating = r.WentWell, r.DoBetter, rubric, r.Rating
	p.touch(now)
	return true
}

// SuggestRating turns the rubric into a starting rating: one for an answer
// that met none of the criteria, plus one for each criterion met, up to five.
// The user can change it; it only makes the rubric the basis of the number.
func SuggestRating(met, criteria int) int {
	if criteria <= 0 {
		return MinRating
	}
	return min(MaxRating, MinRating+met*(MaxRating-MinRating)/criteria)
}

// QuestionKey is the key of a question written by the user: its words,
// lower-cased, without the closing punctuation, so that "Why us?" written in
// two sessions is one question with one history.
func QuestionKey(text string) string {
	k := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	return "q:" + strings.TrimRight(k, "?.!… ")
}

// BankKey is the key of a bank question.
func BankKey(id string) string { return "bank:" + id }

// PracticeMarkdown writes a round as markdown, user text escaped as in
// Markdown: what main prints when a round could not be saved.
func PracticeMarkdown(p *Practice) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Practice: %s\n\n", Escape(p.Question.Text))
	fmt.Fprintf(&b, "*%s*\n\n", p.CreatedAt.Local().Format("Mon 2 Jan 2006, 15:04"))
	for _, part := range []struct{ title, text string }{
		{"Answer", p.Answer}, {"What went well", p.WentWell}, {"What I would do better", p.DoBetter},
	} {
		if part.text != "" {
			fmt.Fprintf(&b, "## %s\n\n%s", part.title, paragraphs(part.text))
		}
	}
	if p.Reviewed() {
		fmt.Fprintf(&b, "**Rating:** %d/5", p.Rating)
		if len(p.Rubric) > 0 {
			fmt.Fprintf(&b, " (%s)", Escape(strings.Join(p.Rubric, ", "))) // IDs, but a file may hold anything
		}
		b.WriteString("\n")
	}
	return b.String()
}

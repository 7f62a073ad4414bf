package coach

import (
	"strings"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// QuestionHint is the markdown shown after the self-review, here and in
// plain mode: the bank's hint for a bank question (a question that threw
// the user included, when it is one of the bank's), and what any good
// answer shows for the others.
func QuestionHint(bank *content.Bank, q Question) string {
	var b strings.Builder
	if id, ok := strings.CutPrefix(q.Key, BankKey("")); ok && bank != nil {
		if bq, ok := bank.Question(id); ok {
			b.WriteString(bq.Hint + "\n\n")
		}
	}
	if b.Len() == 0 {
		b.WriteString("A good answer to a question like this one has:\n\n")
		if bank != nil {
			for _, c := range bank.Rubric {
				b.WriteString("- **" + c.Label + "**: " + c.Hint + "\n")
			}
		}
	}
	return b.String()
}

// Why is the short why of a queued question, here and in plain
// mode: "threw you", "due", "new · behavioural" (the tag's ID: a title
// would crowd the question out), "due 2 Dec".
func (c Card) Why() string {
	switch c.Reason {
	case Threw:
		return "threw you"
	case Due:
		return "due"
	case New:
		return "new · " + c.Question.Tag
	}
	if due, err := time.Parse(DateLayout, c.Track.Due); err == nil {
		return "due " + due.Format("2 Jan")
	}
	return "later"
}

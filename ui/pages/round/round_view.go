package round

import (
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/chart"
)

// layout gives the focused field the room the question and labels leave.
func (r *Page) layout() {
	f := r.field()
	if f == nil || r.width <= 0 {
		return
	}
	w := min(r.width, theme.MaxTextWidth)
	f.SetSize(w-2, 3)
	used := lipgloss.Height(r.View())
	f.SetSize(w-2, common.Clamp(r.height-used+3, 3, 12))
}

// questionView is the question, what it is and the countdown.
func (r *Page) questionView() string {
	st := &r.deps.Styles
	w := min(r.width, theme.MaxTextWidth)
	q := r.entry.Question
	about := []string{sourceLabel(q, r.deps.Bank)}
	if r.stage == StageAnswer {
		about = append(about, r.clock.View())
	}
	return st.Label.Width(w).Render(coach.Inert(coach.OneLine(q.Text))) + "\n" +
		st.Muted.Width(w).Render(strings.Join(about, " · "))
}

// sourceLabel says where a question came from: "a question that threw you",
// "Behavioural", "your own question".
func sourceLabel(q coach.Question, bank *content.Bank) string {
	switch q.Source {
	case coach.FromSession:
		return "a question that threw you"
	case coach.FromUser:
		return "your own question"
	}
	if bank != nil {
		if t, ok := bank.Tag(q.Tag); ok {
			return t.Title
		}
	}
	return "from the question bank"
}

func (r *Page) View() string {
	st := &r.deps.Styles
	w := min(r.width, theme.MaxTextWidth)
	lines := []string{r.questionView(), ""}
	if r.stage == StageHint {
		lines = append(lines, r.resultView(), "", st.Label.Render("What a good answer shows"))
		hint := r.hintView
		if hint == "" {
			hint = st.Muted.Render("…")
		}
		return strings.Join(append(lines, hint), "\n")
	}
	p := roundPrompts[r.stage]
	lines = append(lines, st.Label.Width(w).Render(p.Label))
	if r.stage == StageRating {
		lines = append(lines, st.Hint.Width(w).Render("suggested from the rubric; change it if it feels wrong"))
	} else if p.Hint != "" {
		lines = append(lines, st.Hint.Width(w).Render(p.Hint))
	}
	lines = append(lines, r.field().View(st, true))
	if c := r.checks.Cursor(); r.stage == StageRubric && r.deps.Bank != nil && c < len(r.deps.Bank.Rubric) {
		lines = append(lines, st.Hint.Width(w).Render(r.deps.Bank.Rubric[c].Hint))
	}
	return strings.Join(lines, "\n")
}

// resultView is the rating just given and the question's history.
func (r *Page) resultView() string {
	st := &r.deps.Styles
	line := "You rated this answer " + strconv.Itoa(r.entry.Rating) + "/5"
	if t := r.data.Tracks[r.entry.Question.Key]; t != nil && len(t.Rounds) > 1 {
		line += " · so far " + chart.RatingSpark(t.Ratings(), 12) + " over " + coach.Plural(len(t.Rounds), "round")
	}
	return st.Intro.Render(line) + "\n" + st.Muted.Render("It comes back "+comesBack(r.data.Tracks[r.entry.Question.Key], r.deps.Now())+".")
}

// comesBack says when the queue will offer the question again.
func comesBack(t *coach.Track, now time.Time) string {
	if t == nil {
		return "later"
	}
	due, err := time.ParseInLocation(coach.DateLayout, t.Due, now.Location())
	if err != nil {
		return "later"
	}
	today, _ := time.ParseInLocation(coach.DateLayout, now.Format(coach.DateLayout), now.Location())
	switch days := int(due.Sub(today).Hours()/24 + 0.5); {
	case days <= 1:
		return "tomorrow"
	default:
		return "in " + strconv.Itoa(days) + " days, on " + due.Format("Mon 2 Jan")
	}
}

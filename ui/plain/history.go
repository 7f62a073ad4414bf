package plain

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/chart"
)

// historyPage is how many past sessions plain mode lists at a time.
const historyPage = 10

// history lists past sessions, newest first, a page at a time; words
// search them as the app's filter does, and a number opens one.
func (p *plain) history() error {
	sums, _, err := p.store.Summaries()
	if err != nil {
		return readErr("the saved sessions", err)
	}
	query, from := "", 0
	for {
		shown := sums
		if query != "" {
			q := coach.NewQuery(query)
			shown = nil
			for _, m := range sums {
				if q.Match(m.SearchText()) {
					shown = append(shown, m)
				}
			}
		}
		title := fmt.Sprintf("Past sessions (%d)", len(shown))
		if query != "" {
			title = fmt.Sprintf("Past sessions matching %q (%d)", coach.Inert(query), len(shown))
		}
		p.heading(title)
		end := min(len(shown), from+historyPage)
		for i := from; i < end; i++ {
			m := shown[i]
			p.say(coach.Inert(fmt.Sprintf("  %d. %s · %s · %s", i+1, m.Title(), m.CreatedAt.Local().Format("2 Jan 2006"), statusText(m.Status))))
		}
		if len(shown) == 0 {
			p.say("  Nothing here.")
		}
		more := ""
		if end < len(shown) {
			more = ", Enter for more"
		}
		back := "goes back"
		if query != "" {
			back = "clears the search"
		}
		s, err := p.ask(fmt.Sprintf("A number opens a session; words search%s; %q %s:", more, endWord, back))
		s = strings.TrimSpace(s)
		switch {
		case err != nil:
			return err
		case s == endWord && query != "":
			query, from = "", 0
			continue
		case s == endWord:
			return nil
		case s == "":
			if end < len(shown) {
				from = end
			} else {
				from = 0
			}
			continue
		}
		if n, err := strconv.Atoi(s); err == nil {
			if n < 1 || n > len(shown) {
				p.say(fmt.Sprintf("Please type a number from 1 to %d.", len(shown)))
				continue
			}
			if err := p.session(shown[n-1].ID); err != nil && !errors.Is(err, errBack) {
				if errors.Is(err, errQuit) {
					return err
				}
				p.say(sentence(coach.Inert(err.Error())))
			}
			if sums, _, err = p.store.Summaries(); err != nil {
				return readErr("the saved sessions", err)
			}
			continue
		}
		query, from = s, 0
	}
}

// session shows one past session and offers what the app's session page
// does: carry on, tick off actions, record what became of the feedback.
func (p *plain) session(id string) error {
	s, readOnly, err := p.edit(id)
	if err != nil {
		return err
	}
	defer p.store.Unlock(id)
	p.say("")
	p.showSession(s)
	if readOnly != "" {
		p.say(readOnly)
		return nil
	}
	return p.menu("This session", func() []option {
		var opts []option
		if s.Status != coach.Complete {
			opts = append(opts, option{"Carry on with it", func() error {
				return p.walk(s)
			}})
		}
		if coach.RestLeft(p.o.Flow, s) > 0 {
			opts = append(opts, option{"Go deeper: the rest of this session", func() error { return p.rest(s) }})
		}
		for i, a := range s.Actions {
			verb := "Mark done: "
			if a.Done {
				verb = "Mark not done: "
			}
			opts = append(opts, option{coach.Inert(verb + a.Text), func() error {
				if s.SetDone(i, !a.Done, p.env.Now()) {
					p.save(s)
				}
				return nil
			}})
		}
		if s.Feedback.Send != "" || s.Feedback.Draft != "" {
			opts = append(opts, option{"Feedback request: " + s.Feedback.Outcome.Label(), func() error { return p.outcome(s) }})
		}
		opts = append(opts, p.letterOptions(s)...)
		return append(opts, option{"Show it again", func() error {
			p.showSession(s)
			return nil
		}}, option{"Back", nil})
	})
}

// outcome records what became of a feedback request, and the feedback.
func (p *plain) outcome(s *coach.Session) error {
	p.say("What became of the feedback request?")
	labels := make([]string, len(coach.Outcomes))
	for i, o := range coach.Outcomes {
		labels[i] = o.Label()
	}
	p.numbered(labels)
	n, err := p.number(fmt.Sprintf("Choose 1 to %d (Enter leaves it as it is):", len(labels)), len(labels))
	if err != nil || n == 0 {
		return err
	}
	now := p.env.Now()
	if s.SetOutcome(coach.Outcomes[n-1], now) {
		p.save(s) // at once: the words asked next may never come
	}
	changed := false
	if coach.Outcomes[n-1] == coach.Replied {
		lines, err := p.long("The feedback they gave, if you would like to keep it:", "their words", s.Feedback.Received, nil, nil)
		if err != nil {
			return err
		}
		if text := strings.Join(lines, "\n"); text != s.Feedback.Received {
			changed = s.SetReceived(text, now.Format(coach.DateLayout), now) || changed
		}
	}
	if changed {
		p.save(s)
	}
	return nil
}

// insights prints what the app's insights screen shows, as text.
func (p *plain) insights() error {
	sums, _, err := p.store.Summaries()
	if err != nil {
		return readErr("the saved sessions", err)
	}
	entries, _, err := p.store.Practices()
	if err != nil {
		return readErr("the practice rounds", err)
	}
	st := theme.NewStyles(true, true)
	out := chart.Insights(coach.ComputeInsights(sums, p.env.Now()), p.width(), st)
	if len(entries) > 0 {
		out += "\n" + chart.Practice(coach.ComputePracticeInsights(p.flagged(sums), coach.Tracks(entries)), p.width(), st)
	}
	p.heading("Insights")
	p.say(withoutBars(strings.TrimRight(ansi.Strip(out), "\n")))
	return nil
}

// withoutBars drops the bars and sparklines insights draws (a screen
// reader would read out every block) and the lines they leave with no
// figure; the numbers beside the bars stay.
func withoutBars(s string) string {
	var lines []string
	for l := range strings.SplitSeq(s, "\n") {
		t := strings.Map(func(r rune) rune {
			if r >= 0x2580 && r <= 0x259F { // block elements
				return -1
			}
			return r
		}, l)
		if t != l {
			t = strings.TrimRight(t, " ·")
			if !strings.ContainsAny(t, "0123456789") {
				continue
			}
		}
		lines = append(lines, t)
	}
	return strings.Join(lines, "\n")
}

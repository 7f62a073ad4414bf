package plain

import (
	"errors"
	"fmt"
	"slices"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
)

// home is plain mode's menu: the same choices as the app's home screen.
func (p *plain) home() error {
	for {
		err := p.homeMenu()
		if !errors.Is(err, errBack) {
			return err
		}
		p.say("This is the first menu: choose Quit to leave.")
	}
}

func (p *plain) homeMenu() error {
	return p.menu("What would you like to do?", func() []option {
		sums, problems, err := p.store.Summaries()
		if err != nil {
			p.say(sentence(coach.Inert(readErr("the saved sessions", err).Error())))
		}
		p.unreadable(problems)
		p.followUps(sums)
		opts := []option{{"Start a new session", p.newSession}}
		resumable := 0
		for _, m := range sums {
			if m.Status == coach.Complete || resumable == 2 {
				continue
			}
			resumable++
			id := m.ID
			opts = append(opts, option{"Resume: " + coach.Inert(m.Title()), func() error { return p.resume(id) }})
		}
		opts = append(opts, p.deeperOptions(sums)...)
		if len(sums) > 0 {
			opts = append(opts,
				option{fmt.Sprintf("Past sessions (%d)", len(sums)), p.history},
				option{"Insights", p.insights})
		}
		return append(opts, option{"Practise questions", func() error { return p.practice(p.o.Tag) }}, option{"Quit", nil})
	})
}

// maxDeeper is how many finished ten-minute sessions home offers to go
// deeper into; Past sessions offers it for any.
const maxDeeper = 2

// deeperOptions offers "the rest of this session" for the newest finished
// ten-minute sessions that still have prompts to ask. The summaries say
// the depth, so only those sessions are read.
func (p *plain) deeperOptions(sums []coach.Summary) []option {
	var opts []option
	for _, m := range sums {
		if len(opts) == maxDeeper {
			break
		}
		if m.Status != coach.Complete || m.Depth != content.TenMinutes {
			continue
		}
		s, err := p.store.Load(m.ID)
		if err != nil || coach.RestLeft(p.o.Flow, s) == 0 {
			continue
		}
		id := m.ID
		opts = append(opts, option{"Go deeper: " + coach.Inert(m.Title()), func() error { return p.goDeeper(id) }})
	}
	return opts
}

// goDeeper opens session id, as resume does, to walk the rest of it.
func (p *plain) goDeeper(id string) error { return p.holding(id, p.rest) }

// rest walks what the ten minutes left out, from the first prompt of the
// rest, in the same session and the same file; the caller holds its lock.
// The session is in progress again until the rest is walked, so leaving
// part-way keeps it on home to resume.
func (p *plain) rest(s *coach.Session) error {
	w, ok := coach.GoDeeper(p.o.Flow, s, p.env.Now()) // asked again since it was offered
	if !ok {
		return errors.New("there is nothing left to ask in this session")
	}
	p.save(s)
	return p.run(w)
}

// followUps lists what past sessions ask to be done by now, as home does.
func (p *plain) followUps(sums []coach.Summary) {
	due := coach.FollowUps(sums, p.env.Now())
	if len(due) == 0 {
		return
	}
	// The most recent first, as on the app's home.
	slices.SortStableFunc(due, func(a, b coach.FollowUp) int { return a.Late - b.Late })
	p.say("Due now:")
	for i, f := range due {
		if i == 5 {
			p.say(fmt.Sprintf("  …and %d more; Past sessions has them all.", len(due)-5))
			break
		}
		p.say(coach.Inert(fmt.Sprintf("  - %s (%s, due %s)", f.Text, f.Title, f.Due)))
	}
	p.say("")
}

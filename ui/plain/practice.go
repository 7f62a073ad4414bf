package plain

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rebound-coach/rebound/coach"
)

// queueShown is how many queued questions plain mode offers at a time.
const queueShown = 5

// practice offers the practice queue, as the app's practice screen does:
// the questions that threw the user first, then the bank by spaced
// repetition, and a question of their own. There is no countdown: plain
// mode has no animation.
func (p *plain) practice(tag string) error {
	bank := coach.BankQuestions(p.o.Bank)
	return p.menu("Practice", func() []option {
		sums, problems, err := p.store.Summaries()
		entries, pproblems, perr := p.store.Practices()
		for _, e := range []error{err, perr} {
			if e != nil {
				p.say(sentence(coach.Inert(readErr("what was saved", e).Error())))
			}
		}
		p.unreadable(append(problems, pproblems...))
		flagged, tracks := coach.FlaggedQuestions(sums, bank), coach.Tracks(entries)
		unfinished := coach.Unfinished(entries)
		p.say(coach.ComputeProgress(flagged, tracks).Sentence() + "\n")
		var opts []option
		for i, c := range coach.Queue(flagged, bank, tracks, tag, p.env.Now().Format(coach.DateLayout)) {
			if i == queueShown {
				break
			}
			q := c.Question
			opts = append(opts, option{coach.Inert(fmt.Sprintf("%s (%s)", q.Text, c.Why())),
				func() error { return p.round(q, unfinished[q.Key]) }})
		}
		return append(opts, option{"A question of your own", func() error {
			s, err := p.single("Your question", "")
			if err != nil || s == "" {
				return err
			}
			q := coach.OwnQuestion(s, bank)
			return p.round(q, unfinished[q.Key])
		}}, option{"Back", nil})
	})
}

// The stages of a round, in order.
const (
	roundAnswer = iota
	roundWell
	roundBetter
	roundRubric
	roundRating
	roundDone
)

// round is one round of practice on q: the answer, the self-review, the
// rubric and the rating, then the hint. prev is a round on q left before
// its rating, carried on.
func (p *plain) round(q coach.Question, prev *coach.Practice) error {
	e := coach.NewPractice(q, 0, p.env.Now())
	p.heading("Practice: " + coach.Inert(q.Text))
	if prev != nil {
		var err error
		if e, err = p.store.EditPractice(prev.ID); err != nil { // what is on disk now, locked
			if note := coach.ReadOnly(err); note != "" {
				p.say(note)
				return nil
			}
			return readErr("practice round "+prev.ID, err)
		}
		defer p.store.Unlock(coach.PracticeKey(e.ID))
		p.say("Carrying on from " + e.CreatedAt.Local().Format("Mon 2 Jan 15:04") + ".")
	} else {
		defer p.store.Unlock(coach.PracticeKey(e.ID)) // claimed at its first save
	}
	p.say("Say your answer out loud first, as you would in the room.")
	var rubric []string // labels of the criteria met
	for _, c := range p.o.Bank.Rubric {
		if slices.Contains(e.Rubric, c.ID) {
			rubric = append(rubric, c.Label)
		}
	}
	review := func() coach.Review {
		return coach.Review{WentWell: e.WentWell, DoBetter: e.DoBetter, Rubric: p.rubricIDs(rubric), Rating: e.Rating}
	}
	for stage := roundAnswer; stage < roundDone; {
		now := p.env.Now()
		var err error
		switch stage {
		case roundAnswer:
			err = p.longField(e, "Your answer (in full or as notes)", &e.Answer, func(text string) bool {
				return e.SetAnswer(text, 0, false, now)
			})
		case roundWell:
			err = p.longField(e, "What went well? (the part you would keep, as specifically as you can)", &e.WentWell, func(text string) bool {
				r := review()
				r.WentWell = text
				return e.SetReview(r, now)
			})
		case roundBetter:
			err = p.longField(e, "What would you do better? (one or two concrete changes for next time)", &e.DoBetter, func(text string) bool {
				r := review()
				r.DoBetter = text
				return e.SetReview(r, now)
			})
		case roundRubric:
			var ticked []string
			if ticked, err = p.tick("Which of these did your answer have? Tick only what is really there.", p.rubricLabels(), nil, rubric); err == nil {
				rubric = ticked
				if e.SetReview(review(), now) {
					p.saveRound(e)
				}
			}
		case roundRating:
			err = p.rating(e, len(rubric), review)
		}
		switch {
		case errors.Is(err, errBack) && stage == roundAnswer:
			p.saveRound(e) // back to the queue, as esc does in the app
			return nil
		case errors.Is(err, errBack):
			stage--
		case err != nil:
			p.saveRound(e)
			if _, failed := p.unsavedRounds[e.ID]; !failed && !e.IsEmpty() {
				p.say("Saved. This question waits for you at the top of practice.")
			}
			return err
		default:
			stage++
		}
	}
	p.heading("What a good answer shows")
	p.markdown(coach.QuestionHint(p.o.Bank, q))
	return nil
}

// longField asks for one of a round's long answers into *field, saving
// through set as it grows and when it is done.
func (p *plain) longField(e *coach.Practice, question string, field *string, set func(string) bool) error {
	lines, err := p.long(question, "your answer", *field, nil, func(l []string) {
		if set(strings.Join(l, "\n")) {
			p.saveRound(e)
		}
	})
	if err == nil && set(strings.Join(lines, "\n")) {
		p.saveRound(e)
	}
	return err
}

func (p *plain) rating(e *coach.Practice, met int, review func() coach.Review) error {
	suggested := coach.SuggestRating(met, len(p.o.Bank.Rubric))
	if e.Rating > 0 {
		suggested = e.Rating
	}
	for {
		s, err := p.single("Your rating, from 1 (weak) to 5 (strong)", strconv.Itoa(suggested))
		if err != nil {
			return err
		}
		if n, err := strconv.Atoi(s); err == nil && n >= coach.MinRating && n <= coach.MaxRating {
			r := review()
			r.Rating = n
			if e.SetReview(r, p.env.Now()) {
				p.saveRound(e)
			}
			return nil
		}
		p.say("Please type a number from 1 to 5.")
	}
}

func (p *plain) rubricLabels() []string {
	labels := make([]string, len(p.o.Bank.Rubric))
	for i, c := range p.o.Bank.Rubric {
		labels[i] = c.Label
	}
	return labels
}

// rubricIDs turns ticked labels into the rubric's IDs, in the rubric's order.
func (p *plain) rubricIDs(labels []string) []string {
	var ids []string
	for _, c := range p.o.Bank.Rubric {
		if slices.Contains(labels, c.Label) {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// saveRound writes a round, or keeps it to hand over at the end.
func (p *plain) saveRound(e *coach.Practice) {
	keep(p, e.ID, e, e.IsEmpty(), p.unsavedRounds, func() error {
		if !p.store.HoldsPractice(e) {
			if err := p.store.ClaimPractice(e); err != nil { // a new round: lock it first
				return err
			}
		}
		return p.store.SavePractice(e)
	})
}

package plain

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
)

func (p *plain) newSession() error {
	s := coach.NewSession(p.env.Now())
	defer p.store.Unlock(s.ID) // claimed at its first save
	return p.walk(s)
}

// resume carries on a saved session where it stopped.
func (p *plain) resume(id string) error { return p.holding(id, p.walk) }

// holding opens session id for changes, hands it to walk and lets the
// lock go after; a session another copy holds is refused, with why.
func (p *plain) holding(id string, walk func(*coach.Session) error) error {
	s, readOnly, err := p.edit(id)
	switch {
	case err != nil:
		return err
	case readOnly != "":
		return errors.New(readOnly)
	}
	defer p.store.Unlock(id)
	return walk(s)
}

// edit opens session id for changes as the app does: its lock taken and
// the file read in one step (coach.Store.Edit), let go with Unlock. When it
// cannot be locked, the session is read as it is and readOnly says why.
func (p *plain) edit(id string) (s *coach.Session, readOnly string, err error) {
	s, err = p.store.Edit(id)
	if readOnly = coach.ReadOnly(err); readOnly != "" {
		s, err = p.loadID(id)
		return s, readOnly, err
	}
	if err != nil {
		return nil, "", loadErr(id, err)
	}
	return s, "", nil
}

// walk asks the session's questions from where it stopped to the end, and
// then shows the summary. The caller holds the session's lock (a new one's
// is taken at its first save), as the app does, so a second copy of
// rebound shows it read-only.
func (p *plain) walk(s *coach.Session) error { return p.run(coach.NewWalk(p.o.Flow, s)) }

// run walks from where w is to the end; see walk.
func (p *plain) run(w *coach.Walk) error {
	s := w.Session()
	shown := ""
	for {
		if sec := w.Section(); sec.ID != shown {
			shown = sec.ID
			p.section(w)
		}
		pr := w.Prompt()
		a, err := p.prompt(pr, s)
		now := p.env.Now()
		switch {
		case errors.Is(err, errBack):
			if !w.Back(now) {
				p.say("This is the first question.")
			}
			p.save(s)
			continue
		case err != nil:
			return p.leave(s, err)
		}
		s.Set(pr.ID, a, now)
		if pr.ID == coach.PromptMoodBefore && s.Depth != content.Rest {
			switch err := p.afterCheckIn(w); {
			case errors.Is(err, errBack):
				p.save(s)
				continue // to the check-in again, as in the app
			case err != nil:
				return p.leave(s, err)
			}
		}
		finished := w.Next(now)
		p.save(s)
		if finished {
			break
		}
	}
	p.summary(s)
	return nil
}

// leave saves a session left part-way, says so, and hands err on.
func (p *plain) leave(s *coach.Session, err error) error {
	p.save(s)
	if _, failed := p.unsaved[s.ID]; !failed && !s.IsEmpty() {
		p.say("Saved. Resume this session from home when you are ready.")
	}
	return err
}

// afterCheckIn is what the app shows between the check-in and the intake:
// after a low score the low-mood note (no key to press here: the note is
// said and the walk goes on), then the choice of depth, which is set on
// the session and saved. A session that has begun whole, from before
// there was a choice, keeps that as what Enter chooses; any other starts
// at ten minutes. It returns errBack to ask the check-in again, or errQuit.
func (p *plain) afterCheckIn(w *coach.Walk) error {
	s := w.Session()
	if content.IsLowMood(s.Current(coach.PromptMoodBefore).Score) {
		p.say("")
		p.say(content.LowMood())
	}
	def := 1
	if s.BegunWhole() {
		def = 2
	}
	p.heading("How long have you got?")
	labels := make([]string, len(content.DepthChoices))
	for i, d := range content.DepthChoices {
		labels[i] = d.Name + ": " + d.Hint
	}
	p.numbered(labels)
	p.say("Either way the same five steps, in the same file.")
	for {
		a, err := p.ask(fmt.Sprintf("Choose 1 or 2 [%d]:", def))
		if err != nil {
			return err
		}
		n := def
		if t := strings.TrimSpace(a); t != "" {
			if n, err = strconv.Atoi(t); err != nil || n < 1 || n > len(content.DepthChoices) {
				p.say("Please type 1 for ten minutes or 2 for the whole session.")
				continue
			}
		}
		if w.SetDepth(content.DepthChoices[n-1].Depth, p.env.Now()) {
			p.save(s)
		}
		return nil
	}
}

// section introduces a section: its title, its intro and its tip.
func (p *plain) section(w *coach.Walk) {
	sec := w.Section()
	step, steps, title := w.Progress()
	if step > 0 {
		title = fmt.Sprintf("Step %d of %d: %s", step, steps, title)
	}
	p.heading(title)
	if sec.Intro != "" {
		p.say(sec.Intro)
	}
	if sec.Tip != "" {
		p.markdown(sec.Tip)
	}
	p.say("")
}

// summary closes a session as the app's summary screen does.
func (p *plain) summary(s *coach.Session) {
	p.heading("Your session")
	p.showSession(s)
	if _, failed := p.unsaved[s.ID]; !failed {
		p.say("\nSaved in " + coach.Inert(p.store.Path(s.ID)) + ".")
	}
	p.say("\n" + content.Support())
}

// save writes a session, or keeps it to hand over at the end.
func (p *plain) save(s *coach.Session) {
	keep(p, s.ID, s, s.IsEmpty(), p.unsaved, func() error {
		if !p.store.Holds(s) {
			if err := p.store.Claim(s); err != nil { // a new session: lock it first
				return err
			}
		}
		return p.store.Save(s)
	})
}

// keep writes a record unless it is empty; one that cannot be written is
// kept in unsaved (the first failure said once) and printed on the way out.
func keep[T any](p *plain, id string, rec T, empty bool, unsaved map[string]T, write func() error) {
	if empty {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := write(); err != nil {
		if _, said := unsaved[id]; !said {
			p.say(coach.Inert(fmt.Sprintf("Can't save (%v): carry on, and what you write is printed when you leave.", err)))
		}
		unsaved[id] = rec
		return
	}
	delete(unsaved, id)
}

// prompt asks one question of the flow and returns its answer, or errBack
// or errQuit. A long answer left unfinished is kept as a draft.
func (p *plain) prompt(pr content.Prompt, s *coach.Session) (coach.Answer, error) {
	cur := s.Current(pr.ID)
	label := coach.Inert(pr.Label)
	hint := ""
	if pr.Hint != "" {
		hint = " (" + pr.Hint + ")"
	}
	switch pr.Kind {
	case content.Text:
		return p.text(label+hint, cur)
	case content.Date:
		return p.date(label+hint, cur, coach.DateDefault(pr, s, p.env.Now()))
	case content.Percent:
		return p.percent(label+hint, cur)
	case content.Choice:
		return p.choice(label, pr.Options, cur)
	case content.Checklist:
		return p.checklist(label+hint, pr, cur, func(a coach.Answer) {
			if s.SetDraft(pr.ID, a, p.env.Now()) {
				p.save(s)
			}
		})
	case content.Mood:
		return p.mood(label+hint, cur)
	case content.Actions:
		return p.actions(label+hint, cur, func(a coach.Answer) {
			if s.SetDraft(pr.ID, a, p.env.Now()) {
				p.save(s)
			}
		})
	}
	return p.several(pr, s, label+hint)
}

// several asks a question answered in several lines (Textarea, List and
// Draft), saving the lines as a draft as they come.
func (p *plain) several(pr content.Prompt, s *coach.Session, question string) (coach.Answer, error) {
	cur := s.Current(pr.ID)
	text := cur.Text
	if pr.Kind == content.List {
		text = strings.Join(cur.Items, "\n")
	}
	if pr.Kind == content.Draft && text == "" {
		name, err := p.signer()
		if err != nil {
			return coach.Answer{}, err
		}
		text = coach.DraftRequest(s, name)
	}
	answer := func(lines []string) coach.Answer {
		if pr.Kind == content.List {
			return coach.Answer{Items: lines}
		}
		return coach.Answer{Text: strings.Join(lines, "\n")}
	}
	what := "your answer"
	if pr.Kind == content.List {
		what = "one per line"
	}
	var notes []string
	if m := int(pr.TimerLength() / time.Minute); m > 0 {
		// The app offers a countdown here; plain mode has none to offer,
		// and the hint may speak of one.
		notes = append(notes, fmt.Sprintf("Plain mode has no countdown: take %d minutes by a clock if you like, or stop whenever you want.", m))
	}
	// The evidence against the thought that hurts is offered how far the
	// application got, as the app offers it. The app pre-fills it as a line
	// to keep or delete; here it is a suggestion, taken by typing + on a
	// line of its own, so Enter still skips as at every question and the
	// sentence can be kept among lines of one's own without copying it.
	offer := ""
	if pr.ID == coach.PromptEvidenceAgainst && cur.IsZero() {
		if offer = p.o.Flow.StageEvidence(s.Intake.Stage); offer != "" {
			notes = append(notes, "How far you got counts: "+coach.Inert(offer),
				fmt.Sprintf("A line with only %q adds that sentence to your answer.", offerWord))
		}
	}
	expand := func(l []string) []string {
		if offer == "" {
			return l
		}
		out := slices.Clone(l)
		for i, line := range out {
			if strings.TrimSpace(line) == offerWord {
				out[i] = offer
			}
		}
		return out
	}
	lines, err := p.long(question, what, text, notes, func(l []string) {
		if s.SetDraft(pr.ID, answer(expand(l)), p.env.Now()) {
			p.save(s)
		}
	})
	return answer(expand(lines)), err
}

// offerWord, on a line of its own, takes the sentence a long answer offers.
const offerWord = "+"

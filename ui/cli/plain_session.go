package cli

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui"
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
func (p *plain) goDeeper(id string) error {
	s, readOnly, err := p.edit(id)
	switch {
	case err != nil:
		return err
	case readOnly != "":
		return errors.New(readOnly)
	}
	defer p.store.Unlock(id)
	return p.rest(s)
}

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

func (p *plain) newSession() error {
	s := coach.NewSession(p.env.Now())
	defer p.store.Unlock(s.ID) // claimed at its first save
	return p.walk(s)
}

// resume carries on a saved session where it stopped.
func (p *plain) resume(id string) error {
	s, readOnly, err := p.edit(id)
	switch {
	case err != nil:
		return err
	case readOnly != "":
		return errors.New(readOnly)
	}
	defer p.store.Unlock(id)
	return p.walk(s)
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
	// Textarea, List and Draft: several lines.
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
	lines, err := p.long(label+hint, what, text, notes, func(l []string) {
		if s.SetDraft(pr.ID, answer(expand(l)), p.env.Now()) {
			p.save(s)
		}
	})
	return answer(expand(lines)), err
}

// offerWord, on a line of its own, takes the sentence a long answer offers.
const offerWord = "+"

// long asks for an answer of several lines, ended by a line holding only
// endWord. The notes are said under the question; then the current text
// is quoted, and endWord alone keeps it. draft is handed the lines so far
// after each one.
func (p *plain) long(question, what, cur string, notes []string, draft func([]string)) ([]string, error) {
	p.say(question)
	for _, n := range notes {
		p.say(n)
	}
	if cur != "" {
		p.quote(cur)
		p.say(fmt.Sprintf("Write a new version (%s), then a line with only %q; Enter or %q straight away keeps this one.", what, endWord, endWord))
	} else {
		p.say(fmt.Sprintf("Write %s, as many lines as you like, then a line with only %q; Enter straight away skips it.", what, endWord))
	}
	lines, keep, err := p.lines(draft)
	if keep && cur != "" {
		return strings.Split(cur, "\n"), nil
	}
	return lines, err
}

// current shows an answer in brackets, for "Enter keeps it".
func current(s string) string {
	if s == "" {
		return ""
	}
	return " [" + coach.Inert(s) + "]"
}

// single reads a one-line answer: Enter keeps the current one, "-" clears it.
func (p *plain) single(question, cur string) (string, error) {
	s, err := p.ask(question + current(cur) + ":")
	switch t := strings.TrimSpace(s); {
	case err != nil:
		return "", err
	case t == "":
		return cur, nil
	case t == "-" && cur != "":
		return "", nil
	}
	return strings.TrimSpace(s), nil
}

func (p *plain) text(question string, cur coach.Answer) (coach.Answer, error) {
	s, err := p.single(question, cur.Text)
	return coach.Answer{Text: s}, err
}

// date reads a day; def (in coach.DateLayout, or "") is shown while
// there is no answer, so Enter takes it.
func (p *plain) date(question string, cur coach.Answer, def string) (coach.Answer, error) {
	now := p.env.Now()
	text := cur.Text
	if text == "" {
		text = def
	}
	for {
		s, err := p.single(question, text)
		if err != nil {
			return coach.Answer{}, err
		}
		d, err := coach.ParseDate(s, now)
		if err == nil {
			return coach.Answer{Text: d}, nil
		}
		p.say("That is not a date: write YYYY-MM-DD, or today, tomorrow, yesterday, +3d, -1w.")
	}
}

// numbered lists options 1 to n. An option too long for the line wraps
// under its own text, not under its number, so it still reads as one.
func (p *plain) numbered(options []string) {
	width := min(p.width(), ui.MaxTextWidth)
	for i, o := range options {
		head := fmt.Sprintf("  %d. ", i+1)
		text := ansi.Wordwrap(coach.Inert(o), max(20, width-len(head)), "")
		fmt.Fprintln(p.out, head+strings.ReplaceAll(text, "\n", "\n"+strings.Repeat(" ", len(head))))
	}
}

func (p *plain) choice(label string, options []string, cur coach.Answer) (coach.Answer, error) {
	p.say(label)
	p.numbered(options)
	shown := ""
	if i := slices.Index(options, cur.Text); i >= 0 {
		shown = fmt.Sprintf("%d. %s", i+1, cur.Text)
	} else {
		shown = cur.Text // a value from a file, outside the options
	}
	for {
		s, err := p.single(fmt.Sprintf("Choose 1 to %d", len(options)), shown)
		switch {
		case err != nil:
			return coach.Answer{}, err
		case s == shown:
			return cur, nil
		case s == "":
			return coach.Answer{}, nil
		}
		if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(options) {
			return coach.Answer{Text: options[n-1]}, nil
		}
		if i := slices.IndexFunc(options, func(o string) bool { return strings.EqualFold(o, s) }); i >= 0 {
			return coach.Answer{Text: options[i]}, nil
		}
		p.say(fmt.Sprintf("Please type a number from 1 to %d.", len(options)))
	}
}

// checklist asks for the options that apply and, if the prompt has one,
// the free-text line; draft keeps the ticks while that line is asked.
func (p *plain) checklist(label string, pr content.Prompt, cur coach.Answer, draft func(coach.Answer)) (coach.Answer, error) {
	items, err := p.tick(label, pr.Options, pr.Examples, cur.Items)
	if err != nil || !pr.Other {
		return coach.Answer{Items: items}, err
	}
	draft(coach.Answer{Items: items, Text: cur.Text})
	other, err := p.single("Anything else", cur.Text)
	return coach.Answer{Items: items, Text: other}, err
}

// tick lists options by number, each on one line with its example if it
// has one, and reads the numbers of those that apply; Enter keeps the ones
// ticked.
func (p *plain) tick(label string, options []string, examples map[string]string, ticked []string) ([]string, error) {
	p.say(label)
	shown := slices.Clone(options)
	for i, o := range shown {
		if ex := examples[o]; ex != "" {
			shown[i] = fmt.Sprintf("%s: \"%s\"", o, ex)
		}
	}
	p.numbered(shown)
	var nums []string
	for _, it := range ticked {
		if i := slices.Index(options, it); i >= 0 {
			nums = append(nums, strconv.Itoa(i+1))
		}
	}
	for {
		s, err := p.single("The numbers that apply, such as 1 3", strings.Join(nums, " "))
		if err != nil {
			return nil, err
		}
		if items, ok := pick(s, options); ok {
			return items, nil
		}
		p.say(fmt.Sprintf("Please type numbers from 1 to %d, separated by spaces.", len(options)))
	}
}

// pick reads "1 3" or "1, 3" as the options ticked, in the order offered.
func pick(s string, options []string) ([]string, bool) {
	on := make([]bool, len(options))
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ' ' || r == ',' }) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > len(options) {
			return nil, false
		}
		on[n-1] = true
	}
	var items []string
	for i, o := range options {
		if on[i] {
			items = append(items, o)
		}
	}
	return items, true
}

func (p *plain) mood(question string, cur coach.Answer) (coach.Answer, error) {
	shown := ""
	if cur.Score > 0 {
		shown = strings.TrimSpace(strconv.Itoa(cur.Score) + " " + cur.Text)
	}
	p.say(question)
	for {
		s, err := p.single("A number from 1 to 10, then a word if you like", shown)
		if err != nil || s == "" {
			return coach.Answer{}, err
		}
		if s == shown {
			return cur, nil
		}
		num, word, _ := strings.Cut(s, " ")
		if n, err := strconv.Atoi(num); err == nil && n >= 1 && n <= 10 {
			return coach.Answer{Score: n, Text: strings.TrimSpace(word)}, nil
		}
		p.say("Please start with a number from 1 (awful) to 10 (fine), such as: 4 tired")
	}
}

// percent reads a whole number from 0 to 100, "%" after it allowed, and
// stores it as its digits. Enter keeps the answer shown (one from a file
// that is no number stays as it is), "-" clears it, and anything else is
// refused and asked again.
func (p *plain) percent(question string, cur coach.Answer) (coach.Answer, error) {
	for {
		s, err := p.single(question, cur.Text)
		switch {
		case err != nil:
			return coach.Answer{}, err
		case s == "":
			return coach.Answer{}, nil
		case s == cur.Text:
			return cur, nil
		}
		if n, err := coach.ParsePercent(s); err == nil {
			return coach.Answer{Text: strconv.Itoa(n)}, nil
		}
		p.say("That is not a number from 0 to 100: write one such as 70, with or without a % after it.")
	}
}

// maxActions is how many next actions a session asks for, as in the app.
const maxActions = 5

// actions asks for the next actions one at a time; draft keeps those
// finished so far, so leaving half-way loses none.
func (p *plain) actions(question string, cur coach.Answer, draft func(coach.Answer)) (coach.Answer, error) {
	p.say(question)
	if len(cur.Actions) > 0 {
		for i, a := range cur.Actions {
			p.say(coach.Inert(fmt.Sprintf("  %d. %s%s", i+1, a.Text, dueText(a.Due))))
		}
		p.say("Enter at the first action keeps these; anything else writes them again.")
	}
	now := p.env.Now()
	var out coach.Answer
	for i := range maxActions {
		s, err := p.ask(fmt.Sprintf("Action %d (Enter when done):", i+1))
		s = strings.TrimSpace(s)
		switch {
		case err != nil:
			return coach.Answer{}, err
		case s == "" && i == 0 && len(cur.Actions) > 0:
			return cur, nil
		case s == "" || s == endWord:
			return out, nil
		}
		a := coach.Action{Text: s}
		for {
			d, err := p.ask("Due (YYYY-MM-DD, tomorrow, +3d; Enter for none):")
			if err != nil {
				return coach.Answer{}, err
			}
			if a.Due, err = coach.ParseDate(d, now); err == nil {
				break
			}
			p.say("That is not a date: write YYYY-MM-DD, or today, tomorrow, +3d, +1w.")
		}
		out.Actions = append(out.Actions, a)
		draft(out)
	}
	return out, nil
}

func dueText(due string) string {
	if due == "" {
		return ""
	}
	return " (due " + due + ")"
}

package ui

import (
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/markdown"
	"github.com/rebound-coach/rebound/ui/widgets/countdown"
	"github.com/rebound-coach/rebound/ui/widgets/field"
)

// A round goes through these stages, one prompt at a time as the guided
// flow does: the answer (with the countdown), the self-review in three
// parts, the rating, and last the hint on what a good answer shows. The hint
// comes after the self-review so that it cannot colour it.
const (
	stageAnswer = iota
	stageWell
	stageBetter
	stageRubric
	stageRating
	stageHint
)

// roundPrompts are the prompts of a round's stages, up to the rating. The
// rubric's options and the rating's are filled in by newRoundScreen.
var roundPrompts = [stageHint]content.Prompt{
	{ID: "practice.answer", Kind: content.Textarea, Label: "Your answer",
		Hint: "say it out loud, then write it here, in full or as notes"},
	{ID: "practice.went_well", Kind: content.Textarea, Label: "What went well?",
		Hint: "the part you would keep, as specifically as you can"},
	{ID: "practice.do_better", Kind: content.Textarea, Label: "What would you do better?",
		Hint: "one or two concrete changes for next time"},
	{ID: "practice.rubric", Kind: content.Checklist, Label: "Which of these did your answer have?",
		Hint: "tick only what is really there"},
	{ID: "practice.rating", Kind: content.Choice, Label: "Your rating, from 1 (weak) to 5 (strong)",
		Options: []string{"1", "2", "3", "4", "5"}},
}

// hintRenderedMsg is the round's hint rendered for one key.
type hintRenderedMsg struct {
	round string
	key   markdown.Key
	text  string
}

// practiceSavedMsg reports a finished save of a practice round.
type practiceSavedMsg struct {
	entry *coach.Practice // the live entry, kept in memory if the save failed
	err   error
	at    time.Time
}

// roundScreen is one round of practice.
type roundScreen struct {
	deps   *deps
	data   *practiceData
	entry  *coach.Practice
	stage  int
	fields [stageHint]field.Field
	// checks and rating are two of fields, kept as what they are.
	checks *field.Checklist
	rating *field.Choice
	clock  countdown.Model
	// tag is the practice screen's tag, for the next question.
	tag string

	hint     string // markdown, shown last
	hintView string
	hintKey  markdown.Key
	draftSeq int
	status   string

	width, height int
	exits
}

// newRoundScreen shows entry, a new round or one carried on (from.prev),
// opened for changes by the root (Model.editRound).
func newRoundScreen(d *deps, from roundStart, entry *coach.Practice, hintKey markdown.Key) *roundScreen {
	data, carried, tag := from.data, from.prev != nil, from.tag
	q := entry.Question
	timer := time.Duration(entry.TimeLimit) * time.Second
	var used time.Duration
	var status string
	if carried {
		used = time.Duration(entry.TimeUsed) * time.Second
		if entry.TimedOut {
			used = timer
		}
		status = "carrying on from " + entry.CreatedAt.Local().Format("Mon 2 Jan 15:04")
	}
	r := &roundScreen{deps: d, data: data, tag: tag, entry: entry, status: status, hintKey: hintKey,
		clock: countdown.New(timer, used, d.clock)}
	prompts := roundPrompts
	var labels, ticked []string
	if d.bank != nil {
		for _, c := range d.bank.Rubric {
			labels = append(labels, c.Label)
			if slices.Contains(entry.Rubric, c.ID) {
				ticked = append(ticked, c.Label)
			}
		}
	}
	prompts[stageRubric].Options = labels
	start := [stageHint]coach.Answer{{Text: entry.Answer}, {Text: entry.WentWell}, {Text: entry.DoBetter}, {Items: ticked}}
	for i := range stageRubric {
		r.fields[i] = field.New(prompts[i], start[i], nil, &d.styles, d.keys.Field, d.now())
	}
	r.checks = field.NewChecklist(prompts[stageRubric], start[stageRubric], &d.styles, d.keys.Field)
	r.rating = field.NewChoice(prompts[stageRating], "", d.keys.Field)
	r.fields[stageRubric], r.fields[stageRating] = r.checks, r.rating
	r.hint = coach.QuestionHint(d.bank, q)
	return r
}

// Init starts the countdown and focuses the answer.
func (r *roundScreen) Init() tea.Cmd {
	return tea.Batch(r.clock.Start(), r.fields[stageAnswer].Focus())
}

func (r *roundScreen) field() field.Field {
	if r.stage >= stageHint {
		return nil
	}
	return r.fields[r.stage]
}

func (r *roundScreen) Update(msg tea.Msg) tea.Cmd {
	k := r.deps.keys
	switch msg := msg.(type) {
	case countdown.TickMsg:
		cmd, out := r.clock.Update(msg)
		if out {
			r.status = "time's up: finish your sentence, then tab"
		}
		return cmd
	case draftTickMsg:
		if msg.id == r.entry.ID && msg.seq == r.draftSeq && r.capture() {
			return r.deps.savePractice(r.entry)
		}
		return nil
	case hintRenderedMsg:
		if msg.round == r.entry.ID && msg.key == r.hintKey {
			r.hintView = msg.text
		}
		return nil
	case tea.PasteMsg:
		if f := r.field(); f != nil {
			return tea.Batch(f.Update(msg), r.typed())
		}
		return nil
	case tea.KeyPressMsg:
		r.status = ""
		if r.stage == stageHint {
			return r.hintKeyPress(msg)
		}
		f := r.field()
		switch {
		case key.Matches(msg, k.Next):
			return r.move(+1)
		case key.Matches(msg, k.Prev):
			return r.move(-1)
		case key.Matches(msg, k.Enter) && !f.Multiline():
			return r.move(+1)
		case key.Matches(msg, k.Pause) && r.stage == stageAnswer:
			return r.clock.Toggle()
		case key.Matches(msg, k.Home):
			r.capture()
			r.data.record(r.entry) // to carry on if the question is chosen again
			r.goTo(exit{to: practicePage})
			return r.deps.savePractice(r.entry)
		}
		return tea.Batch(f.Update(msg), r.typed())
	}
	return nil
}

func (r *roundScreen) hintKeyPress(msg tea.KeyPressMsg) tea.Cmd {
	k := r.deps.keys
	switch {
	case key.Matches(msg, k.Enter):
		for _, c := range r.data.queue(r.tag, r.deps.now()) {
			if c.Question.Key != r.entry.Question.Key {
				q := c.Question
				r.goTo(exit{to: roundPage, question: &q})
				return nil
			}
		}
		r.goTo(exit{to: practicePage})
	case key.Matches(msg, k.Home):
		r.goTo(exit{to: practicePage})
	case key.Matches(msg, k.QuitHome):
		return tea.Quit
	}
	return nil
}

// typed schedules a save of the unfinished round for when typing pauses.
func (r *roundScreen) typed() tea.Cmd { return r.deps.whenTypingPauses(r.entry.ID, &r.draftSeq) }

// capture keeps what the fields hold in the entry. It reports whether the
// entry changed.
func (r *roundScreen) capture() bool {
	now := r.deps.now()
	changed := r.entry.SetAnswer(r.text(stageAnswer), r.clock.Used(), r.clock.TimedOut(), now)
	rating := 0 // the rating counts once the user has moved past it
	if r.stage > stageRating {
		rating, _ = strconv.Atoi(r.text(stageRating))
	}
	if r.entry.SetReview(coach.Review{
		WentWell: r.text(stageWell),
		DoBetter: r.text(stageBetter),
		Rubric:   r.rubric(),
		Rating:   rating,
	}, now) {
		changed = true
	}
	return changed
}

func (r *roundScreen) text(stage int) string { return r.fields[stage].Answer().Text }

// rubric is the ticked criteria, as the rubric's IDs.
func (r *roundScreen) rubric() []string {
	ticked := r.fields[stageRubric].Answer().Items
	var ids []string
	if r.deps.bank != nil {
		for _, c := range r.deps.bank.Rubric {
			if slices.Contains(ticked, c.Label) {
				ids = append(ids, c.ID)
			}
		}
	}
	return ids
}

// move goes to the next (+1) or previous (-1) stage, saving what changed.
// Leaving the rating moves to the hint: the round is reviewed and saved.
func (r *roundScreen) move(dir int) tea.Cmd {
	to := r.stage + dir
	if to < stageAnswer {
		return nil
	}
	if r.stage == stageRating && dir > 0 && r.fields[stageRating].Answer().Text == "" {
		r.status = "choose a rating from 1 to 5"
		return nil
	}
	r.draftSeq++
	r.field().Blur()
	if r.stage == stageAnswer {
		r.clock.Stop()
	}
	r.stage = to
	changed := r.capture()
	var cmds []tea.Cmd
	switch {
	case to == stageHint:
		r.data.record(r.entry)
		cmds = append(cmds, r.render(r.hintKey))
	case to == stageRating:
		if !r.rating.Chosen() {
			met, of := len(r.rubric()), 0
			if r.deps.bank != nil {
				of = len(r.deps.bank.Rubric)
			}
			r.rating.Choose(coach.SuggestRating(met, of) - 1)
		}
		cmds = append(cmds, r.field().Focus())
	default:
		cmds = append(cmds, r.field().Focus())
	}
	if changed && !r.entry.IsEmpty() {
		cmds = append(cmds, r.deps.savePractice(r.entry))
	}
	r.layout()
	return tea.Batch(cmds...)
}

// render renders the hint for k, in a command.
func (r *roundScreen) render(k markdown.Key) tea.Cmd {
	r.hintKey = k
	if r.stage != stageHint || k.Width < 1 {
		return nil
	}
	id, md := r.entry.ID, r.hint
	return func() tea.Msg {
		text, err := markdown.Render(k, md)
		if err != nil {
			text = coach.Inert(md)
		}
		return hintRenderedMsg{round: id, key: k, text: text}
	}
}

// pending is the round to save before a quit, with what is typed.
func (r *roundScreen) pending() *coach.Practice {
	r.capture()
	return r.entry
}

func (r *roundScreen) Title() string {
	return "Practice · " + [...]string{"answer", "what went well", "do better", "rubric", "rating", "hint"}[r.stage]
}

func (r *roundScreen) Status() string { return r.status }

func (r *roundScreen) SetSize(w, h int) {
	r.width, r.height = w, h
	r.layout()
}

// ShortHelp fits 60 columns: shift+tab (back a stage) is in the README and
// the full help.
func (r *roundScreen) ShortHelp() []key.Binding {
	k := r.deps.keys
	if r.stage == stageHint {
		return []key.Binding{withHelp(k.Enter, "enter", "next question"), withHelp(k.Home, "esc", "queue"), k.QuitHome}
	}
	b := []key.Binding{withHelp(k.Next, "tab", "next")}
	switch r.stage {
	case stageAnswer:
		b[0] = withHelp(k.Next, "tab", "done")
		if !r.clock.Off() && !r.clock.TimedOut() {
			b = append(b, k.Pause)
		}
	case stageRubric:
		b = append(b, withHelp(k.Toggle, "↑/↓ space", "tick"))
	case stageRating:
		b = append(b, withHelp(k.Up, "←/→ 1-5", "rate"))
	}
	return append(b, withHelp(k.Home, "esc", "queue"), withHelp(k.Quit, "ctrl+c", "quit"))
}

func (r *roundScreen) FullHelp() [][]key.Binding {
	k := r.deps.keys
	return [][]key.Binding{r.ShortHelp(), {withHelp(k.Prev, "shift+tab", "back a step")}}
}

// shows reports whether the round on screen is round id.
func (r *roundScreen) shows(id string) bool { return r.entry.ID == id }

// Suspend pauses the countdown for the time away.
func (r *roundScreen) Suspend() { r.clock.Suspend() }

// Resume carries on the countdown that Suspend paused.
func (r *roundScreen) Resume() tea.Cmd { return r.clock.Resume() }

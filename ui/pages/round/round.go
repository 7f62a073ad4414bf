// Package round is one practice round: the answer against the countdown,
// the self-review rubric, the rating and the hint.
package round

import (
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/markdown"
	"github.com/rebound-coach/rebound/ui/widgets/countdown"
	"github.com/rebound-coach/rebound/ui/widgets/field"
)

// A round goes through these stages, one prompt at a time as the guided
// flow does: the answer (with the countdown), the self-review in three
// parts, the rating, and last the hint on what a good answer shows. The hint
// comes after the self-review so that it cannot colour it.
const (
	StageAnswer = iota
	stageWell
	stageBetter
	StageRubric
	StageRating
	StageHint
)

// roundPrompts are the prompts of a round's stages, up to the rating. The
// rubric's options and the rating's are filled in by newRoundScreen.
var roundPrompts = [StageHint]content.Prompt{
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

// Page is one round of practice.
type Page struct {
	deps   *common.Context
	data   *common.PracticeData
	entry  *coach.Practice
	stage  int
	fields [StageHint]field.Field
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
	common.Exits
}

// New shows entry, a new round or one carried on (from.prev),
// opened for changes by the root (Model.editRound).
func New(d *common.Context, from common.RoundStart, entry *coach.Practice, hintKey markdown.Key) *Page {
	data, carried, tag := from.Data, from.Prev != nil, from.Tag
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
	r := &Page{deps: d, data: data, tag: tag, entry: entry, status: status, hintKey: hintKey,
		clock: countdown.New(timer, used, d.Clock)}
	prompts := roundPrompts
	var labels, ticked []string
	if d.Bank != nil {
		for _, c := range d.Bank.Rubric {
			labels = append(labels, c.Label)
			if slices.Contains(entry.Rubric, c.ID) {
				ticked = append(ticked, c.Label)
			}
		}
	}
	prompts[StageRubric].Options = labels
	start := [StageHint]coach.Answer{{Text: entry.Answer}, {Text: entry.WentWell}, {Text: entry.DoBetter}, {Items: ticked}}
	for i := range StageRubric {
		r.fields[i] = field.New(prompts[i], start[i], nil, &d.Styles, d.Keys.Field, d.Now())
	}
	r.checks = field.NewChecklist(prompts[StageRubric], start[StageRubric], &d.Styles, d.Keys.Field)
	r.rating = field.NewChoice(prompts[StageRating], "", d.Keys.Field)
	r.fields[StageRubric], r.fields[StageRating] = r.checks, r.rating
	r.hint = coach.QuestionHint(d.Bank, q)
	return r
}

// Init starts the countdown and focuses the answer.
func (r *Page) Init() tea.Cmd {
	return tea.Batch(r.clock.Start(), r.fields[StageAnswer].Focus())
}

func (r *Page) field() field.Field {
	if r.stage >= StageHint {
		return nil
	}
	return r.fields[r.stage]
}

func (r *Page) Update(msg tea.Msg) tea.Cmd {
	k := r.deps.Keys
	switch msg := msg.(type) {
	case countdown.TickMsg:
		cmd, out := r.clock.Update(msg)
		if out {
			r.status = "time's up: finish your sentence, then tab"
		}
		return cmd
	case common.DraftTickMsg:
		if msg.ID == r.entry.ID && msg.Seq == r.draftSeq && r.capture() {
			return r.deps.SavePractice(r.entry)
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
		if r.stage == StageHint {
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
		case key.Matches(msg, k.Pause) && r.stage == StageAnswer:
			return r.clock.Toggle()
		case key.Matches(msg, k.Home):
			r.capture()
			r.data.Record(r.entry) // to carry on if the question is chosen again
			r.GoTo(common.Exit{To: common.Practice})
			return r.deps.SavePractice(r.entry)
		}
		return tea.Batch(f.Update(msg), r.typed())
	}
	return nil
}

func (r *Page) hintKeyPress(msg tea.KeyPressMsg) tea.Cmd {
	k := r.deps.Keys
	switch {
	case key.Matches(msg, k.Enter):
		for _, c := range r.data.Queue(r.tag, r.deps.Now()) {
			if c.Question.Key != r.entry.Question.Key {
				q := c.Question
				r.GoTo(common.Exit{To: common.Round, Question: &q})
				return nil
			}
		}
		r.GoTo(common.Exit{To: common.Practice})
	case key.Matches(msg, k.Home):
		r.GoTo(common.Exit{To: common.Practice})
	case key.Matches(msg, k.QuitHome):
		return tea.Quit
	}
	return nil
}

// typed schedules a save of the unfinished round for when typing pauses.
func (r *Page) typed() tea.Cmd { return r.deps.WhenTypingPauses(r.entry.ID, &r.draftSeq) }

// capture keeps what the fields hold in the entry. It reports whether the
// entry changed.
func (r *Page) capture() bool {
	now := r.deps.Now()
	changed := r.entry.SetAnswer(r.text(StageAnswer), r.clock.Used(), r.clock.TimedOut(), now)
	rating := 0 // the rating counts once the user has moved past it
	if r.stage > StageRating {
		rating, _ = strconv.Atoi(r.text(StageRating))
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

func (r *Page) text(stage int) string { return r.fields[stage].Answer().Text }

// rubric is the ticked criteria, as the rubric's IDs.
func (r *Page) rubric() []string {
	ticked := r.fields[StageRubric].Answer().Items
	var ids []string
	if r.deps.Bank != nil {
		for _, c := range r.deps.Bank.Rubric {
			if slices.Contains(ticked, c.Label) {
				ids = append(ids, c.ID)
			}
		}
	}
	return ids
}

// move goes to the next (+1) or previous (-1) stage, saving what changed.
// Leaving the rating moves to the hint: the round is reviewed and saved.
func (r *Page) move(dir int) tea.Cmd {
	to := r.stage + dir
	if to < StageAnswer {
		return nil
	}
	if r.stage == StageRating && dir > 0 && r.fields[StageRating].Answer().Text == "" {
		r.status = "choose a rating from 1 to 5"
		return nil
	}
	r.draftSeq++
	r.field().Blur()
	if r.stage == StageAnswer {
		r.clock.Stop()
	}
	r.stage = to
	changed := r.capture()
	var cmds []tea.Cmd
	switch {
	case to == StageHint:
		r.data.Record(r.entry)
		cmds = append(cmds, r.Render(r.hintKey))
	case to == StageRating:
		if !r.rating.Chosen() {
			met, of := len(r.rubric()), 0
			if r.deps.Bank != nil {
				of = len(r.deps.Bank.Rubric)
			}
			r.rating.Choose(coach.SuggestRating(met, of) - 1)
		}
		cmds = append(cmds, r.field().Focus())
	default:
		cmds = append(cmds, r.field().Focus())
	}
	if changed && !r.entry.IsEmpty() {
		cmds = append(cmds, r.deps.SavePractice(r.entry))
	}
	r.layout()
	return tea.Batch(cmds...)
}

// Render renders the hint for k, in a command.
func (r *Page) Render(k markdown.Key) tea.Cmd {
	r.hintKey = k
	if r.stage != StageHint || k.Width < 1 {
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

// Pending is the round to save before a quit, with what is typed.
func (r *Page) Pending() (*coach.Session, *coach.Practice) { return nil, r.pending() }

// pending keeps what is typed in the round and returns it.
func (r *Page) pending() *coach.Practice {
	r.capture()
	return r.entry
}

func (r *Page) Title() string {
	return "Practice · " + [...]string{"answer", "what went well", "do better", "rubric", "rating", "hint"}[r.stage]
}

func (r *Page) Status() string { return r.status }

func (r *Page) SetSize(w, h int) {
	r.width, r.height = w, h
	r.layout()
}

// ShortHelp fits 60 columns: shift+tab (back a stage) is in the README and
// the full help.
func (r *Page) ShortHelp() []key.Binding {
	k := r.deps.Keys
	if r.stage == StageHint {
		return []key.Binding{k.Round.NextQuestion, k.Round.Queue, k.QuitHome}
	}
	b := []key.Binding{k.Round.Next}
	switch r.stage {
	case StageAnswer:
		b[0] = k.Round.Done
		switch {
		case r.clock.Off() || r.clock.TimedOut():
		case r.clock.Running():
			b = append(b, k.Round.Pause)
		default:
			b = append(b, k.Round.CarryOn)
		}
	case StageRubric:
		b = append(b, k.Round.Tick)
	case StageRating:
		b = append(b, k.Round.Rate)
	}
	return append(b, k.Round.Queue, k.Round.Quit)
}

func (r *Page) FullHelp() [][]key.Binding {
	k := r.deps.Keys
	return [][]key.Binding{r.ShortHelp(), {k.Round.BackAStep}}
}

// Shows reports whether the round on screen is round id.
func (r *Page) Shows(id string) bool { return r.entry.ID == id }

// Suspend pauses the countdown for the time away.
func (r *Page) Suspend() { r.clock.Suspend() }

// Resume carries on the countdown that Suspend paused.
func (r *Page) Resume() tea.Cmd { return r.clock.Resume() }

// Package flow is the guided session: the check-in, the five steps a prompt
// at a time with their tips, and the notes and questions between them.
package flow

import (
	"strconv"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/widgets/countdown"
	"github.com/rebound-coach/rebound/ui/widgets/field"
)

// Page walks one session through the guided flow: a section at a time,
// a field for each of its prompts.
type Page struct {
	walk *coach.Walk
	deps *common.Context
	// showAll is whether the footer shows every key (? toggles it).
	showAll bool
	fields  []field.Field
	secID   string // the section the fields belong to

	tip     viewport.Model
	tipView string // tip.View(), redrawn by redrawTip whenever the tip changes
	width   int
	height  int
	status  string // "Copied", shown in the header until the next key
	// askedSave is set by ctrl+s until its save reports back.
	askedSave bool
	draftSeq  int
	// editing is the one prompt being edited from the opened session: on
	// leaving it, the flow goes back there instead of on to the next prompt.
	editing string
	// Interlude is the low-mood note or the choice of depth, shown after
	// the check-in; depth is the choice under the cursor.
	interlude Interlude
	depth     int
	// name is the line that asks whose name signs the letters (signName).
	name *field.Text
	// plan is the if-then plan of the newest other session, which the
	// check-in shows in one quiet line.
	plan string
	// promptHeight is the prompt's height when the tip was last fitted.
	promptHeight int
	// clock is the optional countdown of a prompt whose advice names a
	// time, practice's countdown reused; timerOwner is the prompt it
	// belongs to, "" on a prompt without one (see followTimer).
	clock      countdown.Model
	timerOwner string
	common.Exits
}

// New walks a session from where it stopped or, with editing set
// to a prompt ID, edits just that answer.
func New(d *common.Context, s *coach.Session, editing string) *Page {
	f := &Page{walk: coach.NewWalk(d.Flow, s), deps: d, tip: viewport.New()}
	if editing != "" && f.walk.Visit(editing) {
		f.editing = editing
	}
	f.tip.KeyMap = viewport.KeyMap{} // keys meant for a field must never scroll the tip
	f.tip.SoftWrap = false
	f.tip.MouseWheelEnabled = false
	f.buildSection()
	if f.asksName() { // a session left on its draft before the name was asked
		f.startSignName()
	}
	return f
}

func (f *Page) Session() *coach.Session { return f.walk.Session() }

// buildSection makes the fields of the current section from what the session
// holds, drafts first.
func (f *Page) buildSection() {
	sec := f.walk.Section()
	f.secID = sec.ID
	f.fields = make([]field.Field, len(sec.Prompts))
	now := f.deps.Now()
	for i, p := range sec.Prompts {
		a := f.Session().Current(p.ID)
		if a.IsZero() {
			a = f.offer(p)
		}
		f.fields[i] = field.New(p, a, f.Session(), &f.deps.Styles, f.deps.Keys.Field, now)
	}
	f.tip.SetContent(f.deps.Tips[sec.ID])
	f.tip.GotoTop()
	f.redrawTip()
	f.followTimer()
	f.Layout()
}

// offer is what an unanswered prompt starts with: for the evidence against
// the thought that hurts, how far the application got, which the thought
// leaves out; a line to keep or delete. Nothing is stored until it is.
//
// The draft starts as the letter rebound writes from the answers so far,
// signed with the name in the settings.
func (f *Page) offer(p content.Prompt) coach.Answer {
	if p.Kind == content.Draft {
		return coach.Answer{Text: coach.DraftRequest(f.Session(), f.deps.Settings.Name)}
	}
	if p.ID != coach.PromptEvidenceAgainst {
		return coach.Answer{}
	}
	if ev := f.deps.Flow.StageEvidence(f.Session().Intake.Stage); ev != "" {
		return coach.Answer{Items: []string{ev}}
	}
	return coach.Answer{}
}

// refresh rebuilds the focused field while its prompt is unanswered, so
// that what it starts with counts what was answered since the section
// opened: the draft greets the interviewer just named, and the follow-up
// falls a week after the send date just chosen.
func (f *Page) refresh() {
	if p := f.walk.Prompt(); f.Session().Current(p.ID).IsZero() {
		f.fields[f.focused()] = field.New(p, f.offer(p), f.Session(), &f.deps.Styles, f.deps.Keys.Field, f.deps.Now())
	}
	f.followTimer()
	f.Layout()
}

// focused is the index of the current prompt within its section.
func (f *Page) focused() int {
	id := f.walk.Prompt().ID
	for i, p := range f.walk.Section().Prompts {
		if p.ID == id {
			return i
		}
	}
	return 0
}

func (f *Page) Field() field.Field { return f.fields[f.focused()] }

// Init focuses the current field, or the name asked before the draft.
func (f *Page) Init() tea.Cmd {
	if f.interlude == SignName {
		return f.name.Focus()
	}
	return f.Field().Focus()
}

func (f *Page) SetSize(w, h int) {
	f.width, f.height = w, h
	f.Layout()
}

// SetTips is called when tips have been rendered for the current width.
func (f *Page) SetTips() {
	off := f.tip.YOffset()
	f.tip.SetContent(f.deps.Tips[f.secID])
	f.tip.SetYOffset(off)
	f.redrawTip()
}

func (f *Page) isForm() bool { return f.walk.Section().Step == 0 }

func (f *Page) Update(msg tea.Msg) tea.Cmd {
	keys := f.deps.Keys
	switch msg := msg.(type) {
	case lastPlanMsg:
		f.plan = msg.plan
		return nil
	case countdown.TickMsg:
		return f.timerTick(msg)
	case common.DraftTickMsg:
		if msg.ID == f.Session().ID && msg.Seq == f.draftSeq && f.captureDraft() {
			return f.deps.Save(f.Session())
		}
		return nil
	case tea.PasteMsg:
		if f.interlude != NoInterlude {
			return f.updateInterlude(msg)
		}
		return tea.Batch(f.Field().Update(msg), f.typed())
	case tea.KeyPressMsg:
		f.status = ""
		if f.interlude != NoInterlude {
			return f.updateInterlude(msg)
		}
		switch {
		case key.Matches(msg, keys.Next):
			return f.move(+1)
		case key.Matches(msg, keys.Prev):
			return f.move(-1)
		case key.Matches(msg, keys.Enter) && !f.Field().Multiline():
			if cmd, stay := f.Field().Next(); stay {
				return cmd
			}
			return f.move(+1)
		case key.Matches(msg, keys.Pause) && f.timed():
			// A ctrl key, as in a practice round: letters are for typing.
			return f.toggleTimer()
		case key.Matches(msg, keys.Save):
			f.captureDraft()
			f.askedSave = true // confirmed when the save comes back
			return f.deps.Save(f.Session())
		case key.Matches(msg, keys.Home):
			if f.editing != "" {
				return f.move(0)
			}
			f.captureDraft()
			f.GoTo(common.Exit{To: common.Home})
			return f.deps.Save(f.Session())
		case key.Matches(msg, keys.PageUp):
			f.tip.PageUp()
			f.redrawTip()
			return nil
		case key.Matches(msg, keys.PageDown):
			f.tip.PageDown()
			f.redrawTip()
			return nil
		case key.Matches(msg, keys.Copy):
			if f.walk.Prompt().Kind == content.Draft {
				f.status = "copied the message"
				return tea.SetClipboard(f.Field().Answer().Text)
			}
			return nil
		case key.Matches(msg, keys.Help) && !f.Field().Typing():
			f.showAll = !f.showAll
			f.Layout()
			return nil
		}
		was := f.Field().Error()
		cmd := f.Field().Update(msg)
		if now := f.Field().Error(); errorText(now) != errorText(was) {
			f.fitPrompt() // the error under the field came, went or changed
		}
		return tea.Batch(cmd, f.typed())
	}
	return f.Field().Update(msg)
}

// errorText is err's sentence, or "" for none.
func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// typed schedules a draft save for when typing pauses.
func (f *Page) typed() tea.Cmd { return f.deps.WhenTypingPauses(f.Session().ID, &f.draftSeq) }

// Pending keeps the unfinished answer in the session and returns it, before
// a quit or a suspend.
func (f *Page) Pending() (*coach.Session, *coach.Practice) {
	f.captureDraft()
	return f.Session(), nil
}

// captureDraft keeps the focused field's unfinished value in the session. It
// reports whether the session changed. Nothing is kept while an interlude
// is shown: its prompt is one the user has not seen yet (the draft, before
// the name that signs it), or one already stored (the check-in).
func (f *Page) captureDraft() bool {
	if f.interlude != NoInterlude {
		return false
	}
	return f.Session().SetDraft(f.walk.Prompt().ID, f.Field().Answer(), f.deps.Now())
}

// commit stores the focused field's answer. It reports whether the session changed.
func (f *Page) commit() bool {
	return f.Session().Set(f.walk.Prompt().ID, f.Field().Answer(), f.deps.Now())
}

// move commits the current answer and goes to the next (+1) or previous (-1)
// prompt, across sections; past the last prompt the session is complete.
// When editing one answer, any move goes back to the opened session.
func (f *Page) move(dir int) tea.Cmd {
	if dir >= 0 && f.Field().Validate() != nil {
		return nil // the error under the date says what to write
	}
	f.draftSeq++ // a pending draft tick is now stale
	changed := f.commit()
	now := f.deps.Now()
	f.Field().Blur()
	if dir > 0 && f.afterCheckIn() {
		f.startInterlude()
		if changed {
			return f.deps.Save(f.Session())
		}
		return nil
	}
	if f.editing != "" {
		f.GoTo(common.Exit{To: common.Session, Session: f.Session()})
		if changed {
			return f.deps.Save(f.Session())
		}
		return nil
	}
	if dir > 0 {
		if f.walk.Next(now) {
			f.GoTo(common.Exit{To: common.Summary})
			return f.deps.Save(f.Session())
		}
		changed = true
	} else if f.walk.Back(now) {
		changed = true
	}
	return f.arrive(changed, dir > 0)
}

// back goes to the previous prompt without storing the current one: from
// the question of the name, whose draft has not been shown yet.
func (f *Page) back() tea.Cmd {
	return f.arrive(f.walk.Back(f.deps.Now()), false)
}

// arrive builds and focuses the prompt the walk has moved to, saving the
// session when changed. Coming forward to the first draft, whose name
// signs it is asked first.
func (f *Page) arrive(changed, forward bool) tea.Cmd {
	if f.walk.Section().ID != f.secID {
		f.buildSection()
	} else {
		f.refresh()
	}
	if f.Field().Typing() {
		f.showAll = false // "?" is a character here: it could not close it
	}
	var cmds []tea.Cmd
	if forward && f.asksName() {
		cmds = append(cmds, f.startSignName())
	} else {
		cmds = append(cmds, f.Field().Focus())
	}
	if changed {
		cmds = append(cmds, f.deps.Save(f.Session()))
	}
	return tea.Batch(cmds...)
}

// Status is a short note for the header, such as "copied the message".
func (f *Page) Status() string { return f.status }

// Title is the progress line: "Step 2 of 5 · Don't take it personally".
func (f *Page) Title() string {
	step, steps, title := f.walk.Progress()
	switch {
	case f.editing != "":
		return "Editing · " + title
	case step == 0:
		return title
	}
	return "Step " + strconv.Itoa(step) + " of " + strconv.Itoa(steps) + " · " + title
}

var _ help.KeyMap = (*Page)(nil)

// Note shows a note in the header until the next key.
func (f *Page) Note(s string) { f.status = s }

// Saved confirms a ctrl+s of this session once its save has landed.
func (f *Page) Saved(id string, err error) {
	if f.askedSave && id == f.Session().ID {
		f.askedSave = false
		if err == nil {
			f.status = "saved"
		}
	}
}

// Suspend pauses the timed prompt's countdown for the time away.
func (f *Page) Suspend() { f.clock.Suspend() }

// Resume carries on the countdown that Suspend paused.
func (f *Page) Resume() tea.Cmd { return f.clock.Resume() }

// ShowsAll is whether the footer shows every key: ? toggles it.
func (f *Page) ShowsAll() bool { return f.showAll }

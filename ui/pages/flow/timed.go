package flow

import (
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/widgets/countdown"
)

// promptTimer is the countdown the prompt id of sec offers, and the prompt
// that owns it: a prompt whose timer is content.TimerContinue shares the
// countdown of the prompt before it, so that the ten minutes of
// self-feedback run across both of its lists. No owner is no countdown.
func promptTimer(sec content.Section, id string) (owner string, limit time.Duration) {
	i := slices.IndexFunc(sec.Prompts, func(p content.Prompt) bool { return p.ID == id })
	if i < 0 {
		return "", 0
	}
	for i > 0 && sec.Prompts[i].Timer == content.TimerContinue {
		i--
	}
	if d := sec.Prompts[i].TimerLength(); d > 0 {
		return sec.Prompts[i].ID, d
	}
	return "", 0
}

// followTimer gives the focused prompt its countdown, after a move: the
// same one on a prompt that continues it, none on a prompt without a timer,
// and on any other timed prompt a new one that waits for its key. A new
// countdown has a new timer id: the ticks of the one left behind, still
// on their way, are ignored, and schedule no more.
func (f *Page) followTimer() {
	owner, limit := promptTimer(f.walk.Section(), f.walk.Prompt().ID)
	if owner == f.timerOwner && (owner == "" || f.clock.Limit() == limit) {
		return
	}
	f.timerOwner = owner
	f.clock = countdown.New(limit, 0, f.deps.Clock)
}

// timed reports whether the focused prompt offers a countdown.
func (f *Page) timed() bool { return f.timerOwner != "" && !f.clock.Off() }

// toggleTimer starts, stops or carries on the countdown of a timed prompt.
func (f *Page) toggleTimer() tea.Cmd {
	if !f.timed() {
		return nil
	}
	cmd := f.clock.Toggle()
	f.fitPrompt()
	return cmd
}

// timerTick takes one second of the countdown; a stale tick does nothing.
// At zero the line under the field says so, and nothing else happens: the
// user writes on, and moves when they choose.
func (f *Page) timerTick(msg countdown.TickMsg) tea.Cmd {
	if !f.timed() {
		return nil
	}
	cmd, out := f.clock.Update(msg)
	if out {
		f.fitPrompt()
	}
	return cmd
}

// fitPrompt lays the screen out again when the prompt's height changed, as
// the countdown's line may when it wraps on a narrow screen.
func (f *Page) fitPrompt() {
	if !f.isForm() && lipgloss.Height(f.promptView()) != f.promptHeight {
		f.Layout()
	}
}

// timerKey is the countdown's key with what it does now, for the footer;
// ok is false where it does nothing.
func (f *Page) timerKey() (b key.Binding, ok bool) {
	if !f.timed() || f.clock.TimedOut() {
		return b, false
	}
	k := f.deps.Keys.Flow
	switch {
	case f.clock.Running():
		return k.TimerStop, true
	case f.clock.Used() > 0:
		return k.TimerCarryOn, true
	}
	return k.TimerStart, true
}

// timerLine is the quiet line under a timed prompt's field: the offer, the
// time left, or that the time is up.
func (f *Page) timerLine() string {
	c := &f.clock
	k := f.deps.Keys.Pause.Help().Key
	minutes := int(c.Limit() / time.Minute)
	switch {
	case c.TimedOut():
		return "That was " + coach.Plural(minutes, "minute") + ". Write on if you like; nothing moves until you do."
	case c.Running():
		return c.View() + " · " + k + " stops it"
	case c.Used() > 0:
		return c.View() + " · " + k + " carries on"
	}
	return k + " starts a " + strconv.Itoa(minutes) + "-minute countdown, if it helps"
}

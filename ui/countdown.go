package ui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/timer"
	tea "charm.land/bubbletea/v2"
)

// DefaultTimer is the countdown of a practice round: about what an
// interviewer expects an answer to take.
const DefaultTimer = 2 * time.Minute

// clock schedules msg after d: tea.Tick in the app. Model tests pass a
// manual clock that fires only when the test says so, so the countdown is
// tested second by second without waiting.
type clock func(d time.Duration, msg func() tea.Msg) tea.Cmd

func realClock(d time.Duration, msg func() tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg() })
}

// countdownTickMsg is one second of a countdown. gen tells a tick scheduled
// before a pause from the one scheduled on resuming: only the newest counts,
// so pausing and resuming quickly never makes the clock run twice as fast.
type countdownTickMsg struct{ id, gen int }

// countdown is the round's optional timer: bubbles' timer keeps the time
// left and whether it runs; the ticks come from the clock, so that tests
// can drive them. A zero limit is no timer at all.
type countdown struct {
	timer timer.Model
	limit time.Duration
	gen   int
	clock clock
	// away is set while the program is suspended (ctrl+z) with the
	// countdown paused by it: time away is not time spent answering.
	away bool
}

// newCountdown is a countdown of limit that has run for used already (a
// round carried on).
func newCountdown(limit, used time.Duration, c clock) countdown {
	// bubbles' timer starts out running; the countdown waits for Start.
	return countdown{timer: stopped(timer.New(limit - min(used, limit))), limit: limit, clock: c}
}

// Off reports whether the round has no timer.
func (c *countdown) Off() bool { return c.limit <= 0 }

// Start starts the countdown.
func (c *countdown) Start() tea.Cmd {
	if c.Off() || c.timer.Timedout() {
		return nil
	}
	c.timer, _ = c.timer.Update(c.timer.Start()())
	return c.schedule()
}

func (c *countdown) schedule() tea.Cmd {
	c.gen++
	id, gen := c.timer.ID(), c.gen
	return c.clock(c.timer.Interval, func() tea.Msg { return countdownTickMsg{id, gen} })
}

// Toggle pauses or resumes.
func (c *countdown) Toggle() tea.Cmd {
	if c.Off() || c.timer.Timedout() {
		return nil
	}
	if c.timer.Running() {
		c.gen++ // the tick already scheduled is now stale
		c.timer = stopped(c.timer)
		return nil
	}
	return c.Start()
}

// Running reports whether the countdown is counting down now.
func (c *countdown) Running() bool { return !c.Off() && c.timer.Running() }

// Suspend pauses a running countdown before the program is suspended.
func (c *countdown) Suspend() {
	if c.Running() {
		c.Toggle()
		c.away = true
	}
}

// Resume starts the countdown that Suspend paused, once the program is back.
func (c *countdown) Resume() tea.Cmd {
	if !c.away {
		return nil
	}
	c.away = false
	return c.Start()
}

// Stop freezes the countdown where it is: the answer is in.
func (c *countdown) Stop() {
	c.gen++
	c.timer = stopped(c.timer)
}

// stopped is t paused. bubbles' timer changes its running state only in
// Update, on the message its Start and Stop commands return; they are run
// here at once, since they only make that message.
func stopped(t timer.Model) timer.Model {
	t, _ = t.Update(t.Stop()())
	return t
}

// Update takes one tick. It reports whether this tick ran the time out. The
// command bubbles' timer returns (its own real-time tick) is not used: the
// next tick comes from the clock.
func (c *countdown) Update(msg tea.Msg) (tea.Cmd, bool) {
	tick, ok := msg.(countdownTickMsg)
	if !ok || tick.id != c.timer.ID() || tick.gen != c.gen || !c.timer.Running() {
		return nil, false
	}
	c.timer, _ = c.timer.Update(timer.TickMsg{ID: c.timer.ID()})
	if c.timer.Timedout() {
		return nil, true
	}
	return c.schedule(), false
}

// Used is how long the countdown has run.
func (c *countdown) Used() time.Duration {
	if c.Off() {
		return 0
	}
	return c.limit - max(0, c.timer.Timeout)
}

// TimedOut reports whether the time ran out.
func (c *countdown) TimedOut() bool { return !c.Off() && c.timer.Timedout() }

// View is "1:42 left", "paused at 1:42", "time's up" or "no timer".
func (c *countdown) View() string {
	switch {
	case c.Off():
		return "no timer"
	case c.timer.Timedout():
		return "time's up"
	case !c.timer.Running():
		return "paused · " + clockTime(c.timer.Timeout) + " left"
	}
	return clockTime(c.timer.Timeout) + " left"
}

// clockTime is a duration as m:ss.
func clockTime(d time.Duration) string {
	s := int(max(0, d.Round(time.Second)) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

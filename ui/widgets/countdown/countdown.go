// Package countdown is the optional timer of a practice round and of a timed
// prompt: the time left, whether it runs, and ticks from a clock that tests
// can drive.
package countdown

import (
	"fmt"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Default is the countdown of a practice round: about what an interviewer
// expects an answer to take.
const Default = 2 * time.Minute

// interval is how often the time left changes on screen.
const interval = time.Second

// Clock schedules msg after d: tea.Tick in the app. Model tests pass a
// manual clock that fires only when the test says so, so the countdown is
// tested second by second without waiting.
type Clock func(d time.Duration, msg func() tea.Msg) tea.Cmd

// RealClock is the clock of the running program.
func RealClock(d time.Duration, msg func() tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg() })
}

// TickMsg is one second of a countdown. id tells one countdown's ticks from
// another's; gen tells a tick scheduled before a pause from the one
// scheduled on resuming: only the newest counts, so pausing and resuming
// quickly never makes the clock run twice as fast.
type TickMsg struct{ id, gen int64 }

var lastID atomic.Int64

// Model holds the time left as a duration; it counts down only while
// running. A zero limit is no timer at all.
type Model struct {
	limit, left time.Duration
	running     bool
	id, gen     int64
	clock       Clock
	// away is set while the program is suspended (ctrl+z) with the
	// countdown paused by it: time away is not time spent answering.
	away bool
}

// New is a countdown of limit that has run for used already (a round
// carried on). It waits for Start.
func New(limit, used time.Duration, c Clock) Model {
	return Model{limit: limit, left: limit - min(used, limit), id: lastID.Add(1), clock: c}
}

// Off reports whether there is no timer.
func (c *Model) Off() bool { return c.limit <= 0 }

// TimedOut reports whether the time ran out.
func (c *Model) TimedOut() bool { return !c.Off() && c.left <= 0 }

// Running reports whether the countdown is counting down now.
func (c *Model) Running() bool { return c.running }

// Start starts the countdown.
func (c *Model) Start() tea.Cmd {
	if c.Off() || c.TimedOut() || c.running {
		return nil
	}
	c.running = true
	return c.schedule()
}

func (c *Model) schedule() tea.Cmd {
	c.gen++
	id, gen := c.id, c.gen
	return c.clock(interval, func() tea.Msg { return TickMsg{id, gen} })
}

// Toggle pauses or resumes.
func (c *Model) Toggle() tea.Cmd {
	if c.running {
		c.Stop()
		return nil
	}
	return c.Start()
}

// Suspend pauses a running countdown before the program is suspended.
func (c *Model) Suspend() {
	if c.running {
		c.Stop()
		c.away = true
	}
}

// Resume starts the countdown that Suspend paused, once the program is back.
func (c *Model) Resume() tea.Cmd {
	if !c.away {
		return nil
	}
	c.away = false
	return c.Start()
}

// Stop freezes the countdown where it is; the tick already scheduled is
// then stale.
func (c *Model) Stop() {
	c.gen++
	c.running = false
}

// Update takes one tick. It reports whether this tick ran the time out.
func (c *Model) Update(msg tea.Msg) (tea.Cmd, bool) {
	tick, ok := msg.(TickMsg)
	if !ok || tick.id != c.id || tick.gen != c.gen || !c.running {
		return nil, false
	}
	c.left = max(0, c.left-interval)
	if c.left == 0 {
		c.running = false
		return nil, true
	}
	return c.schedule(), false
}

// Used is how long the countdown has run.
func (c *Model) Used() time.Duration {
	if c.Off() {
		return 0
	}
	return c.limit - c.left
}

// Limit is the whole countdown: zero for none.
func (c *Model) Limit() time.Duration { return c.limit }

// View is "1:42 left", "paused · 1:42 left", "time's up" or "no timer".
func (c *Model) View() string {
	switch {
	case c.Off():
		return "no timer"
	case c.TimedOut():
		return "time's up"
	case !c.running:
		return "paused · " + Clocked(c.left) + " left"
	}
	return Clocked(c.left) + " left"
}

// Clocked is a duration as m:ss.
func Clocked(d time.Duration) string {
	s := int(max(0, d.Round(time.Second)) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

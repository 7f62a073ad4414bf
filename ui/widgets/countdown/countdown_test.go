package countdown

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// ticks is a clock that keeps what it was asked to deliver, for the test to
// deliver when it says.
type ticks struct{ pending []func() tea.Msg }

func (t *ticks) after(_ time.Duration, msg func() tea.Msg) tea.Cmd {
	t.pending = append(t.pending, msg)
	return nil
}

// fire delivers every tick scheduled so far, stale ones included.
func (t *ticks) fire(c *Model) (timedOut bool) {
	due := t.pending
	t.pending = nil
	for _, msg := range due {
		_, out := c.Update(msg())
		timedOut = timedOut || out
	}
	return timedOut
}

func TestCountdown(t *testing.T) {
	tests := []struct {
		name     string
		limit    time.Duration
		used     time.Duration
		run      func(c *Model, clock *ticks)
		wantUsed time.Duration
		wantView string
	}{
		{name: "off", limit: 0, run: func(c *Model, k *ticks) { c.Start(); k.fire(c) }, wantView: "no timer"},
		{name: "waits for start", limit: time.Minute, run: func(c *Model, k *ticks) { k.fire(c) }, wantView: "paused · 1:00 left"},
		{name: "three seconds", limit: time.Minute, run: func(c *Model, k *ticks) {
			c.Start()
			for range 3 {
				k.fire(c)
			}
		}, wantUsed: 3 * time.Second, wantView: "0:57 left"},
		{name: "a pause makes the scheduled tick stale", limit: time.Minute, run: func(c *Model, k *ticks) {
			c.Start()
			c.Toggle()
			c.Toggle() // two ticks pending now: only the newest counts
			k.fire(c)
		}, wantUsed: time.Second, wantView: "0:59 left"},
		{name: "carried on", limit: time.Minute, used: 50 * time.Second, run: func(c *Model, k *ticks) {
			c.Start()
			for range 20 {
				k.fire(c)
			}
		}, wantUsed: time.Minute, wantView: "time's up"},
		{name: "suspended and back", limit: time.Minute, run: func(c *Model, k *ticks) {
			c.Start()
			c.Suspend()
			k.fire(c) // time away
			c.Resume()
			k.fire(c)
		}, wantUsed: time.Second, wantView: "0:59 left"},
		{name: "resume without suspend does not start", limit: time.Minute, run: func(c *Model, k *ticks) {
			c.Resume()
			k.fire(c)
		}, wantView: "paused · 1:00 left"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := &ticks{}
			c := New(tt.limit, tt.used, k.after)
			tt.run(&c, k)
			if got := c.Used(); got != tt.wantUsed {
				t.Errorf("used %v, want %v", got, tt.wantUsed)
			}
			if got := c.View(); got != tt.wantView {
				t.Errorf("view %q, want %q", got, tt.wantView)
			}
		})
	}
}

// TestTicksOfAnotherCountdown: a tick scheduled by one countdown does not
// move another, as when the focus moves from one timed prompt to the next.
func TestTicksOfAnotherCountdown(t *testing.T) {
	k := &ticks{}
	a, b := New(time.Minute, 0, k.after), New(time.Minute, 0, k.after)
	a.Start()
	b.Start()
	msg := k.pending[0]()
	if _, out := b.Update(msg); out || b.Used() != 0 {
		t.Errorf("b took a's tick: used %v", b.Used())
	}
	if out := k.fire(&a); out || a.Used() != time.Second {
		t.Errorf("a used %v, want 1s", a.Used())
	}
}

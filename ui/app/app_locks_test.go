package app

import (
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestLockQueueKeepsUpdatesOrder: whatever order the commands run in, and
// whether or not each one runs, the operations happen in the order they
// were asked for, and each command returns its own operation's message.
func TestLockQueueKeepsUpdatesOrder(t *testing.T) {
	for _, c := range []struct {
		name string
		run  []int // which commands run, in which order
		want []int // the operations done, in order
	}{
		{"in order", []int{0, 1, 2}, []int{0, 1, 2}},
		{"backwards", []int{2, 1, 0}, []int{0, 1, 2}},
		{"the last alone", []int{2}, []int{0, 1, 2}},
		{"the first alone", []int{0}, []int{0}},
		{"the middle, then the first", []int{1, 0}, []int{0, 1}},
		{"none", nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var l locks
			var done []int
			cmds := make([]tea.Cmd, 3)
			for i := range cmds {
				cmds[i] = l.do(func() tea.Msg { done = append(done, i); return i })
			}
			for _, i := range c.run {
				if got := cmds[i](); got != i {
					t.Errorf("command %d returned %v", i, got)
				}
			}
			if !slices.Equal(done, c.want) {
				t.Errorf("done %v, want %v", done, c.want)
			}
		})
	}
}

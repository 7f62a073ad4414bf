package coach

import (
	"time"

	"github.com/rebound-coach/rebound/content"
)

// Walk is the guided flow's state machine: where a session is, and how it
// moves. It changes only the session's Position and Status; answers are set
// through Session.Set.
type Walk struct {
	flow     *content.Flow
	session  *Session
	sec, prm int
}

// NewWalk places a walk at the session's saved position, or at the first
// prompt when the position is empty or names a prompt the flow no longer has.
func NewWalk(flow *content.Flow, s *Session) *Walk {
	w := &Walk{flow: flow, session: s}
	if sec, prm, ok := flow.Prompt(s.Position); ok {
		w.sec, w.prm = sec, prm
	}
	s.Position = w.Prompt().ID // a stale position is not worth a save of its own
	return w
}

// Session is the session being walked.
func (w *Walk) Session() *Session { return w.session }

// Section is the section of the current prompt.
func (w *Walk) Section() content.Section { return w.flow.Sections[w.sec] }

// Prompt is the current prompt.
func (w *Walk) Prompt() content.Prompt { return w.flow.Sections[w.sec].Prompts[w.prm] }

// Done reports whether the session is complete.
func (w *Walk) Done() bool { return w.session.Status == Complete }

// IsFirst reports whether the walk is at the flow's very first prompt.
func (w *Walk) IsFirst() bool { return w.sec == 0 && w.prm == 0 }

// Next moves to the next prompt, across section boundaries. From the last
// prompt it completes the session and reports true.
func (w *Walk) Next(now time.Time) (finished bool) {
	switch {
	case w.prm+1 < len(w.flow.Sections[w.sec].Prompts):
		w.prm++
	case w.sec+1 < len(w.flow.Sections):
		w.sec, w.prm = w.sec+1, 0
	default:
		if w.session.Status != Complete {
			w.session.Status = Complete
			w.session.touch(now)
		}
		return true
	}
	w.moved(now)
	return false
}

// Back moves to the previous prompt: from a section's first prompt to the
// previous section's last. It reports false at the very first prompt.
func (w *Walk) Back(now time.Time) bool {
	switch {
	case w.prm > 0:
		w.prm--
	case w.sec > 0:
		w.sec--
		w.prm = len(w.flow.Sections[w.sec].Prompts) - 1
	default:
		return false
	}
	w.moved(now)
	return true
}

// Jump moves to a prompt by ID, for editing one answer; it reports false for
// an unknown ID.
func (w *Walk) Jump(id string, now time.Time) bool {
	sec, prm, ok := w.flow.Prompt(id)
	if !ok {
		return false
	}
	w.sec, w.prm = sec, prm
	w.moved(now)
	return true
}

// Visit moves to a prompt by ID to edit its answer from outside the guided
// flow: unlike Jump it leaves the session's resume position (and so its last
// change time) alone. It reports false for an unknown ID.
func (w *Walk) Visit(id string) bool {
	sec, prm, ok := w.flow.Prompt(id)
	if ok {
		w.sec, w.prm = sec, prm
	}
	return ok
}

func (w *Walk) moved(now time.Time) {
	id := w.Prompt().ID
	if w.session.Position != id {
		w.session.Position = id
		w.session.touch(now)
	}
}

// Progress describes where the walk is for the progress line: the coaching
// step number (0 outside the five steps), how many steps there are, and the
// section title.
func (w *Walk) Progress() (step, steps int, title string) {
	s := w.Section()
	return s.Step, w.flow.Steps(), s.Title
}

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
// prompt it asks (see Asks) when the position is empty or names a prompt
// the flow no longer has. A saved position is kept even if it would not be
// asked now: it is where the user left off.
func NewWalk(flow *content.Flow, s *Session) *Walk {
	w := &Walk{flow: flow, session: s}
	if sec, prm, ok := flow.Prompt(s.Position); ok {
		w.sec, w.prm = sec, prm
	} else if sec, prm, ok := w.find(0, -1, +1); ok {
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

// IsFirst reports whether the walk is at the first prompt it asks: Back
// would go nowhere.
func (w *Walk) IsFirst() bool {
	_, _, ok := w.find(w.sec, w.prm, -1)
	return !ok
}

// Asks reports whether the walk stops at a prompt: the session's depth
// holds it (content.Flow.Path) and its condition holds for the answers so
// far (Session.Applies). Next and Back pass over the others; Jump and
// Visit go anywhere.
func (w *Walk) Asks(p content.Prompt) bool {
	return w.flow.InPath(w.session.Depth, p.ID) && w.session.Applies(p)
}

// find looks from (sec, prm), exclusive, in direction dir (+1 or -1) for
// the next prompt the walk asks.
func (w *Walk) find(sec, prm, dir int) (int, int, bool) {
	for {
		prm += dir
		for prm < 0 || prm >= len(w.flow.Sections[sec].Prompts) {
			sec += dir
			if sec < 0 || sec >= len(w.flow.Sections) {
				return 0, 0, false
			}
			prm = 0
			if dir < 0 {
				prm = len(w.flow.Sections[sec].Prompts) - 1
			}
		}
		if w.Asks(w.flow.Sections[sec].Prompts[prm]) {
			return sec, prm, true
		}
	}
}

// Next moves to the next prompt the walk asks, across section boundaries.
// From the last one it completes the session and reports true.
func (w *Walk) Next(now time.Time) (finished bool) {
	sec, prm, ok := w.find(w.sec, w.prm, +1)
	if !ok {
		if w.session.Status != Complete {
			w.session.Status = Complete
			w.session.touch(now)
		}
		return true
	}
	w.sec, w.prm = sec, prm
	w.moved(now)
	return false
}

// Back moves to the previous prompt the walk asks: from a section's first
// to the previous section's last. It reports false at the first one.
func (w *Walk) Back(now time.Time) bool {
	sec, prm, ok := w.find(w.sec, w.prm, -1)
	if !ok {
		return false
	}
	w.sec, w.prm = sec, prm
	w.moved(now)
	return true
}

// SetDepth records how much of the flow the session walks: the choice
// after the check-in, or "the rest of this session" from its summary. It
// does not move the walk; it reports whether anything changed.
func (w *Walk) SetDepth(d content.Depth, now time.Time) bool {
	if d == content.Whole {
		d = "" // what sessions saved before depths hold
	}
	if w.session.Depth == d {
		return false
	}
	w.session.Depth = d
	w.session.touch(now)
	return true
}

// Reopen takes a session up again from the first prompt its depth asks,
// in progress even if it was complete: the rest of a ten-minute session
// fills the same file. It reports false, and changes nothing, when there
// is no prompt left to ask.
func (w *Walk) Reopen(now time.Time) bool {
	sec, prm, ok := w.find(0, -1, +1)
	if !ok {
		return false
	}
	w.sec, w.prm = sec, prm
	if w.session.Status != InProgress {
		w.session.Status = InProgress
		w.session.touch(now)
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

// RestLeft is how many prompts "the rest of this session" still offers: the
// prompts a complete ten-minute session skipped. It is 0 for any other.
func RestLeft(flow *content.Flow, s *Session) int {
	if s == nil || s.Depth != content.TenMinutes || s.Status != Complete {
		return 0
	}
	return len(Unanswered(flow, s, content.Rest))
}

// GoDeeper takes a complete ten-minute session up again at the first prompt
// it skipped, in progress again, so that answering fills the same file. It
// returns the walk there, or false, changing nothing, when nothing is left.
func GoDeeper(flow *content.Flow, s *Session, now time.Time) (*Walk, bool) {
	if RestLeft(flow, s) == 0 {
		return nil, false
	}
	w := NewWalk(flow, s)
	w.SetDepth(content.Rest, now)
	return w, w.Reopen(now) // RestLeft found a prompt: Reopen finds it too
}

// Unanswered lists, in flow order, the prompts of a depth that apply to
// the session and hold no answer yet: what "the rest of this session"
// still offers after the ten minutes (content.Rest), or what a session
// left open would ask.
func Unanswered(flow *content.Flow, s *Session, d content.Depth) []string {
	var ids []string
	for _, id := range flow.Path(d) {
		sec, prm, _ := flow.Prompt(id)
		if p := flow.Sections[sec].Prompts[prm]; s.Applies(p) && s.Get(id).IsZero() {
			ids = append(ids, id)
		}
	}
	return ids
}

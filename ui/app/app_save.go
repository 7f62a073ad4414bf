package app

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
)

// checkedMsg reports whether the data dir can be written, checked at start.
type checkedMsg struct{ err error }

// savedMsg reports a finished save of session (the live one, not the
// snapshot written), so that a failed save can keep it in memory.
type savedMsg struct {
	id      string
	session *coach.Session
	err     error
	at      time.Time
}

// saver is the root's common.Saver. It keeps, by ID, what has a save still
// running (saving): a quit that comes before the save (esc, then q straight
// away) writes it synchronously, since a command still running when the
// program ends never finishes. unsavedPractice holds, by ID, the rounds
// whose last save failed, as Context.Unsaved does sessions.
type saver struct {
	store           *coach.Store
	now             func() time.Time
	saving          map[string]*inflight
	unsavedPractice map[string]*coach.Practice
}

func newSaver(store *coach.Store, now func() time.Time) *saver {
	return &saver{store: store, now: now, saving: map[string]*inflight{}, unsavedPractice: map[string]*coach.Practice{}}
}

// SavePractice returns a command that writes a snapshot of a practice
// round, as save does for a session. A round with nothing in it is not saved.
func (d *saver) SavePractice(p *coach.Practice) tea.Cmd {
	if p.IsEmpty() {
		return nil
	}
	d.started(coach.PracticeKey(p.ID), &inflight{practice: p})
	snap, store, at := p.Clone(), d.store, d.now()
	return func() tea.Msg {
		return practiceSavedMsg{entry: p, err: store.SavePractice(snap), at: at}
	}
}

// inflight is a session or a practice round with saves running, and how
// many.
type inflight struct {
	n        int
	session  *coach.Session
	practice *coach.Practice
}

func (d *saver) started(id string, f *inflight) {
	if cur := d.saving[id]; cur != nil {
		f.n = cur.n
	}
	f.n++
	d.saving[id] = f
}

// finished is called as each save reports back.
func (d *saver) finished(id string) {
	if f := d.saving[id]; f != nil {
		if f.n--; f.n <= 0 {
			delete(d.saving, id)
		}
	}
}

// Save returns a command that writes a snapshot of the session. The snapshot
// is taken now, so later changes cannot race with the write; the store drops
// a snapshot older than one already written. An untouched new session is not
// saved: opening and leaving at once leaves no file behind.
func (d *saver) Save(s *coach.Session) tea.Cmd {
	if s.IsEmpty() {
		return nil
	}
	d.started(s.ID, &inflight{session: s})
	snap, store, at := s.Clone(), d.store, d.now()
	return func() tea.Msg {
		err := store.Save(snap)
		return savedMsg{id: snap.ID, session: s, err: err, at: at}
	}
}

// ExitFilter is a tea.WithFilter: when the program is about to end for any
// reason (a quit key, SIGTERM, SIGINT, a hung-up terminal), it writes the
// session on screen, unfinished answer included, before the program stops.
// The write is synchronous on purpose: no command runs after the quit. It
// does the same just before a suspend (ctrl+z), since a stopped process may
// never be continued: the shell can exit, or kill -9 it.
func ExitFilter(model tea.Model, msg tea.Msg) tea.Msg {
	switch msg.(type) {
	case tea.QuitMsg, tea.InterruptMsg, tea.SuspendMsg:
		if m, ok := model.(*Model); ok {
			m.saveBeforeExit()
		}
	}
	return msg
}

func (m *Model) saveBeforeExit() {
	sessions := map[string]*coach.Session{}
	rounds := map[string]*coach.Practice{}
	for id, f := range m.saves.saving {
		if f.session != nil {
			sessions[id] = f.session
		} else {
			rounds[id] = f.practice
		}
	}
	if p := m.pendingPractice(); p != nil {
		rounds[coach.PracticeKey(p.ID)] = p
	}
	if s := m.pending(); s != nil {
		sessions[s.ID] = s
	}
	// The store drops a snapshot older than one already written, so one
	// whose save did finish after all is not written back over it.
	for _, p := range rounds {
		if p.IsEmpty() {
			continue
		}
		if err := m.deps.Store.SavePractice(p.Clone()); err != nil {
			m.saves.unsavedPractice[p.ID] = p
		}
	}
	for _, s := range sessions {
		if s.IsEmpty() {
			continue
		}
		if err := m.deps.Store.Save(s.Clone()); err != nil {
			m.deps.Unsaved[s.ID] = s
		}
	}
}

// pendingPractice is the practice round on screen, with what is typed in
// it, or nil.
func (m *Model) pendingPractice() *coach.Practice {
	if p, ok := m.current().(common.Pending); ok {
		_, r := p.Pending()
		return r
	}
	return nil
}

// pending keeps what is typed but not yet stored (an unfinished answer, a
// feedback form) in the session on screen, and returns that session: the
// one to save before a quit or a suspend. It is nil on screens that hold no
// session.
func (m *Model) pending() *coach.Session {
	if p, ok := m.current().(common.Pending); ok {
		s, _ := p.Pending()
		return s
	}
	return nil
}

// Unsaved returns the sessions whose last save failed, so that main can hand
// them to the user instead of losing them.
func (m *Model) Unsaved() []*coach.Session {
	var out []*coach.Session
	for _, s := range m.deps.Unsaved {
		if !s.IsEmpty() {
			out = append(out, s)
		}
	}
	return out
}

// UnsavedPractice returns the practice rounds whose last save failed.
func (m *Model) UnsavedPractice() []*coach.Practice {
	var out []*coach.Practice
	for _, p := range m.saves.unsavedPractice {
		if !p.IsEmpty() {
			out = append(out, p)
		}
	}
	return out
}

// saveNow keeps the unfinished answer as a draft and saves, before a quit or
// a suspend.
func (m *Model) saveNow() tea.Cmd {
	if p := m.pendingPractice(); p != nil {
		if m.saveErr != nil {
			m.saves.unsavedPractice[p.ID] = p
		}
		return m.deps.SavePractice(p)
	}
	s := m.pending()
	if s == nil {
		return nil
	}
	if m.saveErr != nil { // likely to fail again: keep it in memory now
		m.deps.Unsaved[s.ID] = s
	}
	return m.deps.Save(s)
}

// practiceSavedMsg reports a finished save of a practice round.
type practiceSavedMsg struct {
	entry *coach.Practice // the live entry, kept in memory if the save failed
	err   error
	at    time.Time
}

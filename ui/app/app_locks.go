package app

import (
	"errors"
	"io/fs"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
)

// Locks are taken and let go of in commands, never in Update: a lock is a
// file (coach/lock.go), and opening a session for changes reads it from
// disk. The commands run one after another, in the order Update asked for
// them (letting go of the session left before taking the one opened, even
// when it is the same one), whatever order Bubble Tea runs them in.
//
// While a lock is on its way the screen left stays on show, and the keys
// typed meanwhile wait (waiting) for the screen opened: they reach it as
// they would have reached it had it opened at once.

// locks is that queue. Each command runs every operation asked for before
// its own, then its own, so a command Bubble Tea never runs (the program
// quit first) holds no other one up.
type locks struct {
	mu      sync.Mutex // guards queue
	queue   []*lockOp
	running sync.Mutex // one operation at a time; guards each op's done and msg
}

type lockOp struct {
	run  func() tea.Msg
	done bool
	msg  tea.Msg
}

// do returns the command that runs op in its turn.
func (l *locks) do(op func() tea.Msg) tea.Cmd {
	o := &lockOp{run: op}
	l.mu.Lock()
	l.queue = append(l.queue, o)
	l.mu.Unlock()
	return func() tea.Msg {
		l.running.Lock()
		defer l.running.Unlock()
		for !o.done {
			l.mu.Lock()
			next := l.queue[0]
			l.queue = l.queue[1:]
			l.mu.Unlock()
			next.msg, next.done = next.run(), true
		}
		return o.msg
	}
}

// unlock lets go of key's lock in its turn.
func (l *locks) unlock(store *coach.Store, key string) tea.Cmd {
	return l.do(func() tea.Msg { store.Unlock(key); return nil })
}

// holdOnly makes key (a session ID, or coach.PracticeKey of a round) the
// one this window holds the lock of, and returns the command that lets go
// of the one it held before, unless a save of it is still running: then the
// last save's message lets go (see onSaved), so that another copy never
// reads it before that save. It takes no new lock: lock does.
func (m *Model) holdOnly(key string) tea.Cmd {
	old := m.held
	m.held = key
	if old == key || old == "" || m.saves.saving[old] != nil {
		return nil
	}
	return m.locks.unlock(m.deps.Store, old)
}

// lockedMsg is what opening e's session or round for changes found (see
// editSession and editRound); from is the screen it was asked from.
type lockedMsg struct {
	e     common.Exit
	from  common.Page
	start common.RoundStart // a round's, as the queue had it when asked
	got   locked
}

// locked is the session or round to show (the one asked for, or the copy
// on disk now) and key, the lock now held for it; or note, why it is
// read-only here; or gone, why it cannot be shown at all (its file has gone
// since home or Past sessions listed it). err is a lock that could not be
// taken for a new one (no data directory, or no locks folder): it goes on
// in memory, and the banner says why; on quit it is handed over.
type locked struct {
	session    *coach.Session
	round      *coach.Practice
	key        string
	note, gone string
	err        error
}

// lock opens e for changes in a command (op, in the lock queue), and holds
// the keys typed until it is back. keep is a lock held now that op goes on
// holding (the session on screen, opened again); any other is let go first.
func (m *Model) lock(msg lockedMsg, keep string, op func(*coach.Store) locked) tea.Cmd {
	var release tea.Cmd
	if m.held != keep || keep == "" {
		release = m.holdOnly("")
	}
	m.opening = true
	store := m.deps.Store
	take := m.locks.do(func() tea.Msg {
		msg.got = op(store)
		return msg
	})
	return tea.Sequence(release, take)
}

// editSession opens session id for changes: sess itself when this window
// holds it already or it is new, or else the copy on disk at this moment
// (taking the lock and reading the file are one step, coach.Store.Edit).
func editSession(store *coach.Store, sess *coach.Session, id string) locked {
	if sess != nil && store.Holds(sess) {
		return locked{session: sess, key: id}
	}
	if sess != nil {
		switch err := store.Claim(sess); {
		case err == nil:
			return locked{session: sess, key: id}
		case errors.Is(err, coach.ErrGone):
			return locked{gone: goneNote(err)}
		case !errors.Is(err, coach.ErrExists):
			return locked{session: sess, err: err}
		}
	}
	sess, err := store.Edit(id)
	if err == nil {
		return locked{session: sess, key: id}
	}
	if note := coach.ReadOnly(err); note != "" {
		return locked{note: note}
	}
	return locked{gone: goneNote(err)}
}

// goneNote says why a session listed a moment ago cannot be opened.
func goneNote(err error) string {
	if errors.Is(err, coach.ErrGone) || errors.Is(err, fs.ErrNotExist) {
		return "That session is no longer on disk (deleted or moved away meanwhile)."
	}
	return "That session cannot be opened: " + coach.Inert(common.Reason(err)) + "."
}

// editRound opens a practice round for changes: the unfinished round prev
// as it is on disk now, or a new one on q.
func editRound(store *coach.Store, prev *coach.Practice, q coach.Question, timer time.Duration, now time.Time) locked {
	if prev == nil {
		entry := coach.NewPractice(q, timer, now)
		if err := store.ClaimPractice(entry); err != nil {
			if note := coach.ReadOnly(err); note != "" {
				return locked{note: note}
			}
			return locked{round: entry, err: err}
		}
		return locked{round: entry, key: coach.PracticeKey(entry.ID)}
	}
	entry, err := store.EditPractice(prev.ID)
	if err != nil {
		if note := coach.ReadOnly(err); note != "" {
			return locked{note: note}
		}
		return locked{note: "That round cannot be carried on: " + coach.Inert(common.Reason(err)) + "."}
	}
	return locked{round: entry, key: coach.PracticeKey(entry.ID)}
}

// onLocked opens the screen a lock was taken for, then hands it the keys
// typed while the lock was on its way.
func (m *Model) onLocked(msg lockedMsg) tea.Cmd {
	m.opening = false
	got := msg.got
	if got.err != nil {
		m.saveErr = got.err
	}
	m.held = got.key
	var cmd tea.Cmd
	switch msg.e.To {
	case common.Flow:
		cmd = m.showFlow(msg.e, got)
	case common.Session:
		cmd = m.showSession(msg.e, msg.from, got)
	case common.Round:
		cmd = m.showRound(msg.start, got)
	}
	m.resize()
	return tea.Batch(cmd, m.replay())
}

// replay hands the keys that waited for a lock to the screen now on show,
// until one of them opens a screen that waits for a lock in turn.
func (m *Model) replay() tea.Cmd {
	var cmds []tea.Cmd
	for len(m.waiting) > 0 && !m.opening {
		msg := m.waiting[0]
		m.waiting = m.waiting[1:]
		cmds = append(cmds, m.update(msg))
		m.resize()
	}
	return tea.Batch(cmds...)
}

package app

import (
	"errors"
	"io/fs"
	"time"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
)

// holdOnly makes key (a session ID, or coach.PracticeKey of a round) the one this
// window holds the lock of, letting go of the one it held before once its
// last save has landed, so that another copy never reads it before that
// save. It takes no new lock: edit and editRound do.
func (m *Model) holdOnly(key string) {
	if old := m.held; old != key {
		m.held = ""
		if old != "" && m.saves.saving[old] == nil {
			m.deps.Store.Unlock(old)
		}
	}
	m.held = key
}

// edit opens session id for changes: sess itself when this window holds it
// already or it is new, or else the copy on disk at this moment (taking the
// lock and reading the file are one step, coach.Store.Edit). Otherwise note
// is why it is read-only here, or gone why it cannot be shown at all (its
// file has gone since home or Past sessions listed it).
func (m *Model) edit(sess *coach.Session, id string) (edited *coach.Session, note, gone string) {
	store := m.deps.Store
	if sess != nil && store.Holds(sess) {
		m.holdOnly(id)
		return sess, "", ""
	}
	m.holdOnly("")
	if sess != nil {
		switch err := store.Claim(sess); {
		case err == nil:
			m.holdOnly(id)
			return sess, "", ""
		case errors.Is(err, coach.ErrGone):
			return nil, "", goneNote(err)
		case !errors.Is(err, coach.ErrExists):
			// A new session that cannot be locked (no data directory, or
			// no locks folder): it goes on in memory, and the banner says
			// why; on quit it is handed over.
			m.saveErr = err
			return sess, "", ""
		}
	}
	sess, err := store.Edit(id)
	if err == nil {
		m.holdOnly(id)
		return sess, "", ""
	}
	if note := coach.ReadOnly(err); note != "" {
		return nil, note, ""
	}
	return nil, "", goneNote(err)
}

// goneNote says why a session listed a moment ago cannot be opened.
func goneNote(err error) string {
	if errors.Is(err, coach.ErrGone) || errors.Is(err, fs.ErrNotExist) {
		return "That session is no longer on disk (deleted or moved away meanwhile)."
	}
	return "That session cannot be opened: " + coach.Inert(common.Reason(err)) + "."
}

// editRound opens a practice round for changes: the unfinished round on q
// as it is on disk now, or a new one. note, when it cannot be, says why.
func (m *Model) editRound(prev *coach.Practice, q coach.Question, timer time.Duration) (*coach.Practice, string) {
	store := m.deps.Store
	m.holdOnly("")
	if prev == nil {
		entry := coach.NewPractice(q, timer, m.deps.Now())
		if err := store.ClaimPractice(entry); err != nil {
			if note := coach.ReadOnly(err); note != "" {
				return nil, note
			}
			m.saveErr = err // no data directory: the round goes on in memory
			return entry, ""
		}
		m.holdOnly(coach.PracticeKey(entry.ID))
		return entry, ""
	}
	entry, err := store.EditPractice(prev.ID)
	if err != nil {
		if note := coach.ReadOnly(err); note != "" {
			return nil, note
		}
		return nil, "That round cannot be carried on: " + coach.Inert(common.Reason(err)) + "."
	}
	m.holdOnly(coach.PracticeKey(entry.ID))
	return entry, ""
}

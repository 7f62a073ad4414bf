package coach

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// A copy of rebound may change a session or a practice round only while it
// holds the round's or session's lock (lock.go), and only the copy it read
// from disk when it took that lock. The two are one step, Edit (or Claim,
// for one that is not on disk yet), which hands out a lease: a number kept
// in the value and in the store. Save and SavePractice write a value only
// while its lease is the one the store holds, so no screen can write what
// it did not lock: not a read-only screen on its way out, not a session
// listed before another copy changed it, not one left or deleted since.
// This is enforced here, where saving happens, and not screen by screen.

var (
	// ErrInUse is Edit's or Claim's answer when another copy of rebound has
	// the session or round open.
	ErrInUse = errors.New("open in another rebound window")
	// ErrNotHeld is a save of a value that was not opened for changes here
	// (Edit or Claim), or whose lock has been let go since.
	ErrNotHeld = errors.New("not open for changes in this window, so not saved")
	// ErrGone is a save of a session or round whose file was removed from
	// disk after it was opened: it is not written back.
	ErrGone = errors.New("its file is no longer on disk (deleted or moved away), so it is not saved back")
	// ErrExists is Claim of a session or round that is on disk already (or
	// in the trash): existing ones are opened with Edit.
	ErrExists = errors.New("already on disk")
)

// ReadOnly is the one sentence for a session or round that Edit or Claim
// could not open for changes because of err: why it is read-only in this
// window, and what to do. It is "" for an error of another kind.
func ReadOnly(err error) string {
	if le, ok := errors.AsType[*LockError](err); ok {
		return le.Sentence()
	}
	return ""
}

// anyLease, passed to write, is a caller that holds the lock itself.
const anyLease = ^uint64(0)

// Edit takes the lock of session id and reads it from disk in one step:
// what is edited is what is on disk at that moment. The session it returns
// can be saved until Unlock. With ErrInUse or a *LockError the session is
// open read-only here: Load it to show it.
func (s *Store) Edit(id string) (*Session, error) {
	if !validID(id) {
		return nil, fmt.Errorf("edit session %q: the id is not a valid session id", id)
	}
	lease, err := s.lease(id)
	if err != nil {
		return nil, fmt.Errorf("edit session %s: %w", id, err)
	}
	sess, err := s.Load(id)
	if err != nil {
		s.Unlock(id)
		return nil, err
	}
	sess.lease = lease
	s.onDisk(id)
	return sess, nil
}

// Claim takes the lock for sess, a new session not yet on disk, and lets it
// be saved until Unlock. A session whose file exists, or is in the trash,
// is refused with ErrExists: it is opened with Edit.
func (s *Store) Claim(sess *Session) error {
	if sess == nil || !validID(sess.ID) {
		return errors.New("claim session: not a valid session")
	}
	if s.Holds(sess) {
		return nil
	}
	for _, path := range []string{s.Path(sess.ID), s.TrashPath(sess.ID)} {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("claim session %s: %w", sess.ID, ErrExists)
		}
	}
	if sess.read { // read from a file that has gone since
		return fmt.Errorf("claim session %s: %w", sess.ID, ErrGone)
	}
	lease, err := s.lease(sess.ID)
	if err != nil {
		return fmt.Errorf("claim session %s: %w", sess.ID, err)
	}
	sess.lease = lease
	return nil
}

// EditPractice is Edit for a practice round.
func (s *Store) EditPractice(id string) (*Practice, error) {
	if !validID(id) {
		return nil, fmt.Errorf("edit practice %q: the id is not a valid id", id)
	}
	key := PracticeKey(id)
	lease, err := s.lease(key)
	if err != nil {
		return nil, fmt.Errorf("edit practice %s: %w", id, err)
	}
	p, err := s.LoadPractice(id)
	if err != nil {
		s.Unlock(key)
		return nil, err
	}
	p.lease = lease
	s.onDisk(key)
	return p, nil
}

// ClaimPractice is Claim for a new practice round.
func (s *Store) ClaimPractice(p *Practice) error {
	if p == nil || !validID(p.ID) {
		return errors.New("claim practice: not a valid round")
	}
	if s.HoldsPractice(p) {
		return nil
	}
	if _, err := os.Lstat(s.PracticePath(p.ID)); err == nil {
		return fmt.Errorf("claim practice %s: %w", p.ID, ErrExists)
	}
	if p.read {
		return fmt.Errorf("claim practice %s: %w", p.ID, ErrGone)
	}
	lease, err := s.lease(PracticeKey(p.ID))
	if err != nil {
		return fmt.Errorf("claim practice %s: %w", p.ID, err)
	}
	p.lease = lease
	return nil
}

// Holds reports whether sess can be saved: it was opened with Edit or
// Claim here, and its lock is still held.
func (s *Store) Holds(sess *Session) bool { return sess != nil && s.holds(sess.ID, sess.lease) }

// HoldsPractice is Holds for a practice round.
func (s *Store) HoldsPractice(p *Practice) bool {
	return p != nil && s.holds(PracticeKey(p.ID), p.lease)
}

func (s *Store) holds(key string, lease uint64) bool {
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	h := s.locks.held[key]
	return lease != 0 && h != nil && h.lease == lease && !h.dropped
}

// lease takes key's lock, if this store does not hold it yet, and hands
// out a new lease on it: a value handed out before can no longer be saved.
func (s *Store) lease(key string) (uint64, error) {
	ok, err := s.Lock(key)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, &LockError{Key: key, Dir: s.locksDir(), Err: ErrInUse}
	}
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	s.locks.leases++
	h := s.locks.held[key]
	h.lease, h.dropped, h.onDisk = s.locks.leases, false, false
	return h.lease, nil
}

// onDisk notes that key's file exists: from now on a save does not create
// it again if it goes.
func (s *Store) onDisk(key string) {
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	if h := s.locks.held[key]; h != nil {
		h.onDisk = true
	}
}

// mayWrite says whether a value with lease may be written to path under
// key: nil, ErrNotHeld, ErrGone, or errDropped (a session deleted here,
// whose late saves are dropped without a word). The caller holds s.mu.
func (s *Store) mayWrite(key string, lease uint64, path string) error {
	if lease == anyLease {
		return nil
	}
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	h := s.locks.held[key]
	switch {
	case h != nil && h.dropped:
		return errDropped
	case lease == 0 || h == nil || h.lease != lease:
		return ErrNotHeld
	}
	if _, err := os.Lstat(path); h.onDisk && errors.Is(err, fs.ErrNotExist) {
		return ErrGone
	}
	return nil
}

// errDropped is a late save of a session deleted in this window.
var errDropped = errors.New("deleted")

// wrote notes a write of key's file.
func (s *Store) wrote(key string) { s.onDisk(key) }

// Overwrite saves sess whatever is on disk, taking its lock for the moment
// if this store does not hold it: for tests that lay out a data directory
// and for tools. It still refuses a session another copy has open. The app
// never calls it (TestAppSavesOnlyWhatItHolds checks the source).
func (s *Store) Overwrite(sess *Session) error {
	if sess == nil || !validID(sess.ID) {
		return s.save(sess, anyLease) // which says what is wrong
	}
	return s.overwrite(sess.ID, func() error { return s.save(sess, anyLease) })
}

// OverwritePractice is Overwrite for a practice round.
func (s *Store) OverwritePractice(p *Practice) error {
	if p == nil || !validID(p.ID) {
		return s.savePractice(p, anyLease)
	}
	return s.overwrite(PracticeKey(p.ID), func() error { return s.savePractice(p, anyLease) })
}

func (s *Store) overwrite(key string, save func() error) error {
	s.locks.mu.Lock()
	had := s.locks.held[key] != nil
	s.locks.mu.Unlock()
	if !had {
		what := "save session " + key
		if id, ok := strings.CutPrefix(key, "practice/"); ok {
			what = "save practice " + id
		}
		ok, err := s.Lock(key)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if !ok {
			return fmt.Errorf("%s: %w", what, ErrInUse)
		}
		defer s.Unlock(key)
	}
	return save()
}

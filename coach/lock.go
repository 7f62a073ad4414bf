package coach

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"
)

// Two copies of rebound may run at once, in two terminal windows. Each file
// is replaced whole on every save, so two copies editing one session would
// each overwrite the other's answers. A copy therefore holds a lock on each
// session it has open for writing, and another copy opens that session
// read-only.
//
// The lock is on a separate file, locks/<kind>.<id>.lock, not on the
// session file: a save renames a new file over the old one, so a lock on the
// old file would be left on a file no longer in use. The locks are advisory
// (flock on Unix, LockFileEx on Windows), and the system drops them when the
// process ends, however it ends, so a crash never leaves a session locked.
//
// A lock file is removed when its lock is let go, while still held; a copy
// that opened the old file meanwhile then finds, once it has the lock, that
// the path no longer names the file it locked, and tries again. (Windows
// cannot remove an open file; there lock files stay, empty.)

// lockSet is the locks a store holds.
type lockSet struct {
	mu   sync.Mutex
	held map[string]*held
	// leases counts the leases handed out, so that each is new.
	leases uint64
}

// held is one lock a store holds, and the lease that goes with it (see
// lease.go): 0 until Edit or Claim hands the lock's value out.
type held struct {
	file  *flock.Flock
	lease uint64
	// onDisk is set once the file is known to exist (read by Edit, or
	// written since): from then on a save never creates it again.
	onDisk bool
	// dropped is set by Delete: saves still on their way are dropped.
	dropped bool
}

// locksDir is where the lock files live.
func (s *Store) locksDir() string { return filepath.Join(s.dir, "locks") }

// Lock takes the lock for key (a session ID, or "practice/" and a round's
// ID) without waiting. It reports false when another copy of rebound holds
// it; a store that already holds it gets true again. An error means the
// lock could not be tried at all (the data directory cannot be written, so
// nothing could be saved either).
func (s *Store) Lock(key string) (bool, error) {
	name, err := lockName(key)
	if err != nil {
		return false, err
	}
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	if s.locks.held[key] != nil {
		return true, nil
	}
	l, err := s.tryLock(filepath.Join(s.locksDir(), name))
	if err != nil {
		return false, &LockError{Key: key, Dir: s.locksDir(), Err: err}
	}
	if l == nil {
		return false, nil
	}
	if s.locks.held == nil {
		s.locks.held = map[string]*held{}
	}
	s.locks.held[key] = &held{file: l}
	return true, nil
}

// tryLock takes the lock on the file at path, making it if need be, without
// waiting: nil when another process holds it. The file is opened without
// following a symlink and without blocking (a FIFO put in its place must not
// hang the app), and it must be a regular file.
func (s *Store) tryLock(path string) (*flock.Flock, error) {
	if err := s.fault("lock", path); err != nil {
		return nil, err
	}
	if err := s.mkdir(filepath.Dir(path)); err != nil {
		return nil, err
	}
	busy := 0
	for range 8 { // a retry needs another copy to let go at that moment
		l := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDONLY|openNoFollow), flock.SetPermissions(0o600))
		ok, err := l.TryLock()
		if err != nil {
			if isSymlinkRefusal(path, err) {
				err = &fs.PathError{Op: "refuse", Path: path, Err: errors.New("a symbolic link, which rebound does not follow")}
			}
			return nil, err
		}
		if !ok {
			// CleanLocks in another copy (any command runs it) holds a
			// lock no one holds for a moment, to remove its file: ask
			// again, briefly, before calling it another copy's.
			_ = l.Close()
			if busy++; busy < 4 {
				time.Sleep(time.Millisecond << busy)
				continue
			}
			return nil, nil
		}
		locked, err1 := l.Stat()
		if err1 == nil && !locked.Mode().IsRegular() {
			_ = l.Close()
			return nil, &fs.PathError{Op: "refuse", Path: path, Err: errors.New("not a regular file")}
		}
		named, err2 := os.Lstat(path)
		if err1 != nil || err2 != nil || !os.SameFile(locked, named) {
			_ = l.Close() // removed by the copy that held it: try the new one
			continue
		}
		return l, nil
	}
	return nil, nil
}

// LockError is a lock that was not taken: another copy of rebound holds it
// (Err is ErrInUse), or it could not even be tried, as when the locks
// folder cannot be made or written (a file in its place, or a folder left
// by sudo rebound). Nothing is known about other copies then, so what it
// guards is opened read-only in both cases.
type LockError struct {
	Key string // the session ID, or "practice/" and a round's ID
	Dir string // the locks folder
	Err error
}

func (e *LockError) Error() string { return "lock " + e.Key + ": " + e.Err.Error() }
func (e *LockError) Unwrap() error { return e.Err }

// Sentence is the one sentence the app shows for e: why the session or
// round is read-only, and what to do.
func (e *LockError) Sentence() string {
	what := "session"
	if strings.HasPrefix(e.Key, "practice/") {
		what = "practice round"
	}
	if errors.Is(e.Err, ErrInUse) {
		return "This " + what + " is open in another rebound window, so here it is read-only: finish or leave it there to change it here."
	}
	where, why := e.Dir, e.Err.Error()
	fix := fmt.Sprintf("make that folder yours and writable (as after sudo rebound: sudo chown -R \"$USER\" %s)", e.Dir)
	var pe *fs.PathError
	var odd *NotRegular
	switch {
	case errors.As(e.Err, &pe):
		why = pe.Err.Error()
	case errors.As(e.Err, &odd):
		where, why = odd.Path, odd.Reason
	}
	switch info, err := os.Lstat(e.Dir); {
	case pe != nil && pe.Op == "refuse":
		// The lock file itself is odd: something else put it there.
		where, fix = pe.Path, "remove that file, which rebound did not make,"
	case err == nil && !info.IsDir():
		fix = "move that file away (rebound makes the folder again)"
	}
	return Inert(strings.Join(strings.Fields(fmt.Sprintf("Read-only: this %s cannot be locked against other rebound windows (%s: %s); %s to change it here.",
		what, where, why, fix)), " ")) // the folder's name may hold anything
}

// CleanLocks removes the lock files no process holds: those left by a copy
// that crashed. A copy that opened one just before it went finds, once it
// holds the lock, that the path names another file, and tries again (see
// Lock); one that tries the lock while it is held here asks again (see
// tryLock). A lock file made in the last staleTempAge is left alone: it is
// most likely about to be locked by the copy that made it, which would
// otherwise find it taken. Best effort: what cannot be removed stays,
// harmless.
func (s *Store) CleanLocks() {
	if runtime.GOOS == "windows" || s.fault("list", s.locksDir()) != nil {
		return
	}
	entries, err := readDir(s.locksDir())
	if err != nil {
		return
	}
	now := s.now()
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".lock") {
			continue // not one of ours: left alone
		}
		if _, ok := staleRegular(e, now); !ok {
			continue // not a file (not ours), or made just now
		}
		if _, ok := s.heldByName(name); ok {
			continue
		}
		l := flock.New(filepath.Join(s.locksDir(), name), flock.SetFlag(os.O_RDONLY|openNoFollow))
		if ok, err := l.TryLock(); err == nil && ok {
			release(l)
		} else {
			_ = l.Close()
		}
	}
}

// heldByName reports whether this store holds the lock file named name.
func (s *Store) heldByName(name string) (string, bool) {
	for key := range s.locks.held {
		if n, _ := lockName(key); n == name {
			return key, true
		}
	}
	return "", false
}

// release removes a held lock's file, then lets go of the lock.
func release(l *flock.Flock) {
	if runtime.GOOS != "windows" {
		_ = os.Remove(l.Path())
	}
	_ = l.Close()
}

// Unlock lets go of key's lock, if this store holds it.
func (s *Store) Unlock(key string) {
	_ = s.fault("unlock", key) // a hook may watch it; letting go cannot fail
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	if h := s.locks.held[key]; h != nil {
		release(h.file)
		delete(s.locks.held, key)
	}
}

// UnlockAll lets go of every lock this store holds: what the app does as
// it ends, once every save has landed.
func (s *Store) UnlockAll() {
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	for key, h := range s.locks.held {
		release(h.file)
		delete(s.locks.held, key)
	}
}

// lockName is the lock file's name for key: session.<id>.lock or
// practice.<id>.lock ('.' is in no ID, so the two kinds cannot clash).
func lockName(key string) (string, error) {
	if id, ok := strings.CutPrefix(key, "practice/"); ok && validID(id) {
		return "practice." + id + ".lock", nil
	}
	if validID(key) {
		return "session." + key + ".lock", nil
	}
	return "", fmt.Errorf("lock %q: not a session or practice id", key)
}

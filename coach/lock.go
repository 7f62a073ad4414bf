package coach

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

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
	held map[string]*flock.Flock
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
	if err := s.mkdir(s.locksDir()); err != nil {
		return false, fmt.Errorf("lock %s: %w", key, err)
	}
	path := filepath.Join(s.locksDir(), name)
	for range 5 { // a retry needs another copy to let go at that moment
		l := flock.New(path)
		ok, err := l.TryLock()
		if err != nil {
			return false, fmt.Errorf("lock %s: %w", key, err)
		}
		if !ok {
			return false, nil
		}
		locked, err1 := l.Stat()
		named, err2 := os.Stat(path)
		if err1 != nil || err2 != nil || !os.SameFile(locked, named) {
			_ = l.Close() // removed by the copy that held it: try the new one
			continue
		}
		if s.locks.held == nil {
			s.locks.held = map[string]*flock.Flock{}
		}
		s.locks.held[key] = l
		return true, nil
	}
	return false, nil
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
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	if l := s.locks.held[key]; l != nil {
		release(l)
		delete(s.locks.held, key)
	}
}

// UnlockAll lets go of every lock this store holds: what the app does as
// it ends, once every save has landed.
func (s *Store) UnlockAll() {
	s.locks.mu.Lock()
	defer s.locks.mu.Unlock()
	for key, l := range s.locks.held {
		release(l)
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

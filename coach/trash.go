package coach

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
)

// Deleting a session moves its file to <dir>/trash/, and Restore moves it
// back: no single key press can lose what someone wrote.

func (s *Store) trashDir() string { return filepath.Join(s.dir, "trash") }

// TrashPath is where a deleted session's file is kept.
func (s *Store) TrashPath(id string) string { return filepath.Join(s.trashDir(), id+".json") }

// Delete moves a session's file to the trash. Any save of that session still
// on its way is dropped, so a deleted session does not come back by itself.
// A session another copy of rebound has open is not deleted (ErrInUse).
func (s *Store) Delete(id string) error {
	if !validID(id) {
		return fmt.Errorf("delete session %q: the id is not a valid session id", id)
	}
	s.locks.mu.Lock()
	had := s.locks.held[id] != nil
	s.locks.mu.Unlock()
	ok, err := s.Lock(id) // true too when this store holds it already
	if err != nil {
		return fmt.Errorf("delete session %s: %w", id, err)
	}
	if !ok {
		return fmt.Errorf("delete session %s: %w", id, ErrInUse)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.move(s.Path(id), s.trashDir(), s.TrashPath(id)); err != nil {
		return fmt.Errorf("delete session %s: %w", id, err)
	}
	s.written[id] = math.MaxUint64
	if !had {
		s.Unlock(id)
		return nil
	}
	s.locks.mu.Lock()
	s.locks.held[id].dropped = true // let go of by the screen that held it
	s.locks.mu.Unlock()
	return nil
}

// Restore moves a deleted session back from the trash.
func (s *Store) Restore(id string) error {
	if !validID(id) {
		return fmt.Errorf("restore session %q: the id is not a valid session id", id)
	}
	if err := s.overwrite(id, func() error { return s.restore(id) }); err != nil {
		return fmt.Errorf("restore session %s: %w", id, err)
	}
	return nil
}

func (s *Store) restore(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	// Only a session file goes back: a FIFO or a link put in the trash
	// would be one in sessions/ too.
	if info, err := os.Lstat(s.TrashPath(id)); err == nil && !info.Mode().IsRegular() {
		return &NotRegular{Path: s.TrashPath(id), Reason: kindReason(info.Mode())}
	}
	if err := s.move(s.TrashPath(id), s.sessionsDir(), s.Path(id)); err != nil {
		return err
	}
	delete(s.written, id)
	return nil
}

// errExists is returned by move when the target is taken.
var errExists = errors.New("a file of that name is already there; move it away first")

// move renames from to to, making to's directory first, and never replaces
// a file that is already there. Both directories are synced, so that after
// a crash the file is in one place or the other.
func (s *Store) move(from, toDir, to string) error {
	if _, err := os.Lstat(from); err != nil {
		return err
	}
	if err := s.mkdir(toDir); err != nil {
		return err
	}
	if _, err := os.Lstat(to); err == nil {
		return fmt.Errorf("%s: %w", to, errExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(from, to); err != nil {
		return err
	}
	if err := syncDir(toDir); err != nil {
		return err
	}
	return syncDir(filepath.Dir(from))
}

package coach

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSaveNeedsTheLease: a value is saved only while it carries the lease
// its store holds (lease.go). Two stores on one data directory stand for
// two copies of rebound. Each step is a move one copy makes and what the
// save it tries must come to; the file must then hold what the last
// successful save wrote, and nothing else.
func TestSaveNeedsTheLease(t *testing.T) {
	now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	const id = "0123456789abcdef"
	type world struct {
		a, b   *Store
		dir    string
		listed *Session // a's copy from before anything below
	}
	setup := func(t *testing.T) *world {
		dir := t.TempDir()
		w := &world{a: NewStore(dir), b: NewStore(dir), dir: dir}
		s := realisticSession(id, now, 2)
		s.Intake.Company = "on disk"
		mustSave(t, w.a, s)
		w.listed = mustLoad(t, w.a, id)
		return w
	}
	edit := func(t *testing.T, st *Store) *Session {
		t.Helper()
		s, err := st.Edit(id)
		if err != nil {
			t.Fatalf("Edit: %v", err)
		}
		return s
	}
	change := func(s *Session, company string) *Session {
		s.Intake.Company = company
		s.touch(now)
		return s
	}
	tests := []struct {
		name string
		// do makes the moves, and returns the save to try and what must be
		// on disk after it.
		do      func(t *testing.T, w *world) (save func() error, want error, company string)
		trashed bool // the session must end in the trash, not in sessions/
	}{
		{"a listed copy is not saved", func(t *testing.T, w *world) (func() error, error, string) {
			return func() error { return w.a.Save(change(w.listed, "listed")) }, ErrNotHeld, "on disk"
		}, false},
		{"an edited copy is saved", func(t *testing.T, w *world) (func() error, error, string) {
			s := edit(t, w.a)
			return func() error { return w.a.Save(change(s, "edited")) }, nil, "edited"
		}, false},
		{"a clone of an edited copy is saved", func(t *testing.T, w *world) (func() error, error, string) {
			s := edit(t, w.a)
			return func() error { return w.a.Save(change(s, "clone").Clone()) }, nil, "clone"
		}, false},
		{"not after Unlock", func(t *testing.T, w *world) (func() error, error, string) {
			s := edit(t, w.a)
			w.a.Unlock(id)
			return func() error { return w.a.Save(change(s, "after unlock")) }, ErrNotHeld, "on disk"
		}, false},
		{"the second copy cannot edit", func(t *testing.T, w *world) (func() error, error, string) {
			edit(t, w.a)
			_, err := w.b.Edit(id)
			return func() error { return err }, ErrInUse, "on disk"
		}, false},
		{"a read-only copy does not save, even once the other has gone", func(t *testing.T, w *world) (func() error, error, string) {
			s := edit(t, w.a)
			ro := mustLoad(t, w.b, id) // b is told it is read-only, and shows this
			if err := w.a.Save(change(s, "a typed this")); err != nil {
				t.Fatal(err)
			}
			w.a.UnlockAll() // a quits
			return func() error { return w.b.Save(change(ro, "b's old copy")) }, ErrNotHeld, "a typed this"
		}, false},
		{"an edit reads what is on disk at that moment", func(t *testing.T, w *world) (func() error, error, string) {
			s := edit(t, w.b)
			if err := w.b.Save(change(s, "b saved meanwhile")); err != nil {
				t.Fatal(err)
			}
			w.b.Unlock(id)
			fresh := edit(t, w.a)
			if fresh.Intake.Company != "b saved meanwhile" {
				t.Errorf("Edit read %q, not what is on disk", fresh.Intake.Company)
			}
			return func() error { return w.a.Save(change(w.listed, "stale")) }, ErrNotHeld, "b saved meanwhile"
		}, false},
		{"a new edit ends an old copy's lease", func(t *testing.T, w *world) (func() error, error, string) {
			old := edit(t, w.a)
			edit(t, w.a)
			return func() error { return w.a.Save(change(old, "old lease")) }, ErrNotHeld, "on disk"
		}, false},
		{"a session deleted by hand is not saved back", func(t *testing.T, w *world) (func() error, error, string) {
			s := edit(t, w.a)
			if err := os.Remove(w.a.Path(id)); err != nil {
				t.Fatal(err)
			}
			return func() error { return w.a.Save(change(s, "back")) }, ErrGone, ""
		}, false},
		{"a session moved to the trash is not saved back", func(t *testing.T, w *world) (func() error, error, string) {
			s := edit(t, w.a)
			if err := os.MkdirAll(filepath.Dir(w.a.TrashPath(id)), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(w.a.Path(id), w.a.TrashPath(id)); err != nil {
				t.Fatal(err)
			}
			return func() error { return w.a.Save(change(s, "back")) }, ErrGone, ""
		}, true},
		{"a session deleted here: late saves are dropped without a word", func(t *testing.T, w *world) (func() error, error, string) {
			s := edit(t, w.a)
			if err := w.a.Delete(id); err != nil {
				t.Fatal(err)
			}
			return func() error { return w.a.Save(change(s, "late")) }, nil, ""
		}, true},
		{"a session open in the other copy is not deleted", func(t *testing.T, w *world) (func() error, error, string) {
			edit(t, w.a)
			return func() error { return w.b.Delete(id) }, ErrInUse, "on disk"
		}, false},
		{"a session in the trash is not claimed anew", func(t *testing.T, w *world) (func() error, error, string) {
			if err := w.a.Delete(id); err != nil {
				t.Fatal(err)
			}
			s := realisticSession(id, now, 1)
			return func() error { return w.b.Claim(s) }, ErrExists, ""
		}, true},
		{"a listed session gone from disk is not claimed back", func(t *testing.T, w *world) (func() error, error, string) {
			if err := os.Remove(w.a.Path(id)); err != nil {
				t.Fatal(err)
			}
			return func() error { return w.a.Claim(w.listed) }, ErrGone, ""
		}, false},
		{"a session on disk is not claimed", func(t *testing.T, w *world) (func() error, error, string) {
			s := realisticSession(id, now, 1)
			return func() error { return w.b.Claim(s) }, ErrExists, "on disk"
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := setup(t)
			save, want, company := tt.do(t, w)
			if err := save(); !errors.Is(err, want) || (want == nil) != (err == nil) {
				t.Fatalf("got %v, want %v", err, want)
			}
			got, err := NewStore(w.dir).Load(id)
			switch {
			case company == "" && !errors.Is(err, fs.ErrNotExist):
				t.Errorf("the session is back on disk: %v", err)
			case company != "" && err != nil:
				t.Fatal(err)
			case company != "" && got.Intake.Company != company:
				t.Errorf("on disk: %q, want %q", got.Intake.Company, company)
			}
			if _, err := os.Stat(w.a.TrashPath(id)); (err == nil) != tt.trashed {
				t.Errorf("in the trash: %v, want %v", err == nil, tt.trashed)
			}
		})
	}
}

// TestNewSessionsAreClaimed: a session not on disk yet is saved once
// claimed, and keeps saving.
func TestNewSessionsAreClaimed(t *testing.T) {
	st := NewStore(t.TempDir())
	s := NewSession(time.Now())
	s.Intake.Company = "new"
	if err := st.Save(s); !errors.Is(err, ErrNotHeld) {
		t.Fatalf("an unclaimed session saved: %v", err)
	}
	if err := st.Claim(s); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		s.touch(time.Now())
		if err := st.Save(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := NewStore(st.Dir()).Claim(s.Clone()); !errors.Is(err, ErrExists) {
		t.Errorf("a second copy claimed a session on disk: %v", err)
	}
}

// TestPracticeNeedsTheLease: rounds have the same rules as sessions.
func TestPracticeNeedsTheLease(t *testing.T) {
	dir := t.TempDir()
	a, b := NewStore(dir), NewStore(dir)
	p := NewPractice(Question{Key: QuestionKey("Why us?"), Text: "Why us?", Source: FromUser}, 0, time.Now())
	if err := a.SavePractice(p); !errors.Is(err, ErrNotHeld) {
		t.Fatalf("an unclaimed round saved: %v", err)
	}
	if err := a.ClaimPractice(p); err != nil {
		t.Fatal(err)
	}
	p.SetAnswer("a's answer", 0, false, time.Now())
	if err := a.SavePractice(p); err != nil {
		t.Fatal(err)
	}
	if _, err := b.EditPractice(p.ID); !errors.Is(err, ErrInUse) {
		t.Fatalf("b opened a's round for changes: %v", err)
	}
	ro, err := b.LoadPractice(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	p.SetAnswer("a's answer, longer", 0, false, time.Now())
	if err := a.SavePractice(p); err != nil {
		t.Fatal(err)
	}
	a.UnlockAll()
	ro.SetAnswer("b's old copy", 0, false, time.Now())
	if err := b.SavePractice(ro); !errors.Is(err, ErrNotHeld) {
		t.Fatalf("b's read-only copy saved: %v", err)
	}
	fresh, err := b.EditPractice(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fresh.Answer != "a's answer, longer" {
		t.Errorf("b edits %q, not what is on disk", fresh.Answer)
	}
	if err := b.ClaimPractice(NewPracticeLike(fresh)); !errors.Is(err, ErrExists) {
		t.Errorf("a round on disk was claimed: %v", err)
	}
}

// NewPracticeLike is a new value with p's ID, as a stale screen would hold.
func NewPracticeLike(p *Practice) *Practice { c := *p; c.lease = 0; return &c }

// TestCannotLockMeansReadOnly: a lock that cannot be taken is an error
// that names why, never a lock taken.
func TestCannotLockMeansReadOnly(t *testing.T) {
	const id = "0123456789abcdef"
	tests := []struct {
		name    string
		arrange func(t *testing.T, dir string) *Store
		want    string // in the sentence
		// every lock fails, not just this session's: no new session can be
		// claimed either
		all bool
	}{
		{"locks is a file", func(t *testing.T, dir string) *Store {
			if err := os.RemoveAll(filepath.Join(dir, "locks")); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "locks"), "x")
			return NewStore(dir)
		}, "a file, not a folder); move that file away", true},
		{"locks cannot be written (as after sudo rebound)", func(t *testing.T, dir string) *Store {
			st := NewStore(dir)
			// root, as CI runs, ignores modes: the system's answer is injected.
			st.InjectFaults(func(op, path string) error {
				if op == "lock" {
					return syscall.EACCES
				}
				return nil
			})
			return st
		}, "permission denied); make that folder yours and writable (as after sudo rebound: sudo chown -R", true},
		{"the lock file is a symlink", func(t *testing.T, dir string) *Store {
			if err := os.MkdirAll(filepath.Join(dir, "locks"), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(filepath.Join(dir, "..", "outside"), filepath.Join(dir, "locks", "session."+id+".lock")); err != nil {
				t.Fatal(err)
			}
			return NewStore(dir)
		}, "lock: a symbolic link, which rebound does not follow); remove that file", false},
		{"the lock file is a FIFO", func(t *testing.T, dir string) *Store {
			if err := os.MkdirAll(filepath.Join(dir, "locks"), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(filepath.Join(dir, "locks", "session."+id+".lock"), 0o600); err != nil {
				t.Fatal(err)
			}
			return NewStore(dir)
		}, "lock: not a regular file); remove that file", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			s := realisticSession(id, time.Now(), 1)
			mustSave(t, NewStore(dir), s)
			before := mustRead(t, NewStore(dir).Path(id))
			st := tt.arrange(t, dir)
			done := make(chan error, 1)
			go func() { _, err := st.Edit(id); done <- err }()
			var err error
			select {
			case err = <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("Edit hangs")
			}
			le, ok := errors.AsType[*LockError](err)
			if !ok {
				t.Fatalf("Edit = %v, want a LockError", err)
			}
			line := le.Sentence()
			if !strings.Contains(line, tt.want) || !strings.HasPrefix(line, "Read-only:") || strings.Contains(line, "\n") {
				t.Errorf("sentence %q: want one line saying %q", line, tt.want)
			}
			if err := st.Claim(realisticSession("fedcba9876543210", time.Now(), 1)); tt.all && err == nil {
				t.Error("a new session was claimed without a lock")
			}
			if got := mustRead(t, st.Path(id)); !bytes.Equal(got, before) {
				t.Error("the session changed")
			}
			if _, err := os.Lstat(filepath.Join(dir, "..", "outside")); err == nil {
				t.Error("a file was made through the symlink")
			}
		})
	}
}

// TestCleanLocks: lock files no process holds (left by a crash) are
// removed; held ones and files not ours stay.
func TestCleanLocks(t *testing.T) {
	dir := t.TempDir()
	holder, st := NewStore(dir), NewStore(dir)
	const held, left = "0123456789abcdef", "fedcba9876543210"
	if ok, err := holder.Lock(held); !ok || err != nil {
		t.Fatal(ok, err)
	}
	locks := filepath.Join(dir, "locks")
	writeFile(t, filepath.Join(locks, "session."+left+".lock"), "")
	writeFile(t, filepath.Join(locks, "practice."+left+".lock"), "")
	writeFile(t, filepath.Join(locks, "notes.txt"), "mine")
	old := time.Now().Add(-staleTempAge - time.Minute) // a lock file made just now is left alone
	for _, name := range []string{"session." + left + ".lock", "practice." + left + ".lock", "session." + held + ".lock", "notes.txt"} {
		if err := os.Chtimes(filepath.Join(locks, name), old, old); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(locks, "session.1111111111111111.lock"), "")
	st.CleanLocks()
	var names []string
	entries, _ := os.ReadDir(locks)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got, want := strings.Join(names, " "), "notes.txt session."+held+".lock session.1111111111111111.lock"; got != want {
		t.Errorf("locks/ holds %q, want %q", got, want)
	}
	if ok, _ := st.Lock(held); ok {
		t.Error("the held lock was taken after cleaning")
	}
}

func mustLoad(t *testing.T, st *Store, id string) *Session {
	t.Helper()
	s, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestAppSavesOnlyWhatItHolds: Overwrite and OverwritePractice skip the
// lease, so nothing outside the store and its tests may call them; the app
// and the command line save only what they opened with Edit or Claim.
func TestAppSavesOnlyWhatItHolds(t *testing.T) {
	call := regexp.MustCompile(`\.Overwrite(Practice)?\(`)
	checked := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != ".." && strings.HasPrefix(d.Name(), "."):
			return filepath.SkipDir // .git, .ci
		case d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go"):
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		for i, line := range strings.Split(string(data), "\n") {
			if call.MatchString(line) {
				t.Errorf("%s:%d saves around the lock: %s", path, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 10 {
		t.Fatalf("only %d source files checked: the walk missed the app", checked)
	}
}

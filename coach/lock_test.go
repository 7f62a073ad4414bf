package coach

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestLock: two stores on one data directory stand for two copies of
// rebound (flock locks are per open file, so they exclude each other within
// one process too).
func TestLock(t *testing.T) {
	dir := t.TempDir()
	a, b := NewStore(dir), NewStore(dir)
	const one, two = "0123456789abcdef", "fedcba9876543210"
	steps := []struct {
		name  string
		store *Store
		do    func(*Store) // run before trying key
		key   string
		want  bool
	}{
		{"a takes one", a, nil, one, true},
		{"b cannot take one", b, nil, one, false},
		{"a again", a, nil, one, true},
		{"b takes another session", b, nil, two, true},
		{"a cannot take b's", a, nil, two, false},
		{"a practice round is its own lock", b, nil, "practice/" + one, true},
		{"and excludes too", a, nil, "practice/" + one, false},
		{"after a lets go, b takes one", b, func(*Store) { a.Unlock(one) }, one, true},
		{"b lets go of two", a, func(*Store) { b.Unlock(two) }, two, true},
		{"one stays b's", a, nil, one, false},
		{"after b ends, a takes one", a, func(*Store) { b.UnlockAll() }, one, true},
	}
	for _, st := range steps {
		if st.do != nil {
			st.do(st.store)
		}
		got, err := st.store.Lock(st.key)
		if err != nil || got != st.want {
			t.Fatalf("%s: Lock(%q) = %v, %v; want %v", st.name, st.key, got, err, st.want)
		}
	}
	// Held: one and two, both by a. A lock let go (b's practice round)
	// takes its file with it.
	entries, err := os.ReadDir(filepath.Join(dir, "locks"))
	if err != nil || len(entries) != 2 {
		t.Fatalf("lock files: %v, %v; want two", entries, err)
	}
	for _, e := range entries {
		if info, _ := e.Info(); info.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", e.Name(), info.Mode().Perm())
		}
	}
}

// TestUnlockRemovesTheLockFile: no lock file stays behind, and the lock can
// be taken again through a new one.
func TestUnlockRemovesTheLockFile(t *testing.T) {
	dir := t.TempDir()
	a, b := NewStore(dir), NewStore(dir)
	const id = "0123456789abcdef"
	if ok, _ := a.Lock(id); !ok {
		t.Fatal("a did not get the lock")
	}
	a.Unlock(id)
	if _, err := os.Stat(filepath.Join(dir, "locks", "session."+id+".lock")); !os.IsNotExist(err) {
		t.Fatalf("the lock file stayed after Unlock: %v", err)
	}
	if ok, _ := b.Lock(id); !ok {
		t.Fatal("b did not get the lock once a let go")
	}
	if ok, _ := a.Lock(id); ok {
		t.Fatal("a got the lock b holds")
	}
}

func TestLockErrors(t *testing.T) {
	if _, err := NewStore(t.TempDir()).Lock("../x"); err == nil {
		t.Error("a key that is no ID was locked")
	}
	why := errors.New("no data directory")
	if ok, err := Unavailable(why).Lock("0123456789abcdef"); ok || !errors.Is(err, why) {
		t.Errorf("without a data directory: %v, %v; want the reason", ok, err)
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if ok, err := NewStore(file).Lock("0123456789abcdef"); ok || err == nil {
		t.Errorf("a data dir that is a file: %v, %v; want an error", ok, err)
	}
}

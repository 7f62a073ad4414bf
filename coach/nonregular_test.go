//go:build unix

package coach_test

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/coach"
)

// fileKind is one kind of thing that can sit where the store expects a file
// or a folder, made at path, with the one-line reason the store gives for it
// in place of a file ("" where it is one).
type fileKind struct {
	name, reason string
	make         func(t *testing.T, path string)
}

const symlinkReason = "a symbolic link, which rebound does not follow"

func fileKinds() []fileKind {
	link := func(to func(t *testing.T, path string)) func(t *testing.T, path string) {
		return func(t *testing.T, path string) {
			target := filepath.Join(t.TempDir(), "target")
			to(t, target)
			if err := os.Symlink(target, path); err != nil {
				t.Fatal(err)
			}
		}
	}
	fifo := func(t *testing.T, path string) {
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	dir := func(t *testing.T, path string) {
		if err := os.Mkdir(path, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	regular := func(t *testing.T, path string) {
		if err := os.WriteFile(path, []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	kinds := []fileKind{
		{"fifo", "a named pipe, not a regular file", fifo},
		{"socket", "a socket, not a regular file", func(t *testing.T, path string) {
			l, err := net.Listen("unix", path)
			if err != nil {
				t.Skipf("no unix socket here: %v", err)
			}
			l.(*net.UnixListener).SetUnlinkOnClose(false)
			t.Cleanup(func() { l.Close() })
		}},
		{"directory", "a directory, not a file", dir},
		{"symlink to a fifo", symlinkReason, link(fifo)},
		{"symlink to a directory", symlinkReason, link(dir)},
		{"symlink to a file", symlinkReason, link(regular)},
		{"dangling symlink", symlinkReason, func(t *testing.T, path string) {
			if err := os.Symlink(filepath.Join(t.TempDir(), "gone"), path); err != nil {
				t.Fatal(err)
			}
		}},
	}
	if os.Geteuid() == 0 {
		kinds = append(kinds, fileKind{"device", "a device, not a regular file", func(t *testing.T, path string) {
			// The same device as /dev/null: opening it would not block, but
			// it is still never opened.
			if err := syscall.Mknod(path, syscall.S_IFCHR|0o600, 1<<8|3); err != nil {
				t.Skipf("mknod: %v", err)
			}
		}})
	}
	return kinds
}

// inTime runs f and fails the test if it has not returned within five
// seconds: a FIFO opened for reading waits for a writer forever.
func inTime(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: still waiting after 5s", what)
	}
}

// TestNonRegularFilesAreSkipped puts each kind of non-regular file where
// each folder the store reads expects a file, next to a good one: every read
// returns at once, the good file is there, and the odd one is named with its
// one-line reason and left as it is.
func TestNonRegularFilesAreSkipped(t *testing.T) {
	const badID = "0badf11e0badf11e"
	for _, kind := range fileKinds() {
		t.Run("sessions/"+kind.name, func(t *testing.T) {
			dir := t.TempDir()
			st := coach.NewStore(dir)
			good := coach.NewSession(time.Now())
			if err := st.Overwrite(good); err != nil {
				t.Fatal(err)
			}
			path := st.Path(badID)
			kind.make(t, path)
			wantOne := func(what string, n int, problems []coach.Problem, err error) {
				t.Helper()
				if err != nil || n != 1 || len(problems) != 1 || problems[0].Path != path || problems[0].Reason != kind.reason {
					t.Errorf("%s: %d sessions, problems %+v, err %v; want the good one and %q for %s", what, n, problems, err, kind.reason, path)
				}
			}
			inTime(t, "List", func() {
				sessions, problems, err := st.List()
				wantOne("List", len(sessions), problems, err)
			})
			for range 2 { // the index built, then used
				inTime(t, "Summaries", func() {
					sums, problems, err := st.Summaries()
					wantOne("Summaries", len(sums), problems, err)
				})
			}
			inTime(t, "Load", func() {
				_, err := st.Load(badID)
				if p, ok := errors.AsType[coach.Problem](err); !ok || p.Reason != kind.reason {
					t.Errorf("Load: %v; want a Problem %q", err, kind.reason)
				}
			})
			inTime(t, "IDs", func() {
				if _, err := st.IDs(); err != nil {
					t.Errorf("IDs: %v", err)
				}
			})
			inTime(t, "Exposed", func() { _, _ = st.Exposed() })
			if _, err := os.Lstat(path); err != nil {
				t.Errorf("the odd file was touched: %v", err)
			}
		})

		t.Run("practice/"+kind.name, func(t *testing.T) {
			dir := t.TempDir()
			st := coach.NewStore(dir)
			if err := st.OverwritePractice(reviewedRound(t, "Why us?", practiceNow, 3)); err != nil {
				t.Fatal(err)
			}
			path := st.PracticePath(badID)
			kind.make(t, path)
			inTime(t, "Practices", func() {
				rounds, problems, err := st.Practices()
				if err != nil || len(rounds) != 1 || len(problems) != 1 || problems[0].Reason != kind.reason {
					t.Errorf("Practices: %d rounds, problems %+v, err %v; want 1 and %q", len(rounds), problems, err, kind.reason)
				}
			})
			inTime(t, "LoadPractice", func() {
				_, err := st.LoadPractice(badID)
				if p, ok := errors.AsType[coach.Problem](err); !ok || p.Reason != kind.reason {
					t.Errorf("LoadPractice: %v; want a Problem %q", err, kind.reason)
				}
			})
		})

		t.Run("trash/"+kind.name, func(t *testing.T) {
			dir := t.TempDir()
			st := coach.NewStore(dir)
			if err := os.MkdirAll(filepath.Join(dir, "trash"), 0o700); err != nil {
				t.Fatal(err)
			}
			kind.make(t, st.TrashPath(badID))
			inTime(t, "TrashIDs", func() { _, _ = st.TrashIDs() })
			inTime(t, "Restore", func() {
				err := st.Restore(badID)
				if err == nil || !strings.Contains(err.Error(), kind.reason) {
					t.Errorf("Restore: %v; want it refused: %q", err, kind.reason)
				}
			})
			if _, err := os.Lstat(st.Path(badID)); err == nil {
				t.Errorf("Restore moved a %s into sessions/", kind.name)
			}
		})

		t.Run("index/"+kind.name, func(t *testing.T) {
			dir := t.TempDir()
			st := coach.NewStore(dir)
			if err := st.Overwrite(coach.NewSession(time.Now())); err != nil {
				t.Fatal(err)
			}
			kind.make(t, st.IndexPath())
			for range 2 {
				inTime(t, "Summaries", func() {
					sums, problems, err := st.Summaries()
					if err != nil || len(sums) != 1 || len(problems) != 0 {
						t.Errorf("Summaries: %d, problems %+v, err %v; want the one session", len(sums), problems, err)
					}
				})
			}
		})
	}
}

// TestNonFoldersAreRefused puts each kind of file where a folder the store
// reads should be: every read returns at once (an error is fine, a wait is
// not), and a symbolic link to a real folder is followed, since a data
// directory is often one.
func TestNonFoldersAreRefused(t *testing.T) {
	kinds := append(fileKinds(), fileKind{"regular file", "", func(t *testing.T, path string) {
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}})
	for _, folder := range []string{"sessions", "practice", "trash", "locks"} {
		for _, kind := range kinds {
			if kind.name == "directory" || kind.name == "symlink to a directory" {
				continue
			}
			t.Run(folder+"/"+kind.name, func(t *testing.T) {
				dir := t.TempDir()
				st := coach.NewStore(dir)
				kind.make(t, filepath.Join(dir, folder))
				inTime(t, "every read", func() {
					_, _, _ = st.List()
					_, _, _ = st.Summaries()
					_, _, _ = st.Practices()
					_, _ = st.IDs()
					_, _ = st.TrashIDs()
					_, _ = st.Exposed()
					st.CleanLocks()
				})
				if folder == "sessions" && kind.name == "fifo" {
					_, _, err := st.List()
					if err == nil || !strings.Contains(err.Error(), "a named pipe, not a folder") {
						t.Errorf("List: %v; want it to say sessions is a named pipe", err)
					}
				}
			})
		}
	}
	// A folder of the store that is a symbolic link could point anywhere:
	// it is neither read nor written through, so nothing is made or
	// replaced outside the data dir. The data dir itself may be a link.
	t.Run("symlink to a folder", func(t *testing.T) {
		real := t.TempDir()
		if err := coach.NewStore(real).Overwrite(coach.NewSession(time.Now())); err != nil {
			t.Fatal(err)
		}
		linkedTo := filepath.Join(real, "sessions") // where every link below points
		before := snapshot(t, linkedTo)
		dir := t.TempDir()
		for _, sub := range []string{"sessions", "practice", "trash", "locks"} {
			if err := os.Symlink(filepath.Join(real, "sessions"), filepath.Join(dir, sub)); err != nil {
				t.Fatal(err)
			}
		}
		st := coach.NewStore(dir)
		const why = "a symbolic link, which rebound does not follow"
		if _, _, err := st.List(); err == nil || !strings.Contains(err.Error(), why) {
			t.Errorf("List through a linked folder: %v; want %q", err, why)
		}
		if err := st.Check(); err == nil || !strings.Contains(err.Error(), why) {
			t.Errorf("Check: %v; want %q", err, why)
		}
		s := coach.NewSession(time.Now())
		if err := st.Overwrite(s); err == nil || !strings.Contains(err.Error(), why) {
			t.Errorf("Overwrite: %v; want %q", err, why)
		}
		if ok, err := st.Lock(s.ID); err == nil || ok {
			t.Error("Lock through a linked locks folder worked")
		}
		st.Tidy()
		st.CleanLocks()
		if after := snapshot(t, linkedTo); !reflect.DeepEqual(before, after) {
			t.Errorf("the folder linked to changed: %v, now %v", before, after)
		}

		linked := filepath.Join(t.TempDir(), "data")
		if err := os.Symlink(real, linked); err != nil {
			t.Fatal(err)
		}
		sessions, problems, err := coach.NewStore(linked).List()
		if err != nil || len(sessions) != 1 || len(problems) != 0 {
			t.Errorf("List in a linked data dir: %d, %+v, %v; want the session", len(sessions), problems, err)
		}
		if err := coach.NewStore(linked).Overwrite(coach.NewSession(time.Now())); err != nil {
			t.Errorf("Overwrite in a linked data dir: %v", err)
		}
	})
}

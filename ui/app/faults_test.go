package app

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
)

// TestEnvironmentFaults runs the app on a data directory that cannot be
// written, for each way that happens: the app says why at once in one
// sentence, the whole session goes on in memory and is handed over on quit,
// and the session saved before the fault is left exactly as it was.
func TestEnvironmentFaults(t *testing.T) {
	// fail returns a fault for InjectFaults that fails the ops named.
	fail := func(err error, ops ...string) func(op, path string) error {
		return func(op, path string) error {
			for _, o := range ops {
				if o == op {
					return err
				}
			}
			return nil
		}
	}
	tests := []struct {
		name string
		// store makes the store on dataDir, which holds one saved session.
		store func(t *testing.T, dataDir string) *coach.Store
		says  string // the reason on screen
	}{
		{"read-only data dir", func(t *testing.T, dir string) *coach.Store {
			st := coach.NewStore(dir)
			// Real on a read-only mount or for a user without write
			// permission; injected, because root (as CI runs) ignores
			// permissions.
			st.InjectFaults(fail(syscall.EROFS, "mkdir", "write"))
			return st
		}, "(read-only file system)"},
		{"data dir is a file", func(t *testing.T, dir string) *coach.Store {
			file := filepath.Join(t.TempDir(), "data")
			if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
			return coach.NewStore(file)
		}, "(not a directory)"},
		{"no home directory", func(t *testing.T, dir string) *coach.Store {
			return coach.Unavailable(errors.New("cannot choose where to keep rebound's data because no home directory was found ($HOME is not defined); pass --data-dir or set REBOUND_DATA_DIR"))
		}, "Can't save: cannot choose where to keep rebound's data"},
		{"disk full", func(t *testing.T, dir string) *coach.Store {
			st := coach.NewStore(dir)
			st.InjectFaults(fail(syscall.ENOSPC, "write"))
			return st
		}, "(no space left on device)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dataDir := t.TempDir()
			before := savedBefore(t, dataDir)
			d := newDriver(t, 100, 30, func(o *Options) { o.Store = tt.store(t, dataDir) })
			if v := d.view(); !strings.Contains(v, tt.says) || !strings.Contains(v, "kept in memory") {
				t.Fatalf("home does not say why it cannot save:\n%s", v)
			}
			walkWholeSession(d)
			if d.m.page != common.Summary || !strings.Contains(d.view(), "Not saved: press ctrl+y") {
				t.Fatalf("the summary does not offer a copy:\n%s", d.view())
			}
			d.press("ctrl+c")
			unsaved := d.m.Unsaved()
			if !d.quit || len(unsaved) != 1 || unsaved[0].Answers["not_personal.balanced"].Text == "" {
				t.Fatalf("quit %v, %d unsaved: the session was not handed over", d.quit, len(unsaved))
			}
			before.check(t)
		})
	}
}

// TestDiskFillsDuringASession: saves that worked are kept as they were
// written when later ones fail, no temp file is left, and the app says so.
func TestDiskFillsDuringASession(t *testing.T) {
	st := coach.NewStore(t.TempDir())
	var full bool
	st.InjectFaults(func(op, path string) error {
		if full && op == "write" {
			return syscall.ENOSPC
		}
		return nil
	})
	d := newDriver(t, 100, 30, func(o *Options) { o.Store = st })
	d.press("enter")
	d.typeText("Hooli")
	d.press("tab")
	saved := d.saved()
	if saved == nil || saved.Intake.Company != "Hooli" {
		t.Fatal("the first answer was not saved")
	}
	path := st.Path(saved.ID)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	full = true
	d.typeText("Engineer")
	d.press("tab")
	if v := d.view(); !strings.Contains(v, "(no space left on device)") {
		t.Fatalf("no word of the failed save:\n%s", v)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, good) {
		t.Errorf("the last good save was changed:\n%s", now)
	}
	checkNoTemp(t, filepath.Dir(path))

	full = false // space again: the next save writes everything
	d.press("ctrl+s")
	if s := d.load(saved.ID); s.Intake.Role != "Engineer" {
		t.Errorf("after space came back, role %q was not saved", s.Intake.Role)
	}
	if strings.Contains(d.view(), "no space left") {
		t.Errorf("the warning stayed after a good save:\n%s", d.view())
	}
}

// TestOneUnreadableFile: a session file that cannot be read (permission
// denied) is named on home and left alone; the others list and resume.
func TestOneUnreadableFile(t *testing.T) {
	dataDir := t.TempDir()
	before := savedBefore(t, dataDir)
	other := coach.NewSession(fixedNow)
	other.Set(coach.PromptCompany, coach.Answer{Text: "Initech"}, fixedNow)
	if err := coach.NewStore(dataDir).Overwrite(other); err != nil {
		t.Fatal(err)
	}
	st := coach.NewStore(dataDir)
	// Injected: root, as CI runs, reads a file whatever its mode.
	st.InjectFaults(func(op, path string) error {
		if op == "read" && path == before.path {
			return fs.ErrPermission
		}
		return nil
	})
	d := newDriver(t, 100, 30, func(o *Options) { o.Store = st })
	v := d.view()
	if !strings.Contains(v, "Skipped") || !strings.Contains(v, filepath.Base(before.path)) || !strings.Contains(v, "permission denied") {
		t.Fatalf("home does not name the unreadable file:\n%s", v)
	}
	if !strings.Contains(v, "Initech") {
		t.Fatalf("the readable session is not offered:\n%s", v)
	}
	walkWholeSession(d)
	before.check(t)
}

// saved is a session file as it was before a test, to prove it unharmed.
type saved struct {
	path string
	data []byte
}

// savedBefore saves a session in dataDir, as an earlier run would have.
func savedBefore(t *testing.T, dataDir string) saved {
	t.Helper()
	s := coach.NewSession(fixedNow)
	s.Set(coach.PromptCompany, coach.Answer{Text: "Globex"}, fixedNow)
	st := coach.NewStore(dataDir)
	if err := st.Overwrite(s); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(st.Path(s.ID))
	if err != nil {
		t.Fatal(err)
	}
	return saved{st.Path(s.ID), data}
}

func (s saved) check(t *testing.T) {
	t.Helper()
	if now, err := os.ReadFile(s.path); err != nil || !bytes.Equal(now, s.data) {
		t.Errorf("the session saved before was harmed: %v\n%s", err, now)
	}
	checkNoTemp(t, filepath.Dir(s.path))
}

func checkNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("a temp file was left: %s", e.Name())
		}
	}
}

// TestHomeWarnsWhenOthersCanRead: a saved file others can read is named on
// home in one sentence, with the command that fixes it.
func TestHomeWarnsWhenOthersCanRead(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	dataDir := t.TempDir()
	before := savedBefore(t, dataDir)
	d := newDriver(t, 100, 30, func(o *Options) { o.Store = coach.NewStore(dataDir) })
	if strings.Contains(d.view(), "Other users") {
		t.Fatalf("a warning with every file 0600:\n%s", d.view())
	}
	if err := os.Chmod(before.path, 0o644); err != nil {
		t.Fatal(err)
	}
	d.run(d.m.home.Load())
	if v := d.view(); !strings.Contains(v, "Other users of this machine can read") || !strings.Contains(v, "chmod go=") {
		t.Fatalf("no warning on home:\n%s", v)
	}
	// Others able to change the folder: one more sentence on home.
	if err := os.Chmod(dataDir, 0o777); err != nil {
		t.Fatal(err)
	}
	d.run(d.m.home.Load())
	if v := d.view(); !strings.Contains(v, "Other users can change") || !strings.Contains(v, "chmod go-w") {
		t.Fatalf("no folder warning on home:\n%s", v)
	}
}

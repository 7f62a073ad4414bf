package coach

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestTidy lays out what crashed copies of rebound leave, and what must
// stay (a live writer's temp file, a held lock, files that are not ours),
// in every folder, and checks that Tidy removes exactly the first.
func TestTidy(t *testing.T) {
	const id = "0123456789abcdef"
	dir := t.TempDir()
	st := NewStore(dir)
	old := time.Now().Add(-staleTempAge - time.Minute)
	type file struct {
		path string // within dir
		old  bool   // dated before staleTempAge
		gone bool   // Tidy must remove it
		make func(t *testing.T, path string)
	}
	var live []*os.File // kept open to the end
	writer := func(t *testing.T, path string) {
		// A writer stopped half-way (SIGSTOP, a laptop asleep): its file is
		// old, but it holds the lock, as replaceWith does.
		f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		holdTemp(f)
		live = append(live, f)
	}
	fifo := func(t *testing.T, path string) {
		if err := syscall.Mkfifo(path, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	files := []file{
		// Left by crashes: removed.
		{path: ".index.gob.tmp-1234567", old: true, gone: true}, // an older rebound's index
		{path: "index/.text-07.idx.tmp-1234567", old: true, gone: true},
		{path: "sessions/." + id + ".json.tmp-42", old: true, gone: true},
		{path: "practice/." + id + ".json.tmp-43", old: true, gone: true},
		{path: "trash/." + id + ".json.tmp-44", old: true, gone: true},
		{path: "sessions/." + id + ".json.v1.bak.tmp-45", old: true, gone: true}, // a schema backup's
		{path: "sessions/.probe.tmp-46", old: true, gone: true},
		{path: "sessions/.probe", old: true, gone: true},
		{path: "locks/session." + id + ".lock", old: true, gone: true},
		{path: "locks/practice." + id + ".lock", old: true, gone: true},
		// A save in progress, or one stopped: kept.
		{path: ".index.gob.tmp-99"},                                               // fresh
		{path: "index/.summaries-07.idx.tmp-99"},                                  // fresh
		{path: "index/.text-08.idx.tmp-95", old: true, make: writer},              // old, locked
		{path: "sessions/." + id + ".json.tmp-98"},                                // fresh
		{path: "sessions/.fedcba9876543210.json.tmp-97", old: true, make: writer}, // old, locked
		{path: "practice/.fedcba9876543210.json.tmp-96", old: true, make: writer}, // old, locked
		{path: ".index.gob.tmp-95", old: true, make: writer},                      // old, locked
		{path: "sessions/.probe.tmp-94"},                                          // fresh
		{path: "locks/session.3333333333333333.lock"},                             // fresh: about to be locked
		// Not ours: kept, and a FIFO is not waited on.
		{path: "sessions/notes.tmp-1", old: true},
		{path: "sessions/.draft.tmp-x1", old: true},
		{path: "sessions/." + id + ".json.tmp-", old: true},
		{path: "sessions/.fifo.json.tmp-7", make: fifo},
		{path: "sessions/.dir.json.tmp-8", make: func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}},
		{path: "sessions/" + id + ".json", old: true},
		{path: "locks/notes.txt"},
	}
	if runtime.GOOS == "windows" {
		t.Skip("no flock, and lock files are kept on Windows")
	}
	for _, f := range files {
		path := filepath.Join(dir, f.path)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if f.make != nil {
			f.make(t, path)
		} else if err := os.WriteFile(path, []byte("{"), 0o600); err != nil {
			t.Fatal(err)
		}
		if f.old {
			if err := os.Chtimes(path, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Locks held: by this store, and by another copy.
	held, other := "1111111111111111", "2222222222222222"
	if ok, err := st.Lock(held); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if ok, err := NewStore(dir).Lock(other); !ok || err != nil {
		t.Fatal(ok, err)
	}
	for _, id := range []string{held, other} {
		path := "locks/session." + id + ".lock"
		if err := os.Chtimes(filepath.Join(dir, path), old, old); err != nil {
			t.Fatal(err)
		}
		files = append(files, file{path: path})
	}

	done := make(chan struct{})
	go func() { defer close(done); st.Tidy() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Tidy still running after 5s")
	}
	for _, f := range files {
		_, err := os.Lstat(filepath.Join(dir, f.path))
		switch {
		case f.gone && err == nil:
			t.Errorf("%s: left behind", f.path)
		case !f.gone && err != nil:
			t.Errorf("%s: removed (%v); it must stay", f.path, err)
		}
	}
	for _, f := range live {
		_ = f.Close()
	}
}

// TestTidyWhileSaving runs Tidy over and over while two stores save: no
// save fails, none is lost, and no temp file is left once they are done.
func TestTidyWhileSaving(t *testing.T) {
	dir := t.TempDir()
	a, b := NewStore(dir), NewStore(dir)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
				b.Tidy()
			}
		}
	})
	s := NewSession(time.Now())
	var errs []error
	for i := range 300 {
		s.Intake.Company = "Initech " + string(rune('A'+i%26))
		if err := a.Overwrite(s.Clone()); err != nil {
			errs = append(errs, err)
		}
		_ = a.mkdir(a.IndexPath())
		_ = a.writeShard(summaryShardName(i%indexShards), encodeTextShard(&textShard{}))
	}
	close(stop)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("saves failed while Tidy ran: %v", err)
	}
	got, err := a.Load(s.ID)
	if err != nil || got.Intake.Company != s.Intake.Company {
		t.Fatalf("Load = %v, %v; want the last save", got, err)
	}
	var temps []string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && isTempName(d.Name()) {
			temps = append(temps, path)
		}
		return nil
	})
	if len(temps) > 0 {
		t.Errorf("temp files left: %q", temps)
	}
}

// TestTidyTempNames pins the names Tidy takes for its temp files.
func TestTidyTempNames(t *testing.T) {
	for name, want := range map[string]bool{
		".index.gob.tmp-1":               true,
		".0123456789abcdef.json.tmp-123": true,
		".x.json.v1.bak.tmp-9":           true,
		".probe.tmp-4294967295":          true,
		"index.gob.tmp-1":                false, // not hidden
		".tmp-1":                         false, // no name
		".x.json.tmp-":                   false,
		".x.json.tmp-12a":                false,
		".x.json":                        false,
		"x.json":                         false,
	} {
		if got := isTempName(name); got != want {
			t.Errorf("isTempName(%q) = %v, want %v", name, got, want)
		}
	}
	// And what replaceWith makes is one.
	dir := t.TempDir()
	var seen []string
	_ = replaceWith(dir, "x.json", false, func(w io.Writer) error {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			seen = append(seen, e.Name())
		}
		_, err := w.Write(bytes.Repeat([]byte("x"), 3))
		return err
	})
	if len(seen) != 1 || !isTempName(seen[0]) {
		t.Errorf("replaceWith's temp file %q is not a temp name", seen)
	}
}

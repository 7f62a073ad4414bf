package coach

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSavedFilesArePrivate: every file the store makes is 0600 and every
// folder 0700, no temp file stays, and Exposed finds nothing.
func TestSavedFilesArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	dir := filepath.Join(t.TempDir(), "data")
	st := NewStore(dir)
	sess := NewSession(time.Now())
	sess.Set(PromptCompany, Answer{Text: "Acme"}, time.Now())
	if err := st.Overwrite(sess); err != nil {
		t.Fatal(err)
	}
	p := NewPractice(Question{Key: "q:why", Text: "Why?", Source: FromUser}, 0, time.Now())
	if err := st.OverwritePractice(p); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(sess.ID); err != nil {
		t.Fatal(err)
	}
	kept := NewSession(time.Now())
	kept.ID = "0123456789abcdef"
	if err := st.Overwrite(kept); err != nil {
		t.Fatal(err)
	}
	st.clock = func() time.Time { return time.Now().Add(time.Hour) } // or files this fresh get no shard
	if _, _, err := st.Summaries(); err != nil {                     // writes index/
		t.Fatal(err)
	}
	n := 0
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		want := os.FileMode(0o600)
		if e.IsDir() {
			want = 0o700
		}
		if info.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", path, info.Mode().Perm(), want)
		}
		if isTempName(e.Name()) {
			t.Errorf("%s: a temp file left behind", path)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 { // data, sessions, practice, trash, index, its two shards, the three files
		t.Errorf("only %d entries checked", n)
	}
	if got, err := st.Exposed(); err != nil || len(got) != 0 {
		t.Errorf("Exposed() = %v, %v; want nothing", got, err)
	}
}

func TestExposed(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	tests := []struct {
		name  string
		modes map[string]os.FileMode // relative path: mode; a trailing / is a dir
		want  []string
	}{
		{"all private", map[string]os.FileMode{"sessions/": 0o700, "sessions/a.json": 0o600}, nil},
		{"a session readable by all", map[string]os.FileMode{"sessions/": 0o700, "sessions/a.json": 0o644},
			[]string{"sessions/a.json"}},
		{"group-readable practice", map[string]os.FileMode{"practice/": 0o700, "practice/b.json": 0o640},
			[]string{"practice/b.json"}},
		{"others may write", map[string]os.FileMode{"sessions/": 0o700, "sessions/a.json": 0o602},
			[]string{"sessions/a.json"}},
		{"folders do not count", map[string]os.FileMode{".": 0o755, "sessions/": 0o755, "trash/": 0o700, "trash/c.json": 0o600}, nil},
		{"the trash", map[string]os.FileMode{"trash/": 0o700, "trash/c.json": 0o604}, []string{"trash/c.json"}},
		{"the index", map[string]os.FileMode{"index/": 0o700, "index/text-07.idx": 0o644}, []string{"index/text-07.idx"}},
		{"an older rebound's index", map[string]os.FileMode{"index.gob": 0o644}, []string{"index.gob"}},
		{"files rebound did not make (--data-dir ~)", map[string]os.FileMode{".bashrc": 0o644, "notes.txt": 0o666,
			"Documents/": 0o755, "Documents/cv.pdf": 0o644, "sessions/": 0o700, "sessions/a.json": 0o600}, nil},
		{"only owner bits, even odd ones", map[string]os.FileMode{"sessions/": 0o700, "sessions/a.json": 0o400}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data")
			if err := os.Mkdir(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			var paths []string
			for p := range tt.modes {
				paths = append(paths, p)
			}
			slices.Sort(paths) // folders before their files
			for _, p := range paths {
				full := filepath.Join(dir, p)
				switch {
				case p == ".":
				case strings.HasSuffix(p, "/"):
					if err := os.Mkdir(full, 0o700); err != nil {
						t.Fatal(err)
					}
				default:
					if err := os.WriteFile(full, []byte("{}"), 0o600); err != nil {
						t.Fatal(err)
					}
				}
			}
			for _, p := range paths { // chmod after: the umask does not apply
				if err := os.Chmod(filepath.Join(dir, p), tt.modes[p]); err != nil {
					t.Fatal(err)
				}
			}
			got, err := NewStore(dir).Exposed()
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Exposed() = %q, want %q", got, tt.want)
			}
		})
	}
	if got, err := NewStore(filepath.Join(t.TempDir(), "none")).Exposed(); err != nil || got != nil {
		t.Errorf("a data dir not made yet: %v, %v", got, err)
	}
}

func TestExposedWarning(t *testing.T) {
	tests := []struct {
		exposed []string
		want    string
	}{
		{nil, ""},
		{[]string{"sessions/a.json"}, "Other users of this machine can read /d/sessions/a.json: run chmod go= /d/sessions/a.json to keep your answers private."},
		{[]string{"index.gob", "sessions/a.json"}, "Other users of this machine can read 2 of your files (such as /d/index.gob): run chmod -R go= /d/index.gob /d/sessions to keep your answers private."},
		{[]string{"practice/b.json", "sessions/a.json", "sessions/c.json", "trash/d.json"}, "Other users of this machine can read 4 of your files (such as /d/practice/b.json): run chmod -R go= /d/practice /d/sessions /d/trash to keep your answers private."},
	}
	for _, tt := range tests {
		if got := ExposedWarning("/d", tt.exposed); got != tt.want {
			t.Errorf("ExposedWarning(%q) = %q, want %q", tt.exposed, got, tt.want)
		}
	}
}

// TestUnavailableReadsNothing: without a data directory the store must not
// fall back on the working directory, where "sessions" would be relative.
func TestUnavailableReadsNothing(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.MkdirAll(filepath.Join("sessions"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("sessions", "0123456789abcdef.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("notes.txt", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	st := Unavailable(errors.New("no data directory"))
	if got, err := st.Exposed(); len(got) != 0 || err != nil {
		t.Errorf("Exposed() = %v, %v; want nothing", got, err)
	}
	if ids, err := st.IDs(); len(ids) != 0 || err == nil {
		t.Errorf("IDs() = %v, %v; want the reason", ids, err)
	}
	if l, _, err := st.List(); len(l) != 0 || err == nil {
		t.Errorf("List() = %v, %v; want the reason", l, err)
	}
	if s, _, err := st.Summaries(); len(s) != 0 || err == nil {
		t.Errorf("Summaries() = %v, %v; want the reason", s, err)
	}
	if p, _, err := st.Practices(); len(p) != 0 || err == nil {
		t.Errorf("Practices() = %v, %v; want the reason", p, err)
	}
	if err := st.Overwrite(NewSession(time.Now())); err == nil {
		t.Error("Save worked")
	}
	if err := st.Delete("0123456789abcdef"); err == nil {
		t.Error("Delete worked")
	}
	entries, _ := os.ReadDir(".")
	sessions, _ := os.ReadDir("sessions")
	if len(entries) != 2 || len(sessions) != 1 {
		t.Errorf("the working directory changed: %v, %v", entries, sessions)
	}
}

// TestExposedManyFiles: with files enough to be looked at on several CPUs,
// every exposed one is found, once, in order.
func TestExposedManyFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	dir := t.TempDir()
	sessions := filepath.Join(dir, "sessions")
	if err := os.Mkdir(sessions, 0o700); err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := range 2400 {
		name := fmt.Sprintf("%016x.json", i)
		mode := os.FileMode(0o600)
		if i%700 == 3 || i == 2399 {
			mode = 0o644
			want = append(want, filepath.Join("sessions", name))
		}
		if err := os.WriteFile(filepath.Join(sessions, name), nil, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(filepath.Join(sessions, name), mode); err != nil {
			t.Fatal(err)
		}
	}
	got, err := NewStore(dir).Exposed()
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Exposed = %q, %v; want %q", got, err, want)
	}
}

package coach

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// realisticSession is a finished session as a person would leave it: every
// intake field, both moods, a feedback plan, five actions and n answers of a
// few hundred characters.
func realisticSession(id string, now time.Time, n int) *Session {
	s := NewSession(now.Add(-40 * time.Minute))
	s.ID = id
	s.UpdatedAt = now
	s.Status = Complete
	s.Position = "actions"
	s.Intake = Intake{
		Company:     "Northwind & Co",
		Role:        "Senior Backend Engineer",
		Interviewer: "Sam Rivera",
		Stage:       "final round",
		RejectedOn:  "2025-11-03",
		Channel:     "email",
		Message: "Hi Alex,\n\nThank you for taking the time to interview with us for the Senior Backend " +
			"Engineer role. After careful consideration, we have decided to move forward with other " +
			"candidates whose experience more closely matches our current needs. We will keep your " +
			"details on file.\n\nBest,\nSam",
	}
	s.MoodBefore = &Mood{Score: 3, Word: "flat"}
	s.MoodAfter = &Mood{Score: 6, Word: "steadier"}
	s.Feedback = FeedbackRequest{
		Draft:      "Hi Sam,\n\nThank you for letting me know. Could you share one or two things I could do better? <3\n\nAlex",
		Send:       "email",
		SendOn:     "2025-11-05",
		FollowUpOn: "2025-11-19",
	}
	for i := range 5 {
		s.Actions = append(s.Actions, Action{Text: fmt.Sprintf("Action %d: practise a system design question out loud", i), Due: "2025-11-1" + fmt.Sprint(i), Done: i%2 == 0})
	}
	sentence := "I explained the trade-off between a queue and direct calls, but I rushed the part about failure modes and did not ask what they cared about most. "
	for i := range n {
		a := Answer{Text: strings.Repeat(sentence, 1+i%3)}
		if i%4 == 0 {
			a.Items = []string{"calm under pressure", "clear trade-offs", "asked good questions"}
		}
		if i%5 == 0 {
			a.Score = 1 + i%10
		}
		s.Answers[fmt.Sprintf("prompt_%02d", i)] = a
	}
	s.Drafts = map[string]Answer{"prompt_99": {Text: "half a thought"}}
	return s
}

// withoutRev returns a copy with rev cleared, for comparing what is on disk.
func withoutRev(s *Session) *Session {
	c := s.Clone()
	c.rev, c.lease, c.read = 0, 0, false
	return c
}

func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			names = append(names, e.Name())
		}
	}
	return names
}

func mustSave(t *testing.T, st *Store, s *Session) {
	t.Helper()
	if err := st.Overwrite(s); err != nil {
		t.Fatal(err)
	}
}

func TestStoreRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	st := NewStore(dir)
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("NewStore touched the disk: stat %s: %v", dir, err)
	}
	if got, want := st.Path("abc"), filepath.Join(dir, "sessions", "abc.json"); got != want {
		t.Errorf("Path = %q, want %q", got, want)
	}
	if st.Dir() != dir {
		t.Errorf("Dir = %q, want %q", st.Dir(), dir)
	}

	now := time.Date(2025, 11, 4, 9, 30, 0, 123456789, time.UTC)
	want := realisticSession("5e55a0a1b2c3d4e5", now, 20)
	mustSave(t, st, want)

	got, err := st.Load(want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(withoutRev(got), withoutRev(want)) {
		t.Errorf("loaded session differs:\n got %+v\nwant %+v", got, want)
	}

	list, problems, err := st.List()
	if err != nil || len(problems) != 0 || len(list) != 1 || !reflect.DeepEqual(withoutRev(list[0]), withoutRev(want)) {
		t.Errorf("List = %d sessions, problems %v, err %v; want the one session", len(list), problems, err)
	}

	if runtime.GOOS == "windows" {
		return
	}
	for path, mode := range map[string]fs.FileMode{
		dir:                       0o700 | fs.ModeDir,
		filepath.Dir(st.Path("")): 0o700 | fs.ModeDir,
		st.Path(want.ID):          0o600,
	} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode() != mode {
			t.Errorf("%s: mode %v, want %v", path, info.Mode(), mode)
		}
	}
}

func TestStoreEncoding(t *testing.T) {
	st := NewStore(t.TempDir())
	s := NewSession(time.Date(2025, 11, 3, 18, 4, 5, 0, time.UTC))
	s.ID = "0123456789abcdef"
	s.Answers = nil
	s.Intake.Company = "Smith & Jones <Ltd>"
	mustSave(t, st, s)
	if s.Answers != nil || s.Actions != nil {
		t.Errorf("Save changed the caller's session: answers %v, actions %v", s.Answers, s.Actions)
	}
	got, err := os.ReadFile(st.Path(s.ID))
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "schema_version": 1,
  "id": "0123456789abcdef",
  "created_at": "2025-11-03T18:04:05Z",
  "updated_at": "2025-11-03T18:04:05Z",
  "status": "in_progress",
  "position": "",
  "intake": {
    "company": "Smith & Jones <Ltd>",
    "role": "",
    "interviewer": "",
    "stage": "",
    "rejected_on": "",
    "channel": "",
    "message": ""
  },
  "feedback_request": {
    "draft": "",
    "send": "",
    "send_on": "",
    "follow_up_on": ""
  },
  "actions": [],
  "answers": {}
}
`
	if string(got) != want {
		t.Errorf("file:\n%s\nwant:\n%s", got, want)
	}
}

// The committed fixtures are files as this schema writes them: loading and
// saving them again must give the same bytes, so a format change shows up
// here as a diff.
func TestStoreFixturesKeepTheirBytes(t *testing.T) {
	for _, id := range []string{"5e55a0a1b2c3d4e5", "0123456789abcdef"} {
		t.Run(id, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", "store", "sessions", id+".json"))
			if err != nil {
				t.Fatal(err)
			}
			s, reason := decodeSession(want, id)
			if reason != "" {
				t.Fatal(reason)
			}
			got, err := encodeSession(s)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("re-encoded:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// copyFixtures copies testdata/store/sessions into dir/sessions and sets
// every file's mtime to an hour ago.
func copyFixtures(t *testing.T, dir string) {
	t.Helper()
	src := filepath.Join("testdata", "store", "sessions")
	dst := filepath.Join(dir, "sessions")
	if err := os.MkdirAll(dst, 0o700); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dst, e.Name())
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

type fileState struct {
	data  []byte
	mtime time.Time
	mode  fs.FileMode
}

func snapshotDir(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]fileState{}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = fileState{data, info.ModTime(), info.Mode()}
	}
	return m
}

// badFixtures maps each unusable fixture to a substring of its reason.
var badFixtures = map[string]string{
	"empty.json":     "empty file",
	"blank.json":     "empty file",
	"truncated.json": "not valid JSON: unexpected end of data at byte 311",
	"invalid.json":   "not valid JSON: invalid character 'i'",
	"trailing.json":  "not valid JSON: invalid character '}' after top-level value",
	"array.json":     "not a rebound session (the file holds an array, not an object)",
	"null.json":      "not a rebound session (the file holds null, not an object)",
	"noid.json":      "not a rebound session (no id)",
	"wrongid.json":   `id "someoneelse" does not match the file name "wrongid.json"`,
	"newer.json":     "written by a newer rebound (schema 3; this one reads up to 1)",
	"schema0.json":   "unknown schema version 0",
	"badtype.json":   "not a rebound session (answers is a JSON array",
}

func TestStoreListReportsProblemsAndTouchesNothing(t *testing.T) {
	dir := t.TempDir()
	copyFixtures(t, dir)
	sessions := filepath.Join(dir, "sessions")

	// A temp file a crashed save left long ago goes; a fresh one (a save in
	// progress) and an old stray file that only looks similar stay.
	stale := filepath.Join(sessions, ".5e55a0a1b2c3d4e5.json.tmp-111")
	fresh := filepath.Join(sessions, ".5e55a0a1b2c3d4e5.json.tmp-222")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte(`{"id": "half`), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	longAgo := time.Now().Add(-11 * time.Minute)
	if err := os.Chtimes(stale, longAgo, longAgo); err != nil {
		t.Fatal(err)
	}
	before := snapshotDir(t, sessions)
	delete(before, filepath.Base(stale))

	st := NewStore(dir)
	for round := range 2 { // a second List sees the same and changes nothing either
		list, problems, err := st.List()
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range list {
			ids = append(ids, s.ID)
		}
		if want := []string{"5e55a0a1b2c3d4e5", "0123456789abcdef"}; !slices.Equal(ids, want) {
			t.Errorf("round %d: sessions %v, want %v (newest first)", round, ids, want)
		}
		got := map[string]string{}
		for _, p := range problems {
			if filepath.Dir(p.Path) != sessions {
				t.Errorf("problem path %q is not in %s", p.Path, sessions)
			}
			got[filepath.Base(p.Path)] = p.Reason
			if strings.ContainsAny(p.Reason, "\n\r") || p.Reason == "" || strings.ToLower(p.Reason[:1]) != p.Reason[:1] {
				t.Errorf("%s: reason %q is not one lower-case line", p.Path, p.Reason)
			}
		}
		for name, want := range badFixtures {
			reason, ok := got[name]
			switch {
			case !ok:
				t.Errorf("round %d: no problem reported for %s", round, name)
			case !strings.Contains(reason, want):
				t.Errorf("round %d: %s: reason %q, want it to contain %q", round, name, reason, want)
			}
			delete(got, name)
		}
		for name, reason := range got {
			t.Errorf("round %d: unexpected problem %s: %s", round, name, reason)
		}
	}

	after := snapshotDir(t, sessions)
	if _, ok := after[filepath.Base(stale)]; ok {
		t.Errorf("stale temp file %s was not removed", stale)
	}
	for name, b := range before {
		a, ok := after[name]
		switch {
		case !ok:
			t.Errorf("%s was removed", name)
		case !bytes.Equal(a.data, b.data) || !a.mtime.Equal(b.mtime) || a.mode != b.mode:
			t.Errorf("%s changed: mtime %v -> %v, mode %v -> %v, %d -> %d bytes", name, b.mtime, a.mtime, b.mode, a.mode, len(b.data), len(a.data))
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("List created %s", name)
		}
	}
}

func TestStoreLoad(t *testing.T) {
	dir := t.TempDir()
	copyFixtures(t, dir)
	st := NewStore(dir)

	s, err := st.Load("5e55a0a1b2c3d4e5")
	if err != nil {
		t.Fatal(err)
	}
	if s.Intake.Company != "Northwind & Co" || len(s.Answers) != 2 || s.MoodBefore == nil || s.MoodBefore.Score != 3 {
		t.Errorf("loaded fixture looks wrong: %+v", s)
	}
	if s, err := st.Load("0123456789abcdef"); err != nil || s.Answers == nil {
		t.Errorf("Load = %v, %v; want a session with a non-nil Answers map", s, err)
	}

	for name, want := range badFixtures {
		id := strings.TrimSuffix(name, ".json")
		t.Run(id, func(t *testing.T) {
			_, err := st.Load(id)
			var p Problem
			if !errors.As(err, &p) {
				t.Fatalf("Load(%q) = %v, want a Problem", id, err)
			}
			if !strings.Contains(p.Reason, want) || p.Path != st.Path(id) {
				t.Errorf("Problem = %+v, want reason containing %q at %s", p, want, st.Path(id))
			}
			if !strings.HasPrefix(err.Error(), "load session "+id+": ") {
				t.Errorf("error %q lacks context", err)
			}
		})
	}

	if _, err := st.Load("missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing) = %v, want fs.ErrNotExist", err)
	}
	for _, id := range []string{"", "../escape", "a/b", ".hidden", "with space"} {
		if _, err := st.Load(id); err == nil || errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Load(%q) = %v, want an invalid-id error", id, err)
		}
	}
}

func TestStoreMissingDirIsEmpty(t *testing.T) {
	st := NewStore(filepath.Join(t.TempDir(), "nothing", "here"))
	list, problems, err := st.List()
	if err != nil || list != nil || problems != nil {
		t.Errorf("List = %v, %v, %v; want nothing", list, problems, err)
	}
	if _, err := os.Stat(st.Dir()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("List created the data dir: %v", err)
	}
}

func TestStoreStaleRevIsDropped(t *testing.T) {
	st := NewStore(t.TempDir())
	now := time.Date(2025, 11, 4, 9, 0, 0, 0, time.UTC)
	newer := realisticSession("abc", now, 3)
	newer.rev = 3
	newer.Position = "rev 3"
	older := newer.Clone()
	older.rev = 2
	older.Position = "rev 2"

	mustSave(t, st, newer)
	if err := st.Overwrite(older); err != nil {
		t.Fatalf("stale save returned %v, want nil", err)
	}
	got, err := st.Load("abc")
	if err != nil {
		t.Fatal(err)
	}
	if got.Position != "rev 3" {
		t.Errorf("file holds %q, want rev 3's content", got.Position)
	}

	same := newer.Clone()
	same.Position = "rev 3 again"
	mustSave(t, st, same)
	if got, _ := st.Load("abc"); got.Position != "rev 3 again" {
		t.Errorf("a save at the same rev was dropped")
	}
}

// A session that was loaded, changed once and saved must be written, both by
// a store that never saw it (a new run) and by the store that saved it many
// times before (listed again and resumed in the same run).
func TestStoreLoadedSessionSaves(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2025, 11, 4, 9, 0, 0, 0, time.UTC)
	st := NewStore(dir)
	s := NewSession(now)
	for i := range 20 {
		s.Position = fmt.Sprint("step ", i)
		s.touch(now)
		mustSave(t, st, s.Clone())
	}

	for name, store := range map[string]*Store{"same store": st, "new store": NewStore(dir)} {
		t.Run(name, func(t *testing.T) {
			list, _, err := store.List()
			if err != nil || len(list) != 1 {
				t.Fatalf("List = %v, %v", list, err)
			}
			resumed := list[0]
			resumed.Position = "resumed via " + name
			resumed.touch(now.Add(time.Minute))
			mustSave(t, store, resumed.Clone())
			loaded, err := store.Load(s.ID)
			if err != nil {
				t.Fatal(err)
			}
			if loaded.Position != resumed.Position {
				t.Errorf("save after List was dropped: file holds %q", loaded.Position)
			}
			loaded.Position = "after Load via " + name
			loaded.touch(now.Add(2 * time.Minute))
			mustSave(t, store, loaded.Clone())
			if again, _ := store.Load(s.ID); again.Position != loaded.Position {
				t.Errorf("save after Load was dropped: file holds %q", again.Position)
			}
		})
	}
}

func TestStoreConcurrentSaves(t *testing.T) {
	st := NewStore(t.TempDir())
	base := realisticSession("c0ffee", time.Date(2025, 11, 4, 9, 0, 0, 0, time.UTC), 20)
	other := realisticSession("beef", base.UpdatedAt, 2)
	const n = 64

	done := make(chan struct{})
	var readers sync.WaitGroup
	readers.Go(func() { // readers never see a half-written file
		for {
			select {
			case <-done:
				return
			default:
			}
			_, problems, err := st.List()
			if err != nil || len(problems) != 0 {
				t.Errorf("List during saves: %v, %v", problems, err)
				return
			}
		}
	})

	var wg sync.WaitGroup
	for _, r := range rand.Perm(n) {
		rev := uint64(r + 1)
		wg.Go(func() {
			s := base.Clone()
			s.rev = rev
			s.Position = fmt.Sprint("rev ", rev)
			s.Answers["prompt_00"] = Answer{Text: strings.Repeat(string(rune('a'+rev%26)), 1000+int(rev))}
			if err := st.Overwrite(s); err != nil {
				t.Error(err)
			}
			o := other.Clone()
			o.rev = rev
			o.Position = fmt.Sprint("rev ", rev)
			if err := st.Overwrite(o); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	close(done)
	readers.Wait()

	for _, id := range []string{"c0ffee", "beef"} {
		got, err := st.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprint("rev ", n); got.Position != want {
			t.Errorf("%s: file holds %q, want %q", id, got.Position, want)
		}
	}
	if tmp := tempFiles(t, filepath.Join(st.Dir(), "sessions")); len(tmp) != 0 {
		t.Errorf("temp files left: %v", tmp)
	}
}

func TestStoreSaveFailsCleanly(t *testing.T) {
	t.Run("data dir is a file", func(t *testing.T) {
		parent := t.TempDir()
		dir := filepath.Join(parent, "rebound")
		if err := os.WriteFile(dir, []byte("not a directory"), 0o600); err != nil {
			t.Fatal(err)
		}
		st := NewStore(dir)
		err := st.Overwrite(NewSession(time.Now()))
		if err == nil || !strings.Contains(err.Error(), dir) || !strings.HasPrefix(err.Error(), "save session ") {
			t.Fatalf("Save = %v, want an error naming %s", err, dir)
		}
		if _, _, err := st.List(); err == nil {
			t.Errorf("List on a data dir that is a file = nil error")
		}
		entries, _ := os.ReadDir(parent)
		if len(entries) != 1 {
			t.Errorf("files left in %s: %v", parent, entries)
		}
	})

	t.Run("target is a directory", func(t *testing.T) {
		st := NewStore(t.TempDir())
		s := NewSession(time.Now())
		if err := os.MkdirAll(st.Path(s.ID), 0o700); err != nil {
			t.Fatal(err)
		}
		err := st.Overwrite(s)
		if err == nil || !strings.Contains(err.Error(), s.ID) {
			t.Fatalf("Save = %v, want an error", err)
		}
		sessions := filepath.Dir(st.Path(s.ID))
		if tmp := tempFiles(t, sessions); len(tmp) != 0 {
			t.Errorf("temp files left: %v", tmp)
		}
		_, problems, err := st.List()
		if err != nil || len(problems) != 1 || problems[0].Reason != "a directory, not a file" {
			t.Errorf("List = %v, %v; want the directory reported", problems, err)
		}
	})

	t.Run("invalid id", func(t *testing.T) {
		st := NewStore(t.TempDir())
		for _, id := range []string{"", "../../etc/passwd", `a\b`, ".x"} {
			s := NewSession(time.Now())
			s.ID = id
			if err := st.Overwrite(s); err == nil {
				t.Errorf("Save with id %q = nil", id)
			}
		}
		if err := st.Overwrite(nil); err == nil {
			t.Errorf("Save(nil) = nil")
		}
		if _, err := os.Stat(filepath.Join(st.Dir(), "sessions")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("invalid saves touched the disk: %v", err)
		}
	})

	t.Run("unreadable sessions dir", func(t *testing.T) {
		if runtime.GOOS == "windows" || os.Geteuid() == 0 {
			t.Skip("needs Unix permissions and a non-root user")
		}
		st := NewStore(t.TempDir())
		mustSave(t, st, NewSession(time.Now()))
		sessions := filepath.Dir(st.Path("x"))
		if err := os.Chmod(sessions, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(sessions, 0o700) })
		if _, _, err := st.List(); err == nil {
			t.Errorf("List on an unreadable dir = nil error")
		}
	})
}

// Crash safety: a saver process is killed with SIGKILL at random moments
// while it rewrites one session with large payloads. Whatever moment the kill
// lands on, the file must hold one complete payload.

const (
	saverEnv = "REBOUND_SAVER_DIR"
	saverID  = "crash0123456789ab"
)

// saverPayload is save i's letter and answer: one repeated letter, with a
// length that depends on the letter, so that a mix of two saves shows.
func saverPayload(i int) (letter string, text string) {
	letter = string(rune('a' + i%26))
	return letter, strings.Repeat(letter, 200<<10+(i%26)*512)
}

// TestHelperSaver is not a test: TestStoreCrashSafety runs the test binary
// again with this test selected and REBOUND_SAVER_DIR set.
func TestHelperSaver(t *testing.T) {
	dir := os.Getenv(saverEnv)
	if dir == "" {
		return
	}
	st := NewStore(dir)
	s := NewSession(time.Now())
	s.ID = saverID
	deadline := time.Now().Add(10 * time.Second) // never outlive a parent that died
	for i := 1; time.Now().Before(deadline); i++ {
		letter, text := saverPayload(i)
		s.Position = letter
		s.Answers["payload"] = Answer{Text: text}
		s.touch(time.Now())
		if err := st.Overwrite(s); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if i == 1 {
			fmt.Println("ready")
		}
	}
	os.Exit(3)
}

func TestStoreCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a subprocess 30 times")
	}
	dir := t.TempDir()
	st := NewStore(dir)
	const kills = 30
	seen := map[string]bool{}
	start := time.Now()
	for k := range kills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSaver$", "-test.count=1")
		cmd.Env = append(os.Environ(), saverEnv+"="+dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(out).ReadString('\n')
		if line != "ready\n" {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("kill %d: saver did not start: %q, %v; stderr: %s", k, line, err, stderr.String())
		}
		time.Sleep(time.Millisecond + rand.N(49*time.Millisecond))
		if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix
			t.Fatal(err)
		}
		err = cmd.Wait()
		if cmd.ProcessState.Exited() {
			t.Fatalf("kill %d: saver exited by itself (%v) before the kill; stderr: %s", k, err, stderr.String())
		}

		s, err := st.Load(saverID)
		if err != nil {
			t.Fatalf("kill %d: %v", k, err)
		}
		text := s.Answers["payload"].Text
		letter := s.Position
		ok := len(letter) == 1 && len(text) > 0 && strings.Count(text, letter) == len(text)
		if ok {
			_, want := saverPayload(int(letter[0] - 'a'))
			ok = len(text) == len(want)
		}
		if !ok {
			t.Fatalf("kill %d: partial payload: position %q, %d bytes starting %q", k, letter, len(text), text[:min(len(text), 20)])
		}
		seen[letter] = true

		_, problems, err := st.List()
		if err != nil || len(problems) != 0 {
			t.Fatalf("kill %d: List = %v, %v", k, problems, err)
		}
	}
	letters := slices.Sorted(maps.Keys(seen))
	t.Logf("%d kills in %v; payloads found after a kill: %v; temp files left by killed saves: %d",
		kills, time.Since(start).Round(time.Millisecond), letters, len(tempFiles(t, filepath.Join(dir, "sessions"))))
}

func BenchmarkSave(b *testing.B) {
	st := NewStore(b.TempDir())
	s := realisticSession("5e55a0a1b2c3d4e5", time.Now(), 20)
	data, _ := json.Marshal(s)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var took []time.Duration
	for b.Loop() {
		s.touch(time.Now())
		t0 := time.Now()
		if err := st.Overwrite(s); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(t0))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(took[len(took)*99/100].Nanoseconds()), "p99-ns")
}

func BenchmarkList(b *testing.B) {
	st := NewStore(b.TempDir())
	now := time.Now()
	for i := range 100 {
		s := realisticSession(fmt.Sprintf("%016x", i), now.Add(time.Duration(i)*time.Minute), 20)
		if err := st.Overwrite(s); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		list, problems, err := st.List()
		if err != nil || len(list) != 100 || len(problems) != 0 {
			b.Fatalf("List = %d, %v, %v", len(list), problems, err)
		}
	}
}

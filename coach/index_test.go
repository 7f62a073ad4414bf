package coach_test

// These tests are outside package coach so that they can write sessions
// with coachtest, which imports coach.

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
)

// indexNow is the "now" sessions are generated before. Every file
// coachtest.Write makes is dated to its session's last change, so the
// newest is an hour old: well before any index is built.
var indexNow = time.Now().Add(-time.Hour)

// writeSessions writes n generated sessions into a new data dir.
func writeSessions(t testing.TB, n int, seed uint64) (*coach.Store, []*coach.Session) {
	t.Helper()
	st := coach.NewStore(t.TempDir())
	sessions := coachtest.Generate(n, seed, indexNow)
	if err := coachtest.Write(st, sessions); err != nil {
		t.Fatal(err)
	}
	return st, sessions
}

// mustSummaries calls Summaries and fails on an error or a problem.
func mustSummaries(t *testing.T, st *coach.Store) []coach.Summary {
	t.Helper()
	sums, problems, err := st.Summaries()
	if err != nil || len(problems) != 0 {
		t.Fatalf("Summaries: %v, %v", problems, err)
	}
	return sums
}

// listSummaries is what Summaries must give: the summaries of what List
// reads, in List's order.
func listSummaries(t *testing.T, st *coach.Store) []coach.Summary {
	t.Helper()
	list, _, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	out := make([]coach.Summary, len(list))
	for i, s := range list {
		out[i] = coach.Summarize(s)
	}
	return out
}

// checkSummaries compares summaries field for field, search text included.
func checkSummaries(t *testing.T, what string, got, want []coach.Summary) {
	t.Helper()
	if gi, wi := summaryIDs(got), summaryIDs(want); !slices.Equal(gi, wi) {
		t.Fatalf("%s: sessions\n%q\nwant\n%q", what, gi, wi)
	}
	for i := range got {
		if !reflect.DeepEqual(coach.Detached(got[i]), coach.Detached(want[i])) {
			t.Errorf("%s: summary %d:\n%+v\nwant\n%+v", what, i, got[i], want[i])
		} else if got[i].SearchText() != want[i].SearchText() {
			t.Errorf("%s: search text of %s:\n%s\nwant\n%s", what, got[i].ID, got[i].SearchText(), want[i].SearchText())
		}
	}
}

func summaryIDs(ms []coach.Summary) []string {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	return ids
}

// rewrite changes a stored session the way another program might: it
// writes the file in place and dates it to mtime.
func rewrite(t *testing.T, st *coach.Store, id string, edit func(*coach.Session), mtime time.Time) {
	t.Helper()
	s, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	edit(s)
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	writeDated(t, st.Path(id), append(data, '\n'), mtime)
}

func writeDated(t *testing.T, path string, data []byte, mtime time.Time) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

func modTime(t *testing.T, path string) (time.Time, int64) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.ModTime(), info.Size()
}

// sameLength returns a different string of the same length, so that a
// change to it keeps the file's size.
func sameLength(s string) string {
	if strings.HasPrefix(s, "Z") {
		return "Y" + s[1:]
	}
	return "Z" + s[1:]
}

func TestSummariesMatchList(t *testing.T) {
	st, sessions := writeSessions(t, 60, 1)
	// Two sessions last changed at the same moment are ordered by ID, and
	// one with no actions, moods or answers at all still summarises.
	bare := coach.NewSession(indexNow.Add(-48 * time.Hour))
	bare.ID = "0000000000000bae"
	bare.Actions = []coach.Action{}
	twin := sessions[0].Clone()
	twin.ID = "00000000000000ab"
	if err := coachtest.Write(st, []*coach.Session{bare, twin}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(st.IndexPath()); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("an index before the first Summaries: %v", err)
	}

	want := listSummaries(t, st)
	if len(want) != 62 {
		t.Fatalf("List gives %d sessions, want 62", len(want))
	}
	cold := mustSummaries(t, settle(st)) // just written: settled, or no shard would vouch for them
	checkSummaries(t, "without an index", cold, want)
	if got, want := st.IndexPath(), filepath.Join(st.Dir(), "index"); got != want {
		t.Errorf("IndexPath = %s, want %s", got, want)
	}
	if _, err := os.Stat(st.IndexPath()); err != nil {
		t.Fatalf("no index after Summaries: %v", err)
	}
	for i := 1; i < len(cold); i++ {
		if cold[i].UpdatedAt.After(cold[i-1].UpdatedAt) {
			t.Errorf("summary %d (%v) is newer than summary %d (%v)", i, cold[i].UpdatedAt, i-1, cold[i-1].UpdatedAt)
		}
	}
	checkSummaries(t, "from the index", mustSummaries(t, st), want)
}

// settle moves st's clock an hour ahead: files written just now are then as
// old, to the index, as files written an hour ago, and it trusts their
// entries (a file changed within two seconds of the index being built is
// read again, whatever its stamp).
func settle(st *coach.Store) *coach.Store {
	coach.SetClock(st, func() time.Time { return time.Now().Add(time.Hour) })
	return st
}

// readsFail is a settled store of st's data dir that cannot read a session
// file: what it lists comes from the index alone.
func readsFail(st *coach.Store) *coach.Store {
	blind := settle(coach.NewStore(st.Dir()))
	blind.InjectFaults(func(op, path string) error {
		if op == "read" && strings.HasSuffix(path, ".json") {
			return errors.New("read refused by the test")
		}
		return nil
	})
	return blind
}

// TestSummariesTrustTheIndex: once the index is built, a file whose stamp
// has not changed is not read again.
func TestSummariesTrustTheIndex(t *testing.T) {
	st, _ := writeSessions(t, 20, 2)
	want := mustSummaries(t, settle(st))
	checkSummaries(t, "from the index", mustSummaries(t, readsFail(st)), want)
}

func TestSummariesSeeChanges(t *testing.T) {
	const company = "Changed Company Ltd"
	tests := []struct {
		name string
		// before runs before the index is built, change after.
		before func(t *testing.T, st *coach.Store, id string)
		change func(t *testing.T, st *coach.Store, id string)
		// problem is the reason a Problem for the changed file must have.
		problem string
	}{
		{
			name: "another size, same mtime",
			change: func(t *testing.T, st *coach.Store, id string) {
				mtime, _ := modTime(t, st.Path(id))
				rewrite(t, st, id, func(s *coach.Session) { s.Intake.Company = company }, mtime)
			},
		},
		{
			name: "same size, another mtime",
			change: func(t *testing.T, st *coach.Store, id string) {
				mtime, size := modTime(t, st.Path(id))
				rewrite(t, st, id, func(s *coach.Session) { s.Intake.Company = sameLength(s.Intake.Company) }, mtime.Add(time.Second))
				if _, got := modTime(t, st.Path(id)); got != size {
					t.Fatalf("size %d -> %d; the test needs the same size", size, got)
				}
			},
		},
		{
			// Written just before the index was built, then changed again
			// within the same timestamp: the index cannot tell, so it must
			// not trust the entry.
			name: "changed twice within the racy window",
			before: func(t *testing.T, st *coach.Store, id string) {
				now := time.Now()
				if err := os.Chtimes(st.Path(id), now, now); err != nil {
					t.Fatal(err)
				}
			},
			change: func(t *testing.T, st *coach.Store, id string) {
				mtime, size := modTime(t, st.Path(id))
				rewrite(t, st, id, func(s *coach.Session) { s.Intake.Company = sameLength(s.Intake.Company) }, mtime)
				if m, s := modTime(t, st.Path(id)); s != size || !m.Equal(mtime) {
					t.Fatal("the test needs the same size and mtime")
				}
			},
		},
		{
			// A backup restored with its times, touch -r, a sync tool:
			// nothing but the change time and maybe the inode says so.
			name: "same size and mtime, rewritten in place",
			change: func(t *testing.T, st *coach.Store, id string) {
				mtime, size := modTime(t, st.Path(id))
				rewrite(t, st, id, func(s *coach.Session) { s.Intake.Company = sameLength(s.Intake.Company) }, mtime)
				if m, s := modTime(t, st.Path(id)); s != size || !m.Equal(mtime) {
					t.Fatal("the test needs the same size and mtime")
				}
			},
		},
		{
			name: "saved by the store",
			change: func(t *testing.T, st *coach.Store, id string) {
				s, err := st.Load(id)
				if err != nil {
					t.Fatal(err)
				}
				s.SetOutcome(coach.NoReply, time.Now())
				if err := st.Overwrite(s); err != nil {
					t.Fatal(err)
				}
			},
		},
		{
			name: "removed",
			change: func(t *testing.T, st *coach.Store, id string) {
				if err := os.Remove(st.Path(id)); err != nil {
					t.Fatal(err)
				}
			},
		},
		{
			name: "deleted to the trash",
			change: func(t *testing.T, st *coach.Store, id string) {
				if err := st.Delete(id); err != nil {
					t.Fatal(err)
				}
			},
		},
		{
			name: "a new session",
			change: func(t *testing.T, st *coach.Store, _ string) {
				s := coachtest.Generate(1, 99, indexNow)[0]
				s.ID = "00000000000000ee"
				if err := coachtest.Write(st, []*coach.Session{s}); err != nil {
					t.Fatal(err)
				}
			},
		},
		{
			name: "corrupted",
			change: func(t *testing.T, st *coach.Store, id string) {
				mtime, _ := modTime(t, st.Path(id))
				writeDated(t, st.Path(id), []byte(`{"schema_version": 1, "id": "`+id+`", "intake": `), mtime)
			},
			problem: "not valid JSON: unexpected end of data",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, sessions := writeSessions(t, 20, 3)
			id := sessions[5].ID
			if tt.before != nil {
				tt.before(t, st, id)
			}
			built := mustSummaries(t, st)
			tt.change(t, st, id)
			want := listSummaries(t, st)
			if reflect.DeepEqual(want, built) {
				t.Fatal("the change changed nothing List sees")
			}
			got, problems, err := st.Summaries()
			if err != nil {
				t.Fatal(err)
			}
			checkSummaries(t, "after the change", got, want)
			switch {
			case tt.problem == "" && len(problems) != 0:
				t.Errorf("problems %v", problems)
			case tt.problem != "" && (len(problems) != 1 || problems[0].Path != st.Path(id) || !strings.Contains(problems[0].Reason, tt.problem)):
				t.Errorf("problems %v, want one for %s: %s", problems, st.Path(id), tt.problem)
			}
			// And the index written after the change is right too.
			got, _, _ = st.Summaries()
			checkSummaries(t, "from the index written after the change", got, want)
		})
	}
}

// copyStoreFixtures copies testdata/store/sessions into a new data dir,
// dated an hour ago.
func copyStoreFixtures(t *testing.T) *coach.Store {
	t.Helper()
	st := coach.NewStore(t.TempDir())
	src := filepath.Join("testdata", "store", "sessions")
	dst := filepath.Dir(st.Path("x"))
	if err := os.MkdirAll(dst, 0o700); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeDated(t, filepath.Join(dst, e.Name()), data, indexNow)
	}
	return st
}

type fileState struct {
	data  []byte
	mtime time.Time
	mode  fs.FileMode
}

func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]fileState{}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		var data []byte
		if !e.IsDir() {
			data, err = os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
		}
		m[e.Name()] = fileState{data, info.ModTime(), info.Mode()}
	}
	return m
}

func TestSummariesReportProblemsAndTouchNothing(t *testing.T) {
	st := copyStoreFixtures(t)
	sessions := filepath.Dir(st.Path("x"))
	if err := os.Mkdir(filepath.Join(sessions, "folder.json"), 0o700); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, sessions)

	list, listProblems, err := st.List()
	if err != nil {
		t.Fatal(err)
	}
	wantProblems := map[string]string{}
	for _, p := range listProblems {
		wantProblems[p.Path] = p.Reason
	}
	if len(wantProblems) < 10 || wantProblems[filepath.Join(sessions, "folder.json")] != "a directory, not a file" {
		t.Fatalf("fixtures changed? List problems: %v", listProblems)
	}
	for round := range 3 { // without an index, then with one, then again
		sums, problems, err := st.Summaries()
		if err != nil {
			t.Fatal(err)
		}
		if got, want := summaryIDs(sums), []string{list[0].ID, list[1].ID}; !slices.Equal(got, want) {
			t.Errorf("round %d: sessions %q, want %q", round, got, want)
		}
		got := map[string]string{}
		for _, p := range problems {
			got[p.Path] = p.Reason
		}
		if !reflect.DeepEqual(got, wantProblems) {
			t.Errorf("round %d: problems\n%v\nwant (as List)\n%v", round, got, wantProblems)
		}
	}
	after := snapshot(t, sessions)
	if !reflect.DeepEqual(after, before) {
		for name, b := range before {
			if a := after[name]; !reflect.DeepEqual(a, b) {
				t.Errorf("%s changed: mtime %v -> %v, mode %v -> %v, %d -> %d bytes", name, b.mtime, a.mtime, b.mode, a.mode, len(b.data), len(a.data))
			}
		}
		for name := range after {
			if _, ok := before[name]; !ok {
				t.Errorf("Summaries created %s", name)
			}
		}
	}
}

// forgedShard is the summaries shard of s with its entry for s changed to
// a summary that file does not hold (company "Forged Inc"), which matches
// the file's stamp: used only if trusted. The stamp is the one st's index
// has for the file (built by a settled store if need be). A version of 0
// means the version the store writes today.
func forgedShard(t *testing.T, st *coach.Store, s *coach.Session, version int) []byte {
	t.Helper()
	path, _ := coach.ShardPaths(st, s.ID)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		mustSummaries(t, settle(coach.NewStore(st.Dir())))
	}
	m := coach.Summarize(s)
	m.Company = "Forged Inc"
	data, err := coach.ForgeShard(path, s.ID, m, version)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSummariesSeeEditsThatKeepSizeAndMtime: a file changed with the same
// size and modification time is read again, because its change time or
// inode is not the one its entry has. The clock is an hour ahead, so the
// racy window does not come into it: only the stamp tells.
func TestSummariesSeeEditsThatKeepSizeAndMtime(t *testing.T) {
	same := func(t *testing.T, path string, size int64, mtime time.Time) {
		t.Helper()
		if m, s := modTime(t, path); s != size || !m.Equal(mtime) {
			t.Fatalf("size %d, mtime %v; the test needs %d and %v", s, m, size, mtime)
		}
	}
	tests := []struct {
		name  string
		write func(t *testing.T, path string, data []byte)
	}{
		{"rewritten in place", func(t *testing.T, path string, data []byte) {
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"replaced by a copy (a new inode)", func(t *testing.T, path string, data []byte) {
			tmp := path + ".new"
			if err := os.WriteFile(tmp, data, 0o600); err != nil {
				t.Fatal(err)
			}
			info, _ := os.Stat(path)
			if err := os.Chtimes(tmp, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(tmp, path); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, sessions := writeSessions(t, 10, 7)
			settle(st)
			mustSummaries(t, st)
			id := sessions[2].ID
			path := st.Path(id)
			mtime, size := modTime(t, path)
			s, err := st.Load(id)
			if err != nil {
				t.Fatal(err)
			}
			changed := sameLength(s.Intake.Company)
			s.Intake.Company = changed
			data, err := json.MarshalIndent(s, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			tt.write(t, path, append(data, '\n'))
			if err := os.Chtimes(path, mtime, mtime); err != nil {
				t.Fatal(err)
			}
			same(t, path, size, mtime)
			for _, what := range []string{"after the edit", "from the index written after it"} {
				sums := mustSummaries(t, st)
				i := slices.IndexFunc(sums, func(m coach.Summary) bool { return m.ID == id })
				if i < 0 || sums[i].Company != changed {
					t.Fatalf("%s: the summary of %s does not show the edit (company %q)", what, id, changed)
				}
			}
			list, _, _ := st.List()
			if i := slices.IndexFunc(list, func(s *coach.Session) bool { return s.ID == id }); i < 0 || list[i].Intake.Company != changed {
				t.Errorf("List does not show the edit")
			}
		})
	}
}

// TestSummariesRebuildBadIndex spoils the shard one session falls in, of
// summaries or of text: the listing and the search are as they were, the
// shard is rebuilt from the session files, and no problem is reported (the
// index is a cache; only session files are the user's).
func TestSummariesRebuildBadIndex(t *testing.T) {
	// A spoiler gets the good file of the kind of shard spoilt, and s, whose
	// shard it is, and other, a session in another shard.
	type spoil func(t *testing.T, st *coach.Store, kind string, s, other *coach.Session, good []byte) []byte
	cases := []struct {
		name string
		bad  spoil
	}{
		{"empty", func(*testing.T, *coach.Store, string, *coach.Session, *coach.Session, []byte) []byte { return nil }},
		{"truncated", func(_ *testing.T, _ *coach.Store, _ string, _, _ *coach.Session, good []byte) []byte {
			return good[:len(good)/2]
		}},
		{"one byte short", func(_ *testing.T, _ *coach.Store, _ string, _, _ *coach.Session, good []byte) []byte {
			return good[:len(good)-1]
		}},
		{"garbage", func(*testing.T, *coach.Store, string, *coach.Session, *coach.Session, []byte) []byte {
			return bytes.Repeat([]byte{0xff, 0x00, 0x13, 'x'}, 1000)
		}},
		{"JSON", func(*testing.T, *coach.Store, string, *coach.Session, *coach.Session, []byte) []byte {
			return []byte(`{"version": 5, "built": 0, "entries": []}`)
		}},
		{"one byte changed", func(_ *testing.T, _ *coach.Store, _ string, _, _ *coach.Session, good []byte) []byte {
			bad := bytes.Clone(good)
			bad[len(bad)/2] ^= 0x20
			return bad
		}},
		{"the old gob index", func(t *testing.T, _ *coach.Store, _ string, s, _ *coach.Session, _ []byte) []byte {
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(struct{ Version int }{4}); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}},
		{"another shard's file", func(t *testing.T, st *coach.Store, kind string, _, other *coach.Session, _ []byte) []byte {
			sum, text := coach.ShardPaths(st, other.ID)
			data, err := os.ReadFile(sum)
			if kind == "text" {
				data, err = os.ReadFile(text)
			}
			if err != nil {
				t.Fatal(err)
			}
			return data
		}},
	}
	for _, kind := range []string{"summaries", "text"} {
		tests := slices.Clone(cases)
		if kind == "summaries" {
			tests = append(tests, struct {
				name string
				bad  spoil
			}{"another version", func(t *testing.T, st *coach.Store, _ string, s, _ *coach.Session, _ []byte) []byte {
				return forgedShard(t, st, s, 4) // the one-file index's version
			}})
		}
		for _, tt := range tests {
			t.Run(kind+"/"+tt.name, func(t *testing.T) {
				st, sessions := writeSessions(t, 40, 4)
				want := mustSummaries(t, settle(st))
				s := sessions[0]
				sum, text := coach.ShardPaths(st, s.ID)
				other := sessions[slices.IndexFunc(sessions, func(o *coach.Session) bool {
					p, _ := coach.ShardPaths(st, o.ID)
					return p != sum
				})]
				path := sum
				if kind == "text" {
					path = text
				}
				good, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, tt.bad(t, st, kind, s, other, good), 0o600); err != nil {
					t.Fatal(err)
				}
				checkSummaries(t, "with a bad shard", mustSummaries(t, settle(st)), want)

				// The shard was rebuilt: a store that cannot read a
				// session file lists and searches every one from it.
				checkSummaries(t, "from the rebuilt index", mustSummaries(t, readsFail(st)), want)
			})
		}
	}
}

// TestSummariesForgedIndexIsTrusted checks forgedShard itself: with this
// build's version, its entry is used. Without this, the "another version"
// case above could pass because the forged file did not decode at all.
func TestSummariesForgedIndexIsTrusted(t *testing.T) {
	st, sessions := writeSessions(t, 3, 5)
	forged := forgedShard(t, st, sessions[0], 0)
	path, _ := coach.ShardPaths(st, sessions[0].ID)
	if err := os.WriteFile(path, forged, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, m := range mustSummaries(t, settle(st)) {
		if (m.Company == "Forged Inc") != (m.ID == sessions[0].ID) {
			t.Errorf("%s: company %q", m.ID, m.Company)
		}
	}
}

func TestSummariesIndexNotWritable(t *testing.T) {
	tests := []struct {
		name  string
		block func(t *testing.T, st *coach.Store)
	}{
		{"index path is a file", func(t *testing.T, st *coach.Store) {
			if err := os.WriteFile(st.IndexPath(), nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"index path is a symbolic link to a folder", func(t *testing.T, st *coach.Store) {
			elsewhere := t.TempDir()
			if err := os.Symlink(elsewhere, st.IndexPath()); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 {
					t.Errorf("the index was written through a symbolic link: %d files", len(entries))
				}
			})
		}},
		{"writes fail", func(t *testing.T, st *coach.Store) {
			st.InjectFaults(func(op, path string) error {
				if op == "write" {
					return syscall.ENOSPC
				}
				return nil
			})
		}},
		{"read-only data dir", func(t *testing.T, st *coach.Store) {
			if os.Geteuid() == 0 {
				t.Skip("root writes to a read-only directory")
			}
			if runtime.GOOS == "windows" {
				t.Skip("no directory modes on Windows")
			}
			if err := os.Chmod(st.Dir(), 0o500); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = os.Chmod(st.Dir(), 0o700) })
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, _ := writeSessions(t, 20, 6)
			want := listSummaries(t, st)
			tt.block(t, st)
			for round := range 2 {
				sums, problems, err := st.Summaries()
				if err != nil || len(problems) != 0 {
					t.Fatalf("round %d: Summaries: %v, %v", round, problems, err)
				}
				checkSummaries(t, "without an index", sums, want)
			}
			entries, err := os.ReadDir(st.Dir())
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if strings.Contains(e.Name(), ".tmp-") {
					t.Errorf("temp file %s left in the data dir", e.Name())
				}
			}
		})
	}
}

func TestSummariesNoSessions(t *testing.T) {
	st := coach.NewStore(filepath.Join(t.TempDir(), "nothing"))
	sums, problems, err := st.Summaries()
	if err != nil || len(sums) != 0 || len(problems) != 0 {
		t.Errorf("Summaries = %v, %v, %v; want nothing", sums, problems, err)
	}
	if _, err := os.Stat(st.Dir()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Summaries created the data dir: %v", err)
	}
}

func TestSummariesUnreadableDir(t *testing.T) {
	st := coach.NewStore(t.TempDir())
	// A file where the sessions directory should be cannot be listed.
	if err := os.WriteFile(filepath.Dir(st.Path("x")), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	sums, problems, err := st.Summaries()
	if err == nil || sums != nil || problems != nil {
		t.Fatalf("Summaries = %v, %v, %v; want an error", sums, problems, err)
	}
	if !strings.HasPrefix(err.Error(), "list sessions: ") {
		t.Errorf("error %q lacks context", err)
	}
}

func TestSummariesConcurrent(t *testing.T) {
	st, sessions := writeSessions(t, 30, 7)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i := range 4 {
		wg.Go(func() {
			for range 5 {
				sums, problems, err := st.Summaries()
				if err != nil || len(problems) != 0 || len(sums) != len(sessions) {
					errs <- fmt.Errorf("Summaries = %d sessions, %v, %v", len(sums), problems, err)
				}
			}
		})
		wg.Go(func() {
			s, err := st.Load(sessions[i].ID)
			if err != nil {
				errs <- err
				return
			}
			for j := range 5 {
				s.SetDone(0, j%2 == 0, time.Now())
				if err := st.Overwrite(s.Clone()); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	checkSummaries(t, "after concurrent saves", mustSummaries(t, st), listSummaries(t, st))
}

// The scale the README promises: ten thousand sessions.
const scaleSessions = 10_000

// BenchmarkSummaries measures the index at 1,000, 10,000 and 50,000
// sessions, to show how time and memory grow: a listing with a warm index
// (list), the first search after it, which reads the text shards
// (first-search), a listing after one session changed, which reads it and
// rewrites its shard (one-changed), and a build from the files alone
// (build). Each size's sessions are written once, for all four; 50,000 is
// left out under -short.
//
//	go test ./coach -run '^$' -bench Summaries
func BenchmarkSummaries(b *testing.B) {
	for _, n := range []int{1_000, scaleSessions, 50_000} {
		b.Run(fmt.Sprintf("sessions=%d", n), func(b *testing.B) {
			if n > scaleSessions && testing.Short() {
				b.Skip("50,000 sessions take a while to write; run without -short")
			}
			st, sessions := writeSessions(b, n, 1)
			settle(st) // as if written long ago: none is racily clean
			changing := sessions[n/2].ID
			sessions = nil
			list := func(b *testing.B) []coach.Summary {
				sums, problems, err := st.Summaries()
				if err != nil || len(problems) != 0 || len(sums) != n {
					b.Fatalf("Summaries = %d, %v, %v", len(sums), problems, err)
				}
				return sums
			}
			list(b) // builds the index
			b.Run("list", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					list(b)
				}
			})
			b.Run("first-search", func(b *testing.B) {
				b.ReportAllocs()
				q := coach.NewQuery("portfolio")
				for b.Loop() {
					b.StopTimer()
					sums := list(b)
					b.StartTimer()
					found := 0
					for _, m := range sums {
						if q.Match(m.SearchText()) {
							found++
						}
					}
				}
			})
			b.Run("one-changed", func(b *testing.B) {
				path := st.Path(changing)
				data, err := os.ReadFile(path)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for i := 0; b.Loop(); i++ {
					b.StopTimer()
					// Another size each time, written as another program
					// would: no fsync, so only the listing is timed.
					edited := bytes.Replace(data, []byte(`"company": "`), []byte(`"company": "`+strings.Repeat("x", i%2)), 1)
					if err := os.WriteFile(path, edited, 0o600); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					list(b)
				}
			})
			b.Run("build", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					if err := os.RemoveAll(st.IndexPath()); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					list(b)
				}
			})
		})
	}
}

// TestMeasureSummaries prints what listing ten thousand sessions costs. It
// asserts nothing about time: run it with REBOUND_MEASURE=1 and -v.
func TestMeasureSummaries(t *testing.T) {
	if os.Getenv("REBOUND_MEASURE") != "1" {
		t.Skip("set REBOUND_MEASURE=1 to measure")
	}
	start := time.Now()
	st, sessions := writeSessions(t, scaleSessions, 1)
	settle(st) // as if written long ago: none is racily clean
	changeIDs := []string{sessions[0].ID, sessions[1000].ID, sessions[2000].ID}
	sessions = nil // not kept in memory: the heap figures are Summaries' own
	var dirBytes int64
	entries, err := os.ReadDir(filepath.Dir(st.Path("x")))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		dirBytes += info.Size()
	}
	t.Logf("%d sessions, %.1f MB of session files, written in %v", len(entries), float64(dirBytes)/1e6, time.Since(start).Round(time.Millisecond))

	call := func() {
		t.Helper()
		sums, problems, err := st.Summaries()
		if err != nil || len(problems) != 0 || len(sums) != scaleSessions {
			t.Fatalf("Summaries = %d, %v, %v", len(sums), problems, err)
		}
	}
	removeIndex := func() {
		t.Helper()
		if err := os.RemoveAll(st.IndexPath()); err != nil {
			t.Fatal(err)
		}
	}

	var cold []time.Duration
	for range 3 {
		removeIndex()
		cold = append(cold, timed(call))
	}
	sizes := map[string]int64{}
	for name, f := range indexFiles(t, st) {
		kind, _, _ := strings.Cut(name, "-")
		sizes[kind] += int64(len(f.data))
	}
	t.Logf("cold build (no index): median %v of %v; index %.1f MB of summaries, %.1f MB of text",
		median(cold), cold, float64(sizes["summaries"])/1e6, float64(sizes["text"])/1e6)

	var warm []time.Duration
	for range 5 {
		warm = append(warm, timed(call))
	}
	t.Logf("warm read: median %v of %v", median(warm), warm)

	var changed []time.Duration
	for _, id := range changeIDs {
		// One session changed since the index was built: it is re-read and
		// its shard rewritten. The store's clock is an hour ahead, so the
		// file is not also re-read by the calls after this one (a file
		// changed within two seconds of an index build is re-read until a
		// later build).
		s, err := st.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		s.SetOutcome(coach.Sent, time.Now())
		if err := st.Overwrite(s); err != nil {
			t.Fatal(err)
		}
		changed = append(changed, timed(call))
	}
	t.Logf("read after one session changed: median %v of %v", median(changed), changed)

	var searched []time.Duration
	q := coach.NewQuery("portfolio")
	search := func() {
		sums, _, _ := st.Summaries()
		searched = append(searched, timed(func() {
			for _, m := range sums {
				q.Match(m.SearchText())
			}
		}))
	}
	for range 3 {
		search()
	}
	t.Logf("first search after a listing (reads the text): median %v of %v", median(searched), searched)

	removeIndex()
	for _, what := range []string{"cold build", "warm read"} {
		base, peak, alloc := heapDuring(call)
		t.Logf("%s: peak heap in use %.1f MB (%.1f MB before the call), %.1f MB allocated",
			what, float64(peak)/1e6, float64(base)/1e6, float64(alloc)/1e6)
	}
	base, peak, alloc := heapDuring(search)
	t.Logf("listing and first search: peak heap in use %.1f MB (%.1f MB before), %.1f MB allocated",
		float64(peak)/1e6, float64(base)/1e6, float64(alloc)/1e6)
}

func timed(f func()) time.Duration {
	t0 := time.Now()
	f()
	return time.Since(t0).Round(10 * time.Microsecond)
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// heapDuring runs f after a GC and returns HeapInuse before it, the highest
// HeapInuse seen while it ran (sampled every millisecond, and once at the
// end) and the bytes it allocated.
func heapDuring(f func()) (base, peak, alloc uint64) {
	runtime.GC()
	var before, ms runtime.MemStats
	runtime.ReadMemStats(&before)
	peak = before.HeapInuse
	done := make(chan struct{})
	sampled := make(chan uint64)
	go func() {
		high := uint64(0)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-done:
				sampled <- high
				return
			case <-tick.C:
				runtime.ReadMemStats(&m)
				high = max(high, m.HeapInuse)
			}
		}
	}()
	f()
	runtime.ReadMemStats(&ms)
	close(done)
	peak = max(peak, ms.HeapInuse, <-sampled)
	return before.HeapInuse, peak, ms.TotalAlloc - before.TotalAlloc
}

// readCounter is a settled store of st's data dir that counts the files it
// reads, by kind: session files, summaries shards and text shards.
type readCounter struct {
	st     *coach.Store
	mu     sync.Mutex
	counts map[string]int
}

func countReads(st *coach.Store) *readCounter {
	c := &readCounter{st: settle(coach.NewStore(st.Dir())), counts: map[string]int{}}
	c.st.InjectFaults(func(op, path string) error {
		if op != "read" {
			return nil
		}
		kind := "session"
		switch name := filepath.Base(path); {
		case strings.HasPrefix(name, "summaries-"):
			kind = "summaries"
		case strings.HasPrefix(name, "text-"):
			kind = "text"
		}
		c.mu.Lock()
		c.counts[kind]++
		c.mu.Unlock()
		return nil
	})
	return c
}

// take returns the counts so far and starts again from zero.
func (c *readCounter) take() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	got := c.counts
	c.counts = map[string]int{}
	return got
}

// shardFiles counts the index's files of each kind.
func shardFiles(t *testing.T, st *coach.Store) map[string]int {
	t.Helper()
	entries, err := os.ReadDir(st.IndexPath())
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, e := range entries {
		kind, _, _ := strings.Cut(e.Name(), "-")
		n[kind]++
	}
	return n
}

// TestListingDoesNotReadText: a listing reads the summaries shards alone,
// and the search text is read once, on the first SearchText, then looked
// up. The text is the one Summarize makes.
func TestListingDoesNotReadText(t *testing.T) {
	st, _ := writeSessions(t, 300, 8)
	want := listSummaries(t, st)
	mustSummaries(t, settle(st)) // builds the index
	files := shardFiles(t, st)
	if files["summaries"] == 0 || files["summaries"] != files["text"] || files["summaries"] > coach.IndexShards {
		t.Fatalf("index files %v", files)
	}
	c := countReads(st)
	sums, problems, err := c.st.Summaries()
	if err != nil || len(problems) != 0 {
		t.Fatal(problems, err)
	}
	if got := c.take(); !reflect.DeepEqual(got, map[string]int{"summaries": files["summaries"]}) {
		t.Errorf("a listing read %v; want only the %d summaries shards", got, files["summaries"])
	}
	if got, want := sums[7].SearchText(), want[7].SearchText(); got != want {
		t.Errorf("search text of %s:\n%s\nwant\n%s", sums[7].ID, got, want)
	}
	if got := c.take(); !reflect.DeepEqual(got, map[string]int{"text": files["text"]}) {
		t.Errorf("the first search read %v; want the %d text shards", got, files["text"])
	}
	checkSummaries(t, "searched", sums, want)
	if got := c.take(); len(got) != 0 {
		t.Errorf("later searches read %v; want nothing", got)
	}
}

// TestSearchRepairsTextShard: a text shard lost (deleted by hand, or never
// written) costs the first search a read of its sessions' files, which
// puts it back; the next search reads no session file.
func TestSearchRepairsTextShard(t *testing.T) {
	st, sessions := writeSessions(t, 200, 9)
	want := listSummaries(t, st)
	mustSummaries(t, settle(st))
	sum, text := coach.ShardPaths(st, sessions[0].ID)
	inShard, err := coach.ShardLen(sum, sessions[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(text); err != nil {
		t.Fatal(err)
	}
	for round, wantReads := range []int{inShard, 0} {
		c := countReads(st)
		sums := mustSummaries(t, c.st)
		checkSummaries(t, "searched", sums, want)
		if got := c.take()["session"]; got != wantReads {
			t.Errorf("round %d: the search read %d session files; want %d", round, got, wantReads)
		}
	}
	if _, err := os.Stat(text); err != nil {
		t.Errorf("the text shard is not back: %v", err)
	}
}

// indexFiles is every file of the index, by name.
func indexFiles(t *testing.T, st *coach.Store) map[string]fileState {
	t.Helper()
	return snapshot(t, st.IndexPath())
}

// TestChangeRewritesOneShard: one session saved, added or removed changes
// the two files of its shard and no other.
func TestChangeRewritesOneShard(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, st *coach.Store, id string)
	}{
		{"saved", func(t *testing.T, st *coach.Store, id string) {
			s, err := st.Load(id)
			if err != nil {
				t.Fatal(err)
			}
			s.Intake.Company = "Changed Company Ltd"
			if err := st.Overwrite(s); err != nil {
				t.Fatal(err)
			}
		}},
		{"added", func(t *testing.T, st *coach.Store, id string) {
			s := coachtest.Generate(1, 99, indexNow)[0]
			s.ID = id
			if err := coachtest.Write(st, []*coach.Session{s}); err != nil {
				t.Fatal(err)
			}
		}},
		{"deleted", func(t *testing.T, st *coach.Store, id string) {
			if err := st.Delete(id); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, sessions := writeSessions(t, 500, 10)
			id := sessions[3].ID
			if tt.name == "added" {
				id = "00000000000000ee"
			}
			settle(st)
			mustSummaries(t, st)
			before := indexFiles(t, st)
			time.Sleep(10 * time.Millisecond) // a rewritten file's mtime moves
			tt.change(t, st, id)
			checkSummaries(t, "after the change", mustSummaries(t, st), listSummaries(t, st))
			after := indexFiles(t, st)
			sum, text := coach.ShardPaths(st, id)
			changed := map[string]bool{filepath.Base(sum): true, filepath.Base(text): true}
			for name, b := range before {
				a, ok := after[name]
				switch {
				case !ok:
					t.Errorf("%s was removed", name)
				case changed[name] && bytes.Equal(a.data, b.data):
					t.Errorf("%s, the changed session's shard, is as it was", name)
				case !changed[name] && (!bytes.Equal(a.data, b.data) || !a.mtime.Equal(b.mtime)):
					t.Errorf("%s was rewritten; only %v should be", name, changed)
				}
			}
			if len(after) != len(before) {
				t.Errorf("%d index files, then %d", len(before), len(after))
			}
		})
	}
}

// TestSummariesRemoveTheOldIndex: the one-file index of rebound before the
// shards, which holds every session's text, goes once the shards are
// written.
func TestSummariesRemoveTheOldIndex(t *testing.T) {
	st, _ := writeSessions(t, 5, 11)
	old := filepath.Join(st.Dir(), "index.gob")
	if err := os.WriteFile(old, []byte("every session's text"), 0o600); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, "beside an old index", mustSummaries(t, settle(st)), listSummaries(t, st))
	if _, err := os.Lstat(old); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("index.gob is still there: %v", err)
	}
}

package coach

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// corruptReasons maps each file of testdata/corrupt to a part of the one-line
// reason it must be reported with. A file named session-* or practice-* is
// only for that kind of file; the others are tried as both. Each file's id
// is its name, so that nothing but the fault itself is wrong with it.
var corruptReasons = map[string]string{
	"empty.json":                        "empty file",
	"blank.json":                        "empty file",
	"nul-bytes.json":                    `not valid JSON: invalid character '\x00'`,
	"invalid-utf8.json":                 "not valid UTF-8 text (byte 402)",
	"latin1.json":                       "not valid UTF-8 text (byte 220)",
	"utf16.json":                        "not valid UTF-8 text (byte 0)",
	"bom.json":                          "starts with a byte order mark",
	"binary-garbage.json":               "not valid UTF-8 text (byte 0)",
	"gzip.json":                         "not valid UTF-8 text (byte 1)",
	"deep-nesting.json":                 "not valid JSON: invalid character '[' exceeded max depth",
	"trailing-garbage.json":             "not valid JSON: invalid character '}' after top-level value",
	"not-an-object.json":                "(the file holds an array, not an object)",
	"a-string.json":                     "(the file holds a string, not an object)",
	"null.json":                         "(the file holds null, not an object)",
	"no-schema.json":                    "(no schema_version)",
	"schema-zero.json":                  "unknown schema version 0",
	"schema-fraction.json":              "(schema_version 1.5 is not a whole number)",
	"future-schema.json":                "written by a newer rebound (schema 7; this one reads up to 1)",
	"id-mismatch.json":                  `id "someone-else" does not match the file name "id-mismatch.json"`,
	"wrong-type-id.json":                "(the id is not a string)",
	"wrong-type-schema.json":            `(schema_version "1" is not a whole number)`,
	"wrong-type-created.json":           `("last Tuesday" is not a date and time such as 2026-11-23T15:04:05Z)`,
	"session-wrong-type-answers.json":   "(answers is a JSON array, not an object)",
	"session-wrong-type-intake.json":    "(intake is a JSON number, not an object)",
	"practice-wrong-type-rating.json":   "(rating is a JSON string, not a whole number)",
	"practice-wrong-type-question.json": "(question is a JSON array, not an object)",
	"practice-wrong-type-rubric.json":   "(rubric is a JSON string, not an array)",
	// A 50 MB file is made by the test, not kept in the repository.
	"huge.json": "too large to be ours (50 MB; the limit is 16 MB)",
}

// kinds are the two kinds of file the store keeps, for tests that treat
// them alike.
var kinds = []struct {
	name, dir string
	list      func(*Store) (int, []Problem, error)
	load      func(*Store, string) error
	save      func(*Store) (path string, err error)
}{
	{
		name: "session", dir: "sessions",
		list: func(s *Store) (int, []Problem, error) { l, p, err := s.List(); return len(l), p, err },
		load: func(s *Store, id string) error { _, err := s.Load(id); return err },
		save: func(s *Store) (string, error) {
			now := time.Now()
			sess := NewSession(now)
			sess.Set(PromptCompany, Answer{Text: "Acme"}, now)
			sess.Set(PromptMessage, Answer{Text: "We have decided not to move forward.\nThank you — ✨"}, now)
			sess.Set(PromptMoodBefore, Answer{Score: 4, Text: "flat"}, now)
			sess.Set("reflect.questions", Answer{Items: []string{"Why us?", "A conflict"}}, now)
			sess.Set(PromptActions, Answer{Actions: []Action{{Text: "Ask Sam for a mock", Due: "2026-11-30"}}}, now)
			return s.Path(sess.ID), s.Overwrite(sess)
		},
	},
	{
		name: "practice", dir: "practice",
		list: func(s *Store) (int, []Problem, error) { l, p, err := s.Practices(); return len(l), p, err },
		load: func(s *Store, id string) error { _, err := s.LoadPractice(id); return err },
		save: func(s *Store) (string, error) {
			now := time.Now()
			p := NewPractice(Question{Key: "q:why", Text: "Why?", Source: FromUser}, 2*time.Minute, now)
			p.SetAnswer("Because of the mission — and the team.", 75*time.Second, false, now)
			p.SetReview(Review{WentWell: "Calm", DoBetter: "Numbers", Rubric: []string{"structure"}, Rating: 3}, now)
			return s.PracticePath(p.ID), s.OverwritePractice(p)
		},
	},
}

// TestCorruptionCorpus puts every file of the corpus, and a 50 MB one, where
// the store keeps its files, and checks that none is read as a session or a
// practice round, each is named with its own one-line reason by every way of
// reading it, and none is changed by reading or by saving other files.
func TestCorruptionCorpus(t *testing.T) {
	corpus, err := filepath.Glob(filepath.Join("testdata", "corrupt", "*.json"))
	if err != nil || len(corpus) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, kind := range kinds {
		t.Run(kind.name, func(t *testing.T) {
			dataDir := t.TempDir()
			dir := filepath.Join(dataDir, kind.dir)
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{}
			for _, src := range corpus {
				name := filepath.Base(src)
				other := map[string]string{"session": "practice-", "practice": "session-"}[kind.name]
				if strings.HasPrefix(name, other) || strings.Contains(name, "older-schema") {
					continue
				}
				reason, ok := corruptReasons[name]
				if !ok {
					t.Fatalf("%s has no expected reason in corruptReasons", name)
				}
				data, err := os.ReadFile(src)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
					t.Fatal(err)
				}
				want[name] = reason
			}
			// 50 MB, sparse so that it costs no disk: the store must refuse
			// it by its size, without reading it.
			huge, err := os.Create(filepath.Join(dir, "huge.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := huge.Truncate(50 << 20); err != nil {
				t.Fatal(err)
			}
			huge.Close()
			want["huge.json"] = corruptReasons["huge.json"]
			before := snapshotDir(t, dir)

			st := NewStore(dataDir)
			n, problems, err := kind.list(st)
			if err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%d files of the corpus were read as usable", n)
			}
			checkProblems(t, "list", problems, dir, want)
			if kind.name == "session" { // home and `rebound list` read through the index
				sums, problems, err := st.Summaries()
				if err != nil || len(sums) != 0 {
					t.Errorf("Summaries: %d usable, err %v", len(sums), err)
				}
				checkProblems(t, "summaries", problems, dir, want)
			}
			for name, reason := range want {
				err := kind.load(st, strings.TrimSuffix(name, ".json"))
				var p Problem
				if !errors.As(err, &p) || !strings.Contains(p.Reason, reason) {
					t.Errorf("load %s: %v, want a Problem with %q", name, err, reason)
				}
			}
			saved, err := kind.save(st)
			if err != nil {
				t.Fatalf("a new file beside the corpus: %v", err)
			}

			after := snapshotDir(t, dir)
			delete(after, filepath.Base(saved))
			delete(after, "index.gob")
			for name, was := range before {
				now, ok := after[name]
				switch {
				case !ok:
					t.Errorf("%s was removed", name)
				case !bytes.Equal(now.data, was.data) || !now.mtime.Equal(was.mtime) || now.mode != was.mode:
					t.Errorf("%s was changed", name)
				}
				delete(after, name)
			}
			for name := range after {
				t.Errorf("%s appeared", name)
			}
		})
	}
}

// checkProblems checks there is one problem for each file of want, in dir,
// with a reason that holds want's text and reads as one short line.
func checkProblems(t *testing.T, how string, problems []Problem, dir string, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, p := range problems {
		if filepath.Dir(p.Path) != dir {
			t.Errorf("%s: problem path %q is not in %s", how, p.Path, dir)
		}
		got[filepath.Base(p.Path)] = p.Reason
		if err := readsAsOneLine(p.Reason); err != nil {
			t.Errorf("%s: %s: reason %q %v", how, filepath.Base(p.Path), p.Reason, err)
		}
	}
	for name, reason := range want {
		if !strings.Contains(got[name], reason) {
			t.Errorf("%s: %s: reason %q, want it to hold %q", how, name, got[name], reason)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d problems for %d files", how, len(got), len(want))
	}
}

// readsAsOneLine says what keeps a reason from being one short line a user reads:
// control characters, length, or Go's names for types.
func readsAsOneLine(reason string) error {
	switch {
	case reason == "":
		return errors.New("is empty")
	case len([]rune(reason)) > 161:
		return errors.New("is too long")
	case strings.IndexFunc(reason, unicode.IsControl) >= 0:
		return errors.New("holds a control character")
	case strings.Contains(reason, "coach.") || strings.Contains(reason, "map["):
		return errors.New("names a Go type")
	}
	return nil
}

// TestTruncatedAtEveryByte cuts a good file at every byte: each cut is
// either still the same file (only the final newline gone) or reported with
// a one-line reason, and never changed.
func TestTruncatedAtEveryByte(t *testing.T) {
	for _, kind := range kinds {
		t.Run(kind.name, func(t *testing.T) {
			dataDir := t.TempDir()
			st := NewStore(dataDir)
			path, err := kind.save(st)
			if err != nil {
				t.Fatal(err)
			}
			full, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			id := strings.TrimSuffix(filepath.Base(path), ".json")
			fresh := NewStore(dataDir) // reads only; its rev bookkeeping plays no part
			cuts := 0
			for n := range len(full) {
				cut := full[:n]
				if err := os.WriteFile(path, cut, 0o600); err != nil {
					t.Fatal(err)
				}
				err := kind.load(fresh, id)
				if n == len(full)-1 && err == nil {
					continue // the trailing newline is not needed
				}
				var p Problem
				if !errors.As(err, &p) {
					t.Fatalf("cut at %d: %v, want a Problem", n, err)
				}
				if err := readsAsOneLine(p.Reason); err != nil {
					t.Errorf("cut at %d: reason %q %v", n, p.Reason, err)
				}
				if got, _ := os.ReadFile(path); !bytes.Equal(got, cut) {
					t.Fatalf("cut at %d: the file was changed", n)
				}
				cuts++
			}
			if cuts < len(full)-1 {
				t.Errorf("only %d of %d cuts reported", cuts, len(full))
			}
			t.Logf("%s: %d cuts of a %d-byte file, each reported and left as it was", kind.name, len(full), len(full))
		})
	}
}

// TestUpgradeOlderSchema proves the upgrade path with a stand-in version 2
// of each format (schema 1 is the first real one). A version 1 file is
// upgraded in memory when read, its original is copied to
// <id>.json.v1.bak before the first save in version 2 (and only then), and
// a file that cannot be upgraded is reported and left alone.
func TestUpgradeOlderSchema(t *testing.T) {
	// move returns an upgrade that moves a top-level field into an object.
	move := func(from, into, as string) func(map[string]json.RawMessage) error {
		return func(fields map[string]json.RawMessage) error {
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(fields[into], &obj); err != nil {
				return fmt.Errorf("%s is not an object", into)
			}
			obj[as] = fields[from]
			delete(fields, from)
			data, err := json.Marshal(obj)
			fields[into] = data
			return err
		}
	}
	broken := func(map[string]json.RawMessage) error { return errors.New("the stand-in fails") }
	tests := []struct {
		kind    int // index in kinds
		file    string
		upgrade func(map[string]json.RawMessage) error
		check   func(st *Store, id string) (string, error) // the moved field, read back
	}{
		{0, "session-older-schema.json", move("company", "intake", "company"),
			func(st *Store, id string) (string, error) {
				s, err := st.Load(id)
				if err != nil {
					return "", err
				}
				s.Set(PromptRole, Answer{Text: "Analyst"}, time.Now())
				return s.Intake.Company, st.Overwrite(s)
			}},
		{1, "practice-older-schema.json", move("question_text", "question", "text"),
			func(st *Store, id string) (string, error) {
				p, err := st.LoadPractice(id)
				if err != nil {
					return "", err
				}
				p.SetAnswer("Because of the people.", 0, false, time.Now())
				return p.Question.Text, st.OverwritePractice(p)
			}},
	}
	for _, tt := range tests {
		kind := kinds[tt.kind]
		t.Run(kind.name, func(t *testing.T) {
			original, err := os.ReadFile(filepath.Join("testdata", "corrupt", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			id := strings.TrimSuffix(tt.file, ".json")
			setUp := func(f format) (*Store, string) {
				dataDir := t.TempDir()
				dir := filepath.Join(dataDir, kind.dir)
				if err := os.MkdirAll(dir, 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, tt.file), original, 0o600); err != nil {
					t.Fatal(err)
				}
				st := NewStore(dataDir)
				if kind.name == "session" {
					st.sessions = f
				} else {
					st.practice = f
				}
				return st, dir
			}
			v2 := format{kind: kind.name, version: 2, upgrades: map[int]func(map[string]json.RawMessage) error{1: tt.upgrade}}

			st, dir := setUp(v2)
			path, bak := filepath.Join(dir, tt.file), filepath.Join(dir, tt.file+".v1.bak")
			if _, err := os.Stat(bak); err == nil {
				t.Fatal("a copy before any save")
			}
			moved, err := tt.check(st, id)
			if err != nil {
				t.Fatal(err)
			}
			if moved == "" {
				t.Error("the upgrade did not run: the moved field is empty")
			}
			if got, err := os.ReadFile(bak); err != nil || !bytes.Equal(got, original) {
				t.Fatalf("the copy of the old file: %v, or it differs from the original", err)
			}
			saved, _ := os.ReadFile(path)
			var head struct {
				Schema int `json:"schema_version"`
			}
			if json.Unmarshal(saved, &head); head.Schema != 2 {
				t.Errorf("saved in schema %d, want 2", head.Schema)
			}
			if !bytes.Contains(saved, []byte(moved)) {
				t.Errorf("the saved file lost %q", moved)
			}
			// A second save keeps the first copy: it is the old rebound's.
			if _, err := tt.check(newStoreLike(st), id); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(bak); !bytes.Equal(got, original) {
				t.Error("a later save replaced the copy of the old file")
			}

			for _, f := range []struct {
				name   string
				format format
				reason string
			}{
				{"failing upgrade", format{kind: kind.name, version: 2,
					upgrades: map[int]func(map[string]json.RawMessage) error{1: broken}},
					"cannot upgrade from schema 1: the stand-in fails"},
				{"no way up from 1", format{kind: kind.name, version: 3,
					upgrades: map[int]func(map[string]json.RawMessage) error{2: tt.upgrade}},
					"unknown schema version 1"},
			} {
				st, dir := setUp(f.format)
				err := kind.load(st, id)
				var p Problem
				if !errors.As(err, &p) || !strings.Contains(p.Reason, f.reason) {
					t.Errorf("%s: %v, want %q", f.name, err, f.reason)
				}
				if _, err := kind.save(st); err != nil {
					t.Fatal(err)
				}
				if got, _ := os.ReadFile(filepath.Join(dir, tt.file)); !bytes.Equal(got, original) {
					t.Errorf("%s: the file was changed", f.name)
				}
				if _, err := os.Stat(filepath.Join(dir, tt.file+".v1.bak")); err == nil {
					t.Errorf("%s: a copy was made of a file never upgraded", f.name)
				}
			}
		})
	}
}

// newStoreLike is a new store (as a second run of the app makes) that reads
// and writes the same formats as st.
func newStoreLike(st *Store) *Store {
	n := NewStore(st.dir)
	n.sessions, n.practice = st.sessions, st.practice
	return n
}

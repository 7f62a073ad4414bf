package coach_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
)

var practiceNow = time.Date(2026, time.November, 20, 9, 30, 0, 0, time.UTC)

func reviewedRound(t *testing.T, text string, at time.Time, rating int) *coach.Practice {
	t.Helper()
	p := coach.NewPractice(coach.Question{Key: coach.QuestionKey(text), Text: text, Source: coach.FromSession, SessionID: "0123456789abcdef"},
		90*time.Second, at)
	p.SetAnswer("I set the scene, then what I did.", 80*time.Second, false, at)
	p.SetReview(coach.Review{WentWell: "calm", DoBetter: "numbers", Rubric: []string{"structure"}, Rating: rating}, at)
	return p
}

func TestPracticeRoundTrip(t *testing.T) {
	dir := t.TempDir()
	st := coach.NewStore(dir)
	p := reviewedRound(t, "Why did you leave?", practiceNow, 4)
	if err := st.OverwritePractice(p); err != nil {
		t.Fatal(err)
	}
	path := st.PracticePath(p.ID)
	if want := filepath.Join(dir, "practice", p.ID+".json"); path != want {
		t.Errorf("path %s, want %s", path, want)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if perm := info.Mode().Perm(); perm != 0o600 {
			t.Errorf("file mode %o, want 600", perm)
		}
		if di, _ := os.Stat(filepath.Dir(path)); di.Mode().Perm() != 0o700 {
			t.Errorf("dir mode %o, want 700", di.Mode().Perm())
		}
	}
	data, _ := os.ReadFile(path)
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]any{
		"schema_version": 1.0, "rating": 4.0, "time_limit": 90.0, "time_used": 80.0,
		"answer": "I set the scene, then what I did.", "went_well": "calm", "do_better": "numbers",
	} {
		if raw[key] != want {
			t.Errorf("file %s = %v, want %v", key, raw[key], want)
		}
	}
	q, _ := raw["question"].(map[string]any)
	if q["key"] != "q:why did you leave" || q["source"] != "session" || q["session_id"] != "0123456789abcdef" {
		t.Errorf("question in the file = %v", q)
	}
	if !strings.HasSuffix(string(data), "}\n") || !strings.Contains(string(data), "\n  \"id\"") {
		t.Errorf("not indented JSON with a final newline:\n%s", data)
	}

	got, err := st.LoadPractice(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Answer != p.Answer || got.Rating != 4 || !got.CreatedAt.Equal(p.CreatedAt) || !slices.Equal(got.Rubric, p.Rubric) {
		t.Errorf("loaded %+v, saved %+v", got, p)
	}
	// A loaded entry, changed, saves again (its rev continues the store's).
	got.SetReview(coach.Review{Rating: 5}, practiceNow.Add(time.Minute))
	if err := st.OverwritePractice(got); err != nil {
		t.Fatal(err)
	}
	if again, _ := st.LoadPractice(p.ID); again.Rating != 5 {
		t.Errorf("after a second save the rating is %d, want 5", again.Rating)
	}
}

func TestPracticeStaleSnapshotIsDropped(t *testing.T) {
	st := coach.NewStore(t.TempDir())
	p := reviewedRound(t, "Q", practiceNow, 2)
	old := p.Clone()
	p.SetReview(coach.Review{Rating: 5}, practiceNow.Add(time.Minute))
	if err := st.OverwritePractice(p); err != nil {
		t.Fatal(err)
	}
	if err := st.OverwritePractice(old); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.LoadPractice(p.ID); got.Rating != 5 {
		t.Errorf("an older snapshot saved late overwrote the newer one: rating %d", got.Rating)
	}
}

func TestPracticesListsAndReports(t *testing.T) {
	dir := t.TempDir()
	st := coach.NewStore(dir)
	if got, problems, err := st.Practices(); err != nil || len(got) != 0 || len(problems) != 0 {
		t.Fatalf("no practice dir: %d entries, %v, %v; want none", len(got), problems, err)
	}
	a := reviewedRound(t, "A", practiceNow.Add(time.Hour), 3)
	b := reviewedRound(t, "B", practiceNow, 4)
	for _, p := range []*coach.Practice{a, b} {
		if err := st.OverwritePractice(p); err != nil {
			t.Fatal(err)
		}
	}
	bad := map[string]string{
		"empty.json":     "",
		"newer.json":     `{"schema_version": 9, "id": "newer"}`,
		"session.json":   `{"schema_version": 1, "id": "other"}`,
		"badrating.json": `{"schema_version": 1, "id": "badrating", "rating": "five"}`,
		"notes.txt":      "not ours",
	}
	pdir := filepath.Dir(st.PracticePath("x"))
	for name, body := range bad {
		if err := os.WriteFile(filepath.Join(pdir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	got, problems, err := st.Practices()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != b.ID || got[1].ID != a.ID {
		t.Errorf("entries not oldest first: %v", got)
	}
	reasons := map[string]string{}
	for _, p := range problems {
		reasons[filepath.Base(p.Path)] = p.Reason
	}
	want := map[string]string{
		"empty.json":     "empty file",
		"newer.json":     "written by a newer rebound (schema 9; this one reads up to 1)",
		"session.json":   `id "other" does not match the file name "session.json"`,
		"badrating.json": "not a rebound practice entry (rating is a JSON string, not a whole number)",
	}
	for name, reason := range want {
		if reasons[name] != reason {
			t.Errorf("%s: reason %q, want %q", name, reasons[name], reason)
		}
	}
	if len(problems) != len(want) {
		t.Errorf("problems %v, want only %v", problems, want)
	}
	// Nothing reported is touched.
	for name, body := range bad {
		if data, _ := os.ReadFile(filepath.Join(pdir, name)); string(data) != body {
			t.Errorf("%s changed to %q", name, data)
		}
	}

	if _, err := st.LoadPractice("missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadPractice(missing) = %v, want not exist", err)
	}
	var prob coach.Problem
	if _, err := st.LoadPractice("newer"); !errors.As(err, &prob) || !strings.Contains(prob.Reason, "newer rebound") {
		t.Errorf("LoadPractice(newer) = %v, want a Problem", err)
	}
	if _, err := st.LoadPractice("../x"); err == nil {
		t.Error("LoadPractice accepted a path as an id")
	}
}

// scalePractice is the practice history the issue names: opening practice
// with 5,000 stored entries.
const scalePractice = 5000

func writePractice(tb testing.TB, n int) *coach.Store {
	tb.Helper()
	st := coach.NewStore(tb.TempDir())
	keys := make([]string, 64)
	for i := range keys {
		keys[i] = coach.BankKey("q" + string(rune('a'+i%26)) + string(rune('a'+i/26)))
	}
	if err := coachtest.WritePractice(st, coachtest.GeneratePractice(n, 1, practiceNow, keys)); err != nil {
		tb.Fatal(err)
	}
	return st
}

// BenchmarkPractices reads 5,000 practice entries and builds their
// histories: the store's part of opening practice.
func BenchmarkPractices(b *testing.B) {
	st := writePractice(b, scalePractice)
	b.ReportAllocs()
	for b.Loop() {
		entries, problems, err := st.Practices()
		if err != nil || len(problems) != 0 || len(entries) != scalePractice {
			b.Fatalf("Practices = %d, %v, %v", len(entries), problems, err)
		}
		if len(coach.Tracks(entries)) == 0 {
			b.Fatal("no tracks")
		}
	}
}

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rebound-coach/rebound/coach"
)

// Questions of the practice fixture.
const (
	qShortener = "How would you design a URL shortener?"
	qWeakness  = "What is your biggest weakness?"
	qPortfolio = "Walk me through your portfolio."
	qDisagree  = "Tell me about a time you disagreed with a colleague, and how it ended."
	qLeave     = "Why do you want to leave your current job?"
)

// practiceFixture writes two sessions whose "questions that threw me" are
// three distinct questions, and five rounds of practice on them, the bank
// and the user's own: two on one question (rated 2, then 4), one rated 3,
// one from the bank rated 5 and one not reviewed yet. Two IDs share eight
// characters, so their short IDs are longer.
func practiceFixture(t *testing.T) (tmp string, store *coach.Store) {
	t.Helper()
	tmp = t.TempDir()
	store = coach.NewStore(filepath.Join(tmp, "data"))
	for _, s := range []*coach.Session{
		{
			ID: "0123456789abcdef", CreatedAt: fixedNow.AddDate(0, 0, -12), UpdatedAt: fixedNow.AddDate(0, 0, -12),
			Status: coach.Complete, Intake: coach.Intake{Company: "Northwind", Role: "Product designer"},
			Answers: map[string]coach.Answer{coach.PromptQuestions: {Items: []string{qShortener, qPortfolio}}},
		},
		{
			ID: "aaaa000000000001", CreatedAt: fixedNow.AddDate(0, -1, 0), UpdatedAt: fixedNow.AddDate(0, -1, 0),
			Status: coach.Complete, Intake: coach.Intake{Company: "Globex", Role: "Backend engineer"},
			Answers: map[string]coach.Answer{coach.PromptQuestions: {Items: []string{"how would you design a URL shortener", qWeakness}}},
		},
	} {
		if err := store.Overwrite(s); err != nil {
			t.Fatal(err)
		}
	}

	threw := func(text, session string) coach.Question {
		return coach.Question{Key: coach.QuestionKey(text), Text: text, Source: coach.FromSession, SessionID: session}
	}
	rounds := []struct {
		id       string
		at       time.Time
		q        coach.Question
		limit    time.Duration
		answer   string
		used     time.Duration
		timedOut bool
		review   *coach.Review
	}{
		{id: "0a1b2c3d4e5f6071", at: fixedNow.AddDate(0, 0, -10), q: threw(qShortener, "0123456789abcdef"),
			limit: 3 * time.Minute, answer: "A hash of the URL, stored in a table.", used: 3 * time.Minute, timedOut: true,
			review: &coach.Review{WentWell: "Named the parts", DoBetter: "Ask about scale first", Rubric: []string{"structure"}, Rating: 2}},
		// Also a bank question, word for word: the app keys it by the bank's ID.
		{id: "5c0ffee000000001", at: fixedNow.AddDate(0, 0, -5),
			q:      coach.Question{Key: coach.BankKey("greatest-weakness"), Text: qWeakness, Source: coach.FromSession, Tag: "strengths", SessionID: "aaaa000000000001"},
			answer: "I say yes too often; now I check my week first.",
			review: &coach.Review{WentWell: "Honest", Rating: 3}},
		{id: "0a1b2c3d9f8e7d6c", at: fixedNow.AddDate(0, 0, -3), q: threw(qShortener, "0123456789abcdef"),
			limit: 5 * time.Minute, answer: "Clarify: reads per second, custom aliases, expiry. Then the API…", used: 4*time.Minute + 10*time.Second,
			review: &coach.Review{WentWell: "Asked about scale", DoBetter: "Draw the cache", Rubric: []string{"structure", "tradeoffs"}, Rating: 4}},
		{id: "7e11a1b2c3d4e5f6", at: fixedNow.AddDate(0, 0, -2),
			q:      coach.Question{Key: coach.BankKey("conflict-with-colleague"), Text: qDisagree, Source: coach.FromBank, Tag: "behavioural"},
			answer: "Situation: a launch date. Task: …",
			review: &coach.Review{Rubric: []string{"star", "structure", "example"}, Rating: 5}},
		{id: "e0e0e0e0e0e0e0e0", at: fixedNow.Add(-time.Hour),
			q:      coach.Question{Key: coach.QuestionKey(qLeave), Text: qLeave, Source: coach.FromUser},
			answer: "To build things <people> & teams use."},
	}
	for _, r := range rounds {
		p := coach.NewPractice(r.q, r.limit, r.at)
		p.ID = r.id
		p.SetAnswer(r.answer, r.used, r.timedOut, r.at.Add(r.limit+time.Minute))
		if r.review != nil {
			p.SetReview(*r.review, r.at.Add(r.limit+5*time.Minute))
		}
		if err := store.OverwritePractice(p); err != nil {
			t.Fatal(err)
		}
	}
	return tmp, store
}

// TestPracticeGolden runs `practice list` command lines on a fresh copy of
// the practice fixture and compares each transcript with its golden file.
func TestPracticeGolden(t *testing.T) {
	tests := []struct {
		name  string
		tt    term
		args  []string
		code  int
		empty bool
	}{
		{name: "practice-list", args: []string{"practice", "list"}},
		{name: "practice-list-json", args: []string{"practice", "list", "--json"}},
		{name: "practice-list-empty", args: []string{"practice", "list"}, empty: true},
		{name: "practice-list-empty-json", args: []string{"practice", "list", "--json"}, empty: true},
		{name: "practice-list-terminal", tt: term{stdin: true, stdout: true, width: 100}, args: []string{"practice", "list"}},
		{name: "practice-list-terminal-narrow", tt: term{stdin: true, stdout: true, width: 60, noColor: true}, args: []string{"practice", "list"}},
		{name: "practice-list-data-dir-between", args: []string{"practice", "--data-dir", "$TMP/elsewhere", "list"}},
		{name: "practice-list-help", args: []string{"--data-dir", "x", "practice", "list", "--help"}},
		{name: "practice-list-bad-flag", args: []string{"practice", "list", "--yaml"}, code: 2},
		{name: "practice-list-bad-flag-between", args: []string{"practice", "--yaml", "list"}, code: 2},
		{name: "practice-list-extra", args: []string{"practice", "list", "extra"}, code: 2},
		{name: "practice-stats", args: []string{"stats"}},
		{name: "practice-show", args: []string{"practice", "show", "0a1b2c3d9"}},
		{name: "practice-show-timed-out", args: []string{"practice", "show", "0A1B2C3D4E5F6071"}},
		{name: "practice-show-bank", args: []string{"practice", "show", "7e1"}},
		{name: "practice-show-unreviewed", args: []string{"practice", "show", "e0e0e0e"}},
		{name: "practice-show-terminal", tt: term{stdin: true, stdout: true, width: 100}, args: []string{"practice", "show", "5c0ffee"}},
		{name: "practice-show-help", args: []string{"practice", "show", "--help"}},
		{name: "practice-show-ambiguous", args: []string{"practice", "show", "0a1b"}, code: 1},
		{name: "practice-show-unknown", args: []string{"practice", "show", "abc"}, code: 1},
		{name: "practice-show-unknown-empty", args: []string{"practice", "show", "abc"}, code: 1, empty: true},
		{name: "practice-show-session-id", args: []string{"practice", "show", "0123456"}, code: 1},
		{name: "practice-show-no-id", args: []string{"practice", "show"}, code: 2},
		{name: "practice-show-two-ids", args: []string{"practice", "show", "7e11a1b", "e0e0e0e"}, code: 2},
		{name: "practice-show-bad-flag", args: []string{"practice", "show", "7e11a1b", "--json"}, code: 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			if !tc.empty {
				tmp, _ = practiceFixture(t)
			}
			args := slices.Clone(tc.args)
			for i, a := range args {
				args[i] = strings.ReplaceAll(a, "$TMP", tmp)
			}
			r := run(t, tmp, tc.tt, "", args...)
			checkGolden(t, tc.name, transcript(tc.args, r, tmp))
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			checkOutput(t, tc.tt, r)
		})
	}
}

// TestPracticeListText checks the table's content apart from the golden:
// the order, the short IDs, the ratings, the sources, the cut question and
// the progress sentence.
func TestPracticeListText(t *testing.T) {
	tmp, _ := practiceFixture(t)
	r := run(t, tmp, piped, "", "practice", "list")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 9 {
		t.Fatalf("%d lines, want a header, 5 rows, a blank line and the progress in two:\n%s", len(lines), r.stdout)
	}
	if !strings.HasPrefix(lines[0], "ID ") || !strings.HasSuffix(lines[0], "QUESTION") {
		t.Errorf("header %q", lines[0])
	}
	want := [][]string{
		{"e0e0e0e", "2026-11-20", "–", "own", "Why do you want to leave your current job?"},
		{"7e11a1b", "2026-11-18", "5/5", "behavioural", qDisagree},
		{"0a1b2c3d9", "2026-11-17", "4/5", "threw you", qShortener},
		{"5c0ffee", "2026-11-15", "3/5", "threw you", qWeakness},
		{"0a1b2c3d4", "2026-11-10", "2/5", "threw you", qShortener},
	}
	for i, w := range want {
		line := lines[i+1]
		fields := strings.Fields(line)
		if len(fields) < 5 || fields[0] != w[0] || fields[1] != w[1] || fields[2] != w[2] {
			t.Errorf("row %d is %q, want it to start %q", i+1, line, strings.Join(w[:3], "  "))
		}
		// The question fills what is left of 80 columns, cut with "…".
		q := w[4][:30]
		if !strings.Contains(line, "  "+w[3]+"  ") || column(line, q) != column(lines[0], "QUESTION") || (!strings.HasSuffix(line, w[4]) && !strings.HasSuffix(line, "…")) {
			t.Errorf("row %d is %q, want source %q and question %q", i+1, line, w[3], w[4])
		}
		cut := !strings.HasSuffix(line, w[4])
		if n := len([]rune(line)); n > 80 || (cut && n != 80) {
			t.Errorf("row %d is %d columns wide, want 80 at most, and 80 with the question cut:\n%s", i+1, n, line)
		}
	}
	if !strings.HasSuffix(lines[2], "…") || strings.Contains(lines[2], "ended") {
		t.Errorf("the long question is not cut with …: %q", lines[2])
	}
	if lines[6] != "" {
		t.Errorf("no blank line before the progress: %q", lines[6])
	}
	// 81 characters, wrapped to 80.
	if want := "2 of the 3 questions that threw you practised, average rating up from 2.5 to\n3.5."; strings.Join(lines[7:], "\n") != want {
		t.Errorf("progress %q, want %q", strings.Join(lines[7:], "\n"), want)
	}
}

// column is the column sub starts at in line, or -1.
func column(line, sub string) int {
	i := strings.Index(line, sub)
	if i < 0 {
		return -1
	}
	return utf8.RuneCountInString(line[:i])
}

// TestPracticeListJSON parses --json and checks its order and fields, and
// that the streamed output is what an indenting encoder makes of it.
func TestPracticeListJSON(t *testing.T) {
	tmp, _ := practiceFixture(t)
	r := run(t, tmp, piped, "", "practice", "list", "--json")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	var rows []practiceRow
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, r.stdout)
	}
	var ids []string
	for _, row := range rows {
		ids = append(ids, row.ID)
	}
	if want := []string{"e0e0e0e0e0e0e0e0", "7e11a1b2c3d4e5f6", "0a1b2c3d9f8e7d6c", "5c0ffee000000001", "0a1b2c3d4e5f6071"}; !slices.Equal(ids, want) {
		t.Fatalf("ids %v, want newest first %v", ids, want)
	}

	first := rows[4]
	if first.ShortID != "0a1b2c3d4" || first.Question.Key != "q:how would you design a url shortener" ||
		first.Question.Text != qShortener || first.Question.Source != coach.FromSession ||
		first.Question.SessionID != "0123456789abcdef" || first.Question.Tag != "" {
		t.Errorf("first round: %+v", first)
	}
	if first.TimeLimitSeconds != 180 || first.TimeUsedSeconds != 180 || !first.TimedOut {
		t.Errorf("first round's timer: limit %d, used %d, timed out %v; want 180, 180, true",
			first.TimeLimitSeconds, first.TimeUsedSeconds, first.TimedOut)
	}
	if first.Rating == nil || *first.Rating != 2 || !slices.Equal(first.Rubric, []string{"structure"}) ||
		first.WentWell != "Named the parts" || first.DoBetter != "Ask about scale first" ||
		first.Answer != "A hash of the URL, stored in a table." {
		t.Errorf("first round's answer and review: %+v", first)
	}
	if !first.CreatedAt.Equal(fixedNow.AddDate(0, 0, -10)) || !first.UpdatedAt.Equal(fixedNow.AddDate(0, 0, -10).Add(8*time.Minute)) {
		t.Errorf("first round's times: %v, %v", first.CreatedAt, first.UpdatedAt)
	}
	bank := rows[1]
	if bank.Question.Source != coach.FromBank || bank.Question.Tag != "behavioural" || bank.Question.Key != "bank:conflict-with-colleague" ||
		bank.TimeLimitSeconds != 0 || bank.TimedOut || bank.Rating == nil || *bank.Rating != 5 || len(bank.Rubric) != 3 {
		t.Errorf("bank round: %+v", bank)
	}
	own := rows[0]
	if own.Rating != nil || own.Question.Source != coach.FromUser || own.Answer != "To build things <people> & teams use." ||
		own.Rubric == nil || len(own.Rubric) != 0 {
		t.Errorf("unreviewed round: %+v", own)
	}
	// Every field is present, with null for no rating and [] for no rubric.
	var raw []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"id", "short_id", "created_at", "updated_at", "question", "time_limit_seconds",
		"time_used_seconds", "timed_out", "answer", "went_well", "do_better", "rubric", "rating"} {
		if _, ok := raw[0][key]; !ok {
			t.Errorf("no %q in %v", key, raw[0])
		}
	}
	if raw[0]["rating"] != nil || raw[0]["rubric"] == nil {
		t.Errorf("rating %v, rubric %v; want null and []", raw[0]["rating"], raw[0]["rubric"])
	}
	q := raw[0]["question"].(map[string]any)
	for _, key := range []string{"key", "text", "source", "tag", "session_id"} {
		if _, ok := q[key]; !ok {
			t.Errorf("no %q in the question %v", key, q)
		}
	}

	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rows); err != nil {
		t.Fatal(err)
	}
	if r.stdout != want.String() {
		t.Errorf("practice list --json differs from an indenting encoder:\n%s\nwant:\n%s", r.stdout, want.String())
	}
}

// TestPracticeListEmpty: no practice yet is one friendly line, or [], and
// exit 0, with sessions or without.
func TestPracticeListEmpty(t *testing.T) {
	withSessions, _ := fixture(t)
	for _, tmp := range []string{t.TempDir(), withSessions} {
		r := run(t, tmp, piped, "", "practice", "list")
		want := "No practice rounds yet in " + filepath.Join(tmp, "data") + ". Type rebound practice to start one.\n"
		if r.code != 0 || r.stdout != want {
			t.Errorf("exit %d, stdout %q; want 0 and %q", r.code, r.stdout, want)
		}
		r = run(t, tmp, piped, "", "practice", "list", "--json")
		if r.code != 0 || r.stdout != "[]\n" || r.stderr != "" {
			t.Errorf("--json: exit %d, stdout %q, stderr %q; want 0 and []", r.code, r.stdout, r.stderr)
		}
	}
}

// TestPracticeListUnreadable: files that cannot be used are named on
// stderr, one line each, left as they are, and the rest is listed.
func TestPracticeListUnreadable(t *testing.T) {
	tmp, store := practiceFixture(t)
	dir := filepath.Dir(store.PracticePath("x"))
	files := map[string]string{
		"broken.json":           "{not json",
		"0a1b2c3d4e000000.json": `{"schema_version": 99, "id": "0a1b2c3d4e000000"}`,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, asJSON := range []bool{false, true} {
		args := []string{"practice", "list"}
		if asJSON {
			args = append(args, "--json")
		}
		r := run(t, tmp, piped, "", args...)
		if r.code != 0 {
			t.Errorf("%v: exit %d, want 0 as list", args, r.code)
		}
		lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
		if len(lines) != 3 || lines[0] != "rebound: could not read 2 practice files, left as is:" ||
			!strings.HasPrefix(lines[1], "  "+filepath.Join(dir, "0a1b2c3d4e000000.json")+": written by a newer rebound") ||
			!strings.HasPrefix(lines[2], "  "+filepath.Join(dir, "broken.json")+": not valid JSON") {
			t.Errorf("%v: stderr:\n%s", args, r.stderr)
		}
		if asJSON {
			var rows []practiceRow
			if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) != 5 {
				t.Errorf("%v: %d rows (%v):\n%s", args, len(rows), err, r.stdout)
			}
			// The unreadable file's ID counts for the short IDs.
			if len(rows) == 5 && rows[4].ShortID != "0a1b2c3d4e5" {
				t.Errorf("short ID %q, want 0a1b2c3d4e5", rows[4].ShortID)
			}
		} else {
			if strings.Count(r.stdout, "\n") != 9 || strings.Contains(r.stdout, "broken") {
				t.Errorf("%v: stdout:\n%s", args, r.stdout)
			}
			checkGolden(t, "practice-list-unreadable", transcript(args, r, tmp))
		}
		for name, data := range files {
			if got, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(got) != data {
				t.Errorf("%s was changed to %q (%v)", name, got, err)
			}
		}
	}

	// A session that cannot be read may hold questions that threw the
	// user: the progress says it was not counted.
	if err := os.WriteFile(filepath.Join(filepath.Dir(store.Path("x")), "broken.json"), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, tmp, piped, "", "practice", "list")
	if want := "rebound: 1 session file could not be read and not counted; rebound list names them.\n" +
		"rebound: could not read 2 practice files, left as is:\n"; r.code != 0 || !strings.HasPrefix(r.stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant it to start:\n%s", r.code, r.stderr, want)
	}

	// With nothing readable, the table gives way to one line.
	empty := t.TempDir()
	store = coach.NewStore(filepath.Join(empty, "data"))
	if err := os.MkdirAll(filepath.Dir(store.PracticePath("x")), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(store.PracticePath("broken"), []byte(""), 0o600); err != nil {
		t.Fatal(err)
	}
	r = run(t, empty, piped, "", "practice", "list")
	if r.code != 0 || r.stdout != "No readable practice rounds in "+filepath.Join(empty, "data")+".\n" ||
		!strings.HasPrefix(r.stderr, "rebound: could not read 1 practice file, left as is:\n  ") {
		t.Errorf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}

// TestPracticeListHostile: escape sequences in a question or a tag are
// drawn, not obeyed, in the table, piped or at a terminal.
func TestPracticeListHostile(t *testing.T) {
	tmp, store := practiceFixture(t)
	text := "Why us?\x1b[2J\x1b]52;c;cHduZWQ=\x07\nReally\u202e?"
	for i, q := range []coach.Question{
		{Key: coach.QuestionKey(text), Text: text, Source: coach.FromUser},
		{Key: coach.BankKey("x"), Text: "Plain", Source: coach.FromBank, Tag: "evil\x1b[31m"},
	} {
		p := coach.NewPractice(q, 0, fixedNow.Add(time.Duration(i-30)*time.Minute))
		p.ID = "bad" + string(rune('0'+i))
		p.SetReview(coach.Review{Rating: 1}, fixedNow)
		if err := store.OverwritePractice(p); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []term{piped, {stdin: true, stdout: true, width: 120}} {
		r := run(t, tmp, tt, "", "practice", "list")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		checkOutput(t, tt, r)
		if strings.ContainsAny(r.stdout, "\x07\u202e") || strings.Contains(r.stdout, "\x1b[2J") || strings.Contains(r.stdout, "\x1b]") {
			t.Errorf("the escape sequences reached the output:\n%q", r.stdout)
		}
		for _, want := range []string{"Why us?␛[2J␛]52;c;cHduZWQ=␇ Really⍰?", "evil␛[31m"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("no %q in:\n%s", want, r.stdout)
			}
		}
		if tt == piped {
			checkGolden(t, "practice-list-hostile", transcript([]string{"practice", "list"}, r, tmp))
		}
	}
}

// TestPracticeListFlagsAnywhere: --data-dir and --json work before,
// between and after the two words.
func TestPracticeListFlagsAnywhere(t *testing.T) {
	tmp, _ := practiceFixture(t)
	data := filepath.Join(tmp, "data")
	empty := t.TempDir()
	for _, args := range [][]string{
		{"--data-dir", data, "practice", "list", "--json"},
		{"practice", "--data-dir", data, "list", "--json"},
		{"practice", "list", "--json", "--data-dir", data},
	} {
		r := run(t, empty, piped, "", args...)
		var rows []practiceRow
		if err := json.Unmarshal([]byte(r.stdout), &rows); r.code != 0 || err != nil || len(rows) != 5 {
			t.Errorf("%q: exit %d, %d rows (%v), stderr %q", args, r.code, len(rows), err, r.stderr)
		}
	}
}

package plain

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
	"github.com/rebound-coach/rebound/content"
)

// plainRun runs plain mode on store with stdin as typed (not a terminal,
// so every line read is echoed into the transcript) and the fixed clock.
func plainRun(t *testing.T, store *coach.Store, stdin string, o Options) result {
	t.Helper()
	// The letters are signed by a name kept from an earlier run, so the
	// question of the name is in no transcript but its own.
	if _, err := os.Stat(coach.SettingsPath(store.Dir())); errors.Is(err, fs.ErrNotExist) {
		_ = coach.SaveSettings(store.Dir(), coach.Settings{Name: plainName})
	}
	return plainRunUnsigned(t, store, stdin, o)
}

// plainName signs the letters of the plain-mode tests.
const plainName = "Sam Lee"

// plainRunUnsigned is plainRun on a data dir as it is: no name is kept
// unless the test kept one.
func plainRunUnsigned(t *testing.T, store *coach.Store, stdin string, o Options) result {
	t.Helper()
	flow := mustFlow(t)
	bank, err := content.LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	o.Store, o.Flow, o.Bank = store, flow, bank
	var out, errOut bytes.Buffer
	env := Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Now: func() time.Time { return fixedNow },
	}
	code := Run(env, o)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// plainTranscript is a plain-mode run as its golden file holds it: the temp
// dir as $TMP, session IDs as <id>.
func plainTranscript(r result, tmp string, ids ...string) string {
	s := transcript([]string{"--plain"}, r, tmp)
	for _, id := range ids {
		s = strings.ReplaceAll(s, id, "<id>")
	}
	return s
}

func readInput(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// onlySession loads the one session in store.
func onlySession(t *testing.T, store *coach.Store) *coach.Session {
	t.Helper()
	ids, err := store.IDs()
	if err != nil || len(ids) != 1 {
		t.Fatalf("want one session file, got %v (%v)", ids, err)
	}
	s, err := store.Load(ids[0])
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPlainWholeSession answers a whole session from a file, as a script
// or a screen reader user would, and checks every answer in the JSON.
func TestPlainWholeSession(t *testing.T) {
	tmp := t.TempDir()
	store := coach.NewStore(filepath.Join(tmp, "data"))
	r := plainRun(t, store, readInput(t, "session.txt"), Options{NewSession: true})
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	s := onlySession(t, store) // the transcript's golden files are TestPlainDepths' and TestE2EPlainFromAFile's

	day := func(d int) string { return fixedNow.AddDate(0, 0, d).Format(time.DateOnly) }
	want := coach.Intake{Company: "Northwind", Role: "Product designer", Interviewer: "Ms Rivera", Stage: "final round",
		RejectedOn: day(-1), Channel: "email", Message: "Thank you for your time. We have decided not to move forward."}
	if s.Intake != want {
		t.Errorf("intake\n got %+v\nwant %+v", s.Intake, want)
	}
	if s.Status != coach.Complete || s.Depth != "" || *s.MoodBefore != (coach.Mood{Score: 3, Word: "flat"}) || *s.MoodAfter != (coach.Mood{Score: 6, Word: "steadier"}) {
		t.Errorf("status %s, depth %q, moods %+v → %+v", s.Status, s.Depth, s.MoodBefore, s.MoodAfter)
	}
	f := s.Feedback
	// The follow-up is Enter: a week after the day it is sent, not today.
	if f.Draft != coach.DraftRequest(s, plainName) || f.Send != "yes" || f.SendOn != day(0) || f.FollowUpOn != day(7) || f.ClosureOn != "" {
		t.Errorf("feedback request %+v", f)
	}
	wantActions := []coach.Action{{Text: "Rewrite my stakeholder story", Due: day(3)}, {Text: "Ask Ana for a mock interview", Due: day(1)}}
	if !equalJSON(s.Actions, wantActions) {
		t.Errorf("actions %+v, want %+v", s.Actions, wantActions)
	}
	flow := mustFlow(t)
	answers := map[string]coach.Answer{
		"step_back.outside": {Items: []string{"They could hire only one person", "Other candidates were just as qualified",
			"Timing: budget, plans or priorities"}, Text: "They moved fast"},
		"step_back.bigger_picture":  {Text: "Two other applications are still open.\nMy portfolio got good comments."},
		"step_back.free_write":      {Text: "It stings, and I wanted this one."},
		promptThought:               {Text: "I wasted everyone's time."},
		coach.PromptBeliefBefore:    {Text: "90"},
		content.PromptTraps:         {Items: []string{"Mind reading", "Labelling"}},
		"not_personal.explanations": {Items: []string{"An internal candidate", "A skill I did not show, or do not have yet"}},
		"not_personal.evidence_for": {Items: []string{"They chose someone else."}},
		// "+" took the sentence offered for the stage reached.
		coach.PromptEvidenceAgainst: {Items: []string{flow.StageEvidence("final round"), "Ms Rivera said my portfolio was strong."}},
		"not_personal.friend":       {Text: "You got to the final round; that is not wasting anyone's time."},
		"not_personal.balanced":     {Text: "I reached the final round; they chose one person."},
		coach.PromptBeliefAfter:     {Text: "40"},
		coach.PromptTopic:           {Text: "the pricing case study"},
		"feedback.went_well":        {Items: []string{"Clear portfolio walkthrough", "Good questions about the team"}},
		"feedback.do_better":        {Items: []string{"Shorter answers on research methods"}},
		"reflect.questions":         {Items: []string{"Tell me about a time you disagreed with a stakeholder."}},
		"reflect.unprepared":        {Text: "Quantitative research"},
		"reflect.own_questions":     {Text: "a few"},
		"reflect.research":          {Text: "partly"},
		"reflect.skills":            {Items: []string{"User research", "Interaction design"}},
		"restart.next_day":          {Text: "A long walk with Sam; save two job ads"},
		"restart.target":            {Items: []string{"Design systems roles"}},
		"restart.stop":              {Items: []string{"Pure visual design roles"}},
		"restart.support":           {Items: []string{"Ana", "Former manager"}},
		coach.PromptPlan:            {Text: "I will read this session again, then apply to one more role."},
	}
	for id, a := range answers {
		if got := s.Get(id); !got.Equal(a) {
			t.Errorf("%s = %+v, want %+v", id, got, a)
		}
	}
	if len(s.Drafts) != 0 {
		t.Errorf("drafts left behind: %v", s.Drafts)
	}
	for _, refusal := range []string{"That is not a date", "That is not a number from 0 to 100"} {
		if !strings.Contains(r.stdout, refusal) {
			t.Errorf("no %q: a bad answer was not refused", refusal)
		}
	}
}

// TestPlainEndsMidAnswer: input that stops half-way through a long answer
// keeps the lines written as a draft; the next run resumes there, quotes
// them, and "." keeps them.
func TestPlainEndsMidAnswer(t *testing.T) {
	tmp := t.TempDir()
	store := coach.NewStore(filepath.Join(tmp, "data"))
	r := plainRun(t, store, "\n\nInitech\n:back\nGlobex\nAnalyst\n\n\n\nThe first line\nthe second", Options{NewSession: true})
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	s := onlySession(t, store)
	if s.Intake.Company != "Globex" || s.Intake.Role != "Analyst" || s.Position != promptThought {
		t.Fatalf("after :back and new answers: %+v at %s", s.Intake, s.Position)
	}
	if got := s.Current(promptThought).Text; got != "The first line\nthe second" {
		t.Fatalf("the unfinished answer is %q", got)
	}
	if !strings.Contains(r.stdout, "Saved. Resume this session from home") {
		t.Errorf("no word that it was saved:\n%s", r.stdout)
	}

	// Home lists it to resume: option 2.
	r = plainRun(t, store, "2\n.\n:quit\n", Options{})
	if !strings.Contains(r.stdout, "  2. Resume: Analyst at Globex") || !strings.Contains(r.stdout, "    the second") {
		t.Fatalf("resume did not quote the draft:\n%s", r.stdout)
	}
	s = onlySession(t, store)
	if got := s.Get(promptThought).Text; got != "The first line\nthe second" || len(s.Drafts) != 0 || s.Position != content.PromptTraps {
		t.Errorf("kept answer %q, drafts %v, at %s", got, s.Drafts, s.Position)
	}
}

// promptThought is the thought record's first prompt, the first long
// answer the ten minutes ask.
const promptThought = "not_personal.thought"

// enterTo is the input that reaches prompt id from the start of a new
// session, answering nothing: Enter at every question the depth d asks
// before it (the check-in's, the choice of depth's, and a checklist's own
// line included). It is read from the flow, so a prompt added before id
// does not break the tests that use it.
func enterTo(t *testing.T, d content.Depth, id string) string {
	t.Helper()
	flow := mustFlow(t)
	var b strings.Builder
	none := func(string) string { return "" }
	for _, pid := range flow.Path(d) {
		if pid == id {
			return b.String()
		}
		sec, prm, _ := flow.Prompt(pid)
		p := flow.Sections[sec].Prompts[prm]
		if !p.Applies(none) {
			continue
		}
		b.WriteString("\n")
		switch {
		case p.Kind == content.Checklist && p.Other:
			b.WriteString("\n")
		case pid == coach.PromptMoodBefore && d == content.Whole:
			b.WriteString("2\n")
		case pid == coach.PromptMoodBefore:
			b.WriteString("1\n")
		}
	}
	t.Fatalf("the %q path has no prompt %q", d, id)
	return ""
}

// TestPlainRefusesAndAsksAgain: what cannot be an answer is refused in
// one sentence and asked again; nothing wrong is stored.
func TestPlainRefusesAndAsksAgain(t *testing.T) {
	tests := []struct {
		name, input, refusal string
		check                func(*coach.Session) bool
	}{
		{"choice out of range", "\n\n\n\n9\nfinal round\n", "Please type a number from 1 to 5.",
			func(s *coach.Session) bool { return s.Intake.Stage == "final round" }},
		{"not a date", enterTo(t, content.Whole, coach.PromptRejectedOn) + "31/12\n-2d\n", "That is not a date",
			func(s *coach.Session) bool {
				return s.Intake.RejectedOn == fixedNow.AddDate(0, 0, -2).Format(time.DateOnly)
			}},
		{"mood without a number", "tired\n11\n10 fine\n", "Please start with a number from 1",
			func(s *coach.Session) bool { return s.MoodBefore != nil && s.MoodBefore.Score == 10 }},
		{"depth not 1 or 2", "5 ok\n3\nten\n\n", "Please type 1 for ten minutes or 2 for the whole session.",
			func(s *coach.Session) bool { return s.Depth == content.TenMinutes }},
		{"percentage", enterTo(t, content.Whole, coach.PromptBeliefBefore) + "lots\n101\n55 %\n", "That is not a number from 0 to 100",
			func(s *coach.Session) bool { return s.Get(coach.PromptBeliefBefore).Text == "55" }},
		{"checklist number", enterTo(t, content.TenMinutes, "step_back.outside") + "1 x\n0\n2,3\n\n", "Please type numbers from 1 to 6",
			func(s *coach.Session) bool { return len(s.Get("step_back.outside").Items) == 2 }},
		{"clear with a dash", "\n\nAcme\n:back\n-\nRole\n", "",
			func(s *coach.Session) bool { return s.Intake.Company == "" && s.Intake.Role == "Role" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := coach.NewStore(filepath.Join(t.TempDir(), "data"))
			r := plainRun(t, store, tt.input, Options{NewSession: true})
			if !strings.Contains(r.stdout, tt.refusal) {
				t.Errorf("no %q in:\n%s", tt.refusal, r.stdout)
			}
			if s := onlySession(t, store); !tt.check(s) {
				t.Errorf("stored %+v, mood %+v, answers %+v", s.Intake, s.MoodBefore, s.Answers)
			}
		})
	}
}

// TestPlainPastSession opens a past session from home, ticks off an
// action, records that the feedback request was answered, and leaves.
func TestPlainPastSession(t *testing.T) {
	tmp, store := fixture(t)
	input := strings.Join([]string{
		"4",         // home: Past sessions
		"northwind", // search
		"1",         // open it
		"1",         // Mark done: Ask Sam for a mock interview
		"4",         // Feedback request: replied
		"2",         // replied
		"They liked the portfolio.", ".",
		"5", // A thank-you note
		"7", // Back
		".", // clear the search
		".", // leave Past sessions
		"5", // Insights
		"",  // an empty line only shows the menu again
	}, "\n") + "\n"
	r := plainRun(t, store, input, Options{})
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	checkGolden(t, "past-session", plainTranscript(r, tmp))
	s, err := store.Load("0123456789abcdef")
	if err != nil {
		t.Fatal(err)
	}
	if a := s.Actions[0]; !a.Done || a.DoneOn != fixedNow.Format(time.DateOnly) {
		t.Errorf("action not ticked off: %+v", a)
	}
	if f := s.Feedback; f.Outcome != coach.Replied || f.Received != "They liked the portfolio." || f.ReceivedOn != fixedNow.Format(time.DateOnly) {
		t.Errorf("feedback %+v", f)
	}
	for _, want := range []string{"Past sessions matching \"northwind\" (1)", "Insights", "broken.json"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no %q in the transcript", want)
		}
	}
}

// TestPlainPractice runs a round on a question of the user's own, from
// `rebound --plain practice`.
func TestPlainPractice(t *testing.T) {
	tmp, store := fixture(t)
	input := strings.Join([]string{
		"6", // A question of your own (after five queued questions)
		"Why should we hire you?",
		"Because I ship.", "And I listen.", ".",
		"Short and warm.", ".",
		"No example.", ".",
		"1 2",
		"", // the suggested rating
	}, "\n") + "\n"
	r := plainRun(t, store, input, Options{Practice: true})
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	entries, _, err := store.Practices()
	if err != nil || len(entries) != 1 {
		t.Fatalf("want one round, got %d (%v)", len(entries), err)
	}
	e := entries[0]
	checkGolden(t, "practice", plainTranscript(r, tmp, e.ID))
	bank, _ := content.LoadBank()
	wantRubric := []string{bank.Rubric[0].ID, bank.Rubric[1].ID}
	if e.Question.Text != "Why should we hire you?" || e.Answer != "Because I ship.\nAnd I listen." ||
		e.WentWell != "Short and warm." || e.DoBetter != "No example." || !equalJSON(e.Rubric, wantRubric) ||
		e.Rating != coach.SuggestRating(2, len(bank.Rubric)) || e.TimeLimit != 0 {
		t.Errorf("round %+v", e)
	}
	if !strings.Contains(r.stdout, "What a good answer shows") {
		t.Error("no hint after the review")
	}
}

// TestPlainCannotSave: with nowhere to save, plain mode says so at the
// first answer, carries on, and hands everything over at the end (exit 1).
func TestPlainCannotSave(t *testing.T) {
	store := coach.Unavailable(errors.New("no home directory"))
	r := plainRun(t, store, "\n\nUmbrella\nChemist\n", Options{NewSession: true})
	if r.code != exitError {
		t.Fatalf("exit %d, want 1", r.code)
	}
	if strings.Count(r.stdout, "Can't save") != 1 || !strings.Contains(r.stderr, "here is what you wrote") ||
		!strings.Contains(r.stdout, "# Chemist at Umbrella") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
}

// TestPlainHostileInput: escape sequences read from the input are stored
// as typed and never written to the output raw.
func TestPlainHostileInput(t *testing.T) {
	for _, h := range coachtest.Hostile {
		store := coach.NewStore(filepath.Join(t.TempDir(), "data"))
		r := plainRun(t, store, "\n\n"+h.Text()+"\n\n\n\n\nline "+h.Text()+"\n.\n", Options{NewSession: true})
		if err := coachtest.Clean(r.stdout); err != nil {
			t.Errorf("%s: the transcript carries it raw: %v", h.Name, err)
		}
		s := onlySession(t, store)
		if want := strings.TrimSpace(strings.ToValidUTF8(h.Text(), "\uFFFD")); s.Intake.Company != want && !strings.ContainsAny(h.Seq, "\r\n") {
			t.Errorf("%s: stored %q, want %q", h.Name, s.Intake.Company, want)
		}
	}
}

// equalJSON compares two values as their JSON, so nil and empty agree.
func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// TestPlainKeepsWhatWasTyped: whichever way a question is left, Enter, the
// end of the input or :back, nothing already typed is lost (found in
// review: each of these once dropped an answer).
func TestPlainKeepsWhatWasTyped(t *testing.T) {
	intake := "\n\nAcme\n\n\n\n\n" // Enter at the check-in and the depth, the company, then Enter to the thought
	tests := []struct {
		name, input string
		o           Options
		check       func(*testing.T, *coach.Store)
	}{
		{"Enter at a long answer keeps it", intake + "line one\nline two\n.\n:back\n\n2\n", Options{NewSession: true},
			func(t *testing.T, st *coach.Store) {
				s := onlySession(t, st)
				if got := s.Get(promptThought).Text; got != "line one\nline two" || !equalJSON(s.Get(content.PromptTraps).Items, []string{"Mind reading"}) {
					t.Errorf("the thought is %q, the traps %+v", got, s.Get(content.PromptTraps))
				}
			}},
		{"the input ends among the actions", readUntil(t, "Rewrite my stakeholder story") + "+3d\nAsk Ana\n", Options{NewSession: true},
			func(t *testing.T, st *coach.Store) {
				if a := onlySession(t, st).Current(coach.PromptActions).Actions; len(a) != 1 || a[0].Text != "Rewrite my stakeholder story" {
					t.Errorf("actions %+v", a)
				}
			}},
		{"the input ends at a checklist's own line", "3 ok\n\nAcme\n\n\n2 5\n", Options{NewSession: true},
			func(t *testing.T, st *coach.Store) {
				if got := onlySession(t, st).Current("step_back.outside").Items; len(got) != 2 {
					t.Errorf("ticked %q", got)
				}
			}},
		{"the input ends in the feedback's words", "4\n2\n4\n2\nHalf of their", Options{},
			func(t *testing.T, st *coach.Store) {
				s, err := st.Load("0123456789abcdef")
				if err != nil || s.Feedback.Outcome != coach.Replied {
					t.Errorf("outcome %q (%v)", s.Feedback.Outcome, err)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, store := fixture(t)
			if tt.o.NewSession {
				store = coach.NewStore(filepath.Join(t.TempDir(), "data"))
			}
			if r := plainRun(t, store, tt.input, tt.o); r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			tt.check(t, store)
		})
	}
}

// readUntil is session.txt up to and including the line want.
func readUntil(t *testing.T, want string) string {
	t.Helper()
	all := readInput(t, "session.txt")
	i := strings.Index(all, want+"\n")
	if i < 0 {
		t.Fatalf("session.txt has no line %q", want)
	}
	return all[:i+len(want)+1]
}

// TestPlainBackWord: :back steps back a level and never leaves the app.
func TestPlainBackWord(t *testing.T) {
	_, store := fixture(t)
	r := plainRun(t, store, ":back\n6\n1\n:back\n7\n", Options{})
	if r.code != exitOK {
		t.Fatalf("exit %d", r.code)
	}
	for _, want := range []string{"This is the first menu: choose Quit to leave.", "Your answer (in full or as notes)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("no %q in:\n%s", want, r.stdout)
		}
	}
	// :back at the answer went back to the queue, 7 (Back) to home, and the
	// end of the input left.
	if n := strings.Count(r.stdout, "What would you like to do?"); n != 3 {
		t.Errorf("home shown %d times, want 3", n)
	}
}

// TestPlainPastSessionOpenElsewhere: a session another copy holds, or one
// that cannot be locked at all, is shown read-only with its sentence, and
// nothing plain mode does writes it.
func TestPlainPastSessionOpenElsewhere(t *testing.T) {
	for _, tt := range []struct {
		name, want string
		arrange    func(t *testing.T, store *coach.Store) func()
	}{
		{"open in another copy", "This session is open in another rebound window, so here it is read-only", func(t *testing.T, store *coach.Store) func() {
			other := coach.NewStore(store.Dir())
			if _, err := other.Edit("0123456789abcdef"); err != nil {
				t.Fatal(err)
			}
			return other.UnlockAll
		}},
		{"locks is a file", "Read-only: this session cannot be locked", func(t *testing.T, store *coach.Store) func() {
			locks := filepath.Join(store.Dir(), "locks")
			if err := os.RemoveAll(locks); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(locks, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			return func() {}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, store := fixture(t)
			before, err := os.ReadFile(store.Path("0123456789abcdef"))
			if err != nil {
				t.Fatal(err)
			}
			defer tt.arrange(t, store)()
			input := strings.Join([]string{"4", "northwind", "1", "1", ".", "."}, "\n") + "\n"
			r := plainRun(t, store, input, Options{})
			if got := strings.Join(strings.Fields(r.stdout), " "); !strings.Contains(got, tt.want) {
				t.Errorf("no read-only sentence %q in:\n%s", tt.want, r.stdout)
			}
			if now, _ := os.ReadFile(store.Path("0123456789abcdef")); !bytes.Equal(now, before) {
				t.Errorf("the session was written:\n%s", now)
			}
		})
	}
}

package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys/keytest"
	"github.com/rebound-coach/rebound/ui/pages/practice"
	"github.com/rebound-coach/rebound/ui/pages/round"
)

// manualClock is the countdown's clock in tests: a tick is scheduled, and
// fires only when the test calls tick.
type manualClock struct{ pending []func() tea.Msg }

func (c *manualClock) after(_ time.Duration, msg func() tea.Msg) tea.Cmd {
	c.pending = append(c.pending, msg)
	return nil
}

// tick lets n seconds pass: every tick due fires, in order.
func (c *manualClock) tick(d *driver, n int) {
	d.t.Helper()
	for range n {
		due := c.pending
		c.pending = nil
		for _, msg := range due {
			d.send(msg())
		}
	}
}

// threwSession is a finished session with two questions that threw the user.
func threwSession(t testing.TB, store *coach.Store) *coach.Session {
	t.Helper()
	s := coach.NewSession(fixedNow.AddDate(0, 0, -3))
	s.ID = "d4f6a8c0e2b4d6f8"
	s.Intake = coach.Intake{Company: "Initech", Role: "Analyst"}
	s.Answers[coach.PromptQuestions] = coach.Answer{Items: []string{"Why did you leave your last job?", "Describe a time you failed"}}
	s.Status = coach.Complete
	if err := store.Overwrite(s); err != nil {
		t.Fatal(err)
	}
	return s
}

// newPracticeDriver opens practice straight away, as `rebound practice`
// does, over a session with two questions that threw the user.
func newPracticeDriver(t testing.TB, w, h int, configure ...func(*Options)) (*driver, *manualClock) {
	t.Helper()
	dir := filepath.Join(os.TempDir(), "rebound-"+strings.ReplaceAll(t.Name(), "/", "-"))
	_ = os.RemoveAll(dir)
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	store := coach.NewStore(dir)
	threwSession(t, store)
	clock := &manualClock{}
	d := newDriver(t, w, h, append([]func(*Options){func(o *Options) {
		o.Store, o.Practice, o.Clock = store, true, clock.after
	}}, configure...)...)
	d.dir = dir
	return d, clock
}

// queueKeys are the keys of the questions in the practice queue, in order.
func queueKeys(d *driver) []string {
	var keys []string
	for _, it := range d.m.practice.List().Items() {
		keys = append(keys, it.(practice.Item).Card.Question.Key)
	}
	return keys
}

// practised is every practice round on disk.
func (d *driver) practised() []*coach.Practice {
	d.t.Helper()
	entries, problems, err := d.store.Practices()
	if err != nil || len(problems) > 0 {
		d.t.Fatalf("practice: %v, %v", problems, err)
	}
	return entries
}

// answerRound goes through a round from the answer to the hint.
func answerRound(d *driver, answer string, rating string) {
	d.t.Helper()
	d.typeText(answer)
	d.press("tab")
	d.typeText("Kept it calm")
	d.press("tab")
	d.typeText("Name the numbers")
	d.press("tab", "space", "down", "down", "space", "enter", rating, "enter")
	if d.m.page != common.Round || d.m.round.Stage() != round.StageHint {
		d.t.Fatalf("not on the hint after the rating:\n%s", d.view())
	}
}

func TestPracticeQueuePutsTheQuestionsThatThrewYouFirst(t *testing.T) {
	d, _ := newPracticeDriver(t, 80, 24)
	if d.m.page != common.Practice {
		t.Fatalf("practice did not open on the queue:\n%s", d.view())
	}
	keys := queueKeys(d)
	want := []string{"q:why did you leave your last job", "q:describe a time you failed", "bank:tell-me-about-yourself"}
	if len(keys) < 70 || !slices.Equal(keys[:3], want) {
		t.Errorf("queue starts %v (of %d), want %v then the bank", keys[:3], len(keys), want)
	}
	golden(t, "practice", d.view())
}

func TestPracticeWholeRoundIsSaved(t *testing.T) {
	d, clock := newPracticeDriver(t, 80, 24)
	d.press("enter")
	if d.m.page != common.Round {
		t.Fatalf("enter did not start a round:\n%s", d.view())
	}
	clock.tick(d, 45)
	if v := d.view(); !strings.Contains(v, "1:15 left") {
		t.Errorf("after 45 seconds the countdown should read 1:15:\n%s", v)
	}
	golden(t, "practice-answer", d.view())
	answerRound(d, "I wanted to grow", "4")
	golden(t, "practice-hint", d.view())

	entries := d.practised()
	if len(entries) != 1 {
		t.Fatalf("%d rounds on disk, want 1", len(entries))
	}
	p := entries[0]
	q := p.Question
	if q.Key != "q:why did you leave your last job" || q.Source != coach.FromSession || q.SessionID != "d4f6a8c0e2b4d6f8" {
		t.Errorf("question %+v", q)
	}
	if p.Answer != "I wanted to grow" || p.WentWell != "Kept it calm" || p.DoBetter != "Name the numbers" ||
		!slices.Equal(p.Rubric, []string{"structure", "relevance"}) || p.Rating != 4 {
		t.Errorf("saved round %+v", p)
	}
	if p.TimeLimit != 120 || p.TimeUsed != 45 || p.TimedOut {
		t.Errorf("timer: limit %d used %d timed out %v; want 120, 45, false", p.TimeLimit, p.TimeUsed, p.TimedOut)
	}

	// The next question is the second that threw the user; back on the
	// queue the first has moved to the end, due tomorrow.
	d.press("enter")
	if got := d.m.round.Entry().Question.Key; got != "q:describe a time you failed" {
		t.Errorf("next question %q", got)
	}
	d.press("esc")
	keys := queueKeys(d)
	if keys[0] != "q:describe a time you failed" || keys[len(keys)-1] != "q:why did you leave your last job" {
		t.Errorf("queue after a round: first %q, last %q", keys[0], keys[len(keys)-1])
	}
	if v := d.view(); !strings.Contains(v, "1 of the 2 questions that threw you practised, average rating 4.0.") {
		t.Errorf("no progress sentence:\n%s", v)
	}
	if n := len(d.practised()); n != 1 {
		t.Errorf("leaving an untouched round wrote a file: %d rounds", n)
	}
}

func TestPracticeHintComesAfterTheReview(t *testing.T) {
	d, _ := newPracticeDriver(t, 80, 24, func(o *Options) { o.PracticeTag = "motivation" })
	d.press("enter")
	bq, _ := d.m.deps.Bank.Question("tell-me-about-yourself")
	first := strings.Fields(bq.Hint)[0:3]
	hint := strings.Join(first, " ")
	for stage := round.StageAnswer; stage < round.StageHint; stage++ {
		if strings.Contains(d.view(), hint) {
			t.Fatalf("the hint shows at stage %d, before the self-review:\n%s", stage, d.view())
		}
		if stage == round.StageRating {
			d.press("3")
		}
		d.press("tab")
	}
	if v := d.view(); !strings.Contains(v, "What a good answer shows") || !strings.Contains(strings.Join(strings.Fields(v), " "), hint) {
		t.Errorf("the hint %q is not shown after the review:\n%s", hint, v)
	}
}

func TestPracticeRatingIsSuggestedFromTheRubric(t *testing.T) {
	d, _ := newPracticeDriver(t, 80, 24)
	d.press("enter", "tab", "tab", "tab")
	d.press("space", "down", "space", "down", "space", "tab") // three of four criteria
	if got := d.m.round.FieldAt(round.StageRating).Answer().Text; got != "4" {
		t.Errorf("suggested rating %q, want 4 for three of four criteria", got)
	}
	d.press("backspace", "enter")
	if d.m.round.Stage() != round.StageRating || d.m.round.Status() == "" {
		t.Errorf("no rating let the round finish (stage %d)", d.m.round.Stage())
	}
}

func TestPracticeCountdown(t *testing.T) {
	t.Run("pause", func(t *testing.T) {
		d, clock := newPracticeDriver(t, 80, 24)
		d.press("enter")
		clock.tick(d, 10)
		d.send(keyCtrl('t'))
		clock.tick(d, 30) // paused: nothing passes
		if v := d.view(); !strings.Contains(v, "paused · 1:50 left") || !strings.Contains(v, "ctrl+t carry on timer") {
			t.Errorf("paused at 1:50, with the key that carries on:\n%s", v)
		}
		d.send(keyCtrl('t'))
		d.send(keyCtrl('t'))
		d.send(keyCtrl('t')) // resumed, paused, resumed: one tick a second still
		clock.tick(d, 5)
		if got := d.m.round.Clock().Used(); got != 15*time.Second {
			t.Errorf("used %v, want 15s", got)
		}
		if n := len(clock.pending); n != 1 {
			t.Errorf("%d ticks scheduled, want 1", n)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		d, clock := newPracticeDriver(t, 80, 24, func(o *Options) { o.Timer = 90 * time.Second })
		d.press("enter")
		d.typeText("half an answer")
		clock.tick(d, 90)
		if v := d.view(); !strings.Contains(v, "time's up") {
			t.Errorf("no time's up after 90 s:\n%s", v)
		}
		clock.tick(d, 10)
		if len(clock.pending) != 0 {
			t.Error("the countdown kept ticking after the time ran out")
		}
		d.typeText(", finished") // the answer stays open
		d.press("tab")
		p := d.practised()[0]
		if p.Answer != "half an answer, finished" || !p.TimedOut || p.TimeUsed != 90 || p.TimeLimit != 90 {
			t.Errorf("saved %q timed out %v used %d limit %d", p.Answer, p.TimedOut, p.TimeUsed, p.TimeLimit)
		}
	})
	t.Run("off", func(t *testing.T) {
		d, clock := newPracticeDriver(t, 80, 24, func(o *Options) { o.Timer = -1 })
		d.press("enter")
		if len(clock.pending) != 0 || !strings.Contains(d.view(), "no timer") {
			t.Errorf("a round without a timer ticks or does not say so:\n%s", d.view())
		}
		d.typeText("notes")
		d.press("tab")
		if p := d.practised()[0]; p.TimeLimit != 0 || p.TimeUsed != 0 {
			t.Errorf("limit %d used %d, want 0", p.TimeLimit, p.TimeUsed)
		}
	})
	t.Run("cycled on the queue", func(t *testing.T) {
		d, _ := newPracticeDriver(t, 80, 24)
		d.press("c") // 2:00 → 3:00
		d.press("enter")
		if v := d.view(); !strings.Contains(v, "3:00 left") {
			t.Errorf("c did not set the next round's timer to 3:00:\n%s", v)
		}
	})
}

func keyCtrl(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

func TestPracticeKeepsWhatIsTypedOnQuit(t *testing.T) {
	d, clock := newPracticeDriver(t, 80, 24)
	d.press("enter")
	clock.tick(d, 3)
	d.typeText("Half of my answer")
	d.press("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit")
	}
	ExitFilter(d.m, tea.QuitMsg{}) // as the program does on its way out
	p := d.practised()[0]
	if p.Answer != "Half of my answer" || p.Reviewed() || p.TimeUsed != 3 {
		t.Errorf("saved on quit: %+v", p)
	}
}

func TestPracticeEscSavesAndReturns(t *testing.T) {
	d, _ := newPracticeDriver(t, 80, 24)
	d.press("enter")
	d.typeText("notes")
	d.press("tab")
	d.typeText("good start")
	d.press("esc")
	if d.m.page != common.Practice {
		t.Fatalf("esc did not go back to the queue:\n%s", d.view())
	}
	p := d.practised()[0]
	if p.Answer != "notes" || p.WentWell != "good start" || p.Reviewed() {
		t.Errorf("saved %+v", p)
	}
	// An unreviewed round does not count as practised.
	if keys := queueKeys(d); keys[0] != "q:why did you leave your last job" {
		t.Errorf("an unreviewed round moved the question: queue starts %q", keys[0])
	}
}

func TestPracticeTagsAndOwnQuestion(t *testing.T) {
	d, _ := newPracticeDriver(t, 80, 24)
	d.press("t")
	if d.m.practice.Tag() != "motivation" || !strings.Contains(d.view(), "Queue: Motivation") {
		t.Errorf("t did not narrow to the first tag:\n%s", d.view())
	}
	for _, k := range queueKeys(d) {
		if !strings.HasPrefix(k, "bank:") {
			t.Errorf("%s is queued under a tag", k)
		}
	}
	d.press("T")
	if d.m.practice.Tag() != "" {
		t.Errorf("T did not go back to every question: %q", d.m.practice.Tag())
	}

	d.press("n")
	d.typeText("How do you handle ambiguity?")
	d.press("enter")
	if d.m.page != common.Round || d.m.round.Entry().Question.Source != coach.FromUser {
		t.Fatalf("own question did not start a round:\n%s", d.view())
	}
	answerRound(d, "With a plan", "3")
	if v := d.view(); !strings.Contains(v, "A good answer to a question like this one has") {
		t.Errorf("an own question gets the rubric as its hint:\n%s", v)
	}
	if p := d.practised()[0]; p.Question.Key != "q:how do you handle ambiguity" || p.Question.Text != "How do you handle ambiguity?" {
		t.Errorf("own question saved as %+v", p.Question)
	}
}

func TestPracticeFromHome(t *testing.T) {
	d := newDriver(t, 80, 24)
	d.choose("Practise questions")
	if d.m.page != common.Practice || len(queueKeys(d)) < 60 {
		t.Fatalf("home did not open practice on the bank:\n%s", d.view())
	}
	if v := d.view(); !strings.Contains(v, "No questions that threw you yet") {
		t.Errorf("no progress line without sessions:\n%s", v)
	}
	d.press("esc")
	if d.m.page != common.Home {
		t.Errorf("esc did not go home")
	}
}

func TestPracticeHostileQuestionIsInert(t *testing.T) {
	d, _ := newPracticeDriver(t, 80, 24)
	d.press("n")
	d.send(tea.PasteMsg{Content: "Why\x1b]52;c;aGk=\x07 \x1b[2J?"})
	d.press("enter")
	answerRound(d, "x", "2")
	if v := d.m.View().Content; strings.Contains(v, "\x1b]52") || strings.Contains(v, "\x1b[2J") {
		t.Errorf("a pasted escape sequence reached the screen: %q", v)
	}
	if !strings.Contains(d.view(), "Why␛]52;c;aGk=␇ ␛[2J?") {
		t.Errorf("the question is not shown with visible stand-ins:\n%s", d.view())
	}
	if p := d.practised()[0]; p.Question.Text != "Why\x1b]52;c;aGk=\x07 \x1b[2J?" {
		t.Errorf("the question is not saved as pasted: %q", p.Question.Text)
	}
}

func TestPracticeInInsights(t *testing.T) {
	d, _ := newPracticeDriver(t, 80, 24)
	d.press("enter")
	answerRound(d, "first try", "2")
	d.press("esc", "esc")
	d.run(d.m.home.Load())
	d.choose("Insights")
	content := ansi.Strip(d.m.insights.Viewport().GetContent())
	at := strings.Index(content, "Practice")
	if at < 0 {
		t.Fatalf("no practice in the insights:\n%s", content)
	}
	golden(t, "insights-practice", content[at:])
	if !strings.Contains(content, "1 of the 2 questions that threw you practised, average rating 2.0.") ||
		!strings.Contains(content, "▃ 2/5  Why did you leave your last job?") {
		t.Errorf("practice insights:\n%s", content[at:])
	}
}

func TestQuestionHint(t *testing.T) {
	bank, err := content.LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	bq, _ := bank.Question("greatest-weakness")
	tests := []struct {
		name string
		q    coach.Question
		want string
	}{
		{"bank", coach.Question{Key: "bank:greatest-weakness", Source: coach.FromBank}, bq.Hint},
		{"threw you, and in the bank", coach.Question{Key: "bank:greatest-weakness", Source: coach.FromSession}, bq.Hint},
		{"threw you", coach.Question{Key: "q:design a cache", Source: coach.FromSession}, "A good answer to a question like this one has"},
		{"own", coach.Question{Key: "q:why", Source: coach.FromUser}, "**" + bank.Rubric[0].Label + "**"},
		{"a bank id since removed", coach.Question{Key: "bank:gone", Source: coach.FromBank}, "A good answer to a question like this one has"},
	}
	for _, tt := range tests {
		if got := coach.QuestionHint(bank, tt.q); !strings.Contains(got, tt.want) {
			t.Errorf("%s: hint %q, want it to contain %q", tt.name, got, tt.want)
		}
	}
}

// A save runs in a command; one still running when the program ends never
// finishes. Quitting straight after esc must still write what esc saved.
func TestQuitRightAfterEscKeepsWhatEscSaved(t *testing.T) {
	t.Run("practice round", func(t *testing.T) {
		d, _ := newPracticeDriver(t, 80, 24)
		d.press("enter")
		d.typeText("typed, then left")
		d.m.Update(keytest.Press("esc")) // its save command is never run
		ExitFilter(d.m, tea.QuitMsg{})
		if got := d.practised(); len(got) != 1 || got[0].Answer != "typed, then left" {
			t.Errorf("saved %v", got)
		}
	})
	t.Run("session", func(t *testing.T) {
		d := newDriver(t, 80, 24)
		d.press("enter") // start a new session
		d.typeText("Initech")
		d.m.Update(keytest.Press("esc"))
		ExitFilter(d.m, tea.QuitMsg{})
		if s := d.saved(); s.Intake.Company != "Initech" && s.Drafts[coach.PromptCompany].Text != "Initech" {
			t.Errorf("saved %+v", s)
		}
	})
}

func TestPracticeCarriesOnAnUnfinishedRound(t *testing.T) {
	d, clock := newPracticeDriver(t, 80, 24)
	d.press("enter")
	clock.tick(d, 20)
	d.typeText("half an answer")
	d.press("esc")
	first := d.practised()[0]
	if v := d.view(); !strings.Contains(v, "unfinished · threw you") {
		t.Errorf("the queue does not mark the round left unfinished:\n%s", v)
	}

	// Again after a restart, on the same data.
	clock2 := &manualClock{}
	d2 := newDriver(t, 80, 24, func(o *Options) { o.Store, o.Practice, o.Clock = coach.NewStore(d.dir), true, clock2.after })
	d2.press("enter")
	if v := d2.view(); !strings.Contains(v, "1:40 left") || !strings.Contains(v, "│ half an answer") || !strings.Contains(v, "carrying on from") {
		t.Errorf("not carried on where it stopped:\n%s", v)
	}
	clock2.tick(d2, 5)
	d2.typeText(", finished")
	d2.press("tab")
	d2.typeText("x")
	d2.press("tab", "tab", "enter", "3", "enter")
	rounds := d2.practised()
	if len(rounds) != 1 {
		t.Fatalf("%d round files, want the one carried on", len(rounds))
	}
	p := rounds[0]
	if p.ID != first.ID || p.Answer != "half an answer, finished" || p.TimeUsed != 25 || p.Rating != 3 {
		t.Errorf("carried-on round: id %s (first %s), %q, used %d, rating %d", p.ID, first.ID, p.Answer, p.TimeUsed, p.Rating)
	}
	d2.press("esc")
	if v := d2.view(); strings.Contains(v, "unfinished") {
		t.Errorf("a rated round is still marked unfinished:\n%s", v)
	}
}

package app

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys/keytest"
	"github.com/rebound-coach/rebound/ui/pages/home"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/field"
	"github.com/rebound-coach/rebound/ui/widgets/paste"
)

// lookalikes are characters that look like what coach.Editable writes for
// control characters, or once wrote: control pictures, the private-use
// characters it used before, a noncharacter, its own stand-ins and marker
// (U+10FF1B, U+10FFFF), ⍰, and U+FFFD, which textinput drops. Typed or
// pasted, each must be stored as itself.
var lookalikes = []string{"␛", "␀", "␡", "\uF781", "\uF7A7", "\uFDD0", "\U0010FF1B", "\U0010FFFF", "\U0010FE1B", "⍰", "\uFFFD"}

// typedText is every lookalike between words, as one text.
var typedText = "x " + strings.Join(lookalikes, " y ") + " z"

// pasteThroughGuard is the message a terminal paste of s becomes: the bytes
// go through paste.Guard, as they do in the real program, and Bubble Tea
// delivers what is between the markers.
func pasteThroughGuard(s string) tea.PasteMsg {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	go func() {
		w.WriteString("\x1b[200~" + s + "\x1b[201~")
		w.Close()
	}()
	out, err := io.ReadAll(paste.NewGuard(r))
	r.Close()
	if err != nil {
		panic(err)
	}
	out = bytes.TrimPrefix(bytes.TrimSuffix(out, []byte("\x1b[201~")), []byte("\x1b[200~"))
	return tea.PasteMsg{Content: string(out)}
}

// enterText gives text to the focused input: typed a key at a time, pasted
// through paste.Guard, or pasted by a message that never went through it.
var enterText = map[string]func(d *driver, s string){
	"typed":         func(d *driver, s string) { d.typeText(s) },
	"pasted":        func(d *driver, s string) { d.send(pasteThroughGuard(s)) },
	"pasted direct": func(d *driver, s string) { d.send(tea.PasteMsg{Content: s}) },
}

// directText is what a paste that did not come through paste.Guard may hold
// and still be read as given: anything but the stand-ins' block, which is
// paste.Guard's own.
var directText = "x ␛ ␀ \uF781 \uFDD0 ⍰ \uFFFD \x1b[2J \u009b \u202E z"

func textFor(how string) string {
	if how == "pasted direct" {
		return directText
	}
	return typedText
}

// TestLookalikesAreStoredAsTyped: in a one-line field and in a long answer,
// typed or pasted, text that looks like a stand-in is stored exactly.
func TestLookalikesAreStoredAsTyped(t *testing.T) {
	for how, enter := range enterText {
		t.Run(how, func(t *testing.T) {
			want := textFor(how)
			d := newDriver(t, 80, 24)
			d.press("enter")
			enter(d, want) // the company, one line
			d.tabTo(coach.PromptMessage)
			enter(d, want) // the message, a long answer
			d.press("tab")
			s := d.saved()
			if s.Intake.Company != want {
				t.Errorf("one-line field: stored %q,\nwant %q", s.Intake.Company, want)
			}
			if s.Intake.Message != want {
				t.Errorf("long answer: stored %q,\nwant %q", s.Intake.Message, want)
			}
			if v := d.m.View().Content; strings.ContainsFunc(v, isStandIn) {
				t.Errorf("a stand-in reached the screen undrawn:\n%s", d.view())
			}
		})
	}
}

// TestLookalikesInPracticeAreStoredAsTyped: a question of one's own and the
// answer of a round.
func TestLookalikesInPracticeAreStoredAsTyped(t *testing.T) {
	for how, enter := range enterText {
		t.Run(how, func(t *testing.T) {
			want := textFor(how)
			d, _ := newPracticeDriver(t, 80, 24)
			d.press("n")
			enter(d, want)
			d.press("enter")
			if d.m.page != common.Round {
				t.Fatalf("own question did not start a round:\n%s", d.view())
			}
			enter(d, want)
			d.press("tab")
			d.typeText("Kept it calm")
			d.press("tab")
			d.typeText("Name the numbers")
			d.press("tab", "space", "enter", "3", "enter")
			p := d.practised()
			if len(p) != 1 {
				t.Fatalf("%d rounds saved, want 1", len(p))
			}
			if p[0].Question.Text != want {
				t.Errorf("own question: stored %q,\nwant %q", p[0].Question.Text, want)
			}
			if p[0].Answer != want {
				t.Errorf("answer: stored %q,\nwant %q", p[0].Answer, want)
			}
		})
	}
}

// TestLookalikesInTheSearch: the search of Past sessions looks for what was
// typed: ␛ finds the session that holds ␛, not the one that holds ESC, and
// the other way round.
func TestLookalikesInTheSearch(t *testing.T) {
	d := newHistoryDriver(t, 80, 24)
	pairs := [][2]string{{"␛", "\x1b"}, {"␀", "\x00"}, {"\uF781", "\u0081"}, {"\U0010FF1B", "\U0010FE1B"}, {"\uFFFD", "\uF7FD"}}
	for i, p := range pairs {
		for j, text := range p {
			s := coach.NewSession(fixedNow.AddDate(0, 0, -20-i))
			s.ID = "e0e0e0e0e0e0e0" + string(rune('a'+i)) + string(rune('0'+j))
			s.Intake = coach.Intake{Company: "Co" + s.ID, Role: "R" + text + "R"}
			s.Status = coach.Complete
			if err := d.store.Overwrite(s); err != nil {
				t.Fatal(err)
			}
		}
	}
	d.choose("Past sessions")
	for i, p := range pairs {
		for j, text := range p {
			for how, enter := range map[string]func(d *driver, s string){"typed": enterText["typed"], "pasted": enterText["pasted"]} {
				if how == "typed" && strings.ContainsFunc(text, func(r rune) bool { return r < 0x20 }) {
					continue // a terminal sends a typed control as a key, not as text
				}
				d.press("/")
				enter(d, "R"+text+"R")
				if got := coach.Raw(d.m.history.List().FilterInput.Value()); got != "R"+text+"R" {
					t.Errorf("%s %q: the search reads %q", how, text, got)
				}
				want := "R" + text + "R at Coe0e0e0e0e0e0e0" + string(rune('a'+i)) + string(rune('0'+j))
				if got := titles(d); len(got) != 1 || got[0] != want {
					t.Errorf("%s %q: found %q, want only %q", how, text, got, want)
				}
				d.press("esc")
			}
		}
	}
}

// TestStoredControlsComeBackUnchanged: a session holding control
// characters, bidi controls and lookalikes in every kind of text field,
// resumed and passed through prompt by prompt, is saved byte for byte as it
// was.
func TestStoredControlsComeBackUnchanged(t *testing.T) {
	line := "a \x1b[2J b \x1b]52;c;aGk=\x07 c \u009b31m d \u202Eevil\u202C \x7f\x00 " + strings.Join(lookalikes, " ") + " e"
	long := line + "\r\nline two\x1b[0m\n\u0085 \u2066isolate\u2069 end"
	s := coach.NewSession(fixedNow.AddDate(0, 0, -1))
	s.ID = "f1f2f3f4f5f6f7f8"
	s.Intake = coach.Intake{Company: line, Role: line, Interviewer: line, Stage: "final round",
		RejectedOn: "2026-11-20", Channel: "email", Message: long}
	s.MoodBefore = &coach.Mood{Score: 4, Word: line}
	s.Answers["step_back.outside"] = coach.Answer{Items: []string{line}, Text: line}
	s.Answers["step_back.bigger_picture"] = coach.Answer{Text: long}
	s.Position = coach.PromptCompany
	s.UpdatedAt = s.CreatedAt
	d := newDriver(t, 80, 24)
	if err := d.store.Overwrite(s); err != nil {
		t.Fatal(err)
	}
	d.press("esc")
	d.run(d.m.home.Load())
	for i, it := range d.m.home.List().Items() {
		if strings.HasPrefix(it.(home.Item).Title, "Resume: ") {
			d.m.home.List().Select(i)
		}
	}
	d.press("enter")
	if d.prompt() != coach.PromptCompany {
		t.Fatalf("resume opened %q, want the company:\n%s", d.prompt(), d.view())
	}
	d.tabTo("not_personal.thought") // every prompt before it answered as it was
	got := d.load(s.ID)
	if got.Intake != s.Intake {
		t.Errorf("intake saved as\n%q,\nwant\n%q", got.Intake, s.Intake)
	}
	if m := got.MoodBefore; m == nil {
		t.Error("the mood was not saved")
	} else if *m != *s.MoodBefore {
		t.Errorf("mood saved as %d and %q, want %d and %q", m.Score, m.Word, s.MoodBefore.Score, s.MoodBefore.Word)
	}
	for _, id := range []string{"step_back.outside", "step_back.bigger_picture"} {
		if a, b := got.Answers[id], s.Answers[id]; a.Text != b.Text || strings.Join(a.Items, "\n") != strings.Join(b.Items, "\n") {
			t.Errorf("%s saved as %q and %q, want %q and %q", id, a.Text, a.Items, b.Text, b.Items)
		}
	}
}

// TestEscapesAreOneCharacter: in the editor and in a one-line input, the
// escape of a stand-in's code point (two code points, drawn ⍰⍰) is stepped
// over and deleted whole, so no edit leaves half of it.
func TestEscapesAreOneCharacter(t *testing.T) {
	const text = "a\U0010FF1Bb" // the escape is runes 1 and 2 of Editable's form
	del := tea.KeyPressMsg{Code: tea.KeyDelete}

	st := theme.NewStyles(true, false)
	newIn := func() *driverInput {
		in := field.NewInput(&st, text, "")
		in.Focus()
		return &driverInput{t: t, in: &in}
	}
	t.Run("input", func(t *testing.T) {
		in := newIn()
		in.send(keytest.Press("left"))
		in.want(3)
		in.send(keytest.Press("left"))
		in.want(1)
		in.send(keytest.Press("right"))
		in.want(3)
		in.send(keytest.Press("backspace"))
		in.wantValue("ab")
		in.want(1)

		in = newIn()
		in.in.SetCursor(1)
		in.send(del)
		in.wantValue("ab")
		in.want(1)

		in = newIn()
		in.in.SetCursor(1)
		in.send(keytest.Press("x"))
		in.wantValue("ax\U0010FF1Bb")
	})
}

// driverInput drives one textinput through updateInput, as the fields do.
type driverInput struct {
	t  *testing.T
	in *textinput.Model
}

func (d *driverInput) send(msg tea.Msg) { field.UpdateInput(d.in, msg) }

// want checks the cursor's position.
func (d *driverInput) want(at int) {
	d.t.Helper()
	if got := d.in.Position(); got != at {
		d.t.Errorf("cursor at %d, want %d (value %q)", got, at, d.in.Value())
	}
}

func (d *driverInput) wantValue(want string) {
	d.t.Helper()
	if got := coach.Raw(d.in.Value()); got != want {
		d.t.Errorf("value %q, want %q", got, want)
	}
	if v := d.in.Value(); strings.ContainsRune(v, coach.Marker) && coach.Editable(coach.Raw(v)) != v {
		d.t.Errorf("value %q holds a lone marker", v)
	}
}

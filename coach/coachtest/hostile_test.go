package coachtest

import (
	"strings"
	"testing"
	"time"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
)

// TestClean: the checker catches each kind of control, and lets through
// what the app writes itself (styles) and the stand-ins it draws instead.
func TestClean(t *testing.T) {
	tests := []struct {
		name string
		in   string
		bad  bool
	}{
		{"plain text", "Product designer at Northwind", false},
		{"newlines", "one\ntwo\n", false},
		{"styles", "\x1b[1mbold\x1b[m \x1b[38;5;252;48;5;63mcolour\x1b[0m \x1b[38:2::1:2:3mtrue\x1b[39m", false},
		{"stand-ins and unicode", "␛[2J ␇ ⍰ 😔 日本語 مرحبا \u200d\u2028\ufeff", false},
		{"empty", "", false},

		{"CSI not a style", "a\x1b[2Jb", true},
		{"style with a private parameter", "\x1b[?25lx", true},
		{"style with an intermediate", "\x1b[5 q", true},
		{"OSC 52", "\x1b]52;c;aGk=\x07", true},
		{"OSC 8", "\x1b]8;;http://x\x1b\\", true},
		{"DCS", "\x1bP$qm\x1b\\", true},
		{"lone ESC", "end\x1b", true},
		{"BEL", "ding\x07", true},
		{"CR", "a\rb", true},
		{"backspace", "a\bb", true},
		{"tab", "a\tb", true},
		{"NUL", "a\x00b", true},
		{"DEL", "a\x7fb", true},
		{"C1 CSI U+009B", "a\u009b2J", true},
		{"C1 NEL U+0085", "a\u0085b", true},
		{"invalid UTF-8 0x9b", "a\x9b2J", true},
		{"cut UTF-8", "a\xe2\x80", true},
		{"RLO U+202E", "a\u202eb", true},
		{"LRE U+202A", "\u202a", true},
		{"isolate U+2066", "a\u2066b", true},
		{"PDI U+2069", "a\u2069b", true},
		{"RLM U+200F", "a\u200fb", true},
		{"a control hidden between styles", "\x1b[1m\x1b[m\x07\x1b[m", true},
	}
	for _, tt := range tests {
		err := Clean(tt.in)
		if (err != nil) != tt.bad {
			t.Errorf("%s: Clean(%q) = %v, want an error: %v", tt.name, tt.in, err, tt.bad)
		}
	}
}

// TestHostileCorpus: enough distinct entries, each one caught by Clean
// (but the harmless ones), each one made clean by the sanitizer with its
// words kept.
func TestHostileCorpus(t *testing.T) {
	if len(Hostile) < 30 {
		t.Errorf("%d entries, want at least 30", len(Hostile))
	}
	seen := map[string]bool{}
	for _, h := range Hostile {
		for _, k := range []string{h.Name, h.Seq, h.Before, h.After} {
			if seen[k] {
				t.Errorf("%q is in the corpus twice", k)
			}
			seen[k] = true
		}
		if err := h.Check(h.Text()); (err == nil) != h.Harmless {
			t.Errorf("%s: Check(%q) = %v; harmless %v", h.Name, h.Text(), err, h.Harmless)
		}
		for what, out := range map[string]string{"Inert": coach.Inert(h.Text()), "Escape": coach.Escape(h.Text())} {
			if err := h.Check(out); err != nil {
				t.Errorf("%s: %s leaves %v", h.Name, what, err)
			}
			if !strings.Contains(out, h.Before) || !strings.Contains(out, h.After) {
				t.Errorf("%s: %s lost the words around the sequence: %q", h.Name, what, out)
			}
		}
	}
}

// TestHostileRecords: the sessions and rounds built from the corpus hold
// the text where the tests expect it, and save and load as they are.
func TestHostileRecords(t *testing.T) {
	h := Hostile[0]
	store := coach.NewStore(t.TempDir())
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	s, open := HostileSession("0000000000000001", h.Text(), at), HostileOpenSession("0000000000000002", h.Text(), at)
	if s.Intake.Stage != h.Text() || s.Answers[coach.PromptQuestions].Items[0] != h.Text() || s.Status != coach.Complete {
		t.Errorf("session %+v", s)
	}
	if open.Status != coach.InProgress {
		t.Errorf("the open session is complete")
	}
	p := HostileRound("0000000000000003", h.Text(), at, 2)
	if p.Question.Text != h.Text() || !p.Reviewed() || p.WentWell != h.Text() {
		t.Errorf("round %+v", p)
	}
	for _, s := range []*coach.Session{s, open} {
		if err := store.Overwrite(s); err != nil {
			t.Fatal(err)
		}
		got, err := store.Load(s.ID)
		if err != nil || got.Intake.Company != h.Text() {
			t.Errorf("loaded %v, %v", got, err)
		}
	}
	sums, _, err := store.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	if due := coach.FollowUps(sums, at); len(due) != 2 || due[0].SessionID != open.ID || due[1].SessionID != open.ID {
		t.Errorf("due %+v, want the open session's feedback request and first action", due)
	}
}

// TestCheckStyles: Check finds a style the text brought with it, but not a
// reset, which the app writes as well.
func TestCheckStyles(t *testing.T) {
	h := HostileText{Name: "style", Seq: "\x1b[5;31mred\x1b[0m"}
	if err := h.Check("\x1b[1mtitle\x1b[0m red"); err != nil {
		t.Errorf("the app's own styles: %v", err)
	}
	if err := h.Check("x \x1b[5;31mred"); err == nil {
		t.Error("the text's style was not found")
	}
}

// TestHostileMarkdown: the markdown main prints when sessions or rounds
// could not be saved, and that the summary copies, holds the text inert
// and keeps its words.
func TestHostileMarkdown(t *testing.T) {
	flow, _, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for _, h := range Hostile {
		for what, md := range map[string]string{
			"session":      coach.Markdown(HostileSession("0000000000000001", h.Text(), at), flow),
			"open session": coach.Markdown(HostileOpenSession("0000000000000002", h.Text(), at), flow),
			"practice":     coach.PracticeMarkdown(HostileRound("0000000000000003", h.Text(), at, 4)),
			"export":       string(coach.ExportMarkdown([]*coach.Session{HostileSession("0000000000000001", h.Text(), at)}, flow)),
			"unfinished":   coach.PracticeMarkdown(HostileRound("0000000000000004", h.Text(), at, 0)),
		} {
			if err := h.Check(md); err != nil {
				t.Errorf("%s, %s markdown: %v", h.Name, what, err)
			}
			if !strings.Contains(md, h.Before) || !strings.Contains(md, h.After) {
				t.Errorf("%s, %s markdown lost the words around the sequence", h.Name, what)
			}
		}
	}
}

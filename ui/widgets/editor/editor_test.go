package editor

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/keys/keytest"
)

// edit runs keys on an editor holding start (the cursor at its end) and
// returns the text with the cursor marked as |.
func edit(t *testing.T, width int, start string, presses ...string) string {
	t.Helper()
	e := New(start, keys.DefaultEditor())
	e.SetSize(width+len([]rune(gutterMark)), 5)
	e.Focus()
	for _, k := range presses {
		switch {
		case strings.HasPrefix(k, "type:"):
			e.Update(tea.KeyPressMsg{Code: []rune(k[5:])[0], Text: k[5:]})
		case strings.HasPrefix(k, "paste:"):
			e.Update(tea.PasteMsg{Content: k[6:]})
		default:
			msg := keytest.Press(k)
			if msg.String() != k {
				t.Fatalf("key %q sent as %q", k, msg.String())
			}
			e.Update(msg)
		}
	}
	v := e.Value()
	off := 0
	for i := range e.row {
		off += len([]rune(string(e.lines[i]))) + 1
	}
	r := []rune(v)
	return string(r[:off+e.col]) + "|" + string(r[off+e.col:])
}

func TestEditorEditing(t *testing.T) {
	tests := []struct {
		name  string
		width int
		start string
		keys  []string
		want  string
	}{
		{"types at the end", 20, "ab", []string{"type:c"}, "abc|"},
		{"types in the middle", 20, "ac", []string{"left", "type:b"}, "ab|c"},
		{"enter splits a line", 20, "abcd", []string{"left", "left", "enter"}, "ab\n|cd"},
		{"backspace joins lines", 20, "ab\ncd", []string{"home", "backspace"}, "ab|cd"},
		{"backspace at the start does nothing", 20, "ab", []string{"home", "backspace"}, "|ab"},
		{"delete joins the next line", 20, "ab\ncd", []string{"up", "end", "delete"}, "ab|cd"},
		{"left wraps to the line above", 20, "ab\ncd", []string{"home", "left"}, "ab|\ncd"},
		{"right wraps to the line below", 20, "ab\ncd", []string{"up", "end", "right"}, "ab\n|cd"},
		{"up keeps the column", 20, "abcd\nxy", []string{"up"}, "ab|cd\nxy"},
		{"up then down comes back", 20, "abcd\nxyzw", []string{"left", "up", "down"}, "abcd\nxyz|w"},
		{"down from a longer line stops at the end", 20, "abcdef\nxy", []string{"up", "down"}, "abcdef\nxy|"},
		{"up moves between wrapped rows", 5, "aaaa bbbb", []string{"up"}, "aaaa| bbbb"},
		{"word left", 20, "one two three", []string{"alt+left"}, "one two |three"},
		{"word right", 20, "one two three", []string{"home", "alt+right"}, "one| two three"},
		{"delete word back", 20, "one two three", []string{"ctrl+w"}, "one two |"},
		{"delete word back at a line start joins", 20, "ab\ncd", []string{"home", "alt+backspace"}, "ab|cd"},
		{"kill to end of line", 20, "one two", []string{"home", "alt+right", "ctrl+k"}, "one|"},
		{"kill to start of line", 20, "one two", []string{"alt+left", "ctrl+u"}, "|two"},
		{"paste inserts lines", 20, "ab", []string{"left", "paste:1\n2\n3"}, "a1\n2\n3|b"},
		{"paste turns CRLF into one line break", 20, "", []string{"paste:a\r\nb"}, "a\nb|"},
		{"paste drops raw control characters", 20, "", []string{"paste:a\x1bb\x07c"}, "abc|"},
		{"tabs become spaces", 20, "", []string{"paste:a\tb"}, "a b|"},
		{"wide characters", 20, "日本", []string{"left", "type:語"}, "日語|本"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := edit(t, tt.width, tt.start, tt.keys...); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEditorWrapsAtSpacesAndLosesNothing(t *testing.T) {
	tests := []struct {
		width int
		text  string
		rows  []string
	}{
		{10, "the quick brown fox", []string{"the quick", "brown fox"}},
		{12, "the quick brown fox", []string{"the quick", "brown fox"}},
		{5, "abcdefghijkl", []string{"abcde", "fghij", "kl"}},
		{6, "日本語テキスト", []string{"日本語", "テキス", "ト"}},
		{8, "", []string{""}},
	}
	for _, tt := range tests {
		e := New(tt.text, keys.DefaultEditor())
		e.SetSize(tt.width+2, 10)
		var got []string
		starts := e.rows(0)
		line := e.lines[0]
		joined := ""
		for i, s := range starts {
			end := len(line)
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			seg := string(line[s:end])
			joined += seg
			got = append(got, strings.TrimRight(seg, " "))
			if w := ansi.StringWidth(seg); w > tt.width && strings.TrimRight(seg, " ") != seg[:len(seg)] {
				t.Errorf("%q: row %q is %d cells wide, over %d", tt.text, seg, w, tt.width)
			}
		}
		if joined != tt.text {
			t.Errorf("%q: rows join to %q", tt.text, joined)
		}
		if strings.Join(got, "|") != strings.Join(tt.rows, "|") {
			t.Errorf("%q at %d: rows %q, want %q", tt.text, tt.width, got, tt.rows)
		}
	}
}

func TestEditorViewFollowsTheCursor(t *testing.T) {
	e := New(strings.Repeat("line\n", 30)+"last", keys.DefaultEditor())
	e.SetSize(22, 4)
	e.Focus()
	v := ansi.Strip(e.View())
	if lines := strings.Split(v, "\n"); len(lines) != 4 || !strings.Contains(lines[3], "last") {
		t.Fatalf("the view does not show the cursor's row at the bottom:\n%s", v)
	}
	e.MoveToBegin()
	if v := ansi.Strip(e.View()); !strings.HasPrefix(v, gutterMark+"line") {
		t.Fatalf("after moving to the start the view did not scroll up:\n%s", v)
	}
	for _, w := range []int{1, 2, 3} { // tiny widths must not loop or panic
		e.SetSize(w, 1)
		_ = e.View()
	}
}

// TestEscapesAreOneCharacter: the escape of a stand-in's code point (two
// code points, drawn ⍰⍰) is stepped over and deleted whole, so no edit
// leaves half of it.
func TestEscapesAreOneCharacter(t *testing.T) {
	const text = "a\U0010FF1Bb" // the escape is runes 1 and 2 of Editable's form
	del := tea.KeyPressMsg{Code: tea.KeyDelete}
	e := New(coach.Editable(text), keys.DefaultEditor())
	e.Focus()
	e.Update(keytest.Press("left"))
	if e.col != 3 {
		t.Fatalf("left from the end: col %d, want 3", e.col)
	}
	e.Update(keytest.Press("left"))
	if e.col != 1 {
		t.Errorf("left over the escape: col %d, want 1", e.col)
	}
	e.Update(keytest.Press("right"))
	if e.col != 3 {
		t.Errorf("right over the escape: col %d, want 3", e.col)
	}
	e.Update(keytest.Press("backspace"))
	if got := coach.Raw(e.Value()); got != "ab" || e.col != 1 {
		t.Errorf("backspace after the escape: %q, col %d; want \"ab\", col 1", got, e.col)
	}
	e.SetValue(coach.Editable(text))
	e.col = 1
	e.Update(del)
	if got := coach.Raw(e.Value()); got != "ab" || e.col != 1 {
		t.Errorf("delete before the escape: %q, col %d; want \"ab\", col 1", got, e.col)
	}
	e.SetValue(coach.Editable(text))
	e.col = 1
	e.Update(keytest.Press("x"))
	if got := coach.Raw(e.Value()); got != "ax\U0010FF1Bb" {
		t.Errorf("typed before the escape: %q", got)
	}
	// A row that would break inside the escape breaks before it.
	e.SetValue(coach.Editable("abc\U0010FF1Bd"))
	e.SetSize(4+lipgloss.Width(gutterMark), 3) // four cells of text
	if got := e.rows(0); len(got) != 2 || got[1] != 3 {
		t.Errorf("rows start at %v, want [0 3]", got)
	}
}

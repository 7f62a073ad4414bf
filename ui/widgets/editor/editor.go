package editor

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/ui/keys"
)

// Model is the multi-line text box of long answers. bubbles' textarea
// renders every wrapped row of the whole text, twice per keystroke, which
// costs about 3 ms in a 5,000-character answer; this one re-wraps only the
// line being edited and draws only the rows on screen, so a keystroke costs
// the same whatever the length of the answer. It keeps to what answers need:
// typing, pasting, moving, deleting.
//
// It holds text in coach.Editable's form, and treats each escape there (two
// code points, drawn ⍰⍰) as one character: the cursor never rests inside
// one, so nothing is typed between its halves, and a deletion takes both.
type Model struct {
	lines [][]rune
	// wraps caches, per line, where each screen row starts; nil means
	// "re-wrap": set for the edited line only, or for all on a resize.
	wraps    [][]int
	row, col int // the cursor, in lines and runes
	// goal is the column (in cells) that up and down try to keep.
	goal    int
	top     int // the first screen row shown
	width   int // of the text, without the gutter
	height  int
	focused bool

	gutter, cursor lipgloss.Style
	keys           keys.Editor
}

const gutterMark = "│ "

// New is an editor holding value (in coach.Editable's form), answering to km.
func New(value string, km keys.Editor) *Model {
	e := &Model{width: 40, height: 3, keys: km}
	e.SetValue(value)
	return e
}

// SetStyles sets the style of the gutter at the left of every row and of
// the cursor.
func (e *Model) SetStyles(gutter, cursor lipgloss.Style) { e.gutter, e.cursor = gutter, cursor }

// SetValue replaces the text and puts the cursor at its end.
func (e *Model) SetValue(s string) {
	e.lines = nil
	for line := range strings.SplitSeq(s, "\n") {
		e.lines = append(e.lines, []rune(line))
	}
	e.wraps = make([][]int, len(e.lines))
	e.row = len(e.lines) - 1
	e.col = len(e.lines[e.row])
	e.goal = -1
	e.scroll()
}

// Value is the text, lines joined with \n.
func (e *Model) Value() string {
	var b strings.Builder
	for i, l := range e.lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(string(l))
	}
	return b.String()
}

// MoveToBegin puts the cursor at the very start.
func (e *Model) MoveToBegin() { e.row, e.col, e.top, e.goal = 0, 0, 0, -1 }

func (e *Model) Focus() { e.focused = true }
func (e *Model) Blur()  { e.focused = false }

// SetSize sets the outer width (gutter included) and the number of rows.
func (e *Model) SetSize(w, h int) {
	w = max(1, w-lipgloss.Width(gutterMark))
	if w != e.width {
		clear(e.wraps)
	}
	e.width, e.height = w, max(1, h)
	e.scroll()
}

// Update handles a key or a paste.
func (e *Model) Update(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		e.insert(msg.Content)
	case tea.KeyPressMsg:
		e.key(msg)
	}
	e.scroll()
}

func (e *Model) key(k tea.KeyPressMsg) {
	keepGoal := false
	km, s := &e.keys, k.String()
	switch {
	case keys.Is(s, km.Newline):
		e.insert("\n")
	case keys.Is(s, km.DeleteBack):
		e.deleteBack()
	case keys.Is(s, km.DeleteForward):
		e.deleteForward()
	case keys.Is(s, km.Left):
		e.left()
	case keys.Is(s, km.Right):
		e.right()
	case keys.Is(s, km.Up):
		e.vertical(-1)
		keepGoal = true
	case keys.Is(s, km.Down):
		e.vertical(+1)
		keepGoal = true
	case keys.Is(s, km.LineStart):
		e.col = 0
	case keys.Is(s, km.LineEnd):
		e.col = len(e.lines[e.row])
	case keys.Is(s, km.WordLeft):
		e.wordLeft()
	case keys.Is(s, km.WordRight):
		e.wordRight()
	case keys.Is(s, km.DeleteWordBack):
		if e.col == 0 {
			e.deleteBack()
			break
		}
		end := e.col
		e.wordLeft()
		e.cut(e.col, end)
	case keys.Is(s, km.DeleteLineEnd):
		e.cut(e.col, len(e.lines[e.row]))
	case keys.Is(s, km.DeleteLineStart):
		e.cut(0, e.col)
		e.col = 0
	default:
		if k.Text != "" {
			e.insert(k.Text)
		}
	}
	if !keepGoal {
		e.goal = -1
	}
}

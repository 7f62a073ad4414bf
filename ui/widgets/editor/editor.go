package editor

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/mattn/go-runewidth"

	"github.com/rebound-coach/rebound/coach"
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

// insert types s at the cursor; newlines split the line. Control characters
// other than newline and tab are dropped here: the caller has already
// turned pasted ones into stand-ins (coach.Editable).
func (e *Model) insert(s string) {
	s = strings.Map(func(r rune) rune {
		if r == '\t' {
			return ' '
		}
		if r != '\n' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ReplaceAll(s, "\r\n", "\n"))
	parts := strings.Split(s, "\n")
	line := e.lines[e.row]
	tail := append([]rune(nil), line[e.col:]...)
	head := append(line[:e.col:e.col], []rune(parts[0])...)
	if len(parts) == 1 {
		e.col = len(head)
		e.lines[e.row] = append(head, tail...)
		e.wraps[e.row] = nil
		return
	}
	newLines := make([][]rune, 0, len(parts)-1)
	for _, p := range parts[1:] {
		newLines = append(newLines, []rune(p))
	}
	last := len(newLines) - 1
	e.col = len(newLines[last])
	newLines[last] = append(newLines[last], tail...)
	e.lines[e.row] = head
	e.wraps[e.row] = nil
	e.lines = insertAt(e.lines, e.row+1, newLines...)
	e.wraps = insertAt(e.wraps, e.row+1, make([][]int, len(newLines))...)
	e.row += len(newLines)
}

func insertAt[T any](s []T, i int, v ...T) []T {
	out := make([]T, 0, len(s)+len(v))
	out = append(out, s[:i]...)
	out = append(out, v...)
	return append(out, s[i:]...)
}

func (e *Model) cut(from, to int) {
	line := e.lines[e.row]
	if from >= to {
		return
	}
	e.lines[e.row] = append(line[:from:from], line[to:]...)
	e.wraps[e.row] = nil
	e.col = from
}

// escapeAt reports whether the runes at col and col+1 of line are an
// escape of coach.Editable.
func escapeAt(line []rune, col int) bool {
	return col >= 0 && col+1 < len(line) && coach.IsEscape(line[col], line[col+1])
}

// outOfEscape returns col, or col-1 if col is inside an escape of line.
func outOfEscape(line []rune, col int) int {
	if escapeAt(line, col-1) {
		return col - 1
	}
	return col
}

func (e *Model) deleteBack() {
	if escapeAt(e.lines[e.row], e.col-2) {
		e.cut(e.col-2, e.col)
		return
	}
	if e.col > 0 {
		e.cut(e.col-1, e.col)
		return
	}
	if e.row == 0 {
		return
	}
	prev := e.lines[e.row-1]
	e.col = len(prev)
	e.lines[e.row-1] = append(prev, e.lines[e.row]...)
	e.wraps[e.row-1] = nil
	e.lines = append(e.lines[:e.row], e.lines[e.row+1:]...)
	e.wraps = append(e.wraps[:e.row], e.wraps[e.row+1:]...)
	e.row--
}

func (e *Model) deleteForward() {
	if escapeAt(e.lines[e.row], e.col) {
		e.cut(e.col, e.col+2)
		return
	}
	if e.col < len(e.lines[e.row]) {
		e.cut(e.col, e.col+1)
		return
	}
	if e.row+1 < len(e.lines) {
		e.row++
		e.col = 0
		e.deleteBack()
	}
}

func (e *Model) left() {
	switch {
	case escapeAt(e.lines[e.row], e.col-2):
		e.col -= 2
	case e.col > 0:
		e.col--
	case e.row > 0:
		e.row--
		e.col = len(e.lines[e.row])
	}
}

func (e *Model) right() {
	switch {
	case escapeAt(e.lines[e.row], e.col):
		e.col += 2
	case e.col < len(e.lines[e.row]):
		e.col++
	case e.row+1 < len(e.lines):
		e.row++
		e.col = 0
	}
}

func (e *Model) wordLeft() {
	line := e.lines[e.row]
	if e.col == 0 {
		e.left()
		return
	}
	i := e.col
	for i > 0 && unicode.IsSpace(line[i-1]) {
		i--
	}
	for i > 0 && !unicode.IsSpace(line[i-1]) {
		i--
	}
	e.col = i
}

func (e *Model) wordRight() {
	line := e.lines[e.row]
	if e.col == len(line) {
		e.right()
		return
	}
	i := e.col
	for i < len(line) && unicode.IsSpace(line[i]) {
		i++
	}
	for i < len(line) && !unicode.IsSpace(line[i]) {
		i++
	}
	e.col = i
}

// rows returns where each screen row of line i starts (rune offsets),
// wrapping at spaces where it can, and caches it.
func (e *Model) rows(i int) []int {
	if e.wraps[i] != nil {
		return e.wraps[i]
	}
	line := e.lines[i]
	starts := []int{0}
	start, cells, lastSpace := 0, 0, -1
	for j := 0; j < len(line); j++ {
		w := runewidth.RuneWidth(line[j])
		if cells+w > e.width && j > start {
			next := j
			if lastSpace >= start && lastSpace+1 < j {
				next = lastSpace + 1 // break after the last space
			} else if escapeAt(line, next-1) && next-1 > start {
				next-- // not inside an escape
			}
			starts = append(starts, next)
			start, lastSpace = next, -1
			cells = 0
			for k := start; k < j; k++ {
				cells += runewidth.RuneWidth(line[k])
			}
		}
		if line[j] == ' ' {
			lastSpace = j
		}
		cells += w
	}
	e.wraps[i] = starts
	return starts
}

// cursorRow returns the cursor's screen row within its line and the rune
// offset where that row starts.
func (e *Model) cursorRow() (int, int) {
	starts := e.rows(e.row)
	r := len(starts) - 1
	for r > 0 && starts[r] > e.col {
		r--
	}
	return r, starts[r]
}

// vertical moves the cursor one screen row up (-1) or down (+1), keeping
// its column in cells as well as the text allows.
func (e *Model) vertical(dir int) {
	r, start := e.cursorRow()
	if e.goal < 0 {
		e.goal = runewidth.StringWidth(string(e.lines[e.row][start:e.col]))
	}
	starts := e.rows(e.row)
	switch {
	case dir < 0 && r > 0:
		e.col = e.colAt(e.row, starts[r-1], starts[r])
	case dir < 0 && e.row > 0:
		e.row--
		s := e.rows(e.row)
		e.col = e.colAt(e.row, s[len(s)-1], len(e.lines[e.row]))
	case dir > 0 && r+1 < len(starts):
		end := len(e.lines[e.row])
		if r+2 < len(starts) {
			end = starts[r+2]
		}
		e.col = e.colAt(e.row, starts[r+1], end)
	case dir > 0 && e.row+1 < len(e.lines):
		e.row++
		s := e.rows(e.row)
		end := len(e.lines[e.row])
		if len(s) > 1 {
			end = s[1]
		}
		e.col = e.colAt(e.row, 0, end)
	}
}

// colAt is the rune offset in [from, to) closest to the goal column, not
// inside an escape.
func (e *Model) colAt(row, from, to int) int {
	line := e.lines[row]
	cells := 0
	for i := from; i < to; i++ {
		w := runewidth.RuneWidth(line[i])
		if cells+w > e.goal {
			return max(from, outOfEscape(line, i))
		}
		cells += w
	}
	if to < len(line) && to > from {
		return max(from, outOfEscape(line, to-1)) // stay on this row rather than the start of the next
	}
	return to
}

// scroll keeps the cursor's row on screen, and the box full when the text
// is taller than it; every change of text, cursor or size ends with it, so
// View only draws.
func (e *Model) scroll() {
	r, _ := e.cursorRow()
	cur, total := r, 0 // the cursor's screen row, and all rows, from the first line
	for i := range e.lines {
		if i < e.row {
			cur += len(e.rows(i))
		}
		total += len(e.rows(i))
	}
	e.top = min(e.top, max(0, total-e.height))
	if cur < e.top {
		e.top = cur
	}
	if cur >= e.top+e.height {
		e.top = cur - e.height + 1
	}
}

// View draws the rows on screen from e.top.
func (e *Model) View() string {
	// Find the line and row where e.top falls.
	line, sub, skipped := 0, 0, 0
	for line < len(e.lines) {
		n := len(e.rows(line))
		if skipped+n > e.top {
			sub = e.top - skipped
			break
		}
		skipped += n
		line++
	}
	var b strings.Builder
	gutter := e.gutter.Render(gutterMark)
	shown := 0
	for ; line < len(e.lines) && shown < e.height; line, sub = line+1, 0 {
		starts := e.rows(line)
		for ; sub < len(starts) && shown < e.height; sub++ {
			from, to := starts[sub], len(e.lines[line])
			if sub+1 < len(starts) {
				to = starts[sub+1]
			}
			if shown > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(gutter)
			b.WriteString(e.segment(line, from, to))
			shown++
		}
	}
	for ; shown < e.height; shown++ {
		if shown > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(gutter)
	}
	return b.String()
}

// segment draws one screen row, with the cursor on it if it is there.
func (e *Model) segment(line, from, to int) string {
	text := e.lines[line][from:to]
	onRow := e.focused && line == e.row && e.col >= from &&
		(e.col < to || (e.col == to && (to == len(e.lines[line]) || to == from)))
	if !onRow {
		return strings.TrimRight(string(text), " ")
	}
	at := e.col - from
	under := " "
	rest := ""
	if at < len(text) {
		under, rest = string(text[at]), string(text[at+1:])
	}
	return string(text[:at]) + e.cursor.Render(under) + rest
}

package editor

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

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

package editor

import (
	"strings"
	"unicode"

	"github.com/rebound-coach/rebound/coach"
)

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

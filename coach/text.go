package coach

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Answers are stored exactly as typed, pasted escape sequences included, but
// such text must never reach the terminal raw: "ESC ] 52" would set the
// clipboard and "ESC [ 2 J" clear the screen. So the same text has two forms.
//
// Stored text is what was typed. Editable text is what the text widgets hold
// (bubbles' textinput for one line, ui's editor for long answers): they
// silently drop control characters, and textinput drops U+FFFD as well. So
// Editable gives each of those characters but newline and tab, and each bidi
// control, which must not be drawn raw, a stand-in: one code point of a
// reserved block at the end of the last private-use plane, U+10FF00 to
// U+10FFFF (a C0 or C1 control or DEL c at U+10FF00+c). Text that itself
// holds a code point of that block has it escaped as two: the marker
// U+10FFFF, a noncharacter, then the code point 256 below (U+10FE00 to
// U+10FEFF). Nothing else changes: control pictures (␛), other private-use
// characters, other noncharacters and ⍰ are held as they are.
//
// So the mapping is one to one: Raw(Editable(s)) == s for every valid UTF-8
// s, and text typed into a widget, which reaches it through Editable, comes
// back from Raw as typed. A stand-in in a widget only ever comes from a
// control character, so no typing, pasting or deleting makes a control out
// of text: Raw drops a marker not followed by its second half (what is left
// when half of an escape is deleted), and reads a lone second half as the
// private-use character it is.
//
// Visible draws editable text: the stand-ins of C0 controls and DEL as their
// Unicode control pictures (ESC as ␛), that of U+FFFD as U+FFFD, and every
// other code point from U+10FE00 up (C1 and bidi stand-ins, both halves of
// an escape) as ⍰. Each is one cell wide, as the widgets measure it.

const (
	// standIns is where the stand-ins start: control c is standIns+c.
	standIns = 0x10FF00
	// bidiBase is the stand-in of bidi[0]; the others follow.
	bidiBase = standIns + 0xA0
	// replacement is the stand-in of U+FFFD.
	replacement = 0x10FFFD
	// Marker starts an escape: Marker then r-escapeShift is r, for r in
	// the reserved block (Marker included).
	Marker      = 0x10FFFF
	escapeShift = 0x100
	// escapes is the lowest code point Visible draws as ⍰.
	escapes = standIns - escapeShift
	// Unknown is how a stand-in or escape without a picture is drawn.
	Unknown = '⍰'
)

// bidi are the invisible characters that reorder text on screen (U+202E makes
// "exe.txt" read "txt.exe").
var bidi = []rune{0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}

// standIn returns the stand-in of r, or -1 if r needs none.
func standIn(r rune) rune {
	switch {
	case r == '\n' || r == '\t':
		return -1
	case r < 0x20 || (r >= 0x7F && r <= 0x9F):
		return standIns + r
	case r == utf8.RuneError:
		return replacement
	}
	if i := slices.Index(bidi, r); i >= 0 {
		return bidiBase + rune(i)
	}
	return -1
}

// stoodFor returns the character the stand-in s stands for, or -1 if s is
// not one.
func stoodFor(s rune) rune {
	switch c := s - standIns; {
	case c < 0:
		return -1
	case (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F):
		return c
	case s >= bidiBase && s < bidiBase+rune(len(bidi)):
		return bidi[s-bidiBase]
	case s == replacement:
		return utf8.RuneError
	}
	return -1
}

// reserved reports whether r is in the block Editable takes its stand-ins
// from, so that r is escaped when it is text.
func reserved(r rune) bool { return r >= standIns }

// IsEscape reports whether a then b is the escape Editable writes for a
// reserved code point: the widgets treat it as one character.
func IsEscape(a, b rune) bool { return a == Marker && b >= escapes && b < standIns }

// Editable returns s as a text widget holds it: every control character
// except newline and tab, every bidi control and U+FFFD replaced by its
// stand-in, and every code point of the stand-ins' block escaped. Invalid
// UTF-8 is read as U+FFFD.
func Editable(s string) string {
	if isPlain(s) {
		return s
	}
	b := make([]byte, 0, len(s)+8)
	for _, r := range s {
		b = AppendEditable(b, r)
	}
	return string(b)
}

// AppendEditable appends r to b as Editable writes it, for input read a
// character at a time.
func AppendEditable(b []byte, r rune) []byte {
	if si := standIn(r); si >= 0 {
		return utf8.AppendRune(b, si)
	}
	if reserved(r) {
		return utf8.AppendRune(utf8.AppendRune(b, Marker), r-escapeShift)
	}
	return utf8.AppendRune(b, r)
}

// Raw undoes Editable: it returns the text a widget holds as typed. A marker
// not followed by the second half of an escape is dropped.
func Raw(s string) string {
	if isPlain(s) || !strings.ContainsFunc(s, func(r rune) bool { return r >= escapes }) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == Marker:
			if next, n := utf8.DecodeRuneInString(s[i:]); IsEscape(r, next) {
				b.WriteRune(next + escapeShift)
				i += n
			}
		case stoodFor(r) >= 0:
			b.WriteRune(stoodFor(r))
		default:
			b.WriteString(s[i-size : i]) // as it was, invalid UTF-8 included
		}
	}
	return b.String()
}

// Visible draws the stand-ins and escapes of Editable; apply it to rendered
// widget output, which may contain them.
func Visible(s string) string {
	if isPlain(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r < escapes {
			return r
		}
		switch c := stoodFor(r); {
		case c >= 0 && c < 0x20, c == 0x7F:
			return picture(c)
		case c == utf8.RuneError:
			return c
		}
		return Unknown
	}, s)
}

// picture is the Unicode control picture of a C0 control or DEL.
func picture(c rune) rune {
	if c == 0x7F {
		return 0x2421
	}
	return 0x2400 + c
}

// Inert returns user text safe to print: no control character but newline,
// tabs as spaces, and every escape sequence drawn instead of obeyed.
func Inert(s string) string {
	return strings.ReplaceAll(Visible(Editable(s)), "\t", "    ")
}

// InertJSON rewrites encoded JSON so that printing it cannot act on a
// terminal either. encoding/json escapes the C0 controls but writes DEL, the
// C1 controls (U+009B is a CSI) and the bidi controls raw. In JSON they can
// only be inside strings, so each becomes a \u escape there: the JSON stays
// valid and decodes to the same text. data must be valid UTF-8, as
// encoding/json writes it; it is returned as is when nothing needs escaping.
func InertJSON(data []byte) []byte {
	var out []byte
	last := 0
	for i := 0; i < len(data); {
		if data[i] < 0x7F {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == 0x7F || (r >= 0x80 && r <= 0x9F) || slices.Contains(bidi, r) {
			out = append(out, data[last:i]...)
			out = fmt.Appendf(out, `\u%04x`, r)
			last = i + size
		}
		i += size
	}
	if out == nil {
		return data
	}
	return append(out, data[last:]...)
}

// isPlain is a fast path: printable ASCII and newlines need no mapping, and
// Raw has nothing to undo in them.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c < 0x20 && c != '\n') || c == 0x7F {
			return false
		}
	}
	return true
}

// Plural writes "1 session", "2 sessions".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// OneLine is user text made safe to print on one line.
func OneLine(s string) string {
	return strings.Join(strings.Fields(Inert(s)), " ")
}

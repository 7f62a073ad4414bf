package coach

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Answers are stored exactly as typed, pasted escape sequences included, but
// such text must never reach the terminal raw: "ESC ] 52" would set the
// clipboard and "ESC [ 2 J" clear the screen. Two mappings keep both promises.
//
// Editable maps every control character to a printable stand-in that the
// text widgets can hold and edit (they silently drop real control
// characters), and Raw maps the stand-ins back for saving. C0 controls and
// DEL become their Unicode control pictures (ESC shows as ␛); C1 controls and
// the bidirectional overrides, which have no pictures, borrow private-use code
// points that Visible then draws as ⍰.

const (
	c1Base   = 0xF780 // private-use stand-ins for U+0080..U+009F
	bidiBase = 0xF7A0 // private-use stand-ins for the bidi controls below
	// Unknown is how a stand-in without a picture is drawn.
	Unknown = '⍰'
)

// bidi are the invisible characters that reorder text on screen (U+202E makes
// "exe.txt" read "txt.exe").
var bidi = []rune{0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}

// Editable returns s with every control character except newline and tab
// replaced by a printable stand-in. Raw(Editable(s)) == s for valid UTF-8
// that holds no control pictures (␛) or stand-ins of its own: Raw reads
// those back as the controls they stand for.
func Editable(s string) string {
	if isPlain(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20:
			return 0x2400 + r
		case r == 0x7F:
			return 0x2421
		case r >= 0x80 && r <= 0x9F:
			return c1Base + r - 0x80
		}
		for i, b := range bidi {
			if r == b {
				return bidiBase + rune(i)
			}
		}
		return r
	}, s)
}

// Raw undoes Editable.
func Raw(s string) string {
	if isPlain(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0x2400 && r < 0x2420:
			return r - 0x2400
		case r == 0x2421:
			return 0x7F
		case r >= c1Base && r < c1Base+0x20:
			return r - c1Base + 0x80
		case r >= bidiBase && r < bidiBase+rune(len(bidi)):
			return bidi[r-bidiBase]
		}
		return r
	}, s)
}

// Visible draws the private-use stand-ins of Editable as ⍰; apply it to
// rendered widget output, which may contain them.
func Visible(s string) string {
	if isPlain(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= c1Base && r < bidiBase+rune(len(bidi)) {
			return Unknown
		}
		return r
	}, s)
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

// Package paste keeps pasted text whole on its way from the terminal.
package paste

import (
	"bytes"
	"os"
	"unicode/utf8"

	"github.com/rebound-coach/rebound/coach"
)

// Bracketed paste wraps pasted text in these markers.
var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// Guard is the terminal's input, with one change: inside a bracketed
// paste, every character arrives as coach.Editable writes it (control
// characters and U+FFFD as stand-ins, the stand-ins' own block escaped), and
// a pasted carriage return as a newline. So a tea.PasteMsg holds the paste
// in Editable's form, which editable (fields.go) reads back with coach.Raw.
//
// Without it, Bubble Tea's input parser drops the escape sequences it finds
// in a paste, and U+FFFD, so a pasted "ESC ] 52 ; c ; …" would reach the app
// as " ; c ; …" and could not be stored as typed. Keys typed outside a paste pass through
// byte for byte. It keeps the *os.File underneath (Fd, Write, Close), so
// Bubble Tea still sees a terminal and puts it in raw mode.
type Guard struct {
	*os.File
	inPaste bool
	match   int    // bytes of pasteStart seen so far, outside a paste
	carry   []byte // inside a paste: the start of what may be pasteEnd, or of a character
	afterCR bool   // the last pasted byte was \r, so a \n after it is the same line break
	buf     []byte
	pending []byte // output that did not fit the caller's buffer
}

// NewGuard wraps a terminal's input.
func NewGuard(f *os.File) *Guard { return &Guard{File: f} }

// Read reads at most a quarter of len(p) from the terminal, because no byte
// is more than four in Editable's form (a control's stand-in is four bytes):
// so the output fits in p, and nothing is left waiting for the next call
// (the caller waits for the terminal to be readable before calling again).
func (g *Guard) Read(p []byte) (int, error) {
	if len(g.pending) > 0 {
		n := copy(p, g.pending)
		g.pending = g.pending[n:]
		return n, nil
	}
	for {
		n := max(1, len(p)/4-len(g.carry))
		if cap(g.buf) < n {
			g.buf = make([]byte, n)
		}
		read, err := g.File.Read(g.buf[:n])
		out := g.filter(p[:0], g.buf[:read])
		if len(out) > len(p) { // only with a tiny p
			g.pending = append(g.pending[:0], out[len(p):]...)
		}
		if len(out) > 0 || err != nil || read == 0 {
			return copy(p, out), err
		}
		// Everything read was held back as a possible end marker, which
		// the terminal sends in the same breath: read again.
	}
}

// filter appends the rewritten form of in to dst.
func (g *Guard) filter(dst, in []byte) []byte {
	data := in
	if len(g.carry) > 0 {
		data = append(g.carry, in...)
		g.carry = nil
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		if !g.inPaste {
			dst = append(dst, c)
			switch {
			case c == pasteStart[g.match]:
				g.match++
				if g.match == len(pasteStart) {
					g.inPaste, g.match, g.afterCR = true, 0, false
				}
			case c == pasteStart[0]:
				g.match = 1
			default:
				g.match = 0
			}
			continue
		}
		cr := false
		switch {
		case c == 0x1b && bytes.HasPrefix(data[i:], pasteEnd):
			dst = append(dst, pasteEnd...)
			i += len(pasteEnd) - 1
			g.inPaste = false
		case c == 0x1b && bytes.HasPrefix(pasteEnd, data[i:]):
			g.carry = append([]byte(nil), data[i:]...) // cut by the read
			return dst
		case c == '\r':
			dst, cr = append(dst, '\n'), true
		case c == '\n':
			if !g.afterCR {
				dst = append(dst, '\n')
			}
		case c == '\t' || (c >= 0x20 && c < 0x7F):
			dst = append(dst, c)
		case c >= 0x80 && !utf8.FullRune(data[i:]):
			g.carry = append([]byte(nil), data[i:]...) // a character cut by the read
			return dst
		default: // C0 controls, ESC, DEL and every other character
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, c) // not UTF-8: as it came, for Bubble Tea to drop
				break
			}
			dst = coach.AppendEditable(dst, r)
			i += size - 1
		}
		g.afterCR = cr
	}
	return dst
}

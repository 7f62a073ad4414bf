package paste

import (
	"io"
	"os"
	"testing"

	"github.com/rebound-coach/rebound/coach"
)

func TestPasteGuardRewritesOnlyInsidePastes(t *testing.T) {
	paste := func(s string) string { return "\x1b[200~" + s + "\x1b[201~" }
	tests := []struct {
		name, in, want string
	}{
		{"typed keys pass untouched", "ab\x1b[A\x1b\r\x03", "ab\x1b[A\x1b\r\x03"},
		{"plain paste", paste("hello"), paste("hello")},
		{"OSC 52 in a paste", paste("\x1b]52;c;aGk=\x07"), paste(coach.Editable("\x1b]52;c;aGk=\x07"))},
		{"CSI clear in a paste", paste("\x1b[2J"), paste(coach.Editable("\x1b[2J"))},
		{"C1 CSI in a paste", paste("a\u009b2Jb"), paste("a" + coach.Editable("\u009b") + "2Jb")},
		{"DEL and backspace", paste("a\x7fb\x08"), paste(coach.Editable("a\x7fb\x08"))},
		{"bidi and U+FFFD", paste("\u202Eevil \uFFFD"), paste(coach.Editable("\u202Eevil \uFFFD"))},
		// What looks like a stand-in is text, and stays text.
		{"pictures and private use", paste("␛[2J ␀ \uF781 \uFDD0 ⍰"), paste("␛[2J ␀ \uF781 \uFDD0 ⍰")},
		{"the stand-ins' own block", paste("\U0010FF1B \U0010FFFF \U0010FE1B"), paste(coach.Editable("\U0010FF1B \U0010FFFF \U0010FE1B"))},
		{"CR and CRLF become one newline each", paste("one\rtwo\r\nthree\nfour"), paste("one\ntwo\nthree\nfour")},
		{"tab stays", paste("a\tb"), paste("a\tb")},
		{"UTF-8 stays", paste("日本 🙂 é"), paste("日本 🙂 é")},
		{"after the paste, keys pass again", paste("\x1b") + "\x1b[B", paste(coach.Editable("\x1b")) + "\x1b[B"},
		{"a paste that pastes the end marker's start", paste("\x1b[201x"), paste(coach.Editable("\x1b[201x"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			whole := string(new(Guard).filter(nil, []byte(tt.in)))
			if whole != tt.want {
				t.Fatalf("got %q, want %q", whole, tt.want)
			}
			// However the terminal's bytes are cut into reads, the result is the same.
			for cut := 1; cut < len(tt.in); cut++ {
				g := new(Guard)
				got := string(g.filter(nil, []byte(tt.in[:cut]))) + string(g.filter(nil, []byte(tt.in[cut:])))
				if got != tt.want {
					t.Fatalf("cut at %d: got %q, want %q", cut, got, tt.want)
				}
			}
		})
	}
}

func TestPasteGuardReadsThroughAFile(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	in := "x\x1b[200~" + string(make([]byte, 50)) + "\x1b[201~y" // 50 NULs, each four bytes as a stand-in
	go func() {
		_, _ = w.Write([]byte(in))
		_ = w.Close()
	}()
	g := NewGuard(r)
	var got []byte
	buf := make([]byte, 7) // small reads: output must still fit
	for {
		n, err := g.Read(buf)
		if n > len(buf) {
			t.Fatalf("read returned %d bytes into a %d-byte buffer", n, len(buf))
		}
		got = append(got, buf[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	want := "x\x1b[200~"
	want += coach.Editable(string(make([]byte, 50)))
	want += "\x1b[201~y"
	if string(got) != want {
		t.Errorf("got %q,\nwant %q", got, want)
	}
}

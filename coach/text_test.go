package coach

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// bidiControls are the invisible reordering characters Editable must hide,
// listed here independently of text.go's table.
var bidiControls = []rune{
	0x061C,         // Arabic letter mark
	0x200E, 0x200F, // LRM, RLM
	0x202A, 0x202B, 0x202C, 0x202D, 0x202E, // LRE, RLE, PDF, LRO, RLO
	0x2066, 0x2067, 0x2068, 0x2069, // LRI, RLI, FSI, PDI
}

// checkEditable fails if s holds a control character other than newline and
// tab, or a bidi control: what a text widget must never be given.
func checkEditable(t *testing.T, in, s string) {
	t.Helper()
	for _, r := range s {
		if (unicode.IsControl(r) && r != '\n' && r != '\t') || isBidiControl(r) {
			t.Errorf("Editable(%q) = %q holds %U", in, s, r)
			return
		}
	}
}

// checkInert fails if s holds anything a terminal would act on: a control
// character other than newline (tabs included), a bidi control, or a
// private-use stand-in that Visible should have drawn.
func checkInert(t *testing.T, in, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("Inert(%q) = %q is not valid UTF-8", in, s)
	}
	for _, r := range s {
		if (unicode.IsControl(r) && r != '\n') || isBidiControl(r) || isStandIn(r) {
			t.Errorf("Inert(%q) = %q holds %U", in, s, r)
			return
		}
	}
}

func isBidiControl(r rune) bool {
	for _, b := range bidiControls {
		if r == b {
			return true
		}
	}
	return false
}

// isStandIn reports whether r is one of the private-use stand-ins Editable
// uses: U+F780 to U+F79F for the C1 controls, then one for each bidi control.
func isStandIn(r rune) bool { return r >= c1Base && r < bidiBase+rune(len(bidi)) }

// isPicture reports whether r is a control picture, which Raw reads back as
// the control it pictures.
func isPicture(r rune) bool { return r >= 0x2400 && r <= 0x2421 }

func TestEditableEveryByte(t *testing.T) {
	for b := range 0x100 {
		r := rune(b)
		for _, s := range []string{string(r), "a" + string(r) + "b", strings.Repeat(string(r), 3), string(r) + "\n" + string(r)} {
			e := Editable(s)
			if got := Raw(e); got != s {
				t.Errorf("%U: Raw(Editable(%q)) = %q (via %q)", r, s, got, e)
			}
			checkEditable(t, s, e)
			checkInert(t, s, Inert(s))
			for _, v := range Visible(e) {
				if isStandIn(v) {
					t.Errorf("%U: Visible(%q) keeps stand-in %U", r, e, v)
				}
			}
		}
	}
}

func TestEditableMapping(t *testing.T) {
	tests := []struct {
		in, editable, visible string
	}{
		{"plain text.\n", "plain text.\n", "plain text.\n"},
		{"tab\tkept", "tab\tkept", "tab\tkept"},
		{"\x00", "␀", "␀"},
		{"\x07", "␇", "␇"},
		{"\x1b[2J", "␛[2J", "␛[2J"},
		{"cr\r\n", "cr␍\n", "cr␍\n"},
		{"\x7f", "␡", "␡"},
		{"\u0080", "\uF780", "⍰"},
		{"\u009b2J", "\uF79B2J", "⍰2J"},
		{"\u009f", "\uF79F", "⍰"},
		{"\u00a0nbsp", "\u00a0nbsp", "\u00a0nbsp"},
		{"\u061C", "\uF7A0", "⍰"},
		{"\u202Etxt.exe", "\uF7A7txt.exe", "⍰txt.exe"},
		{"\u2069", "\uF7AB", "⍰"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			e := Editable(tt.in)
			if e != tt.editable {
				t.Errorf("Editable(%q) = %q, want %q", tt.in, e, tt.editable)
			}
			if got := Visible(e); got != tt.visible {
				t.Errorf("Visible(%q) = %q, want %q", e, got, tt.visible)
			}
			if got := Raw(e); got != tt.in {
				t.Errorf("Raw(%q) = %q, want %q", e, got, tt.in)
			}
		})
	}
}

func TestEditableBidi(t *testing.T) {
	for _, r := range bidiControls {
		t.Run(fmt.Sprintf("%U", r), func(t *testing.T) {
			s := "abc" + string(r) + "def"
			e := Editable(s)
			if e == s {
				t.Fatalf("Editable left %U in place", r)
			}
			checkEditable(t, s, e)
			if got := Raw(e); got != s {
				t.Errorf("Raw(Editable(%q)) = %q", s, got)
			}
			if got, want := Visible(e), "abc"+string(Unknown)+"def"; got != want {
				t.Errorf("Visible = %q, want %q", got, want)
			}
			if got, want := Inert(s), "abc"+string(Unknown)+"def"; got != want {
				t.Errorf("Inert = %q, want %q", got, want)
			}
		})
	}
}

// TestEditableLeavesTextAlone: scripts, emoji and their joiners are text,
// not controls, and pass through every mapping unchanged.
func TestEditableLeavesTextAlone(t *testing.T) {
	for _, s := range []string{
		"👋🏽 👨‍👩‍👧 🏳️‍🌈 ❤️",
		"面接に落ちました。次に進みます",
		"我被拒绝了",
		"면접 결과",
		"رفضوني بعد المقابلة الأخيرة",
		"דחו אותי אחרי הראיון",
		"mixed עברית and English and العربية",
		"Zoë, naïve café, e\u0301",
		"emoji\u200dzwj and zero\u200bwidth space",
		"␠ U+2420 is no stand-in",
	} {
		t.Run(s, func(t *testing.T) {
			for name, f := range map[string]func(string) string{"Editable": Editable, "Raw": Raw, "Visible": Visible, "Inert": Inert} {
				if got := f(s); got != s {
					t.Errorf("%s(%q) = %q", name, s, got)
				}
			}
		})
	}
}

func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\uF780", "⍰"},
		{"\uF79F", "⍰"},
		{"\uF7A0", "⍰"},
		{"\uF7AB", "⍰"},
		{"a\uF790b\uF7A7c", "a⍰b⍰c"},
		{"␛[2J", "␛[2J"},
		{"\uF77F", "\uF77F"},
		{"\uF7AC", "\uF7AC"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := Visible(tt.in); got != tt.want {
			t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestInert(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\ntext", "plain\ntext"},
		{"a\tb", "a    b"},
		{"\x1b[31mred\x1b[0m", "␛[31mred␛[0m"},
		{"line\r\n", "line␍\n"},
		{"\u009b2J", "⍰2J"},
		{"bad \xff byte", "bad \uFFFD byte"},
	}
	for _, tt := range tests {
		if got := Inert(tt.in); got != tt.want {
			t.Errorf("Inert(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hostileCorpus is what a paste or a crafted rejection email could carry.
var hostileCorpus = []string{
	"\x1b[2J",
	"\x1b[H\x1b[2J\x1b[3J",
	"\x1b]52;c;aGVsbG8=\x07",
	"\x1b]52;c;aGVsbG8=\x1b\\",
	"\x1b]8;;https://evil.example\x1b\\click me\x1b]8;;\x1b\\",
	"\x1b]0;pwned\x07",
	"\x1b]2;title\x1b\\",
	"\x1bP+q544e\x1b\\",
	"\x1bP$q\"p\x1b\\",
	"\x1b_apc\x1b\\",
	"\x1b^pm\x1b\\",
	"\x1bX sos \x1b\\",
	"\x1b[6n",
	"\x1b[?1049h",
	"\x1bc",
	"\u009b2J",
	"\u009d0;c1 title\u009c",
	"\u0090c1 dcs\u009c",
	"bell\a\a",
	"over\rwrite",
	"back\b\b\bspace",
	"nul\x00byte",
	"del\x7f",
	"\u202Eexe.txt",
	"\u2066\u2067\u2068isolates\u2069",
	"\u200E\u200F\u061C marks",
	"\x1b\xff\xfe broken \x1b",
	"\t\v\f",
}

func TestInertHostileCorpus(t *testing.T) {
	for _, s := range hostileCorpus {
		t.Run(fmt.Sprintf("%q", s), func(t *testing.T) {
			out := Inert(s)
			checkInert(t, s, out)
			if strings.ContainsAny(out, "\x1b\a\u009b\u009c\u009d\u0090") {
				t.Errorf("Inert(%q) = %q keeps ESC, BEL or a C1 control", s, out)
			}
			// A terminal parser finds no sequence left to obey.
			if stripped := ansi.Strip(out); stripped != out {
				t.Errorf("Inert(%q) = %q still holds escape sequences (stripped: %q)", s, out, stripped)
			}
			// And the widgets' round trip keeps the text exactly.
			if utf8.ValidString(s) {
				if got := Raw(Editable(s)); got != s {
					t.Errorf("Raw(Editable(%q)) = %q", s, got)
				}
			}
		})
	}
}

func FuzzEditableRoundTrip(f *testing.F) {
	for _, s := range hostileCorpus {
		f.Add(s)
	}
	for _, s := range []string{"", "plain", "a\tb\nc", "👨‍👩‍👧 面接 رفض", "\u202E", "␛", "\uF780", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInert(t, s, Inert(s))
		if !utf8.ValidString(s) || strings.IndexFunc(s, func(r rune) bool { return isPicture(r) || isStandIn(r) }) >= 0 {
			// Raw reads pictures and stand-ins back as controls, and invalid
			// UTF-8 cannot survive a mapping over runes: no round trip.
			return
		}
		e := Editable(s)
		checkEditable(t, s, e)
		if got := Raw(e); got != s {
			t.Errorf("Raw(Editable(%q)) = %q (via %q)", s, got, e)
		}
	})
}

// TestInertJSON: encoded JSON keeps no DEL, C1 or bidi control raw, stays
// valid, and decodes to the same text; JSON with none comes back untouched.
func TestInertJSON(t *testing.T) {
	for _, text := range []string{
		"plain", "\u009b2J \u009d0;title\u009c", "del\x7f", "\u202eexe.txt \u2066x\u2069 \u061c\u200e\u200f",
		"\x1b[2J\x00\x07", "日本語 😔 مرحبا é", "\u2028\u2029 \u0085", "\x9b invalid",
	} {
		data, err := json.Marshal(map[string]string{"text": text})
		if err != nil {
			t.Fatal(err)
		}
		got := InertJSON(data)
		if i := strings.IndexFunc(string(got), func(r rune) bool {
			return r == 0x7F || (r >= 0x80 && r <= 0x9F) || isBidiControl(r)
		}); i >= 0 {
			t.Errorf("%q: a control is left raw at byte %d of %s", text, i, got)
		}
		var back map[string]string
		if err := json.Unmarshal(got, &back); err != nil {
			t.Errorf("%q: %s is not JSON: %v", text, got, err)
			continue
		}
		var want map[string]string
		_ = json.Unmarshal(data, &want) // the encoder's own reading: invalid UTF-8 is U+FFFD
		if back["text"] != want["text"] {
			t.Errorf("%q: decodes to %q, want %q", text, back["text"], want["text"])
		}
		if !strings.ContainsAny(string(data), "\x7f\u0080\u0085\u009b\u009c\u009d\u202e\u2066\u2069\u061c\u200e\u200f") &&
			&got[0] != &data[0] {
			t.Errorf("%q: JSON with nothing to escape was copied", text)
		}
	}
}

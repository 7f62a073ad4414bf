package coach

import (
	"encoding/json"
	"fmt"
	"slices"
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
// tab, a bidi control or U+FFFD: what a text widget must never be given (it
// would drop it, or draw it raw).
func checkEditable(t *testing.T, in, s string) {
	t.Helper()
	for _, r := range s {
		if (unicode.IsControl(r) && r != '\n' && r != '\t') || isBidiControl(r) || r == utf8.RuneError {
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

// isStandIn reports whether r is a code point Editable writes for something
// else, a stand-in or either half of an escape, which Visible must draw:
// U+10FE00 and up.
func isStandIn(r rune) bool { return r >= 0x10FE00 }

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
		{"\x00", "\U0010FF00", "␀"},
		{"\x07", "\U0010FF07", "␇"},
		{"\x1b[2J", "\U0010FF1B[2J", "␛[2J"},
		{"cr\r\n", "cr\U0010FF0D\n", "cr␍\n"},
		{"\x7f", "\U0010FF7F", "␡"},
		{"\u0080", "\U0010FF80", "⍰"},
		{"\u009b2J", "\U0010FF9B2J", "⍰2J"},
		{"\u009f", "\U0010FF9F", "⍰"},
		{"\u00a0nbsp", "\u00a0nbsp", "\u00a0nbsp"},
		{"\u061C", "\U0010FFA0", "⍰"},
		{"\u202Etxt.exe", "\U0010FFA7txt.exe", "⍰txt.exe"},
		{"\u2069", "\U0010FFAB", "⍰"},
		{"\uFFFD", "\U0010FFFD", "\uFFFD"},
		// What used to stand for controls is text like any other.
		{"␛[2J ␀ ␡ ␉ ␊", "␛[2J ␀ ␡ ␉ ␊", "␛[2J ␀ ␡ ␉ ␊"},
		{"\uF780 \uF781 \uF7A7 \uF7BF", "\uF780 \uF781 \uF7A7 \uF7BF", "\uF780 \uF781 \uF7A7 \uF7BF"},
		{"⍰ \uFDD0 \uFDEF \uFFFE \uFFFF \U0001FFFF", "⍰ \uFDD0 \uFDEF \uFFFE \uFFFF \U0001FFFF", "⍰ \uFDD0 \uFDEF \uFFFE \uFFFF \U0001FFFF"},
		// The stand-ins' own block, as text, is escaped: the marker, then
		// the code point 256 below.
		{"\U0010FF1B", "\U0010FFFF\U0010FE1B", "⍰⍰"},
		{"\U0010FF00", "\U0010FFFF\U0010FE00", "⍰⍰"},
		{"\U0010FFFF", "\U0010FFFF\U0010FEFF", "⍰⍰"},
		{"\U0010FFFD", "\U0010FFFF\U0010FEFD", "⍰⍰"},
		// Below the block: text, held as it is and drawn as ⍰.
		{"\U0010FE1B", "\U0010FE1B", "⍰"},
		{"\U0010FDFF", "\U0010FDFF", "\U0010FDFF"},
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

// oneToOneSeeds hold what Editable writes, as text: the control pictures,
// the private-use characters it once used, noncharacters, ⍰, its own
// stand-ins, marker and escapes, next to the controls they stand for.
var oneToOneSeeds = []string{
	"", "plain", "␛", "␀", "␡", "␉", "␊", "␛[2J", "\x1b␛\x1b", "␛\x1b[2J␛",
	"\uF780", "\uF781", "\uF79B", "\uF7A7", "\uF7AB", "\uF7AC", "\uF7BF", "\uF781\u0081\uF781",
	"\uFDD0", "\uFDEF", "\uFFFE", "\uFFFF", "\U0001FFFE", "\U0010FFFE",
	"⍰", "\uFFFD", "\uFFFD\x00", "\U0010FFFF", "\U0010FFFF\U0010FFFF", "\U0010FFFF\U0010FE1B",
	"\U0010FFFF\U0010FF1B", "\U0010FF1B\x1b", "\U0010FE1B\U0010FF1B", "\U0010FFFF\x1b",
	"\u202E\U0010FFA7\u202E", "\t\n\r\U0010FF09\U0010FF0A\U0010FF0D",
	"👨‍👩‍👧 面接 رفض \u202E", "\u2028\u2029\u0085",
}

// oneToOneCases are the seeds, and every control picture and every code
// point from U+10FE00 up, alone and beside others.
func oneToOneCases() []string {
	cases := slices.Clone(oneToOneSeeds)
	for r := rune(0x2400); r <= 0x2426; r++ {
		cases = append(cases, string(r), "\x1b"+string(r))
	}
	for r := rune(0x10FE00); r <= 0x10FFFF; r++ {
		cases = append(cases, string(r), "a"+string(r)+"\x1b", string(r)+string(r-0x100))
	}
	for b := range 0xA0 {
		cases = append(cases, string(rune(b))+string(rune(0x10FF00+b)))
	}
	return cases
}

// TestEditableOneToOne: Raw(Editable(s)) == s whatever s holds, what
// Editable writes is text a widget keeps, and typing s one character at a
// time gives the widget what Editable(s) gives it.
func TestEditableOneToOne(t *testing.T) {
	for _, s := range oneToOneCases() {
		e := Editable(s)
		if got := Raw(e); got != s {
			t.Errorf("Raw(Editable(%q)) = %q (via %q)", s, got, e)
		}
		checkEditable(t, s, e)
		var typed strings.Builder
		for _, r := range s {
			typed.WriteString(Editable(string(r)))
		}
		if typed.String() != e {
			t.Errorf("%q typed a character at a time is %q, all at once %q", s, typed.String(), e)
		}
		if again := Editable(Raw(e)); again != e {
			t.Errorf("Editable(Raw(%q)) = %q", e, again)
		}
		checkInert(t, s, Inert(s))
	}
}

// TestRawDropsLoneMarkers: half an escape left by an edit is dropped or
// read as text; it never reads as a control.
func TestRawDropsLoneMarkers(t *testing.T) {
	const m = "\U0010FFFF"
	tests := []struct{ in, want string }{
		{m, ""},
		{"a" + m, "a"},
		{m + "a", "a"},
		{m + m, ""},
		{m + "\U0010FE1B", "\U0010FF1B"},     // a whole escape
		{"\U0010FE1B", "\U0010FE1B"},         // its second half alone is that character
		{m + m + "\U0010FE1B", "\U0010FF1B"}, // a lone marker before a whole escape
		{m + "␛", "␛"},                       // a marker before a picture
		{m + "\U0010FF1B", "\x1b"},           // a marker before a stand-in: the stand-in came from ESC
		{"\U0010FF1B" + m, "\x1b"},           // and after one
		{"\U0010FF20 \U0010FF7E \U0010FFAC", "\U0010FF20 \U0010FF7E \U0010FFAC"}, // not stand-ins: as they are
	}
	for _, tt := range tests {
		if got := Raw(tt.in); got != tt.want {
			t.Errorf("Raw(%q) = %q, want %q", tt.in, got, tt.want)
		}
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
		{"\U0010FF00", "␀"},
		{"\U0010FF1F", "␟"},
		{"\U0010FF7F", "␡"},
		{"\U0010FF80", "⍰"},
		{"\U0010FF9F", "⍰"},
		{"\U0010FFA0", "⍰"},
		{"\U0010FFAB", "⍰"},
		{"\U0010FFFD", "\uFFFD"},
		{"\U0010FFFF\U0010FE41", "⍰⍰"},
		{"a\U0010FF90b\U0010FFA7c", "a⍰b⍰c"},
		{"␛[2J", "␛[2J"},
		{"\uF781 \uFDD0", "\uF781 \uFDD0"},
		{"\U0010FDFF", "\U0010FDFF"},
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

package theme

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rebound-coach/rebound/ui/theme/themetest"
)

// luminance is a colour's relative luminance as WCAG 2.x defines it: each
// sRGB channel linearised, then weighted by how bright the eye finds it.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours, from 1 to 21, the
// same whichever is the text.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// minContrast is WCAG 2.x level AA for body text. Terminal text is small,
// so the large-text allowance (3:1) never applies.
const minContrast = 4.5

func TestContrast(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#FFFFFF", 21},
		{"#FFFFFF", "#000000", 21},
		{"#777777", "#FFFFFF", 4.48}, // the classic grey that just fails AA
		{"#767676", "#FFFFFF", 4.54}, // and the one that just passes
		{"#595959", "#FFFFFF", 7.00}, // AAA
		{"#FF0000", "#FFFFFF", 4.00},
		{"#3366CC", "#3366CC", 1},
	}
	for _, tt := range tests {
		got := contrast(lipgloss.Color(tt.a), lipgloss.Color(tt.b))
		if math.Abs(got-tt.want) > 0.005 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}

// themeBackgrounds are the terminal backgrounds each theme must read on.
// The app never sees the real one (it only hears dark or light), so each
// theme is checked on the common defaults of its kind, and in particular on
// the lightest dark one and the darkest light one, where contrast is least:
//
//   - dark: #000000, xterm's and many terminals' default; #1E1E1E, VS
//     Code's terminal; #002B36, Solarized Dark; #282C34, One Dark, the
//     lightest of the popular dark schemes (Dracula's #282A36 and Gruvbox's
//     #282828 are a shade darker).
//   - light: #FFFFFF, most terminals' light default; #F5F5F5, the common
//     off-white; #FDF6E3, Solarized Light; #FBF1C7, Gruvbox Light, the
//     darkest of the popular light schemes.
var themeBackgrounds = map[Theme][]string{
	Dark:  {"#000000", "#1E1E1E", "#002B36", "#282C34"},
	Light: {"#FFFFFF", "#F5F5F5", "#FDF6E3", "#FBF1C7"},
}

// pair is a text colour on a background, as some style draws it; a nil
// colour is the terminal's own (its default text, or its background).
type pair struct {
	where  string
	fg, bg color.Color
}

// unset reports whether c leaves the colour to the terminal.
func unset(c color.Color) bool {
	_, no := c.(lipgloss.NoColor)
	return c == nil || no
}

// palette reports whether c is one of the 16 ANSI colours, which every
// terminal scheme redefines: its contrast is the scheme's, not ours.
func palette(c color.Color) bool {
	switch c := c.(type) {
	case ansi.BasicColor:
		return true
	case ansi.IndexedColor:
		return c < 16
	}
	return false
}

var (
	styleType = reflect.TypeFor[lipgloss.Style]()
	colorType = reflect.TypeFor[color.Color]()
)

// stylePairs finds, by walking v (a Styles, and the bubbles' styles inside
// it), every colour pair a style draws text in. A style found faint is
// reported with a nil fg and a "faint" where.
func stylePairs(where string, v reflect.Value, out *[]pair) {
	switch {
	case v.Type() == styleType:
		s := v.Interface().(lipgloss.Style)
		if s.GetFaint() {
			*out = append(*out, pair{where: where + " (faint)"})
		}
		*out = append(*out, pair{where, s.GetForeground(), s.GetBackground()})
	case v.Type() == colorType:
		// A cursor's colour: drawn reversed, on the terminal's background.
		if !v.IsNil() {
			*out = append(*out, pair{where, v.Interface().(color.Color), nil})
		}
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				stylePairs(where+"."+f.Name, v.Field(i), out)
			}
		}
	}
}

// glamourPairs does the same for a Glamour style: every element with a
// colour. Glamour's elements take the colours of the blocks around them, so
// renderedPairs checks what a document really shows, too.
func glamourPairs(where string, v reflect.Value, out *[]pair) {
	switch {
	case v.Type() == primitiveType:
		p := v.Interface().(gansi.StylePrimitive)
		colour := func(s *string) color.Color {
			if s == nil {
				return nil
			}
			return lipgloss.Color(*s)
		}
		if p.Faint != nil && *p.Faint {
			*out = append(*out, pair{where: where + " (faint)"})
		}
		if p.Color != nil || p.BackgroundColor != nil {
			*out = append(*out, pair{where, colour(p.Color), colour(p.BackgroundColor)})
		}
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				glamourPairs(where+"."+f.Name, v.Field(i), out)
			}
		}
	case v.Kind() == reflect.Pointer && !v.IsNil():
		glamourPairs(where, v.Elem(), out)
	}
}

// sampleMarkdown has every element Glamour styles, so that the rendered
// check sees each of them drawn.
const sampleMarkdown = "# A title\n\n" +
	"Text with *emphasis*, **strong**, ~~struck~~, `code`, a [link](https://example.com), " +
	"<https://example.org> and ![an image](https://example.com/a.png).\n\n" +
	"## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\n" +
	"> A quote, with **bold** in it.\n\n" +
	"- an item\n  - a nested item\n- [ ] a task\n- [x] a task done\n\n" +
	"1. first\n2. second\n\n" +
	"| a | b |\n| --- | --- |\n| 1 | 2 |\n\n" +
	"---\n\n" +
	"```go\nfunc main() { println(\"code\") }\n```\n"

var (
	sgrSeq = regexp.MustCompile(`^\x1b\[([0-9;:]*)m`)
	oscSeq = regexp.MustCompile(`^\x1b\][^\x07\x1b]*(\x07|\x1b\\)`)
)

// renderedPairs renders the sample with a Glamour style and follows the
// style sequences of the output: every visible character is a pair of the
// colours in effect where it is drawn. Reverse video swaps nothing the ratio
// depends on, so it is not followed.
func renderedPairs(t *testing.T, where string, style gansi.StyleConfig, out *[]pair) {
	t.Helper()
	r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(60))
	if err != nil {
		t.Fatal(err)
	}
	s, err := r.Render(sampleMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	var fg, bg color.Color
	seen := map[string]bool{}
	for len(s) > 0 {
		if m := sgrSeq.FindStringSubmatch(s); m != nil {
			fg, bg = applySGR(m[1], fg, bg)
			s = s[len(m[0]):]
			continue
		}
		if m := oscSeq.FindString(s); m != "" { // a hyperlink
			s = s[len(m):]
			continue
		}
		c, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if strings.ContainsRune(" \n\u00a0", c) {
			continue
		}
		p := pair{where + " " + strconv.QuoteRune(c), fg, bg}
		if key := fmt.Sprint(p.fg, p.bg); !seen[key] {
			seen[key] = true
			*out = append(*out, p)
		}
	}
}

// applySGR follows one style sequence's colours.
func applySGR(params string, fg, bg color.Color) (color.Color, color.Color) {
	ps := strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' })
	if len(ps) == 0 {
		return nil, nil
	}
	num := func(i int) int {
		if i >= len(ps) {
			return 0
		}
		n, _ := strconv.Atoi(ps[i])
		return n
	}
	for i := 0; i < len(ps); i++ {
		n := num(i)
		var c color.Color
		switch {
		case n == 0:
			fg, bg = nil, nil
			continue
		case n == 39:
			fg = nil
			continue
		case n == 49:
			bg = nil
			continue
		case (n == 38 || n == 48) && num(i+1) == 5:
			c, i = ansi.IndexedColor(num(i+2)), i+2
		case (n == 38 || n == 48) && num(i+1) == 2:
			c, i = color.RGBA{uint8(num(i + 2)), uint8(num(i + 3)), uint8(num(i + 4)), 0xff}, i+4
		case n >= 30 && n <= 37, n >= 90 && n <= 97:
			fg = ansi.BasicColor(n % 10)
			continue
		case n >= 40 && n <= 47, n >= 100 && n <= 107:
			bg = ansi.BasicColor(n % 10)
			continue
		default:
			continue
		}
		if n == 38 {
			fg = c
		} else {
			bg = c
		}
	}
	return fg, bg
}

// measured is a pair measured on one background.
type measured struct {
	where  string
	fg, bg string
	ratio  float64
}

func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
}

// TestThemesMeetWCAGAA measures every colour the dark and light themes draw
// text in, the app's styles, the bubbles' styles it sets and Glamour's,
// against each of the theme's backgrounds, or against its own background
// where a style paints one; it fails under 4.5:1 and logs the worst pairs.
func TestThemesMeetWCAGAA(t *testing.T) {
	for _, theme := range []Theme{Dark, Light} {
		t.Run(theme.String(), func(t *testing.T) {
			var pairs []pair
			stylePairs("Styles", reflect.ValueOf(NewStyles(theme == Dark, false)), &pairs)
			glamourPairs("Glamour", reflect.ValueOf(Glamour(theme)), &pairs)
			renderedPairs(t, "rendered", Glamour(theme), &pairs)

			all, problems := measure(theme, pairs)
			for _, p := range problems {
				t.Error(p)
			}
			if len(all) < 20 {
				t.Fatalf("only %d pairs measured: the walk missed the styles", len(all))
			}
			for _, m := range all[:3] {
				t.Logf("worst: %.2f:1  %s on %s  (%s)", m.ratio, m.fg, m.bg, m.where)
			}
			for _, m := range all {
				if m.ratio >= minContrast {
					break
				}
				t.Errorf("%.2f:1 is under %.1f:1: %s on %s (%s)", m.ratio, minContrast, m.fg, m.bg, m.where)
			}
		})
	}
}

// measure measures each pair on the theme's backgrounds (or on its own),
// worst first, and says what cannot be measured.
func measure(theme Theme, pairs []pair) (all []measured, problems []string) {
	for _, p := range pairs {
		switch {
		case strings.HasSuffix(p.where, "(faint)"):
			problems = append(problems, p.where+": faint text is drawn at reduced intensity, below any contrast measured here")
			continue
		case unset(p.fg) && unset(p.bg):
			continue // the terminal's own colours
		case unset(p.fg):
			problems = append(problems, p.where+": the terminal's text colour on a background of "+hex(p.bg)+": its contrast is unknown")
			continue
		case palette(p.fg) || (!unset(p.bg) && palette(p.bg)):
			problems = append(problems, p.where+": an ANSI palette colour, whose contrast is the terminal scheme's")
			continue
		case !unset(p.bg):
			all = append(all, measured{p.where, hex(p.fg), hex(p.bg), contrast(p.fg, p.bg)})
			continue
		}
		for _, bg := range themeBackgrounds[theme] {
			all = append(all, measured{p.where, hex(p.fg), bg, contrast(p.fg, lipgloss.Color(bg))})
		}
	}
	slices.SortStableFunc(all, func(a, b measured) int { return cmp.Compare(a.ratio, b.ratio) })
	return all, problems
}

// TestThemeNoneHasNoColour: none drops every colour of the styles and of
// the Glamour style, and keeps nothing faint.
func TestThemeNoneHasNoColour(t *testing.T) {
	var pairs []pair
	stylePairs("Styles", reflect.ValueOf(NewStyles(true, true)), &pairs)
	stylePairs("Styles", reflect.ValueOf(NewStyles(false, true)), &pairs)
	glamourPairs("Glamour", reflect.ValueOf(Glamour(None)), &pairs)
	for _, p := range pairs {
		if strings.HasSuffix(p.where, "(faint)") || !unset(p.fg) || !unset(p.bg) {
			t.Errorf("%s has a colour (%v on %v) in the none theme", p.where, p.fg, p.bg)
		}
	}
	if got := themetest.ColourSequences(renderGlamour(t, Glamour(None))); len(got) > 0 {
		t.Errorf("the none theme's markdown has colour: %q", got)
	}
}

func renderGlamour(t *testing.T, style gansi.StyleConfig) string {
	t.Helper()
	r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(60))
	if err != nil {
		t.Fatal(err)
	}
	s, err := r.Render(sampleMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestParseTheme(t *testing.T) {
	tests := []struct {
		name    string
		flag    string
		env     map[string]string
		want    Theme
		wantErr string
	}{
		{name: "nothing", want: Auto},
		{name: "flag dark", flag: "dark", want: Dark},
		{name: "flag light", flag: "light", want: Light},
		{name: "flag none", flag: "none", want: None},
		{name: "flag auto", flag: "auto", want: Auto},
		{name: "flag in capitals", flag: "Light", want: Light},
		{name: "NO_COLOR", env: map[string]string{"NO_COLOR": "1"}, want: None},
		{name: "NO_COLOR of any value", env: map[string]string{"NO_COLOR": "0"}, want: None},
		{name: "NO_COLOR empty is unset", env: map[string]string{"NO_COLOR": ""}, want: Auto},
		{name: "REBOUND_THEME", env: map[string]string{"REBOUND_THEME": "light"}, want: Light},
		{name: "REBOUND_THEME auto", env: map[string]string{"REBOUND_THEME": "auto"}, want: Auto},
		{name: "flag beats NO_COLOR", flag: "dark", env: map[string]string{"NO_COLOR": "1"}, want: Dark},
		{name: "flag auto beats NO_COLOR", flag: "auto", env: map[string]string{"NO_COLOR": "1"}, want: Auto},
		{name: "flag beats REBOUND_THEME", flag: "dark", env: map[string]string{"REBOUND_THEME": "light"}, want: Dark},
		{name: "NO_COLOR beats REBOUND_THEME", env: map[string]string{"NO_COLOR": "1", "REBOUND_THEME": "light"}, want: None},
		{name: "flag is read before a bad REBOUND_THEME", flag: "light", env: map[string]string{"REBOUND_THEME": "pink"}, want: Light},
		{name: "bad flag", flag: "x", wantErr: `--theme "x": use dark, light, none or auto`},
		{name: "blank flag", flag: " ", wantErr: `--theme " ": use dark, light, none or auto`},
		{name: "bad flag with NO_COLOR", flag: "solarized", env: map[string]string{"NO_COLOR": "1"}, wantErr: `--theme "solarized"`},
		{name: "bad REBOUND_THEME", env: map[string]string{"REBOUND_THEME": "pink"}, wantErr: `REBOUND_THEME "pink": use dark, light, none or auto`},
		{name: "hostile flag", flag: "\x1b]52;c;aGk=\x07dark", wantErr: "--theme"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.flag, func(k string) string { return tt.env[k] })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseTheme(%q) = %q, %v; want an error with %q", tt.flag, got, err, tt.wantErr)
				}
				if strings.ContainsAny(err.Error(), "\x1b\x07") {
					t.Errorf("the error prints the value raw: %q", err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseTheme(%q) = %q, %v; want %q", tt.flag, got, err, tt.want)
			}
		})
	}
}

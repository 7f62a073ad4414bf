package ui

import (
	"cmp"
	"reflect"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
)

// Glamour is too slow for the keystroke path (a tip costs milliseconds), so
// markdown is rendered in commands, once per width and theme, and the result
// comes back as a message. A result for an old width or theme is dropped.

// renderKey is what a render depends on.
type renderKey struct {
	width   int
	dark    bool
	noColor bool
}

// tipsRenderedMsg carries every step's tip rendered for one key.
type tipsRenderedMsg struct {
	key  renderKey
	tips map[string]string
	err  error
}

// renderTips renders all tips in one command: five tips cost less than a
// frame, and switching steps is then instant.
func renderTips(k renderKey, md map[string]string) tea.Cmd {
	return func() tea.Msg {
		out := make(map[string]string, len(md))
		r, rerr := newRenderer(k)
		var firstErr error
		for id, text := range md {
			s, err := render(r, text, rerr)
			if err != nil {
				// The advice still shows, as plain text, until a retry works.
				s, firstErr = coach.Inert(text), cmp.Or(firstErr, err)
			}
			out[id] = s
		}
		return tipsRenderedMsg{key: k, tips: out, err: firstErr}
	}
}

// renderMarkdown renders trusted markdown: the app's own tips, or a document
// whose user text has been through coach.Escape.
func renderMarkdown(k renderKey, md string) (string, error) {
	r, err := newRenderer(k)
	return render(r, md, err)
}

// renderSession renders a session outlined by coach.Outline, then draws each
// long text where its placeholder landed (see ExpandLong).
func renderSession(k renderKey, md string, long map[string]string) (string, error) {
	out, err := renderMarkdown(k, md)
	if err != nil {
		return out, err
	}
	return ExpandLong(out, long, max(10, min(k.width, MaxTextWidth)-4)), nil
}

// ExpandLong draws, in Glamour's output of a coach.Outline, each long text
// where its placeholder landed, wrapped to width (Glamour's word wrap): the
// app's screens and the command line's show and plain mode all do, so no
// session is ever slow to read for being long.
func ExpandLong(out string, long map[string]string, width int) string {
	tag := "" // what every placeholder starts with: any one, less its number
	for ph := range long {
		tag = strings.TrimRight(ph, "0123456789")
		break
	}
	if tag == "" {
		return out
	}
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		lines[i] = expandLong(line, tag, long, width)
	}
	return strings.Join(lines, "\n")
}

// expandLong replaces each placeholder in a rendered line by its long text:
// plain lines, made inert and unstyled, wrapped to width and indented as far
// as the placeholder was, with what followed it after the last of them.
func expandLong(line, tag string, long map[string]string, width int) string {
	var b strings.Builder
	row, indent := "", 0 // the screen row being written, and the last indent
	for {
		ph, at := placeholderIn(line, tag, long)
		if ph == "" {
			if row != "" { // after a long text: Glamour's padding goes, the rest follows
				if line = strings.TrimRight(ansi.Strip(line), " "); ansi.StringWidth(row+line) > width {
					line = "\n" + strings.Repeat(" ", indent) + strings.TrimLeft(line, " ")
				}
			}
			b.WriteString(line)
			return b.String()
		}
		row += line[:at]
		indent = ansi.StringWidth(row)
		pad := "\n" + strings.Repeat(" ", indent)
		b.WriteString(line[:at] + ansi.ResetStyle)
		first := true
		for para := range strings.SplitSeq(coach.Inert(long[ph]), "\n") {
			if para = strings.TrimSpace(para); para == "" {
				continue
			}
			if !first {
				b.WriteString("\n" + pad)
			}
			first = false
			wrapped := ansi.Wrap(para, max(1, width-indent), "")
			b.WriteString(strings.ReplaceAll(wrapped, "\n", pad))
			row = strings.Repeat(" ", indent) + wrapped[strings.LastIndexByte(wrapped, '\n')+1:]
		}
		line = line[at+len(ph):]
	}
}

// placeholderIn finds the first placeholder of long in a rendered line: tag
// and the digits after it.
func placeholderIn(line, tag string, long map[string]string) (ph string, at int) {
	for off := 0; ; {
		i := strings.Index(line[off:], tag)
		if i < 0 {
			return "", -1
		}
		at, end := off+i, off+i+len(tag)
		for end < len(line) && line[end] >= '0' && line[end] <= '9' {
			end++
		}
		if _, ok := long[line[at:end]]; ok {
			return line[at:end], at
		}
		off = end
	}
}

func newRenderer(k renderKey) (*glamour.TermRenderer, error) {
	return glamour.NewTermRenderer(
		glamour.WithStyles(glamourStyle(k)),
		glamour.WithWordWrap(max(10, min(k.width, MaxTextWidth)-4)),
	)
}

// render renders with r, unless making r failed with err.
func render(r *glamour.TermRenderer, md string, err error) (string, error) {
	if err != nil {
		return "", err
	}
	out, err := r.Render(md)
	return trimBlankLines(out), err
}

// trimBlankLines drops Glamour's empty margin lines above and below the
// document: the screens place their own spacing.
func trimBlankLines(s string) string {
	lines := strings.Split(s, "\n")
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

func glamourStyle(k renderKey) gansi.StyleConfig {
	return GlamourStyle(themeOf(k.dark, k.noColor))
}

// GlamourStyle is the Glamour style for a theme, for every markdown the app
// and the command line render: Glamour's dark and light styles with the
// colours that fall below 4.5:1 on common backgrounds replaced (see
// theme_test.go), and for none the dark style with no colour at all but its
// bold, italics, underlines and reverse, which read better than the
// asterisks of Glamour's notty style. Auto is taken as dark, the app's
// assumption until the terminal answers.
func GlamourStyle(t Theme) gansi.StyleConfig {
	switch t {
	case ThemeNone:
		s := colourless(darkGlamour())
		reverse := true
		s.H1.Inverse = &reverse // the title's badge, without its colours
		return s
	case ThemeLight:
		return lightGlamour()
	}
	return darkGlamour()
}

// Colours are xterm's 256 (16 and up, which terminals leave as xterm
// defines them), as in Glamour's own styles. The structure (margins,
// prefixes) is Glamour's, so the text lays out as it always has.
//
// Code blocks lose Chroma's highlighting: Glamour registers its Chroma
// style once per process under one name, so the first theme rendered would
// colour every later one's code, unchecked. They take one colour instead.

func darkGlamour() gansi.StyleConfig {
	s := styles.DarkStyleConfig
	s.H1.Color, s.H1.BackgroundColor = ansi256("228"), ansi256("62") // 4.9 (on 63: 4.4)
	s.HorizontalRule.Color = ansi256("246")                          // 240 was 2.0
	s.Link.Color = ansi256("37")                                     // 30 was 3.2
	s.ImageText.Color = ansi256("246")                               // 243 was 3.1
	s.Code.Color = ansi256("210")                                    // 203 on 236 was 4.4
	s.CodeBlock.Color = ansi256("250")                               // 244 was 3.5
	s.CodeBlock.Chroma = nil
	return s
}

func lightGlamour() gansi.StyleConfig {
	s := styles.LightStyleConfig
	s.H1.Color, s.H1.BackgroundColor = ansi256("228"), ansi256("62")
	s.HorizontalRule.Color = ansi256("242") // 249 was 1.9
	s.Link.Color = ansi256("24")            // 36 was 2.5
	s.LinkText.Color = ansi256("22")        // 29 was 4.0
	s.Image.Color = ansi256("125")          // 205 was 2.5
	s.ImageText.Color = ansi256("242")      // 243 was 4.0
	s.Code.Color = ansi256("124")           // 203 on 254 was 2.3
	s.CodeBlock.Chroma = nil
	return s
}

var primitiveType = reflect.TypeFor[gansi.StylePrimitive]()

// colourless drops every colour of a style and keeps the rest. It walks the
// whole config, so an element a later Glamour adds cannot bring colour
// into the none theme.
func colourless(s gansi.StyleConfig) gansi.StyleConfig {
	dropColours(reflect.ValueOf(&s).Elem())
	return s
}

func dropColours(v reflect.Value) {
	switch {
	case !v.CanSet():
	case v.Type() == primitiveType:
		p := v.Addr().Interface().(*gansi.StylePrimitive)
		p.Color, p.BackgroundColor = nil, nil
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			dropColours(v.Field(i))
		}
	case v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.Struct:
		c := reflect.New(v.Elem().Type()) // a copy: the original is Glamour's, shared
		c.Elem().Set(v.Elem())
		dropColours(c.Elem())
		v.Set(c)
	}
}

// ansi256 is a colour of xterm's 256 as Glamour takes it.
func ansi256(n string) *string { return &n }

func itoa(i int) string { return strconv.Itoa(i) }

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

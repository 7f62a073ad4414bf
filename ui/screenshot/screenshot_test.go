package screenshot

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// grid is a Screen made of rows of cells.
type grid [][]uv.Cell

func (g grid) Width() int  { return len(g[0]) }
func (g grid) Height() int { return len(g) }
func (g grid) CellAt(x, y int) *uv.Cell {
	if y < 0 || y >= len(g) || x < 0 || x >= len(g[y]) {
		return nil
	}
	return &g[y][x]
}

// screen is a grid of width cols, one row for each of rows; each row is
// pieces of text, each in its style.
func screen(cols int, rows ...[]piece) grid {
	g := make(grid, len(rows))
	for y, pieces := range rows {
		line := uv.NewLine(cols)
		x := 0
		for _, p := range pieces {
			for _, r := range p.text {
				c := uv.NewCell(ansi.GraphemeWidth, string(r))
				c.Style = p.style
				line.Set(x, c)
				x += c.Width
			}
		}
		g[y] = line
	}
	return g
}

type piece struct {
	text  string
	style uv.Style
}

func plain(s string) piece { return piece{text: s} }

// The parsed picture, as much of it as the tests look at.
type picture struct {
	Width  string `xml:"width,attr"`
	Height string `xml:"height,attr"`
	Window rect   `xml:"rect"`
	Groups []struct {
		Fill  string `xml:"fill,attr"`
		Rects []rect `xml:"rect"` // backgrounds and blocks
		Texts []row  `xml:"text"`
	} `xml:"g"`
}

type row struct {
	Y     string `xml:"y,attr"`
	Spans []span `xml:"tspan"`
}

// rects is every rect but the window.
func (p picture) rects() []rect {
	var out []rect
	for _, g := range p.Groups {
		out = append(out, g.Rects...)
	}
	return out
}

// texts is every row of text, and the text's default colour.
func (p picture) texts() (rows []row, fill string) {
	for _, g := range p.Groups {
		if len(g.Texts) > 0 || g.Fill != "" {
			rows, fill = append(rows, g.Texts...), g.Fill
		}
	}
	return rows, fill
}

type rect struct {
	X      string `xml:"x,attr"`
	Y      string `xml:"y,attr"`
	Width  string `xml:"width,attr"`
	Height string `xml:"height,attr"`
	Fill   string `xml:"fill,attr"`
}

type span struct {
	X          string `xml:"x,attr"`
	Fill       string `xml:"fill,attr"`
	Weight     string `xml:"font-weight,attr"`
	Style      string `xml:"font-style,attr"`
	Decoration string `xml:"text-decoration,attr"`
	Text       string `xml:",chardata"`
}

// draw draws s at 10 px (cells 6×12.5, padding 10) and parses the result.
func draw(t *testing.T, s Screen) (picture, string) {
	t.Helper()
	out := SVG(s, Options{FontSize: 10})
	var p picture
	if err := xml.Unmarshal(out, &p); err != nil {
		t.Fatalf("the SVG does not parse: %v\n%s", err, out)
	}
	return p, string(out)
}

// spans is every tspan of the picture, row by row.
func (p picture) spans() [][]span {
	var out [][]span
	rows, _ := p.texts()
	for _, tx := range rows {
		out = append(out, tx.Spans)
	}
	return out
}

func TestDocumentParsesAndIsSized(t *testing.T) {
	p, out := draw(t, screen(4, []piece{plain("ab")}, []piece{plain("cd")}))
	// 4×6 + 2×10 wide, 2×12.5 + 2×10 high.
	if p.Width != "44" || p.Height != "45" {
		t.Errorf("size %s×%s, want 44×45", p.Width, p.Height)
	}
	if p.Window.Fill != hexOf(Dark.Background) || p.Window.Width != "44" || len(p.rects()) != 0 {
		t.Errorf("window %+v, rects %+v; want only the window, in the dark theme's background", p.Window, p.rects())
	}
	rows, fill := p.texts()
	if fill != hexOf(Dark.Foreground) {
		t.Errorf("text fill %q, want the dark theme's foreground", fill)
	}
	if len(rows) != 2 || rows[0].Y == rows[1].Y {
		t.Errorf("want a <text> for each of the 2 rows, on its own line:\n%s", out)
	}
	var doc struct {
		XMLName xml.Name
	}
	if err := xml.Unmarshal([]byte(out), &doc); err != nil || doc.XMLName.Space != "http://www.w3.org/2000/svg" || doc.XMLName.Local != "svg" {
		t.Errorf("root %v (%v), want an svg element in the SVG namespace", doc.XMLName, err)
	}
}

func TestEscaping(t *testing.T) {
	const text = `if a<b && c>d say "hi" 'x'`
	p, out := draw(t, screen(40, []piece{plain(text)}))
	if strings.Contains(out, "a<b") || strings.Contains(out, "&& ") || strings.Contains(out, `"hi"`) {
		t.Errorf("text not escaped:\n%s", out)
	}
	var got []string
	for _, s := range p.spans()[0] {
		got = append(got, s.Text)
	}
	if j := strings.Join(got, " "); j != text {
		t.Errorf("text reads back as %q, want %q", j, text)
	}
}

func TestRuns(t *testing.T) {
	red := uv.Style{Fg: ansi.BasicColor(1)}
	blue := uv.Style{Fg: ansi.BasicColor(4)}
	tests := []struct {
		name string
		row  []piece
		want []span // X and Text, and Fill when set
	}{
		{"one style is one run, single spaces included", []piece{plain("Start a new session")},
			[]span{{X: "10", Text: "Start a new session"}}},
		{"pieces in the same style merge", []piece{{"ab", red}, {"cd", red}},
			[]span{{X: "10", Text: "abcd", Fill: "#f07178"}}},
		{"a space between two of the same style joins them", []piece{{"ab", red}, plain(" "), {"cd", red}},
			[]span{{X: "10", Text: "ab cd", Fill: "#f07178"}}},
		{"another style starts a run", []piece{{"ab", red}, {"cd", blue}},
			[]span{{X: "10", Text: "ab", Fill: "#f07178"}, {X: "22", Text: "cd", Fill: "#6cb6ff"}}},
		{"a gap of two spaces starts a run at its column", []piece{plain("  one  two   three")},
			[]span{{X: "22", Text: "one"}, {X: "52", Text: "two"}, {X: "88", Text: "three"}}},
		{"a run never starts or ends with a space", []piece{{"ab ", red}, {" cd", blue}},
			[]span{{X: "10", Text: "ab", Fill: "#f07178"}, {X: "34", Text: "cd", Fill: "#6cb6ff"}}},
		{"a symbol is a run of its own", []piece{plain("Step 2 of 5 · Reflect")},
			[]span{{X: "10", Text: "Step 2 of 5"}, {X: "82", Text: "·"}, {X: "94", Text: "Reflect"}}},
		{"a repeated symbol stays one run", []piece{plain("╔══════╗")},
			[]span{{X: "10", Text: "╔"}, {X: "16", Text: "══════"}, {X: "52", Text: "╗"}}},
		{"a blank row has no runs", []piece{plain("     ")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, out := draw(t, screen(30, tt.row))
			var got []span
			if rows := p.spans(); len(rows) > 0 {
				got = rows[0]
			}
			if len(got) != len(tt.want) {
				t.Fatalf("%d runs %+v, want %+v\n%s", len(got), got, tt.want, out)
			}
			for i, w := range tt.want {
				if g := got[i]; g.X != w.X || g.Text != w.Text || g.Fill != w.Fill {
					t.Errorf("run %d: x=%s %q fill %q, want x=%s %q fill %q", i, g.X, g.Text, g.Fill, w.X, w.Text, w.Fill)
				}
			}
		})
	}
}

func TestColours(t *testing.T) {
	tests := []struct {
		name   string
		style  uv.Style
		fill   string // of the text; "" for the default
		bg     string // of the rect behind it; "" for none
		weight string
		font   string
		deco   string
	}{
		{"default", uv.Style{}, "", "", "", "", ""},
		{"ANSI red from the palette", uv.Style{Fg: ansi.BasicColor(1)}, "#f07178", "", "", "", ""},
		{"indexed below 16 from the palette", uv.Style{Fg: ansi.IndexedColor(9)}, "#ff8a80", "", "", "", ""},
		{"the 256-colour cube", uv.Style{Fg: ansi.IndexedColor(196)}, "#ff0000", "", "", "", ""},
		{"true colour", uv.Style{Fg: color.RGBA{0xa9, 0x9b, 0xff, 0xff}}, "#a99bff", "", "", "", ""},
		{"a background", uv.Style{Bg: ansi.RGBColor{R: 0x33, G: 0x44, B: 0x55}}, "", "#334455", "", "", ""},
		{"reverse video of the defaults", uv.Style{Attrs: uv.AttrReverse}, "#1b1b22", "#dcdcdc", "", "", ""},
		{"reverse video of colours", uv.Style{Fg: ansi.BasicColor(2), Bg: ansi.BasicColor(4), Attrs: uv.AttrReverse},
			"#6cb6ff", "#9ccc65", "", "", ""},
		{"faint is halfway to the background", uv.Style{Fg: color.RGBA{0xff, 0xff, 0xff, 0xff}, Bg: color.RGBA{0, 0, 0, 0xff}, Attrs: uv.AttrFaint},
			"#7f7f7f", "#000000", "", "", ""},
		{"bold, italic, underline", uv.Style{Attrs: uv.AttrBold | uv.AttrItalic, Underline: uv.UnderlineSingle},
			"", "", "bold", "italic", "underline"},
		{"strikethrough", uv.Style{Attrs: uv.AttrStrikethrough}, "", "", "", "", "line-through"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, out := draw(t, screen(10, []piece{plain("a  "), {"xyz", tt.style}}))
			s := p.spans()[0]
			last := s[len(s)-1]
			if last.Text != "xyz" || last.Fill != tt.fill || last.Weight != tt.weight || last.Style != tt.font || last.Decoration != tt.deco {
				t.Errorf("run %+v, want fill %q weight %q style %q decoration %q\n%s", last, tt.fill, tt.weight, tt.font, tt.deco, out)
			}
			rects := p.rects()
			switch {
			case tt.bg == "" && len(rects) != 0:
				t.Errorf("background rects %+v, want none", rects)
			case tt.bg != "" && (len(rects) != 1 || rects[0] != rect{X: "28", Y: "10", Width: "18", Height: "12.5", Fill: tt.bg}):
				t.Errorf("background rects %+v, want one of 3 cells from column 3 in %s", rects, tt.bg)
			}
		})
	}
}

func TestBackgroundRunsMerge(t *testing.T) {
	hl := uv.Style{Bg: ansi.BasicColor(4)}
	p, out := draw(t, screen(10, []piece{{"› Sta", hl}, {"rt", uv.Style{Bg: ansi.BasicColor(4), Attrs: uv.AttrBold}}, plain(" x")}))
	if r := p.rects(); len(r) != 1 || r[0].X != "10" || r[0].Width != "42" {
		t.Errorf("rects %+v, want one of 7 cells\n%s", r, out)
	}
}

func TestWideCharacters(t *testing.T) {
	p, out := draw(t, screen(10, []piece{plain("日本a😀b")}))
	want := []span{{X: "10", Text: "日"}, {X: "22", Text: "本"}, {X: "34", Text: "a"}, {X: "40", Text: "😀"}, {X: "52", Text: "b"}}
	got := p.spans()[0]
	if len(got) != len(want) {
		t.Fatalf("runs %+v, want %+v\n%s", got, want, out)
	}
	for i := range want {
		if got[i].X != want[i].X || got[i].Text != want[i].Text {
			t.Errorf("run %d %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestLightThemeAndNilCells(t *testing.T) {
	g := screen(3, []piece{plain("a")})
	g[0] = g[0][:1] // CellAt gives nil for columns 1 and 2
	out := SVG(g, Options{Theme: Light})
	if !bytes.Contains(out, []byte(`fill="`+hexOf(Light.Background)+`"`)) || !bytes.Contains(out, []byte(`fill="`+hexOf(Light.Foreground)+`"`)) {
		t.Errorf("the light theme's colours are missing:\n%s", out)
	}
	if err := xml.Unmarshal(out, new(picture)); err != nil {
		t.Errorf("does not parse: %v", err)
	}
}

func TestBlocksAndLinesAreShapes(t *testing.T) {
	green := uv.Style{Fg: ansi.BasicColor(2)}
	p, out := draw(t, screen(12,
		[]piece{plain("Mar "), {"████", green}, plain(" ▁▄█")},
		[]piece{plain("╭──┬─╮ │x│")},
	))
	// Text is only what is not a shape.
	var text []string
	for _, row := range p.spans() {
		for _, s := range row {
			text = append(text, s.Text)
		}
	}
	if got := strings.Join(text, " "); got != "Mar x" {
		t.Errorf("text %q, want %q\n%s", got, "Mar x", out)
	}
	// Four full blocks side by side are one rect, a whole cell high; an
	// eighth block fills the bottom of its cell.
	for _, want := range []rect{
		{X: "34", Y: "10", Width: "24", Height: "12.5", Fill: "#9ccc65"},
		{X: "64", Y: "20.94", Width: "6", Height: "1.56", Fill: hexOf(Dark.Foreground)}, // ▁: the bottom 1/8
		{X: "70", Y: "16.25", Width: "6", Height: "6.25", Fill: hexOf(Dark.Foreground)}, // ▄: 4/8
		{X: "76", Y: "10", Width: "6", Height: "12.5", Fill: hexOf(Dark.Foreground)},
	} {
		found := false
		for _, r := range p.rects() {
			found = found || r == want
		}
		if !found {
			t.Errorf("no rect %+v in\n%s", want, out)
		}
	}
	// Lines run from the middle of each cell to its edges; ─ side by side is
	// one line; a rounded corner is a curve.
	for _, want := range []string{
		"M13 35V31.75Q13 28.75 16 28.75",       // ╭: up from the bottom edge, curving to the right edge
		"M16 28.75H28",                         // ──
		"M31 28.75V35M31 28.75H28M31 28.75H34", // ┬
		"M55 28.75V22.5M55 28.75V35",           // │
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the path\n%s", want, out)
		}
	}
}

// The vt emulator is a Screen, and what it parses is drawn as it shows.
func TestFromTheEmulator(t *testing.T) {
	e := vt.NewEmulator(12, 2)
	_, _ = e.WriteString("\x1b[1;31mNo\x1b[0m 日本 \x1b[7mok\x1b[0m\r\n\x1b[38;2;169;155;255m──\x1b[0m")
	p, out := draw(t, e)
	want := [][]span{
		{{X: "10", Text: "No", Fill: "#f07178", Weight: "bold"}, {X: "28", Text: "日"}, {X: "40", Text: "本"}, {X: "58", Text: "ok", Fill: hexOf(Dark.Background)}},
		nil, // ── is a line
	}
	got := p.spans()
	if len(got) != 1 || len(got[0]) != len(want[0]) {
		t.Fatalf("runs %+v, want %+v\n%s", got, want, out)
	}
	for i, w := range want[0] {
		if g := got[0][i]; g.X != w.X || g.Text != w.Text || g.Fill != w.Fill || g.Weight != w.Weight {
			t.Errorf("run %d %+v, want %+v", i, g, w)
		}
	}
	if r := p.rects(); len(r) != 1 || r[0].X != "58" || r[0].Fill != hexOf(Dark.Foreground) {
		t.Errorf("rects %+v, want the reverse video of ok", r)
	}
	if !strings.Contains(out, `<path d="M10 28.75H22" stroke="#a99bff"`) {
		t.Errorf("no line for ── in its colour\n%s", out)
	}
}

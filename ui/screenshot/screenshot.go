// Package screenshot draws a terminal's screen as a self-contained SVG
// picture. The README's pictures are the real binary's screens, read
// through a terminal emulator and drawn by this package (TestScreens in
// main_test.go; regenerate them with .ci/screens).
//
// The picture is a rounded window with a little padding; every cell has the
// same width and height, so columns line up whatever the font. Each row is
// one <text> element and each run of cells in one style one <tspan> with its
// own x, so a font whose glyphs are a little wider or narrower than the cell
// can drift at most within a run, never across the screen. Block elements
// and box-drawing lines are drawn as shapes instead (shapes.go).
package screenshot

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/color"
	"strconv"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// Screen is a grid of terminal cells. The vt emulator (*vt.Emulator) is
// one; tests use a small grid of their own.
type Screen interface {
	Width() int
	Height() int
	// CellAt is the cell at column x, row y; nil is a blank. The second
	// column of a wide character is a cell of width 0.
	CellAt(x, y int) *uv.Cell
}

// Theme is the terminal's colours: what default text and background look
// like, and the 16 ANSI colours (the 256-colour cube and true colour are
// drawn as they are).
type Theme struct {
	Foreground, Background color.Color
	Palette                [16]color.Color
}

// Dark and Light are the two window themes.
var (
	Dark = Theme{
		Foreground: hex(0xdcdcdc), Background: hex(0x1b1b22),
		Palette: [16]color.Color{
			hex(0x1b1b22), hex(0xf07178), hex(0x9ccc65), hex(0xe6c07b),
			hex(0x6cb6ff), hex(0xc792ea), hex(0x7fd1b9), hex(0xc8c8c8),
			hex(0x6b6b78), hex(0xff8a80), hex(0xb9e07a), hex(0xffd580),
			hex(0x9ccfff), hex(0xe0b0ff), hex(0xa8e6d4), hex(0xffffff),
		},
	}
	Light = Theme{
		Foreground: hex(0x2a2a2a), Background: hex(0xfafaf7),
		Palette: [16]color.Color{
			hex(0x2a2a2a), hex(0xb3261e), hex(0x2e7d32), hex(0x8a6d00),
			hex(0x1f5fbf), hex(0x7b3fb3), hex(0x2e7d6b), hex(0xdadada),
			hex(0x6b6b6b), hex(0xd9443a), hex(0x43a047), hex(0xb08900),
			hex(0x3b7ddd), hex(0x9b59d0), hex(0x3a9c86), hex(0xffffff),
		},
	}
)

// Options says how to draw a screen. The zero value is the dark theme at
// 14 px.
type Options struct {
	Theme    Theme   // Dark when its Background is nil
	FontSize float64 // in px; 14 when 0
}

// FontFamily is the font list the picture asks for: the system's monospace
// font wherever the SVG is viewed.
const FontFamily = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace"

// The cell, relative to the font size: most monospace fonts advance 0.6 em,
// and 1.25 em gives the rows some air (block and line characters are drawn
// as shapes that fill the cell, so they still join).
const (
	cellWidth  = 0.6
	cellHeight = 1.25
	baseline   = 0.95 // from the top of a cell, for a cell 1.25 em high
	padding    = 1.0  // around the screen
	radius     = 0.6  // of the window's corners
)

// SVG draws screen as an SVG document.
func SVG(screen Screen, opts Options) []byte {
	c := canvas{th: opts.Theme, fs: opts.FontSize}
	if c.th.Background == nil {
		c.th = Dark
	}
	if c.fs <= 0 {
		c.fs = 14
	}
	c.cw, c.ch, c.pad = c.fs*cellWidth, c.fs*cellHeight, c.fs*padding
	cols, rows := screen.Width(), screen.Height()
	w, h := num(c.x(cols)+c.pad), num(c.y(rows)+c.pad)

	fmt.Fprintf(&c.b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %[1]s %[2]s">`+"\n", w, h)
	fmt.Fprintf(&c.b, `<rect width="%s" height="%s" rx="%s" fill="%s"/>`+"\n", w, h, num(c.fs*radius), hexOf(c.th.Background))
	grid := make([][]glyph, rows)
	for y := range grid {
		grid[y] = readRow(screen, y, cols, c.th)
	}
	// Rects meet exactly at cell edges: snapped to pixels, no seam of
	// antialiasing shows between a row and the next.
	open := c.b.Len()
	c.b.WriteString(`<g shape-rendering="crispEdges">` + "\n")
	start := c.b.Len()
	c.backgrounds(grid)
	lines := c.shapes(grid)
	if c.b.Len() == start {
		c.b.Truncate(open) // no rects
	} else {
		c.b.WriteString("</g>\n")
	}
	c.b.WriteString(lines)
	c.text(grid)
	c.b.WriteString("</svg>\n")
	return c.b.Bytes()
}

// canvas is an SVG being drawn, and the size of its cells.
type canvas struct {
	b           bytes.Buffer
	th          Theme
	fs          float64 // the font size
	cw, ch, pad float64
}

// x and y are where column col and row row start.
func (c *canvas) x(col int) float64 { return c.pad + float64(col)*c.cw }
func (c *canvas) y(row int) float64 { return c.pad + float64(row)*c.ch }

// backgrounds draws a rect for each run of cells with the same background
// other than the window's.
func (c *canvas) backgrounds(grid [][]glyph) {
	bg := hexOf(c.th.Background)
	for y, row := range grid {
		for i := 0; i < len(row); {
			j, cells := i+1, row[i].width
			for j < len(row) && row[j].bg == row[i].bg {
				cells += row[j].width
				j++
			}
			if row[i].bg != bg {
				fmt.Fprintf(&c.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
					num(c.x(row[i].x)), num(c.y(y)), num(float64(cells)*c.cw), num(c.ch), row[i].bg)
			}
			i = j
		}
	}
}

// text draws each row's text as a <text> of <tspan> runs.
func (c *canvas) text(grid [][]glyph) {
	fmt.Fprintf(&c.b, `<g font-family="%s" font-size="%s" fill="%s" xml:space="preserve">`+"\n",
		FontFamily, num(c.fs), hexOf(c.th.Foreground))
	for y, row := range grid {
		spans := runs(row)
		if len(spans) == 0 {
			continue
		}
		fmt.Fprintf(&c.b, `<text y="%s">`, num(c.y(y)+c.fs*baseline))
		for _, r := range spans {
			fmt.Fprintf(&c.b, `<tspan x="%s"%s>`, num(c.x(r[0].x)), r[0].style.attrs(c.th))
			for _, g := range r {
				_ = xml.EscapeText(&c.b, []byte(g.text))
			}
			c.b.WriteString("</tspan>")
		}
		c.b.WriteString("</text>\n")
	}
	c.b.WriteString("</g>\n")
}

// glyph is one character on screen, its colours resolved.
type glyph struct {
	x, width int
	text     string
	bg       string // "#rrggbb"
	style    textStyle
}

// textStyle is what changes how text is drawn; two glyphs in the same
// style can share a <tspan>.
type textStyle struct {
	fg                                  string // "#rrggbb"
	bold, italic, underline, strikethru bool
}

func (s textStyle) attrs(th Theme) string {
	a := ""
	if s.fg != hexOf(th.Foreground) {
		a += ` fill="` + s.fg + `"`
	}
	if s.bold {
		a += ` font-weight="bold"`
	}
	if s.italic {
		a += ` font-style="italic"`
	}
	switch {
	case s.underline && s.strikethru:
		a += ` text-decoration="underline line-through"`
	case s.underline:
		a += ` text-decoration="underline"`
	case s.strikethru:
		a += ` text-decoration="line-through"`
	}
	return a
}

// blank reports whether nothing of g shows but its background.
func (g glyph) blank() bool {
	return g.text == " " && !g.style.underline && !g.style.strikethru
}

// readRow reads row y's glyphs, stepping over the second column of each
// wide one.
func readRow(screen Screen, y, cols int, th Theme) []glyph {
	var row []glyph
	for x := 0; x < cols; {
		c := screen.CellAt(x, y)
		if c == nil {
			c = &uv.EmptyCell
		}
		g := glyph{x: x, width: max(c.Width, 1), text: c.Content}
		if g.text == "" {
			g.text = " "
		}
		st := c.Style
		fg, bg := th.resolve(st.Fg, th.Foreground), th.resolve(st.Bg, th.Background)
		if st.Attrs&uv.AttrReverse != 0 {
			fg, bg = bg, fg
		}
		if st.Attrs&uv.AttrFaint != 0 {
			fg = blend(fg, bg)
		}
		if st.Attrs&uv.AttrConceal != 0 {
			g.text = " "
		}
		g.bg = hexOf(bg)
		g.style = textStyle{
			fg:         hexOf(fg),
			bold:       st.Attrs&uv.AttrBold != 0,
			italic:     st.Attrs&uv.AttrItalic != 0,
			underline:  st.Underline != uv.UnderlineNone,
			strikethru: st.Attrs&uv.AttrStrikethrough != 0,
		}
		row = append(row, g)
		x += g.width
	}
	return row
}

// runs groups a row's glyphs into the runs that become <tspan>s: glyphs in
// one style, side by side. A run never starts or ends with a blank and never
// holds two blanks in a row, so there is no space for a renderer to collapse
// and each gap is skipped by the next run's x. A wide glyph is a run of its
// own, and so is any other non-ASCII glyph unless repeated (a rule of ─ stays
// one run): a font that lacks it draws it from another font, at another
// width, and the text after it must not follow that width.
func runs(row []glyph) [][]glyph {
	var out [][]glyph
	var cur []glyph
	flush := func() {
		for len(cur) > 0 && cur[len(cur)-1].blank() {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur = nil
	}
	for _, g := range row {
		if len(cur) > 0 {
			last := cur[len(cur)-1]
			odd := (!ascii(last.text) || !ascii(g.text)) && last.text != g.text
			if last.width > 1 || g.width > 1 || odd || (g.blank() && last.blank()) ||
				(!g.blank() && g.style != cur[0].style) {
				flush()
			}
		}
		if len(cur) == 0 && g.blank() {
			continue
		}
		cur = append(cur, g)
	}
	flush()
	return out
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// resolve turns a cell's colour into the colour drawn: def for the
// terminal's default, the theme's palette for the 16 ANSI colours.
func (th Theme) resolve(c color.Color, def color.Color) color.Color {
	switch c := c.(type) {
	case nil:
		return def
	case ansi.BasicColor:
		if c < 16 {
			return th.Palette[c]
		}
	case ansi.IndexedColor:
		if c < 16 {
			return th.Palette[c]
		}
	}
	return c
}

// blend is halfway between a and b: faint text.
func blend(a, b color.Color) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	return color.RGBA{uint8((ar + br) >> 9), uint8((ag + bg) >> 9), uint8((ab + bb) >> 9), 0xff}
}

func hex(v uint32) color.Color {
	return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

func hexOf(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// num writes a coordinate with at most two decimals.
func num(v float64) string {
	return strconv.FormatFloat(float64(int64(v*100+0.5))/100, 'f', -1, 64)
}

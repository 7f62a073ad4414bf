package screenshot

import (
	"fmt"
	"strings"
)

// Block elements (█ ▁▂▃ ▌ ░) and light box-drawing lines (─ │ ┌ ╭ ┼) are
// drawn as shapes that fill the cell, the way terminals draw them, rather
// than with the font: a font's █ and │ are shorter than a cell 1.25 em high,
// which leaves gaps between rows, and its ▁▂▃ are sized to the font, not
// to the cell.

// block is the part of the cell a block element fills, from its top left
// corner, in fractions of the cell, and how opaque it is; ok is false for
// any other text.
func block(s string) (x0, y0, x1, y1, opacity float64, ok bool) {
	r := []rune(s)
	if len(r) != 1 {
		return 0, 0, 0, 0, 0, false
	}
	switch c := r[0]; {
	case c == '▀':
		return 0, 0, 1, 0.5, 1, true
	case c >= '▁' && c <= '█': // lower eighths, 1 to 8
		return 0, 1 - float64(c-'▀')/8, 1, 1, 1, true
	case c >= '▉' && c <= '▏': // left eighths, 7 to 1
		return 0, 0, float64('▏'-c+1) / 8, 1, 1, true
	case c == '▐':
		return 0.5, 0, 1, 1, 1, true
	case c >= '░' && c <= '▓': // light, medium and dark shade
		return 0, 0, 1, 1, float64(c-'░'+1) / 4, true
	case c == '▔':
		return 0, 0, 1, 1.0 / 8, 1, true
	case c == '▕':
		return 7.0 / 8, 0, 1, 1, 1, true
	}
	return 0, 0, 0, 0, 0, false
}

// The arms of a box-drawing line, from the middle of the cell.
const (
	up = 1 << iota
	down
	left
	right
	rounded // a corner drawn as a curve
)

var lines = map[string]uint8{
	"─": left | right, "│": up | down,
	"┌": down | right, "┐": down | left, "└": up | right, "┘": up | left,
	"├": up | down | right, "┤": up | down | left, "┬": down | left | right, "┴": up | left | right,
	"┼": up | down | left | right,
	"╭": rounded | down | right, "╮": rounded | down | left, "╰": rounded | up | right, "╯": rounded | up | left,
	"╴": left, "╵": up, "╶": right, "╷": down,
}

// shapes draws the block characters of grid as rects and returns its line
// characters as paths, to draw outside the rects' crisp edges; it blanks
// them all, so that the text pass leaves them out. Side by side, full-width
// blocks of one kind and colour become one rect and ─ one line.
func (c *canvas) shapes(grid [][]glyph) string {
	paths := map[string]*strings.Builder{} // by colour
	var colours []string                   // in order of first use, so the output is stable
	path := func(colour string) *strings.Builder {
		if paths[colour] == nil {
			paths[colour] = new(strings.Builder)
			colours = append(colours, colour)
		}
		return paths[colour]
	}
	for y, row := range grid {
		for i := 0; i < len(row); i++ {
			g := row[i]
			same := func(full bool) int { // how many glyphs from i are like g
				n := 1
				for full && i+n < len(row) && row[i+n].text == g.text && row[i+n].style.fg == g.style.fg {
					n++
				}
				return n
			}
			cellX, cellY, width := c.x(g.x), c.y(y), float64(g.width)*c.cw
			if x0, y0, x1, y1, opacity, ok := block(g.text); ok {
				n := same(x0 == 0 && x1 == 1)
				attr := ""
				if opacity < 1 {
					attr = fmt.Sprintf(` fill-opacity="%s"`, num(opacity))
				}
				fmt.Fprintf(&c.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"%s/>`+"\n",
					num(cellX+x0*width), num(cellY+y0*c.ch), num(float64(n-1)*c.cw+(x1-x0)*width), num((y1-y0)*c.ch), g.style.fg, attr)
				blank(row[i : i+n])
				i += n - 1
				continue
			}
			arms, ok := lines[g.text]
			if !ok {
				continue
			}
			p := path(g.style.fg)
			mx, my, bottom := cellX+width/2, cellY+c.ch/2, cellY+c.ch
			switch {
			case g.text == "─":
				n := same(true)
				fmt.Fprintf(p, "M%s %sH%s", num(cellX), num(my), num(cellX+float64(n)*c.cw))
				blank(row[i : i+n])
				i += n - 1
				continue
			case arms&rounded != 0:
				vEnd, dv := cellY, -1.0
				if arms&down != 0 {
					vEnd, dv = bottom, 1
				}
				hEnd, dh := cellX, -1.0
				if arms&right != 0 {
					hEnd, dh = cellX+width, 1
				}
				r := width / 2
				fmt.Fprintf(p, "M%s %sV%sQ%s %s %s %sH%s", num(mx), num(vEnd), num(my+dv*r),
					num(mx), num(my), num(mx+dh*r), num(my), num(hEnd))
			default:
				arm := func(a uint8, cmd string, to float64) { // from the middle to an edge
					if arms&a != 0 {
						fmt.Fprintf(p, "M%s %s%s%s", num(mx), num(my), cmd, num(to))
					}
				}
				arm(up, "V", cellY)
				arm(down, "V", bottom)
				arm(left, "H", cellX)
				arm(right, "H", cellX+width)
			}
			blank(row[i : i+1])
		}
	}
	var out strings.Builder
	for _, colour := range colours {
		fmt.Fprintf(&out, `<path d="%s" stroke="%s" stroke-width="%s" stroke-linecap="square" fill="none"/>`+"\n",
			paths[colour].String(), colour, num(c.fs*0.08))
	}
	return out.String()
}

// blank leaves glyphs to their shapes and backgrounds.
func blank(gs []glyph) {
	for i := range gs {
		gs[i].text = " "
		gs[i].style.underline, gs[i].style.strikethru = false, false
	}
}

package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/rebound-coach/rebound/ui/theme"
)

// writeTable writes rows under header in columns, the flex column cut with
// "…" to what the others leave of the terminal's width, never narrower than
// minTitle. Piped, it is cut to pipedMax when that is above zero, else to
// what the others leave of 80 columns. Cells must be inert already.
func (c *ctx) writeTable(w io.Writer, header []string, rows [][]string, flex, pipedMax int) {
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = ansi.StringWidth(h)
	}
	for _, r := range rows {
		for j, cell := range r {
			widths[j] = max(widths[j], ansi.StringWidth(cell))
		}
	}
	others := 0
	for j, wd := range widths {
		if j != flex {
			others += wd + len(colGap)
		}
	}
	room := max(minTitle, c.width()-others)
	if !(c.env.StdoutTerminal && c.env.Width > 0) && pipedMax > 0 {
		room = pipedMax
	}
	widths[flex] = min(widths[flex], room)

	// At a terminal the header is bold, nothing more: colour would need
	// the terminal's background, and asking for it costs a round trip.
	var head func(string) string
	if c.colour() {
		bold := theme.NewStyles(true, true).Label
		head = func(s string) string { return bold.Render(s) }
	}
	line := func(cells []string, isHead bool) {
		var b strings.Builder
		for j, cell := range cells {
			if j == flex {
				cell = ansi.Truncate(cell, widths[j], "…")
			}
			pad := ""
			if j < len(cells)-1 {
				pad = strings.Repeat(" ", max(0, widths[j]-ansi.StringWidth(cell))) + colGap
			}
			if isHead && head != nil {
				cell = head(cell)
			}
			b.WriteString(cell + pad)
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	line(header, true)
	for _, r := range rows {
		line(r, false)
	}
}

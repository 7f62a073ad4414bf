// Package themetest holds what the tests of several packages check a
// theme's output with.
package themetest

import (
	"regexp"
	"strconv"
	"strings"
)

var anySGR = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// ColourSequences are the style sequences in s that set a colour: 38 and
// 48 (256 and true colour), 58 (underline colour), 30–37, 40–47, 90–97 and
// 100–107 (the palette).
func ColourSequences(s string) []string {
	var found []string
	for _, seq := range anySGR.FindAllString(s, -1) {
		for p := range strings.FieldsFuncSeq(seq[2:len(seq)-1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			if n == 38 || n == 48 || n == 58 || n >= 30 && n <= 37 || n >= 40 && n <= 47 || n >= 90 && n <= 97 || n >= 100 && n <= 107 {
				found = append(found, seq)
				break
			}
		}
	}
	return found
}

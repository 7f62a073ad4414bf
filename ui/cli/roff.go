package cli

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// The manual page's roff: escaping, and the few shapes its text takes. Text
// is escaped so that groff prints it as typed, with every warning on and
// in plain ASCII: a flag's hyphens are minus signs, so it can be copied.

// paragraphs splits a help text at its blank lines.
func paragraphs(s string) [][]string {
	var out [][]string
	for _, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if p = strings.Trim(p, "\n"); p != "" {
			out = append(out, strings.Split(p, "\n"))
		}
	}
	return out
}

// writeParagraph writes a paragraph of a command's help: filled text, or
// when every line is indented, an example to show as typed.
func writeParagraph(b *strings.Builder, lines []string) {
	example := !slices.ContainsFunc(lines, func(l string) bool { return !strings.HasPrefix(l, "  ") })
	if !example {
		for _, l := range lines {
			b.WriteString(esc(strings.TrimSpace(l), false) + "\n")
		}
		return
	}
	b.WriteString(".RS\n.nf\n")
	for _, l := range lines {
		b.WriteString(esc(strings.TrimPrefix(l, "  "), true) + "\n")
	}
	b.WriteString(".fi\n.RE\n")
}

// roffUsage writes a usage line with flags and command words in bold and
// placeholders in italics; a bracketed group does not break across lines.
func roffUsage(s string) string {
	var b strings.Builder
	depth := 0
	word := func(w string) {
		switch {
		case w == "":
		case strings.HasPrefix(w, "-") || w != strings.ToUpper(w):
			b.WriteString(`\fB` + esc(w, true) + `\fR`)
		default:
			b.WriteString(`\fI` + esc(w, true) + `\fR`)
		}
	}
	start := 0
	for i, r := range s {
		if !strings.ContainsRune(" []|", r) {
			continue
		}
		word(s[start:i])
		start = i + 1
		switch r {
		case '[':
			depth++
			b.WriteRune(r)
		case ']':
			depth--
			b.WriteRune(r)
		case '|':
			b.WriteRune(r)
		case ' ':
			if depth > 0 {
				b.WriteString(`\ `)
			} else {
				b.WriteRune(r)
			}
		}
	}
	word(s[start:])
	return guardLine(strings.TrimSpace(b.String()))
}

// codeSpan matches `code` in md's markup.
var codeSpan = regexp.MustCompile("`[^`]*`")

// md turns a line of this file's markup into roff: `code` in bold, typed
// as is; the rest is prose.
func md(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range codeSpan.FindAllStringIndex(s, -1) {
		b.WriteString(esc(s[last:m[0]], false))
		b.WriteString(`\fB` + esc(s[m[0]+1:m[1]-1], true) + `\fR`)
		last = m[1]
	}
	b.WriteString(esc(s[last:], false))
	return guardLine(b.String())
}

// flagWord matches a flag in prose: --data-dir, -o.
var flagWord = regexp.MustCompile(`(^|[^A-Za-z0-9_])(--?[A-Za-z][A-Za-z0-9-]*)`)

// esc escapes text for roff. Backslashes print as themselves, and ~, ^ and
// every character beyond ASCII are named, so that groff's UTF-8 output
// keeps them as typed. In code (typed as is: flags, commands, paths) every
// hyphen is a minus and quotes stay straight, so that it can be copied; in
// prose only a flag's hyphens are.
func esc(s string, code bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '~':
			b.WriteString(`\(ti`)
		case r == '^':
			b.WriteString(`\(ha`)
		case r == '-' && code:
			b.WriteString(`\-`)
		case r == '\'' && code:
			b.WriteString(`\(aq`)
		case r == '`' && code:
			b.WriteString(`\(ga`)
		case r > unicode.MaxASCII:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		case r < ' ' || r == 0x7f:
			// nothing: a control character has no place in a page
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if !code {
		out = flagWord.ReplaceAllStringFunc(out, func(m string) string {
			return strings.ReplaceAll(m, "-", `\-`)
		})
	}
	return guardLine(out)
}

// keepWhole marks the words of a page's text lines that are typed as they
// are (commands, flags, paths, variables: in bold or italics, or with a
// hyphen, slash, underscore, dollar or tilde), and rebound's name, so that
// groff never hyphenates them: cut in two, they could not be copied.
func keepWhole(page []byte) []byte {
	lines := strings.Split(string(page), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ".") {
			continue
		}
		words := strings.Split(l, " ")
		for j, w := range words {
			if strings.Contains(w, "rebound") || strings.ContainsAny(w, "/_$") ||
				slices.ContainsFunc([]string{`\-`, `\(ti`, `\fB`, `\fI`}, func(s string) bool { return strings.Contains(w, s) }) {
				words[j] = `\%` + w
			}
		}
		lines[i] = strings.Join(words, " ")
	}
	return []byte(strings.Join(lines, "\n"))
}

// guardLine keeps a line from starting with a dot or an apostrophe, which
// would make it a request.
func guardLine(s string) string {
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		return `\&` + s
	}
	return s
}

// roffArg quotes a macro's argument.
func roffArg(s string) string {
	return `"` + strings.ReplaceAll(esc(s, false), `"`, `\(dq`) + `"`
}

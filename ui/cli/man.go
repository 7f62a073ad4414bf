package cli

import (
	"bytes"
	"flag"
	"fmt"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"

	"github.com/rebound-coach/rebound/ui"
)

var manCommand = command{
	name:  "man",
	usage: "rebound man",
	help: `Prints the manual page (roff, section 1) to stdout. Read it with man, or
install it where man looks for it:

  rebound man | man -l -
  rebound man > ~/.local/share/man/man1/rebound.1
`,
	noData: true,
	setup: func(fs *flag.FlagSet) func(*ctx, []string) error {
		return func(c *ctx, args []string) error {
			if len(args) > 0 {
				return usageErr(c.cmd, fmt.Sprintf("unexpected argument %q", args[0]))
			}
			_, err := c.env.Stdout.Write(manPage(commandLine(loadBank()), buildDate()))
			return err
		}
	},
}

// buildDate is the day of the commit rebound was built from, for the
// page's date; "" when the build does not say (go run, tests), so that the
// same source always makes the same page.
func buildDate() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.time" {
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				return t.UTC().Format(time.DateOnly)
			}
		}
	}
	return ""
}

// manPage is the manual page, in the man macros. The commands and flags
// come from the same description as the completions; the rest is written
// here, in a light markup that md turns into roff: `code` is bold and
// typed as is.
func manPage(root *node, date string) []byte {
	var b bytes.Buffer
	line := func(s string) { b.WriteString(s + "\n") }
	para := func(texts ...string) {
		for _, t := range texts {
			line(md(t))
		}
	}

	line(`.\" Made by 'rebound man'; change the commands' help or ui/cli/man.go, not this.`)
	line(fmt.Sprintf(`.TH REBOUND 1 %s "rebound" "User Commands"`, roffArg(date)))
	line(".SH NAME")
	line(`rebound \- a calm terminal coach for the hour after an interview rejection`)

	line(".SH SYNOPSIS")
	root.walk(func(n *node) {
		line(".SY rebound")
		line(roffUsage(strings.TrimPrefix(n.usage, "rebound")))
		line(".YS")
	})
	line(".SY rebound")
	line(roffUsage("--version"))
	line(".YS")

	line(".SH DESCRIPTION")
	para("You have just read \"we have decided not to move forward\". Open a terminal and type " +
		"`rebound`: a guided session walks you through five steps, each a short tip and a few questions:")
	for _, step := range [][2]string{
		{"Step back", "what was outside your control."},
		{"Don't take it personally", "the thought that hurts most, other explanations, and a more balanced thought."},
		{"Get feedback", "a polite feedback request drafted from what you told it, when to send it and " +
			"when to follow up; then what went well and what you would do better."},
		{"Reflect", "the questions that threw you, what felt unprepared, your research and your matching skills."},
		{"Restart", "roles to target, up to five next actions with due dates, and who can support you."},
	} {
		line(`.IP \(bu 2`)
		line(`\fB` + esc(step[0], false) + `\fR: ` + esc(step[1], false))
	}
	line(".PP")
	para("A check-in before and after records your mood, and a summary ends the session. " +
		"Every answer is saved the moment you finish it, so nothing you type is lost; esc goes home " +
		"and an unfinished session can be resumed there.")
	line(".PP")
	para("`rebound practice` practises interview questions: the ones that threw you first, then the " +
		"question bank's, by spaced repetition. The commands below look back at past sessions; they need " +
		"no terminal and print plain text or JSON when piped.")
	line(".PP")
	para("Plain mode: with `--plain`, or when `TERM` is `dumb` or `REBOUND_ACCESSIBLE=1`, rebound asks " +
		"its questions as line prompts instead of drawing the full screen. Each prompt is a line of " +
		"text and each answer a line of input, which works with screen readers, in simple terminals and " +
		"with answers piped to stdin from a file or another program. A line with only `.` ends a long answer, " +
		"`:back` goes back one question, and `:quit` (or ctrl+d) leaves; every answer is saved as you go.")
	line(".PP")
	para("rebound is a coach, not a therapist. If the feelings stay heavy, talk to someone you trust or to a professional.")

	line(".SH COMMANDS")
	common := map[string]bool{}
	for _, f := range root.flags {
		common[f.name] = true
	}
	root.walk(func(n *node) {
		if n.name == "" {
			return
		}
		line(".TP")
		line(roffUsage(n.usage))
		for i, p := range paragraphs(n.about) {
			if i > 0 {
				line(".IP")
			}
			writeParagraph(&b, p)
		}
		// The app's words take the options below too; only their own
		// flags are listed here.
		var own []flagSpec
		for _, f := range n.flags {
			if f.name != "help" && !(n.word && common[f.name]) {
				own = append(own, f)
			}
		}
		if len(own) > 0 {
			line(".RS")
			for _, f := range own {
				writeFlag(&b, f, "")
			}
			line(".RE")
		}
	})

	line(".SH OPTIONS")
	para("The app's own flags. They go before or after the command: " +
		"`rebound --data-dir DIR new` and `rebound new --data-dir DIR` are the same.")
	var seen []string
	root.walk(func(n *node) {
		if !n.word {
			return // a command of the table: its flags are under COMMANDS
		}
		for _, f := range n.flags {
			if slices.Contains(seen, f.name) {
				continue
			}
			seen = append(seen, f.name)
			note := ""
			if n.name != "" {
				note = "With `rebound " + n.name + "` only."
			}
			writeFlag(&b, f, note)
		}
	})

	line(".SH KEYS")
	para("The footer always shows the keys that work where you are; `?` shows more.")
	for _, g := range keyGroups(ui.DefaultKeyMap()) {
		line(".SS " + roffArg(g.title))
		for _, k := range g.keys {
			h := k.binding.Help()
			line(".TP")
			line(`\fB` + esc(h.Key, true) + `\fR`)
			text := h.Desc
			if k.more != "" {
				text += ": " + k.more
			}
			line(md(text))
		}
	}

	line(".SH ENVIRONMENT")
	for _, e := range [][2]string{
		{"REBOUND_DATA_DIR", "The data directory, when `--data-dir` is not given."},
		{"XDG_DATA_HOME", "When `REBOUND_DATA_DIR` is not set and this is an absolute path, the data " +
			"directory is `$XDG_DATA_HOME/rebound`."},
		{"HOME", "Otherwise the data directory is `~/.local/share/rebound` " +
			"(`~/Library/Application Support/rebound` on macOS). With no home directory either, " +
			"the app runs in memory and prints what was typed when it quits; the commands ask for `--data-dir`."},
		{"NO_COLOR", "Set to anything but the empty string, turns colour off."},
		{"REBOUND_THEME", "The theme when `--theme` is not given: `dark`, `light`, `none` or `auto`."},
		{"REBOUND_ACCESSIBLE", "Set to `1`, plain mode, as `--plain`."},
		{"TERM", "When `dumb`, plain mode, as `--plain`."},
	} {
		line(".TP")
		line(`\fB` + e[0] + `\fR`)
		line(md(e[1]))
	}

	line(".SH FILES")
	para("The data directory (see ENVIRONMENT) is created with mode 0700 and every file in it with " +
		"mode 0600. Each file is written atomically: a crash leaves the old file or the new one, never a mix.")
	for _, f := range [][2]string{
		{"sessions/ID.json", "One session, as JSON."},
		{"practice/ID.json", "One round of practice, linked to the session its question came from."},
		{"trash/ID.json", "A session deleted from home; `rebound restore ID` moves it back."},
		{"locks/session.ID.lock", "Held with flock(2) while a session is open, so that a second rebound " +
			"opens it read-only; the system lets go of it however rebound ends."},
		{"index.gob", "A cache of every session's summary, for listing and searching; always safe to delete."},
		{"ID.json.vN.bak", "The original of a file upgraded to a newer format, kept beside it."},
	} {
		line(".TP")
		line(`\fI` + esc(f[0], true) + `\fR`)
		line(md(f[1]))
	}
	line(".PP")
	para("A file rebound cannot read is never changed or deleted: it is named with the reason, and the rest carries on.")

	line(".SH EXIT STATUS")
	for _, s := range [][2]string{
		{"0", "Success."},
		{"1", "Something went wrong while running, and the message says what: a save failed (what was " +
			"typed is then printed, so that nothing is lost), or a command met an unknown or ambiguous ID, " +
			"a file in the way, or a file it could not read or write."},
		{"2", "Bad arguments (an unknown command or flag, a missing ID), or no terminal to run the app in."},
	} {
		line(".TP")
		line(`\fB` + s[0] + `\fR`)
		line(md(s[1]))
	}

	line(".SH PRIVACY")
	para("Everything stays on this machine. Sessions and practice rounds are files in the data directory, " +
		"readable only by you (mode 0600); if one can be read by other users, rebound says so with the " +
		"`chmod` that fixes it. rebound makes no network connection: the binary does not even contain " +
		"Go's network package. `rebound export` writes only where it is told to.")

	line(".SH SEE ALSO")
	para("The README.md in rebound's source; `rebound --help` and `rebound COMMAND --help`; " +
		"`rebound completion --help` to install shell completion; `flock`(2), for the session locks.")
	return keepWhole(b.Bytes())
}

// keyGroup is a part of the KEYS section: keys from the app's own keymap,
// each with what the short help text leaves out.
type keyGroup struct {
	title string
	keys  []keyNote
}

type keyNote struct {
	binding key.Binding
	more    string
}

func keyGroups(km ui.KeyMap) []keyGroup {
	return []keyGroup{
		{"In a session", []keyNote{
			{km.Next, "the next prompt, across steps"},
			{km.Prev, "the previous prompt"},
			{km.Enter, "in one-line fields and choices; a new line in longer answers"},
			{km.Up, "in a checklist or a choice; ← → or 1–9, 0 set the mood"},
			{km.Toggle, "a checklist option"},
			{km.PageUp, ""},
			{km.Copy, "the feedback request, or on the summary the whole session, as markdown " +
				"(through the terminal, which also works over SSH)"},
			{km.Save, ""},
			{km.Home, "the session stays resumable"},
			{km.Quit, ""},
			{km.Suspend, "the shell's `fg` brings rebound back as it was"},
			{km.Help, "when the focused prompt is not a text field"},
		}},
		{"On home and in past sessions", []keyNote{
			{km.QuitHome, "on home"},
			{km.Search, "every word you wrote, in Past sessions"},
			{km.Feedback, "record what became of the feedback request, and the feedback received"},
			{km.Actions, "tick actions done"},
			{km.Edit, "in the guided flow"},
			{km.Resume, "an unfinished session where it stopped"},
			{km.Delete, "after a y/n question; the file moves to `trash/` and `rebound restore ID` brings it back"},
		}},
		{"In practice", []keyNote{
			{km.Own, "type a question of your own"},
			{km.Tag, "narrow the queue to the next tag"},
			{km.TagBack, "the previous tag"},
			{km.Timer, "the countdown of the next rounds: 1:00, 1:30, 2:00, 3:00, off"},
			{km.Pause, "again to resume it"},
		}},
	}
}

// writeFlag writes one flag as a tagged paragraph; note follows its text.
func writeFlag(b *bytes.Buffer, f flagSpec, note string) {
	b.WriteString(".TP\n")
	var names []string
	for _, n := range f.names() {
		names = append(names, `\fB`+esc(n, true)+`\fR`)
	}
	tag := strings.Join(names, ", ")
	if f.arg != "" {
		tag += " " + roffUsage(f.arg)
	}
	b.WriteString(tag + "\n")
	text := esc(sentence(f.usage), false)
	if note != "" {
		text += " " + md(note)
	}
	b.WriteString(text + "\n")
}

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
func writeParagraph(b *bytes.Buffer, lines []string) {
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

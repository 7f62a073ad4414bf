package main

// End-to-end tests: they build the real binary, run it in a pseudo-terminal
// and read its screen through a terminal emulator (charmbracelet/x/vt), the
// way a person at an xterm would see it. Everything that can be tested
// without a terminal belongs in the coach and ui packages; these tests are
// for what only the whole program shows: start-up, keys, resize, exit codes,
// the terminal left clean.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// firstFrameText is on the app's first screen; tests and the start-up
// measurement wait for it.
const firstFrameText = "Start a new session"

// escHold is how long Press keeps the keyboard quiet after a lone ESC byte.
// Bubble Tea (ultraviolet's TerminalReader) waits 50 ms for the rest of an
// escape sequence before it reads a lone ESC as the esc key; anything that
// arrives in that window is glued to it (ESC then "q" is alt+q).
const escHold = 150 * time.Millisecond

// binPath is the rebound binary built once by TestMain.
var binPath string

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

// buildAndRun builds the binary from the package in the working directory
// (the repository root when run by go test) and runs the tests against it.
func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "rebound-e2e-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: make temp dir: %v\n", err)
		return 1
	}
	defer os.RemoveAll(dir)

	binPath = filepath.Join(dir, "rebound")
	build := exec.Command("go", "build", "-o", binPath, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: go build -o %s . failed: %v\n%s", binPath, err, out)
		return 1
	}
	return m.Run()
}

// term is one program running in a pseudo-terminal, watched through a
// terminal emulator. Its methods are for the test goroutine; the emulator is
// fed and answered by goroutines that end in Close.
type term struct {
	t     *testing.T
	cmd   *exec.Cmd
	ptmx  *os.File
	start time.Time // just before the process was started

	mu        sync.Mutex // guards emu, kitty, clipboard and titles
	emu       *vt.Emulator
	kitty     []int    // the program's kitty keyboard flag stack (CSI > u, CSI < u)
	clipboard string   // last text the program copied with OSC 52
	titles    []string // every window title the program set (OSC 0 and 2), in order

	// wmu serializes writes into the pty so that keys and the emulator's
	// replies to queries never interleave mid-sequence. Lock order: mu may be
	// held while waiting for wmu (a reply written during emu.Write), never
	// the other way round.
	wmu sync.Mutex

	changed chan struct{} // poked (never blocks) after each chunk of output
	exited  chan struct{} // closed once the process has been reaped
	state   *os.ProcessState
	waitErr error
	pumped  chan struct{} // closed when the output pump has stopped
	replied chan struct{} // closed when the reply pump has stopped
	once    sync.Once
}

// startApp runs the rebound binary with --data-dir dataDir and args in a
// cols×rows terminal, with HOME and the XDG directories in a fresh temp dir.
func startApp(t *testing.T, cols, rows int, dataDir string, args ...string) *term {
	t.Helper()
	home := t.TempDir()
	env := []string{
		"HOME=" + home,
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"XDG_STATE_HOME=" + filepath.Join(home, ".local", "state"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
	}
	return startBinary(t, binPath, cols, rows, env, append([]string{"--data-dir", dataDir}, args...)...)
}

// terminalEnv is the environment every program starts from: an xterm with
// 256 colours and a UTF-8 locale, and nothing from the developer's terminal
// (NO_COLOR, COLORTERM, TERM_PROGRAM, SSH_*, TMUX, LC_*) that would change
// what the program draws.
func terminalEnv() []string {
	env := []string{"TERM=xterm-256color", "LANG=C.UTF-8"}
	// TZ too, so that the program's "today" is the tests' "today".
	for _, k := range []string{"PATH", "TMPDIR", "TZ", "GOCOVERDIR", "GORACE", "GOTRACEBACK"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}

// startBinary runs path with args in a cols×rows pseudo-terminal. env is
// added to terminalEnv (a later entry wins). The process is killed and every
// goroutine ended when the test finishes, or earlier with Close.
func startBinary(t *testing.T, path string, cols, rows int, env []string, args ...string) *term {
	t.Helper()
	tm := &term{
		t:       t,
		emu:     vt.NewEmulator(cols, rows),
		changed: make(chan struct{}, 1),
		exited:  make(chan struct{}),
		pumped:  make(chan struct{}),
		replied: make(chan struct{}),
	}
	tm.answerExtraQueries()

	tm.cmd = exec.Command(path, args...)
	tm.cmd.Env = append(terminalEnv(), env...)
	tm.cmd.Dir = t.TempDir()
	tm.start = time.Now()
	ptmx, err := pty.StartWithSize(tm.cmd, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)})
	if err != nil {
		t.Fatalf("start %s in a pty: %v", path, err)
	}
	tm.ptmx = ptmx

	go tm.reap()
	go tm.pumpOutput()
	go tm.pumpReplies()
	t.Cleanup(tm.Close)
	return tm
}

// answerExtraQueries teaches the emulator what vt does not do by itself but
// Bubble Tea v2 uses: the kitty keyboard protocol's flag stack and query
// (Bubble Tea pushes "disambiguate" on its first frame and asks CSI ? u) and
// OSC 52 clipboard writes (tea.SetClipboard), kept for Clipboard; and it
// records window titles for Titles. The handlers run inside emu.Write, with
// mu held.
func (tm *term) answerExtraQueries() {
	e := tm.emu
	e.SetCallbacks(vt.Callbacks{Title: func(title string) {
		tm.titles = append(tm.titles, title)
	}})
	e.RegisterCsiHandler(ansi.Command('>', 0, 'u'), func(p ansi.Params) bool {
		flags, _, _ := p.Param(0, 0)
		tm.kitty = append(tm.kitty, flags)
		return true
	})
	e.RegisterCsiHandler(ansi.Command('<', 0, 'u'), func(p ansi.Params) bool {
		n, _, _ := p.Param(0, 1)
		tm.kitty = tm.kitty[:max(0, len(tm.kitty)-max(n, 1))]
		return true
	})
	e.RegisterCsiHandler(ansi.Command('=', 0, 'u'), func(p ansi.Params) bool {
		flags, _, _ := p.Param(0, 0)
		mode, _, _ := p.Param(1, 1)
		if len(tm.kitty) == 0 {
			tm.kitty = append(tm.kitty, 0)
		}
		top := &tm.kitty[len(tm.kitty)-1]
		switch mode {
		case 1:
			*top = flags
		case 2:
			*top |= flags
		case 3:
			*top &^= flags
		}
		return true
	})
	e.RegisterCsiHandler(ansi.Command('?', 0, 'u'), func(ansi.Params) bool {
		_, _ = fmt.Fprintf(e.InputPipe(), "\x1b[?%du", tm.kittyFlags())
		return true
	})
	e.RegisterOscHandler(52, func(data []byte) bool {
		parts := bytes.SplitN(data, []byte{';'}, 3)
		if len(parts) != 3 {
			return false
		}
		if string(parts[2]) == "?" {
			_, _ = io.WriteString(e.InputPipe(), ansi.SetSystemClipboard(tm.clipboard))
			return true
		}
		if b, err := base64.StdEncoding.DecodeString(string(parts[2])); err == nil {
			tm.clipboard = string(b)
		}
		return true
	})
}

// kittyFlags is the kitty keyboard flags in effect; mu must be held.
func (tm *term) kittyFlags() int {
	if len(tm.kitty) == 0 {
		return 0
	}
	return tm.kitty[len(tm.kitty)-1]
}

func (tm *term) reap() {
	err := tm.cmd.Wait()
	tm.state, tm.waitErr = tm.cmd.ProcessState, err
	close(tm.exited)
}

// pumpOutput copies everything the program writes into the emulator. It
// stops when the pty reports an error: EIO once the program (and anything
// else holding the terminal) has gone and its output is drained, or a closed
// file after Close.
func (tm *term) pumpOutput() {
	defer close(tm.pumped)
	buf := make([]byte, 32*1024)
	for {
		n, err := tm.ptmx.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			_, _ = tm.emu.Write(buf[:n])
			tm.mu.Unlock()
			select {
			case tm.changed <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// pumpReplies copies the emulator's answers to terminal queries (cursor
// position, device attributes, colours, modes, kitty flags) into the pty, as
// a terminal would. The emulator writes them to a synchronous pipe while it
// parses output, so this must keep reading until Close even when the pty is
// gone, or pumpOutput would block.
func (tm *term) pumpReplies() {
	defer close(tm.replied)
	buf := make([]byte, 4096)
	for {
		n, err := tm.emu.Read(buf)
		if n > 0 {
			_ = tm.write(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

func (tm *term) write(p []byte) error {
	tm.wmu.Lock()
	defer tm.wmu.Unlock()
	_, err := tm.ptmx.Write(p)
	return err
}

// Close kills the program if it is still running, lets the output drain,
// and ends the goroutines and the pty. It is registered with t.Cleanup and
// safe to call again.
func (tm *term) Close() {
	tm.once.Do(func() {
		select {
		case <-tm.exited:
		default:
			_ = tm.cmd.Process.Kill()
			<-tm.exited
		}
		select {
		case <-tm.pumped:
		case <-time.After(2 * time.Second): // a child of the program holds the pty open
		}
		_ = tm.ptmx.Close()
		<-tm.pumped
		_ = tm.emu.InputPipe().(io.Closer).Close()
		<-tm.replied
	})
}

// Type writes s as typed text in one write. Bubble Tea decodes a burst into
// one key press per character, so there is nothing to gain from pacing it.
// s goes out as is: use Press for enter, tab and other keys. Wait for the
// first frame before typing: until Bubble Tea puts the terminal in raw mode
// the tty echoes input and holds it back until a newline.
func (tm *term) Type(s string) {
	tm.t.Helper()
	if err := tm.write([]byte(s)); err != nil {
		tm.t.Fatalf("type %q: %v", s, err)
	}
}

// keySeqs are the bytes an xterm (normal cursor-key mode) sends for named
// keys. esc is handled apart, see Press.
var keySeqs = map[string]string{
	"enter":     "\r",
	"tab":       "\t",
	"shift+tab": "\x1b[Z",
	"space":     " ",
	"backspace": "\x7f",
	"up":        "\x1b[A",
	"down":      "\x1b[B",
	"right":     "\x1b[C",
	"left":      "\x1b[D",
	"home":      "\x1b[H",
	"end":       "\x1b[F",
	"pgup":      "\x1b[5~",
	"pgdown":    "\x1b[6~",
	"insert":    "\x1b[2~",
	"delete":    "\x1b[3~",
	"f1":        "\x1bOP",
	"f2":        "\x1bOQ",
	"f3":        "\x1bOR",
	"f4":        "\x1bOS",
}

// keySeq returns the bytes for a key name: a name in keySeqs, "ctrl+" and a
// letter, "alt+" and any other key, or a single character.
func keySeq(key string) (string, bool) {
	if s, ok := keySeqs[key]; ok {
		return s, true
	}
	if l, ok := strings.CutPrefix(key, "ctrl+"); ok && len(l) == 1 && l[0] >= 'a' && l[0] <= 'z' {
		return string(rune(l[0] - 'a' + 1)), true
	}
	if k, ok := strings.CutPrefix(key, "alt+"); ok {
		s, ok := keySeq(k)
		return "\x1b" + s, ok
	}
	if len([]rune(key)) == 1 {
		return key, true
	}
	return "", false
}

// Press sends named keys, one write each. "esc" is sent the way the
// terminal would: as CSI 27 u when the program has turned on the kitty
// keyboard protocol (Bubble Tea v2 always does), which is unambiguous;
// otherwise as a lone ESC byte followed by escHold of silence so Bubble Tea
// cannot glue it to what comes next. "raw-esc" always sends the lone byte
// and the silence, as an xterm without the kitty protocol would. Every other
// key is sent as legacy xterm bytes (ctrl+c is 0x03, not CSI 99;5u), which
// Bubble Tea reads the same whether or not the kitty protocol is on.
func (tm *term) Press(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		var err error
		switch k {
		case "esc":
			tm.mu.Lock()
			kitty := tm.kittyFlags()&ansi.KittyDisambiguateEscapeCodes != 0
			tm.mu.Unlock()
			if kitty {
				err = tm.write([]byte("\x1b[27u"))
			} else {
				err = tm.loneEsc()
			}
		case "raw-esc":
			err = tm.loneEsc()
		default:
			seq, ok := keySeq(k)
			if !ok {
				tm.t.Fatalf("press %q: no such key", k)
			}
			err = tm.write([]byte(seq))
		}
		if err != nil {
			tm.t.Fatalf("press %q: %v", k, err)
		}
	}
}

// loneEsc writes ESC and keeps every other write (keys and query replies)
// out for escHold.
func (tm *term) loneEsc() error {
	tm.wmu.Lock()
	defer tm.wmu.Unlock()
	if _, err := tm.ptmx.Write([]byte{0x1b}); err != nil {
		return err
	}
	time.Sleep(escHold)
	return nil
}

// Paste sends s as a bracketed paste, as a terminal does when the program
// has turned bracketed paste on (Bubble Tea does by default).
func (tm *term) Paste(s string) {
	tm.t.Helper()
	if err := tm.write([]byte(ansi.BracketedPasteStart + s + ansi.BracketedPasteEnd)); err != nil {
		tm.t.Fatalf("paste %q: %v", s, err)
	}
}

// Screen is the emulator's visible screen as plain text: one line per row,
// joined with \n, trailing spaces trimmed.
func (tm *term) Screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.String()
}

// AltScreen reports whether the alternate screen is on.
func (tm *term) AltScreen() bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.IsAltScreen()
}

// CursorHidden reports whether the program has hidden the cursor.
func (tm *term) CursorHidden() bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.CursorHidden()
}

// Clipboard is the last text the program copied through OSC 52.
func (tm *term) Clipboard() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.clipboard
}

// Titles is every window title the program has set, oldest first.
func (tm *term) Titles() []string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return slices.Clone(tm.titles)
}

// WaitFor waits until the screen contains substr. It fails the test with
// the last screen when timeout passes or when the program exits without
// showing it.
func (tm *term) WaitFor(t *testing.T, substr string, timeout time.Duration) {
	t.Helper()
	tm.WaitUntil(t, fmt.Sprintf("%q on screen", substr), timeout, func(s string) bool {
		return strings.Contains(s, substr)
	})
}

// WaitUntil waits until ok(screen) holds, like WaitFor. It wakes on each
// chunk of output, so the time it returns at is within a few microseconds
// of the frame that satisfied it.
func (tm *term) WaitUntil(t *testing.T, what string, timeout time.Duration, ok func(screen string) bool) {
	t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	poll := time.NewTicker(50 * time.Millisecond) // another waiter may take the poke
	defer poll.Stop()
	gone := tm.pumped
	for {
		s := tm.Screen()
		if ok(s) {
			return
		}
		select {
		case <-tm.changed:
		case <-poll.C:
		case <-gone:
			// The program has exited and its output is all on screen:
			// one last look, then there is nothing more to wait for.
			if s := tm.Screen(); !ok(s) {
				<-tm.exited
				t.Fatalf("waiting for %s: the program exited (%s); screen:\n%s", what, tm.exitStatus(), frame(s))
			}
			return
		case <-deadline.C:
			t.Fatalf("waiting for %s: nothing after %v; screen:\n%s", what, timeout, frame(tm.Screen()))
		}
	}
}

// frame draws a screen with a margin so that blank and trailing lines show
// in test logs.
func frame(screen string) string {
	lines := strings.Split(screen, "\n")
	for i, l := range lines {
		lines[i] = fmt.Sprintf("%3d│%s", i+1, l)
	}
	return strings.Join(lines, "\n")
}

func (tm *term) exitStatus() string {
	if tm.state == nil {
		return fmt.Sprint(tm.waitErr)
	}
	return tm.state.String()
}

// Resize changes the terminal's size: the emulator first, so that the
// repaint lands on a screen of the new size, then the pty, which sends the
// program SIGWINCH.
func (tm *term) Resize(cols, rows int) {
	tm.t.Helper()
	tm.mu.Lock()
	tm.emu.Resize(cols, rows)
	tm.mu.Unlock()
	if err := pty.Setsize(tm.ptmx, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		tm.t.Fatalf("resize to %dx%d: %v", cols, rows, err)
	}
}

// Kill sends SIGKILL and waits until the process is gone and its output is
// on screen.
func (tm *term) Kill() {
	_ = tm.cmd.Process.Signal(syscall.SIGKILL)
	<-tm.exited
	select {
	case <-tm.pumped:
	case <-time.After(2 * time.Second):
	}
}

// Wait waits for the program to exit by itself and for its last output to
// reach the screen. It returns the exit code, or an error when the program
// is still running after timeout or was killed by a signal.
func (tm *term) Wait(timeout time.Duration) (exitCode int, err error) {
	select {
	case <-tm.exited:
	case <-time.After(timeout):
		return -1, fmt.Errorf("still running after %v", timeout)
	}
	select {
	case <-tm.pumped:
	case <-time.After(2 * time.Second):
	}
	if tm.state == nil {
		return -1, tm.waitErr
	}
	if ws, ok := tm.state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return -1, fmt.Errorf("killed by %v", ws.Signal())
	}
	return tm.state.ExitCode(), nil
}

// TestE2EStartAndQuit starts rebound on an empty data dir and quits from
// the first screen with ctrl+c.
func TestE2EStartAndQuit(t *testing.T) {
	tm := startApp(t, 80, 24, t.TempDir())
	tm.WaitFor(t, firstFrameText, 10*time.Second)

	tm.Press("ctrl+c")
	code, err := tm.Wait(5 * time.Second)
	if err != nil || code != 0 {
		t.Fatalf("after ctrl+c: exit code %d, %v; want 0; screen:\n%s", code, err, frame(tm.Screen()))
	}
	if tm.AltScreen() {
		t.Error("the alternate screen is still on after exit")
	}
	if tm.CursorHidden() {
		t.Error("the cursor is still hidden after exit")
	}
}

// TestFirstFrame measures how long rebound takes from process start to a
// first screen showing firstFrameText. It never fails on time; run it with
//
//	REBOUND_MEASURE=1 go test -run TestFirstFrame -v .
func TestFirstFrame(t *testing.T) {
	if os.Getenv("REBOUND_MEASURE") != "1" {
		t.Skip("set REBOUND_MEASURE=1 to measure the time to the first frame")
	}
	const runs = 20
	times := make([]time.Duration, 0, runs)
	for range runs {
		tm := startApp(t, 80, 24, t.TempDir())
		tm.WaitFor(t, firstFrameText, 10*time.Second)
		times = append(times, time.Since(tm.start))
		tm.Close()
	}
	first := times[0]
	slices.Sort(times)
	median := (times[runs/2-1] + times[runs/2]) / 2
	p90 := times[(runs*9+9)/10-1] // nearest rank
	msg := fmt.Sprintf("first frame (%q, 80x24, %d runs): min %v  median %v  p90 %v  max %v  (first run %v)",
		firstFrameText, runs, ms(times[0]), ms(median), ms(p90), ms(times[runs-1]), ms(first))
	t.Log(msg)
	fmt.Println(msg)
}

func ms(d time.Duration) string { return d.Round(100 * time.Microsecond).String() }

// The tests below check the harness itself against /bin/sh, so that a
// failing end-to-end test points at the app, not at the harness.

func startShell(t *testing.T, cols, rows int, script string, args ...string) *term {
	t.Helper()
	return startBinary(t, "/bin/sh", cols, rows, nil, append([]string{"-c", script, "sh"}, args...)...)
}

func TestHarnessTypeAndExitCode(t *testing.T) {
	tm := startShell(t, 80, 24, `printf 'ready\n'; read x; printf 'got:%s\n' "$x"; exit 7`)
	tm.WaitFor(t, "ready", 5*time.Second)
	tm.Type("hello wörld")
	tm.Press("enter")
	tm.WaitFor(t, "got:hello wörld", 5*time.Second)
	code, err := tm.Wait(5 * time.Second)
	if err != nil || code != 7 {
		t.Fatalf("exit code %d, %v; want 7", code, err)
	}
	if got, want := len(strings.Split(tm.Screen(), "\n")), 24; got != want {
		t.Errorf("screen has %d lines, want %d", got, want)
	}
}

// TestHarnessKeyBytes reads raw bytes in the shell and prints them in hex:
// it pins down what Press and Paste put on the wire.
func TestHarnessKeyBytes(t *testing.T) {
	const want = "0d 09 1b 5b 5a 1b 03 13 19 1b 5b 41 1b 5b 42 1b 5b 44 1b 5b 43 20 7f " +
		"1b 5b 35 7e 1b 5b 36 7e 1b 71 61 " +
		"1b 5b 32 30 30 7e 68 69 0a 1b 5b 32 30 31 7e"
	n := len(strings.Fields(want))
	tm := startShell(t, 200, 10, `stty -icanon -echo -isig -ixon -icrnl -iexten min 1 time 0
printf 'ready\n'
printf 'bytes:%s\n' "$(dd bs=1 count=$1 2>/dev/null | od -An -v -tx1 | tr -s ' \n' '  ')"`, fmt.Sprint(n))
	tm.WaitFor(t, "ready", 5*time.Second)

	tm.Press("enter", "tab", "shift+tab")
	start := time.Now()
	tm.Press("esc") // the shell has not turned on the kitty protocol: a lone ESC
	if d := time.Since(start); d < escHold {
		t.Errorf("esc without the kitty protocol returned after %v, want the %v hold", d, escHold)
	}
	tm.Press("ctrl+c", "ctrl+s", "ctrl+y", "up", "down", "left", "right", "space", "backspace", "pgup", "pgdown", "alt+q")
	tm.Type("a")
	tm.Paste("hi\n")
	tm.WaitFor(t, "bytes: "+want, 5*time.Second)
}

// TestHarnessQueries checks that the emulator's answers to terminal queries
// reach the program: cursor position, device attributes, background colour
// and the kitty keyboard flags; and that OSC 52 copies are kept.
func TestHarnessQueries(t *testing.T) {
	tm := startShell(t, 120, 10, `stty -icanon -echo min 1 time 0
ask() { printf "$1" >&2; dd bs=1 count=$2 2>/dev/null | tr '\033\007' 'EG'; }
cpr=$(ask '\033[5;10H\033[6n' 7)
da=$(ask '\033[c' 13)
bg=$(ask '\033]11;?\007' 24)
kitty=$(ask '\033[>1u\033[?u' 5)
printf '\033]52;c;%s\007' "$(printf 'copied text' | base64)"
printf '\033]2;shell title\007'
stty sane
printf '\r\ncpr=%s da=%s bg=%s kitty=%s\n' "$cpr" "$da" "$bg" "$kitty"
read x; printf 'read=%s\n' "$x" | tr '\033' E`)
	tm.WaitFor(t, "cpr=E[5;10R da=E[?62;1;6;22c bg=E]11;rgb:0000/0000/0000G kitty=E[?1u", 5*time.Second)
	if got, want := tm.Clipboard(), "copied text"; got != want {
		t.Errorf("clipboard %q, want %q", got, want)
	}
	if got, want := tm.Titles(), []string{"shell title"}; !slices.Equal(got, want) {
		t.Errorf("titles %q, want %q", got, want)
	}

	// The shell pushed kitty flag 1, so esc is CSI 27 u and needs no hold.
	start := time.Now()
	tm.Press("esc", "enter")
	if d := time.Since(start); d >= escHold {
		t.Errorf("esc with the kitty protocol took %v", d)
	}
	tm.WaitFor(t, "read=E[27u", 5*time.Second)
	if code, err := tm.Wait(5 * time.Second); err != nil || code != 0 {
		t.Fatalf("exit code %d, %v; want 0", code, err)
	}
}

func TestHarnessResize(t *testing.T) {
	tm := startShell(t, 80, 24, `trap 'printf "winch %s\n" "$(stty size)"' WINCH
printf 'ready %s\n' "$(stty size)"
while :; do sleep 0.02; done`)
	tm.WaitFor(t, "ready 24 80", 5*time.Second)
	tm.Resize(100, 30)
	tm.WaitFor(t, "winch 30 100", 5*time.Second)
	if got := len(strings.Split(tm.Screen(), "\n")); got != 30 {
		t.Errorf("screen has %d lines after resize, want 30", got)
	}
	tm.Kill()
	if code, err := tm.Wait(time.Second); err == nil {
		t.Errorf("Wait after Kill: exit code %d and no error, want killed", code)
	}
}

func TestHarnessCloseEndsEverything(t *testing.T) {
	tm := startShell(t, 80, 24, `printf '\033[?1049h\033[?25lin the alt screen\n'; exec sleep 60`)
	tm.WaitFor(t, "in the alt screen", 5*time.Second)
	if !tm.AltScreen() || !tm.CursorHidden() {
		t.Errorf("alt screen %v, cursor hidden %v; want both", tm.AltScreen(), tm.CursorHidden())
	}
	done := make(chan struct{})
	go func() { tm.Close(); tm.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not return")
	}
	for name, c := range map[string]chan struct{}{"process": tm.exited, "output pump": tm.pumped, "reply pump": tm.replied} {
		select {
		case <-c:
		default:
			t.Errorf("%s still running after Close", name)
		}
	}
	if _, err := tm.ptmx.Write([]byte("x")); !errors.Is(err, os.ErrClosed) {
		t.Errorf("pty write after Close: %v, want %v", err, os.ErrClosed)
	}
}

// The tests below walk rebound the way a person would: the real binary, real
// keys, the real data dir. They wait for what the screen shows at every step
// boundary instead of sleeping, and check what ends up on disk.

// e2eWait is how long one screen or one save may take to appear: generous,
// so that a loaded CI machine does not flake. No test asserts on time.
const e2eWait = 10 * time.Second

// savedSession is the session file as these tests expect it on disk, by JSON
// name. It is declared here rather than borrowed from package coach so that a
// renamed or dropped field shows up as a failing test.
type savedSession struct {
	SchemaVersion int    `json:"schema_version"`
	ID            string `json:"id"`
	Status        string `json:"status"`
	Position      string `json:"position"`
	Intake        struct {
		Company     string `json:"company"`
		Role        string `json:"role"`
		Interviewer string `json:"interviewer"`
		Stage       string `json:"stage"`
		RejectedOn  string `json:"rejected_on"`
		Channel     string `json:"channel"`
		Message     string `json:"message"`
	} `json:"intake"`
	MoodBefore *savedMood `json:"mood_before"`
	MoodAfter  *savedMood `json:"mood_after"`
	Feedback   struct {
		Draft      string `json:"draft"`
		Send       string `json:"send"`
		SendOn     string `json:"send_on"`
		FollowUpOn string `json:"follow_up_on"`
	} `json:"feedback_request"`
	Actions []savedAction          `json:"actions"`
	Answers map[string]savedAnswer `json:"answers"`
	Drafts  map[string]savedAnswer `json:"drafts"`
}

type savedMood struct {
	Score int    `json:"score"`
	Word  string `json:"word"`
}

type savedAction struct {
	Text string `json:"text"`
	Due  string `json:"due"`
}

type savedAnswer struct {
	Text  string   `json:"text"`
	Items []string `json:"items"`
	Score int      `json:"score"`
}

// sessionFiles lists the session files in dataDir/sessions. The store's
// temporary files (".<id>.json.tmp-…") and its probe start with a dot and
// are skipped.
func sessionFiles(dataDir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dataDir, "sessions"))
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range entries {
		if name := e.Name(); !strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".json") {
			files = append(files, filepath.Join(dataDir, "sessions", name))
		}
	}
	return files, nil
}

// loadSession reads the one session file in dataDir. It returns the file's
// text as well, for failure messages.
func loadSession(dataDir string) (s *savedSession, path, text string, err error) {
	files, err := sessionFiles(dataDir)
	if err != nil {
		return nil, "", "", err
	}
	if len(files) != 1 {
		return nil, "", "", fmt.Errorf("%d session files in %s, want 1: %q", len(files), dataDir, files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		return nil, files[0], "", err
	}
	s = new(savedSession)
	if err := json.Unmarshal(data, s); err != nil {
		return nil, files[0], string(data), fmt.Errorf("%s: %w", files[0], err)
	}
	return s, files[0], string(data), nil
}

// waitSession waits until the one session file in dataDir satisfies ok and
// returns it. Saves run in the background, so a test that has just seen a
// screen polls the file rather than reading it once.
func waitSession(t *testing.T, dataDir, what string, ok func(*savedSession) bool) (*savedSession, string) {
	t.Helper()
	deadline := time.Now().Add(e2eWait)
	for {
		s, path, text, err := loadSession(dataDir)
		if err == nil && ok(s) {
			return s, path
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for a session file where %s: nothing after %v (%v); file:\n%s", what, e2eWait, err, text)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitClipboard waits until the text the program copied with OSC 52 satisfies ok.
func (tm *term) waitClipboard(t *testing.T, what string, ok func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(e2eWait)
	for {
		if c := tm.Clipboard(); ok(c) {
			return c
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for a clipboard write %s: nothing after %v; clipboard %q; screen:\n%s",
				what, e2eWait, tm.Clipboard(), frame(tm.Screen()))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// expectExit waits for the program to exit by itself with code want.
func (tm *term) expectExit(t *testing.T, after string, want int) {
	t.Helper()
	code, err := tm.Wait(e2eWait)
	if err != nil || code != want {
		t.Fatalf("after %s: exit code %d, %v; want %d; screen:\n%s", after, code, err, want, frame(tm.Screen()))
	}
}

// alive reports whether the program is still running.
func (tm *term) alive() bool {
	select {
	case <-tm.exited:
		return false
	default:
		return true
	}
}

// day is the date days after the day of t, as rebound writes dates.
func day(t time.Time, days int) string { return t.AddDate(0, 0, days).Format(time.DateOnly) }

// checkDate checks that got is days after today, where today is the day of
// before or of after (a test that runs over midnight accepts either).
func checkDate(t *testing.T, what, got string, days int, before, after time.Time) {
	t.Helper()
	if got != day(before, days) && got != day(after, days) {
		t.Errorf("%s = %q, want %q (today%+d)", what, got, day(after, days), days)
	}
}

// hasLine reports whether one line of screen contains every one of parts.
func hasLine(screen string, parts ...string) bool {
	for line := range strings.SplitSeq(screen, "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}

// checkMode checks a file's permission bits.
func checkMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Error(err)
		return
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s has mode %#o, want %#o", path, got, want)
	}
}

// TestE2EWholeSession walks a whole session at 80x24 with the keys of the
// README, checks the summary, the clipboard and the saved file, and quits.
func TestE2EWholeSession(t *testing.T) {
	dataDir := filepath.Join(t.TempDir(), "data") // rebound makes it
	before := time.Now()
	tm := startApp(t, 80, 24, dataDir)
	tm.WaitFor(t, firstFrameText, e2eWait)
	tm.Press("enter")

	// Intake, one form. Everything typed goes out in bursts: Bubble Tea
	// handles keys in order, and the waits check that they landed.
	tm.WaitFor(t, "rebound · What happened", e2eWait)
	tm.Type("Northwind")
	tm.Press("tab")
	tm.Type("Product designer")
	tm.Press("tab")
	tm.Type("Ms Rivera")
	tm.Press("shift+tab") // back to the role, which keeps what was typed
	tm.WaitUntil(t, "the role focused, as typed", e2eWait, func(s string) bool {
		return hasLine(s, "› Role", "Product designer")
	})
	tm.Press("tab", "enter", "3", "enter", "tab", "right", "tab") // stage: final round; date as is; channel: email
	tm.WaitUntil(t, "final round and email chosen, on the message", e2eWait, func(s string) bool {
		return strings.Contains(s, "● final round") && strings.Contains(s, "● email") && strings.Contains(s, "› The message")
	})
	const message = "We have decided not to move forward.\nWe wish you the best in your search."
	tm.Paste(message)
	tm.WaitFor(t, "We wish you the best in your search.", e2eWait)
	tm.Press("tab")

	tm.WaitFor(t, "rebound · Check in", e2eWait)
	tm.Press("4")
	tm.Type("flat")
	tm.WaitUntil(t, "score 4 and the word", e2eWait, func(s string) bool {
		return strings.Contains(s, "[4]") && strings.Contains(s, "Word: flat")
	})
	tm.Press("enter")

	tm.WaitFor(t, "Step 1 of 5 · Step back", e2eWait)
	tm.WaitFor(t, "Which parts of this decision were outside your control?", e2eWait)
	tm.Press("space", "down", "space", "tab")
	tm.WaitFor(t, "Zoom out: what is still true", e2eWait)
	tm.Type("Two other applications are still open.")
	tm.Press("enter")
	tm.Type("My portfolio got good comments.")
	tm.Press("tab")

	tm.WaitFor(t, "Step 2 of 5 · Don't take it personally", e2eWait)
	tm.WaitFor(t, "The thought that hurts most", e2eWait)
	tm.Type("I'm not good enough.")
	tm.Press("tab")
	tm.WaitFor(t, "What other explanations are there?", e2eWait)
	tm.Press("shift+tab") // back a prompt: the answer is still there
	tm.WaitFor(t, "I'm not good enough.", e2eWait)
	tm.Press("tab", "space", "down", "space", "tab")
	tm.WaitFor(t, "Which of those are about the role or the company", e2eWait)
	tm.Type("The freeze is about them.")
	tm.Press("tab")
	tm.WaitFor(t, "A more balanced thought", e2eWait)
	tm.Type("I reached the final round; the decision had other reasons.")
	tm.Press("tab")

	tm.WaitFor(t, "Step 3 of 5 · Get feedback", e2eWait)
	tm.WaitFor(t, "Hi Ms Rivera,", e2eWait)
	tm.Press("ctrl+y")
	copied := tm.waitClipboard(t, `containing "Thank you"`, func(c string) bool { return strings.Contains(c, "Thank you") })
	if !strings.HasPrefix(copied, "Hi Ms Rivera,") || !strings.Contains(copied, "Product designer role at Northwind") {
		t.Errorf("ctrl+y copied a draft not drafted from the intake:\n%s", copied)
	}
	tm.Press("tab")
	tm.WaitFor(t, "Will you send it?", e2eWait)
	tm.Press("1", "enter") // yes
	tm.WaitFor(t, "When will you send it?", e2eWait)
	tm.Press("enter") // today, the default
	tm.WaitFor(t, "Follow up if there is no reply by", e2eWait)
	tm.Press("enter") // in a week, the default
	tm.WaitFor(t, "What went well?", e2eWait)
	tm.Type("Clear walkthrough")
	tm.Press("enter")
	tm.Type("Good rapport")
	tm.Press("tab")
	tm.WaitFor(t, "What would you do better next time?", e2eWait)
	tm.Type("Quantify impact")
	tm.Press("tab")

	tm.WaitFor(t, "Step 4 of 5 · Reflect", e2eWait)
	tm.WaitFor(t, "Questions that threw you", e2eWait)
	tm.Type("Tell me about a conflict")
	tm.Press("enter")
	tm.Type("Why this company?")
	tm.Press("tab")
	tm.WaitFor(t, "Areas that felt unprepared", e2eWait)
	tm.Type("Metrics")
	tm.Press("tab", "2", "enter", "left", "left", "enter") // a few; not really (none, then left twice from the end)
	tm.WaitFor(t, "Your skills that match the role", e2eWait)
	tm.Type("Figma")
	tm.Press("tab")

	tm.WaitFor(t, "Step 5 of 5 · Restart", e2eWait)
	tm.WaitFor(t, "Roles to target", e2eWait)
	tm.Type("Senior product designer")
	tm.Press("tab")
	tm.WaitFor(t, "Roles to stop applying for", e2eWait)
	tm.Type("Visual-only roles")
	tm.Press("tab")
	tm.WaitFor(t, "Your next actions", e2eWait)
	tm.Type("Update portfolio")
	tm.Press("enter")
	tm.Type("+3d")
	tm.Press("enter")
	tm.Type("Email Ms Rivera")
	tm.Press("enter")
	tm.Type("tomorrow")
	tm.WaitFor(t, "by tomorrow", e2eWait)
	tm.Press("tab")
	tm.WaitFor(t, "Who in your network can support you?", e2eWait)
	tm.Type("Sam")
	tm.Press("tab")

	tm.WaitFor(t, "rebound · Check out", e2eWait)
	tm.WaitFor(t, "How are you feeling now?", e2eWait)
	tm.Press("6")
	tm.Type("lighter")
	tm.WaitFor(t, "Word: lighter", e2eWait)
	tm.Press("enter")

	tm.WaitFor(t, "rebound · Summary", e2eWait)
	tm.WaitUntil(t, "the summary with where it is saved", e2eWait, func(s string) bool {
		return strings.Contains(s, "Product designer at Northwind") &&
			strings.Contains(s, "4/10 (flat) → 6/10 (lighter)") && strings.Contains(s, "Saved to")
	})

	s, path := waitSession(t, dataDir, `status is "complete"`, func(s *savedSession) bool { return s.Status == "complete" })
	after := time.Now()
	checks := []struct {
		what      string
		got, want any
	}{
		{"schema_version", s.SchemaVersion, 1},
		{"file name", filepath.Base(path), s.ID + ".json"},
		{"intake.company", s.Intake.Company, "Northwind"},
		{"intake.role", s.Intake.Role, "Product designer"},
		{"intake.interviewer", s.Intake.Interviewer, "Ms Rivera"},
		{"intake.stage", s.Intake.Stage, "final round"},
		{"intake.channel", s.Intake.Channel, "email"},
		{"intake.message (pasted)", s.Intake.Message, message},
		{"mood_before", fmt.Sprint(s.MoodBefore), fmt.Sprint(&savedMood{4, "flat"})},
		{"mood_after", fmt.Sprint(s.MoodAfter), fmt.Sprint(&savedMood{6, "lighter"})},
		{"step_back.outside (checklist)", s.Answers["step_back.outside"].Items,
			[]string{"They could hire only one person", "Other candidates were just as qualified"}},
		{"step_back.bigger_picture (textarea)", s.Answers["step_back.bigger_picture"].Text,
			"Two other applications are still open.\nMy portfolio got good comments."},
		{"not_personal.thought", s.Answers["not_personal.thought"].Text, "I'm not good enough."},
		{"not_personal.explanations (checklist)", s.Answers["not_personal.explanations"].Items,
			[]string{"An internal candidate", "A hiring freeze"}},
		{"not_personal.balanced", s.Answers["not_personal.balanced"].Text,
			"I reached the final round; the decision had other reasons."},
		{"feedback.went_well (list, a line an item)", s.Answers["feedback.went_well"].Items,
			[]string{"Clear walkthrough", "Good rapport"}},
		{"feedback.do_better", s.Answers["feedback.do_better"].Items, []string{"Quantify impact"}},
		{"reflect.questions (list)", s.Answers["reflect.questions"].Items,
			[]string{"Tell me about a conflict", "Why this company?"}},
		{"reflect.own_questions (choice)", s.Answers["reflect.own_questions"].Text, "a few"},
		{"reflect.research (choice)", s.Answers["reflect.research"].Text, "partly"},
		{"restart.support", s.Answers["restart.support"].Items, []string{"Sam"}},
		{"feedback_request.send", s.Feedback.Send, "yes"},
		{"feedback_request.draft (as copied)", s.Feedback.Draft, strings.TrimRight(copied, "\n ")},
		{"drafts left", len(s.Drafts), 0},
		{"number of actions", len(s.Actions), 2},
	}
	for _, c := range checks {
		if fmt.Sprintf("%#v", c.got) != fmt.Sprintf("%#v", c.want) {
			t.Errorf("%s = %#v, want %#v", c.what, c.got, c.want)
		}
	}
	checkDate(t, "intake.rejected_on (default today)", s.Intake.RejectedOn, 0, before, after)
	checkDate(t, "feedback_request.send_on (default today)", s.Feedback.SendOn, 0, before, after)
	checkDate(t, "feedback_request.follow_up_on (default a week)", s.Feedback.FollowUpOn, 7, before, after)
	if !strings.Contains(s.Feedback.Draft, "Thank you") {
		t.Errorf("feedback_request.draft does not thank them:\n%s", s.Feedback.Draft)
	}
	if len(s.Actions) == 2 {
		if s.Actions[0].Text != "Update portfolio" || s.Actions[1].Text != "Email Ms Rivera" {
			t.Errorf("actions = %+v", s.Actions)
		}
		checkDate(t, `actions[0].due ("+3d")`, s.Actions[0].Due, 3, before, after)
		checkDate(t, `actions[1].due ("tomorrow")`, s.Actions[1].Due, 1, before, after)
	}
	checkMode(t, path, 0o600)
	checkMode(t, filepath.Dir(path), 0o700)
	checkMode(t, dataDir, 0o700)

	tm.Press("q")
	tm.expectExit(t, "q on the summary", 0)
	if tm.AltScreen() || tm.CursorHidden() {
		t.Errorf("after q: alternate screen %v, cursor hidden %v; want the terminal restored", tm.AltScreen(), tm.CursorHidden())
	}
}

// TestE2EKillAndResume kills rebound with SIGKILL while an answer is half
// typed, and checks that nothing completed is lost, that the half answer was
// kept as a draft, and that resuming carries on from it.
func TestE2EKillAndResume(t *testing.T) {
	dataDir := t.TempDir()
	tm := startApp(t, 80, 24, dataDir)
	tm.WaitFor(t, firstFrameText, e2eWait)
	tm.Press("enter")
	tm.WaitFor(t, "rebound · What happened", e2eWait)
	tm.Type("Acme")
	tm.Press("tab")
	tm.Type("Backend engineer")
	tm.Press("tab", "tab", "2", "tab", "tab", "3", "tab") // no interviewer; first interview; date as is; silence
	tm.WaitFor(t, "› The message", e2eWait)
	tm.Press("tab")
	tm.WaitFor(t, "rebound · Check in", e2eWait)
	tm.Press("3")
	tm.Type("tired")
	tm.Press("enter")
	tm.WaitFor(t, "Step 1 of 5 · Step back", e2eWait)
	tm.Press("down", "down", "space", "tab") // the interviewer's gut feeling
	tm.WaitFor(t, "Zoom out: what is still true", e2eWait)
	tm.Type("Two more interviews next week.")
	tm.Press("tab")
	tm.WaitFor(t, "The thought that hurts most", e2eWait)

	const half = "I always freeze in the final ro"
	tm.Type(half) // and no tab: the answer is not finished
	tm.WaitFor(t, half, e2eWait)
	// rebound keeps an unfinished answer as a draft once typing has paused
	// for 800 ms; wait for that save instead of sleeping a fixed time.
	waitSession(t, dataDir, "the half-typed answer is a draft", func(s *savedSession) bool {
		return s.Drafts["not_personal.thought"].Text == half
	})
	tm.Kill()

	s, path, text, err := loadSession(dataDir)
	if err != nil {
		t.Fatalf("after SIGKILL: %v\n%s", err, text)
	}
	checkCompleted := func(when string, s *savedSession) {
		t.Helper()
		checks := []struct {
			what      string
			got, want any
		}{
			{"intake.company", s.Intake.Company, "Acme"},
			{"intake.role", s.Intake.Role, "Backend engineer"},
			{"intake.stage", s.Intake.Stage, "first interview"},
			{"intake.channel", s.Intake.Channel, "silence"},
			{"mood_before", fmt.Sprint(s.MoodBefore), fmt.Sprint(&savedMood{3, "tired"})},
			{"step_back.outside", s.Answers["step_back.outside"].Items, []string{"The interviewer went with a gut feeling"}},
			{"step_back.bigger_picture", s.Answers["step_back.bigger_picture"].Text, "Two more interviews next week."},
		}
		for _, c := range checks {
			if fmt.Sprintf("%#v", c.got) != fmt.Sprintf("%#v", c.want) {
				t.Errorf("%s: %s = %#v, want %#v", when, c.what, c.got, c.want)
			}
		}
		if s.Intake.RejectedOn == "" {
			t.Errorf("%s: intake.rejected_on is empty", when)
		}
	}
	checkCompleted("after SIGKILL", s)
	if s.Status != "in_progress" || s.Position != "not_personal.thought" {
		t.Errorf("after SIGKILL: status %q, position %q; want in_progress at not_personal.thought", s.Status, s.Position)
	}
	if got := s.Drafts["not_personal.thought"].Text; got != half {
		t.Errorf("after SIGKILL: drafts[not_personal.thought] = %q, want %q", got, half)
	}
	if _, ok := s.Answers["not_personal.thought"]; ok {
		t.Errorf("after SIGKILL: the unfinished answer is in answers: %+v", s.Answers["not_personal.thought"])
	}
	id := s.ID

	tm = startApp(t, 80, 24, dataDir)
	tm.WaitFor(t, "Resume: Backend engineer at Acme", e2eWait)
	tm.Press("down", "enter")
	tm.WaitFor(t, "Step 2 of 5 · Don't take it personally", e2eWait)
	tm.WaitUntil(t, "the prompt it stopped at, with the half answer", e2eWait, func(s string) bool {
		return strings.Contains(s, "The thought that hurts most") && strings.Contains(s, half)
	})
	tm.Type("und.")
	tm.Press("tab")
	tm.WaitFor(t, "What other explanations are there?", e2eWait)
	const whole = half + "und."
	s, _ = waitSession(t, dataDir, "the finished answer is saved", func(s *savedSession) bool {
		return s.Answers["not_personal.thought"].Text == whole
	})
	if d, ok := s.Drafts["not_personal.thought"]; ok {
		t.Errorf("after tab the draft is still kept: %+v", d)
	}
	if s.ID != id || s.Position != "not_personal.explanations" {
		t.Errorf("resumed session: id %q, position %q; want %q at not_personal.explanations", s.ID, s.Position, id)
	}

	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c", 0)
	s, _, text, err = loadSession(dataDir)
	if err != nil {
		t.Fatalf("after ctrl+c: %v\n%s", err, text)
	}
	checkCompleted("after ctrl+c", s)
	if got := s.Answers["not_personal.thought"].Text; got != whole {
		t.Errorf("after ctrl+c: not_personal.thought = %q, want %q", got, whole)
	}
	if filepath.Base(path) != id+".json" {
		t.Errorf("session file %s, want %s.json", path, id)
	}
}

// TestE2EResizeAndTooSmall shrinks the terminal below the minimum and back,
// then resizes it in a burst, and checks the screen follows each time.
func TestE2EResizeAndTooSmall(t *testing.T) {
	tm := startApp(t, 80, 24, t.TempDir())
	tm.WaitFor(t, firstFrameText, e2eWait)

	tm.Resize(40, 10)
	tm.WaitFor(t, "Terminal too small", e2eWait)
	tm.WaitFor(t, "this is 40×10", e2eWait)

	// homeAt is the home screen drawn for a cols×rows terminal: the menu at
	// the top, the footer pinned to the last row and nothing too small.
	homeAt := func(cols, rows int) func(string) bool {
		return func(s string) bool {
			lines := strings.Split(s, "\n")
			return len(lines) == rows && strings.Contains(s, firstFrameText) &&
				!strings.Contains(s, "too small") && strings.Contains(lines[rows-1], "q quit")
		}
	}
	tm.Resize(120, 40)
	tm.WaitUntil(t, "home at 120x40", e2eWait, homeAt(120, 40))

	sizes := [][2]int{{50, 15}, {90, 30}, {30, 8}, {150, 50}, {61, 21}, {59, 19}, {200, 60}, {70, 22}, {20, 5}, {100, 40}}
	for i := range 20 {
		sz := sizes[i%len(sizes)]
		tm.Resize(sz[0], sz[1])
	}
	tm.Resize(100, 30)
	tm.WaitUntil(t, "home at 100x30 after a burst of resizes", e2eWait, homeAt(100, 30))
	if !tm.alive() {
		t.Fatalf("rebound exited during the resizes (%s)", tm.exitStatus())
	}

	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c", 0)
}

// TestE2ENoTTY runs rebound without a terminal, and its flags that need none.
func TestE2ENoTTY(t *testing.T) {
	run := func(t *testing.T, args ...string) (code int, stdout, stderr string) {
		t.Helper()
		devnull, err := os.Open(os.DevNull)
		if err != nil {
			t.Fatal(err)
		}
		defer devnull.Close()
		home := t.TempDir()
		cmd := exec.Command(binPath, args...)
		cmd.Env = append(terminalEnv(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"))
		cmd.Dir = t.TempDir()
		cmd.Stdin = devnull
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		done := make(chan error, 1)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(e2eWait):
			_ = cmd.Process.Kill()
			<-done
			t.Fatalf("rebound %q still running after %v; stdout %q, stderr %q", args, e2eWait, out.String(), errOut.String())
		}
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatalf("rebound %q: %v", args, err)
		}
		return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
	}
	noCrash := func(t *testing.T, name, s string) {
		t.Helper()
		for _, bad := range []string{"goroutine", "panic"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s mentions %q:\n%s", name, bad, s)
			}
		}
	}

	t.Run("no terminal", func(t *testing.T) {
		dataDir := filepath.Join(t.TempDir(), "data")
		code, stdout, stderr := run(t, "--data-dir", dataDir)
		if code != 2 {
			t.Errorf("exit code %d, want 2", code)
		}
		msg := strings.TrimSpace(stderr)
		if !strings.Contains(msg, "terminal") || strings.Contains(msg, "\n") || strings.Count(msg, ". ") > 0 {
			t.Errorf("stderr is not one sentence mentioning the terminal:\n%s", stderr)
		}
		if stdout != "" {
			t.Errorf("stdout %q, want nothing", stdout)
		}
		noCrash(t, "stderr", stderr)
		if _, err := os.Stat(dataDir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the data dir was made without a terminal (%v)", err)
		}
	})
	t.Run("version", func(t *testing.T) {
		code, stdout, stderr := run(t, "--version")
		if code != 0 || !strings.HasPrefix(stdout, "rebound ") || stderr != "" {
			t.Errorf("--version: exit code %d, stdout %q, stderr %q; want 0 and \"rebound …\"", code, stdout, stderr)
		}
	})
	t.Run("help", func(t *testing.T) {
		code, stdout, stderr := run(t, "--help")
		if code != 0 || !strings.Contains(stdout, "--data-dir") {
			t.Errorf("--help: exit code %d, stdout:\n%s\nstderr %q; want 0 and --data-dir", code, stdout, stderr)
		}
		noCrash(t, "--help", stdout+stderr)
	})
	t.Run("unknown command", func(t *testing.T) {
		code, stdout, stderr := run(t, "frobnicate")
		if code != 2 || !strings.Contains(stderr, "frobnicate") || stdout != "" {
			t.Errorf("unknown command: exit code %d, stdout %q, stderr %q; want 2 and the command named", code, stdout, stderr)
		}
		noCrash(t, "stderr", stderr)
	})
}

// TestE2EHostilePaste pastes text full of escape sequences into a field: the
// screen must show them, not obey them, and the file must keep them as pasted.
func TestE2EHostilePaste(t *testing.T) {
	dataDir := t.TempDir()
	tm := startApp(t, 80, 24, dataDir)
	tm.WaitFor(t, firstFrameText, e2eWait)
	tm.Press("enter")
	tm.WaitFor(t, "rebound · What happened", e2eWait)

	// Set the clipboard to "hello", clear the screen, set the title to "pwned".
	const hostile = "\x1b]52;c;aGVsbG8=\x07 and \x1b[2J and \x1b]0;pwned\x07"
	tm.Paste(hostile)
	tm.Press("tab")
	tm.WaitFor(t, "› Role", e2eWait) // the paste, then the tab, were handled

	// Obeyed, the sequences would have cleared the screen and set the
	// clipboard and the title; shown, they read as ␛ and ␇ stand-ins.
	screen := tm.Screen()
	for _, want := range []string{"rebound · What happened", "A few details, all optional", "␛]52;c;aGVsbG8=␇ and ␛[2J and ␛]0;pwned␇"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the screen does not show %q:\n%s", want, frame(screen))
		}
	}
	if c := tm.Clipboard(); strings.Contains(c, "hello") {
		t.Errorf("the pasted OSC 52 reached the terminal: clipboard %q", c)
	}
	titles := tm.Titles()
	if slices.Contains(titles, "pwned") {
		t.Errorf("the pasted OSC 0 reached the terminal: titles %q", titles)
	}
	if !slices.Contains(titles, "rebound") {
		t.Errorf("titles %q: rebound's own title was not seen, so the check above proves nothing", titles)
	}

	s, _ := waitSession(t, dataDir, "intake.company is set", func(s *savedSession) bool { return s.Intake.Company != "" })
	if s.Intake.Company != hostile {
		t.Errorf("intake.company = %q, want the paste exactly, %q", s.Intake.Company, hostile)
	}
	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c", 0)
}

// TestE2ESmallAndLarge walks from the intake into step 1 at the smallest
// size rebound supports and at a large one.
func TestE2ESmallAndLarge(t *testing.T) {
	for _, sz := range [][2]int{{60, 20}, {200, 60}} {
		cols, rows := sz[0], sz[1]
		t.Run(fmt.Sprintf("%dx%d", cols, rows), func(t *testing.T) {
			dataDir := t.TempDir()
			tm := startApp(t, cols, rows, dataDir)
			tm.WaitFor(t, firstFrameText, e2eWait)
			tm.Press("enter")
			tm.WaitFor(t, "rebound · What happened", e2eWait)
			tm.Type("Globex")
			tm.Press("tab")
			tm.Type("Analyst")
			tm.Press("tab", "tab", "tab", "tab", "tab")
			tm.WaitFor(t, "› The message", e2eWait)
			tm.Press("tab")
			tm.WaitFor(t, "How are you feeling?", e2eWait)
			tm.Press("5", "enter")

			tm.WaitUntil(t, "step 1's progress line, prompt and footer", e2eWait, func(s string) bool {
				lines := strings.Split(s, "\n")
				return len(lines) == rows &&
					strings.Contains(lines[0], "rebound · Step 1 of 5 · Step back") &&
					strings.Contains(s, "Which parts of this decision were outside your control?") &&
					strings.Contains(s, "[ ] How many people applied") &&
					strings.Contains(lines[rows-1], "tab/shift+tab")
			})
			tm.Press("space", "tab")
			tm.WaitUntil(t, "step 1's second prompt", e2eWait, func(s string) bool {
				return strings.Contains(s, "Step 1 of 5 · Step back") && strings.Contains(s, "Zoom out:")
			})
			if strings.Contains(tm.Screen(), "too small") {
				t.Errorf("%dx%d is called too small:\n%s", cols, rows, frame(tm.Screen()))
			}
			waitSession(t, dataDir, "step 1's first answer is saved", func(s *savedSession) bool {
				return s.Intake.Company == "Globex" && s.MoodBefore != nil && s.MoodBefore.Score == 5 &&
					len(s.Answers["step_back.outside"].Items) == 1
			})
			tm.Press("ctrl+c")
			tm.expectExit(t, "ctrl+c", 0)
		})
	}
}

// TestE2EUnwritableDataDir: the user is told at once, the session goes on in
// memory, and on quit what could not be saved is printed, with exit status 1.
func TestE2EUnwritableDataDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	tm := startApp(t, 100, 30, filepath.Join(file, "data"), "new")
	tm.WaitFor(t, "Can't save to", 10*time.Second)
	tm.Type("Pied Piper")
	tm.Press("tab")
	tm.Press("ctrl+c")
	code, err := tm.Wait(10 * time.Second)
	if err != nil || code != 1 {
		t.Fatalf("exit %d, %v; want 1", code, err)
	}
	tm.WaitFor(t, "Pied Piper", 5*time.Second) // printed after the alt screen closed
}

// TestE2ESignalsSaveTheUnfinishedAnswer: a kill or a closed terminal right
// after typing, before the draft timer fires, still keeps what was typed.
func TestE2ESignalsSaveTheUnfinishedAnswer(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			tm := startApp(t, 80, 24, dir, "new")
			tm.WaitFor(t, "What happened", 10*time.Second)
			tm.Type("Wayne Enterprises")
			tm.WaitFor(t, "Wayne Enterprises", 5*time.Second)
			_ = tm.cmd.Process.Signal(sig)
			_, _ = tm.Wait(10 * time.Second)
			files, _ := filepath.Glob(filepath.Join(dir, "sessions", "*.json"))
			if len(files) != 1 {
				t.Fatalf("want one session file after %v, got %v", sig, files)
			}
			b, err := os.ReadFile(files[0])
			if err != nil || !strings.Contains(string(b), `"Wayne Enterprises"`) {
				t.Errorf("after %v the typed company is not on disk:\n%s", sig, b)
			}
		})
	}
}

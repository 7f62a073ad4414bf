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

	mu        sync.Mutex // guards emu, kitty and clipboard
	emu       *vt.Emulator
	kitty     []int  // the program's kitty keyboard flag stack (CSI > u, CSI < u)
	clipboard string // last text the program copied with OSC 52

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
	for _, k := range []string{"PATH", "TMPDIR", "GOCOVERDIR", "GORACE", "GOTRACEBACK"} {
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
// OSC 52 clipboard writes (tea.SetClipboard), kept for Clipboard.
// The handlers run inside emu.Write, with mu held.
func (tm *term) answerExtraQueries() {
	e := tm.emu
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
stty sane
printf '\r\ncpr=%s da=%s bg=%s kitty=%s\n' "$cpr" "$da" "$bg" "$kitty"
read x; printf 'read=%s\n' "$x" | tr '\033' E`)
	tm.WaitFor(t, "cpr=E[5;10R da=E[?62;1;6;22c bg=E]11;rgb:0000/0000/0000G kitty=E[?1u", 5*time.Second)
	if got, want := tm.Clipboard(), "copied text"; got != want {
		t.Errorf("clipboard %q, want %q", got, want)
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

package main

// End-to-end tests: they build the real binary, run it in a pseudo-terminal
// and read its screen through a terminal emulator (charmbracelet/x/vt), the
// way a person at an xterm would see it. Everything that can be tested
// without a terminal belongs in the coach and ui packages; these tests are
// for what only the whole program shows: start-up, keys, resize, exit codes,
// the terminal left clean.

import (
	"bufio"
	"bytes"
	"debug/buildinfo"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/screenshot"
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
	if probe, ok := os.LookupEnv(widthProbeEnv); ok {
		os.Exit(widthProbe(probe == "warm"))
	}
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
	emuPanics int      // chunks the emulator could not take (see show)

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

// show feeds output to the emulator. x/vt v0.1.0 can index past its
// buffer on a scroll (CSI S) that was drawn for the size before a resize,
// which arrives after the emulator has shrunk: that is the emulator's bug,
// not the program's, and the program repaints the whole screen after a
// resize, so the rest of that chunk is dropped and counted instead of
// ending every test in the binary. tm.emuPanics says how often.
func (tm *term) show(b []byte) {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			tm.emuPanics++
		}
	}()
	_, _ = tm.emu.Write(b)
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
			tm.show(buf[:n])
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
	Depth         string `json:"depth"`
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

// checkInText is on the check-in, the first screen of a new session.
const checkInText = "How are you, right now?"

// depthText is on the depth choice that follows the check-in (and the
// low-mood note, when it shows).
const depthText = "How long have you got?"

// nameText asks whose name signs the letters, before the first draft.
const nameText = "Whose name goes under the letter?"

// lowMoodTitle heads the note shown after a low check-in.
const lowMoodTitle = "Before the five steps"

// checkIn answers a new session's check-in: score 1 to 10 (10 is the 0 key)
// and an optional word, then enter. It waits until both show, so a test
// that scripts on knows the keys landed. It stops before the screen that
// follows: the low-mood note or the depth choice.
func (tm *term) checkIn(t *testing.T, score int, word string) {
	t.Helper()
	tm.WaitFor(t, checkInText, e2eWait)
	tm.Press(fmt.Sprint(score % 10))
	tm.Type(word)
	tm.WaitUntil(t, fmt.Sprintf("score %d and the word %q", score, word), e2eWait, func(s string) bool {
		return strings.Contains(s, fmt.Sprintf("[%d]", score)) && (word == "" || strings.Contains(s, "Word: "+word))
	})
	tm.Press("enter")
}

// chooseDepth picks "Ten minutes now" or "The whole session" on the depth
// choice with its number key, waits for the mark to move and starts.
func (tm *term) chooseDepth(t *testing.T, whole bool) {
	t.Helper()
	key, label := "1", "Ten minutes now"
	if whole {
		key, label = "2", "The whole session"
	}
	tm.WaitFor(t, depthText, e2eWait)
	tm.Press(key)
	tm.WaitUntil(t, label+" chosen", e2eWait, func(s string) bool { return hasLine(s, "›", "●", label) })
	tm.Press("enter")
}

// beginWhole starts a new session from the check-in screen and walks it to
// the intake form, the way the tests written for the whole session need:
// no score, the whole session.
func (tm *term) beginWhole(t *testing.T) {
	t.Helper()
	tm.WaitFor(t, checkInText, e2eWait)
	tm.Press("enter")
	tm.chooseDepth(t, true)
	tm.WaitFor(t, "rebound · What happened", e2eWait)
}

// loadFlow is the flow rebound is built with, for what a test expects
// from it: the ten-minute path, the evidence offered for a stage.
func loadFlow(t *testing.T) *content.Flow {
	t.Helper()
	flow, _, err := content.Load()
	if err != nil {
		t.Fatal(err)
	}
	return flow
}

// TestE2EWholeSession walks a whole session at 80x24 with the keys of the
// README, checks the summary, the clipboard and the saved file, and quits.
func TestE2EWholeSession(t *testing.T) {
	dataDir := filepath.Join(t.TempDir(), "data") // rebound makes it
	before := time.Now()
	tm := startApp(t, 80, 24, dataDir)
	tm.WaitFor(t, firstFrameText, e2eWait)
	tm.Press("enter")

	// The check-in comes first, then the choice of depth. Everything typed
	// goes out in bursts: Bubble Tea handles keys in order, and the waits
	// check that they landed.
	tm.WaitFor(t, "rebound · Check in", e2eWait)
	tm.checkIn(t, 4, "flat") // not low: no note
	tm.WaitFor(t, depthText, e2eWait)
	if strings.Contains(tm.Screen(), lowMoodTitle) {
		t.Errorf("a check-in of 4 shows the low-mood note:\n%s", frame(tm.Screen()))
	}
	tm.WaitUntil(t, "ten minutes offered first for a new session", e2eWait, func(s string) bool {
		return hasLine(s, "›", "●", "Ten minutes now") && hasLine(s, "○", "The whole session")
	})
	tm.chooseDepth(t, true)

	// Intake, one form of three.
	tm.WaitFor(t, "rebound · What happened", e2eWait)
	tm.Type("Northwind")
	tm.Press("tab")
	tm.Type("Product designer")
	tm.Press("tab")
	tm.WaitFor(t, "› Stage reached", e2eWait)
	tm.Press("shift+tab") // back to the role, which keeps what was typed
	tm.WaitUntil(t, "the role focused, as typed", e2eWait, func(s string) bool {
		return hasLine(s, "› Role", "Product designer")
	})
	tm.Press("tab", "3") // stage: final round
	tm.WaitFor(t, "● final round", e2eWait)
	tm.Press("tab")

	tm.WaitFor(t, "Step 1 of 5 · Step back", e2eWait)
	tm.WaitFor(t, "Which parts of this decision were outside your control?", e2eWait)
	tm.Press("space", "down", "space", "tab")
	tm.WaitFor(t, "Zoom out: what is still true", e2eWait)
	tm.Type("Two other applications are still open.")
	tm.Press("enter")
	tm.Type("My portfolio got good comments.")
	tm.Press("tab")
	tm.WaitFor(t, "Write for ten minutes about what this means to you", e2eWait)
	tm.Type("It stings, and I am tired.")
	tm.Press("tab")

	tm.WaitFor(t, "Step 2 of 5 · Don't take it personally", e2eWait)
	tm.WaitFor(t, "The thought that hurts most", e2eWait)
	tm.Type("I'm not good enough.")
	tm.Press("tab")
	tm.WaitFor(t, "How strongly do you believe it, right now?", e2eWait)
	tm.Press("shift+tab") // back a prompt: the answer is still there
	tm.WaitFor(t, "I'm not good enough.", e2eWait)
	tm.Press("tab")
	tm.WaitFor(t, "How strongly do you believe it, right now?", e2eWait)
	tm.Type("80")
	tm.Press("tab")
	tm.WaitFor(t, "Which thinking traps are in that thought?", e2eWait)
	tm.Press("down", "space", "tab") // mind reading
	tm.WaitFor(t, "What else could explain this decision?", e2eWait)
	tm.Press("space", "down", "space", "tab") // an internal candidate, a hiring freeze
	tm.WaitFor(t, "What supports the thought?", e2eWait)
	tm.Type("I stumbled on the metrics question.")
	tm.Press("tab")
	stageEvidence := loadFlow(t).StageEvidence("final round")
	tm.WaitFor(t, "What does not fit it?", e2eWait)
	tm.WaitFor(t, stageEvidence, e2eWait) // offered from the stage reached
	tm.Press("tab")
	tm.WaitFor(t, "What would you tell a friend who got this email?", e2eWait)
	tm.Type("You got to the final round; that is real.")
	tm.Press("tab")
	tm.WaitFor(t, "A more balanced thought", e2eWait)
	tm.Type("I reached the final round; the decision had other reasons.")
	tm.Press("tab")
	tm.WaitFor(t, "How strongly do you believe the first thought now?", e2eWait)
	tm.Type("40")
	tm.Press("tab")

	// Get feedback: the details the intake no longer asks come first.
	tm.WaitFor(t, "Step 3 of 5 · Get feedback", e2eWait)
	tm.WaitFor(t, "Who interviewed you?", e2eWait)
	tm.Type("Ms Rivera")
	tm.Press("tab")
	tm.WaitFor(t, "How did the no come?", e2eWait)
	tm.Press("right") // from none to the first: email
	tm.WaitFor(t, "● email", e2eWait)
	tm.Press("tab")
	tm.WaitFor(t, "When it came", e2eWait)
	tm.Press("enter") // today, the default
	tm.WaitFor(t, "The message", e2eWait)
	const message = "We have decided not to move forward.\nWe wish you the best in your search."
	tm.Paste(message)
	tm.WaitFor(t, "We wish you the best in your search.", e2eWait)
	tm.Press("tab")
	tm.WaitFor(t, "One topic from your conversation", e2eWait) // asked at the final round
	tm.Type("the onboarding redesign")
	tm.Press("tab")
	tm.WaitFor(t, nameText, e2eWait)
	tm.Type("Sam Lee")
	tm.Press("enter")
	tm.WaitFor(t, "Hi Ms Rivera,", e2eWait)
	tm.Press("ctrl+y")
	copied := tm.waitClipboard(t, `containing "Thank you"`, func(c string) bool { return strings.Contains(c, "Thank you") })
	if c := words(copied); !strings.HasPrefix(copied, "Hi Ms Rivera,") || !strings.Contains(c, "how I handled the onboarding redesign") ||
		!strings.HasSuffix(c, "Best regards, Sam Lee") {
		t.Errorf("ctrl+y copied a draft not drafted from the intake, the topic and the name:\n%s", copied)
	}
	tm.Press("tab")
	tm.WaitFor(t, "Will you send it?", e2eWait)
	tm.Press("1", "enter") // yes
	tm.WaitFor(t, "When will you send it?", e2eWait)
	tm.Press("enter") // tomorrow, the default
	tm.WaitFor(t, "Follow up if there is no reply by", e2eWait)
	tm.Press("enter") // a week after sending, the default
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
	tm.Press("tab", "2", "enter", "left", "left", "enter") // a few; partly (none, then left twice from the end)
	tm.WaitFor(t, "Your skills that match the role", e2eWait)
	tm.Type("Figma")
	tm.Press("tab")

	tm.WaitFor(t, "Step 5 of 5 · Restart", e2eWait)
	tm.WaitFor(t, "In the next 24 hours", e2eWait)
	tm.Type("A long walk; save two job ads")
	tm.Press("tab")
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
	tm.WaitFor(t, "If I get another rejection, then I will", e2eWait)
	tm.Type("call Sam and take the evening off")
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
			strings.Contains(s, "4/10 (flat) → 6/10 (lighter)") &&
			strings.Contains(s, "80% → 40%") && strings.Contains(s, "Saved to")
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
		{"step_back.free_write", s.Answers["step_back.free_write"].Text, "It stings, and I am tired."},
		{"not_personal.thought", s.Answers["not_personal.thought"].Text, "I'm not good enough."},
		{"not_personal.belief_before (percent)", s.Answers["not_personal.belief_before"].Text, "80"},
		{"not_personal.traps (checklist)", s.Answers["not_personal.traps"].Items, []string{"Mind reading"}},
		{"not_personal.explanations (checklist)", s.Answers["not_personal.explanations"].Items,
			[]string{"An internal candidate", "A hiring freeze"}},
		{"not_personal.evidence_for", s.Answers["not_personal.evidence_for"].Items,
			[]string{"I stumbled on the metrics question."}},
		{"not_personal.evidence_against (the stage, as offered)", s.Answers["not_personal.evidence_against"].Items,
			[]string{stageEvidence}},
		{"not_personal.friend", s.Answers["not_personal.friend"].Text, "You got to the final round; that is real."},
		{"not_personal.balanced", s.Answers["not_personal.balanced"].Text,
			"I reached the final round; the decision had other reasons."},
		{"not_personal.belief_after (percent)", s.Answers["not_personal.belief_after"].Text, "40"},
		{"feedback.topic", s.Answers["feedback.topic"].Text, "the onboarding redesign"},
		{"feedback.went_well (list, a line an item)", s.Answers["feedback.went_well"].Items,
			[]string{"Clear walkthrough", "Good rapport"}},
		{"feedback.do_better", s.Answers["feedback.do_better"].Items, []string{"Quantify impact"}},
		{"reflect.questions (list)", s.Answers["reflect.questions"].Items,
			[]string{"Tell me about a conflict", "Why this company?"}},
		{"reflect.unprepared", s.Answers["reflect.unprepared"].Text, "Metrics"},
		{"reflect.own_questions (choice)", s.Answers["reflect.own_questions"].Text, "a few"},
		{"reflect.research (choice)", s.Answers["reflect.research"].Text, "partly"},
		{"reflect.skills", s.Answers["reflect.skills"].Items, []string{"Figma"}},
		{"restart.next_day", s.Answers["restart.next_day"].Text, "A long walk; save two job ads"},
		{"restart.target", s.Answers["restart.target"].Items, []string{"Senior product designer"}},
		{"restart.stop", s.Answers["restart.stop"].Items, []string{"Visual-only roles"}},
		{"restart.support", s.Answers["restart.support"].Items, []string{"Sam"}},
		{"restart.if_then", s.Answers["restart.if_then"].Text, "call Sam and take the evening off"},
		{"depth (the whole session stores none)", s.Depth, ""},
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
	if data, err := os.ReadFile(path); err != nil || strings.Contains(string(data), `"depth"`) {
		t.Errorf("the whole session's file has a depth member (%v):\n%s", err, data)
	}
	checkDate(t, "intake.rejected_on (default today)", s.Intake.RejectedOn, 0, before, after)
	// The send date now defaults to tomorrow, after a night's sleep, and the
	// follow-up to a week after the send date.
	checkDate(t, "feedback_request.send_on (default tomorrow)", s.Feedback.SendOn, 1, before, after)
	checkDate(t, "feedback_request.follow_up_on (default a week after send_on)", s.Feedback.FollowUpOn, 8, before, after)
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

// The answers the ten-minute tests give, as a data engineer turned down
// after a first interview at Contoso might.
const (
	tenWord     = "shaky"
	tenCompany  = "Contoso"
	tenRole     = "Data engineer"
	tenThought  = "I froze on the system design question, so they think I can't do the job."
	tenFriend   = "You got through two rounds; one hard question doesn't cancel that."
	tenQuestion = "Design a pipeline that handles late-arriving events"
	tenSigner   = "Priya Natarajan"
	tenNextDay  = "Cook a proper dinner; update my CV with the streaming project"
)

// pace is how fast a scripted session goes. The zero pace sends each answer
// as soon as its screen shows; TestMeasureTenMinuteByHand reads each screen
// for read and spends perKey on each character typed and key pressed, as a
// person would. It counts both, for the measurement's log.
type pace struct {
	read, perKey  time.Duration
	screens, keys int
}

// reading is the time spent on a screen before the first key.
func (p *pace) reading() {
	p.screens++
	time.Sleep(p.read)
}

// typeAt types s: in one write at the zero pace, else a character at a time.
func (tm *term) typeAt(p *pace, s string) {
	tm.t.Helper()
	p.keys += len([]rune(s))
	if p.perKey == 0 {
		tm.Type(s)
		return
	}
	for _, r := range s {
		time.Sleep(p.perKey)
		tm.Type(string(r))
	}
}

// pressAt presses keys one after another at the pace.
func (tm *term) pressAt(p *pace, keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		p.keys++
		time.Sleep(p.perKey)
		tm.Press(k)
	}
}

// walkTenMinutes answers the short path from the check-in of a new session
// to its summary at pace p, tabbing through with the ten* answers. It
// returns the prompts it passed, when the check-in showed, and how long
// from then to the summary.
func (tm *term) walkTenMinutes(t *testing.T, p *pace) (passed []string, before time.Time, elapsed time.Duration) {
	t.Helper()
	tm.WaitFor(t, checkInText, e2eWait)
	before = time.Now()

	// Each prompt of the path: what shows it focused, then its answer. The
	// next prompt's wait is what checks the answer went in and nothing came
	// between.
	type prompt struct {
		id     string
		shown  func(screen string) bool
		answer func()
	}
	on := func(label string) func(string) bool {
		return func(s string) bool { return strings.Contains(s, label) }
	}
	field := func(label string) func(string) bool { // a field of the intake form
		return func(s string) bool { return hasLine(s, "› "+label) }
	}
	typed := func(text, then string) func() {
		return func() {
			tm.typeAt(p, text)
			tm.pressAt(p, then)
		}
	}
	steps := []prompt{
		{"mood.before", on(checkInText), func() {
			tm.pressAt(p, "6")
			tm.typeAt(p, tenWord)
			tm.WaitUntil(t, "score 6 and the word", e2eWait, func(s string) bool {
				return strings.Contains(s, "[6]") && strings.Contains(s, "Word: "+tenWord)
			})
			tm.pressAt(p, "enter")
			// Not a prompt: the depth choice, with the cursor on ten
			// minutes for a new session; enter takes it.
			tm.WaitUntil(t, "the depth choice on ten minutes", e2eWait, func(s string) bool {
				return strings.Contains(s, depthText) && hasLine(s, "›", "●", "Ten minutes now") &&
					hasLine(s, "○", "The whole session") && !strings.Contains(s, lowMoodTitle)
			})
			p.reading()
			tm.pressAt(p, "enter")
		}},
		{"intake.company", field("Company"), typed(tenCompany, "tab")},
		{"intake.role", field("Role"), typed(tenRole, "tab")},
		{"intake.stage", field("Stage reached"), func() {
			tm.pressAt(p, "2") // first interview
			tm.WaitFor(t, "● first interview", e2eWait)
			tm.pressAt(p, "tab")
		}},
		{"step_back.outside", on("Which parts of this decision were outside your control?"), func() {
			tm.pressAt(p, "down", "space", "down", "down", "down", "space", "tab") // other candidates; timing
		}},
		{"not_personal.thought", on("The thought that hurts most"), typed(tenThought, "tab")},
		{"not_personal.traps", on("Which thinking traps are in that thought?"), func() {
			tm.pressAt(p, "down", "space", "down", "space", "tab") // mind reading; fortune telling
		}},
		{"not_personal.friend", on("What would you tell a friend who got this email?"), func() {
			typed(tenFriend, "tab")()
			// Not a prompt: whose name signs the letter, asked once ever.
			tm.WaitFor(t, nameText, e2eWait)
			p.reading()
			tm.typeAt(p, tenSigner)
			tm.pressAt(p, "enter")
		}},
		{"feedback.draft", on("Your feedback request"), func() {
			tm.WaitFor(t, "Thank you for letting me know", e2eWait)
			tm.pressAt(p, "tab") // the draft as offered
		}},
		{"feedback.send_on", on("When will you send it?"), func() {
			tm.WaitFor(t, day(before, 1), e2eWait) // tomorrow, offered
			tm.pressAt(p, "enter")
		}},
		{"reflect.questions", on("Questions that threw you"), typed(tenQuestion, "tab")},
		{"restart.next_day", on("In the next 24 hours"), typed(tenNextDay, "tab")},
	}
	for _, s := range steps {
		tm.WaitUntil(t, s.id+" asked", e2eWait, s.shown)
		p.reading()
		s.answer()
		passed = append(passed, s.id)
	}
	tm.WaitUntil(t, "the summary, saved", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Summary") && strings.Contains(s, tenRole+" at "+tenCompany) &&
			strings.Contains(s, "6/10 ("+tenWord+")") && strings.Contains(s, "Saved to")
	})
	return passed, before, time.Since(before)
}

// checkTenMinuteFile waits for the one session file in dataDir to be
// complete and checks it holds walkTenMinutes's answers and nothing the
// short path does not ask. It returns the file, decoded and as saved.
func checkTenMinuteFile(t *testing.T, flow *content.Flow, dataDir string, before time.Time) (*savedSession, []byte) {
	t.Helper()
	s, path := waitSession(t, dataDir, `status is "complete"`, func(s *savedSession) bool { return s.Status == "complete" })
	after := time.Now()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		what      string
		got, want any
	}{
		{"depth", s.Depth, "ten_minutes"},
		{"status", s.Status, "complete"},
		{"mood_before", fmt.Sprint(s.MoodBefore), fmt.Sprint(&savedMood{6, tenWord})},
		{"intake.company", s.Intake.Company, tenCompany},
		{"intake.role", s.Intake.Role, tenRole},
		{"intake.stage", s.Intake.Stage, "first interview"},
		{"step_back.outside", s.Answers["step_back.outside"].Items,
			[]string{"Other candidates were just as qualified", "Timing: budget, plans or priorities"}},
		{"not_personal.thought", s.Answers["not_personal.thought"].Text, tenThought},
		{"not_personal.traps", s.Answers["not_personal.traps"].Items, []string{"Mind reading", "Fortune telling"}},
		{"not_personal.friend", s.Answers["not_personal.friend"].Text, tenFriend},
		{"reflect.questions", s.Answers["reflect.questions"].Items, []string{tenQuestion}},
		{"restart.next_day", s.Answers["restart.next_day"].Text, tenNextDay},
		// Asked by the whole session only: nothing recorded.
		{"intake.interviewer", s.Intake.Interviewer, ""},
		{"intake.channel", s.Intake.Channel, ""},
		{"intake.rejected_on", s.Intake.RejectedOn, ""},
		{"intake.message", s.Intake.Message, ""},
		{"mood_after", s.MoodAfter, (*savedMood)(nil)},
		{"feedback_request.send", s.Feedback.Send, ""},
		{"feedback_request.follow_up_on", s.Feedback.FollowUpOn, ""},
		{"actions", len(s.Actions), 0},
		{"drafts left", len(s.Drafts), 0},
	}
	for _, c := range checks {
		if fmt.Sprintf("%#v", c.got) != fmt.Sprintf("%#v", c.want) {
			t.Errorf("%s = %#v, want %#v", c.what, c.got, c.want)
		}
	}
	if d := words(s.Feedback.Draft); !strings.Contains(d, "Thank you") || !strings.Contains(d, tenRole+" role at "+tenCompany) ||
		!strings.HasSuffix(d, "Best regards, "+tenSigner) {
		t.Errorf("feedback_request.draft is not the draft offered for %s at %s, signed by %s:\n%s", tenRole, tenCompany, tenSigner, s.Feedback.Draft)
	}
	if set, err := os.ReadFile(filepath.Join(dataDir, "settings.json")); err != nil || !strings.Contains(string(set), `"name": "`+tenSigner+`"`) {
		t.Errorf("settings.json does not keep the name: %s, %v", set, err)
	}
	checkDate(t, "feedback_request.send_on (default tomorrow)", s.Feedback.SendOn, 1, before, after)
	for id := range s.Answers {
		if !slices.Contains(flow.TenMinutes, id) {
			t.Errorf("answers holds %s, which the short path does not ask: %+v", id, s.Answers[id])
		}
	}
	if strings.Contains(string(data), "closure_on") {
		t.Errorf("the file has a closure date the short path does not ask:\n%s", data)
	}
	if t.Failed() {
		t.Logf("%s:\n%s", path, data)
	}
	return s, data
}

// TestE2ETenMinuteSession walks the short path at 80x24 from `rebound new`
// with the default depth, answering each prompt as someone might, and
// checks the file holds the short path's answers and nothing else. It logs
// how many prompts it passed and how long the scripted run took, the
// README's figures for the ten-minute path; it asserts nothing about time:
//
//	go test -run TestE2ETenMinuteSession -v .
func TestE2ETenMinuteSession(t *testing.T) {
	dataDir := t.TempDir()
	flow := loadFlow(t)
	tm := startApp(t, 80, 24, dataDir, "new")
	passed, before, elapsed := tm.walkTenMinutes(t, &pace{})

	if !slices.Equal(passed, flow.TenMinutes) {
		t.Errorf("the script passed %q,\nthe short path is %q", passed, flow.TenMinutes)
	}
	if len(passed) > content.MaxTenMinutes {
		t.Errorf("%d prompts on the short path, more than its most, %d", len(passed), content.MaxTenMinutes)
	}
	t.Logf("ten minutes now: %d prompts from the check-in to the summary; scripted run %v (keys sent as soon as each screen shows: no reading or typing time)", len(passed), elapsed.Round(time.Millisecond))
	checkTenMinuteFile(t, flow, dataDir, before)
}

// TestMeasureTenMinuteByHand walks the short path as TestE2ETenMinuteSession
// does, but at a person's pace: each screen read for a while before the
// first key (REBOUND_READ, a Go duration, 2s unless set), then every
// character and key at REBOUND_CPS a second (5 unless set). It logs the
// time from the check-in to the summary, the README's "ten minutes" put to
// the test with short realistic answers, and asserts nothing about it:
//
//	REBOUND_MEASURE=1 go test -run TestMeasureTenMinuteByHand -v .
//	REBOUND_MEASURE=1 REBOUND_CPS=3 REBOUND_READ=5s go test -run TestMeasureTenMinuteByHand -v .
func TestMeasureTenMinuteByHand(t *testing.T) {
	if os.Getenv("REBOUND_MEASURE") != "1" {
		t.Skip("set REBOUND_MEASURE=1 to walk the ten-minute session at a person's pace")
	}
	p := &pace{read: 2 * time.Second, perKey: 200 * time.Millisecond}
	if v := os.Getenv("REBOUND_READ"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			t.Fatalf("REBOUND_READ=%q: want a duration such as 2s", v)
		}
		p.read = d
	}
	cps := 5.0
	if v := os.Getenv("REBOUND_CPS"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 {
			t.Fatalf("REBOUND_CPS=%q: want characters a second, such as 5", v)
		}
		cps = f
	}
	p.perKey = time.Duration(float64(time.Second) / cps)

	dataDir := t.TempDir()
	flow := loadFlow(t)
	tm := startApp(t, 80, 24, dataDir, "new")
	passed, before, elapsed := tm.walkTenMinutes(t, p)
	checkTenMinuteFile(t, flow, dataDir, before)
	reading, typing := time.Duration(p.screens)*p.read, time.Duration(p.keys)*p.perKey
	t.Logf("ten minutes now by hand: %v from the check-in to the summary over %d prompts; "+
		"%d screens read for %v each (%v), %d characters and keys at %g a second (%v), the app and the waits the rest (%v)",
		elapsed.Round(100*time.Millisecond), len(passed), p.screens, p.read, reading,
		p.keys, cps, typing.Round(100*time.Millisecond), (elapsed - reading - typing).Round(10*time.Millisecond))
}

// The rest's first prompts as TestE2EGoDeeper answers them: two lines of
// the bigger picture, a free write, a belief; it quits on the fourth.
const (
	deeperBigger = "Two other applications are still open.\nMy old manager offered to refer me."
	deeperFree   = "It stings. I wanted this one, and I am tired of starting again."
	deeperQuitOn = "What else could explain this decision?"
)

// TestE2EGoDeeper is issue 14's second half: a ten-minute session tabbed
// through and its file checked, then the rest of it taken up, from home on
// the next run and with r on the summary. Either way the rest fills the
// same file, asks only what the ten minutes skipped, keeps the ten-minute
// answers as they were, and once left halfway is a session to resume, not
// a second offer to go deeper.
func TestE2EGoDeeper(t *testing.T) {
	flow := loadFlow(t)
	answered := []string{"step_back.bigger_picture", "step_back.free_write", "not_personal.belief_before"}
	if rest := flow.Path(content.Rest); len(rest) < 4 || !slices.Equal(rest[:3], answered) || rest[3] != "not_personal.explanations" {
		t.Fatalf("the rest begins %q; this test answers %q and quits on not_personal.explanations", rest[:min(4, len(rest))], answered)
	}
	title := tenRole + " at " + tenCompany

	t.Run("from home", func(t *testing.T) {
		dataDir := t.TempDir()
		tm := startApp(t, 80, 24, dataDir, "new")
		_, before, _ := tm.walkTenMinutes(t, &pace{})
		ten, tenData := checkTenMinuteFile(t, flow, dataDir, before)
		left := restLeft(t, flow, dataDir, ten.ID)
		tm.Press("q")
		tm.expectExit(t, "q on the summary", 0)

		// rebound with no subcommand opens home, which offers the rest.
		tm = startApp(t, 80, 24, dataDir)
		tm.WaitFor(t, firstFrameText, e2eWait)
		tm.WaitUntil(t, "home offering to go deeper", e2eWait, func(s string) bool {
			// At 80 columns the description is cut after "more quest".
			return hasLine(s, "Go deeper: "+title, fmt.Sprintf("The rest of this session: %d more", left))
		})
		if s := tm.Screen(); strings.Contains(s, "Resume:") {
			t.Errorf("home offers to resume a complete session:\n%s", frame(s))
		}
		tm.chooseOnHome(t, "Go deeper: "+title)
		tm.Press("enter")
		tm.answerRest(t)
		tm.Press("ctrl+c")
		tm.expectExit(t, "ctrl+c halfway through the rest", 0)
		s, data := checkDeeperFile(t, dataDir, ten, tenData)

		// Left halfway, the session is one to resume where it stopped.
		tm = startApp(t, 80, 24, dataDir)
		tm.WaitFor(t, firstFrameText, e2eWait)
		tm.WaitUntil(t, "home offering to resume", e2eWait, func(s string) bool {
			return hasLine(s, "Resume: "+title, "step 2 of 5, Don't take")
		})
		if s := tm.Screen(); strings.Contains(s, "Go deeper:") {
			t.Errorf("home offers to go deeper into a session already taken up:\n%s", frame(s))
		}
		tm.chooseOnHome(t, "Resume: "+title)
		tm.Press("enter")
		tm.WaitUntil(t, "the rest resumed where it stopped", e2eWait, func(s string) bool {
			return strings.Contains(s, "Step 2 of 5 · Don't take it personally") && strings.Contains(s, deeperQuitOn)
		})
		tm.Press("ctrl+c")
		tm.expectExit(t, "ctrl+c on resuming", 0)
		if again, path, _, err := loadSession(dataDir); err != nil {
			t.Error(err)
		} else if again.ID != s.ID || again.Status != "in_progress" || again.Depth != "rest" || again.Position != "not_personal.explanations" {
			t.Errorf("after resuming and quitting: id %s, status %q, depth %q, position %q; want %s, in_progress, rest, not_personal.explanations; %s:\n%s",
				again.ID, again.Status, again.Depth, again.Position, s.ID, path, data)
		}
	})

	t.Run("r on the summary", func(t *testing.T) {
		dataDir := t.TempDir()
		tm := startApp(t, 80, 24, dataDir, "new")
		_, before, _ := tm.walkTenMinutes(t, &pace{})
		ten, tenData := checkTenMinuteFile(t, flow, dataDir, before)
		left := restLeft(t, flow, dataDir, ten.ID)
		tm.WaitUntil(t, "the summary offering the rest", e2eWait, func(s string) bool {
			return strings.Contains(words(s), "The rest of this session is here when you want it: "+fmt.Sprint(left)+" more questions") &&
				strings.Contains(s, "r go deeper")
		})
		tm.Press("r")
		tm.answerRest(t)
		tm.Press("ctrl+c")
		tm.expectExit(t, "ctrl+c halfway through the rest", 0)
		checkDeeperFile(t, dataDir, ten, tenData)
	})
}

// restLeft is how many prompts the rest of session id offers, by the
// coach's count; the screens must say the same.
func restLeft(t *testing.T, flow *content.Flow, dataDir, id string) int {
	t.Helper()
	s, err := coach.NewStore(dataDir).Load(id)
	if err != nil {
		t.Fatal(err)
	}
	n := len(coach.Unanswered(flow, s, content.Rest))
	if n < 4 {
		t.Fatalf("the rest offers %d prompts, fewer than this test answers", n)
	}
	return n
}

// answerRest answers the first three prompts of the rest, just opened, and
// waits on the fourth. Each wait checks the one before went on to the next
// prompt the rest asks: the ten-minute traps between the belief and the
// explanations are passed over.
func (tm *term) answerRest(t *testing.T) {
	t.Helper()
	tm.WaitUntil(t, "the rest opened on the bigger picture", e2eWait, func(s string) bool {
		return strings.Contains(s, "Step 1 of 5 · Step back") && strings.Contains(s, "Zoom out: what is still true")
	})
	line1, line2, _ := strings.Cut(deeperBigger, "\n")
	tm.Type(line1)
	tm.Press("enter")
	tm.Type(line2)
	tm.WaitFor(t, line2, e2eWait)
	tm.Press("tab")
	tm.WaitFor(t, "Write for ten minutes about what this means to you", e2eWait)
	tm.Type(deeperFree)
	tm.Press("tab")
	tm.WaitFor(t, "How strongly do you believe it, right now?", e2eWait)
	tm.Type("70")
	tm.Press("tab")
	tm.WaitFor(t, deeperQuitOn, e2eWait)
}

// checkDeeperFile checks the one session file in dataDir after answerRest
// and a quit: the ten-minute session's file, ten and tenData, taken up
// again at depth "rest" and in progress, its ten-minute answers and
// details byte for byte as they were, the rest's answers added.
func checkDeeperFile(t *testing.T, dataDir string, ten *savedSession, tenData []byte) (*savedSession, []byte) {
	t.Helper()
	s, path := waitSession(t, dataDir, "the rest's belief is saved", func(s *savedSession) bool {
		return s.Answers["not_personal.belief_before"].Text == "70"
	})
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if t.Failed() {
			t.Logf("%s before going deeper:\n%s\nafter:\n%s", path, tenData, data)
		}
	}()
	if s.ID != ten.ID || filepath.Base(path) != ten.ID+".json" {
		t.Errorf("the rest is in %s, id %s; the ten minutes were id %s", path, s.ID, ten.ID)
	}
	checks := []struct {
		what      string
		got, want any
	}{
		{"status", s.Status, "in_progress"},
		{"depth", s.Depth, "rest"},
		{"position", s.Position, "not_personal.explanations"},
		{"step_back.bigger_picture", s.Answers["step_back.bigger_picture"].Text, deeperBigger},
		{"step_back.free_write", s.Answers["step_back.free_write"].Text, deeperFree},
		{"not_personal.belief_before (percent)", s.Answers["not_personal.belief_before"].Text, "70"},
		{"answers", len(s.Answers), len(ten.Answers) + 3},
		{"drafts", len(s.Drafts), 0},
		{"mood_after", s.MoodAfter, (*savedMood)(nil)},
	}
	for _, c := range checks {
		if fmt.Sprintf("%#v", c.got) != fmt.Sprintf("%#v", c.want) {
			t.Errorf("%s = %#v, want %#v", c.what, c.got, c.want)
		}
	}
	// What the ten minutes saved is untouched, compared as JSON values.
	members := func(data []byte) (top, answers map[string]json.RawMessage) {
		t.Helper()
		if err := json.Unmarshal(data, &top); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(top["answers"], &answers); err != nil {
			t.Fatal(err)
		}
		return top, answers
	}
	same := func(a, b json.RawMessage) bool {
		var ca, cb bytes.Buffer
		return json.Compact(&ca, a) == nil && json.Compact(&cb, b) == nil && bytes.Equal(ca.Bytes(), cb.Bytes())
	}
	wasTop, wasAnswers := members(tenData)
	top, answers := members(data)
	for _, name := range []string{"schema_version", "id", "created_at", "intake", "mood_before", "feedback_request", "actions"} {
		if !same(wasTop[name], top[name]) {
			t.Errorf("%s changed going deeper: %s, was %s", name, top[name], wasTop[name])
		}
	}
	for id, was := range wasAnswers {
		if !same(was, answers[id]) {
			t.Errorf("ten-minute answer %s changed going deeper: %s, was %s", id, answers[id], was)
		}
	}
	return s, data
}

// TestE2ELowMoodNote checks in at low scores and one just above: at 3 or
// under the note comes before the depth choice, and each key that goes on
// goes on from it; at 4 the depth choice comes straight away.
func TestE2ELowMoodNote(t *testing.T) {
	note := content.LowMood()
	first, _, _ := strings.Cut(note, ". ") // that it is a hard moment
	safety := note[strings.LastIndex(note, ". ")+2:]
	if first == note || !strings.Contains(safety, "unsafe") {
		t.Fatalf("the note no longer reads as this test expects, a first sentence and a last about feeling unsafe:\n%s", note)
	}
	for _, c := range []struct {
		score int
		note  bool
		goOn  string // the key pressed on the note
	}{
		{1, true, "enter"},
		{2, true, "tab"},
		{3, true, "space"},
		{4, false, ""},
	} {
		t.Run(fmt.Sprint(c.score), func(t *testing.T) {
			dataDir := t.TempDir()
			tm := startApp(t, 80, 24, dataDir, "new")
			tm.checkIn(t, c.score, "")
			if c.note {
				tm.WaitUntil(t, "the low-mood note", e2eWait, func(s string) bool {
					return strings.Contains(s, "rebound · Check in") && strings.Contains(s, lowMoodTitle) &&
						strings.Contains(words(s), first) && strings.Contains(words(s), safety)
				})
				if strings.Contains(tm.Screen(), depthText) {
					t.Errorf("the depth choice is drawn with the note:\n%s", frame(tm.Screen()))
				}
				tm.Press(c.goOn)
			}
			tm.WaitFor(t, depthText, e2eWait)
			if s := tm.Screen(); strings.Contains(s, lowMoodTitle) || strings.Contains(words(s), first) {
				t.Errorf("check-in %d: the depth choice shows the note:\n%s", c.score, frame(s))
			}
			waitSession(t, dataDir, fmt.Sprintf("mood_before is %d", c.score), func(s *savedSession) bool {
				return s.MoodBefore != nil && s.MoodBefore.Score == c.score
			})
			tm.Press("ctrl+c")
			tm.expectExit(t, "ctrl+c", 0)
		})
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
	tm.checkIn(t, 3, "tired")
	tm.WaitFor(t, lowMoodTitle, e2eWait) // 3 is low: the note first
	tm.Press("enter")
	tm.chooseDepth(t, true)
	tm.WaitFor(t, "rebound · What happened", e2eWait)
	tm.Type("Acme")
	tm.Press("tab")
	tm.Type("Backend engineer")
	tm.Press("tab", "2") // first interview
	tm.WaitFor(t, "● first interview", e2eWait)
	tm.Press("tab")
	tm.WaitFor(t, "Step 1 of 5 · Step back", e2eWait)
	tm.Press("down", "down", "space", "tab") // the interviewer's gut feeling
	tm.WaitFor(t, "Zoom out: what is still true", e2eWait)
	tm.Type("Two more interviews next week.")
	tm.Press("tab")
	tm.WaitFor(t, "Write for ten minutes", e2eWait)
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
			{"mood_before", fmt.Sprint(s.MoodBefore), fmt.Sprint(&savedMood{3, "tired"})},
			{"step_back.outside", s.Answers["step_back.outside"].Items, []string{"The interviewer went with a gut feeling"}},
			{"step_back.bigger_picture", s.Answers["step_back.bigger_picture"].Text, "Two more interviews next week."},
		}
		for _, c := range checks {
			if fmt.Sprintf("%#v", c.got) != fmt.Sprintf("%#v", c.want) {
				t.Errorf("%s: %s = %#v, want %#v", when, c.what, c.got, c.want)
			}
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
	tm.WaitFor(t, "How strongly do you believe it, right now?", e2eWait)
	const whole = half + "und."
	s, _ = waitSession(t, dataDir, "the finished answer is saved", func(s *savedSession) bool {
		return s.Answers["not_personal.thought"].Text == whole
	})
	if d, ok := s.Drafts["not_personal.thought"]; ok {
		t.Errorf("after tab the draft is still kept: %+v", d)
	}
	if s.ID != id || s.Position != "not_personal.belief_before" {
		t.Errorf("resumed session: id %q, position %q; want %q at not_personal.belief_before", s.ID, s.Position, id)
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
	tm.beginWhole(t)

	// Set the clipboard to "hello", clear the screen, set the title to "pwned".
	const hostile = "\x1b]52;c;aGVsbG8=\x07 and \x1b[2J and \x1b]0;pwned\x07"
	tm.Paste(hostile)
	tm.Press("tab")
	tm.WaitFor(t, "› Role", e2eWait) // the paste, then the tab, were handled

	// Obeyed, the sequences would have cleared the screen and set the
	// clipboard and the title; shown, they read as ␛ and ␇ stand-ins.
	screen := tm.Screen()
	for _, want := range []string{"rebound · What happened", "Three details, all optional", "␛]52;c;aGVsbG8=␇ and ␛[2J and ␛]0;pwned␇"} {
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
			tm.checkIn(t, 5, "")
			tm.chooseDepth(t, true)
			tm.WaitFor(t, "rebound · What happened", e2eWait)
			tm.Type("Globex")
			tm.Press("tab")
			tm.Type("Analyst")
			tm.Press("tab")
			tm.WaitFor(t, "› Stage reached", e2eWait)
			tm.Press("tab")

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
	tm.beginWhole(t)
	tm.Type("Pied Piper")
	tm.Press("tab")
	tm.Type("Half a role") // unfinished: a draft
	tm.WaitFor(t, "Half a role", 5*time.Second)
	tm.Press("ctrl+c")
	code, err := tm.Wait(10 * time.Second)
	if err != nil || code != 1 {
		t.Fatalf("exit %d, %v; want 1", code, err)
	}
	tm.WaitFor(t, "Pied Piper", 5*time.Second) // printed after the alt screen closed
	tm.WaitUntil(t, "the unfinished answer in the hand-over", 5*time.Second, func(s string) bool {
		return strings.Contains(s, "Unfinished answers") && strings.Count(s, "Half a role") >= 1 && !tm.AltScreen()
	})
}

// TestE2EPlainHandOverKeepsTheUnfinishedAnswer: in plain mode with nowhere
// to save, the input ends inside a long answer; what was typed of it is in
// the hand-over.
func TestE2EPlainHandOverKeepsTheUnfinishedAnswer(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binPath, "--plain", "--data-dir", filepath.Join(file, "data"), "new")
	cmd.Env = append(terminalEnv(), "HOME="+t.TempDir())
	cmd.Stdin = strings.NewReader("\n\nGlobex\nAnalyst\n\n\n\nWe have decided\nnot to move forward") // the check-in, the depth (ten minutes), the intake, the first checklist and its own line, then a long answer cut off
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(e2eWait, func() { _ = cmd.Process.Kill() })
	err := cmd.Wait()
	timer.Stop()
	if cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("exit %v, want 1; stderr %q", err, errOut.String())
	}
	handOver := out.String()[max(0, strings.LastIndex(out.String(), "# Analyst at Globex")):]
	for _, want := range []string{"Unfinished answers", "We have decided", "not to move forward"} {
		if !strings.Contains(handOver, want) {
			t.Errorf("the hand-over misses %q:\n%s", want, handOver)
		}
	}
}

// TestE2ESignalsSaveTheUnfinishedAnswer: a kill or a closed terminal right
// after typing, before the draft timer fires, still keeps what was typed.
func TestE2ESignalsSaveTheUnfinishedAnswer(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			tm := startApp(t, 80, 24, dir, "new")
			tm.beginWhole(t)
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

// TestMeasureListJSON measures `rebound list --json` over 10,000 sessions,
// the README's scale figure: one cold run, which reads every file and
// builds the index, then seven warm runs that read the index, then a run
// after one session changed (its file is read and its shard of the index
// rewritten). It logs wall time and peak RSS and asserts nothing about
// them. The cold run waits out the index's racy window first (a file
// changed within 2 s of a build is read again by the next run), so that
// the warm runs are all warm.
//
// With REBOUND_BEFORE set to another build of rebound (an older commit),
// that binary is measured too, on its own copy of the same sessions, each
// run in turn with this build's, so that a busy machine weighs on both
// alike.
//
// Linux counts the peak RSS of the process that starts a program into the
// program's own (Go starts it with vfork: they share memory until the
// exec), so this test keeps its own small: the sessions are generated and
// written by a child process (this test again, with REBOUND_MEASURE_WRITE
// set), and the output goes to a file, read a line at a time. Ten thousand
// sessions held here, and the output in a buffer, were most of the figure
// before. The test logs its own peak, which no figure can be below.
//
//	REBOUND_MEASURE=1 go test -run TestMeasureListJSON -v .
func TestMeasureListJSON(t *testing.T) {
	const n = 10_000
	if dir := os.Getenv("REBOUND_MEASURE_WRITE"); dir != "" {
		if err := coachtest.Write(coach.NewStore(dir), coachtest.Generate(n, 1, time.Now())); err != nil {
			t.Fatal(err)
		}
		return
	}
	if os.Getenv("REBOUND_MEASURE") != "1" {
		t.Skip("set REBOUND_MEASURE=1 to measure list --json over 10,000 sessions")
	}
	type build struct {
		name, bin, dir string
		times          []time.Duration
		peak           int64
	}
	builds := []*build{{name: "this build", bin: binPath}}
	if before := os.Getenv("REBOUND_BEFORE"); before != "" {
		builds = append(builds, &build{name: "before (" + before + ")", bin: before})
	}
	for _, b := range builds {
		b.dir = t.TempDir()
		write := exec.Command(os.Args[0], "-test.run=^TestMeasureListJSON$")
		write.Env = append(os.Environ(), "REBOUND_MEASURE_WRITE="+b.dir)
		if out, err := write.CombinedOutput(); err != nil {
			t.Fatalf("writing the sessions: %v\n%s", err, out)
		}
	}
	outPath := filepath.Join(t.TempDir(), "list.json")
	list := func(b *build) (time.Duration, int64) {
		t.Helper()
		out, err := os.Create(outPath) // not held here: see above
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		cmd := exec.Command(b.bin, "list", "--json", "--data-dir", b.dir)
		var errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = out, &errOut
		start := time.Now()
		err = cmd.Run()
		took := time.Since(start)
		if err != nil {
			t.Fatalf("%s list --json: %v\n%s", b.bin, err, errOut.String())
		}
		if _, err := out.Seek(0, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		got := 0
		for lines := bufio.NewScanner(out); lines.Scan(); {
			if bytes.Contains(lines.Bytes(), []byte(`"short_id"`)) {
				got++
			}
		}
		if got != n {
			t.Fatalf("%s listed %d sessions, want %d", b.bin, got, n)
		}
		return took, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KB on Linux
	}
	time.Sleep(2100 * time.Millisecond)
	for _, b := range builds {
		cold, coldRSS := list(b)
		t.Logf("%s: cold (reads %d files, builds the index): %v, peak RSS %d KB", b.name, n, ms(cold), coldRSS)
	}
	for range 7 {
		for _, b := range builds {
			took, rss := list(b)
			b.times = append(b.times, took)
			b.peak = max(b.peak, rss)
		}
	}
	for _, b := range builds {
		slices.Sort(b.times)
		t.Logf("%s: warm (reads the index), 7 runs: median %v (min %v, max %v), peak RSS %d KB",
			b.name, ms(b.times[3]), ms(b.times[0]), ms(b.times[6]), b.peak)
	}

	for _, b := range builds {
		store := coach.NewStore(b.dir)
		ids, err := store.IDs()
		if err != nil || len(ids) != n {
			t.Fatalf("IDs: %d, %v", len(ids), err)
		}
		s, err := store.Load(ids[n/2])
		if err != nil {
			t.Fatal(err)
		}
		s.SetOutcome(coach.Sent, time.Now())
		if err := store.Overwrite(s); err != nil {
			t.Fatal(err)
		}
		took, rss := list(b)
		t.Logf("%s: after one session changed: %v, peak RSS %d KB", b.name, ms(took), rss)
	}
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for line := range strings.Lines(string(status)) {
			if strings.HasPrefix(line, "VmHWM:") {
				t.Logf("this test's own peak RSS, under every figure above: %s", strings.Join(strings.Fields(line)[1:], " "))
			}
		}
	}
}

// The tests below look back at past sessions: Past sessions in the app and
// the command line, over session files written with the store as earlier
// runs of rebound would have left them.

// The fixed IDs of the sessions writePastSessions stores. No two start with
// the same seven characters, so those are their short IDs.
const (
	northID  = "4e0a7f1c9b2d3e5f" // complete; a feedback follow-up and an action overdue
	acmeID   = "a2c4e6f8a0b2c4d6" // complete; nothing due
	globexID = "6b1d3f5a7c9e0b2d" // unfinished, the most recently touched
)

// writePastSessions stores three sessions in dataDir, dated from now:
//
//   - Northwind (northID), complete, ten days old: a feedback request sent
//     ten days ago with a follow-up due three days ago and no outcome, an
//     action due two days ago and one due in five days; "portfolio" is in
//     its answers and "Rivera" (the interviewer) in its intake.
//   - Acme Robotics (acmeID), complete, four days old, nothing due.
//   - Globex (globexID), unfinished, a day old; "portfolio" is in an answer.
func writePastSessions(t *testing.T, dataDir string, now time.Time) {
	t.Helper()
	at := func(days int) time.Time { return now.AddDate(0, 0, days) }

	north := coach.NewSession(at(-10))
	north.ID = northID
	north.Status, north.Position = coach.Complete, coach.PromptMoodAfter
	north.Intake = coach.Intake{Company: "Northwind", Role: "Product designer", Interviewer: "Ms Rivera",
		Stage: "final round", RejectedOn: day(now, -10), Channel: "email",
		Message: "We have decided not to move forward."}
	north.MoodBefore, north.MoodAfter = &coach.Mood{Score: 4, Word: "flat"}, &coach.Mood{Score: 6, Word: "lighter"}
	north.Feedback = coach.FeedbackRequest{Draft: "Hi Ms Rivera, thank you for your time.", Send: "yes",
		SendOn: day(now, -10), FollowUpOn: day(now, -3)}
	north.Actions = []coach.Action{{Text: "Update portfolio", Due: day(now, -2)}, {Text: "Email Ms Rivera", Due: day(now, 5)}}
	north.Answers[coach.PromptDoBetter] = coach.Answer{Items: []string{"Quantify impact in my portfolio"}}
	north.Answers[coach.PromptQuestions] = coach.Answer{Items: []string{"Tell me about a conflict"}}
	north.Answers[coach.PromptBalanced] = coach.Answer{Text: "I reached the final round; the decision had other reasons."}

	acme := coach.NewSession(at(-4))
	acme.ID = acmeID
	acme.Status, acme.Position = coach.Complete, coach.PromptMoodAfter
	acme.Intake = coach.Intake{Company: "Acme Robotics", Role: "Backend engineer", Stage: "phone screen"}
	acme.MoodBefore = &coach.Mood{Score: 3}
	acme.Feedback = coach.FeedbackRequest{Send: "no"}

	globex := coach.NewSession(at(-1))
	globex.ID = globexID
	globex.Position = "not_personal.explanations"
	globex.Intake = coach.Intake{Company: "Globex", Role: "Data analyst"}
	globex.Answers["not_personal.thought"] = coach.Answer{Text: "My portfolio is too thin."}

	store := coach.NewStore(dataDir)
	for _, s := range []*coach.Session{north, acme, globex} {
		if err := store.Overwrite(s); err != nil {
			t.Fatal(err)
		}
	}
}

// pastSession is what the opened session records in a session file, by
// JSON name, declared here for the same reason as savedSession.
type pastSession struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	Position string `json:"position"`
	Intake   struct {
		Interviewer string `json:"interviewer"`
	} `json:"intake"`
	Feedback struct {
		Send       string `json:"send"`
		SendOn     string `json:"send_on"`
		FollowUpOn string `json:"follow_up_on"`
		Outcome    string `json:"outcome"`
		OutcomeOn  string `json:"outcome_on"`
		Received   string `json:"received"`
		ReceivedOn string `json:"received_on"`
	} `json:"feedback_request"`
	Actions []struct {
		Text   string `json:"text"`
		Due    string `json:"due"`
		Done   bool   `json:"done"`
		DoneOn string `json:"done_on"`
	} `json:"actions"`
}

// waitPastSession waits until the session file at path satisfies ok, and
// returns it decoded and as its bytes.
func waitPastSession(t *testing.T, path, what string, ok func(*pastSession) bool) (*pastSession, []byte) {
	t.Helper()
	deadline := time.Now().Add(e2eWait)
	for {
		data, err := os.ReadFile(path)
		if err == nil {
			s := new(pastSession)
			if err = json.Unmarshal(data, s); err == nil && ok(s) {
				return s, data
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s where %s: nothing after %v (%v); file:\n%s", path, what, e2eWait, err, data)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// runRebound runs the binary as a script would: no terminal, stdin from
// /dev/null, the output in buffers. It returns the exit code and the output.
func runRebound(t *testing.T, args ...string) (code int, stdout, stderr string) {
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
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(e2eWait):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("rebound %q still running after %v; stdout %q, stderr %q", args, e2eWait, out.String(), errOut.String())
	}
	if _, ok := errors.AsType[*exec.ExitError](err); err != nil && !ok {
		t.Fatalf("rebound %q: %v", args, err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
}

// isErrorLine reports whether stderr is what the README promises for an
// error: one line, starting "rebound: ".
func isErrorLine(stderr string) bool {
	return strings.HasPrefix(stderr, "rebound: ") && strings.HasSuffix(stderr, "\n") && strings.Count(stderr, "\n") == 1
}

// inOrder reports whether every one of parts is in s, each after the one
// before it.
func inOrder(s string, parts ...string) bool {
	for _, p := range parts {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return true
}

// checkJSONExport checks a `rebound export --format json` document: schema
// 1, exported between from and to, and holding exactly the session file at
// path, nothing else.
func checkJSONExport(t *testing.T, data []byte, path string, from, to time.Time) {
	t.Helper()
	var doc struct {
		SchemaVersion int               `json:"schema_version"`
		ExportedAt    time.Time         `json:"exported_at"`
		Sessions      []json.RawMessage `json:"sessions"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("the export is not JSON: %v\n%s", err, data)
	}
	if doc.SchemaVersion != 1 {
		t.Errorf("export schema_version %d, want 1", doc.SchemaVersion)
	}
	if doc.ExportedAt.Before(from.Truncate(time.Second)) || doc.ExportedAt.After(to) {
		t.Errorf("export exported_at %v, want between %v and %v", doc.ExportedAt, from, to)
	}
	if len(doc.Sessions) != 1 {
		t.Fatalf("the export holds %d sessions, want 1:\n%s", len(doc.Sessions), data)
	}
	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var got, want bytes.Buffer
	if err := json.Compact(&got, doc.Sessions[0]); err != nil {
		t.Fatal(err)
	}
	if err := json.Compact(&want, file); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("the exported session is not the file as it is:\nexported %s\nfile     %s", got.String(), want.String())
	}
}

// TestE2EPastSessions looks back at a past session the way a person would:
// from home to Past sessions, a search, the session opened; feedback
// recorded, an action ticked off, an answer edited, the session copied;
// an export from the command line while the app runs; the session deleted
// in the app and restored from the command line.
func TestE2EPastSessions(t *testing.T) {
	dataDir := t.TempDir()
	before := time.Now()
	writePastSessions(t, dataDir, before)
	northPath := filepath.Join(dataDir, "sessions", northID+".json")
	trashPath := filepath.Join(dataDir, "trash", northID+".json")
	short := northID[:7]
	const north = "Product designer at Northwind"

	tm := startApp(t, 80, 24, dataDir)
	// Home: what is due above the menu, the most recent first, numbered.
	tm.WaitUntil(t, "home with what is due and the whole menu", e2eWait, func(s string) bool {
		return strings.Contains(s, "Due now") &&
			hasLine(s, " 1  ", "late · Update portfolio · "+north) &&
			hasLine(s, " 2  ", "late · Follow up on your feedback request · Product") && // cut at 80 columns
			inOrder(s, "Due now", "› Start a new session", "Resume: Data analyst at Globex",
				"Past sessions", "Insights", "Quit") &&
			hasLine(s, "Past sessions", "3 sessions")
	})
	tm.Press("down", "down")
	tm.WaitUntil(t, "Past sessions selected", e2eWait, func(s string) bool { return hasLine(s, "› Past sessions") })
	tm.Press("enter")

	// Past sessions: the newest first, each with how it went and its short ID.
	tm.WaitUntil(t, "Past sessions, the newest first", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Past sessions") && strings.Contains(s, "3 sessions") &&
			inOrder(s, "› ", "Data analyst at Globex", "Backend engineer at Acme Robotics", north) &&
			hasLine(s, "final round · mood 4 → 6 · 0/2 actions done · complete · "+short)
	})

	// "/" searches every word of each session's text, in any case.
	tm.Press("/")
	tm.WaitFor(t, "Search:", e2eWait)
	tm.Type("portfolio")
	tm.WaitUntil(t, `"portfolio" keeps the two sessions that hold it`, e2eWait, func(s string) bool {
		return strings.Contains(s, "Search: portfolio") && strings.Contains(s, north) &&
			strings.Contains(s, "Data analyst at Globex") && !strings.Contains(s, "Acme Robotics")
	})
	tm.Type(" RIVERA")
	tm.WaitUntil(t, `"portfolio RIVERA" keeps the one session holding both words`, e2eWait, func(s string) bool {
		return strings.Contains(s, "Search: portfolio RIVERA") && strings.Contains(s, north) &&
			!strings.Contains(s, "Globex") && !strings.Contains(s, "Acme Robotics")
	})
	tm.Press("enter") // apply the search
	tm.WaitUntil(t, "the search applied", e2eWait, func(s string) bool {
		return !strings.Contains(s, "Search:") && strings.Contains(s, "esc clear search") &&
			hasLine(s, "1 session", "2 filtered") && hasLine(s, "› ", north)
	})
	tm.Press("enter") // open
	opened := func(s string) bool {
		return strings.Contains(s, "rebound · "+north) && strings.Contains(s, "Mood: 4/10 (flat) → 6/10 (lighter)") &&
			hasLine(s, short+" · ", northID+".json") && strings.Contains(s, "f feedback")
	}
	tm.WaitUntil(t, "the session opened and rendered", e2eWait, opened)

	// f: what became of the feedback request, the feedback, when it came.
	tm.Press("f")
	tm.WaitUntil(t, "the feedback form", e2eWait, func(s string) bool {
		return strings.Contains(s, "You planned to send it on "+day(before, -10)+", and to follow up by "+day(before, -3)+".") &&
			hasLine(s, "› What became of it?") && strings.Contains(s, "● not yet  ○ sent  ○ replied  ○ no reply")
	})
	tm.Press("right", "right")
	tm.WaitFor(t, "○ not yet  ○ sent  ● replied  ○ no reply", e2eWait)
	tm.Press("tab")
	tm.WaitUntil(t, "the feedback received focused", e2eWait, func(s string) bool {
		return hasLine(s, "› The feedback you received")
	})
	const received = "Strong portfolio.\nThey wanted more user research."
	tm.Paste(received)
	tm.WaitFor(t, "They wanted more user research.", e2eWait)
	tm.Press("tab")
	tm.WaitUntil(t, "the date focused", e2eWait, func(s string) bool { return hasLine(s, "› When it came") })
	receivedOn := day(before, -1)
	tm.Type(receivedOn) // replaces the default, today
	tm.WaitFor(t, receivedOn, e2eWait)
	tm.Press("enter") // on the last field: save and close
	tm.WaitUntil(t, "the form closed, the feedback recorded", e2eWait, func(s string) bool {
		return opened(s) && strings.Contains(s, "feedback recorded")
	})
	got, _ := waitPastSession(t, northPath, `feedback_request.outcome is "replied"`, func(s *pastSession) bool {
		return s.Feedback.Outcome == "replied"
	})
	after := time.Now()
	if got.Feedback.Received != received || got.Feedback.ReceivedOn != receivedOn {
		t.Errorf("feedback received %q on %q, want %q on %q", got.Feedback.Received, got.Feedback.ReceivedOn, received, receivedOn)
	}
	checkDate(t, "feedback_request.outcome_on", got.Feedback.OutcomeOn, 0, before, after)
	if got.Feedback.Send != "yes" || got.Feedback.SendOn != day(before, -10) || got.Feedback.FollowUpOn != day(before, -3) {
		t.Errorf("recording the outcome changed the plan: %+v", got.Feedback)
	}

	// a: the actions; space ticks one and saves at once.
	tm.Press("a")
	tm.WaitUntil(t, "the actions", e2eWait, func(s string) bool {
		return strings.Contains(s, "Tick off what you have done.") &&
			hasLine(s, "› [ ] Update portfolio", "by "+day(before, -2)) &&
			hasLine(s, "[ ] Email Ms Rivera", "by "+day(before, 5))
	})
	tm.Press("space")
	tm.WaitUntil(t, "the first action done", e2eWait, func(s string) bool {
		return hasLine(s, "› [x] Update portfolio", "done ") && hasLine(s, "[ ] Email Ms Rivera")
	})
	got, raw := waitPastSession(t, northPath, "actions[0] is done", func(s *pastSession) bool {
		return len(s.Actions) == 2 && s.Actions[0].Done
	})
	after = time.Now()
	checkDate(t, "actions[0].done_on", got.Actions[0].DoneOn, 0, before, after)
	if got.Actions[1].Done || got.Actions[1].DoneOn != "" || got.Actions[0].Due != day(before, -2) {
		t.Errorf("actions after ticking the first: %+v", got.Actions)
	}
	for _, want := range []string{`"done": true`, `"done_on": "`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("the file lacks %s:\n%s", want, raw)
		}
	}
	if got.Feedback.Outcome != "replied" || got.Feedback.Received != received {
		t.Errorf("ticking an action lost the feedback: %+v", got.Feedback)
	}
	tm.Press("esc")
	tm.WaitUntil(t, "the document again", e2eWait, opened)

	// e: one answer edited in the flow, then back to the session.
	tm.Press("e")
	tm.WaitUntil(t, "the answers to choose from", e2eWait, func(s string) bool {
		return strings.Contains(s, "Which answer do you want to change?") && hasLine(s, "› How are you, right now?", "4/10 flat")
	})
	// The interviewer is asked in Get feedback now, after the first two
	// steps: as many rows down as prompts come before it.
	for range slices.Index(loadFlow(t).Path(content.Whole), "intake.interviewer") {
		tm.Press("down")
	}
	tm.WaitUntil(t, "the interviewer chosen", e2eWait, func(s string) bool { return hasLine(s, "› Who interviewed you?", "Ms Rivera") })
	tm.Press("enter")
	tm.WaitUntil(t, "the interviewer being edited", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Editing · Get feedback") && strings.Contains(s, "Who interviewed you?") &&
			strings.Contains(s, "Ms Rivera")
	})
	tm.Type(" Garcia")
	tm.WaitFor(t, "Ms Rivera Garcia", e2eWait)
	tm.Press("enter")
	tm.WaitUntil(t, "back on the opened session", e2eWait, opened)
	got, _ = waitPastSession(t, northPath, "the interviewer is edited", func(s *pastSession) bool {
		return s.Intake.Interviewer == "Ms Rivera Garcia"
	})
	if got.Status != "complete" || got.Position != coach.PromptMoodAfter {
		t.Errorf("editing an answer moved the session: status %q, position %q", got.Status, got.Position)
	}
	if got.Feedback.Outcome != "replied" || !got.Actions[0].Done {
		t.Errorf("editing an answer lost what was recorded: %+v %+v", got.Feedback, got.Actions)
	}

	// ctrl+y copies the session as markdown: what show --markdown prints.
	tm.Press("ctrl+y")
	copied := tm.waitClipboard(t, "of the session's markdown", func(c string) bool {
		return strings.HasPrefix(c, "# "+north+"\n")
	})
	tm.WaitFor(t, "copied as markdown", e2eWait)
	for _, want := range []string{"Ms Rivera Garcia", "[x] Update portfolio", "[ ] Email Ms Rivera",
		"**Feedback received**", "They wanted more user research", "replied"} {
		if !strings.Contains(copied, want) {
			t.Errorf("the copied markdown lacks %q:\n%s", want, copied)
		}
	}
	if code, stdout, stderr := runRebound(t, "show", short, "--markdown", "--data-dir", dataDir); code != 0 || stdout != copied {
		t.Errorf("show %s --markdown: exit code %d, stderr %q; stdout differs from the copy:\n%s\ncopied:\n%s",
			short, code, stderr, stdout, copied)
	}

	// esc: back to the searched list; esc clears the search; esc goes home,
	// where nothing is due any more.
	tm.Press("esc")
	tm.WaitUntil(t, "back on the searched list", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Past sessions") && strings.Contains(s, "esc clear search") &&
			strings.Contains(s, north) && !strings.Contains(s, "Globex")
	})
	tm.Press("esc")
	tm.WaitUntil(t, "the search cleared", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Past sessions") && strings.Contains(s, "esc home") &&
			strings.Contains(s, "3 sessions") && strings.Contains(s, "Globex") && strings.Contains(s, "Acme Robotics") &&
			hasLine(s, north) && hasLine(s, "final round · mood 4 → 6 · feedback: replied · 1/2 actions done · complete")
	})
	tm.Press("esc")
	tm.WaitUntil(t, "home with nothing due", e2eWait, func(s string) bool {
		return strings.Contains(s, "› Start a new session") && strings.Contains(s, "Resume: Data analyst at Globex") &&
			!strings.Contains(s, "Due now") && !strings.Contains(s, "late ·")
	})

	// The command line reads sessions while the app runs: export to a file,
	// refused over it without --force, replaced with it.
	out := filepath.Join(t.TempDir(), "north.json")
	exportArgs := []string{"export", short, "--format", "json", "-o", out, "--data-dir", dataDir}
	from := time.Now()
	code, stdout, stderr := runRebound(t, exportArgs...)
	if code != 0 || stdout != "Exported 1 session to "+out+".\n" || stderr != "" {
		t.Fatalf("export: exit code %d, stdout %q, stderr %q; want 0 and the file named", code, stdout, stderr)
	}
	exported, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	checkJSONExport(t, exported, northPath, from, time.Now())
	checkMode(t, out, 0o600)
	first, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}

	code, stdout, stderr = runRebound(t, exportArgs...)
	if code != 1 || stdout != "" || !isErrorLine(stderr) || !strings.Contains(stderr, "--force") {
		t.Errorf("export over a file without --force: exit code %d, stdout %q, stderr %q; want 1 and one line naming --force",
			code, stdout, stderr)
	}
	if again, err := os.ReadFile(out); err != nil || !bytes.Equal(again, exported) {
		t.Errorf("export without --force changed the file (%v):\n%s", err, again)
	}
	if fi, err := os.Stat(out); err != nil || !os.SameFile(first, fi) {
		t.Errorf("export without --force replaced the file (%v)", err)
	}

	from = time.Now()
	code, stdout, stderr = runRebound(t, append(exportArgs, "--force")...)
	if code != 0 || stdout != "Exported 1 session to "+out+".\n" || stderr != "" {
		t.Fatalf("export --force: exit code %d, stdout %q, stderr %q; want 0", code, stdout, stderr)
	}
	if fi, err := os.Stat(out); err != nil || os.SameFile(first, fi) {
		t.Errorf("export --force did not replace the file (%v)", err)
	}
	if exported, err = os.ReadFile(out); err != nil {
		t.Fatal(err)
	}
	checkJSONExport(t, exported, northPath, from, time.Now())
	checkMode(t, out, 0o600)

	// Delete in the app: d asks, n keeps; d, y moves the file to the trash.
	tm.Press("down", "down")
	tm.WaitUntil(t, "Past sessions selected", e2eWait, func(s string) bool { return hasLine(s, "› Past sessions") })
	tm.Press("enter")
	// Still in the order the sessions happened: recording feedback, ticking
	// an action and editing an answer do not move the session to the top.
	tm.WaitUntil(t, "Past sessions, in the order they happened", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Past sessions") && strings.Contains(s, "3 sessions") &&
			inOrder(s, "› ", "Data analyst at Globex", "Backend engineer at Acme Robotics", north)
	})
	tm.Press("down", "down")
	tm.WaitUntil(t, "Northwind selected", e2eWait, func(s string) bool { return hasLine(s, "› ", north) })
	tm.Press("enter")
	tm.WaitUntil(t, "the session opened", e2eWait, opened)
	tm.Press("d")
	tm.WaitUntil(t, "the delete question", e2eWait, func(s string) bool {
		return strings.Contains(s, "Delete this session? It moves to the trash") && strings.Contains(s, "rebound restore "+short)
	})
	tm.Press("n")
	tm.WaitUntil(t, "the question gone", e2eWait, func(s string) bool {
		return opened(s) && !strings.Contains(s, "Delete this session?")
	})
	kept, err := os.ReadFile(northPath)
	if err != nil {
		t.Fatalf("n did not keep the session: %v", err)
	}
	tm.Press("d")
	tm.WaitFor(t, "Delete this session?", e2eWait)
	tm.Press("y")
	tm.WaitUntil(t, "Past sessions without it, naming the restore command", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Past sessions") && strings.Contains(s, "in the trash · rebound restore "+short) &&
			strings.Contains(s, "2 sessions") && !strings.Contains(s, north)
	})
	if _, err := os.Stat(northPath); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after delete the session file is still in sessions/ (%v)", err)
	}
	if trashed, err := os.ReadFile(trashPath); err != nil || !bytes.Equal(trashed, kept) {
		t.Errorf("the trash does not hold the session file as it was (%v):\n%s", err, trashed)
	}
	checkMode(t, trashPath, 0o600)
	checkMode(t, filepath.Dir(trashPath), 0o700)

	tm.Press("q")
	tm.expectExit(t, "q on Past sessions", 0)
	if _, err := os.Stat(northPath); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after quitting the deleted session is back in sessions/ (%v)", err)
	}

	// The command line brings it back, by its short ID.
	code, stdout, stderr = runRebound(t, "restore", short, "--data-dir", dataDir)
	if want := "Restored " + north + " (" + short + ").\n"; code != 0 || stdout != want || stderr != "" {
		t.Errorf("restore %s: exit code %d, stdout %q, stderr %q; want 0 and %q", short, code, stdout, stderr, want)
	}
	if restored, err := os.ReadFile(northPath); err != nil || !bytes.Equal(restored, kept) {
		t.Errorf("the restored file is not the deleted one (%v):\n%s", err, restored)
	}
	if _, err := os.Stat(trashPath); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after restore the file is still in the trash (%v)", err)
	}

	code, stdout, stderr = runRebound(t, "list", "--json", "--data-dir", dataDir)
	if code != 0 || stderr != "" {
		t.Fatalf("list --json: exit code %d, stderr %q", code, stderr)
	}
	var listed struct {
		Sessions []struct {
			ID              string `json:"id"`
			ShortID         string `json:"short_id"`
			Status          string `json:"status"`
			Title           string `json:"title"`
			FeedbackOutcome string `json:"feedback_outcome"`
			ActionsDone     int    `json:"actions_done"`
			ActionsOpen     int    `json:"actions_open"`
			Path            string `json:"path"`
		} `json:"sessions"`
		Unreadable []json.RawMessage `json:"unreadable"`
	}
	if err := json.Unmarshal([]byte(stdout), &listed); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, stdout)
	}
	var ids []string
	for _, s := range listed.Sessions {
		ids = append(ids, s.ID)
	}
	if want := []string{northID, globexID, acmeID}; !slices.Equal(ids, want) || listed.Unreadable == nil || len(listed.Unreadable) != 0 {
		t.Fatalf("list --json: sessions %q, unreadable %s; want %q (newest first) and []", ids, listed.Unreadable, want)
	}
	n := listed.Sessions[0]
	if n.ShortID != short || n.Status != "complete" || n.Title != north || n.FeedbackOutcome != "replied" ||
		n.ActionsDone != 1 || n.ActionsOpen != 1 || n.Path != northPath {
		t.Errorf("list --json, the restored session: %+v", n)
	}
}

// TestE2ECommandLineExitCodes runs the commands that look back with the
// mistakes people make, and checks the exit code and that an error is one
// line on stderr starting "rebound: ", with nothing on stdout.
func TestE2ECommandLineExitCodes(t *testing.T) {
	dataDir := t.TempDir()
	now := time.Now()
	store := coach.NewStore(dataDir)
	// Two IDs start with the same seven characters; their short IDs are
	// eight long.
	for i, id := range []string{"abcdef0111111111", "abcdef0222222222", "9876543210fedcba"} {
		s := coach.NewSession(now.Add(-time.Duration(i+1) * time.Hour))
		s.ID = id
		s.Intake = coach.Intake{Company: "Initech", Role: fmt.Sprintf("Engineer %d", i+1)}
		if err := store.Overwrite(s); err != nil {
			t.Fatal(err)
		}
	}
	empty := t.TempDir()
	data := []string{"--data-dir", dataDir}

	cases := []struct {
		name string
		args []string
		code int
		want string // in stdout when code is 0, else in stderr
	}{
		{"unknown ID", append([]string{"show", "0000000"}, data...), 1, `no session has the ID "0000000"`},
		{"ambiguous prefix", append([]string{"show", "abcdef0"}, data...), 1,
			`"abcdef0" is ambiguous: it starts 2 session IDs (abcdef0111111111, abcdef0222222222)`},
		{"ambiguous prefix to export", append([]string{"export", "abcdef0", "--format", "json"}, data...), 1, "ambiguous"},
		{"a longer prefix names one", append([]string{"show", "ABCDEF02", "--json"}, data...), 0, `"id": "abcdef0222222222"`},
		{"short IDs grow while they are ambiguous", append([]string{"list"}, data...), 0, "abcdef01 "},
		{"missing ID", append([]string{"show"}, data...), 2, "give the ID of the session to show"},
		{"missing ID to restore", append([]string{"restore"}, data...), 2, "give the ID"},
		{"export with neither IDs nor --all", append([]string{"export"}, data...), 2, "--all"},
		{"unknown flag", append([]string{"list", "--bogus"}, data...), 2, "unknown flag --bogus"},
		{"unknown flag after an ID", append([]string{"show", "9876543", "--yaml"}, data...), 2, "unknown flag --yaml"},
		{"unknown format", append([]string{"export", "--all", "--format", "yaml"}, data...), 2, `unknown format "yaml"`},
		{"nothing to restore", append([]string{"restore", "9876543"}, data...), 1, "no deleted sessions"},
		{"list on an empty dir", []string{"list", "--data-dir", empty}, 0, "No sessions yet"},
		{"list --json on an empty dir", []string{"list", "--json", "--data-dir", empty}, 0, `"sessions": []`},
		{"help", []string{"--help"}, 0, "  restore "},
		{"a command's help", []string{"export", "--help"}, 0, "--force"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runRebound(t, c.args...)
			if code != c.code {
				t.Errorf("rebound %q: exit code %d, want %d; stdout %q, stderr %q", c.args, code, c.code, stdout, stderr)
			}
			if c.code == 0 {
				if !strings.Contains(stdout, c.want) || stderr != "" {
					t.Errorf("rebound %q: stdout lacks %q or stderr is not empty; stdout:\n%s\nstderr %q", c.args, c.want, stdout, stderr)
				}
				return
			}
			if !isErrorLine(stderr) || !strings.Contains(stderr, c.want) || stdout != "" {
				t.Errorf("rebound %q: want one line \"rebound: …%s…\" on stderr and nothing on stdout; stdout %q, stderr %q",
					c.args, c.want, stdout, stderr)
			}
		})
	}

	// show --json prints the file as it is, byte for byte.
	code, stdout, stderr := runRebound(t, "show", "98765", "--json", "--data-dir", dataDir)
	file, err := os.ReadFile(store.Path("9876543210fedcba"))
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 || stdout != string(file) || stderr != "" {
		t.Errorf("show --json: exit code %d, stderr %q; stdout is not the file:\n%s\nfile:\n%s", code, stderr, stdout, file)
	}
	if entries, err := os.ReadDir(empty); err != nil || len(entries) != 0 {
		t.Errorf("list on an empty dir wrote into it: %v %v", entries, err)
	}
}

// TestE2EHistoryResizeAndSmall resizes Past sessions, an opened session and
// its feedback form down to the smallest size rebound supports, below it
// and up to a large one, and quits with ctrl+c in the middle of the form:
// what was typed is saved.
func TestE2EHistoryResizeAndSmall(t *testing.T) {
	dataDir := t.TempDir()
	before := time.Now()
	writePastSessions(t, dataDir, before)
	northPath := filepath.Join(dataDir, "sessions", northID+".json")
	const north = "Product designer at Northwind"

	tm := startApp(t, 80, 24, dataDir)
	tm.WaitUntil(t, "home", e2eWait, func(s string) bool { return hasLine(s, "Past sessions", "3 sessions") })
	tm.Press("down", "down")
	tm.WaitUntil(t, "Past sessions selected", e2eWait, func(s string) bool { return hasLine(s, "› Past sessions") })
	tm.Press("enter")

	// screenAt checks what every screen shares at a size: as many rows as
	// the terminal, the header on the first and the keys on the last.
	screenAt := func(cols, rows int, header, keys string, ok func(string) bool) func(string) bool {
		return func(s string) bool {
			lines := strings.Split(s, "\n")
			return len(lines) == rows && strings.Contains(lines[0], "rebound · "+header) &&
				strings.Contains(lines[rows-1], keys) && !strings.Contains(s, "too small") && ok(s)
		}
	}
	// resizeThrough goes through the sizes, 40x10 being too small, and
	// checks the screen at each with at.
	resizeThrough := func(what string, at func(cols, rows int) func(string) bool) {
		t.Helper()
		for _, sz := range [][2]int{{60, 20}, {40, 10}, {200, 60}, {80, 24}} {
			cols, rows := sz[0], sz[1]
			tm.Resize(cols, rows)
			if cols < 60 {
				tm.WaitUntil(t, fmt.Sprintf("the too-small line instead of %s at %dx%d", what, cols, rows), e2eWait, func(s string) bool {
					return len(strings.Split(s, "\n")) == rows && strings.Contains(s, "Terminal too small") &&
						strings.Contains(s, fmt.Sprintf("this is %d×%d", cols, rows))
				})
			} else {
				tm.WaitUntil(t, fmt.Sprintf("%s at %dx%d", what, cols, rows), e2eWait, at(cols, rows))
			}
			if !tm.alive() {
				t.Fatalf("rebound exited at %dx%d (%s)", cols, rows, tm.exitStatus())
			}
		}
	}

	listAt := func(cols, rows int) func(string) bool {
		return screenAt(cols, rows, "Past sessions", "enter open", func(s string) bool {
			return strings.Contains(s, "3 sessions") &&
				inOrder(s, "› ", "Data analyst at Globex", "Backend engineer at Acme Robotics", north)
		})
	}
	tm.WaitUntil(t, "Past sessions at 80x24", e2eWait, listAt(80, 24))
	resizeThrough("Past sessions", listAt)

	tm.Press("down", "down")
	tm.WaitUntil(t, "Northwind selected", e2eWait, func(s string) bool { return hasLine(s, "› ", north) })
	tm.Press("enter")
	sessionAt := func(cols, rows int) func(string) bool {
		return screenAt(cols, rows, north, "f feedback", func(s string) bool {
			return strings.Contains(s, "Mood: 4/10 (flat) → 6/10 (lighter)") && hasLine(s, northID[:7]+" · ")
		})
	}
	tm.WaitUntil(t, "the opened session at 80x24", e2eWait, sessionAt(80, 24))
	resizeThrough("the opened session", sessionAt)

	// The feedback form: every field in view, the date included, even at
	// 60x20 where the plan above it wraps onto two lines.
	tm.Press("f")
	formAt := func(cols, rows int) func(string) bool {
		return screenAt(cols, rows, north, "esc done", func(s string) bool {
			return inOrder(s, "What became of it?", "The feedback you received", "When it came",
				day(before, 0)) // the date, today by default
		})
	}
	tm.WaitUntil(t, "the feedback form at 80x24", e2eWait, formAt(80, 24))
	resizeThrough("the feedback form", formAt)

	tm.Press("right", "right", "tab")
	tm.WaitUntil(t, "replied, and the feedback received focused", e2eWait, func(s string) bool {
		return strings.Contains(s, "● replied") && hasLine(s, "› The feedback you received")
	})
	const typed = "They liked the portfolio but wanted"
	tm.Type(typed)
	tm.WaitFor(t, typed, e2eWait)
	tm.Resize(40, 10)
	tm.WaitFor(t, "this is 40×10", e2eWait)
	tm.Resize(60, 20)
	tm.WaitUntil(t, "the form as typed at 60x20", e2eWait, func(s string) bool {
		return formAt(60, 20)(s) && strings.Contains(s, typed) && strings.Contains(s, "● replied")
	})

	// ctrl+c mid-way keeps the form as it is, as if closed.
	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c in the feedback form", 0)
	got, _ := waitPastSession(t, northPath, "the typed feedback is saved", func(s *pastSession) bool {
		return s.Feedback.Received != ""
	})
	after := time.Now()
	if got.Feedback.Received != typed || got.Feedback.Outcome != "replied" {
		t.Errorf("after ctrl+c: outcome %q, received %q; want replied and %q", got.Feedback.Outcome, got.Feedback.Received, typed)
	}
	checkDate(t, "feedback_request.received_on (the default, today)", got.Feedback.ReceivedOn, 0, before, after)
	checkDate(t, "feedback_request.outcome_on", got.Feedback.OutcomeOn, 0, before, after)
}

// The tests below practise interview questions: `rebound practice`, the
// queue, a round from the answer to the hint, and the file each round
// leaves in <data-dir>/practice.

// savedPractice is a practice file as these tests expect it on disk, by JSON
// name, declared here for the same reason as savedSession.
type savedPractice struct {
	SchemaVersion int       `json:"schema_version"`
	ID            string    `json:"id"`
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
	Question      struct {
		Key       string `json:"key"`
		Text      string `json:"text"`
		Source    string `json:"source"`
		Tag       string `json:"tag"`
		SessionID string `json:"session_id"`
	} `json:"question"`
	TimeLimit int      `json:"time_limit"`
	TimeUsed  int      `json:"time_used"`
	TimedOut  bool     `json:"timed_out"`
	Answer    string   `json:"answer"`
	WentWell  string   `json:"went_well"`
	DoBetter  string   `json:"do_better"`
	Rubric    []string `json:"rubric"`
	Rating    int      `json:"rating"`
}

// loadPracticeFile reads the one practice file in dataDir, after the
// program has exited. It fails the test unless dataDir/practice holds
// exactly one file, <id>.json, and nothing else: no temporary files left
// behind by the atomic writes.
func loadPracticeFile(t *testing.T, dataDir string) (p *savedPractice, path string, data []byte) {
	t.Helper()
	dir := filepath.Join(dataDir, "practice")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("practice files: %v", err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 1 || strings.HasPrefix(names[0], ".") || !strings.HasSuffix(names[0], ".json") {
		t.Fatalf("%s holds %q, want one <id>.json and nothing else", dir, names)
	}
	path = filepath.Join(dir, names[0])
	if data, err = os.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	p = new(savedPractice)
	if err := json.Unmarshal(data, p); err != nil {
		t.Fatalf("%s: %v\n%s", path, err, data)
	}
	if want := p.ID + ".json"; names[0] != want {
		t.Errorf("practice file %s, want %s (its id)", names[0], want)
	}
	return p, path, data
}

// selectedRow is the queue row with the "›" pointer, trimmed, or "".
func selectedRow(screen string) string {
	for line := range strings.SplitSeq(screen, "\n") {
		if row, ok := strings.CutPrefix(strings.TrimSpace(line), "› "); ok {
			return row
		}
	}
	return ""
}

// rowQuestion is the question of a queue row: what comes before the gap
// that separates it from the reason on the right. It may end in "…" where
// the row cut it.
func rowQuestion(row string) string {
	q, _, _ := strings.Cut(row, "  ")
	return q
}

// showsQuestion reports whether a queue row's question, perhaps cut with
// "…", is text.
func showsQuestion(row, text string) bool {
	q := rowQuestion(row)
	if cut, ok := strings.CutSuffix(q, "…"); ok {
		return cut != "" && strings.HasPrefix(text, cut)
	}
	return q == text
}

// TestE2EPracticeRound practises the first question of the queue, a bank
// question on a fresh data dir, from the answer to the hint, and checks the
// file the round leaves.
func TestE2EPracticeRound(t *testing.T) {
	dataDir := t.TempDir()
	before := time.Now()
	tm := startApp(t, 80, 24, dataDir, "practice", "--timer", "off")
	tm.WaitUntil(t, "the queue, a new bank question first", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Practice") && hasLine(s, "Queue: all questions", "timer off") &&
			strings.Contains(selectedRow(s), "new · ")
	})
	row := selectedRow(tm.Screen())
	tm.Press("enter")
	tm.WaitUntil(t, "the answer stage, with no timer", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Practice · answer") && strings.Contains(s, "Your answer") &&
			strings.Contains(s, "no timer") && !strings.Contains(s, " left")
	})

	// The answer takes several lines: enter is a new line, tab moves on.
	const answer = "I lead a team of four.\nBefore that I built the billing system."
	tm.Type("I lead a team of four.")
	tm.Press("enter")
	tm.Type("Before that I built the billing system.")
	tm.WaitFor(t, "Before that I built the billing system.", e2eWait)
	tm.Press("tab")
	tm.WaitUntil(t, "what went well", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Practice · what went well") && strings.Contains(s, "What went well?")
	})
	const wentWell = "A clear opening"
	tm.Type(wentWell)
	tm.WaitFor(t, wentWell, e2eWait)
	tm.Press("tab")
	tm.WaitFor(t, "What would you do better?", e2eWait)
	const doBetter = "Give the numbers"
	tm.Type(doBetter)
	tm.WaitFor(t, doBetter, e2eWait)
	tm.Press("tab")
	tm.WaitUntil(t, "the rubric", e2eWait, func(s string) bool {
		return strings.Contains(s, "Which of these did your answer have?") &&
			hasLine(s, "› [ ] A clear structure") && hasLine(s, "[ ] Specific evidence")
	})
	tm.Press("space", "down", "space")
	tm.WaitUntil(t, "two criteria ticked", e2eWait, func(s string) bool {
		return hasLine(s, "[x] A clear structure") && hasLine(s, "› [x] Specific evidence") &&
			hasLine(s, "[ ] Relevant to the role") && hasLine(s, "[ ] Concise")
	})
	tm.Press("enter")
	tm.WaitFor(t, "Your rating, from 1 (weak) to 5 (strong)", e2eWait)
	tm.Press("4")
	tm.WaitFor(t, "○ 3  ● 4  ○ 5", e2eWait)
	tm.Press("enter")
	tm.WaitUntil(t, "the hint, after the rating", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Practice · hint") && strings.Contains(s, "You rated this answer 4/5") &&
			strings.Contains(s, "What a good answer shows")
	})

	tm.Press("q")
	tm.expectExit(t, "q on the hint", 0)
	after := time.Now()
	if tm.AltScreen() || tm.CursorHidden() {
		t.Errorf("after q: alternate screen %v, cursor hidden %v; want the terminal restored", tm.AltScreen(), tm.CursorHidden())
	}

	p, path, data := loadPracticeFile(t, dataDir)
	checks := []struct {
		what      string
		got, want any
	}{
		{"schema_version", p.SchemaVersion, 1},
		{"answer", p.Answer, answer},
		{"went_well", p.WentWell, wentWell},
		{"do_better", p.DoBetter, doBetter},
		{"rubric", p.Rubric, []string{"structure", "evidence"}},
		{"rating", p.Rating, 4},
		{"time_limit (timer off)", p.TimeLimit, 0},
		{"time_used (timer off)", p.TimeUsed, 0},
		{"timed_out", p.TimedOut, false},
		{"question.source", p.Question.Source, "bank"},
		{"question.session_id", p.Question.SessionID, ""},
	}
	for _, c := range checks {
		if fmt.Sprintf("%#v", c.got) != fmt.Sprintf("%#v", c.want) {
			t.Errorf("%s = %#v, want %#v", c.what, c.got, c.want)
		}
	}
	if !strings.HasPrefix(p.Question.Key, "bank:") || len(p.Question.Key) == len("bank:") || p.Question.Tag == "" {
		t.Errorf("question.key %q, tag %q; want \"bank:<id>\" and the bank's tag", p.Question.Key, p.Question.Tag)
	}
	if !showsQuestion(row, p.Question.Text) || !strings.HasSuffix(row, "new · "+p.Question.Tag) {
		t.Errorf("question %q (tag %q) is not the selected queue row %q", p.Question.Text, p.Question.Tag, row)
	}
	if p.CreatedAt.Before(before.Truncate(time.Second)) || p.UpdatedAt.Before(p.CreatedAt) || p.UpdatedAt.After(after) {
		t.Errorf("created_at %v, updated_at %v; want created_at ≤ updated_at, both between %v and %v",
			p.CreatedAt, p.UpdatedAt, before, after)
	}
	checkMode(t, path, 0o600)
	checkMode(t, filepath.Dir(path), 0o700)
	if t.Failed() {
		t.Logf("%s:\n%s", path, data)
	}
}

// TestE2EPracticeFlaggedFirst: a question written under "questions that
// threw you" in a session heads the queue, and the round on it records
// where it came from.
func TestE2EPracticeFlaggedFirst(t *testing.T) {
	dataDir := t.TempDir()
	now := time.Now()
	const question = "How would you design a URL shortener?"
	s := coach.NewSession(now.Add(-time.Hour))
	s.Set(coach.PromptQuestions, coach.Answer{Items: []string{question}}, now.Add(-time.Hour))
	if err := coach.NewStore(dataDir).Overwrite(s); err != nil {
		t.Fatal(err)
	}

	tm := startApp(t, 80, 24, dataDir, "practice", "--timer", "off")
	tm.WaitUntil(t, "the question that threw you, first", e2eWait, func(s string) bool {
		row := selectedRow(s)
		return strings.Contains(s, "The question that threw you is not practised yet.") &&
			showsQuestion(row, question) && strings.HasSuffix(row, "threw you")
	})
	tm.Press("enter")
	tm.WaitUntil(t, "the round on it", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · Practice · answer") && strings.Contains(s, question) &&
			strings.Contains(s, "a question that threw you")
	})
	const answer = "Hash the long URL and keep the mapping in a key-value store."
	tm.Type(answer)
	tm.WaitFor(t, "keep the mapping", e2eWait)
	tm.Press("tab", "tab", "tab") // nothing on what went well or what to do better
	tm.WaitUntil(t, "the rubric", e2eWait, func(s string) bool { return hasLine(s, "› [ ] A clear structure") })
	tm.Press("enter")
	// Nothing ticked: the rating suggested from the rubric is 1.
	tm.WaitUntil(t, "the rating, 1 suggested", e2eWait, func(s string) bool {
		return strings.Contains(s, "Your rating, from 1") && strings.Contains(s, "● 1  ○ 2")
	})
	tm.Press("2")
	tm.WaitFor(t, "○ 1  ● 2  ○ 3", e2eWait)
	tm.Press("enter")
	tm.WaitUntil(t, "the hint", e2eWait, func(s string) bool {
		return strings.Contains(s, "You rated this answer 2/5") && strings.Contains(s, "What a good answer shows")
	})

	// Back on the queue: practised, and, rated low, still in front (the
	// only question that threw the user), now with its rating.
	tm.Press("esc")
	tm.WaitUntil(t, "the queue with the question practised", e2eWait, func(s string) bool {
		row := selectedRow(s)
		return strings.Contains(s, "The question that threw you practised, average rating 2.0.") &&
			strings.Contains(row, "URL shortener") && strings.Contains(row, "threw you") && strings.Contains(row, "2/5")
	})
	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c on the queue", 0)

	p, path, data := loadPracticeFile(t, dataDir)
	checks := []struct {
		what      string
		got, want any
	}{
		{"question.source", p.Question.Source, "session"},
		{"question.session_id", p.Question.SessionID, s.ID},
		{"question.text", p.Question.Text, question},
		{"question.tag", p.Question.Tag, ""},
		{"answer", p.Answer, answer},
		{"went_well", p.WentWell, ""},
		{"do_better", p.DoBetter, ""},
		{"rubric", len(p.Rubric), 0},
		{"rating", p.Rating, 2},
		{"time_limit", p.TimeLimit, 0},
	}
	for _, c := range checks {
		if fmt.Sprintf("%#v", c.got) != fmt.Sprintf("%#v", c.want) {
			t.Errorf("%s = %#v, want %#v", c.what, c.got, c.want)
		}
	}
	if !strings.HasPrefix(p.Question.Key, "q:") {
		t.Errorf("question.key %q, want \"q:…\" (a question of the user's)", p.Question.Key)
	}
	if t.Failed() {
		t.Logf("%s:\n%s", path, data)
	}
}

// TestE2EPracticeQuitMidAnswer quits with ctrl+c half-way through an answer
// under the default timer: what was typed is on disk, unrated, and practice
// opens normally afterwards.
func TestE2EPracticeQuitMidAnswer(t *testing.T) {
	dataDir := t.TempDir()
	queue := func(s string) bool {
		return strings.Contains(s, "rebound · Practice") && hasLine(s, "Queue: all questions", "timer 2:00") &&
			strings.Contains(selectedRow(s), "new · ")
	}
	tm := startApp(t, 80, 24, dataDir, "practice")
	tm.WaitUntil(t, "the queue with the default timer", e2eWait, queue)
	row := selectedRow(tm.Screen())
	tm.Press("enter")
	tm.WaitUntil(t, "the answer stage, counting down", e2eWait, func(s string) bool {
		// 2:00 on the first frame; a second or two may pass on a busy machine.
		return strings.Contains(s, "rebound · Practice · answer") && (strings.Contains(s, "2:00 left") || strings.Contains(s, "1:5"))
	})
	const half = "I started out in support, and then"
	tm.Type(half)
	tm.WaitFor(t, half, e2eWait)
	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c in the answer", 0)

	p, path, data := loadPracticeFile(t, dataDir)
	if p.Answer != half || p.TimeLimit != 120 || p.Rating != 0 || p.TimedOut ||
		p.TimeUsed < 0 || p.TimeUsed > 120 || p.WentWell != "" || len(p.Rubric) != 0 {
		t.Errorf("after ctrl+c mid-answer: answer %q, time_limit %d, time_used %d, timed_out %v, rating %d, went_well %q, rubric %q; "+
			"want %q, 120, 0 to 120, false, 0 (unrated), nothing else\n%s",
			p.Answer, p.TimeLimit, p.TimeUsed, p.TimedOut, p.Rating, p.WentWell, p.Rubric, half, data)
	}
	if !showsQuestion(row, p.Question.Text) || p.Question.Source != "bank" {
		t.Errorf("question %q from %q, want the selected row %q from the bank", p.Question.Text, p.Question.Source, row)
	}
	checkMode(t, path, 0o600)

	// Practice again: the same question first, since an unrated round does
	// not count, marked unfinished, and no complaint about the file.
	tm = startApp(t, 80, 24, dataDir, "practice")
	tm.WaitUntil(t, "the queue again", e2eWait, func(s string) bool {
		sel := selectedRow(s)
		return queue(s) && showsQuestion(sel, p.Question.Text) && strings.Contains(sel, "unfinished") &&
			strings.Contains(s, "No questions that threw you yet") && !strings.Contains(s, "Skipped") && !strings.Contains(s, "Can't read")
	})
	if again, err := os.ReadFile(path); err != nil || !bytes.Equal(again, data) {
		t.Errorf("opening practice again changed the round's file (%v):\n%s", err, again)
	}
	// Enter carries the round on, in the same file.
	tm.Press("enter")
	tm.WaitUntil(t, "the round carried on", e2eWait, func(s string) bool {
		return strings.Contains(s, "carrying on from") && strings.Contains(s, half)
	})
	tm.Type(" and more")
	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c in the carried-on round", 0)
	if q, _, _ := loadPracticeFile(t, dataDir); q.ID != p.ID || q.Answer != half+" and more" {
		t.Errorf("carried on into %s with %q; want %s with %q", q.ID, q.Answer, p.ID, half+" and more")
	}
}

// runInTerminal runs the binary with stdin and stdout on an 80x24
// pseudo-terminal, as a person would, and stderr in a buffer: for the
// errors reported before the app starts. It returns the exit code and
// stderr.
func runInTerminal(t *testing.T, args ...string) (code int, stderr string) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: 80, Rows: 24}); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	cmd := exec.Command(binPath, args...)
	cmd.Env = append(terminalEnv(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"))
	cmd.Dir = t.TempDir()
	var errOut bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, &errOut
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	err = cmd.Start()
	tty.Close()
	if err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = io.Copy(io.Discard, ptmx) }() // whatever reaches the screen
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(e2eWait):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("rebound %q still running after %v; stderr %q", args, e2eWait, errOut.String())
	}
	if _, ok := errors.AsType[*exec.ExitError](err); err != nil && !ok {
		t.Fatalf("rebound %q: %v", args, err)
	}
	return cmd.ProcessState.ExitCode(), errOut.String()
}

// TestE2EPracticeFlags: practice's flags refused with exit code 2, in a
// terminal, before anything is written; then a tag and a timer that work.
func TestE2EPracticeFlags(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		oneLine bool     // stderr is one "rebound: …" line
		want    []string // in stderr
	}{
		{"unknown tag", []string{"practice", "--tag", "nonsense"}, true,
			[]string{`"nonsense"`, "motivation, behavioural, strengths, situational, career, logistics, ask"}},
		{"bad timer", []string{"practice", "--timer", "5x"}, false, []string{`"5x"`, "--timer", "90s"}},
		{"timer without practice", []string{"--timer", "90s"}, false, []string{"--timer", "rebound practice"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dataDir := filepath.Join(t.TempDir(), "data")
			code, stderr := runInTerminal(t, append([]string{"--data-dir", dataDir}, c.args...)...)
			if code != 2 {
				t.Errorf("rebound %q: exit code %d, want 2; stderr %q", c.args, code, stderr)
			}
			if !strings.HasPrefix(stderr, "rebound: ") || (c.oneLine && !isErrorLine(stderr)) {
				t.Errorf("rebound %q: stderr %q, want %s starting \"rebound: \"", c.args, stderr,
					map[bool]string{true: "one line", false: "an error"}[c.oneLine])
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("rebound %q: stderr %q lacks %q", c.args, stderr, w)
				}
			}
			if _, err := os.Stat(dataDir); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("rebound %q made the data dir (%v)", c.args, err)
			}
		})
	}

	t.Run("tag and timer at 60x20", func(t *testing.T) {
		dataDir := t.TempDir()
		tm := startApp(t, 60, 20, dataDir, "practice", "--tag", "behavioural", "--timer", "90s")
		tm.WaitUntil(t, "the behavioural queue with a 1:30 timer", e2eWait, func(s string) bool {
			lines := strings.Split(s, "\n")
			if len(lines) != 20 || !strings.Contains(lines[0], "rebound · Practice") ||
				!hasLine(s, "Queue: Behavioural", "timer 1:30") || !strings.HasSuffix(selectedRow(s), "new · behavioural") {
				return false
			}
			for _, l := range lines {
				if strings.Contains(l, "new · ") && !strings.Contains(l, "new · behavioural") {
					return false
				}
			}
			return true
		})
		tm.Press("enter")
		tm.WaitUntil(t, "the round's countdown at 1:30", e2eWait, func(s string) bool {
			return strings.Contains(s, "rebound · Practice · answer") &&
				(hasLine(s, "Behavioural · 1:30 left") || hasLine(s, "Behavioural · 1:29 left")) // a tick may have passed
		})
		tm.Press("ctrl+c")
		tm.expectExit(t, "ctrl+c in an empty answer", 0)
		// Nothing was typed: a round with nothing in it leaves no file.
		if entries, err := os.ReadDir(filepath.Join(dataDir, "practice")); len(entries) != 0 {
			t.Errorf("an empty round left files in practice/: %v (%v)", entries, err)
		}
	})
}

// TestE2ENoNetwork backs the README's "rebound makes no network
// connection" by what the real process does: each command line below runs
// under strace, which logs every socket, connect and bind call of the
// process and any it starts, and one is a failure. (The binary links
// package net, through pflag's IP flags, without calling it; what matters
// is that nothing opens a socket.) execve is traced too, so that a log
// without rebound's own execve (strace not tracing) cannot pass.
func TestE2ENoNetwork(t *testing.T) {
	// The modules built in: none that exists to talk over the network
	// (RPC, telemetry, crash reports, websockets).
	info, err := buildinfo.ReadFile(binPath)
	if err != nil {
		t.Fatalf("build info: %v", err)
	}
	for _, d := range info.Deps {
		for _, m := range []string{"google.golang.org/grpc", "go.opentelemetry.io/", "github.com/getsentry/",
			"github.com/gorilla/websocket", "nhooyr.io/websocket", "github.com/coder/websocket"} {
			if strings.HasPrefix(d.Path, m) {
				t.Errorf("the binary is built with %s %s", d.Path, d.Version)
			}
		}
	}

	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace is not installed")
	}
	// strace needs ptrace; a container may forbid it.
	if out, err := exec.Command(strace, "-f", "-qq", "-e", "trace=none", "/bin/true").CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here: %v %s", err, out)
	}
	dataDir := t.TempDir()
	writePastSessions(t, dataDir, time.Now())
	if err := os.WriteFile(filepath.Join(dataDir, "settings.json"), []byte(`{"name": "Sam Lee"}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	session, err := os.ReadFile("ui/plain/testdata/session.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args  []string
		stdin string
	}{
		{args: []string{"list"}},
		{args: []string{"list", "--json"}},
		{args: []string{"show", northID}},
		{args: []string{"show", "4e0a", "--markdown"}},
		{args: []string{"stats"}},
		{args: []string{"export", "--all"}},
		{args: []string{"export", "--all", "--format", "json", "-o", filepath.Join(t.TempDir(), "out.json")}},
		{args: []string{"practice", "list"}},
		{args: []string{"--help"}},
		{args: []string{"list", "--help"}},
		{args: []string{"--version"}},
		{args: []string{"man"}},
		{args: []string{"completion", "bash"}},
		{args: []string{"__complete", "show", ""}},
		{args: []string{"--plain", "new"}, stdin: string(session)},
		{args: []string{"--plain"}, stdin: "7\n"},
	} {
		name := strings.Join(tc.args, " ")
		calls, execs := straced(t, strace, tc.stdin, append([]string{"--data-dir", dataDir}, tc.args...)...)
		if execs == 0 {
			t.Fatalf("%s: strace logged no execve of %s: it did not trace the process", name, binPath)
		}
		if len(calls) > 0 {
			t.Errorf("rebound %s: the process opened a socket:\n%s", name, strings.Join(calls, "\n"))
		}
	}
}

// straced runs the binary with args under strace, stdin as given, and
// returns the socket, connect and bind calls it logged and how many
// execve of the binary; the run must exit 0.
func straced(t *testing.T, strace, stdin string, args ...string) (calls []string, execs int) {
	t.Helper()
	log := filepath.Join(t.TempDir(), "strace.log")
	cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=socket,connect,bind,execve", "-o", log, binPath}, args...)...)
	cmd.Env = append(terminalEnv(), "HOME="+t.TempDir())
	cmd.Dir = t.TempDir()
	cmd.Stdin = strings.NewReader(stdin)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	timer := time.AfterFunc(e2eWait, func() { _ = cmd.Process.Kill() })
	err := cmd.Run()
	timer.Stop()
	if err != nil {
		t.Fatalf("rebound %q under strace: %v\n%s", args, err, out.String())
	}
	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(data)) {
		switch {
		case strings.Contains(line, "execve(") && strings.Contains(line, binPath):
			execs++
		case strings.Contains(line, "execve("):
		case strings.Contains(line, "socket(") || strings.Contains(line, "connect(") || strings.Contains(line, "bind("):
			calls = append(calls, strings.TrimSpace(line))
		}
	}
	return calls, execs
}

// TestE2ENothingLeftBehind runs rebound the ways a person does, each time
// in a fresh, empty working directory, and checks that it writes nowhere but
// the data dir: the working directory stays empty (no panic file, no
// debug.log), so does HOME with its XDG directories, and the data dir holds
// no temp file, only 0600 files in 0700 directories.
func TestE2ENothingLeftBehind(t *testing.T) {
	home := t.TempDir()
	env := []string{
		"HOME=" + home,
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"XDG_STATE_HOME=" + filepath.Join(home, ".local", "state"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
	}
	dataDir := filepath.Join(t.TempDir(), "data") // rebound makes it
	var workDirs []string
	// inTerminal runs rebound with args in a pty; startBinary gives each
	// program a fresh temp dir as its working directory.
	inTerminal := func(args ...string) *term {
		t.Helper()
		tm := startBinary(t, binPath, 80, 24, env, append([]string{"--data-dir", dataDir}, args...)...)
		if tm.cmd.Dir == "" {
			t.Fatal("startBinary no longer sets a working directory: this test would check the repository")
		}
		workDirs = append(workDirs, tm.cmd.Dir)
		return tm
	}

	// Part of a session: an intake answer, saved, then ctrl+c.
	tm := inTerminal("new")
	tm.beginWhole(t)
	tm.Type("Initech")
	tm.Press("tab")
	tm.Type("Tester")
	s, _ := waitSession(t, dataDir, `the company and the role are saved`, func(s *savedSession) bool {
		return (s.Intake.Company == "Initech" || s.Drafts[coach.PromptCompany].Text == "Initech") &&
			(s.Intake.Role == "Tester" || s.Drafts[coach.PromptRole].Text == "Tester")
	})
	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c in the intake", 0)

	// The commands that look back, at a terminal and piped.
	commands := [][]string{{"list"}, {"show", s.ID}, {"export", "--all"}, {"stats"}, {"practice", "list"}}
	for _, c := range commands {
		tm := inTerminal(c...)
		tm.expectExit(t, fmt.Sprintf("rebound %q in a terminal", c), 0)
	}
	piped := t.TempDir()
	workDirs = append(workDirs, piped)
	for _, c := range append(slices.Clone(commands), []string{"list", "--json"}, []string{"show", s.ID, "--markdown"}) {
		code, out := runReboundIn(t, piped, env, slices.Concat(c, []string{"--data-dir", dataDir})...)
		if code != 0 || out == "" {
			t.Errorf("rebound %q piped: exit code %d, output %q; want 0 and some output", c, code, out)
		}
	}
	// -o writes where it is told and nothing beside it.
	outDir := t.TempDir()
	if code, out := runReboundIn(t, piped, env, "export", "--all", "--format", "json",
		"-o", filepath.Join(outDir, "all.json"), "--data-dir", dataDir); code != 0 {
		t.Errorf("export -o: exit code %d: %s", code, out)
	}
	if entries, err := os.ReadDir(outDir); err != nil || len(entries) != 1 || entries[0].Name() != "all.json" {
		t.Errorf("export -o left %v (%v), want only all.json", entries, err)
	}
	checkMode(t, filepath.Join(outDir, "all.json"), 0o600)

	for _, dir := range workDirs {
		checkNothingIn(t, "the working directory", dir)
	}
	checkNothingIn(t, "HOME", home)

	err := filepath.WalkDir(dataDir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case strings.Contains(d.Name(), ".tmp-"):
			t.Errorf("a temp file is left in the data dir: %s", path)
		case d.IsDir():
			checkMode(t, path, 0o700)
		default:
			checkMode(t, path, 0o600)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkNothingIn fails the test for everything in dir.
func checkNothingIn(t *testing.T, what, dir string) {
	t.Helper()
	var left []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && path != dir {
			left = append(left, path)
		}
		return err
	})
	if err != nil || len(left) > 0 {
		t.Errorf("rebound left something in %s %s: %q (%v)", what, dir, left, err)
	}
}

// runReboundIn is runRebound in the working directory dir with env added:
// no terminal, stdin from /dev/null. It returns the exit code and what was
// printed, stdout and stderr together.
func runReboundIn(t *testing.T, dir string, env []string, args ...string) (code int, out string) {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Env = append(terminalEnv(), env...)
	cmd.Dir = dir
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf // cmd.Stdin nil is /dev/null
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(e2eWait, func() { _ = cmd.Process.Kill() })
	defer timer.Stop()
	err := cmd.Wait()
	if _, ok := errors.AsType[*exec.ExitError](err); err != nil && !ok {
		t.Fatalf("rebound %q: %v", args, err)
	}
	return cmd.ProcessState.ExitCode(), buf.String()
}

// TestE2ETwoCopies runs two copies of the real binary on one data
// directory. The session open in the first opens read-only in the second,
// with one sentence saying why, and only the first one's answers land;
// two different sessions, one in each copy, both save.
func TestE2ETwoCopies(t *testing.T) {
	dir := t.TempDir()
	first := startApp(t, 100, 30, dir, "new")
	first.beginWhole(t)
	first.Type("Globex")
	first.Press("tab")
	waitSession(t, dir, "the company", func(s *savedSession) bool { return s.Intake.Company == "Globex" })

	second := startApp(t, 100, 30, dir)
	second.WaitFor(t, "Resume: Globex", 10*time.Second)
	second.Press("down", "enter")
	second.WaitUntil(t, "the read-only sentence", 10*time.Second, func(screen string) bool {
		return strings.Contains(strings.Join(strings.Fields(screen), " "), "This session is open in another rebound window, so here it is read-only")
	})
	second.Press("e")
	second.WaitFor(t, "read-only here", 5*time.Second)

	first.Type("Analyst")
	first.Press("tab")
	waitSession(t, dir, "the first copy's role", func(s *savedSession) bool { return s.Intake.Role == "Analyst" })
	second.Press("esc")
	second.Press("ctrl+c")
	if code, err := second.Wait(10 * time.Second); err != nil || code != 0 {
		t.Fatalf("the second copy: exit %d, %v", code, err)
	}

	// A new session in a third copy while the first still runs.
	third := startApp(t, 100, 30, dir, "new")
	third.beginWhole(t)
	third.Type("Initech")
	third.Press("tab")
	first.Press("ctrl+c")
	third.Press("ctrl+c")
	for _, tm := range []*term{first, third} {
		if code, err := tm.Wait(10 * time.Second); err != nil || code != 0 {
			t.Fatalf("exit %d, %v", code, err)
		}
	}
	files, err := sessionFiles(dir)
	if err != nil || len(files) != 2 {
		t.Fatalf("session files %v, %v; want two", files, err)
	}
	got := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var s savedSession
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		got[s.Intake.Company] = s.Intake.Role
	}
	if len(got) != 2 || got["Globex"] != "Analyst" || got["Initech"] != "" {
		t.Errorf("saved %v; want Globex's role from the first copy and Initech from the third", got)
	}
	if locks, _ := os.ReadDir(filepath.Join(dir, "locks")); len(locks) != 0 {
		t.Errorf("lock files left after every copy quit: %v", locks)
	}
}

// TestE2ENoHome: with no home directory and no --data-dir there is nowhere
// to save. The app says why at once, the session goes on, what was typed is
// printed on quit (exit 1), and nothing is written to the working directory.
func TestE2ENoHome(t *testing.T) {
	tm := startBinary(t, binPath, 100, 30, []string{"HOME="}, "new")
	tm.WaitUntil(t, "the reason", 10*time.Second, func(screen string) bool {
		return strings.Contains(strings.Join(strings.Fields(screen), " "), "Can't save: cannot choose where to keep rebound's data because no home directory was found")
	})
	tm.beginWhole(t)
	tm.Type("Pied Piper")
	tm.Press("tab")
	tm.Press("ctrl+c")
	if code, err := tm.Wait(10 * time.Second); err != nil || code != 1 {
		t.Fatalf("exit %d, %v; want 1", code, err)
	}
	tm.WaitFor(t, "Pied Piper", 5*time.Second) // printed after the alt screen closed
	if entries, err := os.ReadDir(tm.cmd.Dir); err != nil || len(entries) != 0 {
		t.Errorf("the working directory holds %v (%v); want nothing", entries, err)
	}
}

// TestE2EResizeBurst types into a prompt, then resizes the terminal 100
// times as fast as it can, from 1x1 to 200x60, and checks that rebound
// comes out of it alive, drawn exactly as a fresh start at the last size
// is (nothing left over from an earlier size), and still taking keys.
func TestE2EResizeBurst(t *testing.T) {
	dataDir := t.TempDir()
	tm := startApp(t, 80, 24, dataDir)
	tm.WaitFor(t, firstFrameText, e2eWait)
	tm.Press("enter")
	tm.beginWhole(t)
	tm.Type("Northwind")
	tm.WaitFor(t, "Northwind", e2eWait)

	sizes := [][2]int{{1, 1}, {10, 5}, {200, 60}, {59, 19}, {60, 20}}
	for i := len(sizes); i < 100; i++ { // spread over the whole range
		sizes = append(sizes, [2]int{1 + i*37%200, 1 + i*13%60})
	}
	for _, s := range sizes {
		tm.Resize(s[0], s[1])
	}
	tm.Resize(80, 24)
	tm.Resize(120, 40)

	// The same screen from a fresh start at 120x40, once its draft is saved.
	fresh := startApp(t, 120, 40, t.TempDir())
	fresh.WaitFor(t, firstFrameText, e2eWait)
	fresh.Press("enter")
	fresh.beginWhole(t)
	fresh.Type("Northwind")
	fresh.WaitFor(t, "saved ", e2eWait)
	want := withoutSavedTime(fresh.Screen())
	fresh.Press("ctrl+c")
	fresh.expectExit(t, "ctrl+c", 0)

	tm.WaitUntil(t, "the intake at 120x40, as a fresh start draws it", e2eWait, func(s string) bool {
		return withoutSavedTime(s) == want
	})
	if !tm.alive() {
		t.Fatalf("rebound exited during the resizes (%s)", tm.exitStatus())
	}

	tm.Type(" Traders")
	tm.WaitFor(t, "Northwind Traders", e2eWait)
	tm.Press("tab")
	waitSession(t, dataDir, "the company typed across the resizes", func(s *savedSession) bool {
		return s.Intake.Company == "Northwind Traders"
	})
	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c", 0)
}

// withoutSavedTime is a screen with the header's "saved 15:04" as "saved":
// two runs can save in different minutes.
func withoutSavedTime(screen string) string {
	if i := strings.Index(screen, "saved "); i >= 0 && len(screen) >= i+len("saved 15:04") {
		return screen[:i+len("saved")] + screen[i+len("saved 15:04"):]
	}
	return screen
}

// TestE2ESuspendResume presses ctrl+z with an answer typed and not yet
// saved: the answer must be on disk and the process stopped with the
// terminal handed back, then fg brings it back drawn and taking keys.
//
// Bubble Tea suspends by sending SIGTSTP to its own process group and
// waiting for SIGCONT. The harness starts programs as session leaders, and
// Linux drops SIGTSTP sent to an orphaned process group such as that one,
// so rebound runs here as a job of a shell with job control (set -m), as
// it does at a prompt: the shell gets the terminal back when rebound
// stops, and its fg gives the terminal back and sends SIGCONT.
func TestE2ESuspendResume(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("needs /proc to see that the process is stopped")
	}
	dataDir := t.TempDir()
	script := `set -m; "$@"; echo "shell: rebound stopped ($?)"; read x; fg; echo "shell: rebound ended ($?)"`
	tm := startBinary(t, "/bin/sh", 80, 24, []string{"HOME=" + t.TempDir()},
		"-c", script, "sh", binPath, "--data-dir", dataDir)
	tm.WaitFor(t, firstFrameText, e2eWait)
	pid := childOf(t, tm.cmd.Process.Pid)
	t.Cleanup(func() { _ = syscall.Kill(pid, syscall.SIGKILL) }) // if it stays stopped after a failure

	tm.Press("enter")
	tm.beginWhole(t)
	tm.Type("Northwind")
	tm.Press("ctrl+z") // at once: well before the 800 ms pause that saves a draft

	waitState(t, pid, "stopped", func(state string) bool { return state == "T" })
	s, _, text, err := loadSession(dataDir)
	if err != nil {
		t.Fatalf("after ctrl+z: %v\n%s", err, text)
	}
	if got := s.Drafts["intake.company"].Text + s.Intake.Company; got != "Northwind" {
		t.Errorf("after ctrl+z the file holds %q for the company, want Northwind:\n%s", got, text)
	}
	tm.WaitFor(t, "shell: rebound stopped", e2eWait)
	if tm.AltScreen() {
		t.Error("the alternate screen is still on while rebound is stopped")
	}
	if tm.CursorHidden() {
		t.Error("the cursor is still hidden while rebound is stopped")
	}

	tm.Press("enter") // the shell's read, then fg
	waitState(t, pid, "running again", func(state string) bool { return state != "T" })
	tm.WaitUntil(t, "the intake drawn again", e2eWait, func(s string) bool {
		return strings.Contains(s, "rebound · What happened") && strings.Contains(s, "› Company        Northwind") &&
			!strings.Contains(s, "shell:")
	})
	if !tm.AltScreen() {
		t.Error("the alternate screen is off after fg")
	}
	tm.Type(" Traders")
	tm.WaitFor(t, "Northwind Traders", e2eWait)
	tm.Press("tab")
	waitSession(t, dataDir, "the company typed after fg", func(s *savedSession) bool {
		return s.Intake.Company == "Northwind Traders"
	})
	tm.Press("ctrl+c")
	tm.WaitFor(t, "shell: rebound ended (0)", e2eWait)
	tm.expectExit(t, "ctrl+c and the shell's end", 0)
}

// childOf is the process ID of the one child of process ppid, read from
// /proc (Linux).
func childOf(t *testing.T, ppid int) int {
	t.Helper()
	deadline := time.Now().Add(e2eWait)
	for time.Now().Before(deadline) {
		stats, _ := filepath.Glob("/proc/[0-9]*/stat")
		for _, path := range stats {
			data, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			var pid, parent int
			var state string
			// pid (comm) state ppid …; comm is the binary's name, no spaces.
			if _, err := fmt.Sscanf(string(data[bytes.LastIndexByte(data, ')')+1:]), " %s %d", &state, &parent); err != nil || parent != ppid {
				continue
			}
			if _, err := fmt.Sscanf(string(data), "%d", &pid); err == nil {
				return pid
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no child of process %d", ppid)
	return 0
}

// waitState waits until process pid's state letter in /proc/<pid>/stat
// ("R", "S", "T" for stopped…) satisfies ok.
func waitState(t *testing.T, pid int, what string, ok func(state string) bool) {
	t.Helper()
	deadline := time.Now().Add(e2eWait)
	var state string
	for {
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			t.Fatalf("waiting for rebound to be %s: %v", what, err)
		}
		if _, err := fmt.Sscanf(string(data[bytes.LastIndexByte(data, ')')+1:]), " %s", &state); err == nil && ok(state) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("rebound is not %s after %v: state %q", what, e2eWait, state)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestE2EHostileArgumentIsShownInert: an unknown flag is echoed in the
// error, and the echo acts on no terminal.
func TestE2EHostileArgumentIsShownInert(t *testing.T) {
	code, stdout, stderr := runRebound(t, "--\x1b]0;pwned\x07", "x")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "␛]0;pwned␇") || strings.ContainsAny(stderr, "\x1b\x07") {
		t.Errorf("exit %d, stdout %q, stderr %q; want 2 and the flag shown inert", code, stdout, stderr)
	}
}

// TestPlainModeChoice: plain mode is asked for with --plain, by a terminal
// that cannot move its cursor, or for a screen reader.
func TestPlainModeChoice(t *testing.T) {
	tests := []struct {
		name  string
		plain bool
		env   map[string]string
		want  bool
	}{
		{"default", false, nil, false},
		{"--plain", true, nil, true},
		{"TERM=dumb", false, map[string]string{"TERM": "dumb"}, true},
		{"TERM=xterm", false, map[string]string{"TERM": "xterm-256color"}, false},
		{"REBOUND_ACCESSIBLE=1", false, map[string]string{"REBOUND_ACCESSIBLE": "1"}, true},
		{"REBOUND_ACCESSIBLE=true", false, map[string]string{"REBOUND_ACCESSIBLE": "true"}, true},
		{"REBOUND_ACCESSIBLE=0", false, map[string]string{"REBOUND_ACCESSIBLE": "0"}, false},
		{"REBOUND_ACCESSIBLE=false", false, map[string]string{"REBOUND_ACCESSIBLE": "false"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := plainMode(tt.plain, func(k string) string { return tt.env[k] }); got != tt.want {
				t.Errorf("plainMode = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestE2EPlainFromAFile answers a whole session from a file through the
// real binary, stdin and stdout both redirected: the transcript is
// compared with a golden file (dates and the ID written as placeholders),
// it holds not one escape sequence, and the JSON holds every answer.
// REBOUND_UPDATE=1 rewrites the golden file.
func TestE2EPlainFromAFile(t *testing.T) {
	const input, golden = "ui/plain/testdata/session.txt", "ui/plain/testdata/e2e.golden"
	in, err := os.Open(input)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	dataDir := filepath.Join(t.TempDir(), "data")
	// The name that signs the letters, kept by an earlier run.
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dataDir, "settings.json"), []byte(`{"name": "Sam Lee"}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binPath, "--plain", "--data-dir", dataDir, "new")
	cmd.Env = append(terminalEnv(), "HOME="+t.TempDir())
	cmd.Dir = t.TempDir()
	cmd.Stdin = in
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	before := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(e2eWait, func() { _ = cmd.Process.Kill() })
	err = cmd.Wait()
	timer.Stop()
	after := time.Now()
	if err != nil || errOut.Len() > 0 {
		t.Fatalf("rebound --plain: %v; stderr %q", err, errOut.String())
	}
	if i := bytes.IndexByte(out.Bytes(), 0x1b); i >= 0 {
		t.Errorf("an escape sequence in plain output at byte %d: %q", i, out.Bytes()[max(0, i-20):min(out.Len(), i+20)])
	}

	s, path, _, err := loadSession(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	checkMode(t, path, 0o600)
	if s.Status != "complete" || s.Intake.Company != "Northwind" || s.Intake.Stage != "final round" ||
		s.MoodBefore == nil || s.MoodBefore.Score != 3 || s.MoodAfter == nil || s.MoodAfter.Score != 6 {
		t.Errorf("saved %+v", s)
	}
	checkDate(t, "rejected_on", s.Intake.RejectedOn, -1, before, after)
	checkDate(t, "follow_up_on", s.Feedback.FollowUpOn, 7, before, after)
	if len(s.Actions) != 2 || s.Actions[1].Text != "Ask Ana for a mock interview" {
		t.Fatalf("actions %+v", s.Actions)
	}
	checkDate(t, "the first action's due date", s.Actions[0].Due, 3, before, after)
	if got := s.Answers["feedback.went_well"].Items; len(got) != 2 || got[1] != "Good questions about the team" {
		t.Errorf("went well: %q", got)
	}

	if day(before, 0) != day(after, 0) {
		t.Skip("the day changed during the run; the transcript's dates cannot be placed")
	}
	text := strings.ReplaceAll(out.String(), dataDir, "$DATA")
	text = strings.ReplaceAll(text, s.ID, "<id>")
	for d := -1; d <= 7; d++ {
		text = strings.ReplaceAll(text, day(before, d), fmt.Sprintf("<today%+d>", d))
	}
	text = regexp.MustCompile(`\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}`).ReplaceAllString(text, "<started>")
	if os.Getenv("REBOUND_UPDATE") != "" {
		if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (REBOUND_UPDATE=1 go test -run TestE2EPlainFromAFile . writes it)", err)
	}
	if text != string(want) {
		gl, wl := strings.Split(text, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got %q\nwant %q", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d", golden, len(gl), len(wl))
	}
}

// TestE2EPlainAtADumbTerminal: with TERM=dumb at a real terminal rebound
// asks line by line, never switches to the alternate screen, and what is
// typed is saved at once.
func TestE2EPlainAtADumbTerminal(t *testing.T) {
	dataDir := t.TempDir()
	tm := startBinary(t, binPath, 80, 24, []string{"TERM=dumb", "HOME=" + t.TempDir()}, "--data-dir", dataDir, "new")
	tm.WaitFor(t, "How are you, right now?", e2eWait)
	tm.Type("5 tired\r")
	tm.WaitFor(t, "Choose 1 or 2 [1]:", e2eWait)
	tm.Type("\r")
	tm.WaitFor(t, "Company (e.g. Northwind):", e2eWait)
	tm.Type("Northwind\r")
	tm.WaitFor(t, "Role (e.g. Product designer):", e2eWait)
	if tm.AltScreen() {
		t.Error("plain mode switched to the alternate screen")
	}
	waitSession(t, dataDir, "the company saved", func(s *savedSession) bool { return s.Intake.Company == "Northwind" })
	tm.Type(":quit\r")
	tm.expectExit(t, "after :quit", 0)
	if !strings.Contains(tm.Screen(), "Saved. Resume this session from home") {
		t.Errorf("no word that it was saved:\n%s", tm.Screen())
	}
}

// TestScreens makes the README's pictures from the real binary: home, a
// step of a session, the summary, Past sessions, Insights and a practice
// round, each drawn from the emulator's screen as an SVG (package
// ui/screenshot) over a data dir of one person's job search, dated back
// from today. With REBOUND_SCREENS=DIR the pictures are written to DIR
// (.ci/screens writes ui/screens); without it they go to a temp dir, and
// the test still checks that each parses and shows its screen, so the
// script cannot rot unnoticed.
func TestScreens(t *testing.T) {
	out := os.Getenv("REBOUND_SCREENS")
	if out == "" {
		out = t.TempDir()
	} else if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	// HOME is short and the data dir rebound's default under it, so the
	// summary's "Saved to" line shows the real layout.
	home, err := os.MkdirTemp("", "home-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(home) })
	dataDir := filepath.Join(home, ".local", "share", "rebound")
	writeScreensData(t, dataDir, time.Now())

	env := []string{"HOME=" + home, "COLORTERM=truecolor"} // the styles' own colours, not the 256-colour cube
	tm := startBinary(t, binPath, 100, 30, env, "--theme", "dark")
	shoot := func(name string, want ...string) {
		t.Helper()
		tm.WaitUntil(t, name+" drawn", e2eWait, func(s string) bool {
			return inOrder(strings.Join(strings.Fields(s), " "), want...)
		})
		tm.waitStill(t)
		svg := tm.screenSVG()
		text, err := pictureText(svg)
		if err != nil {
			t.Fatalf("%s.svg does not parse: %v\n%s", name, err, svg)
		}
		if !inOrder(strings.Join(strings.Fields(text), " "), want...) {
			t.Errorf("%s.svg does not show %q; its text:\n%s", name, want, text)
		}
		if err := os.WriteFile(filepath.Join(out, name+".svg"), svg, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	shoot("home", "Due now", "late · Follow up on your feedback request",
		"› Start a new session", "Resume: Product designer at Globex", "Resume: Design systems designer at Initech",
		"Past sessions", "11 sessions", "Practise questions", "Insights")

	// A step half answered: the Globex session stopped before step 2.
	tm.chooseOnHome(t, "Resume: Product designer at Globex")
	tm.Press("enter")
	tm.WaitFor(t, "The thought that hurts most", e2eWait)
	tm.Type("Three rounds and still a no. Maybe I am not as good as I thought")
	shoot("step", "Step 2 of 5 · Don't take it personally", "A no to the application, not to you",
		"The thought that hurts most", "Maybe I am not as good as I thought")
	tm.Press("esc")

	// The summary, after the last check-in of the Initech session.
	tm.chooseOnHome(t, "Resume: Design systems designer at Initech")
	tm.Press("enter")
	tm.WaitFor(t, "How are you feeling now?", e2eWait)
	tm.Press("7")
	tm.Type("steadier")
	tm.WaitFor(t, "Word: steadier", e2eWait)
	tm.Press("enter")
	shoot("summary", "rebound · Summary", "Design systems designer at Initech", "Mood: 3/10 (knocked) → 7/10 (steadier)",
		"A balanced thought:", "Saved to")
	tm.Press("esc")

	tm.chooseOnHome(t, "Past sessions")
	tm.Press("enter")
	shoot("history", "rebound · Past sessions", "11 sessions", "Product designer at Globex",
		"Design systems designer at Initech", "Product designer at Northwind", "final round · mood 4 → 6")
	tm.Press("esc")

	tm.chooseOnHome(t, "Insights")
	tm.Press("enter")
	shoot("insights", "rebound · Insights", "Sessions per month", "Mood", "before", "after")
	tm.Press("esc")

	tm.chooseOnHome(t, "Practise questions")
	tm.Press("enter")
	// The queue, not only the title: an enter while it is read is lost.
	tm.WaitFor(t, "Queue: all questions", e2eWait)
	tm.Press("enter") // the first in the queue: a question that threw you at Initech
	tm.WaitFor(t, "Your answer", e2eWait)
	tm.Type("I like product work, but the part I enjoy most is making the next team faster.")
	tm.Press("enter")
	tm.Type("At Fabrikam I built our component library: 40 components, and new screens shipped in half the time.")
	shoot("practice", "rebound · Practice · answer", "Why design systems rather than product work?",
		"a question that threw you", "left", "Your answer", "component library: 40 components")

	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c on a practice round", 0)
}

// chooseOnHome moves the selection on home to the line holding item. Home
// reloads its list each time it is shown and then selects the first item:
// a key pressed before that lands on the old list and is undone.
func (tm *term) chooseOnHome(t *testing.T, item string) {
	t.Helper()
	tm.WaitUntil(t, "home reloaded", e2eWait, func(s string) bool { return hasLine(s, "› "+firstFrameText) })
	lineOf := func(screen, s string) int {
		return slices.IndexFunc(strings.Split(screen, "\n"), func(l string) bool { return strings.Contains(l, s) })
	}
	for range 20 {
		screen := tm.Screen()
		at, selected := lineOf(screen, item), lineOf(screen, "› ")
		if at < 0 {
			t.Fatalf("no %q on home:\n%s", item, frame(screen))
		}
		if at == selected {
			return
		}
		key := "down"
		if at < selected {
			key = "up"
		}
		tm.Press(key)
		tm.WaitUntil(t, "the selection to move", e2eWait, func(s string) bool { return lineOf(s, "› ") != selected })
	}
	t.Fatalf("could not select %q on home:\n%s", item, frame(tm.Screen()))
}

// waitStill waits until the screen, styles included, has not changed for
// a moment, so that a picture never catches a frame half drawn.
func (tm *term) waitStill(t *testing.T) {
	t.Helper()
	render := func() string {
		tm.mu.Lock()
		defer tm.mu.Unlock()
		return tm.emu.Render()
	}
	last := render()
	for deadline := time.Now().Add(e2eWait); time.Now().Before(deadline); {
		time.Sleep(150 * time.Millisecond)
		now := render()
		if now == last {
			return
		}
		last = now
	}
	t.Fatalf("the screen is still changing after %v:\n%s", e2eWait, frame(tm.Screen()))
}

// writeScreensData writes the pictures' data: a product designer's last
// nine months of rejections, nine sessions complete and two to resume (one
// stopped before step 2, one before the last check-in), with a follow-up
// and an action due, and practice on the questions that threw them.
func writeScreensData(t *testing.T, dataDir string, now time.Time) {
	t.Helper()
	ago := func(days int, hour int) time.Time {
		d := now.AddDate(0, 0, -days)
		return time.Date(d.Year(), d.Month(), d.Day(), hour, 20, 0, 0, time.Local)
	}
	type past struct {
		id, company, role, interviewer, stage, channel string
		days                                           int
		before, after                                  coach.Mood
		thought, balanced                              string
		wentWell, doBetter, threw                      []string
	}
	sessions := []past{
		{"1b7e4c2a9f3d6058", "Contoso", "Product designer", "", "phone screen", "silence", 270,
			coach.Mood{Score: 2, Word: "ignored"}, coach.Mood{Score: 4, Word: "tired"},
			"Nobody even replies any more.",
			"Silence after a phone screen usually means a full pipeline, not a verdict.",
			[]string{"Knowing my salary range"},
			[]string{"Research the company roadmap"},
			[]string{"What do you know about our customers?"}},
		{"8d2f6a0c4e1b9375", "Woodgrove Bank", "UX designer", "Chris", "first interview", "email", 250,
			coach.Mood{Score: 3, Word: "low"}, coach.Mood{Score: 5, Word: "clearer"},
			"I am too junior for banks.",
			"They wanted regulated-industry experience; that is one gap, and it can be learned.",
			[]string{"The accessibility audit story"},
			[]string{"Prepare stories with numbers", "Research the company roadmap"},
			[]string{"What is your biggest weakness?"}},
		{"3a9c5e7f1b0d2846", "Tailspin Toys", "Product designer", "Morgan", "final round", "call", 238,
			coach.Mood{Score: 2, Word: "crushed"}, coach.Mood{Score: 5, Word: "steadier"},
			"I was so close, and I blew it.",
			"Reaching the final round means they could see me in the role.",
			[]string{"The live critique", "Questions for the team"},
			[]string{"Slow down when answering", "Prepare stories with numbers"},
			[]string{"Tell me about a project that failed"}},
		{"6f4b8d2e0a7c1593", "Adventure Works", "Interaction designer", "", "after an assessment", "email", 180,
			coach.Mood{Score: 4, Word: "meh"}, coach.Mood{Score: 6, Word: "okay"},
			"My take-home was not good enough.",
			"Twelve people did the same take-home; only one could get the job.",
			[]string{"A tidy prototype"},
			[]string{"Time-box the design exercise", "Talk about trade-offs"},
			[]string{"How would you improve our app?"}},
		{"4a1f0c9e2b7d3a51", "Hooli", "UX designer", "Priya", "first interview", "email", 155,
			coach.Mood{Score: 3, Word: "deflated"}, coach.Mood{Score: 5, Word: "okay"},
			"I froze on the weakness question and it showed.",
			"One question went badly; the portfolio review went well.",
			[]string{"The portfolio walkthrough", "Rapport with Priya"},
			[]string{"Prepare stories with numbers", "Ask about the team's challenges"},
			[]string{"What is your biggest weakness?"}},
		{"7c3e9b1a0d5f2e84", "Umbrella Health", "Product designer", "", "phone screen", "email", 140,
			coach.Mood{Score: 5, Word: "annoyed"}, coach.Mood{Score: 7, Word: "fine"},
			"They could tell I was only half interested.",
			"A phone screen is a filter on timing and salary as much as on me.",
			[]string{"Clear about what I want next"},
			[]string{"Slow down when answering", "Prepare stories with numbers"},
			[]string{"Why are you leaving your current job?"}},
		{"2d8b4f6a1e9c7035", "Wonka Labs", "Senior product designer", "Jordan", "after an assessment", "email", 100,
			coach.Mood{Score: 3, Word: "stung"}, coach.Mood{Score: 6, Word: "lighter"},
			"My design exercise was not senior enough.",
			"The exercise had four hours and I gave it twelve: the brief was the problem as much as my work.",
			[]string{"The research plan", "Presenting the exercise"},
			[]string{"Talk about trade-offs", "Time-box the design exercise"},
			[]string{"Walk me through your design process"}},
		{"9e5a2c7b4f1d8063", "Acme Robotics", "Product designer", "Sam", "final round", "call", 61,
			coach.Mood{Score: 2, Word: "gutted"}, coach.Mood{Score: 5, Word: "calmer"},
			"Final round again, and again not me.",
			"Two final rounds in two months means the work gets me to the last room.",
			[]string{"The whiteboard session", "Questions about their roadmap"},
			[]string{"Prepare stories with numbers", "Talk about trade-offs"},
			[]string{"Tell me about a time you disagreed with a product manager"}},
		{"b6d1e8f3a2c94057", "Northwind", "Product designer", "Ms Rivera", "final round", "email", 9,
			coach.Mood{Score: 4, Word: "flat"}, coach.Mood{Score: 6, Word: "lighter"},
			"I will never get past the final round.",
			"I reached the final round; the decision had other reasons.",
			[]string{"A clear walkthrough of the checkout redesign", "Good rapport with the team"},
			[]string{"Quantify impact in the portfolio", "Prepare stories with numbers"},
			[]string{"How do you measure the success of a design?"}},
	}
	store := coach.NewStore(dataDir)
	save := func(s *coach.Session) {
		t.Helper()
		if err := store.Overwrite(s); err != nil {
			t.Fatal(err)
		}
	}
	// answer fills every prompt of the session from p, as if answered at at.
	answer := func(s *coach.Session, p past, at time.Time) {
		set := func(id string, a coach.Answer) { s.Set(id, a, at) }
		s.Intake = coach.Intake{Company: p.company, Role: p.role, Interviewer: p.interviewer, Stage: p.stage,
			RejectedOn: at.Format(time.DateOnly), Channel: p.channel,
			Message: "Thank you for your time. After careful consideration we have decided to move forward with other candidates."}
		s.MoodBefore = &p.before
		set("step_back.outside", coach.Answer{Items: []string{"They could hire only one person", "Other candidates were just as qualified"}})
		set("step_back.bigger_picture", coach.Answer{Text: "I am still interviewing, and my portfolio gets me through the door."})
		set("not_personal.thought", coach.Answer{Text: p.thought})
		set("not_personal.explanations", coach.Answer{Items: []string{"An internal candidate", "Someone else was a closer fit"}})
		set("not_personal.about_them", coach.Answer{Text: "Who else was in the running, and what the team needed this quarter."})
		set(coach.PromptBalanced, coach.Answer{Text: p.balanced})
		s.Feedback = coach.FeedbackRequest{Draft: coach.DraftRequest(&coach.Session{Intake: s.Intake}, ""), Send: "yes",
			SendOn: at.Format(time.DateOnly), FollowUpOn: at.AddDate(0, 0, 7).Format(time.DateOnly)}
		set("feedback.went_well", coach.Answer{Items: p.wentWell})
		set(coach.PromptDoBetter, coach.Answer{Items: p.doBetter})
		set(coach.PromptQuestions, coach.Answer{Items: p.threw})
		set("reflect.unprepared", coach.Answer{Text: "Numbers: the impact of my last two projects."})
		set("reflect.own_questions", coach.Answer{Text: "a few"})
		set("reflect.research", coach.Answer{Text: "partly"})
		set("reflect.skills", coach.Answer{Items: []string{"Interaction design", "User research", "Figma"}})
		set("restart.target", coach.Answer{Items: []string{"Product designer, fintech", "Design systems"}})
		set("restart.support", coach.Answer{Items: []string{"Sam from my old team", "The design meetup"}})
		s.Actions = []coach.Action{
			{Text: "Rewrite the checkout case study with outcomes", Due: at.AddDate(0, 0, 5).Format(time.DateOnly)},
			{Text: "Apply to two product roles", Due: at.AddDate(0, 0, 7).Format(time.DateOnly)},
		}
		s.Position = coach.PromptMoodAfter
	}
	ids := map[string]string{}
	for _, p := range sessions {
		at := ago(p.days, 17)
		s := coach.NewSession(at)
		s.ID = p.id
		answer(s, p, at)
		s.MoodAfter, s.Status = &p.after, coach.Complete
		switch p.company {
		case "Northwind": // the follow-up is due, and one action is late
			s.Actions[0].Due, s.Actions[1].Due = ago(1, 0).Format(time.DateOnly), ago(-3, 0).Format(time.DateOnly)
		case "Acme Robotics":
			s.Feedback.Outcome, s.Feedback.OutcomeOn = coach.Replied, ago(p.days-5, 9).Format(time.DateOnly)
			s.Feedback.Received = "Strong craft. The other candidate had shipped a design system."
			s.Feedback.ReceivedOn = s.Feedback.OutcomeOn
		default:
			s.Feedback.Outcome, s.Feedback.OutcomeOn = coach.NoReply, ago(p.days-10, 9).Format(time.DateOnly)
		}
		if p.company != "Northwind" { // long ago: the actions are done
			for j := range s.Actions {
				s.Actions[j].Done, s.Actions[j].DoneOn = true, ago(p.days-2-3*j, 9).Format(time.DateOnly)
			}
		}
		s.UpdatedAt = at.Add(50 * time.Minute)
		save(s)
		ids[p.company] = s.ID
	}

	// Initech, three days ago: everything answered but the last check-in.
	initech := past{company: "Initech", role: "Design systems designer", interviewer: "Alex", stage: "first interview",
		channel: "email", before: coach.Mood{Score: 3, Word: "knocked"},
		thought:  "I am a product designer pretending to know systems.",
		balanced: "I have built a component library people used; they wanted someone who has run one.",
		wentWell: []string{"The audit of their button variants"}, doBetter: []string{"Prepare stories with numbers", "Show the library's adoption"},
		threw: []string{"Why design systems rather than product work?"}}
	at := ago(3, 18)
	s := coach.NewSession(at)
	s.ID = "e3c7a9d15b2f4086"
	answer(s, initech, at)
	s.Actions[0].Text = "Write up the component library's adoption numbers"
	s.UpdatedAt = at.Add(45 * time.Minute)
	save(s)
	ids["Initech"] = s.ID

	// Globex, today: stopped after step 1.
	at = now.Add(-40 * time.Minute)
	s = coach.NewSession(at)
	s.ID = "5f0b3d8e7a1c2964"
	s.Intake = coach.Intake{Company: "Globex", Role: "Product designer", Interviewer: "Dana", Stage: "final round",
		RejectedOn: at.Format(time.DateOnly), Channel: "email",
		Message: "Hi, thank you for taking the time to meet the team. We were impressed, but we have decided to move forward with another candidate."}
	s.MoodBefore = &coach.Mood{Score: 3, Word: "stung"}
	s.Set("step_back.outside", coach.Answer{Items: []string{"They could hire only one person", "Timing: budget, plans or priorities"}}, at)
	s.Set("step_back.bigger_picture", coach.Answer{Text: "Two other applications are still open, and Acme asked to keep in touch."}, at)
	s.Position = "not_personal.thought"
	s.UpdatedAt = at.Add(20 * time.Minute)
	save(s)

	// Practice on the questions that threw them, ratings rising, and some
	// bank questions.
	type round struct {
		question, session string // a question that threw them, and where; or a bank question id
		days, rating      int
		answer            string
	}
	rounds := []round{
		{"What is your biggest weakness?", "Hooli", 110, 2, "I can be a perfectionist."},
		{"What is your biggest weakness?", "Hooli", 95, 3, "I used to over-polish early drafts; now I share them at 60%."},
		{"What is your biggest weakness?", "Hooli", 70, 4, "Sharing work early. I now show rough flows on day two, and the last project shipped a week sooner."},
		{"Why are you leaving your current job?", "Umbrella Health", 80, 2, "The company is not doing well."},
		{"Why are you leaving your current job?", "Umbrella Health", 58, 4, "I want to work on a product with many more users, and closer to research."},
		{"Walk me through your design process", "Wonka Labs", 55, 3, "Research, sketches, prototype, test, iterate."},
		{"Walk me through your design process", "Wonka Labs", 30, 4, "It depends on the risk: for checkout I started with five interviews, then two prototypes."},
		{"Tell me about a time you disagreed with a product manager", "Acme Robotics", 33, 2, "We disagreed about onboarding and I gave in."},
		{"Tell me about a time you disagreed with a product manager", "Acme Robotics", 12, 4, "We tested both onboarding flows with eight users; mine halved drop-off, and she backed it."},
		{"tell-me-about-yourself", "", 50, 3, "I am a product designer with six years in fintech and health."},
		{"tell-me-about-yourself", "", 20, 4, "Six years designing checkout and onboarding; I want to bring that to a bigger product."},
		{"greatest-strength", "", 15, 4, "Turning research into decisions the team can act on."},
		{"conflict-with-colleague", "", 6, 3, "An engineer and I disagreed on a date picker; we paired for an hour and shipped a simpler one."},
	}
	var practice []*coach.Practice
	for i, r := range rounds {
		q := coach.Question{Key: coach.QuestionKey(r.question), Text: r.question, Source: coach.FromSession, SessionID: ids[r.session]}
		if r.session == "" {
			b := bankQuestion(t, r.question)
			q = coach.Question{Key: coach.BankKey(b.ID), Text: b.Text, Source: coach.FromBank, Tag: b.Tag}
		}
		at := ago(r.days, 19)
		p := coach.NewPractice(q, 2*time.Minute, at)
		p.ID = fmt.Sprintf("c0ffee%010x", i)
		p.SetAnswer(r.answer, 95*time.Second, false, at.Add(2*time.Minute))
		p.SetReview(coach.Review{WentWell: "A clear start.", DoBetter: "A number for the result.",
			Rubric: []string{"structure", "relevance"}[:min(r.rating-1, 2)], Rating: r.rating}, at.Add(5*time.Minute))
		practice = append(practice, p)
	}
	if err := coachtest.WritePractice(store, practice); err != nil {
		t.Fatal(err)
	}
}

// TestCompletionAndManThroughBinary runs `rebound completion` and `rebound
// man` as a person would: each script and the page on stdout with exit 0,
// and a missing or unknown shell refused in one sentence naming them all,
// with exit 2.
func TestCompletionAndManThroughBinary(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		start string // how stdout starts
	}{
		{[]string{"completion", "bash"}, "# bash completion V2 for rebound"},
		{[]string{"completion", "zsh"}, "#compdef rebound\n"},
		{[]string{"completion", "fish"}, "# fish completion for rebound"},
		{[]string{"completion", "powershell"}, "# powershell completion for rebound"},
		{[]string{"man"}, `.\"`},
		{[]string{"completion", "--help"}, "Prints a completion script"},
		{[]string{"man", "--help"}, "Prints the manual page"},
	} {
		code, stdout, stderr := runRebound(t, tc.args...)
		if code != 0 || !strings.HasPrefix(stdout, tc.start) || stderr != "" {
			t.Errorf("rebound %q: exit %d, stdout starting %q, stderr %q; want 0 and %q", tc.args, code, stdout[:min(len(stdout), 40)], stderr, tc.start)
		}
		if tc.args[0] == "man" && len(tc.args) == 1 && !strings.Contains(stdout, "\n.TH REBOUND 1 ") {
			t.Errorf("rebound man: no .TH REBOUND 1 line")
		}
	}
	for _, args := range [][]string{{"completion", "tcsh"}, {"completion"}, {"--data-dir", t.TempDir(), "completion", "csh"}} {
		code, stdout, stderr := runRebound(t, args...)
		if code != 2 || stdout != "" || !isErrorLine(stderr) {
			t.Errorf("rebound %q: exit %d, stdout %q, stderr %q; want 2 and one line", args, code, stdout, stderr)
		}
		for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
			if !strings.Contains(stderr, shell) {
				t.Errorf("rebound %q: the error does not name %s: %q", args, shell, stderr)
			}
		}
	}
}

// TestBashCompletion sources the bash script in bash, with the real binary
// on PATH as the script expects, and completes command lines as bash
// would: COMP_WORDS and COMP_CWORD set, the completion function called,
// COMPREPLY read. Session IDs come from the data directory named on the
// line, or by REBOUND_DATA_DIR.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	code, script, stderr := runRebound(t, "completion", "bash")
	if code != 0 {
		t.Fatalf("completion bash: exit %d, %q", code, stderr)
	}
	path := filepath.Join(t.TempDir(), "rebound.bash")
	if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	// The script needs _get_comp_words_by_ref, from the bash-completion
	// package: the package's own when installed, else a stand-in that
	// splits the line as it does for these lines.
	wordsByRef := "_get_comp_words_by_ref() { words=(\"${COMP_WORDS[@]}\"); cword=$COMP_CWORD; " +
		"cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; }\n"
	if _, err := os.Stat("/usr/share/bash-completion/bash_completion"); err == nil {
		wordsByRef = "source /usr/share/bash-completion/bash_completion\n"
	}
	dataDir, envDir := t.TempDir(), t.TempDir()
	for dir, id := range map[string]string{dataDir: "0123456789abcdef", envDir: "fedcba9876543210"} {
		s := coach.NewSession(time.Now())
		s.ID = id
		if err := coach.NewStore(dir).Overwrite(s); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		line string // the words, the last one at the cursor
		want []string
	}{
		{"rebound sh", []string{"show"}},
		{"rebound practice ", []string{"list", "show"}},
		{"rebound --theme ", []string{"dark", "light", "none", "auto"}},
		{"rebound practice --tag b", []string{"behavioural"}},
		{"rebound export --f", []string{"--format", "--force"}},
		{"rebound completion p", []string{"powershell"}},
		{"rebound --data-dir " + dataDir + " show ", []string{"0123456"}},
		{"rebound show 01", nil},               // REBOUND_DATA_DIR's session starts fe
		{"rebound show ", []string{"fedcba9"}}, // REBOUND_DATA_DIR
		{"rebound list ", nil},
	} {
		t.Run(tc.line, func(t *testing.T) {
			words := strings.Split(tc.line, " ")
			var quoted []string
			for _, w := range words {
				quoted = append(quoted, "'"+strings.ReplaceAll(w, "'", `'\''`)+"'")
			}
			prog := wordsByRef + "source " + path + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\n" +
				"COMP_CWORD=" + strconv.Itoa(len(words)-1) + "\nCOMP_LINE='" + tc.line + "'\nCOMP_POINT=" + strconv.Itoa(len(tc.line)) +
				"\n__start_rebound\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
			cmd := exec.Command(bash, "--norc", "--noprofile", "-c", prog)
			cmd.Env = []string{"PATH=" + filepath.Dir(binPath) + string(os.PathListSeparator) + os.Getenv("PATH"),
				"HOME=" + t.TempDir(), "REBOUND_DATA_DIR=" + envDir}
			var errOut bytes.Buffer
			cmd.Stderr = &errOut // compopt says it runs outside a completion
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("bash: %v\n%s", err, errOut.String())
			}
			got := strings.Fields(string(out))
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("COMPREPLY = %q, want %q", got, want)
			}
		})
	}
}

// screenSVG draws the terminal's screen as an SVG in the dark theme.
func (tm *term) screenSVG() []byte {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return screenshot.SVG(tm.emu, screenshot.Options{Theme: screenshot.Dark})
}

// pictureText parses an SVG drawn by package screenshot and returns its
// text: each row's runs joined by one space, one row a line.
func pictureText(svg []byte) (string, error) {
	var doc struct {
		XMLName xml.Name `xml:"http://www.w3.org/2000/svg svg"`
		Rows    []struct {
			Runs []string `xml:"tspan"`
		} `xml:"g>text"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		return "", err
	}
	lines := make([]string, len(doc.Rows))
	for i, r := range doc.Rows {
		lines[i] = strings.Join(r.Runs, " ")
	}
	return strings.Join(lines, "\n"), nil
}

// bankQuestion is the bank's question id, for practice rounds on it.
func bankQuestion(t *testing.T, id string) content.BankQuestion {
	t.Helper()
	b, err := content.LoadBank()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := b.Question(id)
	if !ok {
		t.Fatalf("the question bank has no %q", id)
	}
	return q
}

// TestE2EThemeFlagBeatsNoColor: NO_COLOR takes every colour away, and a
// colour theme given as a flag brings them back (no-color.org: a per-run
// flag overrides the variable), in what reaches the terminal.
func TestE2EThemeFlagBeatsNoColor(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		colour bool
	}{{nil, false}, {[]string{"--theme", "dark"}, true}, {[]string{"--theme", "light"}, true}, {[]string{"--theme", "none"}, false}} {
		tm := startBinary(t, binPath, 80, 24, []string{"NO_COLOR=1", "HOME=" + t.TempDir()},
			append([]string{"--data-dir", t.TempDir()}, tt.args...)...)
		tm.WaitFor(t, firstFrameText, e2eWait)
		if got := tm.coloured(); got != tt.colour {
			t.Errorf("NO_COLOR=1 rebound %v: colour on screen %v, want %v", tt.args, got, tt.colour)
		}
		tm.Close()
	}
}

// coloured reports whether any cell on screen has a colour of its own.
func (tm *term) coloured() bool {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	for y := range tm.emu.Height() {
		for x := range tm.emu.Width() {
			if c := tm.emu.CellAt(x, y); c != nil && (c.Style.Fg != nil || c.Style.Bg != nil) {
				return true
			}
		}
	}
	return false
}

// globexBefore starts the data directory with one unfinished session,
// company Globex, as an earlier run leaves it.
func globexBefore(t *testing.T, dir string) (id string) {
	t.Helper()
	s := coach.NewSession(time.Now())
	s.Set(coach.PromptCompany, coach.Answer{Text: "Globex"}, time.Now())
	if err := coach.NewStore(dir).Overwrite(s); err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// onlySession is the one session file in dir, decoded; nil when none.
func onlySession(t *testing.T, dir string) *savedSession {
	t.Helper()
	files, err := sessionFiles(dir)
	if err != nil || len(files) > 1 {
		t.Fatalf("session files %v, %v", files, err)
	}
	if len(files) == 0 {
		return nil
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var s savedSession
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("%s: %v", files[0], err)
	}
	return &s
}

var readOnlySentence = "This session is open in another rebound window, so here it is read-only"

func words(screen string) string { return strings.Join(strings.Fields(screen), " ") }

// TestE2ETwoCopiesLoseNothing: two copies of the real binary in two
// terminals, each way a screen that does not hold a session could write it
// back: a read-only copy leaving by a key or a signal, a home drawn before
// the other copy saved, a session deleted in the other copy, a round open
// in both, and a lock that cannot be taken at all.
func TestE2ETwoCopiesLoseNothing(t *testing.T) {
	for _, leave := range []string{"ctrl+c", "esc q", "SIGTERM", "SIGHUP"} {
		t.Run("read-only copy leaves by "+leave, func(t *testing.T) {
			dir := t.TempDir()
			globexBefore(t, dir)
			a := startApp(t, 100, 30, dir)
			b := startApp(t, 100, 30, dir)
			a.WaitFor(t, "Resume: Globex", e2eWait)
			a.Press("down", "enter")
			a.beginWhole(t) // an unscored session resumes at the check-in
			b.WaitFor(t, "Resume: Globex", e2eWait)
			b.Press("down", "enter")
			b.WaitUntil(t, "the read-only sentence", e2eWait, func(s string) bool { return strings.Contains(words(s), readOnlySentence) })
			a.Press("tab")
			a.Type("Analyst")
			a.Press("tab", "ctrl+c")
			if code, err := a.Wait(e2eWait); err != nil || code != 0 {
				t.Fatalf("the first copy: exit %d, %v", code, err)
			}
			switch leave {
			case "SIGTERM":
				_ = b.cmd.Process.Signal(syscall.SIGTERM)
			case "SIGHUP":
				_ = b.cmd.Process.Signal(syscall.SIGHUP)
			default:
				b.Press(strings.Fields(leave)...)
			}
			_, _ = b.Wait(e2eWait)
			if s := onlySession(t, dir); s == nil || s.Intake.Role != "Analyst" {
				t.Errorf("after the read-only copy left by %s the file holds %+v, want the first copy's role", leave, s)
			}
		})
	}

	t.Run("a home drawn before the other copy saved", func(t *testing.T) {
		dir := t.TempDir()
		globexBefore(t, dir)
		b := startApp(t, 100, 30, dir) // home drawn now, and left there
		b.WaitFor(t, "Resume: Globex", e2eWait)
		a := startApp(t, 100, 30, dir)
		a.WaitFor(t, "Resume: Globex", e2eWait)
		a.Press("down", "enter")
		a.beginWhole(t) // an unscored session resumes at the check-in
		a.Press("tab")
		a.Type("Analyst")
		a.Press("tab", "ctrl+c")
		_, _ = a.Wait(e2eWait)

		b.Press("down", "enter") // the row as it was drawn
		b.WaitUntil(t, "opened where the first copy stopped: the stage", e2eWait, func(s string) bool {
			return hasLine(s, "Role", "Analyst") && strings.Contains(s, "› Stage reached")
		})
		b.Press("2") // first interview
		b.WaitFor(t, "● first interview", e2eWait)
		b.Press("tab", "ctrl+c")
		_, _ = b.Wait(e2eWait)
		if s := onlySession(t, dir); s == nil || s.Intake.Role != "Analyst" || s.Intake.Stage != "first interview" {
			t.Errorf("the file holds %+v, want both copies' answers", s)
		}
	})

	t.Run("a session deleted in the other copy", func(t *testing.T) {
		dir := t.TempDir()
		id := globexBefore(t, dir)
		b := startApp(t, 100, 30, dir)
		b.WaitFor(t, "Resume: Globex", e2eWait)
		other := coach.NewStore(dir) // the other copy, deleting it from its session page
		if err := other.Delete(id); err != nil {
			t.Fatal(err)
		}
		other.UnlockAll()
		b.Press("down", "enter")
		b.WaitFor(t, "no longer on disk", e2eWait)
		b.Press("ctrl+c")
		_, _ = b.Wait(e2eWait)
		if s := onlySession(t, dir); s != nil {
			t.Errorf("the deleted session came back: %+v", s)
		}
		if code, out := runReboundIn(t, t.TempDir(), nil, "restore", "--data-dir", dir, id); code != 0 {
			t.Errorf("restore after the other copy quit: %d %s", code, out)
		}
	})

	t.Run("a practice round open in both", func(t *testing.T) {
		dir := t.TempDir()
		a := startApp(t, 100, 30, dir, "practice")
		a.WaitFor(t, "Queue:", e2eWait)
		a.Press("enter")
		a.WaitFor(t, "Your answer", e2eWait)
		a.Type("Half of it")
		a.Press("esc")
		a.WaitUntil(t, "the round left unfinished", e2eWait, func(s string) bool { return hasLine(s, "› ", "unfinished") })
		a.Press("enter")
		a.WaitFor(t, "Half of it", e2eWait)

		b := startApp(t, 100, 30, dir, "practice")
		b.WaitUntil(t, "the unfinished round first", e2eWait, func(s string) bool { return hasLine(s, "› ", "unfinished") })
		b.Press("enter")
		b.WaitUntil(t, "the round's read-only sentence", e2eWait, func(s string) bool {
			return strings.Contains(words(s), "This practice round is open in another rebound window")
		})
		a.Type(" and the rest")
		a.Press("tab")
		b.Press("ctrl+c")
		_, _ = b.Wait(e2eWait)
		a.Press("ctrl+c")
		_, _ = a.Wait(e2eWait)
		files, _ := filepath.Glob(filepath.Join(dir, "practice", "*.json"))
		if len(files) != 1 {
			t.Fatalf("practice files %v, want one", files)
		}
		data, _ := os.ReadFile(files[0])
		if !strings.Contains(string(data), `"Half of it and the rest"`) {
			t.Errorf("the round lost the first copy's answer:\n%s", data)
		}
	})

	t.Run("a lock that cannot be taken", func(t *testing.T) {
		dir := t.TempDir()
		globexBefore(t, dir)
		locks := filepath.Join(dir, "locks")
		if err := os.RemoveAll(locks); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(locks, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		before, _ := sessionFiles(dir)
		data, _ := os.ReadFile(before[0])
		tm := startApp(t, 100, 30, dir)
		tm.WaitFor(t, "Resume: Globex", e2eWait)
		tm.Press("down", "enter")
		tm.WaitUntil(t, "why it is read-only", e2eWait, func(s string) bool {
			return strings.Contains(words(s), "Read-only: this session cannot be locked")
		})
		tm.Press("r")
		tm.WaitFor(t, "read-only here", e2eWait)
		tm.Press("ctrl+c")
		_, _ = tm.Wait(e2eWait)
		if now, _ := os.ReadFile(before[0]); !bytes.Equal(now, data) {
			t.Errorf("a session that could not be locked was written:\n%s", now)
		}
	})
}

// TestE2EFIFOInSessions: a FIFO named like a session file used to hang
// list, stats and export --all forever, and home never showed a session.
// Each now returns at once, with every good session, naming the FIFO.
func TestE2EFIFOInSessions(t *testing.T) {
	dataDir := t.TempDir()
	writePastSessions(t, dataDir, time.Now())
	fifo := filepath.Join(dataDir, "sessions", "x.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	const reason = "a named pipe, not a regular file"
	for _, args := range [][]string{
		{"list"}, {"list", "--json"}, {"stats"}, {"export", "--all"}, {"show", "x"},
	} {
		code, stdout, stderr := runRebound(t, append(args, "--data-dir", dataDir)...) // fails the test on a hang
		switch args[0] {
		case "show":
			if code != 1 || !strings.Contains(stderr, reason) {
				t.Errorf("rebound %q: exit %d, stderr %q; want 1 and %q", args, code, stderr, reason)
			}
			continue
		case "stats":
			if code != 0 {
				t.Errorf("rebound %q: exit %d, stderr %q", args, code, stderr)
			}
			continue
		}
		if code != 0 || !strings.Contains(stdout+stderr, reason) ||
			!strings.Contains(stdout, "Northwind") || !strings.Contains(stdout, "Acme Robotics") || !strings.Contains(stdout, "Globex") {
			t.Errorf("rebound %q: exit %d; want 0, the three sessions and %q\nstdout %s\nstderr %s", args, code, reason, stdout, stderr)
		}
	}

	tm := startApp(t, 100, 30, dataDir)
	tm.WaitUntil(t, "home with the three sessions and the FIFO named", e2eWait, func(s string) bool {
		return hasLine(s, "Past sessions", "3 sessions") && strings.Contains(s, "Skipped sessions/x.json: "+reason)
	})
	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c on home", 0)
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was touched: %v, %v", info, err)
	}
}

// TestE2EListSeesEditKeepingSizeAndMtime: an edit that keeps a session
// file's size and modification time (a backup restored with its times,
// touch -r, a sync tool) used to be listed from the old index entry.
func TestE2EListSeesEditKeepingSizeAndMtime(t *testing.T) {
	dataDir := t.TempDir()
	writePastSessions(t, dataDir, time.Now())
	path := filepath.Join(dataDir, "sessions", acmeID+".json")
	old := time.Now().Add(-time.Hour) // long before the index: not racily clean
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runRebound(t, "list", "--data-dir", dataDir); code != 0 || !strings.Contains(stdout, "Acme Robotics") {
		t.Fatalf("list: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(data, []byte("Acme Robotics"), []byte("Acme Rockets!"), 1)
	if len(edited) != len(data) || bytes.Equal(edited, data) {
		t.Fatal("the edit must keep the size")
	}
	if err := os.WriteFile(path, edited, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"list", "--json"}} {
		code, stdout, stderr := runRebound(t, append(args, "--data-dir", dataDir)...)
		if code != 0 || !strings.Contains(stdout, "Acme Rockets!") || strings.Contains(stdout, "Acme Robotics") {
			t.Errorf("rebound %q after the edit: exit %d; want the edited company\nstdout %s\nstderr %s", args, code, stdout, stderr)
		}
	}
}

// TestE2ELeftoversAreCleaned: temp files a crash left (the index's, a
// session's, a round's, a schema backup's) and lock files no process holds
// piled up forever. A command and the app each remove them as they open
// the data dir; a fresh temp file (a save in progress elsewhere) stays.
func TestE2ELeftoversAreCleaned(t *testing.T) {
	dataDir := t.TempDir()
	writePastSessions(t, dataDir, time.Now())
	old := time.Now().Add(-2 * time.Hour)
	leftovers := []string{
		".index.gob.tmp-1234",
		"sessions/." + northID + ".json.tmp-55",
		"sessions/." + northID + ".json.v1.bak.tmp-56",
		"practice/.0123456789abcdef.json.tmp-57",
		"trash/." + acmeID + ".json.tmp-58",
		"locks/session." + globexID + ".lock",
	}
	const fresh = "sessions/." + acmeID + ".json.tmp-77"
	lay := func() {
		t.Helper()
		for _, rel := range append(leftovers, fresh) {
			path := filepath.Join(dataDir, rel)
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(`{"id": "half`), 0o600); err != nil {
				t.Fatal(err)
			}
			if rel != fresh {
				if err := os.Chtimes(path, old, old); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	check := func(what string) {
		t.Helper()
		for _, rel := range leftovers {
			if _, err := os.Lstat(filepath.Join(dataDir, rel)); err == nil {
				t.Errorf("%s: %s left behind", what, rel)
			}
		}
		if _, err := os.Lstat(filepath.Join(dataDir, fresh)); err != nil {
			t.Errorf("%s: the fresh temp file was removed: %v", what, err)
		}
	}

	lay()
	if code, _, stderr := runRebound(t, "list", "--data-dir", dataDir); code != 0 {
		t.Fatalf("list: exit %d, %s", code, stderr)
	}
	check("rebound list")

	lay()
	tm := startApp(t, 100, 30, dataDir)
	tm.WaitUntil(t, "home", e2eWait, func(s string) bool { return hasLine(s, "Past sessions", "3 sessions") })
	deadline := time.Now().Add(e2eWait)
	for { // Tidy runs in a command beside the first load
		left := slices.ContainsFunc(leftovers, func(rel string) bool {
			_, err := os.Lstat(filepath.Join(dataDir, rel))
			return err == nil
		})
		if !left || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	check("the app")
	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c on home", 0)
}

// TestE2ENoSocket backs the README's privacy promise by watching the real
// process: under strace, a session typed and saved in a terminal, then
// list, plain mode and an export at a terminal, none of them opens a socket,
// connects anywhere or starts another program. TMUX is set, with a tmux on
// PATH if there is one, because colour detection used to run `tmux info`
// there; and the user lookup it made through the C library asked the name
// service over a socket. TestE2ENoNetwork checks what is linked in; this
// checks what happens.
func TestE2ENoSocket(t *testing.T) {
	const strace = "/usr/bin/strace"
	if _, err := os.Stat(strace); err != nil {
		t.Skipf("%s is not installed", strace)
	}
	// strace needs ptrace; a container may forbid it.
	if out, err := exec.Command(strace, "-f", "-qq", "-e", "trace=none", "/bin/true").CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here: %v %s", err, out)
	}
	dataDir := t.TempDir()
	tmux := []string{"TMUX=" + filepath.Join(t.TempDir(), "tmux-sock") + ",1,0", "TERM_PROGRAM=tmux"}
	// A clipboard program on PATH, which ctrl+v in a text field used to run.
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "xclip"), []byte("#!/bin/sh\necho pasted\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	tmux = append(tmux, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	run := func(name string, cols, rows int, drive func(tm *term), args ...string) {
		t.Helper()
		log := filepath.Join(t.TempDir(), "strace.log")
		a := append([]string{"-f", "-qq", "-e", "trace=socket,connect,execve", "-o", log, binPath, "--data-dir", dataDir}, args...)
		tm := startBinary(t, strace, cols, rows, append([]string{"HOME=" + t.TempDir()}, tmux...), a...)
		drive(tm)
		if code, err := tm.Wait(e2eWait); err != nil || code != 0 {
			t.Fatalf("%s: exit %d, %v; screen:\n%s", name, code, err, frame(tm.Screen()))
		}
		data, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		var calls []string
		execs := 0
		for line := range strings.Lines(string(data)) {
			switch {
			case strings.Contains(line, "execve("):
				if execs++; execs > 1 || !strings.Contains(line, binPath) {
					calls = append(calls, strings.TrimSpace(line))
				}
			case strings.Contains(line, "socket(") || strings.Contains(line, "connect("):
				calls = append(calls, strings.TrimSpace(line))
			}
		}
		if execs == 0 {
			t.Fatalf("%s: strace logged no execve of %s: it did not trace the process:\n%s", name, binPath, data)
		}
		if len(calls) > 0 {
			t.Errorf("%s: the process opened a socket or ran a program:\n%s", name, strings.Join(calls, "\n"))
		}
	}
	run("a session", 80, 24, func(tm *term) {
		tm.WaitFor(t, firstFrameText, e2eWait)
		tm.Press("enter")
		tm.beginWhole(t)
		tm.Type("Northwind")
		tm.Press("ctrl+v", "tab")
		waitSession(t, dataDir, "the company saved", func(s *savedSession) bool { return s.Intake.Company == "Northwind" })
		tm.Press("ctrl+c")
	})
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"stats"}, {"export", "--all"}} {
		run(strings.Join(args, " "), 80, 24, func(tm *term) {}, args...)
	}
	run("plain mode", 80, 24, func(tm *term) {
		tm.WaitFor(t, "1.", e2eWait)
		tm.Type(":quit\r")
	}, "--plain")
}

// TestE2EWriteErrorsAndOddTargets: output that cannot be written is exit 1
// for every command and for --help and --version (stdout on /dev/full);
// export -o onto a device or a symbolic link is refused, --force or not;
// --data-dir "" is a usage error, for the app and for the commands.
func TestE2EWriteErrorsAndOddTargets(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	dataDir := t.TempDir()
	writePastSessions(t, dataDir, time.Now())
	for _, args := range [][]string{{"list"}, {"list", "--json"}, {"stats"}, {"export", "--all"}, {"man"},
		{"completion", "bash"}, {"--help"}, {"--version"}, {"list", "--help"}, {"practice", "list"}} {
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(binPath, append([]string{"--data-dir", dataDir}, args...)...)
		cmd.Env = append(terminalEnv(), "HOME="+t.TempDir())
		var errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = full, &errOut
		err = cmd.Run()
		full.Close()
		if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(errOut.String(), "no space left on device") {
			t.Errorf("rebound %q > /dev/full: exit %d (%v), stderr %q; want 1 and the reason", args, code, err, errOut.String())
		}
	}

	target := filepath.Join(t.TempDir(), "keep.md")
	if err := os.WriteFile(target, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(t.TempDir(), "dangling.md")
	if err := os.Symlink(filepath.Join(t.TempDir(), "x.md"), dangling); err != nil {
		t.Fatal(err)
	}
	// /dev/null without --force only: were the check ever lost, --force
	// would replace the real one (these tests may run as root). A FIFO
	// stands for it with --force.
	fifo := filepath.Join(t.TempDir(), "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{os.DevNull, fifo, link, dangling} {
		for _, force := range [][]string{nil, {"--force"}} {
			if file == os.DevNull && force != nil {
				continue
			}
			args := append([]string{"--data-dir", dataDir, "export", "--all", "-o", file}, force...)
			code, stdout, stderr := runRebound(t, args...)
			if code != 1 || stdout != "" || !isErrorLine(stderr) || !strings.Contains(stderr, "cannot write "+file+": it is ") {
				t.Errorf("rebound %q: exit %d, stdout %q, stderr %q; want 1 and a refusal", args, code, stdout, stderr)
			}
		}
	}
	if data, _ := os.ReadFile(target); string(data) != "keep me" {
		t.Errorf("written through the link: %q", data)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}

	for _, args := range [][]string{{"--data-dir", "", "list"}, {"list", "--data-dir="}, {"--data-dir", ""}, {"new", "--data-dir="}, {"--data-dir=", "--plain"}} {
		code, stdout, stderr := runRebound(t, args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, "--data-dir needs a directory") {
			t.Errorf("rebound %q: exit %d, stdout %q, stderr %q; want 2 and a usage error", args, code, stdout, stderr)
		}
	}
}

// unknownFieldsSession is a session file as a newer rebound (or a person
// with an editor) might leave it: members this build does not know at the
// top, in the intake, a mood, the feedback request, actions, answers and a
// draft, with values of every JSON kind; and seven actions, more than the
// editor's five rows. It stopped at the actions, so it resumes there.
const unknownFieldsSession = `{
  "schema_version": 1,
  "id": "e2e0a1b2c3d4e5f6",
  "created_at": "2026-11-02T09:00:00Z",
  "updated_at": "2026-11-02T09:40:00Z",
  "status": "in_progress",
  "position": "restart.actions",
  "later_top": {"written_by": "rebound 9", "flags": [true, null, 1.5E+300]},
  "intake": {"company": "Globex", "role": "Analyst", "interviewer": "", "stage": "final round",
    "rejected_on": "2026-11-01", "channel": "email", "message": "No.", "later_source": "referral"},
  "mood_before": {"score": 3, "word": "flat", "later_scale": [0, 10]},
  "feedback_request": {"draft": "Hi,", "send": "yes", "send_on": "2026-11-03", "follow_up_on": "2026-11-17",
    "later_escapes": "caf\u00e9 \ud83d\ude00 \"q\" <&>"},
  "actions": [
    {"text": "Action one", "due": "2026-11-10", "later_priority": 1},
    {"text": "Action two"},
    {"text": "Action three", "done": true, "done_on": "2026-11-04"},
    {"text": "Action four"},
    {"text": "Action five"},
    {"text": "Action six", "later_priority": -6e-1},
    {"text": "Action seven", "later_tags": ["a", {"b": {}}]}
  ],
  "answers": {
    "restart.support": {"items": ["Priya"], "later_note": {"why": "mentor"}},
    "reflect.questions": {"items": ["Why us?"], "later_n": 12345678901234567890}
  },
  "drafts": {"restart.stop": {"items": ["Sales"], "later_draft": 0}}
}
`

// laterMembers finds the members of a session file whose names start with
// "later_", by where they are, each value compacted: what rebound does not
// know of the file.
func laterMembers(t *testing.T, data []byte) map[string]string {
	t.Helper()
	found := map[string]string{}
	var walk func(raw json.RawMessage, where string)
	walk = func(raw json.RawMessage, where string) {
		var obj map[string]json.RawMessage
		var arr []json.RawMessage
		switch {
		case json.Unmarshal(raw, &obj) == nil && obj != nil:
			for name, v := range obj {
				if !strings.HasPrefix(name, "later_") {
					walk(v, where+name+"/")
					continue
				}
				var b bytes.Buffer
				if err := json.Compact(&b, v); err != nil {
					t.Fatal(err)
				}
				found[where+name] = b.String()
			}
		case json.Unmarshal(raw, &arr) == nil:
			for i, v := range arr {
				walk(v, fmt.Sprintf("%s%d/", where, i))
			}
		}
	}
	walk(data, "")
	return found
}

// TestE2EUnknownFieldsSurvive: a session file with members rebound does not
// know lost all of them on the next save, and a file with more actions
// than the editor's five rows lost the rest when the actions were passed
// unchanged. The real binary resumes such a file at its actions, leaves
// them as they are, changes the next answer and quits: the file still
// holds every unknown member, with the same value spelled the same way,
// and all seven actions.
func TestE2EUnknownFieldsSurvive(t *testing.T) {
	dataDir := t.TempDir()
	path := filepath.Join(dataDir, "sessions", "e2e0a1b2c3d4e5f6.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(unknownFieldsSession), 0o600); err != nil {
		t.Fatal(err)
	}
	want := laterMembers(t, []byte(unknownFieldsSession))

	tm := startApp(t, 100, 30, dataDir)
	tm.WaitFor(t, "Resume: Analyst at Globex", e2eWait)
	tm.Press("down", "enter")
	tm.WaitUntil(t, "the actions", e2eWait, func(s string) bool {
		return strings.Contains(s, "Your next actions") && hasLine(s, "1. Action one")
	})
	if screen := tm.Screen(); !hasLine(screen, "7. Action seven") {
		t.Errorf("the seventh action is not shown:\n%s", frame(screen))
	}
	tm.Press("tab") // the actions as they are
	tm.WaitUntil(t, "the support answer focused", e2eWait, func(s string) bool {
		return hasLine(s, "› Who in your network") || strings.Contains(s, "Who in your network can support you?")
	})
	tm.Press("enter")
	tm.Type("Sam")
	tm.Press("tab")
	waitSession(t, dataDir, "the changed answer saved", func(s *savedSession) bool {
		return slices.Contains(s.Answers["restart.support"].Items, "Sam")
	})
	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c after the answer", 0)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var s savedSession
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}

	if !slices.Contains(s.Answers["restart.support"].Items, "Priya") {
		t.Errorf("the changed answer lost what it held: %q", s.Answers["restart.support"].Items)
	}
	var texts []string
	for _, a := range s.Actions {
		texts = append(texts, a.Text)
	}
	if got, want := strings.Join(texts, ", "), "Action one, Action two, Action three, Action four, Action five, Action six, Action seven"; got != want {
		t.Errorf("the actions saved are %q, want %q", got, want)
	}
	got := laterMembers(t, data)
	for where, raw := range want {
		if got[where] != raw {
			t.Errorf("%s is %q after the save, was %q", where, got[where], raw)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d unknown members after the save, %d before:\n%s", len(got), len(want), data)
	}
}

// TestE2EHostileFolders: a data dir other users could change is named in
// one sentence with what to do, by the app and by every command, as ssh
// does; one that belongs to another user (made so with chown when the test
// runs as root, as CI does) likewise. A folder of the store that is a
// symbolic link is neither read nor written through: the app says it
// cannot save, a command says why, and the folder it points to is left
// byte for byte. The privacy warning over --data-dir ~ names only
// rebound's own files and folders, never a chmod -R of the home.
func TestE2EHostileFolders(t *testing.T) {
	sentence := func(t *testing.T, dataDir string, want ...string) {
		t.Helper()
		_, _, stderr := runRebound(t, "list", "--data-dir", dataDir)
		for _, w := range want {
			if !strings.Contains(stderr, w) {
				t.Errorf("rebound list: stderr %q; want %q", stderr, w)
			}
		}
		if strings.Count(strings.TrimSpace(stderr), "\n") > 1 {
			t.Errorf("rebound list: more than a sentence: %q", stderr)
		}
		tm := startApp(t, 100, 30, dataDir)
		tm.WaitUntil(t, "home with the warning", e2eWait, func(s string) bool {
			return strings.Contains(words(s), want[0])
		})
		tm.Press("ctrl+c")
		tm.expectExit(t, "ctrl+c on home", 0)
	}
	t.Run("writable by others", func(t *testing.T) {
		dataDir := filepath.Join(t.TempDir(), "data")
		writePastSessions(t, dataDir, time.Now())
		if err := os.Chmod(dataDir, 0o777); err != nil {
			t.Fatal(err)
		}
		sentence(t, dataDir, "Other users can change", "chmod go-w "+dataDir)
	})
	t.Run("parent writable by others, no sticky bit", func(t *testing.T) {
		parent := filepath.Join(t.TempDir(), "shared")
		dataDir := filepath.Join(parent, "data")
		writePastSessions(t, dataDir, time.Now())
		if err := os.Chmod(parent, 0o777); err != nil {
			t.Fatal(err)
		}
		sentence(t, dataDir, "no sticky bit", "chmod go-w "+parent)
	})
	t.Run("another user's", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("making a folder another user's needs root")
		}
		dataDir := filepath.Join(t.TempDir(), "data")
		writePastSessions(t, dataDir, time.Now())
		if err := os.Chown(dataDir, 4242, 4242); err != nil {
			t.Skipf("chown: %v", err)
		}
		sentence(t, dataDir, "belongs to another user (uid 4242)", "--data-dir")
	})
	t.Run("a linked folder", func(t *testing.T) {
		outside := t.TempDir()
		keep := filepath.Join(outside, "keep.json")
		if err := os.WriteFile(keep, []byte(`{"not":"rebound's"}`), 0o600); err != nil {
			t.Fatal(err)
		}
		dataDir := t.TempDir()
		for _, sub := range []string{"sessions", "locks"} {
			if err := os.Symlink(outside, filepath.Join(dataDir, sub)); err != nil {
				t.Fatal(err)
			}
		}
		const why = "a symbolic link, which rebound does not follow"
		if code, _, stderr := runRebound(t, "list", "--data-dir", dataDir); code != 1 || !strings.Contains(stderr, why) {
			t.Errorf("rebound list: exit %d, stderr %q; want 1 and %q", code, stderr, why)
		}
		tm := startApp(t, 100, 30, dataDir)
		tm.WaitUntil(t, "the app saying it cannot save", e2eWait, func(s string) bool {
			return strings.Contains(words(s), "Can't save to") && strings.Contains(words(s), "symbolic link")
		})
		tm.Press("enter") // a new session, on in memory
		tm.Type("Northwind")
		tm.Press("ctrl+c")
		tm.expectExit(t, "ctrl+c with nowhere to save", 1)
		entries, err := os.ReadDir(outside)
		if err != nil || len(entries) != 1 {
			t.Fatalf("the folder linked to holds %v (%v); want only keep.json", entries, err)
		}
		if data, err := os.ReadFile(keep); err != nil || string(data) != `{"not":"rebound's"}` {
			t.Errorf("keep.json is now %q (%v)", data, err)
		}
	})
	t.Run("the home folder as data dir", func(t *testing.T) {
		home := t.TempDir()
		writePastSessions(t, home, time.Now())
		if err := os.WriteFile(filepath.Join(home, "notes.txt"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := filepath.WalkDir(filepath.Join(home, "sessions"), func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				err = os.Chmod(p, 0o644)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		_, _, stderr := runRebound(t, "list", "--data-dir", home)
		want := "chmod -R go= " + filepath.Join(home, "sessions")
		if !strings.Contains(stderr, want) || strings.Contains(stderr, "chmod -R go= "+home+" ") || strings.Contains(stderr, "notes.txt") {
			t.Errorf("rebound list --data-dir ~: stderr %q; want %q and nothing of the home itself", stderr, want)
		}
	})
}

// TestE2EPastedStandInsStayAsPasted: text that holds the characters rebound
// once used as stand-ins for control characters (the control pictures ␛ and
// ␀, the private-use U+F781 and U+F7A7) is stored as pasted, not turned into
// the controls they stood for; so is text holding the noncharacters, the
// end of the last private-use plane, where the stand-ins now live, and
// U+FFFD, which the widgets drop. A real ESC and a C1 CSI in the same paste
// are stored as ESC and CSI. Pasted into a one-line field and into a long
// answer, through the real terminal input; the answer is shown as pasted,
// escape sequences drawn.
func TestE2EPastedStandInsStayAsPasted(t *testing.T) {
	dataDir := t.TempDir()
	tm := startApp(t, 80, 24, dataDir)
	tm.WaitFor(t, firstFrameText, e2eWait)
	tm.Press("enter")
	tm.beginWhole(t)

	const company = "␛[2J ␀ \uF781 \uFDD0 \U0010FF1B \U0010FFFF ⍰ \uFFFD \x1b[1m"
	tm.Paste(company)
	tm.Press("tab")
	tm.WaitFor(t, "› Role", e2eWait) // the paste, then the tab, were handled
	// The message is asked in Get feedback now: tab past every prompt
	// between the role and it, leaving them empty.
	order := loadFlow(t).Path(content.Whole)
	for range slices.Index(order, "intake.message") - slices.Index(order, "intake.role") {
		tm.Press("tab")
	}
	tm.WaitUntil(t, "the message prompt", e2eWait, func(s string) bool {
		return strings.Contains(s, "Step 3 of 5 · Get feedback") && strings.Contains(s, "The message")
	})
	const message = "pictures ␛]52;c;aGk=␇ ␀␡ and ␉ typed as such\n" +
		"private use \uF780 \uF781 \uF79B \uF7A7 \uF7AB, noncharacters \uFDD0 \uFDEF \U0010FFFE\n" +
		"the new block \U0010FE00 \U0010FF00 \U0010FF1B \U0010FFA7 \U0010FFFD \U0010FFFF, ⍰ \uFFFD\n" +
		"and real ones: \x1b[2J \u009b31m \u202Eevil \x7f end"
	tm.Paste(message)
	tm.WaitFor(t, "and real ones:", e2eWait)
	screen := tm.Screen()
	if !strings.Contains(screen, "pictures ␛]52;c;aGk=␇ ␀␡") || strings.ContainsFunc(screen, func(r rune) bool { return r >= 0x10FE00 }) {
		t.Errorf("the answer is not shown as pasted, or a stand-in reached the screen raw:\n%s", coach.Inert(frame(screen)))
	}
	tm.Press("tab")
	tm.WaitFor(t, nameText, e2eWait) // the message is saved; the name is asked before the draft
	tm.Press("ctrl+c")
	tm.expectExit(t, "ctrl+c", 0)

	s, path, text, err := loadSession(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	if s.Intake.Company != company {
		t.Errorf("intake.company in %s = %q,\nwant the paste exactly, %q", path, s.Intake.Company, company)
	}
	if s.Intake.Message != message {
		t.Errorf("intake.message in %s = %q,\nwant the paste exactly, %q\nfile:\n%s", path, s.Intake.Message, message, text)
	}
}

// widthProbeEnv, when set, makes the test binary a width probe (see
// widthProbe) instead of running tests: "warm" calls warmWidths first.
const widthProbeEnv = "REBOUND_WIDTH_PROBE"

// widthProbe measures one character past Latin, in a process that has
// measured none before, and prints how many allocations that took: the
// lazy build of go-runewidth's width table allocates, a measure in a built
// table does not.
func widthProbe(warm bool) int {
	if warm {
		warmWidths()
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ansi.StringWidthWc("│")
	runtime.ReadMemStats(&after)
	fmt.Println(after.Mallocs - before.Mallocs)
	return 0
}

// TestWarmWidthsBuildsTheTable checks that warmWidths builds the width
// table the first frame's draw would otherwise build (see warmWidths), in
// two fresh processes: without it, the first measure builds the table
// (it allocates); after it, the first measure finds the table built.
func TestWarmWidthsBuildsTheTable(t *testing.T) {
	allocs := func(mode string) int {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), widthProbeEnv+"="+mode)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("width probe %q: %v", mode, err)
		}
		n, err := strconv.Atoi(strings.TrimSpace(string(out)))
		if err != nil {
			t.Fatalf("width probe %q printed %q", mode, out)
		}
		return n
	}
	if n := allocs("cold"); n == 0 {
		t.Fatalf("a first measure in a fresh process made no allocations: go-runewidth no longer builds its table lazily, so warmWidths and its goroutine in runApp can go")
	}
	if n := allocs("warm"); n != 0 {
		t.Errorf("after warmWidths the first measure still made %d allocations: warmWidths no longer builds the table the first frame needs", n)
	}
}

// TestMeasureFloor puts rebound beside the floor its stack allows and
// beside gum, in one process and on one machine, so that their figures are
// comparable even when other work makes the machine slower: the floor is
// ui/testdata/floor, the smallest Bubble Tea v2 program that imports and
// uses Glamour, run at rebound's frame rate (and at Bubble Tea's default 60
// fps, for reference); gum is measured when it is on PATH. It measures
//
//   - the first frame: from starting the process to its first screen, over
//     REBOUND_RUNS runs (40 unless set), the programs taking turns;
//   - key to echo: from writing a letter to the pseudo-terminal to the
//     emulator's screen showing it, over REBOUND_SAMPLES keys (200 unless
//     set) in a one-line field (rebound's Company, the floor's field, gum
//     input) and at the end of a 5,000-character answer (rebound's thought
//     textarea, gum write), the programs again taking turns, key by key.
//
// It prints p50, p90 and p99 and rebound's ratios to the others. It never
// fails on time; run it with
//
//	REBOUND_MEASURE=1 go test -run TestMeasureFloor -v .
func TestMeasureFloor(t *testing.T) {
	if os.Getenv("REBOUND_MEASURE") != "1" {
		t.Skip("set REBOUND_MEASURE=1 to measure rebound beside the floor program and gum")
	}
	runs, samples := envCount(t, "REBOUND_RUNS", 40), envCount(t, "REBOUND_SAMPLES", 200)
	floor := filepath.Join(t.TempDir(), "floor")
	if out, err := exec.Command("go", "build", "-o", floor, "./ui/testdata/floor").CombinedOutput(); err != nil {
		t.Fatalf("go build ./ui/testdata/floor: %v\n%s", err, out)
	}
	gum, err := exec.LookPath("gum")
	if err != nil {
		gum = ""
		fmt.Println("gum is not on PATH: measuring rebound and the floor only")
	}

	loadBefore := loadAverage()
	starters := floorStarters(floor, gum)
	frames := make([][]time.Duration, len(starters))
	for range runs {
		for i, s := range starters {
			tm := s.start(t)
			tm.WaitFor(t, s.ready, e2eWait)
			frames[i] = append(frames[i], time.Since(tm.start))
			tm.Close()
		}
	}
	var report []string
	report = append(report, fmt.Sprintf("first frame, 80x24, %d runs each, taking turns:", runs))
	for i, s := range starters {
		report = append(report, "  "+s.name+": "+percentiles(frames[i]))
	}
	for i := 1; i < len(starters); i++ {
		report = append(report, fmt.Sprintf("  rebound ÷ %s: p50 %.2f, min %.2f, median of the %d turn-by-turn ratios %.2f",
			starters[i].name, ratio(frames[0], frames[i], 50), ratio(frames[0], frames[i], 0), runs, pairedRatio(frames[0], frames[i])))
	}

	typists := floorTypists(t, floor, gum)
	echoes := make([][]time.Duration, len(typists))
	for i := range samples {
		for j, ty := range typists {
			echoes[j] = append(echoes[j], ty.echo(t, i))
		}
	}
	report = append(report, fmt.Sprintf("key to echo, 80x24, %d keys each, taking turns key by key (rebound and the floor at %d fps, gum at its own):", samples, frameRate))
	for i, ty := range typists {
		report = append(report, "  "+ty.name+": "+percentiles(echoes[i]))
	}
	// Each of rebound's fields beside its like: the floor's field and gum
	// input for the one-line field, gum write for the long answer.
	for _, pair := range [][2]int{{0, 2}, {0, 3}, {1, 4}} {
		if a, b := pair[0], pair[1]; b < len(typists) {
			report = append(report, fmt.Sprintf("  %s ÷ %s: p50 %.2f, p99 %.2f",
				typists[a].name, typists[b].name, ratio(echoes[a], echoes[b], 50), ratio(echoes[a], echoes[b], 99)))
		}
	}
	report = append(report, "load average before and after: "+loadBefore+" / "+loadAverage())
	fmt.Println(strings.Join(report, "\n"))
}

// envCount is a positive count from the environment, or def when unset.
func envCount(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a count of at least 1", name, v)
	}
	return n
}

// floorStarter starts one program for the first-frame measurement and says
// what its first screen shows.
type floorStarter struct {
	name, ready string
	start       func(t *testing.T) *term
}

// floorReady is on the floor program's first screen.
const floorReady = "floor ready"

func floorStarters(floor, gum string) []floorStarter {
	s := []floorStarter{
		{fmt.Sprintf("rebound (%d fps)", frameRate), firstFrameText, func(t *testing.T) *term {
			return startApp(t, 80, 24, t.TempDir())
		}},
		{fmt.Sprintf("floor (%d fps)", frameRate), floorReady, func(t *testing.T) *term {
			return startBinary(t, floor, 80, 24, nil, "-fps", strconv.Itoa(frameRate))
		}},
	}
	if frameRate != 60 {
		s = append(s, floorStarter{"floor (60 fps)", floorReady, func(t *testing.T) *term {
			return startBinary(t, floor, 80, 24, nil, "-fps", "60")
		}})
	}
	if gum != "" {
		s = append(s, floorStarter{"gum input", "gum ready", func(t *testing.T) *term {
			return startBinary(t, gum, 80, 24, nil, "input", "--placeholder", "gum ready")
		}})
	}
	return s
}

// echoMark ends the text in each field measured; the letter typed after it
// is what the measurement waits to see. It is found nowhere else on a screen.
const echoMark = "qzx"

// floorTypist is one program waiting with a field focused and echoMark at
// its end.
type floorTypist struct {
	name string
	tm   *term
}

// floorTypists starts every program whose key echo is measured and brings
// each to its field, echoMark typed (and, for the long answers, 5,000
// characters pasted before it).
func floorTypists(t *testing.T, floor, gum string) []floorTypist {
	t.Helper()
	long := longAnswer(5000 - len(echoMark))

	field := startApp(t, 80, 24, t.TempDir(), "new")
	field.beginTen(t)
	field.Type(echoMark)

	area := startApp(t, 80, 24, t.TempDir(), "new")
	area.beginTen(t)
	area.Press("tab", "tab", "tab", "tab") // company, role, stage, what was outside their control
	area.WaitFor(t, "The thought that hurts most", e2eWait)
	area.Paste(long + echoMark)

	fl := startBinary(t, floor, 80, 24, nil, "-fps", strconv.Itoa(frameRate))
	fl.WaitFor(t, floorReady, e2eWait)
	fl.Type(echoMark)

	ty := []floorTypist{
		{"rebound, Company field", field},
		{"rebound, 5,000-character answer", area},
		{"floor, its field", fl},
	}
	if gum != "" {
		in := startBinary(t, gum, 80, 24, nil, "input", "--width", "60")
		in.WaitFor(t, ">", e2eWait)
		in.Type(echoMark)
		wr := startBinary(t, gum, 80, 24, nil, "write", "--width", "70", "--height", "12", "--char-limit", "0")
		wr.WaitFor(t, "┃", e2eWait)
		wr.Paste(long + echoMark)
		ty = append(ty, floorTypist{"gum input", in}, floorTypist{"gum write, 5,000 characters", wr})
	}
	for _, f := range ty {
		f.tm.WaitUntil(t, f.name+" holding "+echoMark, e2eWait, func(s string) bool { return strings.Contains(s, echoMark) })
	}
	return ty
}

// beginTen answers a new session's check-in with nothing, takes ten minutes
// and waits for the Company field to be focused.
func (tm *term) beginTen(t *testing.T) {
	t.Helper()
	tm.WaitFor(t, checkInText, e2eWait)
	tm.Press("enter")
	tm.chooseDepth(t, false)
	tm.WaitUntil(t, "the Company field focused", e2eWait, func(s string) bool { return hasLine(s, "› Company") })
}

// longAnswer is n characters of words, as a long answer would be written.
func longAnswer(n int) string {
	const words = "the interview went well until the second question and then I lost the thread of what I was saying "
	return strings.Repeat(words, n/len(words)+1)[:n-1] + " "
}

// echo types the i-th letter after echoMark and returns how long the screen
// took to show it; then it deletes the letter again and waits for that, so
// that every key lands on the same text. Between keys it waits a few
// milliseconds more each time, so that the keys fall at every point of the
// program's frame.
func (ty floorTypist) echo(t *testing.T, i int) time.Duration {
	t.Helper()
	const letters = "abcdefghijklmnoprstuvwy"
	typed := echoMark + string(letters[i%len(letters)])
	time.Sleep(time.Duration(2+i*7%17) * time.Millisecond)
	sent := time.Now()
	ty.tm.Type(typed[len(echoMark):])
	ty.tm.WaitUntil(t, ty.name+" showing "+typed, e2eWait, func(s string) bool { return strings.Contains(s, typed) })
	took := time.Since(sent)
	ty.tm.Press("backspace")
	ty.tm.WaitUntil(t, ty.name+" back to "+echoMark, e2eWait, func(s string) bool {
		return strings.Contains(s, echoMark) && !strings.Contains(s, typed)
	})
	return took
}

// percentiles is p50, p90 and p99 (nearest rank) and the extremes of ds.
func percentiles(ds []time.Duration) string {
	s := slices.Sorted(slices.Values(ds))
	return fmt.Sprintf("p50 %v  p90 %v  p99 %v  (min %v, max %v)",
		ms(rank(s, 50)), ms(rank(s, 90)), ms(rank(s, 99)), ms(s[0]), ms(s[len(s)-1]))
}

// rank is the p-th percentile of sorted s, by nearest rank.
func rank(s []time.Duration, p int) time.Duration {
	return s[max(0, (len(s)*p+99)/100-1)]
}

// ratio is a's p-th percentile over b's.
func ratio(a, b []time.Duration, p int) float64 {
	return float64(rank(slices.Sorted(slices.Values(a)), p)) / float64(rank(slices.Sorted(slices.Values(b)), p))
}

// pairedRatio is the median of a[i]/b[i]: each turn's programs ran one
// after the other, so their ratio is less swayed by other work on the
// machine, which comes and goes over a run, than a ratio of medians.
func pairedRatio(a, b []time.Duration) float64 {
	r := make([]float64, min(len(a), len(b)))
	for i := range r {
		r[i] = float64(a[i]) / float64(b[i])
	}
	slices.Sort(r)
	return r[len(r)/2]
}

// loadAverage is the system's 1, 5 and 15-minute load averages, which say
// how busy other work kept the machine during a measurement.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

package cli

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// failingWriter takes ok bytes, then fails every write, as a full disk or
// /dev/full does.
type failingWriter struct{ ok int }

var errFull = errors.New("no space left on device")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) <= w.ok {
		w.ok -= len(p)
		return len(p), nil
	}
	n := w.ok
	w.ok = 0
	return n, errFull
}

// TestWriteErrorsExit1: whatever the command and wherever its output stops
// being written (the first byte, or later), it exits 1 with one line on
// stderr, never 0 with its output silently cut.
func TestWriteErrorsExit1(t *testing.T) {
	tmp, _ := fixture(t)
	for _, args := range [][]string{
		{"list"}, {"list", "--json"}, {"list", "--help"}, {"show", "0123"}, {"show", "--json", "5e55a0a"},
		{"show", "0123", "--markdown"}, {"stats"}, {"stats", "--json"}, {"export", "--all"},
		{"export", "--all", "--format", "json"}, {"export", "0123"}, {"practice", "list"}, {"practice", "list", "--json"},
		{"completion", "bash"}, {"completion", "zsh"}, {"completion", "fish"}, {"man"}, {"export", "--help"},
	} {
		full := run(t, tmp, piped, "", args...)
		for _, ok := range []int{0, 10, 200} {
			if ok >= len(full.stdout) {
				continue // all of it fits
			}
			r := runTo(t, &failingWriter{ok: ok}, tmp, piped, "", args...)
			if r.code != exitError || !isOneLine(r.stderr) || !strings.Contains(r.stderr, errFull.Error()) {
				t.Errorf("%v with the output failing after %d bytes: exit %d, stderr %q; want 1 and one line naming the error",
					args, ok, r.code, r.stderr)
			}
		}
	}
	// The same commands with room for everything still exit 0.
	if r := runTo(t, &failingWriter{ok: 1 << 30}, tmp, piped, "", "list"); r.code != exitOK {
		t.Errorf("list with room: exit %d, %q", r.code, r.stderr)
	}
}

// isOneLine: one line starting "rebound: ", and the warnings a fixture
// earns (a file that is not JSON) before it.
func isOneLine(stderr string) bool {
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	last := lines[len(lines)-1]
	return strings.HasSuffix(stderr, "\n") && strings.HasPrefix(last, "rebound: ")
}

// TestExportRefusesOddTargets: -o onto anything but a regular file is
// refused, with --force too, and nothing it points to is touched.
func TestExportRefusesOddTargets(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs nor symlinks as made here")
	}
	tmp, _ := fixture(t)
	target := filepath.Join(tmp, "target.md")
	if err := os.WriteFile(target, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(tmp, "link.md")
	dangling := filepath.Join(tmp, "dangling.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(tmp, "nowhere", "x.md"), dangling); err != nil {
		t.Fatal(err)
	}
	// A FIFO stands for every device: the tests run as root at times, and a
	// regression would replace the real /dev/null.
	fifo := filepath.Join(tmp, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{fifo, link, dangling} {
		for _, force := range []bool{false, true} {
			args := []string{"export", "--all", "-o", file}
			if force {
				args = append(args, "--force")
			}
			for _, tt := range []term{piped, {stdin: true, stdout: true, width: 80}} {
				r := run(t, tmp, tt, "y\n", args...)
				if r.code != exitError || !strings.HasPrefix(r.stderr, "rebound: cannot write "+file+": it is ") || r.stdout != "" {
					t.Errorf("%v: exit %d, stdout %q, stderr %q; want 1 and a refusal", args, r.code, r.stdout, r.stderr)
				}
			}
		}
	}
	if data, err := os.ReadFile(target); err != nil || string(data) != "keep me" {
		t.Errorf("the link's target was written: %q %v", data, err)
	}
	if l, err := os.Readlink(link); err != nil || l != target {
		t.Errorf("the link was replaced: %q %v", l, err)
	}
	if _, err := os.Lstat(filepath.Join(tmp, "nowhere")); err == nil {
		t.Error("the dangling link's target was made")
	}
	// A regular file is still replaced with --force.
	if r := run(t, tmp, piped, "", "export", "--all", "-o", target, "--force"); r.code != 0 {
		t.Errorf("--force onto a regular file: exit %d, %q", r.code, r.stderr)
	}
}

// TestEmptyDataDirIsUsage: --data-dir "" is a usage error, wherever it is
// given, not a fall back to the default directory.
func TestEmptyDataDirIsUsage(t *testing.T) {
	tmp, _ := fixture(t)
	for _, args := range [][]string{
		{"--data-dir", "", "list"}, {"list", "--data-dir", ""}, {"--data-dir=", "stats"}, {"man", "--data-dir="},
		{"--data-dir", "x", "list", "--data-dir", ""},
	} {
		r := run(t, tmp, piped, "", args...)
		if r.code != exitUsage || r.stdout != "" || !strings.Contains(r.stderr, "--data-dir needs a directory") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and a usage error", args, r.code, r.stdout, r.stderr)
		}
	}
}

package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestWarnsWhenOthersCanRead: a session file others can read is named in
// one line on stderr by every command; the command still runs, and the
// file's mode is left as the user set it.
func TestWarnsWhenOthersCanRead(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	tmp, store := fixture(t)
	quiet := run(t, tmp, piped, "", "list")
	if quiet.code != 0 || strings.Contains(quiet.stderr, "Other users") {
		t.Fatalf("a warning with every file 0600: %+v", quiet)
	}
	path := store.Path("0123456789abcdef")
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"show", "0123"}, {"stats"}, {"practice", "list"}} {
		r := run(t, tmp, piped, "", args...)
		want := "rebound: Other users of this machine can read " + path + ": run chmod go= " +
			path + " to keep your answers private.\n"
		if r.code != 0 || !strings.HasPrefix(r.stderr, want) || r.stdout == "" {
			t.Errorf("%v: exit %d, stderr %q; want 0, output and the warning %q", args, r.code, r.stderr, want)
		}
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("the mode was changed: %v %v", info.Mode(), err)
	}
}

// TestWarnsWhenOthersCanChangeTheFolder: a data dir others can write to,
// or under a folder others can write to without the sticky bit, is named
// in one sentence by every command, which still runs.
func TestWarnsWhenOthersCanChangeTheFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no permission bits")
	}
	tmp, _ := fixture(t)
	data := filepath.Join(tmp, "data")
	for _, tc := range []struct {
		path string
		mode os.FileMode
		want string
	}{
		{data, 0o777, "rebound: Other users can change " + data + " (mode 0777), so they could swap your sessions: run chmod go-w " + data + ".\n"},
		{tmp, 0o777, "rebound: Other users can change " + tmp + " (mode 0777, no sticky bit), which holds " + data},
	} {
		if err := os.Chmod(tc.path, tc.mode); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"list"}, {"show", "0123"}, {"stats"}, {"practice", "list"}, {"export", "--all"}} {
			r := run(t, tmp, piped, "", args...)
			if r.code != 0 || !strings.HasPrefix(r.stderr, tc.want) || r.stdout == "" {
				t.Errorf("%v: exit %d, stderr %q; want 0, output and the warning %q", args, r.code, r.stderr, tc.want)
			}
		}
		if err := os.Chmod(tc.path, 0o700); err != nil {
			t.Fatal(err)
		}
	}
}

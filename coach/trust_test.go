//go:build unix

package coach

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTrustWarning: a data dir others can change, or one under a folder
// others can change without the sticky bit, gets one sentence with what to
// do; a private one, and one in a sticky world-writable folder (/tmp), get
// none. (Another user's folder needs a second uid: see the e2e test.)
func TestTrustWarning(t *testing.T) {
	tests := []struct {
		name      string
		dirMode   os.FileMode // the data dir; 0: not made yet
		parent    os.FileMode
		want      string // in the sentence; "" for none
		wantChmod string // the folder named in the chmod
	}{
		{"private", 0o700, 0o700, "", ""},
		{"not made yet", 0, 0o700, "", ""},
		{"world-writable data dir", 0o777, 0o700, "Other users can change", "data"},
		{"group-writable data dir", 0o770, 0o700, "Other users can change", "data"},
		{"readable but not writable", 0o755, 0o755, "", ""},
		{"world-writable parent", 0o700, 0o777, "no sticky bit", "parent"},
		{"world-writable parent, not made yet", 0, 0o777, "no sticky bit", "parent"},
		{"sticky world-writable parent", 0o700, os.ModeSticky | 0o777, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := filepath.Join(t.TempDir(), "parent")
			dir := filepath.Join(parent, "data")
			if err := os.Mkdir(parent, 0o700); err != nil {
				t.Fatal(err)
			}
			if tt.dirMode != 0 {
				if err := os.Mkdir(dir, 0o700); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(dir, tt.dirMode); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Chmod(parent, tt.parent); err != nil {
				t.Fatal(err)
			}
			got := TrustWarning(dir)
			if tt.want == "" {
				if got != "" {
					t.Errorf("TrustWarning = %q, want none", got)
				}
				return
			}
			chmod := "chmod go-w " + map[string]string{"data": dir, "parent": parent}[tt.wantChmod]
			if !strings.Contains(got, tt.want) || !strings.Contains(got, chmod) || strings.Count(got, ".") < 1 || strings.Contains(got, "\n") {
				t.Errorf("TrustWarning = %q, want one sentence with %q and %q", got, tt.want, chmod)
			}
		})
	}
	if got := TrustWarning(""); got != "" {
		t.Errorf("no data dir: %q", got)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/home/a/.local/share/rebound": "/home/a/.local/share/rebound",
		"/tmp/my data":                 "'/tmp/my data'",
		"/tmp/it's":                    `'/tmp/it'\''s'`,
		"/tmp/$(rm -rf x)":             "'/tmp/$(rm -rf x)'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %q, want %q", in, got, want)
		}
	}
}

package coach

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestSettingsRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "not yet made")
	s, err := LoadSettings(dir)
	if err != nil || s != (Settings{}) {
		t.Fatalf("no file: %+v, %v; want zero settings and no error", s, err)
	}
	for _, name := range []string{"Alex Morgan", "Zoë <z@example.com> & co", ""} {
		if err := SaveSettings(dir, Settings{Name: name}); err != nil {
			t.Fatalf("SaveSettings(%q): %v", name, err)
		}
		got, err := LoadSettings(dir)
		if err != nil || got.Name != name {
			t.Errorf("saved %q, loaded %q, %v", name, got.Name, err)
		}
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(SettingsPath(dir))
		if err != nil {
			t.Fatal(err)
		}
		if mode := info.Mode().Perm(); mode != 0o600 {
			t.Errorf("settings file mode %o, want 600", mode)
		}
	}
}

func TestSettingsKeepUnknownMembers(t *testing.T) {
	dir := t.TempDir()
	writeSettings(t, dir, `{"name": "Alex", "theme": {"dark": true}, "z": [1, 2]}`)
	s, err := LoadSettings(dir)
	if err != nil || s.Name != "Alex" {
		t.Fatalf("LoadSettings: %+v, %v", s, err)
	}
	s.Name = "Alex Morgan"
	if err := SaveSettings(dir, s); err != nil {
		t.Fatal(err)
	}
	got := readSettings(t, dir)
	for _, want := range []string{`"name": "Alex Morgan"`, `"theme": {`, `"dark": true`, `"z": [`} {
		if !strings.Contains(got, want) {
			t.Errorf("the saved file lost %s:\n%s", want, got)
		}
	}
}

// TestSettingsNotOurs: a file rebound cannot read as its settings is
// reported in one sentence that names it, and a save leaves it byte for
// byte as it was.
func TestSettingsNotOurs(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"empty", "", "empty file"},
		{"broken JSON", `{"name": "Alex"`, "not valid JSON"},
		{"an array", `["Alex"]`, "an array, not an object"},
		{"a number for the name", `{"name": 7}`, "name is a JSON number, not a string"},
		{"not UTF-8", "{\"name\": \"\xff\"}", "not valid UTF-8"},
		{"a byte order mark", "\uFEFF{}", "byte order mark"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeSettings(t, dir, tt.data)
			checkRefused(t, dir, tt.want)
		})
	}
}

func TestSettingsUnreadable(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs file modes that hold: not on Windows, not as root")
	}
	dir := t.TempDir()
	writeSettings(t, dir, `{"name": "Alex"}`)
	if err := os.Chmod(SettingsPath(dir), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(SettingsPath(dir), 0o600) })
	if _, err := LoadSettings(dir); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("LoadSettings of an unreadable file: %v", err)
	}
	if err := SaveSettings(dir, Settings{Name: "Sam"}); err == nil {
		t.Error("SaveSettings replaced a file it could not read")
	}
	_ = os.Chmod(SettingsPath(dir), 0o600)
	if got := readSettings(t, dir); got != `{"name": "Alex"}` {
		t.Errorf("the unreadable file was changed: %q", got)
	}
}

func TestSettingsSymlinkRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	target := filepath.Join(t.TempDir(), "elsewhere.json")
	if err := os.WriteFile(target, []byte(`{"name": "Alex"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, SettingsPath(dir)); err != nil {
		t.Fatal(err)
	}
	checkRefused(t, dir, "symbolic link")
	if info, err := os.Lstat(SettingsPath(dir)); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if b, _ := os.ReadFile(target); string(b) != `{"name": "Alex"}` {
		t.Errorf("the link's target was changed: %q", b)
	}
}

// checkRefused requires LoadSettings to report dir's file, with want in
// the reason, and SaveSettings to leave it exactly as it was.
func checkRefused(t *testing.T, dir, want string) {
	t.Helper()
	path := SettingsPath(dir)
	before, _ := os.ReadFile(path)
	_, err := LoadSettings(dir)
	if err == nil {
		t.Fatal("LoadSettings accepted the file")
	}
	msg := err.Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, want) || strings.Contains(msg, "\n") {
		t.Errorf("LoadSettings error %q: want one line naming %s and saying %q", msg, path, want)
	}
	if err := SaveSettings(dir, Settings{Name: "Sam"}); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("SaveSettings over the file: %v, want a refusal naming it", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Errorf("the file changed on a save:\n before %q\n after  %q", before, after)
	}
}

func writeSettings(t *testing.T, dir, data string) {
	t.Helper()
	if err := os.WriteFile(SettingsPath(dir), []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

func readSettings(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(SettingsPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

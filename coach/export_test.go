package coach

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// exportSessions are the sessions the export goldens are made of: a full
// one, an empty one (nil Answers and Actions, as a hand-made Session may
// have), and one whose text tries to act as markdown and on the terminal.
func exportSessions() []*Session {
	empty := &Session{
		ID:        "fedcba9876543210",
		CreatedAt: fixedNow.Add(-48 * time.Hour),
		UpdatedAt: fixedNow.Add(-47 * time.Hour),
		Status:    InProgress,
	}
	hostile := NewSession(fixedNow.Add(-24 * time.Hour))
	hostile.ID = "5e55a0a1b2c3d4e5"
	hostile.Intake = Intake{Company: "Evil <Corp> & Co", Role: "# Engineer\x1b]52;c;cHduZWQ=\x07"}
	hostile.Set(PromptBalanced, Answer{Text: "---\n\x1b[2Jcleared? *no*"}, hostile.CreatedAt)
	return []*Session{fullSession(), empty, hostile}
}

func TestExportMarkdownGolden(t *testing.T) {
	utcLocal(t)
	flow := loadFlow(t)
	all := exportSessions()
	tests := []struct {
		name     string
		sessions []*Session
	}{
		{"none", nil},
		{"one", all[:1]},
		{"three", all},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ExportMarkdown(tt.sessions, flow)
			checkGolden(t, "export/"+tt.name+".md", string(got))
			if bytes.ContainsAny(got, "\x1b\x07") {
				t.Error("the export holds a raw control character")
			}
			// One rule between each pair of sessions, and no other: user
			// text that looks like a rule is escaped.
			if n, want := strings.Count(string(got), exportRule), max(0, len(tt.sessions)-1); n != want {
				t.Errorf("%d rules between sessions, want %d", n, want)
			}
		})
	}
}

func TestExportJSONGolden(t *testing.T) {
	at := time.Date(2026, 11, 25, 9, 15, 30, 999_000_000, time.UTC)
	all := exportSessions()
	for _, tt := range []struct {
		name     string
		sessions []*Session
	}{
		{"none", nil},
		{"three", all},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ExportJSON(tt.sessions, at)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, "export/"+tt.name+".json", string(got))

			var doc struct {
				SchemaVersion int               `json:"schema_version"`
				ExportedAt    string            `json:"exported_at"`
				Sessions      []json.RawMessage `json:"sessions"`
			}
			if err := json.Unmarshal(got, &doc); err != nil {
				t.Fatalf("the export is not JSON: %v", err)
			}
			if doc.SchemaVersion != ExportVersion || doc.ExportedAt != "2026-11-25T09:15:30Z" || doc.Sessions == nil {
				t.Errorf("schema_version %d, exported_at %q, sessions %v; want %d, to the second, and an array",
					doc.SchemaVersion, doc.ExportedAt, doc.Sessions, ExportVersion)
			}
			if len(doc.Sessions) != len(tt.sessions) {
				t.Fatalf("%d sessions exported, want %d", len(doc.Sessions), len(tt.sessions))
			}
		})
	}
}

// TestExportedSessionIsTheFile: each session in a JSON export, and
// SessionJSON, hold exactly what the store writes to the session's file.
func TestExportedSessionIsTheFile(t *testing.T) {
	store := NewStore(t.TempDir())
	sessions := exportSessions()
	got, err := ExportJSON(sessions, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Sessions []json.RawMessage `json:"sessions"`
	}
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatal(err)
	}
	for i, s := range sessions {
		if err := store.Overwrite(s); err != nil {
			t.Fatal(err)
		}
		file, err := os.ReadFile(store.Path(s.ID))
		if err != nil {
			t.Fatal(err)
		}
		one, err := SessionJSON(s)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(one, file) {
			t.Errorf("SessionJSON(%s) differs from its file:\n%s\nfile:\n%s", s.ID, one, file)
		}
		var a, b bytes.Buffer
		if err := json.Compact(&a, doc.Sessions[i]); err != nil {
			t.Fatal(err)
		}
		if err := json.Compact(&b, file); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("exported session %s differs from its file:\n%s\nfile:\n%s", s.ID, a.String(), b.String())
		}
	}
	if sessions[1].Answers != nil || sessions[1].Actions != nil {
		t.Error("ExportJSON changed the sessions it was given")
	}
}

func TestWriteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "export.md")
	for _, data := range []string{"first\n", "second, longer\n"} {
		if err := WriteFile(path, []byte(data)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != data {
			t.Fatalf("read back %q, %v; want %q", got, err, data)
		}
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if m := info.Mode().Perm(); m != 0o600 {
			t.Errorf("mode %v, want 0600", m)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("files left beside the export: %v", entries)
	}
	if err := WriteFile(filepath.Join(t.TempDir(), "missing", "x.md"), nil); err == nil {
		t.Error("writing into a missing directory did not fail")
	}
}

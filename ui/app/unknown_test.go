package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/rebound-coach/rebound/ui/common"
)

// sevenActions is a session file with seven actions, more than the editor
// starts with, and members rebound does not know: at the top, in an action
// and in an answer.
const sevenActions = `{
  "schema_version": 1,
  "id": "d4f6a8c0e2b4d6f8",
  "created_at": "2026-11-20T09:00:00Z",
  "updated_at": "2026-11-20T09:30:00Z",
  "status": "complete",
  "position": "mood.after",
  "intake": {"company": "Initech", "role": "Tester"},
  "feedback_request": {"draft": "", "send": "", "send_on": "", "follow_up_on": ""},
  "actions": [
    {"text": "one", "due": "2026-11-24"},
    {"text": "two", "later_priority": 2},
    {"text": "three", "done": true, "done_on": "2026-11-21"},
    {"text": "four"},
    {"text": "five"},
    {"text": "six", "later_priority": 6},
    {"text": "seven", "due": "2026-12-01", "later_tags": ["x", {"y": null}]}
  ],
  "answers": {"reflect.unprepared": {"text": "pacing", "later_source": 1.5e3}},
  "later_top": {"from": "a newer rebound"}
}
`

// openActions writes sevenActions to the store and opens its actions in
// the editor, as a user would from Past sessions: a, then e.
func openActions(t *testing.T) (*driver, string) {
	t.Helper()
	d := newDriver(t, 80, 40)
	path := d.store.Path("d4f6a8c0e2b4d6f8")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(sevenActions), 0o600); err != nil {
		t.Fatal(err)
	}
	d.press("esc")
	d.run(d.m.home.Load())
	d.choose("Past sessions")
	d.press("enter", "a", "e")
	if d.prompt() != "restart.actions" {
		t.Fatalf("a, e should open the actions to edit; at %q:\n%s", d.prompt(), d.view())
	}
	return d, path
}

// savedActions is the actions of the file at path, as JSON objects.
func savedActions(t *testing.T, path string) (actions []map[string]json.RawMessage, data []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Actions []map[string]json.RawMessage `json:"actions"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	return file.Actions, data
}

// TestActionsEditorKeepsEveryAction: a file with more actions than the
// editor used to show keeps all of them, and what rebound does not know of
// them, when the actions are opened in the editor and left unchanged; every
// one of them is shown, and one past the fifth can be edited. (The editor
// offers five rows for a new plan: a short plan is one that gets done.)
func TestActionsEditorKeepsEveryAction(t *testing.T) {
	t.Run("left unchanged", func(t *testing.T) {
		d, path := openActions(t)
		for i, text := range []string{"one", "two", "three", "four", "five", "six", "seven"} {
			if !hasRow(d.view(), fmt.Sprintf("%d. %s", i+1, text)) {
				t.Errorf("action %d (%s) is not shown:\n%s", i+1, text, d.view())
			}
		}
		d.press("tab")
		if d.m.page != common.Session {
			t.Fatalf("tab should go back to the session:\n%s", d.view())
		}
		actions, data := savedActions(t, path)
		if len(actions) != 7 {
			t.Fatalf("%d actions saved, want 7:\n%s", len(actions), data)
		}
		if !bytes.Equal(data, []byte(sevenActions)) {
			// Saving is allowed (the file is rewritten as rebound writes
			// it), but every member must still be there.
			for _, member := range []string{`"later_priority": 2`, `"later_priority": 6`, `"later_top"`, `"later_source": 1.5e3`, `"later_tags"`} {
				if !bytes.Contains(data, []byte(member)) {
					t.Errorf("the file lost %s:\n%s", member, data)
				}
			}
		}
	})
	t.Run("the seventh edited", func(t *testing.T) {
		d, path := openActions(t)
		for range 6 {
			d.press("down")
		}
		d.typeText(" more")
		d.press("tab")
		actions, data := savedActions(t, path)
		if len(actions) != 7 || string(actions[6]["text"]) != `"seven more"` {
			t.Fatalf("the seventh action was not saved as edited:\n%s", data)
		}
		if string(actions[6]["due"]) != `"2026-12-01"` || !bytes.Contains(data, []byte(`"later_tags"`)) ||
			string(actions[2]["done"]) != "true" || !bytes.Contains(data, []byte(`"later_priority": 6`)) {
			t.Errorf("the edit lost what the actions held:\n%s", data)
		}
	})
	t.Run("a short window scrolls", func(t *testing.T) {
		d, _ := openActions(t)
		d.send(tea.WindowSizeMsg{Width: 60, Height: 20}) // the smallest
		if v := d.view(); !hasRow(v, "5. five") || hasRow(v, "7. seven") || !strings.Contains(v, "of 7 · ↑/↓") {
			t.Errorf("at 20 lines, want the first rows and a line that says there are more:\n%s", v)
		}
		for range 6 {
			d.press("down")
		}
		if v := d.view(); !hasRow(v, "› 7. seven") || hasRow(v, "1. one") || !strings.Contains(v, "–7 of 7") {
			t.Errorf("the rows did not follow the focus to the seventh:\n%s", v)
		}
	})
}

func hasRow(view, row string) bool {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, row) {
			return true
		}
	}
	return false
}

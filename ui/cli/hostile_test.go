package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/coach/coachtest"
)

// hostileGroups are the corpus in groups of a few entries, each group in
// one text: rendering every session four ways once per entry is slow.
var hostileGroups = coachtest.HostileGroups(6)

// hostileIDs are the IDs of the records hostileFixture writes for group g.
type hostileIDs struct{ done, open, deleted, round, unfinished string }

func hostileIDsOf(g int) hostileIDs {
	id := func(kind int) string { return fmt.Sprintf("%x%015x", kind, g) }
	return hostileIDs{done: id(1), open: id(2), deleted: id(3), round: id(4), unfinished: id(5)}
}

// hostileFixture saves, for every group of the hostile corpus, a complete
// session and an unfinished one holding its text in every field, a deleted
// one, and a reviewed and an unreviewed round of practice on it.
func hostileFixture(t *testing.T) (tmp string, store *coach.Store) {
	t.Helper()
	tmp = t.TempDir()
	store = coach.NewStore(filepath.Join(tmp, "data"))
	for g, group := range hostileGroups {
		ids, at, text := hostileIDsOf(g), fixedNow.AddDate(0, 0, -g-1), group.Text()
		for _, s := range []*coach.Session{coachtest.HostileSession(ids.done, text, at),
			coachtest.HostileOpenSession(ids.open, text, at), coachtest.HostileSession(ids.deleted, text, at)} {
			if err := store.Overwrite(s); err != nil {
				t.Fatal(err)
			}
		}
		if err := store.Delete(ids.deleted); err != nil {
			t.Fatal(err)
		}
		for _, p := range []*coach.Practice{coachtest.HostileRound(ids.round, text, at, 2),
			coachtest.HostileRound(ids.unfinished, text, at, 0)} {
			if err := store.OverwritePractice(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	return tmp, store
}

// checkHostile checks both streams of a command: no control sequence, and
// none of the styles the entries given bring with them.
func checkHostile(t *testing.T, args []string, r result, entries ...coachtest.HostileText) {
	t.Helper()
	for name, out := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
		if err := coachtest.Clean(out); err != nil {
			t.Errorf("rebound %q: %s: %v", args, name, err)
			continue
		}
		for _, h := range entries {
			if err := h.Check(out); err != nil {
				t.Errorf("rebound %q: %s: %v", args, name, err)
				break
			}
		}
	}
}

// hostileTerms are the ways a command's output is seen: piped, and at a
// terminal in colour on dark and light, and with NO_COLOR.
var hostileTerms = map[string]term{
	"piped":    piped,
	"dark":     {stdin: true, stdout: true, width: 100},
	"light":    {stdin: true, stdout: true, width: 70, light: true},
	"no-color": {stdin: true, stdout: true, width: 80, noColor: true},
}

// TestHostileTextIsInert: every command that prints what the user wrote,
// over sessions and rounds holding the whole corpus, prints no control
// sequence but its own styles, in every way it can be seen; and the words
// around each sequence are there, so nothing passes by printing nothing.
func TestHostileTextIsInert(t *testing.T) {
	tmp, _ := hostileFixture(t)
	all := coachtest.Hostile

	// Everything at once.
	var listed, practised strings.Builder
	for tname, tt := range hostileTerms {
		for _, args := range [][]string{{"list"}, {"stats"}, {"practice", "list"}} {
			r := run(t, tmp, tt, "", args...)
			if r.code != 0 {
				t.Errorf("rebound %q (%s): exit %d: %q", args, tname, r.code, r.stderr)
			}
			checkHostile(t, append(args, "("+tname+")"), r, all...)
			if args[0] == "list" {
				listed.WriteString(r.stdout)
			}
			if args[0] == "practice" {
				practised.WriteString(r.stdout)
			}
		}
	}
	for _, args := range [][]string{{"list", "--json"}, {"stats", "--json"}, {"practice", "list", "--json"},
		{"export", "--all"}, {"export", "--all", "--format", "json"}} {
		r := run(t, tmp, piped, "", args...)
		if r.code != 0 {
			t.Errorf("rebound %q: exit %d: %q", args, r.code, r.stderr)
		}
		checkHostile(t, args, r, all...)
		if args[0] == "export" {
			for _, h := range all {
				if !strings.Contains(r.stdout, h.Before) || !strings.Contains(r.stdout, h.After) {
					t.Errorf("rebound %v lost the words around %s", args, h.Name)
				}
			}
		}
	}
	// A list cuts long titles, but shows every session: the first word of
	// each group is there.
	for _, group := range hostileGroups {
		if h := group[0]; !strings.Contains(listed.String(), h.Before) || !strings.Contains(practised.String(), h.Before) {
			t.Errorf("list or practice list does not show %s (%s)", h.Before, h.Name)
		}
	}

	// One session at a time, every way it can be shown.
	for g, group := range hostileGroups {
		ids := hostileIDsOf(g)
		var shown strings.Builder
		practised.Reset()
		for tname, tt := range hostileTerms {
			for _, id := range []string{ids.done, ids.open} {
				r := run(t, tmp, tt, "", "show", id)
				if r.code != 0 {
					t.Errorf("show %s (%s): exit %d: %q", id, tname, r.code, r.stderr)
				}
				checkHostile(t, []string{"show", id, "(" + tname + ")"}, r, group...)
				shown.WriteString(ansi.Strip(r.stdout))
			}
			for _, id := range []string{ids.round, ids.unfinished} {
				r := run(t, tmp, tt, "", "practice", "show", id)
				if r.code != 0 {
					t.Errorf("practice show %s (%s): exit %d: %q", id, tname, r.code, r.stderr)
				}
				checkHostile(t, []string{"practice", "show", id, "(" + tname + ")"}, r, group...)
				practised.WriteString(ansi.Strip(r.stdout))
			}
		}
		for _, args := range [][]string{
			{"show", ids.done, "--markdown"}, {"show", ids.done, "--json"}, {"show", ids.open, "--json"},
			{"export", ids.done, ids.open}, {"export", ids.done, "--format", "json"},
		} {
			r := run(t, tmp, piped, "", args...)
			if r.code != 0 {
				t.Errorf("rebound %q: exit %d: %q", args, r.code, r.stderr)
			}
			checkHostile(t, args, r, group...)
		}
		for _, h := range group {
			if !strings.Contains(shown.String(), h.Before) || !strings.Contains(shown.String(), h.After) {
				t.Errorf("show lost the words around %s", h.Name)
			}
			if !strings.Contains(practised.String(), h.Before) || !strings.Contains(practised.String(), h.After) {
				t.Errorf("practice show lost the words around %s", h.Name)
			}
		}

		// Restoring names the session by its title.
		r := run(t, tmp, piped, "", "restore", ids.deleted)
		if r.code != 0 || !strings.Contains(r.stdout, group[0].Before) {
			t.Errorf("restore %s: exit %d, %q %q", ids.deleted, r.code, r.stdout, r.stderr)
		}
		checkHostile(t, []string{"restore", ids.deleted}, r, group...)
	}
}

// TestHostileArgumentsAreInert: an error that repeats what was typed on
// the command line (an ID, a flag, a format, a file, a data dir) shows it
// inert too: a script may pass along text it did not write.
func TestHostileArgumentsAreInert(t *testing.T) {
	tmp, _ := hostileFixture(t)
	for _, h := range coachtest.Hostile {
		text := h.Text()
		for _, args := range [][]string{
			{"show", text},
			{"practice", "show", text},
			{"list", text},
			{"list", "--" + text},
			{"--" + text, "list"},
			{"export", "--all", "--format", text},
			{"export", "--all", "-o", filepath.Join(tmp, text, "out.md")},
			{"list", "--data-dir", filepath.Join(tmp, text)},
			{"restore", text},
			{text},
		} {
			r := run(t, tmp, piped, "", args...)
			checkHostile(t, args, r, h)
		}
	}
}

// TestJSONOutputsRoundTrip: the JSON commands escape the controls JSON
// lets through (C1, DEL, the bidirectional ones), and still decode to the
// text exactly as stored.
func TestJSONOutputsRoundTrip(t *testing.T) {
	tmp, store := hostileFixture(t)
	for g, group := range hostileGroups {
		ids := hostileIDsOf(g)
		want, err := store.Load(ids.done)
		if err != nil {
			t.Fatal(err)
		}
		r := run(t, tmp, piped, "", "show", ids.done, "--json")
		var got coach.Session
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatalf("%s: show --json is not JSON: %v", group.Names(), err)
		}
		if got.Intake != want.Intake || got.Feedback != want.Feedback || got.Answers[coach.PromptQuestions].Items[0] != want.Answers[coach.PromptQuestions].Items[0] {
			t.Errorf("%s: show --json decodes to\n%#v\nwant\n%#v", group.Names(), got.Intake, want.Intake)
		}
		checkHostile(t, []string{"show", ids.done, "--json"}, r, group...)
	}

	byID := map[string]*coach.Session{}
	sessions, _, err := store.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sessions {
		byID[s.ID] = s
	}
	var list struct{ Sessions []listRow }
	if err := json.Unmarshal([]byte(run(t, tmp, piped, "", "list", "--json").stdout), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Sessions) != len(byID) {
		t.Errorf("list --json has %d sessions, want %d", len(list.Sessions), len(byID))
	}
	for _, row := range list.Sessions {
		if s := byID[row.ID]; s == nil || row.Company != s.Intake.Company || row.Stage != s.Intake.Stage {
			t.Errorf("list --json row %s: company %q, stage %q; want them as stored", row.ID, row.Company, row.Stage)
		}
	}

	rounds, _, err := store.Practices()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, p := range rounds {
		texts[p.ID] = p.Question.Text + "|" + p.Answer
	}
	var rows []practiceRow
	if err := json.Unmarshal([]byte(run(t, tmp, piped, "", "practice", "list", "--json").stdout), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(texts) {
		t.Errorf("practice list --json has %d rounds, want %d", len(rows), len(texts))
	}
	for _, row := range rows {
		if got := row.Question.Text + "|" + row.Answer; got != texts[row.ID] {
			t.Errorf("practice list --json round %s: %q, want %q", row.ID, got, texts[row.ID])
		}
	}

	var export struct{ Sessions []*coach.Session }
	if err := json.Unmarshal([]byte(run(t, tmp, piped, "", "export", "--all", "--format", "json").stdout), &export); err != nil {
		t.Fatal(err)
	}
	for _, s := range export.Sessions {
		if want := byID[s.ID]; want == nil || s.Intake != want.Intake {
			t.Errorf("export json session %s: %#v", s.ID, s.Intake)
		}
	}
}

package coach

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestFormatTypesKeepUnknownMembers walks every type a session or a
// practice file is decoded into, and fails for a struct that does not keep
// the members it has no field for (see unknown.go): a field of a new
// struct type would otherwise drop what a newer rebound wrote into it. It
// also fails for what the walker in unknownwalk.go does not follow as
// encoding/json does: an embedded struct, a ",string" field, two names
// that differ only in case.
func TestFormatTypesKeepUnknownMembers(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(ty reflect.Type, where string)
	walk = func(ty reflect.Type, where string) {
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			walk(ty.Elem(), where)
			return
		case reflect.Interface:
			t.Errorf("%s is an interface: what it holds cannot be checked", where)
			return
		case reflect.Struct:
		default:
			return
		}
		if seen[ty] {
			return
		}
		seen[ty] = true
		info := fieldsOf(ty)
		if info.leaf {
			if ty.PkgPath() == reflect.TypeFor[Session]().PkgPath() {
				t.Errorf("%s (%s) encodes itself: it would drop unknown members", ty, where)
			}
			return
		}
		if !info.keeps {
			t.Errorf("%s (%s) does not keep unknown members: give it an extra unknownFields and an unknown method", ty, where)
		}
		for i := range ty.NumField() {
			f := ty.Field(i)
			if f.Anonymous {
				t.Errorf("%s.%s is embedded: the walker in unknownwalk.go does not follow embedded fields", ty, f.Name)
			}
			if _, opts, _ := strings.Cut(f.Tag.Get("json"), ","); strings.Contains(opts, "string") {
				t.Errorf("%s.%s has the ,string option: the walker does not follow it", ty, f.Name)
			}
		}
		for i, a := range info.fields {
			for _, b := range info.fields[i+1:] {
				if bytes.EqualFold(a.name, b.name) {
					t.Errorf("%s: %q and %q differ only in case", ty, a.name, b.name)
				}
			}
			walk(a.typ, ty.Name()+"."+string(a.name))
		}
	}
	for _, root := range []reflect.Type{reflect.TypeFor[Session](), reflect.TypeFor[Practice]()} {
		walk(root, root.Name())
	}
	// The check is only as good as its reach: it must have seen each of them.
	for _, ty := range []reflect.Type{
		reflect.TypeFor[Session](), reflect.TypeFor[Intake](), reflect.TypeFor[Mood](),
		reflect.TypeFor[FeedbackRequest](), reflect.TypeFor[Action](), reflect.TypeFor[Answer](),
		reflect.TypeFor[DraftEdit](), reflect.TypeFor[Practice](), reflect.TypeFor[Question](),
	} {
		if !seen[ty] {
			t.Errorf("the walk never reached %s", ty)
		}
	}
}

// marker starts the name of every member the files below hold that
// rebound does not know.
const marker = "later_"

// unknownSession is a session file with members rebound does not know at
// every level: the top, each object inside it, the elements of its arrays,
// the entries of its maps, a draft kept as an edit. Their values are of
// every JSON kind, with numbers and escapes spelled as a program other
// than rebound might. It has seven actions, more than the editor shows.
// LONG stands for a long answer, so that its draft is stored as an edit.
const unknownSession = `{
  "later_first": {"deep": {"deeper": [1, {"k": "v"}, []], "empty": {}}},
  "schema_version": 1,
  "id": "0a1b2c3d4e5f6a7b",
  "created_at": "2026-11-02T09:00:00Z",
  "updated_at": "2026-11-02T09:40:00Z",
  "status": "in_progress",
  "position": "reflect.unprepared",
  "later_number": 1.5E+300,
  "intake": {
    "company": "Globex",
    "later_source": "referral",
    "role": "Designer",
    "interviewer": "", "stage": "final round", "rejected_on": "2026-11-01", "channel": "email",
    "message": "LONG",
    "later_null": null
  },
  "mood_before": {"score": 3, "word": "flat", "later_scale": [0, 10]},
  "mood_after": {"later_zero": -0, "score": 6},
  "feedback_request": {
    "draft": "Hi,", "send": "email", "send_on": "2026-11-03", "follow_up_on": "2026-11-17",
    "later_escapes": "caf\u00e9 \ud83d\ude00 \"quoted\" back\\slash \u2028 <&>",
    "later_tracking": {"opened": true, "times": [1e-7, 2E3, -12.5e+2]}
  },
  "actions": [
    {"text": "one", "due": "2026-11-10", "later_priority": 1},
    {"text": "two", "later_tags": ["a", "b"]},
    {"text": "three", "done": true, "done_on": "2026-11-04"},
    {"text": "four", "later_\u00e9scaped": "the name is escaped"},
    {"text": "five"},
    {"text": "six, past what the editor shows", "later_priority": 6},
    {"text": "seven", "later_big": 123456789012345678901234567890}
  ],
  "answers": {
    "reflect.unprepared": {"text": "The system design part", "later_source": {"prompt_version": 3}},
    "reflect.questions": {"items": ["Why us?"], "later_false": false},
    "plan.other": {"actions": [{"text": "nested", "later_in_nested_action": {"x": null}}], "later_true": true}
  },
  "drafts": {
    "reflect.skills": {"items": ["Fig"], "later_draft": "kept with the draft"}
  },
  "draft_edits": {
    "intake.message": {"from": 0, "to": 0, "text": "Edited: ", "later_edit": 7}
  },
  "later_last": "end"
}
`

// unknownPractice is unknownSession for a practice round.
const unknownPractice = `{
  "schema_version": 1,
  "id": "0a1b2c3d4e5f6a7c",
  "created_at": "2026-11-02T09:00:00Z",
  "updated_at": "2026-11-02T09:10:00Z",
  "later_mode": "spoken",
  "question": {"key": "bank:why-leaving", "text": "Why are you leaving?", "source": "bank",
    "later_difficulty": 3.25e0, "later_hints": [{"text": "be kind"}, null]},
  "time_limit": 120,
  "answer": "Because",
  "went_well": "", "do_better": "",
  "rubric": ["structure"],
  "later_audio": {"file": null, "seconds": 0.0}
}
`

// TestUnknownMembersSurvive loads a session and a practice file that hold
// members rebound does not know, changes them as the app does, saves them,
// and finds every unknown member in the saved file where it was, with the
// same value and the same bytes. A second load and save changes nothing.
func TestUnknownMembersSurvive(t *testing.T) {
	long := strings.Repeat("We have decided to move forward with other candidates. ", 100)
	now := time.Date(2026, 11, 5, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, file, id string
		upgrade        bool // read as an older schema, through the upgrade path
		edit           func(*testing.T, *Store, string)
	}{
		{name: "session", file: unknownSession, id: "0a1b2c3d4e5f6a7b", edit: editSession(now)},
		{name: "session upgraded", file: unknownSession, id: "0a1b2c3d4e5f6a7b", upgrade: true, edit: editSession(now)},
		{name: "practice", file: unknownPractice, id: "0a1b2c3d4e5f6a7c", edit: func(t *testing.T, st *Store, id string) {
			p, err := st.EditPractice(id)
			if err != nil {
				t.Fatal(err)
			}
			if !p.SetAnswer("Because I want to build things people use.", 0, false, now) ||
				!p.SetReview(Review{WentWell: "calm", Rubric: []string{"structure"}, Rating: 4}, now) {
				t.Fatal("the edit changed nothing")
			}
			if err := st.SavePractice(p); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "practice upgraded", file: unknownPractice, id: "0a1b2c3d4e5f6a7c", upgrade: true, edit: func(t *testing.T, st *Store, id string) {
			p, err := st.EditPractice(id)
			if err != nil {
				t.Fatal(err)
			}
			p.SetAnswer("Because.", 0, false, now)
			if err := st.SavePractice(p); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(strings.Replace(tt.file, "LONG", long, 1))
			want := unknownMembers(t, data)
			if len(want) < 4 {
				t.Fatalf("the file holds %d unknown members: the test reads it wrong", len(want))
			}
			st := NewStore(t.TempDir())
			dir, path := st.sessionsDir(), st.Path(tt.id)
			if strings.HasPrefix(tt.name, "practice") {
				dir, path = st.practiceDir(), st.PracticePath(tt.id)
			}
			if tt.upgrade {
				noop := map[int]func(map[string]json.RawMessage) error{1: func(map[string]json.RawMessage) error { return nil }}
				st.sessions = format{kind: "session", version: 2, upgrades: noop}
				st.practice = format{kind: "practice entry", version: 2, upgrades: noop}
			}
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}

			tt.edit(t, st, tt.id)
			saved, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Equal(saved, data) {
				t.Fatal("the file was not saved")
			}
			got := unknownMembers(t, saved)
			for where, raw := range want {
				g, ok := got[where]
				switch {
				case !ok:
					t.Errorf("%s is gone", where)
				case !bytes.Equal(g, raw):
					t.Errorf("%s is %s, was %s", where, g, raw)
				case !sameJSON(g, raw):
					t.Errorf("%s decodes to another value", where)
				}
			}
			for where := range got {
				if _, ok := want[where]; !ok {
					t.Errorf("%s was not in the file", where)
				}
			}
			// An escaped name keeps its spelling, not only its value.
			if bytes.Contains(data, []byte(`"later_\u00e9scaped"`)) && !bytes.Contains(saved, []byte(`"later_\u00e9scaped"`)) {
				t.Error(`the name "later_\u00e9scaped" lost its escape`)
			}
			checkUnknownLast(t, saved)

			// The saved file reads back as itself.
			if tt.upgrade {
				return // the next save would make another backup; the path was proven once
			}
			again := NewStore(st.Dir())
			var enc []byte
			if strings.HasPrefix(tt.name, "practice") {
				p, err := again.LoadPractice(tt.id)
				if err != nil {
					t.Fatal(err)
				}
				enc, err = encodeIndented(p)
				if err != nil {
					t.Fatal(err)
				}
			} else {
				s, err := again.Load(tt.id)
				if err != nil {
					t.Fatal(err)
				}
				if enc, err = encodeSession(s); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(enc, saved) {
				t.Errorf("a second save differs from the first:\n%s\n---\n%s", saved, enc)
			}
		})
	}
}

// editSession changes the session as the app would: an answer that holds
// an unknown member itself, the intake, the outcome, an action ticked off,
// and the draft kept as an edit typed on.
func editSession(now time.Time) func(*testing.T, *Store, string) {
	return func(t *testing.T, st *Store, id string) {
		s, err := st.Edit(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Actions) != 7 {
			t.Fatalf("%d actions read, want 7", len(s.Actions))
		}
		ok := s.Set("reflect.unprepared", Answer{Text: "The system design part, and the pacing"}, now) &&
			s.Set(PromptRole, Answer{Text: "Product Designer"}, now) &&
			s.Set(PromptMoodAfter, Answer{Score: 7, Text: "lighter"}, now) &&
			s.SetOutcome(Sent, now) &&
			s.SetDone(5, true, now) &&
			s.SetDraft(PromptMessage, Answer{Text: "Edited again: " + s.Intake.Message}, now) &&
			s.SetDraft("reflect.skills", Answer{Items: []string{"Figma"}}, now)
		if !ok {
			t.Fatal("an edit changed nothing")
		}
		if err := st.Save(s); err != nil {
			t.Fatal(err)
		}
	}
}

// unknownMembers finds the members of a file whose names start with
// marker, by where they are ("answers/reflect.unprepared/later_source"),
// each with its value compacted. It does not look inside them.
func unknownMembers(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	found := map[string][]byte{}
	var walk func(raw json.RawMessage, where string)
	walk = func(raw json.RawMessage, where string) {
		var obj map[string]json.RawMessage
		var arr []json.RawMessage
		switch {
		case json.Unmarshal(raw, &obj) == nil && obj != nil:
			for name, v := range obj {
				if strings.HasPrefix(name, marker) {
					var b bytes.Buffer
					if err := json.Compact(&b, v); err != nil {
						t.Fatal(err)
					}
					found[where+name] = b.Bytes()
					continue
				}
				walk(v, where+name+"/")
			}
		case json.Unmarshal(raw, &arr) == nil:
			for i, v := range arr {
				walk(v, where+strconv.Itoa(i)+"/")
			}
		}
	}
	walk(data, "")
	return found
}

// sameJSON reports whether two JSON values decode to the same, numbers
// compared as written.
func sameJSON(a, b []byte) bool {
	decode := func(data []byte) (v any) {
		d := json.NewDecoder(bytes.NewReader(data))
		d.UseNumber()
		if d.Decode(&v) != nil {
			return nil
		}
		return v
	}
	return reflect.DeepEqual(decode(a), decode(b))
}

// checkUnknownLast fails unless, in each object of the file, the unknown
// members come after all the known ones.
func checkUnknownLast(t *testing.T, data []byte) {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	var value func(where string)
	value = func(where string) {
		tok, err := d.Token()
		if err != nil {
			t.Fatal(err)
		}
		switch tok {
		case json.Delim('{'):
			unknown := ""
			for d.More() {
				tok, err := d.Token()
				if err != nil {
					t.Fatal(err)
				}
				name := tok.(string)
				if strings.HasPrefix(name, marker) {
					unknown = name
				} else if unknown != "" {
					t.Errorf("%s%s, a known member, comes after %s", where, name, unknown)
				}
				value(where + name + "/")
			}
			_, _ = d.Token()
		case json.Delim('['):
			for i := 0; d.More(); i++ {
				value(where + strconv.Itoa(i) + "/")
			}
			_, _ = d.Token()
		}
	}
	value("")
}

// TestUnknownMembersAsEncodingJSONReadsThem: a member that differs from a
// field's name only in case is that field (encoding/json reads it so), and
// is not also kept as unknown, which would write it twice; an unknown name
// given twice is kept twice, as the file had it.
func TestUnknownMembersAsEncodingJSONReadsThem(t *testing.T) {
	const id = "0a1b2c3d4e5f6a7d"
	file := `{"schema_version": 1, "ID": "` + id + `", "Status": "complete", "later": 1, "later": [2],
		"answers": {"x": {"TEXT": "typed in capitals", "\u0074ext": "escaped"}}}`
	s, reason := decodeSession([]byte(file), id)
	if reason != "" {
		t.Fatal(reason)
	}
	if s.Status != Complete || s.Answers["x"].Text != "escaped" {
		t.Errorf("status %q, text %q: the members were not read as fields", s.Status, s.Answers["x"].Text)
	}
	if got, want := s.extra.members, `"later":1,"later":[2]`; got != want {
		t.Errorf("unknown members %s, want %s", got, want)
	}
	if x := s.Answers["x"]; x.extra != (unknownFields{}) {
		t.Errorf("the answer keeps %s as unknown", x.extra.members)
	}
	enc, err := encodeSession(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{`"ID"`, `"Status"`, `"TEXT"`, `"\u0074ext"`} {
		if bytes.Contains(enc, []byte(name)) {
			t.Errorf("%s is written back besides its field:\n%s", name, enc)
		}
	}
	if !bytes.HasSuffix(bytes.TrimSpace(enc), []byte("\"later\": 1,\n  \"later\": [\n    2\n  ]\n}")) {
		t.Errorf("the unknown members are not at the end, both:\n%s", enc)
	}
}

// TestCloneKeepsUnknownMembers: a save is of a clone, so a clone must hold
// what the session read, and not share it.
func TestCloneKeepsUnknownMembers(t *testing.T) {
	long := strings.Repeat("x", 10)
	s, reason := decodeSession([]byte(strings.Replace(unknownSession, "LONG", long, 1)), "0a1b2c3d4e5f6a7b")
	if reason != "" {
		t.Fatal(reason)
	}
	want, err := encodeSession(s)
	if err != nil {
		t.Fatal(err)
	}
	c := s.Clone()
	got, err := encodeSession(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the clone saves otherwise:\n%s\n---\n%s", got, want)
	}
	p, reason := decodePractice([]byte(unknownPractice), "0a1b2c3d4e5f6a7c")
	if reason != "" {
		t.Fatal(reason)
	}
	if !reflect.DeepEqual(p.Clone(), p) {
		t.Error("the practice clone differs")
	}
	// The export writes each session as its file holds it.
	doc, err := ExportJSON([]*Session{s}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	exported := unknownMembers(t, doc)
	for where, raw := range unknownMembers(t, want) {
		if got := exported["sessions/0/"+where]; !bytes.Equal(got, raw) {
			t.Errorf("the export has %s as %s, the file as %s", where, got, raw)
		}
	}
}

// TestSummariesHoldNoUnknownMembers: a summary must be the same read from
// the session's file or from the index, which (gob) keeps no unexported
// field, so a summary drops what rebound does not know.
func TestSummariesHoldNoUnknownMembers(t *testing.T) {
	s, reason := decodeSession([]byte(strings.Replace(unknownSession, "LONG", "x", 1)), "0a1b2c3d4e5f6a7b")
	if reason != "" {
		t.Fatal(reason)
	}
	sum := Summarize(s)
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(sum); err != nil {
		t.Fatal(err)
	}
	var back Summary
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
		t.Fatal(err)
	}
	back.text = sum.text
	if !reflect.DeepEqual(back, sum) {
		t.Errorf("the summary differs through gob:\n%+v\nwant\n%+v", back, sum)
	}
	if s.Feedback.extra == (unknownFields{}) || s.Actions[0].extra == (unknownFields{}) {
		t.Error("the summary took the session's unknown members away")
	}
}

// TestManyUnknownMembersCostInProportion: 20,000 unknown members in one
// object, or one object given 20,000 times, load and save with memory in
// proportion to the file, not to its square (a member appended to all the
// others one at a time would copy about 4 GB here).
func TestManyUnknownMembersCostInProportion(t *testing.T) {
	const n = 20000
	const id = "0a1b2c3d4e5f6a7e"
	var many, repeated strings.Builder
	for i := range n {
		fmt.Fprintf(&many, `"later_%d": %d, `, i, i)
		fmt.Fprintf(&repeated, `"intake": {"later_%d": %d}, `, i, i)
	}
	for name, members := range map[string]string{"many": many.String(), "repeated": repeated.String()} {
		t.Run(name, func(t *testing.T) {
			file := []byte(`{` + members + `"schema_version": 1, "id": "` + id + `"}`)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			s, reason := decodeSession(file, id)
			if reason != "" {
				t.Fatal(reason)
			}
			enc, err := encodeSession(s)
			if err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			if got := bytes.Count(enc, []byte(`"later_`)); got != n {
				t.Errorf("%d unknown members saved, want %d", got, n)
			}
			if used, limit := after.TotalAlloc-before.TotalAlloc, uint64(100*len(file)); used > limit {
				t.Errorf("a load and a save of %d bytes allocated %d, more than %d", len(file), used, limit)
			}
		})
	}
}

package coach

// Fuzz targets for what rebound reads from outside: session and practice
// files, text typed or pasted into answers, and IDs typed on the command
// line. Plain `go test` runs each target over its seeds (the f.Add calls and
// testdata/fuzz/<FuzzName>/); CI fuzzes each for 10 seconds. A longer run of
// one target, from the repository root:
//
//	go test -run '^$' -fuzz '^FuzzDecodeSession$' -fuzztime 10m ./coach
//
// and likewise for FuzzDecodePractice, FuzzSanitizer, FuzzEditableOneToOne
// and FuzzResolve. A
// failing input is written to testdata/fuzz/<FuzzName>/; commit it with the
// fix, so the seeds keep it from coming back.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// Seeds that decode: without them the fuzzer may never reach the round trip
// below, and the targets would check far less than they claim. Each target
// checks its seeds decode before it starts.
const (
	seedSessionID  = "0123456789abcdef"
	seedSession    = `{"schema_version": 1, "id": "0123456789abcdef", "status": "in_progress", "answers": {"went_well": {"text": "the <queue> & \u2028 part"}}, "actions": [{"text": "mock", "due": "2025-11-05"}]}`
	seedPracticeID = "a1b2c3d4e5f60718"
	seedPractice   = `{"schema_version": 1, "id": "a1b2c3d4e5f60718", "question": {"key": "bank:why-leaving", "text": "Why?", "source": "bank"}, "answer": "x", "rubric": ["structure"], "rating": 4}`
	// seedNewerFields is a round with a field this build does not know.
	seedNewerFields = `{"schema_version": 1, "id": "a1b2c3d4e5f60718", "future_field": {"nested": [1, 2, 3]}}`
)

// maxReasonRunes is the longest reason reasonLine gives: 160 bytes, and "…"
// where it cut.
const maxReasonRunes = 161

// smallDecoderSeeds are shapes a damaged or foreign file takes, each with the
// name it would be read under. The committed corpus adds the real fixtures.
var smallDecoderSeeds = []struct {
	data string
	id   string
}{
	{"", "empty"},
	{"  \n\t", "blank"},
	{"{}", "x"},
	{"null", "x"},
	{"[]", "x"},
	{`"a string"`, "x"},
	{"true", "x"},
	{"12", "x"},
	{`{"schema_version": 1, "id": "x"}`, "x"},
	{`{"schema_version": 1, "id": "x"}`, "y"},
	{`{"schema_version": 1, "id": "x"}`, "../x"},
	{`{"schema_version": 1, "id": "../x"}`, "../x"},
	{`{"schema_version": 2, "id": "x"}`, "x"},
	{`{"schema_version": 0, "id": "x"}`, "x"},
	{`{"schema_version": -1, "id": "x"}`, "x"},
	{`{"schema_version": 1.5, "id": "x"}`, "x"},
	{`{"schema_version": "1", "id": "x"}`, "x"},
	{`{"schema_version": 99999999999999999999, "id": "x"}`, "x"},
	{`{"schema_version": null, "id": "x"}`, "x"},
	{`{"schema_version": 1, "id": 7}`, "x"},
	{`{"schema_version": 1, "id": ""}`, ""},
	{`{"schema_version": 1, "id": null}`, "x"},
	{`{"SCHEMA_VERSION": 1, "ID": "x"}`, "x"},
	{`{"schema_version": 1, "id": "x", "id": "y"}`, "y"},
	{`{"schema_version": 1, "id": "x"} {}`, "x"},
	{`{"schema_version": 1, "id": "x", "created_at": "yesterday"}`, "x"},
	{`{"schema_version": 1, "id": "x", "created_at": "9999-12-31T23:59:59+23:59"}`, "x"},
	{`{"schema_version": 1, "id": "x", "created_at": "0000-01-01T00:00:00-23:59"}`, "x"},
	{`{"schema_version": 1, "id": "x", "answers": null, "rubric": null}`, "x"},
	{"{\"schema_version\": 1, \"id\": \"x\", \"answers\": {\"\xff\": {\"text\": \"\xfe\x1b[2J\"}}}", "x"},
	{"\xef\xbb\xbf{\"schema_version\": 1, \"id\": \"x\"}", "x"},
	{`{"schema_version": 1, "id": "x", "status": "` + strings.Repeat("é", 200) + `"`, "x"},
	{`{"schema_version": "` + strings.Repeat("\u009b", 100) + `", "id": "x"}`, "x"},
	{`{"schema_version": "` + strings.Repeat("9 ", 200) + `", "id": "x"}`, "x"},
	{`{"schema_version": 1, "id": "` + strings.Repeat("a", 65) + `"}`, strings.Repeat("a", 65)},
}

// checkReason fails unless reason is what Problem.Reason promises: one short
// line that says something.
func checkReason(t *testing.T, reason string) {
	t.Helper()
	if reason == "" {
		t.Error("no session and no reason")
	}
	if strings.ContainsAny(reason, "\n\r") {
		t.Errorf("reason %q is more than one line", reason)
	}
	if n := utf8.RuneCountInString(reason); n > maxReasonRunes {
		t.Errorf("reason is %d runes, more than %d: %q", n, maxReasonRunes, reason)
	}
}

func FuzzDecodeSession(f *testing.F) {
	if _, reason := decodeSession([]byte(seedSession), seedSessionID); reason != "" {
		f.Fatalf("the seed session does not decode: %s", reason)
	}
	f.Add([]byte(seedSession), seedSessionID)
	f.Add([]byte(strings.Replace(unknownSession, "LONG", strings.Repeat("words ", 1000), 1)), "0a1b2c3d4e5f6a7b") // unknown members everywhere
	for _, s := range smallDecoderSeeds {
		f.Add([]byte(s.data), s.id)
	}
	f.Fuzz(func(t *testing.T, data []byte, id string) {
		in := bytes.Clone(data)
		sess, reason := decodeSession(data, id)
		if !bytes.Equal(in, data) {
			t.Fatal("decodeSession changed its input")
		}
		if sess == nil {
			checkReason(t, reason)
			return
		}
		if reason != "" {
			t.Fatalf("a session and a reason (%q)", reason)
		}
		if sess.ID != id {
			t.Errorf("session ID %q read from a file named %q", sess.ID, id+".json")
		}
		if !validID(sess.ID) {
			t.Errorf("session ID %q is not a valid id, yet it was read", sess.ID)
		}
		if sess.SchemaVersion != SchemaVersion {
			t.Errorf("schema_version %d handed out, want %d", sess.SchemaVersion, SchemaVersion)
		}
		if sess.Answers == nil {
			t.Error("Answers is nil: recording an answer would panic")
		}

		// What was read can be saved, and what is saved reads back the
		// same: a load and a save lose nothing.
		enc, err := encodeSession(sess)
		if err != nil {
			t.Fatalf("a session that loads cannot be saved: %v", err)
		}
		again, reason := decodeSession(enc, id)
		if reason != "" {
			t.Fatalf("the saved session does not load: %s\n%s", reason, enc)
		}
		if again.ID != sess.ID {
			t.Errorf("ID %q after a save, was %q", again.ID, sess.ID)
		}
		if a, b := unknownOf(sess), unknownOf(again); !sameMembers(a, b) {
			t.Errorf("the members rebound does not know changed in a save:\n%q\n---\n%q", a, b)
		}
		enc2, err := encodeSession(again)
		if err != nil {
			t.Fatalf("a saved session cannot be saved again: %v", err)
		}
		if !bytes.Equal(enc, enc2) {
			t.Errorf("a second save differs from the first:\n%s\n---\n%s", enc, enc2)
		}
	})
}

func FuzzDecodePractice(f *testing.F) {
	for _, seed := range []string{seedPractice, seedNewerFields, strings.Replace(unknownPractice, "0a1b2c3d4e5f6a7c", seedPracticeID, 1)} {
		if _, reason := decodePractice([]byte(seed), seedPracticeID); reason != "" {
			f.Fatalf("the seed practice entry does not decode: %s", reason)
		}
		f.Add([]byte(seed), seedPracticeID)
	}
	for _, s := range smallDecoderSeeds {
		f.Add([]byte(s.data), s.id)
	}
	f.Fuzz(func(t *testing.T, data []byte, id string) {
		in := bytes.Clone(data)
		p, reason := decodePractice(data, id)
		if !bytes.Equal(in, data) {
			t.Fatal("decodePractice changed its input")
		}
		if p == nil {
			checkReason(t, reason)
			return
		}
		if reason != "" {
			t.Fatalf("an entry and a reason (%q)", reason)
		}
		if p.ID != id {
			t.Errorf("entry ID %q read from a file named %q", p.ID, id+".json")
		}
		if !validID(p.ID) {
			t.Errorf("entry ID %q is not a valid id, yet it was read", p.ID)
		}
		if p.SchemaVersion != PracticeSchemaVersion {
			t.Errorf("schema_version %d handed out, want %d", p.SchemaVersion, PracticeSchemaVersion)
		}
		if p.Rubric == nil {
			t.Error("Rubric is nil: it would be saved as null")
		}

		// With the two checks above, encodeIndented(p) is exactly what
		// SavePractice writes for p.
		enc, err := encodeIndented(p)
		if err != nil {
			t.Fatalf("an entry that loads cannot be saved: %v", err)
		}
		again, reason := decodePractice(enc, id)
		if reason != "" {
			t.Fatalf("the saved entry does not load: %s\n%s", reason, enc)
		}
		if again.ID != p.ID {
			t.Errorf("ID %q after a save, was %q", again.ID, p.ID)
		}
		if a, b := unknownOf(p), unknownOf(again); !sameMembers(a, b) {
			t.Errorf("the members rebound does not know changed in a save:\n%q\n---\n%q", a, b)
		}
		enc2, err := encodeIndented(again)
		if err != nil {
			t.Fatalf("a saved entry cannot be saved again: %v", err)
		}
		if !bytes.Equal(enc, enc2) {
			t.Errorf("a second save differs from the first:\n%s\n---\n%s", enc, enc2)
		}
	})
}

// unknownOf lists the unknown members of every keeper in v, each after
// where it is, map entries in key order: what a save must keep.
// kept is the members a struct kept that rebound does not know, and where
// the struct is in the record.
type kept struct{ where, members string }

// sameMembers compares two lists from unknownOf as JSON values, not bytes:
// a save may write a character another way ("\x7f" as "\u007f", found by
// FuzzDecodePractice), and what must survive is the value.
func sameMembers(a, b []kept) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		var x, y any
		if a[i].where != b[i].where || json.Unmarshal([]byte("{"+a[i].members+"}"), &x) != nil ||
			json.Unmarshal([]byte("{"+b[i].members+"}"), &y) != nil || !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

func unknownOf(v any) []kept {
	var out []kept
	var walk func(v reflect.Value, where string)
	walk = func(v reflect.Value, where string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), where)
			}
		case reflect.Struct:
			if k, ok := v.Addr().Interface().(keeper); ok && k.unknown().members != "" {
				out = append(out, kept{where, k.unknown().members})
			}
			for _, f := range fieldsOf(v.Type()).fields {
				walk(v.Field(f.index), where+"/"+string(f.name))
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), fmt.Sprintf("%s/%d", where, i))
			}
		case reflect.Map:
			keys := v.MapKeys()
			slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
			for _, k := range keys {
				e := reflect.New(v.Type().Elem()).Elem()
				e.Set(v.MapIndex(k))
				walk(e, where+"/"+k.String())
			}
		}
	}
	walk(reflect.ValueOf(v), "")
	return out
}

// checkTerminalSafe fails if s holds anything a terminal acts on: a byte
// below 0x20 other than newline (and tab, where allowed), DEL, a C1 control,
// a bidi control, or invalid UTF-8 (a stray 0x9b byte is CSI to a terminal
// in 8-bit mode).
func checkTerminalSafe(t *testing.T, name, in, out string, tabOK bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s(%q) = %q is not valid UTF-8", name, in, out)
	}
	for i := 0; i < len(out); i++ {
		if c := out[i]; (c < 0x20 && c != '\n' && !(tabOK && c == '\t')) || c == 0x7f {
			t.Errorf("%s(%q) = %q holds byte %#02x at %d", name, in, out, c, i)
			return
		}
	}
	for _, r := range out {
		if (r >= 0x80 && r <= 0x9f) || isBidiControl(r) {
			t.Errorf("%s(%q) = %q holds %U", name, in, out, r)
			return
		}
	}
}

func hasStandIn(s string) bool { return strings.ContainsFunc(s, isStandIn) }

// FuzzSanitizer checks the promises of text.go on any input. Its seeds are
// the hostile corpus of text_test.go and a few that sit on the edges of the
// mappings.
func FuzzSanitizer(f *testing.F) {
	for _, s := range hostileCorpus {
		f.Add(s)
	}
	for _, s := range []string{
		"", "plain\n", "a\tb", "\r\n", "\x00\x1f\x20\x7e\x7f", "\u0080\u009f\u00a0",
		"\u2400\u241f\u2420\u2421\u2422", "\uF77F\uF780\uF79F\uF7A0\uF7AB\uF7AC",
		"\U0010FDFF\U0010FE00\U0010FEFF\U0010FF00\U0010FF1B\U0010FFFD\U0010FFFF", "\uFFFD",
		"\xc2\x9b", "\xc2", "\x9b", "\xed\xa0\x80", "\xf4\x90\x80\x80", "é\xffé",
		"👨‍👩‍👧 面接 رفض \u202E", "\u2028\u2029\u0085",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Inert: safe to print, whatever s holds, and already inert.
		inert := Inert(s)
		checkTerminalSafe(t, "Inert", s, inert, false)
		if hasStandIn(inert) {
			t.Errorf("Inert(%q) = %q keeps a stand-in that Visible draws", s, inert)
		}
		if again := Inert(inert); again != inert {
			t.Errorf("Inert is not stable: Inert(%q) = %q, then %q", s, inert, again)
		}

		// Editable: text a widget can hold, with tabs and newlines kept,
		// which reads back as s (invalid UTF-8 as U+FFFD).
		e := Editable(s)
		checkTerminalSafe(t, "Editable", s, e, true)
		checkEditable(t, s, e)
		if got, want := Raw(e), string([]rune(s)); got != want {
			t.Errorf("Raw(Editable(%q)) = %q (via %q), want %q", s, got, e, want)
		}
		// What a widget holds survives a save (Raw) and a reload.
		if got := Editable(Raw(e)); got != e {
			t.Errorf("Editable(Raw(%q)) = %q, want it back", e, got)
		}

		// Visible draws the stand-ins and changes nothing else.
		v := Visible(s)
		if hasStandIn(v) {
			t.Errorf("Visible(%q) = %q keeps a stand-in", s, v)
		}
		if utf8.ValidString(s) {
			if !utf8.ValidString(v) {
				t.Errorf("Visible(%q) = %q is not valid UTF-8", s, v)
			}
			in, out := []rune(s), []rune(v)
			if len(in) != len(out) {
				t.Fatalf("Visible(%q) = %q: %d runes, was %d", s, v, len(out), len(in))
			}
			for i := range in {
				if in[i] != out[i] && !isStandIn(in[i]) {
					t.Errorf("Visible(%q) = %q changed %U to %U", s, v, in[i], out[i])
				}
			}
		}
		// Applied to widget output, as its doc says, Visible leaves nothing
		// a terminal acts on but tabs and newlines.
		checkTerminalSafe(t, "Visible∘Editable", s, Visible(e), true)
	})
}

// controls counts the characters of s that Editable gives stand-ins:
// control characters, bidi controls and U+FFFD.
func controls(s string) map[rune]int {
	n := map[rune]int{}
	for _, r := range s {
		if standIn(r) >= 0 {
			n[r]++
		}
	}
	return n
}

// FuzzEditableOneToOne checks that what is typed is what is stored. For any
// valid UTF-8 s, Raw(Editable(s)) == s, whatever s holds: the control
// pictures, private-use characters, noncharacters, ⍰, and the stand-ins,
// marker and escapes of Editable itself. Typing t into the widget holding s
// (Editable(t) inserted at any point), then deleting any run of it, never makes
// a control character that s and t did not hold: half an escape reads as
// text or nothing.
func FuzzEditableOneToOne(f *testing.F) {
	for _, s := range oneToOneSeeds {
		f.Add(s, "␛", 0, 0, uint8(0))
	}
	f.Add("a\x1bb", "\U0010FFFF", 1, 2, uint8(1))
	f.Add("\U0010FF1B", "␛\U0010FE1B", 1, 1, uint8(1))
	f.Add("␛\U0010FFFF", "\U0010FF1B", 1, 2, uint8(1))
	f.Add("␛\U0010FFFF", "", 0, 1, uint8(1))
	f.Fuzz(func(t *testing.T, s, typed string, at, from int, n uint8) {
		if !utf8.ValidString(s) || !utf8.ValidString(typed) {
			return
		}
		e := Editable(s)
		if got := Raw(e); got != s {
			t.Fatalf("Raw(Editable(%q)) = %q (via %q)", s, got, e)
		}
		checkEditable(t, s, e)
		if got := Editable(s + typed); got != e+Editable(typed) {
			t.Errorf("Editable(%q + %q) = %q, not the two one after the other", s, typed, got)
		}

		// An edit: typed goes in at rune at, then the run from rune from,
		// up to 8 runes long, is deleted.
		runes := []rune(e)
		at = min(max(at, 0), len(runes))
		edited := slices.Concat(runes[:at], []rune(Editable(typed)), runes[at:])
		from = min(max(from, 0), len(edited))
		to := min(from+int(n%9), len(edited))
		edited = slices.Delete(edited, from, to)
		got := Raw(string(edited))
		had := controls(s + typed)
		for r, n := range controls(got) {
			if n > had[r] {
				t.Errorf("typing %q at %d into %q and deleting [%d, %d) made %U out of text: %q", typed, at, e, from, to, r, got)
			}
		}
	})
}

// FuzzResolve splits its second argument on commas into the IDs, and checks
// Resolve against its doc: the ID itself, or the only ID that starts with
// the prefix, case ignored and surrounding space trimmed; a duplicated ID
// counts once.
func FuzzResolve(f *testing.F) {
	const ids = "5e55a0a1b2c3d4e5,0123456789abcdef,5e55a0a1b2ffffff"
	for _, prefix := range []string{"", " ", "5e55a0a", "5E55A0A1B2C", " 0123456 ", "0123456789abcdef", "5e55a0a1b2c3d4e5x", "zzz", "5"} {
		f.Add(prefix, ids)
	}
	f.Add("abc", "abc,abcdef")
	f.Add("abc", "abcdef,abcdef")
	f.Add("abc", "abcdef,ABCDEF")
	f.Add("ABC", "abcd,Abc,abc")
	f.Add("abc", "")
	f.Add("\u212a", "k1,K2") // KELVIN SIGN lower-cases to k
	f.Add("\xff", "\xfe1,\xff2")
	f.Add("a", strings.Repeat("a1,", 8))
	f.Fuzz(func(t *testing.T, prefix, joined string) {
		ids := strings.Split(joined, ",")
		p := strings.ToLower(strings.TrimSpace(prefix))
		starts := func(id string) bool { return strings.HasPrefix(strings.ToLower(id), p) }

		// The expected answer, from the rules.
		var exact string
		hasExact := false
		var matches []string
		for _, id := range ids {
			if !hasExact && strings.ToLower(id) == p {
				exact, hasExact = id, true
			}
			if starts(id) && !slices.Contains(matches, id) {
				matches = append(matches, id)
			}
		}
		slices.Sort(matches)

		in := slices.Clone(ids)
		got, err := Resolve(prefix, ids)
		if !slices.Equal(in, ids) {
			t.Fatalf("Resolve changed the IDs: %q, was %q", ids, in)
		}
		var amb *AmbiguousIDError
		switch {
		case p == "":
			if !errors.Is(err, ErrUnknownID) {
				t.Errorf("Resolve(%q) = %q, %v; want ErrUnknownID for no ID", prefix, got, err)
			}
		case hasExact:
			if err != nil || got != exact {
				t.Errorf("Resolve(%q, %q) = %q, %v; want the exact match %q", prefix, ids, got, err, exact)
			}
		case len(matches) == 0:
			if !errors.Is(err, ErrUnknownID) || got != "" {
				t.Errorf("Resolve(%q, %q) = %q, %v; want ErrUnknownID", prefix, ids, got, err)
			}
		case len(matches) == 1:
			if err != nil || got != matches[0] {
				t.Errorf("Resolve(%q, %q) = %q, %v; want %q", prefix, ids, got, err, matches[0])
			}
		default:
			if !errors.As(err, &amb) || got != "" {
				t.Fatalf("Resolve(%q, %q) = %q, %v; want an AmbiguousIDError for %q", prefix, ids, got, err, matches)
			}
			if amb.Prefix != prefix || !slices.Equal(amb.Matches, matches) {
				t.Errorf("AmbiguousIDError{%q, %q}, want {%q, %q}", amb.Prefix, amb.Matches, prefix, matches)
			}
			if msg := amb.Error(); !strings.Contains(msg, "ambiguous") {
				t.Errorf("ambiguous error reads %q", msg)
			}
		}
		if err == nil && (!slices.Contains(ids, got) || !starts(got)) {
			t.Errorf("Resolve(%q, %q) = %q: not one of the IDs with that prefix", prefix, ids, got)
		}
		if err != nil && errors.Is(err, ErrUnknownID) == errors.As(err, &amb) {
			t.Errorf("Resolve(%q, %q) error %v is neither unknown nor ambiguous, or both", prefix, ids, err)
		}

		// The short IDs that list shows resolve to their own session, for
		// IDs shaped as the store makes them (lower-case, valid file names).
		var real []string
		for _, id := range ids {
			if validID(id) && strings.ToLower(id) == id {
				real = append(real, id)
			}
		}
		for id, short := range ShortIDs(real) {
			if got, err := Resolve(short, real); err != nil || got != id {
				t.Errorf("Resolve(ShortIDs[%q] = %q, %q) = %q, %v", id, short, real, got, err)
			}
		}
	})
}

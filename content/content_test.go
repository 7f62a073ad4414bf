package content

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
)

// adviceSpec is the content specification, kept beside the repository (CI
// checks out shared/ next to it), so it is read at test time, not embedded.
const adviceSpec = "../../shared/ADVICE.md"

// wantSteps is the number of coaching steps: ADVICE.md has five, and the
// progress line and the coach's state machine are built around them.
const wantSteps = 5

func mustLoad(t *testing.T) (*Flow, []AdvicePoint) {
	t.Helper()
	flow, advice, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return flow, advice
}

// steps returns the coaching sections (Step > 0) in flow order.
func steps(f *Flow) []Section {
	var out []Section
	for _, s := range f.Sections {
		if s.Step > 0 {
			out = append(out, s)
		}
	}
	return out
}

// countWords counts the words of markdown text, ignoring its punctuation:
// heading hashes, list markers, emphasis and code marks are not words.
func countWords(md string) int {
	n := 0
	for _, tok := range strings.Fields(md) {
		if strings.IndexFunc(tok, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// heading returns the text of the tip's first line without its "## ".
func heading(md string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(md), "\n")
	return strings.TrimSpace(strings.TrimLeft(first, "#"))
}

// words splits text into its words: letters, digits and apostrophes.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

func TestLoad(t *testing.T) {
	flow, advice := mustLoad(t)
	if len(flow.Sections) == 0 || len(advice) == 0 {
		t.Fatalf("Load returned %d sections and %d advice points", len(flow.Sections), len(advice))
	}
}

// TestEmbeddedContentIsValid validates the files compiled into every build,
// which Load reads without validating at start-up: the notes, the flow and
// the advice map (load), the letters (loadEmails) and that the letters tell
// apart the intake's options. A broken edit fails here instead of reaching
// a user.
func TestEmbeddedContentIsValid(t *testing.T) {
	flow, advice, err := load(files)
	if err != nil {
		t.Fatalf("the embedded content is broken: %v", err)
	}
	if _, err := loadEmails(emailFiles); err != nil {
		t.Errorf("the embedded letters are broken: %v", err)
	}
	if err := checkEmailOptions(flow); err != nil {
		t.Error(err)
	}
	got, gotAdvice, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, flow) || !reflect.DeepEqual(gotAdvice, advice) {
		t.Error("Load and the validated load read the embedded files differently")
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		md   string
		want int
	}{
		{"", 0},
		{"## Two words", 2},
		{"- one\n- *two* and **three**\n\n> four", 5},
		{"over- or under-qualified — fine", 4},
		{"`code` _em_", 2},
	}
	for _, tt := range tests {
		if got := countWords(tt.md); got != tt.want {
			t.Errorf("countWords(%q) = %d, want %d", tt.md, got, tt.want)
		}
	}
}

func TestSteps(t *testing.T) {
	flow, _ := mustLoad(t)
	got := steps(flow)
	if len(got) != wantSteps {
		t.Fatalf("the flow has %d coaching steps, want %d", len(got), wantSteps)
	}
	for i, s := range got {
		t.Run(s.ID, func(t *testing.T) {
			if s.Step != i+1 {
				t.Errorf("step %q is numbered %d, want %d (steps run 1 to %d in order)", s.ID, s.Step, i+1, wantSteps)
			}
			if n := countWords(s.Tip); n < 150 || n > 300 {
				t.Errorf("tip %q has %d words, want 150 to 300", s.ID, n)
			}
			if !strings.HasPrefix(s.Tip, "## ") {
				t.Errorf("tip %q does not start with a level-2 heading", s.ID)
			}
			if len(s.Prompts) == 0 {
				t.Errorf("step %q has no prompts", s.ID)
			}
		})
	}
}

func TestPrompts(t *testing.T) {
	flow, _ := mustLoad(t)
	seen := map[string]string{}
	for _, s := range flow.Sections {
		for _, p := range s.Prompts {
			if other, dup := seen[p.ID]; dup {
				t.Errorf("prompt id %q is in both %q and %q", p.ID, other, s.ID)
			}
			seen[p.ID] = s.ID
			if !slices.Contains(kinds, p.Kind) {
				t.Errorf("prompt %q has unknown kind %q", p.ID, p.Kind)
			}
			if (p.Kind == Choice || p.Kind == Checklist) && len(p.Options) == 0 {
				t.Errorf("%s prompt %q has no options", p.Kind, p.ID)
			}
			if p.Kind != Choice && p.Kind != Checklist && len(p.Options) > 0 {
				t.Errorf("%s prompt %q has options it cannot show", p.Kind, p.ID)
			}
			for _, o := range p.Options {
				if n := utf8.RuneCountInString(o); o == "" || n > 45 {
					t.Errorf("prompt %q: option %q is %d characters; options are ticked at a glance, keep them to 45", p.ID, o, n)
				}
			}
			if len(p.Options) != len(slices.Compact(slices.Sorted(slices.Values(p.Options)))) {
				t.Errorf("prompt %q repeats an option", p.ID)
			}
		}
	}
}

func TestTipsRender(t *testing.T) {
	flow, _ := mustLoad(t)
	for _, width := range []int{20, 60, 80, 200} {
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(width))
		if err != nil {
			t.Fatalf("glamour renderer at width %d: %v", width, err)
		}
		for _, s := range steps(flow) {
			t.Run(fmt.Sprintf("%s/%d", s.ID, width), func(t *testing.T) {
				out, err := r.Render(s.Tip)
				if err != nil {
					t.Fatalf("render: %v", err)
				}
				plain := ansi.Strip(out)
				h := heading(s.Tip)
				if len(words(h)) == 0 {
					t.Fatalf("tip %q has no heading words", s.ID)
				}
				for _, w := range words(h) {
					if !strings.Contains(plain, w) {
						t.Errorf("rendered tip lacks heading word %q:\n%s", w, plain)
					}
				}
			})
		}
	}
}

var (
	htmlTag    = regexp.MustCompile(`<[A-Za-z!/?]`)
	htmlEntity = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);`)
)

// TestTipsArePlainText keeps the tips to text Glamour shows as written: a
// control character (an escape sequence above all) would pass straight
// through to the terminal, and HTML, links, tables and code would be noise.
func TestTipsArePlainText(t *testing.T) {
	flow, _ := mustLoad(t)
	texts := map[string]string{"support.md": Support(), "lowmood.md": LowMood()}
	for _, s := range steps(flow) {
		texts["tips/"+s.ID+".md"] = s.Tip
	}
	for name, text := range texts {
		t.Run(name, func(t *testing.T) { checkPlainText(t, text) })
	}
}

// TestNoToxicPositivity guards the tone ADVICE.md asks for: a rejected person
// does not want to hear that it was all for the best.
func TestNoToxicPositivity(t *testing.T) {
	flow, _ := mustLoad(t)
	b, err := json.Marshal(flow) // labels, hints, options and intros
	if err != nil {
		t.Fatal(err)
	}
	all := strings.ToLower(string(b) + Support() + LowMood())
	for _, st := range []string{"phone screen", "first interview", "final round", "after an assessment", "other"} {
		all += strings.ToLower(flow.StageEvidence(st))
	}
	for _, s := range steps(flow) {
		all += strings.ToLower(s.Tip)
	}
	for _, phrase := range []string{
		"everything happens for a reason", "meant to be", "blessing in disguise",
		"silver lining", "good vibes", "just be positive", "stay positive!",
	} {
		if strings.Contains(all, phrase) {
			t.Errorf("the content says %q", phrase)
		}
	}
}

func TestSupport(t *testing.T) {
	s := Support()
	if s == "" {
		t.Fatal("Support() is empty")
	}
	if s != strings.TrimSpace(s) {
		t.Error("Support() has surrounding space")
	}
	for _, want := range []string{"not alone", "someone you trust", "professional", "not a therapist"} {
		if !strings.Contains(s, want) {
			t.Errorf("the support note does not say %q:\n%s", want, s)
		}
	}
	if n := len(regexp.MustCompile(`[.!?](\s|$)`).FindAllString(s, -1)); n < 2 || n > 3 {
		t.Errorf("the support note has %d sentences, want two or three", n)
	}
}

// missedHeading is the ADVICE.md heading whose bullets advice.json maps
// as "m.1", "m.2", ...: points that belong to no one step.
const missedHeading = "## Points the first digest missed"

// specBullets reads ADVICE.md and counts the top-level "- " bullets under
// each "## Step N" heading (keyed "N") and under missedHeading (keyed "m"),
// up to the next "## " heading. Bullets under any other heading fail the
// test: a new kind of point must be mapped, not skipped.
func specBullets(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stepHeading := regexp.MustCompile(`^## Step ([0-9]+)\b`)
	counts := map[string]int{}
	group, heading := "", ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "## "):
			group, heading = "", line
			switch m := stepHeading.FindStringSubmatch(line); {
			case m != nil:
				group = m[1]
			case strings.HasPrefix(line, missedHeading):
				group = "m"
			}
			if group != "" {
				if _, dup := counts[group]; dup {
					t.Fatalf("%s has two headings for %q", path, group)
				}
				counts[group] = 0
			}
		case strings.HasPrefix(line, "- "):
			if group == "" {
				if heading != "" {
					t.Errorf("%s: a bullet under %q, a heading advice.json has no ids for: %s", path, heading, line)
				}
				continue
			}
			counts[group]++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return counts
}

// TestAdviceCoversSpec is the proof that every point of the advice digest is
// made somewhere in the app: advice.json must have exactly one entry per
// bullet of ADVICE.md, the missed points included, and Load has already
// checked where each entry points.
func TestAdviceCoversSpec(t *testing.T) {
	_, advice := mustLoad(t)
	if _, err := os.Stat(adviceSpec); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is not checked out beside the repository, so advice.json cannot be compared with the spec; TestAdviceIDs still checks its shape", adviceSpec)
	}
	spec := specBullets(t, adviceSpec)
	steps := 0
	for group := range spec {
		if group != "m" {
			steps++
		}
	}
	if steps != wantSteps {
		t.Errorf("%s has %d step headings, want %d", adviceSpec, steps, wantSteps)
	}
	want := map[string]bool{}
	for group, n := range spec {
		if n == 0 {
			t.Errorf("%s: %q has no bullets", adviceSpec, group)
		}
		for i := 1; i <= n; i++ {
			want[fmt.Sprintf("%s.%d", group, i)] = true
		}
	}
	got := map[string]bool{}
	for _, a := range advice {
		got[a.ID] = true
		if !want[a.ID] {
			t.Errorf("advice.json has %s, which is not a bullet of %s", a.ID, adviceSpec)
		}
	}
	var missing []string
	for id := range want {
		if !got[id] {
			missing = append(missing, id)
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("advice.json does not map these bullets of %s: %s", adviceSpec, strings.Join(missing, ", "))
	}
}

// TestAdviceIDs checks advice.json on its own, so it runs even without the
// spec: ids are well-formed and unique, and each step 1 to 5 is covered from
// bullet 1 with no gaps.
func TestAdviceIDs(t *testing.T) {
	_, advice := mustLoad(t)
	seen := map[string]bool{}
	perStep := map[int][]int{}
	for _, a := range advice {
		step, n, ok := parseAdviceID(a.ID)
		if !ok {
			t.Errorf("advice id %q is not <step>.<bullet>", a.ID)
			continue
		}
		if seen[a.ID] {
			t.Errorf("advice id %s appears twice", a.ID)
		}
		seen[a.ID] = true
		if a.Summary == "" {
			t.Errorf("advice %s has no summary", a.ID)
		}
		perStep[step] = append(perStep[step], n)
	}
	for step := 1; step <= wantSteps; step++ {
		ns := slices.Sorted(slices.Values(perStep[step]))
		if len(ns) == 0 {
			t.Errorf("no advice for step %d", step)
			continue
		}
		for i, n := range ns {
			if n != i+1 {
				t.Errorf("advice for step %d is %v, want %d.1 to %d.%d with no gaps", step, ns, step, step, len(ns))
				break
			}
		}
	}
	if ns := slices.Sorted(slices.Values(perStep[missedStep])); len(ns) > 0 {
		for i, n := range ns {
			if n != i+1 {
				t.Errorf("the missed points are %v, want m.1 to m.%d with no gaps", ns, len(ns))
				break
			}
		}
	}
	for step := range perStep {
		if step != missedStep && (step < 1 || step > wantSteps) {
			t.Errorf("advice for step %d, but there are only %d steps", step, wantSteps)
		}
	}
}

func TestParseAdviceID(t *testing.T) {
	tests := []struct {
		id           string
		step, bullet int
		ok           bool
	}{
		{"1.1", 1, 1, true},
		{"5.12", 5, 12, true},
		{"", 0, 0, false},
		{"1", 0, 0, false},
		{"1.", 0, 0, false},
		{".1", 0, 0, false},
		{"0.1", 0, 0, false},
		{"1.0", 0, 0, false},
		{"01.1", 0, 0, false},
		{"1.1.1", 0, 0, false},
		{"-1.1", 0, 0, false},
		{"+1.1", 0, 0, false},
		{"a.b", 0, 0, false},
		{"m.1", missedStep, 1, true},
		{"m.12", missedStep, 12, true},
		{"m.0", 0, 0, false},
		{"m.01", 0, 0, false},
		{"m.", 0, 0, false},
		{"M.1", 0, 0, false},
		{"m.x", 0, 0, false},
	}
	for _, tt := range tests {
		step, bullet, ok := parseAdviceID(tt.id)
		if step != tt.step || bullet != tt.bullet || ok != tt.ok {
			t.Errorf("parseAdviceID(%q) = %d, %d, %v; want %d, %d, %v", tt.id, step, bullet, ok, tt.step, tt.bullet, tt.ok)
		}
	}
}

// A small, valid content tree for the validation tests to break.
const (
	goodFlow = `{"ten_minutes": ["intake.company", "one.pick", "two.note"], "sections": [
  {"id": "intake", "title": "What happened", "prompts": [
    {"id": "intake.company", "kind": "text", "label": "Company"},
    {"id": "intake.stage", "kind": "choice", "label": "Stage", "options": ["early", "late"]}]},
  {"id": "one", "title": "Step one", "step": 1, "prompts": [
    {"id": "one.pick", "kind": "choice", "label": "Pick", "options": ["a", "b"]},
    {"id": "one.when", "kind": "text", "label": "Only after a", "when": {"one.pick": ["a"]}},
    {"id": "one.marks", "kind": "checklist", "label": "Tick", "options": ["x", "y"], "about": {"x": "them", "y": "you"}, "examples": {"x": "an x", "y": "a y"}}]},
  {"id": "two", "title": "Step two", "step": 2, "prompts": [
    {"id": "two.note", "kind": "textarea", "label": "Note", "timer": "10m"},
    {"id": "two.more", "kind": "list", "label": "More", "timer": "continue"},
    {"id": "two.sent", "kind": "date", "label": "Sent", "default": "+1d"},
    {"id": "two.later", "kind": "date", "label": "Later", "default": "+7d", "default_from": "two.sent"}],
   "retired": [{"id": "two.old", "kind": "textarea", "label": "Asked once"}]}
]}`
	goodAdvice = `[
  {"id": "1.1", "summary": "s", "tip": "one", "phrase": "breathe slowly"},
  {"id": "1.2", "summary": "s", "prompts": ["one.pick"]},
  {"id": "2.1", "summary": "s", "tip": "two", "phrase": "ask for feedback", "prompts": ["two.note", "intake.company"]},
  {"id": "m.1", "summary": "s", "tip": "one", "phrase": "breathe slowly"}
]`
)

func goodFS() fstest.MapFS {
	return fstest.MapFS{
		"flow.json":     {Data: []byte(goodFlow)},
		"advice.json":   {Data: []byte(goodAdvice)},
		"evidence.json": {Data: []byte(`{"early": "You got in.", "late": "You got far."}`)},
		"support.md":    {Data: []byte("You are not alone.\n")},
		"lowmood.md":    {Data: []byte("This is hard. Message someone.\n")},
		"tips/one.md":   {Data: []byte("## One\n\n**Breathe.**\n\nFirst, breathe slowly.\n")},
		"tips/two.md":   {Data: []byte("## Two\n\n**Ask.**\n\nThen ask for feedback.\n")},
	}
}

func TestLoadAcceptsGoodFS(t *testing.T) {
	flow, advice, err := load(goodFS())
	if err != nil {
		t.Fatalf("load of the valid test tree: %v", err)
	}
	if flow.Steps() != 2 || len(advice) != 4 {
		t.Errorf("got %d steps and %d advice points, want 2 and 4", flow.Steps(), len(advice))
	}
	if flow.Sections[1].Tip == "" {
		t.Error("the tip was not read into its section")
	}
}

// TestPhraseIgnoresWrapping: a tip's markdown may be re-wrapped freely, so
// an advice phrase matches across line breaks and in any letter case.
func TestPhraseIgnoresWrapping(t *testing.T) {
	fsys := goodFS()
	replace("tips/one.md", "breathe slowly", "Breathe\n  slowly")(fsys)
	if _, _, err := load(fsys); err != nil {
		t.Fatalf("load: %v", err)
	}
}

// TestLoadRejects proves the checks in load can fail: each case breaks the
// valid tree in one way and expects an error that names the problem.
func TestLoadRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   string
	}{
		{"duplicate prompt id", replace("flow.json", `"id": "two.note"`, `"id": "one.pick"`), `prompt id "one.pick" is used twice`},
		{"duplicate section id", replace("flow.json", `"id": "two", "title"`, `"id": "one", "title"`), `section id "one" is used twice`},
		{"unknown kind", replace("flow.json", `"kind": "textarea"`, `"kind": "essay"`), `unknown kind "essay"`},
		{"choice without options", replace("flow.json", `, "options": ["a", "b"]`, ``), `prompt "one.pick" needs options`},
		{"prompt without label", replace("flow.json", `"label": "Note"`, `"label": ""`), `prompt "two.note" has no label`},
		{"section without prompts", replace("flow.json", `"prompts": [
    {"id": "intake.company", "kind": "text", "label": "Company"},
    {"id": "intake.stage", "kind": "choice", "label": "Stage", "options": ["early", "late"]}]`, `"prompts": []`), `section "intake" has no prompts`},
		{"unknown field", replace("flow.json", `"label": "Note"`, `"lable": "Note"`), `unknown field "lable"`},
		{"steps out of order", replace("flow.json", `"step": 2`, `"step": 3`), `is step 3 but comes where step 2 belongs`},
		{"step without a tip file", remove("tips/two.md"), `tip for step "two"`},
		{"empty tip", set("tips/two.md", " \n"), `step "two" has an empty tip`},
		{"tip without heading", set("tips/two.md", "Then ask for feedback.\n"), `must start with a level-2 heading`},
		{"tip without gist", set("tips/two.md", "## Two\n\nThen ask for feedback.\n"), `tip for step "two" must open, under its heading, with a one-line gist in bold`},
		{"gist over two lines", set("tips/two.md", "## Two\n\n**Ask\nnow.**\n\nThen ask for feedback.\n"), `one-line gist in bold`},
		{"gist that runs on", set("tips/two.md", "## Two\n\n**Ask.**\nThen ask for feedback.\n"), `one-line gist in bold`},
		{"empty gist", set("tips/two.md", "## Two\n\n****\n\nThen ask for feedback.\n"), `one-line gist in bold`},
		{"when names a later prompt", replace("flow.json", `"when": {"one.pick": ["a"]}`, `"when": {"two.note": ["a"]}`), `prompt "one.when" is asked when "two.note" is answered, but that prompt does not come before it`},
		{"when names itself", replace("flow.json", `"when": {"one.pick": ["a"]}`, `"when": {"one.when": ["a"]}`), `does not come before it`},
		{"when names a text prompt", replace("flow.json", `"when": {"one.pick": ["a"]}`, `"when": {"intake.company": ["a"]}`), `a condition can name only a choice`},
		{"when value not an option", replace("flow.json", `"when": {"one.pick": ["a"]}`, `"when": {"one.pick": ["c"]}`), `depends on "one.pick" being "c", which is not one of its options`},
		{"when without values", replace("flow.json", `"when": {"one.pick": ["a"]}`, `"when": {"one.pick": []}`), `empty list of values for "one.pick"`},
		{"timer in seconds", replace("flow.json", `"timer": "10m"`, `"timer": "90s"`), `timer "90s" is not a whole number of minutes`},
		{"timer too long", replace("flow.json", `"timer": "10m"`, `"timer": "2h"`), `timer "2h" is not a whole number of minutes`},
		{"timer that is not a duration", replace("flow.json", `"timer": "10m"`, `"timer": "ten"`), `timer "ten"`},
		{"timer continues nothing", replace("flow.json", `, "timer": "10m"`, ``), `prompt "two.more" continues a countdown, but the prompt before it in its section has none`},
		{"about misses an option", replace("flow.json", `"about": {"x": "them", "y": "you"}`, `"about": {"x": "them"}`), `option "y" has no entry in about`},
		{"about with a bad mark", replace("flow.json", `"y": "you"`, `"y": "me"`), `option "y" has about "me"`},
		{"about names no option", replace("flow.json", `"about": {"x": "them", "y": "you"}`, `"about": {"x": "them", "y": "you", "z": "them"}`), `about names "z", which is not one of its options`},
		{"about on a text prompt", replace("flow.json", `"label": "Company"}`, `"label": "Company", "about": {}}`), `prompt "intake.company" has about, but a text has no options`},
		{"example over two lines", replace("flow.json", `"a y"`, `"a\ny"`), `option "y" has examples`},
		{"empty example", replace("flow.json", `"a y"`, `""`), `option "y" has examples ""`},
		{"example too long", replace("flow.json", `"a y"`, `"`+strings.Repeat("y", maxExample+1)+`"`), `option "y" has examples`},
		{"retired prompt still asked", replace("flow.json", `"id": "two.old"`, `"id": "two.note"`), `retired prompt id "two.note" is used twice`},
		{"retired prompt of no kind", replace("flow.json", `"kind": "textarea", "label": "Asked once"`, `"kind": "essay", "label": "Asked once"`), `retired prompt "two.old" has unknown kind "essay"`},
		{"retired prompt without label", replace("flow.json", `"label": "Asked once"`, `"label": ""`), `retired prompt "two.old" has no label`},
		{"retired prompt without id", replace("flow.json", `"id": "two.old"`, `"id": ""`), `a retired prompt in "two" has no id`},
		{"default_from a choice", replace("flow.json", `"default_from": "two.sent"`, `"default_from": "one.pick"`), `counts its default from "one.pick", which is not an earlier date prompt`},
		{"default_from a later prompt", replace("flow.json", `"default_from": "two.sent"`, `"default_from": "two.later"`), `not an earlier date prompt`},
		{"default_from with a fixed day", replace("flow.json", `"default": "+7d", "default_from"`, `"default": "2026-01-01", "default_from"`), `its default must be a number of days or weeks ahead`},
		{"default_from on a text prompt", replace("flow.json", `"label": "Company"}`, `"label": "Company", "default_from": "two.sent"}`), `prompt "intake.company" has default_from but is a text`},
		{"no short path", replace("flow.json", `"ten_minutes": ["intake.company", "one.pick", "two.note"], `, ``), `the flow has no ten_minutes path`},
		{"short path names an unknown prompt", replace("flow.json", `"two.note"]`, `"two.nope"]`), `ten_minutes names unknown prompt "two.nope"`},
		{"short path names a prompt twice", replace("flow.json", `"one.pick", "two.note"]`, `"one.pick", "one.pick", "two.note"]`), `ten_minutes names "one.pick" twice`},
		{"short path skips a step", replace("flow.json", `, "two.note"]`, `]`), `ten_minutes skips step 2`},
		{"short path starts late", replace("flow.json", `["intake.company", "one.pick"`, `["one.pick"`), `ten_minutes must start where the whole session does, at "intake.company"`},
		{"evidence for an unknown stage", set("evidence.json", `{"early": "a", "late": "b", "never": "c"}`), `evidence.json has a sentence for "never"`},
		{"evidence missing a stage", set("evidence.json", `{"early": "a"}`), `evidence.json has no sentence for the stage "late"`},
		{"blank evidence", set("evidence.json", `{"early": "a", "late": " "}`), `no sentence for the stage "late"`},
		{"missing evidence", remove("evidence.json"), `evidence.json`},
		{"gap in missed ids", replace("advice.json", `"id": "m.1"`, `"id": "m.2"`), `the missed points must be numbered m.1 to m.1 without gaps`},
		{"missed point with a phrase not in its tip", replace("advice.json", `{"id": "m.1", "summary": "s", "tip": "one", "phrase": "breathe slowly"}`, `{"id": "m.1", "summary": "s", "tip": "two", "phrase": "breathe slowly"}`), `advice m.1: the "two" tip does not contain "breathe slowly"`},
		{"missing low-mood note", remove("lowmood.md"), `low-mood note`},
		{"empty low-mood note", set("lowmood.md", " \n"), `lowmood.md is empty`},
		{"phrase not in tip", replace("advice.json", `"breathe slowly"`, `"count to ten"`), `the "one" tip does not contain "count to ten"`},
		{"phrase in the wrong step", replace("advice.json", `"tip": "one", "phrase": "breathe slowly"`, `"tip": "two", "phrase": "ask for feedback"`), `advice 1.1 belongs to step 1, but tip "two" is step 2`},
		{"tip names no step", replace("advice.json", `"tip": "one"`, `"tip": "intake"`), `advice 1.1 names unknown step "intake"`},
		{"unknown prompt id in advice", replace("advice.json", `"prompts": ["one.pick"]`, `"prompts": ["one.pik"]`), `advice 1.2 names unknown prompt "one.pik"`},
		{"advice made nowhere", replace("advice.json", `"prompts": ["one.pick"]`, `"prompts": []`), `advice 1.2 is made nowhere`},
		{"phrase without tip", replace("advice.json", `{"id": "1.2", "summary": "s",`, `{"id": "1.2", "summary": "s", "phrase": "x",`), `advice 1.2 has a phrase but no tip`},
		{"malformed advice id", replace("advice.json", `"id": "1.2"`, `"id": "1-2"`), `advice id "1-2" is not of the form`},
		{"duplicate advice id", replace("advice.json", `"id": "1.2"`, `"id": "1.1"`), `advice id 1.1 is used twice`},
		{"gap in advice ids", replace("advice.json", `"id": "1.2"`, `"id": "1.3"`), `advice for step 1 must be numbered 1.1 to 1.2 without gaps`},
		{"advice for a missing step", replace("advice.json", `"id": "2.1"`, `"id": "3.1"`), `advice 3.1 is for step 3, but the flow has 2 steps`},
		{"step with no advice", replace("advice.json", `"id": "2.1", "summary": "s", "tip": "two", "phrase": "ask for feedback"`, `"id": "1.3", "summary": "s"`), `no advice is mapped for step 2`},
		{"missing support note", remove("support.md"), `support note`},
		{"empty support note", set("support.md", "\n"), `support.md is empty`},
		{"broken flow json", set("flow.json", `{"sections": [`), `flow.json`},
		{"missing advice map", remove("advice.json"), `advice.json`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := goodFS()
			tt.change(fsys)
			_, _, err := load(fsys)
			if err == nil {
				t.Fatalf("load accepted the broken tree; want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("load error does not mention the problem\n got: %v\nwant: …%s…", err, tt.want)
			}
		})
	}
}

// replace edits one file of the tree, and panics if the edit does nothing, so
// a drifting fixture cannot quietly turn a case into a copy of the good tree.
func replace(name, old, new string) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) {
		s := string(fsys[name].Data)
		if !strings.Contains(s, old) {
			panic(fmt.Sprintf("test fixture %s has no %q", name, old))
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
	}
}

func remove(name string) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) { delete(fsys, name) }
}

func set(name, data string) func(fstest.MapFS) {
	return func(fsys fstest.MapFS) { fsys[name] = &fstest.MapFile{Data: []byte(data)} }
}

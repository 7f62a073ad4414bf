package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
)

// wantTags are the bank's tags and titles, in the order questions.md gives
// them; the practice screens list them in this order.
var wantTags = []Tag{
	{"motivation", "Motivation"},
	{"behavioural", "Behavioural"},
	{"strengths", "Strengths and weaknesses"},
	{"situational", "Situational"},
	{"career", "Career gaps and changes"},
	{"logistics", "Salary and logistics"},
	{"ask", "Questions to ask the interviewer"},
}

// minPerTag keeps every kind of question worth picking on its own.
const minPerTag = 7

func mustLoadBank(t *testing.T) *Bank {
	t.Helper()
	b, err := LoadBank()
	if err != nil {
		t.Fatalf("LoadBank: %v", err)
	}
	return b
}

func TestLoadBank(t *testing.T) {
	b := mustLoadBank(t)
	if !slices.Equal(b.Tags, wantTags) {
		t.Errorf("tags are %v, want %v", b.Tags, wantTags)
	}
	if n := len(b.Questions); n < minBankQuestions {
		t.Errorf("the bank has %d questions, want at least %d", n, minBankQuestions)
	}
	total := 0
	for _, tag := range wantTags {
		n := len(b.Tagged(tag.ID))
		total += n
		if n < minPerTag {
			t.Errorf("tag %q has %d questions, want at least %d", tag.ID, n, minPerTag)
		}
	}
	if total != len(b.Questions) {
		t.Errorf("the tags hold %d questions, but the bank has %d", total, len(b.Questions))
	}
}

func TestBankQuestions(t *testing.T) {
	b := mustLoadBank(t)
	seen := map[string]bool{}
	for _, q := range b.Questions {
		t.Run(q.ID, func(t *testing.T) {
			if seen[q.ID] {
				t.Errorf("id %q is used twice", q.ID)
			}
			seen[q.ID] = true
			if !isKebab(q.ID) {
				t.Errorf("id %q is not kebab-case", q.ID)
			}
			if !strings.HasSuffix(q.Text, "?") && !strings.HasSuffix(q.Text, ".") {
				t.Errorf("question %q ends with neither ? nor .", q.Text)
			}
			if n := utf8.RuneCountInString(q.Text); n > 100 {
				t.Errorf("question is %d characters; keep it to 100 so it reads as one line: %q", n, q.Text)
			}
			if strings.ContainsAny(q.Text, "*_`#[]<>\n") {
				t.Errorf("question %q has markdown in it; questions are shown as plain text", q.Text)
			}
			if n := countWords(q.Hint); n < 15 || n > 90 {
				t.Errorf("hint has %d words, want 15 to 90 (two to four sentences):\n%s", n, q.Hint)
			}
			checkPlainText(t, q.Text+"\n"+q.Hint)
		})
	}
}

// checkPlainText holds the coaching words (tips, bank questions and hints)
// to plain text: Glamour passes escape sequences straight to the terminal,
// and links, code, tables and HTML are noise in a short tip.
func checkPlainText(t *testing.T, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatal("not valid UTF-8")
	}
	if strings.ContainsRune(text, '\x1b') {
		t.Error("contains a raw escape byte")
	}
	for i, r := range text {
		if r != '\n' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff') {
			t.Errorf("control character %U at byte %d", r, i)
		}
	}
	if m := htmlTag.FindString(text); m != "" {
		t.Errorf("HTML tag %q", m)
	}
	if m := htmlEntity.FindString(text); m != "" {
		t.Errorf("HTML entity %q", m)
	}
	for _, bad := range []string{"](", "`", "|", "<http", "http://", "https://"} {
		if strings.Contains(text, bad) {
			t.Errorf("contains %q: no links, code or tables in the coaching words", bad)
		}
	}
}

// TestBankHintsRender renders every hint the way the practice screen does,
// in both themes and at a narrow and a common width.
func TestBankHintsRender(t *testing.T) {
	b := mustLoadBank(t)
	for _, style := range []string{"dark", "light"} {
		for _, width := range []int{30, 80} {
			r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
			if err != nil {
				t.Fatalf("glamour renderer %s at width %d: %v", style, width, err)
			}
			for _, q := range b.Questions {
				t.Run(fmt.Sprintf("%s/%s/%d", q.ID, style, width), func(t *testing.T) {
					out, err := r.Render(q.Hint)
					if err != nil {
						t.Fatalf("render: %v", err)
					}
					plain := strings.TrimSpace(ansi.Strip(out))
					if plain == "" {
						t.Fatal("the hint renders to nothing")
					}
					for _, w := range words(q.Hint)[:3] {
						if !strings.Contains(plain, w) {
							t.Errorf("rendered hint lacks its word %q:\n%s", w, plain)
						}
					}
					if strings.Contains(plain, "**") {
						t.Errorf("bold was not rendered:\n%s", plain)
					}
				})
			}
		}
	}
}

// TestBankTone keeps the hints to the calm, practical voice of the tips; the
// phrases are TestNoToxicPositivity's, plus the bank's own temptations.
func TestBankTone(t *testing.T) {
	b := mustLoadBank(t)
	for _, q := range b.Questions {
		text := strings.ToLower(q.Text + " " + q.Hint)
		for _, phrase := range []string{
			"everything happens for a reason", "meant to be", "blessing in disguise",
			"silver lining", "good vibes", "just be positive", "stay positive!",
			"dream job", "crush it", "nail it", "!",
		} {
			if strings.Contains(text, phrase) {
				t.Errorf("question %q says %q", q.ID, phrase)
			}
		}
	}
}

func TestRubric(t *testing.T) {
	b := mustLoadBank(t)
	var ids []string
	for _, c := range b.Rubric {
		ids = append(ids, c.ID)
		if c.Label == "" || c.Hint == "" {
			t.Errorf("criterion %q needs a label and a hint: %+v", c.ID, c)
		}
		if n := utf8.RuneCountInString(c.Label); n > 30 {
			t.Errorf("criterion %q: label %q is %d characters; it sits beside a checkbox, keep it to 30", c.ID, c.Label, n)
		}
		checkPlainText(t, c.Label+"\n"+c.Hint)
	}
	if want := []string{"structure", "evidence", "relevance", "concise"}; !slices.Equal(ids, want) {
		t.Errorf("rubric ids are %v, want %v", ids, want)
	}
}

func TestBankLookups(t *testing.T) {
	b := mustLoadBank(t)

	q, ok := b.Question("why-this-company")
	if !ok || q.Tag != "motivation" || q.Text != "Why do you want to work here?" || q.Hint == "" {
		t.Errorf(`Question("why-this-company") = %+v, %v`, q, ok)
	}
	q, ok = b.Question("tell-me-about-yourself")
	if !ok || q.Text != "Tell me about yourself." {
		t.Errorf(`Question("tell-me-about-yourself") = %+v, %v`, q, ok)
	}
	for _, id := range []string{"", "no-such-question", "motivation", "Why-This-Company"} {
		if q, ok := b.Question(id); ok || q != (BankQuestion{}) {
			t.Errorf("Question(%q) = %+v, %v; want nothing", id, q, ok)
		}
	}

	if tag, ok := b.Tag("ask"); !ok || tag.Title != "Questions to ask the interviewer" {
		t.Errorf(`Tag("ask") = %+v, %v`, tag, ok)
	}
	for _, id := range []string{"", "why-this-company", "Motivation"} {
		if tag, ok := b.Tag(id); ok || tag != (Tag{}) {
			t.Errorf("Tag(%q) = %+v, %v; want nothing", id, tag, ok)
		}
	}

	all := b.Tagged("")
	if !slices.Equal(all, b.Questions) {
		t.Error(`Tagged("") is not every question in file order`)
	}
	all[0].Text = "changed"
	if b.Questions[0].Text == "changed" {
		t.Error(`changing Tagged("")'s result changed the bank`)
	}
	ask := b.Tagged("ask")
	if len(ask) < minPerTag || ask[0].ID != "ask-success-measures" {
		t.Fatalf(`Tagged("ask") has %d questions, first %q`, len(ask), ask[0].ID)
	}
	last := -1
	for _, q := range ask {
		if q.Tag != "ask" {
			t.Errorf(`Tagged("ask") returned %q of tag %q`, q.ID, q.Tag)
		}
		i := slices.Index(b.Questions, q)
		if i <= last {
			t.Errorf(`Tagged("ask") is not in file order at %q`, q.ID)
		}
		last = i
	}
	if got := b.Tagged("hobbies"); len(got) != 0 {
		t.Errorf(`Tagged("hobbies") = %d questions, want none`, len(got))
	}
}

// bankFixture builds a small valid questions.md: a preamble and comment to
// skip, two hand-written questions, and per filler questions under each tag
// (none under emptyTag), enough to pass the size check with per = 9.
func bankFixture(per int, emptyTag string) string {
	var sb strings.Builder
	sb.WriteString(`# Title to ignore

Preamble to ignore.

<!--
## not-a-tag: inside a comment
### not-a-question
-->

`)
	for _, tag := range wantTags {
		fmt.Fprintf(&sb, "## %s: %s\n\n", tag.ID, tag.Title)
		if tag.ID == "motivation" {
			sb.WriteString(`### why-here
Why do you want
  to work here?

Show **research**. <!-- not a comment: it starts mid-line -->

- one
- two

<!-- a writer's note -->
### second
Tell me about yourself.

Keep it short.

`)
		}
		if tag.ID == emptyTag {
			continue
		}
		for i := range per {
			fmt.Fprintf(&sb, "### %s-%d\nQuestion %d?\n\nHint %d.\n\n", tag.ID, i, i, i)
		}
	}
	return sb.String()
}

const goodRubric = `[
  {"id": "structure", "label": "Structure", "hint": "a shape"},
  {"id": "concise", "label": "Concise", "hint": "short"}
]`

func goodBankFS() fstest.MapFS {
	return fstest.MapFS{
		"questions.md": {Data: []byte(bankFixture(9, ""))},
		"rubric.json":  {Data: []byte(goodRubric)},
	}
}

func TestLoadBankAcceptsGoodFS(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"LF":   goodBankFS(),
		"CRLF": crlf(goodBankFS()),
	} {
		t.Run(name, func(t *testing.T) {
			b, err := loadBank(fsys)
			if err != nil {
				t.Fatalf("loadBank of the valid test tree: %v", err)
			}
			if !slices.Equal(b.Tags, wantTags) {
				t.Errorf("tags are %v, want %v", b.Tags, wantTags)
			}
			if n := len(b.Questions); n != 2+9*len(wantTags) {
				t.Errorf("%d questions, want %d", n, 2+9*len(wantTags))
			}
			want := []BankQuestion{
				{ID: "why-here", Tag: "motivation", Text: "Why do you want to work here?",
					Hint: "Show **research**. <!-- not a comment: it starts mid-line -->\n\n- one\n- two"},
				{ID: "second", Tag: "motivation", Text: "Tell me about yourself.", Hint: "Keep it short."},
				{ID: "motivation-0", Tag: "motivation", Text: "Question 0?", Hint: "Hint 0."},
			}
			if got := b.Questions[:3]; !slices.Equal(got, want) {
				t.Errorf("first questions are\n%q\nwant\n%q", got, want)
			}
			if q, ok := b.Question("ask-8"); !ok || q.Tag != "ask" || q.Hint != "Hint 8." {
				t.Errorf(`Question("ask-8") = %+v, %v`, q, ok)
			}
			for _, id := range []string{"not-a-question", "not-a-tag"} {
				if _, ok := b.Question(id); ok {
					t.Errorf("%q from inside a comment became a question", id)
				}
				if _, ok := b.Tag(id); ok {
					t.Errorf("%q from inside a comment became a tag", id)
				}
			}
			if len(b.Rubric) != 2 || b.Rubric[1] != (Criterion{"concise", "Concise", "short"}) {
				t.Errorf("rubric is %+v", b.Rubric)
			}
		})
	}
}

// crlf rewrites questions.md with Windows line endings, as an editor might.
func crlf(fsys fstest.MapFS) fstest.MapFS {
	s := string(fsys["questions.md"].Data)
	fsys["questions.md"] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(s, "\n", "\r\n"))}
	return fsys
}

// TestLoadBankRejects proves loadBank's checks can fail: each case breaks the
// valid tree in one way and expects an error naming the problem, and the line
// to fix where there is one.
func TestLoadBankRejects(t *testing.T) {
	const md = "questions.md"
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		want   string
	}{
		{"duplicate id", replace(md, "### second", "### why-here"), `questions.md:22: question id "why-here" is used twice, here and on line 12`},
		{"duplicate generated id", replace(md, "### ask-1\n", "### ask-0\n"), `question id "ask-0" is used twice`},
		{"id not kebab-case", replace(md, "### second", "### Second_Question"), `question id "Second_Question" is not kebab-case`},
		{"id with a space", replace(md, "### second", "### second question"), `question id "second question" is not kebab-case`},
		{"id with a double hyphen", replace(md, "### second", "### sec--ond"), `question id "sec--ond" is not kebab-case`},
		{"empty id", replace(md, "### second", "### "), `question id "" is not kebab-case`},
		{"unknown tag", replace(md, "## motivation: Motivation", "## hobbies: Hobbies"), `questions.md:10: unknown tag "hobbies"; the tags are motivation, behavioural`},
		{"tag without title", replace(md, "## motivation: Motivation", "## motivation"), `the tag heading "## motivation" needs the form "## <tag-id>: <Title>"`},
		{"tag heading twice", replace(md, "## strengths: Strengths", "## behavioural: Strengths"), `tag "behavioural" already has a heading on line`},
		{"missing tag", replace(md, "## career: Career gaps and changes\n", ""), `questions.md has no tag "career"`},
		{"tag without questions", set(md, bankFixture(11, "ask")), `questions.md: tag "ask" has no questions`},
		{"too few questions", set(md, bankFixture(3, "")), `questions.md has 23 questions; the bank needs at least 60`},
		{"question before any tag", replace(md, "Preamble to ignore.\n", "### early\nWhy?\n\nA hint.\n"), `questions.md:3: question "early" comes before any tag heading`},
		{"text before the first question", replace(md, "## motivation: Motivation\n", "## motivation: Motivation\nStray words.\n"), `questions.md:11: text under tag "motivation" comes before its first question`},
		{"missing text", replace(md, "Tell me about yourself.\n\nKeep it short.\n", ""), `question "second" has no text`},
		{"empty hint", replace(md, "Keep it short.\n", ""), `question "second" has no hint`},
		{"blank hint", replace(md, "Keep it short.\n", "  \n\t\n"), `question "second" has no hint`},
		{"hint starts with a heading", replace(md, "Keep it short.", "#### Keep it short."), `questions.md:25: the hint of question "second" has a heading`},
		{"hint starts with an empty heading", replace(md, "Keep it short.", "#\nKeep it short."), `the hint of question "second" has a heading`},
		{"hint with a setext heading", replace(md, "Keep it short.", "Keep it short.\n==="), `questions.md:26: the hint of question "second" has a heading`},
		{"hint with a level-1 heading", replace(md, "- two", "- two\n\n# Next"), `the hint of question "why-here" has a heading`},
		{"comment never closed", replace(md, "<!-- a writer's note -->", "<!-- a writer's note"), `questions.md:21: the comment opened on this line is never closed`},
		{"missing questions", remove(md), `content: question bank`},
		{"missing rubric", remove("rubric.json"), `rubric.json`},
		{"broken rubric", set("rubric.json", `[{"id": "structure"`), `content: rubric.json`},
		{"unknown rubric field", replace("rubric.json", `"hint": "short"`, `"hnit": "short"`), `unknown field "hnit"`},
		{"empty rubric", set("rubric.json", `[]`), `rubric.json has no criteria`},
		{"rubric id twice", replace("rubric.json", `"id": "concise"`, `"id": "structure"`), `rubric.json: criterion id "structure" is used twice`},
		{"rubric without id", replace("rubric.json", `"id": "concise"`, `"id": ""`), `rubric.json: criterion 2 has no id`},
		{"rubric without label", replace("rubric.json", `"label": "Concise"`, `"label": " "`), `rubric.json: criterion "concise" has no label`},
		{"rubric label twice", replace("rubric.json", `"label": "Concise"`, `"label": "Structure"`), `rubric.json: label "Structure" is used twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := goodBankFS()
			tt.change(fsys)
			b, err := loadBank(fsys)
			if err == nil {
				t.Fatalf("loadBank accepted the broken tree; want an error containing %q", tt.want)
			}
			if b != nil {
				t.Error("loadBank returned a bank along with its error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("loadBank error does not mention the problem\n got: %v\nwant: …%s…", err, tt.want)
			}
			for _, e := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(e, "content: ") {
					t.Errorf("error %q does not start with \"content: \"", e)
				}
			}
		})
	}
}

// TestLoadBankReportsEveryProblem: a writer fixing the file sees all its
// mistakes at once, not one per test run.
func TestLoadBankReportsEveryProblem(t *testing.T) {
	fsys := goodBankFS()
	replace("questions.md", "### second", "### why-here")(fsys)
	replace("questions.md", "## strengths: Strengths and weaknesses", "## hobbies: Hobbies")(fsys)
	replace("rubric.json", `"label": "Concise"`, `"label": ""`)(fsys)
	_, err := loadBank(fsys)
	if err == nil {
		t.Fatal("loadBank accepted three problems")
	}
	for _, want := range []string{`"why-here" is used twice`, `unknown tag "hobbies"`, `no tag "strengths"`, `"concise" has no label`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not report %q:\n%v", want, err)
		}
	}
}

func TestIsKebab(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"why-this-company", true},
		{"five-years", true},
		{"q1", true},
		{"ask-90-days", true},
		{"", false},
		{"-lead", false},
		{"trail-", false},
		{"dou--ble", false},
		{"Upper", false},
		{"snake_case", false},
		{"with space", false},
		{"café", false},
	}
	for _, tt := range tests {
		if got := isKebab(tt.id); got != tt.want {
			t.Errorf("isKebab(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestIsHeading(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"# One", true},
		{"#### Four", true},
		{"###### Six", true},
		{"#", true},
		{"   ## Indented three", true},
		{"    ## Indented four is code", false},
		{"####### Seven", false},
		{"#hashtag", false},
		{"Plain text", false},
		{"- # in a list item", false},
	}
	for _, tt := range tests {
		if got := isHeading(tt.line); got != tt.want {
			t.Errorf("isHeading(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

package coach

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/rebound-coach/rebound/content"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ with the current output")

// checkGolden compares got with testdata/<name>, or rewrites the file when the
// tests run with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(name))
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./coach -run %s -update to create it)", err, t.Name())
	}
	if want := string(b); got != want {
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs from the output at line %d:\n got %q\nwant %q\n(run with -update if the change is intended)", path, i+1, g, w)
			}
		}
	}
}

// utcLocal makes time.Local UTC for the test, so that Markdown and Title,
// which print local times, give the same output on every machine.
func utcLocal(t *testing.T) {
	t.Helper()
	old := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = old })
}

// fullSession is a completed session with every prompt answered, as a person
// would leave it.
func fullSession() *Session {
	intake := fullIntake // draft_test.go's, with a message over several lines
	intake.Message = "Dear candidate,\n\nThank you for your time. We have decided\nto move forward with other candidates.\n\nKind regards"
	return &Session{
		SchemaVersion: SchemaVersion,
		ID:            "0123456789abcdef",
		CreatedAt:     fixedNow,
		UpdatedAt:     fixedNow.Add(40 * time.Minute),
		Status:        Complete,
		Position:      PromptMoodAfter,
		Intake:        intake,
		MoodBefore:    &Mood{Score: 3, Word: "flat"},
		MoodAfter:     &Mood{Score: 6, Word: "lighter"},
		Feedback: FeedbackRequest{
			Draft:      DraftRequest(&Session{Intake: intake}, ""),
			Send:       "yes",
			SendOn:     "2026-11-21",
			FollowUpOn: "2026-11-28",
		},
		Actions: []Action{
			{Text: "Ask Sam for a mock interview", Due: "2026-11-27"},
			{Text: "Update the portfolio case study", Done: true},
			{Text: "Apply to two design roles"},
		},
		Answers: map[string]Answer{
			"step_back.outside": {
				Items: []string{"They could hire only one person", "Timing: budget, plans or priorities"},
				Text:  "A reorg was announced that week",
			},
			"step_back.bigger_picture":  {Text: "I still have two other applications open.\nMy portfolio got good comments."},
			"not_personal.thought":      {Text: "I'm just not good enough for senior roles."},
			"not_personal.explanations": {Items: []string{"An internal candidate", "Someone else was a closer fit"}},
			"not_personal.about_them":   {Text: "The internal candidate, and the fit they had in mind."},
			"not_personal.balanced":     {Text: "I reached the final round; one decision is not a verdict on me."},
			"feedback.went_well":        {Items: []string{"My case study walkthrough", "Rapport with the panel"}},
			"feedback.do_better":        {Items: []string{"Quantify impact (e.g. 20% more sign-ups)", "Prepare questions for them"}},
			PromptQuestions:             {Items: []string{"Tell us about a conflict with an engineer", "Why *this* company?"}},
			"reflect.unprepared":        {Text: "System design for a design system."},
			"reflect.own_questions":     {Text: "a few"},
			"reflect.research":          {Text: "partly"},
			"reflect.skills":            {Items: []string{"Figma", "User research", "Workshop facilitation"}},
			"restart.target":            {Items: []string{"Senior product designer", "UX lead at a small company"}},
			"restart.stop":              {Items: []string{"Visual-only roles"}},
			"restart.support":           {Items: []string{"Sam (ex-colleague)", "Design mentors group"}},
		},
	}
}

func TestMarkdownGolden(t *testing.T) {
	utcLocal(t)
	flow := loadFlow(t)
	empty := NewSession(fixedNow)
	empty.ID = "0123456789abcdef"
	tests := []struct {
		name string
		s    *Session
	}{
		{"full", fullSession()},
		{"empty", empty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, "markdown/"+tt.name+".md", Markdown(tt.s, flow))
		})
	}
}

// TestMarkdownSections checks the golden file's claims
// without reading it: each section with an answer has its heading, each
// section without one has none, and the moods are never listed as prompts.
func TestMarkdownSections(t *testing.T) {
	utcLocal(t)
	flow := loadFlow(t)
	md := Markdown(fullSession(), flow)
	for _, sec := range flow.Sections {
		heading := "\n## " + sec.Title + "\n"
		onlyMoods := true
		for _, p := range sec.Prompts {
			if p.Kind != content.Mood {
				onlyMoods = false
			}
		}
		if got := strings.Contains(md, heading); got == onlyMoods {
			t.Errorf("section %q: heading present = %v, want %v", sec.ID, got, !onlyMoods)
		}
	}
	for _, want := range []string{
		"# Product designer at Northwind\n",
		"*Fri 20 Nov 2026, 14:30 · complete*",
		"**Mood:** 3/10 (flat) → 6/10 (lighter)",
		"**A balanced thought:**\n\nI reached the final round; one decision is not a verdict on me\\.\n\n",
		"- [ ] Ask Sam for a mock interview *(by 2026\\-11\\-27)*\n",
		"- [x] Update the portfolio case study\n",
		"- A reorg was announced that week\n",
		"- Why \\*this\\* company?\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}

	// An in-progress session with no moods says so, and its empty sections
	// have no headings.
	s := NewSession(fixedNow)
	s.Set(PromptRole, Answer{Text: "Designer"}, fixedNow)
	md = Markdown(s, flow)
	if !strings.Contains(md, "· in progress*") || !strings.Contains(md, "**Mood:** not recorded → not recorded") {
		t.Errorf("in-progress markdown:\n%s", md)
	}
	if strings.Count(md, "\n## ") != 1 || strings.Contains(md, "balanced thought") {
		t.Errorf("only the intake section should appear:\n%s", md)
	}
}

func TestTitle(t *testing.T) {
	utcLocal(t)
	newYork := time.FixedZone("EST", -5*60*60)
	tests := []struct {
		name          string
		role, company string
		created       time.Time
		want          string
	}{
		{"role and company", "Product designer", "Northwind", fixedNow, "Product designer at Northwind"},
		{"role only", "Product designer", "", fixedNow, "Product designer"},
		{"company only", "", "Northwind", fixedNow, "Northwind"},
		{"neither", "", "", fixedNow, "Session of 20 Nov 2026"},
		{"blank fields count as none", "  \n", "\t", fixedNow, "Session of 20 Nov 2026"},
		{"padded and pasted over lines", "  Product\n designer ", "North\r\nwind\t", fixedNow, "Product designer at North wind"},
		{"the date is the local date", "", "", time.Date(2026, 11, 20, 23, 30, 0, 0, newYork), "Session of 21 Nov 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(tt.created)
			s.Intake.Role, s.Intake.Company = tt.role, tt.company
			if got := Title(s); got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words, nothing to do", "plain words, nothing to do"},
		{"# heading", `\# heading`},
		{"*bold* and _em_", `\*bold\* and \_em\_`},
		{"[link](x)", `\[link\]\(x\)`},
		{"![img](x)", `\!\[img\]\(x\)`},
		{"`code`", "\\`code\\`"},
		{"<html>", `\<html\>`},
		{"1. list", `1\. list`},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"| table |", `\| table \|`},
		{`back\slash`, `back\\slash`},
		{"\x1b[2J", `␛\[2J`},
		{"\x1b]52;c;aGVsbG8=\x07", `␛\]52;c;aGVsbG8=␇`},
		{"\u009b2J", "⍰2J"},
		{"tab\there", "tab    here"},
		{"\u202Etxt.exe", `⍰txt\.exe`},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// markdownSyntax is user text that would act as markdown if not escaped.
var markdownSyntax = []string{
	"# heading",
	"## not a section",
	"*bold* **strong** _em_ __strong__",
	"[link](https://example.com) and ![img](x.png)",
	"`code` and ``more``",
	"<b>html</b> <script>alert(1)</script> <!-- c -->",
	"1. list",
	"1) list",
	"- item",
	"+ item",
	"* item",
	"| table | row |",
	"> quoted",
	"---",
	"***",
	"[^1] footnote",
	"- [ ] task",
	"<https://example.com>",
	"see https://evil.example/x?a=1", // GFM would autolink it, and Glamour draws links with OSC 8
	"www.example.com",
	"mail jane@example.com",
	"&amp; &lt;b&gt; &#42;",
	`\*already escaped\*`,
}

// goldmarkLikeGlamour parses markdown the way Glamour v2 does (GFM and
// definition lists), to HTML, whose structure is easy to check.
func goldmarkLikeGlamour(t *testing.T, src string) string {
	t.Helper()
	var b bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList))
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestEscapeIsLiteral parses escaped user text as markdown: it must come out
// as one paragraph of exactly the user's (inert) text, with no markup.
func TestEscapeIsLiteral(t *testing.T) {
	for _, in := range markdownSyntax {
		t.Run(in, func(t *testing.T) {
			out := goldmarkLikeGlamour(t, Escape(in))
			inner, ok := strings.CutPrefix(out, "<p>")
			if ok {
				inner, ok = strings.CutSuffix(inner, "</p>\n")
			}
			if !ok || strings.Contains(inner, "<") {
				t.Fatalf("Escape(%q) parses as markup: %q", in, out)
			}
			if got := html.UnescapeString(inner); got != in {
				t.Errorf("Escape(%q) reads back as %q", in, got)
			}
		})
	}
}

// multiLineSyntax is textarea text whose lines act as markdown together, or
// through their indentation.
var multiLineSyntax = []string{
	"Line\n---",
	"* one\n* two",
	"```\ncode\n```",
	"<div>\nhi\n</div>",
	"| a | b |\n|---|---|\n| 1 | 2 |",
	"Big news\n===",      // a setext heading
	"Term\n: definition", // a definition list (Glamour enables the extension)
	"Dear candidate,\n\n    Thank you for applying.", // an indented paragraph of a pasted email
	"\tindented with a tab",
}

// TestQuoteIsLiteral does the same for the block quotes that hold textarea
// answers: one quote of plain paragraphs, the user's words and nothing else.
func TestParagraphsAreLiteral(t *testing.T) {
	for _, in := range append(markdownSyntax, multiLineSyntax...) {
		t.Run(in, func(t *testing.T) {
			out := goldmarkLikeGlamour(t, paragraphs(in))
			body, ok := out, true
			// The body must be paragraphs of plain text and nothing else.
			var text []string
			for p := range strings.SplitSeq(strings.TrimSuffix(body, "</p>\n"), "</p>\n") {
				inner, isP := strings.CutPrefix(p, "<p>")
				if !isP || strings.Contains(inner, "<") {
					ok = false
				}
				text = append(text, inner)
			}
			if !ok {
				t.Fatalf("paragraphs(%q) parses as markup:\n%s\nfrom\n%s", in, out, paragraphs(in))
			}
			if got, want := words(html.UnescapeString(strings.Join(text, " "))), words(Inert(in)); got != want {
				t.Errorf("paragraphs(%q) reads back as %q, want %q", in, got, want)
			}
		})
	}
}

// words collapses white space, so texts compare however they were wrapped.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// newGlamour is the renderer the summary screen uses, at a fixed width.
func newGlamour(t *testing.T) *glamour.TermRenderer {
	t.Helper()
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(80))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func renderGlamour(t *testing.T, r *glamour.TermRenderer, md string) string {
	t.Helper()
	out, err := r.Render(md)
	if err != nil {
		t.Fatalf("glamour: %v", err)
	}
	return out
}

// sgr matches a Select Graphic Rendition sequence, the only escape sequence
// the rendered summary may contain.
var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// checkOnlySGR fails if the terminal output holds anything but text and
// colours: an OSC (hyperlink, clipboard, title), a cursor move, a C1 control,
// a bell, or a bidi override.
func checkOnlySGR(t *testing.T, out string) {
	t.Helper()
	if i := strings.Index(out, "\x1b]"); i >= 0 {
		t.Errorf("output has an OSC sequence: %q", out[i:min(len(out), i+40)])
	}
	rest := sgr.ReplaceAllString(out, "")
	for i, r := range rest {
		if r == '\n' {
			continue
		}
		if unicode.IsControl(r) || isBidiControl(r) {
			t.Errorf("output has %U outside an SGR sequence at byte %d: %q", r, i, rest[max(0, i-20):min(len(rest), i+20)])
			return
		}
	}
}

// plainText is what a person reads in Glamour's output: no colours, no quote
// bars, white space collapsed.
func plainText(out string) string {
	return words(strings.ReplaceAll(ansi.Strip(out), "│", " "))
}

func TestMarkdownThroughGlamour(t *testing.T) {
	utcLocal(t)
	flow := loadFlow(t)
	s := fullSession()
	out := renderGlamour(t, newGlamour(t), Markdown(s, flow))
	checkOnlySGR(t, out)
	text := plainText(out)
	for _, want := range []string{
		"Product designer at Northwind",
		"3/10 (flat) → 6/10 (lighter)",
		s.Answers["not_personal.balanced"].Text,
		"I'm just not good enough for senior roles.",
		"A reorg was announced that week",
		"Quantify impact (e.g. 20% more sign-ups)",
		"Why *this* company?",
		"Sam (ex-colleague)",
		"Ask Sam for a mock interview (by 2026-11-27)",
		"Hi Ms Rivera,",
		"Thank you for your time. We have decided to move forward with other candidates.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Glamour output lacks %q:\n%s", want, text)
		}
	}
}

// hostile is text a user might paste that a terminal would obey.
var hostile = []string{
	"\x1b[2J\x1b[H cleared",
	"\x1b]52;c;aGVsbG8=\x07 clipboard",
	"\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
	"\x1b]0;pwned\x07 title",
	"\x1bP+q544e\x1b\\ dcs",
	"\u009b2J c1 csi",
	"\u009d0;c1 osc\u009c",
	"bell\a",
	"carriage\rreturn",
	"back\bspace",
	"\u202Etxt.exe",
	"\u2066isolate\u2069",
}

// TestMarkdownHostileThroughGlamour puts escape sequences in every kind of
// field and checks that none reaches Glamour's output.
func TestMarkdownHostileThroughGlamour(t *testing.T) {
	utcLocal(t)
	flow := loadFlow(t)
	r := newGlamour(t)
	for _, h := range hostile {
		t.Run(fmt.Sprintf("%q", h), func(t *testing.T) {
			s := NewSession(fixedNow)
			s.Intake = Intake{Company: h, Role: h, Interviewer: h, Stage: h, Channel: h, Message: h + "\n" + h}
			s.MoodBefore = &Mood{Score: 2, Word: h}
			s.Actions = []Action{{Text: h, Due: h}}
			s.Feedback = FeedbackRequest{Draft: DraftRequest(&Session{Intake: s.Intake}, ""), Send: h}
			s.Answers["not_personal.balanced"] = Answer{Text: h}
			s.Answers["step_back.outside"] = Answer{Items: []string{h}, Text: h}
			s.Answers[PromptQuestions] = Answer{Items: []string{h, h}}
			md := Markdown(s, flow)
			if strings.ContainsAny(md, "\x1b\a\b\r\u009b\u009c\u009d\u202e\u2066\u2069") {
				t.Errorf("markdown holds a raw control: %q", md)
			}
			checkOnlySGR(t, renderGlamour(t, r, md))
		})
	}
}

// TestMarkdownUserTextReadsLiterally: what the user typed is what Glamour
// shows, character for character, wherever in the summary it appears.
func TestMarkdownUserTextReadsLiterally(t *testing.T) {
	utcLocal(t)
	flow := loadFlow(t)
	r := newGlamour(t)
	texts := append([]string{
		"R&D team at AT&T",
		"about ~3 weeks",
		"salary 50k~60k",
		"Why *this* company?",
		"C# and F#",
	}, markdownSyntax...)
	places := []struct {
		name string
		set  func(s *Session, text string)
	}{
		{"textarea", func(s *Session, x string) { s.Answers["reflect.unprepared"] = Answer{Text: x} }},
		{"list", func(s *Session, x string) { s.Answers["reflect.skills"] = Answer{Items: []string{x}} }},
		{"text field", func(s *Session, x string) { s.Intake.Channel = x }},
		{"action", func(s *Session, x string) { s.Actions = []Action{{Text: x}} }},
	}
	for _, x := range texts {
		for _, p := range places {
			t.Run(p.name+"/"+x, func(t *testing.T) {
				s := NewSession(fixedNow)
				p.set(s, x)
				raw := renderGlamour(t, r, Markdown(s, flow))
				checkOnlySGR(t, raw)
				out := plainText(raw)
				if !strings.Contains(out, words(x)) {
					t.Errorf("Glamour shows the user's %q as:\n%s", x, out)
				}
			})
		}
	}
}

// TestHandOverKeepsEveryDraft: what is printed when saving failed holds the
// unfinished answers too, of every kind, which the summary leaves out.
func TestHandOverKeepsEveryDraft(t *testing.T) {
	utcLocal(t)
	flow := loadFlow(t)
	now := time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)
	tests := []struct {
		name  string
		id    string
		draft Answer
		want  string
	}{
		{"a one-line answer", PromptCompany, Answer{Text: "Half typed Globex"}, "Half typed Globex"},
		{"a long answer", PromptMessage, Answer{Text: "We have decided\n\nnot to move"}, "not to move"},
		{"a list", PromptQuestions, Answer{Items: []string{"Why this gap in your CV?"}}, "Why this gap in your CV?"},
		{"an action", PromptActions, Answer{Actions: []Action{{Text: "Email Ana"}}}, "Email Ana"},
		{"a prompt this build does not ask", "future.prompt", Answer{Text: "from a newer rebound"}, "from a newer rebound"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(now)
			s.Set(PromptRole, Answer{Text: "Analyst"}, now)
			s.Drafts = map[string]Answer{tt.id: tt.draft}
			if strings.Contains(Markdown(s, flow), tt.want) {
				t.Fatalf("the summary shows the draft already: the test proves nothing")
			}
			md := HandOver(s, flow)
			if !strings.Contains(md, tt.want) || !strings.Contains(md, "## Unfinished answers") || !strings.Contains(md, "Analyst") {
				t.Errorf("hand-over misses the draft %q:\n%s", tt.want, md)
			}
		})
	}
	s := NewSession(now)
	s.Set(PromptRole, Answer{Text: "Analyst"}, now)
	if got, want := HandOver(s, flow), Markdown(s, flow); got != want {
		t.Errorf("with no drafts the hand-over is not the summary:\n%s", got)
	}
}

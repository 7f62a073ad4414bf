package content

// FuzzBankParser feeds loadBank a fuzzed questions.md beside the real
// rubric.json. Plain `go test` runs it over its seeds; CI fuzzes it for 10
// seconds. A longer run, from the repository root:
//
//	go test -run '^$' -fuzz '^FuzzBankParser$' -fuzztime 10m ./content
//
// A failing input is written to testdata/fuzz/FuzzBankParser/; commit it with
// the fix.

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func FuzzBankParser(f *testing.F) {
	questions, err := fs.ReadFile(bankFiles, "questions.md")
	if err != nil {
		f.Fatal(err)
	}
	rubric, err := fs.ReadFile(bankFiles, "rubric.json")
	if err != nil {
		f.Fatal(err)
	}
	// The real file must load, or the fuzzer would rarely reach a bank and
	// the checks on one below.
	if _, err := loadBank(fstest.MapFS{"questions.md": {Data: questions}, "rubric.json": {Data: rubric}}); err != nil {
		f.Fatalf("the real questions.md does not load: %v", err)
	}
	md := string(questions)
	first := strings.Index(md, "\n### ") + 1 // the first question's heading
	for _, s := range []string{
		md,
		strings.ReplaceAll(md, "\n", "\r\n"),
		md[:len(md)/2],
		md[:first] + "### tell-me-about-yourself\nAgain?\n\nA hint.\n\n" + md[first:], // a duplicate id
		md[:first] + "### Not_Kebab\nWhy?\n\nA hint.\n\n" + md[first:],
		md[:first] + "### no-hint\nWhy?\n\n" + md[first:],
		md[:first] + "### heading-in-hint\nWhy?\n\n## Hint\n" + md[first:],
		md[:first] + "### setext-in-hint\nWhy?\n\nHint\n====\n\n" + md[first:],
		md[:first] + "<!-- never closed\n" + md[first:],
		// Found by fuzzing: an indented first hint line, trimmed, became a heading.
		md[:first] + "### probe\nWhy?\n\n    # indented four\n\n" + md[first:],
		md[:first] + "### probe\nWhy?\n\n\t# indented by a tab\n\n" + md[first:],
		strings.Replace(md, "## motivation:", "## hobbies:", 1),
		strings.Replace(md, "## motivation: Motivation", "## motivation", 1),
		md + "\n## motivation: Again\n\n### once-more\nWhy?\n\nA hint.\n",
		"",
		"\n\n\n",
		"## motivation: Motivation\n### a\nWhy?\n\nHint.\n",
		"### orphan\nWhy?\n\nHint.\n",
		"## ask: Ask\nStray text.\n### q1\n\n\nWhy?\n   \n  **Hint** line one\n    # not a heading: indented four\n",
		"## ask: Ask\n### q1\nWhy?\n\n    # indented four\n",
		"## ask: Ask\n### q1\nWhy?\r\rstill?\n\n\tHint.\n",
		"<!--\n## motivation: Motivation\n-->\n## ask\n### \nx\n",
		"## ask: Ask\n### q1\nWhy?\n\n" + strings.Repeat("h", 70000) + "\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := loadBank(fstest.MapFS{
			"questions.md": {Data: data},
			"rubric.json":  {Data: rubric},
		})
		if (b == nil) == (err == nil) {
			t.Fatalf("loadBank = %v, %v; want a bank or an error", b, err)
		}
		if err != nil {
			for l := range strings.Lines(err.Error()) {
				if !strings.HasPrefix(l, "content: ") {
					t.Errorf("error line %q does not start with \"content: \"", l)
				}
			}
			return
		}
		checkBankInvariants(t, b)
	})
}

// checkBankInvariants fails unless b keeps what loadBank promises its
// callers: known tags, each once and each with questions; enough questions;
// unique kebab-case IDs; every question under a known tag, with one line of
// text and a hint that has no heading.
func checkBankInvariants(t *testing.T, b *Bank) {
	t.Helper()
	tags := map[string]bool{}
	for _, tag := range b.Tags {
		if !slices.Contains(tagIDs, tag.ID) {
			t.Errorf("unknown tag %q in the bank", tag.ID)
		}
		if tags[tag.ID] {
			t.Errorf("tag %q twice in the bank", tag.ID)
		}
		if strings.TrimSpace(tag.Title) == "" {
			t.Errorf("tag %q has no title", tag.ID)
		}
		tags[tag.ID] = true
	}
	for _, id := range tagIDs {
		if !tags[id] || len(b.Tagged(id)) == 0 {
			t.Errorf("tag %q is missing or has no questions", id)
		}
	}
	if len(b.Questions) < minBankQuestions {
		t.Errorf("%d questions, fewer than %d", len(b.Questions), minBankQuestions)
	}
	ids := map[string]bool{}
	for _, q := range b.Questions {
		if ids[q.ID] {
			t.Errorf("question id %q twice", q.ID)
		}
		ids[q.ID] = true
		if !isKebab(q.ID) {
			t.Errorf("question id %q is not kebab-case", q.ID)
		}
		if !tags[q.Tag] {
			t.Errorf("question %q has tag %q, which the bank does not list", q.ID, q.Tag)
		}
		if strings.TrimSpace(q.Text) == "" || strings.Contains(q.Text, "\n") {
			t.Errorf("question %q has text %q; want one line", q.ID, q.Text)
		}
		if strings.TrimSpace(q.Hint) == "" {
			t.Errorf("question %q has no hint", q.ID)
		}
		prev := ""
		for l := range strings.Lines(q.Hint) {
			l = strings.TrimSuffix(l, "\n")
			if isHeading(l) || (strings.TrimSpace(prev) != "" && isUnderline(l)) {
				t.Errorf("question %q has a heading in its hint, line %q:\n%s", q.ID, l, q.Hint)
			}
			prev = l
		}
	}
	if len(b.Rubric) == 0 {
		t.Error("the bank has no rubric")
	}
}

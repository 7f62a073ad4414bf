package content

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// The question bank lives apart from the flow: practice can load it without
// the session content, and a writer edits one markdown file to change it.
//
//go:embed questions.md rubric.json
var bankFiles embed.FS

// tagIDs are the kinds of question the practice screens offer. A tag heading
// in questions.md must use one of them, and each must have questions, so a
// screen that lists them never shows an empty kind.
var tagIDs = []string{"motivation", "behavioural", "strengths", "situational", "career", "logistics", "ask"}

// minBankQuestions keeps the bank large enough that practice does not start
// repeating itself after a few rounds.
const minBankQuestions = 60

// Tag is a kind of interview question, such as "behavioural". Practice
// filters by it, and saved rounds keep it to group their history.
type Tag struct {
	ID    string
	Title string
}

// BankQuestion is one question of the bank. Its ID is stable: practice
// rounds are saved under it, so an ID must never be reused for a different
// question.
type BankQuestion struct {
	ID   string
	Tag  string
	Text string // one line, shown as plain text
	Hint string // markdown: what a good answer shows
}

// Criterion is one line of the self-review rubric. Reviews save the IDs of
// the criteria an answer met, so an ID must keep its meaning.
type Criterion struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Hint  string `json:"hint"`
}

// Bank is the practice material: questions grouped by tag, in file order,
// and the rubric an answer is reviewed against.
type Bank struct {
	Tags      []Tag
	Questions []BankQuestion
	Rubric    []Criterion
}

// LoadBank reads and validates the embedded questions.md and rubric.json.
// Every problem found is reported, each with the line to fix where there is
// one, so a broken edit fails the tests instead of reaching a user.
func LoadBank() (*Bank, error) {
	return loadBank(bankFiles)
}

func loadBank(fsys fs.FS) (*Bank, error) {
	src, err := fs.ReadFile(fsys, "questions.md")
	if err != nil {
		return nil, fmt.Errorf("content: question bank: %w", err)
	}
	var b Bank
	p := newBankParser()
	p.parse(src)
	b.Tags, b.Questions = p.tags, p.questions
	errs := p.errs
	if err := decode(fsys, "rubric.json", &b.Rubric); err != nil {
		errs = append(errs, err)
	}
	errs = append(errs, checkBank(&b)...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &b, nil
}

// Question finds a bank question by its ID, as saved with a practice round.
func (b *Bank) Question(id string) (BankQuestion, bool) {
	i := slices.IndexFunc(b.Questions, func(q BankQuestion) bool { return q.ID == id })
	if i < 0 {
		return BankQuestion{}, false
	}
	return b.Questions[i], true
}

// Tag finds a tag by its ID, for the title of a saved round's tag.
func (b *Bank) Tag(id string) (Tag, bool) {
	i := slices.IndexFunc(b.Tags, func(t Tag) bool { return t.ID == id })
	if i < 0 {
		return Tag{}, false
	}
	return b.Tags[i], true
}

// Tagged returns the questions of one tag, or all of them for "", in file
// order. The slice is new, so a caller may shuffle it without changing the
// bank.
func (b *Bank) Tagged(tag string) []BankQuestion {
	var out []BankQuestion
	for _, q := range b.Questions {
		if tag == "" || q.Tag == tag {
			out = append(out, q)
		}
	}
	return out
}

// line is one line of questions.md with its number, counted from 1.
type line struct {
	n    int
	text string
}

// bankParser reads questions.md line by line. The format is described at the
// top of that file: "## <tag-id>: <Title>" starts a tag, "### <question-id>"
// a question, whose first paragraph is its text and the rest its hint. HTML
// comments on lines of their own, and anything above the first tag, are
// notes for writers and are skipped.
type bankParser struct {
	tags      []Tag
	questions []BankQuestion
	errs      []error

	tag      string         // the current tag's ID
	inTag    bool           // a tag heading has been seen
	tagLines map[string]int // tag ID -> line of its heading
	idLines  map[string]int // question ID -> line of its heading

	q *pendingQuestion // the question being read, nil between questions
}

type pendingQuestion struct {
	id     string
	tag    string
	n      int  // line of its heading
	orphan bool // came before any tag, so it is reported and dropped
	body   []line
}

func newBankParser() *bankParser {
	return &bankParser{tagLines: map[string]int{}, idLines: map[string]int{}}
}

func (p *bankParser) bad(n int, format string, a ...any) {
	p.errs = append(p.errs, fmt.Errorf("content: questions.md:%d: "+format, append([]any{n}, a...)...))
}

func (p *bankParser) parse(src []byte) {
	sc := bufio.NewScanner(bytes.NewReader(src))
	n, comment := 0, 0 // comment is the line an open comment started on
	for sc.Scan() {
		n++
		text := strings.TrimSuffix(sc.Text(), "\r")
		switch {
		case comment > 0:
			if strings.Contains(text, "-->") {
				comment = 0
			}
		case strings.HasPrefix(strings.TrimSpace(text), "<!--"):
			_, rest, _ := strings.Cut(text, "<!--")
			if !strings.Contains(rest, "-->") {
				comment = n
			}
		case strings.HasPrefix(text, "## "):
			p.flush()
			p.startTag(n, text)
		case strings.HasPrefix(text, "### "):
			p.flush()
			p.startQuestion(n, strings.TrimSpace(text[len("### "):]))
		case p.q != nil:
			p.q.body = append(p.q.body, line{n, text})
		case p.inTag && strings.TrimSpace(text) != "":
			p.bad(n, "text under tag %q comes before its first question; start a question with a \"### <question-id>\" line", p.tag)
		}
	}
	if err := sc.Err(); err != nil {
		p.bad(n, "cannot read the file after this line: %v", err)
	}
	if comment > 0 {
		p.bad(comment, "the comment opened on this line is never closed with -->, so it hides the rest of the file")
	}
	p.flush()
}

func (p *bankParser) startTag(n int, heading string) {
	id, title, found := strings.Cut(strings.TrimPrefix(heading, "## "), ":")
	id, title = strings.TrimSpace(id), strings.TrimSpace(title)
	p.tag, p.inTag = id, true
	if !found || id == "" || title == "" {
		p.bad(n, "the tag heading %q needs the form \"## <tag-id>: <Title>\"", heading)
	}
	if !slices.Contains(tagIDs, id) {
		p.bad(n, "unknown tag %q; the tags are %s", id, strings.Join(tagIDs, ", "))
		return
	}
	if prev, dup := p.tagLines[id]; dup {
		p.bad(n, "tag %q already has a heading on line %d; keep each tag's questions together under one heading", id, prev)
		return
	}
	p.tagLines[id] = n
	p.tags = append(p.tags, Tag{ID: id, Title: title})
}

func (p *bankParser) startQuestion(n int, id string) {
	p.q = &pendingQuestion{id: id, tag: p.tag, n: n, orphan: !p.inTag}
	if !p.inTag {
		p.bad(n, "question %q comes before any tag heading; put it under a \"## <tag-id>: <Title>\" line", id)
	}
}

// flush ends the question being read: its first paragraph is the text, the
// rest the hint.
func (p *bankParser) flush() {
	q := p.q
	p.q = nil
	if q == nil || q.orphan {
		return
	}
	body := q.body
	for len(body) > 0 && strings.TrimSpace(body[0].text) == "" {
		body = body[1:]
	}
	var words []string
	for len(body) > 0 && strings.TrimSpace(body[0].text) != "" {
		words = append(words, strings.TrimSpace(body[0].text))
		body = body[1:]
	}
	text := strings.Join(words, " ")
	var hint []string
	for _, l := range body {
		hint = append(hint, l.text)
	}

	if !isKebab(q.id) {
		p.bad(q.n, "question id %q is not kebab-case; use lower-case letters and digits joined by single hyphens, like \"why-this-company\"", q.id)
	}
	if prev, dup := p.idLines[q.id]; dup {
		p.bad(q.n, "question id %q is used twice, here and on line %d", q.id, prev)
	} else {
		p.idLines[q.id] = q.n
	}
	if text == "" {
		p.bad(q.n, "question %q has no text; write the question on the line after its heading", q.id)
	}
	if h := strings.TrimSpace(strings.Join(hint, "\n")); h == "" {
		p.bad(q.n, "question %q has no hint; after the question, add a few sentences on what a good answer shows", q.id)
	}
	for i, l := range body {
		if isHeading(l.text) || (i > 0 && strings.TrimSpace(body[i-1].text) != "" && isUnderline(l.text)) {
			p.bad(l.n, "the hint of question %q has a heading; hints sit under their question, so use **bold** instead", q.id)
		}
	}
	p.questions = append(p.questions, BankQuestion{
		ID:   q.id,
		Tag:  q.tag,
		Text: text,
		// Blank lines around the hint go, but not a first line's indentation:
		// trimmed, "    # x" (code) would become "# x", a heading.
		Hint: strings.TrimRight(strings.TrimLeft(strings.Join(hint, "\n"), "\n"), " \t\n"),
	})
}

// checkBank makes the checks that need the whole bank: every tag has
// questions, there are enough of them, and the rubric is usable.
func checkBank(b *Bank) []error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf("content: "+format, a...)) }
	for _, id := range tagIDs {
		if _, ok := b.Tag(id); !ok {
			bad("questions.md has no tag %q; add a \"## %s: <Title>\" heading with its questions", id, id)
		} else if len(b.Tagged(id)) == 0 {
			bad("questions.md: tag %q has no questions", id)
		}
	}
	if n := len(b.Questions); n < minBankQuestions {
		bad("questions.md has %d questions; the bank needs at least %d so practice does not repeat too soon", n, minBankQuestions)
	}

	if len(b.Rubric) == 0 {
		bad("rubric.json has no criteria")
	}
	ids, labels := map[string]bool{}, map[string]bool{}
	for i, c := range b.Rubric {
		switch {
		case c.ID == "":
			bad("rubric.json: criterion %d has no id", i+1)
		case ids[c.ID]:
			bad("rubric.json: criterion id %q is used twice", c.ID)
		}
		switch {
		case strings.TrimSpace(c.Label) == "":
			bad("rubric.json: criterion %q has no label", c.ID)
		case labels[c.Label]:
			bad("rubric.json: label %q is used twice", c.Label)
		}
		ids[c.ID], labels[c.Label] = true, true
	}
	return errs
}

// isKebab reports whether id is lower-case letters and digits in words
// joined by single hyphens, such as "why-this-company".
func isKebab(id string) bool {
	if id == "" {
		return false
	}
	for word := range strings.SplitSeq(id, "-") {
		if word == "" || strings.IndexFunc(word, func(r rune) bool { return (r < 'a' || r > 'z') && (r < '0' || r > '9') }) >= 0 {
			return false
		}
	}
	return true
}

// isHeading reports whether a markdown line is an ATX heading: up to three
// spaces, one to six hashes, then a space or the end of the line.
func isHeading(s string) bool {
	t := strings.TrimLeft(s, " ")
	if len(s)-len(t) > 3 {
		return false
	}
	rest := strings.TrimLeft(t, "#")
	n := len(t) - len(rest)
	return n >= 1 && n <= 6 && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// isUnderline reports whether a markdown line is all "=" or all "-", which
// under a line of text turns that text into a (setext) heading.
func isUnderline(s string) bool {
	t := strings.TrimSpace(s)
	return t != "" && (strings.Trim(t, "=") == "" || strings.Trim(t, "-") == "")
}

package coach

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// Markdown writes a session as a markdown document: the summary screen renders
// it with Glamour, and it is what "copy as markdown" copies. Every piece of
// user text goes through Escape, so nothing the user typed or pasted can act
// as markdown or reach the terminal as an escape sequence.
func Markdown(s *Session, flow *content.Flow) string {
	var w mdWriter
	return w.session(s, flow)
}

// LongText is the most user text of one answer (or one field) that the
// screens give Glamour, which takes about two seconds a megabyte; longer text
// is drawn as plain wrapped lines instead (see Outline).
const LongText = 16 << 10

// Outline is Markdown for the screens: every answer or field longer than
// LongText is written as a placeholder word, and long maps each placeholder
// to the text it stands for, unescaped and not yet made inert. The screens
// render the outline with Glamour and draw each long text, wrapped, where
// its placeholder lands, so opening a session costs time in proportion to
// its size. The placeholders are letters and digits with a random part, so
// no answer can spell one.
func Outline(s *Session, flow *content.Flow) (md string, long map[string]string) {
	w := mdWriter{long: map[string]string{}, tag: "rebound" + strconv.FormatUint(rand.Uint64(), 36) + "x"}
	return w.session(s, flow), w.long
}

// Unoutline puts the long texts of an outline back in its place, escaped:
// the document to show when rendering the outline failed.
func Unoutline(md string, long map[string]string) string {
	pairs := make([]string, 0, 2*len(long))
	for ph, text := range long {
		pairs = append(pairs, ph, Escape(text))
	}
	return strings.NewReplacer(pairs...).Replace(md)
}

// mdWriter writes the markdown of a session; with long set, it outlines.
type mdWriter struct {
	long map[string]string
	tag  string
}

// stands reports whether text is written as a placeholder, and records it.
func (w *mdWriter) stands(text string) (placeholder string, ok bool) {
	if w.long == nil || len(text) <= LongText {
		return "", false
	}
	placeholder = w.tag + strconv.Itoa(len(w.long))
	w.long[placeholder] = text
	return placeholder, true
}

// esc is Escape for one piece of user text within a line.
func (w *mdWriter) esc(s string) string {
	if ph, ok := w.stands(s); ok {
		return ph
	}
	return Escape(s)
}

func (w *mdWriter) session(s *Session, flow *content.Flow) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", w.esc(Title(s)))
	fmt.Fprintf(&b, "*%s · %s*\n\n", s.CreatedAt.Local().Format("Mon 2 Jan 2006, 15:04"), statusText(s.Status))

	b.WriteString("**Mood:** " + w.moodText(s.MoodBefore) + " → " + w.moodText(s.MoodAfter) + "\n\n")
	if bl := s.Belief(); bl.HasBefore || bl.HasAfter {
		b.WriteString("**Belief in the thought that hurt:** " + percentText(bl.Before, bl.HasBefore) +
			" → " + percentText(bl.After, bl.HasAfter) + "\n\n")
	}
	if t := s.Answers[PromptBalanced].Text; t != "" {
		b.WriteString("**A balanced thought:**\n\n" + w.paragraphs(t))
	}

	for _, sec := range flow.Sections {
		var body strings.Builder
		inList := false // one-line answers form a list, which needs a blank line after it
		for _, p := range slices.Concat(sec.Prompts, sec.Retired) {
			if p.Kind == content.Mood {
				continue
			}
			md, oneLiner := w.answer(p, s.Get(p.ID))
			if md == "" {
				continue
			}
			if inList && !oneLiner {
				body.WriteString("\n")
			}
			inList = oneLiner
			body.WriteString(md)
			if p.ID == content.PromptExplanations {
				body.WriteString(w.aboutThem(AboutThem(s, flow)))
			}
		}
		if inList {
			body.WriteString("\n")
		}
		if hasPrompt(sec, PromptDraft) {
			body.WriteString(w.feedback(s.Feedback))
		}
		if body.Len() == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n%s", sec.Title, body.String())
	}
	return b.String()
}

// Title names a session the way a person would: "Designer at Northwind".
func Title(s *Session) string { return title(s.Intake.Role, s.Intake.Company, s.CreatedAt) }

func title(role, company string, created time.Time) string {
	role, company = oneLine(role), oneLine(company)
	switch {
	case role != "" && company != "":
		return role + " at " + company
	case role != "":
		return role
	case company != "":
		return company
	}
	return "Session of " + created.Local().Format("2 Jan 2006")
}

// answer writes one answer; oneLiner says it is a single list line
// ("- **Company**: Northwind") rather than a block. An answer longer than
// LongText in all, when outlining, is one placeholder under its label.
func (w *mdWriter) answer(p content.Prompt, a Answer) (md string, oneLiner bool) {
	label := "**" + Escape(p.Label) + "**"
	if ph, ok := w.stands(plainAnswer(a)); ok {
		return label + "\n\n" + ph + "\n\n", false
	}
	switch p.Kind {
	case content.Percent:
		n, err := ParsePercent(a.Text)
		if err != nil {
			return "", false
		}
		return "- " + label + ": " + strconv.Itoa(n) + "%\n", true
	case content.Text, content.Choice, content.Date:
		if a.Text == "" {
			return "", false
		}
		return "- " + label + ": " + Escape(oneLine(a.Text)) + "\n", true
	case content.Textarea, content.Draft:
		if strings.TrimSpace(a.Text) == "" {
			return "", false
		}
		return label + "\n\n" + w.paragraphs(a.Text), false
	case content.List, content.Checklist:
		items := a.Items
		if p.Kind == content.Checklist && strings.TrimSpace(a.Text) != "" {
			items = append(items[:len(items):len(items)], a.Text)
		}
		if len(items) == 0 {
			return "", false
		}
		var b strings.Builder
		b.WriteString(label + "\n\n")
		for _, it := range items {
			b.WriteString("- " + Escape(oneLine(it)) + "\n")
		}
		return b.String() + "\n", false
	case content.Actions:
		if len(a.Actions) == 0 {
			return "", false
		}
		var b strings.Builder
		b.WriteString(label + "\n\n")
		for _, x := range a.Actions {
			box := "[ ]"
			if x.Done {
				box = "[x]"
			}
			b.WriteString("- " + box + " " + Escape(oneLine(x.Text)))
			switch {
			case x.Done && x.DoneOn != "":
				b.WriteString(" *(done " + Escape(x.DoneOn) + ")*")
			case x.Due != "":
				b.WriteString(" *(by " + Escape(x.Due) + ")*")
			}
			b.WriteString("\n")
		}
		return b.String() + "\n", false
	}
	return "", false
}

// aboutThem lists the explanations that are about them, not you, derived
// from the marks on the options ticked; nothing when none are.
func (w *mdWriter) aboutThem(them []string) string {
	if len(them) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("**Of those, about them, not you**\n\n")
	for _, it := range them {
		b.WriteString("- " + Escape(oneLine(it)) + "\n")
	}
	return b.String() + "\n"
}

func percentText(n int, ok bool) string {
	if !ok {
		return "not recorded"
	}
	return strconv.Itoa(n) + "%"
}

// feedback is what became of the feedback request, once recorded.
func (w *mdWriter) feedback(f FeedbackRequest) string {
	var b strings.Builder
	if f.Outcome != "" {
		b.WriteString("- **What became of the request**: " + w.esc(f.Outcome.Label()))
		if f.OutcomeOn != "" {
			b.WriteString(" *(" + w.esc(f.OutcomeOn) + ")*")
		}
		b.WriteString("\n\n")
	}
	if strings.TrimSpace(f.Received) != "" {
		b.WriteString("**Feedback received**")
		if f.ReceivedOn != "" {
			b.WriteString(" *(" + w.esc(f.ReceivedOn) + ")*")
		}
		b.WriteString("\n\n" + w.paragraphs(f.Received))
	}
	return b.String()
}

func hasPrompt(sec content.Section, id string) bool {
	return slices.ContainsFunc(sec.Prompts, func(p content.Prompt) bool { return p.ID == id })
}

func (w *mdWriter) moodText(m *Mood) string {
	if m == nil || m.Score == 0 {
		return "not recorded"
	}
	t := fmt.Sprintf("%d/10", m.Score)
	if word := oneLine(m.Word); word != "" {
		t += " (" + w.esc(word) + ")"
	}
	return t
}

func statusText(s Status) string {
	if s == Complete {
		return "complete"
	}
	return "in progress"
}

// paragraphs is mdWriter.paragraphs, never outlined.
func paragraphs(s string) string {
	var w mdWriter
	return w.paragraphs(s)
}

// plainAnswer is all the text of an answer, a line an item or action.
func plainAnswer(a Answer) string {
	if len(a.Items) == 0 && len(a.Actions) == 0 {
		return a.Text
	}
	lines := append([]string{a.Text}, a.Items...)
	for _, x := range a.Actions {
		box := "[ ] "
		if x.Done {
			box = "[x] "
		}
		lines = append(lines, box+strings.Join(strings.Fields(x.Text+" "+x.Due+" "+x.DoneOn), " "))
	}
	return strings.Join(lines, "\n")
}

// paragraphs writes multi-line user text line for line, each line a
// paragraph of its own: Glamour ignores hard line breaks, and wraps block
// quotes badly (words fall outside the quote bar), so neither can keep the
// user's lines apart.
func (w *mdWriter) paragraphs(s string) string {
	if ph, ok := w.stands(s); ok {
		return ph + "\n\n"
	}
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		// Leading white space would make an indented code block, where the
		// escapes below show as backslashes.
		if line = strings.TrimSpace(line); line != "" {
			b.WriteString(Escape(line) + "\n\n")
		}
	}
	return b.String()
}

// Escape makes user text inert (see Inert) and then literal in markdown:
// every character markdown could read as syntax is escaped. Glamour shows
// the backslash of "\\&" and "\\~" (and of "\\=" and "\\:"), so those are
// written as character references, which it decodes.
func Escape(s string) string {
	s = Inert(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '~':
			b.WriteString("&#126;")
		case i == 0 && (r == '=' || r == ':'):
			// "===" under a line is a heading; ": x" after one, a definition.
			fmt.Fprintf(&b, "&#%d;", r)
		case strings.ContainsRune("\\`*_{}[]<>()#+-.!|", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// HandOver is Markdown with every unfinished answer as well (the drafts,
// which the summary leaves out): what is printed when a session could not
// be saved, so that nothing typed is lost, a half-written answer included.
func HandOver(s *Session, flow *content.Flow) string {
	var w mdWriter
	var b strings.Builder
	known := map[string]bool{}
	for _, sec := range flow.Sections {
		for _, p := range sec.Prompts {
			known[p.ID] = true
			if d, ok := s.Drafts[p.ID]; ok {
				if md, _ := w.answer(p, d); md != "" {
					b.WriteString(md + "\n")
				}
			}
		}
	}
	// Drafts of prompts this build does not ask (a newer version's), as text.
	for _, id := range slices.Sorted(maps.Keys(s.Drafts)) {
		d := s.Drafts[id]
		if text := strings.TrimSpace(strings.Join(append([]string{d.Text}, d.Items...), "\n")); !known[id] && text != "" {
			b.WriteString("**" + Escape(id) + "**\n\n" + w.paragraphs(text) + "\n")
		}
	}
	md := w.session(s, flow)
	if b.Len() == 0 {
		return md
	}
	return md + "## Unfinished answers\n\n" + b.String()
}

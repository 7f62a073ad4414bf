package coach

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/rebound-coach/rebound/content"
)

// Markdown writes a session as a markdown document: the summary screen renders
// it with Glamour, and it is what "copy as markdown" copies. Every piece of
// user text goes through Escape, so nothing the user typed or pasted can act
// as markdown or reach the terminal as an escape sequence.
func Markdown(s *Session, flow *content.Flow) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", Escape(Title(s)))
	fmt.Fprintf(&b, "*%s · %s*\n\n", s.CreatedAt.Local().Format("Mon 2 Jan 2006, 15:04"), statusText(s.Status))

	b.WriteString("**Mood:** " + moodText(s.MoodBefore) + " → " + moodText(s.MoodAfter) + "\n\n")
	if t := s.Answers[PromptBalanced].Text; t != "" {
		b.WriteString("**A balanced thought:**\n\n" + paragraphs(t))
	}

	for _, sec := range flow.Sections {
		var body strings.Builder
		inList := false // one-line answers form a list, which needs a blank line after it
		for _, p := range sec.Prompts {
			if p.Kind == content.Mood {
				continue
			}
			md, oneLiner := answerMarkdown(p, s.Get(p.ID))
			if md == "" {
				continue
			}
			if inList && !oneLiner {
				body.WriteString("\n")
			}
			inList = oneLiner
			body.WriteString(md)
		}
		if inList {
			body.WriteString("\n")
		}
		if hasPrompt(sec, PromptDraft) {
			body.WriteString(feedbackMarkdown(s.Feedback))
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

// answerMarkdown writes one answer; oneLiner says it is a single list line
// ("- **Company**: Northwind") rather than a block.
func answerMarkdown(p content.Prompt, a Answer) (md string, oneLiner bool) {
	label := "**" + Escape(p.Label) + "**"
	switch p.Kind {
	case content.Text, content.Choice, content.Date:
		if a.Text == "" {
			return "", false
		}
		return "- " + label + ": " + Escape(oneLine(a.Text)) + "\n", true
	case content.Textarea, content.Draft:
		if strings.TrimSpace(a.Text) == "" {
			return "", false
		}
		return label + "\n\n" + paragraphs(a.Text), false
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

// feedbackMarkdown is what became of the feedback request, once recorded.
func feedbackMarkdown(f FeedbackRequest) string {
	var b strings.Builder
	if f.Outcome != "" {
		b.WriteString("- **What became of the request**: " + Escape(f.Outcome.Label()))
		if f.OutcomeOn != "" {
			b.WriteString(" *(" + Escape(f.OutcomeOn) + ")*")
		}
		b.WriteString("\n\n")
	}
	if strings.TrimSpace(f.Received) != "" {
		b.WriteString("**Feedback received**")
		if f.ReceivedOn != "" {
			b.WriteString(" *(" + Escape(f.ReceivedOn) + ")*")
		}
		b.WriteString("\n\n" + paragraphs(f.Received))
	}
	return b.String()
}

func hasPrompt(sec content.Section, id string) bool {
	return slices.ContainsFunc(sec.Prompts, func(p content.Prompt) bool { return p.ID == id })
}

func moodText(m *Mood) string {
	if m == nil || m.Score == 0 {
		return "not recorded"
	}
	t := fmt.Sprintf("%d/10", m.Score)
	if w := oneLine(m.Word); w != "" {
		t += " (" + Escape(w) + ")"
	}
	return t
}

func statusText(s Status) string {
	if s == Complete {
		return "complete"
	}
	return "in progress"
}

// paragraphs writes multi-line user text line for line, each line a
// paragraph of its own: Glamour ignores hard line breaks, and wraps block
// quotes badly (words fall outside the quote bar), so neither can keep the
// user's lines apart.
func paragraphs(s string) string {
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
	var b strings.Builder
	known := map[string]bool{}
	for _, sec := range flow.Sections {
		for _, p := range sec.Prompts {
			known[p.ID] = true
			if d, ok := s.Drafts[p.ID]; ok {
				if md, _ := answerMarkdown(p, d); md != "" {
					b.WriteString(md + "\n")
				}
			}
		}
	}
	// Drafts of prompts this build does not ask (a newer version's), as text.
	for _, id := range slices.Sorted(maps.Keys(s.Drafts)) {
		d := s.Drafts[id]
		if text := strings.TrimSpace(strings.Join(append([]string{d.Text}, d.Items...), "\n")); !known[id] && text != "" {
			b.WriteString("**" + Escape(id) + "**\n\n" + paragraphs(text) + "\n")
		}
	}
	md := Markdown(s, flow)
	if b.Len() == 0 {
		return md
	}
	return md + "## Unfinished answers\n\n" + b.String()
}

// Package content holds rebound's words: the markdown tip for each step of a
// session and the flow of sections and prompts, as embedded files. Changing
// the advice means editing files here, not Go code; the tests validate the
// embedded files (TestEmbeddedContentIsValid) so a broken edit fails them
// instead of reaching a user.
package content

import (
	"embed"
	"slices"
	"strings"
	"time"
)

//go:embed flow.json advice.json evidence.json support.md lowmood.md tips/*.md
var files embed.FS

//go:embed support.md
var support string

//go:embed lowmood.md
var lowMood string

// Support is the short "you are not alone; if this stays heavy, talk to
// someone" note, as plain text. It is shown on home and on the summary, so
// the way to real help is never hard to find; the app is a coach, not a
// therapist. The tests check that the note is not empty.
func Support() string { return strings.Join(strings.Fields(support), " ") }

// Kind says which kind of answer a prompt collects, and so which widget asks
// for it and how the answer is stored.
type Kind string

const (
	// Text is one line of free text.
	Text Kind = "text"
	// Textarea is free text over several lines.
	Textarea Kind = "textarea"
	// List is one item per line, stored as a list of strings.
	List Kind = "list"
	// Checklist is a set of options to tick, plus optional free text.
	Checklist Kind = "checklist"
	// Choice is exactly one of Options.
	Choice Kind = "choice"
	// Date is a calendar day, YYYY-MM-DD.
	Date Kind = "date"
	// Mood is a 1 to 10 score with an optional word.
	Mood Kind = "mood"
	// Draft is the feedback-request message, drafted from the intake.
	Draft Kind = "draft"
	// Actions is one to five next actions, each with an optional due date.
	Actions Kind = "actions"
	// Percent is a whole number from 0 to 100, such as how strongly a
	// thought is believed. It is stored as text ("0" to "100"), so that 0 is
	// an answer and not the absence of one.
	Percent Kind = "percent"
)

var kinds = []Kind{Text, Textarea, List, Checklist, Choice, Date, Mood, Draft, Actions, Percent}

// Marks an option of a checklist can carry in About: whether it is about
// them (the role, the company, their process) or about something you can
// work on. The coach derives "which of these are about them" from the marks
// instead of asking again.
const (
	AboutThem = "them"
	AboutYou  = "you"
)

// TimerContinue as a prompt's Timer keeps the countdown that the prompt
// before it started running, so two lists can share one ten minutes.
const TimerContinue = "continue"

// Section is one screen-worth of the guided flow: the intake, a mood
// check-in, or one of the five coaching steps.
type Section struct {
	ID string `json:"id"`
	// Title is shown in the progress line, e.g. "Don't take it personally".
	Title string `json:"title"`
	// Step is 1 to 5 for the coaching steps, 0 for the intake and check-ins.
	Step int `json:"step"`
	// Intro is one short sentence shown above the prompts.
	Intro string `json:"intro,omitempty"`
	// Tip is the markdown tip, read from tips/<id>.md; empty outside steps.
	Tip     string   `json:"-"`
	Prompts []Prompt `json:"prompts"`
	// Retired are prompts no longer asked whose answers older sessions
	// still hold: they are shown with the rest of the section wherever
	// answers are shown, and never asked, so a change of flow hides
	// nothing anyone wrote.
	Retired []Prompt `json:"retired,omitempty"`
}

// Gist is the tip's one-line summary in plain text: the bold line right
// under its heading, which a screen can keep in view while the rest
// scrolls. It is "" for a section without a tip, or a tip without one.
func (s Section) Gist() string {
	_, rest, _ := strings.Cut(strings.TrimSpace(s.Tip), "\n")
	rest = strings.TrimLeft(rest, " \t\r\n")
	line, after, _ := strings.Cut(rest, "\n")
	line = strings.TrimSpace(line)
	inner, ok := strings.CutPrefix(line, "**")
	if !ok {
		return ""
	}
	inner, ok = strings.CutSuffix(inner, "**")
	// One line: the paragraph must end here, and hold no other bold.
	if !ok || strings.TrimSpace(inner) == "" || strings.Contains(inner, "**") ||
		(strings.TrimSpace(after) != "" && !strings.HasPrefix(strings.TrimLeft(after, " \t\r"), "\n")) {
		return ""
	}
	return strings.TrimSpace(inner)
}

// Prompt is one question. Its ID is stable: answers are saved under it, so an
// ID must never be reused for a different question.
type Prompt struct {
	ID    string `json:"id"`
	Kind  Kind   `json:"kind"`
	Label string `json:"label"`
	// Hint is shown under the label (or as a placeholder) to help answer.
	Hint    string   `json:"hint,omitempty"`
	Options []string `json:"options,omitempty"`
	// Other adds a free-text line to a checklist.
	Other bool `json:"other,omitempty"`
	// Default pre-fills an empty answer; for dates "+7d" means a week from
	// today, or from the answer to DefaultFrom when that is set.
	Default string `json:"default,omitempty"`
	// DefaultFrom names an earlier date prompt that a date's Default counts
	// from: a follow-up a week after the day the request is sent, not a
	// week after today. With that prompt unanswered there is no default.
	DefaultFrom string `json:"default_from,omitempty"`
	// When asks the prompt only if, for every prompt it names, the answer
	// is one of the values listed; "" stands for no answer. It is written
	// {"intake.stage": ["final round"]}, and names only earlier choices.
	When map[string][]string `json:"when,omitempty"`
	// Timer offers an optional countdown while the prompt is answered: a
	// duration in whole minutes ("10m"), or TimerContinue.
	Timer string `json:"timer,omitempty"`
	// About marks every option of a checklist AboutThem or AboutYou.
	About map[string]string `json:"about,omitempty"`
	// Examples gives every option a one-line example, shown beside it.
	Examples map[string]string `json:"examples,omitempty"`
}

// Applies reports whether the prompt is asked, given the answers so far:
// answer returns the text saved for a prompt ID ("" for none). A prompt
// without When always applies.
func (p Prompt) Applies(answer func(id string) string) bool {
	for id, values := range p.When {
		if !slices.Contains(values, answer(id)) {
			return false
		}
	}
	return true
}

// TimerLength is the countdown a prompt offers, or 0 for none (and for
// TimerContinue, whose length is the previous prompt's).
func (p Prompt) TimerLength() time.Duration {
	d, err := parseTimer(p.Timer)
	if err != nil {
		return 0
	}
	return d
}

// Flow is the whole guided session, in order.
type Flow struct {
	Sections []Section `json:"sections"`
	// TenMinutes lists the prompt IDs of the short session, "Ten minutes
	// now": the check-in, the intake form, and one to three prompts of each
	// step. Every ID is a prompt of the whole session.
	TenMinutes []string `json:"ten_minutes"`

	// evidence is evidence.json: a sentence for each stage of the intake.
	evidence map[string]string
}

// Depth is how much of the flow a session walks. Both depths walk the same
// five steps; the short one asks fewer prompts in each.
type Depth string

const (
	// Whole is every prompt: "The whole session", about forty minutes. It
	// is also what "" means, for sessions saved before depths existed.
	Whole Depth = "whole"
	// TenMinutes is the short path, "Ten minutes now", the default.
	TenMinutes Depth = "ten_minutes"
	// Rest is what the short path skipped: "the rest of this session".
	Rest Depth = "rest"
)

// DepthChoice is one answer to "How long have you got?", as the app and
// plain mode offer it.
type DepthChoice struct {
	Depth      Depth
	Name, Hint string
}

// DepthChoices are the choices after the check-in, in the order offered:
// ten minutes first, the default for a session not yet begun.
var DepthChoices = []DepthChoice{
	{TenMinutes, "Ten minutes now", "one or two questions a step; the rest waits for you"},
	{Whole, "The whole session", "every question, about 40 minutes"},
}

// MaxTenMinutes is the most prompts the short path may ask, from the
// check-in to the summary. Each prompt counts, the intake form's included:
// tabbing through a field is still a question to read.
const MaxTenMinutes = 12

// Path lists the prompt IDs a depth asks, in flow order. An unknown depth
// and "" are the whole session.
func (f *Flow) Path(d Depth) []string {
	short := map[string]bool{}
	for _, id := range f.TenMinutes {
		short[id] = true
	}
	var ids []string
	for _, s := range f.Sections {
		for _, p := range s.Prompts {
			switch {
			case d == TenMinutes && !short[p.ID], d == Rest && short[p.ID]:
				continue
			}
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// InPath reports whether a depth asks the prompt with this ID.
func (f *Flow) InPath(d Depth, id string) bool {
	switch d {
	case TenMinutes:
		return slices.Contains(f.TenMinutes, id)
	case Rest:
		return !slices.Contains(f.TenMinutes, id)
	}
	return true
}

// Steps is the number of coaching steps (sections with Step > 0).
func (f *Flow) Steps() int {
	n := 0
	for _, s := range f.Sections {
		if s.Step > 0 {
			n++
		}
	}
	return n
}

// Prompt finds a prompt by ID and returns its section and prompt indexes.
func (f *Flow) Prompt(id string) (sec, prm int, ok bool) {
	for i, s := range f.Sections {
		for j, p := range s.Prompts {
			if p.ID == id {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// AdvicePoint maps one point of the advice digest (shared/ADVICE.md) to where
// the app makes it: a phrase that must appear in a step's tip, prompts, or both.
type AdvicePoint struct {
	// ID is "<step>.<bullet>", counting bullets from 1 under each step
	// heading, or "m.<bullet>" for the points under ADVICE.md's "Points the
	// first digest missed", which belong to no one step: their tip may be
	// any step's.
	ID      string   `json:"id"`
	Summary string   `json:"summary"`
	Tip     string   `json:"tip,omitempty"`     // section ID whose tip makes the point
	Phrase  string   `json:"phrase,omitempty"`  // words that must appear in that tip
	Prompts []string `json:"prompts,omitempty"` // prompt IDs that ask about it
}

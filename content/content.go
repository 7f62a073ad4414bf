// Package content holds rebound's words: the markdown tip for each step of a
// session and the flow of sections and prompts, as embedded files. Changing
// the advice means editing files here, not Go code; Load validates them so a
// broken edit fails the tests instead of reaching a user.
package content

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
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
// therapist. Load checks that the note is not empty.
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

// Load reads and validates the embedded flow, tips, advice map and letters.
func Load() (*Flow, []AdvicePoint, error) {
	flow, advice, err := load(files)
	if err != nil {
		return nil, nil, err
	}
	// The letters are checked here too, so that a broken one stops the
	// app at start-up rather than when a draft is first written.
	if _, err := LoadEmails(); err != nil {
		return nil, nil, err
	}
	if err := checkEmailOptions(flow); err != nil {
		return nil, nil, err
	}
	return flow, advice, nil
}

func load(fsys fs.FS) (*Flow, []AdvicePoint, error) {
	var flow Flow
	if err := decode(fsys, "flow.json", &flow); err != nil {
		return nil, nil, err
	}
	for i := range flow.Sections {
		s := &flow.Sections[i]
		if s.Step == 0 {
			continue
		}
		b, err := fs.ReadFile(fsys, "tips/"+s.ID+".md")
		if err != nil {
			return nil, nil, fmt.Errorf("content: tip for step %q: %w", s.ID, err)
		}
		s.Tip = string(b)
	}
	var advice []AdvicePoint
	if err := decode(fsys, "advice.json", &advice); err != nil {
		return nil, nil, err
	}
	if err := decode(fsys, "evidence.json", &flow.evidence); err != nil {
		return nil, nil, err
	}
	for _, note := range [][2]string{{"support.md", "support note"}, {"lowmood.md", "low-mood note"}} {
		name, what := note[0], note[1]
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, fmt.Errorf("content: %s: %w", what, err)
		}
		if strings.TrimSpace(string(b)) == "" {
			return nil, nil, fmt.Errorf("content: %s is empty: the app must always say where to find help", name)
		}
	}
	if err := validate(&flow, advice); err != nil {
		return nil, nil, err
	}
	return &flow, advice, nil
}

func decode(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("content: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("content: %s: %w", name, err)
	}
	return nil
}

// validate checks the flow and the advice map together, and reports every
// problem found, not only the first, as one joined error.
func validate(f *Flow, advice []AdvicePoint) error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf("content: "+format, a...)) }
	seen, sections := checkSections(bad, f)
	if f.Steps() == 0 {
		bad("the flow has no steps")
	}
	checkRetired(bad, f, seen)
	checkTenMinutes(bad, f, seen)
	checkEvidence(bad, f)
	checkAdvice(bad, f, advice, sections, seen)
	return errors.Join(errs...)
}

// checkSections checks the flow's sections and their prompts in order, and
// returns the prompt IDs seen and the sections by ID, which the later
// checks look names up in.
func checkSections(bad func(string, ...any), f *Flow) (map[string]bool, map[string]*Section) {
	seen := map[string]bool{}
	earlier := map[string]Prompt{} // the prompts before the one checked
	sections := map[string]*Section{}
	step := 0
	for i := range f.Sections {
		s := &f.Sections[i]
		if s.ID == "" || s.Title == "" {
			bad("section %d needs an id and a title", i)
		}
		if _, dup := sections[s.ID]; dup {
			bad("section id %q is used twice", s.ID)
		}
		sections[s.ID] = s
		if len(s.Prompts) == 0 {
			bad("section %q has no prompts", s.ID)
		}
		step = checkStep(bad, s, step)
		checkSectionPrompts(bad, s, seen, earlier)
	}
	return seen, sections
}

// checkStep checks a section's step number, which must count up from 1
// among the steps, and a step's tip, which must open with a heading and a
// gist. step is the number of steps before s; it returns the number up to
// and including s.
func checkStep(bad func(string, ...any), s *Section, step int) int {
	switch {
	case s.Step < 0:
		bad("section %q has a negative step %d", s.ID, s.Step)
	case s.Step > 0:
		step++
		if s.Step != step {
			bad("section %q is step %d but comes where step %d belongs", s.ID, s.Step, step)
		}
		switch tip := strings.TrimSpace(s.Tip); {
		case tip == "":
			bad("step %q has an empty tip", s.ID)
		case !strings.HasPrefix(tip, "## "):
			bad("the tip for step %q must start with a level-2 heading (## )", s.ID)
		case s.Gist() == "":
			bad("the tip for step %q must open, under its heading, with a one-line gist in bold (**…**)", s.ID)
		}
	}
	return step
}

// checkSectionPrompts checks the prompts of one section, each against the
// prompts before it: seen and earlier hold those of the earlier sections,
// and gain this section's.
func checkSectionPrompts(bad func(string, ...any), s *Section, seen map[string]bool, earlier map[string]Prompt) {
	var prev Prompt // the prompt before, in this section
	for _, p := range s.Prompts {
		switch {
		case p.ID == "":
			bad("a prompt in %q has no id", s.ID)
		case seen[p.ID]:
			bad("prompt id %q is used twice", p.ID)
		case !slices.Contains(kinds, p.Kind):
			bad("prompt %q has unknown kind %q", p.ID, p.Kind)
		case p.Label == "":
			bad("prompt %q has no label", p.ID)
		case (p.Kind == Choice || p.Kind == Checklist) && len(p.Options) == 0:
			bad("prompt %q needs options", p.ID)
		}
		checkPrompt(bad, p, earlier, prev)
		seen[p.ID] = true
		earlier[p.ID] = p
		prev = p
	}
}

// checkAdvice checks the advice map against the flow: each point's id, and
// where it is made, and then that every step's points are numbered without
// gaps.
func checkAdvice(bad func(string, ...any), f *Flow, advice []AdvicePoint, sections map[string]*Section, seen map[string]bool) {
	points := map[int][]int{} // step -> bullet numbers, in file order
	var missed []int          // the same for the missed points
	ids := map[string]bool{}
	for _, a := range advice {
		st, n, ok := parseAdviceID(a.ID)
		switch {
		case !ok:
			bad("advice id %q is not of the form <step>.<bullet>", a.ID)
		case st > f.Steps():
			bad("advice %s is for step %d, but the flow has %d steps", a.ID, st, f.Steps())
		case ids[a.ID]:
			bad("advice id %s is used twice", a.ID)
		case st == missedStep:
			missed = append(missed, n)
		default:
			points[st] = append(points[st], n)
		}
		ids[a.ID] = true
		checkAdviceMade(bad, a, st, ok, sections, seen)
	}
	checkAdviceNumbers(bad, f.Steps(), points, missed)
}

// checkAdviceMade checks where an advice point is made: a tip phrase that
// is in the tip of the step it belongs to, prompts that exist, or both. st
// and ok are what parseAdviceID made of its id.
func checkAdviceMade(bad func(string, ...any), a AdvicePoint, st int, ok bool, sections map[string]*Section, seen map[string]bool) {
	if a.Tip == "" && len(a.Prompts) == 0 {
		bad("advice %s is made nowhere: give it a tip phrase or prompts", a.ID)
	}
	if a.Tip == "" && a.Phrase != "" {
		bad("advice %s has a phrase but no tip to find it in", a.ID)
	}
	if a.Tip != "" {
		s, found := sections[a.Tip]
		switch {
		case !found || s.Step == 0:
			bad("advice %s names unknown step %q", a.ID, a.Tip)
		case ok && st != missedStep && s.Step != st:
			bad("advice %s belongs to step %d, but tip %q is step %d", a.ID, st, a.Tip, s.Step)
		case a.Phrase == "" || !strings.Contains(normalize(s.Tip), normalize(a.Phrase)):
			bad("advice %s: the %q tip does not contain %q", a.ID, a.Tip, a.Phrase)
		}
	}
	for _, id := range a.Prompts {
		if !seen[id] {
			bad("advice %s names unknown prompt %q", a.ID, id)
		}
	}
}

// checkAdviceNumbers checks that each of the flow's steps has advice, and
// that the points of each step, and the missed points, are numbered from 1
// without gaps, so that the map follows ADVICE.md's bullets.
func checkAdviceNumbers(bad func(string, ...any), steps int, points map[int][]int, missed []int) {
	for st := 1; st <= steps; st++ {
		ns := slices.Compact(slices.Sorted(slices.Values(points[st])))
		if len(ns) == 0 {
			bad("no advice is mapped for step %d", st)
			continue
		}
		if ns[0] != 1 || ns[len(ns)-1] != len(ns) {
			bad("advice for step %d must be numbered %d.1 to %d.%d without gaps, found %v", st, st, st, len(ns), ns)
		}
	}
	if ns := slices.Compact(slices.Sorted(slices.Values(missed))); len(ns) > 0 && (ns[0] != 1 || ns[len(ns)-1] != len(ns)) {
		bad("the missed points must be numbered m.1 to m.%d without gaps, found %v", len(ns), ns)
	}
}

// checkPrompt checks the fields a prompt may add to its kind: a condition
// on earlier answers, a timer, marks and examples for its options, and a
// default counted from another date.
func checkPrompt(bad func(string, ...any), p Prompt, earlier map[string]Prompt, prev Prompt) {
	for _, id := range slices.Sorted(maps.Keys(p.When)) {
		dep, ok := earlier[id]
		switch {
		case !ok:
			bad("prompt %q is asked when %q is answered, but that prompt does not come before it", p.ID, id)
		case dep.Kind != Choice:
			bad("prompt %q depends on %q, which is a %s; a condition can name only a choice", p.ID, id, dep.Kind)
		case len(p.When[id]) == 0:
			bad("prompt %q has an empty list of values for %q", p.ID, id)
		default:
			for _, v := range p.When[id] {
				if v != "" && !slices.Contains(dep.Options, v) {
					bad("prompt %q depends on %q being %q, which is not one of its options", p.ID, id, v)
				}
			}
		}
	}
	switch {
	case p.Timer == "":
	case p.Timer == TimerContinue:
		if prev.Timer == "" {
			bad("prompt %q continues a countdown, but the prompt before it in its section has none", p.ID)
		}
	default:
		if _, err := parseTimer(p.Timer); err != nil {
			bad("prompt %q: %v", p.ID, err)
		}
	}
	checkMarks(bad, p, "about", p.About, func(v string) bool { return v == AboutThem || v == AboutYou })
	checkMarks(bad, p, "examples", p.Examples, func(v string) bool {
		return strings.TrimSpace(v) == v && v != "" && !strings.ContainsAny(v, "\r\n") && utf8.RuneCountInString(v) <= maxExample
	})
	if p.DefaultFrom != "" {
		dep, ok := earlier[p.DefaultFrom]
		switch {
		case p.Kind != Date:
			bad("prompt %q has default_from but is a %s, not a date", p.ID, p.Kind)
		case !ok || dep.Kind != Date:
			bad("prompt %q counts its default from %q, which is not an earlier date prompt", p.ID, p.DefaultFrom)
		case !relativeDay.MatchString(p.Default):
			bad("prompt %q counts its default from %q, so its default must be a number of days or weeks ahead, like +7d; found %q", p.ID, p.DefaultFrom, p.Default)
		}
	}
}

// maxExample keeps an option's example to one short line beside it.
const maxExample = 100

// relativeDay is a date default counted forward from another date.
var relativeDay = regexp.MustCompile(`^\+[0-9]{1,3}[dw]$`)

// checkMarks checks a map that must give every option of a choice or
// checklist exactly one valid value, and nothing else.
func checkMarks(bad func(string, ...any), p Prompt, field string, marks map[string]string, valid func(string) bool) {
	if marks == nil {
		return
	}
	if p.Kind != Choice && p.Kind != Checklist {
		bad("prompt %q has %s, but a %s has no options to give them to", p.ID, field, p.Kind)
		return
	}
	for _, o := range p.Options {
		v, ok := marks[o]
		switch {
		case !ok:
			bad("prompt %q: option %q has no entry in %s", p.ID, o, field)
		case !valid(v):
			bad("prompt %q: option %q has %s %q, which is not allowed there", p.ID, o, field, v)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(marks)) {
		if !slices.Contains(p.Options, k) {
			bad("prompt %q: %s names %q, which is not one of its options", p.ID, field, k)
		}
	}
}

// parseTimer reads a countdown length: whole minutes, from 1 to 60.
func parseTimer(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d < time.Minute || d > time.Hour || d%time.Minute != 0 {
		return 0, fmt.Errorf("timer %q is not a whole number of minutes from 1m to 60m", s)
	}
	return d, nil
}

// checkRetired checks the prompts no longer asked: each is named and
// labelled, of a known kind, and its ID is not one the flow still asks.
func checkRetired(bad func(string, ...any), f *Flow, asked map[string]bool) {
	retired := map[string]bool{}
	for _, s := range f.Sections {
		for _, p := range s.Retired {
			switch {
			case p.ID == "":
				bad("a retired prompt in %q has no id", s.ID)
			case asked[p.ID] || retired[p.ID]:
				bad("retired prompt id %q is used twice", p.ID)
			case !slices.Contains(kinds, p.Kind):
				bad("retired prompt %q has unknown kind %q", p.ID, p.Kind)
			case p.Label == "":
				bad("retired prompt %q has no label", p.ID)
			}
			retired[p.ID] = true
		}
	}
}

// checkTenMinutes checks the short path: known prompts, each once, within
// MaxTenMinutes prompts, touching every coaching step, and starting at the
// check-in, so that the short session still opens by asking how you are.
func checkTenMinutes(bad func(string, ...any), f *Flow, seen map[string]bool) {
	if len(f.TenMinutes) == 0 {
		bad("the flow has no ten_minutes path")
		return
	}
	once := map[string]bool{}
	steps := map[int]bool{}
	for _, id := range f.TenMinutes {
		switch {
		case !seen[id]:
			bad("ten_minutes names unknown prompt %q", id)
			continue
		case once[id]:
			bad("ten_minutes names %q twice", id)
		}
		once[id] = true
		sec, _, _ := f.Prompt(id)
		steps[f.Sections[sec].Step] = true
	}
	if n := len(f.TenMinutes); n > MaxTenMinutes {
		bad("ten_minutes asks %d prompts; at most %d fit in ten minutes", n, MaxTenMinutes)
	}
	for st := 1; st <= f.Steps(); st++ {
		if !steps[st] {
			bad("ten_minutes skips step %d: the short session walks all the steps", st)
		}
	}
	if first := f.Path(Whole); len(first) > 0 && f.TenMinutes[0] != first[0] {
		bad("ten_minutes must start where the whole session does, at %q", first[0])
	}
}

// normalize lowercases text and collapses every run of white space to one
// space, so a phrase matches a tip however the markdown lines are wrapped.
func normalize(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// missedStep is the step parseAdviceID gives the missed points ("m.N").
const missedStep = 0

// parseAdviceID splits an advice id "<step>.<bullet>" into its two numbers,
// both 1 or more, or an id "m.<bullet>" into missedStep and the bullet; ok
// is false for anything else. ADVICE.md counts bullets from 1 under each
// heading, and so do the ids.
func parseAdviceID(id string) (step, bullet int, ok bool) {
	a, b, found := strings.Cut(id, ".")
	if !found {
		return 0, 0, false
	}
	if a == "m" {
		bullet, err := strconv.Atoi(b)
		if err != nil || bullet < 1 || strconv.Itoa(bullet) != b {
			return 0, 0, false
		}
		return missedStep, bullet, true
	}
	step, err1 := strconv.Atoi(a)
	bullet, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || step < 1 || bullet < 1 || strconv.Itoa(step) != a || strconv.Itoa(bullet) != b {
		return 0, 0, false
	}
	return step, bullet, true
}

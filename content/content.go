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
	"slices"
	"strconv"
	"strings"
)

//go:embed flow.json advice.json support.md tips/*.md
var files embed.FS

//go:embed support.md
var support string

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
)

var kinds = []Kind{Text, Textarea, List, Checklist, Choice, Date, Mood, Draft, Actions}

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
	// Default pre-fills an empty answer; for dates "+7d" means a week from today.
	Default string `json:"default,omitempty"`
}

// Flow is the whole guided session, in order.
type Flow struct {
	Sections []Section `json:"sections"`
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
	// ID is "<step>.<bullet>", counting bullets from 1 under each step heading.
	ID      string   `json:"id"`
	Summary string   `json:"summary"`
	Tip     string   `json:"tip,omitempty"`     // section ID whose tip makes the point
	Phrase  string   `json:"phrase,omitempty"`  // words that must appear in that tip
	Prompts []string `json:"prompts,omitempty"` // prompt IDs that ask about it
}

// Load reads and validates the embedded flow, tips and advice map.
func Load() (*Flow, []AdvicePoint, error) {
	return load(files)
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
	support, err := fs.ReadFile(fsys, "support.md")
	if err != nil {
		return nil, nil, fmt.Errorf("content: support note: %w", err)
	}
	if strings.TrimSpace(string(support)) == "" {
		return nil, nil, errors.New("content: support.md is empty: the app must always say where to find help")
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

func validate(f *Flow, advice []AdvicePoint) error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf("content: "+format, a...)) }
	seen := map[string]bool{}
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
			}
		}
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
			seen[p.ID] = true
		}
	}
	if f.Steps() == 0 {
		bad("the flow has no steps")
	}

	points := map[int][]int{} // step -> bullet numbers, in file order
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
		default:
			points[st] = append(points[st], n)
		}
		ids[a.ID] = true
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
			case ok && s.Step != st:
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
	for st := 1; st <= f.Steps(); st++ {
		ns := slices.Compact(slices.Sorted(slices.Values(points[st])))
		if len(ns) == 0 {
			bad("no advice is mapped for step %d", st)
			continue
		}
		if ns[0] != 1 || ns[len(ns)-1] != len(ns) {
			bad("advice for step %d must be numbered %d.1 to %d.%d without gaps, found %v", st, st, st, len(ns), ns)
		}
	}
	return errors.Join(errs...)
}

// normalize lowercases text and collapses every run of white space to one
// space, so a phrase matches a tip however the markdown lines are wrapped.
func normalize(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// parseAdviceID splits an advice id "<step>.<bullet>" into its two numbers,
// both 1 or more; ok is false for anything else. ADVICE.md counts bullets
// from 1 under each step heading, and so do the ids.
func parseAdviceID(id string) (step, bullet int, ok bool) {
	a, b, found := strings.Cut(id, ".")
	if !found {
		return 0, 0, false
	}
	step, err1 := strconv.Atoi(a)
	bullet, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || step < 1 || bullet < 1 || strconv.Itoa(step) != a || strconv.Itoa(bullet) != b {
		return 0, 0, false
	}
	return step, bullet, true
}

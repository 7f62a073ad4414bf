// Validation of the flow and the advice map: one function per kind of check.

package content

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

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

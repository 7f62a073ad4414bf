package content

import (
	"slices"
	"strings"
)

// The prompts the words below belong to. Their IDs are stable, like every
// prompt's; the coach reads their answers by these names.
const (
	// PromptStage is the intake's "stage reached": the evidence offered in
	// the thought record, and the feedback email's variant, depend on it.
	PromptStage = "intake.stage"
	// PromptChannel is how the no came: the feedback email's other variant.
	PromptChannel = "intake.channel"
	// PromptTraps is the thinking-trap checklist of the thought record.
	PromptTraps = "not_personal.traps"
	// PromptExplanations is the checklist whose options are marked About.
	PromptExplanations = "not_personal.explanations"
)

// Trap is a thinking trap of the thought record, with a one-line example
// of how it sounds after a job rejection, so it can be recognised.
type Trap struct {
	Name    string
	Example string
}

// Traps lists the thinking traps, in the order the checklist offers them:
// the options of PromptTraps with their examples. It is empty if the flow
// has no such prompt.
func (f *Flow) Traps() []Trap {
	sec, prm, ok := f.Prompt(PromptTraps)
	if !ok {
		return nil
	}
	p := f.Sections[sec].Prompts[prm]
	traps := make([]Trap, len(p.Options))
	for i, o := range p.Options {
		traps[i] = Trap{Name: o, Example: p.Examples[o]}
	}
	return traps
}

// StageEvidence is the sentence the thought record offers as evidence
// against the thought that hurts: how far the application got, and what
// that shows. It is "" for a stage the flow does not offer, or none.
func (f *Flow) StageEvidence(stage string) string { return f.evidence[stage] }

// checkEvidence requires a sentence for every stage the intake offers, and
// none for a stage it does not, so adding a stage means writing its line.
func checkEvidence(bad func(string, ...any), f *Flow) {
	var stages []string
	if sec, prm, ok := f.Prompt(PromptStage); ok {
		stages = f.Sections[sec].Prompts[prm].Options
	}
	for _, st := range stages {
		if strings.TrimSpace(f.evidence[st]) == "" {
			bad("evidence.json has no sentence for the stage %q", st)
		}
	}
	for st := range f.evidence {
		if !slices.Contains(stages, st) {
			bad("evidence.json has a sentence for %q, which is not a stage of %s", st, PromptStage)
		}
	}
}

// LowMoodAtMost is the highest check-in score that counts as low: at this
// score or under, the next screen is the low-mood note.
const LowMoodAtMost = 3

// IsLowMood reports whether a check-in score (1 to 10) is low enough to
// show LowMood first. 0, no score, is not.
func IsLowMood(score int) bool { return score >= 1 && score <= LowMoodAtMost }

// LowMood is the short note shown after a low check-in, as plain text on
// one line: that this is a hard moment, one person to message today, and
// where to turn if you feel unsafe. It names no number of any country's,
// since rebound cannot know where its user is.
func LowMood() string { return strings.Join(strings.Fields(lowMood), " ") }

package coach

import (
	"errors"
	"strconv"
	"strings"

	"github.com/rebound-coach/rebound/content"
)

// errPercent is what a percentage that cannot be read gets, said as the
// fix.
var errPercent = errors.New("write a whole number from 0 to 100")

// ParsePercent reads a percentage prompt's answer: a whole number from 0
// to 100, with or without a "%" after it.
func ParsePercent(s string) (int, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 100 || strings.HasPrefix(s, "+") {
		return 0, errPercent
	}
	return n, nil
}

// Belief is how strongly the thought that hurts was believed before and
// after the balanced thought, 0 to 100, with whether each was answered.
type Belief struct {
	Before, After       int
	HasBefore, HasAfter bool
}

// Belief reads the thought record's two percentages.
func (s *Session) Belief() Belief {
	var b Belief
	b.Before, b.HasBefore = percent(s.Answers[PromptBeliefBefore].Text)
	b.After, b.HasAfter = percent(s.Answers[PromptBeliefAfter].Text)
	return b
}

func percent(text string) (int, bool) {
	n, err := ParsePercent(text)
	return n, err == nil
}

// AboutThem lists the explanations ticked whose option the flow marks as
// about them (the role, the company, their process): the answer to "which
// of those are about them", derived instead of asked again. An explanation
// typed under "other" carries no mark and is not counted.
func AboutThem(s *Session, flow *content.Flow) []string {
	sec, prm, ok := flow.Prompt(content.PromptExplanations)
	if !ok {
		return nil
	}
	about := flow.Sections[sec].Prompts[prm].About
	var them []string
	for _, it := range s.Answers[content.PromptExplanations].Items {
		if about[it] == content.AboutThem {
			them = append(them, it)
		}
	}
	return them
}

package app

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/chart"
)

// TestInsightsSuggestNarrowingTheSearch: a stage reached three times links
// to the advice on narrowing the search; twice does not.
func TestInsightsSuggestNarrowingTheSearch(t *testing.T) {
	for _, n := range []int{2, 3} {
		ins := coach.Insights{Sessions: n, Stages: []coach.Count{{Text: "final round", Count: n}}}
		out := strings.Join(strings.Fields(ansi.Strip(chart.Insights(ins, 80, theme.NewStyles(true, true)))), " ")
		shown := strings.Contains(out, "When the same thing keeps happening") && strings.Contains(out, "final round ×3") &&
			strings.Contains(out, "narrow the search") && strings.Contains(out, "Restart's tip (step 5)")
		if shown != (n >= coach.RepeatAt) {
			t.Errorf("at %d: the suggestion shown %v:\n%s", n, shown, out)
		}
	}
}

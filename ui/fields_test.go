package ui

import (
	"slices"
	"testing"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/theme"
)

func TestValuesOutsideTheOptionsAreKept(t *testing.T) {
	st := theme.NewStyles(true, false)
	choice := newChoiceField(content.Prompt{Kind: content.Choice, Options: []string{"yes", "no"}}, "perhaps")
	if got := choice.Answer().Text; got != "perhaps" {
		t.Errorf("choice answer %q, want the saved value kept", got)
	}
	list := newChecklistField(content.Prompt{Kind: content.Checklist, Options: []string{"a", "b"}},
		coach.Answer{Items: []string{"b", "old option"}}, &st)
	if got := list.Answer().Items; !slices.Equal(got, []string{"b", "old option"}) {
		t.Errorf("checklist answer %q, want the saved items kept", got)
	}
}

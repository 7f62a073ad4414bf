package field

import (
	"fmt"
	"slices"
	"testing"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
)

func TestValuesOutsideTheOptionsAreKept(t *testing.T) {
	st := theme.NewStyles(true, false)
	choice := NewChoice(content.Prompt{Kind: content.Choice, Options: []string{"yes", "no"}}, "perhaps", keys.Default().Field)
	if got := choice.Answer().Text; got != "perhaps" {
		t.Errorf("choice answer %q, want the saved value kept", got)
	}
	list := NewChecklist(content.Prompt{Kind: content.Checklist, Options: []string{"a", "b"}},
		coach.Answer{Items: []string{"b", "old option"}}, &st, keys.Default().Field)
	if got := list.Answer().Items; !slices.Equal(got, []string{"b", "old option"}) {
		t.Errorf("checklist answer %q, want the saved items kept", got)
	}
}

// TestInputsFollowTheTheme: a field made before the terminal answered
// (rebound new opens a session at once) takes the light theme's colours
// when they come.
func TestInputsFollowTheTheme(t *testing.T) {
	dark, light := theme.NewStyles(true, false), theme.NewStyles(false, false)
	f := NewText(content.Prompt{Kind: content.Text, Hint: "a hint"}, "", &dark)
	f.Focus()
	_ = f.View(&dark, true)
	_ = f.View(&light, true)
	want := light.Input.Focused.Placeholder.GetForeground()
	if got := f.in.Styles().Focused.Placeholder.GetForeground(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("placeholder %v after a light background, want the light theme's %v", got, want)
	}
	if fmt.Sprint(want) == fmt.Sprint(dark.Input.Focused.Placeholder.GetForeground()) {
		t.Fatal("the two themes' placeholders are the same colour: the test shows nothing")
	}
}

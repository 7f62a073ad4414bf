package app

import (
	"image/color"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/theme/themetest"
)

// TestThemeAndTheTerminalsBackground: a chosen theme keeps its colours
// whatever background the terminal reports; auto follows it.
func TestThemeAndTheTerminalsBackground(t *testing.T) {
	tests := []struct {
		name     string
		theme    theme.Theme
		bg       color.Color
		wantDark bool
		wantNone bool
	}{
		{name: "auto on light", theme: theme.Auto, bg: color.White, wantDark: false},
		{name: "auto on dark", theme: theme.Auto, bg: color.Black, wantDark: true},
		{name: "light on dark", theme: theme.Light, bg: color.Black, wantDark: false},
		{name: "dark on light", theme: theme.Dark, bg: color.White, wantDark: true},
		{name: "none on light", theme: theme.None, bg: color.White, wantDark: true, wantNone: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newDriver(t, 80, 24, func(o *Options) { o.Theme = tt.theme })
			d.press("enter")
			d.tabTo("step_back.outside")
			d.send(tea.BackgroundColorMsg{Color: tt.bg})
			st := d.m.deps.Styles
			if d.m.isDark != tt.wantDark || st.IsDark != tt.wantDark || st.NoColor != tt.wantNone {
				t.Errorf("dark %v (styles %v), no colour %v; want dark %v, no colour %v",
					d.m.isDark, st.IsDark, st.NoColor, tt.wantDark, tt.wantNone)
			}
			if k := d.m.tipsKey; k.Dark != tt.wantDark || k.NoColor != tt.wantNone {
				t.Errorf("the tips are rendered for %+v", k)
			}
		})
	}
}

// TestThemeNoneViewsHaveNoColour: with theme none, the raw frames of home
// and of a step with its Glamour tip hold no colour sequence at all, even
// when the terminal reports its background.
func TestThemeNoneViewsHaveNoColour(t *testing.T) {
	d := newDriver(t, 80, 24, func(o *Options) { o.Theme = theme.None })
	d.send(tea.BackgroundColorMsg{Color: color.White})
	check := func(screen string) {
		t.Helper()
		v := d.m.View().Content
		if got := themetest.ColourSequences(v); len(got) > 0 {
			t.Errorf("%s has colour with theme none: %q", screen, slices.Compact(got))
		}
		if !strings.Contains(v, "\x1b[") {
			t.Errorf("%s has no styles at all: the check saw nothing", screen)
		}
	}
	check("home")
	d.press("enter")
	d.tabTo("step_back.outside")
	if d.m.deps.Tips["step-back"] == "" || !strings.Contains(d.view(), firstWords(t, d)) {
		t.Fatalf("the step's tip is not on screen:\n%s", d.view())
	}
	check("the step back step")
	d.press("?")
	check("the step with its full help")
}

// firstWords are the first words of the step-back tip as rendered, to know
// that the screen checked shows it.
func firstWords(t *testing.T, d *driver) string {
	t.Helper()
	tip := strings.Fields(ansi.Strip(d.m.deps.Tips["step-back"]))
	if len(tip) < 2 {
		t.Fatalf("the step-back tip is %q", d.m.deps.Tips["step-back"])
	}
	return tip[0] + " " + tip[1]
}

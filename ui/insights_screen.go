package ui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/markdown"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/chart"
)

// insightsLoadedMsg carries the insights worked out across every session.
type insightsLoadedMsg struct {
	ins      coach.Insights
	practice coach.PracticeInsights
	err      error
}

// insightsScreen shows the patterns across sessions, scrollable.
type insightsScreen struct {
	deps     *deps
	vp       viewport.Model
	ins      *coach.Insights
	practice coach.PracticeInsights
	err      error
	width    int
	drawn    markdown.Key // the width and theme the viewport content was drawn for
	exits
}

func newInsightsScreen(d *deps) *insightsScreen {
	vp := viewport.New()
	vp.MouseWheelEnabled = false
	return &insightsScreen{deps: d, vp: vp}
}

// load reads the summaries and the practice rounds and works the insights
// out, in a command.
func (s *insightsScreen) load() tea.Cmd {
	store, now, bank := s.deps.store, s.deps.now(), s.deps.bank
	return func() tea.Msg {
		sums, _, err := store.Summaries()
		entries, _, perr := store.Practices()
		if err == nil {
			err = perr
		}
		return insightsLoadedMsg{ins: coach.ComputeInsights(sums, now), err: err,
			practice: coach.ComputePracticeInsights(coach.FlaggedQuestions(sums, coach.BankQuestions(bank)), coach.Tracks(entries))}
	}
}

func (s *insightsScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case insightsLoadedMsg:
		s.ins, s.practice, s.err = &msg.ins, msg.practice, msg.err
		s.drawn = markdown.Key{}
		s.redraw()
		return nil
	case tea.KeyPressMsg:
		k := s.deps.keys
		switch {
		case key.Matches(msg, k.Home):
			s.goTo(exit{to: homePage})
			return nil
		case key.Matches(msg, k.QuitHome):
			return tea.Quit
		}
	}
	return keys.Scroll(&s.vp, s.deps.keys, msg)
}

// redraw draws the insights for the current width and theme, once for each.
func (s *insightsScreen) redraw() {
	st := &s.deps.styles
	k := markdown.Key{Width: s.width, Dark: st.IsDark, NoColor: st.NoColor}
	if s.ins == nil || s.width < 1 || s.drawn == k {
		return
	}
	s.drawn = k
	w := min(s.width, theme.MaxTextWidth)
	s.vp.SetContent(chart.Insights(*s.ins, w, s.deps.styles) + "\n" + chart.Practice(s.practice, w, s.deps.styles))
}

func (s *insightsScreen) Title() string  { return "Insights" }
func (s *insightsScreen) Status() string { return "" }

func (s *insightsScreen) SetSize(w, h int) {
	s.width = w
	s.vp.SetWidth(w)
	s.vp.SetHeight(h)
	s.redraw()
}

func (s *insightsScreen) View() string {
	st := &s.deps.styles
	switch {
	case s.err != nil:
		return st.Error.Width(max(1, s.width)).Render("Can't read saved sessions (" + reason(s.err) + ").")
	case s.ins == nil:
		return st.Muted.Render("Working out your insights…")
	}
	return s.vp.View()
}

func (s *insightsScreen) ShortHelp() []key.Binding {
	k := s.deps.keys
	return []key.Binding{withHelp(k.Up, "↑/↓ pgup/pgdn", "scroll"), withHelp(k.Home, "esc", "home"), k.QuitHome}
}

func (s *insightsScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

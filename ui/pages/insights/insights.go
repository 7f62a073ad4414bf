// Package insights is the page of patterns across sessions and practice.
package insights

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
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

// Page shows the patterns across sessions, scrollable.
type Page struct {
	deps     *common.Context
	vp       viewport.Model
	ins      *coach.Insights
	practice coach.PracticeInsights
	err      error
	width    int
	drawn    markdown.Key // the width and theme the viewport content was drawn for
	common.Exits
}

func New(d *common.Context) *Page {
	vp := viewport.New()
	vp.MouseWheelEnabled = false
	return &Page{deps: d, vp: vp}
}

// Load reads the summaries and the practice rounds and works the insights
// out, in a command.
func (s *Page) Load() tea.Cmd {
	store, now, bank := s.deps.Store, s.deps.Now(), s.deps.Bank
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

func (s *Page) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case insightsLoadedMsg:
		s.ins, s.practice, s.err = &msg.ins, msg.practice, msg.err
		s.drawn = markdown.Key{}
		s.Redraw()
		return nil
	case tea.KeyPressMsg:
		k := s.deps.Keys
		switch {
		case key.Matches(msg, k.Home):
			s.GoTo(common.Exit{To: common.Home})
			return nil
		case key.Matches(msg, k.QuitHome):
			return tea.Quit
		}
	}
	return keys.Scroll(&s.vp, s.deps.Keys, msg)
}

// Redraw draws the insights for the current width and theme, once for each.
func (s *Page) Redraw() {
	st := &s.deps.Styles
	k := markdown.Key{Width: s.width, Dark: st.IsDark, NoColor: st.NoColor}
	if s.ins == nil || s.width < 1 || s.drawn == k {
		return
	}
	s.drawn = k
	w := min(s.width, theme.MaxTextWidth)
	s.vp.SetContent(chart.Insights(*s.ins, w, s.deps.Styles) + "\n" + chart.Practice(s.practice, w, s.deps.Styles))
}

func (s *Page) Title() string  { return "Insights" }
func (s *Page) Status() string { return "" }

func (s *Page) SetSize(w, h int) {
	s.width = w
	s.vp.SetWidth(w)
	s.vp.SetHeight(h)
	s.Redraw()
}

func (s *Page) View() string {
	st := &s.deps.Styles
	switch {
	case s.err != nil:
		return st.Error.Width(max(1, s.width)).Render("Can't read saved sessions (" + common.Reason(s.err) + ").")
	case s.ins == nil:
		return st.Muted.Render("Working out your insights…")
	}
	return s.vp.View()
}

func (s *Page) ShortHelp() []key.Binding {
	k := s.deps.Keys
	return []key.Binding{k.Document.Scroll, k.Document.Home, k.QuitHome}
}

func (s *Page) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

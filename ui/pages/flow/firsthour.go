package flow

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/theme"
)

// Interlude is a screen of the flow between the check-in and the intake
// that asks no prompt: the note after a low check-in, and the choice of
// depth. Neither is stored as an answer; the depth is the session's.
type Interlude int

const (
	NoInterlude Interlude = iota
	LowMoodNote
	DepthChoice
	SignName // whose name signs the letters: see letters.go
)

// afterCheckIn reports whether leaving the current prompt forward passes
// through the interludes: from the check-in of a session walked from the
// start, not while editing it from the opened session.
func (f *Page) afterCheckIn() bool {
	return f.editing == "" && f.walk.Prompt().ID == coach.PromptMoodBefore && f.Session().Depth != content.Rest
}

// startInterlude opens the low-mood note when the check-in was low, the
// choice of depth otherwise, with the cursor on the session's depth, or on
// ten minutes for a session not yet begun.
func (f *Page) startInterlude() {
	f.interlude = DepthChoice
	if content.IsLowMood(f.Session().Current(coach.PromptMoodBefore).Score) {
		f.interlude = LowMoodNote
	}
	f.depth = 0
	// A whole session is saved with no depth ("", as sessions from before
	// depths are), never as content.Whole.
	if f.Session().BegunWhole() {
		f.depth = 1
	}
}

// updateInterlude takes the keys of the interludes: enter goes on, and
// shift+tab goes back to the check-in. Esc and the quitting keys work as on
// any prompt.
func (f *Page) updateInterlude(msg tea.Msg) tea.Cmd {
	if f.interlude == SignName {
		return f.updateSignName(msg)
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	keys := f.deps.Keys
	switch {
	case key.Matches(k, keys.Prev):
		f.interlude = NoInterlude
		return f.Field().Focus()
	case key.Matches(k, keys.Home):
		f.interlude = NoInterlude
		f.GoTo(common.Exit{To: common.Home})
		return f.deps.Save(f.Session())
	case f.interlude == LowMoodNote && key.Matches(k, keys.Enter, keys.Next, keys.Toggle):
		f.interlude = DepthChoice
	case f.interlude == DepthChoice && key.Matches(k, keys.Up):
		f.depth = 0
	case f.interlude == DepthChoice && key.Matches(k, keys.Down):
		f.depth = 1
	case f.interlude == DepthChoice && key.Matches(k, keys.Flow.Depth):
		f.depth = int(k.String()[0] - '1')
	case f.interlude == DepthChoice && key.Matches(k, keys.Enter, keys.Next):
		f.interlude = NoInterlude
		now := f.deps.Now()
		f.walk.SetDepth(content.DepthChoices[f.depth].Depth, now)
		if f.walk.Next(now) {
			f.GoTo(common.Exit{To: common.Summary})
			return f.deps.Save(f.Session())
		}
		f.buildSection()
		return tea.Batch(f.Field().Focus(), f.deps.Save(f.Session()))
	}
	return nil
}

// interludeView draws the note or the choice.
func (f *Page) interludeView() string {
	st := &f.deps.Styles
	w := min(f.width, theme.MaxTextWidth)
	if f.interlude == SignName {
		return f.signNameView()
	}
	if f.interlude == LowMoodNote {
		return lipgloss.JoinVertical(lipgloss.Left,
			st.Label.Width(w).Render("Before the five steps"), "",
			st.Intro.Width(w).Render(content.LowMood()))
	}
	rows := []string{st.Label.Width(w).Render("How long have you got?"), ""}
	for i, d := range content.DepthChoices {
		marker, dot, name := "  ", "○ ", st.Option
		if i == f.depth {
			marker, dot, name = st.Cursor.Render("› "), "● ", st.Selected
		}
		rows = append(rows, marker+name.Render(dot+d.Name), "    "+st.Hint.Width(max(1, w-4)).Render(d.Hint))
	}
	rows = append(rows, "", st.Muted.Width(w).Render("Either way the same five steps, in the same file."))
	return strings.Join(rows, "\n")
}

// interludeHelp is the footer of the interludes.
func (f *Page) interludeHelp() []key.Binding {
	k := f.deps.Keys
	if f.interlude == SignName {
		return f.signNameHelp()
	}
	if f.interlude == LowMoodNote {
		return []key.Binding{k.Flow.GoOn, k.Flow.Back, k.Home, k.Flow.Quit}
	}
	return []key.Binding{k.Flow.Choose, k.Flow.Start,
		k.Flow.Back, k.Home, k.Flow.Quit}
}

// lastPlanMsg carries the if-then plan written last time, for the check-in.
type lastPlanMsg struct{ plan string }

// LastPlan finds the newest if-then plan of any session but this one, in a
// command: the store is read outside Update.
func LastPlan(store *coach.Store, id string) tea.Cmd {
	return func() tea.Msg {
		sums, _, err := store.Summaries()
		if err != nil {
			return nil
		}
		for _, s := range sums { // newest first
			if s.ID != id && strings.TrimSpace(s.Plan) != "" {
				return lastPlanMsg{plan: s.Plan}
			}
		}
		return nil
	}
}

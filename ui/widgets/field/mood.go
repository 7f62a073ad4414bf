package field

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/theme"
)

// moodField is a 1 to 10 score (arrows, or digits with 0 for 10) and an
// optional word, typed straight in: letters go to the word, digits to the score.
type Mood struct {
	score  int
	word   textinput.Model
	styled styledFor
	keys   keys.Field
	plain
}

func newMood(a coach.Answer, st *theme.Styles, km keys.Field) *Mood {
	return &Mood{score: a.Score, keys: km, word: NewInput(st, a.Text, "a word for it (optional)")}
}

func (f *Mood) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		s := k.String()
		switch {
		case keys.Is(s, f.keys.ScoreDown):
			f.score = max(1, f.score-1)
			return nil
		case keys.Is(s, f.keys.ScoreUp):
			f.score = min(10, max(1, f.score+1))
			return nil
		case keys.Is(s, f.keys.Digits):
			f.score = int(s[0] - '0')
			if f.score == 0 {
				f.score = 10
			}
			return nil
		}
	}
	return UpdateInput(&f.word, msg)
}

func (f *Mood) View(st *theme.Styles, focused bool) string {
	if f.styled.changed(st) {
		f.word.SetStyles(st.Input)
	}
	var scale strings.Builder
	for i := 1; i <= 10; i++ {
		n := fmt.Sprintf(" %d ", i)
		if i == f.score {
			scale.WriteString(st.MoodOn.Render("[" + strconv.Itoa(i) + "]"))
		} else {
			scale.WriteString(st.MoodOff.Render(n))
		}
	}
	ends := st.Muted.Render("awful" + strings.Repeat(" ", 22) + "fine")
	return lipgloss.JoinVertical(lipgloss.Left,
		scale.String(), ends, "",
		st.Muted.Render("Word: ")+coach.Visible(f.word.View()))
}

// KeyBinds are the arrows and digits that score.
func (f *Mood) KeyBinds() []key.Binding { return []key.Binding{f.keys.ScoreUp} }

func (f *Mood) Answer() coach.Answer {
	return coach.Answer{Score: f.score, Text: strings.TrimSpace(coach.Raw(f.word.Value()))}
}

func (f *Mood) Focus() tea.Cmd   { return f.word.Focus() }
func (f *Mood) Blur()            { f.word.Blur() }
func (f *Mood) SetSize(w, _ int) { f.word.SetWidth(max(1, w-6)) }
func (f *Mood) Multiline() bool  { return false }
func (f *Mood) Typing() bool     { return true }

// maxActions is how many rows the actions editor offers for a new plan: a
// short plan is one that gets done. A session that holds more (written by
// hand, or by another version) gets a row for each.
const maxActions = 5

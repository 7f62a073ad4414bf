package editor

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/ui/keys"
)

// answer5k is a 5,000-character answer of one paragraph: the worst case,
// where the whole text re-wraps.
func answer5k() string {
	return strings.Repeat("I had not prepared the metrics question well enough. ", 100)[:4999]
}

// BenchmarkKeystroke is one key typed into a 5,000-character answer, then
// drawn: the editor against bubbles' textarea at the same size, the reason
// the editor exists.
func BenchmarkKeystroke(b *testing.B) {
	k := tea.KeyPressMsg{Code: 'a', Text: "a"}
	b.Run("editor", func(b *testing.B) {
		e := New(answer5k(), keys.DefaultEditor())
		e.SetSize(78, 8)
		e.Focus()
		b.ReportAllocs()
		for b.Loop() {
			e.Update(k)
			_ = e.View()
		}
	})
	b.Run("textarea", func(b *testing.B) {
		ta := textarea.New()
		ta.SetWidth(78)
		ta.SetHeight(8)
		ta.CharLimit, ta.MaxHeight = 0, 0
		ta.SetValue(answer5k())
		ta.Focus()
		b.ReportAllocs()
		for b.Loop() {
			ta, _ = ta.Update(k)
			_ = ta.View()
		}
	})
}

package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// longAnswer puts the flow on a multi-line prompt holding a 5,000-character
// answer, as a long reflection would be.
func longAnswer(t *testing.T, paragraphs int) *driver {
	d := newDriver(t, 80, 24)
	d.press("enter")
	d.tabTo("reflect.unprepared")
	per := 5000 / paragraphs
	var b strings.Builder
	for range paragraphs {
		b.WriteString(strings.Repeat("I had not prepared the metrics question well enough. ", 100)[:per-1] + "\n")
	}
	d.send(tea.PasteMsg{Content: b.String()})
	return d
}

// BenchmarkKeystrokeLongAnswer measures what one keystroke costs in a
// 5,000-character answer: Update plus View, as Bubble Tea runs them.
// The answer is one paragraph (the worst case: the whole text re-wraps) or
// ten (a long answer as people write it).
func BenchmarkKeystrokeLongAnswer(b *testing.B) {
	for _, paragraphs := range []int{1, 10} {
		b.Run(itoa(paragraphs)+"-paragraphs", func(b *testing.B) {
			d := longAnswer(&testing.T{}, paragraphs)
			key := tea.KeyPressMsg{Code: 'a', Text: "a"}
			b.ReportAllocs()
			for b.Loop() {
				_, _ = d.m.Update(key)
				_ = d.m.View()
			}
		})
	}
}

// TestKeystrokesNeverRenderMarkdown: Glamour costs milliseconds, so typing
// must never cause a render; tips are rendered once per width and theme.
func TestKeystrokesNeverRenderMarkdown(t *testing.T) {
	d := longAnswer(t, 1)
	for _, r := range "some more typing, with enter\nand backspace" {
		msg := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == '\n' {
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		}
		_, cmd := d.m.Update(msg)
		for _, m := range collect(cmd) {
			switch m.(type) {
			case tipsRenderedMsg, summaryRenderedMsg:
				t.Fatalf("typing %q started a markdown render", r)
			}
		}
	}
	// A resize does render, once: the test above would catch nothing if
	// renders could not be seen this way.
	_, cmd := d.m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	renders := 0
	for _, m := range collect(cmd) {
		if _, ok := m.(tipsRenderedMsg); ok {
			renders++
		}
	}
	if renders != 1 {
		t.Errorf("a resize started %d tip renders, want 1", renders)
	}
}

// collect runs a command and the batches inside it, and returns the messages.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, collect(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

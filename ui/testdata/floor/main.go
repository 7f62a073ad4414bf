// Command floor is the smallest program built on rebound's stack: Bubble
// Tea v2, bubbles' text input and Glamour, each imported and used. It is
// what the start-up and key-echo measurement in main_test.go
// (TestMeasureFloor) compares rebound against: whatever rebound takes
// beyond it is rebound's own work, whatever it shares is the stack's.
//
// It lives under testdata so that go build ./..., go vet ./... and go test
// ./... pass it by; the measurement builds it by its path:
//
//	go build -o /tmp/floor ./ui/testdata/floor
//	/tmp/floor -fps 120
//
// Like rebound it asks the terminal's background colour to pick Glamour's
// style, renders its markdown tip in a command (never in View), runs in the
// alternate screen and echoes keys in a one-line field.
package main

import (
	"flag"
	"fmt"
	"os"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
)

// ReadyText is on the first frame; the measurement waits for it.
const readyText = "floor ready"

// tip is a small markdown text of the kind rebound renders for each step.
const tip = `## A tip

Most rejections say more about **the number of people** who applied than
about you. Write down *one* thing that went well.

- name it
- keep it
`

type renderedMsg struct {
	text string
	err  error
}

type model struct {
	input  textinput.Model
	width  int
	dark   bool
	tip    string
	errMsg string
}

func newModel() model {
	in := textinput.New()
	in.Prompt = "Word: "
	in.SetWidth(60)
	in.Focus()
	return model{input: in, width: 80, dark: true}
}

func (m model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, render(tip, m.width, m.dark))
}

// render renders md for width in a command, as rebound does.
func render(md string, width int, dark bool) tea.Cmd {
	return func() tea.Msg {
		style := styles.DarkStyleConfig
		if !dark {
			style = styles.LightStyleConfig
		}
		r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(max(10, width-4)))
		if err != nil {
			return renderedMsg{err: err}
		}
		out, err := r.Render(md)
		return renderedMsg{text: out, err: err}
	}
}

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch msg.String() {
		case "ctrl+c", "esc":
			return m, tea.Quit
		}
	case tea.WindowSizeMsg:
		if msg.Width != m.width {
			m.width = msg.Width
			return m, render(tip, m.width, m.dark)
		}
		return m, nil
	case tea.BackgroundColorMsg:
		if msg.IsDark() != m.dark {
			m.dark = msg.IsDark()
			return m, render(tip, m.width, m.dark)
		}
		return m, nil
	case renderedMsg:
		m.tip, m.errMsg = msg.text, ""
		if msg.err != nil {
			m.errMsg = msg.err.Error()
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

func (m model) View() tea.View {
	v := tea.NewView(readyText + "\n\n" + m.input.View() + "\n" + m.tip + m.errMsg)
	v.AltScreen = true
	return v
}

func main() {
	fps := flag.Int("fps", 60, "the most frames a second Bubble Tea draws (60 is its default, 120 its most)")
	flag.Parse()
	if _, err := tea.NewProgram(newModel(), tea.WithFPS(*fps)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

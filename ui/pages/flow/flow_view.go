package flow

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/theme"
)

// Layout gives the fields and the tip their sizes for the current screen.
func (f *Page) Layout() {
	if f.width <= 0 || f.height <= 0 {
		return
	}
	w := min(f.width, theme.MaxTextWidth)
	if f.name != nil {
		f.name.SetSize(w-2, 1)
	}
	for i, fl := range f.fields {
		lines := 3
		if !f.isForm() {
			lines = common.Clamp(f.height/3, 3, 10)
		}
		fl.SetSize(w-2, lines)
		if f.isForm() && i == len(f.fields)-1 {
			// The last form field (the pasted message) gets what is left.
			used := lipgloss.Height(f.formView())
			fl.SetSize(w-2, common.Clamp(f.height-used+lines, 1, 8))
		}
	}
	if !f.isForm() {
		f.tip.SetWidth(f.width)
		f.promptHeight = lipgloss.Height(f.promptView())
		f.tip.SetHeight(max(0, f.height-f.promptHeight-1))
		f.redrawTip()
	}
}

func (f *Page) View() string {
	if f.interlude != NoInterlude {
		return f.interludeView()
	}
	if f.isForm() {
		return f.formView()
	}
	rule := f.rule()
	if f.tip.Height() == 0 {
		return rule + "\n" + f.promptView()
	}
	return f.tipView + "\n" + rule + "\n" + f.promptView()
}

// redrawTip keeps the tip's drawing, which costs more than the rest of a
// frame, for View to reuse until the tip scrolls, resizes or changes.
func (f *Page) redrawTip() { f.tipView = f.tip.View() }

// rule separates the tip from the prompt, and says when more of the tip is
// below: the tip is the advice, and easy to miss in a short window.
func (f *Page) rule() string {
	w := min(f.width, theme.MaxTextWidth)
	label := ""
	switch {
	case f.tip.Height() == 0 && f.tip.TotalLineCount() > 0:
		label = " tip hidden: make the window taller "
	case !f.tip.AtBottom():
		label = " more of the tip below · pgdn "
	}
	if lipgloss.Width(label)+4 > w {
		label = ""
	}
	return f.deps.Styles.Rule.Render("──" + label + strings.Repeat("─", max(0, w-2-lipgloss.Width(label))))
}

// promptView is the focused prompt of a step: its question, hint and field.
func (f *Page) promptView() string {
	st := &f.deps.Styles
	p := f.walk.Prompt()
	w := min(f.width, theme.MaxTextWidth)
	lines := []string{st.Label.Width(w).Render(p.Label)}
	if p.Hint != "" && p.Kind != content.Text {
		lines = append(lines, st.Hint.Width(w).Render(p.Hint))
	}
	lines = append(lines, f.Field().View(st, true))
	if f.timed() {
		lines = append(lines, st.Muted.Width(w).Render(f.timerLine()))
	}
	return strings.Join(lines, "\n")
}

// formView shows every prompt of a section at once, as the intake and the
// check-ins do: single-line fields beside their labels, the others below.
func (f *Page) formView() string {
	st := &f.deps.Styles
	sec := f.walk.Section()
	w := min(f.width, theme.MaxTextWidth)
	cur := f.focused()
	const labelW = 15
	var rows []string
	if sec.Intro != "" {
		rows = append(rows, st.Intro.Width(w).Render(sec.Intro), "")
	}
	if f.plan != "" && f.walk.Prompt().ID == coach.PromptMoodBefore {
		rows = append(rows, st.Muted.Render(theme.Fit("If another no came, you planned to: "+
			coach.Inert(coach.OneLine(f.plan)), max(1, w))), "")
	}
	for i, p := range sec.Prompts {
		label := st.LabelDim
		marker := "  "
		if i == cur {
			label, marker = st.Label, st.Cursor.Render("› ")
		}
		fv := f.fields[i].View(st, i == cur)
		if len(sec.Prompts) > 1 && !f.fields[i].Multiline() && p.Kind != content.Mood {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top,
				marker, label.Width(labelW).Render(p.Label), lipgloss.NewStyle().Width(max(1, w-labelW-2)).Render(fv)))
			continue
		}
		rows = append(rows, marker+label.Render(p.Label))
		if p.Hint != "" {
			rows = append(rows, "  "+st.Hint.Render(p.Hint))
		}
		rows = append(rows, lipgloss.NewStyle().PaddingLeft(2).Render(fv))
	}
	return lipgloss.JoinVertical(lipgloss.Left, rows...)
}

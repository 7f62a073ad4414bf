package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/theme"
)

// field is the widget that asks one prompt. The flow screen owns the prompt's
// label and hint; a field draws only its input and reports its answer.
type field interface {
	Update(msg tea.Msg) tea.Cmd
	View(st *theme.Styles, focused bool) string
	Answer() coach.Answer
	Focus() tea.Cmd
	Blur()
	// SetSize gives the width for the input and, for multi-line inputs, the
	// number of lines it may use.
	SetSize(width, lines int)
	// Multiline fields keep enter for a new line.
	Multiline() bool
	// Typing fields take printable keys as text, so "?" is not a shortcut.
	Typing() bool
}

// newField builds the widget for a prompt, holding the answer it starts with.
func newField(p content.Prompt, a coach.Answer, s *coach.Session, st *theme.Styles, now time.Time) field {
	switch p.Kind {
	case content.Text:
		return newTextField(p, a.Text, st)
	case content.Date:
		text := a.Text
		if text == "" {
			text = coach.DateDefault(p, s, now)
		}
		f := newTextField(p, text, st)
		f.date, f.now = true, now
		f.pristine = a.Text == "" && text != "" // a default: typing replaces it
		return f
	case content.Textarea, content.List, content.Draft:
		text := a.Text
		if p.Kind == content.List {
			text = strings.Join(a.Items, "\n")
		}
		return newAreaField(p, text, st)
	case content.Percent:
		f := newTextField(p, a.Text, st)
		f.percent = true
		f.in.CharLimit = 4 // "100%"
		return f
	case content.Choice:
		return newChoiceField(p, a.Text)
	case content.Checklist:
		return newChecklistField(p, a, st)
	case content.Mood:
		return newMoodField(a, st)
	case content.Actions:
		return newActionsField(a.Actions, st, now)
	}
	panic("ui: no field for prompt kind " + string(p.Kind)) // content.Load rejects unknown kinds
}

// editable gives the widgets typed and pasted text in coach.Editable's form,
// so that control characters are kept (as stand-ins) instead of silently
// dropped, and text that looks like a stand-in stays text. A paste arrives
// in that form already (PasteGuard wrote it) and is read back with coach.Raw
// first; a paste from anywhere else comes through as given, unless it holds
// code points of the stand-ins' block (U+10FF00 and up), which only
// PasteGuard writes. A pasted line break is \r in most terminals, \r\n
// from some clipboards: both are a newline. (PasteGuard has done this
// already for a real terminal; this covers every other source of paste
// messages.)
func editable(msg tea.Msg) tea.Msg {
	switch m := msg.(type) {
	case tea.PasteMsg:
		m.Content = coach.Editable(lineBreaks.Replace(coach.Raw(m.Content)))
		return m
	case tea.KeyPressMsg:
		// A typed (or unbracketed-pasted) bidi override is a printable
		// key to the widgets, which would draw it raw.
		m.Text = coach.Editable(m.Text)
		return m
	}
	return msg
}

// updateInput gives msg to a one-line input through editable, and keeps each
// escape of coach.Editable (two code points, drawn ⍰⍰) whole, as the editor
// does: the cursor steps over it, and a deletion takes both halves. The
// input, bubbles' textinput, knows nothing of escapes; so a forward delete
// at one starts from inside it, and what a deletion leaves of one, a lone
// marker, is dropped.
func updateInput(in *textinput.Model, msg tea.Msg) tea.Cmd {
	msg, was := prepareInput(in, msg)
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	keepEscapesWhole(in, was)
	return cmd
}

// prepareInput is the first half of updateInput, for an input that is
// updated by its owner (the search of Past sessions, inside a list): it
// returns msg through editable and the cursor's position, for
// keepEscapesWhole after the update.
func prepareInput(in *textinput.Model, msg tea.Msg) (tea.Msg, int) {
	msg = editable(msg)
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, in.KeyMap.DeleteCharacterForward) {
		if runes, at := []rune(in.Value()), in.Position(); at+1 < len(runes) && coach.IsEscape(runes[at], runes[at+1]) {
			in.SetCursor(at + 1)
		}
	}
	return msg, in.Position()
}

// keepEscapesWhole drops the lone markers of in and moves its cursor out of
// an escape, in the direction it was going from was.
func keepEscapesWhole(in *textinput.Model, was int) {
	v := in.Value()
	if !strings.ContainsRune(v, coach.Marker) {
		return
	}
	runes, at := []rune(v), in.Position()
	if tidy := coach.Editable(coach.Raw(v)); tidy != v {
		at = utf8.RuneCountInString(coach.Editable(coach.Raw(string(runes[:at]))))
		in.SetValue(tidy)
		runes = []rune(tidy)
	}
	if at > 0 && at < len(runes) && coach.IsEscape(runes[at-1], runes[at]) {
		if at > was {
			at++
		} else {
			at--
		}
	}
	in.SetCursor(at)
}

var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// styledFor is the theme a field's inputs were last styled for. An input
// keeps a copy of its styles, so a field made before the terminal said what
// its background is (a session opened by `rebound new`) would keep the dark
// theme's colours on a light background; its View restyles it when the
// theme has changed. The zero value matches no theme: the first View styles.
type styledFor theme.Theme

// changed reports whether st is another theme than the last, and notes it.
func (t *styledFor) changed(st *theme.Styles) bool {
	now := styledFor(theme.Of(st.IsDark, st.NoColor))
	if *t == now {
		return false
	}
	*t = now
	return true
}

func newInput(st *theme.Styles, value, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	// ctrl+v would read the clipboard by running xclip or wl-paste: a
	// program started behind the user's back (see the README's Privacy).
	// Terminals paste by themselves, as a bracketed paste.
	in.KeyMap.Paste.SetEnabled(false)
	in.Placeholder = placeholder
	in.SetStyles(st.Input) // a steady cursor, and colours that pass AA (see styles.go)
	in.SetValue(coach.Editable(value))
	in.CursorEnd()
	return in
}

// textField is one line of text, or a date.
type textField struct {
	in     textinput.Model
	styled styledFor
	date   bool
	now    time.Time
	// percent takes a whole number from 0 to 100; up and down step by ten.
	percent bool
	// pristine is a default date nobody has touched: the first character
	// typed replaces it instead of being appended to it.
	pristine bool
}

func newTextField(p content.Prompt, value string, st *theme.Styles) *textField {
	return &textField{in: newInput(st, value, p.Hint)}
}

func (f *textField) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && f.percent && (k.String() == "up" || k.String() == "down") {
		n, _ := coach.ParsePercent(f.value())
		if k.String() == "up" {
			n = min(100, n+10)
		} else {
			n = max(0, n-10)
		}
		f.in.SetValue(strconv.Itoa(n))
		f.in.CursorEnd()
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && f.pristine {
		f.pristine = false
		if k.Text != "" {
			f.in.SetValue("")
		}
	}
	return updateInput(&f.in, msg)
}

// invalid is the reason a date or a percentage cannot be read, or nil.
func (f *textField) invalid() error {
	switch {
	case f.date:
		_, err := coach.ParseDate(f.value(), f.now)
		return err
	case f.percent && strings.TrimSpace(f.value()) != "":
		_, err := coach.ParsePercent(f.value())
		return err
	}
	return nil
}

func (f *textField) View(st *theme.Styles, focused bool) string {
	if f.styled.changed(st) {
		f.in.SetStyles(st.Input)
	}
	v := coach.Visible(f.in.View())
	if n, err := coach.ParsePercent(f.value()); f.percent && err == nil {
		v = lipgloss.JoinHorizontal(lipgloss.Top, f.in.View(), "  ", percentBar(st, n))
	}
	if err := f.invalid(); err != nil {
		v += "\n" + st.Error.Render(err.Error())
	}
	return v
}

func (f *textField) value() string { return coach.Raw(f.in.Value()) }

// Answer normalises a date it can read ("tomorrow" becomes 2026-11-24). The
// flow does not leave a date it cannot read; one saved as a draft on quit is
// kept as typed: an odd date is better than a lost one.
func (f *textField) Answer() coach.Answer {
	v := f.value()
	switch {
	case f.date:
		if d, err := coach.ParseDate(v, f.now); err == nil {
			v = d
		}
	case f.percent:
		if n, err := coach.ParsePercent(v); err == nil {
			v = strconv.Itoa(n)
		}
	}
	return coach.Answer{Text: v}
}

func (f *textField) Focus() tea.Cmd { return f.in.Focus() }
func (f *textField) Blur()          { f.in.Blur() }
func (f *textField) SetSize(w, _ int) {
	f.in.SetWidth(max(1, w))
}
func (f *textField) Multiline() bool { return false }
func (f *textField) Typing() bool    { return true }

// areaField is free text over several lines: a textarea, a list (one item a
// line) or the feedback draft.
type areaField struct {
	ed     *editor
	list   bool
	styled styledFor
}

func newAreaField(p content.Prompt, value string, st *theme.Styles) *areaField {
	ed := newEditor(coach.Editable(value))
	ed.gutter = st.Muted
	ed.cursor = st.TextCursor
	if p.Kind == content.Draft {
		ed.MoveToBegin() // a letter is read from its greeting
	}
	return &areaField{ed: ed, list: p.Kind == content.List}
}

func (f *areaField) Update(msg tea.Msg) tea.Cmd {
	f.ed.Update(editable(msg))
	return nil
}

func (f *areaField) View(st *theme.Styles, _ bool) string {
	if f.styled.changed(st) {
		f.ed.gutter, f.ed.cursor = st.Muted, st.TextCursor
	}
	return coach.Visible(f.ed.View())
}

func (f *areaField) Answer() coach.Answer {
	v := f.text()
	if !f.list {
		return coach.Answer{Text: strings.TrimRight(v, "\n ")}
	}
	var items []string
	for line := range strings.SplitSeq(v, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			items = append(items, line)
		}
	}
	return coach.Answer{Items: items}
}

func (f *areaField) Focus() tea.Cmd       { f.ed.Focus(); return nil }
func (f *areaField) Blur()                { f.ed.Blur() }
func (f *areaField) SetSize(w, lines int) { f.ed.SetSize(w, lines) }
func (f *areaField) Multiline() bool      { return true }
func (f *areaField) Typing() bool         { return true }

// text is the value as typed, as the draft-copy key copies it.
func (f *areaField) text() string { return coach.Raw(f.ed.Value()) }

// choiceField picks one option: arrows move the choice, digits pick directly,
// backspace clears it. Nothing is chosen until the user chooses.
type choiceField struct {
	options []string
	chosen  int // -1: none
	focused bool
}

// newChoiceField offers the prompt's options; a saved value that is not one
// of them (an option since renamed) is offered too, so passing by keeps it.
func newChoiceField(p content.Prompt, value string) *choiceField {
	f := &choiceField{options: p.Options, chosen: -1}
	if value != "" && !slices.Contains(p.Options, value) {
		f.options = append(slices.Clone(p.Options), value)
	}
	f.chosen = slices.Index(f.options, value)
	return f
}

func (f *choiceField) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	n := len(f.options)
	switch s := k.String(); s {
	case "down", "right", "j", "l":
		f.chosen = (f.chosen + 1) % n
	case "up", "left", "k", "h":
		if f.chosen <= 0 {
			f.chosen = n - 1
		} else {
			f.chosen--
		}
	case "backspace", "delete":
		f.chosen = -1
	default:
		if d, err := strconv.Atoi(s); err == nil && d >= 1 && d <= n {
			f.chosen = d - 1
		}
	}
	return nil
}

func (f *choiceField) View(st *theme.Styles, focused bool) string {
	var b strings.Builder
	for i, o := range f.options {
		mark, style := "○", st.Option
		if i == f.chosen {
			mark, style = "●", st.Selected
		}
		if i > 0 {
			b.WriteString("  ")
		}
		label := fmt.Sprintf("%s %s", mark, coach.OneLine(o)) // o may be a saved value, not an option
		if focused && i == f.chosen {
			label = st.Cursor.Render(label)
		} else {
			label = style.Render(label)
		}
		b.WriteString(label)
	}
	return b.String()
}

func (f *choiceField) Answer() coach.Answer {
	if f.chosen < 0 {
		return coach.Answer{}
	}
	return coach.Answer{Text: f.options[f.chosen]}
}

func (f *choiceField) Focus() tea.Cmd   { f.focused = true; return nil }
func (f *choiceField) Blur()            { f.focused = false }
func (f *choiceField) SetSize(_, _ int) {}
func (f *choiceField) Multiline() bool  { return false }
func (f *choiceField) Typing() bool     { return false }

// checklistField ticks any number of options, and has an "other" line of
// free text when the prompt allows it.
type checklistField struct {
	options  []string
	examples map[string]string // a one-line example of an option, shown beside it
	width    int
	ticked   map[string]bool
	cursor   int // len(options) is the "other" line
	other    *textinput.Model
	styled   styledFor
}

// newChecklistField offers the prompt's options, and any saved item that is
// not one of them (an option since renamed), so passing by keeps it.
func newChecklistField(p content.Prompt, a coach.Answer, st *theme.Styles) *checklistField {
	f := &checklistField{options: p.Options, examples: p.Examples, ticked: map[string]bool{}}
	for _, it := range a.Items {
		f.ticked[it] = true
		if !slices.Contains(f.options, it) {
			f.options = append(slices.Clone(f.options), it)
		}
	}
	if p.Other {
		in := newInput(st, a.Text, "something else? type it here")
		f.other = &in
	}
	return f
}

func (f *checklistField) onOther() bool { return f.other != nil && f.cursor == len(f.options) }

func (f *checklistField) Update(msg tea.Msg) tea.Cmd {
	last := len(f.options) - 1
	if f.other != nil {
		last++
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "up":
			f.move(max(0, f.cursor-1))
			return nil
		case "down":
			f.move(min(last, f.cursor+1))
			return nil
		case "space", "x":
			if !f.onOther() {
				o := f.options[f.cursor]
				f.ticked[o] = !f.ticked[o]
				return nil
			}
		}
	}
	if f.onOther() {
		return updateInput(f.other, msg)
	}
	return nil
}

func (f *checklistField) move(to int) {
	f.cursor = to
	if f.other == nil {
		return
	}
	if f.onOther() {
		f.other.Focus()
	} else {
		f.other.Blur()
	}
}

func (f *checklistField) View(st *theme.Styles, focused bool) string {
	var b strings.Builder
	inline := f.exampleColumn()
	for i, o := range f.options {
		box := "[ ]"
		style := st.Option
		if f.ticked[o] {
			box, style = "[x]", st.Selected
		}
		pointer := "  "
		if focused && i == f.cursor {
			pointer = st.Cursor.Render("› ")
		}
		row := pointer + style.Render(box+" "+coach.OneLine(o)) // o may be a saved item, not an option
		if ex := f.examples[o]; ex != "" && inline > 0 {
			row += strings.Repeat(" ", inline-lipgloss.Width(row)) + st.Muted.Render("“"+ex+"”")
		}
		b.WriteString(row + "\n")
	}
	if f.other != nil {
		if f.styled.changed(st) {
			f.other.SetStyles(st.Input)
		}
		pointer := "  "
		if focused && f.onOther() {
			pointer = st.Cursor.Render("› ")
		}
		b.WriteString(pointer + st.Muted.Render("Other: ") + coach.Visible(f.other.View()))
	}
	if ex := f.examples[f.optionAt(f.cursor)]; ex != "" && inline == 0 && focused {
		// Too narrow to show each beside its option: the one under the
		// cursor, whole, below them.
		b.WriteString("\n" + st.Muted.Width(max(1, f.width)).Render("e.g. “"+ex+"”"))
	}
	return strings.TrimRight(b.String(), "\n")
}

// exampleColumn is where the examples start when every one fits beside its
// option, in a column; 0 when the options have none, or they do not fit.
func (f *checklistField) exampleColumn() int {
	if len(f.examples) == 0 {
		return 0
	}
	names, widest := 0, 0
	for _, o := range f.options {
		names = max(names, lipgloss.Width("› [ ] "+coach.OneLine(o)))
		widest = max(widest, lipgloss.Width("“"+f.examples[o]+"”"))
	}
	if col := names + 2; col+widest <= f.width {
		return col
	}
	return 0
}

// optionAt is the option on row i, or "" on the "other" line.
func (f *checklistField) optionAt(i int) string {
	if i < len(f.options) {
		return f.options[i]
	}
	return ""
}

// Answer lists the ticked options in the order they are offered.
func (f *checklistField) Answer() coach.Answer {
	var a coach.Answer
	for _, o := range f.options {
		if f.ticked[o] {
			a.Items = append(a.Items, o)
		}
	}
	if f.other != nil {
		a.Text = strings.TrimSpace(coach.Raw(f.other.Value()))
	}
	return a
}

func (f *checklistField) Focus() tea.Cmd {
	if f.onOther() {
		return f.other.Focus()
	}
	return nil
}

func (f *checklistField) Blur() {
	if f.other != nil {
		f.other.Blur()
	}
}

func (f *checklistField) SetSize(w, _ int) {
	f.width = w
	if f.other != nil {
		f.other.SetWidth(max(1, w-9))
	}
}
func (f *checklistField) Multiline() bool { return false }
func (f *checklistField) Typing() bool    { return f.onOther() }

// moodField is a 1 to 10 score (arrows, or digits with 0 for 10) and an
// optional word, typed straight in: letters go to the word, digits to the score.
type moodField struct {
	score  int
	word   textinput.Model
	styled styledFor
}

func newMoodField(a coach.Answer, st *theme.Styles) *moodField {
	return &moodField{score: a.Score, word: newInput(st, a.Text, "a word for it (optional)")}
}

func (f *moodField) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		s := k.String()
		switch {
		case s == "left" || s == "down":
			f.score = max(1, f.score-1)
			return nil
		case s == "right" || s == "up":
			f.score = min(10, max(1, f.score+1))
			return nil
		case len(s) == 1 && s[0] >= '0' && s[0] <= '9':
			f.score = int(s[0] - '0')
			if f.score == 0 {
				f.score = 10
			}
			return nil
		}
	}
	return updateInput(&f.word, msg)
}

func (f *moodField) View(st *theme.Styles, focused bool) string {
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

func (f *moodField) Answer() coach.Answer {
	return coach.Answer{Score: f.score, Text: strings.TrimSpace(coach.Raw(f.word.Value()))}
}

func (f *moodField) Focus() tea.Cmd   { return f.word.Focus() }
func (f *moodField) Blur()            { f.word.Blur() }
func (f *moodField) SetSize(w, _ int) { f.word.SetWidth(max(1, w-6)) }
func (f *moodField) Multiline() bool  { return false }
func (f *moodField) Typing() bool     { return true }

// maxActions is how many rows the actions editor offers for a new plan: a
// short plan is one that gets done. A session that holds more (written by
// hand, or by another version) gets a row for each.
const maxActions = 5

// actionsField is the actions, each with an optional due date, on five rows
// or one per action. Enter moves along the cells; up and down move between
// rows. More rows than the height it is given scroll with the focus.
type actionsField struct {
	text, due []textinput.Model
	// loaded is each row's action as loaded: its Done and DoneOn (ticking
	// off is the opened session's job) and what rebound does not know of
	// it are kept, whatever is typed.
	loaded      []coach.Action
	row         int
	top, height int // the first row shown; the lines given, 0 for all
	onDue       bool
	now         time.Time
	styled      styledFor
}

func newActionsField(actions []coach.Action, st *theme.Styles, now time.Time) *actionsField {
	rows := max(maxActions, len(actions))
	f := &actionsField{now: now, text: make([]textinput.Model, rows), due: make([]textinput.Model, rows),
		loaded: make([]coach.Action, rows)}
	copy(f.loaded, actions)
	for i, a := range f.loaded {
		f.text[i] = newInput(st, a.Text, fmt.Sprintf("action %d", i+1))
		f.due[i] = newInput(st, a.Due, "due date")
	}
	return f
}

// shown is how many rows are drawn: all of them, or as many as the height
// allows but never fewer than five, as before there could be more.
func (f *actionsField) shown() int {
	if f.height <= 0 {
		return len(f.text)
	}
	return min(len(f.text), max(maxActions, f.height))
}

// follow keeps the focused row among those drawn.
func (f *actionsField) follow() {
	f.top = clamp(f.top, max(0, f.row-f.shown()+1), min(f.row, len(f.text)-f.shown()))
}

// leave blurs the current cell; a due date typed as "+3d" becomes a date
// there and then, so the user sees what was understood.
func (f *actionsField) leave() {
	if f.onDue {
		if d, err := coach.ParseDate(f.due[f.row].Value(), f.now); err == nil && d != "" {
			f.due[f.row].SetValue(d)
		}
	}
	f.cell().Blur()
}

func (f *actionsField) cell() *textinput.Model {
	if f.onDue {
		return &f.due[f.row]
	}
	return &f.text[f.row]
}

// advance moves to the next cell and reports false from the last one.
func (f *actionsField) advance() bool {
	switch {
	case !f.onDue:
		f.onDue = true
	case f.row+1 < len(f.text):
		f.row, f.onDue = f.row+1, false
		f.follow()
	default:
		return false
	}
	return true
}

func (f *actionsField) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "up":
			f.leave()
			f.row = max(0, f.row-1)
			f.follow()
			return f.cell().Focus()
		case "down":
			f.leave()
			f.row = min(len(f.text)-1, f.row+1)
			f.follow()
			return f.cell().Focus()
		}
	}
	return updateInput(f.cell(), msg)
}

// Enter is handled by the flow screen: it calls next, and leaves the prompt
// when next reports false.
func (f *actionsField) next() (tea.Cmd, bool) {
	f.leave()
	if !f.advance() {
		return nil, false
	}
	return f.cell().Focus(), true
}

func (f *actionsField) View(st *theme.Styles, focused bool) string {
	if f.styled.changed(st) {
		for i := range f.text {
			f.text[i].SetStyles(st.Input)
			f.due[i].SetStyles(st.Input)
		}
	}
	var b strings.Builder
	shown := f.shown()
	for i := f.top; i < f.top+shown; i++ {
		pointer := "  "
		if focused && i == f.row {
			pointer = st.Cursor.Render("› ")
		}
		fmt.Fprintf(&b, "%s%d. %s  %s %s\n", pointer, i+1,
			coach.Visible(f.text[i].View()), st.Muted.Render("by"), coach.Visible(f.due[i].View()))
	}
	if shown < len(f.text) {
		fmt.Fprintf(&b, "  %s\n", st.Muted.Render(fmt.Sprintf("%d–%d of %d · ↑/↓ for the others", f.top+1, f.top+shown, len(f.text))))
	}
	return strings.TrimRight(b.String(), "\n")
}

func (f *actionsField) Answer() coach.Answer {
	var a coach.Answer
	for i, action := range f.loaded {
		text := strings.TrimSpace(coach.Raw(f.text[i].Value()))
		due := strings.TrimSpace(coach.Raw(f.due[i].Value()))
		if d, err := coach.ParseDate(due, f.now); err == nil {
			due = d
		}
		if text != "" || due != "" {
			action.Text, action.Due = text, due
			a.Actions = append(a.Actions, action)
		}
	}
	return a
}

func (f *actionsField) Focus() tea.Cmd { return f.cell().Focus() }
func (f *actionsField) Blur()          { f.leave() }
func (f *actionsField) SetSize(w, h int) {
	f.height = h
	f.follow()
	dueW := 11
	textW := max(1, w-dueW-10)
	for i := range f.text {
		f.text[i].SetWidth(textW)
		f.due[i].SetWidth(dueW)
	}
}
func (f *actionsField) Multiline() bool { return false }
func (f *actionsField) Typing() bool    { return true }

// percentBar draws a percentage as ten cells, so a shift reads at a glance.
func percentBar(st *theme.Styles, n int) string {
	on := (n + 5) / 10
	return st.MoodOn.Render(strings.Repeat("■", on)) + st.MoodOff.Render(strings.Repeat("□", 10-on)) +
		st.Muted.Render(" "+strconv.Itoa(n)+"%")
}

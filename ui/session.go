package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/content"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/markdown"
	"github.com/rebound-coach/rebound/ui/theme"
	"github.com/rebound-coach/rebound/ui/widgets/field"
)

// panel is what an opened session shows over its document.
type panel int

const (
	panelNone     panel = iota
	panelFeedback       // record what became of the feedback request
	panelActions        // tick actions done
	panelEdit           // choose an answer to edit
	panelDelete         // confirm moving the session to the trash
	panelLetters        // the nudge and the thank-you note (letters.go)
)

type (
	// sessionLoadedMsg carries the session opened by ID, and its short ID.
	sessionLoadedMsg struct {
		id      string
		session *coach.Session
		short   string
		err     error
	}
	// sessionRenderedMsg carries the session rendered for one key and
	// version: a render of an older version is dropped.
	sessionRenderedMsg struct {
		id      string
		key     markdown.Key
		version int
		out     string
		err     error
	}
	// sessionDeletedMsg reports a move to the trash.
	sessionDeletedMsg struct {
		id  string
		err error
	}
)

// Outcome choices in the feedback form, in order; the first is no outcome.
var outcomeChoices = []string{"not yet", coach.Sent.Label(), coach.Replied.Label(), coach.NoReply.Label()}

// sessionScreen is a past session, opened: the whole session rendered as
// markdown, and the panels that record what happened since.
type sessionScreen struct {
	deps    *deps
	id      string
	short   string
	session *coach.Session // nil until loaded
	loadErr error
	back    page // history or home
	// readOnly, when set, is why the session is read-only here (another
	// copy of rebound has it open, or it cannot be locked): it is shown,
	// and nothing here changes it.
	readOnly string

	doc     viewport.Model
	want    markdown.Key // the width and theme the root draws at
	key     markdown.Key // of the render on screen or on its way
	version int          // bumped on every change, so the document is redrawn
	drawn   int          // the version on screen

	panel  panel
	form   []field.Field // the feedback form: outcome, received, received on
	formAt int
	// formOutcome is the outcome choice the form opened with.
	formOutcome coach.Answer
	cursor      int // in the actions, the answers to edit or the letters
	// mail are the letters drafted when the letters panel opened, and
	// letterView shows the chosen one.
	mail       []letter
	letterView viewport.Model
	// nudgeDue and restLeft are worked out when the session changes, for
	// the footer: whether its nudge is due, and how many questions going
	// deeper would ask.
	nudgeDue bool
	restLeft int

	// open is the panel to show once the session has loaded.
	open       panel
	openAction int

	status string
	width  int
	height int
	exits
}

func newSessionScreen(d *deps, e exit, back page) *sessionScreen {
	vp := viewport.New()
	vp.MouseWheelEnabled = false
	s := &sessionScreen{deps: d, id: e.id, session: e.session, back: back, doc: vp, letterView: viewport.New(),
		open: e.panel, openAction: e.action, readOnly: e.readOnly}
	if e.session != nil {
		s.id = e.session.ID
		s.loaded()
	}
	return s
}

// Init loads the session, or renders it when it is here already, for k,
// the width and theme the root draws at.
func (s *sessionScreen) Init(k markdown.Key) tea.Cmd {
	s.want = k
	if s.session == nil {
		store, id := s.deps.store, s.id
		return func() tea.Msg {
			sess, err := store.Load(id)
			msg := sessionLoadedMsg{id: id, session: sess, err: err}
			if ids, err := store.IDs(); err == nil {
				msg.short = coach.ShortIDs(ids)[id]
			}
			return msg
		}
	}
	return s.render(k)
}

// loaded opens the panel asked for, now that there is a session to show;
// a read-only copy opens no panel that records anything.
func (s *sessionScreen) loaded() {
	s.changed()
	if s.readOnly != "" && s.open != panelLetters {
		s.open = panelNone
	}
	switch s.open {
	case panelFeedback:
		s.openFeedback()
	case panelActions:
		s.panel, s.cursor = panelActions, clamp(s.openAction, 0, max(0, len(s.session.Actions)-1))
	case panelLetters:
		s.openLetters()
	}
	s.open = panelNone
}

// changed marks the session as changed: the document is drawn again, and
// what the footer says of it is worked out again.
func (s *sessionScreen) changed() {
	s.version++
	s.nudgeDue = coach.NudgeDue(s.session, s.deps.now())
	s.restLeft = coach.RestLeft(s.deps.flow, s.session)
}

// render starts a Glamour render of the session unless one for this key and
// version is on screen or on its way.
func (s *sessionScreen) render(k markdown.Key) tea.Cmd {
	s.want = k
	if s.session == nil || k.Width < 1 || (k == s.key && s.drawn == s.version) {
		return nil
	}
	s.key, s.drawn = k, s.version
	md, long := coach.Outline(s.session, s.deps.flow)
	id, version := s.id, s.version
	return func() tea.Msg {
		out, err := markdown.RenderSession(k, md, long)
		return sessionRenderedMsg{id: id, key: k, version: version, out: out, err: err}
	}
}

// save records a change: the session is saved and its document redrawn.
func (s *sessionScreen) save() tea.Cmd {
	s.changed()
	return tea.Batch(s.deps.save(s.session), s.render(s.want))
}

func (s *sessionScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case sessionLoadedMsg:
		if msg.id != s.id {
			return nil
		}
		s.session, s.loadErr, s.short = msg.session, msg.err, msg.short
		if s.session == nil {
			return nil
		}
		s.loaded()
		return s.render(s.want)
	case sessionRenderedMsg:
		if msg.id != s.id || msg.key != s.key || msg.version != s.drawn {
			return nil
		}
		out := msg.out
		if msg.err != nil {
			out = coach.Inert(coach.Markdown(s.session, s.deps.flow))
		}
		s.doc.SetContent(out)
		return nil
	case sessionDeletedMsg:
		if msg.err != nil {
			s.status = "not deleted: " + reason(msg.err)
			return nil
		}
		s.goTo(exit{to: s.back, note: "in the trash · rebound restore " + s.shortID()})
		return nil
	case tea.PasteMsg:
		if s.panel == panelFeedback {
			return s.form[s.formAt].Update(msg)
		}
		return nil
	case tea.KeyPressMsg:
		s.status = ""
		if s.session == nil {
			if key.Matches(msg, s.deps.keys.Home) {
				s.goTo(exit{to: s.back})
			} else if key.Matches(msg, s.deps.keys.QuitHome) {
				return tea.Quit
			}
			return nil
		}
		switch s.panel {
		case panelFeedback:
			return s.feedbackKey(msg)
		case panelActions:
			return s.actionsKey(msg)
		case panelEdit:
			return s.editKey(msg)
		case panelDelete:
			return s.deleteKey(msg)
		case panelLetters:
			return s.lettersKey(msg)
		}
		return s.documentKey(msg)
	}
	return nil
}

func (s *sessionScreen) shortID() string {
	if s.short != "" {
		return s.short
	}
	return s.id[:min(len(s.id), coach.MinShortID)]
}

// documentKey handles a key while the document is shown.
func (s *sessionScreen) documentKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.deps.keys
	if s.readOnly != "" && key.Matches(msg, k.Feedback, k.Actions, k.Edit, k.Resume, k.Delete) {
		s.status = "read-only here"
		return nil
	}
	switch {
	case key.Matches(msg, k.Feedback):
		s.openFeedback()
	case key.Matches(msg, k.Actions):
		s.panel, s.cursor = panelActions, 0
	case key.Matches(msg, k.Edit):
		s.panel, s.cursor = panelEdit, 0
	case key.Matches(msg, k.Letters):
		s.openLetters()
	case key.Matches(msg, k.Resume) && s.session.Status != coach.Complete:
		s.goTo(exit{to: flowPage, session: s.session})
	case key.Matches(msg, k.Resume) && s.restLeft > 0:
		s.goTo(exit{to: flowPage, session: s.session, deeper: true})
	case key.Matches(msg, k.Delete):
		s.panel = panelDelete
	case key.Matches(msg, k.Copy):
		s.status = "copied as markdown"
		return tea.SetClipboard(coach.Markdown(s.session, s.deps.flow))
	case key.Matches(msg, k.Home):
		s.goTo(exit{to: s.back})
	case key.Matches(msg, k.QuitHome):
		return tea.Quit
	case key.Matches(msg, k.Help):
		s.deps.help.ShowAll = !s.deps.help.ShowAll
	default:
		return keys.Scroll(&s.doc, s.deps.keys, msg)
	}
	return nil
}

// openFeedback fills the feedback form from the session.
func (s *sessionScreen) openFeedback() {
	f, st, now := s.session.Feedback, &s.deps.styles, s.deps.now()
	outcome := outcomeChoices[0]
	if f.Outcome != "" {
		outcome = f.Outcome.Label()
	}
	s.form = []field.Field{
		field.NewChoice(content.Prompt{Options: outcomeChoices}, outcome, s.deps.keys.Field),
		field.NewArea(content.Prompt{Kind: content.Textarea}, f.Received, st),
		field.New(content.Prompt{Kind: content.Date, Hint: "YYYY-MM-DD, today, -3d", Default: "+0d"},
			coach.Answer{Text: f.ReceivedOn}, s.session, st, s.deps.keys.Field, now),
	}
	s.panel, s.formAt = panelFeedback, 0
	s.formOutcome = s.form[0].Answer()
	s.form[0].Focus()
	s.layout()
}

// feedbackKey handles a key in the feedback form. Leaving it by any key
// keeps what was typed: esc is "done", not "discard".
func (s *sessionScreen) feedbackKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.deps.keys
	fl := s.form[s.formAt]
	switch {
	case key.Matches(msg, k.Next), key.Matches(msg, k.Enter) && !fl.Multiline():
		if s.formAt == len(s.form)-1 {
			return s.closeFeedback()
		}
		return s.focusForm(s.formAt + 1)
	case key.Matches(msg, k.Prev):
		return s.focusForm(max(0, s.formAt-1))
	case key.Matches(msg, k.Home), key.Matches(msg, k.Save):
		return s.closeFeedback()
	}
	return fl.Update(msg)
}

func (s *sessionScreen) focusForm(i int) tea.Cmd {
	s.form[s.formAt].Blur()
	s.formAt = i
	return s.form[i].Focus()
}

// closeFeedback stores the form and goes back to the document, unless the
// date cannot be read: then the error under it says what to write.
func (s *sessionScreen) closeFeedback() tea.Cmd {
	if s.form[2].Validate() != nil {
		return s.focusForm(2)
	}
	s.panel = panelNone
	if s.applyFeedback() {
		s.status = "feedback recorded"
		return s.save()
	}
	return nil
}

// applyFeedback stores the form in the session; it reports a change.
func (s *sessionScreen) applyFeedback() bool {
	now := s.deps.now()
	// Feedback received marks the request replied (SetReceived), unless the
	// user chose an outcome in this very form: "no reply" with a note typed
	// in the box stays "no reply".
	changed := s.session.SetReceived(s.form[1].Answer().Text, s.form[2].Answer().Text, now)
	if !s.form[0].Answer().Equal(s.formOutcome) {
		var outcome coach.Outcome
		for _, o := range coach.Outcomes {
			if o.Label() == s.form[0].Answer().Text {
				outcome = o
			}
		}
		changed = s.session.SetOutcome(outcome, now) || changed
	}
	return changed
}

// capture keeps an open form in the session before a quit, and returns
// the session to save (nil before it has loaded).
func (s *sessionScreen) capture() *coach.Session {
	if s.readOnly != "" {
		return nil // nothing here is to be saved
	}
	if s.session != nil && s.panel == panelFeedback {
		s.applyFeedback()
	}
	return s.session
}

// actionsKey handles a key on the list of actions: space ticks, at once.
func (s *sessionScreen) actionsKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.deps.keys
	n := len(s.session.Actions)
	switch {
	case key.Matches(msg, k.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(msg, k.Down):
		s.cursor = min(max(0, n-1), s.cursor+1)
	case key.Matches(msg, k.Toggle) && n > 0:
		i := s.cursor
		if s.session.SetDone(i, !s.session.Actions[i].Done, s.deps.now()) {
			return s.save()
		}
	case key.Matches(msg, k.Edit):
		s.panel = panelNone
		s.goTo(exit{to: flowPage, session: s.session, prompt: coach.PromptActions})
	case key.Matches(msg, k.Home), key.Matches(msg, k.Enter):
		s.panel = panelNone
	case key.Matches(msg, k.QuitHome):
		return tea.Quit
	}
	return nil
}

// editable lists the prompts whose answers can be edited, in flow order.
func (s *sessionScreen) editable() []content.Prompt {
	var out []content.Prompt
	for _, sec := range s.deps.flow.Sections {
		out = append(out, sec.Prompts...)
	}
	return out
}

func (s *sessionScreen) editKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.deps.keys
	prompts := s.editable()
	switch {
	case key.Matches(msg, k.Up):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(msg, k.Down):
		s.cursor = min(len(prompts)-1, s.cursor+1)
	case key.Matches(msg, k.Enter):
		s.panel = panelNone
		s.goTo(exit{to: flowPage, session: s.session, prompt: prompts[s.cursor].ID})
	case key.Matches(msg, k.Home):
		s.panel = panelNone
	case key.Matches(msg, k.QuitHome):
		return tea.Quit
	}
	return nil
}

func (s *sessionScreen) deleteKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.deps.keys.Yes):
		s.panel = panelNone
		store, id := s.deps.store, s.id
		return func() tea.Msg { return sessionDeletedMsg{id: id, err: store.Delete(id)} }
	case key.Matches(msg, s.deps.keys.No), key.Matches(msg, s.deps.keys.QuitHome):
		s.panel = panelNone
	}
	return nil // anything else: the question stays until answered
}

func (s *sessionScreen) Title() string {
	if s.session == nil {
		return "Past session"
	}
	return coach.Inert(coach.Title(s.session))
}

func (s *sessionScreen) Status() string { return s.status }

func (s *sessionScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.layout()
}

func (s *sessionScreen) layout() {
	s.doc.SetWidth(s.width)
	s.doc.SetHeight(max(0, s.height-lipgloss.Height(s.footer())))
	w := min(s.width, theme.MaxTextWidth)
	for i, f := range s.form {
		lines := 1
		if i == 1 && s.session != nil {
			// What the form needs besides the text box: the plan, three
			// labels with a blank line after each field, the choice, the
			// date and a line for its error.
			rest := lipgloss.Height(s.planView()) + 1 + 3*2 + 3 + lipgloss.Height(s.footer())
			lines = clamp(s.height-rest, 1, 8)
		}
		f.SetSize(max(1, w-2), lines)
	}
	s.layoutLetter()
}

// footer is the line under the document: where the file is, or the question
// of the delete panel.
func (s *sessionScreen) footer() string {
	st := &s.deps.styles
	w := max(1, s.width)
	if s.panel == panelDelete {
		return st.Error.Width(w).Render("Delete this session? It moves to the trash, and `rebound restore " +
			s.shortID() + "` brings it back. y delete · n keep")
	}
	if s.readOnly != "" {
		return st.Error.Width(w).Render(s.readOnly)
	}
	id := s.shortID() + " · "
	return st.Muted.Render(id + cutLeft(coach.Inert(s.deps.store.Path(s.id)), max(1, w-lipgloss.Width(id))))
}

// cutLeft keeps the end of a line that is too wide, where a path's file
// name is.
func cutLeft(line string, w int) string {
	if lipgloss.Width(line) <= w {
		return line
	}
	return "…" + ansi.TruncateLeft(line, lipgloss.Width(line)-w+1, "")
}

func (s *sessionScreen) View() string {
	st := &s.deps.styles
	switch {
	case s.loadErr != nil:
		return st.Error.Width(max(1, s.width)).Render("Can't open this session (" + coach.Inert(reason(s.loadErr)) + "). The file is left as it is.")
	case s.session == nil:
		return st.Muted.Render("Opening…")
	}
	var body string
	switch s.panel {
	case panelFeedback:
		body = s.feedbackView()
	case panelActions:
		body = s.actionsView()
	case panelEdit:
		body = s.editView()
	case panelLetters:
		body = s.lettersView()
	default:
		body = s.doc.View()
	}
	room := max(0, s.height-lipgloss.Height(s.footer()))
	lines := strings.Split(body, "\n")
	if len(lines) > room {
		lines = lines[:room]
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n") + "\n" + s.footer()
}

// planView is the line above the feedback form: what the user planned.
func (s *sessionScreen) planView() string {
	f := s.session.Feedback
	plan := "You did not plan to send a feedback request."
	switch {
	case f.Send == "yes" || f.Send == "maybe later":
		plan = "You planned to send it"
		if f.SendOn != "" {
			plan += " on " + f.SendOn
		}
		if f.FollowUpOn != "" {
			plan += ", and to follow up by " + f.FollowUpOn
		}
		plan += "."
	case f.Send == "":
		plan = "No plan for a feedback request was recorded."
	}
	return s.deps.styles.Intro.Width(max(1, min(s.width, theme.MaxTextWidth))).Render(coach.Inert(plan))
}

func (s *sessionScreen) feedbackView() string {
	st := &s.deps.styles
	labels := []string{"What became of it?", "The feedback you received", "When it came"}
	rows := []string{s.planView(), ""}
	for i, fl := range s.form {
		marker, label := "  ", st.LabelDim
		if i == s.formAt {
			marker, label = st.Cursor.Render("› "), st.Label
		}
		rows = append(rows, marker+label.Render(labels[i]))
		rows = append(rows, lipgloss.NewStyle().PaddingLeft(2).Render(fl.View(st, i == s.formAt)), "")
	}
	return strings.Join(rows, "\n")
}

func (s *sessionScreen) actionsView() string {
	st := &s.deps.styles
	if len(s.session.Actions) == 0 {
		return st.Muted.Render("This session has no actions yet. Press e to write some.")
	}
	rows := []string{st.Intro.Render("Tick off what you have done. It is saved at once."), ""}
	for i, a := range s.session.Actions {
		box, style := "[ ]", st.Option
		if a.Done {
			box, style = "[x]", st.Selected
		}
		pointer := "  "
		if i == s.cursor {
			pointer = st.Cursor.Render("› ")
		}
		when := ""
		switch {
		case a.Done && a.DoneOn != "":
			when = " done " + a.DoneOn
		case a.Due != "":
			when = " by " + a.Due
		}
		line := pointer + style.Render(box+" "+coach.Inert(a.Text)) + st.Muted.Render(coach.Inert(when))
		rows = append(rows, lipgloss.NewStyle().MaxWidth(max(1, s.width)).Render(line))
	}
	return strings.Join(rows, "\n")
}

func (s *sessionScreen) editView() string {
	st := &s.deps.styles
	// Every prompt under its section's title; the window follows the cursor.
	var rows []string
	at, n := 0, 0
	for _, sec := range s.deps.flow.Sections {
		rows = append(rows, st.Muted.Render(sec.Title))
		for _, p := range sec.Prompts {
			pointer, label := "  ", st.Option
			if n == s.cursor {
				pointer, label, at = st.Cursor.Render("› "), st.Label, len(rows)
			}
			line := pointer + label.Render(p.Label) + st.Muted.Render("  "+preview(s.session.Get(p.ID)))
			rows = append(rows, lipgloss.NewStyle().MaxWidth(max(1, s.width)).Render(line))
			n++
		}
	}
	room := max(1, s.height-lipgloss.Height(s.footer())-2)
	top := clamp(at-room/2, 0, max(0, len(rows)-room))
	head := st.Intro.Render("Which answer do you want to change?")
	return head + "\n\n" + strings.Join(rows[top:min(len(rows), top+room)], "\n")
}

// preview is an answer in one short line.
func preview(a coach.Answer) string {
	var t string
	switch {
	case a.Score > 0:
		t = fmt.Sprintf("%d/10 %s", a.Score, a.Text)
	case len(a.Actions) > 0:
		t = coach.Plural(len(a.Actions), "action")
	case len(a.Items) > 0:
		t = strings.Join(a.Items, "; ")
		if a.Text != "" {
			t += "; " + a.Text
		}
	default:
		t = a.Text
	}
	t = strings.Join(strings.Fields(t), " ")
	if t == "" {
		return "–"
	}
	return coach.Inert(t)
}

func (s *sessionScreen) ShortHelp() []key.Binding {
	k := s.deps.keys
	switch {
	case s.session == nil:
		return []key.Binding{withHelp(k.Home, "esc", "back"), k.QuitHome}
	case s.panel == panelFeedback:
		return []key.Binding{withHelp(k.Next, "tab/shift+tab", "next/back"), withHelp(k.Home, "esc", "done"),
			withHelp(k.Quit, "ctrl+c", "quit")}
	case s.panel == panelActions:
		return []key.Binding{withHelp(k.Up, "↑/↓", "move"), withHelp(k.Toggle, "space", "done/not done"),
			withHelp(k.Edit, "e", "edit the plan"), withHelp(k.Home, "esc", "back")}
	case s.panel == panelEdit:
		return []key.Binding{withHelp(k.Up, "↑/↓", "move"), withHelp(k.Enter, "enter", "edit"), withHelp(k.Home, "esc", "back")}
	case s.panel == panelDelete:
		return []key.Binding{withHelp(k.Yes, "y", "delete"), withHelp(k.No, "n/esc", "keep")}
	case s.panel == panelLetters:
		return s.lettersHelp()
	}
	if s.readOnly != "" {
		return []key.Binding{withHelp(k.Up, "↑/↓", "scroll"), withHelp(k.Copy, "ctrl+y", "copy"), k.Letters,
			withHelp(k.Home, "esc", "back"), k.QuitHome}
	}
	// The line must fit 80 columns: resuming (or going deeper) and a due
	// nudge each take a place, of delete first and then of copy; both are
	// in the full help.
	b := []key.Binding{k.Feedback, k.Actions, withHelp(k.Edit, "e", "edit")}
	switch {
	case s.session.Status != coach.Complete:
		b = append(b, k.Resume)
	case s.restLeft > 0:
		b = append(b, withHelp(k.Resume, "r", "go deeper"))
	}
	resumes := len(b) > 3
	if s.nudgeDue {
		b = append(b, withHelp(k.Letters, "l", "nudge"))
	}
	if !s.nudgeDue || !resumes {
		b = append(b, withHelp(k.Copy, "ctrl+y", "copy"))
	}
	if !s.nudgeDue && !resumes {
		b = append(b, k.Delete)
	}
	return append(b, withHelp(k.Home, "esc", "back"), withHelp(k.Help, "?", "more"))
}

func (s *sessionScreen) FullHelp() [][]key.Binding {
	k := s.deps.keys
	if s.panel != panelNone || s.session == nil || s.readOnly != "" {
		return [][]key.Binding{s.ShortHelp()}
	}
	return [][]key.Binding{
		{withHelp(k.Up, "↑/↓ pgup/pgdn", "scroll"), k.Top, k.Feedback, k.Actions, k.Edit, k.Letters, k.Resume},
		{withHelp(k.Copy, "ctrl+y", "copy as markdown"), k.Delete, withHelp(k.Home, "esc", "back"), k.QuitHome, k.Quit, k.Suspend},
	}
}

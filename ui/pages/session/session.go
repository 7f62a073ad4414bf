// Package session is one past session's page, with its panels as files:
// the feedback received, the actions, editing an answer, the letters, and
// moving it to the trash.
package session

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/rebound-coach/rebound/coach"
	"github.com/rebound-coach/rebound/ui/common"
	"github.com/rebound-coach/rebound/ui/keys"
	"github.com/rebound-coach/rebound/ui/markdown"
	"github.com/rebound-coach/rebound/ui/widgets/field"
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

// Page is a past session, opened: the whole session rendered as
// markdown, and the panels that record what happened since.
type Page struct {
	deps *common.Context
	// showAll is whether the footer shows every key (? toggles it).
	showAll bool
	id      string
	short   string
	session *coach.Session // nil until loaded
	loadErr error
	back    common.Page // history or home
	// readOnly, when set, is why the session is read-only here (another
	// copy of rebound has it open, or it cannot be locked): it is shown,
	// and nothing here changes it.
	readOnly string

	doc     viewport.Model
	want    markdown.Key // the width and theme the root draws at
	key     markdown.Key // of the render on screen or on its way
	version int          // bumped on every change, so the document is redrawn
	drawn   int          // the version on screen

	panel  common.Panel
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
	open       common.Panel
	openAction int

	status string
	width  int
	height int
	common.Exits
}

func New(d *common.Context, e common.Exit, back common.Page) *Page {
	vp := viewport.New()
	vp.MouseWheelEnabled = false
	s := &Page{deps: d, id: e.ID, session: e.Session, back: back, doc: vp, letterView: viewport.New(),
		open: e.Panel, openAction: e.Action, readOnly: e.ReadOnly}
	if e.Session != nil {
		s.id = e.Session.ID
		s.loaded()
	}
	return s
}

// Init loads the session, or renders it when it is here already, for k,
// the width and theme the root draws at.
func (s *Page) Init(k markdown.Key) tea.Cmd {
	s.want = k
	if s.session == nil {
		store, id := s.deps.Store, s.id
		return func() tea.Msg {
			sess, err := store.Load(id)
			msg := sessionLoadedMsg{id: id, session: sess, err: err}
			if ids, err := store.IDs(); err == nil {
				msg.short = coach.ShortIDs(ids)[id]
			}
			return msg
		}
	}
	return s.Render(k)
}

// loaded opens the panel asked for, now that there is a session to show;
// a read-only copy opens no panel that records anything.
func (s *Page) loaded() {
	s.Changed()
	if s.readOnly != "" && s.open != common.PanelLetters {
		s.open = common.PanelNone
	}
	switch s.open {
	case common.PanelFeedback:
		s.openFeedback()
	case common.PanelActions:
		s.panel, s.cursor = common.PanelActions, common.Clamp(s.openAction, 0, max(0, len(s.session.Actions)-1))
	case common.PanelLetters:
		s.openLetters()
	}
	s.open = common.PanelNone
}

// Changed marks the session as changed: the document is drawn again, and
// what the footer says of it is worked out again.
func (s *Page) Changed() {
	s.version++
	s.nudgeDue = coach.NudgeDue(s.session, s.deps.Now())
	s.restLeft = coach.RestLeft(s.deps.Flow, s.session)
}

// Render starts a Glamour render of the session unless one for this key and
// version is on screen or on its way.
func (s *Page) Render(k markdown.Key) tea.Cmd {
	s.want = k
	if s.session == nil || k.Width < 1 || (k == s.key && s.drawn == s.version) {
		return nil
	}
	s.key, s.drawn = k, s.version
	md, long := coach.Outline(s.session, s.deps.Flow)
	id, version := s.id, s.version
	return func() tea.Msg {
		out, err := markdown.RenderSession(k, md, long)
		return sessionRenderedMsg{id: id, key: k, version: version, out: out, err: err}
	}
}

// save records a change: the session is saved and its document redrawn.
func (s *Page) save() tea.Cmd {
	s.Changed()
	return tea.Batch(s.deps.Save(s.session), s.Render(s.want))
}

func (s *Page) Update(msg tea.Msg) tea.Cmd {
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
		return s.Render(s.want)
	case sessionRenderedMsg:
		if msg.id != s.id || msg.key != s.key || msg.version != s.drawn {
			return nil
		}
		out := msg.out
		if msg.err != nil {
			out = coach.Inert(coach.Markdown(s.session, s.deps.Flow))
		}
		s.doc.SetContent(out)
		return nil
	case sessionDeletedMsg:
		if msg.err != nil {
			s.status = "not deleted: " + common.Reason(msg.err)
			return nil
		}
		s.GoTo(common.Exit{To: s.back, Note: "in the trash · rebound restore " + s.shortID()})
		return nil
	case tea.PasteMsg:
		if s.panel == common.PanelFeedback {
			return s.form[s.formAt].Update(msg)
		}
		return nil
	case tea.KeyPressMsg:
		s.status = ""
		if s.session == nil {
			if key.Matches(msg, s.deps.Keys.Home) {
				s.GoTo(common.Exit{To: s.back})
			} else if key.Matches(msg, s.deps.Keys.QuitHome) {
				return tea.Quit
			}
			return nil
		}
		switch s.panel {
		case common.PanelFeedback:
			return s.feedbackKey(msg)
		case common.PanelActions:
			return s.actionsKey(msg)
		case common.PanelEdit:
			return s.editKey(msg)
		case common.PanelDelete:
			return s.deleteKey(msg)
		case common.PanelLetters:
			return s.lettersKey(msg)
		}
		return s.documentKey(msg)
	}
	return nil
}

func (s *Page) shortID() string {
	if s.short != "" {
		return s.short
	}
	return s.id[:min(len(s.id), coach.MinShortID)]
}

// documentKey handles a key while the document is shown.
func (s *Page) documentKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.deps.Keys
	if s.readOnly != "" && key.Matches(msg, k.Feedback, k.Actions, k.Edit, k.Resume, k.Delete) {
		s.status = "read-only here"
		return nil
	}
	switch {
	case key.Matches(msg, k.Feedback):
		s.openFeedback()
	case key.Matches(msg, k.Actions):
		s.panel, s.cursor = common.PanelActions, 0
	case key.Matches(msg, k.Edit):
		s.panel, s.cursor = common.PanelEdit, 0
	case key.Matches(msg, k.Letters):
		s.openLetters()
	case key.Matches(msg, k.Resume) && s.session.Status != coach.Complete:
		s.GoTo(common.Exit{To: common.Flow, Session: s.session})
	case key.Matches(msg, k.Resume) && s.restLeft > 0:
		s.GoTo(common.Exit{To: common.Flow, Session: s.session, Deeper: true})
	case key.Matches(msg, k.Delete):
		s.panel = common.PanelDelete
	case key.Matches(msg, k.Copy):
		s.status = "copied as markdown"
		return tea.SetClipboard(coach.Markdown(s.session, s.deps.Flow))
	case key.Matches(msg, k.Home):
		s.GoTo(common.Exit{To: s.back})
	case key.Matches(msg, k.QuitHome):
		return tea.Quit
	case key.Matches(msg, k.Help):
		s.showAll = !s.showAll
	default:
		return keys.Scroll(&s.doc, s.deps.Keys, msg)
	}
	return nil
}

// Pending is capture's session, before a quit or a suspend.
func (s *Page) Pending() (*coach.Session, *coach.Practice) { return s.capture(), nil }

// capture keeps an open form in the session before a quit, and returns
// the session to save (nil before it has loaded).
func (s *Page) capture() *coach.Session {
	if s.readOnly != "" {
		return nil // nothing here is to be saved
	}
	if s.session != nil && s.panel == common.PanelFeedback {
		s.applyFeedback()
	}
	return s.session
}

func (s *Page) Title() string {
	if s.session == nil {
		return "Past session"
	}
	return coach.Inert(coach.Title(s.session))
}

func (s *Page) Status() string { return s.status }

func (s *Page) SetSize(w, h int) {
	s.width, s.height = w, h
	s.layout()
}

func (s *Page) ShortHelp() []key.Binding {
	k := s.deps.Keys
	switch {
	case s.session == nil:
		return []key.Binding{k.Session.Back, k.QuitHome}
	case s.panel == common.PanelFeedback:
		return []key.Binding{k.Session.NextBack, k.Session.Done,
			k.Session.Quit}
	case s.panel == common.PanelActions:
		return []key.Binding{k.Session.Move, k.Session.Tick,
			k.Session.EditPlan, k.Session.Back}
	case s.panel == common.PanelEdit:
		return []key.Binding{k.Session.Move, k.Session.EditAnswer, k.Session.Back}
	case s.panel == common.PanelDelete:
		return []key.Binding{k.Session.Delete, k.Session.Keep}
	case s.panel == common.PanelLetters:
		return s.lettersHelp()
	}
	if s.readOnly != "" {
		return []key.Binding{k.Session.Lines, k.Session.Copy, k.Letters,
			k.Session.Back, k.QuitHome}
	}
	// The line must fit 80 columns: resuming (or going deeper) and a due
	// nudge each take a place, of delete first and then of copy; both are
	// in the full help.
	b := []key.Binding{k.Feedback, k.Actions, k.Session.Edit}
	switch {
	case s.session.Status != coach.Complete:
		b = append(b, k.Resume)
	case s.restLeft > 0:
		b = append(b, k.Session.Deeper)
	}
	resumes := len(b) > 3
	if s.nudgeDue {
		b = append(b, k.Session.Nudge)
	}
	if !s.nudgeDue || !resumes {
		b = append(b, k.Session.Copy)
	}
	if !s.nudgeDue && !resumes {
		b = append(b, k.Delete)
	}
	return append(b, k.Session.Back, k.Session.More)
}

func (s *Page) FullHelp() [][]key.Binding {
	k := s.deps.Keys
	if s.panel != common.PanelNone || s.session == nil || s.readOnly != "" {
		return [][]key.Binding{s.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Session.Scroll, k.Top, k.Feedback, k.Actions, k.Edit, k.Letters, k.Resume},
		{k.Session.CopyMarkdown, k.Delete, k.Session.Back, k.QuitHome, k.Quit, k.Suspend},
	}
}

// Shows reports whether the page is of session id.
func (s *Page) Shows(id string) bool { return s.id == id }

// ShowsAll is whether the footer shows every key: ? toggles it.
func (s *Page) ShowsAll() bool { return s.showAll }
